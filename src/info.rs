//! What the page needs to ask and to show, taken from the rules data:
//! articles, events and their windows, charge labels, question texts,
//! confidence levels and outcome names. The page hard-codes none of it.

use crate::Lang;
use crate::date::{Day, DayRange};
pub use crate::codes::WindowKind;
use crate::assessment::SourceIds;
use crate::codes::{ChargeEffect, ColumnKind, CsvColumn};
use crate::law::{self, Confidence, ExclusionKind, Law};
use crate::model::{CaseOutcome, Phase, Question, Situation};
use crate::json::{ToJson, Writer, json_object};

/// Not legal advice, and how old the legal information is (brief §0):
/// shown with every result and on the start screen.
pub fn disclaimer(law: &'static Law, lang: Lang) -> String {
    let t = law.texts;
    let date = crate::text::iso_day(lang, law.information_as_of);
    let horizon = crate::text::fill(t.information_as_of.get(lang), &[("date", &date)]);
    crate::text::list(&[t.disclaimer.get(lang).into(), horizon], " ", " ")
}

/// A question's wording, short form and help, as one law version says them.
fn question_texts(t: &'static law::Texts, q: Question) -> (law::Text, law::Text, law::Text) {
    match q {
        Question::FactsDate => (t.question_facts_date_text, t.question_facts_date_short, t.question_facts_date_help),
        Question::Event => (t.question_event_text, t.question_event_short, t.question_event_help),
        Question::Charges => (t.question_charges_text, t.question_charges_short, t.question_charges_help),
        Question::MilitaryJustice => (t.question_military_justice_text, t.question_military_justice_short, t.question_military_justice_help),
        Question::CeasedConduct => (t.question_ceased_conduct_text, t.question_ceased_conduct_short, t.question_ceased_conduct_help),
    }
}

/// The question as one law version asks it.
pub fn question_text_in(law: &'static Law, q: Question, lang: Lang) -> &'static str {
    question_texts(law.texts, q).0.get(lang)
}

/// The question as the law in force asks it.
pub fn question_text(q: Question, lang: Lang) -> &'static str {
    question_text_in(law::DEFAULT_LAW, q, lang)
}

/// The question in a few words, for lists ("los cargos").
pub fn question_short(q: Question, lang: Lang) -> &'static str {
    question_texts(law::DEFAULT_LAW.texts, q).1.get(lang)
}

/// The fixed answers a question offers beside "No sé" (the date and the
/// event are chosen from the law's own lists instead): yes or no, and for
/// the charges the two answers that are not a listed charge.
pub fn question_options(q: Question) -> &'static [(fn(&'static law::Texts) -> law::Text, OptionValue)] {
    match q {
        Question::FactsDate | Question::Event => &[],
        Question::Charges => &[(|t| t.answer_charges_other, OptionValue::Charges(&["other"])), (|t| t.answer_charges_none, OptionValue::Charges(&[]))],
        Question::MilitaryJustice => &[(|t| t.answer_yes, OptionValue::Bool(true)), (|t| t.answer_no, OptionValue::Bool(false))],
        // The question asks whether the person still carries the conduct
        // on. Two answers stand for having stopped (`ceasedConduct: true`):
        // "no longer" and "never did it", which admits nothing (review A7).
        Question::CeasedConduct => &[
            (|t| t.answer_ceased_stopped, OptionValue::Bool(true)),
            (|t| t.answer_ceased_never, OptionValue::Bool(true)),
            (|t| t.answer_ceased_still, OptionValue::Bool(false)),
        ],
    }
}

/// The case-format value an answer stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionValue {
    Bool(bool),
    /// A complete `charges` list: `["other"]`, or `[]` for no formal charges.
    Charges(&'static [&'static str]),
}

impl ToJson for OptionValue {
    fn to_json(&self, w: &mut Writer) {
        match self {
            OptionValue::Bool(b) => w.bool(*b),
            OptionValue::Charges(c) => c.to_json(w),
        }
    }
}

pub struct QuestionOption {
    pub text: &'static str,
    pub value: OptionValue,
}

