//! A law file: its articles, numerals and windows, exclusions, procedure
//! steps and what is not formalised.

use super::*;

/// Checks one numeral's ranges: each non-inverted, windows and margins
/// each in ascending order without overlap, and no margin day inside the
/// window.
fn check_ranges(file: &str, n: &NumeralDef) -> Result<(), LawError> {
    let id = n.id.as_str();
    if n.window.is_empty() {
        return Err(err(file, id, ErrorKind::NoWindow, "a numeral needs at least one window range"));
    }
    let spans = |ranges: &[RangeDef], what: &str| -> Result<Vec<(i64, i64)>, LawError> {
        let mut out: Vec<(i64, i64)> = Vec::new();
        for r in ranges {
            let a = day_number(file, id, &r.from)?;
            let b = day_number(file, id, &r.to)?;
            if b < a {
                return Err(err(file, id, ErrorKind::InvertedRange, format!("{what} range {}..{} ends before it starts", r.from, r.to)));
            }
            if let Some(&(_, prev_last)) = out.last() {
                if a <= prev_last {
                    return Err(err(file, id, ErrorKind::Overlap, format!("{what} range starting {} overlaps or precedes the one before it (ranges must be sorted and disjoint)", r.from)));
                }
            }
            out.push((a, b));
        }
        Ok(out)
    };
    let window = spans(&n.window, "window")?;
    let margin = spans(&n.margin, "margin")?;
    for &(ma, mb) in &margin {
        for &(wa, wb) in &window {
            if ma <= wb && wa <= mb {
                return Err(err(file, id, ErrorKind::Overlap, "a margin range overlaps the confirmed window"));
            }
        }
    }
    if margin.is_empty() && n.margin_note.is_some() {
        return Err(err(file, id, ErrorKind::Inconsistent, "`margin_note` without a margin"));
    }
    if !margin.is_empty() && n.margin_note.is_none() {
        return Err(err(file, id, ErrorKind::Inconsistent, "a margin needs a `margin_note` saying why it is contested"));
    }
    Ok(())
}

fn check_codes(file: &str, id: &str, what: &str, values: &[String], allowed: &[&str]) -> Result<(), LawError> {
    let mut seen = BTreeSet::new();
    for v in values {
        if !allowed.contains(&v.as_str()) {
            return Err(err(file, id, ErrorKind::UnknownCode, format!("{what} `{v}` is not one of {}", allowed.join(", "))));
        }
        if !seen.insert(v) {
            return Err(err(file, id, ErrorKind::DuplicateId, format!("{what} `{v}` is listed twice")));
        }
    }
    Ok(())
}

