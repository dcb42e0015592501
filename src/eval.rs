//! Deciding a proceeding (contract §2).
//!
//! A proceeding's facts may be incomplete. Each unknown fact stands for
//! every value it could take, and a partial date or a range for each of its
//! days (§2.2). Days are never walked one by one: the time line is cut at
//! every window boundary into segments whose days all behave alike, and a
//! date stands for the distinct [`DayClass`]es of the segments it touches.
//!
//! The outcome of complete facts is [`decide`], which follows the ordered
//! steps of §2.1 and nothing else. Everything else here enumerates
//! completions and reads the results back. This module does no I/O and
//! writes no text.

use crate::codes::Charge;
use crate::date::{Day, DayRange};
use crate::inline_vec::InlineVec;
use crate::law::{ExclusionKind, Law};
use crate::model::{ChargeSet, Event, Outcome, Proceeding, Question};
use std::sync::OnceLock;

pub use crate::timeline::{bit, DayClass, Segment};

/// The numerals set in a mask, ascending.
pub fn numerals_of(mask: u16) -> impl Iterator<Item = u8> {
    (1..=13u8).filter(move |k| mask & bit(*k) != 0)
}

/// The values an unknown charge list can take under a law version,
/// worked out once (its time line's tables are statics of the law: see
/// `timeline.rs`).
pub struct Tables {
    /// Each with one charge list that has it.
    pub possible_charges: Vec<(ChargeFacts, ChargeSet)>,
    /// The same, without the sets.
    pub possible_charge_facts: Vec<ChargeFacts>,
}

pub fn tables(law: &'static Law) -> &'static Tables {
    static CACHE: OnceLock<Vec<Tables>> = OnceLock::new();
    let all = CACHE.get_or_init(|| crate::law::LAWS.iter().map(|l| Tables::of(l)).collect());
    let i = crate::law::LAWS.iter().position(|l| core::ptr::eq(*l, law)).unwrap_or(0);
    &all[i]
}

impl Tables {
    fn of(law: &Law) -> Tables {
        let possible_charges = ChargeFacts::possible(law);
        Tables { possible_charge_facts: possible_charges.iter().map(|(f, _)| *f).collect(), possible_charges }
    }
}

/// The law's time line cut into segments from `Day::MIN` to `Day::MAX`.
pub fn segments(law: &'static Law) -> &'static [Segment] {
    law.segments
}

/// The parts of the charge list that the steps read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct ChargeFacts {
    /// A charge that Art. 9 excludes (step 1).
    pub excluded: bool,
    /// A charge in the contested reach of the foreign clause (step 5).
    pub contested: bool,
    /// Military rebellion, where this text has the numeral-10 exception.
    pub rebellion: bool,
}

impl ChargeFacts {
    pub fn of(law: &Law, set: ChargeSet) -> ChargeFacts {
        let mut f = ChargeFacts::default();
        for c in set.iter() {
            match law.exclusion_for(c).map(|e| e.kind) {
                Some(ExclusionKind::Excludes) => f.excluded = true,
                Some(ExclusionKind::Contested) => f.contested = true,
                Some(ExclusionKind::RebellionException) => f.rebellion = true,
                None => {}
            }
        }
        f
    }

    /// Every distinct value an unknown charge list can take under `law`,
    /// with one charge list that has it.
    pub fn possible(law: &Law) -> Vec<(ChargeFacts, ChargeSet)> {
        let pick = |kind| {
            Charge::ALL.iter().copied().find(|c| law.exclusion_for(*c).map(|e| e.kind) == Some(kind))
        };
        let mut out = vec![(ChargeFacts::default(), ChargeSet::default())];
        if let Some(c) = pick(ExclusionKind::Contested) {
            let set: ChargeSet = [c].into_iter().collect();
            out.push((ChargeFacts::of(law, set), set));
        }
        if let Some(c) = pick(ExclusionKind::RebellionException) {
            let n = out.len();
            for i in 0..n {
                let mut set = out[i].1;
                set.insert(c);
                out.push((ChargeFacts::of(law, set), set));
            }
        }
        if let Some(c) = pick(ExclusionKind::Excludes) {
            let set: ChargeSet = [c].into_iter().collect();
            out.push((ChargeFacts::of(law, set), set));
        }
        out
    }
}

/// Articles a decision rests on, besides the numerals of Art. 8.
pub mod art {
    /// Art. 8 as a whole: no window holds the date.
    pub const EIGHT: u8 = 1;
    pub const NINE: u8 = 2;
    pub const SEVEN: u8 = 4;
    /// Art. 5, the favourable reading, for every uncertain outcome.
    pub const FIVE: u8 = 8;
}

/// The step of §2.1 that decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decider {
    Exclusion,
    RebellionException,
    Window,
    /// Step 4: the base is uncertain (margin, denied link, other numeral).
    EventLink,
    /// Step 5 demoted a covered base.
    Condition,
    /// Every step passed.
    AllPassed,
}

