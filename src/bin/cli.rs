//! `amnistia`: the command line (contract §5). The only code that prints.
//!
//! amnistia check [--lang es|en] [--format json|text] FILE|-
//! amnistia screen [--lang es|en] [--format jsonl|csv] FILE.jsonl|FILE.csv|-
//! amnistia --help, and --help after a command: its usage, on standard output

use amnistia::{Lang, output, screen};
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  amnistia check [--lang es|en] [--format json|text] FILE|-
  amnistia screen [--lang es|en] [--format jsonl|csv] [--input jsonl|csv] FILE|-
  amnistia request [--lang es|en] [--format json|text|rtf] [--proceeding N] [--details FILE] FILE|-
  amnistia version
  amnistia --help | amnistia COMMAND --help";

const CHECK_USAGE: &str = "usage: amnistia check [--lang es|en] [--format json|text] FILE|-

Assesses one case (contract JSON; - reads standard input) and prints the
assessment as JSON, or as readable text with --format text.
  --lang es|en         the language of every text (Spanish by default)
  --format json|text   JSON (the default) or readable text
Exit status: 0 for any outcome, 2 for bad input, 1 for anything else.";

const SCREEN_USAGE: &str = "usage: amnistia screen [--lang es|en] [--format jsonl|csv] [--input jsonl|csv] FILE|-

Screens a list: one case per JSONL line, or one proceeding per CSV row, and
prints one result per case, locally.
  --lang es|en          the language of messages (Spanish by default)
  --format jsonl|csv    the results as JSON lines (the default) or CSV
  --input jsonl|csv     the input kind (by default from the file name, or
                        JSONL when the first character is `{`)

CSV: one row per proceeding, separated by `,`, `;` or tab (found from the
header row), in UTF-8 or Windows-1252. Column names in English or Spanish
(`fecha_hechos`, `cargos`, ...), values in either, dates as dd/mm/aaaa,
mm/aaaa, aaaa or ISO. Every error of a row is reported with its column.
Progress goes to standard error every 1,000 rows when it is a terminal.";

const REQUEST_USAGE: &str = "usage: amnistia request [--lang es|en] [--format json|text|rtf] [--proceeding N] [--details FILE] FILE|-

Prepares the written document for each proceeding of a case (contract JSON;
- reads standard input), as contract §5.1 describes: its type, and for the
type none the reason. A draft to review with a lawyer before filing; not
legal advice.
  --lang es|en              the language of the document (Spanish by default,
                            the version to file)
  --format json|text|rtf    JSON (the default), readable text, or an editable
                            RTF file
  --proceeding N            only proceeding N, counted from 1 (one JSON object
                            instead of an array)
  --details FILE            a small JSON file with the form's details, the
                            keys of contract §5.1, each optional
Exit status: 0 whatever the type, 2 for bad input, 1 for anything else.";

struct Opts {
    lang: Lang,
    format: Option<String>,
    input: Option<String>,
    proceeding: Option<String>,
    details: Option<String>,
    file: Option<String>,
}

fn parse_opts(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts { lang: Lang::Es, format: None, input: None, proceeding: None, details: None, file: None };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lang" => o.lang = it.next().and_then(|v| Lang::from_code(v)).ok_or("--lang takes es or en")?,
            "--format" => o.format = Some(it.next().ok_or("--format takes a value")?.clone()),
            "--input" => o.input = Some(it.next().ok_or("--input takes jsonl or csv")?.clone()),
            "--proceeding" => o.proceeding = Some(it.next().ok_or("--proceeding takes a number from 1")?.clone()),
            "--details" => o.details = Some(it.next().ok_or("--details takes a file")?.clone()),
            f if o.file.is_none() && (f == "-" || !f.starts_with("--")) => o.file = Some(f.to_string()),
            other => return Err(format!("unexpected argument: {other}")),
        }
    }
    Ok(o)
}

