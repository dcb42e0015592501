//! Writing JSON text: the assessment, the page's law data, errors and
//! screening rows all go out through [`Writer`].
//!
//! [`ToJson`] says which members a value has and in what order; serde_json
//! does the writing: its formatters lay out the text (pretty: two spaces per
//! level, `"key": value`, `[]` and `{}` when empty, as the contract's
//! examples are; compact: no whitespace at all), escape strings (`"`, `\`
//! and control characters only, so Spanish text stays readable) and write
//! numbers. The JS boundary's output adds one formatter of ours, [`Ascii`].
//! Writing into memory cannot fail.

use serde::Serialize as _;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io;

/// A value that can be written as JSON.
pub trait ToJson {
    fn to_json(&self, w: &mut Writer);
}

/// JSON text under construction.
pub struct Writer {
    /// Always UTF-8: serde_json writes whole strings and ASCII.
    out: Vec<u8>,
    layout: Layout,
    /// Nothing written yet in the innermost open object or array.
    fresh: bool,
}

enum Layout {
    Compact,
    /// Holds the indentation level.
    Pretty(PrettyFormatter<'static>),
    Ascii,
}

/// Calls one `Formatter` method of the writer's layout on its text. Writing
/// into a `Vec` never fails, so the `io::Result` says nothing.
macro_rules! call {
    ($w:ident . $method:ident ( $($arg:expr),* )) => {{
        let out = &mut $w.out;
        let _ = match &mut $w.layout {
            Layout::Compact => CompactFormatter.$method(out $(, $arg)*),
            Layout::Pretty(f) => f.$method(out $(, $arg)*),
            Layout::Ascii => Ascii.$method(out $(, $arg)*),
        };
    }};
}

impl Writer {
    fn with(layout: Layout) -> Writer {
        Writer { out: Vec::with_capacity(8192), layout, fresh: false }
    }

    /// Two-space indented output, as the command line prints it.
    pub fn pretty() -> Writer {
        Writer::with(Layout::Pretty(PrettyFormatter::new()))
    }

    /// Output with no whitespace, for machines (JSONL, the results CSV).
    pub fn compact() -> Writer {
        Writer::with(Layout::Compact)
    }

    /// Compact output in ASCII only, for the JS boundary: a JS engine turns
    /// ASCII bytes into a string many times faster than other UTF-8, and
    /// `JSON.parse` reads the escapes back into the same text.
    pub fn compact_ascii() -> Writer {
        Writer::with(Layout::Ascii)
    }

    pub fn finish(self) -> String {
        // serde_json writes valid UTF-8 only.
        String::from_utf8(self.out).unwrap_or_default()
    }

    pub fn begin_object(&mut self) {
        call!(self.begin_object());
        self.fresh = true;
    }

    pub fn end_object(&mut self) {
        call!(self.end_object());
        self.fresh = false;
    }

    pub fn begin_array(&mut self) {
        call!(self.begin_array());
        self.fresh = true;
    }

    pub fn end_array(&mut self) {
        call!(self.end_array());
        self.fresh = false;
    }

    /// One member of the open object. Keys are the format's own names
    /// (`rulesVersion`, `nextSteps`): plain ASCII that needs no escaping.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.key(key);
        value.to_json(self);
        call!(self.end_object_value());
    }

