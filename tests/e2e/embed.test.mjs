// "Insertar en su sitio": the <amnistia-checker> widget (www/embed.js) and
// the <iframe> option (index.html?embed=1), embedded in a foreign, hostile
// host page served from another port (another origin) under the strict CSP
// the README tells hosts to use. A check completes both ways; host styles do
// not break the widget and the widget's do not leak out; the documented
// --amnistia-* properties theme it; print gives the one-page summary; and
// nothing is requested beyond the widget's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { launch } from './browser.mjs';
import { hostPage } from './host-page.mjs';
import { interview, act, holdWasm, loadCore, recordedPage, COVERED, PHONE, DESKTOP, ROOT, SITE, START_READY } from './interview.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// The widget's own files: nothing else may be requested from its origin. Its JavaScript is all in
// the one bundle, embed.js (scripts/build-embed.mjs); parts.css comes once the core is ready.
const WIDGET_FILES = new Set(['/embed.js', '/style.css', '/parts.css', '/pkg/amnistia_bg.wasm']);
const IFRAME_FILES = new Set(['/index.html', '/app.js', '/core-loader.js', '/page.js', '/checker.js', '/interview.js', '/i18n.js', '/i18n-en.js', '/style.css', '/parts.css',
  '/pkg/amnistia.js', '/pkg/amnistia_bg.wasm', '/pkg/first.js', '/screen-list.js', '/ui/dom.js', '/ui/start.js', '/ui/questions.js', '/ui/result.js',
  '/ui/print.js', '/ui/request.js', '/ui/law-view.js', '/ui/result-screen.js', '/ui/timeline.js', '/ui/status.js', '/ui/screening.js']);