/// The result of complete facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Verdict {
    pub outcome: Outcome,
    pub decider: Decider,
    /// Numerals the decision rests on (bit k).
    pub numerals: u16,
    /// [`art`] flags.
    pub articles: u8,
}

/// One completion: every fact known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Complete {
    pub class: DayClass,
    pub event: Event,
    pub charges: ChargeFacts,
    pub military_justice: bool,
    pub ceased_conduct: bool,
}

/// Contract §2.1, step by step, for complete facts.
pub fn decide(law: &Law, f: &Complete) -> Verdict {
    use Outcome::*;
    let verdict = |outcome, decider, numerals, articles| Verdict { outcome, decider, numerals, articles };
    let cc_flag = if law.has_ceased_conduct { art::SEVEN } else { 0 };
    // 1. An excluded charge.
    if f.charges.excluded {
        return verdict(NotCovered, Decider::Exclusion, 0, art::NINE);
    }
    // 2. Numeral 10 with military rebellion.
    let ten = bit(10);
    if law.has_rebellion_exception
        && f.event == Event::Numeral(10)
        && f.charges.rebellion
        && f.class.any() & ten != 0
    {
        return verdict(NotCovered, Decider::RebellionException, ten, 0);
    }
    // 3. No window, no margin.
    if f.class.any() == 0 {
        return verdict(NotCovered, Decider::Window, 0, art::EIGHT);
    }
    // 4. The stated event must hold the date in its confirmed window. An
    // event this text does not have holds no date (§2.4).
    let claimed = match f.event {
        Event::Numeral(k) if law.numeral(k).is_some() => bit(k),
        Event::Numeral(_) | Event::NoEvent => 0,
    };
    if claimed & f.class.window == 0 {
        let numerals = f.class.any() | claimed;
        return verdict(Uncertain, Decider::EventLink, numerals, art::NINE | art::FIVE);
    }
    // 5. Conditions that make a covered base uncertain.
    let rebellion_elsewhere = law.has_rebellion_exception
        && f.charges.rebellion
        && f.class.window & ten != 0
        && claimed != ten;
    let demoted = f.charges.contested
        || rebellion_elsewhere
        || (law.military_courts_doubt && f.military_justice)
        || (law.has_ceased_conduct && !f.ceased_conduct);
    if demoted {
        let numerals = claimed | if rebellion_elsewhere { ten } else { 0 };
        return verdict(Uncertain, Decider::Condition, numerals, art::NINE | cc_flag | art::FIVE);
    }
    verdict(Covered, Decider::AllPassed, claimed, art::NINE | cc_flag)
}

/// The completions a proceeding stands for, as a product of small lists.
pub struct Domain {
    /// The (day class, event) pairs allowed.
    pub pairs: InlineVec<(DayClass, Event), 16>,
    /// The charge facts allowed: the stated charges', or every possible.
    pub charges: Charges,
    pub military_justice: &'static [bool],
    pub ceased_conduct: &'static [bool],
    /// The date was unknown and taken from the stated event's window.
    pub date_assumed: bool,
}

