// "Verificar una copia" on the served page (www/ui/verify.js), in Chromium:
// the offline file as built is an unmodified copy of this version; the same
// file with one byte changed is a modified file; an unrelated file is an
// unknown version. Choosing and checking the files makes no request, writes no
// storage, and breaks no CSP rule; the manifest comes in the background with
// the page's later parts, before anything is chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, openPage, SITE } from './interview.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => env && env.tearDown());

/** Before the page runs: logs every write to a store. */
function instrumentStores() {
  const log = [];
  window.__storeWrites = log;
  const wrap = (obj, name) => {
    if (!obj || typeof obj[name] !== 'function') return;
    const original = obj[name];
    obj[name] = function wrapped(...args) { log.push(name); return original.apply(this, args); };
  };
  wrap(Storage.prototype, 'setItem');
  if (window.IDBFactory) wrap(IDBFactory.prototype, 'open');
  if (window.CacheStorage) wrap(CacheStorage.prototype, 'open');
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    get() { return cookie.get.call(this); },
    set(v) { log.push('cookie'); cookie.set.call(this, v); },
  });
}

test('Verificar una copia: unmodified, modified (one byte), unknown; no request, no storage', async () => {
  const offline = fs.readFileSync(path.join(SITE, 'amnistia-offline.html'));
  const manifest = JSON.parse(fs.readFileSync(path.join(SITE, 'pkg/manifest.json'), 'utf8'));
  assert.equal(manifest.files['amnistia-offline.html'].sha256, crypto.createHash('sha256').update(offline).digest('hex'));
  // One byte changed in the middle of the file (inside the script, away from the commit).
  const modified = Buffer.from(offline);
  const at = Math.floor(modified.length / 2);
  modified[at] = modified[at] === 0x41 ? 0x42 : 0x41;
  const unrelated = Buffer.from('Lista de compras: harina, arroz, caraotas.\n');
  const wasm = Buffer.from(fs.readFileSync(path.join(SITE, 'pkg/amnistia_bg.wasm')));
  wasm[wasm.length - 10] ^= 1;

  const { page, context, requests, errors } = await openPage(env);
  await page.addInitScript(instrumentStores);
  await page.reload();
  await page.waitForSelector('#screen-start[data-ready]');
  // The part and the manifest arrive in the background, with nothing done.
  await page.waitForSelector('[data-testid="verify-copy"]', { state: 'attached' });
  await page.waitForFunction(() => /pkg\/manifest\.json/.test(document.querySelector('#verify-copy .help')?.textContent ?? ''));
  assert.ok(requests.some((r) => r.url.endsWith('/pkg/manifest.json')), 'the manifest was requested in the background');
  await page.waitForLoadState('networkidle');
  const before = requests.length;

  await page.click('[data-testid="verify-copy"] summary');
  const check = async (name, buffer) => {
    await page.setInputFiles('[data-testid="verify-file"]', { name, mimeType: 'text/html', buffer });
    await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid="verify-result"]')?.getAttribute('data-verdict');
      return v && v !== 'checking';
    });
    return page.evaluate(() => {
      const r = /** @type {HTMLElement} */ (document.querySelector('[data-testid="verify-result"]'));
      return { verdict: r.dataset.verdict, text: r.textContent };
    });
  };

  const same = await check('amnistia-offline.html', offline);
  assert.equal(same.verdict, 'same');
  assert.match(same.text, /Copia sin cambios de esta versión \(amnistia-offline\.html\)/);
  assert.ok(same.text.includes(manifest.files['amnistia-offline.html'].sha256), 'shows the hash');

  const changed = await check('amnistia-offline (1).html', modified);
  assert.equal(changed.verdict, 'modified');
  assert.match(changed.text, /Archivo modificado/);

  const other = await check('compras.txt', unrelated);
  assert.equal(other.verdict, 'unknown');
  assert.match(other.text, /Versión desconocida/);

  const flipped = await check('amnistia_bg.wasm', wasm);
  assert.equal(flipped.verdict, 'modified', 'a wasm of this size with one bit flipped');

  // Another version's offline copy: unknown, and it says which version it claims to be.
  const older = Buffer.from(offline.toString('latin1').split(manifest.commit.slice(0, 40)).join('0'.repeat(40)), 'latin1');
  const claimed = await check('amnistia-offline.html', older);
  assert.equal(claimed.verdict, 'unknown');
  assert.match(claimed.text, /dice ser de la versión 0{40}/);

  assert.deepEqual(requests.slice(before).map((r) => r.url), [], 'no request while checking');
  const stores = await page.evaluate(async () => ({
    writes: window.__storeWrites,
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    caches: (await caches.keys()).length,
  }));
  assert.deepEqual(stores, { writes: [], local: 0, session: 0, cookie: '', idb: 0, caches: 0 });
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});
