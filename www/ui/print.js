// The one-page summary for a lawyer, shown only when printing (style.css,
// @media print). It repeats the answers given and what the core said; the
// only personal data in it is what the user typed as a case label.

import { h, outcomeInfo } from './dom.js';
import { t } from '../i18n.js';

/** ctx: { lang, info, assessment, person, proceedings (the case as sent), caseLabels } */
export function renderPrintSummary(ctx) {
  const { lang, info, assessment: a, person } = ctx;
  const unknown = t(lang, 'unknown');
  const yesNo = (v) => (v === true ? t(lang, 'yes') : v === false ? t(lang, 'no') : unknown);
  const labelOf = (list, code) => (code === undefined ? unknown : list.find((x) => x.code === code)?.label ?? code);
  const row = (label, value) => [h('dt', { text: label }), h('dd', { text: value })];
  const today = new Date().toLocaleDateString(lang === 'es' ? 'es-VE' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' });

  const section = h('section', { id: 'print-summary', class: 'print-only' },
    h('h2', { text: t(lang, 'printHeading') }),
    h('p', {}, h('strong', { text: `${t(lang, 'printDate')}: ` }), today),
    h('p', {}, h('strong', { text: `${t(lang, 'lawFooter')}: ` }), h('span', { lang: 'es', text: a.law.title }),
      ` — ${a.law.id} (${t(lang, 'lawStatus')[a.law.status] ?? a.law.status}); ${t(lang, 'rulesVersion')} ${a.law.rulesVersion}`,
      a.law.gaceta ? `; ${t(lang, 'gaceta')} ${a.law.gaceta}` : ''),
    a.law.status === 'draft' ? h('p', { class: 'draft-print' }, h('strong', { text: a.law.notice })) : null,
    h('h3', { text: t(lang, 'printAnswers') }),
    h('dl', { class: 'print-facts' },
      row(t(lang, 'factSituation'), labelOf(info.situations, person.situation)),
      row(t(lang, 'factAbroad'), yesNo(person.abroad)),
      row(t(lang, 'factCeased'), yesNo(person.ceasedConduct))));

  const seen = new Map(); // next steps already printed, by their ids, to the case that has them
  a.proceedings.forEach((p, i) => {
    const facts = ctx.proceedings[i] ?? {};
    const name = p.label || ctx.caseLabels[i] || t(lang, 'caseN', i + 1);
    const nextSteps = (steps, caseName) => {
      if (!steps.length) return null;
      const key = steps.map((s) => s.id).join(' ');
      if (seen.has(key)) return h('p', {}, h('strong', { text: `${t(lang, 'printNextSteps')}: ` }), t(lang, 'sameStepsAs', seen.get(key)));
      seen.set(key, caseName);
      return [h('p', { class: 'mini-heading', text: t(lang, 'printNextSteps') }),
        h('ol', { class: 'print-steps' }, steps.map((s) => h('li', { text: s.article ? `${s.text} (${t(lang, 'art', s.article)})` : s.text })))];
    };
    const date = facts.factsDate === undefined ? unknown
      : facts.factsDateEnd ? t(lang, 'between', facts.factsDate, facts.factsDateEnd) : facts.factsDate;
    const numeral = info.numerals.find((n) => n.number === facts.event);
    const event = facts.event === undefined ? unknown
      : facts.event === 'none' ? t(lang, 'eventNone') : numeral ? `${numeral.number}. ${numeral.name}` : String(facts.event);
    const charges = facts.charges === undefined ? unknown
      : facts.charges.length === 0 ? t(lang, 'noCharges')
        : facts.charges.map((c) => info.charges.find((x) => x.code === c)?.label ?? c).join('; ');
    section.append(h('div', { class: 'print-case' },
      h('h3', {}, `${name}: `, h('span', { class: `print-outcome out-${p.outcome}`, text: outcomeInfo(info, p.outcome).label })),
      h('dl', { class: 'print-facts' },
        row(t(lang, 'factDate'), date),
        row(t(lang, 'factEvent'), event),
        row(t(lang, 'factCharges'), charges),
        row(t(lang, 'factMilitary'), yesNo(facts.militaryJustice)),
        row(t(lang, 'factPhase'), labelOf(info.phases, facts.phase)),
        row(t(lang, 'articlesCited'), p.articles.map((x) => t(lang, 'art', x)).join(', ') || '—')),
      h('p', { text: p.summary }),
      nextSteps(p.nextSteps, name)));
  });
  section.append(h('div', { class: 'print-disclaimer' },
    h('p', {}, h('strong', { text: a.disclaimer })),
    a.law.status === 'draft' ? null : h('p', { text: a.law.notice })));
  return section;
}
