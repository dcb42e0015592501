// End-to-end tests of the page in headless Chromium: the interview, the
// results, language, keyboard, accessibility, privacy, print and failure.
// Needs www/pkg (bash scripts/build-wasm.sh) and scripts/setup.sh's packages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setUp, openPage, interview, act, loadCore, outcomeLabel, axeViolations, COVERED, PHONE, DESKTOP, switchLang, START_READY,
} from './interview.mjs';

let env;
let core;
before(async () => {
  env = await setUp();
  core = await loadCore();
});
after(async () => env && env.tearDown());

const text = (page, sel) => page.textContent(sel);

test('a full interview for a covered case shows the outcome and cites 8.12', async () => {
  const { page, context, errors } = await openPage(env);
  const asked = await interview(page, COVERED);
  // A detained person is not asked whether they are abroad; one case needs no name; "another case?" comes last.
  assert.deepEqual(asked.slice(0, 2), ['situation', 'factsDate']);
  assert.equal(asked.at(-1), 'another');
  assert.ok(!asked.includes('abroad') && !asked.includes('label'));
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  assert.match(await text(page, '#outcome-0'), /Entra en la amnistía/);
  // Focus went to the result heading.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'result-heading');
  // Why, step by step, is one tap away: it cites Art. 8.12, with confidence badges.
  assert.ok(!(await page.isVisible('#more-why [data-article="8.12"]')), 'the steps are behind a disclosure');
  await page.click('#more-why summary');
  assert.ok(await page.isVisible('#more-why [data-article="8.12"]'), 'cites Art. 8.12');
  assert.ok(await page.locator('#more-why .steps [data-confidence]').count() > 0);
  const lawInfo = core.law('es');
  assert.match(await text(page, '#law-footer'), new RegExp(lawInfo.rulesVersion));
  assert.match(await text(page, '#law-footer'), new RegExp(lawInfo.id));
  assert.ok(await page.isVisible('#result-disclaimer'));
  // Where to find help: the core's list, one tap away, the Defensa Pública first.
  assert.ok(core.law('es').help.length > 0);
  assert.ok(await page.isVisible('#more-help summary'));
  // The live region announced the result.
  await page.waitForFunction(() => document.querySelector('#announcer').textContent.length > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('focus goes to each question heading; "Atrás" returns with the earlier answer marked', async () => {
  const { page, context } = await openPage(env);
  await act(page, () => page.click('#btn-start'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'question-heading');
  await act(page, () => page.click('[data-testid="choice-wanted"]'));
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'abroad');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'question-heading');
  await act(page, () => page.click('#btn-back'));
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'situation');
  assert.match(await page.getAttribute('[data-testid="choice-wanted"]', 'class'), /chosen/);
  // The date keeps what was typed when the language changes mid-question.
  await act(page, () => page.click('[data-testid="choice-detained"]'));
  // The years offered: the law's period (law().period), and up to this year.
  const years = await page.$$eval('#date-from-year option', (os) => os.map((o) => o.value).filter(Boolean));
  const { period } = core.law('es');
  assert.equal(years.at(-1), period.from.slice(0, 4), 'back to the start of the law\'s period');
  assert.equal(years[0], String(Math.max(Number(period.to.slice(0, 4)), new Date().getFullYear())));
  assert.equal(years.length, Number(years[0]) - Number(years.at(-1)) + 1, 'every year between');
  await page.selectOption('#date-from-year', '2024');
  await page.selectOption('#date-from-month', '07');
  await switchLang(page);
  assert.equal(await page.inputValue('#date-from-year'), '2024');
  assert.equal(await page.inputValue('#date-from-month'), '07');
  assert.match(await page.textContent('#btn-continue'), /Continue/);
  await context.close();
});

test('the date question says once that it is the date of the acts, not of the arrest', async () => {
  const { page, context } = await openPage(env);
  await act(page, () => page.click('#btn-start'));
  await act(page, () => page.click('[data-testid="choice-detained"]'));
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'factsDate');
  const text = await page.textContent('#screen-question');
  assert.equal(text.match(/detención/g)?.length, 1, text);
  await context.close();
});

