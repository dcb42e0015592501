//! CSV is read as spreadsheets write it (issue 14): `,`, `;` or tab (from
//! the header row), UTF-8 or Windows-1252, column and value names in
//! Spanish (`src/law/screening.toml`), charges by code or Spanish name
//! (`charges.toml`), day-first dates. Every cell is read, and every error
//! of a row is reported with its column as the file names it. The JSON
//! case format stays strict: these conventions end here, at the tree
//! handed to the case reader.

use super::{CSV_COLUMNS, Row, RowError, row_of};
use crate::codes::Charge;
use crate::error::ErrorCode;
use crate::json::Json;
use crate::text::{Piece, fill, sentence};
use crate::{Lang, parse};
use std::borrow::Cow;

/// A file's text, as the screening reads it: UTF-8 (a byte order mark
/// dropped) when the bytes are UTF-8, and otherwise Windows-1252, which
/// Spanish-locale spreadsheet programs write for plain "CSV". Decoded as
/// the WHATWG Encoding Standard does (`TextDecoder('windows-1252')` in the
/// page gives the same text), so accented text is never an error.
pub fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match core::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x009D, 0x017E, 0x0178,
    ];
    match b {
        // `get`, not indexing: no panicking path (and its formatting) in the wasm.
        0x80..=0x9F => HIGH.get(usize::from(b - 0x80)).and_then(|&c| char::from_u32(u32::from(c))).unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

/// What a file is when it is not a list the screening reads (a workbook,
/// a PDF), from its name and first bytes; `None` for text.
pub fn not_a_list(name: &str, head: &[u8]) -> Option<&'static str> {
    let lower: String = name.chars().map(|c| c.to_ascii_lowercase()).collect();
    let ext = |e: &str| lower.ends_with(e);
    if ext(".ods") {
        Some("OpenDocument .ods")
    } else if ext(".numbers") {
        Some("Numbers")
    } else if head.starts_with(b"PK\x03\x04") || ext(".xlsx") || ext(".xlsm") {
        Some("Excel .xlsx")
    } else if head.starts_with(b"\xD0\xCF\x11\xE0") || ext(".xls") {
        Some("Excel .xls")
    } else if head.starts_with(b"%PDF") || ext(".pdf") {
        Some("PDF")
    } else {
        None
    }
}

/// The message for a file that is not a list: how to save it as CSV.
pub fn not_a_list_message(kind: &str, lang: Lang) -> String {
    fill(texts().screen_not_a_list.get(lang), &[("kind", kind)])
}

/// A screening message: a template of texts_screening.toml with the cell's
/// value and, where the template has them, the choices. One call site for
/// every message, kept out of line, so that the wasm holds `fill` once.
#[inline(never)]
fn said(template: crate::law::Text, lang: Lang, value: &str, choices: &str) -> String {
    fill(template.get(lang), &[("value", value), ("choices", choices)])
}

fn texts() -> &'static crate::law::Texts {
    crate::law::DEFAULT_LAW.texts
}

/// The separator of a CSV file, from its header row: tab, `;` or `,`,
/// whichever appears most outside quotes (a tie goes to `,`).
pub fn detect_separator(header: &str) -> char {
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    if counts[0] > 0 && counts[0] >= counts[1] && counts[0] >= counts[2] {
        '\t'
    } else if counts[1] > counts[2] {
        ';'
    } else {
        ','
    }
}

/// Splits one CSV record on `,` (RFC 4180 quoting). See [`split_record`].
pub fn split_csv(line: &str) -> Option<Vec<String>> {
    split_record(line, ',')
}

/// Splits one CSV record on `sep` (RFC 4180 quoting: quoted cells, quotes
/// doubled inside). Records spanning lines are not supported: a quoted
/// newline is reported as a bad row.
pub fn split_record(line: &str, sep: char) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (false, '"') if at_start => quoted = true,
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            (true, '"') => quoted = false,
            (false, c) if c == sep => {
                out.push(core::mem::take(&mut cur));
                at_start = true;
                continue;
            }
            (_, c) => cur.push(c),
        }
        at_start = false;
    }
    if quoted {
        return None;
    }
    out.push(cur);
    Some(out)
}

