#!/usr/bin/env node
// Screenshots of the written request (issue 16) for a person to look at (not a test): the
// result with its button, the form, the request to the court and the letter to the commission,
// on screen and as printed, at 360×740 and 1280×800, in Spanish. Needs dist/.
//   node scripts/screenshots-request.mjs [OUT_DIR]   (default /tmp/amnistia-request-shots)
import fs from 'node:fs';
import path from 'node:path';
import { setUp, openPage, interview, COVERED } from '../tests/e2e/interview.mjs';

const OUT = path.resolve(process.argv[2] ?? '/tmp/amnistia-request-shots');
fs.mkdirSync(OUT, { recursive: true });
const env = await setUp();
const NOT_COVERED = { ...COVERED, label: '', charges: ['intentional_homicide'] };

try {
  for (const [tag, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
    for (const [kind, answers] of [['request', COVERED], ['letter', NOT_COVERED]]) {
      const shot = (page, name, full = false) => page.screenshot({ path: path.join(OUT, `${tag}-${kind}-${name}.png`), fullPage: full });
      const { page, context } = await openPage(env, { viewport });
      await interview(page, answers);
      await shot(page, '1-result');
      await page.click('#btn-request-0');
      await page.locator('#request-form').scrollIntoViewIfNeeded();
      await shot(page, '2-form');
      await page.fill('#req-name', 'María Pérez');
      await page.fill('#req-city', 'Caracas');
      await page.click('#btn-request-make');
      await page.locator('#request-document').waitFor();
      await page.locator('.request-actions').scrollIntoViewIfNeeded();
      await shot(page, '3-document');
      await shot(page, '4-document-full', true);
      await page.evaluate(() => { window.print = () => {}; });
      await page.click('#btn-request-print');
      await page.emulateMedia({ media: 'print' });
      await shot(page, '5-print', true);
      if (tag === 'desktop') fs.writeFileSync(path.join(OUT, `${kind}-A4.pdf`), await page.pdf({ format: 'A4' }));
      await context.close();
    }
  }
  console.log(`screenshots in ${OUT}`);
} finally {
  await env.tearDown();
}
