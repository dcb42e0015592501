//! Explaining a decision: the steps of contract §2.1 in words, with the
//! facts each step read, its article and its confidence; then the summary,
//! the one-sentence reason and the two readings of an uncertain result.
//!
//! Each step is judged with three-valued logic over the facts (yes, no, not
//! known), so a step can say "this depends on the date" as plainly as "this
//! passes". A step says that a fact is missing (`open`) only when that fact
//! is one of `eval`'s questions; an unknown fact that cannot change the
//! outcome gives a `note` that says so. The outcome itself always comes from
//! `eval`; this module only describes it and may not change it.
//!
//! Every sentence comes from the rules data: the templates of
//! `src/law/texts_explain.toml` (each law version may word them its own
//! way; the draft speaks as a bill) filled with the entries of the law in
//! use (names of charges, exclusions and sucesos, notes, windows). This
//! module only chooses and assembles them.

use crate::Lang;
use crate::assessment::{Text, Effect, FactRead, FactValue, Reading, Step, StepBody, StepKind};
use crate::codes::Charge;
use crate::eval::{self, DayClass, Evaluation, Facts, bit};
use crate::law::{self, Confidence, Exclusion, ExclusionKind, Law, Numeral, Texts};
use crate::date::Precision;
use crate::model::{Event, Outcome, Proceeding, Question};
use crate::text::{self, fill};

/// Yes, no, or not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    /// From the values a fact can take: all true, all false, or mixed.
    fn over(mut values: impl Iterator<Item = bool>) -> Tri {
        let Some(first) = values.next() else { return Tri::No };
        if values.all(|v| v == first) {
            if first { Tri::Yes } else { Tri::No }
        } else {
            Tri::Unknown
        }
    }
}

/// Everything a step needs to look at.
pub struct Ctx<'a> {
    pub law: &'static Law,
    pub lang: Lang,
    pub facts: &'a Facts,
    pub proceeding: &'a Proceeding,
    pub eval: &'a Evaluation,
    /// The day classes the date stands for; `None` when the date is unknown
    /// and no event fixes it.
    pub classes: Option<crate::eval::Classes>,
    /// The stated date in words, written once: four steps and the summary
    /// read it.
    pub date_text: Option<String>,
}

/// A contested point of an uncertain step: how the summary and the
/// readings name it, and the fact the reason states.
struct Point {
    point: String,
    fact: String,
    /// The doubt is about what the published text says, not how to read it
    /// (contract §2: small-quantity trafficking under the enacted law).
    text_doubt: bool,
}

/// The steps of one proceeding, with what the summary, the reason and the
/// readings need from them.
pub struct Explained {
    pub steps: Vec<Step>,
    points: Vec<Point>,
    /// The reason clause of the step that settled `not_covered`.
    decisive: Option<String>,
}

/// The capital letters a name of the rules data can start with, and their
/// small forms. A table rather than `char::to_lowercase`, whose Unicode
/// tables would weigh on the wasm module for these few letters.
const CASES: [(char, char); 6] = [('Á', 'á'), ('É', 'é'), ('Í', 'í'), ('Ó', 'ó'), ('Ú', 'ú'), ('Ñ', 'ñ')];

/// `s` with its first letter changed by `f`.
fn first_letter(s: &str, f: impl Fn(char) -> char) -> String {
    let mut chars = s.chars();
    let Some(c) = chars.next() else { return String::new() };
    let mut out = String::with_capacity(s.len());
    out.push(f(c));
    out.push_str(chars.as_str());
    out
}

/// First letter in lower case, for a name inside a sentence.
pub(crate) fn lower_first(s: &str) -> String {
    first_letter(s, |c| match CASES.iter().find(|(up, _)| *up == c) {
        Some((_, low)) => *low,
        None => c.to_ascii_lowercase(),
    })
}

/// First letter in upper case, for a clause that starts a sentence.
fn upper_first(s: &str) -> String {
    first_letter(s, |c| match CASES.iter().find(|(_, low)| *low == c) {
        Some((up, _)) => *up,
        None => c.to_ascii_uppercase(),
    })
}

