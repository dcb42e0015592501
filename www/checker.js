// The checker's view, shared by the page (app.js), the offline single file
// and the <amnistia-checker> widget (embed.js). It mounts into a root (the
// document, or a ShadowRoot) that holds #main, #print-root, #announcer,
// #lang-switch and #btn-erase, and asks `load()` for the initialised core.
// JS never decides whether the law applies: after each answer the interview
// (interview.js: the state and its pure transitions) asks the core, and the
// next question is the first fact the core says it still needs. This module
// makes one mount's state (`v`, the CheckerView of types.d.ts) and wires the
// modules of checker/ to it and to the root's buttons: checker/core.js (what is
// read from the core), checker/loading.js (the core's arrival), checker/steps.js
// (moving through the interview), checker/case-file.js (open a saved case,
// erase, undo), checker/lang.js (language and law version), checker/render.js
// (the screens; the result screen and "Guardar" are a later part's,
// ui/result-screen.js). Those keep no state of their own: each takes `v`. This
// module also holds the loaders of the later parts, shared by every mount.
//
// What it loads, and when: the start screen shows at once, from the UI
// strings, while the core (the wasm) streams in. "Empezar" before the core has
// arrived shows the first question (the person's situation) from the build's
// snapshot of the core's own texts (pkg/first.js, `opts.first()`); answering
// it, or anything further, waits for the core on the loading screen. Once the
// core is here its own data is used, and where the snapshot differs from it
// (a stale file) the core's wins. Without the snapshot, "Empezar" waits for
// the core. The result and print views (and the page's
// "Organizaciones" view) are not needed before the first question: they are
// fetched in the background once the core is ready, or when first needed,
// and a part that cannot be loaded shows the error panel, with "Reintentar".
//
// Nothing leaves this device and nothing is stored: every answer lives in
// the `state` and `steps` of the mount's `v` below (in the page, the browser's history
// holds only a step number) and is gone when the tab closes or on "Borrar
// todo" (kept in memory for its 10-second "Deshacer"). A saved case is a file
// the user downloads, and opens again, on the device.

import { h, clear } from './ui/dom.js';
import { withTimeout } from './ui/status.js';
import * as I from './interview.js';
import { render, renderLoading } from './checker/render.js';
import { boot, takeFirst, LOAD_TIMEOUT_MS } from './checker/loading.js';
import { showStep, openScreening } from './checker/steps.js';
import { eraseAll, undoErase } from './checker/case-file.js';
import { applyStatic, setLang, setLaw } from './checker/lang.js';

// The parts loaded after the first question, shared by every mount: name -> loader.
// (Their dynamic imports stay in this file: scripts/build-page.mjs joins the modules of checker/
// into it, and a dynamic import must be written from here.)
/** @type {Record<string, () => Promise<any>>} */
const PARTS = {
  result: () => Promise.all([import('./ui/result.js'), import('./ui/print.js'), import('./ui/request.js'), import('./ui/law-view.js'),
    import('./ui/result-screen.js')])
    .then((mods) => Object.assign({}, ...mods)),
};
const parts = new Map(); // name -> the module, once loaded
const partLoads = new Map(); // name -> the load in flight (dropped on failure, so that the next need asks again)

/**
 * @param {string} name
 * @param {() => Promise<any>} loader
 * @returns {Promise<any>}
 */
function loadPart(name, loader) {
  if (parts.has(name)) return Promise.resolve(parts.get(name));
  if (!partLoads.has(name)) {
    const loading = withTimeout(Promise.resolve().then(loader), LOAD_TIMEOUT_MS).then(
      (mod) => { parts.set(name, mod); return mod; },
      (err) => { partLoads.delete(name); throw err; },
    );
    partLoads.set(name, loading);
  }
  return partLoads.get(name);
}

/** @typedef {import('./types.js').CheckerView} View */

