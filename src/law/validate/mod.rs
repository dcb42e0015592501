//! Validation of the law rules files (`src/law/*.toml`).
//!
//! This module (this file and its four parts: `schema`, `law`,
//! `files`, `texts`) is compiled twice: by `build.rs` (through
//! `#[path = "src/law/validate/mod.rs"] mod validate;`), which refuses to build
//! the crate when a rules file is wrong, and by `tests/law_validation.rs`,
//! which feeds it broken snippets. It therefore depends on nothing but
//! `std`, `serde`, `toml` and the two dependency-free files of the crate
//! that both includers also include beside it: `crate::codes` (every code
//! it checks a rules file against) and `crate::date` (the calendar).
//!
//! Every check reports the file and the id of the entry at fault, so a
//! failed build says exactly what to fix.
//!
//! # Schema
//!
//! Texts are `{ es, en }` (both required, non-blank; in the files usually
//! written as dotted keys `name.es = "…"`). Dates are `"YYYY-MM-DD"`; day
//! ranges are inclusive `{ from = "…", to = "…" }`.
//!
//! A law file (`enacted_2026_02_19.toml`, `draft_2026_02_05.toml`):
//! - top level: `id` (must match the file name), `status`
//!   (`enacted`|`draft`), `title`, `gaceta`, `adopted`, `last_reviewed`,
//!   `notice`, `has_foreign_clause`, `has_rebellion_exception`,
//!   `has_ceased_conduct`;
//! - `[[articles]]`: `id`, `number`, `heading`, `paraphrase`, `confidence`,
//!   `sources`;
//! - `[[numerals]]`: `id`, `number` (1–13, ascending), `name`,
//!   `paraphrase`, `window_text`, `confidence`, `window` (≥ 1 range),
//!   `margin`?, `margin_note`? (exactly when there is a margin),
//!   `exception`? (numeral 10 only), `sources`;
//! - `[[exclusions]]`: `id`, `article` (`"9"`, `"8.10"`), `kind`
//!   (`excludes`|`contested`|`rebellion_exception`), `charges`, `name`,
//!   `paraphrase`, `note`?, `confidence`, `sources`;
//! - `[[procedure]]`: `id`, `article`? (absent: the step rests on no
//!   article), `text`, `confidence`, `phases`?, `situations`?, `outcomes`?
//!   (empty = any; contract codes, and `unknown` for a phase or situation
//!   not given), `abroad`?, `military_justice`? (booleans; see
//!   `ProcedureDef`), `charges`? (any of them charged), `priority` (1 = most urgent), `[[procedure.rank]]`*
//!   (`priority` and filters `outcomes`?, `situations`?, `phases`?,
//!   `abroad`?: the first that fits gives the priority), `sources`;
//! - `[[not_formalized]]`: `article`, `reason`.
//!
//! `charges.toml`: `[[charges]]` with `code`, `group` (`common`|`serious`),
//! `label`, `explanation`.
//! `glossary.toml`: `[[glossary]]` with `term`, `explanation`; `[[help]]`
//! with `id`, `name`, `description`.
//! `sources.toml`: `[[sources]]` with `id`, `outlet`, `title`, `url`?.
//! `texts*.toml`: `[key]` with `es`, `en`, `basis`? (required in
//! `texts_request.toml`: `"form"` or entry ids of the law in force; see
//! [`Basis`]) and `[key.<law id>]` with that law's own `es`, `en`.
//! `confidence` is `confirmed`|`single_source`|`inferred`|`disputed`;
//! `sources` lists ids of `sources.toml`. Ids are unique within a file.

#![allow(dead_code)]

use crate::codes::fold;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

// ---------------------------------------------------------------------------
// The codes the contract allows (docs: shared/contract/case-format.md).
// ---------------------------------------------------------------------------

