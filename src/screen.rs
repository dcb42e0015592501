//! Screening a list of cases, one per line: JSONL, or CSV with one
//! proceeding per row (columns in the README). A bad row gives an error
//! with its line number and the run goes on. Pure: lines in, results out;
//! the CLI and the page do the reading and the writing.

use crate::error::Error;
use crate::json::Json;
use crate::model::{CaseOutcome, Outcome, Question};
use crate::{Lang, parse};
use crate::json::json_object;
use crate::prelude::*;
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

/// What `v.parse::<f64>()` gives the event column, without linking the
/// standard float parser (12 KB of tables) into the wasm module: `None`
/// where Rust's float syntax refuses the text, `Some(k)` where the nearest
/// `f64` is a whole number `k` from 1 to 13, and `Some(NAN)` for any other
/// number (the event reader refuses every other number alike, so the value
/// itself is never read). The tests compare it with `parse::<f64>()`.
fn event_number(v: &str) -> Option<f64> {
    let (negative, b) = match v.as_bytes() {
        [b'+', rest @ ..] => (false, rest),
        [b'-', rest @ ..] => (true, rest),
        all => (false, all),
    };
    if [&b"inf"[..], b"infinity", b"nan"].iter().any(|w| b.eq_ignore_ascii_case(w)) {
        return Some(f64::NAN);
    }
    // digits [. digits] [(e|E) [+|-] digits], with a digit before or after the point.
    let digits_from = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let int_end = digits_from(0);
    let (frac_start, frac_end) = match b.get(int_end) {
        Some(b'.') => (int_end + 1, digits_from(int_end + 1)),
        _ => (int_end, int_end),
    };
    if int_end == 0 && frac_end == frac_start {
        return None;
    }
    let mut end = frac_end;
    let mut exp: i64 = 0;
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let negative_exp = b.get(end + 1) == Some(&b'-');
        let start = end + 1 + usize::from(matches!(b.get(end + 1), Some(b'+' | b'-')));
        end = digits_from(start);
        if end == start {
            return None;
        }
        for &d in &b[start..end] {
            exp = (exp * 10 + i64::from(d - b'0')).min(1 << 40);
        }
        if negative_exp {
            exp = -exp;
        }
    }
    if end != b.len() {
        return None;
    }
    // The value is 0.D × 10^point, D the digits without leading zeros.
    let all: Vec<u8> = b[..int_end].iter().chain(&b[frac_start..frac_end]).map(|d| d - b'0').collect();
    let lead = all.iter().take_while(|d| **d == 0).count();
    let digits = &all[lead..];
    let point = int_end as i64 - lead as i64 + exp;
    if negative || digits.is_empty() || !(0..=2).contains(&point) {
        return Some(f64::NAN); // negative, zero, under 0.1, or 100 and over
    }
    let point = point as usize;
    let int_part = (0..point).fold(0u32, |n, j| n * 10 + u32::from(digits.get(j).copied().unwrap_or(0)));
    let frac = digits.get(point..).unwrap_or(&[]);
    // Round to nearest, ties to even (every k here has an even mantissa): k
    // takes the values up to half an ulp above it, and half an ulp below it,
    // where the ulp below a power of two is half the one above.
    let half_ulp_exp = |k: u32| 53 - (31 - k.leading_zeros()) as usize; // 2^-n
    let k = int_part;
    if (1..=13).contains(&k) && frac_at_most(frac, half_ulp_exp(k)) {
        return Some(f64::from(k));
    }
    let k = int_part + 1;
    if (1..=13).contains(&k) && frac_at_least_one_minus(frac, half_ulp_exp(k) + usize::from(k.is_power_of_two())) {
        return Some(f64::from(k));
    }
    Some(f64::NAN)
}

/// The `n` decimal digits of 2^-n = 5^n / 10^n.
fn pow2_neg_digits(n: usize) -> Vec<u8> {
    let mut d = vec![0u8; n];
    if let Some(last) = d.last_mut() {
        *last = 1;
    }
    for _ in 0..n {
        let mut carry = 0;
        for x in d.iter_mut().rev() {
            let v = *x * 5 + carry;
            *x = v % 10;
            carry = v / 10;
        }
    }
    d
}

