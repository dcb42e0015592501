//! Hostile input (issue "Hardening", item 3), through the native entry
//! points `amnistia::parse::case_from_bytes` and `amnistia::check`: each
//! input gets its documented error code (contract §4; README, "Entradas
//! hostiles"), quickly, without a panic, and never an outcome.
//!
//! The same inputs through the JS API and the page are in
//! `tests/e2e/hardening.test.mjs`.

use amnistia::parse::case_from_bytes;
use amnistia::{Lang, output};
use std::time::{Duration, Instant};

/// Generous for a debug build on a shared machine; a hang is minutes.
const QUICK: Duration = Duration::from_secs(5);

/// The error code for `bytes`, checked through every native entry point.
fn code(bytes: &[u8]) -> String {
    let started = Instant::now();
    let from_bytes = case_from_bytes(bytes);
    let took = started.elapsed();
    assert!(took < QUICK, "took {took:?}");
    let code = match from_bytes {
        Ok(case) => panic!("an outcome for hostile input: {:?}", amnistia::assess(&case, Lang::Es).outcome),
        Err(e) => e.code().code().to_string(),
    };
    // The text entry points agree whenever the bytes are text.
    if let Ok(text) = std::str::from_utf8(bytes) {
        for lang in [Lang::Es, Lang::En] {
            let e = amnistia::check(text, lang).expect_err("check refuses it too");
            assert_eq!(e.code().code(), code, "check() and case_from_bytes() disagree");
            let e = output::check_to_json(text, lang).expect_err("check_to_json refuses it too");
            let body = output::error_json(&e, lang);
            assert!(body.contains(&format!("\"code\": \"{code}\"")), "{body}");
            assert!(!e.message(lang).is_empty());
        }
    }
    code
}

fn path_of(text: &str) -> Option<String> {
    amnistia::check(text, Lang::Es).expect_err("an error").path().map(str::to_string)
}

fn proceeding(members: &str) -> String {
    format!(r#"{{"proceedings": [{{{members}}}]}}"#)
}

#[test]
fn nesting_ten_thousand_levels_deep_is_invalid_json() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let deep = format!("{}1{}", open.repeat(10_000), close.repeat(10_000));
        assert_eq!(code(deep.as_bytes()), "invalid_json");
        // Inside a field of an otherwise good case, too.
        let inside = proceeding(&format!("\"label\": {}1{}", open.repeat(10_000), close.repeat(10_000)));
        assert_eq!(code(inside.as_bytes()), "invalid_json");
    }
    // Unclosed, 100,000 deep (still under 64 KiB... no: 100 KB, so the size limit answers first).
    assert_eq!(code("[".repeat(60_000).as_bytes()), "invalid_json");
    assert_eq!(code("[".repeat(100_000).as_bytes()), "input_too_large");
}

#[test]
fn ten_megabytes_is_refused_before_it_is_read() {
    let mut big = proceeding(&format!("\"label\": \"{}\"", "x".repeat(10 * 1024 * 1024)));
    // Refused by its size, whatever follows (`code` also guards against a
    // hang; speed is the benchmark's business, not a test's).
    assert_eq!(code(big.as_bytes()), "input_too_large");
    // Even when it is not UTF-8 or not JSON at all: size is checked first.
    big.push('\u{0}');
    let mut bytes = big.into_bytes();
    bytes.push(0xff);
    assert_eq!(case_from_bytes(&bytes).unwrap_err().code().code(), "input_too_large");
    assert_eq!(code(&vec![b'['; 10 * 1024 * 1024]), "input_too_large");
}

#[test]
fn the_size_limit_is_64_kib_of_text_exactly() {
    let base = proceeding("");
    let pad = |n: usize| format!("{base}{}", " ".repeat(n - base.len()));
    assert!(case_from_bytes(pad(64 * 1024).as_bytes()).is_ok());
    assert_eq!(code(pad(64 * 1024 + 1).as_bytes()), "input_too_large");
}

#[test]
fn a_very_long_label_is_invalid_value() {
    // 200 characters is the limit, counted as characters, not bytes.
    let ok = proceeding(&format!("\"label\": \"{}\"", "ñ".repeat(200)));
    assert!(case_from_bytes(ok.as_bytes()).is_ok());
    for label in ["a".repeat(201), "ñ".repeat(201), "😀".repeat(201), "x".repeat(60_000)] {
        let text = proceeding(&format!("\"label\": \"{label}\""));
        assert_eq!(code(text.as_bytes()), "invalid_value");
        assert_eq!(path_of(&text).as_deref(), Some("proceedings[0].label"));
    }
    // Over 64 KiB, the size limit answers first.
    let huge = proceeding(&format!("\"label\": \"{}\"", "x".repeat(70_000)));
    assert_eq!(code(huge.as_bytes()), "input_too_large");
}

