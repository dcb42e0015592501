// The result screen: it shows what the core said, in the order a family
// needs it. It never works anything out about the law by itself.

import { h, icon, Glossary, confidenceBadge, outcomeInfo, outcomeTag, draftBanner, OUTCOME_ICON, EFFECT_ICON } from './dom.js';
import { t } from '../i18n.js';

// Names only, never contact details: the page must not send people anywhere unverified.
const LEGAL_AID = ['Foro Penal', 'Provea', 'Acceso a la Justicia'];

/**
 * ctx: { lang, info, assessment, caseLabels, version, onAddCase(), onPrint(), onBack(), onGoAnswer(index, question) }
 */
export function renderResult(root, ctx) {
  const { lang, info, assessment: a } = ctx;
  const gl = new Glossary(info.glossary, t(lang, 'wordsWeUse'));
  const section = h('section', { id: 'screen-result', class: 'screen', 'data-outcome': a.outcome, 'aria-labelledby': 'result-heading' });
  if (a.law.status === 'draft') section.append(draftBanner(lang, a.law.notice));
  section.append(h('h2', { id: 'result-heading', tabindex: '-1', text: t(lang, 'resultHeading') }));

  if (a.proceedings.length > 1) {
    section.append(outcomeBlock(info, a.outcome, 'outcome-overall', t(lang, 'resultOverall'), null));
    // An index of the cases, each linking to its own section below.
    section.append(h('ul', { class: 'case-index', 'data-testid': 'case-index' },
      a.proceedings.map((p, i) => h('li', {},
        h('a', { href: `#proceeding-${i}`, text: p.label || ctx.caseLabels[i] || t(lang, 'caseN', i + 1) }),
        ' ', outcomeTag(info, p.outcome)))));
  }
  a.proceedings.forEach((p, i) => section.append(proceeding(ctx, gl, p, i)));

  section.append(h('div', { class: 'actions actions-result no-print' },
    h('button', { type: 'button', class: 'btn btn-primary', id: 'btn-print', onclick: ctx.onPrint }, t(lang, 'print')),
    h('button', { type: 'button', class: 'btn', id: 'btn-add-case', onclick: ctx.onAddCase }, '+ ', t(lang, 'addCase')),
    h('button', { type: 'button', class: 'btn btn-back', id: 'btn-back', 'data-testid': 'back', onclick: ctx.onBack }, '← ', t(lang, 'changeLast'))));

  section.append(helpBlock(lang, info, gl));
  section.append(h('div', { class: 'notice', id: 'result-disclaimer', role: 'note', 'aria-label': t(lang, 'notAdviceHeading') },
    icon('alert', 'icon icon-lg'), h('div', {}, gl.block('p', a.disclaimer))));
  section.append(lawFooter(lang, a.law, ctx.version));
  root.append(section);
  return section;
}

function outcomeBlock(info, code, id, caption) {
  const o = outcomeInfo(info, code);
  return h('div', { class: `outcome out-${code}`, id, 'data-testid': id, 'data-outcome': code },
    icon(OUTCOME_ICON[code] ?? 'info', 'icon icon-xl'),
    h('div', { class: 'outcome-text' },
      caption ? h('p', { class: 'outcome-caption', text: caption }) : null,
      h('p', { class: 'outcome-label', text: o.label }),
      o.description ? h('p', { class: 'outcome-desc', text: o.description }) : null));
}

function articleList(lang, articles) {
  return h('ul', { class: 'cites', role: 'list' },
    articles.map((art) => h('li', { class: 'cite', 'data-article': art, text: t(lang, 'art', art) })));
}

