//! The law as data.
//!
//! Each law version lives in one TOML file beside this module
//! (`enacted_2026_02_19.toml`, `draft_2026_02_05.toml`), with the shared
//! charge labels in `charges.toml` and the bibliography in `sources.toml`.
//! `build.rs` validates them (unknown keys, duplicate ids, inverted or
//! overlapping ranges, missing translations, dangling source ids) and turns
//! them into the `static` values below, so a bad rules file fails the build
//! and the shipped core carries no TOML parser.
//!
//! This module may not decide anything: it only describes. The decisions
//! are in `eval`.

pub use crate::codes::{Charge, ChargeGroup, Confidence, ExclusionKind, Status};
use crate::date::DayRange;
use crate::model::{Outcome, Phase, Situation};

/// A sentence in both languages of the checker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub es: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Es => self.es,
            crate::Lang::En => self.en,
        }
    }
}

/// One public report the rules rest on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub outlet: &'static str,
    pub title: &'static str,
    /// Only where the address is known for certain; never guessed.
    pub url: Option<&'static str>,
    /// When it was published (`YYYY-MM-DD` or `YYYY-MM`), where known.
    pub date: Option<&'static str>,
    /// The date is approximate.
    pub date_about: bool,
}

/// An article of the law that the logic uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id, e.g. `art9`.
    pub id: &'static str,
    /// The citation as people write it: `"9"`, `"8"`, `"7"`.
    pub number: &'static str,
    pub heading: Text,
    pub paraphrase: Text,
    pub confidence: Confidence,
    pub sources: &'static [&'static Source],
    /// The key pairing it with its counterpart in the other version.
    pub pair: Option<&'static str>,
    /// What is contested about it and why, in one sentence.
    pub contested: Option<Text>,
}

/// One event of Art. 8 (a numeral), with its time windows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numeral {
    /// Stable id, e.g. `art8_12`.
    pub id: &'static str,
    /// The Art. 8 numeral, 1 to 13: the `event` value of the case format.
    /// Draft episodes carry the number of the enacted numeral they became,
    /// so one case format serves both texts.
    pub number: u8,
    /// How this text cites it: `"8.12"`, or the draft's own `"6.10"`.
    pub cite: &'static str,
    /// One citation per window range, where the window holds two of the
    /// text's own numerals (the draft's 6.3 and 6.4 are both event 3);
    /// empty otherwise.
    pub window_cites: &'static [&'static str],
    /// A short name for lists: "Protestas de 2014".
    pub name: Text,
    pub paraphrase: Text,
    /// The window as people say it: "julio de 2024".
    pub window_text: Text,
    pub confidence: Confidence,
    /// Days inside the confirmed window. Sorted, disjoint, non-empty.
    pub window: &'static [DayRange],
    /// Days in the contested margin. Sorted, disjoint, may be empty.
    pub margin: &'static [DayRange],
    /// Why the margin is contested, where there is one.
    pub margin_note: Option<Text>,
    /// An exception inside this numeral (numeral 10: military rebellion).
    pub exception: Option<Text>,
    pub sources: &'static [&'static Source],
    /// What is contested about it and why, in one sentence.
    pub contested: Option<Text>,
}

impl Numeral {
    /// How sure its confirmed window is. A numeral disputed only because
    /// of its margin (numeral 12's later months) has a confirmed window;
    /// otherwise the window is as sure as the numeral.
    pub fn window_confidence(&self) -> Confidence {
        if !self.margin.is_empty() && self.confidence == Confidence::Disputed { Confidence::Confirmed } else { self.confidence }
    }
}

/// One exclusion (or contested reach of one) with the charges it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exclusion {
    /// Stable id, e.g. `art9_homicide`.
    pub id: &'static str,
    /// The citation: `"9"` or `"8.10"`.
    pub article: &'static str,
    pub kind: ExclusionKind,
    pub charges: &'static [Charge],
    /// Charges this exclusion is read not to reach, though its words could
    /// be stretched to them (the draft's "crimes against public property"
    /// and `property_damage`), with the note saying so when one is charged.
    pub read_narrowly: &'static [Charge],
    pub narrow_note: Option<Text>,
    pub name: Text,
    pub paraphrase: Text,
    /// A caveat to show with it (a disputed threshold, a contested scope).
    pub note: Option<Text>,
    /// How sure the reading in `note` is, where weaker than `confidence`
    /// (the magnicide note of the homicide entry); a step showing the note
    /// takes it.
    pub note_confidence: Option<Confidence>,
    pub confidence: Confidence,
    pub sources: &'static [&'static Source],
    /// The key pairing it with its counterpart in the other version.
    pub pair: Option<&'static str>,
    /// What is contested and why, in one sentence.
    pub contested: Option<Text>,
}

