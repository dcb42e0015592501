// The page: loads the rules core (WebAssembly), runs the interview one
// question at a time, and shows what the core answers. JS never decides
// whether the law applies: after each answer it asks the core, and the next
// question is the first fact the core says it still needs.
//
// Nothing leaves this device and nothing is stored: every answer lives in
// the `state` object below and is gone when the tab closes or on "Borrar todo".

import { t } from './i18n.js';
import { h, clear } from './ui/dom.js';
import { renderStart } from './ui/start.js';
import { renderQuestion } from './ui/questions.js';
import { renderResult, draftBanner } from './ui/result.js';
import { renderPrintSummary } from './ui/print.js';

const LOAD_TIMEOUT_MS = 60000;
const SLOW_NOTICE_MS = 8000;
const MAX_PROCEEDINGS = 50;
const FACT_KEYS = { factsDate: ['factsDate', 'factsDateEnd'], event: ['event'], charges: ['charges'], militaryJustice: ['militaryJustice'], phase: ['phase'], label: ['label'] };
const PERSON_KEYS = ['situation', 'abroad', 'ceasedConduct'];

const main = document.getElementById('main');
const printRoot = document.getElementById('print-root');
const announcer = document.getElementById('announcer');

const core = { mod: null, version: '', info: new Map(), importFailed: false, attempt: 0 };
let lang = 'es';
let state = freshState();

function freshState() {
  return {
    lawId: undefined, // undefined: the core's default (the enacted text)
    person: {}, // only known facts; an unknown fact is an absent key
    personAsked: [],
    proceedings: [],
    current: 0,
    screen: { name: 'start' },
    history: [],
  };
}

const newProceeding = () => ({ facts: {}, asked: [] });

/* ---------- the core ---------- */

function lawInfo() {
  const key = `${lang}|${state.lawId ?? ''}`;
  if (!core.info.has(key)) core.info.set(key, core.mod.law(lang, state.lawId));
  return core.info.get(key);
}

/** The case object of the contract: unknown facts are simply left out. */
function buildCase(proceedings = state.proceedings) {
  const c = { person: { ...state.person }, proceedings: proceedings.map((p) => ({ ...p.facts })) };
  if (state.lawId) c.law = state.lawId;
  return c;
}

/** Asks the core; on an error shows the error panel and returns null. */
function assess() {
  try {
    return core.mod.evaluate(buildCase(), lang);
  } catch (err) {
    showError('eval', err);
    return null;
  }
}

/** The core's message for a date it rejects, or null when it takes it. */
function checkDate(answer) {
  const i = state.current;
  const trial = state.proceedings.map((p, k) => (k === i ? { facts: { ...p.facts, ...answer } } : p));
  if (!answer.factsDateEnd) delete trial[i].facts.factsDateEnd;
  try {
    core.mod.evaluate(buildCase(trial), lang);
    return null;
  } catch (err) {
    if (err && err.code === 'invalid_date_range') return t(lang, 'dateRangeOrder');
    if (err && err.code === 'invalid_date') return err.message || t(lang, 'dateNoSuchDay');
    return null; // anything else surfaces through the normal flow
  }
}

/* ---------- the interview ---------- */

/** The next screen: person questions once, then what the core still needs. */
function nextScreen() {
  const asked = (k) => state.personAsked.includes(k);
  if (!asked('situation')) return { name: 'question', q: { kind: 'situation' } };
  if (!asked('abroad')) return { name: 'question', q: { kind: 'abroad' } };
  const index = state.current;
  const p = state.proceedings[index];
  if (!p.asked.includes('label')) return { name: 'question', q: { kind: 'label', index } };
  const a = assess();
  if (!a) return null;
  for (const fact of a.proceedings[index].questions) {
    if (fact === 'ceasedConduct') {
      if (!asked('ceasedConduct')) return { name: 'question', q: { kind: fact, index } };
    } else if (!p.asked.includes(fact)) {
      return { name: 'question', q: { kind: fact, index } };
    }
  }
  if (!p.asked.includes('phase')) return { name: 'question', q: { kind: 'phase', index } };
  return { name: 'result' };
}

function snapshot() {
  const { history, screen, ...rest } = state;
  return structuredClone(rest);
}

function go(screen, remember) {
  if (!screen) return; // the error panel is already showing
  if (remember) state.history.push({ screen: remember, saved: snapshot() });
  state.screen = screen;
  render({ focus: true });
}

/** The current value of a question's fact, for pre-filling. */
function currentValue(q) {
  if (PERSON_KEYS.includes(q.kind)) return state.person[q.kind];
  const facts = state.proceedings[q.index].facts;
  if (q.kind === 'factsDate') return facts.factsDate === undefined ? undefined : { factsDate: facts.factsDate, factsDateEnd: facts.factsDateEnd };
  return facts[q.kind];
}

