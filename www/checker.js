// The checker's view, shared by the page (app.js), the offline single file
// and the <amnistia-checker> widget (embed.js). It mounts into a root (the
// document, or a ShadowRoot) that holds #main, #print-root, #announcer,
// #lang-switch and #btn-erase, and asks `load()` for the initialised core.
// JS never decides whether the law applies: after each answer the interview
// (interview.js: the state and its pure transitions) asks the core, and the
// next question is the first fact the core says it still needs. This module
// keeps the current state and the steps shown, and draws them.
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
// the `state` and `steps` objects below (in the page, the browser's history
// holds only a step number) and is gone when the tab closes or on "Borrar
// todo" (kept in memory for its 10-second "Deshacer"). A saved case is a file
// the user downloads, and opens again, on the device.

import { t, hasLang, loadLang } from './i18n.js';
import { h, clear, keepFormValues, draftBanner, outcomeInfo } from './ui/dom.js';
import { renderStart, completeStart } from './ui/start.js';
import { renderQuestion } from './ui/questions.js';
import { loadingScreen, errorPanel, errorCode, withTimeout } from './ui/status.js';

import * as I from './interview.js';

/** @typedef {import('./types.js').Core} Core */
/** @typedef {import('./types.js').LawInfo} LawInfo */
/** @typedef {import('./types.js').Assessment} Assessment */
/** @typedef {import('./types.js').CoreError} CoreError */
/** @typedef {import('./types.js').Question} Question */
/** @typedef {import('./types.js').ViewScreen} ViewScreen */

const LOAD_TIMEOUT_MS = 60000;
const SLOW_NOTICE_MS = 8000;
const UNDO_MS = 10000;

