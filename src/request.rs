//! The written request (*solicitud*) and the letter to the Art. 15
//! commission (contract §3.1, §5.1; issue 16).
//!
//! One document per proceeding, built from the assessment the core has
//! already made: this module never decides an outcome, it only reads
//! `outcome`, `numerals`, `reason`, `questions` and the explanation's steps,
//! and picks the wording for them. Every legal sentence is a template of
//! `src/law/texts_request.toml`; the details a family types (name, *cédula*,
//! who files, court, case number, city) only fill its slots, and appear in
//! no other output.
//!
//! The document is plain data, written through the crate's JSON writer, as
//! readable text ([`to_text`]) or as RTF ([`crate::rtf`]).

use crate::Lang;
use crate::assessment::{ProceedingAssessment, Step, StepKind};
use crate::codes::{Charge, Effect, ErrorCode, Phase, Question, Situation, Status};
use crate::error::Error;
use crate::json::{self, Json, json_object};
use crate::law::{self, Law, Texts};
use crate::model::{Case, Outcome, Proceeding};
use crate::text::{self, fill, sentence};

/// What a blank line to fill in by hand looks like.
const BLANK: &str = "________________";

/// Who files the request (`filer` in the details).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filer {
    /// The person themselves (`self`).
    Person,
    /// A lawyer or *apoderado* of the family's choice (`lawyer`).
    Lawyer,
    /// The *Defensa Pública* (`public_defender`).
    PublicDefender,
}

impl Filer {
    pub const fn code(self) -> &'static str {
        match self {
            Filer::Person => "self",
            Filer::Lawyer => "lawyer",
            Filer::PublicDefender => "public_defender",
        }
    }
    pub fn from_code(code: &str) -> Option<Filer> {
        [Filer::Person, Filer::Lawyer, Filer::PublicDefender].into_iter().find(|f| f.code() == code)
    }
}

/// The form's details (contract §5.1). Every one is optional: a blank line
/// is printed for each that is missing. Never stored, never echoed into any
/// other output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub name: Option<String>,
    pub id_number: Option<String>,
    pub filer: Option<Filer>,
    pub filer_name: Option<String>,
    pub court: Option<String>,
    pub case_number: Option<String>,
    pub city: Option<String>,
}

/// Reads the details from the bytes of a JSON file (UTF-8, at most
/// [`crate::MAX_INPUT_BYTES`]).
pub fn details_from_bytes(bytes: &[u8]) -> Result<Details, Error> {
    if bytes.len() > json::MAX_INPUT_BYTES {
        return Err(Error::new(ErrorCode::InputTooLarge, "details"));
    }
    match core::str::from_utf8(bytes) {
        Ok(text) => details_from_text(text),
        Err(_) => Err(Error::new(ErrorCode::InvalidJson, "details")),
    }
}

/// Reads the details from JSON text (`--details FILE`), with the error
/// codes of contract §4 and paths under `details`.
pub fn details_from_text(text: &str) -> Result<Details, Error> {
    if text.starts_with('\u{feff}') {
        return Err(Error::new(ErrorCode::InvalidJson, "details"));
    }
    let tree = json::from_text(text).map_err(|e| {
        let code = match e {
            json::TreeError::TooLarge => ErrorCode::InputTooLarge,
            json::TreeError::Syntax => ErrorCode::InvalidJson,
            json::TreeError::Threw => ErrorCode::InvalidValue,
        };
        Error::new(code, "details")
    })?;
    details_from_tree(tree)
}