test('no hover style outside `@media (hover: hover)`: on a touch screen nothing under the finger looks chosen', async () => {
  const { page, context } = await openPage(env);
  await act(page, () => page.click('#btn-screening'));
  await page.waitForFunction(() => [...document.styleSheets].some((s) => /parts/.test(s.href ?? '')));
  const loose = await page.evaluate(() => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]
    .filter((r) => r instanceof CSSStyleRule && r.selectorText.includes(':hover')).map((r) => r.selectorText)));
  assert.deepEqual(loose, []);
  await context.close();
});

test('each new screen starts at the top of the page, header in full, after a scrolled one', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const { page, context } = await openPage(env, { viewport });
    // The charges list is longer than the screen: ticking and continuing scrolls the page down.
    await interview(page, COVERED);
    const at = await page.evaluate(() => ({ y: window.scrollY, headerTop: document.querySelector('.site-header').getBoundingClientRect().top }));
    assert.deepEqual(at, { y: 0, headerTop: 0 }, `${viewport.width}px: the result screen opened scrolled`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'result-heading');
    await context.close();
  }
});

test('every control is at least 44px tall and wide', async () => {
  const { page, context } = await openPage(env);
  const small = () => page.evaluate(() => [...document.querySelectorAll('button, select, input[type=text], summary, .check label, .case-index a')]
    .filter((el) => el.offsetParent !== null)
    .map((el) => [el.id || el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
    .filter(([, r]) => r.height < 44 || r.width < 44)
    .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`));
  assert.deepEqual(await small(), [], 'start');
  await act(page, () => page.click('#btn-start'));
  await interview(page, { ...COVERED, factsDate: { month: '09', year: '2024' } }, { from: 'here' });
  assert.deepEqual(await small(), [], 'result');
  for (let i = 0; i < 8 && (await page.getAttribute('#main', 'data-question')) !== 'charges'; i += 1) {
    await act(page, () => page.click('#btn-back'));
  }
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'charges');
  assert.deepEqual(await small(), [], 'charges');
  await context.close();
});

test('the draft text shows a loud banner with its notice on the result', async () => {
  const { page, context } = await openPage(env);
  const draft = core.law('es').laws.find((l) => l.status === 'draft');
  await page.click('.law-chooser summary');
  await page.selectOption('#law-select', draft.id);
  assert.ok(await page.isVisible('#draft-banner'));
  await interview(page, { ...COVERED, label: '' });
  assert.ok(await page.isVisible('#screen-result #draft-banner'));
  assert.match(await text(page, '#draft-banner'), new RegExp(core.law('es', draft.id).notice.slice(0, 30)));
  assert.match(await text(page, '#law-footer'), new RegExp(draft.id));
  await context.close();
});

test('an excluded charge (intentional homicide) is not covered', async () => {
  const { page, context } = await openPage(env);
  await interview(page, { ...COVERED, label: '', charges: ['intentional_homicide'] });
  assert.equal(await page.getAttribute('#proceeding-0', 'data-outcome'), 'not_covered');
  assert.match(await text(page, '#outcome-0'), /No entra en la amnistía/);
  assert.equal(await page.locator('#more-why [data-article="9"]').count() > 0, true, 'cites Art. 9');
  await context.close();
});

test('a date in the contested margin (event 12, September 2024) is uncertain, with both readings', async () => {
  const { page, context } = await openPage(env);
  await interview(page, { ...COVERED, label: '', factsDate: { month: '09', year: '2024' } });
  assert.equal(await page.getAttribute('#proceeding-0', 'data-outcome'), 'uncertain');
  assert.match(await text(page, '#outcome-0'), /No está claro/);
  await page.click('#more-readings summary');
  assert.ok(await page.isVisible('[data-testid=reading-favourable]'));
  assert.ok(await page.isVisible('[data-testid=reading-strict]'));
  assert.match(await text(page, '[data-testid=reading-favourable]'), /artículo 5/);
  await context.close();
});

test('"No sé" answers end in needs_information with the options visible, and answering updates it', async () => {
  const { page, context } = await openPage(env);
  const unknowns = { situation: 'unknown', abroad: 'unknown', label: '', factsDate: 'unknown', event: 'unknown', charges: 'unknown', militaryJustice: 'unknown', ceasedConduct: 'unknown', phase: 'unknown' };
  await interview(page, unknowns);
  assert.equal(await page.getAttribute('#proceeding-0', 'data-outcome'), 'needs_information');
  assert.match(await text(page, '#outcome-0'), /Faltan datos/);
  assert.ok(await page.isVisible('[data-testid=missing]'));
  assert.ok(await page.locator('[data-testid=answer-options] li').count() >= 2, 'options listed, one tap away');
  // "Responder esta pregunta" goes to that question; an excluded charge settles it.
  const go = page.locator('[data-testid=go-answer-charges]');
  assert.ok(await go.isVisible(), 'offers to answer the charges question');
  await act(page, () => go.click());
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'charges');
  await page.check('#charge-intentional_homicide');
  await act(page, () => page.click('#btn-continue'));
  assert.equal(await page.getAttribute('#proceeding-0', 'data-outcome'), 'not_covered');
  await context.close();
});

test('two proceedings: person questions are asked once, each case gets its own outcome', async () => {
  const { page, context } = await openPage(env);
  await interview(page, { ...COVERED, label: 'Causa A' });
  await act(page, () => page.click('#btn-add-case'));
  const asked = await interview(page, { ...COVERED, label: 'Causa B', charges: ['intentional_homicide'] }, { from: 'here' });
  for (const personal of ['situation', 'abroad', 'ceasedConduct']) assert.ok(!asked.includes(personal), `${personal} asked again`);
  assert.equal(await page.locator('[data-testid=proceeding]').count(), 2);
  assert.equal(await page.getAttribute('#proceeding-0', 'data-outcome'), 'covered');
  assert.equal(await page.getAttribute('#proceeding-1', 'data-outcome'), 'not_covered');
  assert.equal(await page.getAttribute('#outcome-overall', 'data-outcome'), 'mixed');
  assert.match(await text(page, '#proceeding-1 h3'), /Causa B/);
  await context.close();
});

test('the language switch changes lang and text without a reload, from the core', async () => {
  const { page, context } = await openPage(env);
  await interview(page, COVERED);
  await page.evaluate(() => { window.__sameDocument = true; });
  await switchLang(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.match(await text(page, '#outcome-0'), /Within the amnesty/);
  assert.match(await text(page, '#btn-print'), /Print/);
  const theCase = {
    person: { situation: 'detained', ceasedConduct: true },
    proceedings: [{ factsDate: '2024-07', event: 12, charges: COVERED.charges, militaryJustice: false, phase: 'control' }],
  };
  assert.equal((await text(page, '#more-why .summary')).trim(), core.evaluate(theCase, 'en').proceedings[0].summary);
  await switchLang(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.match(await text(page, '#outcome-0'), /Entra en la amnistía/);
  await context.close();
});

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

test('the whole interview works with the keyboard alone', async () => {
  const { page, context } = await openPage(env);
  const press = async (selector, key = 'Enter') => {
    await tabTo(page, selector);
    const before = await page.getAttribute('#main', 'data-render');
    await page.keyboard.press(key);
    await page.waitForFunction((b) => document.querySelector('#main').dataset.render !== b, before);
  };
  await press('#btn-start');
  await press('[data-testid="choice-detained"]');
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'factsDate');
  await tabTo(page, '#date-from-month');
  await page.keyboard.type('julio');
  await tabTo(page, '#date-from-year');
  await page.keyboard.type('2024');
  await press('#btn-continue');
  await press('[data-testid="choice-12"]');
  for (const code of COVERED.charges) {
    await tabTo(page, `#charge-${code}`);
    await page.keyboard.press('Space');
  }
  await press('#btn-continue');
  for (let i = 0; i < 5 && (await page.getAttribute('#main', 'data-screen')) === 'question'; i += 1) {
    const q = await page.getAttribute('#screen-question', 'data-question');
    await press(`[data-testid="choice-${COVERED[q]}"]`);
  }
  assert.equal(await page.getAttribute('#proceeding-0', 'data-outcome'), 'covered');
  // Back with the keyboard, and erase everything.
  await press('#btn-back');
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'question');
  await page.keyboard.press('Shift+Tab');
  await press('#btn-erase');
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'start');
  await context.close();
});