    /// The key of [`Writer::field`], in a function of its own: written in
    /// `field`, it was copied into each of its instances (7 KB of wasm).
    fn key(&mut self, key: &'static str) {
        debug_assert!(key.bytes().all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\'), "{key}");
        let first = std::mem::replace(&mut self.fresh, false);
        call!(self.begin_object_key(first));
        call!(self.begin_string());
        call!(self.write_string_fragment(key));
        call!(self.end_string());
        call!(self.end_object_key());
        call!(self.begin_object_value());
    }

    /// One item of the open array.
    pub fn item<T: ToJson + ?Sized>(&mut self, value: &T) {
        let first = std::mem::replace(&mut self.fresh, false);
        call!(self.begin_array_value(first));
        value.to_json(self);
        call!(self.end_array_value());
    }

    pub fn null(&mut self) {
        call!(self.write_null());
    }

    pub fn bool(&mut self, b: bool) {
        call!(self.write_bool(b));
    }

    pub fn uint(&mut self, n: u64) {
        call!(self.write_u64(n));
    }

    /// A string, escaped by serde_json (and, in ASCII output, by [`Ascii`]).
    pub fn string(&mut self, s: &str) {
        let _ = match self.layout {
            Layout::Ascii => s.serialize(&mut serde_json::Serializer::with_formatter(&mut self.out, Ascii)),
            // Strings are escaped the same way in both layouts.
            _ => s.serialize(&mut serde_json::Serializer::new(&mut self.out)),
        };
    }
}

/// The JS boundary's formatter: compact, and every character beyond ASCII
/// written as a `\uXXXX` escape (UTF-16 code units, as JSON has them).
struct Ascii;

impl Formatter for Ascii {
    /// A piece of a string with nothing JSON must escape: copied whole when
    /// it is ASCII (most are), else its ASCII runs are.
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, out: &mut W, fragment: &str) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        if fragment.is_ascii() {
            return out.write_all(bytes);
        }
        let mut run = 0;
        while let Some(skip) = bytes.get(run..).and_then(|rest| rest.iter().position(|b| !b.is_ascii())) {
            let at = run + skip;
            out.write_all(bytes.get(run..at).unwrap_or_default())?;
            let c = fragment.get(at..).and_then(|rest| rest.chars().next()).unwrap_or('\u{fffd}');
            for unit in c.encode_utf16(&mut [0; 2]).iter() {
                out.write_all(&hex_escape(*unit))?;
            }
            run = at + c.len_utf8();
        }
        out.write_all(bytes.get(run..).unwrap_or_default())
    }
}

/// `\u` and four lowercase hex digits, as serde_json writes its own.
fn hex_escape(unit: u16) -> [u8; 6] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
    [b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]
}

/// The decimal digits of `n`, for the numbers in sentences.
pub(crate) fn decimal(n: u64, buf: &mut itoa::Buffer) -> &str {
    buf.format(n)
}

/// Pretty JSON text of a value.
pub fn to_pretty<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer::pretty();
    value.to_json(&mut w);
    w.finish()
}

/// Compact JSON text of a value.
pub fn to_compact<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer::compact();
    value.to_json(&mut w);
    w.finish()
}

/// Compact JSON text of a value in ASCII only (see [`Writer::compact_ascii`]).
pub fn to_compact_ascii<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer::compact_ascii();
    value.to_json(&mut w);
    w.finish()
}

impl ToJson for str {
    fn to_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for String {
    fn to_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for std::borrow::Cow<'_, str> {
    fn to_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn to_json(&self, w: &mut Writer) {
        w.bool(*self);
    }
}

impl ToJson for u8 {
    fn to_json(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
}

impl ToJson for usize {
    fn to_json(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self, w: &mut Writer) {
        (**self).to_json(w);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, w: &mut Writer) {
        match self {
            Some(v) => v.to_json(w),
            None => w.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, w: &mut Writer) {
        w.begin_array();
        for v in self {
            w.item(v);
        }
        w.end_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, w: &mut Writer) {
        self.as_slice().to_json(w);
    }
}

/// `impl ToJson` for a struct: each listed field under its JSON key, in
/// order. `json_object!(Type { "key": field, … })`.
macro_rules! json_object {
    ($ty:ty { $($key:literal : $field:ident),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn to_json(&self, w: &mut $crate::json::Writer) {
                w.begin_object();
                $( w.field($key, &self.$field); )*
                w.end_object();
            }
        }
    };
}

/// `impl ToJson` for a type with `fn code(self) -> &'static str`.
macro_rules! json_code {
    ($($ty:ty),* $(,)?) => {
        $(impl $crate::json::ToJson for $ty {
            fn to_json(&self, w: &mut $crate::json::Writer) {
                w.string(self.code());
            }
        })*
    };
}

pub(crate) use {json_code, json_object};

#[cfg(test)]
mod tests {
    use super::*;

    struct Pair {
        a: Vec<u8>,
        b: Option<&'static str>,
        c: Vec<Vec<u8>>,
    }
    json_object!(Pair { "a": a, "bKey": b, "c": c });