/// Whether the fraction 0.`frac` (digit values) is at most 2^-n.
fn frac_at_most(frac: &[u8], n: usize) -> bool {
    for (j, td) in pow2_neg_digits(n).into_iter().enumerate() {
        let fd = frac.get(j).copied().unwrap_or(0);
        if fd != td {
            return fd < td;
        }
    }
    frac.iter().skip(n).all(|d| *d == 0)
}

/// Whether the fraction 0.`frac` (digit values) is at least 1 - 2^-n.
fn frac_at_least_one_minus(frac: &[u8], n: usize) -> bool {
    // 1 - 2^-n: the nines' complement of 2^-n's digits, plus one in the
    // last digit (a 5, so nothing carries).
    for (j, td) in pow2_neg_digits(n).into_iter().enumerate() {
        let cd = if j + 1 == n { 10 - td } else { 9 - td };
        let fd = frac.get(j).copied().unwrap_or(0);
        if fd != cd {
            return fd > cd;
        }
    }
    true
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
        out.push_str(e.code.as_str());
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

    /// `event_number` must read every cell as `str::parse::<f64>` does.
    #[test]
    fn event_numbers_read_as_the_standard_parser() {
        let reference = |v: &str| {
            v.parse::<f64>().ok().map(|x| if x.fract() == 0.0 && (1.0..=13.0).contains(&x) { x } else { f64::NAN })
        };
        let same = |v: &str| {
            let (got, want) = (event_number(v), reference(v));
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "cell {v:?}: {got:?} but parse::<f64> gives {want:?}");
        };
        let mut cells: Vec<String> = [
            "", "+", "-", ".", "e5", "1e", "1e+", "1e-", "1.", ".5", "+.5", "-.5", "12", "+12", "12.0", "012", "1_0", " 12",
            "12 ", "0x10", "1,5", "inf", "-inf", "+infinity", "InFiNiTy", "infinit", "nan", "NaN", "+nan", "-nan", "1e400",
            "1e-400", "13.5", "0.13e2", "130e-1", "1300E-2", "12e0", "1.2E1", "1.2e+1", "00012.000", "13.00000000000000000000001",
            "14", "0", "-0", "-12", "0e0", "1e99999999999999999999999", "13e-99999999999999999999", "0.1e1", ".1e1", "1.e1",
            "0.0000000000000000000000000000000000012e37", "9.99999999999999999", "0.99999999999999999999", "1.5e", "1e5.5",
            "12.9999999999999999", "12.999999999999999", "1..2", "1.2.3", "e", "E1", "++1", "--1", "1e+-1", "٣", "１２",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Around each whole number, at the rounding boundaries (2^-50 to 2^-56).
        for n in 48..=56 {
            let exact = format!("{:.70}", 2f64.powi(-n));
            let frac = exact.trim_start_matches("0.").trim_end_matches('0').to_string();
            let below: String = {
                // 1 - 2^-n as digits: nines' complement plus one in the last digit.
                let mut d: Vec<u8> = frac.bytes().map(|c| b'9' - c + b'0').collect();
                *d.last_mut().unwrap() += 1;
                String::from_utf8(d).unwrap()
            };
            let less = |f: &str| {
                let mut d = f.as_bytes().to_vec();
                *d.last_mut().unwrap() -= 1;
                String::from_utf8(d).unwrap()
            };
            for k in 0..=14 {
                for f in [frac.clone(), less(&frac), format!("{frac}1"), format!("{frac}000"), format!("{}9", less(&frac))] {
                    cells.push(format!("{k}.{f}"));
                    cells.push(format!("0.{k}{f}e{}", k.to_string().len()));
                    cells.push(format!("{k}{f}e-{}", f.len()));
                }
                if k > 0 {
                    for f in [below.clone(), less(&below), format!("{below}1"), format!("{}9", less(&below))] {
                        cells.push(format!("{}.{f}", k - 1));
                        cells.push(format!("{}{f}E-{}", k - 1, f.len()));
                    }
                }
            }
        }
        // Random short cells over the float alphabet, and printed floats.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..50_000 {
            let len = 1 + next() % 7;
            cells.push((0..len).map(|_| b"0123456789.eE+-1"[(next() % 16) as usize] as char).collect());
            let x = f64::from_bits(next());
            cells.push(format!("{x}"));
            cells.push(format!("{x:e}"));
            let y = (next() % 1500) as f64 / 100.0;
            cells.push(format!("{y}"));
        }
        for c in &cells {
            same(c);
        }
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
