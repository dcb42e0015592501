//! Validation of the law rules files (`src/law/*.toml`).
//!
//! This file is compiled twice: by `build.rs` (through
//! `#[path = "src/law/validate.rs"] mod validate;`), which refuses to build
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

// ---------------------------------------------------------------------------
// The file formats. Every struct refuses keys it does not know.
// ---------------------------------------------------------------------------

/// A sentence in both languages. Missing halves deserialize as empty and
/// are then reported by the validator with the id of their entry.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TextDef {
    #[serde(default)]
    pub es: String,
    #[serde(default)]
    pub en: String,
}

/// An inclusive run of days, written `{ from = "YYYY-MM-DD", to = "YYYY-MM-DD" }`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RangeDef {
    pub from: String,
    pub to: String,
    /// The citation of this part of a window, where one numeral's window
    /// holds two of the text's own numerals (the draft's Art. 6, numerals 3
    /// and 4, are both `event` 3). Window ranges only, all or none.
    pub cite: Option<String>,
}

/// `period = { from = "…", to = "…" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodDef {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    pub id: String,
    pub outlet: String,
    pub title: String,
    pub url: Option<String>,
    /// When it was published: `YYYY-MM-DD` or `YYYY-MM`; absent where not known.
    pub date: Option<String>,
    /// The date is approximate ("about 20 Feb 2026").
    #[serde(default)]
    pub date_about: bool,
}

/// `sources.toml`: `[[sources]]` tables.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub sources: Vec<SourceDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChargeDef {
    pub code: String,
    /// `common` for the charges usually brought over protests, which the
    /// page lists first; `serious` for the rest.
    pub group: String,
    /// Spanish names a screened list may write instead of the code.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub label: TextDef,
    pub explanation: TextDef,
}

/// A name that means more than one charge: refused, with the choices.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmbiguousDef {
    pub name: String,
    pub codes: Vec<String>,
}

/// `charges.toml`: `[[charges]]` tables, and `[[ambiguous]]` names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChargesFile {
    pub charges: Vec<ChargeDef>,
    #[serde(default)]
    pub ambiguous: Vec<AmbiguousDef>,
}

/// `screening.toml`: the names a screened list may give its columns and
/// values, besides the canonical ones.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningFile {
    pub columns: Vec<ScreenColumnDef>,
    pub values: Vec<ScreenValueDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenColumnDef {
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenValueDef {
    pub column: String,
    pub code: String,
    pub aliases: Vec<String>,
}

/// The screening CSV's columns, in the template's order (`src/screen/mod.rs`
/// has the same list; a test compares them).
pub const SCREEN_COLUMNS: &[&str] = &[
    "id", "law", "situation", "abroad", "ceasedConduct", "label", "factsDate", "factsDateEnd",
    "event", "charges", "phase", "militaryJustice",
];

/// A word families meet in the results, explained.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryDef {
    /// The Spanish term as the texts use it; what is in parentheses is
    /// shown but not matched.
    pub term: String,
    pub explanation: TextDef,
}

/// Somewhere a family can ask for help: named, never with an address.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpDef {
    pub id: String,
    pub name: String,
    pub description: TextDef,
}

