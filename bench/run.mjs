// The benchmark (README, "Rendimiento"): `bash scripts/bench.sh` builds what
// it needs and runs this. It prints one Markdown report of figures and ratios:
//
//   1. agreement: ours, json-rules-engine and GoRules ZEN on the same 10,000
//      generated cases with complete facts (contract §2.1), or it stops;
//   2. evaluation, side by side: the median µs per evaluation of each, on
//      those cases in this run, and our speed-up;
//   3. our explained evaluation of cases with unknown facts, per outcome (the
//      peers have no equivalent);
//   4. cold start: a fresh Node process to the first result;
//   5. native: the `cargo bench` figures (criterion), when given;
//   6. bytes: the wasm and the whole first load, raw, gzip and brotli;
//   7. the page on a slow connection (bench/throttled.mjs), production-like and plain serving,
//      3 cold runs of each in turn.
//
//   node bench/run.mjs [--criterion FILE] [--runs N] [--rounds N] [--cold-runs N] [--no-browser] [--json FILE]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { completeCases, partialCases, peerFacter } from './cases.mjs';
import { splitLines, whereTimeGoes } from './split.mjs';
import * as jre from './peers/json-rules-engine.mjs';
import * as zen from './peers/zen.mjs';
import { firstLoad, sizeOf, WASM, readBudgets } from '../scripts/check-budget.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const peerRequire = createRequire(new URL('./peers/', import.meta.url)); // resolves as the peers' modules do
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const N = 10_000;
const TARGET = { wasmBrotli: 40 * 1024, firstLoadBrotli: 60 * 1024, evalUs: 5, speedUp: 8, coldMs: 5, firstQuestionMs: 2500, startScreenMs: 1800, boundarySpeedUp: 3, objectOverText: 1.5 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const us = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mark = (ok) => (ok ? '✅' : '❌');
const log = (...a) => console.error('[bench]', ...a);

/** Times each call on its own (after a warm-up pass); µs per call. */
async function timeEach(items, fn, { async = false, warm = 2000 } = {}) {
  for (let i = 0; i < warm; i += 1) { const r = fn(items[i % items.length]); if (async) await r; }
  const t = new Array(items.length);
  for (let i = 0; i < items.length; i += 1) {
    const t0 = process.hrtime.bigint();
    const r = fn(items[i]);
    if (async) await r;
    t[i] = Number(process.hrtime.bigint() - t0) / 1e3;
  }
  return t;
}

// ---- ours, the peers, the cases ----------------------------------------------------------
const ours = await import('../www/pkg/amnistia.js');
ours.initSync({ module: fs.readFileSync(WASM) });
const info = ours.law('es');
const toFacts = peerFacter(info);
const cases = completeCases(N, info);
const texts = cases.map((c) => JSON.stringify(c));
const facts = cases.map(toFacts);
const peers = [jre.makeEngine(), zen.makeEngine()];
const report = { machine: {}, agreement: {}, evaluation: {}, unknown: {}, cold: {}, native: null, bytes: {}, page: null };

// ---- 1. agreement ------------------------------------------------------------------------
log(`agreement on ${N} cases`);
const outcomes = {};
const deciders = {};
const disagreements = [];
for (let i = 0; i < N; i += 1) {
  const a = ours.evaluate(cases[i], 'es');
  const o = a.proceedings[0].outcome;
  outcomes[o] = (outcomes[o] ?? 0) + 1;
  const step = a.proceedings[0].explanation.find((s) => s.effect === 'notCovered' || s.effect === 'uncertain');
  const d = step ? step.kind : 'allPassed';
  deciders[d] = (deciders[d] ?? 0) + 1;
  for (const p of peers) {
    const po = await p.evaluate(facts[i]);
    if (po !== o) disagreements.push({ engine: p.name, case: cases[i], facts: facts[i], ours: o, theirs: po });
  }
}
report.agreement = { cases: N, outcomes, deciders, disagreements: disagreements.length };
if (disagreements.length) {
  console.log(`# Benchmark void: the encodings disagree on ${disagreements.length} of ${N} cases\n`);
  for (const d of disagreements.slice(0, 10)) console.log(JSON.stringify(d));
  process.exit(1);
}

// ---- 2. evaluation, side by side ----------------------------------------------------------
// In rounds: each round times every engine on all the cases, one engine after
// the other, in an order that turns from round to round. A busy moment of the
// machine then falls on one round of each engine rather than on one engine's
// whole figure: each figure is the median of its rounds' medians, and the
// ratios are taken between those. p90 is over every call of every round.
log('evaluation timings');
const ROUNDS = Number(opt('--rounds', 5));
// The explained evaluation alone, inside wasm: scripts/bench.sh's own build of
// the same module with one more export (benchCheck, feature bench-hooks) runs
// check() on a case's JSON text REPEAT times per call and returns nothing but a
// count: JSON text in, the whole explained assessment made, no output.
const BENCH_PKG = path.join(ROOT, 'target/bench/pkg');
let hooked = null;
if (fs.existsSync(path.join(BENCH_PKG, 'amnistia_bg.wasm'))) {
  hooked = await import(pathToFileURL(path.join(BENCH_PKG, 'amnistia.js')).href);
  hooked.initSync({ module: fs.readFileSync(path.join(BENCH_PKG, 'amnistia_bg.wasm')) });
}
const REPEAT = 20;
// The explained assessment inside wasm, not converted to JS objects: the
// screening API assesses every line fully (steps, readings, next steps) and
// returns only the outcome row. Per case, in chunks of 500 lines.
const chunks = [];
for (let i = 0; i < N; i += 500) chunks.push(texts.slice(i, i + 500).join('\n'));
const timers = {
  ours: (o) => timeEach(cases, (c) => ours.evaluate(c, 'es'), o),
  oursText: (o) => timeEach(texts, (t) => ours.evaluate(t, 'es'), o),
  oursJson: (o) => timeEach(texts, (t) => ours.evaluateJson(t, 'es'), o),
  ...Object.fromEntries(peers.map((p) => [p.name, (o) => timeEach(facts, (f) => p.evaluate(f), { ...o, async: true })])),
  oursInWasmPerCase: async () => {
    ours.screenJsonl(chunks[0], 1, 'es');
    return chunks.map((c) => { const t0 = process.hrtime.bigint(); ours.screenJsonl(c, 1, 'es'); return Number(process.hrtime.bigint() - t0) / 1e3 / 500; });
  },
  ...(hooked ? {
    checkInWasm: async () => {
      for (const t of texts.slice(0, 500)) hooked.benchCheck(t, REPEAT);
      return texts.map((t) => {
        const t0 = process.hrtime.bigint();
        const made = hooked.benchCheck(t, REPEAT);
        if (made !== REPEAT) throw new Error(`benchCheck made ${made} of ${REPEAT} assessments`);
        return Number(process.hrtime.bigint() - t0) / 1e3 / REPEAT;
      });
    },
  } : {}),
};
const names = Object.keys(timers);
const rounds = Object.fromEntries(names.map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r += 1) {
  for (let j = 0; j < names.length; j += 1) {
    const k = names[(j + r) % names.length];
    rounds[k].push(await timers[k]({ warm: r === 0 ? 2000 : 200 }));
  }
}
const ofRounds = (k) => median(rounds[k].map(median));
const spread = (k) => { const m = rounds[k].map(median); return [Math.min(...m), Math.max(...m)]; };
const timing = Object.fromEntries(names.filter((k) => k !== 'oursInWasmPerCase' && k !== 'checkInWasm').map((k) => [k, rounds[k].flat()]));
const checkInWasm = hooked
  ? { medianUs: ofRounds('checkInWasm'), p90Us: pct(rounds.checkInWasm.flat(), 0.9), roundsUs: spread('checkInWasm'), bytesMore: fs.statSync(path.join(BENCH_PKG, 'amnistia_bg.wasm')).size - fs.statSync(WASM).size }
  : null;
const med = Object.fromEntries(Object.keys(timing).map((k) => [k, ofRounds(k)]));
report.evaluation = {
  rounds: ROUNDS,
  checkInWasm,
  medianUs: { ...med, oursInWasmPerCase: ofRounds('oursInWasmPerCase') },
  p90Us: Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, pct(v, 0.9)])),
  roundMediansUs: Object.fromEntries(names.map((k) => [k, spread(k)])),
};