/// A point of procedure or effect (Arts. 7, 10–12, 15), or a route
/// outside the law, selected by the case's phase, situation, abroad status,
/// court and outcome, and ordered by its priority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Procedure {
    /// Stable id, e.g. `filing_court`.
    pub id: &'static str,
    /// `None` where the step rests on no article (a pardon, practice).
    pub article: Option<&'static str>,
    pub text: Text,
    /// The step as one short action, where the full text is long.
    pub short: Option<Text>,
    pub confidence: Confidence,
    /// Empty means any; `None` in the list is a phase that is not given.
    pub phases: &'static [Option<Phase>],
    /// Empty means any; `None` in the list is a situation not given.
    pub situations: &'static [Option<Situation>],
    /// Empty means any.
    pub outcomes: &'static [Outcome],
    /// `Some(true)`: only for people abroad; `Some(false)`: only at home.
    pub abroad: Option<bool>,
    /// `Some(true)`: only for a proceeding that is, or may be, before
    /// military courts; `Some(false)`: only for one that is, or may be, in
    /// the ordinary courts. An unknown `militaryJustice` fits both.
    pub military_justice: Option<bool>,
    /// Only for a proceeding charged with one of these; empty means any.
    pub charges: &'static [Charge],
    /// 1 is the most urgent.
    pub priority: u16,
    /// Other priorities for some cases: the first that fits wins.
    pub ranks: &'static [Rank],
    pub sources: &'static [&'static Source],
}

/// A next step's priority for the cases its filters fit (each empty
/// filter fits any case; `abroad` as in [`Procedure`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rank {
    pub priority: u16,
    pub outcomes: &'static [Outcome],
    pub situations: &'static [Option<Situation>],
    pub phases: &'static [Option<Phase>],
    pub abroad: Option<bool>,
}

/// A clause the checker deliberately does not formalize, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFormalized {
    pub article: &'static str,
    pub reason: Text,
}

/// Plain-language label and explanation of a charge code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChargeInfo {
    pub charge: Charge,
    pub group: ChargeGroup,
    /// The Spanish names a screened list may write instead of the code.
    pub aliases: &'static [&'static str],
    pub label: Text,
    pub explanation: Text,
}

/// A word families meet in the results, explained (`glossary.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlossaryItem {
    /// The Spanish term; what is in parentheses is not matched in texts.
    pub term: &'static str,
    pub explanation: Text,
}

/// Somewhere a family can ask for help, by name only (`glossary.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HelpItem {
    pub id: &'static str,
    pub name: &'static str,
    pub description: Text,
}

/// Which article of a text holds each part of the test: what `articles`
/// cites (contract §3; §2.4 for the draft).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citations {
    /// The list of events: `"8"` (the draft's `"6"`).
    pub events: &'static str,
    /// The exclusions: `"9"` (the draft's `"7"`).
    pub exclusions: &'static str,
    /// The personal conditions, `"7"`, where the text has them.
    pub conditions: Option<&'static str>,
    /// The favourable reading, `"5"`.
    pub favourable: &'static str,
}

