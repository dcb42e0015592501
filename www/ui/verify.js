// "Verificar una copia" (the served page only): the person chooses a file they
// were sent (the offline copy, usually), and the page tells whether it is an
// unmodified copy of this version, a modified file, or an unknown version, by
// its SHA-256, computed on this device (crypto.subtle) and looked up in this
// build's manifest, pkg/manifest.json (scripts/build-manifest.mjs). The file is
// read in memory only: never uploaded, never stored. The manifest is requested
// when this part loads, in the background for every visitor (app.js), never
// because of what a user does.

import { h } from './dom.js';
import { t, addStrings } from '../i18n.js';

// The Spanish strings (English: i18n-en.js).
addStrings({
  verifyHeading: 'Verificar una copia',
  verifyIntro: 'Si le enviaron este verificador como archivo (por ejemplo, la copia para usar sin conexión), compruebe aquí que nadie lo cambió. El archivo no sale de este dispositivo: no se envía ni se guarda.',
  verifyPick: 'Elija el archivo que recibió',
  verifyChecking: 'Comprobando…',
  verifySame: (file) => `Copia sin cambios de esta versión (${file}). Puede usarla.`,
  verifyModified: 'Archivo modificado: se parece a un archivo de esta versión, pero alguien lo cambió. No lo use: descargue el verificador de nuevo desde esta página.',
  verifyUnknown: 'Versión desconocida: este archivo no es ninguno de esta versión. Puede ser otra versión o un archivo cambiado. Si no está seguro, no lo use: descargue el verificador desde esta página.',
  verifyClaims: (commit) => `El archivo dice ser de la versión ${commit}.`,
  verifyHash: 'SHA-256 del archivo:',
  verifyVersion: (commit) => `Esta versión: ${commit}. Lista de archivos: pkg/manifest.json.`,
  verifyNoList: 'No se pudo obtener la lista de archivos de esta versión. Vuelva a cargar la página.',
  verifyNoCrypto: 'Este navegador no puede calcular aquí la huella del archivo. Vea en el README cómo hacerlo con sha256sum, certutil o shasum.',
});

/**
 * @typedef {{ name: string, version: string, commit: string, rules: Record<string, string>,
 *   files: Record<string, { sha256: string, bytes: number }> }} Manifest
 * @typedef {{ verdict: 'same' | 'modified' | 'unknown', file?: string, claims?: string }} Verdict
 */

// The most a file is read (the offline copy is under 1 MB): larger is not ours.
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * What a file is, for this build's manifest:
 * - `same`: its SHA-256 is that of a file of this version;
 * - `modified`: it is not, but it names this version's commit (an offline copy of this
 *   version, changed), or it names no version, has the exact size of a file of this version
 *   and looks like one of ours (a wasm module, or a text naming the checker): a few bytes changed;
 * - `unknown`: anything else: an offline copy of another version (it names that version's
 *   commit: `claims`; a tampered copy may claim anything, and is not "unmodified" either),
 *   or an unrelated file.
 * @param {Manifest} manifest
 * @param {string} hash hex SHA-256
 * @param {Uint8Array} bytes
 * @returns {Verdict}
 */
export function classify(manifest, hash, bytes) {
  const files = Object.entries(manifest.files);
  const same = files.find(([, f]) => f.sha256 === hash);
  if (same) return { verdict: 'same', file: same[0] };
  const text = new TextDecoder('latin1').decode(bytes);
  const commit = manifest.commit.replace(/-dirty$/, '');
  if (/^[0-9a-f]{40}$/.test(commit) && text.includes(commit)) return { verdict: 'modified', file: 'amnistia-offline.html' };
  const claim = text.match(/<meta name="amnistia-build" content="([0-9a-f]{40}(?:-dirty)?)">/);
  if (claim) return { verdict: 'unknown', claims: claim[1] };
  const ours = text.startsWith('\0asm') || /amnistia/i.test(text);
  const sized = files.find(([, f]) => f.bytes === bytes.length);
  if (sized && ours) return { verdict: 'modified', file: sized[0] };
  return { verdict: 'unknown' };
}

