// The one-page summary for a lawyer, shown only when printing (style.css,
// @media print). It repeats the answers given and what the core said; the
// only personal data in it is what the user typed as a case label.

import { h, outcomeInfo } from './dom.js';
import { longDate, articleOf, citeWords } from './result.js';
import { t } from '../i18n.js';

/**
 * ctx: { lang, info, assessment, person, proceedings (the case as sent), caseLabels,
 *        asked: { person: [questions put], proceedings: [[questions put], …] } }
 * A fact never asked (it could not change the result) reads "No preguntado", not "No se sabe".
 * @param {import('../types.js').PrintContext} ctx
 */
export function renderPrintSummary(ctx) {
  const { lang, info, assessment: a, person } = ctx;
  const asked = ctx.asked ?? { person: [], proceedings: [] };
  /** @type {(list: string[] | undefined, key: string) => string} */
  const unknownFor = (list, key) => t(lang, list && list.includes(key) ? 'unknown' : 'notAsked');
  let unknown = unknownFor(asked.person, 'situation');
  /** @param {unknown} v */
  const yesNo = (v) => (v === true ? t(lang, 'yes') : v === false ? t(lang, 'no') : unknown);
  /** @type {(list: { code: string, label: string }[], code: string | undefined) => string} */
  const labelOf = (list, code) => (code === undefined ? unknown : list.find((x) => x.code === code)?.label ?? code);
  /** @type {(label: string, key: string, value: () => string) => HTMLElement[]} */
  const personRow = (label, key, value) => { unknown = unknownFor(asked.person, key); return row(label, value()); };
  /** @type {(label: string, value: string, cls?: string) => HTMLElement[]} */
  const row = (label, value, cls) => [h('dt', { text: label }), h('dd', { text: value, class: cls })];
  // The Art. 7 answer in the words of the option chosen (the core's, neutral): a bare "Sí"
  // beside "Cesó la conducta" would read like an admission.
  const ceased = info.questions.find((q) => q.question === 'ceasedConduct');
  /** @type {(v: unknown) => string} */
  const ceasedAnswer = (v) => ceased?.options.find((o) => o.value === v)?.text ?? yesNo(v);
  const today = new Date().toLocaleDateString(lang === 'es' ? 'es-VE' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' });

  const section = h('section', { id: 'print-summary', class: 'print-only' },
    h('h2', { text: t(lang, 'printHeading') }),
    h('p', {}, h('strong', { text: `${t(lang, 'printDate')}: ` }), today),
    h('p', {}, h('strong', { text: `${t(lang, 'lawFooter')}: ` }), h('span', { lang: 'es', text: a.law.title }),
      ` — ${a.law.id} (${t(lang, 'lawStatus')[a.law.status] ?? a.law.status}); ${t(lang, 'rulesVersion')} ${a.law.rulesVersion}`,
      a.law.gaceta ? `; ${t(lang, 'gaceta')} ${a.law.gaceta}` : ''),
    a.law.status === 'draft' ? h('p', { class: 'draft-print' }, h('strong', { text: a.law.notice })) : null,
    // Several cases: the overall outcome, and the core's warning that a case the law does not
    // cover can keep the person detained, before any single case.
    a.proceedings.length > 1 ? h('p', { class: 'print-overall' }, h('strong', { text: `${t(lang, 'resultOverall')}: ` }),
      h('span', { class: `print-outcome out-${a.outcome}`, text: outcomeInfo(info, a.outcome).label })) : null,
    a.warning ? h('p', { class: 'print-warning', id: 'print-warning' }, h('strong', { text: a.warning })) : null,
    h('h3', { text: t(lang, 'printAnswers') }),
    h('dl', { class: 'print-facts' },
      personRow(t(lang, 'factSituation'), 'situation', () => labelOf(info.situations, person.situation)),
      personRow(t(lang, 'factAbroad'), 'abroad', () => yesNo(person.abroad)),
      personRow(t(lang, 'factCeased'), 'ceasedConduct', () => ceasedAnswer(person.ceasedConduct))));

  /** @type {Map<string, string>} */
  const seen = new Map(); // next steps already printed, by their ids, to the case that has them
  a.proceedings.forEach((p, i) => {
    const facts = ctx.proceedings[i] ?? {};
    const put = asked.proceedings[i];
    /** @type {(key: string, value: () => string) => string} */
    const ask = (key, value) => { unknown = unknownFor(put, key); return value(); };
    const name = p.label || ctx.caseLabels[i] || t(lang, 'caseN', i + 1);
    /** @type {(steps: import('../types.js').ProceedingAssessment['nextSteps'], caseName: string) => import('./dom.js').Child} */
    const nextSteps = (steps, caseName) => {
      if (!steps.length) return null;
      const key = steps.map((s) => s.id).join(' ');
      if (seen.has(key)) return h('p', {}, h('strong', { text: `${t(lang, 'printNextSteps')}: ` }), t(lang, 'sameStepsAs', seen.get(key)));
      seen.set(key, caseName);
      return [h('p', { class: 'mini-heading', text: t(lang, 'printNextSteps') }),
        // Each step in its short form (the core's): the page must stay one sheet.
        h('ol', { class: 'print-steps' }, steps.map((s) => h('li', { text: s.article ? `${s.short} (${citeWords(lang, info, s.article)})` : s.short })))];
    };
    unknown = unknownFor(put, 'factsDate');
    const date = facts.factsDate === undefined ? unknown
      : facts.factsDateEnd ? t(lang, 'between', longDate(lang, facts.factsDate), longDate(lang, facts.factsDateEnd)) : longDate(lang, facts.factsDate);
    const numeral = info.numerals.find((n) => n.number === facts.event);
    unknown = unknownFor(put, 'event');
    const event = facts.event === undefined ? unknown
      : facts.event === 'none' ? t(lang, 'eventNone') : numeral ? `${numeral.name} (${citeWords(lang, info, numeral.cite)})` : String(facts.event);
    unknown = unknownFor(put, 'charges');
    const charges = facts.charges === undefined ? unknown
      : facts.charges.length === 0 ? t(lang, 'noCharges')
        : facts.charges.map((c) => info.charges.find((x) => x.code === c)?.label ?? c).join('; ');
    section.append(h('div', { class: 'print-case' },
      h('h3', {}, `${name}: `, h('span', { class: `print-outcome out-${p.outcome}`, text: outcomeInfo(info, p.outcome).label })),
      h('dl', { class: 'print-facts' },
        // Blanks for the lawyer to fill in.
        row(t(lang, 'printCourt'), '\u00a0', 'blank'),
        row(t(lang, 'printCaseNumber'), '\u00a0', 'blank'),
        row(t(lang, 'factDate'), date),
        row(t(lang, 'factEvent', articleOf(info, 'events')), event),
        row(t(lang, 'factCharges'), charges),
        row(t(lang, 'factMilitary'), ask('militaryJustice', () => yesNo(facts.militaryJustice))),
        row(t(lang, 'factPhase'), ask('phase', () => labelOf(info.phases, facts.phase)))),
      h('p', {}, h('strong', { text: `${t(lang, 'articlesCited')}: ` }), p.articlesInWords || '—'),
      // The reason, or the summary where the core gives no reason: both say the same first thing.
      p.reason ? h('p', {}, h('strong', { text: `${t(lang, 'printReason')}: ` }), p.reason) : h('p', { text: p.summary }),
      /** @type {[import('../types.js').Reading | null, string][]} */ ([[p.favourableReading, 'favourable'], [p.strictReading, 'strict']]).map(([r, key]) => (r
        ? h('p', { class: 'print-reading' }, h('strong', { text: `${t(lang, key, articleOf(info, key))} (${outcomeInfo(info, r.outcome).label}): ` }), r.text) : null)),
      nextSteps(p.nextSteps, name)));
  });
  section.append(h('div', { class: 'print-disclaimer' },
    h('p', {}, h('strong', { text: a.disclaimer })),
    a.law.status === 'draft' ? null : h('p', { text: a.law.notice })));
  return section;
}
