//! The list-screening readers (`amnistia screen`, and the page's
//! "Organizaciones" view through `screenCsv`/`screenJsonl`): any text as a
//! CSV file (first line the header) or as JSONL lines must give rows or
//! errors, never a panic. The event column's hand-written number reader
//! (`screen::event_number`, which avoids linking the float parser into the
//! wasm) must read every cell as `str::parse::<f64>` does.
#![no_main]

use amnistia::{Lang, screen};
use libfuzzer_sys::fuzz_target;

/// The row for one CSV line under the header `event`.
fn event_row(cell: &str) -> screen::Row {
    let header = screen::csv_header("event").expect("a known column");
    screen::csv_row(2, cell, &header, Lang::En).expect("a row")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };

    // The whole input as a CSV file, and as JSONL.
    let mut lines = text.split('\n');
    if let Ok(header) = screen::csv_header(lines.next().unwrap_or("")) {
        for (i, line) in lines.enumerate() {
            if let Some(row) = screen::csv_row(i + 2, line, &header, Lang::Es) {
                let out = screen::csv_result(&row);
                assert!(!out.contains('\n') || out.contains('"'), "a result line broke in two: {out:?}");
            }
        }
    }
    for (i, line) in text.split('\n').enumerate().take(20) {
        if let Some(row) = screen::jsonl_line(i + 1, line, Lang::En) {
            let _ = screen::csv_result(&row);
        }
    }

    // Differential: the event cell against the standard float parser. A
    // cell with a separator, a quote or a line break is not one cell;
    // leading and trailing spaces are trimmed by the reader.
    if text.contains([',', ';', '\t', '"', '\n', '\r']) || text.trim().is_empty() {
        return;
    }
    let cell = text.trim();
    let row = event_row(cell);
    let error = row.error.as_ref().map(|e| e.code.code());
    match cell.parse::<f64>() {
        Ok(x) if x.fract() == 0.0 && (1.0..=13.0).contains(&x) => {
            // Must be read as that numeral: the same row as the plain integer.
            let plain = event_row(&(x as u8).to_string());
            assert_eq!(row.error, None, "cell {cell:?} is {x} but was refused");
            assert_eq!(row.proceedings, plain.proceedings, "cell {cell:?} is {x}");
        }
        Ok(x) => assert_eq!(error, Some("invalid_event"), "cell {cell:?} is {x}, not 1-13"),
        // `none` in any case, `ninguno`, and the cells that say the fact is
        // not known are no error.
        Err(_) if matches!(
            amnistia::codes::fold(cell).as_str(),
            "none" | "ninguno" | "ninguna" | "no se" | "no sabe" | "desconocido" | "desconocida" | "unknown" | "?" | "sin datos" | "s/d" | "n/a"
        ) => assert_eq!(error, None),
        Err(_) => assert_eq!(error, Some("invalid_event"), "cell {cell:?} is not a number"),
    }
});
