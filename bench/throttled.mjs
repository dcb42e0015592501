// The page on a slow connection: Chromium (playwright-core, the browser of
// scripts/chromium.mjs) with CDP throttling, 400 kbit/s down and up, 400 ms
// round trip, the CPU slowed 4x, the cache off, over compressed transfer
// (a temporary copy of the site as served, dist/ by default, with brotli and gzip siblings of every file,
// served by tests/e2e/server.mjs, which sends a sibling when the browser
// accepts its encoding). Each run is a fresh browser context.
//
// Times are the page's own (performance.now(), from navigation start):
// the start screen shown (it shows before the core has arrived), the first
// question shown after one scripted click on "Empezar" as soon as the start
// screen shows (drawn from pkg/first.js if the core has not arrived; the page
// waits for the core only without that file), and the result
// shown after the covered case of tests/e2e/interview.mjs is answered by script.
//
// The requests of the first run are split at the moment the first question
// showed: those sent before are the first load, checked against the list of
// scripts/check-budget.mjs (the same files, each fetched once: a preload that
// the page does not use would show as a second fetch); those after are the
// parts fetched in the background.
//
//   node bench/throttled.mjs [runs] [--www DIR (default dist)] [--plain]   prints the runs, the medians and the checks as JSON
//   (--plain: every file served uncompressed, as a plain static host would)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { interview, COVERED } from '../tests/e2e/interview.mjs';
import { firstLoadFiles } from '../scripts/check-budget.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PROFILE = { downKbps: 400, upKbps: 400, rttMs: 400, cpuSlowdown: 4 };

/** A copy of `www` with fresh .br and .gz siblings of every file, or with none (`plain`: a host
 * that serves every file as it is, uncompressed). */
function compressedCopy(www, plain = false) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-bench-www-'));
  fs.cpSync(www, dir, { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) });
  if (plain) return dir;
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(dir)) {
    const raw = fs.readFileSync(f);
    fs.writeFileSync(`${f}.br`, zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    fs.writeFileSync(`${f}.gz`, zlib.gzipSync(raw, { level: 9 }));
  }
  return dir;
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function oneRun(browser, url) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const marks = (window.__benchMarks = {});
    const ids = { start: '#screen-start', question: '#screen-question', result: '#screen-result' };
    const look = () => {
      for (const [k, sel] of Object.entries(ids)) if (!(k in marks) && document.querySelector(sel)) marks[k] = performance.now();
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.rttMs,
    downloadThroughput: (PROFILE.downKbps * 1000) / 8,
    uploadThroughput: (PROFILE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, wallTime: e.wallTime }));
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { status: e.response.status, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '' });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: e.timestamp });
  });
  await page.goto(`${url}/`, { waitUntil: 'commit', timeout: 120000 });
  await page.waitForSelector('#screen-start', { timeout: 120000 });
  let resultError = null;
  try {
    await interview(page, COVERED);
    await page.waitForSelector('#screen-result', { timeout: 120000 });
  } catch (e) {
    resultError = e.message.split('\n')[0];
  }
  const { marks, timeOrigin } = await page.evaluate(() => ({ marks: window.__benchMarks, timeOrigin: performance.timeOrigin }));
  await context.close();
  // When each request was sent, on the page's clock (ms from navigation start).
  const all = [...requests.values()].filter((r) => !r.url.startsWith('data:')).map((r) => ({
    ...r,
    file: new URL(r.url).pathname.replace(/^\//, '') || 'index.html',
    sentMs: Math.round(r.wallTime * 1000 - timeOrigin),
  }));
  const beforeQuestion = (r) => marks.question !== undefined && r.sentMs < marks.question;
  return {
    startScreenMs: marks.start ?? null,
    firstQuestionMs: marks.question ?? null,
    firstResultMs: marks.result ?? null,
    resultError,
    requests: all.filter(beforeQuestion),
    later: all.filter((r) => !beforeQuestion(r)),
  };
}

/** Runs the page `runs` times; the medians, the runs, and what the first load fetched. */
export async function throttledLoad(runs = 5, www = path.join(ROOT, 'dist'), plain = false) {
  const dir = compressedCopy(www, plain);
  const server = await startServer({ root: dir, port: 0 });
  const browser = await launch();
  try {
    const all = [];
    for (let i = 0; i < runs; i += 1) all.push(await oneRun(browser, server.url));
    const first = all[0];
    const brief = (r) => ({ file: r.file, status: r.status, encoding: r.encoding, bytes: r.bytes, sentMs: r.sentMs });
    const requests = first.requests.map(brief);
    // The first load as fetched, against the byte budget's list: the same files, each once.
    const fetched = requests.map((r) => r.file);
    const listed = firstLoadFiles(www);
    const unique = [...new Set(fetched)];
    const check = {
      listMatches: JSON.stringify([...unique].sort()) === JSON.stringify([...listed].sort()) && unique.length === fetched.length,
      fetchedNotListed: unique.filter((f) => !listed.includes(f)),
      listedNotFetched: listed.filter((f) => !unique.includes(f)),
      fetchedTwice: unique.filter((f) => fetched.indexOf(f) !== fetched.lastIndexOf(f)),
    };
    return {
      profile: PROFILE,
      runs: all.map(({ requests: _r, later: _l, ...rest }) => rest),
      median: {
        startScreenMs: median(all.map((r) => r.startScreenMs)),
        firstQuestionMs: median(all.map((r) => r.firstQuestionMs)),
        firstResultMs: median(all.map((r) => r.firstResultMs)),
      },
      requests,
      transferBytes: requests.reduce((s, r) => s + (r.bytes ?? 0), 0),
      ...check,
      later: first.later.map(brief),
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const wwwArg = args.indexOf('--www');
  const www = wwwArg >= 0 ? path.resolve(args.splice(wwwArg, 2)[1]) : path.join(ROOT, 'dist');
  const plainArg = args.indexOf('--plain');
  const plain = plainArg >= 0 && Boolean(args.splice(plainArg, 1));
  const out = await throttledLoad(Number(args[0] ?? 5), www, plain);
  console.log(JSON.stringify(out, null, 2));
  if (!out.listMatches) {
    console.error(`the first load as fetched differs from scripts/check-budget.mjs's list: fetched and not listed ${JSON.stringify(out.fetchedNotListed)}, listed and not fetched ${JSON.stringify(out.listedNotFetched)}, fetched twice ${JSON.stringify(out.fetchedTwice)}`);
    process.exitCode = 1;
  }
}
