//! The law rules validator (`src/law/validate/`): the real rules files
//! pass, and each kind of mistake in a rules file is caught and named.

#[path = "../src/codes.rs"]
#[allow(dead_code)]
mod codes;
#[path = "../src/date.rs"]
#[allow(dead_code)]
mod date;
#[path = "../src/law/validate/mod.rs"]
mod validate;

use validate::{ErrorKind, LawError};

const ENACTED: &str = include_str!("../src/law/enacted_2026_02_19.toml");
const DRAFT: &str = include_str!("../src/law/draft_2026_02_05.toml");
const CHARGES: &str = include_str!("../src/law/charges.toml");
const SOURCES: &str = include_str!("../src/law/sources.toml");
const TEXTS: &str = include_str!("../src/law/texts.toml");
const REQUEST_TEXTS: &str = include_str!("../src/law/texts_request.toml");

fn codes() -> Vec<&'static str> {
    codes::Charge::ALL.iter().map(|c| c.code()).collect()
}

fn validate_real() -> Result<validate::Validated, LawError> {
    validate::validate_all(
        &[
            ("src/law/enacted_2026_02_19.toml", ENACTED),
            ("src/law/draft_2026_02_05.toml", DRAFT),
        ],
        &[("src/law/texts.toml", TEXTS), ("src/law/texts_request.toml", REQUEST_TEXTS)],
        ("src/law/charges.toml", CHARGES),
        ("src/law/sources.toml", SOURCES),
        &codes(),
    )
}

/// Validates the real files with the request's texts after a textual edit.
fn request_texts_with(from: &str, to: &str) -> Result<validate::Validated, LawError> {
    assert!(REQUEST_TEXTS.contains(from), "test setup: `{from}` not in texts_request.toml");
    validate::validate_all(
        &[("src/law/enacted_2026_02_19.toml", ENACTED), ("src/law/draft_2026_02_05.toml", DRAFT)],
        &[("src/law/texts_request.toml", &REQUEST_TEXTS.replacen(from, to, 1))],
        ("src/law/charges.toml", CHARGES),
        ("src/law/sources.toml", SOURCES),
        &codes(),
    )
}

/// Validates the real enacted file after a textual edit.
fn enacted_with(from: &str, to: &str) -> Result<validate::LawFile, LawError> {
    assert!(ENACTED.contains(from), "test setup: `{from}` not in the enacted file");
    let text = ENACTED.replacen(from, to, 1);
    let sources = validate::parse_sources("sources.toml", SOURCES).unwrap();
    validate::parse_law("enacted_2026_02_19.toml", &text, Some("enacted-2026-02-19"), &sources, &codes())
}

fn expect(result: Result<impl std::fmt::Debug, LawError>, kind: ErrorKind, id: &str) -> LawError {
    let e = result.expect_err("the broken file was accepted");
    assert_eq!(e.kind, kind, "wrong kind of error: {e}");
    assert_eq!(e.id, id, "wrong entry named: {e}");
    // The message names the file, so a failed build says where to look.
    assert!(e.to_string().contains(&e.file), "{e}");
    e
}

// ------------------------------------------------------------------ real files

#[test]
fn the_real_rules_files_pass() {
    let v = validate_real().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v.laws.len(), 2);
    assert_eq!(v.charges.charges.len(), 27);
    assert!(!v.texts.is_empty());
}

/// `(numeral, window ranges, margin ranges)`, each range `(from, to)`.
type WindowRow = (i64, &'static [(&'static str, &'static str)], &'static [(&'static str, &'static str)]);

