//! A small JSON tree that keeps what the case format must check.
//!
//! `serde_json::Value` folds duplicate keys and turns `NaN` into `null`;
//! both would let bad input pass as "unknown". This tree keeps object
//! members in order (so duplicates are seen), keeps every number as it came,
//! and refuses nesting deeper than [`MAX_DEPTH`] and trees larger than
//! [`MAX_INPUT_BYTES`], whether it is read from text or from a JS value.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// The largest case accepted, in bytes of JSON text (contract §4).
pub const MAX_INPUT_BYTES: usize = 64 * 1024;
/// Deeper than any valid case (which is four levels deep), far below any
/// stack limit.
pub const MAX_DEPTH: u32 = 32;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    /// An integer too large for `f64` to hold exactly is still a number;
    /// the case format has no use for it, so it is kept only as "a number".
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The name of the JSON type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        }
    }
}

/// Why a tree could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeError {
    /// Not JSON at all, or nested too deep, or a key given twice.
    Syntax,
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge,
}

/// Limits shared by every level of one read.
struct Budget {
    /// Bytes allowed; for text, the text itself was measured already.
    limit: usize,
    depth: Cell<u32>,
    bytes: Cell<usize>,
    failure: Cell<Option<TreeError>>,
}

impl Budget {
    fn spend(&self, n: usize) -> bool {
        let b = self.bytes.get().saturating_add(n);
        self.bytes.set(b);
        if b > self.limit {
            self.failure.set(Some(TreeError::TooLarge));
            false
        } else {
            true
        }
    }
    fn fail<E: de::Error>(&self, e: TreeError) -> E {
        if self.failure.get().is_none() {
            self.failure.set(Some(e));
        }
        E::custom("case limits")
    }
}

struct Seed<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Json;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        let b = self.0;
        if b.depth.get() >= MAX_DEPTH {
            return Err(b.fail(TreeError::Syntax));
        }
        b.depth.set(b.depth.get() + 1);
        let r = d.deserialize_any(TreeVisitor(b));
        b.depth.set(b.depth.get() - 1);
        r
    }
}

struct TreeVisitor<'b>(&'b Budget);

