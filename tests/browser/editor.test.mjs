// Browser test of the editor in Debian's chromium. run-editor.sh starts the
// server with four accounts and sets PRIVASCORE_URL and PRIVASCORE_PASSWORD.
//
// Script payloads go into every text field an editor or a reader can fill
// (service name, vendor, licence, note, justification, evidence title and
// quote, URLs, reasons, review comment, edition title, summary and note,
// the report form, the answer). Then every public and editor page that
// shows them is opened: no dialog may open, no payload may set its marker,
// and each payload must appear as text, exactly as typed. SQL strings are
// shown verbatim too. The steps depend on each other and run in order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { htmlProblems } from './html_validity.mjs';

const base = process.env.PRIVASCORE_URL;
const password = process.env.PRIVASCORE_PASSWORD;
const artifacts = process.env.PRIVASCORE_ARTIFACTS || 'artifacts';
if (!base || !password) throw new Error('start the tests with tests/browser/run-editor.sh');

// Each payload sets window.__xss or opens a dialog if it ever runs.
const XSS = `<script>window.__xss='script';alert('xss')</script><img src=x onerror="window.__xss='img';alert(1)">"'><svg onload=alert(2)>`;
const SQL = `'); DROP TABLE draft; -- " OR 1=1`;
const payload = (field) => `${field} ${XSS} ${SQL}`;

const dialogs = [];
let context;
let profile;

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'privascore-chromium-editor-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context.on('page', (page) => {
    page.on('dialog', async (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
  });
});

after(async () => {
  if (context) await context.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// Opens path and checks that no payload ran and the given texts appear verbatim.
async function visit(page, path, texts = []) {
  const response = await page.goto(base + path, { waitUntil: 'load' });
  assert.ok(response.status() < 400, `${path}: HTTP ${response.status()}`);
  await page.waitForTimeout(50);
  assert.equal(await page.evaluate(() => window.__xss), undefined, `${path}: a payload ran`);
  assert.deepEqual(dialogs, [], `${path}: a dialog opened`);
  // The page's text as text nodes, including collapsed <details> (a note's
  // reason), without script and style elements; and no inline script at all.
  assert.equal(await page.locator('script:not([src])').count(), 0, `${path}: an inline script element`);
  const body = await page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll('script, style, template').forEach((e) => e.remove());
    return copy.textContent + '\n' +
      Array.from(document.querySelectorAll('input, textarea')).map((e) => e.value).join('\n');
  });
  for (const text of texts) assert.ok(body.includes(text), `${path}: "${text.slice(0, 40)}…" is not shown verbatim`);
  assert.equal(await page.locator('img[src="x"], svg[onload]').count(), 0, `${path}: markup from a payload`);
  if ((response.headers()['content-type'] || '').startsWith('text/html')) {
    htmlChecked += 1;
    invalidHtml.push(...(await htmlProblems(path, await response.text())));
  }
  return response;
}

// Every page visit() opened, with the payloads in it, checked for valid HTML.
let htmlChecked = 0;
const invalidHtml = [];

async function login(page, name) {
  await page.goto(`${base}/edit`);
  await page.fill('#username', name);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${base}/edit`), page.click('button[type=submit]')]);
  assert.match(await page.locator('.edit-account__name').innerText(), new RegExp(name));
}

async function logout(page) {
  await Promise.all([page.waitForURL(`${base}/edit`), page.click('.edit-account button')]);
}

async function submit(page) {
  await Promise.all([page.waitForLoadState('load'), page.click('main form.edit-form button[type=submit]')]);
}

let page;
let draftPaths = [];

test('an editor stores payloads in a new service', async () => {
  page = await context.newPage();
  await login(page, 'erika');
  await page.goto(`${base}/edit/c/video-conferencing/new-service`);
  await page.fill('#id', 'xss-meet');
  await page.fill('#name', payload('name'));
  await page.fill('#vendor', payload('vendor'));
  await page.fill('#website', 'javascript:alert(1)');
  await page.fill('#licence', payload('licence'));
  await page.fill('#note_de', payload('note de'));
  await page.fill('#note_en', payload('note en'));
  await page.fill('textarea[name=reason_de]', payload('reason de'));
  await page.fill('textarea[name=reason_en]', payload('reason en'));
  await submit(page);
  // A javascript: URL is refused; everything typed is still in the form.
  assert.match(await page.locator('.edit-message--error').innerText(), /https:\/\//);
  assert.equal(await page.inputValue('#name'), payload('name'));
  await page.fill('#website', 'https://example.org/xss-meet');
  await submit(page);
  assert.match(page.url(), /\/edit\/drafts\/\d+$/);
  draftPaths.push(new URL(page.url()).pathname);
  await visit(page, new URL(page.url()).pathname, [payload('name'), payload('vendor'), payload('reason de')]);
});

test('an editor stores payloads in a rating with evidence', async () => {
  await page.goto(`${base}/edit/c/video-conferencing/s/zoom/r/e2e`);
  await page.selectOption('#level', 'yellow');
  await page.check('input[name=status][value=sourced]');
  await page.fill('#justification_de', payload('justification de'));
  await page.fill('#justification_en', payload('justification en'));
  await page.fill('#evidence_url_3', `https://example.org/"><script>alert(3)</script>`);
  await page.fill('#evidence_title_3', payload('evidence title'));
  await page.fill('#evidence_quote_3', payload('quote'));
  await page.fill('textarea[name=reason_de]', payload('rating reason de'));
  await page.fill('textarea[name=reason_en]', payload('rating reason en'));
  await submit(page);
  // A URL with quotes and angle brackets is refused, and nothing is lost.
  assert.equal(await page.locator('.edit-message--error').count() > 0, true);
  assert.equal(await page.inputValue('#evidence_quote_3'), payload('quote'));
  await page.fill('#evidence_url_3', 'https://example.org/zoom-e2e');
  await submit(page);
  assert.match(page.url(), /\/edit\/drafts\/\d+$/);
  draftPaths.push(new URL(page.url()).pathname);
  await visit(page, new URL(page.url()).pathname, [payload('justification en'), payload('evidence title'), payload('quote')]);
  await visit(page, '/edit/c/video-conferencing/s/zoom/r/e2e', [payload('justification de'), payload('quote')]);
  await logout(page);
});

