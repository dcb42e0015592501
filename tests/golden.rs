//! Golden cases: every `tests/cases/*.toml` file, run through
//! `amnistia::check` and compared with expectations derived from the
//! contract (`case-format.md`), never copied from the program's output.
//!
//! Each case is a test of its own (libtest-mimic; `harness = false` in
//! Cargo.toml), named `file::case name`, e.g.
//! `cargo test --test golden -- numerals::` or `-- "numeral 12"`. A file
//! that does not parse, or a case name used twice, is a failing test; a walk
//! that finds fewer than `MIN_CASES` cases fails the run, whatever the filter.
//!
//! Each file holds `[[case]]` tables:
//!
//! ```toml
//! [[case]]
//! name = "Acts on 30 July 2024 tied to numeral 12 are covered"
//! input = '''{"proceedings": [...]}'''
//! # One of:
//! outcome = "covered"            # top-level outcome
//! numerals = [12]                # single proceeding: all three required
//! articles = ["8.12", "9", "7"]
//! questions = []
//! # or, for several proceedings:
//! # proceedings = [{ outcome = "covered", numerals = [12], articles = [...], questions = [] }, ...]
//! # or the same expectation for each of `proceeding_count` proceedings:
//! # each_proceeding = { outcome = ..., numerals = ..., articles = ..., questions = ... }
//! # or bad input:
//! # error = { code = "invalid_date", path = "proceedings[0].factsDate" }   # path omitted at the root
//! ```
//!
//! Optional keys:
//!
//! - `lang = "en"` (default Spanish);
//! - `summary_contains`: text the first proceeding's summary must contain;
//! - `explanation_kinds`: step kinds that must appear, in this order, in the
//!   first proceeding's explanation (other steps may come between them);
//! - `notice_contains`: text the law notice must contain;
//! - `steps_contain`, `steps_exclude`: texts that some step of the first
//!   proceeding must contain, and texts that no step may contain;
//! - `reason_contains`: text the first proceeding's `reason` must contain;
//! - `warning_contains`: text the top-level `warning` (a `mixed` result's)
//!   must contain;
//! - `readings = true|false`: whether the first proceeding shows both the
//!   favourable and the strict reading (contract §2: `uncertain`);
//! - `next_steps_include`, `next_steps_exclude`: ids of next steps (from the
//!   rules data's `[[procedure]]`) that the first proceeding must, or must
//!   not, list;
//! - `next_steps_contain`: text that some next step of the first proceeding
//!   must contain;
//! - `first_next_steps`: the ids of the first proceeding's first next steps,
//!   in this order (they come ordered by `priority`, 1 first);
//! - `step_effects = { ceasedConduct = "note" }`: the effect of the step of
//!   each named kind in the first proceeding's explanation;
//! - `step_confidences = { eventLink = "disputed" }`: the confidence of the
//!   step of each named kind in the first proceeding's explanation;
//! - `label`, in a `proceedings` entry: the label echoed back;
//! - `expand = [{ marker = "@@", text = "{},", times = 50 }]`: replaces the
//!   marker in `input` with `text` repeated, for inputs too long to write out;
//! - `pad_to_bytes = N`: appends spaces to `input` until it is N bytes long;
//! - `fixme = "reason"` with `current = { ... }` (same keys as the
//!   expectation): a known disagreement between the implementation and the
//!   contract. The runner then asserts the current output, so the suite
//!   stays green and notices when the behaviour changes. Such a test is
//!   listed as `[fixme]`.
//!
//! A new optional key is a field of `Case` and one block in `check_extras`
//! (for text, one call of `contains`).

