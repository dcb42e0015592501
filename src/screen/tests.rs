use super::*;
use super::csv::{ChargeName, DateCell, charge_by_name, csv_date, event_number};

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
fn separators_come_from_the_header() {
    assert_eq!(detect_separator("id,factsDate"), ',');
    assert_eq!(detect_separator("id;fecha_hechos;cargos"), ';');
    assert_eq!(detect_separator("id\tcargos"), '\t');
    assert_eq!(detect_separator("\"a;b\",c"), ',');
    assert_eq!(split_record("a;\"b;\"\"c\"\"\";", ';').unwrap(), ["a", "b;\"c\"", ""]);
}

#[test]
fn spanish_column_names_in_any_case_and_accents() {
    for (name, key) in [
        ("etiqueta", "label"), ("Situación", "situation"), ("SITUACION", "situation"), ("cesó", "ceasedConduct"),
        ("ceso", "ceasedConduct"), ("Fecha hechos", "factsDate"), ("fecha_hechos_fin", "factsDateEnd"),
        ("justicia militar", "militaryJustice"), ("Cargos", "charges"), ("FACTSDATE", "factsDate"), ("id", "id"),
    ] {
        assert_eq!(column_key(name), Some(key), "{name}");
    }
    assert_eq!(csv_header("id;fecha"), Err(HeaderError::BareDate("fecha".into())));
    assert_eq!(csv_header("id,name"), Err(HeaderError::Unknown("name".into())));
    assert_eq!(csv_header("id;cargos;Charges"), Err(HeaderError::Duplicate("Charges".into(), "cargos".into())));
    let message = HeaderError::Unknown("name".into()).message(Lang::En);
    assert!(message.contains("situation (situación)"), "{message}");
}

#[test]
fn day_first_dates_and_month_first_ones() {
    let iso = |s: &str| DateCell::Iso(s.into());
    assert_eq!(csv_date("30/07/2024"), iso("2024-07-30"));
    assert_eq!(csv_date("3/7/2024"), iso("2024-07-03"));
    assert_eq!(csv_date("07/2024"), iso("2024-07"));
    assert_eq!(csv_date("30-07-2024"), iso("2024-07-30"));
    assert_eq!(csv_date("30.07.2024"), iso("2024-07-30"));
    assert_eq!(csv_date("30/07/2024 0:00"), iso("2024-07-30"));
    assert_eq!(csv_date("2024-07-30"), iso("2024-07-30"));
    assert_eq!(csv_date("2024/07/30"), iso("2024-07-30"));
    assert_eq!(csv_date("2024"), iso("2024"));
    assert_eq!(csv_date("07/30/2024"), DateCell::MonthFirst);
    assert_eq!(csv_date("13/2024"), DateCell::Bad);
    assert_eq!(csv_date("30/07/24"), iso("2024-07-30"));
    assert_eq!(csv_date("15/3/98"), iso("1998-03-15"));
    assert_eq!(csv_date("07/30/24"), DateCell::MonthFirst);
    assert_eq!(csv_date("30/07/202"), DateCell::Bad);
    assert_eq!(csv_date("32/13/2024"), DateCell::Bad);
    assert_eq!(csv_date("julio 2024"), DateCell::Bad);
}

#[test]
fn charges_by_code_in_any_case_or_by_a_spanish_name() {
    let one = |s: &str| match charge_by_name(s) {
        ChargeName::One(c) => Some(c.code()),
        _ => None,
    };
    assert_eq!(one("TERRORISM"), Some("terrorism"));
    assert_eq!(one("Terrorismo"), Some("terrorism"));
    assert_eq!(one("homicidio intencional"), Some("intentional_homicide"));
    assert_eq!(one("Instigación"), Some("instigation"));
    assert_eq!(one("asociacion para delinquir"), Some("criminal_association"));
    assert_eq!(one("incitación al odio"), Some("incitement_to_hatred"));
    assert!(matches!(charge_by_name("Rebelión"), ChargeName::Ambiguous(a) if a.charges.len() == 2));
    assert!(matches!(charge_by_name("tráfico"), ChargeName::Ambiguous(_)));
    assert!(matches!(charge_by_name("robo"), ChargeName::Unknown));
}

#[test]
fn windows_1252_is_read_as_the_browser_reads_it() {
    assert_eq!(decode_text(b"\xEF\xBB\xBFsituaci\xC3\xB3n"), "situación");
    assert_eq!(decode_text(b"situaci\xF3n;\x80;\x97;\x81"), "situación;€;—;\u{81}");
}

#[test]
fn cells_of_a_charges_list_split_on_the_other_separators_never_spaces() {
    let header = csv_header("id;cargos").unwrap();
    let row = csv_row(2, "1;Terrorismo, incitación al odio | instigación / resistencia a la autoridad", &header, Lang::Es).unwrap();
    assert!(row.errors.is_empty(), "{:?}", row.errors);
    let header = csv_header("id\tcargos").unwrap();
    let row = csv_row(2, "1\tterrorism;instigation,arson", &header, Lang::Es).unwrap();
    assert!(row.errors.is_empty(), "{:?}", row.errors);
    let header = csv_header("id,charges").unwrap();
    let row = csv_row(2, "1,terrorism instigation", &header, Lang::Es).unwrap();
    assert_eq!(row.errors.len(), 1);
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