/// `glossary.toml`: `[[glossary]]` and `[[help]]` tables, in the order the
/// page shows them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub glossary: Vec<GlossaryDef>,
    pub help: Vec<HelpDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleDef {
    pub id: String,
    pub number: String,
    pub heading: TextDef,
    pub paraphrase: TextDef,
    pub confidence: String,
    pub sources: Vec<String>,
    /// The key that pairs this entry with its counterpart in the other
    /// version of the law (the comparison of the law view).
    pub pair: Option<String>,
    /// What is contested about it and why, in one sentence.
    pub contested: Option<TextDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumeralDef {
    pub id: String,
    pub number: i64,
    pub name: TextDef,
    pub paraphrase: TextDef,
    pub window_text: TextDef,
    pub confidence: String,
    pub window: Vec<RangeDef>,
    #[serde(default)]
    pub margin: Vec<RangeDef>,
    pub margin_note: Option<TextDef>,
    pub exception: Option<TextDef>,
    /// How the text cites this numeral (`"8.12"`, or the draft's own
    /// `"6.10"`); by default `citations.events` and the number.
    pub cite: Option<String>,
    pub sources: Vec<String>,
    /// What is contested about it and why, in one sentence (required with a
    /// margin or a `disputed` confidence).
    pub contested: Option<TextDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusionDef {
    pub id: String,
    pub article: String,
    pub kind: String,
    pub charges: Vec<String>,
    /// Charges the exclusion is read not to reach (Art. 5's narrow reading),
    /// with `narrow_note` saying so; both or neither.
    #[serde(default)]
    pub read_narrowly: Vec<String>,
    pub narrow_note: Option<TextDef>,
    pub name: TextDef,
    pub paraphrase: TextDef,
    pub note: Option<TextDef>,
    /// How sure the reading in `note` is, where it is weaker than the entry
    /// itself (the magnicide note of the homicide entry: single source). A
    /// step that shows the note takes this confidence.
    pub note_confidence: Option<String>,
    pub confidence: String,
    pub sources: Vec<String>,
    /// As for articles: the key of its counterpart in the other version.
    pub pair: Option<String>,
    /// What is contested and why, in one sentence (required for a
    /// `contested` kind or a `disputed` confidence).
    pub contested: Option<TextDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureDef {
    pub id: String,
    /// The article the step rests on; absent when it rests on none (a
    /// route outside the law, such as a pardon, or on practice alone).
    pub article: Option<String>,
    pub text: TextDef,
    /// The step as one short action, for "Lo que debe hacer ahora" (the
    /// first screen shows the three most urgent); `text` says it in full.
    pub short: Option<TextDef>,
    pub confidence: String,
    /// Phase codes, and `unknown` for a proceeding whose phase is not given.
    #[serde(default)]
    pub phases: Vec<String>,
    /// Situation codes, and `unknown` for a person whose situation is not
    /// given.
    #[serde(default)]
    pub situations: Vec<String>,
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// `true`: only for people abroad; `false`: only for people in
    /// Venezuela (or whose whereabouts are not given); absent: both.
    pub abroad: Option<bool>,
    /// `true`: only for a proceeding that is, or may be, before military
    /// courts; `false`: only for one that is, or may be, in the ordinary
    /// courts; absent: both. An unknown `militaryJustice` fits either.
    pub military_justice: Option<bool>,
    /// Charge codes: the step is only for a proceeding charged with one of
    /// them (the charges being known); empty: any.
    #[serde(default)]
    pub charges: Vec<String>,
    /// How urgent the step is, 1 being the most: the order of `nextSteps`.
    pub priority: u16,
    /// Another priority for some cases: the first `rank` whose filters all
    /// fit the case gives the step's priority (contract §3, rev. 2).
    #[serde(default)]
    pub rank: Vec<RankDef>,
    pub sources: Vec<String>,
}

/// A priority of a next step for the cases its filters fit (same codes and
/// meaning as the step's own filters; empty means any).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankDef {
    pub priority: u16,
    #[serde(default)]
    pub outcomes: Vec<String>,
    #[serde(default)]
    pub situations: Vec<String>,
    #[serde(default)]
    pub phases: Vec<String>,
    pub abroad: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotFormalizedDef {
    pub article: String,
    pub reason: TextDef,
}

/// Which article of this text holds each part of the test (contract §3,
/// `articles`): the enacted law cites 8, 9, 7 and 5; the draft its own 6, 7
/// and 5, and it has no personal conditions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationsDef {
    /// The list of events (enacted Art. 8, draft Art. 6).
    pub events: String,
    /// The exclusions (enacted Art. 9, draft Art. 7).
    pub exclusions: String,
    /// The personal conditions (enacted Art. 7), where the text has them.
    pub conditions: Option<String>,
    /// The favourable reading (Art. 5).
    pub favourable: String,
}

/// One law version: `enacted_2026_02_19.toml`, `draft_2026_02_05.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LawFile {
    pub id: String,
    pub status: String,
    pub title: String,
    pub gaceta: String,
    pub adopted: String,
    pub last_reviewed: String,
    /// The date the legal information behind this file runs to (brief §0,
    /// "knowledge horizon"); every result shows it in words.
    pub information_as_of: String,
    /// The period the text reaches, as a timeline's axis: from 1 Jan 1999
    /// to its entry into force (the draft: to its own end, 30 Jan 2026).
    pub period: PeriodDef,
    pub notice: TextDef,
    pub citations: CitationsDef,
    /// Whether a case before military courts is `uncertain` under this
    /// text (contract §2.1 step 5); the draft's Art. 10 reached military
    /// proceedings, so not there (§2.4).
    pub military_courts_doubt: bool,
    pub has_foreign_clause: bool,
    pub has_rebellion_exception: bool,
    pub has_ceased_conduct: bool,
    pub articles: Vec<ArticleDef>,
    pub numerals: Vec<NumeralDef>,
    #[serde(default)]
    pub exclusions: Vec<ExclusionDef>,
    #[serde(default)]
    pub procedure: Vec<ProcedureDef>,
    #[serde(default)]
    pub not_formalized: Vec<NotFormalizedDef>,
}

impl LawFile {
    /// Every entry that carries a confidence and sources: `(id, confidence,
    /// sources)` of its articles, numerals, exclusions and procedure steps.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str, &[String])> {
        let a = self.articles.iter().map(|e| (e.id.as_str(), e.confidence.as_str(), e.sources.as_slice()));
        let n = self.numerals.iter().map(|e| (e.id.as_str(), e.confidence.as_str(), e.sources.as_slice()));
        let x = self.exclusions.iter().map(|e| (e.id.as_str(), e.confidence.as_str(), e.sources.as_slice()));
        let p = self.procedure.iter().map(|e| (e.id.as_str(), e.confidence.as_str(), e.sources.as_slice()));
        a.chain(n).chain(x).chain(p)
    }
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

/// Parses and checks `sources.toml`.
pub fn parse_sources(file: &str, text: &str) -> Result<SourcesFile, LawError> {
    let parsed: SourcesFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let mut seen = BTreeSet::new();
    for s in &parsed.sources {
        claim_id(file, &s.id, &mut seen)?;
        check_nonempty(file, &s.id, "outlet", &s.outlet)?;
        check_nonempty(file, &s.id, "title", &s.title)?;
        if let Some(url) = &s.url {
            let ok = (url.starts_with("https://") || url.starts_with("http://"))
                && !url.contains(char::is_whitespace)
                && url.len() > "https://".len();
            if !ok {
                return Err(err(file, &s.id, ErrorKind::InvalidUrl, format!("`{url}` is not an http(s) address")));
            }
        }
        if let Some(d) = &s.date {
            let ok = d.len() >= 7 && crate::date::parse_span(d).is_ok();
            if !ok {
                return Err(err(file, &s.id, ErrorKind::InvalidDate, format!("`date` `{d}` is not YYYY-MM-DD or YYYY-MM")));
            }
        } else if s.date_about {
            return Err(err(file, &s.id, ErrorKind::Inconsistent, "`date_about` without a `date`"));
        }
    }
    Ok(parsed)
}

/// Parses and checks `charges.toml` against the crate's charge codes:
/// each code exactly once, nothing else.
pub fn parse_charges(file: &str, text: &str, codes: &[&str]) -> Result<ChargesFile, LawError> {
    let parsed: ChargesFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let mut seen = BTreeSet::new();
    for c in &parsed.charges {
        if !codes.contains(&c.code.as_str()) {
            return Err(err(file, &c.code, ErrorKind::UnknownCharge, format!("`{}` is not a charge code of src/codes.rs", c.code)));
        }
        if !seen.insert(c.code.clone()) {
            return Err(err(file, &c.code, ErrorKind::ChargeCoverage, "this charge code has two entries"));
        }
        if !CHARGE_GROUPS.contains(&c.group.as_str()) {
            return Err(err(file, &c.code, ErrorKind::UnknownKind, format!("group `{}` is not one of {}", c.group, CHARGE_GROUPS.join(", "))));
        }
        check_text(file, &c.code, "label", &c.label)?;
        check_text(file, &c.code, "explanation", &c.explanation)?;
    }
    // Names: each folded name once, for one code or one ambiguous entry,
    // and never another code's own code.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for code in codes {
        names.insert(fold(code), (*code).to_string());
    }
    let mut claim = |id: &str, name: &str| -> Result<(), LawError> {
        let key = fold(name);
        if key.is_empty() {
            return Err(err(file, id, ErrorKind::EmptyField, "an empty alias"));
        }
        if let Some(other) = names.insert(key, id.to_string()) {
            return Err(err(file, id, ErrorKind::DuplicateId, format!("the name `{name}` is already taken by `{other}`")));
        }
        Ok(())
    };
    for c in &parsed.charges {
        for a in &c.aliases {
            claim(&c.code, a)?;
        }
    }
    for a in &parsed.ambiguous {
        claim(&a.name, &a.name)?;
        if a.codes.len() < 2 {
            return Err(err(file, &a.name, ErrorKind::Inconsistent, "an ambiguous name lists at least two codes"));
        }
        for c in &a.codes {
            if !codes.contains(&c.as_str()) {
                return Err(err(file, &a.name, ErrorKind::UnknownCharge, format!("`{c}` is not a charge code of src/charge.rs")));
            }
        }
    }
    for code in codes {
        if !seen.contains(*code) {
            return Err(err(file, code, ErrorKind::ChargeCoverage, "this charge code has no label and explanation"));
        }
    }
    Ok(parsed)
}

