//! The steps of contract §2.1, one maker each, in the order they are
//! taken: a date assumed from the event, the exclusions, the rebellion
//! exception, the window, the link to the event, the contested charges,
//! military courts and the conduct that has ceased. Each reads the facts
//! through [`Ctx`] and says what it found; none decides the outcome.

use super::*;

fn body(
    article: Option<Text>,
    numeral: Option<u8>,
    rule: Option<&'static str>,
    confidence: Confidence,
    read: Vec<FactRead>,
    effect: Effect,
    text: String,
) -> StepBody {
    let text = if text.ends_with(char::is_whitespace) { text.trim_end().to_string() } else { text };
    // A step that leaves the result uncertain rests on a contested point,
    // whatever the confidence of the rule it reads: it never reads as
    // confirmed (the link to a suceso, the meaning of "cesado", a
    // threshold, military courts are all open questions for the court).
    let confidence = if effect == Effect::Uncertain { confidence.max(Confidence::Disputed) } else { confidence };
    StepBody { article, numeral, rule, confidence, read, effect, text: Text::Owned(text), sources: &[] }
}

fn step(kind: StepKind, body: StepBody) -> Step {
    Step { kind, body }
}

/// What a step maker returns: the step, and its contested point when it
/// makes the result uncertain.
type Made = (Step, Option<Point>);

/// The steps of §2.1 for one proceeding, stopping after a step that
/// settles the outcome as not covered.
pub fn steps(cx: &Ctx) -> Explained {
    let mut out = Explained { steps: Vec::with_capacity(8), points: Vec::new(), decisive: None };
    if cx.eval.date_assumed {
        out.steps.push(date_assumed(cx));
    }
    let makers: [fn(&Ctx) -> Vec<Made>; 7] = [
        |cx| exclusion(cx).into_iter().collect(),
        |cx| rebellion(cx).into_iter().collect(),
        |cx| window(cx).into_iter().collect(),
        |cx| event_link(cx).into_iter().collect(),
        contested,
        |cx| military_justice(cx).into_iter().collect(),
        |cx| ceased_conduct(cx).into_iter().collect(),
    ];
    for make in makers {
        let mut stop = false;
        for (step, point) in make(cx) {
            if step.body.effect == Effect::NotCovered {
                out.decisive = Some(decisive(cx, &step));
                stop = true;
            }
            if step.body.effect == Effect::Uncertain {
                // The window and the event-link steps can both see the same
                // doubtful dates: name each point once.
                if let Some(p) = point.filter(|p| !out.points.iter().any(|q| q.point == p.point)) {
                    out.points.push(p);
                }
            }
            out.steps.push(step);
        }
        if stop {
            break;
        }
    }
    out
}

/// The reason clause of a step that settled `not_covered`.
fn decisive(cx: &Ctx, step: &Step) -> String {
    let t = cx.tx();
    match step.kind {
        StepKind::Exclusion => {
            let hits = excluded_charges(cx);
            let key = if hits.len() > 1 { &t.reason_excluded_many } else { &t.reason_excluded };
            fill(cx.s(key), &[("charges", &cx.charge_names(&hits, false)), ("ref", &cx.article(cx.law.citations.exclusions))])
        }
        StepKind::RebellionException => fill(cx.s(&t.reason_rebellion), &[("cite", &cx.cite_words(step.body.article.as_deref().unwrap_or_default()))]),
        _ => fill(cx.s(&t.reason_outside), &[("date", &cx.date_of()), ("ref", &cx.article(cx.law.citations.events))]),
    }
}

/// The stated charges that an exclusion of kind `excludes` reads.
fn excluded_charges(cx: &Ctx) -> Vec<Charge> {
    cx.facts.charges.map_or_else(Vec::new, |set| {
        set.iter().filter(|c| cx.law.exclusion_for(*c).is_some_and(|e| e.kind == ExclusionKind::Excludes)).collect()
    })
}

