//! Hostile details and labels in the written request (issue 16): markup,
//! RTF control words, backslashes, emoji and 10,000-character names come
//! out as the same characters in the JSON, the text and the RTF, never as
//! markup. The RTF is read back with an independent parser, PyPI's
//! `striprtf` (tests/rtf_readback.py; scripts/setup.sh installs it), and
//! its text must equal the document's readable text.

use amnistia::request::{self, Details, Filer};
use std::process::Command;

const HOSTILE: &[&str] = &[
    "{\\rtf1 \\par}",
    "}}}{\\b pwned}\\par\\page{",
    "\\\\servidor\\compartido\\u233?",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "María José Núñez 😀 👨‍👩‍👧 \u{202e}abc",
    "\\'e9 \\u-10179? \\line \\tab",
];

fn case(label: &str, charges: &str) -> amnistia::Case {
    let label = serde_json::to_string(label).unwrap();
    let text = format!(
        r#"{{"person":{{"abroad":true,"ceasedConduct":true}},"proceedings":[{{"label":{label},"factsDate":"2024-07-30","event":12,"charges":{charges},"phase":"control","militaryJustice":false}}]}}"#
    );
    amnistia::read_case(text.as_bytes()).unwrap()
}

fn details(v: &str) -> Details {
    Details {
        name: Some(v.to_string()),
        id_number: Some(v.to_string()),
        filer: Some(Filer::Lawyer),
        filer_name: Some(v.to_string()),
        court: Some(v.to_string()),
        case_number: Some(v.to_string()),
        city: Some(v.to_string()),
    }
}

/// What the text and the RTF share: everything but whitespace (the RTF's
/// paragraphs, lines and tabs are the text's newlines and spaces).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn readback(rtfs: &[String]) -> Vec<String> {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("amnistia-rtf-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<_> = rtfs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = dir.join(format!("{i}.rtf"));
            std::fs::write(&p, r).unwrap();
            p
        })
        .collect();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/rtf_readback.py");
    let out = Command::new("python3").arg(script).args(&paths).output().expect("python3 runs (scripts/setup.sh)");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "the RTF reader failed (is striprtf installed? run scripts/setup.sh):\n{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn hostile_details_and_labels_read_back_as_themselves() {
    let long = "Ñ".repeat(5_000) + &"x".repeat(4_999) + "}";
    let mut values: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    values.push(long);
    let mut rtfs = Vec::new();
    let mut texts = Vec::new();
    for v in &values {
        // Labels are at most 200 characters (contract §1).
        let label: String = v.chars().take(200).collect();
        for charges in [r#"["terrorism"]"#, r#"["intentional_homicide"]"#] {
            for lang in [amnistia::Lang::Es, amnistia::Lang::En] {
                let docs = request::request(&case(&label, charges), &details(v), None, lang).unwrap();
                let text = request::to_text(&docs);
                let rtf = amnistia::rtf::to_rtf(&docs);
                assert!(rtf.is_ascii() && rtf.starts_with("{\\rtf1"), "RTF must be 7-bit ASCII");
                assert!(text.contains(v.as_str()) && text.contains(label.as_str()), "the text keeps the value as given");
                // The JSON gives the same characters back.
                let json: serde_json::Value = serde_json::from_str(&amnistia::output::to_json(&docs)).unwrap();
                let enc = serde_json::to_string(v).unwrap();
                assert!(json.to_string().contains(&enc[1..enc.len() - 1]), "the JSON keeps the value as given");
                rtfs.push(rtf);
                texts.push(text);
            }
        }
    }
    let back = readback(&rtfs);
    assert_eq!(back.len(), texts.len());
    for (got, want) in back.iter().zip(&texts) {
        assert_eq!(squeeze(got), squeeze(want), "the RTF read back is not the document's text");
    }
}

#[test]
fn a_plain_document_reads_back_too() {
    let c = amnistia::read_case(br#"{"proceedings":[{"factsDate":"2024-07-30","event":12,"charges":["terrorism"],"phase":"control","militaryJustice":false}],"person":{"ceasedConduct":true}}"#).unwrap();
    let docs = request::request(&c, &Details::default(), Some(1), amnistia::Lang::Es).unwrap();
    let back = readback(&[amnistia::rtf::to_rtf(&docs)]);
    assert_eq!(squeeze(&back[0]), squeeze(&request::to_text(&docs)));
    assert!(back[0].contains("artículo 8, numeral 12"));
}

#[test]
fn details_are_read_strictly() {
    let code = |t: &str| request::details_from_text(t).err().map(|e| (e.code().code(), e.path().map(String::from)));
    assert_eq!(code(r#"{"name":"A","filer":"self"}"#), None);
    assert_eq!(code("null"), None);
    assert_eq!(code(r#"{"nombre":"A"}"#), Some(("unknown_field", Some("details.nombre".into()))));
    assert_eq!(code(r#"{"__proto__":"A"}"#), Some(("unknown_field", Some("details.__proto__".into()))));
    assert_eq!(code(r#"{"filer":"mother"}"#), Some(("invalid_value", Some("details.filer".into()))));
    assert_eq!(code(r#"{"name":12}"#), Some(("invalid_value", Some("details.name".into()))));
    assert_eq!(code(r#"["name"]"#), Some(("invalid_value", Some("details".into()))));
    assert_eq!(code("{"), Some(("invalid_json", Some("details".into()))));
    assert_eq!(code(r#"{"name":"a","name":"b"}"#), Some(("invalid_json", Some("details".into()))));
    let big = format!(r#"{{"name":"{}"}}"#, "x".repeat(70_000));
    assert_eq!(code(&big), Some(("input_too_large", Some("details".into()))));
    // Blank is not given: a line to fill in by hand.
    assert_eq!(request::details_from_text(r#"{"name":"   "}"#).unwrap().name, None);
}

#[test]
fn proceedings_count_from_one() {
    let c = amnistia::read_case(br#"{"proceedings":[{},{}]}"#).unwrap();
    for n in [0, 3, usize::MAX] {
        let e = request::request(&c, &Details::default(), Some(n), amnistia::Lang::Es).unwrap_err();
        assert_eq!((e.code().code(), e.path()), ("invalid_value", Some("proceeding")));
    }
    assert_eq!(request::request(&c, &Details::default(), None, amnistia::Lang::Es).unwrap().len(), 2);
    assert_eq!(request::request(&c, &Details::default(), Some(2), amnistia::Lang::Es).unwrap()[0].proceeding, 2);
}