// Where a complete case's time goes in `evaluate(object)` (bench/split.mjs),
// on the first 2,000 cases, when the benchmark's build is there.
if (hooked) {
  log('where the time goes');
  report.split = whereTimeGoes({ ours, hooked, cases: cases.slice(0, 2000), rounds: ROUNDS });
}

// ---- 3. unknown facts ---------------------------------------------------------------------
log('unknown facts');
const partial = partialCases(N, info);
const pOut = {};
let questions = 0;
let answers = 0;
for (const c of partial) {
  const p = ours.evaluate(c, 'es').proceedings[0];
  pOut[p.outcome] = (pOut[p.outcome] ?? 0) + 1;
  questions += p.questions.length;
  answers += p.answers.reduce((s, q) => s + q.options.length, 0);
}
const open = pOut.needs_information ?? 1;
// Per outcome, in rounds (each round every outcome's cases in turn, in an order that turns).
const byOutcome = {};
for (const c of partial) (byOutcome[ours.evaluate(c, 'es').proceedings[0].outcome] ??= []).push(c);
const kinds = Object.keys(byOutcome);
const unknownRounds = Object.fromEntries(['all', ...kinds].map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r += 1) {
  const order = ['all', ...kinds];
  for (let j = 0; j < order.length; j += 1) {
    const k = order[(j + r) % order.length];
    unknownRounds[k].push(await timeEach(k === 'all' ? partial : byOutcome[k], (c) => ours.evaluate(c, 'es'), { warm: r === 0 ? 1000 : 100 }));
  }
}
const tPartial = unknownRounds.all.flat();
const perOutcome = Object.fromEntries(kinds.map((k) => [k, { cases: byOutcome[k].length, medianUs: median(unknownRounds[k].map(median)), p90Us: pct(unknownRounds[k].flat(), 0.9), roundsUs: [Math.min(...unknownRounds[k].map(median)), Math.max(...unknownRounds[k].map(median))] }]));
report.unknown = { cases: N, outcomes: pOut, questionsPerOpenCase: questions / open, answerOptionsPerOpenCase: answers / open, medianUs: median(unknownRounds.all.map(median)), p90Us: pct(tPartial, 0.9), perOutcome };
for (const p of peers) p.dispose?.();