test('axe-core finds no WCAG 2.1 A/AA violations on start, question and result screens', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const { page, context } = await openPage(env, { viewport });
    assert.deepEqual(await axeViolations(page), [], 'start screen');
    await act(page, () => page.click('#btn-start'));
    assert.deepEqual(await axeViolations(page), [], 'first question');
    await interview(page, { ...COVERED, factsDate: { month: '09', year: '2024' } }, { from: 'here' });
    assert.deepEqual(await axeViolations(page), [], 'uncertain result');
    await context.close();
  }
  const { page, context } = await openPage(env);
  await interview(page, { situation: 'unknown', abroad: 'unknown', label: '', factsDate: 'unknown', event: 'unknown', charges: 'unknown', militaryJustice: 'unknown', ceasedConduct: 'unknown', phase: 'unknown' });
  assert.deepEqual(await axeViolations(page), [], 'needs_information result');
  await context.close();
});

test('no request leaves the origin, none after load, nothing is stored, no CSP violation', async () => {
  const { page, context, requests } = await openPage(env);
  // "After load": once the page is ready and the browser has gone quiet (the tab icon comes late).
  await page.waitForLoadState('networkidle');
  const loadedAt = Date.now();
  await interview(page, COVERED);
  await switchLang(page);
  await page.click('#btn-erase');
  const origin = new URL(env.server.url).origin;
  const outside = requests.filter((r) => new URL(r.url).origin !== origin);
  assert.deepEqual(outside, [], 'requests outside the origin');
  // Nothing is fetched after load: the later parts, English included, came in the background for everyone.
  const late = requests.filter((r) => r.at > loadedAt);
  assert.deepEqual(late.map((r) => new URL(r.url).pathname + new URL(r.url).search), [], 'requests after load');
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    cookie: document.cookie,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, indexedDB: 0, caches: 0, cookie: '' });
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await context.close();
});

