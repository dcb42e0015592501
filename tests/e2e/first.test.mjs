// The first question before the core has arrived (README, "Rendimiento"):
// the build writes www/pkg/first.js from the core itself (scripts/build-first.mjs),
// and "Empezar" shows the person's situation question from it while the wasm
// is still on its way; answering it waits for the core on the loading screen.
// Here: the snapshot says exactly what the core says (es and en); the question
// drawn from it is the one the core gives once it arrives; answering it goes
// on once the core is here; a stale snapshot gives way to the core's data; a
// missing or broken one, or a law other than the default, leaves "Empezar"
// waiting for the core, as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { setUp, openPage, interview, act, holdWasm, openHeld, loadCore, switchLang, COVERED, ROOT, WWW, START_READY } from './interview.mjs';

const FIRST_FILE = path.join(WWW, 'pkg', 'first.js');
let env;
let core;
let FIRST;
before(async () => {
  env = await setUp();
  core = await loadCore();
  ({ FIRST } = await import(pathToFileURL(FIRST_FILE).href));
});
after(async () => env && env.tearDown());

/** What the question on screen says: heading, help, each option (value, title, sub), the glossary box. */
const questionView = (page) => page.evaluate(() => {
  const section = document.querySelector('#screen-question');
  const text = (sel) => section.querySelector(sel)?.textContent ?? null;
  return {
    kind: section.dataset.question,
    heading: text('#question-heading'),
    help: text('#question-help'),
    options: [...section.querySelectorAll('.choice')].map((b) => ({
      value: b.dataset.value,
      title: b.querySelector('.choice-title').textContent,
      sub: b.querySelector('.choice-sub')?.textContent ?? null,
    })),
    gloss: [...section.querySelectorAll('.gloss p')].map((p) => p.textContent),
    all: section.innerText,
  };
});

/** The situation question's options as the core gives them (and "No sé" last). */
function coreOptions(lang) {
  const options = core.law(lang).situations.map((s) => ({ value: s.code, title: s.label, sub: s.description ?? s.help ?? null }));
  return [...options, { value: 'unknown', title: lang === 'es' ? 'No sé' : 'I don’t know', sub: null }];
}

/** Each glossary note shown is the core's own entry. */
function assertCoreGlossary(lang, notes) {
  const entries = core.law(lang).glossary.map((g) => `${g.term}: ${g.explanation}`);
  for (const note of notes) assert.ok(entries.includes(note), `glossary note from the core: ${note}`);
}

/** Resolves once the core is ready in the page (it then fetches the later parts in the background). */
const coreReady = (page) => page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/ui/result.js')));