// The lists come from the enums the library compiles (`src/codes.rs`,
// which the includer of this file also includes as `crate::codes`).
pub const CONFIDENCES: &[&str] = crate::codes::Confidence::CODES;
pub const STATUSES: &[&str] = crate::codes::Status::CODES;
pub const EXCLUSION_KINDS: &[&str] = crate::codes::ExclusionKind::CODES;
pub const PHASES: &[&str] = crate::codes::Phase::CODES;
pub const SITUATIONS: &[&str] = crate::codes::Situation::CODES;
pub const OUTCOMES: &[&str] = crate::codes::Outcome::CODES;
pub const CHARGE_GROUPS: &[&str] = crate::codes::ChargeGroup::CODES;
/// In a next step's `phases` or `situations`: a case that does not give it.
pub const UNKNOWN: &str = "unknown";

mod files;
mod law;
mod schema;
mod texts;
pub use files::*;
pub use law::*;
pub use schema::*;
pub use texts::*;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// What kind of problem a rules file has. Tests match on this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A key that the format does not have.
    UnknownKey,
    /// Any other TOML or shape error (missing key, wrong type).
    Parse,
    DuplicateId,
    /// A field that must not be empty is empty (title, outlet, article…).
    EmptyField,
    /// A text lacks `es` or `en`, or one of them is blank.
    MissingTranslation,
    InvalidDate,
    InvertedRange,
    /// Two ranges of one numeral overlap (window/window, margin/margin,
    /// or window/margin), or are not in ascending order.
    Overlap,
    /// A numeral without any window range.
    NoWindow,
    NumeralOutOfRange,
    /// Numerals not in ascending order, or a number used twice.
    UnsortedNumerals,
    DanglingSource,
    /// A template of the written request without `basis`.
    MissingBasis,
    /// A `basis` naming no entry of the law in force.
    DanglingBasis,
    UnknownCharge,
    /// A charge code with no entry in `charges.toml`, or with two.
    ChargeCoverage,
    /// A charge read by two exclusion entries of one law.
    ChargeInTwoExclusions,
    UnknownConfidence,
    UnknownStatus,
    UnknownKind,
    /// A phase, situation or outcome that the contract does not list.
    UnknownCode,
    /// A citation to an article or numeral the file does not describe.
    UnknownArticle,
    /// The `has_*` flags disagree with the entries of the file.
    Inconsistent,
    InvalidUrl,
}

#[derive(Debug, Clone)]
pub struct LawError {
    pub file: String,
    /// The id (or code, or number) of the entry at fault; empty when the
    /// problem is the file as a whole.
    pub id: String,
    pub kind: ErrorKind,
    pub message: String,
}

impl fmt::Display for LawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.id.is_empty() {
            write!(f, "{}: {:?}: {}", self.file, self.kind, self.message)
        } else {
            write!(f, "{}: `{}`: {:?}: {}", self.file, self.id, self.kind, self.message)
        }
    }
}

impl std::error::Error for LawError {}

fn err(file: &str, id: &str, kind: ErrorKind, message: impl Into<String>) -> LawError {
    LawError {
        file: file.to_string(),
        id: id.to_string(),
        kind,
        message: message.into(),
    }
}

fn parse_error(file: &str, e: toml::de::Error) -> LawError {
    let message = e.to_string();
    let kind = if message.contains("unknown field") {
        ErrorKind::UnknownKey
    } else {
        ErrorKind::Parse
    };
    err(file, "", kind, message.trim().to_string())
}

// ---------------------------------------------------------------------------
// Dates: the crate's own `src/date.rs`, which the includer of this file also
// includes as `crate::date`.
// ---------------------------------------------------------------------------

/// An exact day `YYYY-MM-DD` of years 1900–2999, as the days since
/// 1970-01-01 of `src/date.rs`.
pub fn day_number(file: &str, id: &str, s: &str) -> Result<i64, LawError> {
    let bad = |why: &str| err(file, id, ErrorKind::InvalidDate, format!("`{s}` {why}"));
    if s.len() != 10 {
        return Err(bad("is not a date written YYYY-MM-DD"));
    }
    let d = crate::date::parse_day(s).map_err(|e| bad(&format!("is not a day of the calendar written YYYY-MM-DD ({e:?})")))?;
    if !(1900..=2999).contains(&d.to_civil().0) {
        return Err(bad(": the year must be between 1900 and 2999"));
    }
    Ok(i64::from(d.0))
}

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