/// Parses and checks `screening.toml`: every canonical column once, every
/// value for a listed column and one of its codes, and no folded name
/// given twice within a column (or to two columns).
pub fn parse_screening(file: &str, text: &str) -> Result<ScreeningFile, LawError> {
    let parsed: ScreeningFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let mut headers: BTreeMap<String, String> = SCREEN_COLUMNS.iter().map(|c| (fold(c), (*c).to_string())).collect();
    for c in &parsed.columns {
        if !SCREEN_COLUMNS.contains(&c.name.as_str()) {
            return Err(err(file, &c.name, ErrorKind::UnknownKey, format!("`{}` is not a screening column ({})", c.name, SCREEN_COLUMNS.join(", "))));
        }
        for a in &c.aliases {
            if let Some(other) = headers.insert(fold(a), c.name.clone()).filter(|o| *o != c.name || fold(a) != fold(o)) {
                return Err(err(file, &c.name, ErrorKind::DuplicateId, format!("the column name `{a}` is already taken by `{other}`")));
            }
        }
    }
    let mut values: BTreeMap<(String, String), String> = BTreeMap::new();
    for v in &parsed.values {
        let allowed: &[&str] = match v.column.as_str() {
            "situation" => SITUATIONS,
            "phase" => PHASES,
            other => return Err(err(file, &v.code, ErrorKind::UnknownKey, format!("values are listed for `situation` and `phase`, not `{other}`"))),
        };
        if !allowed.contains(&v.code.as_str()) || v.code == UNKNOWN {
            return Err(err(file, &v.code, ErrorKind::UnknownCode, format!("`{}` is not a {} code", v.code, v.column)));
        }
        for name in v.aliases.iter().chain(core::iter::once(&v.code)) {
            if let Some(other) = values.insert((v.column.clone(), fold(name)), v.code.clone()).filter(|o| *o != v.code) {
                return Err(err(file, &v.code, ErrorKind::DuplicateId, format!("the {} name `{name}` is already taken by `{other}`", v.column)));
            }
        }
    }
    Ok(parsed)
}

