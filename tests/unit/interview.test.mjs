// Unit tests of the interview (www/interview.js) in Node, with a fake core:
// the order of the questions, what each answer stores, the steps kept for
// back and forward, and a saved case read back. No browser, no wasm.
//   node --test tests/unit/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as I from '../../www/interview.js';

/**
 * A fake core's evaluate(): a proceeding needs, in contract order, every fact of
 * `needs` it does not have (ceasedConduct is the person's). Records each case it is asked about.
 */
function fakeCore(needs = ['factsDate', 'event', 'charges', 'militaryJustice', 'ceasedConduct']) {
  const calls = [];
  const evaluate = (c) => {
    calls.push(structuredClone(c));
    return {
      outcome: 'needs_information',
      proceedings: c.proceedings.map((p) => ({
        questions: needs.filter((f) => (f === 'ceasedConduct' ? !('ceasedConduct' in c.person) : !(f in p))),
        reason: 'Falta la fecha.',
        nextSteps: [{ id: 'a', priority: 1, text: 'x' }],
      })),
    };
  };
  return { evaluate, calls };
}

/** Answers from `answers` (by question kind; undefined: "No sé") until the result; returns the kinds asked and the state. */
function run(answers, { state = I.begin(I.freshState()), core = fakeCore() } = {}) {
  const asked = [];
  let s = state;
  for (let guard = 0; guard < 40; guard += 1) {
    const screen = I.nextScreen(s, core.evaluate);
    if (screen.name === 'result') return { asked, state: s };
    const { q } = screen;
    asked.push(q.index === undefined ? q.kind : `${q.kind}#${q.index}`);
    const list = answers[q.kind];
    const value = Array.isArray(list) && q.kind !== 'charges' ? list.shift() : list;
    s = I.answer(s, q, value);
  }
  throw new Error(`no end: ${asked.join(', ')}`);
}

const ONE = { situation: 'free', abroad: false, factsDate: { factsDate: '2017-05' }, event: 8, charges: ['terrorism'], militaryJustice: false, ceasedConduct: true, phase: 'trial', another: false };

test('one case: the person, then the facts the core needs, the phase, and "another case"; no case name', () => {
  const { asked, state } = run({ ...ONE });
  assert.deepEqual(asked, ['situation', 'abroad', 'factsDate#0', 'event#0', 'charges#0', 'militaryJustice#0', 'ceasedConduct#0', 'phase#0', 'another#0']);
  assert.deepEqual(I.buildCase(state), {
    person: { situation: 'free', abroad: false, ceasedConduct: true },
    proceedings: [{ factsDate: '2017-05', event: 8, charges: ['terrorism'], militaryJustice: false, phase: 'trial' }],
  });
});

test('"abroad" is not asked of a person detained, under house arrest or serving a sentence', () => {
  for (const situation of I.INSIDE) {
    const { asked, state } = run({ ...ONE, situation });
    assert.ok(!asked.includes('abroad'), situation);
    assert.ok(!('abroad' in state.person));
  }
  // Changing the answer to a detained situation drops an earlier "abroad".
  let s = I.begin(I.freshState());
  s = I.answer(s, { kind: 'situation' }, 'wanted');
  s = I.answer(s, { kind: 'abroad' }, true);
  s = I.answer(s, { kind: 'situation' }, 'detained');
  assert.equal(s.person.abroad, undefined);
  assert.ok(!s.personAsked.includes('abroad'));
});

test('"another case: yes" adds a case; both cases are then named, and the second one is asked in full', () => {
  const answers = { ...ONE, another: [true, false], label: ['Caracas', 'Maracay'], event: 8 };
  const { asked, state } = run(answers);
  assert.deepEqual(asked, ['situation', 'abroad', 'factsDate#0', 'event#0', 'charges#0', 'militaryJustice#0', 'ceasedConduct#0', 'phase#0', 'another#0',
    'label#0', 'label#1', 'factsDate#1', 'event#1', 'charges#1', 'militaryJustice#1', 'phase#1', 'another#1']);
  assert.equal(state.proceedings.length, 2);
  assert.deepEqual(I.buildCase(state).proceedings.map((p) => p.label), ['Caracas', 'Maracay']);
});

test('"No sé" leaves the fact out of the case, and the question is not put again', () => {
  const { asked, state } = run({ ...ONE, factsDate: undefined, charges: undefined });
  assert.equal(asked.filter((q) => q === 'factsDate#0').length, 1);
  assert.deepEqual(Object.keys(I.buildCase(state).proceedings[0]).sort(), ['event', 'militaryJustice', 'phase']);
});

test('answer() never changes the state it is given', () => {
  const s = I.begin(I.freshState());
  const frozen = JSON.stringify(s);
  I.answer(s, { kind: 'situation' }, 'free');
  I.answer(s, { kind: 'factsDate', index: 0 }, { factsDate: '2019' });
  I.addCase(s);
  assert.equal(JSON.stringify(s), frozen);
});

