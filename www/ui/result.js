// The result screen: it shows what the core said, in the order a family
// needs it. It never works anything out about the law by itself.

import { h, icon, Glossary, confidenceBadge, outcomeInfo, outcomeTag, draftBanner, OUTCOME_ICON, EFFECT_ICON } from './dom.js';
import { t, addStrings } from '../i18n.js';

/** @typedef {import('../types.js').ResultContext} Ctx */
/** @typedef {import('../types.js').LawInfo} LawInfo */
/** @typedef {import('../types.js').Assessment} Assessment */
/** @typedef {import('../types.js').ProceedingAssessment} Proceeding */
/** @typedef {Proceeding['nextSteps'][number]} NextStep */
/** @typedef {import('./dom.js').Child} Child */
/** @typedef {(p: Proceeding, i: number) => string} NameOf */

// The Spanish strings of the result and print views (English: i18n-en.js).
addStrings({
  nowHeading: 'Lo que debe hacer ahora',
  informationAsOf: (date) => `Información legal al ${date}.`,
  saveCase: 'Guardar el caso en un archivo',
  allStepsHeading: 'Todos los pasos a seguir',
  notRestoredHeading: 'Lo que la ley no devuelve',
  technicalHeading: 'Datos técnicos',
  whatEachAnswer: 'Qué cambiaría cada respuesta',
  printCourt: 'Tribunal',
  printCaseNumber: 'Número de expediente',
  printReason: 'Por qué',
  notAsked: 'No preguntado (no cambia el resultado)',
  resultOverall: 'Resultado general',
  articlesCited: 'Artículos en los que se basa',
  why: 'Por qué, paso a paso',
  art: (a) => `Art. ${a}`,
  confidenceWhat: (labels) => `¿Qué quieren decir las etiquetas ${labels}?`,
  readingsHeading: 'Dos maneras de leer la ley',
  // The article numbers come from the law in use (law(), by the rules data's `pair` keys).
  favourable: (art) => (art ? `Lectura favorable (artículo ${art})` : 'Lectura favorable'),
  strict: 'Lectura estricta',
  leadsTo: 'Resultado:',
  missingAlso: 'También falta saber:',
  missingHeading: 'Falta saber esto',
  goAnswer: 'Responder esta pregunta',
  wouldChangeHeading: 'Qué cambiaría el resultado',
  helpHeading: 'Dónde buscar ayuda',
  addCase: 'Añadir otra causa',
  changeLast: 'Cambiar la última respuesta',
  print: 'Imprimir / guardar para su abogado',
  lawFooter: 'Ley aplicada',
  lawId: 'Versión',
  lastReviewed: 'Revisado el',
  gaceta: 'Gaceta Oficial',
  coreVersion: 'Verificador',
  manifestLabel: 'Huellas (SHA-256) de esta versión',
  manifestWhere: 'pkg/manifest.json, junto a la página del verificador (README, «Verificar una copia»)',
  effect: {
    pass: 'No impide',
    notCovered: 'Excluye',
    uncertain: 'Punto dudoso',
    open: 'Falta un dato',
    notInThisText: 'No está en este texto',
    note: 'Nota',
  },
  printHeading: 'Resumen para su abogado',
  printDate: 'Fecha de la consulta',
  printAnswers: 'Respuestas dadas',
  printNextSteps: 'Próximos pasos',
  sameStepsAs: (name) => `los mismos que en «${name}».`,
  factSituation: 'Situación',
  // The facts' names, also added by ui/screening.js: either part may come first.
  factCeased: 'Actividades que se le atribuyen',
  factDate: 'Fecha de los hechos',
  factEvent: (art) => (art ? `Suceso (artículo ${art})` : 'Suceso'),
  factCharges: 'Cargos',
  factMilitary: 'Justicia militar',
  factAbroad: 'En el exterior',
  factPhase: 'Etapa',
  noCharges: 'Ninguno',
  between: (a, b) => `entre ${a} y ${b}`,
});

