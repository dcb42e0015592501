// End-to-end tests of issue 13's page: the result's first screen answers the
// question and says what to do now (word counts at 360×740, "Imprimir" within
// the first 1.5 screens, no jargon until a disclosure is opened), the phone's
// back and forward move between the questions, "another case?", and a case
// saved to a file and opened again. Needs www/pkg (bash scripts/build-wasm.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp, openPage, interview, act, loadCore, COVERED, START_READY } from './interview.mjs';

const PHONE_740 = { width: 360, height: 740 };
let env;
let core;
before(async () => {
  env = await setUp();
  core = await loadCore();
});
after(async () => env && env.tearDown());

/**
 * The text a reader sees inside <main>: visible text nodes, leaving out what is inside a
 * closed <details> (but its <summary>, which shows). Returns { text, words }.
 */
function visibleText(page) {
  return page.evaluate(() => {
    const main = document.querySelector('#main');
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !el.checkVisibility({ visibilityProperty: true })) continue;
      const closed = el.closest('details:not([open])');
      if (closed && !el.closest('summary')) continue;
      if (el.closest('.visually-hidden')) continue;
      parts.push(node.textContent);
    }
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    return { text, words: text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length };
  });
}

const TWO = { ...COVERED, another: [true, false], label: ['Causa de 2024', 'Causa por homicidio'], charges: [COVERED.charges, ['intentional_homicide']] };

test('a covered case at 360×740: at most 250 visible words, "Imprimir" in the first 1.5 screens, no jargon', async (t) => {
  const { page, context } = await openPage(env, { viewport: PHONE_740 });
  await interview(page, COVERED);
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  const { text, words } = await visibleText(page);
  t.diagnostic(`covered, one case: ${words} visible words`);
  const top = await page.evaluate(() => document.querySelector('#btn-print').getBoundingClientRect().top + window.scrollY);
  t.diagnostic(`"Imprimir" starts at ${Math.round(top)} px (${(top / 740).toFixed(2)} screens)`);
  assert.ok(top < 1.5 * 740, `"Imprimir" at ${top}px`);
  const law = core.law('es');
  for (const jargon of ['margen discutido', 'No impide', 'prueba principal', law.rulesVersion, law.id]) {
    assert.ok(!text.includes(jargon), `"${jargon}" is visible`);
  }
  assert.doesNotMatch(text, /Art\. \d+\.\d+/, 'an article code in the visible text');
  assert.ok(await page.isVisible('#next-now li'), '"Lo que debe hacer ahora" lists steps');
  assert.ok(await page.locator('#next-now li').count() <= 3);
  assert.ok(await page.isVisible('#information-as-of'));
  // Each disclosure opens with the keyboard.
  await page.focus('#more-technical summary');
  await page.keyboard.press('Enter');
  assert.ok(await page.isVisible('#law-footer'));
  assert.ok(words <= 250, `${words} visible words`);
  await context.close();
});

test('two cases (one covered, one not): each named with its outcome, at most 500 visible words', async (t) => {
  const { page, context } = await openPage(env, { viewport: PHONE_740 });
  const asked = await interview(page, TWO);
  assert.equal(asked.filter((q) => q === 'label').length, 2, 'both cases named once there are two');
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'mixed');
  assert.equal(await page.locator('[data-testid=proceeding]').count(), 2);
  assert.match(await page.textContent('#proceeding-0 h3'), /Causa de 2024/);
  assert.match(await page.textContent('#proceeding-1 h3'), /Causa por homicidio/);
  const { words } = await visibleText(page);
  t.diagnostic(`mixed, two cases: ${words} visible words`);
  // The core's warning comes right under the answer, before the cases.
  const next = await page.evaluate(() => document.querySelector('#outcome-overall').nextElementSibling.id);
  assert.equal(next, 'result-warning');
  assert.match(await page.textContent('#result-warning'), /puede mantener a la persona detenida/);
  assert.ok(words <= 500, `${words} visible words`);
  await context.close();
});