#[test]
fn the_enacted_windows_are_those_of_contract_section_2_3() {
    let v = validate_real().unwrap();
    let law = &v.laws[0].1;
    assert_eq!(law.id, "enacted-2026-02-19");
    let expected: &[WindowRow] = &[
        (1, &[("2002-04-11", "2002-04-12")], &[("2002-04-13", "2002-04-14")]),
        (2, &[("2002-12-01", "2003-02-28")], &[]),
        (
            3,
            &[("2004-02-01", "2004-03-31"), ("2004-08-01", "2004-08-31")],
            &[("2004-01-01", "2004-01-31"), ("2004-04-01", "2004-07-31"), ("2004-09-01", "2004-12-31")],
        ),
        (4, &[("2007-05-01", "2007-05-31")], &[]),
        (5, &[("2009-07-01", "2009-09-30")], &[]),
        (6, &[("2013-04-14", "2013-04-30")], &[("2013-05-01", "2013-12-31")]),
        (7, &[("2014-02-01", "2014-06-30")], &[]),
        // Rev. 2: the Assembly's term, with doubtful days at both ends.
        (8, &[("2016-01-05", "2021-01-04")], &[("2016-01-01", "2016-01-04"), ("2021-01-05", "2021-12-31")]),
        (9, &[("2017-03-01", "2017-08-31")], &[]),
        (10, &[("2019-01-01", "2019-04-30")], &[]),
        (11, &[("2023-01-01", "2023-12-31")], &[]),
        (12, &[("2024-07-01", "2024-07-31")], &[("2024-08-01", "2024-12-31")]),
        (13, &[("2025-01-01", "2025-12-31")], &[]),
    ];
    assert_eq!(law.numerals.len(), expected.len());
    for (n, (number, window, margin)) in law.numerals.iter().zip(expected) {
        assert_eq!(n.number, *number);
        let w: Vec<(&str, &str)> = n.window.iter().map(|r| (r.from.as_str(), r.to.as_str())).collect();
        let m: Vec<(&str, &str)> = n.margin.iter().map(|r| (r.from.as_str(), r.to.as_str())).collect();
        assert_eq!(&w[..], *window, "window of numeral {number}");
        assert_eq!(&m[..], *margin, "margin of numeral {number}");
    }
}

#[test]
fn the_draft_has_only_its_nine_episodes_and_no_later_clauses() {
    let v = validate_real().unwrap();
    let draft = &v.laws[1].1;
    assert_eq!(draft.status, "draft");
    let numbers: Vec<i64> = draft.numerals.iter().map(|n| n.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 6, 7, 9, 10, 12]);
    // Contract §2.4: doubtful dates only around events 1, 6 and 12.
    let with_margin: Vec<i64> = draft.numerals.iter().filter(|n| !n.margin.is_empty()).map(|n| n.number).collect();
    assert_eq!(with_margin, [1, 6, 12]);
    // Its own citations: event 12 is the draft's Art. 6, numeral 10; event 3
    // holds its numerals 3 and 4.
    let n12 = draft.numerals.iter().find(|n| n.number == 12).unwrap();
    assert_eq!(n12.cite.as_deref(), Some("6.10"));
    let n3 = draft.numerals.iter().find(|n| n.number == 3).unwrap();
    let cites: Vec<&str> = n3.window.iter().filter_map(|r| r.cite.as_deref()).collect();
    assert_eq!(cites, ["6.3", "6.4"]);
    let excluded: Vec<&str> = draft.exclusions.iter().flat_map(|e| e.charges.iter().map(String::as_str)).collect();
    for c in ["very_serious_injuries", "foreign_armed_action", "military_rebellion", "treason"] {
        assert!(!excluded.contains(&c), "the draft must not read {c}");
    }
    // Only the drug codes are contested, through the draft's Art. 1.
    let contested: Vec<&str> = draft.exclusions.iter().filter(|e| e.kind == "contested").flat_map(|e| e.charges.iter().map(String::as_str)).collect();
    assert_eq!(contested, ["drug_trafficking_minor", "drug_possession"]);
    assert!(!draft.military_courts_doubt);
    assert!(!draft.has_foreign_clause && !draft.has_rebellion_exception && !draft.has_ceased_conduct);
}