// ---- 4. cold start ------------------------------------------------------------------------
log('cold starts');
const coldRuns = Number(opt('--cold-runs', 7));
const one = (which) => {
  const t0 = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bench/cold.mjs'), which, texts[0], JSON.stringify(facts[0])], { encoding: 'utf8' });
  return { ...JSON.parse(out), wallMs: Number(process.hrtime.bigint() - t0) / 1e6 };
};
// One run of each engine after the other, coldRuns times over, so that a busy
// moment of the machine falls on every engine alike.
const ENGINES = ['node', 'ours', 'json-rules-engine', 'zen'];
const coldOf = Object.fromEntries(ENGINES.map((k) => [k, []]));
for (let r = 0; r < coldRuns; r += 1) for (const which of ENGINES) coldOf[which].push(one(which));
for (const which of ENGINES) {
  const runs = coldOf[which];
  report.cold[which] = {
    scriptToFirstResultMs: median(runs.map((r) => r.scriptToFirstResult)),
    processStartToFirstResultMs: median(runs.map((r) => r.processStartToFirstResult)),
    spawnToExitMs: median(runs.map((r) => r.wallMs)),
    // Medians of each phase: importing the module, setting it up, the first result.
    phasesMs: Object.fromEntries(Object.keys(runs[0].phases).map((k) => [k, median(runs.map((r) => r.phases[k]))])),
    outcome: runs[0].outcome,
  };
}

