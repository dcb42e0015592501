// Moving through the interview, for one mount of the checker (`v`, checker.js): each question
// and the result is a step (in the page, a browser history entry whose state is only the step
// number); starting, answering, going back and to a step again, adding a case, the
// "Organizaciones" view and back, and "Reintentar" on the error panel. Which question comes
// next is the interview's (interview.js), from the core's answer. *May not*: draw a screen
// itself (render.js does), or keep any state outside `v`.

import * as I from '../interview.js';
import { evaluate, firstInfo, firstAgrees, lawInfo } from './core.js';
import { render, showError } from './render.js';
import { eraseAll } from './case-file.js';
import { boot, renewCore, waitForCore } from './loading.js';

/** @typedef {import('../types.js').CheckerView} View */
/** @typedef {import('../types.js').Question} Question */
/** @typedef {import('../types.js').ViewScreen} ViewScreen */

/**
 * The next screen from the interview, or null (the error panel is showing).
 * @param {View} v
 */
function nextScreen(v) {
  try {
    return I.nextScreen(v.state, (c) => evaluate(v, c));
  } catch (err) {
    showError(v, 'eval', err);
    return null;
  }
}

/**
 * Shows `screen` as a new step: in the page, a new entry of the browser's history too.
 * @param {View} v
 * @param {ViewScreen | null} screen
 */
export function go(v, screen) {
  if (!screen) return; // the error panel is already showing
  v.steps = I.pushStep(v.steps, screen, v.state);
  v.screen = screen;
  if (v.opts.history) history.pushState({ amnistiaStep: v.steps.index }, '');
  render(v, { focus: true });
}

/**
 * Shows step `index` again, with the answers as they were then (back and forward).
 * @param {View} v
 * @param {number} index
 */
export function showStep(v, index) {
  const { steps, entry } = I.stepAt(v.steps, index);
  v.steps = steps;
  v.state = entry.state;
  v.screen = entry.screen;
  // A question gone back to shows the answer given to it then, marked.
  const later = steps.entries[steps.index + 1];
  if (v.screen.name === 'question' && later && !('previous' in v.screen)) {
    v.screen = { ...v.screen, previous: I.currentValue(later.state, /** @type {Question} */ (v.screen.q)) };
  }
  v.pending = null;
  render(v, { focus: true });
}

/**
 * @param {View} v
 * @param {Question} q
 * @param {unknown} value
 */
export function answer(v, q, value) {
  v.state = I.answer(v.state, q, value);
  // Answered before the core has arrived: the question stays, marked as saved, until it does.
  if (!v.core.mod) return waitForCore(v, 'next');
  go(v, nextScreen(v));
}

/**
 * The core has arrived after the first question was answered from the snapshot: go on, or,
 * if the snapshot differs from the core, ask that question again from the core's own data
 * (with the answer kept as the previous one when the core still offers it).
 * @param {View} v
 */
export function continueFromFirst(v) {
  const entry = v.steps.entries[v.steps.index];
  if (firstAgrees(v) || entry.screen.name !== 'question') return go(v, nextScreen(v));
  const q = /** @type {Question} */ (entry.screen.q);
  const previous = I.currentValue(v.state, q);
  const offered = q.kind !== 'situation' || lawInfo(v).situations.some((s) => s.code === previous);
  v.state = structuredClone(entry.state);
  v.screen = { name: 'question', q, previous: offered ? previous : undefined };
  render(v, { focus: true });
}

/**
 * "Atrás": the browser's back in the page (so that its own back gesture does the same), else the step before.
 * @param {View} v
 */
export function goBack(v) {
  if (v.opts.history && v.steps.index > 0) history.back();
  else if (v.steps.index > 0) showStep(v, v.steps.index - 1);
  else eraseAll(v);
}

/** @param {View} v */
export function start(v) {
  if (!v.core.mod && !firstInfo(v)) return waitForCore(v, 'start');
  v.state = I.begin(v.state);
  go(v, nextScreen(v));
}

/**
 * @param {View} v
 * @param {string | undefined} lawId (undefined: the default text)
 */
export function changeLaw(v, lawId) {
  v.state.lawId = lawId;
  render(v);
  /** @type {HTMLElement | null} */ (v.main.querySelector('#law-select'))?.focus();
}

/** @param {View} v */
export function addCase(v) {
  v.state = I.addCase(v.state);
  go(v, nextScreen(v));
}

/**
 * @param {View} v
 * @param {number} index
 * @param {string} fact
 */
export function goAnswer(v, index, fact) {
  v.state = I.focusCase(v.state, index);
  const q = { kind: fact, index };
  go(v, { name: 'question', q, previous: I.currentValue(v.state, q) });
}

/**
 * The "Organizaciones" view: screening a whole list, on this device.
 * @param {View} v
 */
export function openScreening(v) {
  if (!v.opts.screening) return;
  if (!v.core.mod) return waitForCore(v, 'screening');
  if (v.screen.name !== 'screening') v.returnTo = ['start', 'question', 'result'].includes(v.screen.name) ? v.screen : null;
  v.screen = { name: 'screening' };
  render(v, { focus: true });
  v.main.scrollIntoView?.({ block: 'start' });
}

/** @param {View} v */
export function closeScreening(v) {
  v.screen = v.returnTo ?? { name: 'start' };
  v.returnTo = null;
  render(v, { focus: true });
}

/**
 * "Reintentar" on the error panel.
 * @param {View} v
 * @param {ViewScreen} screen the error panel's
 */
export function retry(v, { kind, back, again }) {
  renewCore(v);
  if (kind === 'load' || !v.core.mod) {
    v.screen = { name: v.pending ? 'loading' : 'start' };
    render(v, { focus: true });
    if (!v.core.loading) boot(v);
    return;
  }
  if (kind === 'part') {
    // Back to the screen that needed the part: rendering it asks for the part again.
    v.screen = back ?? { name: 'start' };
    render(v, { focus: true });
    if (again) again();
    return;
  }
  // An evaluation failed: go back to where the user was and try that step again.
  showStep(v, v.steps.index);
}