impl Ctx<'_> {
    /// The stated date in words, for [`Ctx::date_text`].
    pub fn date_text_of(lang: Lang, proceeding: &Proceeding) -> Option<String> {
        proceeding.facts_date.as_ref().map(|d| text::range(lang, d.days))
    }

    fn tx(&self) -> &'static Texts {
        self.law.texts
    }

    /// A template in the language of the result.
    fn s(&self, t: &'static law::Text) -> &'static str {
        t.get(self.lang)
    }

    /// An article in words, as the law version writes it (`ref_article`).
    fn article(&self, n: &str) -> String {
        fill(self.s(&self.tx().ref_article), &[("n", n)])
    }

    /// A citation code (`8.12`) in words (`ref_numeral`).
    fn cite_words(&self, cite: &str) -> String {
        match cite.split_once('.') {
            Some((a, n)) => fill(self.s(&self.tx().ref_numeral), &[("ref", a), ("n", n)]),
            None => self.article(cite),
        }
    }

    /// How the text cites a numeral: its own numbers, both where its window
    /// holds two of them (the draft's numerals 3 and 4).
    fn numeral_cite(&self, n: &Numeral) -> String {
        match n.window_cites {
            [first, _, ..] => {
                let article = first.split_once('.').map_or(*first, |(a, _)| a);
                let ns: Vec<String> = n.window_cites.iter().map(|c| c.split_once('.').map_or(*c, |(_, k)| k).to_string()).collect();
                fill(self.s(&self.tx().ref_numerals), &[("ref", article), ("n", &text::join(self.lang, &ns))])
            }
            _ => self.cite_words(n.cite),
        }
    }

    /// The numerals of `mask` cited together: "artículo 8, numerales 8 y
    /// 9" (`ref_numeral`, `ref_numerals`).
    fn numerals_cite(&self, mask: u16) -> String {
        let cites: Vec<&str> = eval::numerals_of(mask).filter_map(|k| self.law.numeral(k)).map(|n| n.cite).collect();
        match cites.as_slice() {
            [] => String::new(),
            [one] => self.cite_words(one),
            [first, ..] => {
                let article = first.split_once('.').map_or(*first, |(a, _)| a);
                let ns: Vec<String> = cites.iter().map(|c| c.split_once('.').map_or(*c, |(_, k)| k).to_string()).collect();
                fill(self.s(&self.tx().ref_numerals), &[("ref", article), ("n", &text::join(self.lang, &ns))])
            }
        }
    }

    /// One suceso in words: its citation, name and window (`ref_suceso`).
    fn suceso(&self, k: u8) -> String {
        match self.law.numeral(k) {
            Some(n) => fill(self.s(&self.tx().ref_suceso), &[
                ("cite", &self.numeral_cite(n)),
                ("name", &lower_first(n.name.get(self.lang))),
                ("window", n.window_text.get(self.lang)),
            ]),
            None => self.suceso_missing(k),
        }
    }

    /// [`Ctx::suceso`] without the window, where the sentence gives it.
    fn suceso_short(&self, k: u8) -> String {
        match self.law.numeral(k) {
            Some(n) => fill(self.s(&self.tx().ref_suceso_short), &[
                ("cite", &self.numeral_cite(n)),
                ("name", &lower_first(n.name.get(self.lang))),
            ]),
            None => self.suceso_missing(k),
        }
    }

    fn suceso_missing(&self, k: u8) -> String {
        let mut buf = itoa::Buffer::new();
        fill(self.s(&self.tx().ref_suceso_missing), &[("n", crate::json::write::decimal(u64::from(k), &mut buf))])
    }

    /// Several sucesos in words, joined as a list.
    fn sucesos(&self, mask: u16) -> String {
        self.sucesos_with(mask, Ctx::suceso)
    }

    /// [`Ctx::sucesos`] without the windows.
    fn sucesos_short(&self, mask: u16) -> String {
        self.sucesos_with(mask, Ctx::suceso_short)
    }

    fn sucesos_with(&self, mask: u16, one: fn(&Self, u8) -> String) -> String {
        let parts: Vec<String> = eval::numerals_of(mask)
            .enumerate()
            .map(|(i, k)| if i == 0 { one(self, k) } else { fill(self.s(&self.tx().ref_and_the), &[("x", &one(self, k))]) })
            .collect();
        text::join(self.lang, &parts)
    }

    /// The date in parentheses of a step: as stated, or, when the event
    /// fixed it, that event's window.
    fn date_words(&self) -> String {
        match &self.date_text {
            Some(words) => words.clone(),
            None => self
                .facts
                .event
                .and_then(Event::numeral)
                .and_then(|k| law::enacted().numeral(k))
                .map_or_else(String::new, |n| n.window_text.get(self.lang).to_string()),
        }
    }

    /// The date as it follows the acts in a sentence (`text::range_of`).
    fn date_of(&self) -> String {
        match self.facts.date {
            Some(r) => text::range_of(self.lang, r),
            None => {
                let w = self.date_words();
                if w.is_empty() { w } else { fill(self.s(&self.tx().ref_parenthesis), &[("x", &w)]) }
            }
        }
    }

    fn read_date(&self) -> FactRead {
        let value = match &self.date_text {
            Some(words) => FactValue::Text(words.clone()),
            None => FactValue::Unknown,
        };
        FactRead { fact: "factsDate", value }
    }

    fn read_event(&self) -> FactRead {
        let value = match self.facts.event {
            Some(Event::Numeral(k)) => FactValue::Number(k),
            Some(Event::NoEvent) => FactValue::Text("none".into()),
            None => FactValue::Unknown,
        };
        FactRead { fact: "event", value }
    }

    fn read_charges(&self) -> FactRead {
        let value = match self.facts.charges {
            Some(set) => FactValue::List(set.iter().map(|c| c.code()).collect()),
            None => FactValue::Unknown,
        };
        FactRead { fact: "charges", value }
    }

    fn read_bool(fact: &'static str, v: Option<bool>) -> FactRead {
        FactRead { fact, value: v.map_or(FactValue::Unknown, FactValue::Bool) }
    }

    /// Charge names inside a sentence, lower-cased and joined.
    fn charge_names(&self, charges: &[Charge], or: bool) -> String {
        let names: Vec<String> = charges.iter().map(|c| lower_first(law::charge_info(*c).label.get(self.lang))).collect();
        if or { text::join_or(self.lang, &names) } else { text::join(self.lang, &names) }
    }

    /// The confidence of a numeral's confirmed window. Where the numeral is
    /// disputed only because of its margin, the window itself is not.
    fn window_confidence(&self, k: u8) -> Confidence {
        self.law.numeral(k).map_or(Confidence::Confirmed, Numeral::window_confidence)
    }

    /// "período confirmado", or the words for a less sure period: the
    /// least sure window of the numerals in `mask` decides.
    fn period(&self, mask: u16) -> &'static str {
        let t = self.tx();
        let c = eval::numerals_of(mask).map(|k| self.window_confidence(k)).max().unwrap_or(Confidence::Confirmed);
        self.s(match c {
            Confidence::Confirmed => &t.period_confirmed,
            Confidence::SingleSource => &t.period_single_source,
            Confidence::Inferred => &t.period_inferred,
            Confidence::Disputed => &t.period_disputed,
        })
    }

    fn article_confidence(&self, number: &str) -> Confidence {
        self.law.article(number).map_or(Confidence::Confirmed, |a| a.confidence)
    }

    /// Whether the charges include one of this kind: yes, no, not known.
    fn charged(&self, kind: ExclusionKind) -> Tri {
        match self.facts.charges {
            Some(set) => Tri::over(core::iter::once(
                set.iter().any(|c| self.law.exclusion_for(c).map(|e| e.kind) == Some(kind)),
            )),
            None => {
                let exists = self.law.exclusions.iter().any(|e| e.kind == kind);
                if exists { Tri::Unknown } else { Tri::No }
            }
        }
    }

    /// Whether an answer about one of the facts a step read could still
    /// change the outcome: the fact is one of the questions (contract
    /// §2.2). A fact that is not cannot change the result, whatever the
    /// other unknowns turn out to be, so a step that waits on it is a note
    /// ([`Effect::Note`]) that says so, never a missing fact
    /// ([`Effect::Open`]).
    fn needed(&self, read: &[FactRead]) -> bool {
        read.iter().any(|r| self.eval.questions.iter().any(|q| q.code() == r.fact))
    }

    /// [`Effect::Open`] when the step's facts are still needed, otherwise
    /// [`Effect::Note`].
    fn open_or_note(&self, read: &[FactRead]) -> Effect {
        if self.needed(read) { Effect::Open } else { Effect::Note }
    }

    /// `text`, with the "not needed" sentence when `effect` is a note.
    fn open_text(&self, effect: Effect, text: String) -> String {
        if effect == Effect::Note { text::list(&[text, self.s(&self.tx().step_not_needed).into()], " ", " ") } else { text }
    }

    fn date_is(&self, test: impl Fn(&DayClass) -> bool) -> Tri {
        match &self.classes {
            Some(cs) => Tri::over(cs.iter().map(test)),
            None => Tri::Unknown,
        }
    }

    fn point(&self, point: String, fact: String) -> Option<Point> {
        Some(Point { point, fact, text_doubt: false })
    }
}

