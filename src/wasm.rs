//! The JavaScript boundary: the only module that knows about JS.
//!
//! It converts, and does nothing else: a JS value or JSON text in, plain JS
//! objects out (arrays and objects, never `Map`s). Bad input becomes a real
//! `Error` whose `code` and `path` properties carry the stable error code of
//! contract §4 and where it was found. No eligibility logic lives here.

use crate::json::{self, Json, ToJson, TreeError, json_object};
use crate::text::sentence;
use crate::{Lang, error::Error, info, law, parse};
use wasm_bindgen::prelude::*;

/// talc, a general allocator kept small for WebAssembly: it takes pages with
/// `memory.grow` as it needs them (DESIGN.md, "Why these hand-written
/// pieces, and not others?"). A panic traps (`panic = "abort"`); the page
/// recovers with a fresh instance (`www/checker/loading.js`).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// Every parameter arrives as a `JsValue` and is checked here: a number or
// an object where text belongs must give a coded error, never a bad
// pointer in the generated glue.

fn text_arg(v: &JsValue, name: &str) -> Result<String, JsValue> {
    // `sentence!`, not `format!`: the module then carries no formatting machinery.
    v.as_string().ok_or_else(|| {
        let message: String = sentence!(name, " must be a string");
        js_error("invalid_value", &message, Some(name))
    })
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
        // Whole: equal to its cast (`f64::fract` is std's, not core's).
        Some(n) if (1.0..=1e9).contains(&n) && n == f64::from(n as u32) => Ok(n as usize),
        _ => Err(js_error("invalid_value", "firstLine must be a whole number from 1", Some("firstLine"))),
    }
}

/// Reads a case given as a JS object into the same checked tree as JSON
/// text (see [`read_value`]).
fn case_from_object(case: &JsValue) -> Result<crate::Case, crate::Error> {
    let mut budget = json::MAX_INPUT_BYTES;
    read_value(case, &mut budget).map_err(parse::tree_error).and_then(parse::case_from_tree)
}

// Reading a JS object runs code its caller controls (a getter, a Proxy
// trap). That code runs only inside `readValue` below, a JS function
// imported with `catch` that also catches around each such step itself: an
// exception thrown there comes back as a value and never unwinds through
// wasm frames, which would leave the module broken (DESIGN.md).
//
// One call reads the whole value, depth first, in the order of its JSON
// text, each property exactly once, and returns `[d, ...numbers]`: `d`
// describes the value as a string, and the numbers follow in order.
// Grammar of `d`:
//   value  = "s" <UTF-16 length> ":" <text> | "n" (the next number) | "t" | "f"
//          | "z" (null or undefined) | "a" array | "o" object
//          | "x" (not JSON data: a function, Symbol, BigInt, Map, Set or binary data)
//          | "D" (nested too deep) | "L" (the size limit is passed by this value)
//          | "U" (`Array.isArray` threw)
//   array  = "T" (`length` threw) | "K" (`length` is not a length) | "[" item* "]"
//   item   = "K" (the size limit is passed) | "T" (the getter threw) | value
//   object = "T" (`Object.keys` threw) | "{" member* "}"
//   member = "K" | <UTF-16 length> ":" <key> ("T" | value)
// `x`, `D`, `L`, `U`, `K` and `T` end the text: the reading stops there,
// at the first failure in document order, as the property-by-property
// reader did, and nothing after it is read.
//
// Its size count is a lower bound of what `read_value` spends (UTF-16
// units are never more than UTF-8 bytes), so it stops only where the
// reader would refuse anyway, and never copies into the module more than
// the size limit allows; `read_value` spends the exact sizes, in the same
// order, and checks the depth again.
#[wasm_bindgen(inline_js = r#"
export function readValue(v, room) {
  const out = [''];
  let d = '', n = 1, lb = 0;
  const value = (x, depth) => {
    if (depth >= 32) { d += 'D'; return false; }
    const t = typeof x;
    if (t === 'string') {
      if ((lb += x.length + 2) > room) { d += 'L'; return false; }
      d += 's' + x.length + ':' + x;
      return true;
    }
    if (t === 'number') {
      if ((lb += 24) > room) { d += 'L'; return false; }
      d += 'n'; out[n++] = x;
      return true;
    }
    if (t === 'boolean') {
      if ((lb += 5) > room) { d += 'L'; return false; }
      d += x ? 't' : 'f';
      return true;
    }
    if (x === null || x === undefined) {
      if ((lb += 4) > room) { d += 'L'; return false; }
      d += 'z';
      return true;
    }
    if (t !== 'object') { d += 'x'; return false; }
    let special = false;
    try { special = x instanceof Map; } catch (_) { special = false; }
    if (!special) try { special = x instanceof Set; } catch (_) { special = false; }
    if (special || ArrayBuffer.isView(x)) { d += 'x'; return false; }
    if ((lb += 2) > room) { d += 'L'; return false; }
    let array;
    try { array = Array.isArray(x); } catch (_) { d += 'U'; return false; }
    return array ? items(x, depth) : members(x, depth);
  };
  const items = (v, depth) => {
    d += 'a';
    let len;
    try { len = v.length; } catch (_) { d += 'T'; return false; }
    if (!(typeof len === 'number' && len >= 0 && len <= 65536)) { d += 'K'; return false; }
    d += '[';
    for (let i = 0, end = len - (len % 1); i < end; i += 1) {
      if ((lb += 1) > room) { d += 'K'; return false; }
      let x;
      try { x = v[i]; } catch (_) { d += 'T'; return false; }
      if (!value(x, depth + 1)) return false;
    }
    d += ']';
    return true;
  };
  const members = (v, depth) => {
    d += 'o';
    let keys;
    try { keys = Object.keys(v); } catch (_) { d += 'T'; return false; }
    d += '{';
    for (let i = 0; i < keys.length; i += 1) {
      const k = keys[i];
      if ((lb += k.length + 4) > room) { d += 'K'; return false; }
      d += k.length + ':' + k;
      let x;
      try { x = v[k]; } catch (_) { d += 'T'; return false; }
      if (!value(x, depth + 1)) return false;
    }
    d += '}';
    return true;
  };
  value(v, 0);
  out[0] = d;
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = readValue)]
    fn read_js(v: &JsValue, room: f64) -> Result<js_sys::Array, JsValue>;
}

