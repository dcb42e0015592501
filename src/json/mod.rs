//! A small JSON tree that keeps what the case format must check.
//!
//! A general JSON value would fold duplicate keys; that would let bad input
//! pass. This tree keeps object members in order (so duplicates are seen)
//! and is read by a strict reader of its own ([`from_text`]) that refuses
//! nesting deeper than [`MAX_DEPTH`] and text longer than
//! [`MAX_INPUT_BYTES`]. `wasm.rs` reads a JS value into the same tree, with
//! the same limits, so there is one set of checks after reading.
//! [`write`] is the other direction: assessments out as JSON text.

mod read;
pub mod write;

pub use write::{ToJson, Writer};
use std::borrow::Cow;
pub(crate) use write::{json_code, json_object};

/// The largest case accepted, in bytes of JSON text (contract §4).
pub const MAX_INPUT_BYTES: usize = 64 * 1024;
/// Deeper than any valid case (which is four levels deep), far below any
/// stack limit.
pub const MAX_DEPTH: u32 = 32;

/// Strings and keys borrow from the JSON text they were read from when
/// they are written there without escapes (most are), and are owned
/// otherwise; a tree read from a JS value owns them all (`Json<'static>`).
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(f64),
    /// An integer too large for `f64` to hold exactly is still a number;
    /// the case format has no use for it, so it is kept only as "a number".
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// Why a tree could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeError {
    /// Not JSON at all, or nested too deep, or a key given twice.
    Syntax,
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge,
    /// Reading a JS value ran code of the caller's (a getter, a Proxy
    /// trap) that threw.
    Threw,
}

/// Reads a tree from JSON text, refusing oversized input before parsing.
pub fn from_text(text: &str) -> Result<Json<'_>, TreeError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(TreeError::TooLarge);
    }
    read::parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_and_deep_nesting_are_refused() {
        assert_eq!(from_text(r#"{"a":1,"a":2}"#), Err(TreeError::Syntax));
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert_eq!(from_text(&deep), Err(TreeError::Syntax));
        assert_eq!(from_text("NaN"), Err(TreeError::Syntax));
        assert_eq!(from_text("{} {}"), Err(TreeError::Syntax));
    }

    #[test]
    fn size_is_counted_for_text_and_for_trees() {
        let big = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_INPUT_BYTES));
        assert_eq!(from_text(&big), Err(TreeError::TooLarge));
        // Text is measured as text: 40 KB of numbers is accepted.
        let many = format!("[{}1]", "1,".repeat(20_000));
        assert!(from_text(&many).is_ok());
    }

    #[test]
    fn numbers_keep_their_value() {
        assert_eq!(from_text("[12, 12.5, -1]").unwrap(), Json::Array(vec![
            Json::Number(12.0),
            Json::Number(12.5),
            Json::Number(-1.0)
        ]));
    }
}

/// Hostile input at the tree level (issue "Hardening"; tests/hostile.rs has
/// the same through the public entry points).
#[cfg(test)]
mod hardening_tests {
    use super::*;

    #[test]
    fn nesting_stops_at_the_depth_limit() {
        // Exactly at the limit is fine; one more is not, for arrays and objects.
        let arrays = |n: usize| "[".repeat(n - 1) + "1" + &"]".repeat(n - 1);
        assert!(from_text(&arrays(MAX_DEPTH as usize)).is_ok());
        assert_eq!(from_text(&arrays(MAX_DEPTH as usize + 1)), Err(TreeError::Syntax));
        let objects = |n: usize| "{\"a\":".repeat(n - 1) + "1" + &"}".repeat(n - 1);
        assert!(from_text(&objects(MAX_DEPTH as usize)).is_ok());
        assert_eq!(from_text(&objects(MAX_DEPTH as usize + 1)), Err(TreeError::Syntax));
    }

    #[test]
    fn strings_and_escapes_read_as_written() {
        let v = from_text(r#"["a\"b\\c\/\b\f\n\r\t", "\u00e9\ud83d\ude00", "ñandú 😀"]"#).unwrap();
        assert_eq!(v, Json::Array(vec![
            Json::String("a\"b\\c/\u{8}\u{c}\n\r\t".into()),
            Json::String("é😀".into()),
            Json::String("ñandú 😀".into()),
        ]));
        for bad in ["\"\\x\"", "\"\\u12\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\nb\"", "\"open"] {
            assert_eq!(from_text(bad), Err(TreeError::Syntax), "{bad:?}");
        }
    }

    #[test]
    fn numbers_follow_the_json_grammar() {
        for (text, v) in [("0", 0.0), ("-0", -0.0), ("12", 12.0), ("1.2e1", 12.0), ("12.0", 12.0), ("1E2", 100.0), ("1e-400", 0.0), ("123456789012345678901234567890", 1.2345678901234568e29)] {
            assert_eq!(from_text(text), Ok(Json::Number(v)), "{text}");
        }
        for bad in ["01", "-", "1.", ".5", "+1", "1e", "1e+", "0x10", "Infinity", "-Infinity", "NaN", "1e309", "-1e309"] {
            assert_eq!(from_text(bad), Err(TreeError::Syntax), "{bad}");
        }
    }

    #[test]
    fn structure_errors_are_syntax_errors() {
        for bad in ["", " ", "[", "]", "{", "{\"a\"}", "{\"a\":}", "{a:1}", "[1 2]", "{\"a\":1,}", "[,1]", "nul", "truex", "{\"a\":1}}", "'a'"] {
            assert_eq!(from_text(bad), Err(TreeError::Syntax), "{bad:?}");
        }
        assert_eq!(from_text(" \t\r\n{ \"a\" : [ ] }\n"), Ok(Json::Object(vec![("a".into(), Json::Array(vec![]))])));
    }

    #[test]
    fn text_limits_hold_for_odd_text() {
        // Over the limit is refused before parsing, whatever it holds.
        assert_eq!(from_text(&"[".repeat(MAX_INPUT_BYTES + 1)), Err(TreeError::TooLarge));
        for text in ["\u{feff}{}", "{\"a\":1}\u{0}", "[1,]", "{\"a\" 1}", "\"\\ud800\"", "1e400", "-", "[1e400]"] {
            assert_eq!(from_text(text), Err(TreeError::Syntax), "{text:?}");
        }
        // Escaped keys are compared after unescaping: a duplicate is a duplicate.
        assert_eq!(from_text(r#"{"a":1,"\u0061":2}"#), Err(TreeError::Syntax));
    }
}