/// A CSV file's header row: its separator, and each column's canonical
/// name with its name as the file writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub sep: char,
    pub columns: Vec<Column>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The canonical name (`CSV_COLUMNS`), or "" for a column without a name.
    pub key: &'static str,
    /// The name as written in the file.
    pub name: String,
}

/// Why a header row stops the run.
#[derive(Clone, Debug, PartialEq)]
pub enum HeaderError {
    /// A column whose name is not known.
    Unknown(String),
    /// A bare `fecha` column: the date of the facts, or of the arrest?
    BareDate(String),
    /// Two columns for one field (`cargos` and `charges`): the second, and
    /// the first.
    Duplicate(String, String),
    /// A quote that is never closed.
    Quote,
}

impl HeaderError {
    pub fn code(&self) -> ErrorCode {
        match self {
            HeaderError::Quote => ErrorCode::InvalidValue,
            _ => ErrorCode::UnknownField,
        }
    }

    /// The column as the file names it.
    pub fn column(&self) -> Option<&str> {
        match self {
            HeaderError::Unknown(c) | HeaderError::BareDate(c) | HeaderError::Duplicate(c, _) => Some(c),
            HeaderError::Quote => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let t = texts();
        match self {
            HeaderError::Unknown(c) => fill(t.screen_unknown_column.get(lang), &[("column", c), ("choices", &accepted_columns())]),
            HeaderError::BareDate(c) => fill(t.screen_bare_date_column.get(lang), &[("column", c)]),
            HeaderError::Duplicate(c, other) => fill(t.screen_duplicate_column.get(lang), &[("column", c), ("other", other)]),
            HeaderError::Quote => t.screen_header_quote.get(lang).into(),
        }
    }
}

/// The accepted column names: each canonical one with its Spanish names,
/// "id, law (ley), situation (situación), …", with the first Spanish name.
pub fn accepted_columns() -> String {
    let mut out = String::new();
    for (i, c) in CSV_COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(c);
        // The first Spanish name: the others are accepted too.
        if let Some(name) = crate::law::SCREEN_COLUMN_NAMES.iter().find(|n| n.column == *c).and_then(|n| n.names.first()) {
            out.push_str(" (");
            out.push_str(name);
            out.push(')');
        }
    }
    out
}

/// The canonical column a header cell names, by its canonical or Spanish
/// name, in any case, with or without accents, spaces as `_`.
pub fn column_key(name: &str) -> Option<&'static str> {
    let key = crate::codes::fold(name);
    CSV_COLUMNS.iter().copied().find(|c| crate::codes::fold(c) == key).or_else(|| {
        crate::law::SCREEN_COLUMN_NAMES.iter().find(|n| n.keys.contains(&key.as_str())).map(|n| {
            CSV_COLUMNS.iter().copied().find(|c| *c == n.column).unwrap_or("")
        })
    })
}

