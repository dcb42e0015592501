//! The questions, answers and changes a family reads (src/guidance.rs,
//! src/info.rs), after the review of 2026-12 (shared/law/review-2026-12.md:
//! A3, A7, A20, B6, B12, C). Each test names the finding it checks.

use amnistia::Lang;
use amnistia::assessment::{AnswerValue, Assessment};
use amnistia::model::Question;

fn check(json: &str) -> Assessment {
    amnistia::check(json, Lang::Es).expect("a valid case")
}

fn answers_for(a: &Assessment, q: Question) -> &amnistia::assessment::QuestionAnswers {
    a.proceedings[0].answers.iter().find(|x| x.question == q).expect("the question is asked")
}

#[test]
fn event_answers_come_in_numeral_order_with_what_each_is_about() {
    // A 2017 date: numerals 8 and 9 both hold it; 9 must not be pushed
    // below 8, nor any numeral ranked by its outcome (review A3).
    for json in [
        r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2017-05-10", "charges": ["terrorism"], "militaryJustice": false}]}"#,
        r#"{"proceedings": [{}]}"#,
        r#"{"law": "draft-2026-02-05", "proceedings": [{"factsDate": "2017-05-10", "charges": []}]}"#,
    ] {
        let a = check(json);
        let options = &answers_for(&a, Question::Event).options;
        let values: Vec<AnswerValue> = options.iter().map(|o| o.value.expect("each event is a value")).collect();
        let mut expected: Vec<AnswerValue> = amnistia::model::Event::all()
            .filter_map(|e| e.numeral())
            .filter(|k| a.law.id != "draft-2026-02-05" || ![5, 8, 11, 13].contains(k))
            .map(AnswerValue::Numeral)
            .collect();
        expected.push(AnswerValue::Word("none"));
        assert_eq!(values, expected, "{json}");
        assert!(options[0].text.contains("abril de 2002") && options[0].text.contains("Numeral 1 del artículo"), "{}", options[0].text);
    }
}