/// Parses and checks `glossary.toml`: terms and help ids unique, every
/// text in both languages, names without web or street addresses.
pub fn parse_glossary(file: &str, text: &str) -> Result<GlossaryFile, LawError> {
    let parsed: GlossaryFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let mut terms = BTreeSet::new();
    for g in &parsed.glossary {
        check_nonempty(file, &g.term, "term", &g.term)?;
        if !terms.insert(g.term.to_lowercase()) {
            return Err(err(file, &g.term, ErrorKind::DuplicateId, "this term is explained twice"));
        }
        check_text(file, &g.term, "explanation", &g.explanation)?;
    }
    let mut ids = BTreeSet::new();
    for h in &parsed.help {
        claim_id(file, &h.id, &mut ids)?;
        check_nonempty(file, &h.id, "name", &h.name)?;
        check_text(file, &h.id, "description", &h.description)?;
        for t in [h.name.as_str(), h.description.es.as_str(), h.description.en.as_str()] {
            if t.contains("http") || t.contains("www.") || t.contains('@') {
                return Err(err(file, &h.id, ErrorKind::InvalidUrl, "help entries name organisations only, with no address"));
            }
        }
    }
    if parsed.glossary.is_empty() || parsed.help.is_empty() {
        return Err(err(file, "", ErrorKind::EmptyField, "the glossary and the help list may not be empty"));
    }
    Ok(parsed)
}

/// Checks one numeral's ranges: each non-inverted, windows and margins
/// each in ascending order without overlap, and no margin day inside the
/// window.
fn check_ranges(file: &str, n: &NumeralDef) -> Result<(), LawError> {
    let id = n.id.as_str();
    if n.window.is_empty() {
        return Err(err(file, id, ErrorKind::NoWindow, "a numeral needs at least one window range"));
    }
    let spans = |ranges: &[RangeDef], what: &str| -> Result<Vec<(i64, i64)>, LawError> {
        let mut out: Vec<(i64, i64)> = Vec::new();
        for r in ranges {
            let a = day_number(file, id, &r.from)?;
            let b = day_number(file, id, &r.to)?;
            if b < a {
                return Err(err(file, id, ErrorKind::InvertedRange, format!("{what} range {}..{} ends before it starts", r.from, r.to)));
            }
            if let Some(&(_, prev_last)) = out.last() {
                if a <= prev_last {
                    return Err(err(file, id, ErrorKind::Overlap, format!("{what} range starting {} overlaps or precedes the one before it (ranges must be sorted and disjoint)", r.from)));
                }
            }
            out.push((a, b));
        }
        Ok(out)
    };
    let window = spans(&n.window, "window")?;
    let margin = spans(&n.margin, "margin")?;
    for &(ma, mb) in &margin {
        for &(wa, wb) in &window {
            if ma <= wb && wa <= mb {
                return Err(err(file, id, ErrorKind::Overlap, "a margin range overlaps the confirmed window"));
            }
        }
    }
    if margin.is_empty() && n.margin_note.is_some() {
        return Err(err(file, id, ErrorKind::Inconsistent, "`margin_note` without a margin"));
    }
    if !margin.is_empty() && n.margin_note.is_none() {
        return Err(err(file, id, ErrorKind::Inconsistent, "a margin needs a `margin_note` saying why it is contested"));
    }
    Ok(())
}