/// Takes `n` bytes from what is left of the size limit.
fn spend(budget: &mut usize, n: usize) -> Result<(), TreeError> {
    *budget = budget.checked_sub(n).ok_or(TreeError::TooLarge)?;
    Ok(())
}

/// A getter or a Proxy trap threw while the value was read.
const THREW: TreeError = TreeError::Threw;

/// What `readValue` gave, read in order.
struct Described {
    d: String,
    at: usize,
    numbers: js_sys::Array,
    next: u32,
}

impl Described {
    fn peek(&self) -> Option<u8> {
        self.d.as_bytes().get(self.at).copied()
    }

    fn byte(&mut self) -> Result<u8, TreeError> {
        let b = self.peek().ok_or(TreeError::Syntax)?;
        self.at += 1;
        Ok(b)
    }

    /// `<UTF-16 length>:<text>`.
    fn text(&mut self) -> Result<&str, TreeError> {
        let b = self.d.as_bytes();
        let mut units = 0usize;
        while let Some(&c @ b'0'..=b'9') = b.get(self.at) {
            units = units.saturating_mul(10).saturating_add(usize::from(c - b'0'));
            self.at += 1;
        }
        if b.get(self.at) != Some(&b':') {
            return Err(TreeError::Syntax);
        }
        let start = self.at + 1;
        let mut end = start;
        while units > 0 {
            let (bytes, n) = match *b.get(end).ok_or(TreeError::Syntax)? {
                0..=0x7f => (1, 1),
                0xc0..=0xdf => (2, 1),
                0xe0..=0xef => (3, 1),
                _ => (4, 2),
            };
            end += bytes;
            units = units.checked_sub(n).ok_or(TreeError::Syntax)?;
        }
        self.at = end;
        self.d.get(start..end).ok_or(TreeError::Syntax)
    }

    fn number(&mut self) -> f64 {
        let v = self.numbers.get(self.next);
        self.next += 1;
        v.as_f64().unwrap_or(f64::NAN)
    }

    /// A `T` here: the getter (or `length`, or `Object.keys`) threw.
    fn threw(&mut self) -> Result<(), TreeError> {
        if self.peek() == Some(b'T') { Err(THREW) } else { Ok(()) }
    }
}

