//! What a family can do with a result: what each open answer would lead
//! to, which single change of fact would change a settled result, and the
//! next steps of procedure (Arts. 7, 10–12, 15).
//!
//! Every outcome named here is computed by `eval` on changed facts; this
//! module never decides by itself.

use crate::Lang;
use crate::assessment::{AnswerOption, AnswerValue, Change, NextStep, QuestionAnswers, StepArticle};
use crate::date::DayRange;
use crate::eval::{self, Facts};
use crate::law::{self, Law};
use crate::model::{ChargeSet, Event, Outcome, Person, Proceeding, Question};
use crate::text::{self, cat, pick};
use crate::prelude::*;

fn outcome_of(law: &'static Law, facts: &Facts) -> Outcome {
    eval::outcome_only(law, facts)
}

const ORDER: [Outcome; 4] = [Outcome::Covered, Outcome::Uncertain, Outcome::NotCovered, Outcome::NeedsInformation];

/// Sorts by outcome in [`ORDER`], keeping the order of equal outcomes (as
/// `sort_by_key` does, without linking a general sort into the wasm
/// module; the lists hold at most 14 items).
fn sort_by_outcome<T>(items: &mut [T], outcome: impl Fn(&T) -> Outcome) {
    let rank = |t: &T| ORDER.iter().position(|o| *o == outcome(t));
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && rank(&items[j - 1]) > rank(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// For each question, the options and where each leads.
pub fn answers(law: &'static Law, facts: &Facts, questions: &[Question], lang: Lang) -> Vec<QuestionAnswers> {
    questions
        .iter()
        .map(|&q| QuestionAnswers {
            question: q,
            prompt: crate::info::question_text(q, lang).to_string(),
            options: match q {
                Question::FactsDate => date_options(law, facts, lang),
                Question::Event => event_options(law, facts, lang),
                Question::Charges => charge_options(law, facts, lang),
                Question::MilitaryJustice => bool_options(lang, |v| outcome_of(law, &Facts { military_justice: Some(v), ..*facts })),
                Question::CeasedConduct => bool_options(lang, |v| outcome_of(law, &Facts { ceased_conduct: Some(v), ..*facts })),
            },
        })
        .collect()
}

fn bool_options(lang: Lang, outcome: impl Fn(bool) -> Outcome) -> Vec<AnswerOption> {
    [true, false]
        .into_iter()
        .map(|v| AnswerOption {
            text: pick!(lang, (if v { "sí" } else { "no" }).into(), (if v { "yes" } else { "no" }).into()),
            value: Some(AnswerValue::Bool(v)),
            outcome: outcome(v),
        })
        .collect()
}

fn date_options(law: &'static Law, facts: &Facts, lang: Lang) -> Vec<AnswerOption> {
    // The days the date can still be: as given, or the stated event's window.
    let domain: Vec<DayRange> = match (eval::assumed_days(law, facts), facts.date) {
        (Some(days), _) => days,
        (None, Some(r)) => vec![r],
        (None, None) => vec![DayRange::ALL],
    };
    // (outcome, ranges inside some window or margin, whether other days too)
    let mut groups: Vec<(Outcome, Vec<DayRange>, bool)> = Vec::new();
    let mut by_class: Vec<(eval::DayClass, Outcome)> = Vec::new();
    for seg in eval::segments(law) {
        for r in &domain {
            if !seg.days.overlaps(r) {
                continue;
            }
            let clipped = DayRange::new(seg.days.first.max(r.first), seg.days.last.min(r.last));
            // Within one segment the outcome depends only on its class.
            let o = match by_class.iter().find(|(c, _)| *c == seg.class) {
                Some((_, o)) => *o,
                None => {
                    let o = outcome_of(law, &Facts { date: Some(clipped), ..*facts });
                    by_class.push((seg.class, o));
                    o
                }
            };
            let outside = seg.class.any() == 0 && domain == [DayRange::ALL];
            let g = match groups.iter().position(|g| g.0 == o) {
                Some(i) => &mut groups[i],
                None => {
                    groups.push((o, Vec::new(), false));
                    groups.last_mut().expect("just pushed")
                }
            };
            if outside {
                g.2 = true;
                continue;
            }
            match g.1.last_mut() {
                Some(prev) if prev.last.next() == clipped.first => prev.last = clipped.last,
                _ => g.1.push(clipped),
            }
        }
    }
    sort_by_outcome(&mut groups, |g| g.0);
    groups
        .into_iter()
        .map(|(outcome, ranges, other_days)| {
            let text = match (ranges.is_empty(), other_days) {
                (true, _) => pick!(lang, "cualquier otra fecha".into(), "any other date".into()),
                (false, true) => pick!(lang, cat!(text::ranges(lang, &ranges), " o cualquier otra fecha"), cat!(text::ranges(lang, &ranges), ", or any other date")),
                (false, false) => text::ranges(lang, &ranges),
            };
            AnswerOption { text, value: None, outcome }
        })
        .collect()
}

fn event_options(law: &'static Law, facts: &Facts, lang: Lang) -> Vec<AnswerOption> {
    let mut out: Vec<AnswerOption> = Event::all()
        .filter(|e| e.numeral().is_none_or(|k| law.numeral(k).is_some()))
        .map(|e| {
            let text = match e.numeral().and_then(|k| law.numeral(k)) {
                Some(n) => pick!(lang, cat!("numeral ", n.number, ": ", n.name.es, " (", n.window_text.es, ")"), cat!("numeral ", n.number, ": ", n.name.en, " (", n.window_text.en, ")")),
                None => pick!(lang, "ninguno de los eventos".into(), "none of the events".into()),
            };
            let value = match e {
                Event::Numeral(k) => AnswerValue::Numeral(k),
                Event::NoEvent => AnswerValue::Word("none"),
            };
            AnswerOption { text, value: Some(value), outcome: outcome_of(law, &Facts { event: Some(e), ..*facts }) }
        })
        .collect();
    sort_by_outcome(&mut out, |o| o.outcome);
    out
}

fn charge_options(law: &'static Law, facts: &Facts, lang: Lang) -> Vec<AnswerOption> {
    let mut out: Vec<AnswerOption> = eval::tables(law)
        .possible_charges
        .iter()
        .copied()
        .map(|(f, set)| {
            let mut parts: Vec<String> = Vec::new();
            let kinds = [
                (f.excluded, law::ExclusionKind::Excludes),
                (f.contested, law::ExclusionKind::Contested),
                (f.rebellion, law::ExclusionKind::RebellionException),
            ];
            for (on, kind) in kinds {
                if on {
                    let labels: Vec<String> = law
                        .exclusions
                        .iter()
                        .filter(|e| e.kind == kind)
                        .flat_map(|e| e.charges.iter())
                        .map(|c| law::charge_info(*c).label.get(lang).to_string())
                        .collect();
                    parts.push(text::join_or(lang, &labels));
                }
            }
            let text = if parts.is_empty() {
                pick!(lang, "ninguno de los cargos que la ley excluye o discute".into(), "none of the charges the law excludes or contests".into())
            } else {
                pick!(lang, cat!("con un cargo de: ", text::list(&parts, "; y ", "; y ")), cat!("with a charge of: ", text::list(&parts, "; and ", "; and ")))
            };
            AnswerOption { text, value: None, outcome: outcome_of(law, &Facts { charges: Some(set), ..*facts }) }
        })
        .collect();
    sort_by_outcome(&mut out, |o| o.outcome);
    out
}

/// Single-fact changes that would give another settled outcome.
pub fn would_change(law: &'static Law, facts: &Facts, current: Outcome, lang: Lang) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    // The text is written only for a change that gives another settled outcome.
    let mut consider = |fact: Question, changed: Facts, text: &dyn Fn() -> String| {
        let outcome = outcome_of(law, &changed);
        if outcome != current && outcome != Outcome::NeedsInformation {
            let text = text();
            if !out.iter().any(|c| c.text == text) {
                out.push(Change { fact, outcome, text });
            }
        }
    };
    if let Some(set) = facts.charges {
        let keep = |kind: law::ExclusionKind| -> ChargeSet {
            set.iter().filter(|c| law.exclusion_for(*c).map(|e| e.kind) != Some(kind)).collect()
        };
        for kind in [law::ExclusionKind::Excludes, law::ExclusionKind::Contested, law::ExclusionKind::RebellionException] {
            let without = keep(kind);
            if without != set {
                consider(Question::Charges, Facts { charges: Some(without), ..*facts }, &|| {
                    let removed: Vec<String> = set.iter().filter(|c| !without.contains(*c)).map(|c| law::charge_info(c).label.get(lang).to_string()).collect();
                    let list = text::join(lang, &removed);
                    pick!(lang, cat!("Si no existiera el cargo de ", list), cat!("Without the charge of ", list))
                });
            }
        }
    }
    // The date moved into a window: the stated event's, or the nearest.
    if let Some(r) = facts.date {
        let target = match facts.event.and_then(Event::numeral).and_then(|k| law.numeral(k)) {
            Some(n) => Some(n),
            None => law.numerals.iter().min_by_key(|n| n.window.iter().map(|w| distance(*w, r)).min().unwrap_or(i32::MAX)),
        };
        if let Some(n) = target {
            let span = DayRange::new(n.window[0].first, n.window[n.window.len() - 1].last);
            if !(span.first <= r.first && r.last <= span.last) {
                for w in n.window {
                    consider(Question::FactsDate, Facts { date: Some(*w), ..*facts }, &|| pick!(lang,
                        cat!("Si los hechos hubieran ocurrido en ", text::range(lang, *w), " (numeral ", n.number, ")"),
                        cat!("Had the acts happened in ", text::range(lang, *w), " (numeral ", n.number, ")")));
                }
            }
        }
        // The event that the date's window points to.
        let inside = eval::classes_in(law, &[r]).iter().fold(0, |m, c| m | c.window);
        for k in eval::numerals_of(inside) {
            if facts.event != Some(Event::Numeral(k)) {
                let name = law.numeral(k).map_or("", |n| n.name.get(lang));
                consider(Question::Event, Facts { event: Some(Event::Numeral(k)), ..*facts }, &|| pick!(lang,
                    cat!("Si los hechos se relacionaran con el numeral ", k, " (", name, ")"),
                    cat!("If the acts related to numeral ", k, " (", name, ")")));
            }
        }
    }
    if let Some(v) = facts.military_justice {
        let t = if v {
            pick!(lang, "Si la causa pasara a la justicia ordinaria", "If the case moved to the ordinary courts")
        } else {
            pick!(lang, "Si la causa estuviera en tribunales militares", "If the case were before military courts")
        };
        consider(Question::MilitaryJustice, Facts { military_justice: Some(!v), ..*facts }, &|| t.to_string());
    }
    if let Some(v) = facts.ceased_conduct {
        let t = if v {
            pick!(lang, "Si la persona no hubiera cesado en la conducta", "If the person had not ceased the conduct")
        } else {
            pick!(lang, "Si la persona cesara en la conducta", "If the person ceased the conduct")
        };
        consider(Question::CeasedConduct, Facts { ceased_conduct: Some(!v), ..*facts }, &|| t.to_string());
    }
    out
}

fn distance(w: DayRange, r: DayRange) -> i32 {
    if w.overlaps(&r) {
        0
    } else if w.last < r.first {
        r.first.0 - w.last.0
    } else {
        w.first.0 - r.last.0
    }
}

/// The points of procedure that fit this outcome, phase, situation, abroad
/// status and court, most urgent first. A filter left empty in the rules
/// data fits any case; one that names phases or situations needs the case
/// to give one of them (or names `unknown`, a case that gives none). An
/// item for people abroad needs the case to say so; an item for one kind
/// of court is left out only when the case names the other kind; one for
/// some charges needs the case to list one of them. The
/// priority is the step's own, or that of its first rank that fits.
pub fn next_steps(law: &'static Law, p: &Proceeding, person: &Person, outcome: Outcome, lang: Lang) -> Vec<NextStep> {
    fn fits<T: PartialEq>(list: &[T], value: &T) -> bool {
        list.is_empty() || list.contains(value)
    }
    let abroad_fits = |a: Option<bool>| match a {
        None => true,
        Some(true) => person.abroad == Some(true),
        Some(false) => person.abroad != Some(true),
    };
    let mut out: Vec<(u16, &'static law::Procedure)> = law
        .procedure
        .iter()
        .filter(|s| fits(s.outcomes, &outcome))
        .filter(|s| fits(s.phases, &p.phase))
        .filter(|s| fits(s.situations, &person.situation))
        .filter(|s| abroad_fits(s.abroad))
        .filter(|s| match (s.military_justice, p.military_justice) {
            (Some(wanted), Some(given)) => wanted == given,
            _ => true,
        })
        .filter(|s| s.charges.is_empty() || p.charges.is_some_and(|set| s.charges.iter().any(|c| set.contains(*c))))
        .map(|s| {
            let rank = s.ranks.iter().find(|r| {
                fits(r.outcomes, &outcome) && fits(r.situations, &person.situation) && fits(r.phases, &p.phase) && abroad_fits(r.abroad)
            });
            (rank.map_or(s.priority, |r| r.priority), s)
        })
        .collect();
    // Stable: equal priorities keep the order of the rules file (a few
    // items: insertion sort, no general sort in the wasm module).
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1].0 > out[j].0 {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    out.iter()
        .enumerate()
        .map(|(i, (_, s))| NextStep {
            id: s.id,
            article: StepArticle(s.article),
            confidence: s.confidence,
            text: s.text.get(lang),
            priority: u8::try_from(i + 1).unwrap_or(u8::MAX),
        })
        .collect()
}
