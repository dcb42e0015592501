//! What the page needs to ask and to show, taken from the rules data:
//! articles, events and their windows, charge labels, question texts,
//! confidence levels and outcome names. The page hard-codes none of it.

use crate::Lang;
use crate::charge::Charge;
use crate::date::{Day, DayRange};
use crate::law::{self, Confidence, ExclusionKind, Law};
use crate::model::{CaseOutcome, Phase, Question, Situation};
use crate::json::{ToJson, Writer, json_object};
use crate::prelude::*;

/// Not legal advice, and how old the legal information is (brief §0):
/// shown with every result and on the start screen.
pub fn disclaimer(law: &'static Law, lang: Lang) -> String {
    let t = law.texts;
    let date = crate::text::iso_day(lang, law.information_as_of);
    let horizon = crate::text::fill(t.information_as_of.get(lang), &[("date", &date)]);
    crate::text::list(&[t.disclaimer.get(lang).into(), horizon], " ", " ")
}

pub fn question_text(q: Question, lang: Lang) -> &'static str {
    let (es, en) = match q {
        Question::FactsDate => ("¿Cuándo ocurrieron los hechos de los que se acusa a la persona? (No la fecha de la detención.)", "When did the acts the person is accused of happen? (Not the date of the arrest.)"),
        Question::Event => ("¿Con cuál de estos eventos se relacionan los hechos?", "Which of these events do the acts relate to?"),
        Question::Charges => ("¿De qué delitos se acusa o se condenó a la persona en esta causa?", "What crimes is the person charged with or convicted of in this case?"),
        Question::MilitaryJustice => ("¿La causa está en un tribunal militar?", "Is the case before a military court?"),
        Question::CeasedConduct => ("¿La persona dejó de realizar la conducta de la que se le acusa?", "Has the person stopped the conduct they are accused of?"),
    };
    if lang == Lang::Es { es } else { en }
}

pub fn question_short(q: Question, lang: Lang) -> &'static str {
    let (es, en) = match q {
        Question::FactsDate => ("cuándo ocurrieron los hechos", "when the acts happened"),
        Question::Event => ("con qué evento se relacionan", "which event they relate to"),
        Question::Charges => ("los cargos", "the charges"),
        Question::MilitaryJustice => ("si la causa está en la justicia militar", "whether the case is in military courts"),
        Question::CeasedConduct => ("si la persona dejó la conducta", "whether the person stopped the conduct"),
    };
    if lang == Lang::Es { es } else { en }
}

fn question_help(q: Question, lang: Lang) -> &'static str {
    let (es, en) = match q {
        Question::FactsDate => ("Puede indicar un día, un mes, un año o un período «entre… y…». Si no lo sabe, elija «No sé».", "You can give a day, a month, a year or a period \"between… and…\". If you do not know, choose \"I don't know\"."),
        Question::Event => ("La ley no enumera delitos sino eventos, cada uno con su período. Los hechos deben haber ocurrido en el marco de uno de ellos.", "The law lists events, not crimes, each with its period. The acts must have happened in the framework of one of them."),
        Question::Charges => ("Marque todos los que aparecen en la acusación o la sentencia. Si no hay cargos formales, marque «ninguno».", "Tick every charge in the indictment or sentence. If there are no formal charges, choose \"none\"."),
        Question::MilitaryJustice => ("Por ejemplo, un tribunal militar de control o de juicio.", "For example, a military control or trial court."),
        Question::CeasedConduct => ("El Art. 7 pide haber cesado en la conducta. La ley no define qué significa.", "Art. 7 asks that the person has ceased the conduct. The law does not define it."),
    };
    if lang == Lang::Es { es } else { en }
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