/// Everything, parsed and checked. The law files keep the order given.
#[derive(Debug, Clone)]
pub struct Validated {
    pub sources: SourcesFile,
    pub charges: ChargesFile,
    /// `(file name, law)`.
    pub laws: Vec<(String, LawFile)>,
    /// Every sentence template, sorted by key.
    pub texts: Vec<TemplateDef>,
}

fn check_text(file: &str, id: &str, what: &str, t: &TextDef) -> Result<(), LawError> {
    for (lang, s) in [("es", &t.es), ("en", &t.en)] {
        if s.trim().is_empty() {
            return Err(err(file, id, ErrorKind::MissingTranslation, format!("`{what}` has no `{lang}` text (both `es` and `en` are required and may not be blank)")));
        }
    }
    Ok(())
}

/// The one sentence on what is contested: both languages when given, and
/// given where the entry is contested (`required`).
fn check_contested(file: &str, id: &str, t: &Option<TextDef>, required: bool) -> Result<(), LawError> {
    match t {
        Some(t) => check_text(file, id, "contested", t),
        None if required => Err(err(file, id, ErrorKind::Inconsistent, "a disputed or contested entry needs a `contested` sentence saying what is contested and why")),
        None => Ok(()),
    }
}

/// A pairing key: an id's characters, used once in a file.
fn check_pair(file: &str, id: &str, pair: &Option<String>, seen: &mut BTreeSet<String>) -> Result<(), LawError> {
    let Some(p) = pair else { return Ok(()) };
    if p.is_empty() || !p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return Err(err(file, id, ErrorKind::EmptyField, "a `pair` key uses only lowercase ASCII letters, digits and `_`"));
    }
    if !seen.insert(p.clone()) {
        return Err(err(file, id, ErrorKind::DuplicateId, format!("`pair` key `{p}` is used twice in this file")));
    }
    Ok(())
}

fn check_nonempty(file: &str, id: &str, what: &str, s: &str) -> Result<(), LawError> {
    if s.trim().is_empty() {
        return Err(err(file, id, ErrorKind::EmptyField, format!("`{what}` may not be empty")));
    }
    Ok(())
}

fn check_confidence(file: &str, id: &str, c: &str) -> Result<(), LawError> {
    if !CONFIDENCES.contains(&c) {
        return Err(err(file, id, ErrorKind::UnknownConfidence, format!("confidence `{c}` is not one of {}", CONFIDENCES.join(", "))));
    }
    Ok(())
}

fn check_sources(
    file: &str,
    id: &str,
    ids: &[String],
    known: &BTreeSet<String>,
) -> Result<(), LawError> {
    if ids.is_empty() {
        return Err(err(file, id, ErrorKind::EmptyField, "`sources` must name at least one source"));
    }
    let mut seen = BTreeSet::new();
    for s in ids {
        if !known.contains(s) {
            return Err(err(file, id, ErrorKind::DanglingSource, format!("source `{s}` is not in sources.toml")));
        }
        if !seen.insert(s) {
            return Err(err(file, id, ErrorKind::DuplicateId, format!("source `{s}` is cited twice")));
        }
    }
    Ok(())
}

fn claim_id(
    file: &str,
    id: &str,
    seen: &mut BTreeSet<String>,
) -> Result<(), LawError> {
    check_nonempty(file, id, "id", id)?;
    if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        return Err(err(file, id, ErrorKind::EmptyField, "ids use only lowercase ASCII letters, digits, `_` and `-`"));
    }
    if !seen.insert(id.to_string()) {
        return Err(err(file, id, ErrorKind::DuplicateId, format!("id `{id}` is used twice in this file")));
    }
    Ok(())
}