fn open(file: &str) -> io::Result<Box<dyn BufRead>> {
    Ok(if file == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        Box::new(io::BufReader::new(std::fs::File::open(file)?))
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(1);
    };
    let help = |usage: &str| {
        println!("{usage}");
        ExitCode::SUCCESS
    };
    let wants_help = args[1..].iter().any(|a| a == "--help" || a == "-h");
    let result = match cmd.as_str() {
        "--help" | "-h" | "help" => return help(USAGE),
        "version" | "--version" => {
            println!("{}", amnistia::version_line());
            return ExitCode::SUCCESS;
        }
        "check" if wants_help => return help(CHECK_USAGE),
        "screen" if wants_help => return help(SCREEN_USAGE),
        "request" if wants_help => return help(REQUEST_USAGE),
        "check" | "screen" | "request" => match parse_opts(&args[1..]) {
            Ok(o) if o.file.is_some() => match cmd.as_str() {
                "check" => check(&o),
                "request" => request_cmd(&o),
                _ => screen_cmd(&o),
            },
            Ok(_) => Err("missing FILE (use - for standard input)".to_string()),
            Err(e) => Err(e),
        },
        _ => Err(format!("unknown command: {cmd}")),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("amnistia: {msg}\n{USAGE}");
            ExitCode::from(1)
        }
    }
}

/// The bytes of a file (or standard input), one byte past the input limit
/// at most: enough to know the input is too large.
fn read_limited(file: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = amnistia::MAX_INPUT_BYTES as u64 + 1;
    open(file).and_then(|r| r.take(limit).read_to_end(&mut bytes)).map_err(|e| format!("{file}: {e}"))?;
    Ok(bytes)
}

/// Prints bad input as `check` does: the error JSON on stdout (JSON and
/// RTF), or one line on stderr (text); exit status 2.
fn bad_input(out: &mut impl Write, e: &amnistia::Error, lang: Lang, text_mode: bool) -> io::Result<ExitCode> {
    if text_mode {
        eprintln!("{}: {}{}", e.code().code(), e.message(lang), e.path().map_or(String::new(), |p| format!(" ({p})")));
        Ok(ExitCode::from(2))
    } else {
        writeln!(out, "{}", output::error_json(e, lang)).map(|_| ExitCode::from(2))
    }
}

fn request_cmd(o: &Opts) -> Result<ExitCode, String> {
    let file = o.file.as_deref().unwrap_or("-");
    #[derive(PartialEq)]
    enum Format { Json, Text, Rtf }
    let format = match o.format.as_deref() {
        None | Some("json") => Format::Json,
        Some("text") => Format::Text,
        Some("rtf") => Format::Rtf,
        Some(f) => return Err(format!("unknown format: {f}")),
    };
    let bytes = read_limited(file)?;
    let out = io::stdout();
    let mut out = out.lock();
    let text_mode = format == Format::Text;
    let case = match amnistia::read_case(&bytes) {
        Ok(c) => c,
        Err(e) => return bad_input(&mut out, &e, o.lang, text_mode).map_err(|e| format!("stdout: {e}")),
    };
    let details = match &o.details {
        None => amnistia::request::Details::default(),
        Some(path) => {
            let bytes = read_limited(path)?;
            let parsed = amnistia::request::details_from_bytes(&bytes);
            match parsed {
                Ok(d) => d,
                Err(e) => return bad_input(&mut out, &e, o.lang, text_mode).map_err(|e| format!("stdout: {e}")),
            }
        }
    };
    // N counts from 1; anything else is bad input at `proceeding`.
    let proceeding = match o.proceeding.as_deref() {
        None => None,
        Some(n) => Some(n.parse::<usize>().unwrap_or(0)),
    };
    let docs = match amnistia::request::request(&case, &details, proceeding, o.lang) {
        Ok(d) => d,
        Err(e) => return bad_input(&mut out, &e, o.lang, text_mode).map_err(|e| format!("stdout: {e}")),
    };
    let s = match format {
        Format::Json if proceeding.is_some() => output::to_json(&docs[0]) + "\n",
        Format::Json => output::to_json(&docs) + "\n",
        Format::Text => amnistia::request::to_text(&docs) + "\n",
        Format::Rtf => amnistia::rtf::to_rtf(&docs) + "\n",
    };
    out.write_all(s.as_bytes()).map(|_| ExitCode::SUCCESS).map_err(|e| format!("stdout: {e}"))
}

fn check(o: &Opts) -> Result<ExitCode, String> {
    let file = o.file.as_deref().unwrap_or("-");
    let bytes = read_limited(file)?;
    let text_mode = match o.format.as_deref() {
        None | Some("json") => false,
        Some("text") => true,
        Some(f) => return Err(format!("unknown format: {f}")),
    };
    let out = io::stdout();
    let mut out = out.lock();
    let written = match amnistia::read_case(&bytes) {
        Ok(case) => {
            let a = amnistia::assess(&case, o.lang);
            let s = if text_mode { output::to_text(&a, o.lang) } else { output::to_json(&a) + "\n" };
            out.write_all(s.as_bytes()).map(|_| ExitCode::SUCCESS)
        }
        Err(e) => {
            if text_mode {
                eprintln!("{}: {}{}", e.code().code(), e.message(o.lang), e.path().map_or(String::new(), |p| format!(" ({p})")));
                Ok(ExitCode::from(2))
            } else {
                writeln!(out, "{}", output::error_json(&e, o.lang)).map(|_| ExitCode::from(2))
            }
        }
    };
    written.map_err(|e| format!("stdout: {e}"))
}

