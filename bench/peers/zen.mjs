// Contract §2.1 (complete facts, the enacted text) as a GoRules ZEN decision
// table (JDM), hit policy "first": one row per step, in order; the last row
// has an empty condition and gives `covered`. Facts: see bench/cases.mjs
// (`peerFacter`). Uses @gorules/zen-engine, whose native binary ships
// inside its npm package.
import { ZenEngine } from '@gorules/zen-engine';

const K = Array.from({ length: 13 }, (_, i) => i + 1);
const or = (xs) => xs.join(' or ');

export const ROWS = [
  // 1. An excluded charge (Art. 9).
  ['excluded', 'not_covered'],
  // 2. Numeral 10 with military rebellion, the date in or in the margin of numeral 10.
  ['event == 10 and rebellion and (w10 or m10)', 'not_covered'],
  // 3. The date in no window and no margin (Art. 8).
  [`not (${or(K.flatMap((k) => [`w${k}`, `m${k}`]))})`, 'not_covered'],
  // 4. The stated event does not hold the date in its confirmed window.
  [`not (${or(K.map((k) => `(event == ${k} and w${k})`))})`, 'uncertain'],
  // 5. A covered base made uncertain.
  ['contested or (rebellion and w10 and event != 10) or militaryJustice or not ceasedConduct', 'uncertain'],
  // Otherwise covered.
  ['', 'covered'],
];

export const JDM = {
  contentType: 'application/vnd.gorules.decision',
  nodes: [
    { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
    {
      id: 'steps',
      type: 'decisionTableNode',
      name: 'Contract 2.1',
      position: { x: 300, y: 0 },
      content: {
        hitPolicy: 'first',
        inputs: [{ id: 'step', name: 'Step' }], // no field: each cell is an expression over the facts
        outputs: [{ id: 'outcome', name: 'Outcome', field: 'outcome' }],
        rules: ROWS.map(([condition, outcome], i) => ({ _id: `r${i + 1}`, step: condition, outcome: JSON.stringify(outcome) })),
      },
    },
    { id: 'response', type: 'outputNode', name: 'Response', position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', type: 'edge', sourceId: 'request', targetId: 'steps' },
    { id: 'e2', type: 'edge', sourceId: 'steps', targetId: 'response' },
  ],
};

export function makeEngine() {
  const engine = new ZenEngine();
  const decision = engine.createDecision(JDM);
  return {
    name: 'GoRules ZEN',
    /** The outcome code for one case's facts. */
    async evaluate(facts) {
      const { result } = await decision.evaluate(facts);
      return result.outcome;
    },
    dispose() { engine.dispose(); },
  };
}
