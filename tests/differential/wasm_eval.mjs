// The wasm side of tests/differential.rs. Reads JSONL cases
// ({text, lang, object?, native?}) and writes one JSONL line per case:
//   {"ok": "<evaluateJson output, exactly>"}  or  {"error": {code, message, path}}
// plus, for cases marked `object`, "object": the JS-object entry point's
//   {"ok": JSON.stringify(evaluate(JSON.parse(text), lang)),
//    "nativeCompact": JSON.stringify(JSON.parse(native))}
// or {"error": {...}}, or "unparsable" when JSON.parse refuses the text.
// Usage: node tests/differential/wasm_eval.mjs INPUT.jsonl OUTPUT.jsonl
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node wasm_eval.mjs INPUT.jsonl OUTPUT.jsonl');
  process.exit(2);
}
const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../www/pkg');
const mod = await import(path.join(pkg, 'amnistia.js'));
mod.initSync({ module: fs.readFileSync(path.join(pkg, 'amnistia_bg.wasm')) });

const errorOf = (e) => {
  if (!(e instanceof Error) || typeof e.code !== 'string') {
    // Anything but the module's own error object is a failure of the boundary.
    return { code: 'NOT_AN_AMNISTIA_ERROR', message: String(e), path: null };
  }
  return { code: e.code, message: e.message, path: e.path ?? null };
};

const out = fs.openSync(output, 'w');
for (const line of fs.readFileSync(input, 'utf8').split('\n')) {
  if (!line) continue;
  const c = JSON.parse(line);
  const r = {};
  try {
    r.ok = mod.evaluateJson(c.text, c.lang);
  } catch (e) {
    r.error = errorOf(e);
  }
  if (c.object) {
    let value;
    try {
      value = JSON.parse(c.text);
    } catch {
      r.object = 'unparsable';
    }
    if (!r.object) {
      try {
        r.object = {
          ok: JSON.stringify(mod.evaluate(value, c.lang)),
          nativeCompact: c.native === undefined ? null : JSON.stringify(JSON.parse(c.native)),
        };
      } catch (e) {
        r.object = { error: errorOf(e) };
      }
    }
  }
  fs.writeSync(out, `${JSON.stringify(r)}\n`);
}
fs.closeSync(out);
