// The interview: what has been answered, and which screen comes next. No
// DOM, no core of its own: every function here is pure, takes the state and
// returns a new one, and where the next question depends on the law it asks
// the core through the `evaluate(case)` it is given. The view (checker.js)
// keeps the current state and draws it; the unit tests (tests/unit) drive it
// with a fake core.
//
// A state: { lawId, person, personAsked, proceedings: [{ facts, asked }], current }.
// An unknown fact is an absent key; `asked` lists the questions already put
// (answered or "No sé"), so that a question is never put twice. A screen:
// { name: 'start' | 'question' | 'result', q: { kind, index } }.
// (The shapes: www/types.d.ts.)

/** @typedef {import('./types.js').State} State */
/** @typedef {import('./types.js').Question} Question */
/** @typedef {import('./types.js').Case} Case */
/** @typedef {import('./types.js').Facts} Facts */
/** @typedef {import('./types.js').Assessment} Assessment */
/** @typedef {import('./types.js').InterviewScreen} InterviewScreen */
/** @typedef {import('./types.js').Steps} Steps */

/** The person questions, asked once for the whole case. */
export const PERSON_KEYS = ['situation', 'abroad', 'ceasedConduct'];
/** Situations in which the person is, by definition, in the country: "abroad" is not asked. */
export const INSIDE = ['detained', 'house_arrest', 'convicted_serving'];
export const MAX_PROCEEDINGS = 50;
// The facts each question sets (the date question sets two).
/** @type {Record<string, string[]>} */
const FACT_KEYS = { factsDate: ['factsDate', 'factsDateEnd'], event: ['event'], charges: ['charges'], militaryJustice: ['militaryJustice'], phase: ['phase'], label: ['label'] };
// Questions of a proceeding that are the page's own, not the core's.
const CASE_QUESTIONS = ['label', 'factsDate', 'factsMonth', 'event', 'charges', 'militaryJustice', 'phase', 'another'];

/** @type {<T>(x: T) => T} */
const clone = (x) => structuredClone(x);
/** @returns {import('./types.js').Proceeding} */
const newProceeding = () => ({ facts: {}, asked: [] });

/**
 * @param {string} [lawId]
 * @returns {State}
 */
export function freshState(lawId) {
  return { lawId: lawId || undefined, person: {}, personAsked: [], proceedings: [], current: 0 };
}

/**
 * The state at "Empezar": one empty proceeding (kept if there is one already).
 * @param {State} state
 * @returns {State}
 */
export function begin(state) {
  const s = clone(state);
  if (!s.proceedings.length) s.proceedings.push(newProceeding());
  s.current = 0;
  return s;
}

/**
 * The case object of the contract: unknown facts are simply left out.
 * @param {State} state
 * @param {import('./types.js').Proceeding[]} [proceedings]
 * @returns {Case}
 */
export function buildCase(state, proceedings = state.proceedings) {
  /** @type {Case} */
  const c = { person: { ...state.person }, proceedings: proceedings.map((p) => ({ ...p.facts })) };
  if (state.lawId) c.law = state.lawId;
  return c;
}

/**
 * Whether "¿Está fuera de Venezuela?" is put to this person.
 * @param {State} state
 */
export const asksAbroad = (state) => !INSIDE.includes(state.person.situation ?? '');

/**
 * The next screen: the person's situation (and, for someone who may be
 * abroad, whether they are), then for the current proceeding its name when
 * there are several, the facts the core still needs, its phase, and whether
 * there is another case; then the result.
 * @param {State} state
 * @param {(c: Case) => Assessment} evaluate the core's evaluate, in the language shown
 * @returns {InterviewScreen}
 */
export function nextScreen(state, evaluate) {
  /** @param {string} k */
  const asked = (k) => state.personAsked.includes(k);
  /**
   * @param {string} kind
   * @param {number} [index]
   * @returns {InterviewScreen}
   */
  const question = (kind, index) => ({ name: 'question', q: index === undefined ? { kind } : { kind, index } });
  if (!asked('situation')) return question('situation');
  if (!asked('abroad') && asksAbroad(state)) return question('abroad');
  const index = state.current;
  const several = state.proceedings.length > 1;
  if (several) {
    for (let k = 0; k <= index; k += 1) {
      if (!state.proceedings[k].asked.includes('label')) return question('label', k);
    }
  }
  const p = state.proceedings[index];
  const a = evaluate(buildCase(state));
  const needs = a.proceedings[index].questions;
  for (const fact of needs) {
    // A year alone, and the core still needs the date once the event is known (or not asked):
    // the month is asked, once.
    if (fact === 'factsDate' && p.asked.includes('factsDate') && !p.asked.includes('factsMonth') && yearOnly(p.facts)
      && (p.asked.includes('event') || !needs.includes('event'))) {
      return question('factsMonth', index);
    }
    if (fact === 'ceasedConduct') {
      if (!asked('ceasedConduct')) return question(fact, index);
    } else if (!p.asked.includes(fact)) {
      return question(fact, index);
    }
  }
  if (!p.asked.includes('phase')) return question('phase', index);
  if (!p.asked.includes('another') && state.proceedings.length < MAX_PROCEEDINGS) return question('another', index);
  return { name: 'result' };
}

