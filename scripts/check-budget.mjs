#!/usr/bin/env node
// The byte budget (run by scripts/test.sh right after the wasm build): fails
// when the wasm module, or the whole first load of the page, is larger
// brotli-compressed (quality 11) than its budget in budgets.json.
//
// The first load is every file the page needs before its first question
// shows: index.html, what it links (stylesheet, icon, preloads, the module
// script) and every module those import statically, plus the core
// (www/pkg/amnistia.js and amnistia_bg.wasm, which app.js imports at run
// time). bench/throttled.mjs checks this list against what Chromium fetches.
//
//   node scripts/check-budget.mjs          check, and print the sizes
//   import { firstLoadFiles, sizeOf } from './scripts/check-budget.mjs'
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WWW = path.join(ROOT, 'www');
export const WASM = path.join(WWW, 'pkg', 'amnistia_bg.wasm');
const CORE = ['pkg/amnistia.js', 'pkg/amnistia_bg.wasm'];

/** Raw, gzip (level 9) and brotli (quality 11) sizes of some bytes. */
export function sizeOf(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** Paths (relative to www/) of the first load, in discovery order. */
export function firstLoadFiles(www = WWW) {
  const found = [];
  const add = (rel) => {
    const clean = path.posix.normalize(rel.split(/[?#]/)[0]);
    if (!found.includes(clean) && fs.existsSync(path.join(www, clean))) {
      found.push(clean);
      return true;
    }
    return false;
  };
  add('index.html');
  const html = fs.readFileSync(path.join(www, 'index.html'), 'utf8');
  const local = (url) => url && !/^[a-z]+:|^\/\//i.test(url) && !url.startsWith('data:');
  const queue = [];
  for (const tag of html.match(/<(link|script|img)\b[^>]*>/gi) ?? []) {
    const attr = (name) => (tag.match(new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i')) ?? [])[1];
    const url = attr('href') ?? attr('src');
    if (!local(url)) continue;
    const rel = (attr('rel') ?? '').toLowerCase();
    if (/^link/i.test(tag.slice(1)) && !/stylesheet|icon|preload|modulepreload|manifest/.test(rel)) continue;
    if (add(url) && /\.m?js$/.test(url)) queue.push(path.posix.normalize(url));
  }
  for (const core of CORE) if (add(core)) queue.push(core);
  // Static imports, followed through every module.
  while (queue.length) {
    const mod = queue.shift();
    if (!/\.m?js$/.test(mod)) continue;
    const src = fs.readFileSync(path.join(www, mod), 'utf8');
    const specs = [...src.matchAll(/^\s*(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]);
    for (const spec of specs) {
      if (!spec.startsWith('.')) continue;
      const rel = path.posix.join(path.posix.dirname(mod), spec);
      if (add(rel)) queue.push(path.posix.normalize(rel));
    }
  }
  return found;
}

/** Sizes of each file of the first load and of the whole. */
export function firstLoad(www = WWW) {
  const files = firstLoadFiles(www).map((f) => ({ file: f, ...sizeOf(fs.readFileSync(path.join(www, f))) }));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(total)) total[k] += f[k];
  return { files, total };
}

export function readBudgets() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'budgets.json'), 'utf8'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(WASM)) {
    console.error(`${path.relative(ROOT, WASM)} is missing: run \`bash scripts/build-wasm.sh\` first`);
    process.exit(1);
  }
  const budgets = readBudgets();
  const wasm = sizeOf(fs.readFileSync(WASM));
  const load = firstLoad();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of load.files) console.log(`  ${f.file.padEnd(28)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(7)} gzip ${String(f.brotli).padStart(7)} brotli`);
  const checks = [
    ['wasm module (www/pkg/amnistia_bg.wasm)', wasm.brotli, budgets.wasm_brotli_bytes],
    [`whole first load (${load.files.length} files)`, load.total.brotli, budgets.first_load_brotli_bytes],
  ];
  let over = false;
  for (const [what, size, budget] of checks) {
    const ok = size <= budget;
    over ||= !ok;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${size} bytes brotli (${kb(size)}), budget ${budget} (${kb(budget)})`);
  }
  if (over) {
    console.error('byte budget exceeded: make it smaller, or raise budgets.json in a reviewed change (README, "Rendimiento")');
    process.exit(1);
  }
}
