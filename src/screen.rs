//! Screening a list of cases, one per line: JSONL, or CSV with one
//! proceeding per row (columns in the README). A bad row gives an error
//! with its line number and the run goes on. Pure: lines in, results out;
//! the CLI and the page do the reading and the writing.

use crate::error::Error;
use crate::json::Json;
use crate::model::{CaseOutcome, Outcome, Question};
use crate::{Lang, parse};
use crate::json::json_object;
use crate::text::Piece;

/// The CSV columns, in the template's order. `id` is echoed back.
pub const CSV_COLUMNS: &[&str] = &[
    "id", "law", "situation", "abroad", "ceasedConduct", "label", "factsDate", "factsDateEnd",
    "event", "charges", "phase", "militaryJustice",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// 1-based line number in the file.
    pub line: usize,
    pub id: Option<String>,
    pub outcome: Option<CaseOutcome>,
    pub proceedings: Vec<RowProceeding>,
    pub error: Option<crate::error::ErrorBody>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowProceeding {
    pub outcome: Outcome,
    pub numerals: Vec<u8>,
    pub articles: Vec<String>,
    pub questions: Vec<Question>,
}

fn row_of(line: usize, id: Option<String>, parsed: Result<crate::Case, Error>, lang: Lang) -> Row {
    match parsed {
        Ok(case) => {
            let a = crate::assess(&case, lang);
            Row {
                line,
                id,
                outcome: Some(a.outcome),
                proceedings: a
                    .proceedings
                    .into_iter()
                    .map(|p| RowProceeding { outcome: p.outcome, numerals: p.numerals, articles: p.articles, questions: p.questions })
                    .collect(),
                error: None,
            }
        }
        Err(e) => Row { line, id, outcome: None, proceedings: Vec::new(), error: Some(e.body(lang)) },
    }
}

/// One JSONL line (a whole case). Blank lines give `None`.
pub fn jsonl_line(line_no: usize, line: &str, lang: Lang) -> Option<Row> {
    let line = line.trim_end_matches('\r');
    let line = if line_no == 1 { line.trim_start_matches('\u{feff}') } else { line };
    if line.trim().is_empty() {
        return None;
    }
    Some(row_of(line_no, None, parse::case_from_text(line), lang))
}

/// Splits one CSV record (RFC 4180 quoting). Records spanning lines are
/// not supported: a quoted newline is reported as a bad row.
pub fn split_csv(line: &str) -> Option<Vec<String>> {
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
            (false, ',') => {
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

/// The header row: the column index of each known column. Unknown columns
/// are an error, so that a typo does not silently become "unknown".
pub fn csv_header(line: &str) -> Result<Vec<&'static str>, String> {
    let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
    let cells = split_csv(line).ok_or("unterminated quote in the header")?;
    cells
        .iter()
        .map(|c| CSV_COLUMNS.iter().copied().find(|k| *k == c.trim()).ok_or_else(|| c.trim().to_string()))
        .collect()
}

fn cell_bool(v: &str) -> Json<'_> {
    // Only ASCII letters and `Í` lowercase into these words (`str::to_lowercase`
    // gives the same answer here, but links Unicode tables into the wasm).
    let lower: String = v.chars().map(|c| if c == 'Í' { 'í' } else { c.to_ascii_lowercase() }).collect();
    match lower.as_str() {
        "true" | "yes" | "sí" | "si" | "1" => Json::Bool(true),
        "false" | "no" | "0" => Json::Bool(false),
        _ => Json::String(v.into()),
    }
}

/// The event column's number: `1` to `13`, written as plain digits. Any
/// other cell stays text, which the case reader takes as `"none"` or
/// refuses as `invalid_event` (`12.0` and `1.2e1` included: a spreadsheet
/// writes whole numbers as digits).
fn event_number(v: &str) -> Option<f64> {
    let b = v.as_bytes();
    if b.is_empty() || b.len() > 2 || !b.iter().all(u8::is_ascii_digit) || b[0] == b'0' {
        return None;
    }
    let k = b.iter().fold(0u8, |n, d| n * 10 + (d - b'0'));
    (1..=13).contains(&k).then(|| f64::from(k))
}

/// One CSV data row: one case with one proceeding.
pub fn csv_row(line_no: usize, line: &str, header: &[&'static str], lang: Lang) -> Option<Row> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() {
        return None;
    }
    let Some(cells) = split_csv(line) else {
        let e = Error::at_root(crate::ErrorCode::InvalidValue).quoting(line);
        return Some(row_of(line_no, None, Err(e), lang));
    };
    let mut id = None;
    let (mut top, mut person, mut proc) = (Vec::new(), Vec::new(), Vec::new());
    for (col, raw) in header.iter().zip(cells.iter()) {
        let v = raw.trim();
        if v.is_empty() {
            continue;
        }
        let s = || Json::String(v.into());
        let (list, value) = match *col {
            "id" => {
                id = Some(v.to_string());
                continue;
            }
            "law" => (&mut top, s()),
            "situation" => (&mut person, s()),
            "abroad" | "ceasedConduct" => (&mut person, cell_bool(v)),
            "militaryJustice" => (&mut proc, cell_bool(v)),
            "event" => (&mut proc, event_number(v).map_or_else(s, Json::Number)),
            "charges" => {
                let list = v
                    .split([';', '|', ' '])
                    .filter(|c| !c.is_empty() && *c != "none")
                    .map(|c| Json::String(c.into()))
                    .collect();
                (&mut proc, Json::Array(list))
            }
            _ => (&mut proc, s()),
        };
        // One push for every column (the key is the column's name).
        list.push(((*col).into(), value));
    }
    if cells.len() > header.len() {
        let e = Error::at_root(crate::ErrorCode::UnknownField).quoting(&cells[header.len()]);
        return Some(row_of(line_no, id, Err(e), lang));
    }
    top.push(("person".into(), Json::Object(person)));
    top.push(("proceedings".into(), Json::Array(vec![Json::Object(proc)])));
    Some(row_of(line_no, id, parse::case_from_tree(Json::Object(top)), lang))
}

/// A JSONL line for a result row (without a line break), as
/// `amnistia screen` writes it.
pub fn jsonl_result(row: &Row) -> String {
    crate::json::write::to_compact(row)
}

/// A CSV line for a result row.
pub fn csv_result(row: &Row) -> String {
    let mut out = String::new();
    push_csv_result(&mut out, row);
    out
}

/// Appends the CSV line for a result row (without a line break) to `out`.
/// Written cell by cell into one string: a list of cells joined afterwards
/// cost an allocation per cell and linked the formatting machinery.
pub fn push_csv_result(out: &mut String, row: &Row) {
    row.line.push_to(out);
    out.push(',');
    push_cell(out, row.id.as_deref().unwrap_or(""));
    out.push(',');
    if let Some(o) = row.outcome {
        out.push_str(o.code());
    }
    // A cell per kind of list, with the proceedings' lists joined by " | "
    // and each list's items by ";".
    let mut cell = String::new();
    let mut lists = |item: &dyn Fn(&mut String, &RowProceeding)| {
        cell.clear();
        for (i, p) in row.proceedings.iter().enumerate() {
            if i > 0 {
                cell.push_str(" | ");
            }
            item(&mut cell, p);
        }
        out.push(',');
        push_cell(out, &cell);
    };
    let joined = |cell: &mut String, items: &mut dyn Iterator<Item = &str>| {
        for (i, x) in items.enumerate() {
            if i > 0 {
                cell.push(';');
            }
            cell.push_str(x);
        }
    };
    lists(&|cell, p| {
        for (i, &n) in p.numerals.iter().enumerate() {
            if i > 0 {
                cell.push(';');
            }
            n.push_to(cell);
        }
    });
    lists(&|cell, p| joined(cell, &mut p.articles.iter().map(String::as_str)));
    lists(&|cell, p| joined(cell, &mut p.questions.iter().map(|x| x.code())));
    let error = row.error.as_ref();
    out.push(',');
    if let Some(e) = error {
        out.push_str(e.code.code());
    }
    out.push(',');
    push_cell(out, error.and_then(|e| e.path.as_deref()).unwrap_or(""));
    out.push(',');
    push_cell(out, error.map_or("", |e| e.message.as_str()));
}

/// One cell of the results CSV. A cell a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@`, tab, carriage return first) gets a leading `'`, so an
/// id such as `=HYPERLINK(…)` stays text; line breaks and quotes are quoted.
fn push_cell(out: &mut String, s: &str) {
    let quoted = s.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    if quoted {
        for (i, part) in s.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(s);
    }
}

pub const CSV_RESULT_HEADER: &str = "line,id,outcome,numerals,articles,questions,error_code,error_path,error_message";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_cells_never_run_as_spreadsheet_formulas() {
        let header = csv_header("id,factsDate").unwrap();
        for id in ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)"] {
            let row = csv_row(2, &format!("\"{}\",2024-07", id.replace('"', "\"\"")), &header, Lang::Es).unwrap();
            let line = csv_result(&row);
            let id_cell = split_csv(&line).unwrap()[1].clone();
            assert!(id_cell.starts_with('\''), "{line}");
            assert_eq!(&id_cell[1..], id);
        }
    }

    #[test]
    fn csv_quotes_and_doubled_quotes() {
        assert_eq!(split_csv(r#"a,"b,c","d""e",,"#).unwrap(), ["a", "b,c", "d\"e", "", ""]);
        assert!(split_csv(r#"a,"b"#).is_none());
    }

    #[test]
    fn the_event_cell_is_a_number_from_1_to_13_in_digits() {
        for k in 1..=13u8 {
            assert_eq!(event_number(&k.to_string()), Some(f64::from(k)));
        }
        for cell in ["", "0", "14", "012", "12.0", "1.2e1", "+12", " 12", "12 ", "none", "١٢", "1_0", "99"] {
            assert_eq!(event_number(cell), None, "{cell:?}");
        }
        let header = csv_header("factsDate,event").unwrap();
        let row = csv_row(2, "2024-07-30,12.0", &header, Lang::Es).unwrap();
        assert_eq!(row.error.map(|e| e.code), Some(crate::ErrorCode::InvalidEvent));
    }

    #[test]
    fn a_csv_row_is_a_case_with_one_proceeding() {
        let header = csv_header("id,factsDate,event,charges,militaryJustice,ceasedConduct").unwrap();
        let row = csv_row(2, "A-1,2024-07-30,12,terrorism;incitement_to_hatred,no,sí", &header, Lang::Es).unwrap();
        assert_eq!(row.outcome, Some(CaseOutcome::Covered));
        assert_eq!(row.id.as_deref(), Some("A-1"));
        let bad = csv_row(3, "A-2,2024-13-01,12,,,", &header, Lang::Es).unwrap();
        assert_eq!(bad.error.unwrap().code, crate::ErrorCode::InvalidDate);
        assert!(csv_header("id,fecha").is_err());
    }
}

json_object!(Row { "line": line, "id": id, "outcome": outcome, "proceedings": proceedings, "error": error });
json_object!(RowProceeding { "outcome": outcome, "numerals": numerals, "articles": articles, "questions": questions });
