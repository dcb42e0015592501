//! What a family can do with a result: what each open answer would lead
//! to, which single change of fact would change a settled result, and the
//! next steps of procedure (Arts. 7, 10–12, 15).
//!
//! Every outcome named here is computed by `eval` on changed facts; this
//! module never decides by itself.

use crate::Lang;
use crate::assessment::{AnswerOption, AnswerValue, Change, NextStep, QuestionAnswers};
use crate::date::DayRange;
use crate::eval::{self, Facts};
use crate::law::{self, Law};
use crate::model::{ChargeSet, Event, Outcome, Person, Proceeding, Question};
use crate::text;

fn outcome_of(law: &'static Law, facts: &Facts) -> Outcome {
    eval::outcome_only(law, facts)
}

/// A citation as people read it: `"8.12"` → "artículo 8, numeral 12".
pub fn cite_words(law: &'static Law, cite: &str, lang: Lang) -> String {
    match cite.split_once('.') {
        Some((article, numeral)) => text::fill(law.texts.label_cite.get(lang), &[("article", article), ("numeral", numeral)]),
        None => cite.to_string(),
    }
}

/// A charge label inside a sentence: lower-case first letter ("homicidio
/// intencional"). Labels start with an ASCII letter.
fn in_sentence(label: &str) -> String {
    let mut s = String::from(label);
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    s
}

fn charge_labels(set: impl Iterator<Item = crate::codes::Charge>, lang: Lang) -> Vec<String> {
    set.map(|c| in_sentence(law::charge_info(c).label.get(lang))).collect()
}

/// For each question, the options and where each leads. Where the
/// evaluation's own completions tell what an answer leads to
/// ([`eval::ByAnswer`]), that is used; otherwise the changed facts are
/// evaluated. Both give the same outcome.
pub fn answers(law: &'static Law, facts: &Facts, ev: &eval::Evaluation, lang: Lang) -> Vec<QuestionAnswers> {
    let by = &ev.by_answer;
    ev.questions
        .iter()
        .map(|&q| {
            let mut prompt = None;
            let options = match q {
                Question::FactsDate => {
                    let (options, month) = date_options(law, facts, ev, lang);
                    prompt = month;
                    options
                }
                Question::Event => event_options(law, facts, by, lang),
                Question::Charges => charge_options(law, facts, by, lang),
                Question::MilitaryJustice => bool_options(law, q, lang, |v| {
                    by.military_justice(v).unwrap_or_else(|| outcome_of(law, &Facts { military_justice: Some(v), ..*facts }))
                }),
                Question::CeasedConduct => bool_options(law, q, lang, |v| {
                    by.ceased_conduct(v).unwrap_or_else(|| outcome_of(law, &Facts { ceased_conduct: Some(v), ..*facts }))
                }),
            };
            let prompt = prompt.unwrap_or_else(|| crate::info::question_text_in(law, q, lang).to_string());
            QuestionAnswers { question: q, prompt, options }
        })
        .collect()
}

/// The question's own yes/no answers (the rules data's wording: the
/// Art. 7 question asks whether the person *still* carries the conduct on).
fn bool_options(law: &'static Law, q: Question, lang: Lang, outcome: impl Fn(bool) -> Outcome) -> Vec<AnswerOption> {
    crate::info::question_options(q)
        .iter()
        .filter_map(|(text, value)| match value {
            crate::info::OptionValue::Bool(v) => Some(AnswerOption {
                text: text(law.texts).get(lang).to_string(),
                value: Some(AnswerValue::Bool(*v)),
                outcome: outcome(*v),
            }),
            crate::info::OptionValue::Charges(_) => None,
        })
        .collect()
}

/// One group of days that lead to the same outcome.
struct DateGroup {
    outcome: Outcome,
    /// Runs of days inside some window or margin.
    ranges: Vec<DayRange>,
    /// Whether days outside every window lead there too.
    other_days: bool,
    /// Whether every run is in a contested margin only.
    margin_only: bool,
}