/**
 * ctx: { lang, info, assessment, caseLabels, version, onAddCase(), onPrint(), onSave(), onBack(), onGoAnswer(index, question) }
 *
 * The first screen answers the family's question and says what to do now: the headline, each
 * case's reason, the three most urgent next steps (the core ranks them), the date the legal
 * information runs to, and the print button. Everything else is one tap away, in <details>.
 * @param {HTMLElement} root
 * @param {Ctx} ctx
 */
export function renderResult(root, ctx) {
  const { lang, info, assessment: a } = ctx;
  const gl = new Glossary(info.glossary, t(lang, 'wordsWeUse'));
  /** @type {NameOf} */
  const name = (p, i) => p.label || ctx.caseLabels[i] || t(lang, 'caseN', i + 1);
  const several = a.proceedings.length > 1;
  const section = h('section', { id: 'screen-result', class: 'screen', 'data-outcome': a.outcome, 'aria-labelledby': 'result-heading' });
  if (a.law.status === 'draft') section.append(draftBanner(lang, a.law.notice));
  // The heading is the answer itself: the outcome (of the whole case, when there are several).
  if (several) {
    // A mixed result: right under the answer, the core's warning (a case the law does not cover
    // can keep the person detained), then each case with its outcome.
    section.append(outcomeBlock(info, a.outcome, 'outcome-overall', t(lang, 'resultOverall'), true, !a.warning));
    if (a.warning) section.append(h('p', { class: 'warning', id: 'result-warning', role: 'note' }, icon('alert', 'icon icon-lg'), h('strong', { text: a.warning })));
    section.append(h('ul', { class: 'case-list', 'data-testid': 'case-index' },
      a.proceedings.map((p, i) => h('li', { class: `case-row out-${p.outcome}`, id: `proceeding-${i}`, 'data-testid': 'proceeding', 'data-outcome': p.outcome },
        h('h3', { id: `proceeding-${i}-heading` }, h('span', { class: 'case-name', text: name(p, i) }), ' ', outcomeTag(info, p.outcome)),
        p.reason ? gl.inline(h('p', { class: 'reason', 'data-testid': 'reason' }), p.reason) : null))));
  } else {
    const p = a.proceedings[0];
    section.append(h('div', { class: 'proceeding', id: 'proceeding-0', 'data-testid': 'proceeding', 'data-outcome': p.outcome },
      // With the core's reason, the outcome's general description would say less, twice.
      outcomeBlock(info, p.outcome, 'outcome-0', null, true, !p.reason),
      p.reason ? gl.inline(h('p', { class: 'reason', 'data-testid': 'reason' }), p.reason) : null));
  }
  // On the first screen the terms used are explained one tap away, not in a box that pushes the steps down.
  const terms = () => {
    const notes = gl.flush();
    return notes ? h('details', { class: 'terms' }, h('summary', { text: t(lang, 'wordsWeUse') }), notes) : null;
  };
  const reasonTerms = terms();
  if (reasonTerms) section.append(reasonTerms);

  // What the core still needs to know: one "Responder" per question.
  const open = a.proceedings.map((p, i) => /** @type {[Proceeding, number]} */ ([p, i])).filter(([p]) => p.answers.length);
  if (open.length) section.append(missing(ctx, gl, open, several ? name : null));

  // Printing for the lawyer comes before the steps, so that it is in reach on a phone's first screens.
  section.append(h('div', { class: 'actions actions-result no-print' },
    h('button', { type: 'button', class: 'btn btn-primary', id: 'btn-print', onclick: ctx.onPrint }, t(lang, 'print')),
    h('button', { type: 'button', class: 'btn', id: 'btn-save', onclick: ctx.onSave }, t(lang, 'saveCase'))));
  section.append(nowSteps(ctx, gl, a, terms, name));
  if (a.law.informationAsOf) {
    section.append(h('p', { class: 'as-of', id: 'information-as-of', text: t(lang, 'informationAsOf', longDate(lang, a.law.informationAsOf)) }));
  }

  // One tap away.
  const more = h('div', { class: 'more', id: 'result-more' });
  more.append(disclosure('more-why', t(lang, 'why'), a.proceedings.map((p, i) => caseBlock(ctx, several ? name(p, i) : null, p, i, (g) => [
    g.block('p', p.summary, { class: 'summary', 'data-testid': 'summary' }),
    steps(ctx, g, p),
    p.wouldChange.length ? wouldChange(ctx, g, p) : null,
  ]))));
  if (a.proceedings.some((p) => p.favourableReading || p.strictReading)) {
    more.append(disclosure('more-readings', t(lang, 'readingsHeading'), a.proceedings.map((p, i) => (p.favourableReading || p.strictReading
      ? caseBlock(ctx, several ? name(p, i) : null, p, i, (g) => [readings(ctx, g, p)]) : null))));
  }
  const allSteps = a.proceedings.map((p, i) => /** @type {[Proceeding, number]} */ ([p, i])).filter(([p]) => p.nextSteps.some((s) => s.id !== NOT_RESTORED));
  if (allSteps.length) {
    more.append(disclosure('more-steps', t(lang, 'allStepsHeading'), allSteps.map(([p, i]) => caseBlock(ctx, several ? name(p, i) : null, p, i,
      (g) => [nextSteps(ctx, g, p.nextSteps.filter((s) => s.id !== NOT_RESTORED))]))));
  }
  const notRestored = a.proceedings.flatMap((p) => p.nextSteps.filter((s) => s.id === NOT_RESTORED)).slice(0, 1);
  if (notRestored.length) {
    more.append(disclosure('more-not-restored', t(lang, 'notRestoredHeading'), [nextSteps(ctx, new Glossary(info.glossary, t(lang, 'wordsWeUse')), notRestored)]));
  }
  if (info.help.length) more.append(disclosure('more-help', t(lang, 'helpHeading'), [helpBlock(lang, info)]));
  more.append(disclosure('more-technical', t(lang, 'technicalHeading'), [lawFooter(lang, a.law, ctx.version)]));
  section.append(more);

  section.append(h('div', { class: 'actions actions-secondary no-print' },
    h('button', { type: 'button', class: 'btn', id: 'btn-add-case', onclick: ctx.onAddCase }, '+ ', t(lang, 'addCase')),
    h('button', { type: 'button', class: 'btn btn-back', id: 'btn-back', 'data-testid': 'back', onclick: ctx.onBack }, '← ', t(lang, 'changeLast'))));
  section.append(h('div', { class: 'notice', id: 'result-disclaimer', role: 'note', 'aria-label': t(lang, 'notAdviceHeading') },
    icon('alert', 'icon icon-lg'), h('div', {}, h('p', { text: a.disclaimer }))));
  root.append(section);
  return section;
}