fn date_assumed(cx: &Ctx) -> Step {
    let k = cx.facts.event.and_then(Event::numeral).unwrap_or(0);
    let n = cx.law.numeral(k);
    let window = law::enacted().numeral(k).map_or("", |n| n.window_text.get(cx.lang));
    let t = cx.tx();
    let key = if cx.facts.date.is_some() { &t.step_date_assumed_until } else { &t.step_date_assumed };
    step(StepKind::DateAssumed, body(
        n.map(|n| Text::Borrowed(n.cite)),
        Some(k),
        n.map(|n| n.id),
        cx.window_confidence(k),
        vec![cx.read_date(), cx.read_event()],
        Effect::Note,
        fill(cx.s(key), &[("item", &cx.suceso_short(k)), ("window", window), ("period", cx.period(bit(k)))]),
    ))
}

fn exclusion(cx: &Ctx) -> Option<Made> {
    let read = vec![cx.read_charges()];
    let t = cx.tx();
    let cite = cx.law.citations.exclusions;
    let article = cx.article(cite);
    let confidence = cx.article_confidence(cite);
    let (effect, rule, text, confidence) = match cx.facts.charges {
        None => {
            let effect = cx.open_or_note(&read);
            let names: Vec<String> = cx
                .law
                .exclusions
                .iter()
                .filter(|e| e.kind == ExclusionKind::Excludes)
                .map(|e| lower_first(e.name.get(cx.lang)))
                .collect();
            let text = fill(cx.s(&t.step_exclusion_unknown), &[("ref", &article), ("names", &text::join_or(cx.lang, &names))]);
            (effect, None, cx.open_text(effect, text), confidence)
        }
        Some(set) => {
            let hits = excluded_charges(cx);
            if hits.is_empty() {
                let key = if set.is_empty() { &t.step_exclusion_none_given } else { &t.step_exclusion_pass };
                let mut parts = vec![fill(cx.s(key), &[("ref", &article)])];
                // A charge the text's words could be stretched to, read
                // narrowly (Art. 5): the step says so (contract §2.4).
                for e in cx.law.exclusions {
                    if let (Some(note), true) = (e.narrow_note, e.read_narrowly.iter().any(|c| set.contains(*c))) {
                        parts.push(note.get(cx.lang).to_string());
                    }
                }
                (Effect::Pass, None, text::list(&parts, " ", " "), confidence)
            } else {
                let entries: Vec<&'static Exclusion> = hits.iter().filter_map(|c| cx.law.exclusion_for(*c)).fold(Vec::new(), |mut v, e| {
                    if !v.iter().any(|x: &&Exclusion| x.id == e.id) {
                        v.push(e);
                    }
                    v
                });
                let key = if hits.len() > 1 { &t.step_exclusion_hit_many } else { &t.step_exclusion_hit };
                let mut parts = vec![fill(cx.s(key), &[("ref", &article), ("charges", &cx.charge_names(&hits, false))])];
                // An entry's note speaks of all its charges when it has one,
                // and of those after the first when it has several (the
                // magnicide note of the homicide entry): only then is it shown.
                // The step is as sure as the weakest entry it rests on, and
                // as the weakest note it shows (magnicide: single source).
                let mut worst = entries.iter().map(|e| e.confidence).max().unwrap_or(confidence);
                for e in &entries {
                    let about_charged = e.charges.len() == 1 || e.charges[1..].iter().any(|c| hits.contains(c));
                    if let (Some(note), true) = (e.note, about_charged) {
                        parts.push(note.get(cx.lang).to_string());
                        worst = worst.max(e.note_confidence.unwrap_or(e.confidence));
                    }
                }
                (Effect::NotCovered, entries.first().map(|e| e.id), text::list(&parts, " ", " "), worst)
            }
        }
    };
    Some((step(StepKind::Exclusion, body(Some(Text::Borrowed(cite)), None, rule, confidence, read, effect, text)), None))
}