fn check_codes(file: &str, id: &str, what: &str, values: &[String], allowed: &[&str]) -> Result<(), LawError> {
    let mut seen = BTreeSet::new();
    for v in values {
        if !allowed.contains(&v.as_str()) {
            return Err(err(file, id, ErrorKind::UnknownCode, format!("{what} `{v}` is not one of {}", allowed.join(", "))));
        }
        if !seen.insert(v) {
            return Err(err(file, id, ErrorKind::DuplicateId, format!("{what} `{v}` is listed twice")));
        }
    }
    Ok(())
}

/// Parses and checks one law file. `expected_id` is the id its file name
/// implies (`enacted_2026_02_19.toml` → `enacted-2026-02-19`), if any.
pub fn parse_law(
    file: &str,
    text: &str,
    expected_id: Option<&str>,
    sources: &SourcesFile,
    codes: &[&str],
) -> Result<LawFile, LawError> {
    let law: LawFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let known: BTreeSet<String> = sources.sources.iter().map(|s| s.id.clone()).collect();
    let lid = law.id.as_str();

    // The header.
    check_nonempty(file, lid, "id", lid)?;
    if let Some(expected) = expected_id {
        if lid != expected {
            return Err(err(file, lid, ErrorKind::Inconsistent, format!("the file name says the id is `{expected}`")));
        }
    }
    if !STATUSES.contains(&law.status.as_str()) {
        return Err(err(file, lid, ErrorKind::UnknownStatus, format!("status `{}` is not one of {}", law.status, STATUSES.join(", "))));
    }
    check_nonempty(file, lid, "title", &law.title)?;
    check_nonempty(file, lid, "gaceta", &law.gaceta)?;
    let adopted = day_number(file, lid, &law.adopted)?;
    let reviewed = day_number(file, lid, &law.last_reviewed)?;
    if reviewed < adopted {
        return Err(err(file, lid, ErrorKind::InvertedRange, "`last_reviewed` is before `adopted`"));
    }
    let horizon = day_number(file, lid, &law.information_as_of)?;
    if day_number(file, lid, &law.period.to)? < day_number(file, lid, &law.period.from)? {
        return Err(err(file, lid, ErrorKind::InvertedRange, "`period` ends before it starts"));
    }
    if horizon < adopted {
        return Err(err(file, lid, ErrorKind::InvertedRange, "`information_as_of` is before `adopted`"));
    }
    check_text(file, lid, "notice", &law.notice)?;
    check_nonempty(file, lid, "citations.events", &law.citations.events)?;
    check_nonempty(file, lid, "citations.exclusions", &law.citations.exclusions)?;
    check_nonempty(file, lid, "citations.favourable", &law.citations.favourable)?;

    let mut ids = BTreeSet::new();
    ids.insert(lid.to_string());

    // Articles.
    let mut pairs = BTreeSet::new();
    let mut article_numbers = BTreeSet::new();
    for a in &law.articles {
        claim_id(file, &a.id, &mut ids)?;
        check_nonempty(file, &a.id, "number", &a.number)?;
        if !article_numbers.insert(a.number.clone()) {
            return Err(err(file, &a.id, ErrorKind::DuplicateId, format!("article {} is described twice", a.number)));
        }
        check_text(file, &a.id, "heading", &a.heading)?;
        check_text(file, &a.id, "paraphrase", &a.paraphrase)?;
        check_confidence(file, &a.id, &a.confidence)?;
        check_sources(file, &a.id, &a.sources, &known)?;
        check_contested(file, &a.id, &a.contested, a.confidence == "disputed")?;
        check_pair(file, &a.id, &a.pair, &mut pairs)?;
    }

    // Numerals.
    let mut last_number = 0i64;
    let mut numeral_numbers = BTreeSet::new();
    for n in &law.numerals {
        claim_id(file, &n.id, &mut ids)?;
        if !(1..=13).contains(&n.number) {
            return Err(err(file, &n.id, ErrorKind::NumeralOutOfRange, format!("numeral {} is not between 1 and 13", n.number)));
        }
        if n.number <= last_number {
            return Err(err(file, &n.id, ErrorKind::UnsortedNumerals, format!("numeral {} comes after numeral {}: numerals must be sorted and unique", n.number, last_number)));
        }
        last_number = n.number;
        numeral_numbers.insert(n.number);
        check_text(file, &n.id, "name", &n.name)?;
        check_text(file, &n.id, "paraphrase", &n.paraphrase)?;
        check_text(file, &n.id, "window_text", &n.window_text)?;
        if let Some(t) = &n.margin_note {
            check_text(file, &n.id, "margin_note", t)?;
        }
        if let Some(t) = &n.exception {
            check_text(file, &n.id, "exception", t)?;
        }
        check_confidence(file, &n.id, &n.confidence)?;
        check_ranges(file, n)?;
        check_sources(file, &n.id, &n.sources, &known)?;
        check_contested(file, &n.id, &n.contested, n.confidence == "disputed" || !n.margin.is_empty())?;
    }
    if law.numerals.is_empty() {
        return Err(err(file, lid, ErrorKind::NoWindow, "a law needs at least one numeral"));
    }
    for c in [&law.citations.events, &law.citations.exclusions, &law.citations.favourable]
        .into_iter()
        .chain(law.citations.conditions.as_ref())
    {
        if !article_numbers.contains(c.as_str()) {
            return Err(err(file, lid, ErrorKind::UnknownArticle, format!("`citations` names article `{c}`, which `articles` does not describe")));
        }
    }
    if law.citations.conditions.is_some() != law.has_ceased_conduct {
        return Err(err(file, lid, ErrorKind::Inconsistent, "`citations.conditions` is given exactly when `has_ceased_conduct` is true"));
    }

    // Each numeral's citations: its own, or one per window range.
    let mut numeral_cites: BTreeSet<String> = BTreeSet::new();
    for n in &law.numerals {
        let own = n.cite.clone().unwrap_or_else(|| format!("{}.{}", law.citations.events, n.number));
        let per_range: Vec<&String> = n.window.iter().filter_map(|r| r.cite.as_ref()).collect();
        if !per_range.is_empty() && per_range.len() != n.window.len() {
            return Err(err(file, &n.id, ErrorKind::Inconsistent, "either every window range has a `cite` or none has"));
        }
        if n.margin.iter().any(|r| r.cite.is_some()) {
            return Err(err(file, &n.id, ErrorKind::Inconsistent, "a margin range takes the numeral's `cite`, not one of its own"));
        }
        for c in std::iter::once(&own).chain(per_range) {
            let art = c.split_once('.').map_or(c.as_str(), |(a, _)| a);
            if !article_numbers.contains(art) {
                return Err(err(file, &n.id, ErrorKind::UnknownArticle, format!("citation `{c}` names an article that `articles` does not describe")));
            }
            numeral_cites.insert(c.clone());
        }
    }

    // Citations must point at something the file describes.
    let cite_ok = |cite: &str| -> bool { article_numbers.contains(cite) || numeral_cites.contains(cite) };

    // Exclusions.
    let mut excluded_by: BTreeMap<String, String> = BTreeMap::new();
    for e in &law.exclusions {
        claim_id(file, &e.id, &mut ids)?;
        check_nonempty(file, &e.id, "article", &e.article)?;
        if !cite_ok(&e.article) {
            return Err(err(file, &e.id, ErrorKind::UnknownArticle, format!("article `{}` is not described in `articles` (or its numeral is missing)", e.article)));
        }
        if !EXCLUSION_KINDS.contains(&e.kind.as_str()) {
            return Err(err(file, &e.id, ErrorKind::UnknownKind, format!("kind `{}` is not one of {}", e.kind, EXCLUSION_KINDS.join(", "))));
        }
        if e.charges.is_empty() {
            return Err(err(file, &e.id, ErrorKind::EmptyField, "an exclusion must read at least one charge"));
        }
        for c in &e.charges {
            if !codes.contains(&c.as_str()) {
                return Err(err(file, &e.id, ErrorKind::UnknownCharge, format!("`{c}` is not a charge code of src/codes.rs")));
            }
            if let Some(other) = excluded_by.insert(c.clone(), e.id.clone()) {
                return Err(err(file, &e.id, ErrorKind::ChargeInTwoExclusions, format!("charge `{c}` is already read by exclusion `{other}`")));
            }
        }
        check_text(file, &e.id, "name", &e.name)?;
        check_text(file, &e.id, "paraphrase", &e.paraphrase)?;
        if let Some(t) = &e.note {
            check_text(file, &e.id, "note", t)?;
        }
        for c in &e.read_narrowly {
            if !codes.contains(&c.as_str()) || e.charges.contains(c) {
                return Err(err(file, &e.id, ErrorKind::UnknownCharge, format!("`read_narrowly` names `{c}`, which is not a charge code or is one the entry reads")));
            }
        }
        match (&e.narrow_note, e.read_narrowly.is_empty()) {
            (Some(t), false) => check_text(file, &e.id, "narrow_note", t)?,
            (None, true) => {}
            _ => return Err(err(file, &e.id, ErrorKind::Inconsistent, "`read_narrowly` and `narrow_note` go together")),
        }
        check_confidence(file, &e.id, &e.confidence)?;
        if let Some(c) = &e.note_confidence {
            check_confidence(file, &e.id, c)?;
            if e.note.is_none() {
                return Err(err(file, &e.id, ErrorKind::Inconsistent, "`note_confidence` needs a `note`"));
            }
        }
        check_sources(file, &e.id, &e.sources, &known)?;
        check_contested(file, &e.id, &e.contested, e.confidence == "disputed" || e.kind == "contested")?;
        check_pair(file, &e.id, &e.pair, &mut pairs)?;
    }

    // Procedure.
    let phases_or_unknown: Vec<&str> = PHASES.iter().copied().chain([UNKNOWN]).collect();
    let situations_or_unknown: Vec<&str> = SITUATIONS.iter().copied().chain([UNKNOWN]).collect();
    for p in &law.procedure {
        claim_id(file, &p.id, &mut ids)?;
        if let Some(article) = &p.article {
            check_nonempty(file, &p.id, "article", article)?;
            if !cite_ok(article) {
                return Err(err(file, &p.id, ErrorKind::UnknownArticle, format!("article `{article}` is not described in `articles` (leave `article` out for a step that rests on no article)")));
            }
        }
        check_text(file, &p.id, "text", &p.text)?;
        if let Some(t) = &p.short {
            check_text(file, &p.id, "short", t)?;
            if t.es.len() >= p.text.es.len() || t.en.len() >= p.text.en.len() {
                return Err(err(file, &p.id, ErrorKind::Inconsistent, "`short` must be shorter than `text`"));
            }
        }
        check_confidence(file, &p.id, &p.confidence)?;
        check_codes(file, &p.id, "phase", &p.phases, &phases_or_unknown)?;
        check_codes(file, &p.id, "situation", &p.situations, &situations_or_unknown)?;
        check_codes(file, &p.id, "outcome", &p.outcomes, OUTCOMES)?;
        for c in &p.charges {
            if !codes.contains(&c.as_str()) {
                return Err(err(file, &p.id, ErrorKind::UnknownCharge, format!("`{c}` is not a charge code of src/codes.rs")));
            }
        }
        if p.priority == 0 {
            return Err(err(file, &p.id, ErrorKind::EmptyField, "`priority` starts at 1 (the most urgent)"));
        }
        for r in &p.rank {
            if r.priority == 0 {
                return Err(err(file, &p.id, ErrorKind::EmptyField, "a `rank`'s `priority` starts at 1 (the most urgent)"));
            }
            check_codes(file, &p.id, "rank phase", &r.phases, &phases_or_unknown)?;
            check_codes(file, &p.id, "rank situation", &r.situations, &situations_or_unknown)?;
            check_codes(file, &p.id, "rank outcome", &r.outcomes, OUTCOMES)?;
            if r.outcomes.is_empty() && r.situations.is_empty() && r.phases.is_empty() && r.abroad.is_none() {
                return Err(err(file, &p.id, ErrorKind::EmptyField, "a `rank` needs at least one filter (else set the step's own `priority`)"));
            }
        }
        check_sources(file, &p.id, &p.sources, &known)?;
    }

    // Clauses left out on purpose.
    for (i, nf) in law.not_formalized.iter().enumerate() {
        let id = format!("not_formalized[{i}]");
        check_nonempty(file, &id, "article", &nf.article)?;
        check_text(file, &id, "reason", &nf.reason)?;
    }

    // The flags must agree with the entries.
    let has_kind = |k: &str| law.exclusions.iter().any(|e| e.kind == k);
    let foreign_excluded = law
        .exclusions
        .iter()
        .any(|e| e.kind == "excludes" && e.charges.iter().any(|c| c == "foreign_armed_action"));
    if law.has_foreign_clause != foreign_excluded {
        return Err(err(file, lid, ErrorKind::Inconsistent, "`has_foreign_clause` must be true exactly when an `excludes` entry reads `foreign_armed_action`"));
    }
    if law.has_rebellion_exception != has_kind("rebellion_exception") {
        return Err(err(file, lid, ErrorKind::Inconsistent, "`has_rebellion_exception` must be true exactly when a `rebellion_exception` entry exists"));
    }
    let n10_exception = law.numerals.iter().any(|n| n.number == 10 && n.exception.is_some());
    if law.has_rebellion_exception != n10_exception {
        return Err(err(file, lid, ErrorKind::Inconsistent, "numeral 10 must carry an `exception` text exactly when `has_rebellion_exception` is true"));
    }
    if let Some(n) = law.numerals.iter().find(|n| n.number != 10 && n.exception.is_some()) {
        return Err(err(file, &n.id, ErrorKind::Inconsistent, "only numeral 10 has an exception"));
    }

    Ok(law)
}