fn glossary(w: &mut Writer, lang: Lang) {
    let items: [(&str, &str, &str); 7] = [
        ("sobreseimiento", "decisión del tribunal que cierra la causa antes o durante el juicio: la persona queda libre de esa acusación", "a court decision that closes the case before or during trial: the person is cleared of that accusation"),
        ("extinción de la pena", "cuando ya hay condena, el tribunal declara que la pena deja de existir y la persona queda libre", "where there is already a sentence, the court declares that the sentence ends and the person goes free"),
        ("apoderado", "abogado de confianza con un poder simple que presenta la solicitud en nombre de quien está fuera del país", "a trusted lawyer with a simple power of attorney who files for someone who is abroad"),
        ("medidas cautelares", "condiciones que impone el tribunal a quien espera el juicio en libertad: presentarse cada cierto tiempo, no salir del país o arresto en casa", "conditions a court sets for someone awaiting trial outside prison: reporting regularly, not leaving the country, or house arrest"),
        ("estar a derecho", "estar a disposición de la justicia, o ponerse a su disposición, para responder en la causa", "being at the disposal of the courts, or placing oneself there, to answer in the case"),
        ("URDD", "la unidad de recepción de documentos del tribunal, donde se entrega la solicitud", "the court's document intake unit, where the request is filed"),
        ("Ministerio Público", "la fiscalía: también puede pedir la amnistía", "the public prosecution: it can also request the amnesty"),
    ];
    for (term, es, en) in items {
        w.item(&GlossaryEntry { term, explanation: if lang == Lang::Es { es } else { en } });
    }
}

pub struct LawSummary {
    pub id: &'static str,
    pub title: &'static str,
    pub status: &'static str,
}

pub struct ArticleInfo {
    pub number: &'static str,
    pub heading: &'static str,
    pub paraphrase: &'static str,
    pub confidence: Confidence,
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

pub struct RangeInfo {
    pub from: IsoDay,
    pub to: IsoDay,
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
    /// `excluded`, `contested`, `rebellion_exception` or `none`.
    pub effect: &'static str,
    pub article: Option<&'static str>,
}

pub struct QuestionInfo {
    pub question: Question,
    pub text: &'static str,
    pub help: &'static str,
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

fn labelled(code: &'static str, lang: Lang, es: (&'static str, &'static str), en: (&'static str, &'static str)) -> Labelled {
    let (label, description) = if lang == Lang::Es { es } else { en };
    Labelled { code, label, description }
}

pub fn law_info(law: &'static Law, lang: Lang) -> LawInfo {
    LawInfo { law, lang }
}

/// The name and description of an outcome.
pub fn outcome_label(o: CaseOutcome, lang: Lang) -> Labelled {
    match o {
        CaseOutcome::Covered => labelled("covered", lang, ("La amnistía se aplica", "Con estos datos, la ley cubre esta causa."), ("The amnesty applies", "On these facts, the law covers this case.")),
        CaseOutcome::NotCovered => labelled("not_covered", lang, ("La amnistía no se aplica", "Con estos datos, la ley no cubre esta causa; hay otras vías."), ("The amnesty does not apply", "On these facts, the law does not cover this case; other routes exist.")),
        CaseOutcome::Uncertain => labelled("uncertain", lang, ("No está claro", "Depende de un punto discutido de la ley o que decide el tribunal."), ("Uncertain", "It turns on a contested point of the law, or one the court decides.")),
        CaseOutcome::NeedsInformation => labelled("needs_information", lang, ("Faltan datos", "La respuesta depende de datos que no se han dado."), ("More information needed", "The answer depends on facts not given.")),
        CaseOutcome::Mixed => labelled("mixed", lang, ("Resultado distinto por causa", "Las causas tienen resultados distintos; vea cada una."), ("Different result per case", "The proceedings have different results; see each one.")),
    }
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
        w.field("notice", t(law.notice));
        w.field("disclaimer", &disclaimer(law, lang));
        w.field("laws", &Items(&|w| {
            for l in law::LAWS {
                w.item(&LawSummary { id: l.id, title: l.title, status: l.status.code() });
            }
        }));
        w.field("articles", &Items(&|w| {
            for a in law.articles {
                w.item(&ArticleInfo { number: a.number, heading: t(a.heading), paraphrase: t(a.paraphrase), confidence: a.confidence });
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
                });
            }
        }));
        w.field("windows", &Items(&|w| {
            for win in windows(law) {
                w.item(&win);
            }
        }));
        w.field("charges", &Items(&|w| {
            for &c in Charge::ALL {
                let info = law::charge_info(c);
                let ex = law.exclusion_for(c);
                w.item(&ChargeEntry {
                    code: c.code(),
                    label: t(info.label),
                    explanation: t(info.explanation),
                    effect: match ex.map(|e| e.kind) {
                        Some(ExclusionKind::Excludes) => "excluded",
                        Some(ExclusionKind::Contested) => "contested",
                        Some(ExclusionKind::RebellionException) => "rebellion_exception",
                        None => "none",
                    },
                    article: ex.map(|e| e.article),
                });
            }
        }));
        w.field("questions", &Items(&|w| {
            for &q in Question::ALL {
                w.item(&QuestionInfo { question: q, text: question_text(q, lang), help: question_help(q, lang) });
            }
        }));
        w.field("confidenceLevels", &Items(&|w| {
            w.item(&labelled("confirmed", lang, ("Confirmado", "Varios medios independientes coinciden."), ("Confirmed", "Several independent outlets agree.")));
            w.item(&labelled("single_source", lang, ("Una sola fuente", "Lo informa un solo medio, o varios que repiten al mismo."), ("Single source", "One outlet reports it, or several repeating the same one.")));
            w.item(&labelled("inferred", lang, ("Deducido", "Se deduce de cómo cambiaron los borradores de la ley."), ("Inferred", "Inferred from how the drafts of the law changed.")));
            w.item(&labelled("disputed", lang, ("Discutido", "Las fuentes no coinciden; se muestran ambas lecturas."), ("Disputed", "The sources disagree; both readings are shown.")));
        }));
        w.field("outcomes", &Items(&|w| {
            for &o in CaseOutcome::ALL {
                w.item(&outcome_label(o, lang));
            }
        }));
        w.field("situations", &Items(&|w| {
            for &s in Situation::ALL {
                w.item(&situation_label(s, lang));
            }
        }));
        w.field("phases", &Items(&|w| {
            for &p in Phase::ALL {
                w.item(&phase_label(p, lang));
            }
        }));
        w.field("notFormalized", &Items(&|w| {
            for n in law.not_formalized {
                w.item(&NotFormalizedInfo { article: n.article, reason: t(n.reason) });
            }
        }));
        w.field("glossary", &Items(&|w| glossary(w, lang)));
        w.end_object();
    }
}