let widget;
let host;
let browser;
before(async () => {
  // Module scripts and the fetches of the wasm and the stylesheet are CORS requests.
  widget = await startServer({ root: SITE, port: 0, headers: { 'Access-Control-Allow-Origin': '*' } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-host-'));
  fs.copyFileSync(path.join(HERE, 'fixtures', 'hostile.css'), path.join(dir, 'hostile.css'));
  fs.writeFileSync(path.join(dir, 'host.html'), hostPage(widget.url));
  fs.writeFileSync(path.join(dir, 'plain.html'), hostPage(widget.url, { widgetTag: '', iframe: false, script: false }));
  fs.writeFileSync(path.join(dir, 'host-widget.html'), hostPage(widget.url, { iframe: false }));
  fs.writeFileSync(path.join(dir, 'host-en.html'), hostPage(widget.url, { widgetTag: '<amnistia-checker lang="en" law="draft-2026-02-05"></amnistia-checker>', iframe: false }));
  host = await startServer({ root: dir, port: 0 });
  host.dir = dir;
  assert.notEqual(new URL(host.url).origin, new URL(widget.url).origin, 'another origin');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
  if (host) fs.rmSync(host.dir, { recursive: true, force: true });
});

async function openHost(file, { viewport = DESKTOP, route, waitForStart = true } = {}) {
  const opened = await recordedPage(browser, viewport);
  if (route) await route(opened.page);
  await opened.page.goto(`${host.url}/${file}`);
  if (waitForStart) await opened.page.waitForSelector(`amnistia-checker ${START_READY}`).catch(() => {});
  return opened;
}

const frameOf = async (page) => {
  const handle = await page.waitForSelector('#amnistia-frame');
  const frame = await handle.contentFrame();
  await frame.waitForSelector(START_READY);
  return frame;
};

const PROBE_PROPS = ['display', 'position', 'width', 'height', 'color', 'background-color', 'font-size', 'font-family', 'border-top-style', 'padding-top', 'margin-top', 'clip', 'visibility', 'text-transform'];
const probeStyles = (page) => page.evaluate((props) => ['html', 'body', '#host-title', '#host-text', '#host-button', '#host-hidden', '#host-h2']
  // (the page itself grows by the widget's height, of course)
  .map((sel) => [sel, props.filter((p) => !(p === 'height' && ['html', 'body'].includes(sel)))
    .map((p) => getComputedStyle(document.querySelector(sel)).getPropertyValue(p)).join(' | ')]), PROBE_PROPS);

/** Computed styles inside the widget's shadow root. */
/** WCAG 2.1 A/AA violations inside the widget (its shadow tree), or in a frame's whole page. */
async function axe(target, scope) {
  await target.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await target.evaluate((sel) => window.axe.run(sel ? document.querySelector(sel) : document,
    { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }), scope);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

const inWidget = (page, selector, props) => page.evaluate(([sel, ps]) => {
  const el = document.querySelector('amnistia-checker').shadowRoot.querySelector(sel);
  const cs = getComputedStyle(el);
  return Object.fromEntries(ps.map((p) => [p, cs.getPropertyValue(p)]));
}, [selector, props]);

test('the widget completes a check in a hostile host page, isolated both ways, requesting only its own files', async () => {
  const plain = await openHost('plain.html');
  const before = await probeStyles(plain.page);
  await plain.context.close();

  const { page, context, requests, errors } = await openHost('host.html');
  await page.waitForLoadState('networkidle');
  const loadedAt = Date.now();
  const entries = await page.evaluate(() => history.length);
  await interview(page, COVERED);
  assert.equal(await page.getAttribute('amnistia-checker #screen-result', 'data-outcome'), 'covered');
  assert.equal(await page.evaluate(() => history.length), entries, 'the widget adds no history entries');
  await page.click('amnistia-checker #more-why summary');
  assert.ok(await page.isVisible('amnistia-checker #more-why [data-article="8.12"]'));

  // Host styles do not reach in: the widget's own sizes, fonts and colours.
  const wrapper = await inWidget(page, '.widget', ['font-size', 'text-transform', 'letter-spacing', 'text-align', 'font-style', 'line-height']);
  assert.deepEqual(wrapper, { 'font-size': '17px', 'text-transform': 'none', 'letter-spacing': 'normal', 'text-align': 'start', 'font-style': 'normal', 'line-height': '25.5px' });
  const heading = await inWidget(page, '#result-heading', ['font-size', 'color', 'font-family', 'border-top-style']);
  assert.equal(heading['font-size'], '34px', 'the outcome heading (2em on a wide screen)');
  assert.equal(heading.color, 'rgb(13, 77, 32)', 'the heading is the outcome, in its colour');
  assert.match(heading['font-family'], /^Georgia/, 'themed with --amnistia-font');
  assert.equal(heading['border-top-style'], 'none');
  const print = await inWidget(page, '#btn-print', ['background-color', 'color', 'font-size', 'min-height']);
  assert.deepEqual(print, { 'background-color': 'rgb(107, 29, 122)', color: 'rgb(255, 255, 255)', 'font-size': '17px', 'min-height': '48px' }, 'themed with --amnistia-primary');
  const outcome = await inWidget(page, '#outcome-0', ['background-color', 'border-top-color']);
  assert.deepEqual(outcome, { 'background-color': 'rgb(230, 244, 234)', 'border-top-color': 'rgb(30, 123, 52)' }, 'outcome colours are the widget\'s');
  const small = await page.evaluate(() => [...document.querySelector('amnistia-checker').shadowRoot.querySelectorAll('button, select, input, summary')]
    .filter((el) => el.offsetParent !== null).map((el) => el.getBoundingClientRect()).filter((r) => r.height < 44 || r.width < 44).length);
  assert.equal(small, 0, 'every control at least 44px');

  assert.deepEqual(await axe(page, 'amnistia-checker'), [], 'axe inside the widget');

  // Widget styles do not leak out: the host's elements look as on the page without the widget.
  assert.deepEqual(await probeStyles(page), before);

  // Nothing beyond the widget's own files, and nothing after load.
  const widgetOrigin = new URL(widget.url).origin;
  const hostOrigin = new URL(host.url).origin;
  for (const { url } of requests) {
    const u = new URL(url);
    if (u.origin === hostOrigin) assert.ok(['/host.html', '/hostile.css'].includes(u.pathname), `host request ${url}`);
    else if (u.origin === widgetOrigin) assert.ok(WIDGET_FILES.has(u.pathname) || (IFRAME_FILES.has(u.pathname) && u.pathname !== '/'), `widget request ${url}`);
    else assert.fail(`a request to another origin: ${url}`);
  }
  assert.deepEqual(requests.filter((r) => r.at > loadedAt).map((r) => r.url), [], 'no request after load');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the <iframe> option completes a check, without the site chrome', async () => {
  const { page, context, requests } = await openHost('host.html');
  const frame = await frameOf(page);
  assert.ok(!(await frame.isVisible('.brand')), 'no site title');
  assert.ok(!(await frame.isVisible('#btn-screening')), 'no Organizaciones link');
  assert.ok(!(await frame.isVisible('#offline-download')), 'no download link');
  assert.ok(await frame.isVisible('#lang-switch'));
  assert.ok(await frame.isVisible('#btn-erase'));
  await interview(frame, COVERED);
  assert.equal(await frame.getAttribute('#screen-result', 'data-outcome'), 'covered');
  // Each question and the result are history entries in the iframe too: the back gesture goes to the
  // last question, inside the frame, and the host page stays where it is.
  assert.deepEqual(Object.keys(await frame.evaluate(() => history.state)), ['amnistiaStep']);
  const hostUrl = page.url();
  const rendered = await frame.getAttribute('#main', 'data-render');
  // (the host's own history.back() walks the joint session history, as the back gesture does;
  // page.goBack() would wait for a navigation of the host page that never comes)
  await page.evaluate(() => history.back());
  await frame.waitForFunction((b) => document.querySelector('#main').dataset.render !== b, rendered);
  assert.equal(await frame.getAttribute('#main', 'data-screen'), 'question');
  assert.equal(page.url(), hostUrl);
  await page.evaluate(() => history.forward());
  await frame.waitForSelector('#screen-result');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('#result-heading')).fontSize), '34px');
  assert.deepEqual(await axe(frame), [], 'axe in the iframe');
  const widgetOrigin = new URL(widget.url).origin;
  for (const { url } of requests.filter((r) => new URL(r.url).origin === widgetOrigin)) {
    assert.ok(IFRAME_FILES.has(new URL(url).pathname) || WIDGET_FILES.has(new URL(url).pathname), `iframe request ${url}`);
  }
  assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await context.close();
});

