//! Reading a case (contract §1) with the error codes of contract §4.
//!
//! The parser walks the JSON tree in document order and stops at the first
//! problem, reporting its path (`proceedings[0].factsDate`). `null` and an
//! absent key both mean "unknown". Nothing here interprets the law.

use crate::codes::Charge;
use crate::date::{self, DateError, DayRange};
use crate::error::{Error, ErrorCode};
use crate::json::{self, Json, TreeError};
use crate::law;
use crate::model::{Case, ChargeSet, Event, FactsDate, Person, Phase, Proceeding, Situation};
use crate::text::sentence;

pub const MAX_PROCEEDINGS: usize = 50;
pub const MAX_LABEL_CHARS: usize = 200;

/// Reads a case from JSON text.
pub fn case_from_text(text: &str) -> Result<Case, Error> {
    if text.starts_with('\u{feff}') {
        // A byte-order mark is not JSON (RFC 8259 §8.1); say so plainly.
        return Err(Error::at_root(ErrorCode::InvalidJson).quoting("U+FEFF"));
    }
    case_from_tree(json::from_text(text).map_err(tree_error)?)
}

/// Reads a case from raw bytes, which must be UTF-8.
pub fn case_from_bytes(bytes: &[u8]) -> Result<Case, Error> {
    if bytes.len() > json::MAX_INPUT_BYTES {
        return Err(Error::at_root(ErrorCode::InputTooLarge));
    }
    match core::str::from_utf8(bytes) {
        Ok(text) => case_from_text(text),
        Err(_) => Err(Error::at_root(ErrorCode::InvalidJson)),
    }
}

pub(crate) fn tree_error(e: TreeError) -> Error {
    match e {
        TreeError::Syntax => Error::at_root(ErrorCode::InvalidJson),
        TreeError::TooLarge => Error::at_root(ErrorCode::InputTooLarge),
        TreeError::Threw => Error::at_root(ErrorCode::InvalidValue),
    }
}

/// Reads a case from a JSON tree.
pub fn case_from_tree(tree: Json<'_>) -> Result<Case, Error> {
    let Json::Object(members) = tree else {
        return Err(Error::at_root(ErrorCode::InvalidValue));
    };
    let mut the_law = law::DEFAULT_LAW;
    let mut person = Person::default();
    let mut proceedings = None;
    for (key, value) in members {
        match &*key {
            "law" => match value {
                Json::Null => {}
                Json::String(id) => {
                    the_law = law::by_id(&id)
                        .ok_or_else(|| Error::new(ErrorCode::UnknownLaw, "law").quoting(&id))?;
                }
                _ => return Err(Error::new(ErrorCode::InvalidValue, "law")),
            },
            "person" => person = read_person(value)?,
            "proceedings" => proceedings = Some(read_proceedings(value)?),
            _ => return Err(Error::new(ErrorCode::UnknownField, &*key).quoting(&key)),
        }
    }
    let proceedings = proceedings.unwrap_or_default();
    if proceedings.is_empty() {
        return Err(Error::new(ErrorCode::NoProceedings, "proceedings"));
    }
    Ok(Case { law: the_law, person, proceedings })
}

fn read_person(value: Json<'_>) -> Result<Person, Error> {
    let mut person = Person::default();
    let members = match value {
        Json::Null => return Ok(person),
        Json::Object(m) => m,
        _ => return Err(Error::new(ErrorCode::InvalidValue, "person")),
    };
    for (key, value) in members {
        // Paths are written out only when an error needs one (with `sentence!`,
        // not `format!`, which would pull the formatting machinery into the wasm).
        let path = || -> String { sentence!("person.", &*key) };
        match &*key {
            "situation" => person.situation = code(value, &path, Situation::from_code)?,
            "abroad" => person.abroad = boolean(value, &path)?,
            "ceasedConduct" => person.ceased_conduct = boolean(value, &path)?,
            _ => return Err(Error::new(ErrorCode::UnknownField, path()).quoting(&key)),
        }
    }
    Ok(person)
}

fn read_proceedings(value: Json<'_>) -> Result<Vec<Proceeding>, Error> {
    let items = match value {
        Json::Null => return Ok(Vec::new()),
        Json::Array(items) => items,
        _ => return Err(Error::new(ErrorCode::InvalidValue, "proceedings")),
    };
    if items.len() > MAX_PROCEEDINGS {
        return Err(Error::new(ErrorCode::TooManyProceedings, "proceedings"));
    }
    items.into_iter().enumerate().map(|(i, p)| read_proceeding(p, i)).collect()
}