// The next step about what the law does not give back: shown apart, one tap away.
const NOT_RESTORED = 'not_restored';

/**
 * A labelled, keyboard-operable disclosure.
 * @param {string} id
 * @param {string} label
 * @param {Child[]} children
 */
function disclosure(id, label, children) {
  return h('details', { class: 'disclosure', id, 'data-testid': id }, h('summary', { text: label }), h('div', { class: 'disclosure-body' }, children));
}

/**
 * One case's part of a disclosure, under its name when there are several.
 * @param {Ctx} ctx
 * @param {string | null} name
 * @param {Proceeding} p
 * @param {number} index
 * @param {(gl: Glossary) => Child[]} body
 */
function caseBlock(ctx, name, p, index, body) {
  const gl = new Glossary(ctx.info.glossary, t(ctx.lang, 'wordsWeUse'));
  const parts = body(gl);
  const notes = gl.flush();
  return h('div', { class: 'case-block', 'data-case': String(index) }, name ? h('h3', { text: name }) : null, parts, notes);
}

/**
 * "Lo que debe hacer ahora": the three most urgent next steps of all the cases (the core ranks them).
 * @param {Ctx} ctx
 * @param {Glossary} gl
 * @param {Assessment} a
 * @param {() => HTMLElement | null} terms
 * @param {NameOf} name
 */
