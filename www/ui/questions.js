// One interview question per screen. The fact questions (date, event,
// charges, military justice, ceased conduct) take their wording, options and
// explanations from LawInfo, as do the situation question's options; this
// module only lays them out. The situation question, the first one, may show
// before the core has arrived: its `info` is then the build's snapshot of the
// core's `situations` and `glossary` (pkg/first.js), which is all it reads.

import { h, Glossary } from './dom.js';
import { t } from '../i18n.js';

/** @typedef {import('../types.js').QuestionContext} Ctx */
/**
 * One answer of a list: its value (or, when `answer` is there, the value it gives), its words,
 * and an optional mark; `dontKnow` for "No sé".
 * @typedef {{ value?: unknown, answer?: unknown, title: string, sub?: string, mark?: string | null, dontKnow?: boolean }} Choice
 */

const FACT_QUESTIONS = ['factsDate', 'event', 'charges', 'militaryJustice', 'ceasedConduct'];

/**
 * Renders question `ctx.q.kind` into `root`.
 * ctx: { lang, info (LawInfo, or for the first question possibly the snapshot's fields), q, context, previous,
 *        onAnswer(value), onUnknown(), onBack(), checkDate(start, end) }
 * @param {HTMLElement} root
 * @param {Ctx} ctx
 */
export function renderQuestion(root, ctx) {
  const { lang, info, q } = ctx;
  const gl = new Glossary(info.glossary, t(lang, 'wordsWeUse'));
  let heading;
  let help;
  if (FACT_QUESTIONS.includes(q.kind)) {
    // The core describes every fact question (Question::ALL is FACT_QUESTIONS).
    const fact = /** @type {import('../types.js').LawInfo['questions'][number]} */ (info.questions.find((x) => x.question === q.kind));
    heading = fact.text;
    help = fact.help;
  } else {
    const key = /** @type {Record<string, string>} */ ({ situation: 'qSituation', abroad: 'qAbroad', label: 'qLabel', phase: 'qPhase', another: 'qAnother', factsMonth: 'qMonth' })[q.kind];
    heading = t(lang, key, ctx.months?.year);
    help = t(lang, `${key}Help`, ctx.months && monthRanges(lang, ctx.months.ranges), ctx.months?.year);
  }

  const section = h('section', { id: 'screen-question', class: 'screen', 'data-question': q.kind, 'aria-labelledby': 'question-heading' });
  section.append(h('p', { class: 'context', id: 'question-context' },
    h('span', { text: ctx.context }),
    ctx.progress ? h('span', { class: 'progress', id: 'question-progress', text: t(lang, 'progress', ctx.progress.step, ctx.progress.total) }) : null));
  if (ctx.progress && ctx.progress.total) {
    const fill = h('span');
    const bar = h('div', { class: 'progress-bar', 'aria-hidden': 'true' }, fill);
    fill.style.width = `${Math.min(100, Math.round((100 * ctx.progress.step) / ctx.progress.total))}%`;
    section.append(bar);
  }
  section.append(gl.inline(h('h2', { id: 'question-heading', tabindex: '-1' }), heading));
  if (help) section.append(gl.inline(h('p', { class: 'help', id: 'question-help' }), help));

  const body = BODIES[q.kind](ctx, gl);
  section.append(body);
  const notes = gl.flush();
  if (notes) section.append(notes);
  section.append(h('div', { class: 'nav' },
    h('button', { type: 'button', class: 'btn btn-back', id: 'btn-back', 'data-testid': 'back', onclick: ctx.onBack },
      '← ', t(lang, 'back'))));
  root.append(section);
  return section;
}

/**
 * A list of big one-tap answers; the last is always "No sé".
 * @param {Ctx} ctx
 * @param {Glossary} gl
 * @param {Choice[]} options
 */
function choices(ctx, gl, options) {
  const list = h('ul', { class: 'choices', role: 'list', 'aria-labelledby': 'question-heading' });
  /** @type {Choice[]} */
  const all = [...options, { dontKnow: true, title: t(ctx.lang, 'dontKnow') }];
  for (const opt of all) {
    const chosen = !opt.dontKnow && ctx.previous !== undefined && ctx.previous === opt.value;
    const button = h('button', {
      type: 'button',
      class: `choice${opt.dontKnow ? ' choice-unknown' : ''}${chosen ? ' chosen' : ''}`,
      'data-value': opt.dontKnow ? 'unknown' : String(opt.value),
      'data-testid': opt.dontKnow ? 'dont-know' : `choice-${opt.value}`,
      onclick: () => (opt.dontKnow ? ctx.onUnknown() : ctx.onAnswer('answer' in opt ? opt.answer : opt.value)),
    });
    gl.inline(button.appendChild(h('span', { class: 'choice-title' })), opt.title);
    if (opt.mark) button.append(h('span', { class: 'choice-mark', 'data-testid': 'date-mark', text: opt.mark }));
    if (opt.sub) gl.inline(button.appendChild(h('span', { class: 'choice-sub' })), opt.sub);
    if (chosen) button.append(h('span', { class: 'choice-prev', text: t(ctx.lang, 'previousAnswer') }));
    list.append(h('li', {}, button));
  }
  return list;
}

