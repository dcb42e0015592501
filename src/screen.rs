//! Screening a list of cases, one per line: JSONL, or CSV with one
//! proceeding per row (columns in the README). A bad row gives an error
//! with its line number and the run goes on. Pure: lines in, results out;
//! the CLI and the page do the reading and the writing.

use crate::error::Error;
use crate::json::Json;
use crate::model::{CaseOutcome, Outcome, Question};
use crate::{Lang, parse};
use serde::Serialize;

/// The CSV columns, in the template's order. `id` is echoed back.
pub const CSV_COLUMNS: &[&str] = &[
    "id", "law", "situation", "abroad", "ceasedConduct", "label", "factsDate", "factsDateEnd",
    "event", "charges", "phase", "militaryJustice",
];

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// 1-based line number in the file.
    pub line: usize,
    pub id: Option<String>,
    pub outcome: Option<CaseOutcome>,
    pub proceedings: Vec<RowProceeding>,
    pub error: Option<crate::error::ErrorBody>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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

fn cell_bool(v: &str) -> Json {
    match v.to_lowercase().as_str() {
        "true" | "yes" | "sí" | "si" | "1" => Json::Bool(true),
        "false" | "no" | "0" => Json::Bool(false),
        _ => Json::String(v.to_string()),
    }
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
        let s = || Json::String(v.to_string());
        match *col {
            "id" => id = Some(v.to_string()),
            "law" => top.push(("law".to_string(), s())),
            "situation" => person.push(("situation".to_string(), s())),
            "abroad" | "ceasedConduct" => person.push((col.to_string(), cell_bool(v))),
            "militaryJustice" => proc.push((col.to_string(), cell_bool(v))),
            "event" => proc.push(("event".to_string(), v.parse::<f64>().map_or_else(|_| s(), Json::Number))),
            "charges" => {
                let list = v
                    .split([';', '|', ' '])
                    .filter(|c| !c.is_empty() && *c != "none")
                    .map(|c| Json::String(c.to_string()))
                    .collect();
                proc.push(("charges".to_string(), Json::Array(list)));
            }
            _ => proc.push((col.to_string(), s())),
        }
    }
    if cells.len() > header.len() {
        let e = Error::at_root(crate::ErrorCode::UnknownField).quoting(&cells[header.len()]);
        return Some(row_of(line_no, id, Err(e), lang));
    }
    top.push(("person".to_string(), Json::Object(person)));
    top.push(("proceedings".to_string(), Json::Array(vec![Json::Object(proc)])));
    Some(row_of(line_no, id, parse::case_from_tree(Json::Object(top)), lang))
}

/// A CSV line for a result row.
pub fn csv_result(row: &Row) -> String {
    let q = |s: &str| {
        if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
    };
    let join = |f: &dyn Fn(&RowProceeding) -> String| row.proceedings.iter().map(f).collect::<Vec<_>>().join(" | ");
    [
        row.line.to_string(),
        q(row.id.as_deref().unwrap_or("")),
        row.outcome.map_or(String::new(), |o| o.code().to_string()),
        q(&join(&|p| p.numerals.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(";"))),
        q(&join(&|p| p.articles.join(";"))),
        q(&join(&|p| p.questions.iter().map(|x| x.code()).collect::<Vec<_>>().join(";"))),
        row.error.as_ref().map_or(String::new(), |e| e.code.as_str().to_string()),
        q(row.error.as_ref().and_then(|e| e.path.as_deref()).unwrap_or("")),
        q(row.error.as_ref().map_or("", |e| e.message.as_str())),
    ]
    .join(",")
}

pub const CSV_RESULT_HEADER: &str = "line,id,outcome,numerals,articles,questions,error_code,error_path,error_message";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_doubled_quotes() {
        assert_eq!(split_csv(r#"a,"b,c","d""e",,"#).unwrap(), ["a", "b,c", "d\"e", "", ""]);
        assert!(split_csv(r#"a,"b"#).is_none());
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
