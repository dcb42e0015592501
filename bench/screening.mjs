// The 10,000-row screening run in the page (the "Organizaciones" view), as a
// benchmark report: the time from choosing the file to the first rows shown
// (the figure the page itself shows), and the longest task meanwhile. The
// e2e tests check what the run gives; how fast it is, is measured here, so
// that a loaded machine cannot fail the tests.
//
//   bash scripts/build-wasm.sh && node bench/screening.mjs [runs]
//
// Prints a Markdown table and writes artifacts/bench/screening.json. The
// target is under a second for 10,000 rows (issue 14), on an unloaded
// machine.
import fs from 'node:fs';
import path from 'node:path';
import { setUp, openPage, act, DESKTOP, ROOT } from '../tests/e2e/interview.mjs';
import { makeCsv } from '../tests/e2e/screen-data.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const ROWS = 10000;
const TARGET_MS = 1000;

const env = await setUp();
const text = makeCsv(ROWS);
const runs = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
    const { page, context } = await openPage(env, { viewport: DESKTOP });
    await act(page, () => page.click('#btn-screening'));
    await page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    await page.setInputFiles('#screen-file', { name: 'lista.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.waitForSelector('#screen-screening[data-status="done"][data-elapsed-ms]');
    const elapsedMs = Number(await page.getAttribute('#screen-screening', 'data-elapsed-ms'));
    const longestTaskMs = Math.round(await page.evaluate(() => window.__longest));
    const rows = Number(await page.getAttribute('#screen-done', 'data-rows'));
    runs.push({ elapsedMs, longestTaskMs, rows });
    await context.close();
  }
} finally {
  await env.tearDown();
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const report = {
  rows: ROWS,
  runs,
  median: { elapsedMs: median(runs.map((r) => r.elapsedMs)), longestTaskMs: median(runs.map((r) => r.longestTaskMs)) },
  targetMs: TARGET_MS,
  at: new Date().toISOString(),
};
const out = path.join(ROOT, 'artifacts', 'bench');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'screening.json'), `${JSON.stringify(report, null, 2)}\n`);
const range = (k) => `${Math.min(...runs.map((r) => r[k]))}–${Math.max(...runs.map((r) => r[k]))}`;
console.log(`| 10,000-row list in the page (${RUNS} runs) | median | range | target |`);
console.log('|---|---|---|---|');
console.log(`| file chosen → first rows shown (ms) | ${report.median.elapsedMs} | ${range('elapsedMs')} | < ${TARGET_MS} ${report.median.elapsedMs < TARGET_MS ? '✓' : '✗'} |`);
console.log(`| longest task (ms) | ${report.median.longestTaskMs} | ${range('longestTaskMs')} | — |`);