/// Reads the details from a JSON tree (the JS API reads a JS object into
/// one with the same catching reader as `evaluate`). `null` is no details.
pub fn details_from_tree(tree: Json<'_>) -> Result<Details, Error> {
    let members = match tree {
        Json::Null => return Ok(Details::default()),
        Json::Object(m) => m,
        _ => return Err(Error::new(ErrorCode::InvalidValue, "details")),
    };
    let mut d = Details::default();
    for (key, value) in members {
        let path = || -> String { sentence!("details.", &*key) };
        let text = |v: Json<'_>| -> Result<Option<String>, Error> {
            match v {
                Json::Null => Ok(None),
                // Blank is the same as not given: a line to fill in.
                Json::String(s) if s.trim().is_empty() => Ok(None),
                Json::String(s) => Ok(Some(s.into_owned())),
                _ => Err(Error::new(ErrorCode::InvalidValue, path())),
            }
        };
        match &*key {
            "name" => d.name = text(value)?,
            "idNumber" => d.id_number = text(value)?,
            "filerName" => d.filer_name = text(value)?,
            "court" => d.court = text(value)?,
            "caseNumber" => d.case_number = text(value)?,
            "city" => d.city = text(value)?,
            "filer" => {
                d.filer = match text(value)? {
                    None => None,
                    Some(code) => Some(Filer::from_code(&code).ok_or_else(|| Error::new(ErrorCode::InvalidValue, path()).quoting(&code))?),
                }
            }
            _ => return Err(Error::new(ErrorCode::UnknownField, path()).quoting(&key)),
        }
    }
    Ok(d)
}

/// What kind of document a proceeding gets (contract §5.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A request to the court: `covered` or `uncertain` under the law in force.
    Request,
    /// A letter to the Art. 15 commission: `not_covered`.
    CommissionLetter,
    /// No document: the draft law, or `needs_information`.
    None,
}

impl Kind {
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Request => "request",
            Kind::CommissionLetter => "commission_letter",
            Kind::None => "none",
        }
    }
}

/// Who the document is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addressee {
    /// "Ciudadano/a Juez/a".
    pub salutation: String,
    /// The court (as the family gave it, or by phase with the city).
    pub court: String,
    /// For the family, not the court: where the phase or the court needs
    /// a word (investigation, military courts, an unknown phase, no address).
    pub note: Option<String>,
}

/// One paragraph of the body, with what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// `intro`, `facts`, `law`, `effects`, `contested`, `favourable`,
    /// `abroad`, `reason`, `commission`, `military`.
    pub kind: &'static str,
    pub text: String,
}

/// One document (contract §5.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub kind: Kind,
    /// Counted from 1, as the page says "Causa 1".
    pub proceeding: usize,
    /// The proceeding's label, as given.
    pub label: Option<String>,
    pub outcome: Outcome,
    pub law: &'static str,
    pub lang: &'static str,
    /// The first line: a draft to review with a lawyer, not legal advice.
    pub notice: String,
    /// For `none`: why there is no document.
    pub reason: Option<String>,
    /// For `none` on `needs_information`: the facts still needed.
    pub questions: Vec<Question>,
    /// In English, that the Spanish version is the one to file.
    pub language_note: Option<&'static str>,
    pub title: Option<String>,
    pub addressee: Option<Addressee>,
    pub reference: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    /// The request itself.
    pub petition: Option<String>,
    /// Place and date, signature and names, one line each ("" is a gap).
    pub signature: Vec<String>,
    /// For the family and the lawyer, not part of the filing.
    pub notes: Vec<String>,
    /// What to bring and do when filing or sending.
    pub checklist: Vec<String>,
}

json_object!(Addressee { "salutation": salutation, "court": court, "note": note });
json_object!(Paragraph { "kind": kind, "text": text });
impl Document {
    /// The document's fields, inside an object the caller opened (the JS
    /// API adds `text` and `rtf` beside them).
    pub fn write_fields(&self, w: &mut json::Writer) {
        w.field("type", &self.kind);
        w.field("proceeding", &self.proceeding);
        w.field("label", &self.label);
        w.field("outcome", &self.outcome);
        w.field("law", self.law);
        w.field("lang", self.lang);
        w.field("notice", &self.notice);
        w.field("reason", &self.reason);
        w.field("questions", &self.questions);
        w.field("languageNote", &self.language_note);
        w.field("title", &self.title);
        w.field("addressee", &self.addressee);
        w.field("reference", &self.reference);
        w.field("paragraphs", &self.paragraphs);
        w.field("petition", &self.petition);
        w.field("signature", &self.signature);
        w.field("notes", &self.notes);
        w.field("checklist", &self.checklist);
    }
}