function proceeding(ctx, gl, p, index) {
  const { lang, info } = ctx;
  const name = p.label || ctx.caseLabels[index] || t(lang, 'caseN', index + 1);
  const headingId = `proceeding-${index}-heading`;
  const el = h('article', { class: 'proceeding', id: `proceeding-${index}`, 'data-testid': 'proceeding', 'data-outcome': p.outcome, 'aria-labelledby': headingId });
  el.append(h('h3', { id: headingId, text: name }));
  el.append(outcomeBlock(info, p.outcome, `outcome-${index}`, null));
  el.append(gl.block('p', p.summary, { class: 'summary', 'data-testid': 'summary' }));
  if (p.articles.length) {
    el.append(h('div', { class: 'articles', 'data-testid': 'articles' },
      h('p', { class: 'mini-heading', text: t(lang, 'articlesCited') }), articleList(lang, p.articles)));
  }
  if (p.favourableReading || p.strictReading) el.append(readings(ctx, gl, p));
  if (p.answers.length) el.append(missing(ctx, gl, p, index));
  if (p.nextSteps.length) el.append(nextSteps(ctx, gl, p));
  el.append(steps(ctx, gl, p));
  if (p.wouldChange.length) {
    el.append(h('h4', { text: t(lang, 'wouldChangeHeading') }));
    el.append(h('ul', { class: 'would-change', 'data-testid': 'would-change' },
      p.wouldChange.map((c) => h('li', { 'data-fact': c.fact }, gl.inline(h('p'), c.text), outcomeTag(info, c.outcome)))));
    const notes = gl.flush();
    if (notes) el.append(notes);
  }
  return el;
}

function readings(ctx, gl, p) {
  const { lang, info } = ctx;
  const one = (reading, key, cls) => reading && h('div', { class: `reading ${cls}`, 'data-testid': cls },
    h('h5', { text: t(lang, key) }),
    h('p', { class: 'reading-outcome' }, h('span', { class: 'visually-hidden', text: t(lang, 'leadsTo') }), outcomeTag(info, reading.outcome)),
    gl.inline(h('p'), reading.text),
    reading.articles.length ? articleList(lang, reading.articles) : null);
  const box = h('div', { class: 'readings-wrap' },
    h('h4', { text: t(lang, 'readingsHeading') }),
    h('div', { class: 'readings' },
      one(p.favourableReading, 'favourable', 'reading-favourable'),
      one(p.strictReading, 'strict', 'reading-strict')));
  const notes = gl.flush();
  if (notes) box.append(notes);
  return box;
}

function missing(ctx, gl, p, index) {
  const { lang, info } = ctx;
  const box = h('div', { class: 'missing', 'data-testid': 'missing' }, h('h4', { text: t(lang, 'missingHeading') }));
  for (const qa of p.answers) {
    box.append(h('div', { class: 'missing-question', 'data-question': qa.question },
      gl.inline(h('p', { class: 'missing-prompt', id: `prompt-${index}-${qa.question}` }), qa.prompt),
      answerOptions(lang, info, qa.options),
      h('button', {
        type: 'button', class: 'btn btn-primary btn-go-answer no-print', 'data-testid': `go-answer-${qa.question}`,
        'aria-describedby': `prompt-${index}-${qa.question}`,
        onclick: () => ctx.onGoAnswer(index, qa.question),
      }, t(lang, 'goAnswer'))));
    const notes = gl.flush();
    if (notes) box.append(notes);
  }
  return box;
}

/**
 * What each answer would lead to. Answers that would settle the case are
 * listed one by one; answers that would still leave facts missing are
 * grouped in one line, so a long list of events does not bury the rest.
 */
function answerOptions(lang, info, options) {
  const still = () => outcomeTag(info, 'needs_information', t(lang, 'stillNeeds'));
  const settled = options.filter((o) => o.outcome !== 'needs_information');
  const open = options.filter((o) => o.outcome === 'needs_information');
  const grouped = open.length >= 3 || settled.length === 0;
  const list = h('ul', { class: 'options', 'data-testid': 'answer-options' },
    settled.map((o) => h('li', { 'data-outcome': o.outcome },
      h('span', { class: 'option-text', text: t(lang, 'answerOption', o.text) }), outcomeTag(info, o.outcome))),
    grouped ? null : open.map((o) => h('li', { 'data-outcome': o.outcome },
      h('span', { class: 'option-text', text: t(lang, 'answerOption', o.text) }), still())));
  if (grouped && open.length) {
    list.append(h('li', { 'data-outcome': 'needs_information' },
      h('span', { class: 'option-text', text: t(lang, settled.length ? 'otherAnswers' : 'anyAnswer') }), still(),
      open.length < 3 ? null : h('details', { class: 'option-list' },
        h('summary', { text: t(lang, 'seeAnswers', open.length) }),
        h('ul', {}, open.map((o) => h('li', { text: o.text }))))));
  }
  return list;
}

