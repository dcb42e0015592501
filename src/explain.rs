//! Explaining a decision: the steps of contract §2.1 in words, with the
//! facts each step read, its article and its confidence.
//!
//! Each step is judged with three-valued logic over the facts (yes, no, not
//! known), so a step can say "this depends on the date" as plainly as "this
//! passes". A step says that a fact is missing (`open`) only when that fact
//! is one of `eval`'s questions; an unknown fact that cannot change the
//! outcome gives a `note` that says so. The outcome itself always comes from
//! `eval`; this module only describes it and may not change it.

use crate::Lang;
use crate::assessment::{Text, Effect, FactRead, FactValue, Reading, Step, StepBody};
use crate::eval::{self, DayClass, Evaluation, Facts, bit};
use crate::law::{Confidence, ExclusionKind, Law};
use crate::model::{Event, Outcome, Proceeding};
use crate::text::{self, cat, pick};
use crate::prelude::*;

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

impl Ctx<'_> {
    /// The stated date in words, for [`Ctx::date_text`].
    pub fn date_text_of(lang: Lang, proceeding: &Proceeding) -> Option<String> {
        proceeding.facts_date.as_ref().map(|d| text::range(lang, d.days))
    }

    fn date_words(&self) -> String {
        match &self.date_text {
            Some(words) => words.clone(),
            None => pick!(self.lang, "fecha no indicada".into(), "date not given".into()),
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

    fn numeral_words(&self, k: u8) -> String {
        match self.law.numeral(k) {
            Some(n) => pick!(self.lang,
                cat!("numeral ", k, " del Art. 8 (", n.name.es, ", ", n.window_text.es, ")"),
                cat!("Art. 8 numeral ", k, " (", n.name.en, ", ", n.window_text.en, ")"),
            ),
            None => pick!(self.lang,
                cat!("numeral ", k, " del Art. 8, que no está en este texto"),
                cat!("Art. 8 numeral ", k, ", which this text does not have"),
            ),
        }
    }

    fn numerals_words(&self, mask: u16) -> String {
        let parts: Vec<String> = eval::numerals_of(mask).map(|k| self.numeral_words(k)).collect();
        text::join(self.lang, &parts)
    }

    fn worst_confidence(&self, mask: u16) -> Confidence {
        eval::numerals_of(mask)
            .filter_map(|k| self.law.numeral(k))
            .map(|n| n.confidence)
            .max()
            .unwrap_or_else(|| self.article_confidence("8"))
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

    /// Appended to the text of a step that became a note.
    fn not_needed(&self) -> &'static str {
        pick!(self.lang,
            " Con los demás datos, el resultado sería el mismo con cualquier respuesta, así que este dato no hace falta para responder.",
            " Given the other facts, the result would be the same whatever the answer, so this is not needed to answer.",
        )
    }

    /// `text`, with [`Ctx::not_needed`] when `effect` is a note.
    fn open_text(&self, effect: Effect, text: Text) -> Text {
        if effect == Effect::Note { Text::Owned(text.into_owned() + self.not_needed()) } else { text }
    }

    fn date_is(&self, test: impl Fn(&DayClass) -> bool) -> Tri {
        match &self.classes {
            Some(cs) => Tri::over(cs.iter().map(test)),
            None => Tri::Unknown,
        }
    }
}

fn body(
    article: Option<Text>,
    numeral: Option<u8>,
    rule: Option<&'static str>,
    confidence: Confidence,
    read: Vec<FactRead>,
    effect: Effect,
    text: Text,
) -> StepBody {
    StepBody { article, numeral, rule, confidence, read, effect, text }
}

/// The text without trailing spaces (left by an empty note), copied only
/// when there are some.
fn trimmed(text: Text) -> Text {
    if text.ends_with(char::is_whitespace) { Text::Owned(text.trim_end().to_string()) } else { text }
}

/// The steps of §2.1 for one proceeding, stopping after a step that
/// settles the outcome as not covered.
pub fn steps(cx: &Ctx) -> Vec<Step> {
    let mut out = Vec::with_capacity(8);
    if cx.eval.date_assumed {
        out.push(date_assumed(cx));
    }
    let decisive = |s: &Step| s.body().effect == Effect::NotCovered;
    for make in [exclusion, rebellion, window, event_link, foreign_clause, military_justice, ceased_conduct] {
        if let Some(step) = make(cx) {
            let stop = decisive(&step);
            out.push(step);
            if stop {
                break;
            }
        }
    }
    out
}

fn date_assumed(cx: &Ctx) -> Step {
    let k = cx.facts.event.and_then(Event::numeral).unwrap_or(0);
    let n = cx.law.numeral(k);
    let (wes, wen) = n.map_or(("", ""), |n| (n.window_text.es, n.window_text.en));
    Step::DateAssumed(body(
        Some(cat!("8.", k)),
        Some(k),
        n.map(|n| n.id),
        n.map_or(Confidence::Confirmed, |n| n.confidence),
        vec![cx.read_date(), cx.read_event()],
        Effect::Note,
        if cx.facts.date.is_some() {
            pick!(cx.lang,
                cat!("Solo se indicó hasta cuándo ocurrieron los hechos. Como la causa se relaciona con el numeral ", k, ", se toma que ocurrieron dentro de su período confirmado (", wes, "), hasta esa fecha: el evento fija el tiempo."),
                cat!("Only the latest date of the acts was given. As the case relates to numeral ", k, ", the acts are taken to fall inside its confirmed window (", wen, "), up to that date: the event fixes the time."),
            )
        } else {
            pick!(cx.lang,
                cat!("No se indicó cuándo ocurrieron los hechos. Como la causa se relaciona con el numeral ", k, ", se toma que ocurrieron dentro de su período confirmado (", wes, "): el evento fija el tiempo."),
                cat!("The date of the acts was not given. As the case relates to numeral ", k, ", the acts are taken to fall inside its confirmed window (", wen, "): the event fixes the time."),
            )
        },
    ))
}

fn exclusion(cx: &Ctx) -> Option<Step> {
    let read = vec![cx.read_charges()];
    let confidence = cx.article_confidence("9");
    let (effect, rule, text, confidence): (Effect, Option<&'static str>, Text, Confidence) = match cx.facts.charges {
        None => {
            let effect = cx.open_or_note(&read);
            (effect, None, cx.open_text(effect, pick!(cx.lang,
                "No sabemos de qué se acusa a la persona. Si entre los cargos hay uno que el Art. 9 excluye (como homicidio intencional, lesiones gravísimas, narcotráfico, corrupción o violaciones graves de derechos humanos), la amnistía no se aplica.".into(),
                "We do not know the charges. If any of them is one that Art. 9 excludes (such as intentional homicide, very serious injuries, drug trafficking, corruption or serious human-rights violations), the amnesty does not apply.".into(),
            )), confidence)
        }
        Some(set) => {
            let hits: Vec<_> = set
                .iter()
                .filter_map(|c| cx.law.exclusion_for(c).filter(|e| e.kind == ExclusionKind::Excludes).map(|e| (c, e)))
                .collect();
            if hits.is_empty() {
                let t: Text = if set.is_empty() {
                    pick!(cx.lang, "No se indicó ningún cargo formal, así que ninguna exclusión del Art. 9 aplica.".into(),
                        "No formal charge was given, so no exclusion of Art. 9 applies.".into())
                } else {
                    pick!(cx.lang, "Ninguno de los cargos indicados está entre los que el Art. 9 excluye de la amnistía.".into(),
                        "None of the charges given is among those that Art. 9 excludes from the amnesty.".into())
                };
                (Effect::Pass, None, t, confidence)
            } else {
                let labels: Vec<String> = hits.iter().map(|(c, _)| crate::law::charge_info(*c).label.get(cx.lang).to_string()).collect();
                let notes: Vec<String> = hits.iter().filter_map(|(_, e)| e.note.map(|n| n.get(cx.lang).to_string())).collect();
                let worst = hits.iter().map(|(_, e)| e.confidence).max().unwrap_or(confidence);
                let list = text::join(cx.lang, &labels);
                let mut t: String = pick!(cx.lang,
                    cat!("El Art. 9 excluye de la amnistía este cargo: ", list, ". La exclusión depende del cargo, no de si es justo: aunque la acusación se discuta o se considere fabricada, esta ley no cubre la causa."),
                    cat!("Art. 9 excludes this charge from the amnesty: ", list, ". The exclusion goes by the charge, not by whether it is fair: even if the accusation is disputed or considered fabricated, this law does not cover the case."),
                );
                for n in notes {
                    t.push(' ');
                    t.push_str(&n);
                }
                (Effect::NotCovered, Some(hits[0].1.id), t.into(), worst)
            }
        }
    };
    Some(Step::Exclusion(body(Some("9".into()), None, rule, confidence, read, effect, text)))
}

fn rebellion(cx: &Ctx) -> Option<Step> {
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
    let (effect, text): (Effect, Text) = match (charged, event10, in10, in10_window) {
        (Tri::No, _, _, _) => (Effect::Pass, pick!(cx.lang,
            "El numeral 10 (hechos de 2019) exceptúa el delito de rebelión militar; esta causa no tiene ese cargo.".into(),
            "Numeral 10 (the 2019 events) excepts the crime of military rebellion; this case has no such charge.".into(),
        )),
        (Tri::Yes, Tri::Yes, Tri::Yes, _) => (Effect::NotCovered, pick!(cx.lang,
            "El numeral 10 cubre los hechos de 2019, pero exceptúa expresamente el delito de rebelión militar, y esta causa tiene ese cargo por hechos de ese período. Se discute si la excepción alcanza a civiles o a quienes solo están acusados, pero según el texto la causa no está cubierta.".into(),
            "Numeral 10 covers the 2019 events but expressly excepts the crime of military rebellion, and this case has that charge for facts of that period. Whether the exception reaches civilians or people only charged is contested, but on the text the case is not covered.".into(),
        )),
        (Tri::Yes, Tri::No, _, Tri::Yes) => (Effect::Uncertain, pick!(cx.lang,
            "La causa tiene un cargo de rebelión militar por hechos de enero a abril de 2019, aunque se relaciona con otro evento. La excepción del numeral 10 podría alcanzarla: es un punto discutido.".into(),
            "The case has a military-rebellion charge for facts of January–April 2019, although it relates to another event. The numeral-10 exception may reach it: this is contested.".into(),
        )),
        (Tri::Yes, Tri::No, _, Tri::No) | (Tri::Yes, _, Tri::No, _) => (Effect::Pass, pick!(cx.lang,
            "Hay un cargo de rebelión militar, pero la excepción del numeral 10 solo toca hechos de enero a abril de 2019 vinculados a ese numeral.".into(),
            "There is a military-rebellion charge, but the numeral-10 exception only touches facts of January–April 2019 tied to that numeral.".into(),
        )),
        _ if cx.needed(&read) => (Effect::Open, pick!(cx.lang,
            "Si la causa incluye rebelión militar por hechos de enero a abril de 2019, la excepción del numeral 10 puede dejarla fuera. Depende de datos que faltan.".into(),
            "If the case includes military rebellion for facts of January–April 2019, the numeral-10 exception may leave it out. It depends on facts not given.".into(),
        )),
        _ => (Effect::Note, cx.open_text(Effect::Note, pick!(cx.lang,
            "Si la causa incluye rebelión militar por hechos de enero a abril de 2019, la excepción del numeral 10 puede dejarla fuera.".into(),
            "If the case includes military rebellion for facts of January–April 2019, the numeral-10 exception may leave it out.".into(),
        ))),
    };
    Some(Step::RebellionException(body(Some(entry.article.into()), Some(10), Some(entry.id), entry.confidence, read, effect, text)))
}

fn window(cx: &Ctx) -> Option<Step> {
    let read = vec![cx.read_date()];
    let date = cx.date_words();
    let Some(classes) = &cx.classes else {
        let effect = cx.open_or_note(&read);
        let text = cx.open_text(effect, pick!(cx.lang,
            "No sabemos cuándo ocurrieron los hechos (no la fecha de la detención, sino la de los hechos). El Art. 8 solo cubre hechos ocurridos durante alguno de sus 13 eventos, cada uno con su período.".into(),
            "We do not know when the acts happened (not the arrest, the acts). Art. 8 only covers acts during one of its 13 listed events, each with its period.".into(),
        ));
        return Some(Step::Window(body(Some("8".into()), None, None, cx.article_confidence("8"), read, effect, text)));
    };
    let inside: u16 = classes.iter().fold(0, |m, c| m | c.window);
    let margin: u16 = classes.iter().fold(0, |m, c| m | c.margin);
    let outside = classes.iter().any(|c| c.any() == 0);
    let all_outside = classes.iter().all(|c| c.any() == 0);
    let all_window = classes.iter().all(|c| c.window != 0);
    let (effect, text) = if all_outside {
        (Effect::NotCovered, pick!(cx.lang,
            cat!("Los hechos (", date, ") no ocurrieron durante ninguno de los eventos que enumera el Art. 8. La ley cubre eventos, no años enteros: fuera de esos períodos no se aplica."),
            cat!("The acts (", date, ") did not happen during any of the events listed in Art. 8. The law covers events, not whole years: outside those periods it does not apply."),
        ))
    } else if all_window {
        (Effect::Pass, pick!(cx.lang,
            cat!("Los hechos (", date, ") caen dentro del período confirmado del ", cx.numerals_words(inside), "."),
            cat!("The acts (", date, ") fall inside the confirmed window of ", cx.numerals_words(inside), "."),
        ))
    } else if !outside && inside == 0 {
        let notes: Vec<&str> = eval::numerals_of(margin)
            .filter_map(|k| cx.law.numeral(k).and_then(|n| n.margin_note).map(|t| t.get(cx.lang)))
            .collect();
        (Effect::Uncertain, pick!(cx.lang,
            cat!("Los hechos (", date, ") caen en el margen discutido del ", cx.numerals_words(margin), ": las fuentes no confirman que ese período esté incluido. ", notes.join(" ")),
            cat!("The acts (", date, ") fall in the contested margin of ", cx.numerals_words(margin), ": the sources do not confirm that this period is included. ", notes.join(" ")),
        ))
    } else if cx.needed(&read) {
        (Effect::Open, pick!(cx.lang,
            cat!("El período indicado (", date, ") tiene días dentro y fuera de los eventos del Art. 8 (", cx.numerals_words(inside | margin), "). El resultado depende de cuándo ocurrieron exactamente los hechos."),
            cat!("The period given (", date, ") has days inside and outside the events of Art. 8 (", cx.numerals_words(inside | margin), "). The result depends on exactly when the acts happened."),
        ))
    } else {
        (Effect::Note, pick!(cx.lang,
            cat!("El período indicado (", date, ") no cae entero en el período confirmado de los eventos del Art. 8 (", cx.numerals_words(inside | margin), "). Con los demás datos, el resultado sería el mismo cualquiera que sea el día exacto, así que no hace falta precisar la fecha."),
            cat!("The period given (", date, ") does not fall wholly inside the confirmed window of the events of Art. 8 (", cx.numerals_words(inside | margin), "). Given the other facts, the result would be the same whatever the exact day, so the date need not be narrowed down."),
        ))
    };
    let mask = inside | margin;
    let numeral = if mask.count_ones() == 1 { eval::numerals_of(mask).next() } else { None };
    Some(Step::Window(body(Some("8".into()), numeral, numeral.and_then(|k| cx.law.numeral(k)).map(|n| n.id), cx.worst_confidence(mask), read, effect, trimmed(text))))
}

fn event_link(cx: &Ctx) -> Option<Step> {
    let read = vec![cx.read_event(), cx.read_date()];
    let classes = cx.classes.as_deref();
    let k = cx.facts.event.and_then(Event::numeral);
    let article: Text = k.map_or(Text::Borrowed("8"), |k| cat!("8.", k));
    let n = k.and_then(|k| cx.law.numeral(k));
    let confidence = n.map_or(cx.article_confidence("8"), |n| n.confidence);
    let all = |f: &dyn Fn(&DayClass) -> bool| classes.is_some_and(|cs| cs.iter().all(f));
    let open = cx.open_or_note(&read);
    let (effect, text): (Effect, Text) = match (cx.facts.event, k) {
        (None, _) => (open, cx.open_text(open, pick!(cx.lang,
            "No sabemos con cuál de los eventos del Art. 8 se relacionan los hechos. Una fecha dentro de un período no basta: los hechos deben haber ocurrido en el marco de ese evento.".into(),
            "We do not know which Art. 8 event the acts relate to. A date inside a period is not enough: the acts must have happened in the framework of that event.".into(),
        ))),
        _ if classes.is_none() || all(&|c| c.any() == 0) => return None,
        (Some(Event::NoEvent), _) => {
            let mask = classes.map_or(0, |cs| cs.iter().fold(0, |m, c| m | c.any()));
            let effect = if all(&|c| c.any() != 0) { Effect::Uncertain } else { open };
            (effect, cx.open_text(effect, pick!(cx.lang,
                cat!("Usted indicó que los hechos no se relacionan con ningún evento, pero la fecha cae en el período del ", cx.numerals_words(mask), ". Si hubiera relación, la ley podría aplicarse: ese vínculo lo decide el tribunal, caso por caso."),
                cat!("You said the acts relate to no listed event, but the date falls in the period of ", cx.numerals_words(mask), ". If there is a link, the law may apply: the court decides that link case by case."),
            )))
        }
        (Some(_), Some(k)) => {
            let b = bit(k);
            if all(&|c| c.window & b != 0) {
                (Effect::Pass, pick!(cx.lang,
                    cat!("La causa se relaciona con el ", cx.numeral_words(k), ", y la fecha cae en su período confirmado. Esta es la prueba principal de la ley; el tribunal verificará que los hechos ocurrieron en el marco de ese evento."),
                    cat!("The case relates to ", cx.numeral_words(k), ", and the date falls inside its confirmed window. This is the law's main test; the court will check that the acts happened in the framework of that event."),
                ))
            } else if all(&|c| c.margin & b != 0) {
                (Effect::Uncertain, pick!(cx.lang,
                    cat!("La causa se relaciona con el ", cx.numeral_words(k), ", pero la fecha cae en el margen discutido de su período."),
                    cat!("The case relates to ", cx.numeral_words(k), ", but the date falls in the contested margin of its period."),
                ))
            } else if all(&|c| c.window & b == 0 && c.any() != 0) {
                let other = classes.map_or(0, |cs| cs.iter().fold(0, |m, c| m | c.any())) & !b;
                (Effect::Uncertain, pick!(cx.lang,
                    cat!("La causa se relaciona con el ", cx.numeral_words(k), ", pero la fecha no cae en su período sino en el del ", cx.numerals_words(other), ". Si los hechos tienen relación con ese otro evento, la ley podría aplicarse; lo decide el tribunal."),
                    cat!("The case relates to ", cx.numeral_words(k), ", but the date falls not in its period but in that of ", cx.numerals_words(other), ". If the acts relate to that other event, the law may apply; the court decides."),
                ))
            } else {
                (open, cx.open_text(open, pick!(cx.lang,
                    cat!("La causa se relaciona con el ", cx.numeral_words(k), "; si la fecha cae en su período (", n.map_or("", |n| n.window_text.es), ") depende del día exacto de los hechos."),
                    cat!("The case relates to ", cx.numeral_words(k), "; whether the date falls in its window (", n.map_or("", |n| n.window_text.en), ") depends on the exact day of the acts."),
                )))
            }
        }
        (Some(Event::Numeral(_)), None) => return None,
    };
    Some(Step::EventLink(body(Some(article), k, n.map(|n| n.id), confidence, read, effect, text)))
}

fn foreign_clause(cx: &Ctx) -> Option<Step> {
    let entry = cx.law.exclusions.iter().find(|e| e.kind == ExclusionKind::Contested)?;
    let read = vec![cx.read_charges()];
    let (effect, text): (Effect, Text) = match cx.charged(ExclusionKind::Contested) {
        Tri::No => (Effect::Pass, pick!(cx.lang,
            "Ningún cargo toca la cláusula del Art. 9 sobre acciones armadas de Estados o personas extranjeras.".into(),
            "No charge touches the Art. 9 clause on armed action by foreign states or persons.".into(),
        )),
        Tri::Yes => (Effect::Uncertain, cat!(entry.paraphrase.get(cx.lang), " ", entry.note.map_or("", |n| n.get(cx.lang)))),
        Tri::Unknown if cx.needed(&read) => (Effect::Open, pick!(cx.lang,
            "Si la persona está acusada de traición a la patria, de conspirar con un país extranjero o, públicamente, de pedir intervención extranjera, el resultado pasa a ser incierto por la cláusula del Art. 9 sobre acción armada extranjera.".into(),
            "If the person is charged with treason or conspiracy with a foreign country, or publicly accused of calling for foreign intervention, the result becomes uncertain because of the Art. 9 clause on foreign armed action.".into(),
        )),
        Tri::Unknown => (Effect::Note, cx.open_text(Effect::Note, pick!(cx.lang,
            "Una acusación de traición a la patria, de conspirar con un país extranjero o, públicamente, de pedir intervención extranjera toca la cláusula discutida del Art. 9 sobre acción armada extranjera.".into(),
            "A charge of treason or conspiracy with a foreign country, or a public accusation of calling for foreign intervention, touches the contested Art. 9 clause on foreign armed action.".into(),
        ))),
    };
    Some(Step::ForeignClause(body(Some(entry.article.into()), None, Some(entry.id), entry.confidence, read, effect, trimmed(text))))
}

fn military_justice(cx: &Ctx) -> Option<Step> {
    let read = vec![Ctx::read_bool("militaryJustice", cx.facts.military_justice)];
    let (effect, text): (Effect, Text) = match cx.facts.military_justice {
        Some(false) => (Effect::Pass, pick!(cx.lang, "La causa está en la justicia ordinaria, no en tribunales militares.".into(), "The case is in the ordinary courts, not in military courts.".into())),
        Some(true) => (Effect::Uncertain, pick!(cx.lang,
            "La causa está en tribunales militares. Quien promovió la ley dijo que no se aplica a la justicia militar, y los detenidos militares fueron liberados por medidas alternativas aparte. No es una regla escrita en la ley, por eso el resultado es incierto.".into(),
            "The case is before military courts. The law's sponsor said it is not applied to military justice, and military detainees were released through separate alternative measures. This is not a written rule of the law, so the result is uncertain.".into(),
        )),
        None if cx.needed(&read) => (Effect::Open, pick!(cx.lang,
            "No sabemos si la causa está en tribunales militares. Si lo está, el resultado es incierto: en la práctica la ley no se ha aplicado a la justicia militar.".into(),
            "We do not know whether the case is before military courts. If it is, the result is uncertain: in practice the law has not been applied to military justice.".into(),
        )),
        None => (Effect::Note, pick!(cx.lang,
            "No sabemos si la causa está en tribunales militares. Con los demás datos, el resultado sería el mismo en los dos casos, así que este dato no hace falta para responder.".into(),
            "We do not know whether the case is before military courts. Given the other facts, the result would be the same either way, so this fact is not needed to answer.".into(),
        )),
    };
    Some(Step::MilitaryJustice(body(None, None, None, Confidence::Confirmed, read, effect, text)))
}

fn ceased_conduct(cx: &Ctx) -> Option<Step> {
    let read = vec![Ctx::read_bool("ceasedConduct", cx.facts.ceased_conduct)];
    let confidence = cx.article_confidence("7");
    if !cx.law.has_ceased_conduct {
        cx.facts.ceased_conduct?;
        return Some(Step::CeasedConduct(body(Some("7".into()), None, None, confidence, read, Effect::NotInThisText, pick!(cx.lang,
            "Este texto no exige haber cesado en la conducta; esa condición se agregó en la segunda discusión.".into(),
            "This text does not require having ceased the conduct; that condition was added in the second reading.".into(),
        ))));
    }
    let (effect, text): (Effect, Text) = match cx.facts.ceased_conduct {
        Some(true) => (Effect::Pass, pick!(cx.lang,
            "La persona dejó de realizar la conducta por la que se le acusa, como pide el Art. 7.".into(),
            "The person has stopped the conduct they are accused of, as Art. 7 requires.".into(),
        )),
        Some(false) => (Effect::Uncertain, pick!(cx.lang,
            "El Art. 7 pide haber cesado en la conducta, pero la ley no define qué significa. Se discute, por ejemplo, para quien sigue en actividad política, sobre todo en el exterior.".into(),
            "Art. 7 requires having ceased the conduct, but the law does not define it. It is contested, for example for people who kept up political activity, above all abroad.".into(),
        )),
        None if cx.needed(&read) => (Effect::Open, pick!(cx.lang,
            "No sabemos si la persona dejó de realizar la conducta de la que se le acusa (Art. 7). Si no la dejó, el resultado es incierto.".into(),
            "We do not know whether the person has stopped the conduct they are accused of (Art. 7). If not, the result is uncertain.".into(),
        )),
        None => (Effect::Note, pick!(cx.lang,
            "No sabemos si la persona dejó de realizar la conducta de la que se le acusa (Art. 7). Con los demás datos, el resultado sería el mismo en los dos casos, así que este dato no hace falta para responder.".into(),
            "We do not know whether the person has stopped the conduct they are accused of (Art. 7). Given the other facts, the result would be the same either way, so this fact is not needed to answer.".into(),
        )),
    };
    Some(Step::CeasedConduct(body(Some("7".into()), None, Some("art7"), confidence, read, effect, text)))
}

/// The contested points of an uncertain result, in a few words each.
fn contested_points(cx: &Ctx, steps: &[Step]) -> Vec<String> {
    steps
        .iter()
        .filter(|s| s.body().effect == Effect::Uncertain)
        .map(|s| match s {
            Step::Window(_) => pick!(cx.lang, "si el margen discutido del período está incluido".into(), "whether the contested margin of the period is included".into()),
            Step::EventLink(_) => pick!(cx.lang, "si los hechos ocurrieron en el marco del evento".into(), "whether the acts happened in the framework of the event".into()),
            Step::RebellionException(_) => pick!(cx.lang, "hasta dónde llega la excepción de rebelión militar del numeral 10".into(), "how far the numeral-10 military-rebellion exception reaches".into()),
            Step::ForeignClause(_) => pick!(cx.lang, "hasta dónde llega la cláusula sobre acción armada extranjera".into(), "how far the foreign armed-action clause reaches".into()),
            Step::MilitaryJustice(_) => pick!(cx.lang, "si la ley se aplica a la justicia militar".into(), "whether the law applies to military justice".into()),
            _ => pick!(cx.lang, "qué significa haber cesado en la conducta".into(), "what having ceased the conduct means".into()),
        })
        .collect()
}

/// The favourable (Art. 5) and strict readings of an uncertain result.
pub fn readings(cx: &Ctx, steps: &[Step], articles: &[String]) -> (Option<Reading>, Option<Reading>) {
    if cx.eval.outcome != Outcome::Uncertain {
        return (None, None);
    }
    let points = text::join(cx.lang, &contested_points(cx, steps));
    let favourable = Reading {
        outcome: Outcome::Covered,
        articles: vec!["5".into()],
        text: pick!(cx.lang,
            cat!("El Art. 5 manda que, en caso de duda, se aplique la interpretación más favorable a la persona. Leída así la duda sobre ", points, ", la amnistía se aplicaría. Es la lectura que la defensa puede pedir al tribunal."),
            cat!("Art. 5 says that in case of doubt the reading most favourable to the person applies. Read that way, the doubt about ", points, " is resolved for the person and the amnesty would apply. This is the reading the defence can ask the court for."),
        ),
    };
    let strict = Reading {
        outcome: Outcome::NotCovered,
        articles: articles.iter().filter(|a| *a != "5").cloned().collect(),
        text: pick!(cx.lang,
            cat!("Con una lectura estricta de ", points, ", el tribunal podría negar la amnistía. En ese caso quedan la apelación y las vías fuera de esta ley."),
            cat!("On a strict reading of ", points, ", the court could deny the amnesty. The appeal and the routes outside this law would then remain."),
        ),
    };
    (Some(favourable), Some(strict))
}

/// One plain sentence a family reads first.
pub fn summary(cx: &Ctx, steps: &[Step], numerals: &[u8]) -> String {
    let cites = text::join(cx.lang, &numerals.iter().map(|k| cat!("8.", k)).collect::<Vec<_>>());
    match cx.eval.outcome {
        Outcome::Covered => pick!(cx.lang,
            cat!("Con los datos dados, la amnistía se aplica a esta causa (Art. ", cites, "). El tribunal que lleva la causa debe confirmarlo."),
            cat!("On the facts given, the amnesty applies to this case (Art. ", cites, "). The court hearing the case must confirm it."),
        ),
        Outcome::NotCovered => {
            let why: String = steps.iter().rev().find(|s| s.body().effect == Effect::NotCovered).map(|s| match s {
                Step::Exclusion(_) => pick!(cx.lang, "uno de los cargos está excluido por el Art. 9".into(), "one of the charges is excluded by Art. 9".into()),
                Step::RebellionException(_) => pick!(cx.lang, "el numeral 10 exceptúa la rebelión militar".into(), "numeral 10 excepts military rebellion".into()),
                _ => pick!(cx.lang, "los hechos no ocurrieron durante ninguno de los eventos del Art. 8".into(), "the acts did not happen during any of the events of Art. 8".into()),
            }).unwrap_or_default();
            pick!(cx.lang,
                cat!("Con los datos dados, esta ley de amnistía no se aplica a esta causa: ", why, ". Hay otras vías, que se indican abajo."),
                cat!("On the facts given, this amnesty law does not apply to this case: ", why, ". Other routes exist; see below."),
            )
        }
        Outcome::Uncertain => {
            let points = text::join(cx.lang, &contested_points(cx, steps));
            pick!(cx.lang,
                cat!("La respuesta depende de un punto que la ley deja abierto o que decide el tribunal: ", points, ". Según el Art. 5, la lectura más favorable es que la amnistía se aplica."),
                cat!("The answer turns on a point the law leaves open or leaves to the court: ", points, ". Under Art. 5, the most favourable reading is that the amnesty applies."),
            )
        }
        Outcome::NeedsInformation => {
            let qs: Vec<String> = cx.eval.questions.iter().map(|q| crate::info::question_short(*q, cx.lang).to_string()).collect();
            pick!(cx.lang,
                cat!("Falta información para responder: ", text::join(cx.lang, &qs), "."),
                cat!("More information is needed to answer: ", text::join(cx.lang, &qs), "."),
            )
        }
    }
}