/// The date's options in date order, and, when only a year was given and
/// the month matters, a prompt saying which months the law covers.
fn date_options(law: &'static Law, facts: &Facts, ev: &eval::Evaluation, lang: Lang) -> (Vec<AnswerOption>, Option<String>) {
    let t = law.texts;
    // The days the date can still be: as given, or the stated event's
    // window, as the evaluation worked them out.
    let all = [DayRange::ALL];
    let domain: &[DayRange] = ev.days.as_deref().unwrap_or(&all);
    let mut groups: Vec<DateGroup> = Vec::new();
    let mut by_class: Vec<(eval::DayClass, Outcome)> = Vec::new();
    for seg in eval::segments(law) {
        for r in domain {
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
            let outside = seg.class.any() == 0 && domain == [DayRange::ALL].as_slice();
            let g = match groups.iter().position(|g| g.outcome == o) {
                Some(i) => &mut groups[i],
                None => {
                    groups.push(DateGroup { outcome: o, ranges: Vec::new(), other_days: false, margin_only: true });
                    groups.last_mut().expect("just pushed")
                }
            };
            if outside {
                g.other_days = true;
                continue;
            }
            g.margin_only &= seg.class.window == 0 && seg.class.margin != 0;
            match g.ranges.last_mut() {
                Some(prev) if prev.last.next() == clipped.first => prev.last = clipped.last,
                _ => g.ranges.push(clipped),
            }
        }
    }
    // Date order; a group of other days only comes last (a few items:
    // insertion sort).
    let key = |g: &DateGroup| g.ranges.first().map_or(i32::MAX, |r| r.first.0);
    for i in 1..groups.len() {
        let mut j = i;
        while j > 0 && key(&groups[j - 1]) > key(&groups[j]) {
            groups.swap(j - 1, j);
            j -= 1;
        }
    }
    // Only a year given, and some of its months covered: say which.
    let month = facts.date.filter(|r| is_whole_year(*r)).and_then(|_| {
        let covered: Vec<DayRange> = groups.iter().filter(|g| g.outcome == Outcome::Covered).flat_map(|g| g.ranges.iter().copied()).collect();
        (!covered.is_empty() && groups.len() > 1).then(|| text::fill(t.question_facts_date_month.get(lang), &[("dates", &text::ranges(lang, &covered))]))
    });
    let options = groups
        .into_iter()
        .map(|g| {
            let dates = text::ranges(lang, &g.ranges);
            let text = match (g.ranges.is_empty(), g.other_days) {
                (true, _) => t.answer_date_other.get(lang).to_string(),
                (false, true) => text::fill(t.answer_date_or_other.get(lang), &[("dates", &dates)]),
                (false, false) if g.margin_only && g.outcome == Outcome::Uncertain => text::fill(t.answer_date_doubtful.get(lang), &[("dates", &dates)]),
                (false, false) => dates,
            };
            AnswerOption { text, value: None, outcome: g.outcome }
        })
        .collect();
    (options, month)
}

/// Whether a run of days is exactly one calendar year.
fn is_whole_year(r: DayRange) -> bool {
    let (y1, m1, d1) = r.first.to_civil();
    let (y2, m2, d2) = r.last.to_civil();
    y1 == y2 && (m1, d1) == (1, 1) && (m2, d2) == (12, 31)
}

/// Every event in numeral order, each with what its numeral is about, then
/// "none": never ranked by outcome (review A3).
fn event_options(law: &'static Law, facts: &Facts, by: &eval::ByAnswer, lang: Lang) -> Vec<AnswerOption> {
    let t = law.texts;
    Event::all()
        .filter(|e| e.numeral().is_none_or(|k| law.numeral(k).is_some()))
        .map(|e| {
            let text = match e.numeral().and_then(|k| law.numeral(k)) {
                Some(n) => {
                    let (article, numeral) = n.cite.split_once('.').unwrap_or((n.cite, ""));
                    text::fill(t.answer_event_numeral.get(lang), &[
                        ("numeral", numeral),
                        ("article", article),
                        ("name", n.name.get(lang)),
                        ("window", n.window_text.get(lang)),
                        ("paraphrase", n.paraphrase.get(lang)),
                    ])
                }
                None => t.answer_event_none.get(lang).to_string(),
            };
            let value = match e {
                Event::Numeral(k) => AnswerValue::Numeral(k),
                Event::NoEvent => AnswerValue::Word("none"),
            };
            let outcome = by.event(e).unwrap_or_else(|| outcome_of(law, &Facts { event: Some(e), ..*facts }));
            AnswerOption { text, value: Some(value), outcome }
        })
        .collect()
}