function answer(q, value) {
  const remember = { name: 'question', q, previous: value };
  const saved = snapshot();
  if (PERSON_KEYS.includes(q.kind)) {
    if (value === undefined) delete state.person[q.kind];
    else state.person[q.kind] = value;
    if (!state.personAsked.includes(q.kind)) state.personAsked.push(q.kind);
  } else {
    const p = state.proceedings[q.index];
    for (const key of FACT_KEYS[q.kind]) delete p.facts[key];
    if (value !== undefined) Object.assign(p.facts, q.kind === 'factsDate' ? value : { [q.kind]: value });
    if (!p.asked.includes(q.kind)) p.asked.push(q.kind);
  }
  state.history.push({ screen: remember, saved });
  go(nextScreen());
}

function goBack() {
  const entry = state.history.pop();
  if (!entry) return eraseAll();
  Object.assign(state, entry.saved);
  state.screen = entry.screen;
  render({ focus: true });
}

function start() {
  if (!state.proceedings.length) state.proceedings.push(newProceeding());
  state.current = 0;
  go(nextScreen(), { name: 'start' });
}

function changeLaw(lawId) {
  state.lawId = lawId;
  render();
  main.querySelector('#law-select')?.focus();
}

function addCase() {
  if (state.proceedings.length >= MAX_PROCEEDINGS) return;
  const saved = snapshot();
  state.proceedings.push(newProceeding());
  state.current = state.proceedings.length - 1;
  state.history.push({ screen: { name: 'result' }, saved });
  go(nextScreen());
}

function goAnswer(index, fact) {
  state.current = index;
  const q = { kind: fact, index };
  go({ name: 'question', q, previous: currentValue(q) }, { name: 'result' });
}

function eraseAll() {
  state = freshState();
  clear(main);
  clear(printRoot);
  announcer.textContent = '';
  if (!core.mod) return boot(); // still loading, or loading failed: start that over
  render({ focus: true });
  announce(t(lang, 'erased'));
}

/* ---------- screens ---------- */

function announce(text) {
  announcer.textContent = '';
  // A fresh text node in a later task makes screen readers read it again.
  setTimeout(() => { announcer.textContent = text; }, 50);
}

let renders = 0;

function render({ focus = false } = {}) {
  clear(main);
  const screen = state.screen;
  // For tests and styles: which screen is showing, and a counter that changes on every render.
  main.dataset.screen = screen.name;
  main.dataset.render = String(++renders);
  main.dataset.question = screen.name === 'question' ? screen.q.kind : '';
  if (screen.name === 'loading') return renderLoading();
  if (screen.name === 'error') return renderError(focus);
  try {
    if (screen.name === 'start') {
      renderStart(main, { lang, info: lawInfo(), onStart: start, onLawChange: changeLaw });
    }
    else if (screen.name === 'question') renderQuestionScreen(screen);
    else if (screen.name === 'result') renderResultScreen(focus);
  } catch (err) {
    return showError('eval', err);
  }
  if (focus) {
    const target = main.querySelector('[tabindex="-1"]');
    if (target) target.focus();
  }
}

