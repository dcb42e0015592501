// The JS boundary, alone and quickly: `evaluate(object)`, `evaluate(text)`
// and `evaluateJson(text)` on the benchmark's complete-facts cases, beside
// json-rules-engine on the same cases, in alternating rounds; and
// `evaluate(object)` on the cases with unknown facts, by outcome. Given
// several package directories (built by scripts/wasm-pkg.sh), it times each
// in the same process, so two builds can be compared in one run.
//
//   node bench/boundary.mjs [--cases N] [--rounds N] [--split] [PKG_DIR ...]   (default www/pkg)
//
// --split adds where the first package's `evaluate(object)` time goes
// (bench/split.mjs), with the benchmark's build in target/bench/pkg.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { completeCases, partialCases, peerFacter } from './cases.mjs';
import * as jre from './peers/json-rules-engine.mjs';
import { splitLines, whereTimeGoes } from './split.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); if (i < 0) return dflt; const v = args[i + 1]; args.splice(i, 2); return v; };
const N = Number(opt('--cases', 3000));
const ROUNDS = Number(opt('--rounds', 7));
const SPLIT = args.includes('--split');
if (SPLIT) args.splice(args.indexOf('--split'), 1);
const dirs = args.length ? args : [path.join(ROOT, 'www/pkg')];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const now = () => Number(process.hrtime.bigint()) / 1e3;

/** Median µs per call over the items, each call timed on its own. */
async function timeEach(items, fn, isAsync = false) {
  const t = new Array(items.length);
  for (let i = 0; i < items.length; i += 1) {
    const t0 = now();
    const r = fn(items[i]);
    if (isAsync) await r;
    t[i] = now() - t0;
  }
  return median(t);
}

const pkgs = [];
for (const [i, dir] of dirs.entries()) {
  const glue = path.resolve(dir, 'amnistia.js');
  // A query string makes each directory its own module instance.
  const m = await import(`${pathToFileURL(glue).href}?${i}`);
  m.initSync({ module: fs.readFileSync(path.resolve(dir, 'amnistia_bg.wasm')) });
  pkgs.push({ name: dirs.length > 1 ? path.basename(path.resolve(dir, '..')) + '/' + path.basename(dir) : 'ours', m });
}
const info = pkgs[0].m.law('es');
const cases = completeCases(N, info);
const texts = cases.map((c) => JSON.stringify(c));
const facts = cases.map(peerFacter(info));
const partial = partialCases(N, info);
const byOutcome = {};
for (const c of partial) {
  const o = pkgs[0].m.evaluate(c, 'es').proceedings[0].outcome;
  (byOutcome[o] ??= []).push(c);
}
const engine = jre.makeEngine();

const timers = { 'json-rules-engine': () => timeEach(facts, (f) => engine.evaluate(f), true) };
for (const { name, m } of pkgs) {
  timers[`${name} evaluate(object)`] = () => timeEach(cases, (c) => m.evaluate(c, 'es'));
  timers[`${name} evaluate(text)`] = () => timeEach(texts, (t) => m.evaluate(t, 'es'));
  timers[`${name} evaluateJson(text)`] = () => timeEach(texts, (t) => m.evaluateJson(t, 'es'));
  for (const [o, list] of Object.entries(byOutcome)) timers[`${name} unknown facts, ${o}`] = () => timeEach(list, (c) => m.evaluate(c, 'es'));
}
const names = Object.keys(timers);
for (const k of names) await timers[k](); // warm-up
const rounds = Object.fromEntries(names.map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r += 1) {
  for (let j = 0; j < names.length; j += 1) {
    const k = names[(j + r) % names.length];
    rounds[k].push(await timers[k]());
  }
}
const result = Object.fromEntries(names.map((k) => [k, { medianUs: median(rounds[k]), rounds: rounds[k].map((x) => +x.toFixed(1)) }]));
const counts = Object.fromEntries(Object.entries(byOutcome).map(([o, l]) => [o, l.length]));
if (process.env.BOUNDARY_JSON) fs.writeFileSync(process.env.BOUNDARY_JSON, JSON.stringify({ cases: N, rounds: ROUNDS, unknownOutcomes: counts, result }, null, 2));
console.log(`| call (${N} complete-facts cases; unknown facts by outcome ${JSON.stringify(counts)}) | median µs | round medians |`);
console.log('|---|---:|---|');
for (const k of names) console.log(`| ${k} | ${result[k].medianUs.toFixed(1)} | ${result[k].rounds.join(', ')} |`);

if (SPLIT) {
  const dir = path.join(ROOT, 'target/bench/pkg');
  const hooked = await import(pathToFileURL(path.join(dir, 'amnistia.js')).href);
  hooked.initSync({ module: fs.readFileSync(path.join(dir, 'amnistia_bg.wasm')) });
  const split = whereTimeGoes({ ours: pkgs[0].m, hooked, cases: cases.slice(0, 2000), rounds: ROUNDS });
  console.log('');
  console.log(splitLines(split, result['json-rules-engine'].medianUs).join('\n'));
}
