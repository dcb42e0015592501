//! Screening a list of cases, one per line: JSONL, or CSV with one
//! proceeding per row (columns in the README). A bad row gives its errors
//! with its line number and the run goes on. Pure: bytes or lines in,
//! results out; the CLI and the page do the reading and the writing.
//!
//! CSV input is read in [`csv`] (re-exported here); this module makes
//! each row's result and writes the results as JSONL or CSV.

use crate::error::{Error, ErrorCode};
use crate::model::{CaseOutcome, Outcome, Question};
use crate::{Lang, parse};
use crate::json::json_object;
use crate::text::{Piece, sentence};

/// The CSV columns, in the template's order (`codes::CsvColumn`). `id` is
/// echoed back.
pub const CSV_COLUMNS: &[&str] = crate::codes::CsvColumn::CODES;

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// 1-based line number in the file.
    pub line: usize,
    pub id: Option<String>,
    /// The row's own label: the CSV `label` cell, or the JSONL case's
    /// proceedings' labels joined by " | ".
    pub label: Option<String>,
    pub outcome: Option<CaseOutcome>,
    pub proceedings: Vec<RowProceeding>,
    /// The row's first error (contract §5.2: `error_code`, `error_path`,
    /// `error_message`).
    pub error: Option<crate::error::ErrorBody>,
    /// Every error of the row, the first included, in the file's column order.
    pub errors: Vec<RowError>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowProceeding {
    pub outcome: Outcome,
    pub label: Option<String>,
    /// The core's one sentence naming the deciding fact (contract §3).
    pub reason: String,
    pub numerals: Vec<u8>,
    pub articles: Vec<String>,
    pub questions: Vec<Question>,
}

/// One error of a row: its code and case path, the column as the file
/// names it (CSV only), and a message that names the column's value.
#[derive(Clone, Debug, PartialEq)]
pub struct RowError {
    pub column: Option<String>,
    pub code: ErrorCode,
    pub path: Option<String>,
    pub message: String,
}

impl RowError {
    fn body(&self) -> crate::error::ErrorBody {
        crate::error::ErrorBody { code: self.code, message: self.message.clone(), path: self.path.clone() }
    }
}

impl Row {
    /// A row that is only an error (a line that is not text, say).
    pub fn failed(line: usize, e: &Error, lang: Lang) -> Row {
        let body = e.body(lang);
        let errors = vec![RowError { column: None, code: body.code, path: body.path.clone(), message: body.message.clone() }];
        Row { line, id: None, label: None, outcome: None, proceedings: Vec::new(), error: Some(body), errors }
    }
}

fn row_of(line: usize, id: Option<String>, parsed: Result<crate::Case, Error>, lang: Lang) -> Row {
    match parsed {
        Ok(case) => {
            let a = crate::assess(&case, lang);
            let mut label: Option<String> = None;
            for p in &a.proceedings {
                if let Some(l) = &p.label {
                    let joined = match label.take() {
                        Some(so_far) => sentence!(so_far, " | ", l.as_str()),
                        None => l.clone(),
                    };
                    label = Some(joined);
                }
            }
            Row {
                line,
                id,
                label,
                outcome: Some(a.outcome),
                proceedings: a
                    .proceedings
                    .into_iter()
                    .map(|p| RowProceeding {
                        outcome: p.outcome,
                        label: p.label,
                        reason: p.reason,
                        numerals: p.numerals,
                        articles: p.articles,
                        questions: p.questions,
                    })
                    .collect(),
                error: None,
                errors: Vec::new(),
            }
        }
        Err(e) => Row { id, ..Row::failed(line, &e, lang) },
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

mod csv;
pub use csv::*;

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
    // Revision 2: the row's own label, the reasons, and every error.
    out.push(',');
    push_cell(out, row.label.as_deref().unwrap_or(""));
    let mut cell = String::new();
    for (i, p) in row.proceedings.iter().enumerate() {
        if i > 0 {
            cell.push_str(" | ");
        }
        cell.push_str(&p.reason);
    }
    out.push(',');
    push_cell(out, &cell);
    out.push(',');
    row.errors.len().push_to(out);
    cell.clear();
    for (i, e) in row.errors.iter().enumerate() {
        if i > 0 {
            cell.push_str(" | ");
        }
        if let Some(c) = e.column.as_deref().or(e.path.as_deref()) {
            cell.push_str(c);
            cell.push_str(": ");
        }
        cell.push_str(&e.message);
    }
    out.push(',');
    push_cell(out, &cell);
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

pub const CSV_RESULT_HEADER: &str =
    "line,id,outcome,numerals,articles,questions,error_code,error_path,error_message,label,reason,error_count,errors";

json_object!(Row { "line": line, "id": id, "label": label, "outcome": outcome, "proceedings": proceedings, "error": error, "errors": errors });
json_object!(RowProceeding { "outcome": outcome, "label": label, "reason": reason, "numerals": numerals, "articles": articles, "questions": questions });
json_object!(RowError { "column": column, "code": code, "path": path, "message": message });

#[cfg(test)]
mod tests;
