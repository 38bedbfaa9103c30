// Browser tests of the privascore site in Debian's chromium. run.sh starts
// the server and sets PRIVASCORE_URL. Every request the browser makes is
// recorded; the site must never reach another origin, log a console error
// or set a cookie.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { htmlProblems } from './html_validity.mjs';

const base = process.env.PRIVASCORE_URL;
const artifacts = process.env.PRIVASCORE_ARTIFACTS || 'artifacts';
if (!base) throw new Error('PRIVASCORE_URL is not set; start the tests with tests/browser/run.sh');
const origin = new URL(base).origin;

const requests = [];
const consoleErrors = [];
let context;
let profile;

function watch(page) {
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
}

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'privascore-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'de-DE',
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.on('request', (request) => requests.push(request.url()));
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
});

after(async () => {
  if (context) await context.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(path, width = 1280) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(base + path, { waitUntil: 'load' });
  return { page, response };
}

async function shoot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

test('the root redirects to the reader\'s language (German here)', async () => {
  const { page, response } = await open('/');
  assert.equal(response.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/de/');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await shoot(page, 'home-de-1280');
  await page.close();
});

test('German category page: the ranked table', async () => {
  const { page, response } = await open('/de/videokonferenz');
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.match(await page.locator('table.ranking caption').innerText(), /Videokonferenz-Dienste/);
  const rows = page.locator('table.ranking tbody tr');
  assert.equal(await rows.count(), 9);
  const first = rows.first();
  assert.equal((await first.locator('th').innerText()).trim(), 'Nextcloud Talk');
  assert.match(await first.locator('.ranking__points').innerText(), /249/);
  assert.match(await first.locator('.ranking__class').innerText(), /✓\s*empfehlenswert/);
  // Every level is a symbol and a word, never colour alone.
  const cell = first.locator('td.cell').first();
  assert.match(await cell.innerText(), /[●◐○✗?]\s*(gut|mittel|schlecht|fehlt|unbekannt)/);
  for (const anchor of ['serverstandort', 'e2e', 'metadaten', 'aufzeichnung', 'transparenz', 'opensource', 'anonym']) {
    assert.equal(await page.locator(`[id="${anchor}"]`).count(), 1, anchor);
  }
  await shoot(page, 'category-de-1280');
  await page.close();
});

test('following a service and switching the language', async () => {
  const { page } = await open('/de/videokonferenz');
  await page.locator('table.ranking tbody').getByRole('link', { name: 'Zoom', exact: true }).click();
  await page.waitForURL('**/de/videokonferenz/zoom');
  assert.equal((await page.locator('h1').innerText()).trim(), 'Zoom');
  assert.match(await page.locator('.result').innerText(), /90 von 270 Punkten/);
  await shoot(page, 'service-de-1280');
  await page.locator('a.lang-switch').click();
  await page.waitForURL('**/en/video-conferencing/zoom');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('.result').innerText(), /90 of 270 points/);
  await page.locator('a.lang-switch').click();
  await page.waitForURL('**/de/videokonferenz/zoom');
  await page.close();
});

test('English pages: category, methodology, changelog', async () => {
  for (const [path, needle] of [
    ['/en/', /How well do apps and services protect your data\?/],
    ['/en/video-conferencing', /Ranking/],
    ['/en/video-conferencing/methodology', /7 data-protection features, weights sum 90, × 3 points for “good” = 270 points/],
    ['/en/video-conferencing/changelog', /Compared with the edition of 29 August 2024/],
    ['/en/messengers', /Messengers/],
  ]) {
    const { page, response } = await open(path);
    assert.equal(response.status(), 200, path);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', path);
    assert.match(await page.locator('main').innerText(), needle, path);
    await page.close();
  }
});

test('keyboard: Tab reaches the skip link, then the table links, with visible focus', async () => {
  const { page } = await open('/de/videokonferenz');
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return { cls: el.className, text: el.textContent, visible: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0, background: style.backgroundColor };
  });
  assert.equal(skip.cls, 'skip-link');
  assert.equal(skip.text, 'Zum Inhalt springen');
  assert.ok(skip.visible, 'the focused skip link is on screen');
  assert.equal(skip.background, 'rgb(255, 221, 0)');
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).hash, '#main');
  let reached = null;
  for (let i = 0; i < 80 && !reached; ++i) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.closest('table.ranking') || el.tagName !== 'A') return null;
      const style = getComputedStyle(el);
      return { text: el.textContent.trim(), background: style.backgroundColor, shadow: style.boxShadow };
    });
  }
  assert.ok(reached, 'Tab reaches a link inside the ranking table');
  assert.equal(reached.background, 'rgb(255, 221, 0)', 'focus is visible');
  assert.notEqual(reached.shadow, 'none');
  await page.close();
});

