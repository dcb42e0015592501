//! The wasm API (`amnistia::wasm`: evaluate, law, datePlace, request, version) in headless Chromium, through
//! wasm-bindgen-test-runner and chromedriver (see scripts/test.sh):
//!   cargo test --target wasm32-unknown-unknown --test wasm_browser
#![cfg(target_arch = "wasm32")]

use amnistia::wasm::{date_place, evaluate, law, version};
use js_sys::{Array, JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The example case of the contract (case-format.md §1), with `factsDate` replaced.
fn example_case(facts_date: &str) -> JsValue {
    let json = r#"{
      "law": "enacted-2026-02-19",
      "person": { "situation": "detained", "abroad": false, "ceasedConduct": true },
      "proceedings": [
        {
          "label": "Tribunal 2º de Control, Caracas",
          "factsDate": "FACTS_DATE",
          "factsDateEnd": null,
          "event": 12,
          "charges": ["terrorism", "incitement_to_hatred"],
          "phase": "control",
          "militaryJustice": false
        }
      ]
    }"#;
    JSON::parse(&json.replace("FACTS_DATE", facts_date)).expect("the example case is valid JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key))
        .unwrap_or_else(|_| panic!("cannot read `{key}`"))
}

fn first_proceeding(assessment: &JsValue) -> JsValue {
    get(&get(assessment, "proceedings"), "0")
}

fn lang(code: &str) -> JsValue {
    JsValue::from_str(code)
}

fn show(value: &JsValue) -> String {
    JSON::stringify(value).map(String::from).unwrap_or_else(|_| format!("{value:?}"))
}

#[wasm_bindgen_test]
fn example_case_is_covered_under_article_8_12() {
    let assessment = evaluate(example_case("2024-07-30"), lang("es")).expect("the example case evaluates");
    assert_eq!(get(&assessment, "outcome").as_string().as_deref(), Some("covered"), "{}", show(&assessment));

    let proceeding = first_proceeding(&assessment);
    assert_eq!(get(&proceeding, "outcome").as_string().as_deref(), Some("covered"));
    let articles: Array = get(&proceeding, "articles").dyn_into().expect("`articles` is an array");
    assert!(articles.includes(&JsValue::from_str("8.12"), 0), "articles: {}", show(&articles));
}

#[wasm_bindgen_test]
fn invalid_date_is_an_error_with_code_and_path() {
    let error = evaluate(example_case("2024-13-40"), lang("es")).expect_err("an invalid date is an error");
    assert!(error.is_instance_of::<js_sys::Error>(), "not an Error: {}", show(&error));
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("invalid_date"));
    assert_eq!(get(&error, "path").as_string().as_deref(), Some("proceedings[0].factsDate"));
    let message = get(&error, "message").as_string().unwrap_or_default();
    assert!(!message.is_empty(), "the error has a message");
}

#[wasm_bindgen_test]
fn missing_proceedings_is_an_error() {
    let error = evaluate(JSON::parse("{}").unwrap(), lang("es")).expect_err("{} is an error");
    assert!(error.is_instance_of::<js_sys::Error>(), "not an Error: {}", show(&error));
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("no_proceedings"));
}

#[wasm_bindgen_test]
fn the_language_changes_the_summary() {
    let summary = |code: &str| {
        let assessment = evaluate(example_case("2024-07-30"), lang(code)).expect("the example case evaluates");
        get(&first_proceeding(&assessment), "summary")
            .as_string()
            .unwrap_or_else(|| panic!("proceedings[0].summary is a string ({code})"))
    };
    let (es, en) = (summary("es"), summary("en"));
    assert!(!es.is_empty() && !en.is_empty());
    assert_ne!(es, en, "Spanish and English summaries are the same");
}

#[wasm_bindgen_test]
fn the_enacted_law_has_13_numerals() {
    let law = law(lang("es"), JsValue::UNDEFINED).expect("the default law loads");
    let numerals: Array = get(&law, "numerals").dyn_into().expect("`numerals` is an array");
    assert_eq!(numerals.length(), 13, "{}", show(&law));
}

#[wasm_bindgen_test]
fn version_is_not_empty() {
    assert!(!version().is_empty());
}