/// A question's fixed answers, written as `[{"text": …, "value": …}]`.
struct Options {
    texts: &'static law::Texts,
    question: Question,
    lang: Lang,
}

impl ToJson for Options {
    fn to_json(&self, w: &mut Writer) {
        w.begin_array();
        for (text, value) in question_options(self.question) {
            w.item(&QuestionOption { text: text(self.texts).get(self.lang), value: *value });
        }
        w.end_array();
    }
}

/// The page's data for one law version: written as JSON straight from the
/// rules data and the texts below. No lists are built first: building them
/// (a `Vec` of its own type for each list, then dropping it) was most of the
/// `law` export's code in the wasm, for data that is only ever written out.
pub struct LawInfo {
    law: &'static Law,
    lang: Lang,
}

pub struct GlossaryEntry {
    pub term: &'static str,
    pub explanation: &'static str,
}

pub struct HelpEntry {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
}

pub struct LawSummary {
    pub id: &'static str,
    pub title: &'static str,
    pub status: &'static str,
}

pub struct ArticleInfo {
    pub id: &'static str,
    pub pair: Option<&'static str>,
    pub number: &'static str,
    pub heading: &'static str,
    pub paraphrase: &'static str,
    pub confidence: Confidence,
    pub contested: Option<&'static str>,
    pub sources: SourceIds,
}

/// An exclusion (or a contested reach of one), for the law view.
pub struct ExclusionInfo {
    pub id: &'static str,
    pub pair: Option<&'static str>,
    pub article: &'static str,
    pub kind: ExclusionKind,
    pub charges: ChargeCodes,
    pub name: &'static str,
    pub paraphrase: &'static str,
    pub note: Option<&'static str>,
    pub confidence: Confidence,
    pub contested: Option<&'static str>,
    pub sources: SourceIds,
}

/// Charge codes, written as an array of strings.
pub struct ChargeCodes(pub &'static [law::Charge]);

impl ToJson for ChargeCodes {
    fn to_json(&self, w: &mut Writer) {
        w.begin_array();
        for c in self.0 {
            w.item(c.code());
        }
        w.end_array();
    }
}

pub struct NumeralInfo {
    pub number: u8,
    pub cite: &'static str,
    pub name: &'static str,
    pub paraphrase: &'static str,
    pub window_text: &'static str,
    pub window: Ranges,
    pub margin: Ranges,
    pub margin_note: Option<&'static str>,
    pub exception: Option<&'static str>,
    pub confidence: Confidence,
    pub contested: Option<&'static str>,
    pub sources: SourceIds,
}

/// Day ranges, written as `[{"from": "YYYY-MM-DD", "to": …}, …]`.
pub struct Ranges(pub &'static [DayRange]);

impl ToJson for Ranges {
    fn to_json(&self, w: &mut Writer) {
        w.begin_array();
        for r in self.0 {
            w.item(&RangeInfo { from: IsoDay(r.first), to: IsoDay(r.last) });
        }
        w.end_array();
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeInfo {
    pub from: IsoDay,
    pub to: IsoDay,
}

/// A law's period, `{"from": …, "to": …}`: the axis of the page's timeline.
struct Period((&'static str, &'static str));

impl ToJson for Period {
    fn to_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("from", self.0.0);
        w.field("to", self.0.1);
        w.end_object();
    }
}

/// A day as `YYYY-MM-DD` (years are 1 to 9999, see [`crate::date`]), written
/// without the formatting machinery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoDay(pub Day);

impl ToJson for IsoDay {
    fn to_json(&self, w: &mut Writer) {
        let (y, m, d) = self.0.to_civil();
        let y = y.clamp(0, 9999) as u32;
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let b = [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), b'-', digit(m / 10), digit(m), b'-', digit(d / 10), digit(d)];
        // Digits and dashes only: always UTF-8.
        w.string(core::str::from_utf8(&b).unwrap_or_default());
    }
}

pub struct ChargeEntry {
    pub code: &'static str,
    pub label: &'static str,
    pub explanation: &'static str,
    pub effect: ChargeEffect,
    pub article: Option<&'static str>,
    /// `common` (usual protest charges, listed first) or `serious`.
    pub group: &'static str,
}

pub struct QuestionInfo {
    pub question: Question,
    pub text: &'static str,
    pub help: &'static str,
    options: Options,
}

pub struct Labelled {
    pub code: &'static str,
    pub label: &'static str,
    pub description: &'static str,
}

pub struct NotFormalizedInfo {
    pub article: &'static str,
    pub reason: &'static str,
}

fn labelled(code: &'static str, lang: Lang, label: law::Text, description: law::Text) -> Labelled {
    Labelled { code, label: label.get(lang), description: description.get(lang) }
}

pub fn law_info(law: &'static Law, lang: Lang) -> LawInfo {
    LawInfo { law, lang }
}

/// The name and description of an outcome, as the law in force says them.
pub fn outcome_label(o: CaseOutcome, lang: Lang) -> Labelled {
    outcome_label_in(law::DEFAULT_LAW, o, lang)
}

/// The name and description of an outcome, as one law version says them
/// (a draft's covered case "would have been covered").
pub fn outcome_label_in(law: &'static Law, o: CaseOutcome, lang: Lang) -> Labelled {
    let t = law.texts;
    let (label, description) = match o {
        CaseOutcome::Covered => (t.outcome_covered_label, t.outcome_covered_description),
        CaseOutcome::NotCovered => (t.outcome_not_covered_label, t.outcome_not_covered_description),
        CaseOutcome::Uncertain => (t.outcome_uncertain_label, t.outcome_uncertain_description),
        CaseOutcome::NeedsInformation => (t.outcome_needs_information_label, t.outcome_needs_information_description),
        CaseOutcome::Mixed => (t.outcome_mixed_label, t.outcome_mixed_description),
    };
    labelled(o.code(), lang, label, description)
}

/// A JSON array whose items a function writes (`w.item(…)` each). One
/// type for every list, so the writer is not instantiated once per list.
struct Items<'a>(&'a dyn Fn(&mut Writer));

impl ToJson for Items<'_> {
    fn to_json(&self, w: &mut Writer) {
        w.begin_array();
        (self.0)(w);
        w.end_array();
    }
}