    /// Indentation past the 16 levels written in one copy is still two
    /// spaces a level, as a general JSON library writes it.
    #[test]
    fn deep_nesting_is_indented_two_spaces_a_level() {
        struct Nest(usize);
        impl ToJson for Nest {
            fn to_json(&self, w: &mut Writer) {
                w.begin_array();
                if self.0 == 0 {
                    w.item(&7u8);
                } else {
                    w.item(&Nest(self.0 - 1));
                }
                w.end_array();
            }
        }
        let mut value = serde_json::json!([7]);
        for _ in 0..24 {
            value = serde_json::json!([value]);
        }
        assert_eq!(to_pretty(&Nest(24)), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn pretty_and_compact_layouts() {
        let p = Pair { a: vec![1, 20], b: None, c: vec![vec![], vec![3]] };
        assert_eq!(to_compact(&p), r#"{"a":[1,20],"bKey":null,"c":[[],[3]]}"#);
        assert_eq!(to_pretty(&p), "{\n  \"a\": [\n    1,\n    20\n  ],\n  \"bKey\": null,\n  \"c\": [\n    [],\n    [\n      3\n    ]\n  ]\n}");
        assert_eq!(to_pretty(&Vec::<u8>::new()), "[]");
        assert_eq!(to_compact(&usize::MAX), usize::MAX.to_string());
    }

    /// Strings made of a few characters of each kind, at every length up to
    /// 19 and in many orders, are written as a general JSON library writes
    /// them, and the ASCII output reads back as the same text.
    #[test]
    fn strings_are_written_as_a_general_json_library_writes_them() {
        let parts = ["a", "é", "\"", "\\", "\n", "\u{1}", "😀", "ñandú ", "€", "\u{7f}", "12345678"];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..20 {
            for _ in 0..300 {
                let mut s = String::new();
                for _ in 0..len {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    s.push_str(parts[(seed % parts.len() as u64) as usize]);
                }
                assert_eq!(to_compact(s.as_str()), serde_json::to_string(&s).unwrap(), "{s:?}");
                let ascii = to_compact_ascii(s.as_str());
                assert!(ascii.is_ascii(), "{ascii}");
                assert_eq!(serde_json::from_str::<String>(&ascii).unwrap(), s);
            }
        }
    }

    #[test]
    fn ascii_output_escapes_everything_beyond_ascii_and_reads_back() {
        for s in ["", "plain", "ñandú", "0123456789 «hasta el 30 de julio» 😀 fin", "\u{7f}\u{80}\u{ffff}\u{10000}\"\\\n", "ééééééééééééééééé"] {
            let out = to_compact_ascii(s);
            assert!(out.is_ascii(), "{out}");
            assert_eq!(super::super::from_text(&out), Ok(super::super::Json::String(s.into())), "{out}");
        }
        assert_eq!(to_compact_ascii("é😀"), r#""\u00e9\ud83d\ude00""#);
    }

    /// The ASCII output (the JS boundary's) escapes every other character,
    /// and a general JSON library reads back exactly the text written.
    #[test]
    fn ascii_output_reads_back_as_the_same_text() {
        let text: String = (0x20..0x800u32)
            .chain((0x800..0x11_0000).step_by(97))
            .filter_map(char::from_u32)
            .chain("Artículo 8, numeral 12: «sí», ¿año? ñ € 😀 \u{7ff}\u{800}\u{ffff}\u{10000}".chars())
            .collect();
        let written = to_compact_ascii(&text);
        assert!(written.is_ascii(), "non-ASCII byte in the boundary's output");
        assert_eq!(serde_json::from_str::<String>(&written).unwrap(), text);
        assert_eq!(to_compact_ascii("añ"), r#""a\u00f1""#);
    }

    #[test]
    fn strings_escape_only_what_json_requires() {
        assert_eq!(to_compact("a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f} ñ 😀 </script>"), r#""a\"b\\c\n\r\t\b\f\u0001\u001f ñ 😀 </script>""#);
        // What is written reads back as the same string.
        let s = "«x»\u{0}\u{7f}\"\\";
        assert_eq!(super::super::from_text(&to_compact(s)), Ok(super::super::Json::String(s.into())));
    }
}
