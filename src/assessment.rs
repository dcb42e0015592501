//! The assessment: what the checker answers (contract §3).
//!
//! Plain data, written as JSON with camelCase keys (the `json_object!`
//! lists at the end name every key). `outcome`, `numerals`,
//! `articles` and `questions` are fixed by the contract; everything else
//! here is optional extension and may only grow.

use crate::law::Confidence;
use crate::model::{CaseOutcome, Outcome, Question};
use crate::json::{ToJson, Writer, json_object};
use std::borrow::Cow;

/// A sentence or a citation: borrowed when it is fixed text (most are),
/// owned when it was composed for this case.
pub type Text = Cow<'static, str>;

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub law: LawRef,
    /// One proceeding's outcome when all agree, otherwise `mixed`.
    pub outcome: CaseOutcome,
    /// Said first on a `mixed` result: the amnesty closes only the covered
    /// cases, and another case can keep the person detained.
    pub warning: Option<String>,
    /// `es` or `en`: the language of every text below.
    pub lang: &'static str,
    /// Not legal advice, and what the result rests on.
    pub disclaimer: String,
    pub proceedings: Vec<ProceedingAssessment>,
}

/// The law version a result was computed under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LawRef {
    pub id: &'static str,
    pub title: &'static str,
    pub gaceta: &'static str,
    /// A hash of the rules data: same version, same answers.
    pub rules_version: &'static str,
    /// `enacted` or `draft`.
    pub status: &'static str,
    pub last_reviewed: &'static str,
    /// The date the legal information runs to, `YYYY-MM-DD` (contract §3,
    /// rev. 2; brief §0).
    pub information_as_of: &'static str,
    /// What every result under this version must say (a draft says it is
    /// not law).
    pub notice: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProceedingAssessment {
    /// Echoed from the case, never interpreted.
    pub label: Option<String>,
    pub outcome: Outcome,
    /// The Art. 8 numerals the decision rests on, ascending.
    pub numerals: Vec<u8>,
    /// Every article and numeral the decision rests on: `8.12`, `9`, `7`.
    pub articles: Vec<String>,
    /// The same in words, each article's numerals together, as the law
    /// version cites them: "artículo 8, numeral 12; artículo 9; artículo 7"
    /// (an extension of contract §3, for the page and the printout).
    pub articles_in_words: String,
    /// For `needs_information`: the facts whose value changes the result.
    pub questions: Vec<Question>,
    /// One plain sentence a family can read first.
    pub summary: String,
    /// One sentence naming the fact that decided (contract §3, rev. 2).
    pub reason: String,
    /// The steps of contract §2.1, in order.
    pub explanation: Vec<Step>,
    /// For `uncertain`: the reading most favourable to the person (Art. 5).
    pub favourable_reading: Option<Reading>,
    /// For `uncertain`: the strict reading.
    pub strict_reading: Option<Reading>,
    /// For `needs_information`: what each answer to each question leads to.
    pub answers: Vec<QuestionAnswers>,
    /// Single-fact changes that would give another settled outcome.
    pub would_change: Vec<Change>,
    /// What to do next, for this outcome, phase, situation and abroad status.
    pub next_steps: Vec<NextStep>,
}

/// One step of the explanation: the rule it applies (`kind`), and what it
/// read and found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    pub body: StepBody,
}

pub use crate::codes::StepKind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepBody {
    /// `9`, `8.12`, `7`; `None` where the step rests on practice, not text.
    pub article: Option<Text>,
    pub numeral: Option<u8>,
    /// The id of the rule in the law data (`art9_homicide`, `art8_12`).
    pub rule: Option<&'static str>,
    pub confidence: Confidence,
    /// Only the facts this step read.
    pub read: Vec<FactRead>,
    pub effect: Effect,
    pub text: Text,
    /// The public reports the step's rule rests on (their ids in `law()`'s
    /// `sources`); empty where it rests on none.
    pub sources: &'static [&'static crate::law::Source],
}

pub use crate::codes::Effect;

/// Sources written as their ids: `["aporrea_n415814", …]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceIds(pub &'static [&'static crate::law::Source]);

