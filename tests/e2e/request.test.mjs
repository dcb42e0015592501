// End-to-end tests of issue 16's page part: the written request. From a covered result, the form,
// the document (from the core), printing it (only the document prints, on at most two pages of A4
// and of Letter), the RTF file, copying the text, and "Borrar todo" afterwards: no storage write,
// no request after load beyond the page's own files, no trace of the typed name. A hostile name
// comes out inert (no element made from it) in the page and in the file; a case the law does not
// cover gets the letter to the commission. Needs dist/ (bash scripts/build-wasm.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, interview, axeViolations, COVERED, SITE, PHONE, START_READY } from './interview.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => env && env.tearDown());

const NAME = 'María Pérez';
const HOSTILE = `<img src=x onerror=alert(1)>{\\rtf1 \\par}😀${'A'.repeat(10000)}`;

/** Records every write to a store before the page's scripts run (as privacy.test.mjs does, in short). */
function instrument() {
  const log = [];
  window.__storeLog = log;
  const wrap = (obj, name, what) => {
    if (!obj || typeof obj[name] !== 'function') return;
    const original = obj[name];
    obj[name] = function wrapped(...args) { log.push(what); return original.apply(this, args); };
  };
  wrap(Storage.prototype, 'setItem', 'Storage.setItem');
  if (window.IDBFactory) wrap(IDBFactory.prototype, 'open', 'indexedDB.open');
  if (window.CacheStorage) wrap(CacheStorage.prototype, 'open', 'caches.open');
  if (window.CookieStore) wrap(CookieStore.prototype, 'set', 'cookieStore.set');
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get() { return cookie.get.call(this); }, set(v) { log.push('cookie'); cookie.set.call(this, v); } });
  for (const name of ['pushState', 'replaceState']) {
    const original = History.prototype[name];
    History.prototype[name] = function wrapped(...args) { log.push(`history ${JSON.stringify(args[0])}`); return original.apply(this, args); };
  }
  window.__imgs = 0;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'IMG' || n.querySelector?.('img')) window.__imgs++;
  }).observe(document, { childList: true, subtree: true });
  window.alert = () => { window.__alerted = true; };
}

function ownFiles() {
  const files = new Set(['/']);
  for (const rel of fs.readdirSync(SITE, { recursive: true })) {
    if (fs.statSync(path.join(SITE, rel)).isFile()) files.add(`/${rel.split(path.sep).join('/')}`);
  }
  return files;
}

async function open(at = '/', viewport = PHONE) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(instrument);
  await page.goto(`${env.server.url}${at}`);
  await page.waitForSelector(START_READY);
  await page.waitForLoadState('networkidle');
  return { context, page, requests, errors, loadedAt: Date.now() };
}

