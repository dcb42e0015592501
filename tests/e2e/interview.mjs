// Helpers shared by the end-to-end tests: open the page, answer the
// interview, and read what the core says (labels) without hard-coding text.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { launch } from './browser.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The sources (www/pkg: the core as built). */
export const WWW = path.join(ROOT, 'www');
/** The site as served: dist/, the minified copy of www/ that scripts/build-page.mjs writes. */
export const SITE = path.join(ROOT, 'dist');
export const PHONE = { width: 360, height: 640 };
/** The start screen once the core has loaded (it shows before, without the core's parts). */
export const START_READY = '#screen-start[data-ready]';
export const DESKTOP = { width: 1280, height: 800 };

/** The core itself, loaded in Node, for the labels the page must show. */
export async function loadCore() {
  const pkg = path.join(WWW, 'pkg');
  const mod = await import(path.join(pkg, 'amnistia.js'));
  mod.initSync({ module: fs.readFileSync(path.join(pkg, 'amnistia_bg.wasm')) });
  return mod;
}

export function outcomeLabel(core, lang, code) {
  return core.law(lang).outcomes.find((o) => o.code === code).label;
}

/** A route that holds the wasm back until release() is called (`held`: the URLs asked for meanwhile). */
export function holdWasm() {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const held = [];
  const route = (page) => page.route('**/pkg/amnistia_bg.wasm', async (r) => {
    held.push(r.request().url());
    await released;
    await r.fulfill({ contentType: 'application/wasm', body: fs.readFileSync(path.join(WWW, 'pkg', 'amnistia_bg.wasm')) });
  });
  return { route, release, held };
}

/**
 * Opens the page with the wasm held back (`wasm.release()` lets it through) and waits for the
 * start screen, which shows before the core. Returns what openPage does, and `wasm`.
 */
export async function openHeld(env, options = {}) {
  const wasm = holdWasm();
  const opened = await openPage(env, { ...options, route: wasm.route, waitForStart: false });
  await opened.page.waitForSelector('#screen-start');
  return { ...opened, wasm };
}

