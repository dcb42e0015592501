//! The command line as a user runs it (contract §5).

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_amnistia"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

#[test]
fn the_contract_example_is_covered_under_articles_8_12_9_and_7() {
    let (code, out, _) = run(&["check", "tests/examples/contract.json"], b"");
    assert_eq!(code, 0);
    let a = json(&out);
    assert_eq!(a["outcome"], "covered");
    let arts = a["proceedings"][0]["articles"].as_array().unwrap();
    for want in ["8.12", "9", "7"] {
        assert!(arts.contains(&want.into()), "{want} missing from {arts:?}");
    }
    assert_eq!(a["law"]["id"], "enacted-2026-02-19");
    assert!(a["law"]["rulesVersion"].as_str().unwrap().starts_with("sha256:"));
}

#[test]
fn a_proceeding_with_no_facts_asks_all_five_questions() {
    let (code, out, _) = run(&["check", "-"], br#"{"proceedings":[{}]}"#);
    assert_eq!(code, 0);
    let p = &json(&out)["proceedings"][0];
    assert_eq!(p["outcome"], "needs_information");
    assert_eq!(p["questions"], serde_json::json!(["factsDate", "event", "charges", "militaryJustice", "ceasedConduct"]));
}

#[test]
fn every_bad_input_exits_2_with_its_code_and_path() {
    let long = format!(r#"{{"proceedings":[{{"label":"{}"}}]}}"#, "x".repeat(70_000));
    let many = format!(r#"{{"proceedings":[{}]}}"#, vec!["{}"; 51].join(","));
    let cases: Vec<(Vec<u8>, &str, Option<&str>)> = vec![
        (b"{".to_vec(), "invalid_json", None),
        (b"\xef\xbb\xbf{\"proceedings\":[{}]}".to_vec(), "invalid_json", None),
        (b"\xff\xfe".to_vec(), "invalid_json", None),
        (br#"{"proceedings":[{}],"extra":1}"#.to_vec(), "unknown_field", Some("extra")),
        (br#"{"proceedings":[{"factsDate":"2024-13-40"}]}"#.to_vec(), "invalid_date", Some("proceedings[0].factsDate")),
        (br#"{"proceedings":[{"factsDate":"24/07/2024"}]}"#.to_vec(), "invalid_date", Some("proceedings[0].factsDate")),
        (br#"{"proceedings":[{"factsDate":"2024-07","factsDateEnd":"2024-06"}]}"#.to_vec(), "invalid_date_range", Some("proceedings[0].factsDateEnd")),
        (br#"{"proceedings":[{"event":14}]}"#.to_vec(), "invalid_event", Some("proceedings[0].event")),
        (br#"{"proceedings":[{"charges":["theft"]}]}"#.to_vec(), "unknown_charge", Some("proceedings[0].charges[0]")),
        (br#"{"person":{"abroad":"yes"},"proceedings":[{}]}"#.to_vec(), "invalid_value", Some("person.abroad")),
        (br#"{"proceedings":[]}"#.to_vec(), "no_proceedings", Some("proceedings")),
        (many.into_bytes(), "too_many_proceedings", Some("proceedings")),
        (long.into_bytes(), "input_too_large", None),
        (br#"{"law":"2030","proceedings":[{}]}"#.to_vec(), "unknown_law", Some("law")),
    ];
    for (input, code, path) in cases {
        let (status, out, _) = run(&["check", "-"], &input);
        assert_eq!(status, 2, "exit status for {code}");
        let e = &json(&out)["error"];
        assert_eq!(e["code"], code);
        assert_eq!(e["path"].as_str(), path, "path for {code}");
        assert!(!e["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn text_mode_reads_in_spanish_and_in_english() {
    let (code, es, _) = run(&["check", "--format", "text", "tests/examples/contract.json"], b"");
    assert_eq!(code, 0);
    assert!(es.contains("ENTRA EN LA AMNISTÍA (HAY QUE PEDIRLA)"), "{es}");
    assert!(es.contains("Próximos pasos"));
    assert!(es.contains("no es asesoría legal"));
    let (_, en, _) = run(&["check", "--format", "text", "--lang", "en", "tests/examples/contract.json"], b"");
    assert!(en.contains("WITHIN THE AMNESTY (IT MUST BE REQUESTED)"), "{en}");
    assert!(en.contains("not legal advice"));
}

#[test]
fn text_mode_words_the_law_version_reason_and_passed_steps_for_people() {
    // A passed step carries no confidence word (review A8): next to a fact
    // about the person, "(punto discutido)" would read as a doubt about them.
    let case = br#"{"person": {"ceasedConduct": true},
        "proceedings": [{"factsDate": "2024-07-30", "event": 12, "charges": ["terrorism"], "militaryJustice": false}]}"#;
    let (code, es, _) = run(&["check", "--format", "text", "-"], case);
    assert_eq!(code, 0);
    for l in es.lines().filter(|l| l.trim_start().starts_with('✓')) {
        assert!(!l.contains("(punto "), "a passed step shows a confidence word: {l}");
    }
    assert!(es.contains("Versión de la ley: enacted-2026-02-19 · reglas sha256:"), "{es}");
    assert!(es.contains("Motivo: Los hechos del 30 de julio de 2024"), "{es}");
    assert!(es.contains("llega hasta el 17 de marzo de 2026"), "{es}");
    // A mixed result says first that another case can keep the person
    // detained (review A5).
    let mixed = br#"{"proceedings": [{"factsDate": "2024-07-30", "event": 12, "charges": ["terrorism"], "militaryJustice": false},
        {"factsDate": "2024-07-30", "event": 12, "charges": ["intentional_homicide"]}], "person": {"ceasedConduct": true}}"#;
    let (_, es, _) = run(&["check", "--format", "text", "-"], mixed);
    let warning = es.find("puede mantener a la persona detenida").expect("the mixed warning");
    assert!(warning < es.find("Causa 1").unwrap(), "{es}");
    // The draft's headline speaks as a bill (review A1).
    let draft = br#"{"law": "draft-2026-02-05", "proceedings": [{"factsDate": "2024-07-30", "event": 12, "charges": []}]}"#;
    let (_, es, _) = run(&["check", "--format", "text", "-"], draft);
    assert!(es.contains("SEGÚN EL PROYECTO DE LEY, HABRÍA ESTADO CUBIERTA"), "{es}");
}

#[test]
fn screening_reports_bad_rows_by_line_and_goes_on() {
    let csv = "id,factsDate,event,charges,militaryJustice,ceasedConduct\n\
               A,2024-07-30,12,terrorism,false,true\n\
               B,2024-13-01,12,,,\n\
               \n\
               C,2022-05-01,none,none,false,true\n";
    let (code, out, _) = run(&["screen", "--input", "csv", "--format", "csv", "-"], csv.as_bytes());
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    // Revision 2 appends columns; the first nine stay as they were.
    assert_eq!(lines[0], "line,id,outcome,numerals,articles,questions,error_code,error_path,error_message,label,reason,error_count,errors");
    assert!(lines[1].starts_with("2,A,covered,12,"), "{}", lines[1]);
    assert!(lines[2].starts_with("3,B,,,,,invalid_date,proceedings[0].factsDate"), "{}", lines[2]);
    assert!(lines[3].starts_with("5,C,not_covered,"), "{}", lines[3]);
    assert_eq!(lines.len(), 4);

    let jsonl = "{\"proceedings\":[{\"factsDate\":\"2024-07\",\"event\":12,\"charges\":[],\"militaryJustice\":false}],\"person\":{\"ceasedConduct\":true}}\nnot json\n";
    let (code, out, _) = run(&["screen", "-"], jsonl.as_bytes());
    assert_eq!(code, 0);
    let rows: Vec<serde_json::Value> = out.lines().map(json).collect();
    assert_eq!(rows[0]["outcome"], "covered");
    assert_eq!(rows[1]["line"], 2);
    assert_eq!(rows[1]["error"]["code"], "invalid_json");
}

#[test]
fn usage_errors_exit_1() {
    assert_eq!(run(&["frobnicate"], b"").0, 1);
    assert_eq!(run(&["check"], b"").0, 1);
    assert_eq!(run(&["check", "/no/such/file.json"], b"").0, 1);
}

#[test]
fn help_prints_usage_on_stdout_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &["check", "--help"], &["screen", "--help"], &["check", "--lang", "en", "--help"]] {
        let (code, out, err) = run(args, b"");
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.starts_with("usage:"), "{args:?}: {out}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
    let (_, out, _) = run(&["screen", "--help"], b"");
    assert!(out.contains("--input jsonl|csv") && !out.contains("amnistia check"), "{out}");
    let (_, out, _) = run(&["check", "--help"], b"");
    assert!(out.contains("--format json|text") && !out.contains("amnistia screen"), "{out}");
}

#[test]
fn screening_progress_stays_off_a_pipe() {
    let mut lines = String::new();
    for _ in 0..1200 {
        lines.push_str("{\"proceedings\":[{}]}\n");
    }
    let (code, out, err) = run(&["screen", "-"], lines.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1200);
    assert!(err.is_empty(), "progress written to a pipe: {err:?}");
}

fn file(name: &str) -> String {
    format!("{}/tests/screening/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The results CSV's cells (no cell of these results spans lines).
fn cells(line: &str) -> Vec<String> {
    amnistia::screen::split_csv(line).unwrap()
}

#[test]
fn a_spanish_spreadsheet_screens_as_the_canonical_list() {
    // The same twelve cases: canonical CSV; Spanish headers, values and
    // dates with `;` separators and CRLF, in UTF-8 and in Windows-1252.
    let (code, canonical, _) = run(&["screen", "--format", "csv", &file("list.csv")], b"");
    assert_eq!(code, 0);
    assert_eq!(canonical.lines().count(), 13, "{canonical}");
    for es in ["lista-es.csv", "lista-es-1252.csv"] {
        let (code, out, err) = run(&["screen", "--format", "csv", &file(es)], b"");
        assert_eq!(code, 0, "{es}: {err}");
        assert_eq!(out, canonical, "{es}");
    }
    // The same again from standard input, with a byte order mark.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(std::fs::read(file("lista-es.csv")).unwrap());
    let (_, out, _) = run(&["screen", "--input", "csv", "--format", "csv", "-"], &bom);
    assert_eq!(out, canonical);
    // And the outcomes, reasons and labels are those of contract JSON.
    let (_, jsonl, _) = run(&["screen", &file("list.jsonl")], b"");
    let rows: Vec<serde_json::Value> = jsonl.lines().map(json).collect();
    for (row, line) in rows.iter().zip(canonical.lines().skip(1)) {
        let c = cells(line);
        assert_eq!(row["outcome"].as_str().unwrap(), c[2], "{line}");
        let p = &row["proceedings"][0];
        let nums: Vec<String> = p["numerals"].as_array().unwrap().iter().map(|n| n.to_string()).collect();
        assert_eq!(nums.join(";"), c[3], "{line}");
        assert_eq!(p["reason"].as_str().unwrap(), c[10], "{line}");
        assert!(!c[10].is_empty(), "every row has a reason: {line}");
        assert_eq!(p["label"].as_str().unwrap_or(""), c[9], "{line}");
        assert_eq!(c[11], "0");
    }
    assert!(canonical.contains(",\"Tribunal 2º de Control, Caracas\","), "{canonical}");
}

#[test]
fn every_error_of_a_row_is_reported_with_its_column() {
    let csv = "id;Situación;exterior;fecha_hechos;suceso;cargos;fase\n\
               B-1;presa;quizá;07/30/2024;14;rebelión / robo;juicios\n";
    let (code, out, _) = run(&["screen", "--input", "csv", "--format", "csv", "-"], csv.as_bytes());
    assert_eq!(code, 0);
    let c = cells(out.lines().nth(1).unwrap());
    // The first error in the first three columns, with a case path.
    assert_eq!(c[6], "invalid_value");
    assert_eq!(c[7], "person.abroad");
    assert!(c[8].contains("«quizá»"), "{}", c[8]);
    assert_eq!(c[11], "6");
    let errors: Vec<&str> = c[12].split(" | ").collect();
    let columns: Vec<&str> = errors.iter().map(|e| e.split(": ").next().unwrap()).collect();
    assert_eq!(columns, ["exterior", "fecha_hechos", "suceso", "cargos", "cargos", "fase"], "{}", c[12]);
    assert!(errors[1].contains("07/30/2024") && errors[1].contains("día/mes/año"), "{}", errors[1]);
    assert!(errors[3].contains("rebellion") && errors[3].contains("military_rebellion"), "{}", errors[3]);
    assert!(errors[4].contains("«robo»"), "{}", errors[4]);
    assert!(errors[5].contains("juicio") && errors[5].contains("«juicios»"), "{}", errors[5]);
    // JSON lines: every error, each with its column and case path.
    let (_, out, _) = run(&["screen", "--input", "csv", "--lang", "en", "-"], csv.as_bytes());
    let row = json(out.lines().next().unwrap());
    assert_eq!(row["errors"].as_array().unwrap().len(), 6);
    assert_eq!(row["errors"][1]["column"], "fecha_hechos");
    assert_eq!(row["errors"][1]["path"], "proceedings[0].factsDate");
    assert!(row["errors"][1]["message"].as_str().unwrap().contains("day/month/year"), "{row}");
    assert_eq!(row["error"]["code"], "invalid_value");
}

#[test]
fn a_list_that_cannot_be_read_stops_with_a_message_that_helps() {
    // An unknown column lists the accepted names.
    let (code, out, err) = run(&["screen", "--input", "csv", "-"], b"id;nombre;cargos\n1;Ana;terrorismo\n");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("«nombre»") && err.contains("charges (cargos)") && err.contains("factsDate (fecha_hechos"), "{err}");
    // A bare `fecha`: which date is it?
    let (code, _, err) = run(&["screen", "--input", "csv", "-"], b"id,fecha\n1,2024\n");
    assert_eq!(code, 2);
    assert!(err.contains("«fecha»") && err.contains("fecha_hechos") && err.contains("detención"), "{err}");
    // A workbook: how to save it as CSV.
    let dir = std::env::temp_dir().join(format!("amnistia-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("lista.xlsx");
    std::fs::write(&xlsx, b"PK\x03\x04\x14\x00\x06\x00").unwrap();
    let (code, _, err) = run(&["screen", "--lang", "en", xlsx.to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert!(err.contains("Excel .xlsx") && err.contains("Save As") && err.contains("CSV"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn other_spreadsheet_exports_read_the_same() {
    // LibreOffice in Spanish: every text cell quoted, two-digit years,
    // VERDADERO/FALSO; and a tab-separated copy. Rows A-001 and A-005 of
    // the canonical list.
    let (_, canonical, _) = run(&["screen", "--format", "csv", &file("list.csv")], b"");
    let want: Vec<String> = canonical.lines().filter(|l| l.starts_with("2,A-001,") || l.starts_with("6,A-005,")).map(|l| l.split_once(',').unwrap().1.to_string()).collect();
    assert_eq!(want.len(), 2);
    let libre = "\"ID\";\"Situación\";\"Exterior\";\"Cesó\";\"Etiqueta\";\"Fecha hechos\";\"Suceso\";\"Cargos\";\"Fase\";\"Justicia militar\"\r\n\
                 \"A-001\";\"DETENIDO\";\"FALSO\";\"VERDADERO\";\"Tribunal 2º de Control, Caracas\";30/07/24;12;\"terrorismo, incitacion al odio\";\"control\";\"FALSO\"\r\n\
                 \"A-005\";\"Condenado\";;;;30/04/19;10;\"homicidio intencional\";\"Ejecución\";\"no\"\r\n";
    let tab = "id\tsituacion\tcargos\tfecha_hechos\tsuceso\tfase\tjusticia_militar\texterior\tceso\tetiqueta\n\
               A-001\tdetenido\tTerrorismo; incitación al odio\t30/07/2024\t12\tcontrol\tno\tno\tsí\tTribunal 2º de Control, Caracas\n\
               A-005\tcondenado\thomicidio intencional\t30/04/2019\t10\tejecución\tno\t\t\t\n";
    for text in [libre, tab] {
        let (code, out, err) = run(&["screen", "--input", "csv", "--format", "csv", "-"], text.as_bytes());
        assert_eq!(code, 0, "{err}");
        let got: Vec<String> = out.lines().skip(1).map(|l| l.split_once(',').unwrap().1.to_string()).collect();
        assert_eq!(got, want, "{text}");
    }
}

// ---- amnistia request (contract §5.1) ------------------------------------------

const TWO: &[u8] = br#"{"person":{"situation":"detained","ceasedConduct":true},"proceedings":[
    {"factsDate":"2024-07-30","event":12,"charges":["terrorism"],"phase":"control","militaryJustice":false},
    {"factsDate":"2024-07-30","event":12,"charges":["intentional_homicide"],"phase":"control","militaryJustice":false},
    {"event":12}]}"#;

#[test]
fn request_gives_one_document_per_proceeding_in_order_and_exits_0() {
    let (code, out, _) = run(&["request", "-"], TWO);
    assert_eq!(code, 0);
    let docs = json(&out);
    let types: Vec<&str> = docs.as_array().unwrap().iter().map(|d| d["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["request", "commission_letter", "none"]);
    assert_eq!(docs[2]["questions"], serde_json::json!(["charges", "militaryJustice"]));
    assert!(docs[2]["reason"].as_str().unwrap().len() > 20);
    // Under the draft law: no document, whatever the outcome; still exit 0.
    let (code, out, _) = run(&["request", "--proceeding", "1", "-"], br#"{"law":"draft-2026-02-05","proceedings":[{"factsDate":"2024-07-30","event":12,"charges":[]}]}"#);
    assert_eq!(code, 0);
    assert_eq!(json(&out)["type"], "none");
}

#[test]
fn request_proceeding_counts_from_1_and_gives_one_object() {
    let (code, out, _) = run(&["request", "--proceeding", "2", "-"], TWO);
    assert_eq!(code, 0);
    let d = json(&out);
    assert_eq!((d["type"].as_str(), d["proceeding"].as_u64()), (Some("commission_letter"), Some(2)));
    for bad in ["0", "4", "-1", "x", "1.5"] {
        let (code, out, _) = run(&["request", "--proceeding", bad, "-"], TWO);
        assert_eq!(code, 2, "--proceeding {bad}");
        let e = &json(&out)["error"];
        assert_eq!((e["code"].as_str(), e["path"].as_str()), (Some("invalid_value"), Some("proceeding")), "--proceeding {bad}");
    }
}

#[test]
fn request_reads_details_from_a_file_and_refuses_bad_ones() {
    let dir = std::env::temp_dir().join(format!("amnistia-cli-details-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    std::fs::write(&good, r#"{"name":"Ana <b>Pérez</b>","idNumber":"V-1","filer":"public_defender","city":"Mérida"}"#).unwrap();
    let (code, out, _) = run(&["request", "--format", "text", "--proceeding", "1", "--details", good.to_str().unwrap(), "-"], TWO);
    assert_eq!(code, 0);
    assert!(out.contains("Ana <b>Pérez</b>") && out.contains("Mérida") && out.starts_with("BORRADOR"), "{out}");
    // The details are never echoed by check.
    let (_, checked, _) = run(&["check", "-"], TWO);
    assert!(!checked.contains("Ana"));
    for (body, code_want, path) in [
        (r#"{"nombre":"A"}"#, "unknown_field", "details.nombre"),
        (r#"{"filer":"tía"}"#, "invalid_value", "details.filer"),
        (r#"{"name":"#, "invalid_json", "details"),
    ] {
        let bad = dir.join("bad.json");
        std::fs::write(&bad, body).unwrap();
        let (code, out, _) = run(&["request", "--details", bad.to_str().unwrap(), "-"], TWO);
        assert_eq!(code, 2, "{body}");
        let e = &json(&out)["error"];
        assert_eq!((e["code"].as_str(), e["path"].as_str()), (Some(code_want), Some(path)), "{body}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn request_bad_case_exits_2_with_the_error_json() {
    let (code, out, _) = run(&["request", "-"], br#"{"proceedings":[{"factsDate":"2024-13-40"}]}"#);
    assert_eq!(code, 2);
    assert_eq!(json(&out)["error"]["code"], "invalid_date");
    let (code, _, err) = run(&["request", "--format", "text", "-"], b"{");
    assert_eq!(code, 2);
    assert!(err.contains("invalid_json"));
    // Refused before reading standard input: nothing is written to it.
    let (code, _, _) = run(&["request", "--format", "pdf", "-"], b"");
    assert_eq!(code, 1);
}

#[test]
fn request_writes_rtf_and_has_its_own_help() {
    let (code, out, _) = run(&["request", "--format", "rtf", "-"], TWO);
    assert_eq!(code, 0);
    assert!(out.starts_with("{\\rtf1") && out.trim_end().ends_with('}') && out.is_ascii());
    assert_eq!(out.matches("\\page").count(), 2 + 2, "a page per document after the first, and one before each checklist");
    let (code, out, _) = run(&["request", "--help"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("--proceeding N") && out.contains("--details FILE") && out.contains("json|text|rtf"));
    let (_, out, _) = run(&["--help"], b"");
    assert!(out.contains("amnistia request"));
}