test('"Borrar todo" wipes the answers from the page', async () => {
  const { page, context } = await openPage(env);
  await interview(page, COVERED);
  await page.click('#btn-erase');
  await page.waitForSelector(START_READY);
  const html = await page.content();
  assert.ok(!html.includes('Tribunal 2º de Control'), 'label gone from the DOM');
  assert.equal(await page.locator('#print-summary').count(), 0);
  await act(page, () => page.click('#btn-start'));
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'situation');
  await context.close();
});

test('no horizontal overflow at 360px, nor at 180px (360px at 200% zoom)', async () => {
  for (const viewport of [PHONE, { width: 180, height: 320 }]) {
    const { page, context } = await openPage(env, { viewport });
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok((await width()) <= viewport.width, `start at ${viewport.width}px`);
    await act(page, () => page.click('#btn-start'));
    assert.ok((await width()) <= viewport.width, `question at ${viewport.width}px`);
    await interview(page, { ...COVERED, factsDate: { month: '09', year: '2024' } }, { from: 'here' });
    assert.ok((await width()) <= viewport.width, `result at ${viewport.width}px`);
    await act(page, () => page.click('#btn-add-case'));
    await interview(page, { ...COVERED, label: '', factsDate: 'unknown', charges: 'unknown' }, { from: 'here' });
    assert.ok((await width()) <= viewport.width, `two results at ${viewport.width}px`);
    await context.close();
  }
});

test('print shows the one-page summary and hides the interview', async () => {
  const { page, context } = await openPage(env);
  await interview(page, COVERED);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#print-summary'));
  assert.ok(!(await page.isVisible('#main')), 'interview hidden');
  assert.ok(!(await page.isVisible('#lang-switch')), 'controls hidden');
  const summary = await text(page, '#print-summary');
  assert.match(summary, /Entra en la amnistía/);
  assert.match(summary, /artículo 8, numeral 12/, "a citation as people read it");
  assert.match(summary, new RegExp(core.law('es').rulesVersion));
  // Blanks for the court and the case number; a fact never asked is said to be so.
  assert.match(summary, /Tribunal/);
  assert.match(summary, /Número de expediente/);
  assert.match(summary, /julio de 2024/);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, 'one page for one case');
  await context.close();
});

test('a missing wasm shows the error panel with its code, and "Reintentar" recovers', async () => {
  const block = (page) => page.route('**/pkg/amnistia_bg.wasm', (r) => r.fulfill({ status: 404, body: 'not found' }));
  const { page, context } = await openPage(env, { waitForStart: false, route: block });
  await page.waitForSelector('#error-panel');
  assert.equal(await page.getAttribute('#error-panel', 'role'), 'alert');
  assert.ok((await text(page, '#error-code')).length > 0);
  assert.ok(await page.isVisible('#btn-retry'));
  assert.ok(await page.isVisible('#btn-restart'));
  await page.unroute('**/pkg/amnistia_bg.wasm');
  await page.click('#btn-retry');
  await page.waitForSelector(START_READY);
  await context.close();
});