fn places(place: &JsValue) -> Vec<(u32, String, bool)> {
    let list: Array = get(place, "places").dyn_into().expect("`places` is an array");
    list.iter()
        .map(|p| {
            (
                get(&p, "numeral").as_f64().expect("numeral") as u32,
                get(&p, "kind").as_string().expect("kind"),
                get(&p, "whole").as_bool().expect("whole"),
            )
        })
        .collect()
}

/// Contract §3.1: the numerals whose windows hold a date, with their kinds,
/// for the enacted text (§2.3) and the draft (§2.4).
#[wasm_bindgen_test]
fn date_place_names_the_windows_that_hold_a_date() {
    let s = JsValue::from_str;
    // 30 July 2024: inside numeral 12's confirmed window.
    let p = date_place(s("2024-07-30"), JsValue::NULL, JsValue::UNDEFINED, None).expect("a day");
    assert_eq!(places(&p), [(12, "confirmed".to_string(), true)], "{}", show(&p));
    assert_eq!(get(&p, "from").as_string().as_deref(), Some("2024-07-30"));
    // 2024 as a year: part confirmed, part doubtful dates, of numeral 12.
    let p = date_place(s("2024"), JsValue::NULL, JsValue::UNDEFINED, None).expect("a year");
    assert_eq!(places(&p), [(12, "confirmed".to_string(), false), (12, "margin".to_string(), false)]);
    // April 2017: numeral 8's term holds it whole, numeral 9 too.
    let p = date_place(s("2017-04"), JsValue::UNDEFINED, s("enacted-2026-02-19"), None).expect("a month");
    assert_eq!(places(&p), [(8, "confirmed".to_string(), true), (9, "confirmed".to_string(), true)]);
    // 2018-03: under the draft no window holds it.
    let p = date_place(s("2018-03"), JsValue::NULL, s("draft-2026-02-05"), None).expect("the draft");
    assert!(places(&p).is_empty(), "{}", show(&p));
    // 1 April 2013: the draft's numeral 6 holds it, the enacted one does not.
    let p = date_place(s("2013-04-01"), JsValue::NULL, s("draft-2026-02-05"), None).expect("the draft");
    assert_eq!(places(&p), [(6, "confirmed".to_string(), true)]);
    let p = date_place(s("2013-04-01"), JsValue::NULL, JsValue::NULL, None).expect("the enacted law");
    assert!(places(&p).is_empty(), "{}", show(&p));
}

#[wasm_bindgen_test]
fn date_place_refuses_bad_input_with_codes() {
    let s = JsValue::from_str;
    let e = date_place(s("30/07/2024"), JsValue::NULL, JsValue::NULL, None).expect_err("not a case-format date");
    assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {}", show(&e));
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_date"));
    assert_eq!(get(&e, "path").as_string().as_deref(), Some("factsDate"));
    let e = date_place(s("2024-07-30"), s("2024-07-01"), JsValue::NULL, None).expect_err("an inverted range");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_date_range"));
    let e = date_place(s("2024"), JsValue::NULL, s("ley-1999"), None).expect_err("an unknown law");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("unknown_law"));
    // A value that is not text is a wrong type, with the parameter's name.
    for wrong in [js_sys::Object::new().into(), JsValue::from_f64(2024.0), JsValue::TRUE] {
        let e = date_place(wrong, JsValue::NULL, JsValue::NULL, None).expect_err("not text");
        assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_value"), "{}", show(&e));
        assert_eq!(get(&e, "path").as_string().as_deref(), Some("factsDate"));
    }
    // An event outside 1-13, or not whole (NaN stands for what is not a number).
    for wrong in [0.0, 14.0, 2.5, f64::NAN] {
        let e = date_place(JsValue::NULL, JsValue::NULL, JsValue::NULL, Some(wrong)).expect_err("not an event");
        assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_event"), "{wrong}");
        assert_eq!(get(&e, "path").as_string().as_deref(), Some("event"));
    }
    // With no start date, an event stands for the days assumed from it: numeral 12's July 2024.
    let p = date_place(JsValue::NULL, JsValue::NULL, JsValue::NULL, Some(12.0)).expect("an event");
    assert_eq!(get(&p, "from").as_string().as_deref(), Some("2024-07-01"));
    assert_eq!(get(&p, "to").as_string().as_deref(), Some("2024-07-31"));
}