fn rebellion(cx: &Ctx) -> Option<Made> {
    let entry = cx.law.exclusions.iter().find(|e| e.kind == ExclusionKind::RebellionException)?;
    let charged = cx.charged(ExclusionKind::RebellionException);
    let in10 = cx.date_is(|c| c.any() & bit(10) != 0);
    // Only worth a step where the exception could be in play.
    if in10 == Tri::No || (charged == Tri::No && cx.facts.event != Some(Event::Numeral(10))) {
        return None;
    }
    let event10 = match cx.facts.event {
        Some(Event::Numeral(10)) => Tri::Yes,
        Some(_) => Tri::No,
        None => Tri::Unknown,
    };
    let in10_window = cx.date_is(|c| c.window & bit(10) != 0);
    let read = vec![cx.read_event(), cx.read_charges(), cx.read_date()];
    let t = cx.tx();
    let cite = cx.cite_words(entry.article);
    let window = cx.law.numeral(10).map_or("", |n| n.window_text.get(cx.lang));
    let slots = [("cite", cite.as_str()), ("window", window), ("note", entry.note.map_or("", |n| n.get(cx.lang)))];
    let say = |key: &'static law::Text| fill(cx.s(key), &slots);
    let mut point = None;
    let (effect, text) = match (charged, event10, in10, in10_window) {
        (Tri::No, _, _, _) => (Effect::Pass, say(&t.step_rebellion_pass)),
        (Tri::Yes, Tri::Yes, Tri::Yes, _) => (Effect::NotCovered, say(&t.step_rebellion_excluded)),
        (Tri::Yes, Tri::No, _, Tri::Yes) => {
            point = cx.point(say(&t.contested_rebellion), say(&t.reason_rebellion_elsewhere));
            (Effect::Uncertain, say(&t.step_rebellion_elsewhere))
        }
        (Tri::Yes, Tri::No, _, Tri::No) | (Tri::Yes, _, Tri::No, _) => (Effect::Pass, say(&t.step_rebellion_outside)),
        _ if cx.needed(&read) => (Effect::Open, say(&t.step_rebellion_open)),
        _ => (Effect::Note, cx.open_text(Effect::Note, say(&t.step_rebellion_open))),
    };
    Some((step(StepKind::RebellionException, body(Some(Text::Borrowed(entry.article)), Some(10), Some(entry.id), entry.confidence, read, effect, text)), point))
}

fn window(cx: &Ctx) -> Option<Made> {
    let read = vec![cx.read_date()];
    let t = cx.tx();
    let cite = cx.law.citations.events;
    let article = cx.article(cite);
    let Some(classes) = &cx.classes else {
        let effect = cx.open_or_note(&read);
        let text = cx.open_text(effect, fill(cx.s(&t.step_window_unknown), &[("ref", &article)]));
        return Some((step(StepKind::Window, body(Some(Text::Borrowed(cite)), None, None, cx.article_confidence(cite), read, effect, text)), None));
    };
    let date = cx.date_words();
    let inside: u16 = classes.iter().fold(0, |m, c| m | c.window);
    let margin: u16 = classes.iter().fold(0, |m, c| m | c.margin);
    let whole: u16 = classes.iter().fold(u16::MAX, |m, c| m & c.window);
    let outside = classes.iter().any(|c| c.any() == 0);
    let all_outside = classes.iter().all(|c| c.any() == 0);
    let all_window = classes.iter().all(|c| c.window != 0);
    let assumed = cx.date_text.is_none();
    let mut point = None;
    let (effect, text, confidence) = if all_outside {
        (Effect::NotCovered, fill(cx.s(&t.step_window_outside), &[("date", &date), ("ref", &article)]), cx.article_confidence(cite))
    } else if all_window {
        let conf = eval::numerals_of(inside).map(|k| cx.window_confidence(k)).max().unwrap_or(Confidence::Confirmed);
        let partial = inside & !whole;
        let text = if assumed && whole != 0 {
            fill(cx.s(&t.step_window_assumed), &[("items", &cx.sucesos(whole)), ("period", cx.period(whole))])
        } else if whole == 0 {
            fill(cx.s(&t.step_window_inside_split), &[("date", &date), ("partial", &cx.sucesos(partial)), ("period", cx.period(partial))])
        } else if partial == 0 {
            fill(cx.s(&t.step_window_inside), &[("date", &date), ("items", &cx.sucesos(whole)), ("period", cx.period(whole))])
        } else {
            fill(cx.s(&t.step_window_inside_part), &[("date", &date), ("items", &cx.sucesos(whole)), ("partial", &cx.sucesos(partial)), ("period", cx.period(whole))])
        };
        let conf = eval::numerals_of(if whole != 0 { whole } else { inside }).map(|k| cx.window_confidence(k)).max().unwrap_or(conf);
        (Effect::Pass, text, conf)
    } else if !outside && inside == 0 {
        let notes: Vec<String> = eval::numerals_of(margin)
            .filter_map(|k| cx.law.numeral(k).and_then(|n| n.margin_note).map(|t| t.get(cx.lang).to_string()))
            .collect();
        let sucesos = cx.sucesos(margin);
        let short = cx.sucesos_short(margin);
        point = cx.point(
            fill(cx.s(&t.contested_margin), &[("item", &short)]),
            fill(cx.s(&t.reason_margin), &[("item", &short)]),
        );
        (Effect::Uncertain, fill(cx.s(&t.step_window_margin), &[("date", &date), ("items", &sucesos), ("notes", &text::list(&notes, " ", " "))]), Confidence::Disputed)
    } else {
        let sucesos = cx.sucesos(inside | margin);
        let conf = eval::numerals_of(inside).map(|k| cx.window_confidence(k)).chain(core::iter::once(if margin != 0 { Confidence::Disputed } else { Confidence::Confirmed })).max().unwrap_or(Confidence::Confirmed);
        if cx.needed(&read) {
            let key = if outside { &t.step_window_open } else { &t.step_window_open_margin };
            (Effect::Open, fill(cx.s(key), &[("date", &date), ("ref", &article), ("items", &sucesos), ("period", cx.period(inside | margin))]), conf)
        } else {
            (Effect::Note, fill(cx.s(&t.step_window_note), &[("date", &date), ("items", &sucesos), ("period", cx.period(inside | margin))]), conf)
        }
    };
    let mask = inside | margin;
    let numeral = if mask.count_ones() == 1 { eval::numerals_of(mask).next() } else { None };
    Some((step(StepKind::Window, body(Some(Text::Borrowed(cite)), numeral, numeral.and_then(|k| cx.law.numeral(k)).map(|n| n.id), confidence, read, effect, text)), point))
}

