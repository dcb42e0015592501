// Smoke test of the optimized www/pkg build in Node: a broken wasm-opt or glue fails the build.
import assert from 'node:assert/strict';
import fs from 'node:fs';

const pkg = new URL('../www/pkg/', import.meta.url);
const { initSync, evaluate, evaluateJson, screenJsonl, law, request } = await import(new URL('amnistia.js', pkg));
const wasm = initSync({ module: fs.readFileSync(new URL('amnistia_bg.wasm', pkg)) });

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

// The written request of the same case (contract §3.1): the document, its
// text and its RTF, from the optimized module.
const doc = request(example, { name: 'Ana', filer: 'self' }, 1, 'es');
assert.equal(doc.type, 'request', `request: ${JSON.stringify(doc).slice(0, 300)}`);
assert.ok(doc.text.includes('Ana') && doc.rtf.startsWith('{\\rtf1'), 'request: text and rtf');

assert.throws(() => evaluate({}, 'es'), (e) => {
  assert.ok(e instanceof Error, `expected an Error, got ${JSON.stringify(e)}`);
  assert.equal(e.code, 'no_proceedings', `error: ${e.message}`);
  return true;
});

// The module's allocator (talc, src/wasm.rs) reuses what was freed: the same
// work done again takes no new memory, so a page left open or a long
// screening run does not swell on a cheap phone.
const { completeCases, partialCases } = await import('../bench/cases.mjs');
const info = law('es');
const cases = [...completeCases(1500, info), ...partialCases(1500, info)];
const lines = cases.map((c) => JSON.stringify(c));
const work = () => {
  for (const c of cases) evaluate(c, 'es');
  for (const t of lines.slice(0, 300)) evaluateJson(t, 'en');
  for (let i = 0; i < lines.length; i += 500) screenJsonl(lines.slice(i, i + 500).join('\n'), i + 1, 'es');
};
work();
const bytes = wasm.memory.buffer.byteLength;
work();
work();
assert.equal(wasm.memory.buffer.byteLength, bytes, 'the same 3,000 cases, checked again, took more memory');

console.log(`smoke: ok (example case covered; {} -> no_proceedings; memory steady at ${bytes / 65536} pages over repeated work)`);