mod steps;
pub use steps::steps;

/// The contested points, joined for the summary and the readings.
fn points_words(cx: &Ctx, ex: &Explained) -> String {
    let points: Vec<String> = ex.points.iter().map(|p| p.point.clone()).collect();
    text::join(cx.lang, &points)
}

/// The favourable (Art. 5) and strict readings of an uncertain result.
pub fn readings(cx: &Ctx, ex: &Explained, articles: &[String]) -> (Option<Reading>, Option<Reading>) {
    if cx.eval.outcome != Outcome::Uncertain {
        return (None, None);
    }
    let t = cx.tx();
    let points = points_words(cx, ex);
    let cite = cx.law.citations.favourable;
    let article = cx.article(cite);
    let slots = [("points", points.as_str()), ("ref", article.as_str())];
    let key = if ex.points.iter().any(|p| p.text_doubt) { &t.reading_favourable_text } else { &t.reading_favourable };
    let favourable = Reading { outcome: Outcome::Covered, articles: vec![cite.into()], text: fill(cx.s(key), &slots) };
    let strict = Reading {
        outcome: Outcome::NotCovered,
        articles: articles.iter().filter(|a| *a != cite).cloned().collect(),
        text: fill(cx.s(&t.reading_strict), &slots),
    };
    (Some(favourable), Some(strict))
}