#[test]
fn the_military_justice_note_is_filtered_by_its_court_field() {
    let v = validate_real().unwrap();
    let enacted = &v.laws[0].1;
    // The note for uncertain results, and the route for not_covered ones
    // (review A15).
    let item = enacted.procedure.iter().find(|p| p.id == "military_justice").expect("the enacted file has the note");
    assert_eq!(item.military_justice, Some(true));
    // The route for not_covered military-rebellion cases (review A15) goes
    // by the charge. Both rest on practice, not on an article (review A9).
    let route = enacted.procedure.iter().find(|p| p.id == "military_route").expect("the enacted file has the route");
    assert_eq!(route.charges, ["military_rebellion"]);
    assert_eq!((item.article.as_deref(), route.article.as_deref()), (None, None));
    // No other item is limited to one kind of court.
    for law in [&v.laws[0].1, &v.laws[1].1] {
        for p in law.procedure.iter().filter(|p| p.id != "military_justice") {
            assert_eq!(p.military_justice, None, "{} in {}", p.id, law.id);
        }
    }
}

// ------------------------------------------------------------------ broken snippets

#[test]
fn unknown_key() {
    let e = expect(
        enacted_with("id = \"art8_5\"\n", "id = \"art8_5\"\nwindw = []\n"),
        ErrorKind::UnknownKey,
        "",
    );
    assert!(e.message.contains("windw"), "{e}");
    // Also inside a text.
    expect(
        enacted_with("name.es = \"Protestas de 2014\"", "name.es = \"Protestas de 2014\"\nname.fr = \"x\""),
        ErrorKind::UnknownKey,
        "",
    );
    // And in the other files.
    let bad = SOURCES.replacen("outlet = \"Contrapunto\"", "outlet = \"Contrapunto\"\nlink = \"x\"", 1);
    assert_eq!(validate::parse_sources("sources.toml", &bad).unwrap_err().kind, ErrorKind::UnknownKey);
}

#[test]
fn procedure_filters_must_be_booleans() {
    const ITEM: &str = "id = \"military_justice\"\nconfidence = \"confirmed\"\noutcomes = [\"uncertain\", \"needs_information\"]\n";
    for (from, to) in [
        ("military_justice = true\n", "military_justice = \"true\"\n"),
        ("military_justice = true\n", "military_justice = 1\n"),
        ("military_justice = true\n", "military_justice = [true]\n"),
        ("abroad = true\n", "abroad = \"yes\"\n"),
    ] {
        let e = expect(enacted_with(from, to), ErrorKind::Parse, "");
        let key = from.split(' ').next().unwrap();
        assert!(e.message.contains(key) || e.message.contains("bool"), "{to}: {e}");
    }
    // The field sits on the military-justice item; leaving it out is valid
    // (the item then fits every court).
    assert!(ENACTED.contains(&format!("{ITEM}military_justice = true\n")), "test setup: the item has moved");
    enacted_with(&format!("{ITEM}military_justice = true\n"), ITEM).unwrap_or_else(|e| panic!("{e}"));
    // A misspelt key is refused like any other.
    expect(enacted_with("military_justice = true\n", "military_courts = true\n"), ErrorKind::UnknownKey, "");
}

#[test]
fn duplicate_id() {
    expect(enacted_with("id = \"art8_5\"", "id = \"art8_4\""), ErrorKind::DuplicateId, "art8_4");
    // Ids share one namespace per file: an exclusion may not reuse an article id.
    expect(enacted_with("id = \"art9_corruption\"", "id = \"art9\""), ErrorKind::DuplicateId, "art9");
    let bad = SOURCES.replacen("id = \"aporrea_n415778\"", "id = \"contrapunto_gaceta\"", 1);
    let e = validate::parse_sources("sources.toml", &bad).unwrap_err();
    assert_eq!((e.kind, e.id.as_str()), (ErrorKind::DuplicateId, "contrapunto_gaceta"));
}

#[test]
fn inverted_range() {
    expect(
        enacted_with(
            "window = [{ from = \"2007-05-01\", to = \"2007-05-31\" }]",
            "window = [{ from = \"2007-05-31\", to = \"2007-05-01\" }]",
        ),
        ErrorKind::InvertedRange,
        "art8_4",
    );
}

#[test]
fn window_overlapping_its_margin() {
    expect(
        enacted_with(
            "{ from = \"2021-01-05\", to = \"2021-12-31\" }]",
            "{ from = \"2020-12-01\", to = \"2021-12-31\" }]",
        ),
        ErrorKind::Overlap,
        "art8_8",
    );
}