test('printing from the widget gives its one-page summary and hides the host page', async () => {
  const { page, context } = await openHost('host.html');
  await interview(page, COVERED);
  const screenBefore = await probeStyles(page);
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.click('amnistia-checker #btn-print');
  assert.equal(await page.evaluate(() => window.__printed), true);
  assert.deepEqual(await probeStyles(page), screenBefore, 'nothing changes on screen');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('amnistia-checker #print-summary'));
  assert.ok(!(await page.isVisible('amnistia-checker #main')), 'the interview is hidden');
  for (const sel of ['#host-title', '#host-text', '#host-button', '#amnistia-frame']) assert.ok(!(await page.isVisible(sel)), `${sel} hidden in print`);
  const summary = await page.textContent('amnistia-checker #print-summary');
  assert.match(summary, /Entra en la amnistía/);
  assert.match(summary, /Número de expediente/);
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'one page');
  await context.close();
});

test('the lang and law attributes set where the widget starts; changing lang switches it', async () => {
  const { page, context } = await openHost('host-en.html');
  assert.match(await page.textContent('amnistia-checker #start-heading'), /Find out whether/);
  assert.ok(await page.isVisible('amnistia-checker #draft-banner'), 'starts with the draft text');
  await page.evaluate(() => document.querySelector('amnistia-checker').setAttribute('lang', 'es'));
  assert.match(await page.textContent('amnistia-checker #start-heading'), /Averigüe/);
  assert.equal(await page.evaluate(() => document.querySelector('amnistia-checker').shadowRoot.querySelector('.widget').lang), 'es');
  await act(page, () => page.click('amnistia-checker #btn-start'));
  assert.equal(await page.getAttribute('amnistia-checker #screen-question', 'data-question'), 'situation');
  await context.close();
});

