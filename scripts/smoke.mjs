// Smoke test of the optimized www/pkg build in Node: a broken wasm-opt or glue fails the build.
import assert from 'node:assert/strict';
import fs from 'node:fs';

const pkg = new URL('../www/pkg/', import.meta.url);
const { initSync, evaluate } = await import(new URL('amnistia.js', pkg));
initSync({ module: fs.readFileSync(new URL('amnistia_bg.wasm', pkg)) });

// The example case of the contract (case-format.md §1).
const example = {
  law: 'enacted-2026-02-19',
  person: { situation: 'detained', abroad: false, ceasedConduct: true },
  proceedings: [{
    label: 'Tribunal 2º de Control, Caracas',
    factsDate: '2024-07-30',
    factsDateEnd: null,
    event: 12,
    charges: ['terrorism', 'incitement_to_hatred'],
    phase: 'control',
    militaryJustice: false,
  }],
};
const result = evaluate(example, 'es');
assert.equal(result.outcome, 'covered', `example case: ${JSON.stringify(result)}`);

assert.throws(() => evaluate({}, 'es'), (e) => {
  assert.ok(e instanceof Error, `expected an Error, got ${JSON.stringify(e)}`);
  assert.equal(e.code, 'no_proceedings', `error: ${e.message}`);
  return true;
});

console.log('smoke: ok (example case covered; {} -> no_proceedings)');