test('the browser\'s back and forward move between the questions and stay in the checker', async () => {
  const { page, context } = await openPage(env);
  await act(page, () => page.click('#btn-start'));
  await act(page, () => page.click('[data-testid="choice-wanted"]'));
  assert.equal(await page.getAttribute('#main', 'data-question'), 'abroad');
  await act(page, () => page.click('[data-testid="choice-true"]'));
  assert.equal(await page.getAttribute('#main', 'data-question'), 'factsDate');
  // history.state holds a step number, never an answer.
  assert.deepEqual(await page.evaluate(() => history.state), { amnistiaStep: 3 });
  await page.evaluate(() => { window.__sameDocument = true; });
  await act(page, () => page.goBack());
  assert.equal(await page.getAttribute('#main', 'data-question'), 'abroad');
  assert.match(await page.getAttribute('[data-testid="choice-true"]', 'class'), /chosen/, 'the answer given is marked');
  await act(page, () => page.goBack());
  assert.equal(await page.getAttribute('#main', 'data-question'), 'situation');
  await act(page, () => page.goForward());
  assert.equal(await page.getAttribute('#main', 'data-question'), 'abroad');
  await act(page, () => page.goForward());
  assert.equal(await page.getAttribute('#main', 'data-question'), 'factsDate');
  // "Atrás" on the page is the browser's back.
  await act(page, () => page.click('#btn-back'));
  assert.equal(await page.getAttribute('#main', 'data-question'), 'abroad');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no navigation away');
  assert.equal(new URL(page.url()).pathname, '/');
  await context.close();
});

test('"Guardar el caso en un archivo", then "Abrir un caso guardado": the same result; a bad file says why', async () => {
  const { page, context, requests } = await openPage(env);
  await interview(page, { ...COVERED, factsDate: 'unknown' });
  const outcome = await page.getAttribute('#screen-result', 'data-outcome');
  const downloading = page.waitForEvent('download');
  await page.click('#btn-save');
  const file = await downloading;
  const saved = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  assert.deepEqual(Object.keys(saved).sort(), ['person', 'proceedings']);
  assert.equal(saved.proceedings[0].factsDate, undefined, 'an unknown fact is left out');
  assert.deepEqual(core.evaluate(saved, 'es').outcome, outcome);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-case-'));
  const good = path.join(dir, 'caso.json');
  fs.writeFileSync(good, JSON.stringify(saved));
  const bad = path.join(dir, 'malo.json');
  fs.writeFileSync(bad, JSON.stringify({ person: {}, proceedings: [{ factsDate: '2024-13' }] }));

  await page.click('#btn-erase');
  await page.waitForSelector(START_READY);
  const before = requests.length;
  const input = page.getByLabel('Abrir un caso guardado', { exact: true });
  await act(page, () => input.setInputFiles(good));
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), outcome);
  // A needs_information result offers "Responder" for its questions.
  if (outcome === 'needs_information') assert.ok(await page.isVisible('[data-testid=go-answer-factsDate]'));
  // Back from it: the start screen.
  await act(page, () => page.goBack());
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'start');
  // A bad file: the core's error, in words, on the start screen.
  await page.getByLabel('Abrir un caso guardado', { exact: true }).setInputFiles(bad);
  await page.waitForSelector('#open-error:not([hidden])');
  assert.ok((await page.textContent('#open-error')).length > 10);
  await page.getByLabel('Abrir un caso guardado', { exact: true }).setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{nope') });
  await page.waitForFunction(() => document.querySelector('#open-error').textContent.includes('no'));
  // The file never left the device, and nothing was stored.
  assert.deepEqual(requests.slice(before).map((r) => r.url), []);
  const stored = await page.evaluate(async () => [localStorage.length, sessionStorage.length, (await indexedDB.databases()).length, (await caches.keys()).length, document.cookie]);
  assert.deepEqual(stored, [0, 0, 0, 0, '']);
  fs.rmSync(dir, { recursive: true, force: true });
  await context.close();
});

test('"Borrar todo" is instant; "Deshacer" brings the answers back', async () => {
  const { page, context } = await openPage(env);
  await interview(page, COVERED);
  await page.click('#btn-erase');
  await page.waitForSelector(START_READY);
  assert.ok(await page.isVisible('#btn-undo'));
  await act(page, () => page.click('#btn-undo'));
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  assert.ok(!(await page.isVisible('#btn-undo')));
  await context.close();
});