/** A server on the site as served (dist/) and a browser, shared by one test file. */
export async function setUp() {
  if (!fs.existsSync(path.join(SITE, 'pkg', 'amnistia_bg.wasm'))) {
    throw new Error('dist/ is missing: run `bash scripts/build-wasm.sh` first');
  }
  const server = await startServer({ root: SITE, port: 0 });
  const browser = await launch();
  return {
    server,
    browser,
    async tearDown() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens the page in a fresh context (nothing shared between tests) and
 * records every request and every CSP violation.
 */
export async function openPage(env, { viewport = PHONE, waitForStart = true, route, path = '/' } = {}) {
  const opened = await recordedPage(env.browser, viewport);
  if (route) await route(opened.page);
  await opened.page.goto(`${env.server.url}${path}`);
  if (waitForStart) await opened.page.waitForSelector(START_READY);
  return opened;
}

/**
 * A page in a fresh browser context that records every request
 * ({ url, at }), every page error and every CSP violation
 * (window.__cspViolations). Shared by openPage and the widget's host pages.
 */
export async function recordedPage(browser, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, context, requests, errors };
}

/**
 * Waits for the next screen after an action that re-renders (past a loading
 * screen, while the core or a part of the page arrives). `page` may be a
 * Page or a Frame; #main may be inside the <amnistia-checker> widget's shadow root.
 */
async function act(page, action) {
  const before = await page.getAttribute('#main', 'data-render');
  await action();
  await page.waitForFunction((b) => {
    const find = (root) => root.querySelector('#main')
      ?? [...root.querySelectorAll('*')].map((el) => el.shadowRoot && find(el.shadowRoot)).find(Boolean);
    const main = find(document);
    return main.dataset.render !== b && main.dataset.screen !== 'loading';
  }, before);
}

/**
 * Presses the language switch and waits until the page shows the other
 * language (the first switch to English fetches its strings).
 */
export async function switchLang(page, selector = '#lang-switch') {
  const other = (await page.getAttribute(selector, 'lang')) === 'en' ? 'es' : 'en';
  await page.click(selector);
  // The switch names the language it would switch to: the one not showing.
  await page.waitForSelector(`${selector}[lang="${other}"]`);
}

/** Picks a date in the date question: { day, month, year, to: {...} } with strings. */
export async function fillDate(page, date) {
  const row = async (prefix, d) => {
    await page.selectOption(`#${prefix}-year`, d.year);
    await page.selectOption(`#${prefix}-month`, d.month ?? '');
    await page.selectOption(`#${prefix}-day`, d.day ?? '');
  };
  await row('date-from', date);
  if (date.to) {
    await page.check('#date-is-range');
    await row('date-to', date.to);
  }
}

/**
 * Answers every question the page asks from `answers` (keyed by the
 * question's data-question), until the result shows. A value of 'unknown'
 * presses "No sé". A list answers the question each time it is put (one answer per case).
 * Returns the questions in the order they were asked.
 */
export async function interview(page, answers, { from = 'start', until } = {}) {
  const asked = [];
  if (from === 'start') await act(page, () => page.click('#btn-start'));
  for (let guard = 0; guard < 60; guard += 1) {
    const screen = await page.getAttribute('#main', 'data-screen');
    if (screen === 'result') return asked;
    if (screen !== 'question') throw new Error(`unexpected screen ${screen} after ${asked.join(', ')}`);
    const q = await page.getAttribute('#screen-question', 'data-question');
    // `until(question, asked so far)`: stop, unanswered, at the question it picks.
    if (until && until(q, asked)) return asked;
    asked.push(q);
    // "Another case?" is asked before every first result: no, unless the answers say otherwise.
    if (!(q in answers) && q !== 'another') throw new Error(`no answer for question ${q} (asked so far: ${asked.join(', ')})`);
    let value = q in answers ? answers[q] : false;
    // An answer list: one answer for each time the question is put (a question asked of each case).
    // (for the charges, a list of lists).
    if (Array.isArray(value) && (q !== 'charges' || Array.isArray(value[0]))) value = value[asked.filter((x) => x === q).length - 1];
    if (value === 'unknown') {
      await act(page, () => page.click('#screen-question [data-testid=dont-know]'));
    } else if (q === 'label') {
      if (value) await page.fill('#case-label', value);
      await act(page, () => page.click(value ? '#btn-continue' : '#btn-skip'));
    } else if (q === 'factsDate') {
      await fillDate(page, value);
      await act(page, () => page.click('#btn-continue'));
    } else if (q === 'charges') {
      if (value.length === 0) {
        await act(page, () => page.click('#btn-charges-none'));
      } else {
        for (const code of value) await page.check(`#charge-${code}`);
        await act(page, () => page.click('#btn-continue'));
      }
    } else {
      await act(page, () => page.click(`#screen-question [data-testid="choice-${value}"]`));
    }
  }
  throw new Error(`the interview did not end: ${asked.join(', ')}`);
}

export { act };

/** The covered example of the contract. */
export const COVERED = {
  situation: 'detained',
  abroad: false,
  label: 'Tribunal 2º de Control, Caracas',
  factsDate: { month: '07', year: '2024' },
  event: 12,
  charges: ['terrorism', 'incitement_to_hatred'],
  militaryJustice: false,
  ceasedConduct: true,
  phase: 'control',
  another: false,
};

/** Injects axe-core (no script tag: the CSP would block it) and runs WCAG 2.1 A/AA. */
export async function axeViolations(page) {
  const source = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** Clicks a download link (`page` a Page or Frame) and returns the downloaded text. */
export async function download(page, selector) {
  const pageOf = typeof page.page === 'function' ? page.page() : page;
  const downloading = pageOf.waitForEvent('download');
  await page.click(selector);
  const file = await downloading;
  return fs.readFileSync(await file.path(), 'utf8');
}
