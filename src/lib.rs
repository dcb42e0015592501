//! # amnistia
//!
//! Does Venezuela's 2026 amnesty law, the *Ley de Amnistía para la
//! Convivencia Democrática* (Gaceta Oficial N° 6.990 Extraordinaria), cover
//! a person's criminal case? This crate answers one proceeding at a time,
//! article by article, and says how sure it is. It is not legal advice.
//!
//! ```
//! let case = r#"{"proceedings": [{"factsDate": "2024-07-30", "event": 12,
//!     "charges": ["terrorism"], "militaryJustice": false}],
//!     "person": {"ceasedConduct": true}}"#;
//! let a = amnistia::check(case, amnistia::Lang::En).unwrap();
//! assert_eq!(a.proceedings[0].outcome, amnistia::Outcome::Covered);
//! assert_eq!(a.proceedings[0].articles, ["8.12", "9", "7"]);
//! ```
//!
//! ## What it decides
//!
//! One of four outcomes per proceeding (contract §2): `covered`,
//! `not_covered`, `uncertain` (the facts are known but the law is contested
//! or left to the courts) and `needs_information` (the answer turns on a
//! fact not given). Unknown facts are never guessed: each stands for every
//! value it could take, and the outcome is settled only when all of them
//! agree.
//!
//! ## What it does not do
//!
//! It reads no clock, no file and no network; it does not know the official
//! text beyond what the rules files paraphrase; it does not judge whether a
//! charge is fair (exclusions go by the charge); and it does not decide the
//! link between acts and an event, which is for the courts.
//!
//! ## Glossary
//!
//! - **case**: one person and their proceedings (the input).
//! - **proceeding** (*causa*): one criminal case, assessed on its own.
//! - **facts**: what the case states; `None` is unknown.
//! - **numeral**: one of the 13 events of Art. 8, with its **window**
//!   (confirmed days) and **margin** (contested days).
//! - **completion**: one way of filling in every unknown fact.
//! - **outcome**: the result of a proceeding; **assessment**: the whole
//!   answer with explanation and next steps.
//! - **law**: one version of the text (`enacted-2026-02-19` by default);
//!   **rules version**: the hash of its data.
//! - The verbs: [`check`] reads JSON text and assesses it; [`assess`]
//!   assesses a case already read; `eval::evaluate` works out one
//!   proceeding's outcome over every completion, with no words. The JS
//!   API's `evaluate` is `check` (or `assess` of a JS object).
//! - **screening** is a whole list, one result row per case
//!   ([`screen`]); the page's "screens" are its views.
//!
//! ## Cargo features
//!
//! None by default, and none in the page's wasm: every build, native or
//! wasm, the browser tests' included, compiles the library the same way.
//! Two features add one wasm export each, for builds that never ship:
//!
//! - `test-hooks`: `testTrap()`, which makes the module trap, for the
//!   page's recovery test (`scripts/build-wasm-test.sh`).
//! - `bench-hooks`: `benchCheck()`, the explained evaluation run inside the
//!   module with no output, for the benchmark's own build
//!   (`scripts/bench.sh`).

// The public API: reading and assessing a case, the assessment, the
// codes, the one error type, and the outputs and screening the command line
// uses. The rest is public only for the tests, benches and fuzzers
// (`#[doc(hidden)]`); it may change at any time.
pub mod assessment;
pub mod codes;
pub mod error;
pub mod output;
pub mod request;
pub mod rtf;
pub mod screen;

#[doc(hidden)]
pub mod date;
#[doc(hidden)]
pub mod eval;
#[doc(hidden)]
pub mod explain;
mod inline_vec;
#[doc(hidden)]
pub mod guidance;
#[doc(hidden)]
pub mod info;
#[doc(hidden)]
pub mod json;
#[doc(hidden)]
pub mod law;
#[doc(hidden)]
pub mod model;
#[doc(hidden)]
pub mod parse;
mod text;
#[doc(hidden)]
pub mod timeline;

/// The JS API (contract §3.1): only in the wasm build.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use assessment::Assessment;
pub use codes::Charge;
pub use error::{Error, ErrorCode};

// Each wire code is written as JSON as its code string.
json::json_code!(
    codes::Charge, codes::Situation, codes::Phase, codes::Outcome, codes::CaseOutcome, codes::Question,
    codes::Confidence, codes::Status, codes::ExclusionKind, codes::ChargeGroup, codes::WindowKind,
    codes::StepKind, codes::Effect, codes::ErrorCode, codes::ColumnKind, codes::ChargeEffect,
);
pub use model::{Case, CaseOutcome, Outcome, Question};

/// The language of every text the checker writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Spanish, the default.
    #[default]
    Es,
    En,
}

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }
}

/// The largest case input, in bytes (contract §4, `input_too_large`).
pub const MAX_INPUT_BYTES: usize = json::MAX_INPUT_BYTES;

/// Reads a case from the bytes of its JSON text (UTF-8, at most
/// [`MAX_INPUT_BYTES`]), with the contract's error codes.
pub fn read_case(bytes: &[u8]) -> Result<Case, Error> {
    parse::case_from_bytes(bytes)
}

