// Personal weights in the browser: the form works as a plain GET form with
// JavaScript off (shareable URL, labelled personal view), and with
// JavaScript on the ranking updates in place without a page load, the
// address bar carries the choices, and nothing leaves the origin.
// run.sh starts the server and sets PRIVASCORE_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.PRIVASCORE_URL;
if (!base) throw new Error('PRIVASCORE_URL is not set; start the tests with tests/browser/run.sh');
const origin = new URL(base).origin;

let browser;
const requests = [];
const consoleErrors = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
});

async function newPage(javaScriptEnabled) {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'en-GB' });
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  return { context, page };
}

// The service names of the personal ranking, in order.
async function ranking(page) {
  return page.$$eval('#personal-result tbody th a', (links) => links.map((a) => a.textContent.trim()));
}

test('without JavaScript the form submits as GET and the URL can be shared', async () => {
  const { context, page } = await newPage(false);
  const response = await page.goto(`${base}/en/messengers/personal`);
  assert.equal(response.status(), 200);
  assert.match(await page.textContent('body'), /Personal view:/);
  const official = await ranking(page);
  await page.selectOption('select[name="w.e2e"]', 'ignore');
  await page.selectOption('select[name="w.anonymous"]', 'more');
  await Promise.all([page.waitForNavigation(), page.click('form[data-personal-form] button[type="submit"]')]);
  const url = new URL(page.url());
  assert.equal(url.pathname, '/en/messengers/personal');
  assert.equal(url.searchParams.get('w.e2e'), 'ignore');
  assert.equal(url.searchParams.get('w.anonymous'), 'more');
  assert.equal(await page.inputValue('select[name="w.e2e"]'), 'ignore');
  const personal = await ranking(page);
  assert.equal(personal.length, official.length);
  assert.notDeepEqual(personal, official, 'ignoring end-to-end encryption changes the order');
  // The shareable link reproduces the page.
  const share = await page.getAttribute('[data-personal-share]', 'href');
  const again = await context.newPage();
  await again.goto(base + share);
  assert.deepEqual(await ranking(again), personal);
  await context.close();
});

test('with JavaScript the ranking updates in place and the address bar follows', async () => {
  const { context, page } = await newPage(true);
  await page.goto(`${base}/en/messengers/personal`);
  assert.equal(await page.getAttribute('form[data-personal-form]', 'data-live'), 'true');
  await page.evaluate(() => { window.stillTheSamePage = true; });
  const official = await ranking(page);
  await page.selectOption('select[name="w.e2e"]', 'ignore');
  await page.waitForFunction(() => location.search.includes('w.e2e=ignore'));
  await page.selectOption('select[name="w.anonymous"]', 'more');
  await page.waitForFunction(() => location.search.includes('w.anonymous=more'));
  await page.waitForFunction((before) => {
    const now = Array.from(document.querySelectorAll('#personal-result tbody th a')).map((a) => a.textContent.trim());
    return JSON.stringify(now) !== JSON.stringify(before);
  }, official);
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'no page load');
  assert.match(await page.textContent('#personal-result'), /w\.e2e=ignore/);
  await context.close();
});

test('the personal view stays on its own origin and logs no error', async () => {
  const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  assert.deepEqual(foreign, []);
  assert.deepEqual(consoleErrors, []);
});