test('a reviewer approves with a payload comment and publishes an edition with payload texts', async () => {
  await login(page, 'rolf');
  for (const path of draftPaths) {
    await page.goto(base + path);
    await page.check('input[name=decision][value=approve]');
    await page.fill('#comment', payload('comment'));
    await submit(page);
    await visit(page, path, [payload('comment')]);
  }
  await visit(page, '/edit/c/video-conferencing/preview', ['+21']);
  await page.goto(`${base}/edit/c/video-conferencing/publish`);
  await page.fill('#title_de', payload('title de'));
  await page.fill('#title_en', payload('title en'));
  await page.fill('#summary_de', payload('summary de'));
  await page.fill('#summary_en', payload('summary en'));
  await page.fill('#note_de', payload('edition note de'));
  await page.fill('#note_en', payload('edition note en'));
  await page.fill('#note_reason_de', payload('edition reason de'));
  await page.fill('#note_reason_en', payload('edition reason en'));
  await submit(page);
  assert.match(await page.locator('.edit-message').first().innerText(), /published/);
});

test('public pages show the payloads as text and run nothing', async () => {
  const reader = await context.newPage();
  await visit(reader, '/en/video-conferencing', [payload('name'), payload('edition note en')]);
  await visit(reader, '/en/video-conferencing/zoom', [payload('justification en'), payload('evidence title'), payload('quote')]);
  await visit(reader, '/en/video-conferencing/xss-meet', [payload('name'), payload('vendor'), payload('licence')]);
  await visit(reader, '/en/video-conferencing/changelog', [payload('edition note en'), payload('edition reason en')]);
  await visit(reader, '/de/videokonferenz/zoom', [payload('justification de')]);
  await visit(reader, '/en/', []);
  await reader.screenshot({ path: join(artifacts, 'editor-public-after-publish.png'), fullPage: true });
  await reader.close();
});

test('a reader reports an error with payloads; the form sets no cookie', async () => {
  const reader = await context.newPage();
  const cookiesBefore = (await context.cookies()).filter((c) => c.path !== '/edit');
  await visit(reader, '/en/video-conferencing/zoom');
  await reader.selectOption('#report-feature', 'e2e');
  await reader.fill('#report-message', payload('report'));
  await reader.fill('#report-contact', payload('contact'));
  await Promise.all([reader.waitForURL(/\/en\/reports\/video-conferencing/), reader.click('.report-form button[type=submit]')]);
  await visit(reader, new URL(reader.url()).pathname + '?received=1', ['Thank you']);
  const cookiesAfter = (await context.cookies()).filter((c) => c.path !== '/edit');
  assert.deepEqual(cookiesAfter, cookiesBefore, 'public pages set no cookie');
  for (const cookie of await context.cookies()) assert.equal(cookie.path, '/edit', `cookie ${cookie.name} outside /edit`);
  await reader.close();
});

test('editors answer the report; the answer is public, the contact is not', async () => {
  await visit(page, '/edit/corrections', [payload('report'), payload('contact')]);
  await page.check('input[name=status][value=declined]');
  await page.fill('textarea[name=answer]', payload('answer'));
  await Promise.all([page.waitForURL(`${base}/edit/corrections`), page.click('.edit-report button[type=submit]')]);
  const reader = await context.newPage();
  await visit(reader, '/en/reports/video-conferencing', [payload('report'), payload('answer')]);
  assert.equal((await reader.content()).includes('contact'), false, 'the contact is never public');
  await reader.close();
});

test('editor pages with every payload: dashboard, drafts, service, audit', async () => {
  for (const [path, texts] of [
    ['/edit', []],
    ['/edit/drafts?status=all', []],
    ['/edit/c/video-conferencing', [payload('name')]],
    ['/edit/c/video-conferencing/s/xss-meet', [payload('name'), payload('vendor')]],
    ['/edit/audit', [payload('rating reason en'), payload('comment'), payload('answer')]],
    ['/edit/audit?service=zoom', [payload('justification en')]],
    ['/edit/corrections?status=all', [payload('answer')]],
  ]) {
    await visit(page, path, texts);
  }
  await page.screenshot({ path: join(artifacts, 'editor-audit.png'), fullPage: true });
  const audit = await page.goto(`${base}/edit/audit.json?service=zoom`);
  assert.equal(audit.status(), 200);
  const json = await audit.json();
  // The payload as a JSON string (its quotes escaped) inside the event's "after".
  const encoded = JSON.stringify(payload('justification en')).slice(1, -1);
  assert.ok(json.events.some((e) => JSON.stringify(e.after).includes(encoded)));
  assert.deepEqual(dialogs, []);
});

test('the session cookie is HttpOnly, SameSite=Strict and limited to /edit', async () => {
  const cookies = await context.cookies();
  assert.equal(cookies.length, 1, JSON.stringify(cookies));
  assert.equal(cookies[0].path, '/edit');
  assert.equal(cookies[0].httpOnly, true);
  assert.equal(cookies[0].sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie), '', 'scripts cannot read it');
});

test('every page opened above is valid HTML, payloads included', () => {
  assert.ok(htmlChecked >= 10, `only ${htmlChecked} pages checked`);
  assert.deepEqual(invalidHtml, []);
});