function nowSteps(ctx, gl, a, terms, name) {
  /** @type {Map<string, string[]>} */
  const cases = new Map(); // step id -> the cases that have it
  /** @type {NextStep[]} */
  const all = [];
  a.proceedings.forEach((p, i) => {
    for (const s of p.nextSteps) {
      if (s.id === NOT_RESTORED) continue;
      if (!cases.has(s.id)) { cases.set(s.id, []); all.push(s); }
      /** @type {string[]} */ (cases.get(s.id)).push(name(p, i));
    }
  });
  all.sort((x, y) => x.priority - y.priority);
  const box = h('div', { class: 'now', id: 'next-now', 'data-testid': 'next-now' }, h('h3', { text: t(ctx.lang, 'nowHeading') }));
  const list = h('ol', { class: 'now-list' });
  for (const s of all.slice(0, 3)) {
    // The core's one-line form of the step; the whole text is under "Todos los pasos".
    const li = gl.inline(h('li', { 'data-step': s.id }), s.short);
    // With several cases, a step that is not for all of them says which it is for.
    const names = /** @type {string[]} */ (cases.get(s.id));
    if (a.proceedings.length > 1 && names.length < a.proceedings.length) li.append(' ', h('span', { class: 'step-case', text: `(${names.join(', ')})` }));
    list.append(li);
  }
  box.append(list);
  const notes = terms();
  if (notes) box.append(notes);
  return box;
}

/**
 * The number of the article that holds a part of the law in use, by the rules data's
 * `pair` key (`events`, `favourable`, …), from law(): Art. 8 and Art. 5 in the enacted
 * text, Art. 6 and Art. 5 in the draft. Undefined where the law has no such article.
 * @param {LawInfo} info
 * @param {string} pair
 */
export const articleOf = (info, pair) => info.articles.find((a) => a.pair === pair)?.number;

/**
 * A citation as people read it: "8.12" becomes the core's "artículo 8, numeral 12"
 * (law().labelCite); an article alone stays short, "Art. 9".
 * @param {string} lang
 * @param {LawInfo} info
 * @param {string} cite
 */
export function citeWords(lang, info, cite) {
  const [article, numeral] = cite.split('.');
  return numeral === undefined ? t(lang, 'art', article)
    : info.labelCite.replace('{article}', article).replace('{numeral}', numeral);
}

/**
 * A date of the contract (YYYY, YYYY-MM or YYYY-MM-DD) written out: "17 de marzo de 2026".
 * @param {string} lang
 * @param {string} iso
 * @returns {string}
 */
export function longDate(lang, iso) {
  const [y, m, d] = String(iso).split('-');
  const month = m ? t(lang, 'months')[Number(m) - 1] : '';
  if (lang === 'en') return [d ? Number(d) : '', month ? month.charAt(0).toUpperCase() + month.slice(1) : '', y].filter(Boolean).join(' ');
  if (d) return `${Number(d)} de ${month} de ${y}`;
  return month ? `${month} de ${y}` : y;
}

/**
 * @param {Ctx} ctx
 * @param {Glossary} gl
 * @param {Proceeding} p
 */
function wouldChange(ctx, gl, p) {
  return [h('h4', { text: t(ctx.lang, 'wouldChangeHeading') }),
    h('ul', { class: 'would-change', 'data-testid': 'would-change' },
      p.wouldChange.map((c) => h('li', { 'data-fact': c.fact }, gl.inline(h('p'), c.text), outcomeTag(ctx.info, c.outcome))))];
}

/**
 * The headline: icon, label and description; `heading`: the label is the result's heading.
 * @param {LawInfo} info
 * @param {string} code
 * @param {string} id
 * @param {string | null} caption
 */
