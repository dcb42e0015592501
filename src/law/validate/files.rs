//! The files beside the laws: sources, charges, the screening's names and
//! the glossary.

use super::*;

/// Parses and checks `sources.toml`.
pub fn parse_sources(file: &str, text: &str) -> Result<SourcesFile, LawError> {
    let parsed: SourcesFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let mut seen = BTreeSet::new();
    for s in &parsed.sources {
        claim_id(file, &s.id, &mut seen)?;
        check_nonempty(file, &s.id, "outlet", &s.outlet)?;
        check_nonempty(file, &s.id, "title", &s.title)?;
        if let Some(url) = &s.url {
            let ok = (url.starts_with("https://") || url.starts_with("http://"))
                && !url.contains(char::is_whitespace)
                && url.len() > "https://".len();
            if !ok {
                return Err(err(file, &s.id, ErrorKind::InvalidUrl, format!("`{url}` is not an http(s) address")));
            }
        }
        if let Some(d) = &s.date {
            let ok = d.len() >= 7 && crate::date::parse_span(d).is_ok();
            if !ok {
                return Err(err(file, &s.id, ErrorKind::InvalidDate, format!("`date` `{d}` is not YYYY-MM-DD or YYYY-MM")));
            }
        } else if s.date_about {
            return Err(err(file, &s.id, ErrorKind::Inconsistent, "`date_about` without a `date`"));
        }
    }
    Ok(parsed)
}

/// Parses and checks `charges.toml` against the crate's charge codes:
/// each code exactly once, nothing else.
pub fn parse_charges(file: &str, text: &str, codes: &[&str]) -> Result<ChargesFile, LawError> {
    let parsed: ChargesFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let mut seen = BTreeSet::new();
    for c in &parsed.charges {
        if !codes.contains(&c.code.as_str()) {
            return Err(err(file, &c.code, ErrorKind::UnknownCharge, format!("`{}` is not a charge code of src/codes.rs", c.code)));
        }
        if !seen.insert(c.code.clone()) {
            return Err(err(file, &c.code, ErrorKind::ChargeCoverage, "this charge code has two entries"));
        }
        if !CHARGE_GROUPS.contains(&c.group.as_str()) {
            return Err(err(file, &c.code, ErrorKind::UnknownKind, format!("group `{}` is not one of {}", c.group, CHARGE_GROUPS.join(", "))));
        }
        check_text(file, &c.code, "label", &c.label)?;
        check_text(file, &c.code, "explanation", &c.explanation)?;
    }
    // Names: each folded name once, for one code or one ambiguous entry,
    // and never another code's own code.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for code in codes {
        names.insert(fold(code), (*code).to_string());
    }
    let mut claim = |id: &str, name: &str| -> Result<(), LawError> {
        let key = fold(name);
        if key.is_empty() {
            return Err(err(file, id, ErrorKind::EmptyField, "an empty alias"));
        }
        if let Some(other) = names.insert(key, id.to_string()) {
            return Err(err(file, id, ErrorKind::DuplicateId, format!("the name `{name}` is already taken by `{other}`")));
        }
        Ok(())
    };
    for c in &parsed.charges {
        for a in &c.aliases {
            claim(&c.code, a)?;
        }
    }
    for a in &parsed.ambiguous {
        claim(&a.name, &a.name)?;
        if a.codes.len() < 2 {
            return Err(err(file, &a.name, ErrorKind::Inconsistent, "an ambiguous name lists at least two codes"));
        }
        for c in &a.codes {
            if !codes.contains(&c.as_str()) {
                return Err(err(file, &a.name, ErrorKind::UnknownCharge, format!("`{c}` is not a charge code of src/charge.rs")));
            }
        }
    }
    for code in codes {
        if !seen.contains(*code) {
            return Err(err(file, code, ErrorKind::ChargeCoverage, "this charge code has no label and explanation"));
        }
    }
    Ok(parsed)
}

/// Parses and checks `screening.toml`: every canonical column once, every
/// value for a listed column and one of its codes, and no folded name
/// given twice within a column (or to two columns).
pub fn parse_screening(file: &str, text: &str) -> Result<ScreeningFile, LawError> {
    let parsed: ScreeningFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let mut headers: BTreeMap<String, String> = SCREEN_COLUMNS.iter().map(|c| (fold(c), (*c).to_string())).collect();
    for c in &parsed.columns {
        if !SCREEN_COLUMNS.contains(&c.name.as_str()) {
            return Err(err(file, &c.name, ErrorKind::UnknownKey, format!("`{}` is not a screening column ({})", c.name, SCREEN_COLUMNS.join(", "))));
        }
        for a in &c.aliases {
            if let Some(other) = headers.insert(fold(a), c.name.clone()).filter(|o| *o != c.name || fold(a) != fold(o)) {
                return Err(err(file, &c.name, ErrorKind::DuplicateId, format!("the column name `{a}` is already taken by `{other}`")));
            }
        }
    }
    let mut values: BTreeMap<(String, String), String> = BTreeMap::new();
    for v in &parsed.values {
        let allowed: &[&str] = match v.column.as_str() {
            "situation" => SITUATIONS,
            "phase" => PHASES,
            other => return Err(err(file, &v.code, ErrorKind::UnknownKey, format!("values are listed for `situation` and `phase`, not `{other}`"))),
        };
        if !allowed.contains(&v.code.as_str()) || v.code == UNKNOWN {
            return Err(err(file, &v.code, ErrorKind::UnknownCode, format!("`{}` is not a {} code", v.code, v.column)));
        }
        for name in v.aliases.iter().chain(core::iter::once(&v.code)) {
            if let Some(other) = values.insert((v.column.clone(), fold(name)), v.code.clone()).filter(|o| *o != v.code) {
                return Err(err(file, &v.code, ErrorKind::DuplicateId, format!("the {} name `{name}` is already taken by `{other}`", v.column)));
            }
        }
    }
    Ok(parsed)
}

/// Parses and checks `glossary.toml`: terms and help ids unique, every
/// text in both languages, names without web or street addresses.
pub fn parse_glossary(file: &str, text: &str) -> Result<GlossaryFile, LawError> {
    let parsed: GlossaryFile = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let mut terms = BTreeSet::new();
    for g in &parsed.glossary {
        check_nonempty(file, &g.term, "term", &g.term)?;
        if !terms.insert(g.term.to_lowercase()) {
            return Err(err(file, &g.term, ErrorKind::DuplicateId, "this term is explained twice"));
        }
        check_text(file, &g.term, "explanation", &g.explanation)?;
    }
    let mut ids = BTreeSet::new();
    for h in &parsed.help {
        claim_id(file, &h.id, &mut ids)?;
        check_nonempty(file, &h.id, "name", &h.name)?;
        check_text(file, &h.id, "description", &h.description)?;
        for t in [h.name.as_str(), h.description.es.as_str(), h.description.en.as_str()] {
            if t.contains("http") || t.contains("www.") || t.contains('@') {
                return Err(err(file, &h.id, ErrorKind::InvalidUrl, "help entries name organisations only, with no address"));
            }
        }
    }
    if parsed.glossary.is_empty() || parsed.help.is_empty() {
        return Err(err(file, "", ErrorKind::EmptyField, "the glossary and the help list may not be empty"));
    }
    Ok(parsed)
}