// ---- 5. native (cargo bench) --------------------------------------------------------------
const critFile = opt('--criterion');
if (critFile && fs.existsSync(critFile)) {
  const text = fs.readFileSync(critFile, 'utf8');
  const unit = { ns: 1e-3, 'µs': 1, us: 1, ms: 1e3, s: 1e6 };
  report.native = [...text.matchAll(/^(\S+)\s+time:\s+\[([\d.]+) (\S+) ([\d.]+) (\S+) ([\d.]+) (\S+)\]/gm)]
    .map((m) => ({ name: m[1], lowUs: m[2] * unit[m[3]], estimateUs: m[4] * unit[m[5]], highUs: m[6] * unit[m[7]] }));
}

// ---- 6. bytes -----------------------------------------------------------------------------
const wasmSize = sizeOf(fs.readFileSync(WASM));
const load = firstLoad();
report.bytes = { wasm: wasmSize, firstLoad: load, budgets: readBudgets() };

// ---- 7. the page, throttled -----------------------------------------------------------------
if (!args.includes('--no-browser')) {
  log('the page on a slow connection');
  const { throttledRounds } = await import('./throttled.mjs');
  // Production-like serving (the build's .br files, the rest gzipped on the fly) and plain
  // serving (uncompressed), one cold run of each in turn.
  report.pages = await throttledRounds(Number(opt('--runs', 3)));
  report.page = report.pages.production;
}