#[test]
fn invalid_utf8_is_invalid_json() {
    let good = proceeding("\"label\": \"causa\"").into_bytes();
    let at = good.iter().position(|&b| b == b'c').unwrap();
    for bad in [&[0xff][..], &[0xc3], &[0xc3, 0x28], &[0xed, 0xa0, 0x80], &[0xf4, 0x90, 0x80, 0x80], &[0xc0, 0xaf], &[0xfe, 0xff]] {
        let mut bytes = good.clone();
        bytes.splice(at..at, bad.iter().copied());
        assert_eq!(code(&bytes), "invalid_json", "bytes {bad:02x?}");
    }
    // UTF-16 text (with or without its byte-order mark) is not UTF-8.
    let utf16: Vec<u8> = "{\"proceedings\":[{}]}".encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(code(&utf16), "invalid_json");
    assert_eq!(code(&[&[0xff, 0xfe][..], &utf16].concat()), "invalid_json");
}

#[test]
fn a_byte_order_mark_is_invalid_json() {
    let good = proceeding("");
    assert_eq!(code(format!("\u{feff}{good}").as_bytes()), "invalid_json");
    assert_eq!(code(&[&[0xef, 0xbb, 0xbf][..], good.as_bytes()].concat()), "invalid_json");
    // A BOM after leading whitespace, or two of them, is no better.
    assert_eq!(code(format!(" \u{feff}{good}").as_bytes()), "invalid_json");
    assert_eq!(code(format!("\u{feff}\u{feff}{good}").as_bytes()), "invalid_json");
    // U+FEFF inside a string is just a character.
    assert!(case_from_bytes(proceeding("\"label\": \"a\u{feff}b\"").as_bytes()).is_ok());
}