/// Reads one JS value as JSON data. Plain objects are read by their own
/// enumerable string keys (never inherited ones), arrays by index; `null`
/// and `undefined` are unknown; numbers are kept as they are (`NaN` then
/// fails where the case format wants a number). What JSON cannot hold (a
/// BigInt, a function, a Symbol, a `Map`, a `Set`, binary data) and
/// nesting deeper than [`json::MAX_DEPTH`] are not JSON: `invalid_json`.
/// Sizes count as the JSON text would, against [`json::MAX_INPUT_BYTES`].
/// One call into JS (`readValue`) reads it all.
fn read_value(v: &JsValue, budget: &mut usize) -> Result<Json<'static>, TreeError> {
    let numbers = read_js(v, *budget as f64).map_err(|_| THREW)?;
    let d = numbers.get(0).as_string().unwrap_or_default();
    let mut described = Described { d, at: 0, numbers, next: 1 };
    described_value(&mut described, 0, budget)
}

/// The value described next, at `depth`.
fn described_value(r: &mut Described, depth: u32, budget: &mut usize) -> Result<Json<'static>, TreeError> {
    if depth >= json::MAX_DEPTH {
        return Err(TreeError::Syntax);
    }
    let tag = r.byte()?;
    match tag {
        b's' => {
            let s = r.text()?;
            spend(budget, s.len() + 2)?;
            Ok(Json::String(s.to_owned().into()))
        }
        b'n' => {
            spend(budget, 24)?;
            Ok(Json::Number(r.number()))
        }
        b't' | b'f' => {
            spend(budget, 5)?;
            Ok(Json::Bool(tag == b't'))
        }
        b'z' => {
            spend(budget, 4)?;
            Ok(Json::Null)
        }
        b'L' => Err(TreeError::TooLarge),
        b'U' => {
            spend(budget, 2)?;
            Err(THREW)
        }
        b'a' => {
            spend(budget, 2)?;
            match r.byte()? {
                b'[' => {}
                b'K' => return Err(TreeError::TooLarge),
                _ => return Err(THREW),
            }
            let mut items = Vec::new();
            loop {
                match r.peek() {
                    Some(b']') => break,
                    Some(b'K') => return Err(TreeError::TooLarge),
                    _ => {}
                }
                spend(budget, 1)?;
                r.threw()?;
                items.push(described_value(r, depth + 1, budget)?);
            }
            r.at += 1;
            Ok(Json::Array(items))
        }
        b'o' => {
            spend(budget, 2)?;
            if r.byte()? != b'{' {
                return Err(THREW);
            }
            let mut members = Vec::new();
            loop {
                match r.peek() {
                    Some(b'}') => break,
                    Some(b'K') => return Err(TreeError::TooLarge),
                    _ => {}
                }
                let name = r.text()?.to_owned();
                spend(budget, name.len() + 4)?;
                r.threw()?;
                members.push((name.into(), described_value(r, depth + 1, budget)?));
            }
            r.at += 1;
            Ok(Json::Object(members))
        }
        // `x` (not JSON data), `D` (too deep), or an unknown tag.
        _ => Err(TreeError::Syntax),
    }
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
    js_error(e.code().code(), &e.message(lang), e.path())
}

/// Plain JS objects and arrays, made by `JSON.parse` from the value's JSON
/// text: one crossing of the boundary, whatever the size.
fn to_js<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&json::write::to_compact_ascii(value))
        .map_err(|_| js_error("internal", "the result could not be converted", None))
}

/// Assesses a case given as a JS object or as JSON text. Bad input throws an
/// `Error` with `code` (contract §4) and `path`.
#[wasm_bindgen]
pub fn evaluate(case: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang)?;
    let parsed = match case.as_string() {
        Some(text) => parse::case_from_text(&text),
        None => case_from_object(&case),
    };
    match parsed {
        Ok(case) => to_js(&crate::assess(&case, lang)),
        Err(e) => Err(to_js_error(&e, lang)),
    }
}