impl json::ToJson for Document {
    fn to_json(&self, w: &mut json::Writer) {
        w.begin_object();
        self.write_fields(w);
        w.end_object();
    }
}

impl json::ToJson for Kind {
    fn to_json(&self, w: &mut json::Writer) {
        w.string(self.code());
    }
}

/// The documents for a case: the one proceeding `proceeding` (counted from
/// 1), or every proceeding in order when it is `None`. A number outside the
/// case is `invalid_value` at `proceeding`.
pub fn request(case: &Case, details: &Details, proceeding: Option<usize>, lang: Lang) -> Result<Vec<Document>, Error> {
    let assessment = crate::assess(case, lang);
    let picked: Vec<usize> = match proceeding {
        None => (0..case.proceedings.len()).collect(),
        Some(n) if (1..=case.proceedings.len()).contains(&n) => vec![n - 1],
        Some(_) => return Err(Error::new(ErrorCode::InvalidValue, "proceeding")),
    };
    Ok(picked
        .into_iter()
        .map(|i| document(case, &case.proceedings[i], &assessment.proceedings[i], i + 1, details, lang))
        .collect())
}

/// The document for one proceeding and its assessment.
fn document(case: &Case, p: &Proceeding, a: &ProceedingAssessment, number: usize, d: &Details, lang: Lang) -> Document {
    let law = case.law;
    let t = law.texts;
    let mut doc = Document {
        kind: Kind::None,
        proceeding: number,
        label: p.label.clone(),
        outcome: a.outcome,
        law: law.id,
        lang: lang.code(),
        notice: t.request_draft_notice.get(lang).to_string(),
        reason: None,
        questions: Vec::new(),
        language_note: (lang == Lang::En).then(|| t.request_english_note.get(lang)),
        title: None,
        addressee: None,
        reference: None,
        paragraphs: Vec::new(),
        petition: None,
        signature: Vec::new(),
        notes: Vec::new(),
        checklist: Vec::new(),
    };
    if law.status != Status::Enacted {
        doc.reason = Some(fill(t.request_none_draft.get(lang), &[("date", &text::iso_day(lang, law.adopted))]));
        return doc;
    }
    match a.outcome {
        Outcome::NeedsInformation => {
            let asked: Vec<String> = a.questions.iter().map(|q| crate::info::question_short(*q, lang).to_string()).collect();
            doc.reason = Some(fill(t.request_none_needs_information.get(lang), &[("questions", &text::join(lang, &asked))]));
            doc.questions = a.questions.clone();
        }
        Outcome::Covered | Outcome::Uncertain => court_request(&mut doc, case, p, a, d, lang),
        Outcome::NotCovered => commission_letter(&mut doc, case, p, a, d, lang),
    }
    doc
}

// Small helpers kept out of line: each document part is one call, not an
// inlined allocation and copy, which keeps the wasm module smaller.

/// A template in `lang`, owned.
#[inline(never)]
fn own(k: &'static law::Text, lang: Lang) -> String {
    k.get(lang).to_string()
}

/// A template in `lang` with its slots filled.
#[inline(never)]
fn fill_in(k: &'static law::Text, lang: Lang, slots: &[(&str, &str)]) -> String {
    fill(k.get(lang), slots)
}

/// Appends a paragraph.
#[inline(never)]
fn push(doc: &mut Document, kind: &'static str, text: String) {
    doc.paragraphs.push(Paragraph { kind, text });
}

/// A detail as given, or a blank line.
fn or_blank(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or(BLANK)
}

/// The phase that picks the court and the petition: as given, or the
/// execution phase for a person serving a final sentence (review A16).
fn phase_of(case: &Case, p: &Proceeding) -> Option<Phase> {
    p.phase.or(match case.person.situation {
        Some(Situation::ConvictedServing) => Some(Phase::Execution),
        _ => None,
    })
}

/// Whether the proceeding is before military courts, as stated.
fn military(p: &Proceeding) -> bool {
    p.military_justice == Some(true)
}