/// The facts of one proceeding and its person, as the evaluation sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub date: Option<DayRange>,
    pub event: Option<Event>,
    pub charges: Option<ChargeSet>,
    pub military_justice: Option<bool>,
    pub ceased_conduct: Option<bool>,
}

impl Facts {
    pub fn of(p: &Proceeding, ceased_conduct: Option<bool>) -> Facts {
        Facts {
            date: p.facts_date.as_ref().map(|d| d.days),
            event: p.event,
            charges: p.charges,
            military_justice: p.military_justice,
            ceased_conduct,
        }
    }
}

/// The distinct day classes in some ranges of days.
pub fn classes_in(law: &'static Law, ranges: &[DayRange]) -> Classes {
    distinct_classes(segments(law), ranges)
}

/// The distinct day classes of some days; a date touches few.
pub type Classes = InlineVec<DayClass, 12>;

fn distinct_classes(segments: &[Segment], ranges: &[DayRange]) -> Classes {
    let mut out = Classes::new(DayClass::default());
    crate::timeline::for_each_class(segments, ranges, |c| {
        if !out.contains(&c) {
            out.push(c);
        }
    });
    out
}

/// The stated event, or every event when it is unknown (no allocation).
fn events_for(facts: &Facts) -> impl Iterator<Item = Event> {
    let stated = facts.event;
    let all = Event::all().filter(move |_| stated.is_none());
    stated.into_iter().chain(all)
}

/// The days event `k` fixes when no date is given: the confirmed window
/// of the enacted law's numeral `k`, under every version (§2.2; §2.4: the
/// event fixes when the acts happened, and the draft's windows then judge
/// those days).
pub fn event_window(k: u8) -> Option<&'static [DayRange]> {
    crate::law::enacted().numeral(k).map(|n| n.window)
}

/// The days a stated event fixes when the start of the date is unknown
/// (§2.2): its enacted confirmed window, cut at a stated end, if any day is
/// left.
pub fn assumed_days(_law: &Law, facts: &Facts) -> Option<Vec<DayRange>> {
    let window = facts.event.and_then(Event::numeral).and_then(event_window)?;
    match facts.date {
        None => Some(window.to_vec()),
        Some(r) if r.first == Day::MIN => {
            let cut: Vec<DayRange> = window
                .iter()
                .filter(|w| w.first <= r.last)
                .map(|w| DayRange::new(w.first, w.last.min(r.last)))
                .collect();
            if cut.is_empty() { None } else { Some(cut) }
        }
        Some(_) => None,
    }
}

/// The days a proceeding's date stands for: the stated date, or the days
/// its event fixes (§2.2); `None` when neither is known. The one place this
/// is worked out: the evaluation carries it, and the answers ask it here.
pub fn date_days(law: &Law, facts: &Facts) -> Option<Vec<DayRange>> {
    assumed_days(law, facts).or_else(|| facts.date.map(|r| vec![r]))
}

/// The charge facts of a domain, with no allocation.
#[derive(Clone, Copy, Debug)]
pub enum Charges {
    Stated([ChargeFacts; 1]),
    Any(&'static [ChargeFacts]),
}

impl core::ops::Deref for Charges {
    type Target = [ChargeFacts];
    fn deref(&self) -> &[ChargeFacts] {
        match self {
            Charges::Stated(one) => one,
            Charges::Any(all) => all,
        }
    }
}

pub fn domain(law: &'static Law, facts: &Facts) -> Domain {
    let mut pairs = InlineVec::new((DayClass::default(), Event::NoEvent));
    let mut date_assumed = false;
    let assumed = match facts.date {
        Some(r) if r.first == Day::MIN => assumed_days(law, facts),
        _ => None,
    };
    match (facts.date, assumed) {
        (Some(_), Some(days)) => {
            date_assumed = true;
            let e = facts.event.expect("assumed days need a stated event");
            pairs.extend(classes_in(law, &days).iter().map(|c| (*c, e)));
        }
        (Some(r), None) => {
            let classes = classes_in(law, &[r]);
            for e in events_for(facts) {
                pairs.extend(classes.iter().map(|c| (*c, e)));
            }
        }
        (None, _) => {
            // §2.2: a stated event fixes the time to its confirmed window.
            for e in events_for(facts) {
                let window = e.numeral().and_then(|k| law.window_classes.get(usize::from(k))).copied().unwrap_or_default();
                if window.is_empty() {
                    pairs.extend(law.all_classes.iter().map(|c| (*c, e)));
                } else {
                    date_assumed |= facts.event.is_some();
                    pairs.extend(window.iter().map(|c| (*c, e)));
                }
            }
        }
    }
    let charges = match facts.charges {
        Some(set) => Charges::Stated([ChargeFacts::of(law, set)]),
        None => Charges::Any(&tables(law).possible_charge_facts),
    };
    let both = |v: Option<bool>| -> &'static [bool] {
        match v {
            None => &[false, true],
            Some(false) => &[false],
            Some(true) => &[true],
        }
    };
    Domain {
        pairs,
        charges,
        // Under a text where military courts change nothing (§2.4), the
        // fact is never a question.
        military_justice: if law.military_courts_doubt { both(facts.military_justice) } else { &[false] },
        ceased_conduct: if law.has_ceased_conduct { both(facts.ceased_conduct) } else { &[true] },
        date_assumed,
    }
}

