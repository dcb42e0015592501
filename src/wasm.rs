//! The JavaScript boundary: the only module that knows about JS.
//!
//! It converts, and does nothing else: a JS value or JSON text in, plain JS
//! objects out (arrays and objects, never `Map`s). Bad input becomes a real
//! `Error` whose `code` and `path` properties carry the stable error code of
//! contract §4 and where it was found. No eligibility logic lives here.

use crate::{Lang, error::Error, info, json, law, parse};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_API: &'static str = r#"
/** Assesses a case (an object, or its JSON text). Throws an Error with
 *  `code` (contract §4) and `path` on bad input. */
export function evaluate(case_: object | string, lang?: "es" | "en"): Assessment;
/** Metadata the page builds its lists from, for one law version. */
export function law(lang?: "es" | "en", lawId?: string): LawInfo;
/** The crate version and each law version's rules hash. */
export function version(): string;
/** Screens CSV rows (one proceeding each) against the header line; returns
 *  { rows: Row[], csv: string }. firstLine numbers the rows in the file. */
export function screenCsv(header: string, rows: string, firstLine: number, lang?: "es" | "en"): object;
/** Screens JSONL lines (one case each), as screenCsv. */
export function screenJsonl(lines: string, firstLine: number, lang?: "es" | "en"): object;
/** [results CSV header, input CSV columns]. */
export function screenColumns(): [string, string[]];
"#;

// Every parameter arrives as a `JsValue` and is checked here: a number or
// an object where text belongs must give a coded error, never a bad
// pointer in the generated glue.

fn text_arg(v: &JsValue, name: &str) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| js_error("invalid_value", &format!("{name} must be a string"), Some(name)))
}

fn optional_text(v: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    if v.is_undefined() || v.is_null() { Ok(None) } else { text_arg(v, name).map(Some) }
}

fn lang_of(lang: &JsValue) -> Result<Lang, JsValue> {
    match optional_text(lang, "lang")?.as_deref() {
        None | Some("") => Ok(Lang::Es),
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            js_error("invalid_value", "lang must be \"es\" or \"en\"", Some("lang"))
        }),
    }
}

fn line_arg(v: &JsValue) -> Result<usize, JsValue> {
    match v.as_f64() {
        Some(n) if n.fract() == 0.0 && (1.0..=1e9).contains(&n) => Ok(n as usize),
        _ => Err(js_error("invalid_value", "firstLine must be a whole number from 1", Some("firstLine"))),
    }
}

/// Reads a case given as a JS object. `JSON.stringify` first probes it in
/// a call that catches, so that a getter or a Proxy trap that throws gives a
/// coded error before the walk below can meet it (an exception unwinding
/// through wasm frames would leave the module broken). A `TypeError` is
/// what a BigInt or a cycle gives there; the walk reads those safely.
fn case_from_object(case: JsValue) -> Result<crate::Case, crate::Error> {
    use crate::ErrorCode;
    if let Err(e) = js_sys::JSON::stringify(&case) {
        if !e.is_instance_of::<js_sys::TypeError>() {
            let code = if e.is_instance_of::<js_sys::RangeError>() { ErrorCode::InvalidJson } else { ErrorCode::InvalidValue };
            return Err(crate::Error::at_root(code));
        }
    }
    json::from_values(serde_wasm_bindgen::Deserializer::from(case))
        .map_err(parse::tree_error)
        .and_then(parse::case_from_tree)
}

fn js_error(code: &str, message: &str, path: Option<&str>) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name("AmnistiaError");
    let o: &JsValue = e.as_ref();
    let _ = js_sys::Reflect::set(o, &"code".into(), &code.into());
    let path = path.map_or(JsValue::NULL, JsValue::from);
    let _ = js_sys::Reflect::set(o, &"path".into(), &path);
    e.into()
}

fn to_js_error(e: &Error, lang: Lang) -> JsValue {
    js_error(e.code().as_str(), &e.message(lang), e.path())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| js_error("internal", "the result could not be converted", None))
}