impl ToJson for LawInfo {
    fn to_json(&self, w: &mut Writer) {
        let (law, lang) = (self.law, self.lang);
        let t = |x: law::Text| x.get(lang);
        w.begin_object();
        w.field("id", law.id);
        w.field("status", law.status.code());
        w.field("title", law.title);
        w.field("gaceta", law.gaceta);
        w.field("rulesVersion", law.rules_version);
        w.field("lastReviewed", law.last_reviewed);
        w.field("informationAsOf", law.information_as_of);
        w.field("period", &Period(law.period));
        // Extension (optional field): how people read a citation such as
        // `"8.12"`, the template with `{article}` and `{numeral}` slots that
        // the core's own sentences use (`guidance::cite_words`), so that the
        // page writes "artículo 8, numeral 12" where the assessment has the
        // machine code.
        w.field("labelCite", t(law.texts.label_cite));
        w.field("notice", t(law.notice));
        w.field("disclaimer", &disclaimer(law, lang));
        w.field("laws", &Items(&|w| {
            for l in law::LAWS {
                w.item(&LawSummary { id: l.id, title: l.title, status: l.status.code() });
            }
        }));
        w.field("articles", &Items(&|w| {
            for a in law.articles {
                w.item(&ArticleInfo { id: a.id, pair: a.pair, number: a.number, heading: t(a.heading), paraphrase: t(a.paraphrase), confidence: a.confidence, contested: a.contested.map(t), sources: SourceIds(a.sources) });
            }
        }));
        w.field("numerals", &Items(&|w| {
            for n in law.numerals {
                w.item(&NumeralInfo {
                    number: n.number,
                    cite: n.cite,
                    name: t(n.name),
                    paraphrase: t(n.paraphrase),
                    window_text: t(n.window_text),
                    window: Ranges(n.window),
                    margin: Ranges(n.margin),
                    margin_note: n.margin_note.map(t),
                    exception: n.exception.map(t),
                    confidence: n.confidence,
                    contested: n.contested.map(t),
                    sources: SourceIds(n.sources),
                });
            }
        }));
        w.field("exclusions", &Items(&|w| {
            for e in law.exclusions {
                w.item(&ExclusionInfo {
                    id: e.id,
                    pair: e.pair,
                    article: e.article,
                    kind: e.kind,
                    charges: ChargeCodes(e.charges),
                    name: t(e.name),
                    paraphrase: t(e.paraphrase),
                    note: e.note.map(t),
                    confidence: e.confidence,
                    contested: e.contested.map(t),
                    sources: SourceIds(e.sources),
                });
            }
        }));
        // Every report the rules rest on; steps, articles and numerals name
        // theirs by id.
        w.field("sources", &Items(&|w| {
            for s in law::SOURCES {
                w.item(s);
            }
        }));
        w.field("windows", &Items(&|w| {
            for win in windows(law) {
                w.item(&win);
            }
        }));
        w.field("charges", &Items(&|w| {
            // In the rules data's order: the common protest charges first.
            for info in law::CHARGES {
                let c = info.charge;
                let ex = law.exclusion_for(c);
                w.item(&ChargeEntry {
                    code: c.code(),
                    label: t(info.label),
                    explanation: t(info.explanation),
                    effect: match ex.map(|e| e.kind) {
                        Some(ExclusionKind::Excludes) => ChargeEffect::Excluded,
                        Some(ExclusionKind::Contested) => ChargeEffect::Contested,
                        Some(ExclusionKind::RebellionException) => ChargeEffect::RebellionException,
                        None => ChargeEffect::NoEffect,
                    },
                    article: ex.map(|e| e.article),
                    group: info.group.code(),
                });
            }
        }));
        w.field("questions", &Items(&|w| {
            for &q in Question::ALL {
                let (text, _, help) = question_texts(law.texts, q);
                let options = Options { texts: law.texts, question: q, lang };
                w.item(&QuestionInfo { question: q, text: text.get(lang), help: help.get(lang), options });
            }
        }));
        w.field("confidenceLevels", &Items(&|w| {
            let tx = law.texts;
            w.item(&labelled("confirmed", lang, tx.confidence_confirmed_label, tx.confidence_confirmed_description));
            w.item(&labelled("single_source", lang, tx.confidence_single_source_label, tx.confidence_single_source_description));
            w.item(&labelled("inferred", lang, tx.confidence_inferred_label, tx.confidence_inferred_description));
            w.item(&labelled("disputed", lang, tx.confidence_disputed_label, tx.confidence_disputed_description));
        }));
        w.field("outcomes", &Items(&|w| {
            for &o in CaseOutcome::ALL {
                w.item(&outcome_label_in(law, o, lang));
            }
        }));
        w.field("situations", &Items(&|w| {
            for &s in Situation::ALL {
                w.item(&situation_label(law, s, lang));
            }
        }));
        w.field("phases", &Items(&|w| {
            for &p in Phase::ALL {
                w.item(&phase_label(law, p, lang));
            }
        }));
        w.field("notFormalized", &Items(&|w| {
            for n in law.not_formalized {
                w.item(&NotFormalizedInfo { article: n.article, reason: t(n.reason) });
            }
        }));
        w.field("glossary", &Items(&|w| {
            for g in law::GLOSSARY {
                w.item(&GlossaryEntry { term: g.term, explanation: t(g.explanation) });
            }
        }));
        w.field("help", &Items(&|w| {
            for h in law::HELP {
                w.item(&HelpEntry { id: h.id, name: h.name, description: t(h.description) });
            }
        }));
        w.field("screening", &ScreeningInfo { law, lang });
        w.end_object();
    }
}