/**
 * Whether a proceeding's date is a year alone (no month, no range).
 * @param {Facts} facts
 */
export const yearOnly = (/** @type {Facts} */ facts) => /^\d{4}$/.test(facts.factsDate ?? '') && !facts.factsDateEnd;

/**
 * How far along the interview is: questions put so far, and that number plus
 * the ones still ahead for the current proceeding as far as they are known
 * (the core's remaining questions, the phase and "another case").
 * @param {State} state
 * @param {Assessment | null} assessment null before the core has said what it needs
 * @returns {{ step: number, total: number | null }}
 */
export function progress(state, assessment) {
  const done = state.personAsked.length + state.proceedings.reduce((n, p) => n + p.asked.length, 0);
  let ahead = 0;
  const p = state.proceedings[state.current];
  if (!state.personAsked.includes('situation')) ahead += 1;
  if (!state.personAsked.includes('abroad') && asksAbroad(state)) ahead += 1;
  if (p && assessment) {
    for (const fact of assessment.proceedings[state.current]?.questions ?? []) {
      if (fact === 'ceasedConduct' ? !state.personAsked.includes(fact) : !p.asked.includes(fact)) ahead += 1;
    }
    if (!p.asked.includes('phase')) ahead += 1;
    if (!p.asked.includes('another')) ahead += 1;
  }
  // Before the core has said what it needs, no total.
  return { step: done + 1, total: assessment ? Math.max(done + ahead, done + 1) : null };
}

/**
 * The current value of a question's fact, for pre-filling.
 * @param {State} state
 * @param {Question} q
 * @returns {unknown}
 */
export function currentValue(state, q) {
  if (PERSON_KEYS.includes(q.kind)) return state.person[q.kind];
  if (q.index === undefined) return undefined;
  const p = state.proceedings[q.index];
  if (!p) return undefined;
  if (q.kind === 'another') return p.another;
  const date = p.facts.factsDate ?? '';
  if (q.kind === 'factsMonth') return /^\d{4}-\d{2}$/.test(date) ? date.slice(5) : undefined;
  const facts = p.facts;
  if (q.kind === 'factsDate') return facts.factsDate === undefined ? undefined : { factsDate: facts.factsDate, factsDateEnd: facts.factsDateEnd };
  return facts[q.kind];
}

/**
 * The state after answering question `q` with `value` (undefined: "No sé").
 * "Another case: yes" adds a proceeding after this one and moves to it.
 * @param {State} state
 * @param {Question} q
 * @param {any} value the answer, as the question's control gives it
 * @returns {State}
 */
export function answer(state, q, value) {
  const s = clone(state);
  if (PERSON_KEYS.includes(q.kind)) {
    if (value === undefined) delete s.person[q.kind];
    else s.person[q.kind] = value;
    if (!s.personAsked.includes(q.kind)) s.personAsked.push(q.kind);
    // A changed situation: "abroad" is put again, or dropped when it is no longer asked.
    if (q.kind === 'situation' && !asksAbroad(s)) {
      delete s.person.abroad;
      s.personAsked = s.personAsked.filter((k) => k !== 'abroad');
    }
    return s;
  }
  const index = /** @type {number} */ (q.index); // a proceeding's question has one
  const p = s.proceedings[index];
  if (q.kind === 'another') {
    p.another = value;
    if (!p.asked.includes('another')) p.asked.push('another');
    if (value === true && index === s.proceedings.length - 1 && s.proceedings.length < MAX_PROCEEDINGS) {
      s.proceedings.push(newProceeding());
      s.current = s.proceedings.length - 1;
    } else if (value === true && index < s.proceedings.length - 1) {
      s.current = index + 1;
    }
    return s;
  }
  if (q.kind === 'factsMonth') {
    // The month of the year given ("01" to "12"), or "No sé": the year stays.
    const year = String(p.facts.factsDate ?? '').slice(0, 4);
    if (value !== undefined && /^\d{4}$/.test(year)) p.facts.factsDate = `${year}-${value}`;
    if (!p.asked.includes('factsMonth')) p.asked.push('factsMonth');
    return s;
  }
  // A new date: its month is asked again if it is a year alone.
  if (q.kind === 'factsDate') p.asked = p.asked.filter((k) => k !== 'factsMonth');
  for (const key of FACT_KEYS[q.kind]) delete p.facts[key];
  if (value !== undefined) Object.assign(p.facts, q.kind === 'factsDate' ? value : { [q.kind]: value });
  if (!p.asked.includes(q.kind)) p.asked.push(q.kind);
  return s;
}