fn event_link(cx: &Ctx) -> Option<Made> {
    let read = vec![cx.read_event(), cx.read_date()];
    let t = cx.tx();
    let classes = cx.classes.as_deref();
    let k = cx.facts.event.and_then(Event::numeral);
    let n = k.and_then(|k| cx.law.numeral(k));
    let article: Text = n.map_or(Text::Borrowed(cx.law.citations.events), |n| Text::Borrowed(n.cite));
    let events = cx.article(cx.law.citations.events);
    let all = |f: &dyn Fn(&DayClass) -> bool| classes.is_some_and(|cs| cs.iter().all(f));
    let any_mask = classes.map_or(0, |cs| cs.iter().fold(0, |m, c| m | c.any()));
    let open = cx.open_or_note(&read);
    let mut point = None;
    let mut confidence = n.map_or(cx.article_confidence(cx.law.citations.events), |n| n.confidence);
    let (effect, text) = match (cx.facts.event, k) {
        (None, _) => (open, cx.open_text(open, fill(cx.s(&t.step_event_unknown), &[("ref", &events)]))),
        _ if classes.is_none() || all(&|c| c.any() == 0) => return None,
        (Some(Event::NoEvent), _) => {
            confidence = eval::numerals_of(any_mask).map(|o| cx.window_confidence(o)).max().unwrap_or(confidence);
            let effect = if all(&|c| c.any() != 0) { Effect::Uncertain } else { open };
            // The window step before names these sucesos with their windows.
            let sucesos = cx.sucesos_short(any_mask);
            if effect == Effect::Uncertain {
                let short = cx.sucesos_short(any_mask);
                point = cx.point(
                    fill(cx.s(&t.contested_event_none), &[("items", &short)]),
                    fill(cx.s(&t.reason_event_none), &[("items", &cx.numerals_cite(any_mask))]),
                );
            }
            (effect, cx.open_text(effect, fill(cx.s(&t.step_event_none), &[("items", &sucesos)])))
        }
        (Some(_), Some(k)) if n.is_none() => {
            // A suceso this text does not have holds no date (§2.4).
            let effect = if all(&|c| c.any() != 0) { Effect::Uncertain } else { open };
            if effect == Effect::Uncertain {
                let others = cx.sucesos_short(any_mask);
                point = cx.point(
                    fill(cx.s(&t.contested_event_other), &[("others", &others)]),
                    fill(cx.s(&t.reason_event_other), &[("item", &cx.suceso_short(k)), ("others", &cx.numerals_cite(any_mask))]),
                );
            }
            (effect, cx.open_text(effect, fill(cx.s(&t.step_event_missing), &[("item", &cx.suceso(k))])))
        }
        (Some(_), Some(k)) => {
            let b = bit(k);
            let numeral = cx.suceso(k);
            if all(&|c| c.window & b != 0) {
                confidence = cx.window_confidence(k);
                let about = n.map_or_else(String::new, |n| lower_first(n.paraphrase.get(cx.lang)));
                (Effect::Pass, fill(cx.s(&t.step_event_pass), &[("item", &cx.suceso_short(k)), ("about", &about), ("period", cx.period(b))]))
            } else if all(&|c| c.margin & b != 0) {
                confidence = Confidence::Disputed;
                let short = cx.suceso_short(k);
                point = cx.point(
                    fill(cx.s(&t.contested_margin), &[("item", &short)]),
                    fill(cx.s(&t.reason_margin), &[("item", &short)]),
                );
                (Effect::Uncertain, fill(cx.s(&t.step_event_margin), &[("item", &cx.suceso_short(k))]))
            } else if all(&|c| c.window & b == 0 && c.any() != 0) {
                // The doubt is the link to the sucesos the date fell in, not
                // the months of the one stated: their windows, not its own.
                confidence = eval::numerals_of(any_mask & !b).map(|o| cx.window_confidence(o)).max().unwrap_or(confidence);
                // Each suceso is named once with its window: the stated one
                // here, the others in the window step before (audit item 8).
                let others_short = cx.sucesos_short(any_mask & !b);
                point = cx.point(
                    fill(cx.s(&t.contested_event_other), &[("others", &others_short)]),
                    fill(cx.s(&t.reason_event_other), &[("item", &cx.suceso_short(k)), ("others", &cx.numerals_cite(any_mask & !b))]),
                );
                (Effect::Uncertain, fill(cx.s(&t.step_event_other), &[("item", &numeral), ("others", &others_short)]))
            } else {
                (open, cx.open_text(open, fill(cx.s(&t.step_event_depends), &[("item", &numeral)])))
            }
        }
        (Some(Event::Numeral(_)), None) => return None,
    };
    Some((step(StepKind::EventLink, body(Some(article), k, n.map(|n| n.id), confidence, read, effect, text)), point))
}