/** @type {(ctx: Ctx, gl: Glossary) => HTMLElement} */
const yesNo = (ctx, gl) => choices(ctx, gl, [
  { value: true, title: t(ctx.lang, 'yes') },
  { value: false, title: t(ctx.lang, 'no') },
]);

/**
 * [[3, 8], [11, 12]] -> "marzo a agosto y noviembre a diciembre".
 * @param {string} lang
 * @param {number[][]} ranges
 */
function monthRanges(lang, ranges) {
  /** @param {number} m */
  const name = (m) => t(lang, 'months')[m - 1];
  const parts = ranges.map(([a, b]) => (a === b ? name(a) : t(lang, 'monthRange', name(a), name(b))));
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${t(lang, 'and')} ${parts[parts.length - 1]}`;
}

/** @type {Record<string, (ctx: Ctx, gl: Glossary) => HTMLElement>} */
const BODIES = {
  // The month of the year given; those the law covers are marked.
  factsMonth: (ctx, gl) => {
    /** @param {number} m */
    const inside = (m) => (ctx.months?.ranges ?? []).some(([a, b]) => m >= a && m <= b);
    return choices(ctx, gl, t(ctx.lang, 'months').map((/** @type {string} */ name, /** @type {number} */ i) => ({
      value: String(i + 1).padStart(2, '0'),
      title: name.charAt(0).toUpperCase() + name.slice(1),
      mark: inside(i + 1) ? t(ctx.lang, 'monthCovered') : null,
    })));
  },
  situation: (ctx, gl) => choices(ctx, gl, ctx.info.situations.map((s) => ({ value: s.code, title: s.label, sub: s.description }))),
  abroad: yesNo,
  another: yesNo,
  militaryJustice: yesNo,
  // Art. 7, asked neutrally: the core's own answers (law().questions), which read the same whichever
  // way the question is put. Two stand for having stopped ("ya no", "nunca lo hizo": not an
  // admission); the second of a value gets a button value of its own, and answers the core's value.
  ceasedConduct: (ctx, gl) => {
    const options = ctx.info.questions.find((q) => q.question === 'ceasedConduct')?.options ?? [];
    const seen = new Set();
    return choices(ctx, gl, options.map((o, i) => {
      const first = !seen.has(o.value);
      seen.add(o.value);
      return first ? { value: o.value, title: o.text } : { value: `${o.value}-${i}`, title: o.text, answer: o.value };
    }));
  },
  phase: (ctx, gl) => choices(ctx, gl, ctx.info.phases.map((p) => ({ value: p.code, title: p.label, sub: p.description }))),
  // In numeral order, never ranked; those whose windows hold the date given are marked (the core's datePlace).
  event: (ctx, gl) => {
    const place = new Map((ctx.place?.places ?? []).map((x) => [x.numeral, x.kind]));
    return choices(ctx, gl, [
      ...ctx.info.numerals.map((n) => ({
        value: n.number,
        title: `${n.number}. ${n.name}`,
        sub: `${n.paraphrase} (${n.windowText})`,
        mark: place.has(n.number) ? t(ctx.lang, place.get(n.number) === 'confirmed' ? 'dateFits' : 'dateMayFit') : null,
      })),
      { value: 'none', title: t(ctx.lang, 'eventNone'), sub: t(ctx.lang, 'eventNoneHelp') },
    ]);
  },
  label: labelForm,
  charges: chargesForm,
  factsDate: dateForm,
};

/** @param {...HTMLElement} buttons */
function buttonRow(...buttons) {
  return h('div', { class: 'actions' }, buttons);
}

/** @param {Ctx} ctx */
function labelForm(ctx) {
  const { lang } = ctx;
  const input = h('input', { type: 'text', id: 'case-label', name: 'label', maxlength: '200', autocomplete: 'off', 'aria-describedby': 'question-help' });
  if (typeof ctx.previous === 'string') input.value = ctx.previous;
  const form = h('form', { class: 'form', id: 'form-label', novalidate: true },
    h('label', { for: 'case-label', class: 'field-label', text: t(lang, 'labelField') }),
    input,
    buttonRow(
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'btn-continue', text: t(lang, 'continue') }),
      h('button', { type: 'button', class: 'btn', id: 'btn-skip', text: t(lang, 'skip'), onclick: () => ctx.onUnknown() }),
    ));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = Array.from(input.value.trim()).slice(0, 200).join('');
    if (value) ctx.onAnswer(value);
    else ctx.onUnknown();
  });
  return form;
}

/**
 * The charges: "No sé" first, the common protest charges, the other serious ones in a group
 * below (the core's `group`), each whole row a tap target, and "Continuar" kept in reach.
 * @param {Ctx} ctx
 * @param {Glossary} gl
 */
function chargesForm(ctx, gl) {
  const { lang, info } = ctx;
  const previous = new Set(Array.isArray(ctx.previous) ? ctx.previous : []);
  /** @param {import('../types.js').LawInfo['charges'][number]} charge */
  const row = (charge) => {
    const id = `charge-${charge.code}`;
    const box = h('input', { type: 'checkbox', id, name: 'charges', value: charge.code, 'aria-describedby': `${id}-help` });
    box.checked = previous.has(charge.code);
    return h('label', { class: 'check check-row', for: id },
      box,
      h('span', { class: 'check-text' },
        gl.inline(h('span', { class: 'check-label' }), charge.label),
        gl.inline(h('span', { class: 'help', id: `${id}-help` }), charge.explanation)));
  };
  const grouped = info.charges.some((c) => c.group === 'common');
  /** @type {(code: string, legend: string) => HTMLElement | null} */
  const group = (code, legend) => {
    const list = info.charges.filter((c) => (code === 'common' ? c.group === 'common' : c.group !== 'common'));
    // (one list, under the plain legend, when the core groups none as common)
    return list.length ? h('fieldset', { class: 'checks', 'data-group': code }, h('legend', { text: grouped ? legend : t(lang, 'chargesLegend') }), list.map(row)) : null;
  };
  const error = h('p', { class: 'field-error', id: 'charges-error', role: 'alert' });
  const form = h('form', { class: 'form', id: 'form-charges', novalidate: true },
    h('button', { type: 'button', class: 'btn btn-unknown', 'data-testid': 'dont-know', id: 'btn-dont-know', text: t(lang, 'dontKnow'), onclick: () => ctx.onUnknown() }),
    group('common', t(lang, 'chargesCommon')),
    group('serious', t(lang, 'chargesSerious')),
    h('button', { type: 'button', class: 'btn btn-wide', id: 'btn-charges-none', 'data-testid': 'charges-none', text: t(lang, 'chargesNone'), onclick: () => ctx.onAnswer([]) }),
    error,
    h('div', { class: 'actions sticky-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'btn-continue', text: t(lang, 'continue') })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = [.../** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name=charges]:checked'))].map((b) => b.value);
    if (picked.length) ctx.onAnswer(picked);
    else error.textContent = t(lang, 'chargesPickOne');
  });
  return form;
}

/**
 * Splits a YYYY, YYYY-MM or YYYY-MM-DD string into its parts.
 * @param {unknown} value
 */
function parts(value) {
  const [y = '', m = '', d = ''] = typeof value === 'string' ? value.split('-') : [];
  return { y, m, d };
}

/**
 * @param {Ctx} ctx
 * @param {string} prefix
 * @param {string} legendKey
 * @param {unknown} value
 */
function dateRow(ctx, prefix, legendKey, value) {
  const { lang } = ctx;
  const p = parts(value);
  /** @type {(name: string, label: string, first: string, options: string[][], current: string) => HTMLElement} */
  const sel = (name, label, first, options, current) => {
    const id = `${prefix}-${name}`;
    const select = h('select', { id, name: id },
      h('option', { value: '', text: first }),
      options.map(([v, text]) => h('option', { value: v, text })));
    select.value = current;
    return h('div', { class: `field field-${name}` }, h('label', { for: id, text: label }), select);
  };
  /** @param {number} n */
  const pad = (n) => String(n).padStart(2, '0');
  // The years the law reaches (law().period), and up to this year: acts after the period
  // can be given too, and the core says they fall outside it.
  const { period } = ctx.info;
  const lastYear = Math.max(Number(period.to.slice(0, 4)), new Date().getFullYear());
  /** @type {string[][]} */
  const years = [];
  for (let y = lastYear; y >= Number(period.from.slice(0, 4)); y -= 1) years.push([String(y), String(y)]);
  const days = Array.from({ length: 31 }, (_, i) => [pad(i + 1), String(i + 1)]);
  const months = t(lang, 'months').map((/** @type {string} */ name, /** @type {number} */ i) => [pad(i + 1), name]);
  return h('fieldset', { class: 'date-row', id: `${prefix}-row` },
    h('legend', { text: t(lang, legendKey) }),
    h('div', { class: 'date-fields' },
      sel('day', t(lang, 'day'), t(lang, 'noDay'), days, p.d),
      sel('month', t(lang, 'month'), t(lang, 'noMonth'), months, p.m),
      sel('year', t(lang, 'year'), t(lang, 'choose'), years, p.y)));
}

/**
 * Reads one row back as YYYY, YYYY-MM or YYYY-MM-DD; returns {value} or {error}.
 * @param {HTMLElement} form
 * @param {string} prefix
 * @param {string} lang
 * @returns {{ value: string, error?: undefined, focus?: undefined } | { error: string, focus: string, value?: undefined }}
 */
function readRow(form, prefix, lang) {
  /** @param {string} name */
  const get = (name) => /** @type {HTMLSelectElement} */ (form.querySelector(`#${prefix}-${name}`)).value;
  const y = get('year');
  const m = get('month');
  const d = get('day');
  if (!y) return { error: t(lang, 'dateMissingYear'), focus: `${prefix}-year` };
  if (d && !m) return { error: t(lang, 'dateDayNeedsMonth'), focus: `${prefix}-month` };
  if (d) {
    const probe = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (probe.getUTCDate() !== Number(d)) return { error: t(lang, 'dateNoSuchDay'), focus: `${prefix}-day` };
    return { value: `${y}-${m}-${d}` };
  }
  return { value: m ? `${y}-${m}` : y };
}

