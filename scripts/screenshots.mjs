#!/usr/bin/env node
// Screenshots of the page for a person to look at (not a test, and not run by
// scripts/test.sh): the start screen before and after the core, the questions,
// the charges, each kind of result, a mixed result, "Faltan datos", the month
// question, the English result, the printouts (a covered case and a mixed
// one), the draft text, the error panel and the "Organizaciones" view with
// results; the widget and the iframe in a hostile host page (another origin);
// at 360×740 and 1280×800, in Spanish. Needs dist/ (bash
// scripts/build-wasm.sh). The timeline and law view: scripts/screenshots-law.mjs.
//   node scripts/screenshots.mjs [OUT_DIR]   (default /tmp/amnistia-shots)
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { setUp, openPage, interview, act, fillDate, switchLang, recordedPage, COVERED, SITE, START_READY } from '../tests/e2e/interview.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { hostPage } from '../tests/e2e/host-page.mjs';

const OUT = path.resolve(process.argv[2] ?? '/tmp/amnistia-shots');
fs.mkdirSync(OUT, { recursive: true });
const env = await setUp();
const UNKNOWN = { situation: 'wanted', abroad: true, factsDate: 'unknown', event: 'unknown', charges: 'unknown', militaryJustice: 'unknown', ceasedConduct: 'unknown', phase: 'unknown' };
const TWO = { ...COVERED, another: [true, false], label: ['Causa de 2024', 'Causa de 2019'], charges: [COVERED.charges, ['intentional_homicide']] };
const RESULTS = {
  covered: COVERED,
  not_covered: { ...COVERED, label: 'Causa por homicidio', charges: ['intentional_homicide'] },
  uncertain: { ...COVERED, label: 'Tribunal militar', militaryJustice: true },
};
// A list with every outcome and some errors, for the "Organizaciones" view.
const LIST = [
  'id,situation,factsDate,event,charges,militaryJustice,ceasedConduct,phase',
  'FP-0012,detained,2024-07-30,12,terrorism;incitement_to_hatred,no,sí,control',
  'FP-0013,detained,2024-09,12,terrorism,no,sí,trial',
  'FP-0014,house_arrest,2017-05,9,intentional_homicide,no,sí,trial',
  'FP-0015,detained,2019-04-30,10,military_rebellion,sí,sí,execution',
  'FP-0016,wanted,,,,,,',
  'FP-0017,detained,2024-02-31,12,terrorism,no,sí,control',
  'FP-0018,free,2014,7,property_damage;road_obstruction,no,no,investigation',
  'FP-0019,detained,2024-08,12,robo,no,sí,control',
].join('\n');

