//! Writing an assessment out: JSON (the contract's form) and readable text.
//! Pure functions from values to strings; the CLI does the printing.

use crate::assessment::{Assessment, Effect};
use crate::error::Error;
use crate::json::{ToJson, json_object};
use crate::{Lang, info};
use crate::prelude::*;

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

fn outcome_label(code: &str, lang: Lang) -> String {
    let label = crate::model::CaseOutcome::ALL.iter().map(|&o| info::outcome_label(o, lang)).find(|o| o.code == code);
    label.map_or(code.to_string(), |o| o.label.to_uppercase())
}

/// A readable explanation, as a careful lawyer would put it to a family.
pub fn to_text(a: &Assessment, lang: Lang) -> String {
    let es = lang == Lang::Es;
    let mut s = String::new();
    let line = |s: &mut String, t: &str| {
        s.push_str(t);
        s.push('\n');
    };
    line(&mut s, &format!("{} — {}", a.law.title, a.law.gaceta));
    line(&mut s, &format!("{} {} · {} {}", if es { "Versión de la ley:" } else { "Law version:" }, a.law.id, if es { "reglas" } else { "rules" }, a.law.rules_version));
    line(&mut s, &format!("{}\n", a.law.notice));
    for (i, p) in a.proceedings.iter().enumerate() {
        let title = match &p.label {
            Some(l) => format!("{} {} — {l}", if es { "Causa" } else { "Proceeding" }, i + 1),
            None => format!("{} {}", if es { "Causa" } else { "Proceeding" }, i + 1),
        };
        line(&mut s, &title);
        line(&mut s, &format!("  {}: {}", if es { "Resultado" } else { "Result" }, outcome_label(p.outcome.code(), lang)));
        line(&mut s, &format!("  {}", p.summary));
        if !p.articles.is_empty() {
            line(&mut s, &format!("  {} {}", if es { "Artículos:" } else { "Articles:" }, p.articles.join(", ")));
        }
        line(&mut s, if es { "\n  Por qué, paso a paso:" } else { "\n  Why, step by step:" });
        for step in &p.explanation {
            let b = step.body();
            let mark = match b.effect {
                Effect::Pass => "✓",
                Effect::NotCovered => "✗",
                Effect::Uncertain => "?",
                Effect::Open => "…",
                Effect::NotInThisText | Effect::Note => "·",
            };
            let cite = b.article.as_deref().map_or(String::new(), |a| format!("[Art. {a}] "));
            line(&mut s, &format!("  {mark} {cite}{} ({})", b.text, confidence_word(b.confidence.code(), es)));
        }
        for (title, r) in [(if es { "Lectura favorable (Art. 5)" } else { "Favourable reading (Art. 5)" }, &p.favourable_reading), (if es { "Lectura estricta" } else { "Strict reading" }, &p.strict_reading)] {
            if let Some(r) = r {
                line(&mut s, &format!("\n  {title}: {}", r.text));
            }
        }
        for q in &p.answers {
            line(&mut s, &format!("\n  {}", q.prompt));
            for o in &q.options {
                line(&mut s, &format!("    - {} → {}", o.text, outcome_label(o.outcome.code(), lang).to_lowercase()));
            }
        }
        if !p.would_change.is_empty() {
            line(&mut s, if es { "\n  Qué cambiaría el resultado:" } else { "\n  What would change the result:" });
            for c in &p.would_change {
                line(&mut s, &format!("    - {} → {}", c.text, outcome_label(c.outcome.code(), lang).to_lowercase()));
            }
        }
        if !p.next_steps.is_empty() {
            line(&mut s, if es { "\n  Próximos pasos:" } else { "\n  Next steps:" });
            for n in &p.next_steps {
                line(&mut s, &format!("    - {} [Art. {}; {}]", n.text, n.article, confidence_word(n.confidence.code(), es)));
            }
        }
        s.push('\n');
    }
    line(&mut s, &a.disclaimer);
    s
}

fn confidence_word(code: &str, es: bool) -> &'static str {
    match (code, es) {
        ("confirmed", true) => "confirmado",
        ("confirmed", false) => "confirmed",
        ("single_source", true) => "una sola fuente",
        ("single_source", false) => "single source",
        ("inferred", true) => "deducido",
        ("inferred", false) => "inferred",
        (_, true) => "discutido",
        (_, false) => "disputed",
    }
}