/// Parses and checks one law file. `expected_id` is the id its file name
/// implies (`enacted_2026_02_19.toml` → `enacted-2026-02-19`), if any.
pub fn parse_law(
    file: &str,
    text: &str,
    expected_id: Option<&str>,
    sources: &SourcesFile,
    codes: &[&str],
) -> Result<LawFile, LawError> {
    let law: LawFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let known: BTreeSet<String> = sources.sources.iter().map(|s| s.id.clone()).collect();
    let lid = law.id.as_str();

    // The header.
    check_nonempty(file, lid, "id", lid)?;
    if let Some(expected) = expected_id {
        if lid != expected {
            return Err(err(file, lid, ErrorKind::Inconsistent, format!("the file name says the id is `{expected}`")));
        }
    }
    if !STATUSES.contains(&law.status.as_str()) {
        return Err(err(file, lid, ErrorKind::UnknownStatus, format!("status `{}` is not one of {}", law.status, STATUSES.join(", "))));
    }
    check_nonempty(file, lid, "title", &law.title)?;
    check_nonempty(file, lid, "gaceta", &law.gaceta)?;
    let adopted = day_number(file, lid, &law.adopted)?;
    let reviewed = day_number(file, lid, &law.last_reviewed)?;
    if reviewed < adopted {
        return Err(err(file, lid, ErrorKind::InvertedRange, "`last_reviewed` is before `adopted`"));
    }
    let horizon = day_number(file, lid, &law.information_as_of)?;
    if day_number(file, lid, &law.period.to)? < day_number(file, lid, &law.period.from)? {
        return Err(err(file, lid, ErrorKind::InvertedRange, "`period` ends before it starts"));
    }
    if horizon < adopted {
        return Err(err(file, lid, ErrorKind::InvertedRange, "`information_as_of` is before `adopted`"));
    }
    check_text(file, lid, "notice", &law.notice)?;
    check_nonempty(file, lid, "citations.events", &law.citations.events)?;
    check_nonempty(file, lid, "citations.exclusions", &law.citations.exclusions)?;
    check_nonempty(file, lid, "citations.favourable", &law.citations.favourable)?;

    let mut ids = BTreeSet::new();
    ids.insert(lid.to_string());

    // Articles.
    let mut pairs = BTreeSet::new();
    let mut article_numbers = BTreeSet::new();
    for a in &law.articles {
        claim_id(file, &a.id, &mut ids)?;
        check_nonempty(file, &a.id, "number", &a.number)?;
        if !article_numbers.insert(a.number.clone()) {
            return Err(err(file, &a.id, ErrorKind::DuplicateId, format!("article {} is described twice", a.number)));
        }
        check_text(file, &a.id, "heading", &a.heading)?;
        check_text(file, &a.id, "paraphrase", &a.paraphrase)?;
        check_confidence(file, &a.id, &a.confidence)?;
        check_sources(file, &a.id, &a.sources, &known)?;
        check_contested(file, &a.id, &a.contested, a.confidence == "disputed")?;
        check_pair(file, &a.id, &a.pair, &mut pairs)?;
    }

    // Numerals.
    let mut last_number = 0i64;
    let mut numeral_numbers = BTreeSet::new();
    for n in &law.numerals {
        claim_id(file, &n.id, &mut ids)?;
        if !(1..=13).contains(&n.number) {
            return Err(err(file, &n.id, ErrorKind::NumeralOutOfRange, format!("numeral {} is not between 1 and 13", n.number)));
        }
        if n.number <= last_number {
            return Err(err(file, &n.id, ErrorKind::UnsortedNumerals, format!("numeral {} comes after numeral {}: numerals must be sorted and unique", n.number, last_number)));
        }
        last_number = n.number;
        numeral_numbers.insert(n.number);
        check_text(file, &n.id, "name", &n.name)?;
        check_text(file, &n.id, "paraphrase", &n.paraphrase)?;
        check_text(file, &n.id, "window_text", &n.window_text)?;
        if let Some(t) = &n.margin_note {
            check_text(file, &n.id, "margin_note", t)?;
        }
        if let Some(t) = &n.exception {
            check_text(file, &n.id, "exception", t)?;
        }
        check_confidence(file, &n.id, &n.confidence)?;
        check_ranges(file, n)?;
        check_sources(file, &n.id, &n.sources, &known)?;
        check_contested(file, &n.id, &n.contested, n.confidence == "disputed" || !n.margin.is_empty())?;
    }
    if law.numerals.is_empty() {
        return Err(err(file, lid, ErrorKind::NoWindow, "a law needs at least one numeral"));
    }
    for c in [&law.citations.events, &law.citations.exclusions, &law.citations.favourable]
        .into_iter()
        .chain(law.citations.conditions.as_ref())
    {
        if !article_numbers.contains(c.as_str()) {
            return Err(err(file, lid, ErrorKind::UnknownArticle, format!("`citations` names article `{c}`, which `articles` does not describe")));
        }
    }
    if law.citations.conditions.is_some() != law.has_ceased_conduct {
        return Err(err(file, lid, ErrorKind::Inconsistent, "`citations.conditions` is given exactly when `has_ceased_conduct` is true"));
    }

    // Each numeral's citations: its own, or one per window range.
    let mut numeral_cites: BTreeSet<String> = BTreeSet::new();
    for n in &law.numerals {
        let own = n.cite.clone().unwrap_or_else(|| format!("{}.{}", law.citations.events, n.number));
        let per_range: Vec<&String> = n.window.iter().filter_map(|r| r.cite.as_ref()).collect();
        if !per_range.is_empty() && per_range.len() != n.window.len() {
            return Err(err(file, &n.id, ErrorKind::Inconsistent, "either every window range has a `cite` or none has"));
        }
        if n.margin.iter().any(|r| r.cite.is_some()) {
            return Err(err(file, &n.id, ErrorKind::Inconsistent, "a margin range takes the numeral's `cite`, not one of its own"));
        }
        for c in std::iter::once(&own).chain(per_range) {
            let art = c.split_once('.').map_or(c.as_str(), |(a, _)| a);
            if !article_numbers.contains(art) {
                return Err(err(file, &n.id, ErrorKind::UnknownArticle, format!("citation `{c}` names an article that `articles` does not describe")));
            }
            numeral_cites.insert(c.clone());
        }
    }

    // Citations must point at something the file describes.
    let cite_ok = |cite: &str| -> bool { article_numbers.contains(cite) || numeral_cites.contains(cite) };

    // Exclusions.
    let mut excluded_by: BTreeMap<String, String> = BTreeMap::new();
    for e in &law.exclusions {
        claim_id(file, &e.id, &mut ids)?;
        check_nonempty(file, &e.id, "article", &e.article)?;
        if !cite_ok(&e.article) {
            return Err(err(file, &e.id, ErrorKind::UnknownArticle, format!("article `{}` is not described in `articles` (or its numeral is missing)", e.article)));
        }
        if !EXCLUSION_KINDS.contains(&e.kind.as_str()) {
            return Err(err(file, &e.id, ErrorKind::UnknownKind, format!("kind `{}` is not one of {}", e.kind, EXCLUSION_KINDS.join(", "))));
        }
        if e.charges.is_empty() {
            return Err(err(file, &e.id, ErrorKind::EmptyField, "an exclusion must read at least one charge"));
        }
        for c in &e.charges {
            if !codes.contains(&c.as_str()) {
                return Err(err(file, &e.id, ErrorKind::UnknownCharge, format!("`{c}` is not a charge code of src/codes.rs")));
            }
            if let Some(other) = excluded_by.insert(c.clone(), e.id.clone()) {
                return Err(err(file, &e.id, ErrorKind::ChargeInTwoExclusions, format!("charge `{c}` is already read by exclusion `{other}`")));
            }
        }
        check_text(file, &e.id, "name", &e.name)?;
        check_text(file, &e.id, "paraphrase", &e.paraphrase)?;
        if let Some(t) = &e.note {
            check_text(file, &e.id, "note", t)?;
        }
        for c in &e.read_narrowly {
            if !codes.contains(&c.as_str()) || e.charges.contains(c) {
                return Err(err(file, &e.id, ErrorKind::UnknownCharge, format!("`read_narrowly` names `{c}`, which is not a charge code or is one the entry reads")));
            }
        }
        match (&e.narrow_note, e.read_narrowly.is_empty()) {
            (Some(t), false) => check_text(file, &e.id, "narrow_note", t)?,
            (None, true) => {}
            _ => return Err(err(file, &e.id, ErrorKind::Inconsistent, "`read_narrowly` and `narrow_note` go together")),
        }
        check_confidence(file, &e.id, &e.confidence)?;
        if let Some(c) = &e.note_confidence {
            check_confidence(file, &e.id, c)?;
            if e.note.is_none() {
                return Err(err(file, &e.id, ErrorKind::Inconsistent, "`note_confidence` needs a `note`"));
            }
        }
        check_sources(file, &e.id, &e.sources, &known)?;
        check_contested(file, &e.id, &e.contested, e.confidence == "disputed" || e.kind == "contested")?;
        check_pair(file, &e.id, &e.pair, &mut pairs)?;
    }

    // Procedure.
    let phases_or_unknown: Vec<&str> = PHASES.iter().copied().chain([UNKNOWN]).collect();
    let situations_or_unknown: Vec<&str> = SITUATIONS.iter().copied().chain([UNKNOWN]).collect();
    for p in &law.procedure {
        claim_id(file, &p.id, &mut ids)?;
        if let Some(article) = &p.article {
            check_nonempty(file, &p.id, "article", article)?;
            if !cite_ok(article) {
                return Err(err(file, &p.id, ErrorKind::UnknownArticle, format!("article `{article}` is not described in `articles` (leave `article` out for a step that rests on no article)")));
            }
        }
        check_text(file, &p.id, "text", &p.text)?;
        if let Some(t) = &p.short {
            check_text(file, &p.id, "short", t)?;
            if t.es.len() >= p.text.es.len() || t.en.len() >= p.text.en.len() {
                return Err(err(file, &p.id, ErrorKind::Inconsistent, "`short` must be shorter than `text`"));
            }
        }
        check_confidence(file, &p.id, &p.confidence)?;
        check_codes(file, &p.id, "phase", &p.phases, &phases_or_unknown)?;
        check_codes(file, &p.id, "situation", &p.situations, &situations_or_unknown)?;
        check_codes(file, &p.id, "outcome", &p.outcomes, OUTCOMES)?;
        for c in &p.charges {
            if !codes.contains(&c.as_str()) {
                return Err(err(file, &p.id, ErrorKind::UnknownCharge, format!("`{c}` is not a charge code of src/codes.rs")));
            }
        }
        if p.priority == 0 {
            return Err(err(file, &p.id, ErrorKind::EmptyField, "`priority` starts at 1 (the most urgent)"));
        }
        for r in &p.rank {
            if r.priority == 0 {
                return Err(err(file, &p.id, ErrorKind::EmptyField, "a `rank`'s `priority` starts at 1 (the most urgent)"));
            }
            check_codes(file, &p.id, "rank phase", &r.phases, &phases_or_unknown)?;
            check_codes(file, &p.id, "rank situation", &r.situations, &situations_or_unknown)?;
            check_codes(file, &p.id, "rank outcome", &r.outcomes, OUTCOMES)?;
            if r.outcomes.is_empty() && r.situations.is_empty() && r.phases.is_empty() && r.abroad.is_none() {
                return Err(err(file, &p.id, ErrorKind::EmptyField, "a `rank` needs at least one filter (else set the step's own `priority`)"));
            }
        }
        check_sources(file, &p.id, &p.sources, &known)?;
    }

    // Clauses left out on purpose.
    for (i, nf) in law.not_formalized.iter().enumerate() {
        let id = format!("not_formalized[{i}]");
        check_nonempty(file, &id, "article", &nf.article)?;
        check_text(file, &id, "reason", &nf.reason)?;
    }

    // The flags must agree with the entries.
    let has_kind = |k: &str| law.exclusions.iter().any(|e| e.kind == k);
    let foreign_excluded = law
        .exclusions
        .iter()
        .any(|e| e.kind == "excludes" && e.charges.iter().any(|c| c == "foreign_armed_action"));
    if law.has_foreign_clause != foreign_excluded {
        return Err(err(file, lid, ErrorKind::Inconsistent, "`has_foreign_clause` must be true exactly when an `excludes` entry reads `foreign_armed_action`"));
    }
    if law.has_rebellion_exception != has_kind("rebellion_exception") {
        return Err(err(file, lid, ErrorKind::Inconsistent, "`has_rebellion_exception` must be true exactly when a `rebellion_exception` entry exists"));
    }
    let n10_exception = law.numerals.iter().any(|n| n.number == 10 && n.exception.is_some());
    if law.has_rebellion_exception != n10_exception {
        return Err(err(file, lid, ErrorKind::Inconsistent, "numeral 10 must carry an `exception` text exactly when `has_rebellion_exception` is true"));
    }
    if let Some(n) = law.numerals.iter().find(|n| n.number != 10 && n.exception.is_some()) {
        return Err(err(file, &n.id, ErrorKind::Inconsistent, "only numeral 10 has an exception"));
    }

    Ok(law)
}

/// The id a law file's name implies: `enacted_2026_02_19.toml` →
/// `enacted-2026-02-19`.
pub fn id_from_file_name(file: &str) -> String {
    let base = file.rsplit('/').next().unwrap_or(file);
    base.trim_end_matches(".toml").replace('_', "-")
}