fn read_proceeding(value: Json<'_>, index: usize) -> Result<Proceeding, Error> {
    let at = |key: &str| -> String { sentence!("proceedings[", index, "].", key) };
    let Json::Object(members) = value else {
        let path: String = sentence!("proceedings[", index, "]");
        return Err(Error::new(ErrorCode::InvalidValue, path));
    };
    let mut p = Proceeding::default();
    let mut start: Option<(DayRange, date::Precision)> = None;
    let mut end: Option<DayRange> = None;
    for (key, value) in members {
        let path = || at(&key);
        match &*key {
            "label" => {
                p.label = match value {
                    Json::Null => None,
                    Json::String(s) if s.chars().nth(MAX_LABEL_CHARS).is_none() => Some(s.into_owned()),
                    _ => return Err(Error::new(ErrorCode::InvalidValue, path())),
                }
            }
            "factsDate" => start = date_span(value, &path)?,
            "factsDateEnd" => end = date_span(value, &path)?.map(|(r, _)| r),
            "event" => p.event = event(value, &path)?,
            "charges" => p.charges = charges(value, &path)?,
            "phase" => p.phase = code(value, &path, Phase::from_code)?,
            "militaryJustice" => p.military_justice = boolean(value, &path)?,
            _ => return Err(Error::new(ErrorCode::UnknownField, path()).quoting(&key)),
        }
    }
    p.facts_date = match (start, end) {
        (None, None) => None,
        (Some((r, precision)), None) => Some(FactsDate { days: r, precision, is_range: false }),
        // Only an end: the acts happened at some time up to that end.
        (None, Some(e)) => Some(FactsDate {
            days: DayRange::new(date::Day::MIN, e.last),
            precision: date::Precision::Day,
            is_range: true,
        }),
        (Some((s, precision)), Some(e)) => {
            if e.last < s.first {
                return Err(Error::new(ErrorCode::InvalidDateRange, at("factsDateEnd")));
            }
            Some(FactsDate { days: DayRange::new(s.first, e.last), precision, is_range: true })
        }
    };
    Ok(p)
}

fn boolean(value: Json<'_>, path: &dyn Fn() -> String) -> Result<Option<bool>, Error> {
    match value {
        Json::Null => Ok(None),
        Json::Bool(b) => Ok(Some(b)),
        _ => Err(Error::new(ErrorCode::InvalidValue, path())),
    }
}

fn code<T>(value: Json<'_>, path: &dyn Fn() -> String, from: fn(&str) -> Option<T>) -> Result<Option<T>, Error> {
    match value {
        Json::Null => Ok(None),
        Json::String(s) => match from(&s) {
            Some(v) => Ok(Some(v)),
            None => Err(Error::new(ErrorCode::InvalidValue, path()).quoting(&s)),
        },
        _ => Err(Error::new(ErrorCode::InvalidValue, path())),
    }
}

fn date_span(value: Json<'_>, path: &dyn Fn() -> String) -> Result<Option<(DayRange, date::Precision)>, Error> {
    match value {
        Json::Null => Ok(None),
        Json::String(s) => match date::parse_span(&s) {
            Ok(r) => Ok(Some(r)),
            Err(DateError::Shape | DateError::NoSuchDay | DateError::OutOfRange) => {
                Err(Error::new(ErrorCode::InvalidDate, path()).quoting(&s))
            }
        },
        _ => Err(Error::new(ErrorCode::InvalidValue, path())),
    }
}

fn event(value: Json<'_>, path: &dyn Fn() -> String) -> Result<Option<Event>, Error> {
    match value {
        Json::Null => Ok(None),
        Json::String(s) if s == "none" => Ok(Some(Event::NoEvent)),
        // Whole numbers only; 12.0 is 12 (JS has no other kind of number).
        // Compared with its cast (`f64::fract` is std's, not core's).
        Json::Number(n) if (1.0..=13.0).contains(&n) && n == f64::from(n as u8) => {
            Ok(Some(Event::Numeral(n as u8)))
        }
        Json::String(s) => Err(Error::new(ErrorCode::InvalidEvent, path()).quoting(&s)),
        _ => Err(Error::new(ErrorCode::InvalidEvent, path())),
    }
}