impl Event {
    pub fn numeral(self) -> Option<u8> {
        match self {
            Event::Numeral(k) => Some(k),
            Event::NoEvent => None,
        }
    }
}

/// What all completions of a proceeding lead to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub outcome: Outcome,
    pub numerals: u16,
    pub articles: u8,
    pub questions: Vec<Question>,
    pub date_assumed: bool,
    /// The days the date stands for ([`date_days`]).
    pub days: Option<Vec<DayRange>>,
    /// What each answer to a question would lead to, read from the same
    /// completions (only when the outcome is `needs_information`).
    pub by_answer: ByAnswer,
}

/// For one evaluation, the outcomes (as [`outcome_bit`]s) its completions
/// reach with one unknown fact fixed to each of its values: what the
/// answers to a question lead to, read from the completions already
/// evaluated instead of evaluating the changed facts again. An axis is
/// `None` where fixing that fact would change more than the completions
/// it picks (see [`ByAnswer::event`]), or where the fact is not unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ByAnswer {
    /// Index `k` for numeral `k`, 0 for "none".
    event: Option<[u8; 14]>,
    /// In the order of [`Tables::possible_charges`].
    charges: Option<Vec<u8>>,
    /// Index 0 for `false`, 1 for `true`.
    military_justice: Option<[u8; 2]>,
    ceased_conduct: Option<[u8; 2]>,
}

/// The one outcome some reached bits name, or `needs_information`.
fn outcome_of_bits(reached: u8) -> Outcome {
    Outcome::ALL.get(reached.trailing_zeros() as usize).copied().filter(|_| reached.count_ones() == 1).unwrap_or(Outcome::NeedsInformation)
}

fn event_index(e: Event) -> usize {
    e.numeral().map_or(0, usize::from)
}

impl ByAnswer {
    /// What stating event `e` would lead to, if the completions tell.
    /// With a date whose start is unknown, a stated event also fixes the
    /// days (§2.2), so the completions do not tell.
    pub fn event(&self, e: Event) -> Option<Outcome> {
        self.event.map(|by| outcome_of_bits(by[event_index(e)]))
    }

    /// What charge list `i` of [`Tables::possible_charges`] would lead to.
    pub fn charges(&self, i: usize) -> Option<Outcome> {
        self.charges.as_ref().and_then(|by| by.get(i)).map(|&bits| outcome_of_bits(bits))
    }

    pub fn military_justice(&self, v: bool) -> Option<Outcome> {
        self.military_justice.map(|by| outcome_of_bits(by[usize::from(v)]))
    }

    pub fn ceased_conduct(&self, v: bool) -> Option<Outcome> {
        self.ceased_conduct.map(|by| outcome_of_bits(by[usize::from(v)]))
    }
}

pub const fn outcome_bit(o: Outcome) -> u8 {
    1 << o as u8
}

