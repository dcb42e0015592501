#!/usr/bin/env node
// Builds dist/, the site as it is served (run by scripts/build-wasm.sh once
// www/pkg is built; scripts/serve.sh, the end-to-end tests and
// scripts/check-budget.mjs all use dist/, never www/):
//
// - the widget, embed.js, as one bundle (scripts/build-embed.mjs);
// - every other module under www/ (and www/pkg's glue and first.js) minified by
//   esbuild, file by file: the same files, names and import paths, so the
//   module graph is the one the sources have (the parts loaded after the
//   first question still load after it, by dynamic import()); the
//   stylesheets minified alike;
// - then two first-load modules, app.js and checker.js, rebuilt with the
//   stateless modules only they import put inside them (JOINED below), and
//   those dropped from index.html's modulepreload list: six requests after
//   the document instead of twelve, one round trip instead of two under
//   HTTP/1.1's six connections;
// - every other file copied as it is (index.html, favicon.svg, the wasm);
// - the offline single file, dist/amnistia-offline.html (scripts/build-offline.mjs);
// - last, the build manifest pkg/manifest.json (scripts/build-manifest.mjs),
//   also copied to www/pkg/;
// - a brotli (.br) and a gzip (.gz) sibling of every file but the offline
//   one, for a static server that serves precompressed files.
//
// www/offline-entry.js is the offline file's entry only, so it is not served.
// The new tree is written beside dist/ and then put in its place.
//
//   node scripts/build-page.mjs [--out DIR]   (default dist)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildOffline, describeOffline, OFFLINE_NAME, TARGET } from './build-offline.mjs';
import { publishManifest, copyManifestToWww, MANIFEST } from './build-manifest.mjs';
import { buildEmbed, BUNDLED_ONLY } from './build-embed.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'dist');
// Under www/ but not served: the offline file's entry, and what older builds left there.
// Type declarations (www/types.d.ts, wasm-bindgen's www/pkg/amnistia.d.ts) are
// for the type check only (tsconfig.json), never served.
// The manifest is written last, from dist/ itself (scripts/build-manifest.mjs).
// The widget's checked loader exists only inside the embed.js bundle.
const NOT_SERVED = new Set(['offline-entry.js', OFFLINE_NAME, MANIFEST, ...BUNDLED_ONLY]);
const notServed = (rel) => NOT_SERVED.has(rel) || rel.endsWith('.d.ts');

const fail = (msg) => {
  console.error(`build-page: ${msg}`);
  process.exit(1);
};

/**
 * Fewer requests before the start screen: under HTTP/1.1 a browser opens at most six connections
 * to a host, so twelve first-load files took two round trips. Some modules are each imported by
 * one first-load module only and hold no state; they are put inside their importer in dist/
 * (app.js takes page.js and core-loader.js; checker.js takes its own modules, checker/*.js, the
 * start screen, the questions, the status screens and interview.js; ui/request.js its own copy of interview.js), and
 * index.html stops preloading them. Modules with state
 * or shared with the later parts (i18n.js, ui/dom.js) stay files of their own, so there is one
 * instance of each; the joined files stay in dist/ too (embed.js, the later parts and the
 * offline file import them as before).
 */
export const JOINED = {
  'app.js': ['page.js', 'core-loader.js'],
  // checker.js with its own modules (checker/: the view split by what each part does) and the screens it draws first.
  'checker.js': ['checker/core.js', 'checker/render.js', 'checker/loading.js', 'checker/steps.js', 'checker/case-file.js', 'checker/lang.js',
    'ui/start.js', 'ui/questions.js', 'ui/status.js', 'interview.js'],
  // The written request's part uses interview.js too: its own copy, or the result would wait for one more round trip.
  'ui/request.js': ['interview.js'],
  // So does the result screen's, for the same reason.
  'ui/result-screen.js': ['interview.js'],
};