fn charges(value: Json<'_>, path: &dyn Fn() -> String) -> Result<Option<ChargeSet>, Error> {
    let items = match value {
        Json::Null => return Ok(None),
        Json::Array(items) => items,
        _ => return Err(Error::new(ErrorCode::InvalidValue, path())),
    };
    let mut set = ChargeSet::default();
    for (i, item) in items.into_iter().enumerate() {
        let at = || -> String { sentence!(path(), "[", i, "]") };
        match item {
            Json::String(s) => match Charge::from_code(&s) {
                Some(c) => set.insert(c),
                None => return Err(Error::new(ErrorCode::UnknownCharge, at()).quoting(&s)),
            },
            _ => return Err(Error::new(ErrorCode::InvalidValue, at())),
        }
    }
    Ok(Some(set))
}

/// Hostile values at the field level (issue "Hardening"; tests/hostile.rs
/// has the same through the public entry points).
#[cfg(test)]
mod hardening_tests {
    use super::*;

    fn one<'a>(members: Vec<(&'a str, Json<'a>)>) -> Json<'a> {
        let p = Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect());
        Json::Object(vec![("proceedings".into(), Json::Array(vec![p]))])
    }

    fn code_of(tree: Json<'_>) -> Option<&'static str> {
        case_from_tree(tree).err().map(|e| e.code().code())
    }

    #[test]
    fn events_that_are_not_one_to_thirteen_are_refused() {
        for n in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0, 0.999_999_9, 13.000_001, 14.0, -12.0, 12.5, 268.0, 4_294_967_308.0, 18_446_744_073_709_551_628.0, f64::MAX] {
            assert_eq!(code_of(one(vec![("event", Json::Number(n))])), Some("invalid_event"), "{n}");
        }
        for n in [1.0, 12.0, 13.0] {
            assert_eq!(code_of(one(vec![("event", Json::Number(n))])), None, "{n}");
        }
    }

    #[test]
    fn wrong_types_are_invalid_value_with_their_path() {
        for (key, value) in [
            ("factsDate", Json::Number(2024.0)),
            ("factsDateEnd", Json::Bool(true)),
            ("charges", Json::String("terrorism".into())),
            ("phase", Json::Array(vec![])),
            ("militaryJustice", Json::String("false".into())),
            ("label", Json::Number(f64::NAN)),
            ("label", Json::Object(vec![])),
        ] {
            let e = case_from_tree(one(vec![(key, value)])).unwrap_err();
            assert_eq!((e.code().code(), e.path()), ("invalid_value", Some(format!("proceedings[0].{key}").as_str())));
        }
        for root in [Json::Null, Json::Number(f64::NAN), Json::String("{}".into()), Json::Array(vec![])] {
            assert_eq!(code_of(root), Some("invalid_value"));
        }
    }

    #[test]
    fn labels_are_counted_in_characters_and_kept_as_given() {
        let label = |s: String| one(vec![("label", Json::String(s.into()))]);
        assert_eq!(code_of(label("😀".repeat(200))), None);
        assert_eq!(code_of(label("😀".repeat(201))), Some("invalid_value"));
        // Combining marks are characters too: 100 letters with 100 accents is 200.
        assert_eq!(code_of(label("e\u{301}".repeat(100))), None);
        assert_eq!(code_of(label("e\u{301}".repeat(101))), Some("invalid_value"));
        // Markup, NUL and bidi controls are kept as they are: a label is echoed, never read.
        let odd = "<img src=x onerror=alert(1)>\u{0}\u{202e}</script>".to_string();
        let case = case_from_tree(label(odd.clone())).unwrap();
        assert_eq!(case.proceedings[0].label.as_deref(), Some(odd.as_str()));
    }

    #[test]
    fn prototype_keys_are_unknown_fields_everywhere() {
        for key in ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"] {
            let top = Json::Object(vec![(key.into(), Json::Null), ("proceedings".into(), Json::Array(vec![Json::Object(vec![])]))]);
            assert_eq!(code_of(top), Some("unknown_field"), "{key}");
            assert_eq!(code_of(one(vec![(key, Json::Null)])), Some("unknown_field"), "{key}");
        }
    }

    #[test]
    fn bytes_are_checked_for_size_before_utf8() {
        let mut big = vec![0xffu8; json::MAX_INPUT_BYTES + 1];
        assert_eq!(case_from_bytes(&big).unwrap_err().code().code(), "input_too_large");
        big.truncate(10);
        assert_eq!(case_from_bytes(&big).unwrap_err().code().code(), "invalid_json");
        assert_eq!(case_from_bytes(&[0xef, 0xbb, 0xbf, b'{', b'}']).unwrap_err().code().code(), "invalid_json");
    }
}
