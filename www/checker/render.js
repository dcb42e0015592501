// Draws what a mount of the checker (`v`, checker.js) has to show, `v.screen`: the start
// screen, a question, the result, the "Organizaciones" view, the loading screen and the error
// panel, each through its ui/ module; then the later parts' additions (decorate()). It also
// asks the core for the assessment a screen shows (assess()) and shows the error panel.
// *May not*: move between steps or change the answers itself (its buttons call steps.js and
// case-file.js), load the core, or decide anything the core decides.

import { t } from '../i18n.js';
import { clear, draftBanner } from '../ui/dom.js';
import { renderStart } from '../ui/start.js';
import { renderQuestion } from '../ui/questions.js';
import { loadingScreen, errorPanel, errorCode } from '../ui/status.js';
import * as I from '../interview.js';
import { go, goBack, start, changeLaw, answer, addCase, goAnswer, closeScreening, retry } from './steps.js';
import { openCase, eraseAll } from './case-file.js';
import { lawInfo, firstInfo, evaluate, checkDate, monthsCovered, loaded } from './core.js';

/** @typedef {import('../types.js').CheckerView} View */
/** @typedef {import('../types.js').Assessment} Assessment */
/** @typedef {import('../types.js').Question} Question */
/** @typedef {import('../types.js').ViewScreen} ViewScreen */

/**
 * @param {View} v
 * @param {string} text
 */
export function announce(v, text) {
  v.announcer.textContent = '';
  // A fresh text node in a later task makes screen readers read it again.
  setTimeout(() => { v.announcer.textContent = text; }, 50);
}

/**
 * Runs `fn` (a re-render) and puts the focus back on the element with the same id.
 * @param {View} v
 * @param {() => void} fn
 */
export function keepFocus(v, fn) {
  const id = v.root.activeElement?.id;
  fn();
  if (id) /** @type {HTMLElement | null} */ (v.root.getElementById(id))?.focus();
}

/**
 * A part's module and, once for this root, the stylesheet of the later parts.
 * @param {View} v
 * @param {string} name
 */
export function preparePart(v, name) {
  const p = v.parts;
  if (!p.styles) {
    const loading = Promise.resolve().then(() => v.opts.styles?.());
    p.styles = loading;
    loading.catch(() => { p.styles = null; });
  }
  return Promise.all([p.load(name), p.styles]).then(() => { p.shown.add(name); });
}

/**
 * Asks the core; on an error shows the error panel and returns null.
 * @param {View} v
 * @returns {Assessment | null}
 */
export function assess(v) {
  try {
    return evaluate(v, I.buildCase(v.state));
  } catch (err) {
    showError(v, 'eval', err);
    return null;
  }
}

/**
 * @param {View} v
 * @param {{ focus?: boolean }} [how]
 */
export function render(v, { focus = false } = {}) {
  const main = v.main;
  clear(main);
  const screen = v.screen;
  // For tests and styles: which screen is showing, and a counter that changes on every render.
  main.dataset.screen = screen.name;
  main.dataset.render = String(++v.renders);
  main.dataset.question = screen.name === 'question' ? /** @type {Question} */ (screen.q).kind : '';
  if (screen.name === 'error') return renderError(v, focus);
  const part = /** @type {Record<string, string>} */ ({ result: 'result', screening: 'screening', law: 'result' })[screen.name];
  if (screen.name === 'loading') {
    renderLoading(v, Boolean(screen.keep));
    if (screen.keep && screen.keep.name === 'question' && firstInfo(v)) renderQuestionScreen(v, screen.keep);
  } else if (part && !v.parts.shown.has(part)) return waitForPart(v, part, focus);
  else if (screen.name === 'question' && !v.core.mod && !firstInfo(v)) {
    // A question from the snapshot that no longer fits (the widget's law changed): wait for the core.
    v.first.shown = 'waiting';
    renderLoading(v);
  }
  else {
    try {
      if (screen.name === 'start') renderStart(main, startContext(v));
      else if (screen.name === 'question') renderQuestionScreen(v, screen);
      else if (screen.name === 'result') renderResultScreen(v, focus);
      else if (screen.name === 'screening') renderScreeningScreen(v);
    } catch (err) {
      return showError(v, 'eval', err);
    }
  }
  decorate(v, screen, focus);
  if (focus) {
    // A new screen starts at the top of the page, header included, wherever the last one was
    // scrolled to (not in the widget: the host page is not ours to scroll).
    if (v.opts.page && window.scrollY > 0) window.scrollTo(0, 0);
    const target = /** @type {HTMLElement | null} */ (main.querySelector('[tabindex="-1"]'));
    if (target) target.focus();
  }
}

/**
 * The later parts add to the screen: the timeline, the law view and the way to it (ui/law-view.js).
 * @param {View} v
 * @param {ViewScreen} screen
 * @param {boolean} focus
 */
export function decorate(v, screen, focus) {
  if (v.core.mod) preparePart(v, 'result').then(() => v.screen === screen && v.parts.get('result').decorate(v.main, {
    // The result's own assessment and the cached law(): the later parts ask the core for neither again.
    lang: v.lang, core: v.core.mod, info: lawInfo(v), assessment: screen.name === 'result' ? v.shownAssessment : null, state: v.state, screen, focus,
    // The law view is a step of its own: the phone's back, like its "Volver", returns where it was opened.
    back: () => goBack(v), open: () => go(v, { name: 'law' }),
  }), () => {});
}