async function joinFirstLoad(options, out) {
  for (const [entry, inside] of Object.entries(JOINED)) {
    const entryDir = path.dirname(path.join(WWW, entry));
    const keepOut = {
      name: 'keep-out',
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, (args) => {
          if (args.kind === 'entry-point') return undefined;
          const abs = path.resolve(args.resolveDir, args.path);
          const rel = path.relative(WWW, abs).split(path.sep).join('/');
          if (args.kind === 'import-statement' && inside.includes(rel)) return undefined; // bundled in
          if (args.kind === 'dynamic-import' && args.resolveDir === entryDir) return { path: args.path, external: true };
          if (args.kind === 'dynamic-import') fail(`${rel}: a dynamic import inside a joined module`);
          // Another module: imported from the joined file's place.
          let from = path.relative(entryDir, abs).split(path.sep).join('/');
          if (!from.startsWith('.')) from = `./${from}`;
          return { path: from, external: true };
        });
      },
    };
    const result = await esbuild.build({ ...options, outdir: undefined, outbase: undefined, outfile: path.join(out, entry), entryPoints: [entry], bundle: true, target: TARGET.js, plugins: [keepOut] });
    if (result.warnings.length) fail((await esbuild.formatMessages(result.warnings, { kind: 'warning' })).join('\n'));
  }
  // index.html: no preload of what is now inside another file.
  const inside = Object.values(JOINED).flat();
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  const kept = html.replace(/[ \t]*<link rel="modulepreload" href="([^"]+)">\n/g, (line, href) => (inside.includes(href) ? '' : line));
  for (const rel of inside) if (!html.includes(`<link rel="modulepreload" href="${rel}">`)) fail(`index.html does not preload ${rel}`);
  fs.writeFileSync(path.join(out, 'index.html'), kept);
}

for (const f of ['amnistia.js', 'amnistia_bg.wasm', 'first.js']) {
  if (!fs.existsSync(path.join(WWW, 'pkg', f))) fail(`www/pkg/${f} is missing: run \`bash scripts/build-wasm.sh\``);
}

/** Every file under www/ that is served, relative to www/ with forward slashes. */
const files = fs
  .readdirSync(WWW, { recursive: true })
  .map((rel) => rel.split(path.sep).join('/'))
  .filter((rel) => fs.statSync(path.join(WWW, rel)).isFile())
  .filter((rel) => !notServed(rel) && !/\.(br|gz|md)$/.test(rel) && !/(^|\/)\.gitignore$/.test(rel))
  .sort();
// embed.js is not minified file by file: it is the widget's one bundle (scripts/build-embed.mjs).
const minified = files.filter((rel) => /\.(m?js|css)$/.test(rel) && rel !== 'embed.js');

const tmp = `${OUT}.partial-${process.pid}`;
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
let offline;
try {
  // One file in, one file out: no bundling, the imports stay as they are written (but JOINED).
  const options = {
    absWorkingDir: WWW,
    outdir: tmp,
    outbase: WWW,
    bundle: false,
    format: 'esm',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
  };
  const scripts = minified.filter((rel) => rel.endsWith('js'));
  const styles = minified.filter((rel) => rel.endsWith('.css'));
  const outputs = [];
  for (const [entryPoints, target] of [[scripts, TARGET.js], [styles, TARGET.css]]) {
    const result = await esbuild.build({ ...options, entryPoints, target });
    // A warning (say, code that would change meaning when minified) fails the build.
    if (result.warnings.length) fail((await esbuild.formatMessages(result.warnings, { kind: 'warning' })).join('\n'));
    outputs.push(...Object.keys(result.metafile.outputs));
  }
  const written = outputs.map((f) => path.relative(tmp, path.resolve(WWW, f)).split(path.sep).join('/'));
  for (const rel of minified) if (!written.includes(rel)) fail(`esbuild did not write ${rel}`);
  for (const rel of files.filter((f) => !minified.includes(f))) {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.copyFileSync(path.join(WWW, rel), path.join(tmp, rel));
  }
  await joinFirstLoad(options, tmp);
  // The widget's bundle, with the hashes of the wasm and the stylesheets as written above.
  await buildEmbed({ site: tmp });
  for (const rel of files) {
    const raw = fs.readFileSync(path.join(tmp, rel));
    fs.writeFileSync(path.join(tmp, `${rel}.br`), zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }));
    fs.writeFileSync(path.join(tmp, `${rel}.gz`), zlib.gzipSync(raw, { level: 9 }));
  }
  offline = await buildOffline({ out: path.join(tmp, OFFLINE_NAME) });
  // Last: the SHA-256 of every file above, the offline one included.
  await publishManifest(tmp);
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.renameSync(tmp, OUT);
  // www/pkg/ gets the manifest of dist/ only (a build to another --out leaves it alone).
  copyManifestToWww(OUT);
} catch (err) {
  fs.rmSync(tmp, { recursive: true, force: true });
  throw err;
}

const sum = (list) => list.reduce((s, rel) => s + fs.statSync(path.join(OUT, rel)).size, 0);
const br = (list) => sum(list.map((rel) => `${rel}.br`));
const src = (list) => list.reduce((s, rel) => s + fs.statSync(path.join(WWW, rel)).size, 0);
console.log(describeOffline(path.join(OUT, OFFLINE_NAME), offline));
console.log(`${path.relative(ROOT, OUT)}/: ${files.length} files; ${minified.length} modules and stylesheets minified, ${src(minified)} -> ${sum(minified)} bytes raw (${br(minified)} bytes brotli)`);