/// Step 5's contested charges: one step for each contested entry of the law
/// that the charges touch (or may touch, when they are not known), or one
/// step saying that none does.
fn contested(cx: &Ctx) -> Vec<Made> {
    let t = cx.tx();
    let entries: Vec<&'static Exclusion> = cx.law.exclusions.iter().filter(|e| e.kind == ExclusionKind::Contested).collect();
    let Some(first) = entries.first() else { return Vec::new() };
    let read = vec![cx.read_charges()];
    // The foreign armed-action clause keeps its own kind (`foreignClause`).
    let kind = |e: &Exclusion| if e.charges.contains(&Charge::Treason) { StepKind::ForeignClause } else { StepKind::ContestedCharge };
    let make = |e: &'static Exclusion, effect: Effect, text: String| {
        step(kind(e), body(Some(Text::Borrowed(e.article)), None, Some(e.id), e.confidence, vec![cx.read_charges()], effect, text))
    };
    match cx.facts.charges {
        Some(set) => {
            let mut out = Vec::new();
            for e in &entries {
                let touched: Vec<Charge> = set.iter().filter(|c| e.charges.contains(c)).collect();
                if touched.is_empty() {
                    continue;
                }
                let article = cx.article(e.article);
                let charges = cx.charge_names(&touched, false);
                let many = touched.len() > 1;
                let slots = [("ref", article.as_str()), ("charges", charges.as_str())];
                let point = Point {
                    point: fill(cx.s(if many { &t.contested_charges } else { &t.contested_charge }), &slots),
                    fact: fill(cx.s(if many { &t.reason_contested_many } else { &t.reason_contested }), &slots),
                    // Small-quantity trafficking in the exclusions article
                    // itself: the doubt is what the published text says.
                    text_doubt: e.charges.contains(&Charge::DrugTraffickingMinor) && e.article == cx.law.citations.exclusions,
                };
                let text = fill(cx.s(&t.step_contested_hit), &[("paraphrase", e.paraphrase.get(cx.lang)), ("note", e.note.map_or("", |n| n.get(cx.lang)))]);
                out.push((make(e, Effect::Uncertain, text), Some(point)));
            }
            if out.is_empty() {
                let names: Vec<String> = entries.iter().map(|e| lower_first(e.name.get(cx.lang))).collect();
                let text = fill(cx.s(&t.step_contested_pass), &[("names", &text::list(&names, "; ", "; "))]);
                let kind = if cx.law.has_foreign_clause { StepKind::ForeignClause } else { StepKind::ContestedCharge };
                out.push((step(kind, body(Some(Text::Borrowed(first.article)), None, None, first.confidence, read, Effect::Pass, text)), None));
            }
            out
        }
        None => {
            let effect = cx.open_or_note(&read);
            entries
                .iter()
                .map(|e| {
                    let slots = [
                        ("ref", cx.article(e.article)),
                        ("charges", cx.charge_names(e.charges, true)),
                        ("name", lower_first(e.name.get(cx.lang))),
                    ];
                    let slots: Vec<(&str, &str)> = slots.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    let key = if effect == Effect::Open { &t.step_contested_open } else { &t.step_contested_note };
                    (make(e, effect, cx.open_text(effect, fill(cx.s(key), &slots))), None)
                })
                .collect()
        }
    }
}