/// The id a law file's name implies: `enacted_2026_02_19.toml` →
/// `enacted-2026-02-19`.
pub fn id_from_file_name(file: &str) -> String {
    let base = file.rsplit('/').next().unwrap_or(file);
    base.trim_end_matches(".toml").replace('_', "-")
}

/// One sentence template of a `texts_*.toml` file: the words the checker
/// writes around the facts of a case, with `{name}` where a fact goes, and
/// the same sentence as one law version says it, where it differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateDef {
    /// The key, e.g. `exclusion_none_charged`: a field of the generated
    /// `Texts`.
    pub key: String,
    pub text: TextDef,
    /// `(law id, text)`: this law's own wording.
    pub overrides: Vec<(String, TextDef)>,
    /// What the sentence rests on (`basis`): required in the written
    /// request's file ([`REQUEST_TEXTS`]), optional elsewhere.
    pub basis: Option<Basis>,
}

/// The texts file of the written request and the letter to the commission:
/// every template there says what it rests on.
pub const REQUEST_TEXTS: &str = "texts_request.toml";

/// What a template rests on. `basis = "form"`: a line of form (a heading,
/// a salutation, a blank to fill) that says nothing about the law.
/// `basis = ["art10", "effects"]`: the entries of the law in force (articles,
/// numerals, exclusions, procedure steps) whose content it restates; its
/// confidence and sources are theirs ([`Validated::grounds`]), so each fact
/// keeps one confidence and one list of sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    Form,
    Entries(Vec<String>),
}