function nextSteps(ctx, gl, p) {
  const { lang, info } = ctx;
  const box = h('div', { class: 'next-steps', 'data-testid': 'next-steps' }, h('h4', { text: t(lang, 'nextStepsHeading') }));
  const list = h('ol', { class: 'next-list' });
  for (const s of p.nextSteps) {
    const li = h('li', { 'data-step': s.id });
    gl.inline(li.appendChild(h('p')), s.text);
    li.append(h('p', { class: 'meta' },
      s.article ? h('span', { class: 'cite', text: t(lang, 'art', s.article) }) : null,
      confidenceBadge(info, s.confidence)));
    const notes = gl.flush();
    if (notes) li.append(notes);
    list.append(li);
  }
  box.append(list);
  return box;
}

function steps(ctx, gl, p) {
  const { lang, info } = ctx;
  const box = h('div', { class: 'why', 'data-testid': 'explanation' }, h('h4', { text: t(lang, 'why') }));
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
      h('dd', { text: c.explanation ?? c.description }),
    ]))));
  return box;
}

function quoteList(lang, items) {
  const q = items.map((x) => (lang === 'es' ? `«${x}»` : `“${x}”`));
  return q.length < 2 ? q.join('') : `${q.slice(0, -1).join(', ')} ${t(lang, 'and')} ${q[q.length - 1]}`;
}

function helpBlock(lang, info, gl) {
  const art15 = info.articles.find((a) => a.number === '15');
  return h('div', { class: 'help-block', id: 'help-block' },
    h('h3', { text: t(lang, 'helpHeading') }),
    h('ul', {},
      h('li', {},
        h('strong', { text: art15 ? `${t(lang, 'art', '15')}: ${art15.heading}` : t(lang, 'helpCommission') }),
        art15 ? gl.inline(h('p'), art15.paraphrase) : null),
      h('li', {},
        h('p', { text: t(lang, 'helpOrgs') }),
        h('ul', { class: 'orgs' }, LEGAL_AID.map((name) => h('li', { lang: 'es', text: name }))),
        h('p', { class: 'help', text: t(lang, 'helpOrgsNote') }))),
    gl.flush());
}

/** Title, status, id and rules version: shown under every result. */
export function lawFooter(lang, law, version) {
  const row = (label, value, id) => [h('dt', { text: label }), h('dd', { id, text: value })];
  return h('footer', { class: 'law-footer', id: 'law-footer', 'data-testid': 'law-footer' },
    h('p', { class: 'law-title' }, h('strong', { text: `${t(lang, 'lawFooter')}: ` }), h('span', { lang: 'es', text: law.title })),
    law.status !== 'draft' && law.notice ? h('p', { class: 'law-notice', id: 'law-notice', text: law.notice }) : null,
    h('dl', {},
      row(`${t(lang, 'lawId')}:`, `${law.id} (${t(lang, 'lawStatus')[law.status] ?? law.status})`, 'law-id'),
      law.gaceta ? row(`${t(lang, 'gaceta')}:`, law.gaceta, 'law-gaceta') : null,
      row(`${t(lang, 'rulesVersion')}:`, law.rulesVersion, 'law-rules-version'),
      law.lastReviewed ? row(`${t(lang, 'lastReviewed')}:`, law.lastReviewed, 'law-reviewed') : null,
      version ? row(`${t(lang, 'coreVersion')}:`, version, 'core-version') : null));
}