fn screen_cmd(o: &Opts) -> Result<ExitCode, String> {
    let file = o.file.as_deref().unwrap_or("-");
    let csv_out = match o.format.as_deref() {
        None | Some("jsonl") | Some("json") => false,
        Some("csv") => true,
        Some(f) => return Err(format!("unknown format: {f}")),
    };
    let mut reader = open(file).map_err(|e| format!("{file}: {e}"))?;
    // A workbook or a PDF is not a list: say how to save it as CSV.
    let head = reader.fill_buf().map_err(|e| format!("{file}: {e}"))?;
    if let Some(kind) = screen::not_a_list(file, head) {
        eprintln!("amnistia: {file}: {}", screen::not_a_list_message(kind, o.lang));
        return Ok(ExitCode::from(2));
    }
    let csv_in = match o.input.as_deref() {
        Some("csv") => true,
        Some("jsonl") => false,
        Some(x) => return Err(format!("unknown input kind: {x}")),
        // By the name, as the page does; otherwise by the first character.
        None => {
            let name = file.to_ascii_lowercase();
            let jsonl = [".jsonl", ".ndjson", ".json"].iter().any(|e| name.ends_with(e));
            !jsonl && (name.ends_with(".csv") || !head.trim_ascii_start().starts_with(b"{"))
        }
    };
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    let mut s = Screening { rows: 0, errors: 0, progress: io::stderr().is_terminal(), csv_out };
    if csv_out {
        writeln!(out, "{}", screen::CSV_RESULT_HEADER).map_err(|e| e.to_string())?;
    }
    if csv_in {
        // The whole file, decoded as UTF-8 or Windows-1252 (screen::decode_text).
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(|e| format!("{file}: {e}"))?;
        let text = screen::decode_text(&bytes);
        let mut lines = text.split('\n');
        let header = lines.next().unwrap_or("");
        let header = match screen::csv_header(header) {
            Ok(h) => h,
            Err(e) => {
                out.flush().map_err(|e| e.to_string())?;
                eprintln!("amnistia: {file}: {}", e.message(o.lang));
                return Ok(ExitCode::from(2));
            }
        };
        for (i, line) in lines.enumerate() {
            if let Some(row) = screen::csv_row(i + 2, line, &header, o.lang) {
                s.emit(&mut out, &row)?;
            }
        }
    } else {
        // JSON lines, one by one: a line that is not UTF-8 is a bad row.
        for (i, line) in reader.split(b'\n').enumerate() {
            let line_no = i + 1;
            let line = line.map_err(|e| format!("{file}: {e}"))?;
            let row = match std::str::from_utf8(&line) {
                Ok(l) => screen::jsonl_line(line_no, l, o.lang),
                Err(_) => Some(screen::Row::failed(line_no, &amnistia::Error::at_line_invalid_json(), o.lang)),
            };
            if let Some(row) = row {
                s.emit(&mut out, &row)?;
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    if s.progress && s.rows >= 1000 {
        eprintln!("\ramnistia: {} cases screened, {} with errors", s.rows, s.errors);
    }
    Ok(ExitCode::SUCCESS)
}

struct Screening {
    rows: usize,
    errors: usize,
    /// Progress only for a person watching: never into a log or a pipe.
    progress: bool,
    csv_out: bool,
}

impl Screening {
    fn emit(&mut self, out: &mut impl Write, row: &screen::Row) -> Result<(), String> {
        self.rows += 1;
        self.errors += row.error.is_some() as usize;
        emit(out, row, self.csv_out)?;
        if self.progress && self.rows % 1000 == 0 {
            eprint!("\ramnistia: {} cases screened, {} with errors", self.rows, self.errors);
        }
        Ok(())
    }
}

fn emit(out: &mut impl Write, row: &screen::Row, csv: bool) -> Result<(), String> {
    let s = if csv { screen::csv_result(row) } else { screen::jsonl_result(row) };
    writeln!(out, "{s}").map_err(|e| format!("stdout: {e}"))
}