/// The numerals a covered result rests on, in words: the codes of
/// `articles` that name one (`8.12`; the draft's `6.3`).
/// A proceeding's `articles` in words, each article's numerals together:
/// `["8.8", "8.10", "9"]` → "artículo 8, numerales 8 y 10; artículo 9"
/// (`ref_numeral`, `ref_numerals`, `ref_article`).
pub fn articles_in_words(cx: &Ctx, articles: &[String]) -> String {
    let t = cx.tx();
    let article_of = |c: &str| c.split_once('.').map_or(c, |(a, _)| a).to_string();
    let mut parts: Vec<String> = Vec::new();
    let mut rest = articles;
    // `articles` lists each article's numerals one after the other.
    while let Some(first) = rest.first() {
        let article = article_of(first);
        let run = rest.iter().take_while(|c| article_of(c) == article).count().max(1);
        let ns: Vec<String> = rest.iter().take(run).filter_map(|c| c.split_once('.')).map(|(_, n)| n.to_string()).collect();
        parts.push(match ns.as_slice() {
            [] => cx.article(&article),
            [n] => fill(cx.s(&t.ref_numeral), &[("ref", &article), ("n", n)]),
            _ => fill(cx.s(&t.ref_numerals), &[("ref", &article), ("n", &text::join(cx.lang, &ns))]),
        });
        rest = rest.get(run..).unwrap_or_default();
    }
    text::list(&parts, "; ", "; ")
}

fn cites(cx: &Ctx, articles: &[String]) -> String {
    let parts: Vec<String> = articles.iter().filter(|a| a.contains('.')).map(|a| cx.cite_words(a)).collect();
    text::join(cx.lang, &parts)
}

fn question_words(cx: &Ctx, q: Question) -> &'static str {
    let t = cx.tx();
    cx.s(match q {
        Question::FactsDate => match cx.proceeding.facts_date.as_ref() {
            // A date was given but is not enough: name the part missing.
            Some(d) if d.is_range => &t.reason_q_facts_date_exact,
            Some(d) if d.precision == Precision::Year => &t.reason_q_facts_date_month,
            Some(d) if d.precision == Precision::Month => &t.reason_q_facts_date_day,
            Some(_) => &t.reason_q_facts_date_exact,
            None => &t.reason_q_facts_date,
        },
        Question::Event => &t.reason_q_event,
        Question::Charges => &t.reason_q_charges,
        Question::MilitaryJustice => &t.reason_q_military_justice,
        Question::CeasedConduct => &t.reason_q_ceased_conduct,
    })
}