/** Hex SHA-256 of some bytes, on this device. @param {BufferSource} bytes */
async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Adds the panel to the served page's footer, after "Descargar para usar sin conexión" (not in
 * the offline file, which has no such link and cannot fetch), and requests the manifest.
 * @param {URL | string} base the site's root (pkg/manifest.json is under it)
 */
export function mountVerify(base) {
  const after = document.getElementById('offline-help')?.closest('li');
  if (!after || document.getElementById('verify-copy')) return;
  const slot = h('li', { id: 'verify-copy' });
  /** @type {Promise<Manifest>} */
  const manifest = fetch(new URL('pkg/manifest.json', base), { credentials: 'omit' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`manifest: ${r.status}`))));
  manifest.catch(() => {});
  const lang = () => (document.documentElement.lang === 'en' ? 'en' : 'es');

  const summary = h('summary', { class: 'btn btn-link' });
  const intro = h('p', {});
  const label = h('label', { for: 'verify-file' });
  const input = /** @type {HTMLInputElement} */ (h('input', { type: 'file', id: 'verify-file', 'data-testid': 'verify-file' }));
  const result = h('div', { id: 'verify-result', 'data-testid': 'verify-result', role: 'status', 'aria-live': 'polite' });
  const version = h('p', { class: 'help' });
  /** @type {null | (() => void)} */
  let shown = null; // redraws the last answer in the language now shown

  function texts() {
    const l = lang();
    summary.textContent = t(l, 'verifyHeading');
    intro.textContent = t(l, 'verifyIntro');
    label.textContent = t(l, 'verifyPick');
    manifest.then((m) => { version.textContent = t(lang(), 'verifyVersion', m.commit); }, () => {});
    if (shown) shown();
  }

  /**
   * @param {string} verdict
   * @param {() => string[]} lines
   * @param {string} [hash] the file's SHA-256, shown under them
   */
  function say(verdict, lines, hash) {
    shown = () => {
      result.dataset.verdict = verdict;
      result.className = `notice verify-${verdict}`;
      const [first, ...rest] = lines();
      result.replaceChildren(h('div', {}, h('p', { class: 'verify-verdict', text: first }),
        ...rest.map((line) => h('p', { text: line })),
        hash ? h('p', { class: 'verify-hash', text: `${t(lang(), 'verifyHash')} ${hash}` }) : null));
    };
    shown();
  }

  async function check() {
    const file = input.files && input.files[0];
    if (!file) return;
    const token = {};
    current = token;
    say('checking', () => [t(lang(), 'verifyChecking')]);
    let list;
    try {
      list = await manifest;
    } catch {
      if (current === token) say('error', () => [t(lang(), 'verifyNoList')]);
      return;
    }
    if (!globalThis.crypto || !crypto.subtle) {
      say('error', () => [t(lang(), 'verifyNoCrypto')]);
      return;
    }
    if (file.size > MAX_BYTES) {
      say('unknown', () => [t(lang(), 'verifyUnknown')]);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const hash = await sha256(bytes);
    if (current !== token) return;
    const v = classify(list, hash, bytes);
    if (v.verdict === 'same') say('same', () => [t(lang(), 'verifySame', v.file)], hash);
    else if (v.verdict === 'modified') say('modified', () => [t(lang(), 'verifyModified')], hash);
    else say('unknown', () => [t(lang(), 'verifyUnknown'), ...(v.claims ? [t(lang(), 'verifyClaims', v.claims)] : [])], hash);
  }
  /** @type {object | null} */
  let current = null;

  input.addEventListener('change', () => { check(); });
  slot.append(h('details', { class: 'verify-copy', 'data-testid': 'verify-copy' },
    summary,
    h('div', { class: 'disclosure-body' }, intro, label, ' ', input, result, version)));
  texts();
  after.after(slot);
  new MutationObserver(texts).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}
