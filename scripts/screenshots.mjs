#!/usr/bin/env node
// Screenshots of the page for a person to look at (not a test): the start
// screen, a question, the charges, a covered result, a mixed result and
// "Faltan datos", at 360×740 and 1280×800, in Spanish. Needs www/pkg.
//   node scripts/screenshots.mjs [OUT_DIR]   (default /tmp/amnistia-shots)
import fs from 'node:fs';
import path from 'node:path';
import { setUp, openPage, interview, act, COVERED } from '../tests/e2e/interview.mjs';

const OUT = path.resolve(process.argv[2] ?? '/tmp/amnistia-shots');
fs.mkdirSync(OUT, { recursive: true });
const env = await setUp();
const UNKNOWN = { situation: 'wanted', abroad: true, factsDate: 'unknown', event: 'unknown', charges: 'unknown', militaryJustice: 'unknown', ceasedConduct: 'unknown', phase: 'unknown' };
const TWO = { ...COVERED, another: [true, false], label: ['Causa de 2024', 'Causa de 2019'], charges: [COVERED.charges, ['intentional_homicide']] };

try {
  for (const [tag, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
    const shot = async (page, name, full = false) => {
      await page.screenshot({ path: path.join(OUT, `${tag}-${name}.png`), fullPage: full });
    };
    let { page, context } = await openPage(env, { viewport });
    await shot(page, '1-start');
    await act(page, () => page.click('#btn-start'));
    await shot(page, '2-question');
    await interview(page, COVERED, { from: 'here', until: (q) => q === 'charges' });
    await shot(page, '3-charges');
    await page.evaluate(() => window.scrollBy(0, 900));
    await shot(page, '3-charges-scrolled');
    await context.close();
    ({ page, context } = await openPage(env, { viewport }));
    await interview(page, COVERED);
    await shot(page, '4-covered');
    await shot(page, '4-covered-full', true);
    await context.close();
    ({ page, context } = await openPage(env, { viewport }));
    await interview(page, TWO);
    await shot(page, '5-mixed');
    await shot(page, '5-mixed-full', true);
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
  }
} finally {
  await env.tearDown();
}
console.log(`screenshots in ${OUT}`);