fn military_justice(cx: &Ctx) -> Option<Made> {
    let read = vec![Ctx::read_bool("militaryJustice", cx.facts.military_justice)];
    let t = cx.tx();
    let mut point = None;
    let (effect, text) = match (cx.law.military_courts_doubt, cx.facts.military_justice) {
        (_, Some(false)) => (Effect::Pass, cx.s(&t.step_military_ordinary).to_string()),
        (false, Some(true)) => (Effect::Pass, cx.s(&t.step_military_no_doubt).to_string()),
        (false, None) => (Effect::Note, cx.s(&t.step_military_unknown_no_doubt).to_string()),
        (true, Some(true)) => {
            point = cx.point(cx.s(&t.contested_military).into(), cx.s(&t.reason_military).into());
            (Effect::Uncertain, cx.s(&t.step_military_yes).to_string())
        }
        (true, None) if cx.needed(&read) => (Effect::Open, cx.s(&t.step_military_open).to_string()),
        (true, None) => (Effect::Note, cx.open_text(Effect::Note, cx.s(&t.step_military_note).to_string())),
    };
    Some((step(StepKind::MilitaryJustice, body(None, None, None, Confidence::Confirmed, read, effect, text)), point))
}

fn ceased_conduct(cx: &Ctx) -> Option<Made> {
    let read = vec![Ctx::read_bool("ceasedConduct", cx.facts.ceased_conduct)];
    let t = cx.tx();
    let Some(cite) = cx.law.citations.conditions.filter(|_| cx.law.has_ceased_conduct) else {
        cx.facts.ceased_conduct?;
        let cite = cx.law.citations.conditions.map(Text::Borrowed);
        return Some((step(StepKind::CeasedConduct, body(cite, None, None, Confidence::Confirmed, read, Effect::NotInThisText, cx.s(&t.step_ceased_not_in_text).into())), None));
    };
    let confidence = cx.article_confidence(cite);
    let article = cx.article(cite);
    let say = |key: &'static law::Text| fill(cx.s(key), &[("ref", &article)]);
    let mut point = None;
    let (effect, text) = match cx.facts.ceased_conduct {
        Some(true) => (Effect::Pass, say(&t.step_ceased_yes)),
        Some(false) => {
            point = cx.point(say(&t.contested_ceased), say(&t.reason_ceased));
            (Effect::Uncertain, say(&t.step_ceased_no))
        }
        None if cx.needed(&read) => (Effect::Open, say(&t.step_ceased_open)),
        None => (Effect::Note, cx.open_text(Effect::Note, say(&t.step_ceased_note))),
    };
    Some((step(StepKind::CeasedConduct, body(Some(Text::Borrowed(cite)), None, Some("art7"), confidence, read, effect, text)), point))
}