#[test]
fn two_overlapping_window_ranges() {
    expect(
        enacted_with(
            "{ from = \"2004-08-01\", to = \"2004-08-31\" }]",
            "{ from = \"2004-03-15\", to = \"2004-08-31\" }]",
        ),
        ErrorKind::Overlap,
        "art8_3",
    );
}

#[test]
fn unsorted_window_ranges() {
    expect(
        enacted_with(
            "window = [{ from = \"2004-02-01\", to = \"2004-03-31\" }, { from = \"2004-08-01\", to = \"2004-08-31\" }]",
            "window = [{ from = \"2004-08-01\", to = \"2004-08-31\" }, { from = \"2004-02-01\", to = \"2004-03-31\" }]",
        ),
        ErrorKind::Overlap,
        "art8_3",
    );
}

#[test]
fn numeral_without_window() {
    expect(
        enacted_with("window = [{ from = \"2009-07-01\", to = \"2009-09-30\" }]", "window = []"),
        ErrorKind::NoWindow,
        "art8_5",
    );
}

#[test]
fn missing_or_empty_translation() {
    // `en` missing.
    expect(
        enacted_with("name.en = \"The 2014 protests\"\n", ""),
        ErrorKind::MissingTranslation,
        "art8_7",
    );
    // `es` missing.
    expect(
        enacted_with("heading.es = \"Exclusiones\"\n", ""),
        ErrorKind::MissingTranslation,
        "art9",
    );
    // Present but blank.
    expect(
        enacted_with("name.en = \"Drug trafficking\"", "name.en = \"  \""),
        ErrorKind::MissingTranslation,
        "art9_drug_trafficking",
    );
    // In charges.toml too.
    let bad = CHARGES.replacen("label.en = \"Arson\"", "label.en = \"\"", 1);
    let e = validate::parse_charges("charges.toml", &bad, &codes()).unwrap_err();
    assert_eq!((e.kind, e.id.as_str()), (ErrorKind::MissingTranslation, "arson"));
}

#[test]
fn dangling_source_id() {
    expect(
        enacted_with("sources = [\"eldiariotricolor_martinez\"]", "sources = [\"el_diario_inventado\"]"),
        ErrorKind::DanglingSource,
        "art8_5",
    );
}

#[test]
fn numeral_number_outside_1_to_13() {
    expect(enacted_with("number = 13\n", "number = 14\n"), ErrorKind::NumeralOutOfRange, "art8_13");
    expect(enacted_with("number = 1\n", "number = 0\n"), ErrorKind::NumeralOutOfRange, "art8_1");
}

#[test]
fn numerals_out_of_order_or_repeated() {
    expect(enacted_with("number = 5\n", "number = 4\n"), ErrorKind::UnsortedNumerals, "art8_5");
}

#[test]
fn unknown_charge_code() {
    expect(
        enacted_with("charges = [\"drug_trafficking\"]", "charges = [\"drugs\"]"),
        ErrorKind::UnknownCharge,
        "art9_drug_trafficking",
    );
    let bad = CHARGES.replacen("code = \"arson\"", "code = \"arsonn\"", 1);
    let e = validate::parse_charges("charges.toml", &bad, &codes()).unwrap_err();
    assert_eq!((e.kind, e.id.as_str()), (ErrorKind::UnknownCharge, "arsonn"));
}

#[test]
fn every_charge_code_exactly_once_in_charges_toml() {
    // Drop the last entry (`foreign_armed_action`, the file's last).
    let cut = CHARGES.rfind("[[charges]]").unwrap();
    let e = validate::parse_charges("charges.toml", &CHARGES[..cut], &codes()).unwrap_err();
    assert_eq!((e.kind, e.id.as_str()), (ErrorKind::ChargeCoverage, "foreign_armed_action"));
    // Repeat one.
    let twice = format!("{CHARGES}\n{}", &CHARGES[cut..]);
    let e = validate::parse_charges("charges.toml", &twice, &codes()).unwrap_err();
    assert_eq!((e.kind, e.id.as_str()), (ErrorKind::ChargeCoverage, "foreign_armed_action"));
}

