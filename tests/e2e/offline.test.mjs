// The offline single file (dist/amnistia-offline.html, scripts/build-offline.mjs)
// opened over file:// with no network: a full check works, the only request
// is the file itself, the strict CSP (sha256 hashes, no 'unsafe-inline') holds,
// print works, and the served page hands over exactly this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { setUp, openPage, interview, act, loadCore, download, COVERED, ROOT, WWW, SITE, PHONE, switchLang, START_READY } from './interview.mjs';

const FILE = path.join(SITE, 'amnistia-offline.html');
const FILE_URL = pathToFileURL(FILE).href;

let env;
let core;
before(async () => {
  // Built from the current sources (deterministic, written atomically).
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-offline.mjs')], { stdio: 'pipe' });
  env = await setUp();
  core = await loadCore();
});
after(async () => env && env.tearDown());

/** Opens the single file over file://, recording requests, errors and CSP violations. */
async function openOffline({ viewport = PHONE } = {}) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(FILE_URL);
  await page.waitForSelector(START_READY);
  return { page, context, requests, errors };
}

test('the single file holds everything, under a strict hash-based CSP', async () => {
  const html = fs.readFileSync(FILE, 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.doesNotMatch(csp, /'self'|\*|https?:/, 'no source but hashes');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  assert.equal(scripts.length, 1, 'one script');
  assert.equal(scripts[0][1].trim(), 'type="module"');
  assert.equal(styles.length, 1, 'one style');
  const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
  const directive = (name) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
  assert.equal(directive('script-src'), `script-src ${hash(scripts[0][2])} 'wasm-unsafe-eval'`);
  assert.equal(directive('style-src'), `style-src ${hash(styles[0][1])}`);
  assert.equal(directive('default-src'), "default-src 'none'");
  assert.deepEqual(html.match(/\s(?:src|href)="(?!data:|#)[^"]*"/g), null, 'no reference to another file');
  assert.ok(!html.includes('offline-download'), 'no link to download itself');
  // Every part the served page loads later (import()) is already in the one script.
  assert.doesNotMatch(scripts[0][2], /\bimport\s*\(|(?:^|[;}])import\s*[{*"']/, 'no import left to fetch');
  // The wasm inside is the one in www/pkg.
  const wasm = fs.readFileSync(path.join(WWW, 'pkg/amnistia_bg.wasm')).toString('base64');
  assert.ok(scripts[0][2].includes(JSON.stringify(wasm)), 'embeds www/pkg/amnistia_bg.wasm');
  // And the first question's snapshot of that core, with its data as built: the object literal
  // of www/pkg/first.js as esbuild writes it minified (the bundle is minified the same way).
  const { code } = await esbuild.transform(fs.readFileSync(path.join(WWW, 'pkg/first.js'), 'utf8'), { minify: true, charset: 'utf8', format: 'esm', target: 'es2021' });
  const first = code.match(/^const [\w$]+=(\{.*\});export\{[\w$]+ as FIRST\};\s*$/s);
  assert.ok(first, `www/pkg/first.js minifies to one object literal: ${code.slice(0, 80)}`);
  assert.ok(scripts[0][2].includes(first[1]), 'inlines www/pkg/first.js, with its data as built');
});

test('over file:// a full check works; the only request is the file; no CSP violation', async () => {
  const { page, context, requests, errors } = await openOffline();
  await interview(page, COVERED);
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  await page.click('#more-why summary');
  assert.ok(await page.isVisible('#more-why [data-article="8.12"]'), 'cites Art. 8.12');
  assert.match(await page.textContent('#law-footer'), new RegExp(core.law('es').rulesVersion));
  // Both languages, and back; then "Borrar todo".
  await switchLang(page);
  assert.match(await page.textContent('#outcome-0'), /Within the amnesty/);
  await switchLang(page);
  await page.click('#btn-erase');
  await page.waitForSelector(START_READY);
  assert.deepEqual(requests, [FILE_URL], 'only the file itself');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('over file:// the law view and the timeline work, with no request (issue 17)', async () => {
  const { page, context, requests, errors } = await openOffline();
  await page.waitForSelector('#btn-law');
  await act(page, () => page.click('#btn-law'));
  const info = core.law('es');
  assert.equal(await page.locator('#law-timeline rect.tl-band').count(), info.windows.length, 'one band per window segment');
  assert.equal(await page.locator('#screen-law .law-entry').count(), info.articles.length + info.numerals.length + info.exclusions.length);
  assert.ok(await page.locator('#law-compare [data-testid=compare-added] li').count() > 0, 'the comparison with the draft');
  await page.$$eval('#screen-law details', (ds) => ds.forEach((d) => { d.open = true; }));
  assert.deepEqual(requests, [FILE_URL], 'only the file itself: no source is fetched until a link is followed');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('over file:// the one-page print summary works', async () => {
  const { page, context } = await openOffline();
  await interview(page, COVERED);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#print-summary'));
  assert.ok(!(await page.isVisible('#main')), 'interview hidden');
  assert.ok(!(await page.isVisible('.site-footer')), 'footer hidden');
  const summary = await page.textContent('#print-summary');
  assert.match(summary, /Entra en la amnistía/);
  assert.match(summary, /Número de expediente/);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, 'one page for one case');
  await context.close();
});

test('over file:// the Organizaciones view screens a list and hands over the results', async () => {
  const { page, context, requests } = await openOffline();
  await act(page, () => page.click('#btn-screening'));
  const template = await download(page, '#screen-template');
  assert.match(template, /^\uFEFFid;ley;situación;/, 'Spanish headers and `;`, as a Spanish Excel opens it');
  await page.setInputFiles('#screen-file', { name: 'plantilla.csv', mimeType: 'text/csv', buffer: Buffer.from(template) });
  await page.waitForSelector('#screen-screening[data-status="done"]');
  const results = await download(page, '#screen-download');
  const lines = results.trim().split('\n');
  assert.equal(lines[0], core.screenColumns()[0]);
  assert.equal(lines.length, 3, 'the template has two example rows');
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:')), [FILE_URL], 'nothing but the file (and its own blob: downloads)');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await context.close();
});

test('the served page offers "Descargar para usar sin conexión", which hands over exactly this file', async () => {
  const { page, context, requests } = await openPage(env, { viewport: PHONE });
  const link = page.locator('#offline-download');
  assert.equal((await link.textContent()).trim(), 'Descargar para usar sin conexión');
  assert.equal(await link.getAttribute('download'), 'amnistia-offline.html');
  assert.ok(await link.isVisible());
  const downloading = page.waitForEvent('download');
  await link.click();
  const file = await downloading;
  assert.equal(file.suggestedFilename(), 'amnistia-offline.html');
  const got = fs.readFileSync(await file.path());
  assert.ok(got.equals(fs.readFileSync(FILE)), 'the same bytes as dist/amnistia-offline.html');
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((r) => new URL(r.url).origin !== origin), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await context.close();
});


test('the single file offers the written request, with no request made', async () => {
  const { page, context, requests, errors } = await openOffline();
  const before = requests.length;
  await interview(page, COVERED);
  await page.click('#btn-request-0');
  await page.fill('#req-name', 'María Pérez');
  await page.click('#btn-request-make');
  await page.locator('#request-document').waitFor();
  assert.match(await page.textContent('#request-document'), /sobreseimiento/);
  const downloading = page.waitForEvent('download');
  await page.click('#btn-request-download');
  const file = await downloading;
  assert.equal(file.suggestedFilename(), 'solicitud-causa-1.rtf');
  assert.ok(fs.readFileSync(await file.path(), 'latin1').includes('Mar\\u237?a P\\u233?rez'));
  assert.deepEqual(requests.slice(before).filter((u) => !u.startsWith('blob:')), []);
  assert.deepEqual(errors, []);
  await context.close();
});