/// The header row. Unknown columns are an error, so that a typo does not
/// silently become "unknown"; a column with no name is kept aside (its
/// cells must be empty).
pub fn csv_header(line: &str) -> Result<Header, HeaderError> {
    let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
    let sep = detect_separator(line);
    let cells = split_record(line, sep).ok_or(HeaderError::Quote)?;
    let columns = cells
        .iter()
        .map(|c| {
            let name = c.trim();
            if name.is_empty() {
                return Ok(Column { key: "", name: String::new() });
            }
            match column_key(name) {
                Some(key) => Ok(Column { key, name: name.into() }),
                None if crate::codes::fold(name) == "fecha" => Err(HeaderError::BareDate(name.into())),
                None => Err(HeaderError::Unknown(name.into())),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    for (i, c) in columns.iter().enumerate() {
        if let Some(first) = columns.iter().take(i).find(|o| !c.key.is_empty() && o.key == c.key) {
            return Err(HeaderError::Duplicate(c.name.clone(), first.name.clone()));
        }
    }
    Ok(Header { sep, columns })
}

/// `Some(true)`, `Some(false)`, or `None` for a cell that is no yes or no.
fn yes_no(key: &str) -> Option<bool> {
    match key {
        "si" | "s" | "true" | "yes" | "y" | "1" | "verdadero" => Some(true),
        "no" | "n" | "false" | "0" | "falso" => Some(false),
        _ => None,
    }
}

/// A cell that says the fact is not known: left out of the case, as an
/// empty cell is.
fn unknown_cell(key: &str) -> bool {
    matches!(key, "no se" | "no sabe" | "desconocido" | "desconocida" | "unknown" | "?" | "sin datos" | "s/d" | "n/a")
}

/// The event column's number: `1` to `13`, written as plain digits. Any
/// other cell stays text, which the case reader takes as `"none"` or
/// refuses as `invalid_event` (`12.0` and `1.2e1` included: a spreadsheet
/// writes whole numbers as digits).
pub(super) fn event_number(v: &str) -> Option<f64> {
    let b = v.as_bytes();
    if b.is_empty() || b.len() > 2 || !b.iter().all(u8::is_ascii_digit) || b[0] == b'0' {
        return None;
    }
    let k = b.iter().fold(0u8, |n, d| n * 10 + (d - b'0'));
    (1..=13).contains(&k).then(|| f64::from(k))
}

/// A date cell of a CSV list.
#[derive(Debug, PartialEq)]
pub(super) enum DateCell {
    /// The date in the contract's ISO form (still to be checked against
    /// the calendar by the case reader).
    Iso(String),
    /// Month first (`07/30/2024`): refused, asking for day/month/year.
    MonthFirst,
    Bad,
}

/// Day-first dates as spreadsheets write them (`30/07/2024`, `3/7/2024`,
/// `07/2024`, also with `-` or `.`, and a time of `0:00` after them), and
/// the contract's ISO forms.
#[inline(never)]
pub(super) fn csv_date(v: &str) -> DateCell {
    let v = match v.split_once(' ') {
        Some((d, time)) if time.chars().all(|c| c.is_ascii_digit() || ":. apmAPM".contains(c)) => d,
        _ => v,
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    // `get`, never `v[..4]`: a slice that can panic links the formatting
    // machinery into the wasm.
    let b = v.as_bytes();
    if (b.len() == 4 && digits(v)) || (b.len() >= 7 && v.get(..4).is_some_and(digits) && b.get(4) == Some(&b'-')) {
        return DateCell::Iso(v.into());
    }
    let parts: Vec<&str> = v.split(['/', '-', '.']).collect();
    if !parts.iter().all(|p| digits(p) && p.len() <= 4) {
        return DateCell::Bad;
    }
    let n = |p: &str| p.bytes().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let two = |k: u32, out: &mut String| {
        if k < 10 {
            out.push('0');
        }
        k.push_to(out);
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let mut out: String = sentence!(*y, "-");
            two(n(m), &mut out);
            out.push('-');
            two(n(d), &mut out);
            DateCell::Iso(out)
        }
        [d, m, y] if (y.len() == 4 || y.len() == 2) && m.len() <= 2 && d.len() <= 2 => {
            let (d, m) = (n(d), n(m));
            if m > 12 {
                return if (1..=12).contains(&d) { DateCell::MonthFirst } else { DateCell::Bad };
            }
            // A two-digit year, as LibreOffice's Spanish short date writes
            // it (`30/07/24`): 00–49 are 2000–2049, 50–99 are 1950–1999.
            let mut out = String::new();
            if y.len() == 2 {
                out.push_str(if n(y) < 50 { "20" } else { "19" });
            }
            out.push_str(y);
            out.push('-');
            two(m, &mut out);
            out.push('-');
            two(d, &mut out);
            DateCell::Iso(out)
        }
        [m, y] if y.len() == 4 && m.len() <= 2 && (1..=12).contains(&n(m)) => {
            let mut out: String = sentence!(*y, "-");
            two(n(m), &mut out);
            DateCell::Iso(out)
        }
        _ => DateCell::Bad,
    }
}

/// Where a charge name leads: a code, several (an ambiguous name), or none.
pub(super) enum ChargeName {
    One(Charge),
    Ambiguous(&'static crate::law::AmbiguousName),
    Unknown,
}

/// A charge by its code in any case, or by a Spanish name of the rules
/// data (`charges.toml`, `aliases` and `[[ambiguous]]`).
#[inline(never)]
pub(super) fn charge_by_name(name: &str) -> ChargeName {
    let key = crate::codes::fold(name);
    if let Some((_, c)) = crate::law::CHARGE_NAMES.iter().find(|(k, _)| *k == key) {
        return ChargeName::One(*c);
    }
    match crate::law::AMBIGUOUS_CHARGES.iter().find(|a| a.key == key) {
        Some(a) => ChargeName::Ambiguous(a),
        None => ChargeName::Unknown,
    }
}

/// The names of a situation or phase a list may write, for messages: the
/// first Spanish name of each code, or the codes in English; the law ids.
#[inline(never)]
fn value_choices(column: &str, lang: Lang) -> String {
    let mut out = String::new();
    if column == "law" {
        for l in crate::law::LAWS {
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(l.id);
        }
        return out;
    }
    for v in crate::law::SCREEN_VALUE_NAMES.iter().filter(|v| v.column == column) {
        if !out.is_empty() {
            out.push_str(", ");
        }
        match (lang, v.names.first()) {
            (Lang::Es, Some(n)) => out.push_str(n),
            _ => out.push_str(v.code),
        }
    }
    out
}

/// Which part of the case a column fills.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Top,
    Person,
    Proceeding,
}

fn part_of(key: &str) -> Part {
    match key {
        "law" => Part::Top,
        "situation" | "abroad" | "ceasedConduct" => Part::Person,
        _ => Part::Proceeding,
    }
}

/// The case path of a column's value.
#[inline(never)]
fn path_of(key: &str) -> String {
    match part_of(key) {
        Part::Top => key.into(),
        Part::Person => sentence!("person.", key),
        Part::Proceeding => sentence!("proceedings[0].", key),
    }
}

/// One CSV data row: one case with one proceeding. Every cell is read, and
/// every error of the row is reported, each with its column.
pub fn csv_row(line_no: usize, line: &str, header: &Header, lang: Lang) -> Option<Row> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() {
        return None;
    }
    let t = texts();
    let Some(cells) = split_record(line, header.sep) else {
        let e = RowError { column: None, code: ErrorCode::InvalidValue, path: None, message: t.screen_bad_quote.get(lang).into() };
        return Some(Row { line: line_no, id: None, label: None, outcome: None, proceedings: Vec::new(), error: Some(e.body()), errors: vec![e] });
    };
    if cells.iter().all(|c| c.trim().is_empty()) {
        return None; // `;;;;`: a spreadsheet's empty row
    }
    let (mut id, mut label) = (None, None);
    // The case's fields, each with the index of its column.
    let mut fields: Vec<(usize, &'static str, Json<'static>)> = Vec::new();
    let mut errors: Vec<(usize, RowError)> = Vec::new();
    let cell_error = |i: usize, code: ErrorCode, path: String, message: String| cell_error(header, i, code, path, message);
    for (i, raw) in cells.iter().enumerate() {
        let v = raw.trim();
        if v.is_empty() {
            continue;
        }
        let Some(col) = header.columns.get(i).filter(|c| !c.key.is_empty()) else {
            let message = said(t.screen_extra_cells, lang, v, "");
            let column = header.columns.get(i).map(|c| c.name.clone()).filter(|n| !n.is_empty());
            errors.push((i, RowError { column, code: ErrorCode::UnknownField, path: None, message }));
            continue;
        };
        let key = col.key;
        let folded = crate::codes::fold(v);
        if key != "id" && key != "label" && unknown_cell(&folded) {
            continue;
        }
        let text = || Json::String(Cow::Owned(v.into()));
        let value = match key {
            "id" => {
                id = Some(v.to_string());
                continue;
            }
            "label" => {
                label = Some(v.to_string());
                text()
            }
            "situation" | "phase" => match crate::law::SCREEN_VALUE_NAMES.iter().find(|n| n.column == key && n.keys.contains(&folded.as_str())) {
                Some(n) => Json::String(Cow::Borrowed(n.code)),
                None => text(), // the case reader refuses it, below
            },
            "abroad" | "ceasedConduct" | "militaryJustice" => match yes_no(&folded) {
                Some(b) => Json::Bool(b),
                None => {
                    let choices = if lang == Lang::Es { "sí, no" } else { "yes, no" };
                    let message = said(t.screen_bad_choice, lang, v, choices);
                    errors.push(cell_error(i, ErrorCode::InvalidValue, path_of(key), message));
                    continue;
                }
            },
            "event" => match event_number(v) {
                Some(n) => Json::Number(n),
                None if matches!(folded.as_str(), "none" | "ninguno" | "ninguna") => Json::String(Cow::Borrowed("none")),
                None => {
                    let message = said(t.screen_bad_event, lang, v, "");
                    errors.push(cell_error(i, ErrorCode::InvalidEvent, path_of(key), message));
                    continue;
                }
            },
            "factsDate" | "factsDateEnd" => match csv_date(v) {
                DateCell::Iso(d) => Json::String(Cow::Owned(d)),
                bad => {
                    let template = if bad == DateCell::MonthFirst { t.screen_month_first } else { t.screen_bad_date };
                    let message = said(template, lang, v, "");
                    errors.push(cell_error(i, ErrorCode::InvalidDate, path_of(key), message));
                    continue;
                }
            },
            "charges" => match read_charges(header, i, v, lang, &mut errors) {
                Some(list) => list,
                None => continue,
            },
            _ => text(), // law
        };
        fields.push((i, key, value));
    }
    // The case reader checks the rest (a law id, a situation or a phase
    // not listed, a day not in the calendar, an end before the start). It
    // stops at its first error: that field is set aside, and the case read
    // again, until it reads or nothing is left to set aside.
    let mut outcome = None;
    loop {
        match parse::case_from_tree(case_tree(&fields)) {
            Ok(case) if errors.is_empty() => {
                outcome = Some(case);
                break;
            }
            Ok(_) => break,
            Err(e) => {
                let field = e.path().map(|p| {
                    let last = p.rsplit('.').next().unwrap_or(p);
                    last.split('[').next().unwrap_or(last)
                });
                let Some(at) = field.and_then(|f| fields.iter().position(|(_, k, _)| *k == f)) else {
                    let i = fields.first().map_or(0, |f| f.0);
                    let body = e.body(lang);
                    errors.push((i, RowError { column: None, code: body.code, path: body.path, message: body.message }));
                    break;
                };
                let Some(&(i, key, _)) = fields.get(at) else { break };
                fields.retain(|f| f.0 != i);
                let v = cells.get(i).map_or("", |c| c.trim());
                let message = match (key, e.code()) {
                    ("situation" | "phase" | "law", _) => said(t.screen_bad_choice, lang, v, &value_choices(key, lang)),
                    (_, ErrorCode::InvalidDateRange) => said(t.screen_date_range, lang, v, ""),
                    (_, ErrorCode::InvalidDate) => said(t.screen_bad_date, lang, v, ""),
                    _ => e.message(lang),
                };
                errors.push((i, RowError { column: header.columns.get(i).map(|c| c.name.clone()), code: e.code(), path: e.path().map(Into::into), message }));
            }
        }
    }
    let mut row = match outcome {
        Some(case) => row_of(line_no, id, Ok(case), lang),
        None => {
            // In the file's column order (the case reader's errors come
            // last): a stable insertion, not `sort`, which would link a
            // sorting routine into the wasm for a handful of items.
            // (Nor `insert`/`remove`, whose panics format their message.)
            let mut left: Vec<Option<(usize, RowError)>> = errors.into_iter().map(Some).collect();
            let mut ordered: Vec<RowError> = Vec::with_capacity(left.len());
            // `min_by_key` keeps the first of equals.
            while let Some(next) = left.iter_mut().filter(|e| e.is_some()).min_by_key(|e| e.as_ref().map_or(0, |(i, _)| *i)) {
                if let Some((_, e)) = next.take() {
                    ordered.push(e);
                }
            }
            let errors = ordered;
            Row { line: line_no, id, label: None, outcome: None, proceedings: Vec::new(), error: errors.first().map(RowError::body), errors }
        }
    };
    row.label = label;
    Some(row)
}

/// A charges cell: the codes, or `None` with its errors pushed.
#[inline(never)]
fn read_charges(header: &Header, i: usize, v: &str, lang: Lang, errors: &mut Vec<(usize, RowError)>) -> Option<Json<'static>> {
    let t = texts();
    // Several charges: `|`, `/`, and whichever of `;` and `,` is
    // not the separator (both in a tab file). Never spaces: the
    // names have them.
    let other = match header.sep {
        ';' => ',',
        ',' => ';',
        _ => ',',
    };
    let seps = ['|', '/', other, if header.sep == '\t' { ';' } else { '|' }];
    let mut list = Vec::new();
    let mut bad = false;
    for (k, item) in v.split(seps).map(str::trim).filter(|c| !c.is_empty()).enumerate() {
        let item_path = || -> String {
            let mut p = path_of("charges");
            p.push('[');
            k.push_to(&mut p);
            p.push(']');
            p
        };
        match charge_by_name(item) {
            ChargeName::One(c) => list.push(Json::String(Cow::Borrowed(c.code()))),
            _ if matches!(crate::codes::fold(item).as_str(), "none" | "ninguno" | "ninguna") => {}
            ChargeName::Ambiguous(a) => {
                let mut choices = String::new();
                for (j, c) in a.charges.iter().enumerate() {
                    if j > 0 {
                        choices.push_str(", ");
                    }
                    choices.push_str(c.code());
                    choices.push_str(" («");
                    choices.push_str(crate::law::charge_info(*c).label.get(lang));
                    choices.push_str("»)");
                }
                let message = said(t.screen_ambiguous_charge, lang, item, &choices);
                errors.push(cell_error(header, i, ErrorCode::UnknownCharge, item_path(), message));
                bad = true;
            }
            ChargeName::Unknown => {
                let message = said(t.screen_unknown_charge, lang, item, "");
                errors.push(cell_error(header, i, ErrorCode::UnknownCharge, item_path(), message));
                bad = true;
            }
        }
    }
    if bad {
        return None;
    }
    Some(Json::Array(list))
}

/// An error of the cell in column `i`.
#[inline(never)]
fn cell_error(header: &Header, i: usize, code: ErrorCode, path: String, message: String) -> (usize, RowError) {
    let column = header.columns.get(i).map(|c| c.name.clone());
    (i, RowError { column, code, path: Some(path), message })
}

/// The case of a CSV row's fields: one person, one proceeding.
#[inline(never)]
fn case_tree(fields: &[(usize, &'static str, Json<'static>)]) -> Json<'static> {
    let (mut top, mut person, mut proc) = (Vec::new(), Vec::new(), Vec::new());
    for (_, key, value) in fields {
        let list = match part_of(key) {
            Part::Top => &mut top,
            Part::Person => &mut person,
            Part::Proceeding => &mut proc,
        };
        list.push((Cow::Borrowed(*key), value.clone()));
    }
    top.push((Cow::Borrowed("person"), Json::Object(person)));
    top.push((Cow::Borrowed("proceedings"), Json::Array(vec![Json::Object(proc)])));
    Json::Object(top)
}