use libtest_mimic::{Arguments, Trial};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A broken walk (wrong folder, wrong extension, a file that parses to no
/// cases) must not pass silently.
const MIN_CASES: usize = 80;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    lang: Option<String>,
    #[serde(default)]
    expand: Vec<Expand>,
    pad_to_bytes: Option<usize>,

    outcome: Option<String>,
    numerals: Option<Vec<u8>>,
    articles: Option<Vec<String>>,
    questions: Option<Vec<String>>,
    proceedings: Option<Vec<ProceedingExpect>>,
    each_proceeding: Option<ProceedingExpect>,
    proceeding_count: Option<usize>,
    error: Option<ErrorExpect>,

    summary_contains: Option<String>,
    explanation_kinds: Option<Vec<String>>,
    notice_contains: Option<String>,
    readings: Option<bool>,
    next_steps_include: Option<Vec<String>>,
    next_steps_exclude: Option<Vec<String>>,
    next_steps_contain: Option<String>,
    first_next_steps: Option<Vec<String>>,
    step_effects: Option<std::collections::BTreeMap<String, String>>,
    step_confidences: Option<std::collections::BTreeMap<String, String>>,
    steps_contain: Option<Vec<String>>,
    steps_exclude: Option<Vec<String>>,
    reason_contains: Option<String>,
    warning_contains: Option<String>,

    fixme: Option<String>,
    current: Option<Expect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expand {
    marker: String,
    text: String,
    times: usize,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
struct ProceedingExpect {
    outcome: String,
    numerals: Vec<u8>,
    articles: Vec<String>,
    questions: Vec<String>,
    label: Option<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
struct ErrorExpect {
    code: String,
    path: Option<String>,
}

/// The comparable part of an expectation (also the shape of `current`).
#[derive(Deserialize, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
struct Expect {
    outcome: Option<String>,
    numerals: Option<Vec<u8>>,
    articles: Option<Vec<String>>,
    questions: Option<Vec<String>>,
    proceedings: Option<Vec<ProceedingExpect>>,
    each_proceeding: Option<ProceedingExpect>,
    proceeding_count: Option<usize>,
    error: Option<ErrorExpect>,
}

impl Case {
    fn expect(&self) -> Expect {
        Expect {
            outcome: self.outcome.clone(),
            numerals: self.numerals.clone(),
            articles: self.articles.clone(),
            questions: self.questions.clone(),
            proceedings: self.proceedings.clone(),
            each_proceeding: self.each_proceeding.clone(),
            proceeding_count: self.proceeding_count,
            error: self.error.clone(),
        }
    }

    fn text(&self) -> Result<String, String> {
        let mut text = self.input.clone();
        for e in &self.expand {
            if !text.contains(&e.marker) {
                return Err(format!("expand marker {:?} is not in the input", e.marker));
            }
            text = text.replace(&e.marker, &e.text.repeat(e.times));
        }
        if let Some(n) = self.pad_to_bytes {
            if text.len() > n {
                return Err(format!("input is already {} bytes, more than pad_to_bytes = {n}", text.len()));
            }
            let pad = n - text.len();
            text.push_str(&" ".repeat(pad));
        }
        Ok(text)
    }
}

/// What one run produced, reduced to the fields the contract fixes.
enum Actual {
    Error { code: String, path: Option<String> },
    Assessment(Value),
}

impl Actual {
    fn show(&self) -> String {
        match self {
            Actual::Error { code, path } => match path {
                Some(p) => format!("error {{ code = {code:?}, path = {p:?} }}"),
                None => format!("error {{ code = {code:?} }} (no path)"),
            },
            Actual::Assessment(v) => {
                let mut s = format!("outcome = {}", v["outcome"]);
                for (i, p) in v["proceedings"].as_array().into_iter().flatten().enumerate() {
                    let _ = write!(
                        s,
                        "\n      proceedings[{i}]: outcome = {}, numerals = {}, articles = {}, questions = {}",
                        p["outcome"], p["numerals"], p["articles"], p["questions"]
                    );
                    if !p["label"].is_null() {
                        let _ = write!(s, ", label = {}", p["label"]);
                    }
                }
                s
            }
        }
    }
}

fn show_expect(e: &Expect) -> String {
    if let Some(err) = &e.error {
        return match &err.path {
            Some(p) => format!("error {{ code = {:?}, path = {p:?} }}", err.code),
            None => format!("error {{ code = {:?} }} (no path)", err.code),
        };
    }
    let mut s = format!("outcome = {:?}", e.outcome.as_deref().unwrap_or("?"));
    if let Some(ps) = &e.proceedings {
        for (i, p) in ps.iter().enumerate() {
            let _ = write!(s, "\n      proceedings[{i}]: {}", show_proceeding(p));
        }
    } else if let Some(p) = &e.each_proceeding {
        let _ = write!(s, "\n      each of {:?} proceedings: {}", e.proceeding_count, show_proceeding(p));
    } else {
        let _ = write!(
            s,
            "\n      proceedings[0]: numerals = {:?}, articles = {:?}, questions = {:?}",
            e.numerals.as_deref().unwrap_or_default(),
            e.articles.as_deref().unwrap_or_default(),
            e.questions.as_deref().unwrap_or_default()
        );
    }
    s
}

fn show_proceeding(p: &ProceedingExpect) -> String {
    let mut s = format!(
        "outcome = {:?}, numerals = {:?}, articles = {:?}, questions = {:?}",
        p.outcome, p.numerals, p.articles, p.questions
    );
    if let Some(l) = &p.label {
        let _ = write!(s, ", label = {l:?}");
    }
    s
}

fn proceeding_value(p: &ProceedingExpect) -> Value {
    json!({
        "outcome": p.outcome,
        "numerals": p.numerals,
        "articles": p.articles,
        "questions": p.questions,
    })
}

fn actual_proceeding(p: &Value) -> Value {
    json!({
        "outcome": p["outcome"],
        "numerals": p["numerals"],
        "articles": p["articles"],
        "questions": p["questions"],
    })
}

/// Checks the shape of an expectation; `Err` names what is wrong with the
/// case file itself.
fn well_formed(e: &Expect) -> Result<(), String> {
    let has_single = e.numerals.is_some() || e.articles.is_some() || e.questions.is_some();
    if e.error.is_some() {
        if e.outcome.is_some() || has_single || e.proceedings.is_some() || e.each_proceeding.is_some() {
            return Err("`error` cannot be combined with outcome expectations".into());
        }
        return Ok(());
    }
    if e.outcome.is_none() {
        return Err("needs `outcome` or `error`".into());
    }
    let forms = [has_single, e.proceedings.is_some(), e.each_proceeding.is_some()];
    if forms.iter().filter(|f| **f).count() != 1 {
        return Err("needs exactly one of numerals/articles/questions, `proceedings`, `each_proceeding`".into());
    }
    if has_single && (e.numerals.is_none() || e.articles.is_none() || e.questions.is_none()) {
        return Err("a single-proceeding case needs all of `numerals`, `articles` and `questions`".into());
    }
    if e.each_proceeding.is_some() != e.proceeding_count.is_some() {
        return Err("`each_proceeding` and `proceeding_count` go together".into());
    }
    Ok(())
}

/// Compares an expectation with the actual result; `Some(reason)` on a
/// mismatch.
fn compare(e: &Expect, actual: &Actual) -> Option<String> {
    match (actual, &e.error) {
        (Actual::Error { code, path }, Some(err)) => {
            if *code != err.code || *path != err.path {
                return Some("the error differs".into());
            }
            None
        }
        (Actual::Error { .. }, None) => Some("expected an assessment, got an error".into()),
        (Actual::Assessment(_), Some(_)) => Some("expected an error, got an assessment".into()),
        (Actual::Assessment(v), None) => {
            if v["outcome"] != json!(e.outcome) {
                return Some("the top-level outcome differs".into());
            }
            let got: Vec<Value> =
                v["proceedings"].as_array().map(|a| a.iter().map(actual_proceeding).collect()).unwrap_or_default();
            let want: Vec<(Value, Option<&String>)> = if let Some(ps) = &e.proceedings {
                ps.iter().map(|p| (proceeding_value(p), p.label.as_ref())).collect()
            } else if let Some(p) = &e.each_proceeding {
                vec![(proceeding_value(p), p.label.as_ref()); e.proceeding_count.unwrap_or(0)]
            } else {
                vec![(
                    json!({
                        "outcome": e.outcome,
                        "numerals": e.numerals,
                        "articles": e.articles,
                        "questions": e.questions,
                    }),
                    None,
                )]
            };
            if got.len() != want.len() {
                return Some(format!("expected {} proceeding(s), got {}", want.len(), got.len()));
            }
            for (i, ((w, label), g)) in want.iter().zip(&got).enumerate() {
                if w != g {
                    return Some(format!("proceedings[{i}] differs"));
                }
                if let Some(l) = label {
                    if v["proceedings"][i]["label"] != json!(l) {
                        return Some(format!("proceedings[{i}] label differs"));
                    }
                }
            }
            None
        }
    }
}

/// The optional checks on the explanation. Each optional key is a field of
/// `Case` and one block here; `assessment()` gives the result (and its first
/// proceeding) or fails the check when the case's input gave an error.
fn check_extras(c: &Case, actual: &Actual) -> Result<(), String> {
    let assessment = || match actual {
        Actual::Assessment(v) => Ok((v, &v["proceedings"][0])),
        Actual::Error { .. } => Err("explanation checks need an assessment, got an error".to_string()),
    };
    if let Some(s) = &c.summary_contains {
        let (_, p) = assessment()?;
        contains("summary", &p["summary"], s)?;
    }
    if let Some(kinds) = &c.explanation_kinds {
        let (_, p) = assessment()?;
        let got: Vec<&str> =
            p["explanation"].as_array().into_iter().flatten().filter_map(|s| s["kind"].as_str()).collect();
        let mut rest = got.iter();
        for k in kinds {
            if !rest.any(|g| g == k) {
                return Err(format!("explanation kinds {got:?} do not contain {kinds:?} in order"));
            }
        }
    }
    if let Some(s) = &c.notice_contains {
        let (v, _) = assessment()?;
        contains("law notice", &v["law"]["notice"], s)?;
    }
    if let Some(want) = c.readings {
        let (_, p) = assessment()?;
        let got = !p["favourableReading"].is_null() && !p["strictReading"].is_null();
        if got != want {
            return Err(format!(
                "readings: expected both readings {}, got favourableReading = {}, strictReading = {}",
                if want { "present" } else { "absent" },
                p["favourableReading"],
                p["strictReading"]
            ));
        }
    }
    if let Some(ids) = &c.next_steps_include {
        let (_, p) = assessment()?;
        let got = next_step_ids(p);
        if let Some(id) = ids.iter().find(|id| !got.contains(&id.as_str())) {
            return Err(format!("next steps {got:?} do not include {id:?}"));
        }
    }
    if let Some(ids) = &c.next_steps_exclude {
        let (_, p) = assessment()?;
        let got = next_step_ids(p);
        if let Some(id) = ids.iter().find(|id| got.contains(&id.as_str())) {
            return Err(format!("next steps {got:?} include {id:?}"));
        }
    }
    if let Some(effects) = &c.step_effects {
        let (_, p) = assessment()?;
        for (kind, want) in effects {
            let steps = p["explanation"].as_array().into_iter().flatten();
            let got: Vec<&str> =
                steps.filter(|s| s["kind"] == json!(kind)).filter_map(|s| s["effect"].as_str()).collect();
            if got != [want.as_str()] {
                return Err(format!("expected one {kind:?} step with effect {want:?}, got {got:?}"));
            }
        }
    }
    if let Some(confidences) = &c.step_confidences {
        let (_, p) = assessment()?;
        for (kind, want) in confidences {
            let steps = p["explanation"].as_array().into_iter().flatten();
            let got: Vec<&str> =
                steps.filter(|s| s["kind"] == json!(kind)).filter_map(|s| s["confidence"].as_str()).collect();
            if got != [want.as_str()] {
                return Err(format!("expected one {kind:?} step with confidence {want:?}, got {got:?}"));
            }
        }
    }
    if let Some(want) = &c.next_steps_contain {
        let (_, p) = assessment()?;
        let texts: Vec<&str> = p["nextSteps"].as_array().into_iter().flatten().filter_map(|s| s["text"].as_str()).collect();
        if !texts.iter().any(|t| t.contains(want.as_str())) {
            return Err(format!("no next step contains {want:?}; next steps: {texts:?}"));
        }
    }
    if let Some(want) = &c.first_next_steps {
        let (_, p) = assessment()?;
        let step_ids = next_step_ids(p);
        let priorities: Vec<u64> = p["nextSteps"].as_array().into_iter().flatten().filter_map(|s| s["priority"].as_u64()).collect();
        if priorities != (1..=step_ids.len() as u64).collect::<Vec<_>>() {
            return Err(format!("next steps {step_ids:?} are not ranked 1, 2, 3… in order: {priorities:?}"));
        }
        if step_ids.len() < want.len() || step_ids[..want.len()] != want.iter().map(String::as_str).collect::<Vec<_>>()[..] {
            return Err(format!("the first next steps {step_ids:?} do not start with {want:?}"));
        }
    }
    if c.steps_contain.is_some() || c.steps_exclude.is_some() {
        let (_, p) = assessment()?;
        let steps: Vec<&str> = p["explanation"].as_array().into_iter().flatten().filter_map(|s| s["text"].as_str()).collect();
        for want in c.steps_contain.iter().flatten() {
            if !steps.iter().any(|s| s.contains(want.as_str())) {
                return Err(format!("no step contains {want:?}; steps: {steps:#?}"));
            }
        }
        for bad in c.steps_exclude.iter().flatten() {
            if let Some(s) = steps.iter().find(|s| s.contains(bad.as_str())) {
                return Err(format!("a step contains {bad:?}: {s:?}"));
            }
        }
    }
    if let Some(want) = &c.reason_contains {
        let (_, p) = assessment()?;
        contains("reason", &p["reason"], want)?;
    }
    if let Some(want) = &c.warning_contains {
        let (v, _) = assessment()?;
        contains("warning", &v["warning"], want)?;
    }
    Ok(())
}

/// For the `*_contains` keys: the text at `value` (missing counts as empty)
/// must contain `want`.
fn contains(what: &str, value: &Value, want: &str) -> Result<(), String> {
    let text = value.as_str().unwrap_or("");
    if text.contains(want) { Ok(()) } else { Err(format!("{what} does not contain {want:?}; {what}: {text:?}")) }
}

fn next_step_ids(p: &Value) -> Vec<&str> {
    p["nextSteps"].as_array().into_iter().flatten().filter_map(|s| s["id"].as_str()).collect()
}

fn run(c: &Case, text: &str) -> Result<Actual, String> {
    let lang = match c.lang.as_deref() {
        None => amnistia::Lang::Es,
        Some(code) => amnistia::Lang::from_code(code).ok_or_else(|| format!("unknown lang {code:?}"))?,
    };
    Ok(match amnistia::check(text, lang) {
        // Every output is read back: JSON the program writes must be JSON.
        Ok(a) => Actual::Assessment(
            serde_json::from_str(&amnistia::output::to_json(&a))
                .map_err(|e| format!("written JSON does not read back: {e}"))?,
        ),
        Err(err) => Actual::Error { code: err.code().code().to_string(), path: err.path().map(str::to_string) },
    })
}

/// One golden case, start to end; `Err` says why it fails.
fn check_case(c: &Case) -> Result<(), String> {
    let contract = c.expect();
    well_formed(&contract).map_err(|why| format!("malformed case: {why}"))?;
    let text = c.text().map_err(|why| format!("malformed case: {why}"))?;
    let actual = run(c, &text)?;
    match (&c.fixme, &c.current) {
        (None, None) => {
            if let Some(why) = compare(&contract, &actual) {
                return Err(format!(
                    "{why}\n    expected: {}\n    actual:   {}",
                    show_expect(&contract),
                    actual.show()
                ));
            }
        }
        (Some(reason), Some(current)) => {
            well_formed(current).map_err(|why| format!("malformed `current`: {why}"))?;
            if let Some(why) = compare(current, &actual) {
                let now_ok = compare(&contract, &actual).is_none();
                return Err(format!(
                    "fixme case changed behaviour ({why}){}\n    fixme:    {reason}\n    contract: {}\n    recorded: {}\n    actual:   {}",
                    if now_ok { "; it now matches the contract: remove `fixme` and `current`" } else { "" },
                    show_expect(&contract),
                    show_expect(current),
                    actual.show()
                ));
            }
        }
        _ => return Err("`fixme` and `current` go together".into()),
    }
    check_extras(c, &actual)
}

fn case_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// A test that only fails, for a problem with the case files themselves.
fn broken(name: String, why: String) -> Trial {
    Trial::test(name, move || Err(why.into()))
}

/// Every case of every file as a test of its own, named `file::case name`;
/// plus a failing test for each file that does not read as a case file and
/// each case name used twice. `Err` when the walk finds too few cases.
fn trials() -> Result<Vec<Trial>, String> {
    let files = case_files();
    let mut trials = Vec::new();
    let mut total = 0usize;
    let mut unreadable = Vec::new();
    // Case names are unique across all files, so a name alone finds its case.
    let mut names: HashMap<String, String> = HashMap::new();
    for path in &files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let parsed = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read it: {e}"))
            .and_then(|source| toml::from_str::<CaseFile>(&source).map_err(|e| format!("not a case file: {e}")));
        let parsed = match parsed {
            Ok(f) => f,
            Err(why) => {
                unreadable.push(format!("{file}: {why}"));
                trials.push(broken(format!("{stem}::(file)"), format!("{file}: {why}")));
                continue;
            }
        };
        if parsed.case.is_empty() {
            trials.push(broken(format!("{stem}::(file)"), format!("{file} has no [[case]] entries")));
        }
        for c in parsed.case {
            total += 1;
            let name = format!("{stem}::{}", c.name);
            if let Some(other) = names.insert(c.name.clone(), file.clone()) {
                let why = format!("{file}: case name {:?} is also used in {other}", c.name);
                trials.push(broken(format!("{name} (again, case {total})"), why));
                continue;
            }
            let kind = if c.fixme.is_some() { "fixme" } else { "" };
            trials.push(Trial::test(name, move || check_case(&c).map_err(Into::into)).with_kind(kind));
        }
    }
    if total < MIN_CASES {
        return Err(format!(
            "only {total} golden cases found in {} file(s) under tests/cases (at least {MIN_CASES} expected): is the walk broken?{}",
            files.len(),
            unreadable.iter().map(|u| format!("\n  {u}")).collect::<String>()
        ));
    }
    Ok(trials)
}

fn main() {
    let args = Arguments::from_args();
    let trials = trials().unwrap_or_else(|why| {
        // Whatever the filter: a run that finds too few cases checks nothing.
        eprintln!("error: {why}");
        std::process::exit(101);
    });
    libtest_mimic::run(&args, trials).exit();
}