function renderLoading(slow = false) {
  main.append(h('section', { id: 'screen-loading', class: 'screen loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    h('p', { text: t(lang, 'loading') }),
    slow ? h('p', { class: 'help', text: t(lang, 'loadingSlow') }) : null));
}

function renderQuestionScreen(screen) {
  const info = lawInfo();
  const { q } = screen;
  if (info.status === 'draft') main.append(draftBanner(lang, info.notice));
  const p = q.index === undefined ? null : state.proceedings[q.index];
  const personal = PERSON_KEYS.includes(q.kind);
  const context = personal ? t(lang, 'stepPerson') : t(lang, 'stepCase', q.index + 1, p.facts.label);
  renderQuestion(main, {
    lang,
    info,
    q,
    context,
    previous: 'previous' in screen ? screen.previous : currentValue(q),
    onAnswer: (value) => answer(q, value),
    onUnknown: () => answer(q, undefined),
    onBack: goBack,
    checkDate,
  });
}

function renderResultScreen(focus) {
  const a = assess();
  if (!a) return;
  const info = lawInfo();
  const labels = state.proceedings.map((p, i) => p.facts.label || t(lang, 'caseN', i + 1));
  const section = renderResult(main, {
    lang, info, assessment: a, caseLabels: labels, version: core.version,
    onAddCase: addCase, onPrint: () => window.print(), onBack: goBack, onGoAnswer: goAnswer,
  });
  if (state.proceedings.length >= MAX_PROCEEDINGS) section.querySelector('#btn-add-case')?.remove();
  clear(printRoot);
  printRoot.append(renderPrintSummary({
    lang, info, assessment: a, person: state.person,
    proceedings: buildCase().proceedings, caseLabels: labels,
  }));
  if (focus) {
    const label = info.outcomes.find((o) => o.code === a.outcome)?.label ?? a.outcome;
    announce(t(lang, 'resultAnnounce', label));
  }
}

/* ---------- errors ---------- */

function errorCode(kind, err) {
  if (err && typeof err.code === 'string' && err.code) return err.code;
  if (kind === 'load') return err && err.name === 'TimeoutError' ? 'load_timeout' : 'wasm_load_failed';
  return 'internal_error';
}

function showError(kind, err) {
  state.screen = { name: 'error', kind, code: errorCode(kind, err), detail: kind === 'eval' && err && err.message ? String(err.message) : '' };
  clear(printRoot);
  render({ focus: true });
}

function renderError(focus) {
  const { kind, code, detail } = state.screen;
  const section = h('section', { id: 'error-panel', class: 'screen error-panel', role: 'alert', 'aria-labelledby': 'error-heading' },
    h('h2', { id: 'error-heading', tabindex: '-1', text: t(lang, 'errorHeading') }),
    h('p', { text: t(lang, kind === 'load' ? 'errorLoad' : 'errorEval') }),
    detail ? h('p', { class: 'help', text: detail }) : null,
    h('p', {}, `${t(lang, 'errorCode')}: `, h('code', { id: 'error-code', text: code })),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-primary', id: 'btn-retry', onclick: () => retry(kind) }, t(lang, 'retry')),
      h('button', { type: 'button', class: 'btn', id: 'btn-restart', onclick: eraseAll }, t(lang, 'restart'))));
  main.append(section);
  if (focus) section.querySelector('#error-heading').focus();
}

function retry(kind) {
  if (kind === 'load' || !core.mod) return boot();
  // An evaluation failed: go back to where the user was and try that step again.
  const entry = state.history[state.history.length - 1];
  state.screen = entry ? entry.screen : { name: 'start' };
  if (entry) { state.history.pop(); Object.assign(state, entry.saved); }
  render({ focus: true });
}

/* ---------- loading ---------- */

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

async function loadCore() {
  // A failed import may be remembered by the browser: ask again under a fresh URL.
  const url = core.importFailed ? `./pkg/amnistia.js?retry=${core.attempt}` : './pkg/amnistia.js';
  let mod;
  try {
    mod = await import(url);
  } catch (err) {
    core.importFailed = true;
    throw err;
  }
  await mod.default();
  return mod;
}

async function boot() {
  const attempt = ++core.attempt;
  state.screen = { name: 'loading' };
  render();
  const slow = setTimeout(() => {
    if (attempt === core.attempt && state.screen.name === 'loading') { clear(main); renderLoading(true); }
  }, SLOW_NOTICE_MS);
  try {
    const mod = await withTimeout(loadCore(), LOAD_TIMEOUT_MS);
    if (attempt !== core.attempt) return;
    core.mod = mod;
    // version() also lists every law's rules hash; the footer shows those per law.
    core.version = typeof mod.version === 'function' ? String(mod.version()).split(';')[0].trim() : '';
    core.info.clear();
    state.screen = { name: 'start' };
    render({ focus: attempt > 1 });
  } catch (err) {
    if (attempt === core.attempt) showError('load', err);
  } finally {
    clearTimeout(slow);
  }
}

/* ---------- language ---------- */

function applyStatic() {
  document.documentElement.lang = lang;
  document.title = t(lang, 'pageTitle');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(lang, el.dataset.i18n);
  const switcher = document.getElementById('lang-switch');
  switcher.lang = lang === 'es' ? 'en' : 'es';
  switcher.setAttribute('aria-label', t(lang, 'switchLangLabel'));
}

/** Keeps what is typed or ticked on a question screen across a re-render. */
function keepFormValues(fn) {
  const values = [...main.querySelectorAll('input[id], select[id]')].map((el) => [el.id, el.type === 'checkbox' ? el.checked : el.value]);
  fn();
  for (const [id, value] of values) {
    const el = main.querySelector(`#${CSS.escape(id)}`);
    if (!el) continue;
    if (el.type === 'checkbox') {
      if (el.checked !== value) { el.checked = value; el.dispatchEvent(new Event('change')); }
    } else el.value = value;
  }
}

function switchLanguage() {
  lang = lang === 'es' ? 'en' : 'es';
  applyStatic();
  // Re-render the current screen from the core, in the new language.
  if (state.screen.name === 'question') keepFormValues(() => render());
  else render();
}

document.getElementById('lang-switch').addEventListener('click', switchLanguage);
document.getElementById('btn-erase').addEventListener('click', eraseAll);
applyStatic();
boot();