function outcomeBlock(info, code, id, caption, heading = false, describe = true) {
  const o = outcomeInfo(info, code);
  return h('div', { class: `outcome out-${code}`, id, 'data-testid': id, 'data-outcome': code },
    icon(OUTCOME_ICON[code] ?? 'info', 'icon icon-xl'),
    h('div', { class: 'outcome-text' },
      caption ? h('p', { class: 'outcome-caption', text: caption }) : null,
      heading ? h('h2', { class: 'outcome-label', id: 'result-heading', tabindex: '-1', text: o.label }) : h('p', { class: 'outcome-label', text: o.label }),
      describe && o.description ? h('p', { class: 'outcome-desc', text: o.description }) : null));
}

/**
 * Both readings of the law, each with where it leads.
 * @param {Ctx} ctx
 * @param {Glossary} gl
 * @param {Proceeding} p
 */
function readings(ctx, gl, p) {
  const { lang, info } = ctx;
  /** @type {(reading: import('../types.js').Reading | null, key: string, cls: string) => Child} */
  const one = (reading, key, cls) => reading && h('div', { class: `reading ${cls}`, 'data-testid': cls },
    h('h4', { text: t(lang, key, articleOf(info, key)) }),
    h('p', { class: 'reading-outcome' }, h('span', { class: 'visually-hidden', text: t(lang, 'leadsTo') }), outcomeTag(info, reading.outcome)),
    gl.inline(h('p'), reading.text));
  return h('div', { class: 'readings' },
    one(p.favourableReading, 'favourable', 'reading-favourable'),
    one(p.strictReading, 'strict', 'reading-strict'));
}

/**
 * "Faltan datos": each question the core still needs, with its prompt and one "Responder";
 * what each answer would lead to is one tap away.
 * @param {Ctx} ctx
 * @param {Glossary} gl
 * @param {[Proceeding, number][]} open
 * @param {NameOf | null} name
 */
function missing(ctx, gl, open, name) {
  const { lang, info } = ctx;
  const box = h('div', { class: 'missing', 'data-testid': 'missing' }, h('h3', { text: t(lang, 'missingHeading') }));
  let count = 0;
  for (const [p, index] of open) {
    if (name) box.append(h('p', { class: 'mini-heading', text: name(p, index) }));
    for (const qa of p.answers) {
      // The first fact the core needs leads; the others follow, each with its own "Responder".
      count += 1;
      if (count === 2 && !name) box.append(h('p', { class: 'mini-heading', text: t(lang, 'missingAlso') }));
      box.append(h('div', { class: `missing-question${count === 1 ? ' missing-first' : ''}`, 'data-question': qa.question },
        gl.inline(h('p', { class: 'missing-prompt', id: `prompt-${index}-${qa.question}` }), qa.prompt),
        h('button', {
          type: 'button', class: 'btn btn-primary btn-go-answer no-print', 'data-testid': `go-answer-${qa.question}`,
          'aria-describedby': `prompt-${index}-${qa.question}`,
          onclick: () => ctx.onGoAnswer(index, qa.question),
        }, t(lang, 'goAnswer')),
        qa.options.length ? h('details', { class: 'option-list' },
          h('summary', { text: t(lang, 'whatEachAnswer') }),
          h('ul', { class: 'options', 'data-testid': 'answer-options' }, qa.options.map((o) => h('li', { 'data-outcome': o.outcome },
            h('span', { class: 'option-text', text: o.text }), ' ', outcomeTag(info, o.outcome))))) : null));
    }
  }
  const notes = gl.flush();
  if (notes) box.append(notes);
  return box;
}

/**
 * @param {Ctx} ctx
 * @param {Glossary} gl
 * @param {NextStep[]} list0
 */
function nextSteps(ctx, gl, list0) {
  const { info } = ctx;
  const box = h('div', { class: 'next-steps', 'data-testid': 'next-steps' });
  const list = h('ol', { class: 'next-list' });
  for (const s of list0) {
    const li = h('li', { 'data-step': s.id });
    gl.inline(li.appendChild(h('p')), s.text);
    li.append(h('p', { class: 'meta' }, confidenceBadge(info, s.confidence)));
    const notes = gl.flush();
    if (notes) li.append(notes);
    list.append(li);
  }
  box.append(list);
  return box;
}