test('the widget shows its first question before the core has arrived (pkg/first.js); answering it waits for the core', async () => {
  const core = await loadCore();
  const wasm = holdWasm();
  const { page, context, requests, errors } = await openHost('host-widget.html', { viewport: PHONE, route: wasm.route, waitForStart: false });
  await page.waitForSelector('amnistia-checker #screen-start');
  await page.click('amnistia-checker #btn-start');
  await page.waitForSelector('amnistia-checker #screen-question[data-question="situation"]');
  const titles = await page.locator('amnistia-checker #screen-question .choice-title').allTextContents();
  assert.deepEqual(titles.slice(0, -1), core.law('es').situations.map((s) => s.label), 'the core\'s situations, from the snapshot');
  assert.equal(wasm.held.length, 1, 'the core is still on its way');
  assert.ok(!requests.some((r) => r.url.endsWith('/pkg/first.js')), 'the snapshot is inside the bundle (scripts/build-embed.mjs)');
  await page.click('amnistia-checker [data-testid="choice-detained"]');
  await page.waitForSelector('amnistia-checker #screen-loading');
  wasm.release();
  await page.waitForSelector('amnistia-checker #screen-question[data-question="factsDate"]');
  await interview(page, COVERED, { from: 'here' });
  assert.equal(await page.getAttribute('amnistia-checker #screen-result', 'data-outcome'), 'covered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the widget: its law changed on the first question drawn before the core: it waits for the core, then shows that law', async () => {
  const wasm = holdWasm();
  const { page, context, errors } = await openHost('host-widget.html', { viewport: PHONE, route: wasm.route, waitForStart: false });
  await page.waitForSelector('amnistia-checker #screen-start');
  await page.click('amnistia-checker #btn-start');
  await page.waitForSelector('amnistia-checker #screen-question[data-question="situation"]');
  await page.evaluate(() => document.querySelector('amnistia-checker').setAttribute('law', 'draft-2026-02-05'));
  await page.evaluate(() => document.querySelector('amnistia-checker').setAttribute('lang', 'en')); // redraws the screen
  await page.waitForSelector('amnistia-checker #screen-loading');
  wasm.release();
  await page.waitForSelector('amnistia-checker #screen-question[data-question="situation"]');
  assert.ok(await page.isVisible('amnistia-checker #draft-banner'), 'the draft text, from the core');
  assert.match(await page.textContent('amnistia-checker #btn-back'), /Back/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the widget never fails silently: without the cross-origin header the snippet\'s link shows; a later part failing shows the error state', async () => {
  // The README's snippet, with its fallback content: a link to the full page, shown until the element starts.
  const snippet = (url) => `<amnistia-checker lang="es"><a id="fallback" href="${url}/">Abrir el verificador de la amnistía</a></amnistia-checker>`;
  const bare = await startServer({ root: SITE, port: 0 }); // no Access-Control-Allow-Origin
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-host-'));
  fs.writeFileSync(path.join(dir, 'no-cors.html'), hostPage(bare.url, { widgetTag: snippet(bare.url), iframe: false }));
  fs.writeFileSync(path.join(dir, 'fallback.html'), hostPage(widget.url, { widgetTag: snippet(widget.url), iframe: false }));
  const hostB = await startServer({ root: dir, port: 0 });
  try {
    // 1. The module cannot load at all: the element never starts, and its fallback link stays visible.
    let opened = await recordedPage(browser, PHONE);
    await opened.page.goto(`${hostB.url}/no-cors.html`);
    await opened.page.waitForLoadState('networkidle');
    assert.ok(await opened.page.isVisible('#fallback'), 'the link to the full page shows');
    await opened.context.close();

    // 2. The module runs, but a later part is refused, as a fetch without the header is (a route's own
    // response would pass the browser's CORS check, so the request is refused instead): the widget shows
    // its error state, not nothing.
    opened = await recordedPage(browser, PHONE);
    await opened.page.route('**/pkg/amnistia_bg.wasm', (r) => r.abort('accessdenied'));
    await opened.page.goto(`${hostB.url}/fallback.html`);
    await opened.page.waitForSelector('amnistia-checker #error-panel');
    assert.ok(await opened.page.isVisible('amnistia-checker #error-panel'));
    assert.ok(await opened.page.isVisible('amnistia-checker #btn-retry'));
    assert.ok(!(await opened.page.isVisible('#fallback')), 'the fallback gives way once the element starts');
    await opened.context.close();
  } finally {
    await hostB.close();
    await bare.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the widget offers the written request: the form, the document, its print and its file', async () => {
  const { page, context, errors } = await openHost('host.html');
  await interview(page, COVERED);
  await page.click('amnistia-checker #btn-request-0');
  await page.fill('amnistia-checker #req-name', 'María Pérez');
  await page.click('amnistia-checker #btn-request-make');
  await page.locator('amnistia-checker #request-document').waitFor();
  assert.match(await page.textContent('amnistia-checker #request-document'), /sobreseimiento/);
  await page.evaluate(() => { window.print = () => {}; });
  await page.click('amnistia-checker #btn-request-print');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('amnistia-checker #request-print'), 'the document prints');
  assert.ok(!(await page.isVisible('amnistia-checker #print-summary')), 'the summary does not');
  await page.emulateMedia({ media: 'screen' });
  const downloading = page.waitForEvent('download');
  await page.click('amnistia-checker #btn-request-download');
  assert.ok(fs.readFileSync(await (await downloading).path(), 'latin1').startsWith('{\\rtf1'));
  assert.deepEqual(errors, []);
  await context.close();
});