/// What a screened list may write in each CSV column (the page's table of
/// accepted values, and the template's codes file), from the rules data:
/// `columns`, each with its Spanish `names`, a `kind` (`text`, `law`,
/// `choice`, `yes_no`, `date`, `event`, `charges`) and, for a list, its
/// `values` (`code`, Spanish `names`, `label`); and the `ambiguous` charge
/// names, refused with their `codes`.
struct ScreeningInfo {
    law: &'static Law,
    lang: Lang,
}

struct ValueEntry<'a> {
    code: &'a str,
    names: &'a [&'a str],
    label: &'a str,
}

impl ToJson for ValueEntry<'_> {
    fn to_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("code", self.code);
        w.field("names", &Items(&|w| {
            for n in self.names {
                w.item(*n);
            }
        }));
        w.field("label", self.label);
        w.end_object();
    }
}

impl ToJson for ScreeningInfo {
    fn to_json(&self, w: &mut Writer) {
        let (law, lang) = (self.law, self.lang);
        w.begin_object();
        w.field("columns", &Items(&|w| {
            for &column in CsvColumn::ALL {
                let names = law::SCREEN_COLUMN_NAMES.iter().find(|n| n.column == column.code()).map_or(&[][..], |n| n.names);
                w.item(&ColumnEntry { column, names, law, lang });
            }
        }));
        w.field("ambiguous", &Items(&|w| {
            for a in law::AMBIGUOUS_CHARGES {
                w.item(&AmbiguousEntry(a));
            }
        }));
        w.end_object();
    }
}

