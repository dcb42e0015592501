// Compares two builds of the wasm package on the JSON writer's work (DESIGN.md,
// "Why these hand-written pieces, and not others?", the JSON writer): the
// page's build (www/pkg) and another built from a changed writer, e.g.
//   bash scripts/wasm-pkg.sh '' /tmp/other/pkg /tmp/other/target
//   node bench/json-writer.mjs /tmp/other/pkg [--rounds N]
// It prints, per build: the wasm's bytes (raw, brotli 11), the median µs of
// `evaluate(object)` on the same 2,000 generated cases (rounds alternate the
// builds' order), whether the two write the same text, and the median µs of
// decoding that text (UTF-8 bytes to a string, then JSON.parse) in JS.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { completeCases } from './cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const other = args[0];
if (!other) { console.error('usage: node bench/json-writer.mjs OTHER_PKG_DIR [--rounds N]'); process.exit(2); }
const rounds = +(args[args.indexOf('--rounds') + 1] || 0) || 9;
const N = 2000;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

async function load(dir) {
  const m = await import(pathToFileURL(path.join(dir, 'amnistia.js')).href);
  const wasm = fs.readFileSync(path.join(dir, 'amnistia_bg.wasm'));
  m.initSync({ module: wasm });
  const br = zlib.brotliCompressSync(wasm, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { dir, m, raw: wasm.length, br };
}

const builds = [await load(path.join(ROOT, 'www/pkg')), await load(path.resolve(other))];
const cases = completeCases(N, builds[0].m.law('es'));

// The text each build hands to JSON.parse (the glue calls the global).
const parse = JSON.parse;
function texts(b) {
  const out = new Array(N);
  let i = 0;
  JSON.parse = (t) => { out[i] = t; return parse(t); };
  try { for (; i < N; i += 1) b.m.evaluate(cases[i], 'es'); } finally { JSON.parse = parse; }
  return out;
}
const written = builds.map(texts);
const same = written[0].every((t, i) => t === written[1][i]);
const ascii = written.map((ts) => ts.every((t) => /^[\x00-\x7f]*$/.test(t)));

function timeEach(fn, items) {
  const t = new Array(items.length);
  for (let i = 0; i < items.length; i += 1) {
    const t0 = process.hrtime.bigint();
    fn(items[i]);
    t[i] = Number(process.hrtime.bigint() - t0) / 1e3;
  }
  return t;
}

for (const b of builds) timeEach((c) => b.m.evaluate(c, 'es'), cases); // warm-up
const evalUs = [[], []];
for (let r = 0; r < rounds; r += 1) {
  for (const k of r % 2 ? [1, 0] : [0, 1]) evalUs[k].push(median(timeEach((c) => builds[k].m.evaluate(c, 'es'), cases)));
}

// Decoding as the glue does it: the output's UTF-8 bytes to a string, then JSON.parse.
const dec = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
const enc = new TextEncoder();
const decodeUs = written.map((ts) => {
  const bytes = ts.map((t) => enc.encode(t));
  const fn = (u8) => parse(dec.decode(u8));
  timeEach(fn, bytes);
  return median(Array.from({ length: rounds }, () => median(timeEach(fn, bytes))));
});
const meanBytes = written.map((ts) => Math.round(ts.reduce((s, t) => s + t.length, 0) / N));

console.log('| build | wasm raw B | wasm brotli B | evaluate µs (median) | output B (mean) | decode µs (median) | ASCII |');
console.log('|---|---:|---:|---:|---:|---:|---|');
builds.forEach((b, k) => console.log(`| ${path.relative(ROOT, b.dir) || b.dir} | ${b.raw} | ${b.br} | ${median(evalUs[k]).toFixed(2)} | ${meanBytes[k]} | ${decodeUs[k].toFixed(2)} | ${ascii[k]} |`));
console.log(`\nsame text on all ${N} cases: ${same}; rounds: ${rounds} (per-round medians: ${evalUs.map((u) => u.map((x) => x.toFixed(2)).join(' ')).join(' / ')})`);
