// The page on a slow connection: Chromium (playwright-core, the browser of
// scripts/chromium.mjs) with CDP throttling, 400 kbit/s down and up, 400 ms
// round trip, the CPU slowed 4x, the cache off, a 360x740 viewport. Each run
// is a fresh browser context. Two ways of serving the site as built (dist/ by
// default), each from the project's own static server (scripts/static-server.mjs):
//
// - production-like: the build's precompressed brotli siblings (.br), and
//   everything else gzipped on the fly, as a production host serves it;
// - plain (--plain): every file as it is, uncompressed, as a plain static host.
//
// Times are the page's own (performance.now(), from navigation start):
// the start screen shown ("Empezar" works from then: it shows before the core
// has arrived), the first question shown after one scripted click on "Empezar"
// as soon as the start screen shows (drawn from pkg/first.js if the core has
// not arrived), and the result shown after the covered case of
// tests/e2e/interview.mjs is answered by script.
//
// The requests of the first run are split at the moment the first question
// showed: those sent before are the first load, checked against the list of
// scripts/check-budget.mjs (the same files, each fetched once); those after
// are the parts fetched in the background.
//
//   node bench/throttled.mjs [runs] [--www DIR (default dist)] [--plain]   one way, the runs, the medians and the checks as JSON
//   node bench/throttled.mjs [runs] --both [--www DIR]   both ways, one run of each in turn (rounds)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/static-server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { interview, COVERED } from '../tests/e2e/interview.mjs';
import { firstLoadFiles } from '../scripts/check-budget.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PROFILE = { downKbps: 400, upKbps: 400, rttMs: 400, cpuSlowdown: 4 };

/** A copy of the built site: with its .br siblings only (production-like; the rest is gzipped on
 * the fly by the server), or with none (`plain`: every file served as it is, uncompressed). */
function servedCopy(www, plain = false) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-bench-www-'));
  fs.cpSync(www, dir, { recursive: true, filter: (f) => !/\.gz$/.test(f) && !(plain && /\.br$/.test(f)) });
  if (plain) return dir;
  // A file the build left without a fresh brotli sibling gets one, as a deploy step would.
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(dir).filter((x) => !/\.br$/.test(x))) {
    if (fs.existsSync(`${f}.br`) && fs.statSync(`${f}.br`).mtimeMs >= fs.statSync(f).mtimeMs) continue;
    if (/amnistia-offline\.html$/.test(f)) continue; // a download, compressed on the fly
    fs.writeFileSync(`${f}.br`, zlib.brotliCompressSync(fs.readFileSync(f), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return dir;
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function oneRun(browser, url) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
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
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, wallTime: e.wallTime, sentAt: e.timestamp }));
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
    doneMs: r.done === undefined ? null : Math.round(r.wallTime * 1000 - timeOrigin + (r.done - r.sentAt) * 1000),
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

/** What a set of runs gives: the medians, the runs, and what the first run's first load fetched. */
function summary(all, www, browser) {
  const first = all[0];
  const brief = (r) => ({ file: r.file, status: r.status, encoding: r.encoding, bytes: r.bytes, sentMs: r.sentMs, doneMs: r.doneMs });
  const requests = first.requests.map(brief);
  // The first load as fetched, against the byte budget's list: the same files, each once.
  const fetched = requests.map((r) => r.file);
  const listed = firstLoadFiles(www);
  const unique = [...new Set(fetched)];
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
    listMatches: JSON.stringify([...unique].sort()) === JSON.stringify([...listed].sort()) && unique.length === fetched.length,
    fetchedNotListed: unique.filter((f) => !listed.includes(f)),
    listedNotFetched: listed.filter((f) => !unique.includes(f)),
    fetchedTwice: unique.filter((f) => fetched.indexOf(f) !== fetched.lastIndexOf(f)),
    later: first.later.map(brief),
    chromium: browser.version(),
  };
}

/** Runs the page `runs` times, served one way; the medians, the runs, and what the first load fetched. */
export async function throttledLoad(runs = 5, www = path.join(ROOT, 'dist'), plain = false) {
  const both = await throttledRounds(runs, www, plain ? ['plain'] : ['production']);
  return both[plain ? 'plain' : 'production'];
}

/**
 * Both ways of serving (or those named), in rounds: each round one cold run of each way in
 * turn, in an order that turns from round to round, so that a busy moment of the shared machine
 * falls on one run of each way rather than on one way's whole figure.
 * @returns {Promise<Record<string, ReturnType<typeof summary>>>}
 */
export async function throttledRounds(runs = 3, www = path.join(ROOT, 'dist'), ways = ['production', 'plain']) {
  const served = {};
  const browser = await launch();
  try {
    for (const way of ways) {
      const dir = servedCopy(www, way === 'plain');
      served[way] = { dir, server: await startServer({ root: dir, port: 0, compress: way !== 'plain' }), runs: [] };
    }
    for (let r = 0; r < runs; r += 1) {
      for (let j = 0; j < ways.length; j += 1) {
        const way = ways[(j + r) % ways.length];
        served[way].runs.push(await oneRun(browser, served[way].server.url));
      }
    }
    return Object.fromEntries(ways.map((way) => [way, { serving: way, ...summary(served[way].runs, www, browser) }]));
  } finally {
    await browser.close();
    for (const s of Object.values(served)) {
      await s.server.close();
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const take = (name) => { const i = args.indexOf(name); return i >= 0 && Boolean(args.splice(i, 1)); };
  const wwwArg = args.indexOf('--www');
  const www = wwwArg >= 0 ? path.resolve(args.splice(wwwArg, 2)[1]) : path.join(ROOT, 'dist');
  const plain = take('--plain');
  const both = take('--both');
  const runs = Number(args[0] ?? (both ? 3 : 5));
  const out = both ? await throttledRounds(runs, www) : { one: await throttledLoad(runs, www, plain) };
  console.log(JSON.stringify(both ? out : out.one, null, 2));
  for (const o of Object.values(out)) {
    if (!o.listMatches) {
      console.error(`the first load as fetched differs from scripts/check-budget.mjs's list: fetched and not listed ${JSON.stringify(o.fetchedNotListed)}, listed and not fetched ${JSON.stringify(o.listedNotFetched)}, fetched twice ${JSON.stringify(o.fetchedTwice)}`);
      process.exitCode = 1;
    }
  }
}
