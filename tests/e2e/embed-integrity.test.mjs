// Integrity for embedders (README, "Insertar en su sitio"; scripts/build-embed.mjs):
//   - the widget, loaded from a mirror whose wasm differs by one byte, refuses
//     it and shows its error state, never a result; likewise a stylesheet with
//     one byte changed;
//   - the snippet's `integrity` attribute (sha384 of dist/embed.js) lets the
//     browser run the genuine bundle, and blocks a changed one;
//   - the <iframe> with the README's `sandbox` tokens still does what the page
//     needs: a whole check (allow-scripts, allow-same-origin, and allow-forms:
//     the questions are forms), the saved case and the request file download
//     (allow-downloads), print (allow-modals), a link in a new window
//     (allow-popups); without the last three, those are blocked, so each is needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { launch } from './browser.mjs';
import { interview, recordedPage, COVERED, DESKTOP, SITE, START_READY } from './interview.mjs';
import { SANDBOX, snippetIntegrity } from '../../scripts/embed-snippet.mjs';

const CORS = { 'Access-Control-Allow-Origin': '*' };
let browser;
let widget;
const dirs = [];
before(async () => {
  browser = await launch();
  widget = await startServer({ root: SITE, port: 0, headers: CORS });
});
after(async () => {
  await browser?.close();
  await widget?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const tmp = (prefix) => { const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix)); dirs.push(d); return d; };

/** A mirror of dist/ with one byte of `file` changed. */
function mirror(file) {
  const dir = tmp('amnistia-mirror-');
  fs.cpSync(SITE, dir, { recursive: true });
  for (const sibling of ['.br', '.gz']) fs.rmSync(path.join(dir, `${file}${sibling}`), { force: true });
  const bytes = fs.readFileSync(path.join(dir, file));
  const at = Math.floor(bytes.length / 2);
  bytes[at] ^= 0x01;
  fs.writeFileSync(path.join(dir, file), bytes);
  return dir;
}

/** A host page (another origin) with the widget from `origin`, under the README's CSP. */
async function host(origin, { integrity = '' } = {}) {
  const dir = tmp('amnistia-host-');
  const attr = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
  fs.writeFileSync(path.join(dir, 'host.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src ${origin}; style-src 'self'; img-src 'self' data:">
<title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${origin}/embed.js"${attr}></script></head>
<body><h1>Host</h1><amnistia-checker lang="es"><a id="fallback" href="${origin}/">Abrir</a></amnistia-checker></body></html>
`);
  const server = await startServer({ root: dir, port: 0 });
  return server;
}

for (const file of ['pkg/amnistia_bg.wasm', 'style.css']) {
  test(`a mirror whose ${file} differs by one byte: the widget refuses it and shows its error state`, async () => {
    const served = await startServer({ root: mirror(file), port: 0, headers: CORS });
    const h = await host(served.url);
    try {
      const { page, context, requests } = await recordedPage(browser, DESKTOP);
      await page.goto(`${h.url}/host.html`);
      await page.waitForSelector('amnistia-checker #error-panel');
      assert.equal(await page.textContent('amnistia-checker #error-code'), 'integrity');
      assert.ok(await page.isVisible('amnistia-checker #btn-retry'));
      assert.ok(requests.some((r) => r.url === `${served.url}/${file}`), `${file} was fetched, then refused`);
      // "Reintentar" gets the same bytes, and refuses them again: never a question, never a result.
      await page.click('amnistia-checker #btn-retry');
      await page.waitForSelector('amnistia-checker #error-panel');
      assert.equal(await page.locator('amnistia-checker #screen-result, amnistia-checker #screen-question').count(), 0);
      await context.close();
    } finally {
      await h.close();
      await served.close();
    }
  });
}

test('a mirror whose parts.css differs by one byte: the result is refused, never shown', async () => {
  const served = await startServer({ root: mirror('parts.css'), port: 0, headers: CORS });
  const h = await host(served.url);
  try {
    const { page, context } = await recordedPage(browser, DESKTOP);
    await page.goto(`${h.url}/host.html`);
    await page.waitForSelector(`amnistia-checker ${START_READY}`);
    await assert.rejects(interview(page, COVERED), /unexpected screen error/);
    assert.equal(await page.textContent('amnistia-checker #error-code'), 'integrity');
    assert.equal(await page.locator('amnistia-checker #screen-result').count(), 0);
    await context.close();
  } finally {
    await h.close();
    await served.close();
  }
});

test('the snippet\'s integrity runs the genuine bundle and blocks a changed one', async () => {
  const integrity = snippetIntegrity();
  assert.equal(integrity, `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(SITE, 'embed.js'))).digest('base64')}`);
  const good = await host(widget.url, { integrity });
  const served = await startServer({ root: mirror('embed.js'), port: 0, headers: CORS });
  const bad = await host(served.url, { integrity });
  try {
    let { page, context } = await recordedPage(browser, DESKTOP);
    await page.goto(`${good.url}/host.html`);
    await page.waitForSelector(`amnistia-checker ${START_READY}`);
    await context.close();
    ({ page, context } = await recordedPage(browser, DESKTOP));
    const console = [];
    page.on('console', (m) => console.push(m.text()));
    await page.goto(`${bad.url}/host.html`);
    await page.waitForLoadState('networkidle');
    assert.ok(await page.isVisible('#fallback'), 'the element never starts: its link to the full page stays');
    assert.ok(console.some((m) => /integrity/i.test(m)), 'the browser says why');
    await context.close();
  } finally {
    await good.close();
    await bad.close();
    await served.close();
  }
});

/**
 * Opens the iframe (the README's snippet, with `sandbox`) in a host page and goes to a result.
 * @param {string} sandbox
 */
async function sandboxed(sandbox) {
  const dir = tmp('amnistia-frame-host-');
  fs.writeFileSync(path.join(dir, 'frame.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-src ${widget.url}">
<title>Host</title><link rel="icon" href="data:,"></head>
<body><iframe id="f" src="${widget.url}/index.html?embed=1" sandbox="${sandbox}" title="Verificador" width="100%" height="900"></iframe></body></html>
`);
  const server = await startServer({ root: dir, port: 0 });
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  // Nothing leaves this machine: the "external" page is answered here.
  await context.route('https://external.example/**', (r) => r.fulfill({ contentType: 'text/html', body: '<title>external</title>' }));
  const page = await context.newPage();
  const console = [];
  page.on('console', (m) => console.push(m.text()));
  await page.goto(`${server.url}/frame.html`);
  const frame = await (await page.waitForSelector('#f')).contentFrame();
  await frame.waitForSelector(START_READY);
  await interview(frame, COVERED);
  return { page, context, frame, console, close: async () => { await context.close(); await server.close(); } };
}

