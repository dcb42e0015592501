// Where a complete-facts case's time goes in `evaluate`, part by part, for
// bench/run.mjs and bench/boundary.mjs. It needs the benchmark's build of the
// module (scripts/bench.sh: target/bench/pkg, feature bench-hooks), whose two
// extra exports time the making and the writing inside the wasm:
//
//   benchCheck(text, n)  JSON text → the whole explained assessment, n times
//   benchWrite(text, n)  the same, and written as the JSON text `evaluate`
//                        hands to `JSON.parse`, n times
//
// The hand-over is timed in JS on the very texts `evaluate` passed to
// `JSON.parse` (caught once, before timing): UTF-8 bytes to a string, then
// `JSON.parse`. Every figure is the median of its rounds' medians, the parts
// timed in alternating order, so a busy moment falls on one round of each.

const REPEAT = 20;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median µs per item of `fn` over the items, each call timed on its own. */
function timeEach(items, fn, per = 1) {
  const t = new Array(items.length);
  for (let i = 0; i < items.length; i += 1) {
    const t0 = process.hrtime.bigint();
    fn(items[i]);
    t[i] = Number(process.hrtime.bigint() - t0) / 1e3 / per;
  }
  return median(t);
}

/**
 * @param {object} o
 * @param {any} o.ours     the page's package (www/pkg), initialised
 * @param {any} o.hooked   the benchmark's package (target/bench/pkg), initialised
 * @param {any[]} o.cases  complete-facts cases as objects
 * @param {number} [o.rounds]
 */
export function whereTimeGoes({ ours, hooked, cases, rounds = 5 }) {
  const texts = cases.map((c) => JSON.stringify(c));
  const parse = JSON.parse;
  const handed = [];
  JSON.parse = (s, r) => { handed.push(s); return parse(s, r); };
  try {
    for (const c of cases) ours.evaluate(c, 'es');
  } finally {
    JSON.parse = parse;
  }
  if (handed.length !== cases.length) throw new Error(`evaluate called JSON.parse ${handed.length} times for ${cases.length} cases: the hand-over changed, and this split with it`);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const bytes = handed.map((s) => encoder.encode(s));
  for (const t of texts.slice(0, 50)) {
    if (hooked.benchCheck(t, 1) !== 1) throw new Error('benchCheck made no assessment');
  }
  const timers = {
    object: () => timeEach(cases, (c) => ours.evaluate(c, 'es')),
    text: () => timeEach(texts, (t) => ours.evaluate(t, 'es')),
    check: () => timeEach(texts, (t) => hooked.benchCheck(t, REPEAT), REPEAT),
    write: () => timeEach(texts, (t) => hooked.benchWrite(t, REPEAT), REPEAT),
    decode: () => timeEach(bytes, (b) => decoder.decode(b)),
    parse: () => timeEach(handed, (s) => JSON.parse(s)),
  };
  const names = Object.keys(timers);
  for (const k of names) timers[k](); // warm-up
  const got = Object.fromEntries(names.map((k) => [k, []]));
  for (let r = 0; r < rounds; r += 1) {
    for (let j = 0; j < names.length; j += 1) {
      const k = names[(j + r) % names.length];
      got[k].push(timers[k]());
    }
  }
  const us = Object.fromEntries(names.map((k) => [k, median(got[k])]));
  const parts = [
    ['reading the case object (`evaluate(object)` − `evaluate(text)`)', us.object - us.text],
    ['reading the text and making the explained assessment (`benchCheck`)', us.check],
    ['writing it as JSON text (`benchWrite` − `benchCheck`)', us.write - us.check],
    ['the text\'s bytes to a JS string (`TextDecoder`)', us.decode],
    ['`JSON.parse` building the objects', us.parse],
    ['the rest of the call: crossings, copies, freeing (`evaluate(text)` − the three before)', us.text - us.write - us.decode - us.parse],
  ];
  return {
    cases: cases.length,
    rounds,
    bytesMean: handed.reduce((n, s) => n + s.length, 0) / handed.length,
    medianUs: us,
    parts,
    // What `evaluate(object)` would still cost if making and writing the
    // assessment took no time at all: reading the object, and the hand-over.
    floorUs: (us.object - us.text) + us.decode + us.parse,
  };
}

/** The split as Markdown lines, beside the peer's figure from the same run. */
export function splitLines(s, peerUs, peerName = 'json-rules-engine') {
  const f = (x) => x.toFixed(1);
  const L = [];
  L.push(`| part of \`evaluate(object)\` (${s.cases} complete-facts cases, ${s.rounds} rounds; the JSON text averages ${Math.round(s.bytesMean).toLocaleString('en')} bytes) | µs | share |`, '|---|---:|---:|');
  for (const [what, x] of s.parts) L.push(`| ${what} | ${f(x)} | ${Math.round((100 * x) / s.medianUs.object)}% |`);
  L.push(`| **\`evaluate(object)\`, measured whole** | **${f(s.medianUs.object)}** | 100% |`);
  L.push('');
  L.push(`With making and writing the assessment free, \`evaluate(object)\` would still take ${f(s.floorUs)} µs (reading the object and the hand-over): ${peerName} (${f(peerUs)} µs) would be ${(peerUs / s.floorUs).toFixed(1)}× that. 3× ${peerName} is ${f(peerUs / 3)} µs.`);
  return L;
}
