// The benchmark's cases: complete facts (contract §2.1), generated from a
// fixed seed, and the facts the peers receive for each.
//
// Ours gets the case JSON itself. json-rules-engine and ZEN have no
// date-window logic, so they get each case's facts precomputed here, from
// the windows and charge effects that our own `law()` metadata lists (the
// rules data): for the case's day, `w1`..`w13` (in numeral k's confirmed
// window) and `m1`..`m13` (in its contested margin); `event` (1-13, or 0 for
// "none"); and the charge categories `excluded` (Art. 9), `contested` (the
// foreign armed-action clause) and `rebellion` (military rebellion), with
// `militaryJustice` and `ceasedConduct` as given.

export const CHARGES = [
  'intentional_homicide', 'magnicide', 'very_serious_injuries', 'drug_trafficking', 'corruption',
  'human_rights_violation', 'crime_against_humanity', 'war_crime', 'foreign_armed_action', 'treason',
  'conspiracy_with_foreign_country', 'accused_foreign_intervention', 'military_rebellion', 'terrorism',
  'terrorism_financing', 'criminal_association', 'incitement_to_hatred', 'instigation',
  'resistance_to_authority', 'property_damage', 'arson', 'road_obstruction', 'illegal_weapons', 'rebellion', 'other',
];
const SITUATIONS = ['detained', 'house_arrest', 'precautionary_measures', 'wanted', 'investigated', 'convicted_serving', 'free'];
const PHASES = ['investigation', 'control', 'trial', 'appeal', 'execution'];
// Years with a window or a margin, drawn more often so that every step decides some cases.
const EVENT_YEARS = [2002, 2003, 2004, 2007, 2009, 2013, 2014, 2016, 2017, 2019, 2020, 2021, 2023, 2024, 2025];

/** A small deterministic generator (mulberry32). */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');

/** A random day (YYYY-MM-DD) of a range { from, to }. */
function dayIn(r, { from, to }) {
  const t = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  const days = Math.round((t(to) - t(from)) / 864e5);
  return new Date(t(from) + Math.floor(r() * (days + 1)) * 864e5).toISOString().slice(0, 10);
}

/**
 * One case of the enacted text with every fact known, one proceeding.
 * `info` is our `law('es')`: half of the dates are drawn inside a
 * numeral's window or margin, most of those with that numeral as the event,
 * so that every step of §2.1 decides a fair share of the cases.
 */
export function completeCase(r, info) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  let factsDate;
  let event = r() < 0.12 ? 'none' : 1 + Math.floor(r() * 13);
  if (r() < 0.5) {
    const n = pick(info.numerals);
    const ranges = r() < 0.75 || n.margin.length === 0 ? n.window : n.margin;
    factsDate = dayIn(r, pick(ranges));
    if (r() < 0.8) event = n.number;
  } else {
    const y = r() < 0.6 ? pick(EVENT_YEARS) : 1999 + Math.floor(r() * 28);
    const m = 1 + Math.floor(r() * 12);
    factsDate = `${y}-${pad(m)}-${pad(1 + Math.floor(r() * new Date(Date.UTC(y, m, 0)).getUTCDate()))}`;
  }
  const charges = new Set();
  for (let i = Math.floor(r() * 3); i > 0; i -= 1) charges.add(r() < 0.75 ? pick(CHARGES.slice(9)) : pick(CHARGES));
  return {
    person: { situation: pick(SITUATIONS), abroad: r() < 0.2, ceasedConduct: r() < 0.85 },
    proceedings: [{ factsDate, event, charges: [...charges], phase: pick(PHASES), militaryJustice: r() < 0.1 }],
  };
}

export function completeCases(n, info, seed = 2026) {
  const r = rng(seed);
  return Array.from({ length: n }, () => completeCase(r, info));
}

/** A case with unknown facts: some keys left out, or a month or a year for the date. */
export function partialCase(r, info) {
  const c = completeCase(r, info);
  const p = c.proceedings[0];
  const drop = (o, k) => { if (r() < 0.35) delete o[k]; };
  drop(p, 'event'); drop(p, 'charges'); drop(p, 'militaryJustice'); drop(c.person, 'ceasedConduct');
  const k = r();
  if (k < 0.2) delete p.factsDate;
  else if (k < 0.45) p.factsDate = p.factsDate.slice(0, 7);
  else if (k < 0.6) p.factsDate = p.factsDate.slice(0, 4);
  return c;
}

export function partialCases(n, info, seed = 7) {
  const r = rng(seed);
  return Array.from({ length: n }, () => partialCase(r, info));
}

/**
 * What the peers are given for a case: its facts, with the windows and
 * charge effects of the law worked out from `info` (our `law('es')`).
 */
export function peerFacter(info) {
  const windows = info.numerals.map((n) => ({ k: n.number, window: n.window, margin: n.margin }));
  const effect = Object.fromEntries(info.charges.map((c) => [c.code, c.effect]));
  const inAny = (ranges, day) => ranges.some((x) => x.from <= day && day <= x.to); // ISO dates sort as text
  return (c) => {
    const p = c.proceedings[0];
    const f = {
      event: p.event === 'none' ? 0 : p.event,
      excluded: p.charges.some((x) => effect[x] === 'excluded'),
      contested: p.charges.some((x) => effect[x] === 'contested'),
      rebellion: p.charges.some((x) => effect[x] === 'rebellion_exception'),
      militaryJustice: p.militaryJustice,
      ceasedConduct: c.person.ceasedConduct,
    };
    for (let k = 1; k <= 13; k += 1) { f[`w${k}`] = false; f[`m${k}`] = false; }
    for (const w of windows) {
      f[`w${w.k}`] = inAny(w.window, p.factsDate);
      f[`m${w.k}`] = inAny(w.margin, p.factsDate);
    }
    return f;
  };
}
