// Builds the widget as served, dist/embed.js: ONE esbuild bundle of
// www/embed.js and every module it runs (the checker, the UI, the later parts
// and the English strings, whose `import()`s become promises of code already
// in the file, the core's glue and pkg/first.js). Run by
// scripts/build-page.mjs once the rest of the site is in its output folder:
// the bundle carries the SHA-256 of the files it fetches and uses, as they are
// served (pkg/amnistia_bg.wasm, style.css, parts.css), through the virtual
// module ./embed-integrity.js, and www/embed-checked.js refuses any file
// whose bytes differ. An embedder's `integrity` attribute on embed.js then
// covers every byte the widget runs or applies (README, "Insertar en su
// sitio"; scripts/embed-snippet.mjs). The bundle holds no commit id: a file
// cannot hold its own hash, and the commit is in the manifest.
// Anything esbuild warns about, or an import left in the output, fails the build.
//
//   import { buildEmbed, CHECKED } from './scripts/build-embed.mjs'
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { TARGET } from './build-offline.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
/** The files the bundle fetches, checked against the hashes built into it. */
export const CHECKED = ['pkg/amnistia_bg.wasm', 'style.css', 'parts.css'];
/** Modules that exist only inside the bundle: never served on their own. */
export const BUNDLED_ONLY = ['embed-checked.js'];

const fail = (msg) => { throw new Error(`build-embed: ${msg}`); };

/**
 * Writes SITE/embed.js from www/embed.js, with the hashes of SITE's checked files.
 * @param {{ site: string }} opts
 * @returns {Promise<{ bytes: number, modules: number, hashes: Record<string, string> }>}
 */
export async function buildEmbed({ site }) {
  const hashes = {};
  for (const rel of CHECKED) {
    const file = path.join(site, rel);
    if (!fs.existsSync(file)) fail(`${rel} is not built yet`);
    hashes[rel] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  const integrity = {
    name: 'embed-integrity',
    setup(build) {
      build.onResolve({ filter: /^\.\/embed-integrity\.js$/ }, () => ({ path: 'embed-integrity.js', namespace: 'embed-integrity' }));
      build.onLoad({ filter: /.*/, namespace: 'embed-integrity' }, () => ({
        contents: `export const HASHES = ${JSON.stringify(hashes)};\n`,
        loader: 'js',
      }));
    },
  };
  const result = await esbuild.build({
    absWorkingDir: WWW,
    entryPoints: ['embed.js'],
    bundle: true,
    splitting: false, // each import() of a later part is inlined
    format: 'esm',
    target: TARGET.js,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    write: false,
    metafile: true,
    plugins: [integrity],
  });
  if (result.warnings.length) fail((await esbuild.formatMessages(result.warnings, { kind: 'warning' })).join('\n'));
  if (result.outputFiles.length !== 1) fail(`esbuild wrote ${result.outputFiles.length} files, not one`);
  const code = result.outputFiles[0].text;
  const left = code.match(/\bimport\s*\(|(?:^|[;}])import\s*[{*"']/);
  if (left) fail(`the bundle still imports something: ${code.slice(left.index, left.index + 60)}`);
  fs.writeFileSync(path.join(site, 'embed.js'), code);
  return { bytes: Buffer.byteLength(code), modules: Object.keys(result.metafile.inputs).length, hashes };
}