async function pdfPages(page, format) {
  const pdf = (await page.pdf({ format })).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test('a covered case: the form, the document, print, download, copy, then "Borrar todo" leaves no trace', async () => {
  const { context, page, requests, errors, loadedAt } = await open();
  await interview(page, COVERED);
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  const button = page.locator('#btn-request-0');
  assert.match(await button.textContent(), /Preparar la solicitud \(borrador\)/);
  await button.click();
  assert.match(await page.textContent('#request-privacy'), /memoria de este dispositivo.*no se guardan ni se envían.*Borrar todo/s);
  await page.fill('#req-name', NAME);
  await page.fill('#req-id', 'V-12.345.678');
  await page.check('#req-filer-lawyer');
  await page.fill('#req-filer-name', 'Abg. Luis Mora');
  await page.fill('#req-city', 'Caracas');
  await page.click('#btn-request-make');
  const doc = page.locator('#request-document');
  await doc.waitFor();
  const text = await doc.textContent();
  assert.match(text, /Tribunal de Primera Instancia en Funciones de Control/, 'the court by phase');
  assert.match(text, /sobreseimiento/, 'the petition');
  assert.ok(text.includes(NAME) && text.includes('Abg. Luis Mora'));
  assert.ok(await page.locator('#request-document .req-notice strong').isVisible(), 'the notice, in bold');
  assert.ok(await page.locator('.req-checklist li').count() > 0, 'the checklist');
  assert.deepEqual(await axeViolations(page), [], 'axe on the form and the document');

  // Print: only the document prints, on one or two pages of A4 and of Letter.
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.click('#btn-request-print');
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#request-print'), 'the document prints');
  assert.ok(!(await page.isVisible('#print-summary')), 'the summary does not');
  assert.ok(!(await page.isVisible('#main')), 'the screen does not');
  assert.match(await page.textContent('#request-print'), /sobreseimiento/);
  for (const format of ['A4', 'Letter']) {
    const n = await pdfPages(page, format);
    assert.ok(n >= 1 && n <= 2, `${format}: ${n} pages`);
  }
  await page.emulateMedia({ media: 'screen' });
  // The result's own "Imprimir" prints its summary again, not the document.
  await page.click('#btn-print');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#print-summary'));
  assert.equal(await page.locator('#request-print').count(), 0);
  await page.emulateMedia({ media: 'screen' });

  // Download: the core's RTF, the name escaped in it.
  const downloading = page.waitForEvent('download');
  await page.click('#btn-request-download');
  const file = await downloading;
  assert.equal(file.suggestedFilename(), 'solicitud-causa-1.rtf');
  const rtf = fs.readFileSync(await file.path(), 'latin1');
  assert.ok(rtf.startsWith('{\\rtf1'), rtf.slice(0, 20));
  assert.ok(rtf.includes("Mar\\u237?a P\\u233?rez"), 'the name, escaped');
  assert.ok(/^[\x00-\x7f]*$/.test(rtf), '7-bit');

  // Copy: the text, and a visible confirmation.
  await page.click('#btn-request-copy');
  await page.waitForFunction(() => document.querySelector('#request-status')?.textContent.includes('copiado'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes(NAME) && copied.includes('sobreseimiento'));
  await page.evaluate(() => navigator.clipboard.writeText(''));

  // "Borrar todo": nothing of the name stays in the page, and the form is empty afterwards.
  await page.click('#btn-erase');
  await page.waitForSelector('#screen-start');
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  for (const trace of [NAME, 'V-12.345.678', 'Luis Mora']) assert.ok(!html.includes(trace), `"${trace}" is still in the page`);
  await page.click('#btn-undo');
  await page.waitForSelector('#screen-result');
  await page.click('#btn-request-0');
  assert.equal(await page.inputValue('#req-name'), '', '"Deshacer" does not bring the details back');

  const log = await page.evaluate(() => window.__storeLog);
  assert.deepEqual(log.filter((l) => !l.startsWith('history')), [], 'no storage writes');
  for (const entry of log.filter((l) => l.startsWith('history'))) assert.doesNotMatch(entry, /María|Mora|12\.345/, entry);
  const own = ownFiles();
  const late = requests.filter((r) => r.at > loadedAt).map((r) => new URL(r.url)).filter((u) => u.protocol !== 'blob:');
  assert.deepEqual(late.filter((u) => u.origin !== env.server.url || !own.has(u.pathname)).map(String), [], 'requests after load');
  const storage = await context.storageState();
  assert.deepEqual(storage.origins, [], 'no origin storage');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a hostile name comes out inert in the page and in the file', async () => {
  const { context, page, errors } = await open();
  await interview(page, COVERED);
  await page.click('#btn-request-0');
  const imgsBefore = await page.evaluate(() => window.__imgs);
  await page.fill('#req-name', HOSTILE);
  await page.fill('#req-court', '<b>x</b>');
  await page.click('#btn-request-make');
  await page.locator('#request-document').waitFor();
  assert.ok((await page.textContent('#request-document')).includes(HOSTILE), 'the name, as text');
  assert.equal(await page.evaluate(() => window.__imgs), imgsBefore, 'no element made from the name');
  assert.equal(await page.locator('#request-document img, #request-document b').count(), 0);
  await page.evaluate(() => { window.print = () => {}; });
  await page.click('#btn-request-print');
  assert.equal(await page.locator('#print-root img, #print-root b').count(), 0);
  const downloading = page.waitForEvent('download');
  await page.click('#btn-request-download');
  const rtf = fs.readFileSync(await (await downloading).path(), 'latin1');
  assert.ok(rtf.startsWith('{\\rtf1'));
  assert.ok(rtf.includes('\\{\\u92?rtf1 \\u92?par\\}'), 'the RTF control words escaped');
  assert.ok(!rtf.includes('{\\rtf1 \\par}'), 'no raw group from the name');
  assert.ok(rtf.includes('A'.repeat(10000)));
  assert.equal(await page.evaluate(() => window.__alerted), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a case the law does not cover: the letter to the commission', async () => {
  const { context, page } = await open();
  await interview(page, { ...COVERED, label: '', charges: ['intentional_homicide'] });
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'not_covered');
  assert.match(await page.textContent('#btn-request-0'), /Preparar la carta a la comisión \(borrador\)/);
  await page.click('#btn-request-0');
  await page.click('#btn-request-make');
  await page.locator('#request-document').waitFor();
  assert.equal(await page.getAttribute('#request-document', 'data-type'), 'commission_letter');
  assert.match(await page.textContent('#request-document'), /Comisión/);
  const downloading = page.waitForEvent('download');
  await page.click('#btn-request-download');
  assert.equal((await downloading).suggestedFilename(), 'carta-comision-causa-1.rtf');
  await context.close();
});

test('under the draft law: no document, and the page says why in the core\'s words', async () => {
  const { context, page } = await open('/?law=draft-2026-02-05');
  await interview(page, COVERED);
  assert.equal(await page.locator('[data-testid=request-open]').count(), 0, 'no "Preparar…" button under the draft');
  const why = page.locator('[data-testid=request-none-reason]');
  assert.equal(await why.count(), 1);
  // The rules file's sentence for this case, up to its date slot.
  const rules = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../src/law/texts_request.toml'), 'utf8');
  const sentence = rules.split('[request_none_draft]')[1].match(/^es = "([^"{]*)\{/m)[1];
  assert.ok(sentence.length > 20, 'test setup: the template');
  assert.ok((await why.textContent()).startsWith(sentence), await why.textContent());
  assert.ok(await why.isVisible());
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('in English, an uncertain case (military courts): the contested point argued in words, no confidence tag', async () => {
  const { context, page } = await open('/?lang=en');
  await interview(page, { ...COVERED, militaryJustice: true });
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'uncertain');
  assert.match(await page.textContent('#btn-request-0'), /request/i);
  await page.click('#btn-request-0');
  await page.fill('#req-name', NAME);
  await page.click('#btn-request-make');
  const doc = page.locator('#request-document');
  await doc.waitFor();
  assert.equal(await doc.getAttribute('lang'), 'en');
  assert.equal(await doc.getAttribute('data-type'), 'request');
  const text = await doc.textContent();
  // The rules file's English sentences: the draft notice, and the military point in words.
  const rules = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../src/law/texts_request.toml'), 'utf8');
  const en = (key) => rules.split(`[${key}]`)[1].match(/^en = "([^"]*)"/m)[1];
  assert.ok(text.includes(en('request_draft_notice')), 'the draft notice');
  assert.ok(text.includes(en('request_doubt_military')), 'the military point');
  assert.ok(text.includes(NAME));
  assert.doesNotMatch(text, /disputed|single_source|inferred|confirmed/i, 'no confidence tag in a document for a court');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