#[test]
fn a_charge_in_two_exclusions() {
    expect(
        enacted_with("charges = [\"corruption\"]", "charges = [\"corruption\", \"drug_trafficking\"]"),
        ErrorKind::ChargeInTwoExclusions,
        "art9_corruption",
    );
}

#[test]
fn unknown_confidence() {
    let e = expect(
        enacted_with(
            "id = \"art8_5\"\nnumber = 5\nconfidence = \"single_source\"",
            "id = \"art8_5\"\nnumber = 5\nconfidence = \"probable\"",
        ),
        ErrorKind::UnknownConfidence,
        "art8_5",
    );
    assert!(e.message.contains("probable"));
}

#[test]
fn unknown_status_kind_and_contract_codes() {
    expect(enacted_with("status = \"enacted\"", "status = \"in_force\""), ErrorKind::UnknownStatus, "enacted-2026-02-19");
    expect(
        enacted_with("kind = \"rebellion_exception\"", "kind = \"rebellion\""),
        ErrorKind::UnknownKind,
        "art8_10_military_rebellion",
    );
    expect(
        enacted_with("phases = [\"trial\"]", "phases = [\"juicio\"]"),
        ErrorKind::UnknownCode,
        "order_trial",
    );
    expect(
        enacted_with("outcomes = [\"needs_information\"]", "outcomes = [\"maybe\"]"),
        ErrorKind::UnknownCode,
        "gather_facts",
    );
}

#[test]
fn invalid_dates() {
    expect(
        enacted_with("last_reviewed = \"2026-12-04\"", "last_reviewed = \"2026-11-31\""),
        ErrorKind::InvalidDate,
        "enacted-2026-02-19",
    );
    expect(
        enacted_with("{ from = \"2009-07-01\"", "{ from = \"2009-7-1\""),
        ErrorKind::InvalidDate,
        "art8_5",
    );
}

#[test]
fn flags_must_agree_with_entries() {
    expect(
        enacted_with("has_rebellion_exception = true", "has_rebellion_exception = false"),
        ErrorKind::Inconsistent,
        "enacted-2026-02-19",
    );
    expect(
        enacted_with("has_foreign_clause = true", "has_foreign_clause = false"),
        ErrorKind::Inconsistent,
        "enacted-2026-02-19",
    );
}

#[test]
fn citations_must_point_at_described_articles() {
    expect(
        enacted_with("article = \"8.10\"", "article = \"8.14\""),
        ErrorKind::UnknownArticle,
        "art8_10_military_rebellion",
    );
}

#[test]
fn the_file_name_fixes_the_law_id() {
    let e = validate::validate_all(
        &[("src/law/enacted_2026_02_20.toml", ENACTED)],
        &[],
        ("charges.toml", CHARGES),
        ("sources.toml", SOURCES),
        &codes(),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Inconsistent, "{e}");
}

#[test]
fn a_numeral_cites_every_window_range_or_none() {
    let v = validate_real().unwrap();
    let _ = v;
    let sources = validate::parse_sources("sources.toml", SOURCES).unwrap();
    let text = DRAFT.replacen(", cite = \"6.4\" }", " }", 1);
    assert_ne!(text, DRAFT, "test setup: the draft's 6.4 range");
    expect(
        validate::parse_law("draft_2026_02_05.toml", &text, Some("draft-2026-02-05"), &sources, &codes()),
        ErrorKind::Inconsistent,
        "art6_3_4",
    );
}

#[test]
fn the_information_date_is_a_checked_day() {
    expect(
        enacted_with("information_as_of = \"2026-03-17\"", "information_as_of = \"2026-03\""),
        ErrorKind::InvalidDate,
        "enacted-2026-02-19",
    );
}