test('the snapshot (www/pkg/first.js) is what the core says, in Spanish and English, and is tiny', async () => {
  assert.deepEqual(Object.keys(FIRST).sort(), ['en', 'es', 'id', 'rulesVersion']);
  for (const lang of ['es', 'en']) {
    const info = core.law(lang);
    assert.equal(FIRST.id, info.id, 'the default law');
    assert.equal(FIRST.rulesVersion, info.rulesVersion);
    assert.deepEqual(Object.keys(FIRST[lang]).sort(), ['glossary', 'situations'], 'only what the first question shows');
    assert.deepEqual(FIRST[lang].situations, info.situations);
    assert.deepEqual(FIRST[lang].glossary, info.glossary);
  }
  // It is what the build writes from this core, byte for byte (not a stale or hand-edited file).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-first-'));
  try {
    for (const f of ['amnistia.js', 'amnistia_bg.wasm']) fs.copyFileSync(path.join(WWW, 'pkg', f), path.join(dir, f));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-first.mjs'), '--pkg', dir], { stdio: 'pipe' });
    assert.equal(fs.readFileSync(path.join(dir, 'first.js'), 'utf8'), fs.readFileSync(FIRST_FILE, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const brotli = zlib.brotliCompressSync(fs.readFileSync(FIRST_FILE), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  assert.ok(brotli < 2048, `first.js is ${brotli} bytes brotli`);
});

test('with the wasm held back, "Empezar" shows the situation question, the same as the core gives once it arrives', async () => {
  const { page, context, errors, wasm } = await openHeld(env);
  await page.click('#btn-start');
  await page.waitForSelector('#screen-question');
  assert.equal(await page.locator(START_READY).count(), 0);
  const early = await questionView(page);
  assert.equal(early.kind, 'situation');
  assert.deepEqual(early.options, coreOptions('es'), 'the options are the core\'s situations');
  assert.ok(early.gloss.length > 0, 'with the core\'s glossary notes ("medidas cautelares")');
  assertCoreGlossary('es', early.gloss);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'question-heading');
  assert.equal(wasm.held.length, 1, 'the core is still on its way');
  await page.evaluate(() => { document.querySelector('#screen-question').__early = true; });

  // The core arrives: the question agrees with it, so it stays as it is.
  wasm.release();
  await coreReady(page);
  assert.equal(await page.evaluate(() => document.querySelector('#screen-question').__early), true, 'not redrawn');
  // Back and "Empezar" again, now from the core: the same question, word for word.
  await act(page, () => page.click('#btn-back'));
  await page.waitForSelector(START_READY);
  await act(page, () => page.click('#btn-start'));
  assert.deepEqual(await questionView(page), early);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first question needs neither the wasm nor its glue (the byte budget\'s "first question" figure)', async () => {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const held = [];
  const route = (page) => page.route(/\/pkg\/amnistia(_bg\.wasm|\.js)(\?.*)?$/, async (r) => {
    held.push(new URL(r.request().url()).pathname);
    await released;
    await r.continue();
  });
  const { page, context, errors } = await openPage(env, { waitForStart: false, route });
  await page.waitForSelector('#screen-start');
  await page.click('#btn-start');
  await page.waitForSelector('#screen-question');
  assert.equal((await questionView(page)).kind, 'situation');
  assert.deepEqual([...new Set(held)].sort(), ['/pkg/amnistia.js', '/pkg/amnistia_bg.wasm'], 'both still on their way');
  release();
  await coreReady(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('answering it while the core is held shows the loading screen, then the next question; the check completes', async () => {
  const { page, context, errors, wasm } = await openHeld(env);
  await page.click('#btn-start');
  await page.waitForSelector('#screen-question[data-question="situation"]');
  await page.click('[data-testid="choice-detained"]');
  await page.waitForSelector('#screen-loading');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'screen-loading');
  // It waits as long as the core does.
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'loading');
  wasm.release();
  await page.waitForSelector('#screen-question[data-question="factsDate"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'question-heading');
  // The answer was kept: "Atrás" shows it as the previous one.
  await act(page, () => page.click('#btn-back'));
  assert.equal(await page.getAttribute('#screen-question .choice.chosen', 'data-value'), 'detained');
  await act(page, () => page.click('[data-testid="choice-detained"]'));
  await interview(page, COVERED, { from: 'here' });
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in English (?lang=en, and a switch on the question), the question from the snapshot is the core\'s English', async () => {
  const { page, context, errors, wasm } = await openHeld(env, { path: '/?lang=en' });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('#btn-start');
  await page.waitForSelector('#screen-question');
  const en = await questionView(page);
  assert.deepEqual(en.options, coreOptions('en'));
  assertCoreGlossary('en', en.gloss);
  // Switching language on it redraws it from the snapshot's other language.
  await switchLang(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.deepEqual((await questionView(page)).options, coreOptions('es'));
  wasm.release();
  await coreReady(page);
  await switchLang(page);
  assert.deepEqual(await questionView(page), en, 'the same as from the core');
  assert.deepEqual(errors, []);
  await context.close();
});

/** FIRST, gone stale: another rules version, other labels, a situation the core does not know. */
function staleFirst() {
  const stale = structuredClone(FIRST);
  stale.rulesVersion = 'sha256:0000000000000000';
  for (const lang of ['es', 'en']) {
    stale[lang].situations = stale[lang].situations.map((s) => ({ ...s, label: `VIEJO ${s.label}` }));
    stale[lang].situations.push({ code: 'stale_only', label: 'VIEJO Solo en el archivo viejo', description: 'Ya no existe.' });
  }
  return `export const FIRST = ${JSON.stringify(stale)};\n`;
}

/** Opens the page with the wasm held and pkg/first.js replaced by `body` (or answered by `handler`). */
async function withFirst(handler) {
  const wasm = holdWasm();
  const route = async (page) => {
    await wasm.route(page);
    await page.route('**/pkg/first.js', handler);
  };
  const opened = await openPage(env, { waitForStart: false, route });
  await opened.page.waitForSelector('#screen-start');
  return { ...opened, wasm };
}

const serve = (body) => (r) => r.fulfill({ contentType: 'text/javascript; charset=utf-8', body });

test('a stale first.js: the question shown from it is redrawn from the core when it arrives', async () => {
  const { page, context, errors, wasm } = await withFirst(serve(staleFirst()));
  await page.click('#btn-start');
  await page.waitForSelector('#screen-question');
  assert.match(await page.textContent('#screen-question'), /VIEJO Detenido\/a/, 'drawn from the (stale) snapshot');
  wasm.release();
  await page.waitForFunction(() => !document.querySelector('#screen-question').textContent.includes('VIEJO'));
  assert.deepEqual((await questionView(page)).options, coreOptions('es'), 'the core\'s data wins');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'question-heading', 'the focus stays');
  await interview(page, COVERED, { from: 'here' });
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [choice, kept] of [['detained', 'detained'], ['stale_only', null]]) {
  test(`a stale first.js, answered (${choice}) before the core: the core asks the question again${kept ? ', with the answer kept' : ''}`, async () => {
    const { page, context, errors, wasm } = await withFirst(serve(staleFirst()));
    await page.click('#btn-start');
    await page.waitForSelector('#screen-question');
    await page.click(`[data-testid="choice-${choice}"]`);
    await page.waitForSelector('#screen-loading');
    wasm.release();
    await page.waitForSelector('#screen-question');
    assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'situation');
    const view = await questionView(page);
    assert.deepEqual(view.options, coreOptions('es'), 'now from the core');
    assert.equal(await page.locator('#screen-question .choice.chosen').count(), kept ? 1 : 0);
    if (kept) assert.equal(await page.getAttribute('#screen-question .choice.chosen', 'data-value'), kept);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'question-heading');
    await interview(page, COVERED, { from: 'here' });
    assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
    // "Atrás" from the result walks back to the start screen, never to the stale question.
    for (let i = 0; i < 12 && (await page.getAttribute('#main', 'data-screen')) !== 'start'; i += 1) {
      await act(page, () => page.click('#btn-back'));
      assert.doesNotMatch(await page.textContent('#main'), /VIEJO/);
    }
    assert.equal(await page.getAttribute('#main', 'data-screen'), 'start');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

const BROKEN = {
  'missing (404)': (r) => r.fulfill({ status: 404, body: 'not found' }),
  'unreachable': (r) => r.abort('failed'),
  'not JavaScript': serve('export const FIRST = {'),
  'of the wrong shape': serve('export const FIRST = { es: { situations: [] } };\n'),
};

for (const [what, handler] of Object.entries(BROKEN)) {
  test(`first.js ${what}: "Empezar" waits for the core on the loading screen, as before`, async () => {
    const { page, context, errors, wasm } = await withFirst(handler);
    await page.click('#btn-start');
    await page.waitForSelector('#screen-loading');
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('#main', 'data-screen'), 'loading');
    wasm.release();
    await page.waitForSelector('#screen-question');
    assert.deepEqual((await questionView(page)).options, coreOptions('es'));
    await interview(page, COVERED, { from: 'here' });
    assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('another law asked for (?law=draft-…): "Empezar" waits for the core, whose draft banner the question then shows', async () => {
  const { page, context, wasm } = await openHeld(env, { path: '/?law=draft-2026-02-05' });
  await page.click('#btn-start');
  await page.waitForSelector('#screen-loading');
  wasm.release();
  await page.waitForSelector('#screen-question');
  assert.ok(await page.isVisible('#draft-banner'));
  await context.close();
});