/**
 * @param {Ctx} ctx
 * @param {Glossary} gl
 * @param {Proceeding} p
 */
function steps(ctx, gl, p) {
  const { lang, info } = ctx;
  const box = h('div', { class: 'why', 'data-testid': 'explanation' });
  const list = h('ol', { class: 'steps' });
  for (const s of p.explanation) {
    const li = h('li', { class: `step eff-${s.effect}`, 'data-kind': s.kind, 'data-effect': s.effect });
    li.append(h('p', { class: 'step-head' },
      icon(EFFECT_ICON[s.effect] ?? 'info', 'icon icon-sm'),
      h('span', { class: 'effect', text: t(lang, 'effect')[s.effect] ?? s.effect }),
      s.article ? h('span', { class: 'cite', 'data-article': s.article, text: t(lang, 'art', s.article) }) : null,
      confidenceBadge(info, s.confidence)));
    gl.inline(li.appendChild(h('p', { class: 'step-text' })), s.text);
    const notes = gl.flush();
    if (notes) li.append(notes);
    list.append(li);
  }
  box.append(list);
  box.append(h('details', { class: 'confidence-help no-print' },
    h('summary', { text: t(lang, 'confidenceWhat', quoteList(lang, info.confidenceLevels.map((c) => c.label))) }),
    h('dl', {}, info.confidenceLevels.map((c) => [
      h('dt', {}, confidenceBadge(info, c.code)),
      h('dd', { text: c.description }),
    ]))));
  return box;
}

/**
 * @param {string} lang
 * @param {string[]} items
 */
function quoteList(lang, items) {
  const q = items.map((x) => (lang === 'es' ? `«${x}»` : `“${x}”`));
  return q.length < 2 ? q.join('') : `${q.slice(0, -1).join(', ')} ${t(lang, 'and')} ${q[q.length - 1]}`;
}

/**
 * Where to find help: the core's list (the Defensa Pública first; organisations by name only).
 * @param {string} lang
 * @param {LawInfo} info
 */
function helpBlock(lang, info) {
  return h('div', { class: 'help-block', id: 'help-block' },
    h('ul', { class: 'orgs' }, info.help.map((x) => h('li', {},
      h('strong', { lang: 'es', text: x.name }), x.description ? h('p', { text: x.description }) : null))));
}

/**
 * Title, status, id and rules version: shown under every result.
 * @param {string} lang
 * @param {Assessment['law']} law
 * @param {string} version
 */
export function lawFooter(lang, law, version) {
  /** @type {(label: string, value: string, id: string) => HTMLElement[]} */
  const row = (label, value, id) => [h('dt', { text: label }), h('dd', { id, text: value })];
  return h('footer', { class: 'law-footer', id: 'law-footer', 'data-testid': 'law-footer' },
    h('p', { class: 'law-title' }, h('strong', { text: `${t(lang, 'lawFooter')}: ` }), h('span', { lang: 'es', text: law.title })),
    law.status !== 'draft' && law.notice ? h('p', { class: 'law-notice', id: 'law-notice', text: law.notice }) : null,
    h('dl', {},
      row(`${t(lang, 'lawId')}:`, `${law.id} (${t(lang, 'lawStatus')[law.status] ?? law.status})`, 'law-id'),
      law.gaceta ? row(`${t(lang, 'gaceta')}:`, law.gaceta, 'law-gaceta') : null,
      row(`${t(lang, 'rulesVersion')}:`, law.rulesVersion, 'law-rules-version'),
      law.lastReviewed ? row(`${t(lang, 'lastReviewed')}:`, law.lastReviewed, 'law-reviewed') : null,
      version ? row(`${t(lang, 'coreVersion')}:`, version, 'core-version') : null,
      // The build manifest (scripts/build-manifest.mjs): every file's SHA-256, the commit, the rules versions.
      row(`${t(lang, 'manifestLabel')}:`, t(lang, 'manifestWhere'), 'build-manifest')));
}