#[test]
fn templates_fill_the_same_slots_in_both_languages() {
    let ok = "[a]\nes = \"hasta el {date}\"\nen = \"until {date}\"\n";
    assert!(validate::parse_texts("texts.toml", ok, &["enacted-2026-02-19"]).is_ok());
    let bad = "[a]\nes = \"hasta el {date}\"\nen = \"until {day}\"\n";
    let e = validate::parse_texts("texts.toml", bad, &["enacted-2026-02-19"]).unwrap_err();
    assert_eq!((e.kind, e.id.as_str()), (ErrorKind::Inconsistent, "a"), "{e}");
    let open = "[a]\nes = \"hasta el {date\"\nen = \"until {date}\"\n";
    assert_eq!(validate::parse_texts("texts.toml", open, &[]).unwrap_err().kind, ErrorKind::Parse);
    // A law's own wording may drop a slot, never add one.
    let own = "[a]\nes = \"x {date}\"\nen = \"x {date}\"\n[a.draft-2026-02-05]\nes = \"y {law}\"\nen = \"y {law}\"\n";
    let e = validate::parse_texts("texts.toml", own, &["draft-2026-02-05"]).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Inconsistent, "{e}");
    let unknown = "[a]\nes = \"x\"\nen = \"x\"\n[a.draft-1999]\nes = \"y\"\nen = \"y\"\n";
    assert_eq!(validate::parse_texts("texts.toml", unknown, &["draft-2026-02-05"]).unwrap_err().kind, ErrorKind::UnknownKey);
}

// ------------------------------------------------------------------ next steps' order, glossary (review 2026-12)

const GLOSSARY: &str = include_str!("../src/law/glossary.toml");

#[test]
fn next_step_priorities_and_ranks_are_checked() {
    const ITEM: &str = "id = \"commission_art15\"\narticle = \"15\"\nconfidence = \"confirmed\"\noutcomes = [\"not_covered\", \"uncertain\"]\npriority = 50\n";
    assert!(ENACTED.contains(ITEM), "test setup: the item has moved");
    // A priority starts at 1, and is required.
    expect(enacted_with(ITEM, &ITEM.replace("priority = 50", "priority = 0")), ErrorKind::EmptyField, "commission_art15");
    expect(enacted_with(ITEM, &ITEM.replace("priority = 50\n", "")), ErrorKind::Parse, "");
    // A rank needs a filter, and its codes are the contract's.
    let rank = "[[procedure.rank]]\npriority = 1\noutcomes = [\"not_covered\"]\n";
    assert!(ENACTED.contains(rank), "test setup: the rank has moved");
    expect(enacted_with(rank, "[[procedure.rank]]\npriority = 1\n"), ErrorKind::EmptyField, "commission_art15");
    expect(enacted_with(rank, "[[procedure.rank]]\npriority = 1\noutcomes = [\"mixed\"]\n"), ErrorKind::UnknownCode, "commission_art15");
    expect(enacted_with(rank, "[[procedure.rank]]\npriority = 1\nsituations = [\"jailed\"]\n"), ErrorKind::UnknownCode, "commission_art15");
    // `unknown` is a phase or situation not given, never an outcome.
    expect(enacted_with(ITEM, &ITEM.replace("\"uncertain\"]", "\"unknown\"]")), ErrorKind::UnknownCode, "commission_art15");
    enacted_with(ITEM, &format!("{ITEM}phases = [\"unknown\", \"trial\"]\n")).unwrap_or_else(|e| panic!("{e}"));
    // A step may rest on no article, but a named one must exist.
    enacted_with("id = \"commission_art15\"\narticle = \"15\"\n", "id = \"commission_art15\"\n").unwrap_or_else(|e| panic!("{e}"));
    expect(enacted_with("id = \"commission_art15\"\narticle = \"15\"\n", "id = \"commission_art15\"\narticle = \"99\"\n"), ErrorKind::UnknownArticle, "commission_art15");
    // A charge filter names real codes.
    expect(enacted_with("charges = [\"military_rebellion\"]\npriority = 2", "charges = [\"mutiny\"]\npriority = 2"), ErrorKind::UnknownCharge, "military_route");
}