try {
  for (const [tag, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
    const shot = async (page, name, full = false) => {
      await page.screenshot({ path: path.join(OUT, `${tag}-${name}.png`), fullPage: full });
    };
    /** A result, then its printout (print media, the whole sheet). */
    const printed = async (page, name) => {
      await page.emulateMedia({ media: 'print' });
      await shot(page, name, true);
      await page.emulateMedia({ media: 'screen' });
    };

    // Before the core: the start screen and the first question from the snapshot, the wasm held back.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const hold = (p) => p.route('**/pkg/amnistia_bg.wasm', async (r) => { await held; await r.continue(); });
    let { page, context } = await openPage(env, { viewport, waitForStart: false, route: hold });
    await page.waitForSelector('#screen-start');
    await shot(page, '0-start-before-core');
    await page.click('#btn-start');
    await page.waitForSelector('#screen-question');
    await page.click('[data-testid="choice-detained"]');
    await page.waitForSelector('#screen-loading');
    await shot(page, '0-loading-after-answer');
    release();
    await page.waitForSelector('#screen-question[data-question="factsDate"]');
    await context.close();

    ({ page, context } = await openPage(env, { viewport }));
    await shot(page, '1-start');
    await act(page, () => page.click('#btn-start'));
    await shot(page, '2-question');
    await act(page, () => page.click('[data-testid="choice-detained"]'));
    await fillDate(page, { month: '07', year: '2024', to: { month: '08', year: '2024' } });
    await shot(page, '2-question-date');
    await context.close();
    ({ page, context } = await openPage(env, { viewport }));
    await interview(page, COVERED, { until: (q) => q === 'charges' });
    await shot(page, '3-charges');
    await page.evaluate(() => window.scrollBy(0, 900));
    await shot(page, '3-charges-scrolled');
    await context.close();

    for (const [name, answers] of Object.entries(RESULTS)) {
      ({ page, context } = await openPage(env, { viewport }));
      await interview(page, answers);
      await shot(page, `4-${name}`);
      await shot(page, `4-${name}-full`, true);
      if (name === 'covered') {
        await printed(page, '4-covered-print');
        await switchLang(page);
        await shot(page, '4-covered-english');
      }
      await context.close();
    }
    ({ page, context } = await openPage(env, { viewport }));
    await interview(page, TWO);
    await shot(page, '5-mixed');
    await shot(page, '5-mixed-full', true);
    await printed(page, '5-mixed-print');
    await context.close();
    ({ page, context } = await openPage(env, { viewport }));
    await interview(page, UNKNOWN);
    await shot(page, '6-needs-information');
    await shot(page, '6-needs-information-full', true);
    await context.close();
    ({ page, context } = await openPage(env, { viewport }));
    await interview(page, { ...COVERED, factsDate: { year: '2017' }, event: 9 }, { until: (q) => q === 'factsMonth' });
    await shot(page, '7-month');
    await context.close();

    ({ page, context } = await openPage(env, { viewport }));
    await page.click('.law-chooser summary');
    await page.selectOption('#law-select', { index: 1 });
    await shot(page, '8-start-draft');
    await context.close();
    const block = (p) => p.route('**/pkg/amnistia_bg.wasm', (r) => r.fulfill({ status: 404, body: 'not found' }));
    ({ page, context } = await openPage(env, { viewport, waitForStart: false, route: block }));
    await page.waitForSelector('#error-panel');
    await shot(page, '8-error');
    await context.close();

    ({ page, context } = await openPage(env, { viewport }));
    await act(page, () => page.click('#btn-screening'));
    await page.setInputFiles('#screen-file', { name: 'lista-foro.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST) });
    await page.waitForSelector('#screen-screening[data-status="done"]');
    await shot(page, '9-screening-results', true);
    await page.click('[data-filter="error"]');
    await page.locator('#screen-results').screenshot({ path: path.join(OUT, `${tag}-9-screening-errors.png`) });
    await context.close();
  }

  // The widget and the iframe in the hostile host page of tests/e2e/embed.test.mjs.
  const widget = await startServer({ root: SITE, port: 0, headers: { 'Access-Control-Allow-Origin': '*' } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-host-'));
  fs.copyFileSync(new URL('../tests/e2e/fixtures/hostile.css', import.meta.url), path.join(dir, 'hostile.css'));
  fs.writeFileSync(path.join(dir, 'host.html'), hostPage(widget.url));
  const host = await startServer({ root: dir, port: 0 });
  try {
    for (const [tag, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
      const { page, context } = await recordedPage(env.browser, viewport);
      await page.goto(`${host.url}/host.html`);
      await page.waitForSelector(`amnistia-checker ${START_READY}`);
      const frame = await (await page.waitForSelector('#amnistia-frame')).contentFrame();
      await frame.waitForSelector(START_READY);
      await page.locator('#amnistia-frame').scrollIntoViewIfNeeded(); // else a full-page capture leaves the frame blank
      await page.screenshot({ path: path.join(OUT, `${tag}-10-widget-hostile-host.png`), fullPage: true });
      await interview(page, COVERED);
      await page.locator('amnistia-checker').screenshot({ path: path.join(OUT, `${tag}-10-widget-result.png`) });
      await page.locator('#amnistia-frame').screenshot({ path: path.join(OUT, `${tag}-10-iframe-start.png`) });
      await context.close();
    }
  } finally {
    await widget.close();
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await env.tearDown();
}
console.log(`screenshots in ${OUT}`);