test('steps: back and forward move between entries; a new step drops those after it', () => {
  let steps = I.createSteps();
  const s0 = I.begin(I.freshState());
  steps = I.pushStep(steps, { name: 'question', q: { kind: 'situation' } }, s0);
  const s1 = I.answer(s0, { kind: 'situation' }, 'free');
  steps = I.pushStep(steps, { name: 'question', q: { kind: 'abroad' } }, s1);
  assert.equal(steps.index, 2);
  let back = I.stepAt(steps, 1);
  assert.equal(back.entry.screen.q.kind, 'situation');
  assert.equal(back.entry.state.person.situation, undefined);
  const fwd = I.stepAt(back.steps, 2);
  assert.equal(fwd.entry.state.person.situation, 'free');
  // From step 1, a new answer replaces what came after.
  steps = I.pushStep(back.steps, { name: 'question', q: { kind: 'abroad' } }, I.answer(s0, { kind: 'situation' }, 'wanted'));
  assert.equal(steps.entries.length, 3);
  assert.equal(steps.entries[2].state.person.situation, 'wanted');
  // An unknown step number (after "Borrar todo") is the start screen.
  back = I.stepAt(I.createSteps(), 7);
  assert.equal(back.entry.screen.name, 'start');
  // The entries are copies: changing what one returns does not change the history.
  back = I.stepAt(steps, 2);
  back.entry.state.person.situation = 'changed';
  assert.equal(steps.entries[2].state.person.situation, 'wanted');
});

test('a saved case goes straight to the result, with its law and labels, and no "another case"', () => {
  const saved = { law: 'draft-2026-01', person: { situation: 'detained' }, proceedings: [{ label: 'A', factsDate: '2017' }, { label: 'B', event: 3 }] };
  const s = I.fromCase(saved);
  assert.equal(s.lawId, 'draft-2026-01');
  const core = fakeCore();
  assert.deepEqual(I.nextScreen(s, core.evaluate), { name: 'result' });
  assert.deepEqual(I.buildCase(s), saved);
  // "Responder" from its result: the question is put, then the result again.
  const q = { kind: 'event', index: 0 };
  const after = I.answer(I.focusCase(s, 0), q, 8);
  assert.deepEqual(I.nextScreen(after, core.evaluate), { name: 'result' });
  assert.equal(I.buildCase(after).proceedings[0].event, 8);
});

test('a saved case prints as put only the facts it states and those still open, never every question', () => {
  // The file states the date and the charges; the event is unknown; nothing says the
  // military court or the phase were ever asked.
  const saved = { person: { situation: 'detained', ceasedConduct: true }, proceedings: [{ factsDate: '2017-05', charges: ['terrorism'] }] };
  const core = fakeCore(['factsDate', 'event', 'charges']);
  const s = I.fromCase(saved);
  const put = I.factsPut(s, core.evaluate(I.buildCase(s)));
  assert.deepEqual(put.proceedings[0].sort(), ['charges', 'event', 'factsDate'], 'the stated facts and the open event');
  assert.ok(!put.proceedings[0].includes('militaryJustice'), 'never put: "No preguntado", not "No se sabe"');
  assert.ok(!put.proceedings[0].includes('phase'));
  assert.deepEqual(put.person.sort(), ['ceasedConduct', 'situation']);
  assert.ok(!put.person.includes('abroad'));
  // A case answered in this session: the questions put, as before.
  const { state } = run({ ...ONE, militaryJustice: undefined });
  const live = I.factsPut(state, fakeCore().evaluate(I.buildCase(state)));
  assert.ok(live.proceedings[0].includes('militaryJustice'), '"No sé" answered: "No se sabe"');
  assert.deepEqual(live.person, state.personAsked);
});

test('progress counts the questions put and those the core says are still ahead', () => {
  const core = fakeCore();
  let s = I.begin(I.freshState());
  assert.deepEqual(I.progress(s, null), { step: 1, total: null });
  s = I.answer(s, { kind: 'situation' }, 'detained');
  const p = I.progress(s, core.evaluate(I.buildCase(s)));
  // situation done; date, event, charges, military, ceased, phase, another ahead.
  assert.deepEqual(p, { step: 2, total: 8 });
});

test('"Añadir otra causa" stops at the limit of cases', () => {
  let s = I.begin(I.freshState());
  for (let i = 0; i < 60; i += 1) s = I.addCase(s);
  assert.equal(s.proceedings.length, I.MAX_PROCEEDINGS);
});

test('a year alone that the core still needs: the month is asked once the event is known, and kept with the year', () => {
  const core = fakeCore();
  // The fake core needs the date until it has a month.
  const evaluate = (c) => {
    const a = core.evaluate(c);
    a.proceedings.forEach((p, i) => { if (/^\d{4}$/.test(c.proceedings[i].factsDate ?? '')) p.questions.unshift('factsDate'); });
    return a;
  };
  const { asked, state } = run({ ...ONE, factsDate: { factsDate: '2017' }, factsMonth: '05' }, { core: { evaluate } });
  assert.deepEqual(asked.slice(0, 5), ['situation', 'abroad', 'factsDate#0', 'event#0', 'factsMonth#0']);
  assert.equal(I.buildCase(state).proceedings[0].factsDate, '2017-05');
  // "No sé" keeps the year, and the month is not asked again.
  const unknown = run({ ...ONE, factsDate: { factsDate: '2017' }, factsMonth: undefined }, { core: { evaluate } });
  assert.equal(I.buildCase(unknown.state).proceedings[0].factsDate, '2017');
  assert.equal(unknown.asked.filter((q) => q === 'factsMonth#0').length, 1);
});