#[test]
fn the_glossary_and_help_list_are_checked() {
    let g = validate::parse_glossary("glossary.toml", GLOSSARY).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(g.help[0].id, "defensa_publica", "the Defensa Pública comes first");
    let bad = GLOSSARY.replacen("term = \"apoderado\"", "term = \"Sobreseimiento\"", 1);
    assert_eq!(validate::parse_glossary("glossary.toml", &bad).unwrap_err().kind, ErrorKind::DuplicateId);
    let bad = GLOSSARY.replacen("name = \"Foro Penal\"", "name = \"Foro Penal (https://example.org)\"", 1);
    assert_eq!(validate::parse_glossary("glossary.toml", &bad).unwrap_err().kind, ErrorKind::InvalidUrl);
    let bad = CHARGES.replacen("group = \"common\"", "group = \"usual\"", 1);
    assert_eq!(validate::parse_charges("charges.toml", &bad, &codes()).unwrap_err().kind, ErrorKind::UnknownKind);
}

#[test]
fn charge_names_for_lists_are_unique_and_ambiguous_ones_list_codes() {
    // The table holds the names the screening issue asks for.
    let parsed = validate::parse_charges("charges.toml", CHARGES, &codes()).unwrap();
    let names: Vec<&str> = parsed.charges.iter().flat_map(|c| c.aliases.iter().map(String::as_str)).collect();
    for name in ["terrorismo", "homicidio intencional", "instigación", "asociación para delinquir", "incitación al odio"] {
        assert!(names.contains(&name), "{name}");
    }
    let ambiguous: Vec<&str> = parsed.ambiguous.iter().map(|a| a.name.as_str()).collect();
    assert!(ambiguous.contains(&"rebelión") && ambiguous.contains(&"tráfico"), "{ambiguous:?}");
    // One name for two codes, even written differently.
    let bad = CHARGES.replacen("aliases = [\"magnicidio\"]", "aliases = [\"Terrorismo\"]", 1);
    let e = validate::parse_charges("charges.toml", &bad, &codes()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::DuplicateId, "{e}");
    // An alias that is another charge's code.
    let bad = CHARGES.replacen("aliases = [\"magnicidio\"]", "aliases = [\"ARSON\"]", 1);
    assert_eq!(validate::parse_charges("charges.toml", &bad, &codes()).unwrap_err().kind, ErrorKind::DuplicateId);
    // An ambiguous name that is also a charge's name, or names no code.
    let bad = CHARGES.replacen("name = \"tráfico\"", "name = \"terrorismo\"", 1);
    assert_eq!(validate::parse_charges("charges.toml", &bad, &codes()).unwrap_err().kind, ErrorKind::DuplicateId);
    let bad = CHARGES.replacen("codes = [\"rebellion\", \"military_rebellion\"]", "codes = [\"rebellion\", \"mutiny\"]", 1);
    assert_eq!(validate::parse_charges("charges.toml", &bad, &codes()).unwrap_err().kind, ErrorKind::UnknownCharge);
}

#[test]
fn screening_names_are_checked() {
    let text = include_str!("../src/law/screening.toml");
    validate::parse_screening("screening.toml", text).unwrap();
    let bad = text.replacen("aliases = [\"suceso\"]", "aliases = [\"cargos\"]", 1);
    assert_eq!(validate::parse_screening("screening.toml", &bad).unwrap_err().kind, ErrorKind::DuplicateId);
    let bad = text.replacen("code = \"wanted\"", "code = \"fugitive\"", 1);
    assert_eq!(validate::parse_screening("screening.toml", &bad).unwrap_err().kind, ErrorKind::UnknownCode);
    let bad = text.replacen("aliases = [\"libre\", \"en libertad\"]", "aliases = [\"libre\", \"Detenido\"]", 1);
    assert_eq!(validate::parse_screening("screening.toml", &bad).unwrap_err().kind, ErrorKind::DuplicateId);
}

// ------------------------------------------------------------------ the written request's grounds