fn court_request(doc: &mut Document, case: &Case, p: &Proceeding, a: &ProceedingAssessment, d: &Details, lang: Lang) {
    let law = case.law;
    let t = law.texts;
    let s = |k: &'static law::Text| k.get(lang);
    let phase = phase_of(case, p);
    let city = or_blank(&d.city);
    doc.kind = Kind::Request;
    doc.title = Some(fill_in(&t.request_title, lang, &[("law", law.title)]));
    doc.reference = p.label.as_ref().map(|l| fill_in(&t.request_reference, lang, &[("label", l)]));

    // The addressee, by phase (brief §5, "Where").
    let (court_key, note) = if military(p) {
        (&t.request_court_military, Some(&t.request_note_military))
    } else {
        match phase {
            Some(Phase::Investigation) => (&t.request_court_control, Some(&t.request_note_investigation)),
            Some(Phase::Control) => (&t.request_court_control, None),
            Some(Phase::Trial) => (&t.request_court_trial, None),
            Some(Phase::Execution) => (&t.request_court_execution, None),
            Some(Phase::Appeal) => (&t.request_court_appeal, None),
            None => (&t.request_court_unknown, Some(&t.request_note_unknown_phase)),
        }
    };
    let salutation = if phase == Some(Phase::Appeal) && !military(p) { &t.request_salutation_appeal } else { &t.request_salutation };
    doc.addressee = Some(Addressee {
        salutation: s(salutation).to_string(),
        court: match &d.court {
            Some(c) => c.clone(),
            None => fill_in(court_key, lang, &[("city", city)]),
        },
        note: note.map(|n| s(n).to_string()),
    });

    // Who files. From abroad, the apoderado does (brief §5, "Abroad"):
    // a person abroad who said they would file gets the apoderado's wording.
    let abroad = case.person.abroad == Some(true);
    let filer = match d.filer {
        Some(Filer::Person) if abroad => Some(Filer::Lawyer),
        f => f,
    };
    let intro = match filer {
        Some(Filer::Person) => &t.request_intro_self,
        Some(Filer::Lawyer) => &t.request_intro_lawyer,
        Some(Filer::PublicDefender) => &t.request_intro_defender,
        None => &t.request_intro_unknown,
    };
    let slots = [("name", or_blank(&d.name)), ("id", or_blank(&d.id_number)), ("case", or_blank(&d.case_number)), ("filer", or_blank(&d.filer_name)), ("city", city)];
    push(doc, "intro", fill_in(intro, lang, &slots));

    // The facts, as stated, and the law.
    push(doc, "facts", facts(law, p, a, case.person.situation, lang));
    let cites: Vec<String> = a.numerals.iter().filter_map(|k| law.numeral(*k)).map(|n| crate::guidance::cite_words(law, n.cite, lang)).collect();
    let mut law_text = fill_in(&t.request_law, lang,
        &[("law", law.title), ("gaceta", law.gaceta), ("date", &text::iso_day(lang, law.adopted)), ("cites", &text::join_or(lang, &cites))],
    );
    // Only where no step of the exclusions is the contested point.
    let charge_doubt = a.explanation.iter().any(|st| {
        st.body.effect != Effect::Pass && matches!(st.kind, StepKind::Exclusion | StepKind::ForeignClause | StepKind::ContestedCharge | StepKind::RebellionException)
    });
    if !charge_doubt && p.charges.is_some() {
        law_text.push(' ');
        law_text.push_str(s(&t.request_law_no_exclusion));
    }
    push(doc, "law", law_text);

    // The contested points, in words, and the favourable reading (Art. 5).
    if a.outcome == Outcome::Uncertain {
        // Days on a window's margin: the date is the doubt, and the link
        // step, uncertain over the same days, adds no other point (A17).
        let date_doubt = a.explanation.iter().any(|st| st.kind == StepKind::Window && st.body.effect == Effect::Uncertain);
        for st in a.explanation.iter().filter(|st| st.body.effect == Effect::Uncertain) {
            let charges = contested_charges(law, st, p, lang);
            let text = match st.kind {
                StepKind::Window => own(&t.request_doubt_date, lang),
                StepKind::EventLink if date_doubt => continue,
                StepKind::EventLink => own(&t.request_doubt_event_link, lang),
                StepKind::ForeignClause => fill_in(&t.request_doubt_foreign, lang, &[("charges", &charges)]),
                StepKind::ContestedCharge if p.charges.is_some_and(|c| c.contains(Charge::DrugTraffickingMinor)) => own(&t.request_doubt_drug_minor, lang),
                StepKind::ContestedCharge => fill_in(&t.request_doubt_contested_charge, lang, &[("charges", &charges)]),
                StepKind::MilitaryJustice => own(&t.request_doubt_military, lang),
                StepKind::RebellionException => own(&t.request_doubt_rebellion, lang),
                StepKind::CeasedConduct => {
                    doc.notes.push(own(&t.request_note_ceased, lang));
                    own(&t.request_doubt_ceased, lang)
                }
                StepKind::DateAssumed | StepKind::Exclusion => continue,
            };
            doc.paragraphs.push(Paragraph { kind: "contested", text });
        }
        push(doc, "favourable", own(&t.request_favourable, lang));
        doc.notes.push(own(&t.request_note_art5, lang));
    }
    push(doc, "effects", own(&t.request_effects, lang));
    if abroad {
        push(doc, "abroad", own(&t.request_abroad, lang));
        doc.notes.push(own(&t.request_note_abroad, lang));
    }

    // The petition, by phase, with the 15 days.
    let petition = if military(p) {
        match phase {
            Some(Phase::Execution) => &t.request_petition_execution,
            None => &t.request_petition_unknown,
            _ => &t.request_petition_dismissal,
        }
    } else {
        match phase {
            Some(Phase::Investigation | Phase::Control | Phase::Trial) => &t.request_petition_dismissal,
            Some(Phase::Execution) => &t.request_petition_execution,
            Some(Phase::Appeal) => &t.request_petition_appeal,
            None => &t.request_petition_unknown,
        }
    };
    doc.petition = Some(own(petition, lang));

    let sign = match filer {
        Some(Filer::Person) => &t.request_sign_self,
        Some(Filer::Lawyer) => &t.request_sign_lawyer,
        Some(Filer::PublicDefender) => &t.request_sign_defender,
        None => &t.request_sign_unknown,
    };
    doc.signature = fill_in(sign, lang, &slots).split('\n').map(str::to_string).collect();

    if let Some(n) = &doc.addressee.as_ref().and_then(|a| a.note.clone()) {
        doc.notes.insert(0, n.clone());
    }
    doc.notes.push(own(&t.request_note_blanks, lang));
    let mut check = vec![&t.request_check_copies];
    if abroad {
        check.push(&t.request_check_power);
    }
    if d.filer == Some(Filer::PublicDefender) {
        check.push(&t.request_check_defender);
    }
    check.extend([&t.request_check_urdd, &t.request_check_stamp, &t.request_check_late, &t.request_check_refused, &t.request_check_appeal]);
    doc.checklist = check.into_iter().map(|k| s(k).to_string()).collect();
}

