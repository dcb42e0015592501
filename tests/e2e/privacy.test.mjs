// Privacy, tested for a whole session (issue "Hardening", item 5).
//
// One continuous session in one tab: the interview (with a language switch
// in the middle), the result, the language switch, printing (the print
// button and print emulation), screening a list in the "Organizaciones" view
// (and downloading its results), then "Borrar todo". Throughout it:
//   - 0 requests beyond the page's own files (same origin, files that exist
//     in www/), and none once the page has loaded (the later parts, English
//     included, come in the background, the same files for everyone);
//   - 0 writes to localStorage, sessionStorage, IndexedDB, Cache Storage or
//     cookies (each write API is instrumented before the page runs, and the
//     stores are checked empty at the end), no service worker, nothing in
//     window.name, nothing of the case in the URL or the history;
//   - 0 CSP violations;
//   - 0 console errors and 0 uncaught exceptions.
// At the end, nothing of the case or the list is left in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, interview, act, fillDate, COVERED, SITE, PHONE, switchLang, START_READY } from './interview.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => env && env.tearDown());

/** Runs in the page before any of its scripts: records every write to a store and every way out. */
function instrument() {
  const log = [];
  window.__privacyLog = log;
  const note = (what, detail = '') => log.push(`${what}${detail ? ` ${String(detail).slice(0, 120)}` : ''}`);
  const wrap = (obj, name, what) => {
    if (!obj || typeof obj[name] !== 'function') return;
    const original = obj[name];
    obj[name] = function wrapped(...args) { note(what, args[0]); return original.apply(this, args); };
  };
  wrap(Storage.prototype, 'setItem', 'Storage.setItem');
  wrap(Storage.prototype, 'removeItem', 'Storage.removeItem');
  wrap(Storage.prototype, 'clear', 'Storage.clear');
  if (window.IDBFactory) {
    wrap(IDBFactory.prototype, 'open', 'indexedDB.open');
    wrap(IDBFactory.prototype, 'deleteDatabase', 'indexedDB.deleteDatabase');
  }
  if (window.CacheStorage) {
    wrap(CacheStorage.prototype, 'open', 'caches.open');
    wrap(CacheStorage.prototype, 'delete', 'caches.delete');
  }
  if (window.CookieStore) wrap(CookieStore.prototype, 'set', 'cookieStore.set');
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { return cookie.get.call(this); },
    set(v) { note('document.cookie=', v); cookie.set.call(this, v); },
  });
  if (navigator.serviceWorker) wrap(ServiceWorkerContainer.prototype, 'register', 'serviceWorker.register');
  wrap(Navigator.prototype, 'sendBeacon', 'sendBeacon');
  // Each question is a history entry: what goes in (its state, and a URL if any) is recorded, to be checked.
  for (const name of ['pushState', 'replaceState']) {
    const original = History.prototype[name];
    History.prototype[name] = function wrapped(...args) {
      note(`history.${name}`, `${JSON.stringify(args[0])}${args.length > 2 ? ` url=${args[2]}` : ''}`);
      return original.apply(this, args);
    };
  }
  for (const name of ['WebSocket', 'EventSource', 'RTCPeerConnection', 'SharedWorker', 'Worker']) {
    const Original = window[name];
    if (!Original) continue;
    window[name] = new Proxy(Original, { construct(target, args, nt) { note(`new ${name}`, args[0]); return Reflect.construct(target, args, nt); } });
  }
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** Every file the site serves (dist/), as the URL paths the server gives them. */
function ownFiles() {
  const files = new Set(['/']);
  for (const rel of fs.readdirSync(SITE, { recursive: true })) {
    if (fs.statSync(path.join(SITE, rel)).isFile()) files.add(`/${rel.split(path.sep).join('/')}`);
  }
  return files;
}

const LIST = [
  'id,label,factsDate,event,charges,militaryJustice,situation,abroad,ceasedConduct',
  'VEN-0001,Preso político Ana Rondón,2024-07-30,12,terrorism,false,detained,false,true',
  'VEN-0002,Causa de Luis Marcano,2019-04-30,10,military_rebellion,true,detained,false,true',
  'VEN-0003,Expediente de Carla Pinto,2014-02,7,,,,,',
].join('\n');