/// Every paragraph of the written request that restates the law takes the
/// confidence and sources of the entries it rests on: the effects paragraph
/// is as sure as Art. 10 and the effects step, the Art. 5 paragraph carries
/// Art. 5's weaker confidence, and a line of form has none.
#[test]
fn request_paragraphs_take_the_confidence_and_sources_of_their_basis() {
    let v = validate_real().unwrap();
    let law = &v.laws[0].1;
    let entry = |id: &str| law.entries().find(|(e, _, _)| *e == id).map(|(_, c, s)| (c.to_string(), s.to_vec())).unwrap();
    let (art10_c, art10_s) = entry("art10");
    let (_, effects_s) = entry("effects");
    let (c, sources) = v.grounds("request_effects").expect("the effects paragraph rests on the law");
    assert_eq!(c, art10_c, "Art. 10 is the weaker of the two");
    for s in art10_s.iter().chain(&effects_s) {
        assert!(sources.contains(&s.as_str()), "{s} missing from the paragraph's sources");
    }
    assert_eq!(sources.len(), sources.iter().collect::<std::collections::BTreeSet<_>>().len(), "a source listed twice");
    let (art5_c, _) = entry("art5");
    assert_eq!(v.grounds("request_favourable").unwrap().0, art5_c);
    assert_ne!(art5_c, "confirmed", "test setup: Art. 5's wording rests on reports");
    // A disputed entry makes the whole paragraph disputed.
    assert_eq!(v.grounds("request_doubt_drug_minor").unwrap().0, "disputed");
    assert_eq!(v.grounds("request_salutation"), None);
    // Every template of the request says what it rests on.
    let keys: Vec<&str> = REQUEST_TEXTS.lines().filter_map(|l| l.strip_prefix('[')?.strip_suffix(']')).collect();
    assert!(keys.len() > 60);
    for k in keys {
        let t = v.texts.iter().find(|t| t.key == k).unwrap();
        assert!(t.basis.is_some(), "{k} has no basis");
    }
}

#[test]
fn a_request_template_without_a_basis_is_refused() {
    expect(
        request_texts_with("[request_effects]\nbasis = [\"art10\", \"effects\"]\n", "[request_effects]\n"),
        ErrorKind::MissingBasis,
        "request_effects",
    );
}

#[test]
fn a_basis_naming_no_entry_of_the_law_in_force_is_refused() {
    expect(
        request_texts_with("basis = [\"art10\", \"effects\"]", "basis = [\"art10\", \"art99\"]"),
        ErrorKind::DanglingBasis,
        "request_effects",
    );
    expect(request_texts_with("basis = [\"art10\", \"effects\"]", "basis = []"), ErrorKind::Parse, "request_effects");
    expect(request_texts_with("basis = [\"art10\", \"effects\"]", "basis = \"law\""), ErrorKind::Parse, "request_effects");
}

#[test]
fn contested_sentence_is_required_where_an_entry_is_contested() {
    // A numeral with a margin, without its sentence.
    let e = expect(
        enacted_with(
            "contested.es = \"Los reportes coinciden en el suceso pero no en los meses: varios solo hablan de julio, así que de agosto a diciembre de 2024 queda en duda.\"\ncontested.en = \"The reports agree on the event but not on the months: several mention only July, so August to December 2024 is in doubt.\"\n",
            "",
        ),
        ErrorKind::Inconsistent,
        "art8_12",
    );
    assert!(e.message.contains("contested"));
}

#[test]
fn pair_keys_are_unique_within_a_file() {
    expect(enacted_with("pair = \"homicide\"", "pair = \"human_rights\""), ErrorKind::DuplicateId, "art9_homicide");
    expect(enacted_with("pair = \"homicide\"", "pair = \"Homicide!\""), ErrorKind::EmptyField, "art9_homicide");
}

#[test]
fn source_dates_are_checked() {
    let bad = SOURCES.replacen("date = \"2026-02-21\"", "date = \"21/02/2026\"", 1);
    let e = validate::parse_sources("sources.toml", &bad).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidDate);
    let about = SOURCES.replacen("title = \"Item n415778: report on the amnesty law's publication and content\"", "title = \"x\"\ndate_about = true", 1);
    let e = validate::parse_sources("sources.toml", &about).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Inconsistent);
}

#[test]
fn the_period_may_not_be_inverted() {
    expect(
        enacted_with("period = { from = \"1999-01-01\", to = \"2026-02-19\" }", "period = { from = \"2026-02-20\", to = \"2026-02-19\" }"),
        ErrorKind::InvertedRange,
        "enacted-2026-02-19",
    );
}