/**
 * "Añadir otra causa" from the result: a new proceeding, the current one.
 * @param {State} state
 * @returns {State}
 */
export function addCase(state) {
  if (state.proceedings.length >= MAX_PROCEEDINGS) return state;
  const s = clone(state);
  for (const p of s.proceedings) if (!p.asked.includes('another')) p.asked.push('another');
  s.proceedings.push(newProceeding());
  s.current = s.proceedings.length - 1;
  return s;
}

/**
 * Moves to proceeding `index` (to answer one of its questions from the result).
 * @param {State} state
 * @param {number} index
 * @returns {State}
 */
export function focusCase(state, index) {
  const s = clone(state);
  s.current = index;
  return s;
}

/**
 * The state of a saved case (the contract's case object, already accepted by
 * the core): every question counts as put, so the result shows at once, and
 * "No sé" facts stay unknown. `another` is not asked of a saved case. The
 * file records answers, not which questions were put: `saved` marks what was
 * read from it, for `factsPut` below.
 * @param {any} c the case object, as read from the file
 * @returns {State}
 */
export function fromCase(c) {
  const s = freshState(typeof c.law === 'string' ? c.law : undefined);
  const person = c.person && typeof c.person === 'object' ? c.person : {};
  for (const k of PERSON_KEYS) if (person[k] !== undefined && person[k] !== null) s.person[k] = person[k];
  s.personAsked = [...PERSON_KEYS];
  s.personSaved = true;
  /** @type {any[]} */
  const list = Array.isArray(c.proceedings) && c.proceedings.length ? c.proceedings : [{}];
  s.proceedings = list.map((facts) => {
    /** @type {Facts} */
    const kept = {};
    for (const [k, v] of Object.entries(facts ?? {})) if (v !== null && v !== undefined) kept[k] = v;
    return { facts: kept, asked: [...CASE_QUESTIONS], saved: true };
  });
  return s;
}

/**
 * The facts to print as put to the family (an unknown one reads "No se sabe"; any
 * other unknown one, "No preguntado"): the questions put in this session; for what
 * was read from a saved file, which does not say which questions were put, the
 * facts it states and those the core still asks (`questions` of the assessment),
 * never every question.
 * @param {State} state
 * @param {Assessment} assessment the assessment of `buildCase(state)`
 * @returns {{ person: string[], proceedings: string[][] }}
 */
export function factsPut(state, assessment) {
  const open = assessment.proceedings.map((p) => p.questions);
  return {
    person: state.personSaved ? [...Object.keys(state.person), ...open.flat().filter((q) => PERSON_KEYS.includes(q))] : state.personAsked,
    proceedings: state.proceedings.map((p, i) => (p.saved ? [...Object.keys(p.facts), ...(open[i] ?? [])] : p.asked)),
  };
}

/**
 * The history of one session: each question and result shown, with the state
 * it was drawn from. `index` is the entry showing; going back and forward
 * moves it, and a new step drops the entries after it (as a browser does).
 * The browser's history holds only the index (checker.js), never an answer.
 * @returns {Steps}
 */
export function createSteps() {
  return { entries: [{ screen: { name: 'start' }, state: freshState() }], index: 0 };
}

/**
 * @param {Steps} steps
 * @param {import('./types.js').ViewScreen} screen
 * @param {State} state
 * @returns {Steps}
 */
export function pushStep(steps, screen, state) {
  const entries = steps.entries.slice(0, steps.index + 1);
  entries.push({ screen, state: clone(state) });
  return { entries, index: entries.length - 1 };
}

/**
 * The entry at `index` (the start screen when there is none, as after "Borrar todo").
 * @param {Steps} steps
 * @param {number} index (from the browser's history: checked here)
 * @returns {{ steps: Steps, entry: Steps['entries'][number] }}
 */
export function stepAt(steps, index) {
  const i = Number.isInteger(index) && index >= 0 && index < steps.entries.length ? index : 0;
  return { steps: { entries: steps.entries, index: i }, entry: { screen: steps.entries[i].screen, state: clone(steps.entries[i].state) } };
}
