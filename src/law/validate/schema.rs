//! The rules files' schema, as serde reads them (the module docs list
//! every key).

use super::*;

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

/// The screening CSV's columns, in the template's order: the codes of
/// [`crate::codes::CsvColumn`], the list `src/screen/` reads too.
pub const SCREEN_COLUMNS: &[&str] = crate::codes::CsvColumn::CODES;

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