impl<'de> Visitor<'de> for TreeVisitor<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        self.leaf(Json::Null, 4)
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        self.leaf(Json::Null, 4)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Seed(self.0).deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        self.leaf(Json::Bool(v), 5)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        self.visit_f64(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        self.visit_f64(v as f64)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        // As long as the shortest text that writes it, at most 24 bytes.
        let len = if v.is_finite() && v == v.trunc() && v.abs() < 1e15 {
            (v.abs() as u64).checked_ilog10().unwrap_or(0) as usize + 1 + (v < 0.0) as usize
        } else {
            24
        };
        self.leaf(Json::Number(v), len)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        self.visit_string(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        if !self.0.spend(v.len() + 2) {
            return Err(E::custom("case limits"));
        }
        Ok(Json::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut out = Vec::new();
        if !self.0.spend(1) {
            return Err(de::Error::custom("case limits"));
        }
        while let Some(v) = seq.next_element_seed(Seed(self.0))? {
            if !self.0.spend(1) {
                return Err(de::Error::custom("case limits"));
            }
            out.push(v);
        }
        Ok(Json::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut out: Vec<(String, Json)> = Vec::new();
        if !self.0.spend(1) {
            return Err(de::Error::custom("case limits"));
        }
        while let Some(k) = map.next_key::<String>()? {
            if !self.0.spend(k.len() + 4) {
                return Err(de::Error::custom("case limits"));
            }
            if out.iter().any(|(seen, _)| *seen == k) {
                return Err(self.0.fail(TreeError::Syntax));
            }
            let v = map.next_value_seed(Seed(self.0))?;
            out.push((k, v));
        }
        Ok(Json::Object(out))
    }
}

impl TreeVisitor<'_> {
    fn leaf<E: de::Error>(self, v: Json, len: usize) -> Result<Json, E> {
        if self.0.spend(len) { Ok(v) } else { Err(E::custom("case limits")) }
    }
}

/// Reads a tree from a deserializer of values that are not text (a JS
/// value): its size is counted as the length of the shortest JSON text that
/// would write it, and held to [`MAX_INPUT_BYTES`].
pub fn from_values<'de, D: de::Deserializer<'de>>(d: D) -> Result<Json, TreeError> {
    read(d, MAX_INPUT_BYTES)
}

fn read<'de, D: de::Deserializer<'de>>(d: D, limit: usize) -> Result<Json, TreeError> {
    let budget =
        Budget { limit, depth: Cell::new(0), bytes: Cell::new(0), failure: Cell::new(None) };
    match Seed(&budget).deserialize(d) {
        Ok(v) => Ok(v),
        Err(_) => Err(budget.failure.get().unwrap_or(TreeError::Syntax)),
    }
}

/// Reads a tree from JSON text, refusing oversized input before parsing.
pub fn from_text(text: &str) -> Result<Json, TreeError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(TreeError::TooLarge);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let v = read(&mut de, usize::MAX)?;
    de.end().map_err(|_| TreeError::Syntax)?;
    Ok(v)
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
        let v = serde_json::json!(["x".repeat(MAX_INPUT_BYTES)]);
        assert_eq!(from_values(v), Err(TreeError::TooLarge));
        assert!(from_values(serde_json::json!({"a": [1, 2, null, true]})).is_ok());
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
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as ValueError, F64Deserializer, I64Deserializer, U64Deserializer};

    #[test]
    fn odd_numbers_from_values_never_panic() {
        // Values a JS caller can hand over: each must be a number, however odd
        // (the case format then refuses it by field).
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, f64::MIN, f64::MIN_POSITIVE, -0.0, 1e15, 1e15 - 1.0, -1e15, 0.5] {
            let d: F64Deserializer<ValueError> = v.into_deserializer();
            match from_values(d) {
                Ok(Json::Number(n)) => assert!(n.is_nan() && v.is_nan() || n == v),
                other => panic!("{v}: {other:?}"),
            }
        }
        let d: U64Deserializer<ValueError> = u64::MAX.into_deserializer();
        assert!(matches!(from_values(d), Ok(Json::Number(_))));
        let d: I64Deserializer<ValueError> = i64::MIN.into_deserializer();
        assert!(matches!(from_values(d), Ok(Json::Number(_))));
    }

    /// A value nested without end, as arrays or as objects: never built,
    /// produced as the reader asks for it.
    struct Deep {
        object: bool,
    }

    struct DeepAccess {
        object: bool,
        given: bool,
    }

    impl<'de> de::Deserializer<'de> for Deep {
        type Error = ValueError;
        fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ValueError> {
            let access = DeepAccess { object: self.object, given: false };
            if self.object { v.visit_map(access) } else { v.visit_seq(access) }
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
        }
    }

    impl<'de> SeqAccess<'de> for DeepAccess {
        type Error = ValueError;
        fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, ValueError> {
            if self.given {
                return Ok(None);
            }
            self.given = true;
            seed.deserialize(Deep { object: self.object }).map(Some)
        }
    }

    impl<'de> MapAccess<'de> for DeepAccess {
        type Error = ValueError;
        fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, ValueError> {
            if self.given {
                return Ok(None);
            }
            self.given = true;
            seed.deserialize("a".into_deserializer()).map(Some)
        }
        fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, ValueError> {
            seed.deserialize(Deep { object: self.object })
        }
    }

    #[test]
    fn endless_nesting_from_values_stops_at_the_depth_limit() {
        // However deep a JS value is, the reader stops at MAX_DEPTH, long
        // before any stack limit.
        assert_eq!(from_values(Deep { object: false }), Err(TreeError::Syntax));
        assert_eq!(from_values(Deep { object: true }), Err(TreeError::Syntax));
        // Exactly at the limit is fine; one more is not.
        let nest = |n: u32| (0..n - 1).fold(serde_json::json!(1), |v, _| serde_json::Value::Array(vec![v]));
        assert!(from_values(nest(MAX_DEPTH)).is_ok());
        assert_eq!(from_values(nest(MAX_DEPTH + 1)), Err(TreeError::Syntax));
    }

    #[test]
    fn many_keys_and_long_keys_are_counted() {
        // Keys count towards the size: 64 KiB of key names is too large.
        let mut m = serde_json::Map::new();
        for i in 0..3_000 {
            m.insert(format!("{i:0>30}"), serde_json::Value::Null);
        }
        assert_eq!(from_values(serde_json::Value::Object(m)), Err(TreeError::TooLarge));
        let long_key = serde_json::json!({ "k".repeat(MAX_INPUT_BYTES): 1 });
        assert_eq!(from_values(&long_key), Err(TreeError::TooLarge));
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
