//! Writing JSON text: the assessment, the page's law data, errors and
//! screening rows all go out through [`Writer`].
//!
//! Pretty output is laid out as the contract's examples are (two spaces per
//! level, `"key": value`, `[]` and `{}` when empty); compact output has no
//! whitespace at all. Strings escape `"`, `\` and control characters only,
//! so Spanish text stays readable. Writing cannot fail.

/// A value that can be written as JSON.
pub trait ToJson {
    fn to_json(&self, w: &mut Writer);
}

/// JSON text under construction.
pub struct Writer {
    out: String,
    pretty: bool,
    level: usize,
    /// Nothing written yet in the innermost open object or array.
    fresh: bool,
}

impl Writer {
    /// Two-space indented output, as the command line prints it.
    pub fn pretty() -> Writer {
        Writer { out: String::with_capacity(4096), pretty: true, level: 0, fresh: false }
    }

    /// Output with no whitespace, for machines (the JS boundary, JSONL).
    pub fn compact() -> Writer {
        Writer { out: String::with_capacity(2048), pretty: false, level: 0, fresh: false }
    }

    pub fn finish(self) -> String {
        self.out
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.open('[');
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// One member of the open object.
    /// One member of the open object. Keys are the format's own names
    /// (`rulesVersion`, `nextSteps`): plain ASCII that needs no escaping.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &'static str, value: &T) {
        debug_assert!(!needs_escape(key.as_bytes()), "{key}");
        self.next();
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str(if self.pretty { "\": " } else { "\":" });
        value.to_json(self);
    }

    /// One item of the open array.
    pub fn item<T: ToJson + ?Sized>(&mut self, value: &T) {
        self.next();
        value.to_json(self);
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// A whole number, written without the formatting machinery.
    pub fn uint(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[i..] {
            self.out.push(d as char);
        }
    }

    pub fn string(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        if needs_escape(s.as_bytes()) {
            self.escaped(s);
        } else {
            // Nearly every string: copied whole.
            self.out.push_str(s);
        }
        self.out.push('"');
    }

    fn escaped(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut run = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let e = ESCAPE[b as usize];
            if e == 0 {
                continue;
            }
            // Cut only before ASCII bytes: `run..i` is whole UTF-8.
            self.out.push_str(&s[run..i]);
            if e == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(HEX[(b >> 4) as usize] as char);
                self.out.push(HEX[(b & 0xf) as usize] as char);
            } else {
                self.out.push('\\');
                self.out.push(e as char);
            }
            run = i + 1;
        }
        self.out.push_str(&s[run..]);
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.level += 1;
        self.fresh = true;
    }

    fn close(&mut self, c: char) {
        self.level -= 1;
        if !self.fresh {
            self.newline();
        }
        self.out.push(c);
        self.fresh = false;
    }

    fn next(&mut self) {
        if !self.fresh {
            self.out.push(',');
        }
        self.newline();
        self.fresh = false;
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.level {
                self.out.push_str("  ");
            }
        }
    }
}

/// Whether any byte needs escaping: eight bytes at a time, the last eight
/// read again (overlapping) rather than one by one.
fn needs_escape(bytes: &[u8]) -> bool {
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(w)
    };
    if bytes.len() < 8 {
        return bytes.iter().any(|&b| ESCAPE[b as usize] != 0);
    }
    let mut at = 0;
    while at + 8 <= bytes.len() {
        if any_escape(word(at)) {
            return true;
        }
        at += 8;
    }
    at < bytes.len() && any_escape(word(bytes.len() - 8))
}

/// Whether any of the eight bytes of `w` is a control character, `"` or
/// `\\` (exact: no byte is missed; a hit is then found byte by byte).
#[inline]
fn any_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    below_space | has_zero(w ^ (ONES * u64::from(b'"'))) | has_zero(w ^ (ONES * u64::from(b'\\'))) != 0
}

/// For each byte, 0 when it stands as it is, else the letter after the
/// backslash (`u`: a `\u00XX` escape).
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x0c] = b'f';
    t[b'\n' as usize] = b'n';
    t[b'\r' as usize] = b'r';
    t[b'\t' as usize] = b't';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

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

    #[test]
    fn pretty_and_compact_layouts() {
        let p = Pair { a: vec![1, 20], b: None, c: vec![vec![], vec![3]] };
        assert_eq!(to_compact(&p), r#"{"a":[1,20],"bKey":null,"c":[[],[3]]}"#);
        assert_eq!(to_pretty(&p), "{\n  \"a\": [\n    1,\n    20\n  ],\n  \"bKey\": null,\n  \"c\": [\n    [],\n    [\n      3\n    ]\n  ]\n}");
        assert_eq!(to_pretty(&Vec::<u8>::new()), "[]");
        assert_eq!(to_compact(&usize::MAX), usize::MAX.to_string());
    }

    #[test]
    fn the_eight_byte_test_misses_nothing() {
        for fill in [b'a', 0xc3, 0x7f, 0xff, b' '] {
            for b in 0..=255u8 {
                for pos in 0..8 {
                    let mut w = [fill; 8];
                    w[pos] = b;
                    assert_eq!(any_escape(u64::from_le_bytes(w)), ESCAPE[b as usize] != 0 || ESCAPE[fill as usize] != 0, "{fill} {b} {pos}");
                }
            }
        }
    }

    #[test]
    fn strings_escape_only_what_json_requires() {
        assert_eq!(to_compact("a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f} ñ 😀 </script>"), r#""a\"b\\c\n\r\t\b\f\u0001\u001f ñ 😀 </script>""#);
        // What is written reads back as the same string.
        let s = "«x»\u{0}\u{7f}\"\\";
        assert_eq!(super::super::from_text(&to_compact(s)), Ok(super::super::Json::String(s.into())));
    }
}