test('a year alone that matters asks for the month, saying which months the law covers', async () => {
  const { page, context } = await openPage(env);
  const asked = await interview(page, { ...COVERED, factsDate: { year: '2017' }, event: 9 }, { until: (q) => q === 'factsMonth' });
  assert.deepEqual(asked.slice(-2), ['factsDate', 'event'], 'after the event is known');
  assert.match(await page.textContent('#question-heading'), /2017/);
  // The months come from the core's windows (datePlace and windows), marked in the list.
  assert.match(await page.textContent('#question-help'), /La ley cubre .+ de 2017/);
  assert.ok(await page.locator('[data-testid=date-mark]').count() > 0);
  await interview(page, { ...COVERED, factsMonth: '05' }, { from: 'here' });
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  await context.close();
});

test('the event list is in numeral order, and marks the numerals whose windows hold the date given', async () => {
  const { page, context } = await openPage(env);
  await interview(page, { ...COVERED, factsDate: { year: '2017' } }, { until: (q) => q === 'event' });
  const values = await page.locator('#screen-question .choice').evaluateAll((els) => els.map((e) => e.dataset.value));
  const numerals = core.law('es').numerals.map((n) => String(n.number));
  assert.deepEqual(values, [...numerals, 'none', 'unknown'], 'numeral order, never ranked');
  const place = core.datePlace('2017', null);
  const marked = await page.locator('#screen-question .choice:has([data-testid=date-mark])').evaluateAll((els) => els.map((e) => Number(e.dataset.value)));
  assert.deepEqual(marked.sort((a, b) => a - b), place.places.map((p) => p.numeral).sort((a, b) => a - b));
  await context.close();
});

test('the charges: "No sé" first, the common charges before the serious ones, whole rows to tap, "Continuar" in reach', async (t) => {
  const { page, context } = await openPage(env, { viewport: PHONE_740 });
  await interview(page, COVERED, { until: (q) => q === 'charges' });
  const first = await page.evaluate(() => document.querySelector('#form-charges').firstElementChild.id);
  assert.equal(first, 'btn-dont-know');
  // A tap on the explanation ticks the box: the whole row is the target, at least 44 px tall.
  const code = core.law('es').charges[0].code;
  await page.click(`#charge-${code}-help`);
  assert.equal(await page.isChecked(`#charge-${code}`), true);
  const rows = await page.locator('.check-row').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  assert.ok(rows.every((hgt) => hgt >= 44), 'rows at least 44px');
  // The box itself, at least 24 × 24 px (WCAG 2.2 target size).
  const boxes = await page.locator('#form-charges input[type=checkbox]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
  assert.ok(boxes.length > 0 && boxes.every(([w, hh]) => w >= 24 && hh >= 24), `boxes at least 24 px: ${JSON.stringify(boxes[0])}`);
  // "Continuar" stays on screen while the list scrolls.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  const box = await page.locator('#btn-continue').boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 740, '"Continuar" in the viewport');
  const groups = await page.locator('#form-charges fieldset').evaluateAll((els) => els.map((e) => e.dataset.group));
  assert.deepEqual(groups, ['common', 'serious']);
  await context.close();
});

test('"Resumen para su abogado": reasons and both readings, blanks for the court and the case number, dates in words, one page', async () => {
  const { page, context } = await openPage(env);
  // A date in the contested margin: uncertain, with both readings and the longest list of steps.
  await interview(page, { ...COVERED, factsDate: { month: '09', year: '2024' } });
  await page.emulateMedia({ media: 'print' });
  const summary = await page.textContent('#print-summary');
  // The same readings and reason as on the screen (from the core).
  for (const sel of ['[data-testid=reading-favourable] p:last-child', '[data-testid=reading-strict] p:last-child']) {
    assert.ok(summary.includes((await page.textContent(sel)).trim()), `the print has ${sel}`);
  }
  if (await page.locator('#proceeding-0 .reason').count()) assert.ok(summary.includes((await page.textContent('#proceeding-0 .reason')).trim()), 'the reason');
  assert.match(summary, /Tribunal/);
  assert.match(summary, /Número de expediente/);
  assert.match(summary, /septiembre de 2024/);
  assert.doesNotMatch(summary, /2024-09/);
  assert.match(summary, /No preguntado \(no cambia el resultado\)/, 'a fact never asked is said to be so');
  assert.doesNotMatch(summary, /No se sabe/);
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'one page');
  await context.close();
});