/// The form's details, given as a JS object (read like a case), as JSON
/// text, or as `null`/`undefined` for none.
fn details_from_value(v: &JsValue) -> Result<crate::request::Details, Error> {
    if let Some(text) = v.as_string() {
        return crate::request::details_from_text(&text);
    }
    let mut budget = json::MAX_INPUT_BYTES;
    let tree = read_value(v, &mut budget).map_err(|e| {
        let code = match e {
            TreeError::Syntax => crate::ErrorCode::InvalidJson,
            TreeError::TooLarge => crate::ErrorCode::InputTooLarge,
            TreeError::Threw => crate::ErrorCode::InvalidValue,
        };
        Error::new(code, "details")
    })?;
    crate::request::details_from_tree(tree)
}

/// One document, with its readable text and its RTF file.
struct WithOutputs<'a> {
    doc: &'a crate::request::Document,
    text: String,
    rtf: String,
}

impl ToJson for WithOutputs<'_> {
    fn to_json(&self, w: &mut json::Writer) {
        // The document's own fields, then `text` and `rtf`, in one object.
        w.begin_object();
        self.doc.write_fields(w);
        w.field("text", &self.text);
        w.field("rtf", &self.rtf);
        w.end_object();
    }
}

/// The written request for one proceeding (contract §3.1): `proceeding`
/// counts from 1. Case and details are read through the same catching
/// reader as `evaluate`.
#[wasm_bindgen]
pub fn request(case: JsValue, details: JsValue, proceeding: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang)?;
    let n = match proceeding.as_f64() {
        Some(n) if (1.0..=1e9).contains(&n) && n == f64::from(n as u32) => n as usize,
        _ => return Err(js_error("invalid_value", "proceeding must be a whole number from 1", Some("proceeding"))),
    };
    let parsed = match case.as_string() {
        Some(text) => parse::case_from_text(&text),
        None => case_from_object(&case),
    };
    let case = parsed.map_err(|e| to_js_error(&e, lang))?;
    let details = details_from_value(&details).map_err(|e| to_js_error(&e, lang))?;
    let docs = crate::request::request(&case, &details, Some(n), lang).map_err(|e| to_js_error(&e, lang))?;
    let doc = &docs[0];
    to_js(&WithOutputs { doc, text: crate::request::to_text(&docs), rtf: crate::rtf::to_rtf(&docs) })
}

/// Assesses a case given as JSON text and returns the assessment as JSON
/// text, exactly as the command line prints it.
#[wasm_bindgen(js_name = evaluateJson)]
pub fn evaluate_json(text: JsValue, lang: JsValue) -> Result<String, JsValue> {
    let lang = lang_of(&lang)?;
    let text = text_arg(&text, "text")?;
    crate::output::check_to_json(&text, lang).map_err(|e| to_js_error(&e, lang))
}

/// The law version a `lawId` parameter names; the default when absent.
fn law_of(law_id: &JsValue, lang: Lang) -> Result<&'static law::Law, JsValue> {
    match optional_text(law_id, "lawId")?.as_deref() {
        None | Some("") => Ok(law::DEFAULT_LAW),
        Some(id) => law::by_id(id).ok_or_else(|| {
            let e = Error::new(crate::ErrorCode::UnknownLaw, "law");
            to_js_error(&e, lang)
        }),
    }
}

/// Metadata for the page: articles, events, windows, charges, questions,
/// labels.
#[wasm_bindgen]
pub fn law(lang: JsValue, law_id: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang)?;
    let l = law_of(&law_id, lang)?;
    to_js(&info::law_info(l, lang))
}

/// Where a date falls among the windows of a law version (contract §3.1):
/// the numerals whose confirmed window or margin holds its days, so the
/// page marks the timeline and the event list without working out windows.
/// Dates as in the case format; either may be absent. `event` (optional, 1
/// to 13): with no start date, the days the evaluation assumes from it.
#[wasm_bindgen(js_name = datePlace)]
pub fn date_place(facts_date: JsValue, facts_date_end: JsValue, law_id: JsValue, event: Option<f64>) -> Result<JsValue, JsValue> {
    let lang = Lang::Es;
    let l = law_of(&law_id, lang)?;
    let start = optional_text(&facts_date, "factsDate")?;
    let end = optional_text(&facts_date_end, "factsDateEnd")?;
    // (undefined and null are `None`; anything else arrives as a number, NaN
    // for what is not one.)
    let event = match event {
        None => None,
        Some(n) if (1.0..=13.0).contains(&n) && n == f64::from(n as u8) => Some(n as u8),
        Some(_) => return Err(js_error("invalid_event", "event must be a whole number from 1 to 13", Some("event"))),
    };
    let place = info::date_place(l, start.as_deref(), end.as_deref(), event).map_err(|e| to_js_error(&e, lang))?;
    to_js(&place)
}