struct AmbiguousEntry(&'static law::AmbiguousName);

impl ToJson for AmbiguousEntry {
    fn to_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("name", self.0.name);
        w.field("codes", &Items(&|w| {
            for c in self.0.charges {
                w.item(c.code());
            }
        }));
        w.end_object();
    }
}

struct ColumnEntry {
    column: CsvColumn,
    names: &'static [&'static str],
    law: &'static Law,
    lang: Lang,
}

impl ToJson for ColumnEntry {
    fn to_json(&self, w: &mut Writer) {
        let (law, lang) = (self.law, self.lang);
        let t = |x: law::Text| x.get(lang);
        w.begin_object();
        w.field("name", self.column.code());
        w.field("names", &Items(&|w| {
            for n in self.names {
                w.item(*n);
            }
        }));
        w.field("kind", &self.column.kind());
        w.field("values", &Items(&|w| match self.column.kind() {
            ColumnKind::Law => {
                for l in law::LAWS {
                    w.item(&ValueEntry { code: l.id, names: &[], label: l.title });
                }
            }
            ColumnKind::Choice => {
                for v in law::SCREEN_VALUE_NAMES.iter().filter(|v| v.column == self.column.code()) {
                    let label = match self.column {
                        CsvColumn::Situation => Situation::from_code(v.code).map(|s| situation_label(law, s, lang).label),
                        CsvColumn::Phase => Phase::from_code(v.code).map(|p| phase_label(law, p, lang).label),
                        _ => None,
                    };
                    w.item(&ValueEntry { code: v.code, names: v.names, label: label.unwrap_or("") });
                }
            }
            ColumnKind::YesNo => {
                w.item(&ValueEntry { code: "yes", names: &["sí", "si", "true", "1"], label: "" });
                w.item(&ValueEntry { code: "no", names: &["false", "0"], label: "" });
            }
            ColumnKind::Event => {
                for n in law.numerals {
                    let mut code = String::new();
                    crate::text::Piece::push_to(&n.number, &mut code);
                    w.item(&ValueEntry { code: &code, names: &[], label: t(n.name) });
                }
                w.item(&ValueEntry { code: "none", names: &["ninguno"], label: "" });
            }
            ColumnKind::Charges => {
                for info in law::CHARGES {
                    w.item(&ValueEntry { code: info.charge.code(), names: info.aliases, label: t(info.label) });
                }
                w.item(&ValueEntry { code: "none", names: &["ninguno"], label: "" });
            }
            ColumnKind::Date | ColumnKind::Text => {}
        }));
        w.end_object();
    }
}

/// One run of days of one numeral's window (contract §3, `windows`): what
/// a timeline is drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// The `event` number.
    pub numeral: u8,
    /// How the text cites this part: `"8.12"`, the draft's `"6.4"`.
    pub cite: &'static str,
    pub from: IsoDay,
    pub to: IsoDay,
    pub kind: WindowKind,
    /// How sure these days are: the numeral's window confidence for its
    /// window (a single-source or inferred window is not "confirmed"),
    /// `disputed` for its margin.
    pub confidence: Confidence,
}