impl ToJson for SourceIds {
    fn to_json(&self, w: &mut Writer) {
        w.begin_array();
        for s in self.0 {
            w.item(s.id);
        }
        w.end_array();
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactRead {
    /// The case key: `factsDate`, `event`, `charges`, …
    pub fact: &'static str,
    /// As given; `null` when unknown.
    pub value: FactValue,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactValue {
    Unknown,
    Bool(bool),
    Number(u8),
    Text(String),
    List(Vec<&'static str>),
}


/// One reading of a contested point, with the outcome it leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub outcome: Outcome,
    pub articles: Vec<String>,
    pub text: String,
}

/// A question and what each possible answer would lead to.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionAnswers {
    pub question: Question,
    pub prompt: String,
    pub options: Vec<AnswerOption>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnswerOption {
    /// The answer, in words: "julio de 2024", "sí".
    pub text: String,
    /// A value the page can put into the case for this answer, where the
    /// answer is a single value (an event, a yes or a no).
    pub value: Option<AnswerValue>,
    /// The outcome with this answer and the other facts as they are;
    /// `needs_information` when other answers are still needed.
    pub outcome: Outcome,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerValue {
    Bool(bool),
    Numeral(u8),
    Word(&'static str),
}

/// "Had the acts happened in February–June 2014, the result would be
/// covered."
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub fact: Question,
    pub outcome: Outcome,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    pub id: &'static str,
    /// `null` in JSON for a step that rests on no article (a route outside
    /// the law, or practice).
    pub article: Option<&'static str>,
    pub confidence: Confidence,
    pub text: &'static str,
    /// The same step as one short action, for the first screen's "what to
    /// do now" (the full `text` when the rules data has no shorter one).
    pub short: &'static str,
    /// The public reports the step rests on (ids in `law()`'s `sources`).
    pub sources: SourceIds,
    /// The step's rank among this proceeding's next steps, 1 being the most
    /// urgent (contract §3, rev. 2); `nextSteps` come in this order.
    pub priority: u8,
}


// ---- JSON keys (contract §3; extensions only grow) ----------------------------

json_object!(Assessment { "law": law, "outcome": outcome, "warning": warning, "lang": lang, "disclaimer": disclaimer, "proceedings": proceedings });
json_object!(LawRef {
    "id": id, "title": title, "gaceta": gaceta, "rulesVersion": rules_version, "status": status,
    "lastReviewed": last_reviewed, "informationAsOf": information_as_of, "notice": notice,
});
json_object!(ProceedingAssessment {
    "label": label, "outcome": outcome, "numerals": numerals, "articles": articles,
    "articlesInWords": articles_in_words, "questions": questions,
    "summary": summary, "reason": reason, "explanation": explanation, "favourableReading": favourable_reading,
    "strictReading": strict_reading, "answers": answers, "wouldChange": would_change, "nextSteps": next_steps,
});
json_object!(FactRead { "fact": fact, "value": value });
json_object!(Reading { "outcome": outcome, "articles": articles, "text": text });
json_object!(QuestionAnswers { "question": question, "prompt": prompt, "options": options });
json_object!(AnswerOption { "text": text, "value": value, "outcome": outcome });
json_object!(Change { "fact": fact, "outcome": outcome, "text": text });
json_object!(NextStep { "id": id, "article": article, "confidence": confidence, "priority": priority, "text": text, "short": short, "sources": sources });


/// `{"kind": …, "article": …, …}`: the tag first, then the body's fields.
impl ToJson for Step {
    fn to_json(&self, w: &mut Writer) {
        let b = &self.body;
        w.begin_object();
        w.field("kind", &self.kind);
        w.field("article", &b.article);
        w.field("numeral", &b.numeral);
        w.field("rule", &b.rule);
        w.field("confidence", &b.confidence);
        w.field("read", &b.read);
        w.field("effect", &b.effect);
        w.field("text", &b.text);
        w.field("sources", &SourceIds(b.sources));
        w.end_object();
    }
}

impl ToJson for FactValue {
    fn to_json(&self, w: &mut Writer) {
        match self {
            FactValue::Unknown => w.null(),
            FactValue::Bool(b) => w.bool(*b),
            FactValue::Number(n) => n.to_json(w),
            FactValue::Text(t) => w.string(t),
            FactValue::List(l) => l.to_json(w),
        }
    }
}

impl ToJson for AnswerValue {
    fn to_json(&self, w: &mut Writer) {
        match self {
            AnswerValue::Bool(b) => w.bool(*b),
            AnswerValue::Numeral(n) => n.to_json(w),
            AnswerValue::Word(t) => w.string(t),
        }
    }
}
