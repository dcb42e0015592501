//! The case, once read and checked (contract §1).
//!
//! Every fact is an `Option`: `None` is "unknown", never a sentinel. The
//! parser in `parse` is the only way to build these from outside input.

use crate::date::{DayRange, Precision};
use crate::law::Law;

/// A whole case: one person and their proceedings.
#[derive(Clone, Debug)]
pub struct Case {
    pub law: &'static Law,
    pub person: Person,
    /// 1 to 50.
    pub proceedings: Vec<Proceeding>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub situation: Option<Situation>,
    pub abroad: Option<bool>,
    pub ceased_conduct: Option<bool>,
}

/// One criminal case (*causa*).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proceeding {
    /// Free text, at most 200 characters; echoed back, never read.
    pub label: Option<String>,
    pub facts_date: Option<FactsDate>,
    pub event: Option<Event>,
    /// When known, the complete list.
    pub charges: Option<ChargeSet>,
    pub phase: Option<Phase>,
    pub military_justice: Option<bool>,
}

/// When the acts happened: the days `factsDate` (to `factsDateEnd`) stand for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactsDate {
    pub days: DayRange,
    pub precision: Precision,
    /// Whether `factsDateEnd` was given.
    pub is_range: bool,
}

/// The Art. 8 event the acts relate to, as stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    /// Numeral 1 to 13 of Art. 8.
    Numeral(u8),
    /// The statement that the acts relate to no listed event.
    NoEvent,
}

impl Event {
    /// All 14 values an unknown event can take.
    pub fn all() -> impl Iterator<Item = Event> {
        (1..=13).map(Event::Numeral).chain(core::iter::once(Event::NoEvent))
    }
}

/// A set of charges, one bit per contract code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ChargeSet(pub u32);

impl ChargeSet {
    pub fn insert(&mut self, c: crate::codes::Charge) {
        self.0 |= 1 << c as u32;
    }
    pub fn contains(&self, c: crate::codes::Charge) -> bool {
        self.0 & (1 << c as u32) != 0
    }
    pub fn iter(self) -> impl Iterator<Item = crate::codes::Charge> {
        crate::codes::Charge::ALL.iter().copied().filter(move |c| self.contains(*c))
    }
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
}

impl FromIterator<crate::codes::Charge> for ChargeSet {
    fn from_iter<I: IntoIterator<Item = crate::codes::Charge>>(iter: I) -> Self {
        let mut s = ChargeSet::default();
        for c in iter {
            s.insert(c);
        }
        s
    }
}

pub use crate::codes::{CaseOutcome, Outcome, Phase, Question, Situation};

impl From<Outcome> for CaseOutcome {
    fn from(o: Outcome) -> CaseOutcome {
        match o {
            Outcome::Covered => CaseOutcome::Covered,
            Outcome::NotCovered => CaseOutcome::NotCovered,
            Outcome::Uncertain => CaseOutcome::Uncertain,
            Outcome::NeedsInformation => CaseOutcome::NeedsInformation,
        }
    }
}
