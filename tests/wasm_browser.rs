//! The wasm API (`amnistia::wasm`: evaluate, law, version) in headless Chromium, through
//! wasm-bindgen-test-runner and chromedriver (see scripts/test.sh):
//!   cargo test --target wasm32-unknown-unknown --test wasm_browser
#![cfg(target_arch = "wasm32")]

use amnistia::wasm::{evaluate, law, version};
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
