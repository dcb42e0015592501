//! Legal sentences live only in the rules files (`src/law/*.toml`): the
//! Rust code assembles them and never types a law's content by hand, so a
//! sentence that is right for one law version cannot be shown under the
//! other (the review found an exclusion list typed in Rust, wrong for the
//! draft).
//!
//! This test reads every string literal of `src/` (comments aside) and
//! fails when one that reads as a sentence (it has a space) names a
//! law-specific thing: a charge, an institution, a step of procedure, an
//! article or numeral. Codes and ids (no spaces) are not sentences.

use std::path::{Path, PathBuf};

/// Lowercase stems of words that only a sentence about the law would use.
const LAW_WORDS: &[&str] = &[
    "homicid", "lesiones", "injuries", "tráfico", "traffick", "droga", "drug", "corrupc", "corruption",
    "rebeli", "rebellion", "traición", "treason", "conspira", "magnicid", "magnicide", "terroris",
    "asamblea", "assembly", "interpol", "sobreseimiento", "apoderado", "defensa pública",
    "public defender", "urdd", "comisión", "commission", "indulto", "pardon", "extradic", "numeral",
    "artículo", "art. ", "gaceta", "amnistía", "amnesty", "tribunal", "court", "militar", "cesado", "ceased",
    "conducta", "fiscal", "prosecut", "ministerio público", "condena", "convict", "medidas cautelares",
    "precautionary", "ponerse a derecho", "estar a derecho", "extinción", "apelaci", "appeal",
];

/// Files whose literals are not texts for people, with the reason.
const NOT_FOR_PEOPLE: &[(&str, &str)] = &[
    // Build-time messages for whoever edits the rules files.
    ("src/law/validate/", "the rules files' build-time error messages, for their editors"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of Rust source, with the line each starts on.
/// Skips comments, char literals and lifetimes; reads `"…"` with escapes
/// and raw strings `r#"…"#`.
fn literals(src: &str) -> Vec<(usize, String)> {
    let b = src.as_bytes();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < b.len() {
        match b[i] {
            b'\n' => line += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    line += usize::from(b[i] == b'\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            b'\'' => {
                // A char literal ('x', '\n', '\'') or a lifetime ('a).
                if b.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                } else if b.get(i + 2) == Some(&b'\'') || (b.get(i + 1).is_some_and(|c| *c >= 0x80)) {
                    i += 1;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                }
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#')) && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'_') => {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) == Some(&b'"') {
                    let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                    let start = j + 1;
                    let end = src[start..].find(&close).map_or(b.len(), |k| start + k);
                    let text = &src[start..end];
                    out.push((line, text.to_string()));
                    line += text.matches('\n').count();
                    i = end + close.len();
                    continue;
                }
            }
            b'"' => {
                let start_line = line;
                let mut s = String::new();
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    if b[i] == b'\n' {
                        line += 1;
                    }
                    s.push(b[i] as char);
                    i += 1;
                }
                // Bytes pushed as chars: re-read as UTF-8 for the match.
                let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
                out.push((start_line, String::from_utf8_lossy(&bytes).into_owned()));
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[test]
fn no_legal_sentence_is_typed_in_rust() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    assert!(files.len() > 10, "the walk found too few files: {files:?}");
    let mut found = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if NOT_FOR_PEOPLE.iter().any(|(p, _)| *p == rel || (p.ends_with('/') && rel.starts_with(p))) {
            continue;
        }
        // A module's unit tests in a file of their own (`screen/tests.rs`,
        // included under `#[cfg(test)]`): fixtures, not texts for people.
        if rel.ends_with("/tests.rs") {
            continue;
        }
        let src = std::fs::read_to_string(f).unwrap();
        // Unit tests sit at the end of a file, after `#[cfg(test)]`; their
        // fixtures are not texts for people.
        let src = src.split("\n#[cfg(test)]").next().unwrap_or_default();
        for (line, lit) in literals(src) {
            if !lit.contains(' ') {
                continue; // a code, an id, a key
            }
            let lower = lit.to_lowercase();
            if let Some(w) = LAW_WORDS.iter().find(|w| lower.contains(*w)) {
                found.push(format!("{rel}:{line}: «{w}» in {lit:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "legal sentences typed in Rust; move them to src/law/*.toml (texts*.toml templates or the law's entries):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_literals_and_skips_comments() {
    let src = "// \"homicidio en comentario\"\nlet a = 'x'; let b = \"el tribunal decide\"; /* \"no\" */ let c = r#\"una \"apelación\" aquí\"#; fn f<'a>(x: &'a str) {}";
    let lits: Vec<String> = literals(src).into_iter().map(|(_, s)| s).collect();
    assert_eq!(lits, ["el tribunal decide", "una \"apelación\" aquí"]);
}
