#!/usr/bin/env node
// The byte budget (run by scripts/test.sh right after the wasm build): fails
// when the wasm module, or the whole first load of the page, is larger
// brotli-compressed (quality 11) than its budget in budgets.json. It measures
// what is served: dist/, the minified site scripts/build-page.mjs writes.
//
// The first load is every file the page needs before its first question
// shows: index.html, what it links (stylesheet, icon, preloads, the module
// script) and every module those import statically, plus the core
// (pkg/amnistia.js and amnistia_bg.wasm, which app.js imports at run
// time) and the first question's snapshot of it (pkg/first.js, which
// app.js imports at run time too). What the modules import dynamically (`import('./ui/result.js')`:
// the parts fetched after the first question, and the English strings) is
// not first load; it is listed apart, with its sizes. bench/throttled.mjs
// checks the list against what Chromium fetches before the first question.
// The modules' imports are read by esbuild's parser (the served files are
// minified: one line, no spaces), not by a pattern.
//
// It also fails when a first-load module is not requested by index.html
// itself (a modulepreload or preload link): one found only by reading
// another module costs a round trip more on the critical path.
//
//   node scripts/check-budget.mjs [--www DIR]   check DIR (default dist), and print the sizes
//   import { firstLoadFiles, lazyFiles, sizeOf } from './scripts/check-budget.mjs'
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The site as served (scripts/build-page.mjs); the sources in www/ are not what a visitor fetches. */
export const WWW = path.join(ROOT, 'dist');
export const WASM = path.join(WWW, 'pkg', 'amnistia_bg.wasm');
// The build's files that app.js loads at run time: the core, and the first question's snapshot of it.
const CORE = ['pkg/amnistia.js', 'pkg/amnistia_bg.wasm', 'pkg/first.js'];
/** The core itself: part of the first load, requested once the start screen shows (core-loader.js); the first question does not wait for it (pkg/first.js). */
export const CORE_ITSELF = ['pkg/amnistia.js', 'pkg/amnistia_bg.wasm'];
// The stylesheet the page adds with the parts it loads after the first question (app.js, embed.js).
const LATER_STYLES = ['parts.css'];

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

const graphs = new Map(); // site dir -> Map(module -> { static: [...], dynamic: [...] })

/**
 * Every module reachable from the page's own (index.html's scripts and the
 * core), each with the modules it imports statically and dynamically,
 * relative to the site's root: esbuild resolves the graph (writing nothing).
 * An import it cannot follow, such as app.js's `import(url)` of the core, is
 * not in it (the core is added by name).
 */