test('readable at 360 px: no sideways scrolling of the page', async () => {
  for (const [path, name] of [
    ['/de/', 'home-de-360'],
    ['/de/videokonferenz', 'category-de-360'],
    ['/en/video-conferencing', 'category-en-360'],
    ['/de/videokonferenz/jitsi-meet', 'service-de-360'],
    ['/en/video-conferencing/methodology', 'methodology-en-360'],
    ['/de/videokonferenz/aenderungen', 'changelog-de-360'],
  ]) {
    const { page } = await open(path, 360);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${path} is ${width} px wide at a 360 px viewport`);
    await shoot(page, name);
    await page.close();
  }
  for (const [path, name] of [
    ['/en/video-conferencing', 'category-en-1280'],
    ['/en/video-conferencing/jitsi-meet', 'service-en-1280'],
    ['/de/videokonferenz/methodik', 'methodology-de-1280'],
    ['/en/video-conferencing/changelog', 'changelog-en-1280'],
    ['/de/messenger', 'category-messengers-de-1280'],
  ]) {
    const { page } = await open(path, 1280);
    await shoot(page, name);
    await page.close();
  }
});

test('the API answers JSON to the browser', async () => {
  const { page, response } = await open('/api/v1/categories/video-conferencing/scores?edition=latest&lang=de');
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/json/);
  const body = JSON.parse(await response.text());
  assert.equal(body.max_points, 270);
  await page.close();
});

// The static export's test checks every public page; these are the pages
// only the server makes: forms, their answers and errors, the editor's
// login, the personal ranking with weights from a shared link.
test('pages only the server makes are valid HTML', async () => {
  const pages = [
    ['GET', '/de/pruefen'],
    ['GET', '/en/probe'],
    ['GET', '/en/probe?url=http%3A%2F%2F127.0.0.1%2F'],
    ['GET', '/de/pruefen?url=kein%20name'],
    ['GET', '/en/reports/video-conferencing'],
    ['GET', '/de/meldungen/videokonferenz'],
    ['POST', '/en/report', 'category=video-conferencing&service=zoom&message='],
    ['GET', '/edit'],
    ['POST', '/edit/login', 'user=nobody&password=wrong'],
    ['GET', '/en/video-conferencing/personal?w.e2e=more&w.server-location=ignore'],
    ['GET', '/de/videokonferenz/persoenlich?w.e2e=kaputt'],
    ['GET', '/en/no-such-page'],
    ['GET', '/de/videokonferenz/kein-dienst'],
  ];
  const problems = [];
  for (const [method, path, body] of pages) {
    const response = await fetch(base + path, {
      method,
      body,
      redirect: 'manual',
      headers: body ? { 'content-type': 'application/x-www-form-urlencoded', origin } : {},
    });
    assert.match(response.headers.get('content-type') || '', /^text\/html/, `${method} ${path}: ${response.status}`);
    problems.push(...(await htmlProblems(`${method} ${path} (${response.status})`, await response.text())));
  }
  assert.deepEqual(problems, []);
});

test('nothing from other origins, no console errors, no cookies', async () => {
  assert.ok(requests.length > 10, `recorded ${requests.length} requests`);
  const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  assert.deepEqual(foreign, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await context.cookies(), []);
});