/// Why a given date (a year, a month, a range) does not settle the case:
/// some of its days fall in the law's periods and others not, or in
/// different sucesos, or on a confirmed period and doubtful dates. `None`
/// when no date was given or its days all fall alike.
fn date_why(cx: &Ctx) -> Option<String> {
    let d = cx.proceeding.facts_date.as_ref()?;
    let classes = cx.classes.as_deref()?;
    let t = cx.tx();
    let first = classes.first()?;
    let inside = classes.iter().any(|c| c.any() != 0);
    let outside = classes.iter().any(|c| c.any() == 0);
    let windows = classes.iter().fold(0u16, |m, c| m | c.window);
    let margins = classes.iter().fold(0u16, |m, c| m | c.margin);
    let key = if inside && outside && margins != 0 && windows != 0 {
        &t.reason_date_in_out_margin
    } else if inside && outside {
        &t.reason_date_in_out
    } else if classes.iter().any(|c| c.any() != first.any()) {
        &t.reason_date_several
    } else if classes.iter().any(|c| c.window != first.window || c.margin != first.margin) {
        &t.reason_date_margin
    } else {
        return None;
    };
    // Where some days are only doubtful, cite and word the periods that
    // hold days for sure.
    let mask = if key == &t.reason_date_in_out_margin { windows } else { windows | margins };
    let unit = if d.precision == Precision::Year && !d.is_range { &t.date_unit_months } else { &t.date_unit_days };
    Some(fill(cx.s(key), &[
        ("unit", cx.s(unit)),
        ("date", &text::range_of(cx.lang, d.days)),
        ("cites", &cx.numerals_cite(mask)),
        ("period", cx.period(mask)),
    ]))
}

/// One plain sentence a family reads first.
pub fn summary(cx: &Ctx, ex: &Explained, articles: &[String]) -> String {
    let t = cx.tx();
    match cx.eval.outcome {
        Outcome::Covered => fill(cx.s(&t.summary_covered), &[("cites", &cites(cx, articles))]),
        Outcome::NotCovered => fill(cx.s(&t.summary_not_covered), &[("why", ex.decisive.as_deref().unwrap_or_default())]),
        Outcome::Uncertain => {
            let key = if ex.points.iter().any(|p| p.text_doubt) { &t.summary_uncertain_text } else { &t.summary_uncertain };
            fill(cx.s(key), &[("points", &points_words(cx, ex)), ("ref", &cx.article(cx.law.citations.favourable))])
        }
        Outcome::NeedsInformation => {
            let qs: Vec<String> = cx.eval.questions.iter().map(|q| question_words(cx, *q).to_string()).collect();
            fill(cx.s(&t.summary_needs), &[("questions", &text::join(cx.lang, &qs))])
        }
    }
}

/// One sentence naming the fact that decided (contract §3, rev. 2): the
/// excluded charge, the date outside every window, the contested point,
/// the suceso and window of a covered result, or the fact most needed.
pub fn reason(cx: &Ctx, ex: &Explained) -> String {
    let t = cx.tx();
    let clause = match cx.eval.outcome {
        Outcome::NotCovered => ex.decisive.clone().unwrap_or_default(),
        Outcome::Uncertain => ex.points.first().map(|p| p.fact.clone()).unwrap_or_default(),
        Outcome::NeedsInformation => {
            let first = cx.eval.questions.first().copied();
            let q = first.map_or("", |q| question_words(cx, q));
            match first.filter(|q| *q == Question::FactsDate).and_then(|_| date_why(cx)) {
                Some(why) => fill(cx.s(&t.reason_needs_because), &[("question", q), ("why", &why)]),
                None => fill(cx.s(&t.reason_needs), &[("question", q)]),
            }
        }
        Outcome::Covered => {
            let k = cx.facts.event.and_then(Event::numeral).unwrap_or(0);
            if cx.facts.date.is_some() && !cx.eval.date_assumed {
                fill(cx.s(&t.reason_covered), &[("date", &cx.date_of()), ("item", &cx.suceso(k))])
            } else {
                fill(cx.s(&t.reason_covered_assumed), &[("item", &cx.suceso(k))])
            }
        }
    };
    upper_first(&fill(cx.s(&t.reason_sentence), &[("reason", &clause)]))
}

/// The summary of a covered proceeding in a `mixed` result: the amnesty
/// closes only this case.
pub fn only_this_case(law: &'static Law, lang: Lang, summary: &str) -> String {
    text::list(&[summary.into(), law.texts.summary_only_this_case.get(lang).into()], " ", " ")
}

/// The warning a `mixed` result gives first: another case can keep the
/// person detained.
pub fn mixed_warning(law: &'static Law, lang: Lang) -> String {
    law.texts.warning_mixed.get(lang).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_letters_change_case_with_accents() {
        assert_eq!(lower_first("Tráfico de drogas"), "tráfico de drogas");
        assert_eq!(lower_first("Ñ"), "ñ");
        assert_eq!(upper_first("el cargo"), "El cargo");
        assert_eq!(upper_first("ésta"), "Ésta");
        assert_eq!(lower_first(""), "");
    }
}