fn commission_letter(doc: &mut Document, case: &Case, p: &Proceeding, a: &ProceedingAssessment, d: &Details, lang: Lang) {
    let law = case.law;
    let t = law.texts;
    let s = |k: &'static law::Text| k.get(lang);
    doc.kind = Kind::CommissionLetter;
    doc.title = Some(fill_in(&t.letter_title, lang, &[("law", law.title)]));
    doc.reference = p.label.as_ref().map(|l| fill_in(&t.request_reference, lang, &[("label", l)]));
    doc.addressee = Some(Addressee {
        salutation: own(&t.letter_salutation, lang),
        court: own(&t.letter_to, lang),
        note: Some(own(&t.letter_note_address, lang)),
    });
    let court = d.court.as_deref().or(p.label.as_deref()).unwrap_or(BLANK);
    // The one who writes: the person, or whoever files for them.
    let writer = match d.filer {
        Some(Filer::Person) => or_blank(&d.name),
        _ => or_blank(&d.filer_name),
    };
    let writer_id = match d.filer {
        Some(Filer::Person) => or_blank(&d.id_number),
        _ => BLANK,
    };
    let slots = [
        ("name", or_blank(&d.name)),
        ("id", or_blank(&d.id_number)),
        ("case", or_blank(&d.case_number)),
        ("filer", writer),
        ("writer_id", writer_id),
        ("court", court),
        ("city", or_blank(&d.city)),
    ];
    let intro = if d.filer == Some(Filer::Person) { &t.letter_intro_self } else { &t.letter_intro_other };
    push(doc, "intro", fill_in(intro, lang, &slots));
    push(doc, "facts", facts(law, p, a, case.person.situation, lang));
    push(doc, "reason", fill_in(&t.letter_why, lang, &[("reason", &lower_first(&a.reason))]));
    push(doc, "commission", own(&t.letter_commission, lang));
    let rebellion = a.explanation.iter().any(|st| st.kind == StepKind::RebellionException && st.body.effect == Effect::NotCovered);
    if military(p) || rebellion {
        push(doc, "military", own(&t.letter_military, lang));
    }
    if case.person.abroad == Some(true) {
        push(doc, "abroad", own(&t.letter_abroad, lang));
    }
    doc.petition = Some(own(&t.letter_petition, lang));
    doc.signature = fill_in(&t.letter_sign, lang, &slots).split('\n').map(str::to_string).collect();
    doc.notes = vec![own(&t.letter_note_address, lang), own(&t.request_note_blanks, lang)];
    doc.checklist = [&t.letter_check_docs, &t.letter_check_copy, &t.letter_check_recheck].into_iter().map(|k| s(k).to_string()).collect();
}