impl Domain {
    /// Calls `f` on every completion, in table order (pair, charges,
    /// military justice, ceased conduct), until it returns `false`.
    #[inline]
    fn each(&self, law: &Law, mut f: impl FnMut(Verdict) -> bool) {
        for &(class, event) in self.pairs.iter() {
            for &charges in self.charges.iter() {
                for &military_justice in self.military_justice {
                    for &ceased_conduct in self.ceased_conduct {
                        if !f(decide(law, &Complete { class, event, charges, military_justice, ceased_conduct })) {
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// Only the outcome of a proceeding over every completion: what the
/// answers to a question would lead to, without working out the questions.
pub fn outcome_only(law: &'static Law, facts: &Facts) -> Outcome {
    let mut reached = 0u8;
    domain(law, facts).each(law, |v| {
        reached |= outcome_bit(v.outcome);
        reached.count_ones() < 2
    });
    outcome_of_bits(reached)
}

/// Evaluates a proceeding over every completion of its unknown facts.
pub fn evaluate(law: &'static Law, facts: &Facts) -> Evaluation {
    let d = domain(law, facts);
    let mut table = Vec::with_capacity(d.pairs.len() * d.charges.len() * d.military_justice.len() * d.ceased_conduct.len());
    let (mut reached, mut numerals, mut articles) = (0u8, 0u16, 0u8);
    // What each value of each fact reaches, along the way.
    let (mut by_event, mut by_mj, mut by_cc) = ([0u8; 14], [0u8; 2], [0u8; 2]);
    let mut by_charges = vec![0u8; d.charges.len()];
    for &(class, event) in d.pairs.iter() {
        for (c, &charges) in d.charges.iter().enumerate() {
            for &military_justice in d.military_justice {
                for &ceased_conduct in d.ceased_conduct {
                    let v = decide(law, &Complete { class, event, charges, military_justice, ceased_conduct });
                    let bit = outcome_bit(v.outcome);
                    reached |= bit;
                    numerals |= v.numerals;
                    articles |= v.articles;
                    table.push(v.outcome as u8);
                    by_event[event_index(event)] |= bit;
                    by_charges[c] |= bit;
                    by_mj[usize::from(military_justice)] |= bit;
                    by_cc[usize::from(ceased_conduct)] |= bit;
                }
            }
        }
    }
    let outcome = outcome_of_bits(reached);
    let (questions, by_answer) = if outcome == Outcome::NeedsInformation {
        // An axis is kept only where fixing that fact picks exactly the
        // completions with that value (the domain of the changed facts is
        // the same product with one list cut to one value).
        let start_unknown = matches!(facts.date, Some(r) if r.first == Day::MIN);
        let by_answer = ByAnswer {
            event: (facts.event.is_none() && !start_unknown).then_some(by_event),
            charges: matches!(d.charges, Charges::Any(_)).then_some(by_charges),
            military_justice: (d.military_justice.len() == 2).then_some(by_mj),
            ceased_conduct: (d.ceased_conduct.len() == 2).then_some(by_cc),
        };
        (relevant(&d, &table), by_answer)
    } else {
        (Vec::new(), ByAnswer::default())
    };
    Evaluation { outcome, numerals, articles, questions, date_assumed: d.date_assumed, days: date_days(law, facts), by_answer }
}

/// The facts that change the result: some two completions that differ in
/// that fact alone have different outcomes.
fn relevant(d: &Domain, table: &[u8]) -> Vec<Question> {
    let (nc, nm, nq) = (d.charges.len(), d.military_justice.len(), d.ceased_conduct.len());
    let inner = nc * nm * nq;
    let at = |p: usize, c: usize, m: usize, q: usize| table[((p * nc + c) * nm + m) * nq + q];
    let mut out = Vec::new();
    // Date: same event, other day class; event: same class, other event.
    let row = |i: usize| &table[i * inner..(i + 1) * inner];
    let mut date = false;
    let mut event = false;
    for (i, (ci, ei)) in d.pairs.iter().enumerate() {
        for (j, (cj, ej)) in d.pairs.iter().enumerate().skip(i + 1) {
            if !date && ei == ej && ci != cj && row(i) != row(j) {
                date = true;
            }
            if !event && ci == cj && ei != ej && row(i) != row(j) {
                event = true;
            }
        }
        if date && event {
            break;
        }
    }
    if date {
        out.push(Question::FactsDate);
    }
    if event {
        out.push(Question::Event);
    }
    let differ_along = |axis: usize| -> bool {
        for p in 0..d.pairs.len() {
            for c in 0..nc {
                for m in 0..nm {
                    for q in 0..nq {
                        let base = at(p, c, m, q);
                        let other = match axis {
                            0 => (0..nc).any(|x| at(p, x, m, q) != base),
                            1 => (0..nm).any(|x| at(p, c, x, q) != base),
                            _ => (0..nq).any(|x| at(p, c, m, x) != base),
                        };
                        if other {
                            return true;
                        }
                    }
                }
            }
        }
        false
    };
    if differ_along(0) {
        out.push(Question::Charges);
    }
    if differ_along(1) {
        out.push(Question::MilitaryJustice);
    }
    if differ_along(2) {
        out.push(Question::CeasedConduct);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every answer outcome read from an evaluation's own completions is
    /// the one evaluating the changed facts gives, over a grid of facts:
    /// dates unknown, whole, a year, a range, and with an unknown start;
    /// events, charges and the two yes/no facts unknown or stated; both
    /// law versions.
    #[test]
    fn answers_read_from_the_completions_match_evaluating_again() {
        let range = |a: (i32, u32, u32), b: (i32, u32, u32)| Some(DayRange::new(Day::from_civil(a.0, a.1, a.2), Day::from_civil(b.0, b.1, b.2)));
        let mut dates = vec![None, Some(DayRange::ALL)];
        for y in [1999, 2002, 2004, 2007, 2013, 2014, 2017, 2019, 2024, 2025, 2026] {
            dates.push(range((y, 1, 1), (y, 12, 31)));
            dates.push(range((y, 4, 11), (y, 4, 11)));
            dates.push(range((y, 2, 1), (y, 8, 31)));
            dates.push(Some(DayRange::new(Day::MIN, Day::from_civil(y, 6, 30))));
        }
        let events: Vec<Option<Event>> = core::iter::once(None).chain(Event::all().map(Some)).collect();
        let bools = [None, Some(false), Some(true)];
        let mut checked = 0;
        for law in crate::law::LAWS.iter().copied() {
            let mut charges: Vec<Option<ChargeSet>> = vec![None];
            charges.extend(tables(law).possible_charges.iter().map(|(_, set)| Some(*set)));
            for &date in &dates {
                for &event in &events {
                    for &charges in &charges {
                        for &military_justice in &bools {
                            for &ceased_conduct in &bools {
                                let facts = Facts { date, event, charges, military_justice, ceased_conduct };
                                let ev = evaluate(law, &facts);
                                let by = &ev.by_answer;
                                for e in Event::all() {
                                    if let Some(o) = by.event(e) {
                                        assert_eq!(o, outcome_only(law, &Facts { event: Some(e), ..facts }), "{facts:?} event {e:?}");
                                        checked += 1;
                                    }
                                }
                                for (i, (_, set)) in tables(law).possible_charges.iter().enumerate() {
                                    if let Some(o) = by.charges(i) {
                                        assert_eq!(o, outcome_only(law, &Facts { charges: Some(*set), ..facts }), "{facts:?} charges {i}");
                                        checked += 1;
                                    }
                                }
                                for v in [false, true] {
                                    if let Some(o) = by.military_justice(v) {
                                        assert_eq!(o, outcome_only(law, &Facts { military_justice: Some(v), ..facts }), "{facts:?} mj {v}");
                                        checked += 1;
                                    }
                                    if let Some(o) = by.ceased_conduct(v) {
                                        assert_eq!(o, outcome_only(law, &Facts { ceased_conduct: Some(v), ..facts }), "{facts:?} cc {v}");
                                        checked += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000, "only {checked} answers compared");
    }
}