/// Assesses a case given as a JS object or as JSON text.
#[wasm_bindgen]
pub fn evaluate(case: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang)?;
    let parsed = match case.as_string() {
        Some(text) => parse::case_from_text(&text),
        None => case_from_object(case),
    };
    match parsed {
        Ok(case) => to_js(&crate::assess(&case, lang)),
        Err(e) => Err(to_js_error(&e, lang)),
    }
}

/// Assesses a case given as JSON text and returns the assessment as JSON
/// text, exactly as the command line prints it.
#[wasm_bindgen(js_name = evaluateJson)]
pub fn evaluate_json(text: JsValue, lang: JsValue) -> Result<String, JsValue> {
    let lang = lang_of(&lang)?;
    let text = text_arg(&text, "text")?;
    crate::output::check_to_json(&text, lang).map_err(|e| to_js_error(&e, lang))
}

/// Metadata for the page: articles, events, charges, questions, labels.
#[wasm_bindgen]
pub fn law(lang: JsValue, law_id: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang)?;
    let l = match optional_text(&law_id, "lawId")?.as_deref() {
        None | Some("") => law::DEFAULT_LAW,
        Some(id) => law::by_id(id).ok_or_else(|| {
            let e = Error::new(crate::ErrorCode::UnknownLaw, "law");
            to_js_error(&e, lang)
        })?,
    };
    to_js(&info::law_info(l, lang))
}

/// `amnistia 0.1.0; enacted-2026-02-19 sha256:…; draft-2026-02-05 sha256:…`
#[wasm_bindgen]
pub fn version() -> String {
    crate::version_line()
}

/// A screened chunk: the result rows, and the same rows as CSV lines
/// (without the header), exactly as `amnistia screen --format csv` writes.
#[derive(Serialize)]
struct Screened {
    rows: Vec<crate::screen::Row>,
    csv: String,
}

fn screened(rows: Vec<crate::screen::Row>) -> Result<JsValue, JsValue> {
    let mut csv = String::new();
    for r in &rows {
        csv.push_str(&crate::screen::csv_result(r));
        csv.push('\n');
    }
    to_js(&Screened { rows, csv })
}

/// Screens CSV rows against a header line: one result row per data row.
/// `first_line` is the file line number of the first row, so errors point
/// at the right line when the page screens a large file in chunks.
#[wasm_bindgen(js_name = screenCsv)]
pub fn screen_csv(header: JsValue, rows: JsValue, first_line: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang)?;
    let (header, rows, first_line) = (text_arg(&header, "header")?, text_arg(&rows, "rows")?, line_arg(&first_line)?);
    let header = crate::screen::csv_header(&header).map_err(|column| {
        js_error("unknown_field", &format!("unknown CSV column «{column}»"), Some(&column))
    })?;
    screened(
        rows.split('\n')
            .enumerate()
            .filter_map(|(i, line)| crate::screen::csv_row(first_line + i, line, &header, lang))
            .collect(),
    )
}

/// Screens JSONL lines (one case per line), as `screenCsv`.
#[wasm_bindgen(js_name = screenJsonl)]
pub fn screen_jsonl(lines: JsValue, first_line: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang)?;
    let (lines, first_line) = (text_arg(&lines, "lines")?, line_arg(&first_line)?);
    screened(
        lines
            .split('\n')
            .enumerate()
            .filter_map(|(i, line)| crate::screen::jsonl_line(first_line + i, line, lang))
            .collect(),
    )
}

/// The header of the results CSV, and of the template's columns.
#[wasm_bindgen(js_name = screenColumns)]
pub fn screen_columns() -> Result<JsValue, JsValue> {
    to_js(&(crate::screen::CSV_RESULT_HEADER, crate::screen::CSV_COLUMNS))
}

/// Test builds only (`--features test-hooks`): makes the module trap, so
/// the page's recovery can be tested. Never in a release build.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = testTrap)]
pub fn test_trap() {
    core::arch::wasm32::unreachable()
}
