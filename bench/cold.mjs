// Cold start of one engine in this fresh Node process: import, set up,
// first result. Run by bench/run.mjs as `node bench/cold.mjs ENGINE CASE FACTS`
// (ENGINE: ours, json-rules-engine, zen, or node for the bare process; CASE
// and FACTS as JSON); prints one JSON line of times in ms.
// `performance.now()` counts from the start of the process.
import fs from 'node:fs';

const t0 = performance.now();
const [which, caseJson, factsJson] = process.argv.slice(2);
const phases = {};
let last = t0;
const phase = (name) => { const t = performance.now(); phases[name] = t - last; last = t; };
let outcome;
if (which === 'ours') {
  const m = await import('../www/pkg/amnistia.js');
  phase('import');
  m.initSync({ module: fs.readFileSync(new URL('../www/pkg/amnistia_bg.wasm', import.meta.url)) });
  phase('setup');
  outcome = m.evaluate(JSON.parse(caseJson), 'es').outcome;
  phase('first');
} else if (which === 'json-rules-engine' || which === 'zen') {
  const { makeEngine } = await import(which === 'zen' ? './peers/zen.mjs' : './peers/json-rules-engine.mjs');
  phase('import');
  const engine = makeEngine();
  phase('setup');
  outcome = await engine.evaluate(JSON.parse(factsJson));
  phase('first');
  engine.dispose?.();
} else if (which !== 'node') {
  throw new Error(`unknown engine ${which}`);
}
const t1 = performance.now();
console.log(JSON.stringify({ which, outcome, phases, processStartToScript: t0, scriptToFirstResult: t1 - t0, processStartToFirstResult: t1 }));