/** Opens `saved` (a case object) through "Abrir un caso guardado" and returns the print summary's text. */
async function printOfSaved(page, saved) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-print-'));
  const file = path.join(dir, 'caso.json');
  fs.writeFileSync(file, JSON.stringify(saved));
  await act(page, () => page.getByLabel('Abrir un caso guardado', { exact: true }).setInputFiles(file));
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'result');
  await page.emulateMedia({ media: 'print' });
  return (await page.textContent('#print-summary')).replace(/\s+/g, ' ');
}

test('the print of a mixed case carries the overall result and the warning that the other case can keep the person detained', async () => {
  // One case of 2017 (covered), one of 2022, outside every window (not covered).
  const saved = { person: { situation: 'detained', ceasedConduct: true }, proceedings: [
    { label: 'Causa de 2017', factsDate: '2017-05-10', event: 9, charges: ['terrorism'], militaryJustice: false, phase: 'trial' },
    { label: 'Causa de 2022', factsDate: '2022-03-01', charges: ['terrorism'] },
  ] };
  const assessed = core.evaluate(saved, 'es');
  assert.equal(assessed.outcome, 'mixed', 'test setup: a mixed case');
  assert.ok(assessed.warning, 'test setup: the core warns');
  const { page, context } = await openPage(env, { viewport: PHONE_740 });
  const summary = await printOfSaved(page, saved);
  assert.ok(summary.includes(assessed.warning.replace(/\s+/g, ' ')), 'the core\'s warning is on the lawyer\'s sheet');
  assert.match(summary, /Resultado general: Resultado distinto por causa/);
  assert.ok(summary.indexOf(assessed.warning.slice(0, 30)) < summary.indexOf('Causa de 2017'), 'before the cases');
  // Citations as people read them, not the machine code "8.9".
  assert.match(summary, /artículo 8, numeral 9/);
  assert.doesNotMatch(summary, /Art\. \d+\.\d+/);
  assert.match(summary, /Suceso \(artículo 8\)\s*\S/);
  // The Art. 7 answer in the option's own words, never "Cesó la conducta: Sí".
  assert.doesNotMatch(summary, /Cesó la conducta/);
  const option = core.law('es').questions.find((q) => q.question === 'ceasedConduct').options.find((o) => o.value === true).text;
  assert.ok(summary.includes(`Actividades que se le atribuyen${option}`), 'the chosen option\'s words');
  // The file did not say the second case's court, phase or event were asked: not "No se sabe".
  assert.doesNotMatch(summary, /No se sabe/);
  assert.match(summary, /No preguntado \(no cambia el resultado\)/);
  // The sheet as a phone previews it: no sideways scrolling.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= PHONE_740.width, 'the print fits 360 px');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length <= 2, 'at most a page per case');
  await context.close();
});

test('the print under the draft cites its own articles: the event in Art. 6, the favourable reading in Art. 5', async () => {
  // The draft's numeral 10 (the 2024 elections) is event 12; a contested date gives both readings.
  const saved = { law: 'draft-2026-02-05', person: { situation: 'detained' }, proceedings: [
    { factsDate: '2024-07-30', event: 12, charges: ['drug_possession'], phase: 'control' },
  ] };
  const { page, context } = await openPage(env);
  const summary = await printOfSaved(page, saved);
  assert.match(summary, /Suceso \(artículo 6\)[^()]+\(artículo 6, numeral 10\)/);
  assert.doesNotMatch(summary, /Suceso \(artículo 8\)/);
  if (core.evaluate(saved, 'es').proceedings[0].favourableReading) assert.match(summary, /Lectura favorable \(artículo 5\)/);
  await context.close();
});