/// `amnistia 0.2.0; enacted-2026-02-19 sha256:…; draft-2026-02-05 sha256:…`
#[wasm_bindgen]
pub fn version() -> String {
    crate::version_line()
}

/// A screened chunk: the result rows, and the same rows as CSV lines
/// (without the header), exactly as `amnistia screen --format csv` writes.
struct Screened {
    rows: Vec<crate::screen::Row>,
    csv: String,
}
json_object!(Screened { "rows": rows, "csv": csv });

fn screened(rows: Vec<crate::screen::Row>) -> Result<JsValue, JsValue> {
    let mut csv = String::new();
    for r in &rows {
        crate::screen::push_csv_result(&mut csv, r);
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
    let header = crate::screen::csv_header(&header)
        .map_err(|e| js_error(e.code().code(), &e.message(lang), e.column()))?;
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

/// Whether a chosen file is not a list at all (a workbook, a PDF), from
/// its name and first bytes (given as a string of char codes 0–255): the
/// message saying how to save it as CSV, or `null` for a text file.
#[wasm_bindgen(js_name = screenFileProblem)]
pub fn screen_file_problem(name: JsValue, head: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = lang_of(&lang)?;
    let (name, head) = (text_arg(&name, "name")?, text_arg(&head, "head")?);
    let bytes: Vec<u8> = head.chars().take(16).map(|c| c as u32 as u8).collect();
    Ok(match crate::screen::not_a_list(&name, &bytes) {
        Some(kind) => JsValue::from(crate::screen::not_a_list_message(kind, lang)),
        None => JsValue::NULL,
    })
}

/// The header of the results CSV, and of the template's columns.
#[wasm_bindgen(js_name = screenColumns)]
pub fn screen_columns() -> Result<JsValue, JsValue> {
    struct Columns;
    impl ToJson for Columns {
        fn to_json(&self, w: &mut json::Writer) {
            w.begin_array();
            w.item(crate::screen::CSV_RESULT_HEADER);
            w.item(crate::screen::CSV_COLUMNS);
            w.end_array();
        }
    }
    to_js(&Columns)
}

/// Test builds only (`--features test-hooks`): makes the module trap, so
/// the page's recovery can be tested. Never in a release build.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = testTrap)]
pub fn test_trap() {
    core::arch::wasm32::unreachable()
}

/// Benchmark builds only (`--features bench-hooks`, built by
/// `scripts/bench.sh` into `target/bench/pkg`, never `www/`): the explained
/// evaluation of one case `times` times inside the module, from JSON text to
/// the whole assessment (every step, reading, answer and next step written),
/// with no output, so the benchmark can time it apart from the JS boundary.
/// Returns how many assessments were made.
#[cfg(feature = "bench-hooks")]
#[wasm_bindgen(js_name = benchCheck)]
pub fn bench_check(text: String, times: u32) -> u32 {
    let mut made = 0;
    for _ in 0..times {
        if let Ok(a) = crate::check(core::hint::black_box(&text), Lang::Es) {
            core::hint::black_box(&a);
            made += 1;
        }
    }
    made
}

/// Benchmark builds only, beside [`bench_check`]: the same, and the
/// assessment also written as the JSON text that `evaluate` hands to
/// `JSON.parse`, which is then dropped, so the benchmark can tell the
/// writing apart from the making. Returns the bytes written, summed.
#[cfg(feature = "bench-hooks")]
#[wasm_bindgen(js_name = benchWrite)]
pub fn bench_write(text: String, times: u32) -> u32 {
    let mut written = 0u32;
    for _ in 0..times {
        if let Ok(a) = crate::check(core::hint::black_box(&text), Lang::Es) {
            let json = json::write::to_compact_ascii(core::hint::black_box(&a));
            written = written.saturating_add(u32::try_from(json.len()).unwrap_or(u32::MAX));
        }
    }
    written
}
