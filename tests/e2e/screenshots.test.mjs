// Saves full-page PNGs of every screen at phone and desktop size into
// artifacts/screenshots/ (gitignored), for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp, openPage, interview, act, fillDate, COVERED, PHONE, DESKTOP, ROOT, switchLang } from './interview.mjs';

const OUT = path.join(ROOT, 'artifacts', 'screenshots');
const UNKNOWN = { situation: 'unknown', abroad: 'unknown', label: '', factsDate: 'unknown', event: 'unknown', charges: 'unknown', militaryJustice: 'unknown', ceasedConduct: 'unknown', phase: 'unknown' };

const RESULTS = {
  covered: COVERED,
  not_covered: { ...COVERED, label: 'Causa por homicidio', charges: ['intentional_homicide'] },
  uncertain: { ...COVERED, label: 'Tribunal militar', militaryJustice: true },
  needs_information: UNKNOWN,
};

let env;
before(async () => {
  env = await setUp();
  fs.mkdirSync(OUT, { recursive: true });
});
after(async () => env && env.tearDown());

for (const [size, viewport] of [['360x640', PHONE], ['1280x800', DESKTOP]]) {
  const save = (page, name) => page.screenshot({ path: path.join(OUT, `${name}-${size}.png`), fullPage: true });

  test(`screenshots of the start and the questions at ${size}`, async () => {
    // The start screen as it shows before the core has arrived (the wasm held back), "Empezar" showing
    // the first question from the snapshot (pkg/first.js), and its answer waiting for the core.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const hold = (p) => p.route('**/pkg/amnistia_bg.wasm', async (r) => { await held; await r.continue(); });
    const early = await openPage(env, { viewport, waitForStart: false, route: hold });
    await early.page.waitForSelector('#screen-start');
    await save(early.page, '00-start-before-core');
    await early.page.click('#btn-start');
    await early.page.waitForSelector('#screen-question');
    await save(early.page, '00-question-before-core');
    await early.page.click('[data-testid="choice-detained"]');
    await early.page.waitForSelector('#screen-loading');
    await save(early.page, '00-loading-after-answer');
    release();
    await early.page.waitForSelector('#screen-question[data-question="factsDate"]');
    await early.context.close();

    const { page, context } = await openPage(env, { viewport });
    await save(page, '01-start');
    await act(page, () => page.click('#btn-start'));
    await save(page, '02-question-situation');
    await act(page, () => page.click('[data-testid="choice-detained"]'));
    await fillDate(page, { month: '07', year: '2024', to: { month: '08', year: '2024' } });
    await save(page, '03-question-date');
    await act(page, () => page.click('#btn-continue'));
    await save(page, '04-question-event');
    await act(page, () => page.click('[data-testid="choice-12"]'));
    await save(page, '05-question-charges');
    await context.close();
  });

  test(`screenshots of each kind of result at ${size}`, async () => {
    for (const [name, answers] of Object.entries(RESULTS)) {
      const { page, context } = await openPage(env, { viewport });
      await interview(page, answers);
      assert.equal(await page.getAttribute('#main', 'data-screen'), 'result');
      await save(page, `10-result-${name}`);
      if (name === 'covered') {
        await switchLang(page);
        await save(page, '11-result-covered-english');
        await switchLang(page);
        await page.emulateMedia({ media: 'print' });
        await save(page, '12-print-covered');
        await page.emulateMedia({ media: 'screen' });
        await act(page, () => page.click('#btn-add-case'));
        await interview(page, RESULTS.not_covered, { from: 'here' });
        await save(page, '13-result-two-cases');
      }
      await context.close();
    }
  });

  test(`screenshots of the draft text and the error panel at ${size}`, async () => {
    const { page, context } = await openPage(env, { viewport });
    await page.click('.law-chooser summary');
    await page.selectOption('#law-select', { index: 1 });
    await save(page, '20-start-draft');
    await context.close();
    const block = (p) => p.route('**/pkg/amnistia_bg.wasm', (r) => r.fulfill({ status: 404, body: 'not found' }));
    const failed = await openPage(env, { viewport, waitForStart: false, route: block });
    await failed.page.waitForSelector('#error-panel');
    await save(failed.page, '21-error');
    await failed.context.close();
  });
}