/// The stated charges a contested step is about, in words: those of the
/// rules entry the step applied (its `rule`), or every stated charge.
fn contested_charges(law: &'static Law, st: &Step, p: &Proceeding, lang: Lang) -> String {
    let stated: Vec<Charge> = p.charges.map(|c| c.iter().collect()).unwrap_or_default();
    let entry = st.body.rule.and_then(|id| law.exclusions.iter().find(|e| e.id == id));
    let touched: Vec<Charge> = match entry {
        Some(e) => stated.iter().copied().filter(|c| e.charges.contains(c)).collect(),
        None => stated,
    };
    let names: Vec<String> = touched.iter().map(|c| lower_first(law::charge_info(*c).label.get(lang))).collect();
    text::join(lang, &names)
}

/// The facts paragraph: the date in words, the event or events the
/// assessment rests on, and the charges as stated.
fn facts(law: &'static Law, p: &Proceeding, a: &ProceedingAssessment, situation: Option<Situation>, lang: Lang) -> String {
    let t: &Texts = law.texts;
    let s = |k: &'static law::Text| k.get(lang);
    let date = match &p.facts_date {
        Some(fd) => text::range_in(lang, fd.days),
        None => own(&t.request_facts_date_blank, lang),
    };
    // The events the assessment rests on; where it rests on none (an
    // exclusion decided first), the event as the family stated it.
    let stated: Vec<u8> = match p.event {
        Some(crate::model::Event::Numeral(k)) if a.numerals.is_empty() => vec![k],
        _ => a.numerals.clone(),
    };
    let events: Vec<String> = stated
        .iter()
        .filter_map(|k| law.numeral(*k))
        .map(|n| fill(s(&t.request_event), &[("name", &lower_first(n.name.get(lang))), ("cite", &crate::guidance::cite_words(law, n.cite, lang))]))
        .collect();
    let mut out = if events.is_empty() && p.event == Some(crate::model::Event::NoEvent) {
        fill(s(&t.request_facts_no_event), &[("date", &date)])
    } else {
        let events = if events.is_empty() { s(&t.request_events_blank).to_string() } else { text::join_or(lang, &events) };
        fill(s(&t.request_facts), &[("date", &date), ("events", &events)])
    };
    out.push(' ');
    match p.charges {
        None => out.push_str(s(&t.request_charges_blank)),
        Some(set) if set.is_empty() => out.push_str(s(&t.request_charges_none)),
        Some(set) => {
            let names: Vec<String> = set.iter().map(|c| lower_first(law::charge_info(c).label.get(lang))).collect();
            out.push_str(&fill_in(&t.request_charges, lang, &[("charges", &text::join(lang, &names))]));
        }
    }
    if let Some(sit) = situation {
        let label = lower_first(crate::info::situation_label(law, sit, lang).label);
        out.push(' ');
        out.push_str(&fill_in(&t.request_situation, lang, &[("situation", &label)]));
    }
    out
}