/// Whether days of a window are confirmed or a contested margin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowKind {
    Confirmed,
    Margin,
}

impl WindowKind {
    pub const fn code(self) -> &'static str {
        match self {
            WindowKind::Confirmed => "confirmed",
            WindowKind::Margin => "margin",
        }
    }
}

impl ToJson for WindowKind {
    fn to_json(&self, w: &mut Writer) {
        w.string(self.code());
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
}

/// Every window segment of a law version, numeral by numeral, each
/// numeral's runs in day order.
pub fn windows(law: &'static Law) -> Vec<Window> {
    let mut out = Vec::new();
    for n in law.numerals {
        let start = out.len();
        for (i, r) in n.window.iter().enumerate() {
            let cite = n.window_cites.get(i).copied().unwrap_or(n.cite);
            out.push(Window { numeral: n.number, cite, from: IsoDay(r.first), to: IsoDay(r.last), kind: WindowKind::Confirmed });
        }
        for r in n.margin {
            out.push(Window { numeral: n.number, cite: n.cite, from: IsoDay(r.first), to: IsoDay(r.last), kind: WindowKind::Margin });
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
/// and an optional end, with the case format's errors and paths.
pub fn date_place(law: &'static Law, facts_date: Option<&str>, facts_date_end: Option<&str>) -> Result<DatePlace, crate::Error> {
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
    let mut places = Vec::new();
    if let Some(r) = days {
        for n in law.numerals {
            for (kind, ranges) in [(WindowKind::Confirmed, n.window), (WindowKind::Margin, n.margin)] {
                let covered: i64 = ranges
                    .iter()
                    .filter(|w| w.overlaps(&r))
                    .map(|w| i64::from(w.last.0.min(r.last.0)) - i64::from(w.first.0.max(r.first.0)) + 1)
                    .sum();
                if covered > 0 {
                    let all = i64::from(r.last.0) - i64::from(r.first.0) + 1;
                    places.push(Place { numeral: n.number, kind, whole: covered == all });
                }
            }
        }
    }
    Ok(DatePlace { from: days.map(|d| IsoDay(d.first)), to: days.map(|d| IsoDay(d.last)), places })
}

fn situation_label(s: Situation, lang: Lang) -> Labelled {
    let (es, en) = match s {
        Situation::Detained => (("Detenida", "Está presa o detenida."), ("Detained", "In prison or detention.")),
        Situation::HouseArrest => (("Arresto domiciliario", "Debe permanecer en su casa por orden judicial."), ("House arrest", "Must stay at home by court order.")),
        Situation::PrecautionaryMeasures => (("Con medidas cautelares", "Está en libertad, pero con condiciones del tribunal, como presentarse cada cierto tiempo o no salir del país."), ("Precautionary measures", "Free, but under court conditions such as reporting regularly or not leaving the country.")),
        Situation::Wanted => (("Con orden de captura", "Hay una orden de detención contra la persona."), ("Wanted", "There is an arrest warrant against the person.")),
        Situation::Investigated => (("Investigada", "Está siendo investigada, sin acusación todavía."), ("Under investigation", "Under investigation, not yet charged.")),
        Situation::ConvictedServing => (("Condenada, cumpliendo pena", "Tiene sentencia firme y la está cumpliendo."), ("Convicted, serving sentence", "Has a final sentence and is serving it.")),
        Situation::Free => (("En libertad", "Está libre, sin medidas."), ("Free", "Free, with no measures.")),
    };
    labelled(s.code(), lang, es, en)
}

fn phase_label(p: Phase, lang: Lang) -> Labelled {
    let (es, en) = match p {
        Phase::Investigation => (("Investigación", "El Ministerio Público todavía investiga; aún no hay acusación."), ("Investigation", "The prosecution is still investigating; no indictment yet.")),
        Phase::Control => (("Control (antes del juicio)", "Un juez de control revisa la acusación antes del juicio."), ("Control (before trial)", "A control judge reviews the indictment before trial.")),
        Phase::Trial => (("Juicio", "La causa está en juicio."), ("Trial", "The case is at trial.")),
        Phase::Appeal => (("Apelación", "Una Corte de Apelaciones revisa una decisión."), ("Appeal", "A Court of Appeals is reviewing a decision.")),
        Phase::Execution => (("Ejecución (ya hay condena)", "Hay sentencia firme y un juez de ejecución vigila su cumplimiento."), ("Execution (sentenced)", "There is a final sentence and an execution judge oversees it.")),
    };
    labelled(p.code(), lang, es, en)
}

// ---- JSON keys ------------------------------------------------------------------------

json_object!(GlossaryEntry { "term": term, "explanation": explanation });
json_object!(LawSummary { "id": id, "title": title, "status": status });
json_object!(ArticleInfo { "number": number, "heading": heading, "paraphrase": paraphrase, "confidence": confidence });
json_object!(NumeralInfo {
    "number": number, "cite": cite, "name": name, "paraphrase": paraphrase, "windowText": window_text, "window": window,
    "margin": margin, "marginNote": margin_note, "exception": exception, "confidence": confidence,
});
json_object!(RangeInfo { "from": from, "to": to });
json_object!(Window { "numeral": numeral, "cite": cite, "from": from, "to": to, "kind": kind });
json_object!(DatePlace { "from": from, "to": to, "places": places });
json_object!(Place { "numeral": numeral, "kind": kind, "whole": whole });
json_object!(ChargeEntry { "code": code, "label": label, "explanation": explanation, "effect": effect, "article": article });
json_object!(QuestionInfo { "question": question, "text": text, "help": help });
json_object!(Labelled { "code": code, "label": label, "description": description });
json_object!(NotFormalizedInfo { "article": article, "reason": reason });
