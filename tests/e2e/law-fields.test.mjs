// Every field law() hands the page is read by the page (issue 15: fields that nothing reads leave
// law()). Each leaf key of law('es'), for both law versions, must be named in www/'s own modules;
// a field the page stopped reading fails here until it leaves the core's output too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WWW = path.join(ROOT, 'www');

function leafKeys(value, out = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => leafKeys(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (v === null || typeof v !== 'object') out.add(k);
      else leafKeys(v, out);
    }
  }
  return out;
}

test('every field of law() is read by the page', async () => {
  const m = await import(path.join(WWW, 'pkg/amnistia.js'));
  m.initSync({ module: fs.readFileSync(path.join(WWW, 'pkg/amnistia_bg.wasm')) });
  const sources = fs.readdirSync(WWW, { recursive: true })
    .filter((f) => f.endsWith('.js') && !f.startsWith('pkg'))
    .map((f) => fs.readFileSync(path.join(WWW, f), 'utf8'))
    .join('\n');
  const keys = new Set();
  for (const id of ['enacted-2026-02-19', 'draft-2026-02-05']) leafKeys(m.law('es', id), keys);
  assert.ok(keys.size > 30, 'test setup: law() has its fields');
  const unread = [...keys].filter((k) => !new RegExp(`[.'"\`]${k}\\b|\\b${k}\\s*[,:}]`).test(sources));
  assert.deepEqual(unread, [], 'fields of law() that no module of www/ names');
});