#[test]
fn duplicate_keys_are_invalid_json_at_every_level() {
    for text in [
        r#"{"proceedings": [{}], "proceedings": [{}]}"#.to_string(),
        r#"{"law": null, "law": "enacted-2026-02-19", "proceedings": [{}]}"#.to_string(),
        r#"{"person": {"abroad": true, "abroad": true}, "proceedings": [{}]}"#.to_string(),
        proceeding(r#""event": 12, "event": 12"#),
        proceeding(r#""charges": [], "charges": ["terrorism"]"#),
        // The same key written two ways: an escape is the same key.
        proceeding(r#""event": 12, "\u0065vent": 13"#),
        // Inside a value the format does not even read.
        proceeding(r#""label": {"a": 1, "a": 2}"#),
    ] {
        assert_eq!(code(text.as_bytes()), "invalid_json", "{text}");
    }
}

#[test]
fn numbers_as_strings_are_refused_by_field() {
    assert_eq!(code(proceeding(r#""event": "12""#).as_bytes()), "invalid_event");
    assert_eq!(code(proceeding(r#""event": " 12""#).as_bytes()), "invalid_event");
    assert_eq!(code(proceeding(r#""militaryJustice": "false""#).as_bytes()), "invalid_value");
    assert_eq!(code(proceeding(r#""militaryJustice": 0"#).as_bytes()), "invalid_value");
    assert_eq!(code(proceeding(r#""factsDate": 20240730"#).as_bytes()), "invalid_value");
    assert_eq!(code(proceeding(r#""factsDate": 2024"#).as_bytes()), "invalid_value");
    assert_eq!(code(proceeding(r#""charges": "terrorism""#).as_bytes()), "invalid_value");
    assert_eq!(code(proceeding(r#""charges": [13]"#).as_bytes()), "invalid_value");
    assert_eq!(code(proceeding(r#""phase": 1"#).as_bytes()), "invalid_value");
    assert_eq!(code(r#"{"person": {"abroad": "sí"}, "proceedings": [{}]}"#.as_bytes()), "invalid_value");
    assert_eq!(code(r#"{"law": 2026, "proceedings": [{}]}"#.as_bytes()), "invalid_value");
    assert_eq!(path_of(&proceeding(r#""event": "12""#)).as_deref(), Some("proceedings[0].event"));
}

#[test]
fn nan_and_infinity_are_not_json() {
    for v in ["NaN", "-NaN", "Infinity", "-Infinity", "+1", "nan", "inf", "1e", ".5", "012", "0x0c", "1_2"] {
        assert_eq!(code(proceeding(&format!("\"event\": {v}")).as_bytes()), "invalid_json", "{v}");
    }
}

#[test]
fn huge_and_odd_numbers_never_become_an_event() {
    // From 1e308 up (near the end of f64, and beyond it) the reader refuses
    // the text (the JS object path sees Infinity and says invalid_event
    // instead; both are errors, see the README).
    for v in ["1e400", "-1e400", "1e308", "-1e308", "1.7976931348623157e308", "10e307"] {
        assert_eq!(code(proceeding(&format!("\"event\": {v}")).as_bytes()), "invalid_json", "{v}");
    }
    for v in [
        "99999999999999999999999999999999",
        "18446744073709551628", // 2^64 + 12: must not wrap around to 12
        "4294967308",           // 2^32 + 12
        "268",                  // 256 + 12: must not truncate to a u8 12
        "-12",
        "0",
        "14",
        "12.5",
        "9.99e307",
        "-0",
        "1.2e1000000",
        "5e-324",
    ] {
        let c = code(proceeding(&format!("\"event\": {v}")).as_bytes());
        assert!(c == "invalid_event" || (c == "invalid_json" && v.contains("e1000000")), "{v}: {c}");
    }
    // 12.0 and 1.2e1 are the number 12, as in JS.
    assert!(case_from_bytes(proceeding(r#""event": 12.0"#).as_bytes()).is_ok());
    assert!(case_from_bytes(proceeding(r#""event": 1.2e1"#).as_bytes()).is_ok());
    // A number with thousands of digits is refused quickly: beyond f64, so
    // not JSON the reader can hold (as 1e400); 300 digits is just a big number.
    let digits = "9".repeat(60_000);
    assert_eq!(code(proceeding(&format!("\"event\": {digits}")).as_bytes()), "invalid_json");
    assert_eq!(code(proceeding(&format!("\"event\": {}", "9".repeat(300))).as_bytes()), "invalid_event");
    assert_eq!(code(proceeding(&format!("\"event\": 0.{}1", "0".repeat(60_000))).as_bytes()), "invalid_event");
}

#[test]
fn proto_and_constructor_keys_are_unknown_fields() {
    for (text, path) in [
        (r#"{"__proto__": {}, "proceedings": [{}]}"#.to_string(), "__proto__"),
        (r#"{"constructor": {}, "proceedings": [{}]}"#.to_string(), "constructor"),
        (r#"{"prototype": null, "proceedings": [{}]}"#.to_string(), "prototype"),
        (r#"{"person": {"__proto__": {"abroad": true}}, "proceedings": [{}]}"#.to_string(), "person.__proto__"),
        (proceeding(r#""__proto__": {"event": 12}"#), "proceedings[0].__proto__"),
        (proceeding(r#""constructor": "x""#), "proceedings[0].constructor"),
        (proceeding(r#""hasOwnProperty": 1"#), "proceedings[0].hasOwnProperty"),
    ] {
        assert_eq!(code(text.as_bytes()), "unknown_field", "{text}");
        assert_eq!(path_of(&text).as_deref(), Some(path));
    }
}

#[test]
fn odd_text_is_refused_quickly() {
    let cases: &[(&str, &str)] = &[
        ("", "invalid_json"),
        ("\0", "invalid_json"),
        ("{\"proceedings\": [{\"label\": \"a\u{0}b\"}]}", "invalid_json"), // a raw control character
        ("{\"proceedings\": [{\"label\": \"\\ud800\"}]}", "invalid_json"), // a lone surrogate escape
        ("{\"proceedings\": [{\"label\": \"\\udc00\\ud800\"}]}", "invalid_json"),
        ("{\"proceedings\": [{}]}\u{0}", "invalid_json"),
        ("\u{0}{\"proceedings\": [{}]}", "invalid_json"),
        ("{\"proceedings\": [{}]}\u{2028}", "invalid_json"),
        ("[]", "invalid_value"),
        ("null", "invalid_value"),
        ("\"{\\\"proceedings\\\": [{}]}\"", "invalid_value"), // a case given as a JSON string
        ("{\"proceedings\": {}}", "invalid_value"),
        ("{\"proceedings\": [null]}", "invalid_value"),
        ("{\"proceedings\": [[]]}", "invalid_value"),
        ("{\"proceedings\": []}", "no_proceedings"),
        ("{}", "no_proceedings"),
    ];
    for (text, want) in cases {
        assert_eq!(&code(text.as_bytes()), want, "{text:?}");
    }
    // A lone surrogate in a label: a properly paired one is fine.
    assert!(case_from_bytes(br#"{"proceedings": [{"label": "\ud834\udd1e"}]}"#).is_ok());
}

#[test]
fn many_proceedings_and_many_keys_stay_quick() {
    // 51 proceedings: too many, however small.
    let many = format!("{{\"proceedings\": [{}{{}}]}}", "{},".repeat(50));
    assert_eq!(code(many.as_bytes()), "too_many_proceedings");
    // 60,000 proceedings: refused by count, not by time.
    let lots = format!("{{\"proceedings\": [{}{{}}]}}", "{},".repeat(20_000));
    assert_eq!(code(lots.as_bytes()), "too_many_proceedings");
    // An object with thousands of distinct keys (the duplicate check must not be slow).
    let keys: Vec<String> = (0..6_000).map(|i| format!("\"k{i}\":0")).collect();
    let wide = format!("{{\"proceedings\": [{{}}], \"x\": {{{}}}}}", keys.join(","));
    assert!(wide.len() < 64 * 1024);
    assert_eq!(code(wide.as_bytes()), "unknown_field");
    // Thousands of keys, all different, inside a proceeding.
    let wide = proceeding(&keys.join(","));
    assert_eq!(code(wide.as_bytes()), "unknown_field");
}

#[test]
fn the_largest_valid_case_is_assessed_quickly() {
    // 50 proceedings, every fact unknown or as wide as it can be: the most
    // completions the evaluator can face. It must answer, not hang.
    let p = r#"{"factsDate": "0001", "factsDateEnd": "9999", "label": "x"}"#;
    let text = format!(
        "{{\"law\": \"draft-2026-02-05\", \"proceedings\": [{}]}}",
        [p; 50].join(",")
    );
    for lang in [Lang::Es, Lang::En] {
        let started = Instant::now();
        let a = amnistia::check(&text, lang).expect("a valid case");
        assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
        assert_eq!(a.proceedings.len(), 50);
    }
    let all_unknown = format!("{{\"proceedings\": [{}]}}", ["{}"; 50].join(","));
    let started = Instant::now();
    amnistia::check(&all_unknown, Lang::Es).expect("a valid case");
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
}

#[test]
fn every_error_code_is_reachable_and_documented() {
    // Each code of contract §4 is produced by some input here, so the
    // hardening document's table and the contract cannot drift from the code.
    let samples = [
        ("invalid_json", "{".to_string()),
        ("unknown_field", r#"{"x": 1, "proceedings": [{}]}"#.to_string()),
        ("invalid_date", proceeding(r#""factsDate": "2024-13-40""#)),
        ("invalid_date_range", proceeding(r#""factsDate": "2024-07-30", "factsDateEnd": "2024-07-01""#)),
        ("invalid_event", proceeding(r#""event": 14"#)),
        ("unknown_charge", proceeding(r#""charges": ["robbery"]"#)),
        ("invalid_value", proceeding(r#""phase": "sentencing""#)),
        ("no_proceedings", "{}".to_string()),
        ("too_many_proceedings", format!("{{\"proceedings\": [{}{{}}]}}", "{},".repeat(50))),
        ("input_too_large", format!("{}{}", proceeding(""), " ".repeat(64 * 1024))),
        ("unknown_law", r#"{"law": "enacted-2099-01-01", "proceedings": [{}]}"#.to_string()),
    ];
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/hardening.md")).unwrap();
    for (want, text) in &samples {
        assert_eq!(&code(text.as_bytes()), want);
        assert!(readme.contains(&format!("`{want}`")), "docs/hardening.md does not mention `{want}`");
    }
    let all: Vec<&str> = amnistia::ErrorCode::ALL.iter().map(|c| c.code()).collect();
    let sampled: Vec<&str> = samples.iter().map(|(c, _)| *c).collect();
    assert_eq!(all, sampled, "a new error code needs a sample here and a line in docs/hardening.md");
}