// ---- the machine --------------------------------------------------------------------------
const sh = (cmd, a) => { try { return execFileSync(cmd, a, { encoding: 'utf8' }).trim(); } catch { return '?'; } };
report.machine = {
  cpu: os.cpus()[0]?.model ?? '?', cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`, node: process.version, rustc: sh('rustc', ['--version']),
  peers: Object.fromEntries(['json-rules-engine', '@gorules/zen-engine'].map((p) => [p, peerRequire(`${p}/package.json`).version])),
  chromium: report.page?.chromium ?? null, date: new Date().toISOString().slice(0, 10),
};
if (opt('--json')) fs.writeFileSync(opt('--json'), JSON.stringify(report, null, 2));

// ---- the table ----------------------------------------------------------------------------
const e = report.evaluation.medianUs;
const L = [];
const m = report.machine;
L.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}; ${m.rustc}; json-rules-engine ${m.peers['json-rules-engine']}; @gorules/zen-engine ${m.peers['@gorules/zen-engine']}${m.chromium ? `; Chromium ${m.chromium}` : ''}; ${m.date}.`, '');
L.push(`**Agreement.** On all ${N} generated cases with complete facts, the three encodings give the same outcome (${Object.entries(outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}; deciding step: ${Object.entries(deciders).map(([k, v]) => `${k} ${v}`).join(', ')}).`, '');
L.push(`**Evaluation, complete facts, same 10,000 cases, same run** (µs per evaluation, one call at a time: the median of ${report.evaluation.rounds} rounds' medians, each round every engine on all the cases in turn; the lowest and highest round medians beside it):`, '');
L.push('| engine | what it does per case | median µs | rounds, µs | p90 µs | ours is faster by |', '|---|---|---:|---:|---:|---:|');
const p90 = report.evaluation.p90Us;
const rng = (k) => { const r = report.evaluation.roundMediansUs[k]; return r ? `${us(r[0])}–${us(r[1])}` : '—'; };
L.push(`| **amnistia** (wasm in Node), \`evaluate(object)\` | case JSON → parse, day classes, §2.1 over every completion, explained assessment (steps, readings, what would change, next steps) → JS objects | **${us(e.ours)}** | ${rng('ours')} | ${us(p90.ours)} | — |`);
L.push(`| amnistia, \`evaluate(text)\` | the same, from JSON text | ${us(e.oursText)} | ${rng('oursText')} | ${us(p90.oursText)} | — |`);
L.push(`| amnistia, \`evaluateJson(text)\` | the same, to pretty JSON text (as the CLI prints) | ${us(e.oursJson)} | ${rng('oursJson')} | ${us(p90.oursJson)} | — |`);
L.push(`| amnistia, explained assessment inside wasm (\`screenJsonl\`, per case in chunks of 500) | the same assessment, not converted to JS; returns the outcome row | ${us(e.oursInWasmPerCase)} | ${rng('oursInWasmPerCase')} | — | — |`);
const ciw = report.evaluation.checkInWasm;
if (ciw) L.push(`| amnistia, the explained evaluation alone inside wasm (\`benchCheck\`: the benchmark's build of the same module with that one export, ${ciw.bytesMore} bytes more) | case JSON text → parse, day classes, §2.1 over every completion, the whole explained assessment made (every text written); no output, 20 times per call | ${us(ciw.medianUs)} | ${rng('checkInWasm')} | ${us(ciw.p90Us)} | — |`);
for (const p of ['json-rules-engine', 'GoRules ZEN']) {
  const alone = ciw ? `; ${(e[p] / ciw.medianUs).toFixed(1)}× the evaluation alone` : '';
  L.push(`| ${p} | precomputed facts (window flags, charge categories) → outcome code only | ${us(e[p])} | ${rng(p)} | ${us(p90[p])} | ${(e[p] / e.ours).toFixed(1)}× (${(e[p] / e.oursInWasmPerCase).toFixed(1)}× inside wasm${alone}) |`);
}
L.push('');
L.push(`**The JS boundary** (the same runs): \`evaluate(object)\` ${us(e.ours)} µs, \`evaluate(text)\` ${us(e.oursText)} µs, \`evaluateJson(text)\` ${us(e.oursJson)} µs; \`evaluate(object)\` takes ${(e.ours / e.oursText).toFixed(2)}× \`evaluate(text)\`, and json-rules-engine takes ${(e['json-rules-engine'] / e.ours).toFixed(2)}× \`evaluate(object)\`. Reading the object is one call into JS (\`readValue\`, DESIGN.md); most of the rest is the explained assessment inside the wasm (${us(e.oursInWasmPerCase)} µs) and \`JSON.parse\` building its objects.`, '');
if (report.split) L.push('**Where the time of `evaluate(object)` goes** (bench/split.mjs; the same run):', '', ...splitLines(report.split, e['json-rules-engine']), '');
const u = report.unknown;
L.push(`**Unknown facts** (${N} cases with some facts left out or a month or year for the date): \`evaluate\` median ${us(u.medianUs)} µs (p90 ${us(u.p90Us)} µs); outcomes ${Object.entries(u.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}; each \`needs_information\` case names on average ${u.questionsPerOpenCase.toFixed(2)} questions and ${u.answerOptionsPerOpenCase.toFixed(1)} possible answers, each with the outcome it would lead to. json-rules-engine and ZEN cannot do this at all: they evaluate the facts they are given, and have no notion of an unknown fact standing for every value it could take, of which facts would settle the result, or of what each answer would change.`, '');
L.push(`\`evaluate(object)\` per outcome of those cases (median of ${ROUNDS} rounds' medians; \`needs_information\` works out the questions and every answer's outcome, the settled ones what single change would change them):`, '');
L.push('| outcome | cases | median µs | rounds, µs | p90 µs |', '|---|---:|---:|---:|---:|');
for (const k of ['needs_information', 'uncertain', 'not_covered', 'covered']) {
  const o = u.perOutcome[k];
  if (o) L.push(`| \`${k}\` | ${o.cases} | ${us(o.medianUs)} | ${us(o.roundsUs[0])}–${us(o.roundsUs[1])} | ${us(o.p90Us)} |`);
}
L.push('');
L.push('**Cold start** (a fresh Node process; median of ' + coldRuns + ' runs, one of each engine in turn): import, set up, first result.', '');
L.push('| engine | script start → first result, ms | of which import / set up / first result, ms | process start → first result, ms | spawn → exit, ms |', '|---|---:|---:|---:|---:|');
for (const [k, name] of [['node', 'empty Node process (baseline)'], ['ours', 'amnistia (wasm: compile, instantiate, evaluate)'], ['json-rules-engine', 'json-rules-engine'], ['zen', 'GoRules ZEN (native addon)']]) {
  const c = report.cold[k];
  const ph = c.phasesMs && Object.keys(c.phasesMs).length ? ['import', 'setup', 'first'].map((p) => c.phasesMs[p].toFixed(1)).join(' / ') : '—';
  L.push(`| ${name} | ${k === 'node' ? '—' : c.scriptToFirstResultMs.toFixed(1)} | ${ph} | ${c.processStartToFirstResultMs.toFixed(1)} | ${c.spawnToExitMs.toFixed(1)} |`);
}
L.push('');
if (report.native) {
  L.push('**Native** (`cargo bench --bench evaluate`, criterion; the full explained evaluation, `check` from JSON text, `assess` from a parsed case):', '');
  L.push('| bench | µs (estimate) | low – high |', '|---|---:|---|');
  for (const n of report.native) L.push(`| ${n.name} | ${us(n.estimateUs)} | ${us(n.lowUs)} – ${us(n.highUs)} |`);
  L.push('');
}
L.push('**Bytes:**', '', '| what | raw | gzip | brotli |', '|---|---:|---:|---:|');
L.push(`| wasm (\`www/pkg/amnistia_bg.wasm\`) | ${kb(wasmSize.raw)} | ${kb(wasmSize.gzip)} | ${kb(wasmSize.brotli)} |`);
L.push(`| whole first load (${load.files.length} files: ${load.files.map((f) => f.file).join(', ')}) | ${kb(load.total.raw)} | ${kb(load.total.gzip)} | ${kb(load.total.brotli)} |`);
L.push(`| of which the first question needs (all but the core: the first question is drawn from \`pkg/first.js\`, and the wasm and its glue come on for the answers) | ${kb(load.needed.raw)} | ${kb(load.needed.gzip)} | ${kb(load.needed.brotli)} |`);
L.push('');
if (report.pages) {
  const pp = report.pages;
  const pg = pp.production;
  L.push(`**The page on a slow connection** (Chromium ${pg.chromium}, CDP: ${pg.profile.downKbps} kbit/s down and up, ${pg.profile.rttMs} ms round trip, CPU ${pg.profile.cpuSlowdown}× slower, cache off, 360×740; cold runs from navigation start, one of each way of serving in turn; production-like: the build's brotli files, the rest gzipped on the fly; plain: uncompressed):`, '');
  L.push('| milestone | production-like, median ms | runs | plain, median ms | runs |', '|---|---:|---|---:|---|');
  const r = (x, k) => x.runs.map((y) => (y[k] == null ? '—' : Math.round(y[k]))).join(', ');
  const m = (x, k) => (x.median[k] == null ? '—' : Math.round(x.median[k]));
  for (const [k, what] of [['startScreenMs', 'start screen shown ("Empezar" works)'], ['firstQuestionMs', 'first question shown (one scripted click as soon as the start screen shows)'], ['firstResultMs', 'first result shown (scripted answers, covered case)']]) {
    L.push(`| ${what} | ${m(pg, k)} | ${r(pg, k)} | ${m(pp.plain, k)} | ${r(pp.plain, k)} |`);
  }
  L.push('', `First load as fetched (production-like): ${pg.requests.length} requests, ${kb(pg.transferBytes)} on the wire (${pg.requests.map((x) => `${x.file} ${x.encoding || 'identity'} ${x.bytes}`).join('; ')}); plain: ${kb(pp.plain.transferBytes)}.${pg.listMatches && pp.plain.listMatches ? ' Same files as the byte budget counts.' : ` The byte budget's list differs: fetched and not listed ${JSON.stringify(pg.fetchedNotListed)}, listed and not fetched ${JSON.stringify(pg.listedNotFetched)}.`}`);
  for (const x of [pg, pp.plain]) if (x.runs.some((y) => y.resultError)) L.push('', `Scripted answers failed (${x.serving}): ${x.runs.find((y) => y.resultError).resultError}`);
  L.push('');
}
L.push('**Targets:**', '', '| target | now | met |', '|---|---|---|');
L.push(`| wasm ≤ 40 KB brotli | ${kb(wasmSize.brotli)} | ${mark(wasmSize.brotli <= TARGET.wasmBrotli)} |`);
L.push(`| whole first load ≤ 60 KB brotli | what the first question needs: ${kb(load.needed.brotli)}; everything fetched before it, the core included (requested once the start screen shows, for the answers that follow): ${kb(load.total.brotli)} | ${mark(load.needed.brotli <= TARGET.firstLoadBrotli)} / ${mark(load.total.brotli <= TARGET.firstLoadBrotli)} |`);
const ciwText = ciw ? `; the evaluation alone inside wasm ${us(ciw.medianUs)} µs` : '';
const ciwMark = ciw ? ` / ${mark(ciw.medianUs <= TARGET.evalUs)}` : '';
L.push(`| explained evaluation in wasm, complete facts ≤ 5 µs median | \`evaluate\` ${us(e.ours)} µs; inside wasm (\`screenJsonl\`) ${us(e.oursInWasmPerCase)} µs${ciwText} | ${mark(e.ours <= TARGET.evalUs)} / ${mark(e.oursInWasmPerCase <= TARGET.evalUs)}${ciwMark} |`);
const ciwRatio = ciw ? `; the evaluation alone ${(e['json-rules-engine'] / ciw.medianUs).toFixed(1)}×` : '';
const ciwRatioMark = ciw ? ` / ${mark(e['json-rules-engine'] / ciw.medianUs >= TARGET.speedUp)}` : '';
L.push(`| ≥ 8× faster than json-rules-engine, same run | \`evaluate\` ${(e['json-rules-engine'] / e.ours).toFixed(1)}×; inside wasm ${(e['json-rules-engine'] / e.oursInWasmPerCase).toFixed(1)}×${ciwRatio} | ${mark(e['json-rules-engine'] / e.ours >= TARGET.speedUp)} / ${mark(e['json-rules-engine'] / e.oursInWasmPerCase >= TARGET.speedUp)}${ciwRatioMark} |`);
L.push(`| cold start ≤ 5 ms (script start → first result) | ${report.cold.ours.scriptToFirstResultMs.toFixed(1)} ms | ${mark(report.cold.ours.scriptToFirstResultMs <= TARGET.coldMs)} |`);
L.push(`| \`evaluate(object)\` ≥ 3× json-rules-engine, complete facts, same run | ${(e['json-rules-engine'] / e.ours).toFixed(2)}× | ${mark(e['json-rules-engine'] / e.ours >= TARGET.boundarySpeedUp)} |`);
L.push(`| \`evaluate(object)\` within 1.5× \`evaluate(text)\` | ${(e.ours / e.oursText).toFixed(2)}× | ${mark(e.ours / e.oursText <= TARGET.objectOverText)} |`);
if (report.page) L.push(`| start screen ≤ 1.8 s, throttled, production-like serving | ${(report.page.median.startScreenMs / 1000).toFixed(2)} s | ${mark(report.page.median.startScreenMs <= TARGET.startScreenMs)} |`);
if (report.page) L.push(`| first question ≤ 2.5 s, throttled | ${(report.page.median.firstQuestionMs / 1000).toFixed(2)} s | ${mark(report.page.median.firstQuestionMs <= TARGET.firstQuestionMs)} |`);
console.log(L.join('\n'));
