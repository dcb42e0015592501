//! Builds a well-formed case from structured fuzz input (so most inputs
//! reach the evaluator, not the parser), assesses it, serializes the
//! assessment to JSON, reads that JSON back with serde_json and writes it
//! again: the two texts must be equal. Every proceeding must carry a known
//! outcome, and its articles must be non-empty strings.
#![no_main]

use amnistia::codes::Charge;
use amnistia::model::{Phase, Situation};
use amnistia::{Lang, output, parse};
use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};

const OUTCOMES: &[&str] = &["covered", "not_covered", "uncertain", "needs_information"];
const CASE_OUTCOMES: &[&str] = &["covered", "not_covered", "uncertain", "needs_information", "mixed"];

#[derive(Debug)]
struct Input {
    case: Value,
    lang: Lang,
}

/// `Some(v)` a value, `None` the key left out, or JSON `null` (unknown).
fn maybe<'a>(u: &mut Unstructured<'a>, m: &mut Map<String, Value>, key: &str, v: impl FnOnce(&mut Unstructured<'a>) -> arbitrary::Result<Value>) -> arbitrary::Result<()> {
    match u.int_in_range(0..=3u8)? {
        0 => {}
        1 => {
            m.insert(key.into(), Value::Null);
        }
        _ => {
            let v = v(u)?;
            m.insert(key.into(), v);
        }
    }
    Ok(())
}

/// A date, mostly near the law's windows (1999–2027), at any precision;
/// sometimes one that does not exist, which must be an error, never a panic.
fn date(u: &mut Unstructured) -> arbitrary::Result<Value> {
    let year: u32 = if u.ratio(1, 16)? { u.int_in_range(1..=9999)? } else { u.int_in_range(1999..=2027)? };
    let month: u32 = if u.ratio(1, 32)? { u.int_in_range(0..=13)? } else { u.int_in_range(1..=12)? };
    let day: u32 = if u.ratio(1, 32)? { u.int_in_range(0..=32)? } else { u.int_in_range(1..=28)? };
    Ok(Value::String(match u.int_in_range(0..=5u8)? {
        0 => format!("{year:04}"),
        1 => format!("{year:04}-{month:02}"),
        _ => format!("{year:04}-{month:02}-{day:02}"),
    }))
}

fn proceeding(u: &mut Unstructured) -> arbitrary::Result<Value> {
    let mut m = Map::new();
    maybe(u, &mut m, "label", |u| {
        let s: String = u.arbitrary()?;
        Ok(Value::String(s.chars().take(200).collect()))
    })?;
    maybe(u, &mut m, "factsDate", date)?;
    if u.ratio(1, 3)? {
        maybe(u, &mut m, "factsDateEnd", date)?;
    }
    maybe(u, &mut m, "event", |u| {
        Ok(if u.ratio(1, 8)? { json!("none") } else { json!(u.int_in_range(1..=13u8)?) })
    })?;
    maybe(u, &mut m, "charges", |u| {
        let n = u.int_in_range(0..=4u8)?;
        let mut list = Vec::new();
        for _ in 0..n {
            list.push(json!(u.choose(Charge::ALL)?.code()));
        }
        Ok(Value::Array(list))
    })?;
    maybe(u, &mut m, "phase", |u| Ok(json!(u.choose(Phase::ALL)?.code())))?;
    maybe(u, &mut m, "militaryJustice", |u| Ok(json!(u.arbitrary::<bool>()?)))?;
    // Key order must not matter: shuffle the members.
    let mut members: Vec<_> = m.into_iter().collect();
    for i in (1..members.len()).rev() {
        let j = u.int_in_range(0..=i)?;
        members.swap(i, j);
    }
    Ok(Value::Object(members.into_iter().collect()))
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut c = Map::new();
        maybe(u, &mut c, "law", |u| {
            Ok(json!(*u.choose(&["enacted-2026-02-19", "draft-2026-02-05"])?))
        })?;
        let mut person = Map::new();
        maybe(u, &mut person, "situation", |u| Ok(json!(u.choose(Situation::ALL)?.code())))?;
        maybe(u, &mut person, "abroad", |u| Ok(json!(u.arbitrary::<bool>()?)))?;
        maybe(u, &mut person, "ceasedConduct", |u| Ok(json!(u.arbitrary::<bool>()?)))?;
        if u.arbitrary()? {
            c.insert("person".into(), Value::Object(person));
        }
        let n = u.int_in_range(1..=6u8)?;
        let mut ps = Vec::new();
        for _ in 0..n {
            ps.push(proceeding(u)?);
        }
        c.insert("proceedings".into(), Value::Array(ps));
        let lang = if u.arbitrary()? { Lang::En } else { Lang::Es };
        Ok(Input { case: Value::Object(c), lang })
    }
}

fn check_shape(v: &Value) {
    let outcome = v["outcome"].as_str().expect("outcome is a string");
    assert!(CASE_OUTCOMES.contains(&outcome), "unknown case outcome {outcome}");
    let ps = v["proceedings"].as_array().expect("proceedings is an array");
    assert!(!ps.is_empty());
    for p in ps {
        let o = p["outcome"].as_str().expect("proceeding outcome is a string");
        assert!(OUTCOMES.contains(&o), "unknown outcome {o}");
        for a in p["articles"].as_array().expect("articles is an array") {
            let a = a.as_str().expect("an article is a string");
            assert!(!a.is_empty(), "an empty article");
        }
        if o == "needs_information" {
            assert!(!p["questions"].as_array().expect("questions").is_empty(), "needs_information without questions");
        }
        assert!(!p["summary"].as_str().expect("summary").is_empty(), "empty summary");
    }
}

fuzz_target!(|input: Input| {
    let text = input.case.to_string();
    let case = match parse::case_from_text(&text) {
        Ok(c) => c,
        // Only a non-existent date or a reversed range may be refused.
        Err(e) => {
            let code = e.code().code();
            assert!(matches!(code, "invalid_date" | "invalid_date_range"), "refused a well-formed case: {code} {text}");
            return;
        }
    };
    let a = amnistia::assess(&case, input.lang);
    let json = output::to_json(&a);
    let back: Value = serde_json::from_str(&json).expect("the assessment JSON reads back");
    let again = serde_json::to_string_pretty(&back).expect("writes again");
    assert_eq!(json, again, "the assessment JSON does not round-trip");
    check_shape(&back);
    // The library's own path gives the same text.
    assert_eq!(output::check_to_json(&text, input.lang).expect("checks"), json);
});
