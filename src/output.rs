//! Writing an assessment out: JSON (the contract's form) and readable text.
//! Pure functions from values to strings; the CLI does the printing.

use crate::assessment::{Assessment, Effect};
use crate::error::Error;
use crate::json::{ToJson, json_object};
use crate::law::{Confidence, Texts};
use crate::text::{fill, sentence};
use crate::Lang;

/// Checks JSON text and returns the assessment as pretty JSON text.
pub fn check_to_json(text: &str, lang: Lang) -> Result<String, Error> {
    let a = crate::check(text, lang)?;
    Ok(to_json(&a))
}

/// Pretty JSON text, as the command line prints it.
pub fn to_json<T: ToJson + ?Sized>(value: &T) -> String {
    crate::json::write::to_pretty(value)
}

/// `{"error": {"code": …, "message": …, "path": …}}`
pub fn error_json(e: &Error, lang: Lang) -> String {
    struct Wrapper {
        error: crate::error::ErrorBody,
    }
    json_object!(Wrapper { "error": error });
    to_json(&Wrapper { error: e.body(lang) })
}

/// An outcome's label, as the law version puts it (the draft's say "would
/// have been"): the same words `law()` gives the page.
fn outcome_words(law: &'static crate::law::Law, o: impl Into<crate::model::CaseOutcome>, lang: Lang) -> &'static str {
    crate::info::outcome_label_in(law, o.into(), lang).label
}

/// How sure the rule of a step is, in words about the law, not the person.
fn confidence_words(t: &'static Texts, c: Confidence, lang: Lang) -> &'static str {
    match c {
        Confidence::Confirmed => t.output_confidence_confirmed.get(lang),
        Confidence::SingleSource => t.output_confidence_single_source.get(lang),
        Confidence::Inferred => t.output_confidence_inferred.get(lang),
        Confidence::Disputed => t.output_confidence_disputed.get(lang),
    }
}

/// A readable explanation, as a careful lawyer would put it to a family.
/// Every word comes from the rules data of the result's law version; the
/// codes (`8.12`, `9`) stay codes.
pub fn to_text(a: &Assessment, lang: Lang) -> String {
    let law = crate::law::by_id(a.law.id).unwrap_or(crate::law::DEFAULT_LAW);
    let t = law.texts;
    let say = |key: &'static crate::law::Text| key.get(lang);
    let mut s = String::new();
    let line = |s: &mut String, parts: &[&str]| {
        for p in parts {
            s.push_str(p);
        }
        s.push('\n');
    };
    let upper = |x: &str| x.to_uppercase();
    line(&mut s, &[a.law.title, " — ", a.law.gaceta]);
    line(&mut s, &[&fill(say(&t.output_law_version), &[("id", a.law.id), ("rules", a.law.rules_version)])]);
    line(&mut s, &[a.law.notice, "\n"]);
    if let Some(w) = &a.warning {
        line(&mut s, &[w, "\n"]);
    }
    for (i, p) in a.proceedings.iter().enumerate() {
        let n: String = sentence!(i + 1);
        let title = match &p.label {
            Some(l) => fill(say(&t.output_proceeding_label), &[("n", &n), ("label", l)]),
            None => fill(say(&t.output_proceeding), &[("n", &n)]),
        };
        line(&mut s, &[&title]);
        line(&mut s, &["  ", &fill(say(&t.output_result), &[("label", &upper(outcome_words(law, p.outcome, lang)))])]);
        line(&mut s, &["  ", &fill(say(&t.output_reason), &[("reason", &p.reason)])]);
        line(&mut s, &["  ", &p.summary]);
        if !p.articles.is_empty() {
            line(&mut s, &["  ", &fill(say(&t.output_articles), &[("list", &p.articles.join(", "))])]);
        }
        line(&mut s, &["\n  ", say(&t.output_steps)]);
        for step in &p.explanation {
            let b = &step.body;
            let mark = match b.effect {
                Effect::Pass => "✓",
                Effect::NotCovered => "✗",
                Effect::Uncertain => "?",
                Effect::Open => "…",
                Effect::NotInThisText | Effect::Note => "·",
            };
            let cite: String = b.article.as_deref().map_or(String::new(), |a| sentence!("[", a, "] "));
            // Only a step that decides or makes the result uncertain shows
            // how sure its rule is. On a passed step, next to a fact about
            // the person, the word would read as a doubt about them; on an
            // open step or a note there is nothing yet to be sure of.
            let conf: String = match b.effect {
                Effect::NotCovered | Effect::Uncertain => sentence!(" (", confidence_words(t, b.confidence, lang), ")"),
                _ => String::new(),
            };
            line(&mut s, &["  ", mark, " ", &cite, &b.text, &conf]);
        }
        for (title, r) in [(say(&t.output_reading_favourable), &p.favourable_reading), (say(&t.output_reading_strict), &p.strict_reading)] {
            if let Some(r) = r {
                line(&mut s, &["\n  ", title, ": ", &r.text]);
            }
        }
        for q in &p.answers {
            line(&mut s, &["\n  ", &q.prompt]);
            for o in &q.options {
                line(&mut s, &["    - ", &o.text, " → ", &outcome_words(law, o.outcome, lang).to_lowercase()]);
            }
        }
        if !p.would_change.is_empty() {
            line(&mut s, &["\n  ", say(&t.output_would_change)]);
            for c in &p.would_change {
                line(&mut s, &["    - ", &c.text, " → ", &outcome_words(law, c.outcome, lang).to_lowercase()]);
            }
        }
        if !p.next_steps.is_empty() {
            line(&mut s, &["\n  ", say(&t.output_next_steps)]);
            for ns in &p.next_steps {
                let confidence = confidence_words(t, ns.confidence, lang);
                // A route outside the law rests on no article: only its confidence.
                let cite = match ns.article {
                    Some(r) => fill(say(&t.output_cite), &[("ref", r), ("confidence", confidence)]),
                    None => confidence.to_string(),
                };
                line(&mut s, &["    - ", ns.text, " [", &cite, "]"]);
            }
        }
        s.push('\n');
    }
    line(&mut s, &[&a.disclaimer]);
    s
}