/// Reads a case from JSON text and assesses it.
pub fn check(json: &str, lang: Lang) -> Result<Assessment, Error> {
    Ok(assess(&parse::case_from_text(json)?, lang))
}

/// Assesses a case that has already been read.
pub fn assess(case: &Case, lang: Lang) -> Assessment {
    let law = case.law;
    let mut proceedings: Vec<_> = case.proceedings.iter().map(|p| assess_proceeding(case, p, lang)).collect();
    let first = proceedings[0].outcome;
    let outcome = if proceedings.iter().all(|p| p.outcome == first) {
        first.into()
    } else {
        CaseOutcome::Mixed
    };
    if outcome == CaseOutcome::Mixed {
        for p in proceedings.iter_mut().filter(|p| p.outcome == Outcome::Covered) {
            p.summary = explain::only_this_case(law, lang, &p.summary);
        }
    }
    Assessment {
        law: assessment::LawRef {
            id: law.id,
            title: law.title,
            gaceta: law.gaceta,
            rules_version: law.rules_version,
            status: law.status.code(),
            last_reviewed: law.last_reviewed,
            information_as_of: law.information_as_of,
            notice: law.notice.get(lang),
        },
        warning: (outcome == CaseOutcome::Mixed).then(|| explain::mixed_warning(law, lang)),
        outcome,
        lang: lang.code(),
        disclaimer: info::disclaimer(law, lang),
        proceedings,
    }
}

fn assess_proceeding(case: &Case, p: &model::Proceeding, lang: Lang) -> assessment::ProceedingAssessment {
    let law = case.law;
    let facts = eval::Facts::of(p, case.person.ceased_conduct);
    let ev = eval::evaluate(law, &facts);
    let classes = ev.days.as_deref().map(|days| eval::classes_in(law, days));
    let numerals: Vec<u8> = eval::numerals_of(ev.numerals).collect();
    let articles = article_list(law, &numerals, ev.articles, ev.days.as_deref());
    let date_text = explain::Ctx::date_text_of(lang, p);
    let cx = explain::Ctx { law, lang, facts: &facts, proceeding: p, eval: &ev, classes, date_text };
    let mut explained = explain::steps(&cx);
    // Each step names the reports its rule rests on (`law()` lists them).
    for step in &mut explained.steps {
        let b = &mut step.body;
        b.sources = law.sources_for(b.rule, b.article.as_deref());
    }
    let (favourable_reading, strict_reading) = explain::readings(&cx, &explained, &articles);
    let summary = explain::summary(&cx, &explained, &articles);
    let reason = explain::reason(&cx, &explained);
    let articles_in_words = explain::articles_in_words(&cx, &articles);
    let answers = if ev.outcome == Outcome::NeedsInformation {
        guidance::answers(law, &facts, &ev, lang)
    } else {
        Vec::new()
    };
    let would_change = if ev.outcome == Outcome::NeedsInformation {
        Vec::new()
    } else {
        guidance::would_change(law, &facts, ev.outcome, lang)
    };
    assessment::ProceedingAssessment {
        label: p.label.clone(),
        outcome: ev.outcome,
        numerals,
        articles,
        articles_in_words,
        questions: ev.questions.clone(),
        summary,
        reason,
        explanation: explained.steps,
        favourable_reading,
        strict_reading,
        answers,
        would_change,
        next_steps: guidance::next_steps(law, p, &case.person, ev.outcome, lang),
    }
}

/// Each numeral as the text cites it (`8.12`; the draft's `6.10`), then
/// the articles of the events, the exclusions, the personal conditions and
/// the favourable reading, as flagged (`8`, `9`, `7`, `5`; the draft's `6`,
/// `7`, and `5`). A numeral whose window holds two of the text's own
/// numerals (the draft's 6.3 and 6.4) cites those the date's `days` touch,
/// or all when it touches none or is not known.
fn article_list(law: &law::Law, numerals: &[u8], flags: u8, days: Option<&[date::DayRange]>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(numerals.len() + 4);
    for n in numerals.iter().filter_map(|k| law.numeral(*k)) {
        if n.window_cites.is_empty() {
            out.push(n.cite.to_string());
            continue;
        }
        let touched = |w: &date::DayRange| days.is_some_and(|ds| ds.iter().any(|d| d.overlaps(w)));
        let any = n.window.iter().any(touched);
        for (w, cite) in n.window.iter().zip(n.window_cites) {
            if !any || touched(w) {
                out.push(cite.to_string());
            }
        }
    }
    let c = law.citations;
    for (flag, cite) in [(eval::art::EIGHT, Some(c.events)), (eval::art::NINE, Some(c.exclusions)), (eval::art::SEVEN, c.conditions), (eval::art::FIVE, Some(c.favourable))] {
        if let (true, Some(cite)) = (flags & flag != 0, cite) {
            out.push(cite.to_string());
        }
    }
    out
}

/// The crate version and each law version's rules hash, on one line.
pub fn version_line() -> String {
    let mut s = String::from(concat!("amnistia ", env!("CARGO_PKG_VERSION")));
    for l in law::LAWS {
        for piece in ["; ", l.id, " ", l.rules_version] {
            s.push_str(piece);
        }
    }
    s
}