fn charge_options(law: &'static Law, facts: &Facts, by: &eval::ByAnswer, lang: Lang) -> Vec<AnswerOption> {
    let t = law.texts;
    eval::tables(law)
        .possible_charges
        .iter()
        .copied()
        .enumerate()
        .map(|(i, (f, set))| {
            let mut parts: Vec<String> = Vec::new();
            let kinds = [
                (f.excluded, law::ExclusionKind::Excludes),
                (f.contested, law::ExclusionKind::Contested),
                (f.rebellion, law::ExclusionKind::RebellionException),
            ];
            for (on, kind) in kinds {
                if on {
                    let charges = law.exclusions.iter().filter(|e| e.kind == kind).flat_map(|e| e.charges.iter().copied());
                    parts.push(text::join_or(lang, &charge_labels(charges, lang)));
                }
            }
            let text = if parts.is_empty() {
                t.answer_charges_none_listed.get(lang).to_string()
            } else {
                text::fill(t.answer_charges_with.get(lang), &[("charges", &text::list(&parts, "; ", "; "))])
            };
            let outcome = by.charges(i).unwrap_or_else(|| outcome_of(law, &Facts { charges: Some(set), ..*facts }));
            AnswerOption { text, value: None, outcome }
        })
        .collect()
}

/// Single-fact changes that would give another settled outcome. Dates and
/// events are facts, not choices (review A20): a date is offered only as
/// "if the date you gave is not exact", an event only when none was
/// stated, and numeral 8 never for days that another numeral names.
pub fn would_change(law: &'static Law, facts: &Facts, current: Outcome, lang: Lang) -> Vec<Change> {
    let t = law.texts;
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
                    let removed = charge_labels(set.iter().filter(|c| !without.contains(*c)), lang);
                    text::fill(t.change_without_charges.get(lang), &[("charges", &text::join(lang, &removed))])
                });
            }
        }
    }
    if let Some(r) = facts.date {
        // The numerals whose confirmed window holds some of the days.
        let inside = eval::classes_in(law, &[r]).iter().fold(0, |m, c| m | c.window);
        let eight_only_by_overlap = |k: u8| k == 8 && eval::numerals_of(inside).any(|other| other != 8);
        // The date, if not exact, in a window: the stated event's, or the
        // nearest one other than numeral 8 (its term spans years of other
        // kinds of facts; brief §3).
        let target = match facts.event.and_then(Event::numeral).and_then(|k| law.numeral(k)) {
            Some(n) => Some(n),
            None => law
                .numerals
                .iter()
                .filter(|n| n.number != 8)
                .min_by_key(|n| n.window.iter().map(|w| distance(*w, r)).min().unwrap_or(i32::MAX)),
        };
        if let Some(n) = target {
            let span = DayRange::new(n.window[0].first, n.window[n.window.len() - 1].last);
            if !(span.first <= r.first && r.last <= span.last) {
                for (i, w) in n.window.iter().enumerate() {
                    let cite = n.window_cites.get(i).copied().unwrap_or(n.cite);
                    consider(Question::FactsDate, Facts { date: Some(*w), ..*facts }, &|| {
                        text::fill(t.change_date_hint.get(lang), &[("dates", &text::range(lang, *w)), ("cite", &cite_words(law, cite, lang))])
                    });
                }
            }
        }
        // With no event stated: the events whose window holds the date.
        if facts.event.is_none() {
            for k in eval::numerals_of(inside).filter(|k| !eight_only_by_overlap(*k)) {
                if let Some(n) = law.numeral(k) {
                    consider(Question::Event, Facts { event: Some(Event::Numeral(k)), ..*facts }, &|| {
                        text::fill(t.change_event.get(lang), &[("name", n.name.get(lang)), ("cite", &cite_words(law, n.cite, lang))])
                    });
                }
            }
        }
    }
    if let Some(v) = facts.military_justice {
        let text = if v { t.change_to_ordinary_courts } else { t.change_to_military_courts };
        consider(Question::MilitaryJustice, Facts { military_justice: Some(!v), ..*facts }, &|| text.get(lang).to_string());
    }
    if let Some(v) = facts.ceased_conduct {
        let text = if v { t.change_still_active } else { t.change_stopped };
        consider(Question::CeasedConduct, Facts { ceased_conduct: Some(!v), ..*facts }, &|| text.get(lang).to_string());
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
            article: s.article,
            confidence: s.confidence,
            text: s.text.get(lang),
            short: s.short.unwrap_or(s.text).get(lang),
            sources: crate::assessment::SourceIds(s.sources),
            priority: u8::try_from(i + 1).unwrap_or(u8::MAX),
        })
        .collect()
}