impl Validated {
    /// A template's confidence and sources, from its `basis` in the law in
    /// force: the weakest confidence of the entries it rests on, and all
    /// their sources, each once, in order. `None` for a line of form or a
    /// template with no basis.
    pub fn grounds(&self, key: &str) -> Option<(&str, Vec<&str>)> {
        let Basis::Entries(ids) = self.texts.iter().find(|t| t.key == key)?.basis.as_ref()? else {
            return None;
        };
        let (_, law) = self.laws.iter().find(|(_, l)| l.status == "enacted")?;
        let mut weakest = CONFIDENCES[0];
        let mut sources: Vec<&str> = Vec::new();
        for id in ids {
            let (_, c, s) = law.entries().find(|(e, _, _)| e == id)?;
            let rank = |c: &str| CONFIDENCES.iter().position(|k| *k == c);
            if rank(c) > rank(weakest) {
                weakest = c;
            }
            for src in s {
                if !sources.contains(&src.as_str()) {
                    sources.push(src);
                }
            }
        }
        Some((weakest, sources))
    }
}

/// Checks all rules files together. `laws` holds `(file name, text)`, and
/// so does `texts`.
pub fn validate_all(
    laws: &[(&str, &str)],
    texts: &[(&str, &str)],
    charges: (&str, &str),
    sources: (&str, &str),
    codes: &[&str],
) -> Result<Validated, LawError> {
    let sources_parsed = parse_sources(sources.0, sources.1)?;
    let charges_parsed = parse_charges(charges.0, charges.1, codes)?;
    let mut out = Vec::new();
    let mut law_ids = BTreeSet::new();
    for (file, text) in laws {
        let expected = id_from_file_name(file);
        let law = parse_law(file, text, Some(&expected), &sources_parsed, codes)?;
        if !law_ids.insert(law.id.clone()) {
            return Err(err(file, &law.id, ErrorKind::DuplicateId, "two law files share this id"));
        }
        out.push((file.to_string(), law));
    }
    let ids: Vec<&str> = out.iter().map(|(_, l)| l.id.as_str()).collect();
    let mut templates: Vec<TemplateDef> = Vec::new();
    for (file, text) in texts {
        for t in parse_texts(file, text, &ids)? {
            if templates.iter().any(|o| o.key == t.key) {
                return Err(err(file, &t.key, ErrorKind::DuplicateId, "this template key is defined in another texts file too"));
            }
            templates.push(t);
        }
    }
    templates.sort_by(|a, b| a.key.cmp(&b.key));
    // A basis names entries of the law in force: only it produces documents.
    if let Some((file, law)) = out.iter().find(|(_, l)| l.status == "enacted") {
        let ids: BTreeSet<&str> = law.entries().map(|(id, _, _)| id).collect();
        for t in &templates {
            if let Some(Basis::Entries(entries)) = &t.basis {
                if let Some(missing) = entries.iter().find(|e| !ids.contains(e.as_str())) {
                    return Err(err(file, &t.key, ErrorKind::DanglingBasis, format!("template `{}` rests on `{missing}`, which is not an entry of this law", t.key)));
                }
            }
        }
    }
    Ok(Validated {
        sources: sources_parsed,
        charges: charges_parsed,
        laws: out,
        texts: templates,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_exact_days_of_the_calendar() {
        assert!(day_number("f", "x", "2024-02-29").is_ok());
        for bad in ["2023-02-29", "2024-7-01", "2024-13-01", "1899-12-31", "2024-07", "2024"] {
            assert!(day_number("f", "x", bad).is_err(), "{bad}");
        }
        assert_eq!(day_number("f", "x", "1970-01-01").unwrap(), 0);
        assert_eq!(day_number("f", "x", "2000-03-01").unwrap(), 11_017);
    }

    #[test]
    fn file_names_give_law_ids() {
        assert_eq!(id_from_file_name("src/law/enacted_2026_02_19.toml"), "enacted-2026-02-19");
    }
}