/// First letter in lower case, for a name or a clause inside a sentence.
fn lower_first(s: &str) -> String {
    crate::explain::lower_first(s)
}

/// The documents as readable text: what "Copiar el texto" copies and
/// `--format text` prints. Documents are separated by a line of dashes.
pub fn to_text(docs: &[Document]) -> String {
    let mut out = String::new();
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            while out.ends_with("\n\n") {
                out.pop();
            }
            out.push_str("\n----------------------------------------\n\n");
        }
        for block in blocks(doc) {
            match block {
                Block::Heading(s) | Block::Para(s) => {
                    out.push_str(&s);
                    out.push_str("\n\n");
                }
                Block::Lines(lines) => {
                    for l in lines {
                        out.push_str(&l);
                        out.push('\n');
                    }
                    out.push('\n');
                }
                Block::List(title, items) => {
                    out.push_str(&title);
                    out.push('\n');
                    for it in items {
                        out.push_str("- ");
                        out.push_str(&it);
                        out.push('\n');
                    }
                    out.push('\n');
                }
                Block::PageBreak => {}
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A document as blocks, in reading order: what the text and the RTF
/// writers both lay out.
pub enum Block {
    /// Bold in the RTF: the notice and the title.
    Heading(String),
    Para(String),
    /// Lines with no gap between them (addressee, signature).
    Lines(Vec<String>),
    /// A titled list (notes, checklist).
    List(String, Vec<String>),
    /// Where the filing ends and the family's notes begin.
    PageBreak,
}

pub fn blocks(doc: &Document) -> Vec<Block> {
    let law = law::by_id(doc.law).unwrap_or(law::DEFAULT_LAW);
    let lang = if doc.lang == "en" { Lang::En } else { Lang::Es };
    let t = law.texts;
    let mut out = vec![Block::Heading(doc.notice.clone())];
    if let Some(n) = doc.language_note {
        out.push(Block::Para(n.to_string()));
    }
    if let Some(r) = &doc.reason {
        out.push(Block::Para(r.clone()));
    }
    if let Some(title) = &doc.title {
        out.push(Block::Heading(title.clone()));
    }
    if let Some(a) = &doc.addressee {
        out.push(Block::Lines(vec![a.salutation.clone(), a.court.clone()]));
    }
    if let Some(r) = &doc.reference {
        out.push(Block::Para(r.clone()));
    }
    for p in &doc.paragraphs {
        out.push(Block::Para(p.text.clone()));
    }
    if let Some(p) = &doc.petition {
        out.push(Block::Para(p.clone()));
    }
    if !doc.signature.is_empty() {
        out.push(Block::Lines(doc.signature.clone()));
    }
    if !doc.notes.is_empty() || !doc.checklist.is_empty() {
        out.push(Block::PageBreak);
    }
    let letter = doc.kind == Kind::CommissionLetter;
    let (notes, checklist) = if letter {
        (&t.letter_notes_heading, &t.letter_checklist_heading)
    } else {
        (&t.request_notes_heading, &t.request_checklist_heading)
    };
    if !doc.notes.is_empty() {
        out.push(Block::List(notes.get(lang).to_string(), doc.notes.clone()));
    }
    if !doc.checklist.is_empty() {
        out.push(Block::List(checklist.get(lang).to_string(), doc.checklist.clone()));
    }
    out
}