/// The `{name}` slots of a template, in order of first use.
pub fn placeholders(t: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find(['{', '}']) {
        if rest.as_bytes()[i] == b'}' {
            return Err(format!("a `}}` with no `{{` before it in `{t}`"));
        }
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            return Err(format!("a `{{` that is never closed in `{t}`"));
        };
        let name = &after[..j];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(format!("`{{{name}}}` is not a slot name (lowercase letters and `_`)"));
        }
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
        rest = &after[j + 1..];
    }
    Ok(out)
}

fn slot_set(file: &str, key: &str, t: &TextDef) -> Result<BTreeSet<String>, LawError> {
    let es = placeholders(&t.es).map_err(|m| err(file, key, ErrorKind::Parse, m))?;
    let en = placeholders(&t.en).map_err(|m| err(file, key, ErrorKind::Parse, m))?;
    let (es, en): (BTreeSet<String>, BTreeSet<String>) = (es.into_iter().collect(), en.into_iter().collect());
    if es != en {
        return Err(err(file, key, ErrorKind::Inconsistent, format!("the `es` text fills {es:?} but the `en` text fills {en:?}")));
    }
    Ok(es)
}

/// Parses and checks one `texts_*.toml` file: `[key]` tables with `es` and
/// `en`, and optional `[key.<law id>]` tables with a law's own wording.
/// Both languages fill the same slots; a law's wording fills no slot the
/// shared one lacks.
pub fn parse_texts(file: &str, text: &str, law_ids: &[&str]) -> Result<Vec<TemplateDef>, LawError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let as_text = |key: &str, v: &toml::Value| -> Result<TextDef, LawError> {
        let t: TextDef = v.clone().try_into().map_err(|e: toml::de::Error| parse_error(file, e))?;
        check_text(file, key, key, &t)?;
        Ok(t)
    };
    let mut out = Vec::new();
    for (key, value) in &table {
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(err(file, key, ErrorKind::EmptyField, "template keys use only lowercase ASCII letters, digits and `_`"));
        }
        let Some(entry) = value.as_table() else {
            return Err(err(file, key, ErrorKind::Parse, "a template is a table with `es` and `en`"));
        };
        let mut shared = toml::Table::new();
        let mut overrides = Vec::new();
        let mut basis = None;
        for (k, v) in entry {
            match k.as_str() {
                "es" | "en" => {
                    shared.insert(k.clone(), v.clone());
                }
                "basis" => basis = Some(parse_basis(file, key, v)?),
                law if law_ids.contains(&law) => overrides.push((law.to_string(), as_text(key, v)?)),
                other => return Err(err(file, key, ErrorKind::UnknownKey, format!("`{other}` is neither `es`, `en`, `basis` nor a law id ({})", law_ids.join(", ")))),
            }
        }
        let text = as_text(key, &toml::Value::Table(shared))?;
        let slots = slot_set(file, key, &text)?;
        for (law, t) in &overrides {
            let own = slot_set(file, key, t)?;
            if let Some(extra) = own.difference(&slots).next() {
                return Err(err(file, key, ErrorKind::Inconsistent, format!("the `{law}` wording fills `{{{extra}}}`, which the shared wording does not")));
            }
        }
        if basis.is_none() && file.ends_with(REQUEST_TEXTS) {
            return Err(err(file, key, ErrorKind::MissingBasis, "a template of the written request says what it rests on: `basis = \"form\"` or `basis = [entry ids of the law in force]`"));
        }
        out.push(TemplateDef { key: key.clone(), text, overrides, basis });
    }
    Ok(out)
}

fn parse_basis(file: &str, key: &str, v: &toml::Value) -> Result<Basis, LawError> {
    match v {
        toml::Value::String(s) if s == "form" => Ok(Basis::Form),
        toml::Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .map(Basis::Entries)
            .ok_or_else(|| err(file, key, ErrorKind::Parse, "`basis` lists entry ids as strings")),
        _ => Err(err(file, key, ErrorKind::Parse, "`basis` is \"form\" or a non-empty list of entry ids")),
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