/** @param {Ctx} ctx */
function dateForm(ctx) {
  const { lang } = ctx;
  /** @type {{ factsDate?: string, factsDateEnd?: string }} */
  const prev = ctx.previous && typeof ctx.previous === 'object' ? ctx.previous : {};
  const isRange = Boolean(prev.factsDateEnd);
  const from = dateRow(ctx, 'date-from', isRange ? 'dateFrom' : 'dateWhen', prev.factsDate);
  const to = dateRow(ctx, 'date-to', 'dateTo', prev.factsDateEnd);
  to.hidden = !isRange;
  const rangeBox = h('input', { type: 'checkbox', id: 'date-is-range', name: 'range' });
  rangeBox.checked = isRange;
  rangeBox.addEventListener('change', () => {
    to.hidden = !rangeBox.checked;
    /** @type {HTMLLegendElement} */ (from.querySelector('legend')).textContent = t(lang, rangeBox.checked ? 'dateFrom' : 'dateWhen');
  });
  const error = h('p', { class: 'field-error', id: 'date-error', role: 'alert' });
  const form = h('form', { class: 'form', id: 'form-date', novalidate: true },
    from,
    h('div', { class: 'check check-inline' }, rangeBox, h('label', { for: 'date-is-range', text: t(lang, 'dateRange') })),
    to,
    error,
    buttonRow(
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'btn-continue', text: t(lang, 'continue') }),
      h('button', { type: 'button', class: 'btn', id: 'btn-dont-know', 'data-testid': 'dont-know', text: t(lang, 'dontKnow'), onclick: () => ctx.onUnknown() }),
    ));
  /** @type {(message: string, focusId?: string) => void} */
  const fail = (message, focusId) => {
    error.textContent = message;
    const target = focusId && /** @type {HTMLElement | null} */ (form.querySelector(`#${focusId}`));
    if (target) target.focus();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    const start = readRow(form, 'date-from', lang);
    if (start.error) return fail(start.error, start.focus);
    /** @type {{ factsDate: string, factsDateEnd?: string }} */
    const answer = { factsDate: /** @type {string} */ (start.value) };
    if (rangeBox.checked) {
      const end = readRow(form, 'date-to', lang);
      if (end.error) return fail(end.error, end.focus);
      if (end.value !== start.value) answer.factsDateEnd = /** @type {string} */ (end.value);
    }
    // The core is the judge of dates too: it explains what it rejects.
    const problem = ctx.checkDate(answer);
    if (problem) return fail(problem, answer.factsDateEnd ? 'date-to-year' : 'date-from-year');
    ctx.onAnswer(answer);
  });
  return form;
}