/** What works in the frame: the two downloads, print, a new window. */
async function abilities(s) {
  const got = {};
  const downloaded = (selector) => Promise.race([
    s.page.waitForEvent('download', { timeout: 4000 }).then(async (d) => (await d.suggestedFilename()) || true),
    s.frame.click(selector).then(() => new Promise(() => {})),
  ]).catch(() => false);
  got.saveCase = await downloaded('#btn-save');
  await s.frame.click('#btn-request-0');
  await s.frame.fill('#req-name', 'María Pérez');
  await s.frame.click('#btn-request-make');
  await s.frame.locator('#request-document').waitFor();
  got.requestFile = await downloaded('#btn-request-download');
  // print(): with allow-modals it runs (here it returns at once: headless); without, Chromium ignores it and says so.
  const before = s.console.length;
  await s.frame.evaluate(() => window.print());
  await new Promise((r) => setTimeout(r, 300));
  got.print = !s.console.slice(before).some((m) => /Ignored call to 'print\(\)'/.test(m));
  // A link in a new window, as an external link opens (the page's sources; the law view).
  const popup = s.context.waitForEvent('page', { timeout: 4000 }).then(() => true, () => false);
  await s.frame.evaluate(() => {
    const a = Object.assign(document.createElement('a'), { href: 'https://external.example/ley', target: '_blank', rel: 'noopener noreferrer', textContent: 'ley' });
    document.body.append(a);
    a.click();
    a.remove();
  });
  got.popup = await popup;
  return got;
}

test('the iframe with the README\'s sandbox tokens: downloads, print and external links still work; each token is needed', async () => {
  assert.equal(SANDBOX, 'allow-scripts allow-same-origin allow-forms allow-downloads allow-modals allow-popups');
  let s = await sandboxed(SANDBOX);
  try {
    const got = await abilities(s);
    assert.match(String(got.saveCase), /\.json$/, 'the saved case downloads');
    assert.match(String(got.requestFile), /\.rtf$/, 'the request file downloads');
    assert.equal(got.print, true, 'print runs');
    assert.equal(got.popup, true, 'a new window opens');
  } finally {
    await s.close();
  }
  // Without those three tokens: none of those work (so the snippet needs each of them).
  s = await sandboxed('allow-scripts allow-same-origin allow-forms');
  try {
    assert.deepEqual(await abilities(s), { saveCase: false, requestFile: false, print: false, popup: false });
  } finally {
    await s.close();
  }
});