test('a whole session leaves no trace: no request beyond the page, no storage, no CSP violation, no console error', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const consoleErrors = [];
  const sockets = [];
  page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
  page.on('websocket', (w) => sockets.push(w.url()));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  await page.addInitScript(instrument);
  const origin = env.server.url;
  await page.goto(`${origin}/`);
  await page.waitForSelector(START_READY);
  await page.waitForLoadState('networkidle');
  const loadedAt = Date.now();
  await page.evaluate(() => { window.__sameDocument = true; });

  // The interview, switching language in the middle of a question.
  await act(page, () => page.click('#btn-start'));
  await act(page, () => page.click('[data-testid="choice-detained"]'));
  await fillDate(page, COVERED.factsDate);
  await switchLang(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await switchLang(page);
  await act(page, () => page.click('#btn-continue'));
  // A second case ("another case: yes"), each named, then the result in both languages.
  await interview(page, {
    ...COVERED, another: [true, false], label: [COVERED.label, 'Segunda causa de Pedro'], charges: [COVERED.charges, ['intentional_homicide']],
  }, { from: 'here' });
  assert.equal(await page.getAttribute('#outcome-overall', 'data-outcome'), 'mixed');
  await switchLang(page);
  assert.match(await page.textContent('#proceeding-0'), /Within the amnesty/);
  await switchLang(page);

  // Printing: the button (the browser's dialog stubbed), then print emulation.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.click('#btn-print');
  assert.equal(await page.evaluate(() => window.__printed), true);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#print-summary'));
  assert.match(await page.textContent('#print-summary'), /Tribunal 2º de Control/);
  await page.emulateMedia({ media: 'screen' });

  // The Organizaciones view: screen a list, filter it, download the results.
  const orgs = await page.$('#btn-screening');
  assert.ok(orgs && await orgs.isVisible(), 'the Organizaciones view is offered');
  await act(page, () => page.click('#btn-screening'));
  await page.setInputFiles('#screen-file', { name: 'lista-presos.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST) });
  await page.waitForSelector('#screen-screening[data-status="done"][data-elapsed-ms]');
  assert.equal(await page.getAttribute('#screen-done', 'data-rows'), '3');
  await page.click('[data-filter="covered"]');
  await switchLang(page);
  await switchLang(page);
  const downloading = page.waitForEvent('download');
  await page.click('#screen-download');
  const results = fs.readFileSync(await (await downloading).path(), 'utf8');
  assert.match(results, /^line,id,outcome/);
  await act(page, () => page.click('#screen-screening #btn-back'));
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'result');

  // "Borrar todo".
  await page.click('#btn-erase');
  await page.waitForSelector(START_READY);

  // Nothing of the case or the list is left in the page, the URL or the history.
  const html = await page.content();
  for (const secret of ['Tribunal 2º de Control', 'Segunda causa de Pedro', 'Ana Rondón', 'VEN-0001', 'lista-presos']) {
    assert.ok(!html.includes(secret), `"${secret}" is gone from the page`);
  }
  assert.equal(await page.locator('#print-summary').count(), 0);
  assert.equal(new URL(page.url()).search, '', 'nothing in the URL');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'one document the whole session');

  // Requests: only the page's own files, all before the page had loaded.
  const own = ownFiles();
  const outside = requests.filter(({ url }) => {
    const u = new URL(url);
    if (u.protocol === 'blob:') return new URL(u.pathname).origin !== origin; // the results CSV, made in the page
    return u.origin !== origin || !own.has(u.pathname) || u.search !== '';
  });
  assert.deepEqual(outside.map((r) => r.url), [], 'requests beyond the page\'s own files');
  assert.deepEqual(requests.filter((r) => r.at > loadedAt && !r.url.startsWith('blob:')).map((r) => r.url), [], 'requests after load');
  assert.deepEqual(sockets, [], 'no WebSocket');
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(resources.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:')), [], 'resource timing agrees');

  // Storage: no write was attempted, and every store is empty.
  // The history holds step numbers only: never an answer, never a URL.
  const log = await page.evaluate(() => window.__privacyLog);
  const steps = log.filter((x) => /^history\.(push|replace)State \{"amnistiaStep":\d+\}$/.test(x));
  assert.ok(steps.length > 5, 'each question is a history entry');
  assert.deepEqual(log.filter((x) => !steps.includes(x)), [], 'no write to any store, no beacon, nothing else in the history');
  const stores = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    cookie: document.cookie,
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    windowName: window.name,
    historyState: history.state,
  }));
  assert.deepEqual(stores, { localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [], cookie: '', serviceWorkers: 0, windowName: '', historyState: { amnistiaStep: 0 } });
  assert.deepEqual(await context.cookies(), [], 'no cookie in the browser context');
  const storage = await context.storageState();
  assert.deepEqual(storage.origins.filter((o) => o.localStorage.length), [], 'no origin storage in the browser context');

  // CSP and the console.
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
  assert.deepEqual(consoleErrors, [], 'console errors');
  await context.close();
});