function moduleGraph(www) {
  if (graphs.has(www)) return graphs.get(www);
  const html = fs.readFileSync(path.join(www, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.m?js)"/gi)]
    .map((m) => m[1])
    .concat(CORE)
    .filter((rel, i, all) => /\.m?js$/.test(rel) && !/^[a-z]+:|^\/\//i.test(rel) && all.indexOf(rel) === i && fs.existsSync(path.join(www, rel)));
  const { metafile } = esbuild.buildSync({
    absWorkingDir: www,
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: path.join(www, '.module-graph'),
    logLevel: 'silent',
  });
  const graph = new Map();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    const of = (kind) => input.imports.filter((i) => i.kind === kind && !i.external).map((i) => path.posix.normalize(i.path));
    graph.set(path.posix.normalize(file), { static: of('import-statement'), dynamic: of('dynamic-import') });
  }
  graphs.set(www, graph);
  return graph;
}

/** The module paths `mod` imports (statically, or dynamically with `dynamic`), relative to the site's root. */
function importsOf(www, mod, dynamic = false) {
  const node = moduleGraph(www).get(mod);
  return node ? node[dynamic ? 'dynamic' : 'static'] : [];
}

/** Paths (relative to the site's root) of the first load, in discovery order. */
export function firstLoadFiles(www = WWW) {
  return firstLoadGraph(www).files;
}

/**
 * The first load ({ files }) and, of its modules, those index.html does not
 * request itself ({ late: [[file, imported by]] }).
 */
export function firstLoadGraph(www = WWW) {
  const found = [];
  const fromHtml = new Set();
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
    fromHtml.add(path.posix.normalize(url.split(/[?#]/)[0]));
    if (add(url) && /\.m?js$/.test(url)) queue.push(path.posix.normalize(url));
  }
  const late = [];
  for (const core of CORE) {
    if (!fs.existsSync(path.join(www, core))) continue; // (a page built before pkg/first.js existed)
    if (add(core)) queue.push(core);
    // The core itself is asked for by the page once the start screen shows (core-loader.js), the
    // glue and the wasm together; the first question's snapshot must be requested by index.html.
    if (!fromHtml.has(core) && !CORE_ITSELF.includes(core)) late.push([core, 'app.js']);
  }
  // Static imports, followed through every module.
  while (queue.length) {
    const mod = queue.shift();
    if (!/\.m?js$/.test(mod)) continue;
    for (const rel of importsOf(www, mod)) {
      if (add(rel)) queue.push(rel);
      if (!fromHtml.has(rel) && !late.some(([f]) => f === rel)) late.push([rel, mod]);
    }
  }
  return { files: found, late };
}

/** Paths (relative to the site's root) of what the modules import dynamically, and what those import, and parts.css: loaded after the first question. */
export function lazyFiles(www = WWW) {
  const first = new Set(firstLoadFiles(www));
  const lazy = LATER_STYLES.filter((f) => fs.existsSync(path.join(www, f)));
  const queue = [...first].filter((f) => /\.m?js$/.test(f)).flatMap((mod) => importsOf(www, mod, true));
  while (queue.length) {
    const mod = queue.shift();
    if (first.has(mod) || lazy.includes(mod) || !fs.existsSync(path.join(www, mod))) continue;
    lazy.push(mod);
    queue.push(...importsOf(www, mod), ...importsOf(www, mod, true));
  }
  return lazy;
}

/**
 * Sizes of each file of the first load and of the whole (`total`), and of
 * what the first question itself needs: all but the core (`needed`).
 */
export function firstLoad(www = WWW) {
  const files = firstLoadFiles(www).map((f) => ({ file: f, ...sizeOf(fs.readFileSync(path.join(www, f))) }));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const needed = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    for (const k of Object.keys(total)) {
      total[k] += f[k];
      if (!CORE_ITSELF.includes(f.file)) needed[k] += f[k];
    }
  }
  return { files, total, needed };
}

export function readBudgets() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'budgets.json'), 'utf8'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wwwArg = process.argv.indexOf('--www');
  const www = wwwArg > 0 ? path.resolve(process.argv[wwwArg + 1]) : WWW;
  const wasmFile = path.join(www, 'pkg', 'amnistia_bg.wasm');
  if (!fs.existsSync(wasmFile)) {
    console.error(`${path.relative(ROOT, wasmFile)} is missing: run \`bash scripts/build-wasm.sh\` first (it builds dist/)`);
    process.exit(1);
  }
  if (path.resolve(www) === path.join(ROOT, 'www')) console.warn('note: measuring the sources in www/, not the served (minified) dist/');
  const budgets = readBudgets();
  const wasm = sizeOf(fs.readFileSync(wasmFile));
  const load = firstLoad(www);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const line = (f) => `  ${f.file.padEnd(28)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(7)} gzip ${String(f.brotli).padStart(7)} brotli`;
  console.log('first load (before the first question):');
  for (const f of load.files) console.log(line(f));
  const lazy = lazyFiles(www).map((f) => ({ file: f, ...sizeOf(fs.readFileSync(path.join(www, f))) }));
  console.log(`after the first question (prefetched, or on demand), not first load: ${lazy.reduce((s, f) => s + f.brotli, 0)} bytes brotli`);
  for (const f of lazy) console.log(line(f));
  const { late } = firstLoadGraph(www);
  for (const [file, by] of late) console.log(`LATE ${file}: imported by ${by} but not requested by index.html (add <link rel="modulepreload" href="${file}">)`);
  const checks = [
    ['wasm module (pkg/amnistia_bg.wasm)', wasm.brotli, budgets.wasm_brotli_bytes],
    [`whole first load (${load.files.length} files)`, load.total.brotli, budgets.first_load_brotli_bytes],
    ['what the first question needs (the first load but the core: the wasm and its glue)', load.needed.brotli, budgets.first_question_brotli_bytes],
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
  if (late.length) {
    console.error('a first-load module is found only by reading another one: preload it from index.html');
    process.exit(1);
  }
}
