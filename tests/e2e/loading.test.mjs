// How the page loads (README, "Rendimiento"): the start screen shows before
// the core (the wasm) has arrived, "Empezar" shows the first question from the
// build's snapshot of the core (pkg/first.js; first.test.mjs tests it further)
// and answering it waits for the core with the loading screen; the first load
// is exactly the list scripts/check-budget.mjs counts, each file once (the core, its glue and wasm together,
// is requested once the start screen shows, before any click, the same for every visitor); the result,
// print and "Organizaciones" parts (and parts.css) are fetched once the core is ready, and the
// English strings only for English; a part (a module, or parts.css) that
// cannot be loaded shows the error panel, and "Reintentar" loads it and goes
// on where the user was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoadFiles } from '../../scripts/check-budget.mjs';
import { setUp, openPage, interview, act, switchLang, holdWasm, openHeld, COVERED, PHONE, START_READY } from './interview.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => env && env.tearDown());


/** Records, in the page, when each screen first shows (performance.now()). */
function markScreens() {
  const marks = (window.__marks = {});
  const ids = { start: '#screen-start', ready: '#screen-start[data-ready]', question: '#screen-question', result: '#screen-result' };
  new MutationObserver(() => {
    for (const [k, sel] of Object.entries(ids)) if (!(k in marks) && document.querySelector(sel)) marks[k] = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

test('the start screen shows before the core has arrived; "Empezar" shows the first question, answering it waits for the core on the loading screen', async () => {
  const { page, context, errors, wasm } = await openHeld(env);
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'start');
  assert.equal(await page.locator(START_READY).count(), 0, 'not ready yet');
  assert.ok(await page.isVisible('#btn-start'));
  assert.match(await page.textContent('#start-heading'), /Averigüe si la Ley de Amnistía/);
  assert.equal((await page.textContent('#start-disclaimer')).trim(), 'Esto no es asesoría legal.', 'the first sentence until the core\'s disclaimer');
  assert.equal(await page.locator('#law-select').count(), 0, 'the law chooser comes with the core');
  assert.equal(wasm.held.length, 1, 'the wasm is on its way');

  // "Empezar" (by keyboard) before the core: the first question, from the snapshot, focused.
  await page.focus('#btn-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#screen-question');
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'situation');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'question-heading');
  // Answering it needs the core: the loading screen, focused, until it arrives; then the next question.
  await page.click('[data-testid="choice-detained"]');
  await page.waitForSelector('#screen-loading');
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'loading');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'screen-loading');
  // The question stays on screen, its answer marked as saved.
  assert.match(await page.textContent('#screen-loading'), /Respuesta guardada/);
  assert.ok(await page.isVisible('#screen-question[data-question="situation"]'));
  wasm.release();
  // (A detained person is not asked whether they are abroad: the date comes next.)
  await page.waitForSelector('#screen-question[data-question="factsDate"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'question-heading');
  // "Atrás" twice goes back to the start screen, now with the core's parts.
  await act(page, () => page.click('#btn-back'));
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'situation');
  await act(page, () => page.click('#btn-back'));
  await page.waitForSelector(START_READY);
  assert.ok((await page.textContent('#start-disclaimer')).length > 60, 'the core\'s full disclaimer');
  assert.equal(wasm.held.length, 1, 'the wasm was fetched once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the core arrives, the start screen is completed in place: the focus stays', async () => {
  const { page, context, wasm } = await openHeld(env);
  await page.focus('#btn-start');
  await page.evaluate(() => { document.querySelector('#screen-start').__before = true; });
  wasm.release();
  await page.waitForSelector(START_READY);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'btn-start');
  assert.equal(await page.evaluate(() => document.querySelector('#screen-start').__before), true, 'the same section, not a new one');
  assert.ok(await page.isVisible('.law-chooser'));
  // "Borrar todo" while the core loads shows the start screen, and the load goes on.
  await context.close();
  const again = holdWasm();
  const second = await openPage(env, { waitForStart: false, route: again.route });
  await second.page.waitForSelector('#screen-start');
  await second.page.click('#btn-start');
  await second.page.click('[data-testid="choice-detained"]');
  await second.page.waitForSelector('#screen-loading');
  await second.page.click('#btn-erase');
  await second.page.waitForSelector('#screen-start');
  again.release();
  await second.page.waitForSelector(START_READY);
  assert.equal(await second.page.getAttribute('#main', 'data-screen'), 'start', 'the answer was forgotten with the rest');
  await second.context.close();
});

