// <amnistia-checker>: the checker as a widget for other sites.
//
//   <script type="module" src="https://…/embed.js"></script>
//   <amnistia-checker lang="es" law="enacted-2026-02-19"></amnistia-checker>
//
// Attributes: lang ("es", the default, or "en") and law (optional: the law
// version it starts with). Everything lives in an open Shadow DOM, so the
// host page's CSS does not reach in and the widget's does not leak out; the
// look can be themed with the --amnistia-* custom properties (README,
// "Insertar en su sitio"). It is served as one bundle (scripts/build-embed.mjs):
// every module it runs (the glue, pkg/first.js, the later parts, the English
// strings) is inside this file. The files it fetches, style.css, the wasm and
// (after the first question) parts.css, load relative to this module's own
// URL and are checked against the SHA-256 built into it (embed-checked.js); it
// never requests anything else.

import { mountChecker } from './checker.js';
import { h } from './ui/dom.js';
import { checkedCore, checkedText } from './embed-checked.js';

const BASE = new URL('./', import.meta.url);
const TAG = 'amnistia-checker';
const SHOW_UNSTYLED_MS = 4000;

/** The core, from the checked wasm, loaded once for every widget on the page (again after a failure). */
const loadChecked = checkedCore(BASE);
/**
 * The core, once style.css has also passed its check: a tampered stylesheet gives the error
 * state, never a result (a stylesheet that merely fails to arrive leaves the widget unstyled).
 */
const loadCore = () => Promise.all([
  loadSheet('style.css').catch((err) => { if (err && err.code === 'integrity') throw err; }),
  loadChecked(),
]).then(([, core]) => core);

/** @type {Promise<unknown> | null} */
let firstPromise = null;

/** The snapshot for the first question (pkg/first.js), once for every widget; null if it cannot be loaded. */
function loadFirst() {
  if (!firstPromise) firstPromise = import('./pkg/first.js').then((m) => m.FIRST, () => null);
  return firstPromise;
}

/** @type {Map<string, Promise<CSSStyleSheet>>} */
const sheets = new Map(); // file -> Promise<CSSStyleSheet>

/**
 * A stylesheet (style.css, or parts.css for the parts loaded after the first
 * question), as a constructable sheet shared by every widget. It is fetched
 * (as the wasm is: the host page's connect-src must allow this origin) rather
 * than linked, so that the host needs no style-src for it, and its bytes are
 * checked before use.
 */
/**
 * @param {string} file
 * @returns {Promise<CSSStyleSheet>}
 */
function loadSheet(file) {
  if (!sheets.has(file)) {
    const loading = checkedText(BASE, file)
      .then((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        return sheet;
      });
    loading.catch(() => { sheets.delete(file); });
    sheets.set(file, loading);
  }
  return /** @type {Promise<CSSStyleSheet>} */ (sheets.get(file));
}

/** @type {CSSStyleSheet | null} */
let printSheet = null;

/**
 * Printing from a widget prints its one-page summary only: while a widget is
 * marked as printing, everything else on the host page is hidden from print.
 * Added to the host document on the first print, never before.
 */
/** @param {HTMLElement} host */
function printOnly(host) {
  if (!printSheet) {
    const sheet = new CSSStyleSheet();
    printSheet = sheet;
    sheet.replaceSync(`@media print {
      body :not(:has(${TAG}[data-amnistia-printing])):not(${TAG}[data-amnistia-printing]) { display: none !important; }
      ${TAG}[data-amnistia-printing] { display: block !important; }
    }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    window.addEventListener('afterprint', () => {
      for (const el of document.querySelectorAll(`${TAG}[data-amnistia-printing]`)) el.removeAttribute('data-amnistia-printing');
    });
  }
  for (const el of document.querySelectorAll(`${TAG}[data-amnistia-printing]`)) el.removeAttribute('data-amnistia-printing');
  host.setAttribute('data-amnistia-printing', '');
  window.print();
}

/** The widget's frame: a bar with the language switch and "Borrar todo", the screens, the footer line. */
function skeleton() {
  return h('div', { class: 'widget', part: 'widget' },
    h('div', { class: 'widget-bar' },
      h('p', { class: 'widget-title', 'data-i18n': 'appTitle' }),
      h('div', { class: 'header-actions' },
        h('button', { type: 'button', class: 'btn btn-small', id: 'lang-switch', 'data-i18n': 'switchLang' }),
        h('button', { type: 'button', class: 'btn btn-small btn-danger', id: 'btn-erase', 'data-testid': 'erase-all', 'data-i18n': 'eraseAll' }))),
    h('div', { id: 'main', class: 'widget-main', tabindex: '-1' }),
    h('div', { id: 'print-root' }),
    h('div', { id: 'announcer', class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    h('p', { class: 'widget-foot' },
      h('strong', { 'data-i18n': 'notAdviceShort' }), ' ', h('span', { 'data-i18n': 'footerText' })));
}

class AmnistiaChecker extends HTMLElement {
  static get observedAttributes() { return ['lang', 'law']; }

  connectedCallback() {
    if (this.shadowRoot) return; // moved in the page: keep its state
    const shadow = this.attachShadow({ mode: 'open' });
    const wrapper = skeleton();
    wrapper.hidden = true; // until its stylesheet is in: no flash of unstyled widget
    shadow.append(wrapper);
    /** @type {CSSStyleSheet[]} */
    const adopted = []; // style.css, then parts.css, in this order whichever arrives first
    /** @type {(i: number, sheet: CSSStyleSheet) => void} */
    const adopt = (i, sheet) => { adopted[i] = sheet; shadow.adoptedStyleSheets = adopted.filter(Boolean); };
    // Shown once its stylesheet is in, or without it (it still works) when it fails or is slow:
    // the widget never stays blank.
    const show = () => { wrapper.hidden = false; };
    const slow = setTimeout(show, SHOW_UNSTYLED_MS);
    loadSheet('style.css').then(
      (sheet) => adopt(0, sheet),
      () => {},
    ).finally(() => { clearTimeout(slow); show(); });
    this.app = mountChecker(shadow, {
      load: loadCore,
      first: loadFirst,
      styles: () => loadSheet('parts.css').then((sheet) => adopt(1, sheet)),
      lang: this.getAttribute('lang'),
      lawId: this.getAttribute('law') || undefined,
      langTarget: wrapper,
      onPrint: () => printOnly(this),
    });
  }

  /**
   * @param {string} name
   * @param {string | null} before
   * @param {string | null} after
   */
  attributeChangedCallback(name, before, after) {
    if (!this.app || before === after) return;
    if (name === 'lang') this.app.setLang(after);
    if (name === 'law') this.app.setLaw(after);
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, AmnistiaChecker);
