// The result screen of a mount of the checker (`v`, checker.js), a later part: loaded with the
// result and print views (checker.js, PARTS), never before the first question. It puts together
// the result (result.js), the written request under it (request.js) and the lawyer's sheet
// (print.js) from the assessment checker/render.js asked the core for, and makes the case file
// of "Guardar el caso en un archivo". *May not*: ask the core, move between steps (its buttons
// call what render.js gives it), or store anything (the case file is a download, made on this device).

import { t } from '../i18n.js';
import { clear, outcomeInfo } from './dom.js';
import { buildCase, factsPut, MAX_PROCEEDINGS } from '../interview.js';
import { renderResult } from './result.js';
import { renderPrintSummary } from './print.js';
import { attachRequest } from './request.js';

/** @typedef {import('../types.js').CheckerView} View */

/**
 * @param {View} v
 * @param {{ assessment: import('../types.js').Assessment, info: import('../types.js').LawInfo, focus: boolean, announce: (text: string) => void,
 *   onAddCase: () => void, onBack: () => void, onGoAnswer: (index: number, fact: string) => void }} c the assessment render.js asked for, and what the buttons do
 */
export function renderResultScreen(v, { assessment: a, info, focus, announce, onAddCase, onBack, onGoAnswer }) {
  const { lang, state, printRoot, opts } = v;
  const labels = state.proceedings.map((p, i) => p.facts.label || t(lang, 'caseN', i + 1));
  const print = () => (opts.onPrint ? opts.onPrint() : window.print());
  const section = renderResult(v.main, {
    lang, info, assessment: a, caseLabels: labels, version: v.core.version,
    onAddCase, onPrint: print, onBack, onGoAnswer,
    onSave: () => saveCase(v),
  });
  if (state.proceedings.length >= MAX_PROCEEDINGS) section.querySelector('#btn-add-case')?.remove();
  // The written request (ui/request.js), under the result's own buttons.
  attachRequest(section, { lang, a, labels, request: v.request, mod: /** @type {import('../types.js').Core} */ (v.core.mod), state, printRoot, print });
  clear(printRoot);
  printRoot.append(renderPrintSummary({
    lang, info, assessment: a, person: state.person,
    proceedings: buildCase(state).proceedings, caseLabels: labels,
    asked: factsPut(state, a),
  }));
  if (focus) {
    announce(t(lang, 'resultAnnounce', outcomeInfo(info, a.outcome).label));
  }
}

/**
 * "Guardar el caso en un archivo": the contract's case object, made on this device.
 * @param {View} v
 */
function saveCase(v) {
  const text = `${JSON.stringify(buildCase(v.state), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: t(v.lang, 'saveFileName') });
  link.hidden = true;
  (('body' in v.root ? v.root.body : null) ?? v.main).append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
