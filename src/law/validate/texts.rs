//! The sentence templates of `texts*.toml`: placeholders, per-law
//! wordings and what each template rests on.

use super::*;

/// One sentence template of a `texts_*.toml` file: the words the checker
/// writes around the facts of a case, with `{name}` where a fact goes, and
/// the same sentence as one law version says it, where it differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateDef {
    /// The key, e.g. `exclusion_none_charged`: a field of the generated
    /// `Texts`.
    pub key: String,
    pub text: TextDef,
    /// `(law id, text)`: this law's own wording.
    pub overrides: Vec<(String, TextDef)>,
    /// What the sentence rests on (`basis`): required in the written
    /// request's file ([`REQUEST_TEXTS`]), optional elsewhere.
    pub basis: Option<Basis>,
}

/// The texts file of the written request and the letter to the commission:
/// every template there says what it rests on.
pub const REQUEST_TEXTS: &str = "texts_request.toml";

/// What a template rests on. `basis = "form"`: a line of form (a heading,
/// a salutation, a blank to fill) that says nothing about the law.
/// `basis = ["art10", "effects"]`: the entries of the law in force (articles,
/// numerals, exclusions, procedure steps) whose content it restates; its
/// confidence and sources are theirs ([`Validated::grounds`]), so each fact
/// keeps one confidence and one list of sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    Form,
    Entries(Vec<String>),
}

/// The `{name}` slots of a template, in order of first use.
pub fn placeholders(t: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find(['{', '}']) {
        if rest.as_bytes()[i] == b'}' {
            return Err(format!("a `}}` with no `{{` before it in `{t}`"));
        }
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            return Err(format!("a `{{` that is never closed in `{t}`"));
        };
        let name = &after[..j];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(format!("`{{{name}}}` is not a slot name (lowercase letters and `_`)"));
        }
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
        rest = &after[j + 1..];
    }
    Ok(out)
}

fn slot_set(file: &str, key: &str, t: &TextDef) -> Result<BTreeSet<String>, LawError> {
    let es = placeholders(&t.es).map_err(|m| err(file, key, ErrorKind::Parse, m))?;
    let en = placeholders(&t.en).map_err(|m| err(file, key, ErrorKind::Parse, m))?;
    let (es, en): (BTreeSet<String>, BTreeSet<String>) = (es.into_iter().collect(), en.into_iter().collect());
    if es != en {
        return Err(err(file, key, ErrorKind::Inconsistent, format!("the `es` text fills {es:?} but the `en` text fills {en:?}")));
    }
    Ok(es)
}

/// Parses and checks one `texts_*.toml` file: `[key]` tables with `es` and
/// `en`, and optional `[key.<law id>]` tables with a law's own wording.
/// Both languages fill the same slots; a law's wording fills no slot the
/// shared one lacks.
pub fn parse_texts(file: &str, text: &str, law_ids: &[&str]) -> Result<Vec<TemplateDef>, LawError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| parse_error(file, e))?;
    let as_text = |key: &str, v: &toml::Value| -> Result<TextDef, LawError> {
        let t: TextDef = v.clone().try_into().map_err(|e: toml::de::Error| parse_error(file, e))?;
        check_text(file, key, key, &t)?;
        Ok(t)
    };
    let mut out = Vec::new();
    for (key, value) in &table {
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(err(file, key, ErrorKind::EmptyField, "template keys use only lowercase ASCII letters, digits and `_`"));
        }
        let Some(entry) = value.as_table() else {
            return Err(err(file, key, ErrorKind::Parse, "a template is a table with `es` and `en`"));
        };
        let mut shared = toml::Table::new();
        let mut overrides = Vec::new();
        let mut basis = None;
        for (k, v) in entry {
            match k.as_str() {
                "es" | "en" => {
                    shared.insert(k.clone(), v.clone());
                }
                "basis" => basis = Some(parse_basis(file, key, v)?),
                law if law_ids.contains(&law) => overrides.push((law.to_string(), as_text(key, v)?)),
                other => return Err(err(file, key, ErrorKind::UnknownKey, format!("`{other}` is neither `es`, `en`, `basis` nor a law id ({})", law_ids.join(", ")))),
            }
        }
        let text = as_text(key, &toml::Value::Table(shared))?;
        let slots = slot_set(file, key, &text)?;
        for (law, t) in &overrides {
            let own = slot_set(file, key, t)?;
            if let Some(extra) = own.difference(&slots).next() {
                return Err(err(file, key, ErrorKind::Inconsistent, format!("the `{law}` wording fills `{{{extra}}}`, which the shared wording does not")));
            }
        }
        if basis.is_none() && file.ends_with(REQUEST_TEXTS) {
            return Err(err(file, key, ErrorKind::MissingBasis, "a template of the written request says what it rests on: `basis = \"form\"` or `basis = [entry ids of the law in force]`"));
        }
        out.push(TemplateDef { key: key.clone(), text, overrides, basis });
    }
    Ok(out)
}

fn parse_basis(file: &str, key: &str, v: &toml::Value) -> Result<Basis, LawError> {
    match v {
        toml::Value::String(s) if s == "form" => Ok(Basis::Form),
        toml::Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .map(Basis::Entries)
            .ok_or_else(|| err(file, key, ErrorKind::Parse, "`basis` lists entry ids as strings")),
        _ => Err(err(file, key, ErrorKind::Parse, "`basis` is \"form\" or a non-empty list of entry ids")),
    }
}