test('the first load is exactly the list of scripts/check-budget.mjs, each file once; the other parts come after the first question', async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(markScreens);
  const wasm = holdWasm();
  await wasm.route(page);
  await page.goto(`${env.server.url}/`);
  await page.waitForSelector('#screen-start');
  await page.click('#btn-start'); // as soon as the start screen shows, as bench/throttled.mjs does
  wasm.release();
  await page.waitForSelector('#screen-question');
  // Without anything more from the user, the parts after the first question arrive once the core
  // has, English too (every visitor fetches the same files, whatever they do).
  const origin = env.server.url;
  for (const part of ['ui/result.js', 'ui/print.js', 'ui/request.js', 'ui/law-view.js', 'ui/timeline.js', 'parts.css', 'ui/screening.js', 'screen-list.js', 'i18n-en.js']) {
    await page.waitForFunction((u) => performance.getEntriesByType('resource').some((e) => e.name === u), `${origin}/${part}`);
  }
  // Everything the page asked for before the first question showed (the document, then its resources;
  // read once the wasm, sent before and held back, has completed).
  const before = await page.evaluate(() => ['index.html', ...performance.getEntriesByType('resource')
    .filter((e) => e.startTime < window.__marks.question)
    .map((e) => new URL(e.name).pathname.slice(1))]);
  assert.deepEqual([...before].sort(), [...firstLoadFiles()].sort(), 'fetched before the first question = the byte budget\'s first load');
  // The core (glue and wasm) is asked for once the start screen is there, not with what it needs.
  const core = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/pkg\/amnistia(_bg\.wasm|\.js)$/.test(e.name))
    .map((e) => ({ file: new URL(e.name).pathname, afterStart: e.startTime >= window.__marks.start })));
  assert.deepEqual(core.map((c) => c.file).sort(), ['/pkg/amnistia.js', '/pkg/amnistia_bg.wasm']);
  assert.ok(core.every((c) => c.afterStart), `the core is requested once the start screen shows: ${JSON.stringify(core)}`);
  await page.waitForLoadState('networkidle');
  const files = requests.map((u) => new URL(u).pathname.slice(1) || 'index.html');
  const twice = files.filter((f, i) => files.indexOf(f) !== i);
  assert.deepEqual(twice, [], 'no file fetched twice');
  // The result then needs no request at all.
  const count = requests.length;
  await interview(page, COVERED, { from: 'here' });
  assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered');
  assert.equal(requests.length, count, 'the result and its print view were already here');
  await context.close();
});

for (const file of ['ui/result.js', 'parts.css']) {
  test(`a part that cannot be loaded (${file}) shows the error panel in Spanish; "Reintentar" loads it and shows the result`, async () => {
    const fail = (page) => page.route(`**/${file}`, (r) => r.abort('failed'));
    const { page, context } = await openPage(env, { route: fail });
    await assert.rejects(interview(page, COVERED), /unexpected screen error/);
    assert.equal(await page.getAttribute('#error-panel', 'role'), 'alert');
    assert.equal((await page.textContent('#error-code')).trim(), 'module_load_failed');
    assert.match(await page.textContent('#error-panel'), /No se pudo cargar el verificador/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-heading');
    await page.unroute(`**/${file}`);
    await act(page, () => page.click('#btn-retry'));
    assert.equal(await page.getAttribute('#screen-result', 'data-outcome'), 'covered', 'the answers were kept');
    assert.match(await page.textContent('#outcome-0'), /Entra en la amnistía/);
    assert.equal(await page.locator('#print-summary').count(), 1, 'and the print view');
    // Styled: the outcome box has its colours (parts.css).
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#outcome-0')).backgroundColor), 'rgb(230, 244, 234)');
    await context.close();
  });
}

test('the English strings: if the background fetch failed, the switch fetches them (a failure shows the error panel); ?lang=en', async () => {
  const fail = (page) => page.route('**/i18n-en.js', (r) => r.abort('failed'));
  const { page, context } = await openPage(env, { route: fail });
  await act(page, () => page.click('#btn-start'));
  await page.click('#lang-switch');
  await page.waitForSelector('#error-panel');
  assert.equal((await page.textContent('#error-code')).trim(), 'module_load_failed');
  assert.equal(await page.getAttribute('html', 'lang'), 'es', 'still in Spanish');
  await page.unroute('**/i18n-en.js');
  await act(page, () => page.click('#btn-retry'));
  await page.waitForSelector('#lang-switch[lang="es"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('#screen-question', 'data-question'), 'situation', 'back on the question');
  assert.match(await page.textContent('#btn-back'), /Back/);
  await switchLang(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  await context.close();

  const en = await env.browser.newContext({ viewport: PHONE });
  const enPage = await en.newPage();
  await enPage.goto(`${env.server.url}/?lang=en`);
  await enPage.waitForSelector(START_READY);
  assert.equal(await enPage.getAttribute('html', 'lang'), 'en');
  assert.match(await enPage.textContent('#start-heading'), /Find out whether/);
  await en.close();
});

test('"Organizaciones" before the core has arrived opens once it has', async () => {
  const { page, context, wasm } = await openHeld(env);
  await page.click('#btn-screening');
  await page.waitForSelector('#screen-loading');
  wasm.release();
  await page.waitForSelector('#screen-screening');
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'screening');
  await act(page, () => page.click('#screen-screening #btn-back'));
  assert.equal(await page.getAttribute('#main', 'data-screen'), 'start');
  await context.close();
});