/// One version of the law's text.
#[derive(Debug)]
pub struct Law {
    /// `enacted-2026-02-19` or `draft-2026-02-05`.
    pub id: &'static str,
    pub status: Status,
    pub title: &'static str,
    /// The Gaceta reference, e.g. `6.990 Extraordinaria`.
    pub gaceta: &'static str,
    /// The date the text was adopted (signed, or approved in first reading).
    pub adopted: &'static str,
    /// When a person last checked this file against the sources.
    pub last_reviewed: &'static str,
    /// `sha256:` and the first 16 hex digits of the hash of the rules files.
    pub rules_version: &'static str,
    /// The date the legal information runs to (brief §0): `YYYY-MM-DD`.
    pub information_as_of: &'static str,
    /// The period the text reaches (`YYYY-MM-DD`, both ends included): a
    /// timeline's axis.
    pub period: (&'static str, &'static str),
    /// Shown with every result under this version.
    pub notice: Text,
    /// Every sentence the checker writes under this version.
    pub texts: &'static Texts,
    pub citations: Citations,
    /// Whether a case before military courts is uncertain (contract §2.1,
    /// step 5); not under the draft (§2.4).
    pub military_courts_doubt: bool,
    /// Whether this text has the foreign armed-action clause of Art. 9.
    pub has_foreign_clause: bool,
    /// Whether this text has the numeral-10 military-rebellion exception.
    pub has_rebellion_exception: bool,
    /// Whether this text has the "ceased the conduct" condition of Art. 7.
    pub has_ceased_conduct: bool,
    pub articles: &'static [Article],
    /// Sorted by number; only the numerals this text has.
    pub numerals: &'static [Numeral],
    pub exclusions: &'static [Exclusion],
    pub procedure: &'static [Procedure],
    pub not_formalized: &'static [NotFormalized],
    /// The time line cut into runs of days of one class (`timeline.rs`),
    /// worked out by `build.rs` from the numerals' windows and margins.
    pub segments: &'static [crate::timeline::Segment],
    /// The distinct classes of all days.
    pub all_classes: &'static [crate::timeline::DayClass],
    /// Index `k` (0 to 13): the classes of the days that event `k` fixes
    /// when no date is given, the confirmed window of the enacted law's
    /// numeral `k`, under every version (contract §2.2, §2.4); empty for no
    /// such numeral.
    pub window_classes: &'static [&'static [crate::timeline::DayClass]],
}

impl Law {
    pub fn numeral(&self, number: u8) -> Option<&'static Numeral> {
        self.numerals.iter().find(|n| n.number == number)
    }
    pub fn article(&self, number: &str) -> Option<&'static Article> {
        self.articles.iter().find(|a| a.number == number)
    }
    /// The reports a step rests on: those of the rule it applies (a
    /// numeral, an exclusion, an article), or else of the article it cites.
    pub fn sources_for(&self, rule: Option<&str>, article: Option<&str>) -> &'static [&'static Source] {
        if let Some(id) = rule {
            let found = self.numerals.iter().find(|n| n.id == id).map(|n| n.sources)
                .or_else(|| self.exclusions.iter().find(|e| e.id == id).map(|e| e.sources))
                .or_else(|| self.articles.iter().find(|a| a.id == id).map(|a| a.sources));
            if let Some(s) = found {
                return s;
            }
        }
        match article {
            Some(cite) => self
                .articles
                .iter()
                .find(|a| a.number == cite)
                .map(|a| a.sources)
                .or_else(|| self.numerals.iter().find(|n| n.cite == cite || n.window_cites.contains(&cite)).map(|n| n.sources))
                .unwrap_or(&[]),
            None => &[],
        }
    }

    /// The exclusion entry that reads this charge, if any.
    pub fn exclusion_for(&self, charge: Charge) -> Option<&'static Exclusion> {
        self.exclusions.iter().find(|e| e.charges.contains(&charge))
    }
}

mod generated {
    #![allow(clippy::all)]
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/law_data.rs"));
}

/// A name that means more than one charge (`charges.toml`, `[[ambiguous]]`):
/// a screened list that writes it is refused with the choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AmbiguousName {
    pub name: &'static str,
    /// The name folded (`crate::codes::fold`).
    pub key: &'static str,
    pub charges: &'static [Charge],
}

/// The names a screened list may give a column or a value
/// (`screening.toml`). For a column, `column` and `code` are its canonical
/// name; `keys` are the folded names (for a value, its code's too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScreenName {
    pub column: &'static str,
    pub code: &'static str,
    pub names: &'static [&'static str],
    pub keys: &'static [&'static str],
}

pub use generated::{AMBIGUOUS_CHARGES, CHARGE_NAMES, SCREEN_COLUMN_NAMES, SCREEN_VALUE_NAMES};
pub use generated::{CHARGES, DEFAULT_LAW, GLOSSARY, HELP, LAWS, SOURCES, Texts};

/// The law in force: the one whose windows an `event` fixes the date to
/// when no date is given, under every version (contract §2.2, §2.4).
pub fn enacted() -> &'static Law {
    LAWS.iter().copied().find(|l| l.status == Status::Enacted).unwrap_or(DEFAULT_LAW)
}

/// Looks a law version up by id.
pub fn by_id(id: &str) -> Option<&'static Law> {
    LAWS.iter().copied().find(|l| l.id == id)
}

/// Label and explanation of a charge code.
pub fn charge_info(charge: Charge) -> &'static ChargeInfo {
    CHARGES
        .iter()
        .find(|c| c.charge == charge)
        .expect("build.rs checks that every charge code has a label")
}