/**
 * @param {View} v
 * @returns {import('../types.js').StartContext}
 */
export function startContext(v) {
  return { lang: v.lang, info: v.core.mod ? lawInfo(v) : null, onStart: () => start(v), onLawChange: (id) => changeLaw(v, id), onOpen: (file) => openCase(v, file) };
}

/**
 * The loading status; `saved`: an answer is kept while the core finishes loading.
 * @param {View} v
 */
export function renderLoading(v, saved = false) {
  v.main.dataset.screen = 'loading';
  v.main.append(loadingScreen(v.lang, v.core.slow && !v.core.mod, saved));
}

/**
 * Shows the loading screen until the part arrives, then the screen that needs it (or the error panel).
 * @param {View} v
 * @param {string} name
 * @param {boolean} focus
 */
function waitForPart(v, name, focus) {
  const screen = v.screen;
  renderLoading(v);
  if (focus) /** @type {HTMLElement} */ (v.main.querySelector('#screen-loading')).focus();
  preparePart(v, name).then(
    () => { if (v.screen === screen) render(v, { focus }); },
    (err) => { if (v.screen === screen) showError(v, 'part', err, { back: screen }); },
  );
}

/**
 * @param {View} v
 * @param {ViewScreen} screen
 */
function renderQuestionScreen(v, screen) {
  const { lang, state } = v;
  const mod = v.core.mod;
  const info = mod ? lawInfo(v) : firstInfo(v);
  v.first.shown = mod ? null : 'snapshot';
  const q = /** @type {Question} */ (screen.q);
  if (info.status === 'draft') v.main.append(draftBanner(lang, info.notice));
  const p = q.index === undefined ? null : state.proceedings[q.index];
  const several = state.proceedings.length > 1;
  const context = !p ? t(lang, 'stepPerson') : several ? t(lang, 'stepCase', /** @type {number} */ (q.index) + 1, p.facts.label) : t(lang, 'stepTheCase');
  /** @type {Assessment | null} */
  let assessment = null;
  let place = null;
  if (mod) {
    assessment = assess(v);
    if (!assessment) return;
    // The event list marks the numerals whose windows hold the date given (the core says which).
    if (q.kind === 'event' && p && p.facts.factsDate) place = mod.datePlace(p.facts.factsDate, p.facts.factsDateEnd ?? null, state.lawId);
  }
  const months = q.kind === 'factsMonth' && p ? monthsCovered(v, p.facts) : null;
  renderQuestion(v.main, {
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
    onAnswer: (value) => answer(v, q, value),
    onUnknown: () => answer(v, q, undefined),
    onBack: () => goBack(v),
    checkDate: (answer) => checkDate(v, answer),
  });
}

/**
 * The result, and the lawyer's sheet, by the result part (ui/result-screen.js).
 * @param {View} v
 * @param {boolean} focus
 */
function renderResultScreen(v, focus) {
  const a = assess(v);
  v.shownAssessment = a;
  if (!a) return;
  v.parts.get('result').renderResultScreen(v, {
    assessment: a, info: lawInfo(v), focus, announce: (/** @type {string} */ text) => announce(v, text),
    onAddCase: () => addCase(v), onBack: () => goBack(v), onGoAnswer: (/** @type {number} */ i, /** @type {string} */ fact) => goAnswer(v, i, fact),
  });
}

/** @param {View} v */
function renderScreeningScreen(v) {
  clear(v.printRoot);
  const view = v.parts.get('screening');
  if (!v.screening) v.screening = view.createSession();
  view.renderScreening(v.main, {
    lang: v.lang, info: loaded(v).law(v.lang, undefined), core: v.core.mod, session: v.screening,
    announce: (/** @type {string} */ text) => announce(v, text), onBack: () => closeScreening(v),
  });
}

/**
 * kind: 'load' (the core), 'part' (a part of the page: `back` is the screen
 * to go back to on "Reintentar", `again()` what to try again there), or 'eval'.
 * @param {View} v
 * @param {'load' | 'part' | 'eval'} kind
 * @param {any} err
 * @param {{ back?: ViewScreen, again?: () => void }} [retryWith]
 */
export function showError(v, kind, err, { back, again } = {}) {
  // A trap (WebAssembly.RuntimeError), or any error without the core's own
  // code, can leave the wasm instance broken: renew it before going on.
  if (kind === 'eval' && !(err && typeof err.code === 'string' && err.code)) v.core.broken = true;
  v.screen = { name: 'error', kind, code: errorCode(kind, err), detail: kind === 'eval' && err && err.message ? String(err.message) : '', back, again };
  clear(v.printRoot);
  render(v, { focus: true });
}

/**
 * @param {View} v
 * @param {boolean} focus
 */
function renderError(v, focus) {
  const section = errorPanel(v.lang, v.screen, { onRetry: () => retry(v, v.screen), onRestart: () => eraseAll(v) });
  v.main.append(section);
  if (focus) /** @type {HTMLElement} */ (section.querySelector('#error-heading')).focus();
}