// The parts loaded after the first question, shared by every mount: name -> loader.
/** @type {Record<string, () => Promise<any>>} */
const PARTS = {
  result: () => Promise.all([import('./ui/result.js'), import('./ui/print.js'), import('./ui/request.js'), import('./ui/law-view.js')])
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
  /** @param {string} id */
  const byId = (id) => /** @type {HTMLElement | null} */ (root.getElementById(id));
  /**
   * An element the root must hold (see above).
   * @param {string} id
   */
  const must = (id) => /** @type {HTMLElement} */ (byId(id));
  const main = must('main');
  const printRoot = must('print-root');
  const announcer = must('announcer');

  // loading: a load of the core is in flight; slow: it has taken long enough to say so;
  // broken: a trap may have left the instance unusable (renewCore()).
  /** @type {{ mod: Core | null, version: string, info: Map<string, LawInfo>, attempt: number, loading: boolean, slow: boolean, broken?: boolean }} */
  const core = { mod: null, version: '', info: new Map(), attempt: 0, loading: false, slow: false };
  let lang = 'es'; // the language shown; another is shown only once its strings are here
  let wantLang = opts.lang === 'en' ? 'en' : 'es'; // the language asked for last
  let initialLaw = opts.lawId || undefined;
  let state = I.freshState();
  let steps = I.createSteps(); // the questions and results shown, for back and forward
  /** @type {ViewScreen} */
  let screenNow = { name: 'start' }; // what is showing (a step, or loading, error, the Organizaciones view)
  /** @type {{ saved: { state: import('./types.js').State, steps: import('./types.js').Steps, screen: ViewScreen } | null, timer: number }} */
  const undo = { saved: null, timer: 0 }; // what "Borrar todo" erased, for 10 seconds
  // The written request's form (ui/request.js): what is typed, in memory only (never stored, never in
  // the case file or a history entry, not brought back by "Deshacer"), and which case's form is open.
  /** @type {import('./types.js').RequestMemory} */
  let request = {};
  /** @type {import('./types.js').ScreeningSession | null} */
  let screening = null; // the Organizaciones view's session (its results), when opened
  /** @type {ViewScreen | null} */
  let returnTo = null; // the interview screen to go back to from that view
  // What the user asked for before the core was ready ('start' or 'screening'), done once it is.
  /** @type {'start' | 'screening' | 'next' | null} */
  let pending = opts.startView === 'screening' && opts.screening ? 'screening' : null;
  /** @param {string} name */
  const partLoader = (name) => (name === 'screening' ? opts.screening : PARTS[name]);
  const shown = new Set(); // the parts ready to show here: module and stylesheet
  /** @type {Promise<unknown> | null} */
  let styles = null;
  // The build's snapshot of what the first question shows (pkg/first.js), once here and well formed;
  // `shown`: how the question on screen was drawn before the core: 'snapshot', 'waiting' (the loading
  // screen, as the snapshot no longer fits it), or null (from the core).
  /** @type {{ data: any, shown: 'snapshot' | 'waiting' | null }} */
  const first = { data: null, shown: null };

  /**
   * A part's module and, once for this root, the stylesheet of the later parts.
   * @param {string} name
   */
  function preparePart(name) {
    if (!styles) {
      const loading = Promise.resolve().then(() => opts.styles?.());
      styles = loading;
      loading.catch(() => { styles = null; });
    }
    return Promise.all([loadPart(name, partLoader(name)), styles]).then(() => { shown.add(name); });
  }

  /* ---------- the core ---------- */

  /** The core, where it has arrived (the callers are only reached once it has). */
  const loaded = () => /** @type {Core} */ (core.mod);

  /** @returns {LawInfo} */
  function lawInfo() {
    const key = `${lang}|${state.lawId ?? ''}`;
    if (!core.info.has(key)) core.info.set(key, loaded().law(lang, state.lawId));
    return /** @type {LawInfo} */ (core.info.get(key));
  }

  /**
   * Before the core has arrived: the snapshot's LawInfo fields for the language shown (only
   * `situations` and `glossary`), when it fits the law asked for (the default one); else null.
   */
  function firstInfo() {
    const d = first.data;
    if (core.mod || !d || state.lawId || (initialLaw && initialLaw !== d.id)) return null;
    return d[lang];
  }

  /** Whether the snapshot says what the core says, for the language shown (the core's data wins). */
  function firstAgrees() {
    const d = first.data;
    if (!d) return false;
    const info = lawInfo();
    /** @type {(a: unknown, b: unknown) => boolean} */
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    return info.id === d.id && info.rulesVersion === d.rulesVersion
      && same(info.situations, d[lang].situations) && same(info.glossary, d[lang].glossary);
  }

  /**
   * A law id the core knows, or undefined (the default text).
   * @param {string | undefined} id
   */
  function knownLaw(id) {
    if (!id || !core.mod) return undefined;
    return /** @type {LawInfo} */ (core.mod.law(lang, undefined)).laws.some((l) => l.id === id) ? id : undefined;
  }

  /**
   * @param {object} c a case
   * @returns {Assessment}
   */
  const evaluate = (c) => loaded().evaluate(c, lang);

  /**
   * Asks the core; on an error shows the error panel and returns null.
   * @returns {Assessment | null}
   */
  function assess() {
    try {
      return evaluate(I.buildCase(state));
    } catch (err) {
      showError('eval', err);
      return null;
    }
  }

  /**
   * The core's message for a date it rejects, or null when it takes it.
   * @param {{ factsDate: string, factsDateEnd?: string }} answer
   */
  function checkDate(answer) {
    const q = { kind: 'factsDate', index: state.current };
    try {
      evaluate(I.buildCase(I.answer(state, q, answer)));
      return null;
    } catch (/** @type {any} */ err) {
      if (err && err.code === 'invalid_date_range') return t(lang, 'dateRangeOrder');
      if (err && err.code === 'invalid_date') return err.message || t(lang, 'dateNoSuchDay');
      return null; // anything else surfaces through the normal flow
    }
  }

  /* ---------- the interview: each question and the result is a step ---------- */

  /** The next screen from the interview, or null (the error panel is showing). */
  function nextScreen() {
    try {
      return I.nextScreen(state, evaluate);
    } catch (err) {
      showError('eval', err);
      return null;
    }
  }

  /**
   * Shows `screen` as a new step: in the page, a new entry of the browser's history too.
   * @param {ViewScreen | null} screen
   */
  function go(screen) {
    if (!screen) return; // the error panel is already showing
    steps = I.pushStep(steps, screen, state);
    screenNow = screen;
    if (opts.history) history.pushState({ amnistiaStep: steps.index }, '');
    render({ focus: true });
  }

  /**
   * Shows step `index` again, with the answers as they were then (back and forward).
   * @param {number} index
   */
  function showStep(index) {
    const { steps: moved, entry } = I.stepAt(steps, index);
    steps = moved;
    state = entry.state;
    screenNow = entry.screen;
    // A question gone back to shows the answer given to it then, marked.
    const later = steps.entries[steps.index + 1];
    if (screenNow.name === 'question' && later && !('previous' in screenNow)) {
      screenNow = { ...screenNow, previous: I.currentValue(later.state, /** @type {Question} */ (screenNow.q)) };
    }
    pending = null;
    render({ focus: true });
  }

  /**
   * @param {Question} q
   * @param {unknown} value
   */
  function answer(q, value) {
    state = I.answer(state, q, value);
    // Answered before the core has arrived: the question stays, marked as saved, until it does.
    if (!core.mod) return waitForCore('next');
    go(nextScreen());
  }

  /**
   * The core has arrived after the first question was answered from the snapshot: go on, or,
   * if the snapshot differs from the core, ask that question again from the core's own data
   * (with the answer kept as the previous one when the core still offers it).
   */
  function continueFromFirst() {
    const entry = steps.entries[steps.index];
    if (firstAgrees() || entry.screen.name !== 'question') return go(nextScreen());
    const q = /** @type {Question} */ (entry.screen.q);
    const previous = I.currentValue(state, q);
    const offered = q.kind !== 'situation' || lawInfo().situations.some((s) => s.code === previous);
    state = structuredClone(entry.state);
    screenNow = { name: 'question', q, previous: offered ? previous : undefined };
    render({ focus: true });
  }

  /** "Atrás": the browser's back in the page (so that its own back gesture does the same), else the step before. */
  function goBack() {
    if (opts.history && steps.index > 0) history.back();
    else if (steps.index > 0) showStep(steps.index - 1);
    else eraseAll();
  }

  function start() {
    if (!core.mod && !firstInfo()) return waitForCore('start');
    state = I.begin(state);
    go(nextScreen());
  }

  /** @param {string | undefined} lawId (undefined: the default text) */
  function changeLaw(lawId) {
    state.lawId = lawId;
    render();
    /** @type {HTMLElement | null} */ (main.querySelector('#law-select'))?.focus();
  }

  function addCase() {
    state = I.addCase(state);
    go(nextScreen());
  }

  /**
   * @param {number} index
   * @param {string} fact
   */
  function goAnswer(index, fact) {
    state = I.focusCase(state, index);
    const q = { kind: fact, index };
    go({ name: 'question', q, previous: I.currentValue(state, q) });
  }

  /** "Guardar el caso en un archivo": the contract's case object, made on this device. */
  function saveCase() {
    const text = `${JSON.stringify(I.buildCase(state), null, 2)}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: t(lang, 'saveFileName') });
    link.hidden = true;
    (('body' in root ? root.body : null) ?? main).append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /**
   * "Abrir un caso guardado": a file read on this device, its result shown (or the core's error, in words).
   * @param {File | null | undefined} file
   */
  function openCase(file) {
    if (!file) return;
    file.text().then((text) => {
      let c;
      try {
        c = JSON.parse(text);
      } catch {
        return showOpenError(t(lang, 'openNotJson'));
      }
      if (!c || typeof c !== 'object' || Array.isArray(c)) return showOpenError(t(lang, 'openNotCase'));
      if (!core.mod) return showOpenError(t(lang, 'loading'));
      try {
        evaluate(c);
      } catch (/** @type {any} */ err) {
        return showOpenError(err && err.message ? String(err.message) : t(lang, 'openNotCase'));
      }
      state = I.fromCase(c);
      if (state.lawId && !knownLaw(state.lawId)) return showOpenError(t(lang, 'openNotCase'));
      core.info.clear();
      steps = { entries: steps.entries.slice(0, 1), index: 0 };
      go({ name: 'result' });
    }, () => showOpenError(t(lang, 'openNotCase')));
  }

  /** @param {string} message */
  function showOpenError(message) {
    const box = /** @type {HTMLElement | null} */ (main.querySelector('#open-error'));
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
  }

  /** "Borrar todo": instant; for 10 seconds "Deshacer" brings the answers back (in memory only). */
  function eraseAll() {
    const before = { state, steps, screen: screenNow };
    request = {};
    state = I.freshState();
    steps = I.createSteps();
    screenNow = { name: 'start' };
    if (opts.history) history.replaceState({ amnistiaStep: 0 }, '');
    if (screening) screening.dispose();
    screening = null;
    returnTo = null;
    pending = null;
    clear(main);
    clear(printRoot);
    announcer.textContent = '';
    renewCore();
    if (!core.mod && !core.loading) boot(); // loading failed: start that over
    render({ focus: true });
    announce(t(lang, 'erased'));
    offerUndo(before.screen.name === 'start' && before.steps.entries.length < 2 ? null : before);
  }

  /** @param {typeof undo.saved} before */
  function offerUndo(before) {
    clearTimeout(undo.timer);
    undo.saved = before;
    const button = byId('btn-undo');
    if (!button) return;
    button.hidden = !before;
    if (before) {
      undo.timer = setTimeout(() => { undo.saved = null; button.hidden = true; }, UNDO_MS);
    }
  }

  function undoErase() {
    const saved = undo.saved;
    offerUndo(null);
    if (!saved) return;
    state = saved.state;
    steps = saved.steps;
    screenNow = saved.screen;
    if (opts.history) history.replaceState({ amnistiaStep: steps.index }, '');
    render({ focus: true });
  }

  /** The "Organizaciones" view: screening a whole list, on this device. */
  function openScreening() {
    if (!opts.screening) return;
    if (!core.mod) return waitForCore('screening');
    if (screenNow.name !== 'screening') returnTo = ['start', 'question', 'result'].includes(screenNow.name) ? screenNow : null;
    screenNow = { name: 'screening' };
    render({ focus: true });
    main.scrollIntoView?.({ block: 'start' });
  }

  function closeScreening() {
    screenNow = returnTo ?? { name: 'start' };
    returnTo = null;
    render({ focus: true });
  }

  /* ---------- screens ---------- */

  /** @param {string} text */
  function announce(text) {
    announcer.textContent = '';
    // A fresh text node in a later task makes screen readers read it again.
    setTimeout(() => { announcer.textContent = text; }, 50);
  }

  let renders = 0;

  function render({ focus = false } = {}) {
    clear(main);
    const screen = screenNow;
    // For tests and styles: which screen is showing, and a counter that changes on every render.
    main.dataset.screen = screen.name;
    main.dataset.render = String(++renders);
    main.dataset.question = screen.name === 'question' ? /** @type {Question} */ (screen.q).kind : '';
    if (screen.name === 'error') return renderError(focus);
    const part = /** @type {Record<string, string>} */ ({ result: 'result', screening: 'screening', law: 'result' })[screen.name];
    if (screen.name === 'loading') {
      renderLoading(Boolean(screen.keep));
      if (screen.keep && screen.keep.name === 'question' && firstInfo()) renderQuestionScreen(screen.keep);
    } else if (part && !shown.has(part)) return waitForPart(part, focus);
    else if (screen.name === 'question' && !core.mod && !firstInfo()) {
      // A question from the snapshot that no longer fits (the widget's law changed): wait for the core.
      first.shown = 'waiting';
      renderLoading();
    }
    else {
      try {
        if (screen.name === 'start') renderStart(main, startContext());
        else if (screen.name === 'question') renderQuestionScreen(screen);
        else if (screen.name === 'result') renderResultScreen(focus);
        else if (screen.name === 'screening') renderScreeningScreen();
      } catch (err) {
        return showError('eval', err);
      }
    }
    decorate(screen, focus);
    if (focus) {
      // A new screen starts at the top of the page, header included, wherever the last one was
      // scrolled to (not in the widget: the host page is not ours to scroll).
      if (opts.page && window.scrollY > 0) window.scrollTo(0, 0);
      const target = /** @type {HTMLElement | null} */ (main.querySelector('[tabindex="-1"]'));
      if (target) target.focus();
    }
  }

  /**
   * The later parts add to the screen: the timeline, the law view and the way to it (ui/law-view.js).
   * @param {ViewScreen} screen
   * @param {boolean} focus
   */
  function decorate(screen, focus) {
    if (core.mod) preparePart('result').then(() => screenNow === screen && parts.get('result').decorate(main, {
      // The result's own assessment and the cached law(): the later parts ask the core for neither again.
      lang, core: core.mod, info: lawInfo(), assessment: screen.name === 'result' ? shownAssessment : null, state, screen, focus,
      // The law view is a step of its own: the phone's back, like its "Volver", returns where it was opened.
      back: goBack, open: () => go({ name: 'law' }),
    }), () => {});
  }

  function startContext() {
    return { lang, info: core.mod ? lawInfo() : null, onStart: start, onLawChange: changeLaw, onOpen: openCase };
  }

  /** The loading status; `saved`: an answer is kept while the core finishes loading. */
  function renderLoading(saved = false) {
    main.dataset.screen = 'loading';
    main.append(loadingScreen(lang, core.slow && !core.mod, saved));
  }

  /**
   * Shows the loading screen until the part arrives, then the screen that needs it (or the error panel).
   * @param {string} name
   * @param {boolean} focus
   */
  function waitForPart(name, focus) {
    const screen = screenNow;
    renderLoading();
    if (focus) /** @type {HTMLElement} */ (main.querySelector('#screen-loading')).focus();
    preparePart(name).then(
      () => { if (screenNow === screen) render({ focus }); },
      (err) => { if (screenNow === screen) showError('part', err, { back: screen }); },
    );
  }

  /** @param {ViewScreen} screen */
  function renderQuestionScreen(screen) {
    const info = core.mod ? lawInfo() : firstInfo();
    first.shown = core.mod ? null : 'snapshot';
    const q = /** @type {Question} */ (screen.q);
    if (info.status === 'draft') main.append(draftBanner(lang, info.notice));
    const p = q.index === undefined ? null : state.proceedings[q.index];
    const several = state.proceedings.length > 1;
    const context = !p ? t(lang, 'stepPerson') : several ? t(lang, 'stepCase', /** @type {number} */ (q.index) + 1, p.facts.label) : t(lang, 'stepTheCase');
    /** @type {Assessment | null} */
    let assessment = null;
    let place = null;
    if (core.mod) {
      assessment = assess();
      if (!assessment) return;
      // The event list marks the numerals whose windows hold the date given (the core says which).
      if (q.kind === 'event' && p && p.facts.factsDate) place = core.mod.datePlace(p.facts.factsDate, p.facts.factsDateEnd ?? null, state.lawId);
    }
    const months = q.kind === 'factsMonth' && p ? monthsCovered(p.facts) : null;
    renderQuestion(main, {
      lang,
      info,
      q,
      context,
      // (the first question, which may show before the core, counts without it, so that it looks the same both ways)
      progress: I.progress(state, q.kind === 'situation' ? null : assessment),
      proceeding: p ? p.facts : null,
      place,
      months,
      previous: 'previous' in screen ? screen.previous : I.currentValue(state, q),
      onAnswer: (value) => answer(q, value),
      onUnknown: () => answer(q, undefined),
      onBack: goBack,
      checkDate,
    });
  }

  /**
   * For the month question: the year given, and the months of it that the law's windows cover
   * (the core's `windows`, of the numerals its `datePlace` puts the year in; only the event's,
   * when it is known), as [first, last] month numbers.
   * @param {import('./types.js').Facts} facts
   */
  function monthsCovered(facts) {
    const year = String(facts.factsDate).slice(0, 4);
    /** @type {import('./types.js').DatePlace} */
    const place = loaded().datePlace(year, null, state.lawId);
    const numerals = new Set(place.places.map((x) => x.numeral).filter((n) => typeof facts.event !== 'number' || n === facts.event));
    const ranges = [];
    for (const w of lawInfo().windows) {
      if (!numerals.has(w.numeral) || w.kind !== 'confirmed' || w.to < `${year}-01-01` || w.from > `${year}-12-31`) continue;
      const from = w.from < `${year}-01-01` ? 1 : Number(w.from.slice(5, 7));
      const to = w.to > `${year}-12-31` ? 12 : Number(w.to.slice(5, 7));
      ranges.push([from, to]);
    }
    ranges.sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else merged.push([...r]);
    }
    return { year, ranges: merged };
  }

  /** The assessment the result screen shows (for the later parts that add to it). @type {Assessment | null} */
  let shownAssessment = null;

  /** @param {boolean} focus */
  function renderResultScreen(focus) {
    const a = assess();
    shownAssessment = a;
    if (!a) return;
    const { renderResult, renderPrintSummary, attachRequest } = parts.get('result');
    const info = lawInfo();
    const labels = state.proceedings.map((p, i) => p.facts.label || t(lang, 'caseN', i + 1));
    const print = () => (opts.onPrint ? opts.onPrint() : window.print());
    const section = renderResult(main, {
      lang, info, assessment: a, caseLabels: labels, version: core.version,
      onAddCase: addCase, onPrint: print, onBack: goBack, onGoAnswer: goAnswer,
      onSave: saveCase,
    });
    if (state.proceedings.length >= I.MAX_PROCEEDINGS) section.querySelector('#btn-add-case')?.remove();
    // The written request (ui/request.js), under the result's own buttons.
    attachRequest(section, { lang, a, labels, request, mod: core.mod, state, printRoot, print });
    clear(printRoot);
    printRoot.append(renderPrintSummary({
      lang, info, assessment: a, person: state.person,
      proceedings: I.buildCase(state).proceedings, caseLabels: labels,
      asked: I.factsPut(state, a),
    }));
    if (focus) {
      announce(t(lang, 'resultAnnounce', outcomeInfo(info, a.outcome).label));
    }
  }

  function renderScreeningScreen() {
    clear(printRoot);
    const view = parts.get('screening');
    if (!screening) screening = view.createSession();
    view.renderScreening(main, { lang, info: loaded().law(lang, undefined), core: core.mod, session: screening, announce, onBack: closeScreening });
  }

  /* ---------- errors ---------- */

  /**
   * kind: 'load' (the core), 'part' (a part of the page: `back` is the screen
   * to go back to on "Reintentar", `again()` what to try again there), or 'eval'.
   */
  /**
   * @param {'load' | 'part' | 'eval'} kind
   * @param {any} err
   * @param {{ back?: ViewScreen, again?: () => void }} [retryWith]
   */
  function showError(kind, err, { back, again } = {}) {
    // A trap (WebAssembly.RuntimeError), or any error without the core's own
    // code, can leave the wasm instance broken: renew it before going on.
    if (kind === 'eval' && !(err && typeof err.code === 'string' && err.code)) core.broken = true;
    screenNow = { name: 'error', kind, code: errorCode(kind, err), detail: kind === 'eval' && err && err.message ? String(err.message) : '', back, again };
    clear(printRoot);
    render({ focus: true });
  }

  /** @param {boolean} focus */
  function renderError(focus) {
    const section = errorPanel(lang, screenNow, { onRetry: () => retry(screenNow), onRestart: eraseAll });
    main.append(section);
    if (focus) /** @type {HTMLElement} */ (section.querySelector('#error-heading')).focus();
  }

  /**
   * After a trap: a fresh WebAssembly instance (fresh memory) from the module
   * already compiled, with no request and no reload (the glue's
   * __wbg_reset_state, scripts/build-wasm.sh). If that fails, drop the core
   * so that it is loaded again.
   */
  function renewCore() {
    if (!core.broken || !core.mod) return;
    core.broken = false;
    core.info.clear();
    try {
      core.mod.__wbg_reset_state();
    } catch {
      core.mod = null;
    }
  }

  /** @param {ViewScreen} screen the error panel's */
  function retry({ kind, back, again }) {
    renewCore();
    if (kind === 'load' || !core.mod) {
      screenNow = { name: pending ? 'loading' : 'start' };
      render({ focus: true });
      if (!core.loading) boot();
      return;
    }
    if (kind === 'part') {
      // Back to the screen that needed the part: rendering it asks for the part again.
      screenNow = back ?? { name: 'start' };
      render({ focus: true });
      if (again) again();
      return;
    }
    // An evaluation failed: go back to where the user was and try that step again.
    showStep(steps.index);
  }

  /* ---------- loading ---------- */

  /** Loads the core in the background; the screens go on showing meanwhile. */
  async function boot() {
    const attempt = ++core.attempt;
    core.loading = true;
    core.slow = false;
    const slow = setTimeout(() => {
      if (attempt !== core.attempt) return;
      core.slow = true;
      if (screenNow.name === 'loading') keepFocus(() => render());
    }, SLOW_NOTICE_MS);
    try {
      const mod = await withTimeout(Promise.resolve().then(() => opts.load()), LOAD_TIMEOUT_MS);
      if (attempt !== core.attempt) return;
      core.mod = mod;
      // version() also lists every law's rules hash; the footer shows those per law.
      core.version = typeof mod.version === 'function' ? String(mod.version()).split(';')[0].trim() : '';
      core.info.clear();
      if (initialLaw) state.lawId = knownLaw(initialLaw);
      core.loading = false;
      coreReady();
    } catch (err) {
      if (attempt !== core.attempt) return;
      core.loading = false;
      showError('load', err);
    } finally {
      clearTimeout(slow);
    }
  }

  /**
   * The snapshot of pkg/first.js, if any: taken when well formed; a "Empezar" waiting for the core goes on with it.
   * @param {any} data
   */
  function takeFirst(data) {
    if (!wellFormed(data)) return;
    first.data = data;
    if (pending === 'start' && screenNow.name === 'loading' && firstInfo()) {
      pending = null;
      start();
    }
  }

  /**
   * The user asked for something that needs the core before it arrived: the loading screen until it does.
   * @param {'start' | 'screening' | 'next'} what
   */
  function waitForCore(what) {
    pending = what;
    if (!core.loading) boot(); // (a load is normally in flight already)
    // An answer given before the core arrived: its question stays on screen, marked as saved.
    const keep = what === 'next' ? (screenNow.keep ?? screenNow) : undefined;
    screenNow = { name: 'loading', keep };
    render({ focus: true });
  }

  function coreReady() {
    const what = pending;
    pending = null;
    if (what === 'start' && screenNow.name === 'loading') start();
    else if (what === 'next' && screenNow.name === 'loading') continueFromFirst();
    else if (what === 'screening' && screenNow.name === 'loading') openScreening();
    else if (screenNow.name === 'question' && first.shown) {
      // The first question is showing, drawn from the snapshot: redrawn from the core if they differ.
      try {
        if (first.shown === 'waiting') render({ focus: true });
        else if (!firstAgrees()) keepFocus(() => render());
      } catch (err) {
        showError('eval', err);
      }
    } else if (screenNow.name === 'start') {
      // The start screen is showing: add the core's parts in place (focus and reading position stay).
      const section = /** @type {HTMLElement | null} */ (main.querySelector('#screen-start'));
      try {
        if (section && !('ready' in section.dataset)) completeStart(section, startContext());
        decorate(screenNow, false);
      } catch (err) {
        showError('eval', err);
      }
    }
    prefetch();
  }

  /**
   * The parts needed after the first question, fetched in the background once the page is idle:
   * the result and print views, the "Organizaciones" view and the English strings. Every visitor
   * fetches the same files in the same order, so no request tells anything about what they do.
   */
  function prefetch() {
    const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
    idle(() => {
      const quiet = () => {}; // a failure shows if and when the part is needed
      let chain = preparePart('result').catch(quiet);
      if (opts.screening) chain = chain.then(() => preparePart('screening')).catch(quiet);
      chain.then(() => loadLang('en')).catch(quiet).then(() => idle(warmUp, { timeout: 2000 }));
    }, { timeout: 1000 });
  }

  /**
   * One check with every fact unknown, its result thrown away: the engine compiles the core's code
   * on its first use, which would otherwise fall on the family's first answer (some 5 ms on a
   * desktop, several times that on a cheap phone). No request, nothing kept.
   */
  function warmUp() {
    try {
      core.mod?.evaluate({ proceedings: [{}] }, 'es');
    } catch {
      // a real check shows any error
    }
  }

  /**
   * Runs `fn` (a re-render) and puts the focus back on the element with the same id.
   * @param {() => void} fn
   */
  function keepFocus(fn) {
    const id = root.activeElement?.id;
    fn();
    if (id) byId(id)?.focus();
  }

  /* ---------- language ---------- */

  function applyStatic() {
    if (opts.page) {
      document.documentElement.lang = lang;
      document.title = t(lang, 'pageTitle');
    }
    if (opts.langTarget) opts.langTarget.lang = lang;
    /** @param {string} selector */
    const all = (selector) => /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll(selector));
    for (const el of all('[data-i18n]')) el.textContent = t(lang, /** @type {string} */ (el.dataset.i18n));
    for (const el of all('[data-i18n-label]')) el.setAttribute('aria-label', t(lang, /** @type {string} */ (el.dataset.i18nLabel)));
    const switcher = must('lang-switch');
    switcher.lang = lang === 'es' ? 'en' : 'es';
    switcher.setAttribute('aria-label', t(lang, 'switchLangLabel'));
  }

  /**
   * Switches the language (its strings are fetched first if they are not here yet).
   * @param {string | null} next
   */
  function setLang(next) {
    wantLang = next === 'en' ? 'en' : 'es';
    if (hasLang(wantLang)) return showLang(wantLang);
    const asked = wantLang;
    loadLang(asked).then(
      () => { if (wantLang === asked) showLang(asked); },
      (err) => {
        if (wantLang !== asked) return;
        wantLang = lang;
        const back = screenNow.name === 'error' ? screenNow.back : screenNow;
        showError('part', err, { back, again: () => setLang(asked) });
      },
    );
  }

  /** @param {string} next */
  function showLang(next) {
    lang = next;
    applyStatic();
    // Re-render the current screen (from the core, when it has loaded), in the new language.
    if (screenNow.name === 'question') keepFormValues(main, () => render());
    else keepFocus(() => render());
  }

  /** @param {string | null | undefined} id */
  function setLaw(id) {
    initialLaw = id || undefined;
    if (core.mod && screenNow.name === 'start') changeLaw(knownLaw(initialLaw));
  }

  must('lang-switch').addEventListener('click', () => setLang(lang === 'es' ? 'en' : 'es'));
  must('btn-erase').addEventListener('click', eraseAll);
  // "Deshacer", for 10 seconds after "Borrar todo", next to it.
  must('btn-erase').after(h('button', { type: 'button', class: 'btn btn-small', id: 'btn-undo', hidden: true, 'data-i18n': 'undo', onclick: undoErase }));
  if (opts.history) {
    // The browser's back and forward move between the steps; its history holds only a step number.
    history.replaceState({ amnistiaStep: 0 }, '');
    window.addEventListener('popstate', (e) => {
      const n = e.state && e.state.amnistiaStep;
      if (Number.isInteger(n)) showStep(n);
    });
  }
  const orgs = byId('btn-screening');
  if (orgs && opts.screening) orgs.addEventListener('click', openScreening);
  else if (orgs) orgs.hidden = true;
  applyStatic();
  screenNow = pending ? { name: 'loading' } : { name: 'start' };
  if (wantLang === lang) render();
  else {
    // Starting in English: the loading screen until its strings are here.
    clear(main);
    renderLoading();
    setLang(wantLang);
  }
  boot();
  if (opts.first) Promise.resolve().then(() => opts.first()).then(takeFirst, () => {}); // without it, "Empezar" waits for the core
  return { setLang, setLaw };
}

/**
 * Whether `d` has the shape of pkg/first.js's FIRST, so that the first question can be drawn from it.
 * @param {any} d
 */
function wellFormed(d) {
  /** @type {(xs: any, keys: string[]) => boolean} */
  const list = (xs, keys) => Array.isArray(xs) && xs.length > 0
    && xs.every((x) => x && typeof x === 'object' && keys.every((k) => typeof x[k] === 'string'));
  return Boolean(d) && typeof d === 'object' && typeof d.id === 'string' && typeof d.rulesVersion === 'string'
    && ['es', 'en'].every((l) => d[l] && list(d[l].situations, ['code', 'label']) && list(d[l].glossary, ['term', 'explanation']));
}