#[test]
fn the_art7_question_asks_about_the_present_and_maps_yes_to_not_ceased() {
    let a = check(r#"{"proceedings": [{"factsDate": "2024-07-30", "event": 12, "charges": ["terrorism"], "militaryJustice": false}]}"#);
    let q = answers_for(&a, Question::CeasedConduct);
    assert!(q.prompt.starts_with("¿Sigue hoy la persona"), "{}", q.prompt);
    // The page shows these very options (law().questions): no bare
    // "Sí"/"No" a family could read as an admission, and "never did it"
    // counts as having stopped (review A7; audit 2026-12, item 3).
    let texts: Vec<&str> = q.options.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(texts, ["Ya no está en esas actividades", "Nunca lo hizo", "Sigue en esas actividades"]);
    let values: Vec<_> = q.options.iter().map(|o| o.value.clone()).collect();
    assert_eq!(values, [Some(AnswerValue::Bool(true)), Some(AnswerValue::Bool(true)), Some(AnswerValue::Bool(false))]);
}

#[test]
fn the_art7_help_names_the_choices_the_family_sees() {
    // The page offers the question's own options ("Ya no está en esas
    // actividades / Nunca lo hizo / Sigue en esas actividades"): the help
    // must name those, not a «No» that no button carries (audit 2026-12).
    for (lang, stopped, never) in [(Lang::Es, "«Ya no está en esas actividades»", "«Nunca lo hizo»"), (Lang::En, "\"No longer involved in those activities\"", "\"Never did it\"")] {
        let help = amnistia::law::enacted().texts.question_ceased_conduct_help.get(lang);
        assert!(help.contains(stopped) && help.contains(never), "{help}");
        assert!(!help.contains("«No»") && !help.contains("answer \"No\""), "{help}");
        assert!(help.contains("detenida") || help.contains("detained"), "{help}");
    }
}

#[test]
fn the_date_question_keeps_the_arrest_note_in_its_help_and_asks_for_the_month() {
    let a = check(r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2017", "event": 9, "charges": ["terrorism"], "militaryJustice": false}]}"#);
    let q = answers_for(&a, Question::FactsDate);
    assert!(q.prompt.contains("marzo a agosto de 2017") && q.prompt.contains("¿sabe el mes"), "{}", q.prompt);
    let plain = amnistia::info::question_text(Question::FactsDate, Lang::Es);
    assert!(!plain.contains("detención"), "{plain}");
    // Dates in date order.
    let texts: Vec<&str> = q.options.iter().map(|o| o.text.as_str()).collect();
    assert!(texts[0].contains("enero"), "{texts:?}");
}

#[test]
fn dates_in_a_contested_margin_are_called_doubtful() {
    let a = check(r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2024", "event": 12, "charges": ["terrorism"], "militaryJustice": false}]}"#);
    let q = answers_for(&a, Question::FactsDate);
    assert!(q.options.iter().any(|o| o.text.contains("fechas dudosas: las fuentes no confirman") || o.text.contains("fechas dudosas, las fuentes no confirman")), "{:?}", q.options);
}

#[test]
fn what_would_change_never_relabels_the_stated_event_nor_offers_numeral_8() {
    // 30 April 2019 under numeral 10, with military rebellion (review A20).
    let a = check(r#"{"proceedings": [{"factsDate": "2019-04-30", "event": 10, "charges": ["military_rebellion"], "militaryJustice": true}]}"#);
    for c in &a.proceedings[0].would_change {
        assert!(!c.text.contains("numeral 8") && c.fact != Question::Event && c.fact != Question::FactsDate, "{}", c.text);
    }
    // A date just outside the stated event's window: a hint about the
    // date's exactness, not a relabelling.
    let a = check(r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2014-07-15", "event": 7, "charges": ["terrorism"], "militaryJustice": false}]}"#);
    let dates: Vec<&str> = a.proceedings[0].would_change.iter().filter(|c| c.fact == Question::FactsDate).map(|c| c.text.as_str()).collect();
    assert!(!dates.is_empty() && dates.iter().all(|t| t.starts_with("Si la fecha que indicó no es exacta")), "{dates:?}");
    assert!(a.proceedings[0].would_change.iter().all(|c| c.fact != Question::Event));
    // No preposition glued to a range that starts with "del" (review C).
    let a = check(r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2002-04-20", "event": 1, "charges": ["terrorism"], "militaryJustice": false}]}"#);
    for c in &a.proceedings[0].would_change {
        assert!(!c.text.contains("en del "), "{}", c.text);
    }
    assert!(a.proceedings[0].would_change.iter().any(|c| c.text.contains("del 11 al 12 de abril de 2002")), "{:?}", a.proceedings[0].would_change);
}

#[test]
fn law_info_offers_other_and_no_formal_charges_and_neutral_labels() {
    let json = amnistia::output::to_json(&amnistia::info::law_info(amnistia::law::DEFAULT_LAW, Lang::Es));
    assert!(json.contains("\"Otro delito que no está en la lista\""), "other");
    assert!(json.contains("\"No hay cargos formales\""), "none");
    assert!(json.contains("\"value\": []"), "the empty list");
    assert!(json.contains("\"Detenido/a\"") && json.contains("\"Investigado/a\"") && json.contains("\"Condenado/a, cumpliendo pena\""));
    assert!(!json.contains("\"Detenida\"") && !json.contains("La amnistía se aplica"));
    let draft = amnistia::output::to_json(&amnistia::info::law_info(amnistia::law::by_id("draft-2026-02-05").expect("draft"), Lang::Es));
    assert!(draft.contains("Según el proyecto de ley, habría estado cubierta"));
}

#[test]
fn interpol_rests_on_no_article_and_is_contested() {
    // Brief §1 and §5: Interpol notices are disputed [D] and no article is
    // known to speak of them (audit 2026-12, item 5).
    let a = check(r#"{"person": {"situation": "investigated", "ceasedConduct": true}, "proceedings": [{"factsDate": "2024-07-30", "event": 12, "charges": ["terrorism"], "militaryJustice": false, "phase": "investigation"}]}"#);
    let step = a.proceedings[0].next_steps.iter().find(|s| s.id == "interpol").expect("the Interpol step for a person under investigation");
    assert_eq!(step.article, None);
    assert_eq!(step.confidence, amnistia::codes::Confidence::Disputed);
}

#[test]
fn the_drafts_no_listed_charge_option_does_not_say_contests() {
    // The draft contested no charge in its exclusions: its Art. 1 left the
    // drug codes in doubt (audit 2026-12, item 6).
    let a = check(r#"{"law": "draft-2026-02-05", "proceedings": [{"factsDate": "2017-05-01", "event": 9, "militaryJustice": false}]}"#);
    let q = answers_for(&a, Question::Charges);
    let none = q.options.iter().find(|o| o.text.starts_with("ninguno de los cargos")).expect("the 'none of these' option");
    assert!(!none.text.contains("discute") && none.text.contains("el proyecto dejaba fuera"), "{}", none.text);
    let a = check(r#"{"proceedings": [{"factsDate": "2024-07-30", "event": 12, "militaryJustice": false}]}"#);
    let q = answers_for(&a, Question::Charges);
    assert!(q.options.iter().any(|o| o.text == "ninguno de los cargos que la ley deja fuera o discute"), "{:?}", q.options.iter().map(|o| &o.text).collect::<Vec<_>>());
}

#[test]
fn the_articles_are_also_written_in_words_each_articles_numerals_together() {
    // The printout reads this field; the page no longer groups citations.
    let a = check(r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2024-07-30", "event": 12, "charges": ["terrorism"], "militaryJustice": false}]}"#);
    assert_eq!(a.proceedings[0].articles_in_words, "artículo 8, numeral 12; artículo 9; artículo 7");
    let a = check(r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2016-06-01", "charges": ["terrorism"], "militaryJustice": false}]}"#);
    let words = &a.proceedings[0].articles_in_words;
    assert!(words.starts_with("artículo 8, numerales ") && words.contains(" y ") && words.contains("; artículo 9"), "{words}");
    assert_eq!(words.matches("artículo 8").count(), 1, "{words}");
}
