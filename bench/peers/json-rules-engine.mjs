// Contract §2.1 (complete facts, the enacted text) as a json-rules-engine
// rule set. One rule per step; a higher priority is an earlier step, and
// the outcome is the event of the highest-priority rule that holds ("the
// first step that decides"). Facts: see bench/cases.mjs (`peerFacter`).
import { Engine } from 'json-rules-engine';

const K = Array.from({ length: 13 }, (_, i) => i + 1);
const is = (fact, value) => ({ fact, operator: 'equal', value });

export const RULES = [
  { // 1. An excluded charge (Art. 9).
    name: 'exclusion', priority: 60,
    conditions: { all: [is('excluded', true)] },
    event: { type: 'not_covered' },
  },
  { // 2. Numeral 10 with military rebellion, the date in or in the margin of numeral 10.
    name: 'rebellion_exception', priority: 50,
    conditions: { all: [is('event', 10), is('rebellion', true), { any: [is('w10', true), is('m10', true)] }] },
    event: { type: 'not_covered' },
  },
  { // 3. The date in no window and no margin (Art. 8).
    name: 'no_window', priority: 40,
    conditions: { all: K.flatMap((k) => [is(`w${k}`, false), is(`m${k}`, false)]) },
    event: { type: 'not_covered' },
  },
  { // 4. The stated event does not hold the date in its confirmed window: the base is uncertain.
    name: 'event_link', priority: 30,
    conditions: { not: { any: K.map((k) => ({ all: [is('event', k), is(`w${k}`, true)] })) } },
    event: { type: 'uncertain' },
  },
  { // 5. A covered base made uncertain.
    name: 'condition', priority: 20,
    conditions: {
      any: [
        is('contested', true),
        { all: [is('rebellion', true), is('w10', true), { fact: 'event', operator: 'notEqual', value: 10 }] },
        is('militaryJustice', true),
        is('ceasedConduct', false),
      ],
    },
    event: { type: 'uncertain' },
  },
  { // Otherwise covered.
    name: 'covered', priority: 10,
    conditions: { all: [] },
    event: { type: 'covered' },
  },
];

export function makeEngine() {
  const engine = new Engine(RULES.map((r) => ({ ...r })));
  return {
    name: 'json-rules-engine',
    /** The outcome code for one case's facts. */
    async evaluate(facts) {
      const { results } = await engine.run(facts);
      let best = null;
      for (const r of results) if (!best || r.priority > best.priority) best = r;
      return best.event.type;
    },
  };
}