/// Contract §3: `windows` in law(), one entry per run of days, as the
/// timeline draws them.
#[wasm_bindgen_test]
fn law_lists_its_windows_with_kinds() {
    let law = law(lang("es"), JsValue::UNDEFINED).expect("the default law loads");
    assert_eq!(get(&law, "informationAsOf").as_string().as_deref(), Some("2026-03-17"));
    let windows: Array = get(&law, "windows").dyn_into().expect("`windows` is an array");
    let eight: Vec<(String, String, String)> = windows
        .iter()
        .filter(|w| get(w, "numeral").as_f64() == Some(8.0))
        .map(|w| (get(&w, "from").as_string().unwrap(), get(&w, "to").as_string().unwrap(), get(&w, "kind").as_string().unwrap()))
        .collect();
    let row = |a: &str, b: &str, k: &str| (a.to_string(), b.to_string(), k.to_string());
    assert_eq!(
        eight,
        [row("2016-01-01", "2016-01-04", "margin"), row("2016-01-05", "2021-01-04", "confirmed"), row("2021-01-05", "2021-12-31", "margin")]
    );
}

#[wasm_bindgen_test]
fn request_gives_the_document_its_text_and_its_rtf() {
    let details = JSON::parse(r#"{"name":"Ana {\\rtf1} 😀","filer":"self","city":"Mérida"}"#).unwrap();
    let doc = amnistia::wasm::request(example_case("2024-07-30"), details, JsValue::from_f64(1.0), lang("es")).expect("a request");
    assert_eq!(get(&doc, "type").as_string().as_deref(), Some("request"), "{}", show(&doc));
    assert_eq!(get(&doc, "proceeding").as_f64(), Some(1.0));
    let text = get(&doc, "text").as_string().unwrap_or_default();
    assert!(text.starts_with("BORRADOR") && text.contains("Ana {\\rtf1} 😀") && text.contains("sobreseimiento"), "{text}");
    let rtf = get(&doc, "rtf").as_string().unwrap_or_default();
    assert!(rtf.starts_with("{\\rtf1") && rtf.is_ascii() && rtf.contains("Ana \\{\\u92?rtf1\\} \\u-10179?\\u-8704?"), "{rtf}");
    // No details at all: blank lines.
    let doc = amnistia::wasm::request(example_case("2024-07-30"), JsValue::NULL, JsValue::from_f64(1.0), JsValue::UNDEFINED).expect("a request");
    assert!(get(&doc, "text").as_string().unwrap_or_default().contains("________"));
}

#[wasm_bindgen_test]
fn request_refuses_bad_details_and_proceedings_with_code_and_path() {
    let code_path = |e: JsValue| (get(&e, "code").as_string(), get(&e, "path").as_string());
    let ok_case = || example_case("2024-07-30");
    for n in [JsValue::from_f64(0.0), JsValue::from_f64(2.0), JsValue::from_f64(1.5), JsValue::from_str("1"), JsValue::UNDEFINED] {
        let e = amnistia::wasm::request(ok_case(), JsValue::NULL, n, lang("es")).expect_err("a bad proceeding");
        assert_eq!(code_path(e), (Some("invalid_value".into()), Some("proceeding".into())));
    }
    let e = amnistia::wasm::request(ok_case(), JSON::parse(r#"{"nombre":"A"}"#).unwrap(), JsValue::from_f64(1.0), lang("es")).expect_err("an unknown key");
    assert_eq!(code_path(e), (Some("unknown_field".into()), Some("details.nombre".into())));
    let e = amnistia::wasm::request(ok_case(), js_sys::Map::new().into(), JsValue::from_f64(1.0), lang("es")).expect_err("a Map");
    assert_eq!(code_path(e), (Some("invalid_json".into()), Some("details".into())));
    let e = amnistia::wasm::request(example_case("2024-13-40"), JsValue::NULL, JsValue::from_f64(1.0), lang("es")).expect_err("a bad case");
    assert_eq!(code_path(e), (Some("invalid_date".into()), Some("proceedings[0].factsDate".into())));
    assert!(amnistia::wasm::request(ok_case(), JsValue::NULL, JsValue::from_f64(1.0), lang("es")).is_ok());
}
