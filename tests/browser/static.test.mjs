// Browser test of the static export in Debian's chromium. run-static.sh
// builds the site and sets PRIVASCORE_STATIC_DIR; this file serves it from
// the sub-path /some/sub/ with a plain static file server (node's http
// module: files as they are, index.html for folders) and checks that the
// pages work there: styles and images load through relative links, links
// lead to pages, nothing is requested from another origin, no console
// error, and the embeddable ranking shows inside an <iframe> of another
// origin. Every exported page is checked for valid HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { htmlProblems } from './html_validity.mjs';

const dir = process.env.PRIVASCORE_STATIC_DIR;
const artifacts = process.env.PRIVASCORE_ARTIFACTS || 'artifacts';
if (!dir) throw new Error('PRIVASCORE_STATIC_DIR is not set; start the test with tests/browser/run-static.sh');

const prefix = '/some/sub';
const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.pdf': 'application/pdf', '.json': 'application/json', '.atom': 'application/atom+xml',
  '.xml': 'application/xml', '.csv': 'text/csv', '.md': 'text/markdown', '.toml': 'text/plain', '.txt': 'text/plain',
};

function staticServer() {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!path.startsWith(prefix + '/') || path.includes('..')) {
      response.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
}

// A page of "another site" that embeds the ranking with the snippet.
function embeddingServer(embedUrl) {
  return createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!DOCTYPE html><html lang="en"><title>Blog</title><h1>Our blog</h1>` +
        `<iframe src="${embedUrl}" title="PRIVA SCORE" width="100%" height="500" style="border:0"></iframe>`);
  });
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

let site, blog, base, blogBase, context, profile;
const requests = [];
const consoleErrors = [];

before(async () => {
  site = staticServer();
  base = `http://127.0.0.1:${await listen(site)}${prefix}`;
  blog = embeddingServer(`${base}/embed/en/video-conferencing/`);
  blogBase = `http://localhost:${await listen(blog)}`;  // another origin than 127.0.0.1
  profile = mkdtempSync(join(tmpdir(), 'privascore-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context.on('request', (request) => requests.push(request.url()));
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // The browser asks the host's root for /favicon.ico when it shows a
      // document without an icon link (the PNG opened directly); that root
      // is outside the exported site.
      if (new URL(m.location().url || page.url()).pathname === '/favicon.ico') return;
      consoleErrors.push(`${page.url()} (${m.location().url}): ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  });
});

after(async () => {
  if (context) await context.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  site?.close();
  blog?.close();
});

test('the root forwards to a language below the sub-path', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await page.waitForURL(/\/some\/sub\/(de|en)\/$/);
  assert.match(await page.getAttribute('html', 'lang'), /^(de|en)$/);
  await page.close();
});

test('a category page is styled, shows the ranking and its graphic loads', async () => {
  const page = await context.newPage();
  const response = await page.goto(`${base}/en/video-conferencing/`, { waitUntil: 'load' });
  assert.equal(response.status(), 200);
  const sheets = await page.evaluate(() => [...document.styleSheets].filter((s) => s.cssRules.length > 0).length);
  assert.ok(sheets >= 1, 'the stylesheet loads through its relative link');
  assert.match(await page.textContent('body'), /Nextcloud Talk/);
  await page.screenshot({ path: join(artifacts, 'static-category-en.png'), fullPage: true });
  // The graphic is a file next to the page.
  const graphic = await page.goto(`${base}/en/video-conferencing/graphic.png`);
  assert.equal(graphic.status(), 200);
  assert.equal(graphic.headers()['content-type'], 'image/png');
  await page.close();
});

test('following links from page to page stays below the sub-path', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/de/videokonferenz/`, { waitUntil: 'load' });
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
  // Each page once, without its fragment: a link to an anchor of the page
  // that is open is no navigation (page.goto answers null).
  const internal = [...new Set(hrefs.filter((h) => h.startsWith(base)).map((h) => h.split('#')[0]))];
  assert.ok(internal.length > 10);
  for (const href of internal.slice(0, 25)) {
    const r = await page.goto(href, { waitUntil: 'load' });
    assert.equal(r.status(), 200, href);
  }
  await page.close();
});

test('the embeddable ranking shows inside an iframe of another origin', async () => {
  const page = await context.newPage();
  await page.goto(`${blogBase}/`, { waitUntil: 'load' });
  const frame = page.frames().find((f) => f.url().includes('/embed/en/video-conferencing'));
  assert.ok(frame, 'the iframe loaded the embed page');
  await frame.waitForSelector('table');
  assert.match(await frame.textContent('table'), /Nextcloud Talk/);
  const rows = await frame.$$eval('tbody tr', (trs) => trs.length);
  assert.equal(rows, 9);
  const badge = await frame.$eval('.badge', (b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(badge, 'rgba(0, 0, 0, 0)', 'the class colour comes from the stylesheet');
  await page.screenshot({ path: join(artifacts, 'static-embed-en.png'), fullPage: true });
  await page.close();
});

test('every exported page is valid HTML', async () => {
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html'));
  assert.ok(files.length > 100, `only ${files.length} pages exported`);
  const problems = [];
  for (const file of files) {
    problems.push(...(await htmlProblems(relative(dir, join(dir, file)), readFileSync(join(dir, file), 'utf8'))));
  }
  assert.deepEqual(problems, []);
});

test('no request left the two test origins and nothing failed', () => {
  const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith(blogBase) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(consoleErrors, []);
});
