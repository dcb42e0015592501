// The case as a whole, for one mount of the checker (`v`, checker.js): "Abrir un caso
// guardado" (a file read on this device, never sent; "Guardar el caso en un archivo" is the
// result part's, ui/result-screen.js), and "Borrar todo" with its 10-second "Deshacer" (the answers kept in memory only).
// *May not*: store anything (no storage, no cookie: a saved case is a file the user keeps),
// or judge a case opened (the core does, through evaluate()).

import { t } from '../i18n.js';
import { clear } from '../ui/dom.js';
import * as I from '../interview.js';
import { evaluate, knownLaw } from './core.js';
import { render, announce } from './render.js';
import { boot, renewCore } from './loading.js';
import { go } from './steps.js';

/** @typedef {import('../types.js').CheckerView} View */

const UNDO_MS = 10000;

/**
 * "Abrir un caso guardado": a file read on this device, its result shown (or the core's error, in words).
 * @param {View} v
 * @param {File | null | undefined} file
 */
export function openCase(v, file) {
  if (!file) return;
  /** @param {string} message */
  const fail = (message) => showOpenError(v, message);
  file.text().then((text) => {
    let c;
    try {
      c = JSON.parse(text);
    } catch {
      return fail(t(v.lang, 'openNotJson'));
    }
    if (!c || typeof c !== 'object' || Array.isArray(c)) return fail(t(v.lang, 'openNotCase'));
    if (!v.core.mod) return fail(t(v.lang, 'loading'));
    try {
      evaluate(v, c);
    } catch (/** @type {any} */ err) {
      return fail(err && err.message ? String(err.message) : t(v.lang, 'openNotCase'));
    }
    v.state = I.fromCase(c);
    if (v.state.lawId && !knownLaw(v, v.state.lawId)) return fail(t(v.lang, 'openNotCase'));
    v.core.info.clear();
    v.steps = { entries: v.steps.entries.slice(0, 1), index: 0 };
    go(v, { name: 'result' });
  }, () => fail(t(v.lang, 'openNotCase')));
}

/**
 * @param {View} v
 * @param {string} message
 */
function showOpenError(v, message) {
  const box = /** @type {HTMLElement | null} */ (v.main.querySelector('#open-error'));
  if (!box) return;
  box.textContent = message;
  box.hidden = false;
}

/**
 * "Borrar todo": instant; for 10 seconds "Deshacer" brings the answers back (in memory only).
 * @param {View} v
 */
export function eraseAll(v) {
  const before = { state: v.state, steps: v.steps, screen: v.screen };
  v.request = {};
  v.state = I.freshState();
  v.steps = I.createSteps();
  v.screen = { name: 'start' };
  if (v.opts.history) history.replaceState({ amnistiaStep: 0 }, '');
  if (v.screening) v.screening.dispose();
  v.screening = null;
  v.returnTo = null;
  v.pending = null;
  clear(v.main);
  clear(v.printRoot);
  v.announcer.textContent = '';
  renewCore(v);
  if (!v.core.mod && !v.core.loading) boot(v); // loading failed: start that over
  render(v, { focus: true });
  announce(v, t(v.lang, 'erased'));
  offerUndo(v, before.screen.name === 'start' && before.steps.entries.length < 2 ? null : before);
}

/**
 * @param {View} v
 * @param {View['undo']['saved']} before
 */
function offerUndo(v, before) {
  const undo = v.undo;
  clearTimeout(undo.timer);
  undo.saved = before;
  const button = /** @type {HTMLElement | null} */ (v.root.getElementById('btn-undo'));
  if (!button) return;
  button.hidden = !before;
  if (before) {
    undo.timer = setTimeout(() => { undo.saved = null; button.hidden = true; }, UNDO_MS);
  }
}

/**
 * "Deshacer": the answers "Borrar todo" erased, back where they were.
 * @param {View} v
 */
export function undoErase(v) {
  const saved = v.undo.saved;
  offerUndo(v, null);
  if (!saved) return;
  v.state = saved.state;
  v.steps = saved.steps;
  v.screen = saved.screen;
  if (v.opts.history) history.replaceState({ amnistiaStep: v.steps.index }, '');
  render(v, { focus: true });
}