/// Every window segment of a law version, numeral by numeral, each
/// numeral's runs in day order.
pub fn windows(law: &'static Law) -> Vec<Window> {
    let mut out = Vec::new();
    for n in law.numerals {
        let start = out.len();
        for (i, r) in n.window.iter().enumerate() {
            let cite = n.window_cites.get(i).copied().unwrap_or(n.cite);
            out.push(Window { numeral: n.number, cite, from: IsoDay(r.first), to: IsoDay(r.last), kind: WindowKind::Confirmed, confidence: n.window_confidence() });
        }
        for r in n.margin {
            out.push(Window { numeral: n.number, cite: n.cite, from: IsoDay(r.first), to: IsoDay(r.last), kind: WindowKind::Margin, confidence: Confidence::Disputed });
        }
        // Day order within the numeral (a few items: insertion sort).
        let part = &mut out[start..];
        for i in 1..part.len() {
            let mut j = i;
            while j > 0 && part[j - 1].from.0 > part[j].from.0 {
                part.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    out
}

/// Where a date falls among a law's windows (contract §3.1, `datePlace`):
/// for each numeral whose confirmed window or margin holds some of its
/// days, the kind, and whether it holds all of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatePlace {
    /// The first and last day the date stands for; `None` when unknown.
    pub from: Option<IsoDay>,
    pub to: Option<IsoDay>,
    /// The runs of days between them that the date stands for: one, but
    /// for a date assumed from an event whose window has gaps.
    pub ranges: Vec<RangeInfo>,
    pub places: Vec<Place>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub numeral: u8,
    pub kind: WindowKind,
    /// Every day of the date is in this part of the numeral's window.
    pub whole: bool,
}

/// [`DatePlace`] for a case-format date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`)
/// and an optional end, with the case format's errors and paths. With no
/// start and an event (1-13), the days the evaluation assumes from that
/// event (contract §2.2: its enacted confirmed window, cut at a stated end),
/// so the page never works a window out itself.
pub fn date_place(law: &'static Law, facts_date: Option<&str>, facts_date_end: Option<&str>, event: Option<u8>) -> Result<DatePlace, crate::Error> {
    use crate::{Error, ErrorCode};
    let span = |s: Option<&str>, path: &str| -> Result<Option<DayRange>, Error> {
        match s {
            None | Some("") => Ok(None),
            Some(s) => crate::date::parse_span(s)
                .map(|(r, _)| Some(r))
                .map_err(|_| Error::new(ErrorCode::InvalidDate, path).quoting(s)),
        }
    };
    let start = span(facts_date, "factsDate")?;
    let end = span(facts_date_end, "factsDateEnd")?;
    let days = match (start, end) {
        (None, None) => None,
        (Some(s), None) => Some(s),
        (None, Some(e)) => Some(DayRange::new(Day::MIN, e.last)),
        (Some(s), Some(e)) if e.last < s.first => return Err(Error::new(ErrorCode::InvalidDateRange, "factsDateEnd")),
        (Some(s), Some(e)) => Some(DayRange::new(s.first, e.last)),
    };
    let assumed = match (start, event) {
        (None, Some(k)) => {
            let facts = crate::eval::Facts { date: days, event: Some(crate::model::Event::Numeral(k)), charges: None, military_justice: None, ceased_conduct: None };
            crate::eval::assumed_days(law, &facts)
        }
        _ => None,
    };
    let ranges: Vec<DayRange> = assumed.unwrap_or_else(|| days.into_iter().collect());
    let mut places = Vec::new();
    let all: i64 = ranges.iter().map(|r| i64::from(r.last.0) - i64::from(r.first.0) + 1).sum();
    for n in law.numerals {
        for (kind, windows) in [(WindowKind::Confirmed, n.window), (WindowKind::Margin, n.margin)] {
            let covered: i64 = ranges
                .iter()
                .flat_map(|r| windows.iter().filter(|w| w.overlaps(r)).map(move |w| i64::from(w.last.0.min(r.last.0)) - i64::from(w.first.0.max(r.first.0)) + 1))
                .sum();
            if covered > 0 {
                places.push(Place { numeral: n.number, kind, whole: covered == all });
            }
        }
    }
    Ok(DatePlace {
        from: ranges.first().map(|d| IsoDay(d.first)),
        to: ranges.last().map(|d| IsoDay(d.last)),
        ranges: ranges.iter().map(|r| RangeInfo { from: IsoDay(r.first), to: IsoDay(r.last) }).collect(),
        places,
    })
}

pub(crate) fn situation_label(law: &'static Law, s: Situation, lang: Lang) -> Labelled {
    let t = law.texts;
    let (label, description) = match s {
        Situation::Detained => (t.situation_detained_label, t.situation_detained_description),
        Situation::HouseArrest => (t.situation_house_arrest_label, t.situation_house_arrest_description),
        Situation::PrecautionaryMeasures => (t.situation_precautionary_measures_label, t.situation_precautionary_measures_description),
        Situation::Wanted => (t.situation_wanted_label, t.situation_wanted_description),
        Situation::Investigated => (t.situation_investigated_label, t.situation_investigated_description),
        Situation::ConvictedServing => (t.situation_convicted_serving_label, t.situation_convicted_serving_description),
        Situation::Free => (t.situation_free_label, t.situation_free_description),
    };
    labelled(s.code(), lang, label, description)
}

fn phase_label(law: &'static Law, p: Phase, lang: Lang) -> Labelled {
    let t = law.texts;
    let (label, description) = match p {
        Phase::Investigation => (t.phase_investigation_label, t.phase_investigation_description),
        Phase::Control => (t.phase_control_label, t.phase_control_description),
        Phase::Trial => (t.phase_trial_label, t.phase_trial_description),
        Phase::Appeal => (t.phase_appeal_label, t.phase_appeal_description),
        Phase::Execution => (t.phase_execution_label, t.phase_execution_description),
    };
    labelled(p.code(), lang, label, description)
}

// ---- JSON keys ------------------------------------------------------------------------

json_object!(GlossaryEntry { "term": term, "explanation": explanation });
json_object!(LawSummary { "id": id, "title": title, "status": status });
json_object!(ArticleInfo {
    "id": id, "pair": pair, "number": number, "heading": heading, "paraphrase": paraphrase, "confidence": confidence,
    "contested": contested, "sources": sources,
});
json_object!(ExclusionInfo {
    "id": id, "pair": pair, "article": article, "kind": kind, "charges": charges, "name": name, "paraphrase": paraphrase,
    "note": note, "confidence": confidence, "contested": contested, "sources": sources,
});
// One public report, as `law()` lists it: an address only where it is known
// for certain (never guessed).
json_object!(law::Source { "id": id, "outlet": outlet, "title": title, "url": url, "date": date, "dateAbout": date_about });
json_object!(NumeralInfo {
    "number": number, "cite": cite, "name": name, "paraphrase": paraphrase, "windowText": window_text, "window": window,
    "margin": margin, "marginNote": margin_note, "exception": exception, "confidence": confidence,
    "contested": contested, "sources": sources,
});
json_object!(RangeInfo { "from": from, "to": to });
json_object!(Window { "numeral": numeral, "cite": cite, "from": from, "to": to, "kind": kind, "confidence": confidence });
json_object!(DatePlace { "from": from, "to": to, "ranges": ranges, "places": places });
json_object!(Place { "numeral": numeral, "kind": kind, "whole": whole });
json_object!(ChargeEntry { "code": code, "label": label, "explanation": explanation, "effect": effect, "article": article, "group": group });
json_object!(HelpEntry { "id": id, "name": name, "description": description });
json_object!(QuestionInfo { "question": question, "text": text, "help": help, "options": options });
json_object!(QuestionOption { "text": text, "value": value });
json_object!(Labelled { "code": code, "label": label, "description": description });
json_object!(NotFormalizedInfo { "article": article, "reason": reason });
