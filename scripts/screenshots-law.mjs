#!/usr/bin/env node
// Screenshots of issue 17's views for a person to look at (not a test): the date question with
// the timeline, a covered result's window step with its timeline and sources, an uncertain case
// in a contested margin, the law view and its comparison, at 360×740 and 1280×800, in Spanish.
// Needs dist/ (bash scripts/build-wasm.sh).
//   node scripts/screenshots-law.mjs [OUT_DIR]   (default /tmp/amnistia-shots-law)
import fs from 'node:fs';
import path from 'node:path';
import { setUp, openPage, interview, act, COVERED } from '../tests/e2e/interview.mjs';

const OUT = path.resolve(process.argv[2] ?? '/tmp/amnistia-shots-law');
fs.mkdirSync(OUT, { recursive: true });
const env = await setUp();
// Facts of September 2024 tied to event 12: in its contested margin, so uncertain.
const MARGIN = { ...COVERED, factsDate: { day: '15', month: '09', year: '2024' } };

try {
  for (const [tag, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
    const shot = (target, name) => target.screenshot({ path: path.join(OUT, `${tag}-${name}.png`) });
    let { page, context } = await openPage(env, { viewport });
    await interview(page, COVERED, { until: (q) => q === 'factsDate' });
    await page.waitForSelector('[data-testid=date-timeline] svg');
    await shot(page.locator('[data-testid=date-timeline]'), '1-date-question-timeline');
    await context.close();

    for (const [name, answers] of [['2-covered', COVERED], ['3-margin-uncertain', MARGIN]]) {
      ({ page, context } = await openPage(env, { viewport }));
      await interview(page, answers);
      await page.waitForSelector('#more-why .timeline', { state: 'attached' });
      await shot(page, `${name}-top`);
      await page.click('#more-why > summary');
      await page.click('#more-why li[data-kind=window] .badge-button');
      await shot(page.locator('#more-why li[data-kind=window]'), `${name}-window-step`);
      await context.close();
    }

    ({ page, context } = await openPage(env, { viewport }));
    await page.waitForSelector('#btn-law');
    await act(page, () => page.click('#btn-law'));
    await shot(page, '4-law-view-top');
    await shot(page.locator('#law-numerals .law-entry[data-id="12"]'), '4-law-view-numeral-12');
    await page.$$eval('#law-exclusions details', (ds) => ds.forEach((d) => { d.open = true; }));
    await shot(page.locator('#law-exclusions .law-entry').nth(4), '4-law-view-exclusion');
    await shot(page.locator('#law-compare'), '5-comparison');
    await context.close();

    ({ page, context } = await openPage(env, { viewport, path: '/?law=draft-2026-02-05' }));
    await page.waitForSelector('#btn-law');
    await act(page, () => page.click('#btn-law'));
    await shot(page.locator('#law-timeline'), '6-draft-timeline');
    await context.close();
  }
} finally {
  await env.tearDown();
}
console.log(`screenshots in ${OUT}`);
