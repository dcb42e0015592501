//! Golden documents of the written request (issue 16; contract §5.1):
//! every `tests/requests/*.toml` case, run through `amnistia::request` and
//! checked against what a court-facing document must contain. The
//! expectations are written from the law brief (§5) and the contract,
//! never copied from the program's output.
//!
//! ```toml
//! [[case]]
//! name = "…"
//! input = '''{"proceedings": [...]}'''
//! details = '''{"name": "…"}'''      # optional
//! proceeding = 1                     # optional, counted from 1 (default 1)
//! lang = "en"                        # optional (default Spanish)
//! type = "request"                   # request | commission_letter | none
//! # optional, all text matched in the readable text of the document:
//! contains = ["…"]                   # each must appear
//! excludes = ["…"]                   # none may appear
//! addressee = "…"                    # in the addressee's court line
//! petition = ["…"]                   # each in the petition
//! reason = "…"                       # in the `none` reason
//! questions = ["factsDate"]          # the `none` questions, exactly
//! kinds = ["intro", "facts"]         # paragraph kinds, in this order (others may come between)
//! checklist = ["URDD"]               # each in some checklist item
//! notes = ["…"]                      # each in some note
//! ```

use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    details: Option<String>,
    proceeding: Option<usize>,
    lang: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    excludes: Vec<String>,
    addressee: Option<String>,
    #[serde(default)]
    petition: Vec<String>,
    reason: Option<String>,
    questions: Option<Vec<String>>,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    checklist: Vec<String>,
    #[serde(default)]
    notes: Vec<String>,
}

fn run(c: &Case) -> Result<(), String> {
    let lang = amnistia::Lang::from_code(c.lang.as_deref().unwrap_or("es")).ok_or("bad lang")?;
    let case = amnistia::read_case(c.input.as_bytes()).map_err(|e| format!("input: {e}"))?;
    let details = match &c.details {
        Some(d) => amnistia::request::details_from_text(d).map_err(|e| format!("details: {e}"))?,
        None => Default::default(),
    };
    let docs = amnistia::request::request(&case, &details, Some(c.proceeding.unwrap_or(1)), lang).map_err(|e| format!("request: {e}"))?;
    let doc = &docs[0];
    let json: serde_json::Value = serde_json::from_str(&amnistia::output::to_json(doc)).map_err(|e| e.to_string())?;
    let text = amnistia::request::to_text(&docs);
    let mut errs = Vec::new();
    if json["type"] != c.kind.as_str() {
        errs.push(format!("type: want {}, got {}", c.kind, json["type"]));
    }
    // Every document opens with the draft notice (issue 16).
    let notice = json["notice"].as_str().unwrap_or_default();
    let (draft, advice) = if lang == amnistia::Lang::Es { ("BORRADOR", "No es asesoría legal") } else { ("DRAFT", "not legal advice") };
    if !(notice.contains(draft) && notice.contains(advice) && text.starts_with(notice)) {
        errs.push(format!("the document does not open with the draft notice: {notice:?}"));
    }
    for want in &c.contains {
        if !text.contains(want.as_str()) {
            errs.push(format!("missing {want:?}"));
        }
    }
    for bad in &c.excludes {
        if text.contains(bad.as_str()) {
            errs.push(format!("must not contain {bad:?}"));
        }
    }
    if let Some(a) = &c.addressee {
        let court = json["addressee"]["court"].as_str().unwrap_or_default();
        if !court.contains(a.as_str()) {
            errs.push(format!("addressee: want {a:?} in {court:?}"));
        }
    }
    let petition = json["petition"].as_str().unwrap_or_default();
    for p in &c.petition {
        if !petition.contains(p.as_str()) {
            errs.push(format!("petition: want {p:?} in {petition:?}"));
        }
    }
    if let Some(r) = &c.reason {
        let got = json["reason"].as_str().unwrap_or_default();
        if !got.contains(r.as_str()) {
            errs.push(format!("reason: want {r:?} in {got:?}"));
        }
    }
    if let Some(q) = &c.questions {
        let got: Vec<String> = json["questions"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect();
        if &got != q {
            errs.push(format!("questions: want {q:?}, got {got:?}"));
        }
    }
    let kinds: Vec<&str> = json["paragraphs"].as_array().into_iter().flatten().filter_map(|p| p["kind"].as_str()).collect();
    let mut rest = kinds.iter();
    for k in &c.kinds {
        if !rest.any(|x| x == k) {
            errs.push(format!("paragraph kinds: want {:?} in this order, got {kinds:?}", c.kinds));
            break;
        }
    }
    for (field, wants) in [("checklist", &c.checklist), ("notes", &c.notes)] {
        let items: Vec<&str> = json[field].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
        for w in wants {
            if !items.iter().any(|i| i.contains(w.as_str())) {
                errs.push(format!("{field}: want {w:?} in {items:?}"));
            }
        }
    }
    // A `none` document has no body, and the others have every part.
    if c.kind == "none" {
        if !json["paragraphs"].as_array().is_some_and(|p| p.is_empty()) || !json["petition"].is_null() || json["reason"].is_null() {
            errs.push("a `none` document has a reason and no body".into());
        }
    } else if json["petition"].is_null() || json["signature"].as_array().is_none_or(|s| s.is_empty()) || json["checklist"].as_array().is_none_or(|s| s.is_empty()) {
        errs.push("a document needs its petition, signature and checklist".into());
    }
    // Never a confidence tag in a document for a court.
    for tag in ["(confirmado)", "(discutido)", "(punto discutido)", "; punto confirmado]", "; punto discutido]", "(confirmed)", "(disputed)", "disputed point)"] {
        if text.contains(tag) {
            errs.push(format!("a confidence tag in the document: {tag:?}"));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs.join("\n  ")) }
}

#[test]
fn golden_documents() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/requests");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "toml")).collect();
    files.sort();
    let (mut count, mut failures) = (0, Vec::new());
    for f in &files {
        let parsed: File = toml::from_str(&std::fs::read_to_string(f).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for c in &parsed.case {
            count += 1;
            if let Err(e) = run(c) {
                failures.push(format!("{}: {}\n  {e}", f.file_name().unwrap().to_string_lossy(), c.name));
            }
        }
    }
    assert!(count >= 20, "only {count} golden documents found in {}", dir.display());
    assert!(failures.is_empty(), "{} of {count} golden documents failed:\n{}", failures.len(), failures.join("\n"));
}