/**
 * Mounts the checker into `root` (a Document or a ShadowRoot).
 * opts: {
 *   load(): Promise<core>   the initialised wasm module (evaluate, law, version, screen*); called again on "Reintentar"
 *   first(): the snapshot of pkg/first.js (or a Promise of it; null or a failure: none), to show the
 *     first question before the core has arrived; optional
 *   lang: 'es' | 'en', lawId: string (a starting law version, ignored when unknown)
 *   page: true when root is the whole document (sets <html lang> and the title)
 *   history: true to make each question and result a browser history entry (the page and the iframe; not the widget)
 *   langTarget: an element whose lang attribute follows the language (the widget's wrapper)
 *   onPrint(): how to print (default window.print())
 *   screening(): Promise<the ui/screening.js module>, to offer the "Organizaciones" view
 *   styles(): Promise, resolved once the stylesheet of the later parts (parts.css) applies
 *     in this root; absent when it is already there (the offline single file)
 *   startView: 'start' | 'screening'
 * }
 * Returns { setLang(lang), setLaw(lawId) }.
 * @param {Document | ShadowRoot} root
 * @param {any} opts
 */
export function mountChecker(root, opts) {
  /**
   * An element the root must hold (see above).
   * @param {string} id
   */
  const must = (id) => /** @type {HTMLElement} */ (root.getElementById(id));
  /** @param {string} name */
  const partLoader = (name) => (name === 'screening' ? opts.screening : PARTS[name]);
  /**
   * `f` with this mount's view as its first argument.
   * @template {any[]} A
   * @param {(v: View, ...args: A) => void} f
   * @returns {(...args: A) => void}
   */
  const bind = (f) => (...args) => f(v, ...args);
  /** @type {View} */
  const v = {
    root,
    opts,
    main: must('main'),
    printRoot: must('print-root'),
    announcer: must('announcer'),
    core: { mod: null, version: '', info: new Map(), attempt: 0, loading: false, slow: false },
    lang: 'es',
    wantLang: opts.lang === 'en' ? 'en' : 'es',
    initialLaw: opts.lawId || undefined,
    state: I.freshState(),
    steps: I.createSteps(),
    screen: { name: 'start' },
    undo: { saved: null, timer: 0 },
    request: {},
    screening: null,
    returnTo: null,
    pending: opts.startView === 'screening' && opts.screening ? 'screening' : null,
    parts: { shown: new Set(), styles: null, load: (name) => loadPart(name, partLoader(name)), get: (name) => parts.get(name) },
    first: { data: null, shown: null },
    renders: 0,
    shownAssessment: null,
  };

  must('lang-switch').addEventListener('click', () => setLang(v, v.lang === 'es' ? 'en' : 'es'));
  must('btn-erase').addEventListener('click', bind(eraseAll));
  // "Deshacer", for 10 seconds after "Borrar todo", next to it.
  must('btn-erase').after(h('button', { type: 'button', class: 'btn btn-small', id: 'btn-undo', hidden: true, 'data-i18n': 'undo', onclick: bind(undoErase) }));
  if (opts.history) {
    // The browser's back and forward move between the steps; its history holds only a step number.
    history.replaceState({ amnistiaStep: 0 }, '');
    window.addEventListener('popstate', (e) => {
      const n = e.state && e.state.amnistiaStep;
      if (Number.isInteger(n)) showStep(v, n);
    });
  }
  const orgs = root.getElementById('btn-screening');
  if (orgs && opts.screening) orgs.addEventListener('click', bind(openScreening));
  else if (orgs) /** @type {HTMLElement} */ (orgs).hidden = true;
  applyStatic(v);
  v.screen = v.pending ? { name: 'loading' } : { name: 'start' };
  if (v.wantLang === v.lang) render(v);
  else {
    // Starting in English: the loading screen until its strings are here.
    clear(v.main);
    renderLoading(v);
    setLang(v, v.wantLang);
  }
  boot(v);
  if (opts.first) Promise.resolve().then(() => opts.first()).then(bind(takeFirst), () => {}); // without it, "Empezar" waits for the core
  return { setLang: bind(setLang), setLaw: bind(setLaw) };
}
