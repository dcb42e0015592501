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
    /// Always UTF-8: only whole strings and ASCII bytes are written.
    out: Vec<u8>,
    pretty: bool,
    /// Every character beyond ASCII written as a `\uXXXX` escape.
    ascii: bool,
    level: usize,
    /// Nothing written yet in the innermost open object or array.
    fresh: bool,
}

impl Writer {
    /// Two-space indented output, as the command line prints it.
    pub fn pretty() -> Writer {
        Writer { out: Vec::with_capacity(8192), pretty: true, ascii: false, level: 0, fresh: false }
    }

    /// Output with no whitespace, for machines (JSONL, the results CSV).
    pub fn compact() -> Writer {
        Writer { out: Vec::with_capacity(8192), pretty: false, ascii: false, level: 0, fresh: false }
    }

    /// Compact output in ASCII only, for the JS boundary: a JS engine turns
    /// ASCII bytes into a string many times faster than other UTF-8, and
    /// `JSON.parse` reads the escapes back into the same text.
    pub fn compact_ascii() -> Writer {
        Writer { ascii: true, ..Writer::compact() }
    }

    pub fn finish(self) -> String {
        // Whole `&str`s and ASCII bytes only were written: always UTF-8.
        String::from_utf8(self.out).unwrap_or_default()
    }

    pub fn begin_object(&mut self) {
        self.open(b'{');
    }

    pub fn end_object(&mut self) {
        self.close(b'}');
    }

    pub fn begin_array(&mut self) {
        self.open(b'[');
    }

    pub fn end_array(&mut self) {
        self.close(b']');
    }

    /// One member of the open object. Keys are the format's own names
    /// (`rulesVersion`, `nextSteps`): plain ASCII that needs no escaping.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.key(key);
        value.to_json(self);
    }

    /// The key of [`Writer::field`], in a function of its own: written in
    /// `field`, it was copied into each of its instances (7 KB of wasm).
    fn key(&mut self, key: &'static str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii() && ESCAPE[b as usize] == 0), "{key}");
        self.next();
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.push(b'"');
        self.out.push(b':');
        if self.pretty {
            self.out.push(b' ');
        }
    }

    /// One item of the open array.
    pub fn item<T: ToJson + ?Sized>(&mut self, value: &T) {
        self.next();
        value.to_json(self);
    }

    pub fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    pub fn bool(&mut self, b: bool) {
        self.out.extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// A whole number, written without the formatting machinery.
    pub fn uint(&mut self, n: u64) {
        self.out.extend_from_slice(decimal(n, &mut [0; 20]));
    }

    pub fn string(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        match first_escape(s.as_bytes(), self.ascii) {
            // Most strings: copied whole.
            None => self.out.extend_from_slice(s.as_bytes()),
            // The rest: the clean start is not scanned again.
            Some(from) => self.escaped(s, from),
        }
        self.out.push(b'"');
    }

    /// Writes `s` escaped; nothing before `from` needs escaping, and in
    /// ASCII mode `from` is on a character boundary.
    fn escaped(&mut self, s: &str, from: usize) {
        let bytes = s.as_bytes();
        let mut run = 0;
        let mut i = from;
        while i < bytes.len() {
            // Eight bytes at a time: a block with nothing to escape is
            // skipped, and otherwise `i` goes straight to its first byte to
            // escape. In ASCII mode the bytes passed over are ASCII, so `i`
            // stays on a character boundary.
            if i + 8 <= bytes.len() {
                let m = escape_mask(word_at(bytes, i), self.ascii);
                if m == 0 {
                    i += 8;
                    continue;
                }
                i += first_flagged(m);
            }
            let b = bytes[i];
            let e = ESCAPE[b as usize];
            if b < 0x80 && e == 0 || b >= 0x80 && !self.ascii {
                i += 1;
                continue;
            }
            self.out.extend_from_slice(&bytes[run..i]);
            if b >= 0x80 {
                // A whole character starts here (see above).
                if let (0xc2..=0xdf, Some(&next)) = (b, bytes.get(i + 1)) {
                    // Two bytes, U+0080 to U+07FF: every accented letter,
                    // `ñ`, `¿`, `«`, `º` of the Spanish text.
                    self.hex_escape(u16::from(b & 0x1f) << 6 | u16::from(next & 0x3f));
                    i += 2;
                } else {
                    // `get`, not `s[i..]`: indexing a `str` links the formatting
                    // of its panic message (about 4 KB of wasm).
                    let c = s.get(i..).and_then(|r| r.chars().next()).unwrap_or('\u{fffd}');
                    let mut units = [0u16; 2];
                    for &unit in c.encode_utf16(&mut units).iter() {
                        self.hex_escape(unit);
                    }
                    i += c.len_utf8();
                }
            } else {
                if e == b'u' {
                    self.hex_escape(u16::from(b));
                } else {
                    self.out.push(b'\\');
                    self.out.push(e);
                }
                i += 1;
            }
            run = i;
        }
        self.out.extend_from_slice(&bytes[run..]);
    }

    /// `\u` and four lowercase hex digits.
    fn hex_escape(&mut self, unit: u16) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let hex = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
        self.out.extend_from_slice(&[b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]);
    }

    fn open(&mut self, c: u8) {
        self.out.push(c);
        self.level += 1;
        self.fresh = true;
    }

    fn close(&mut self, c: u8) {
        self.level -= 1;
        if !self.fresh {
            self.newline();
        }
        self.out.push(c);
        self.fresh = false;
    }

    fn next(&mut self) {
        if !self.fresh {
            self.out.push(b',');
        }
        self.newline();
        self.fresh = false;
    }

    fn newline(&mut self) {
        /// A line break and 16 levels of indentation, written in one copy
        /// (the assessment nests about 6 deep).
        const BREAK: &[u8; 33] = b"\n                                ";
        if self.pretty {
            let mut indent = 2 * self.level;
            let n = indent.min(BREAK.len() - 1);
            self.out.extend_from_slice(&BREAK[..1 + n]);
            indent -= n;
            while indent > 0 {
                let n = indent.min(BREAK.len() - 1);
                self.out.extend_from_slice(&BREAK[1..1 + n]);
                indent -= n;
            }
        }
    }
}

/// The decimal digits of `n`, written into `buf` without the formatting
/// machinery (for JSON numbers here, and the numbers in sentences).
pub(crate) fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[i..]
}

#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    match <&[u8; 8]>::try_from(&bytes[at..at + 8]) {
        Ok(w) => u64::from_le_bytes(*w),
        Err(_) => u64::MAX, // cannot happen: the slice is eight bytes long
    }
}

/// The bytes of the eight-byte block `w` (little-endian) that need
/// escaping, flagged by their high bit: a control character, `"` or `\`,
/// and in ASCII mode any byte beyond ASCII. Exact for the lowest flag: no
/// byte before the first one to escape is flagged (a flag above it may be
/// false, from a borrow; only the lowest is used).
#[inline(always)]
fn escape_mask(w: u64, ascii: bool) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    let m = below_space | has_zero(w ^ (ONES * u64::from(b'"'))) | has_zero(w ^ (ONES * u64::from(b'\\')));
    if ascii { m | w & HIGH } else { m }
}

/// The index, 0 to 7, of the block's first byte flagged in a non-zero mask.
#[inline(always)]
fn first_flagged(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// Where escaping starts: the first byte that needs it, or `None`. In ASCII
/// mode everything before it is ASCII, so it is on a character boundary.
fn first_escape(bytes: &[u8], ascii: bool) -> Option<usize> {
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let m = escape_mask(word_at(bytes, at), ascii);
        if m != 0 {
            return Some(at + first_flagged(m));
        }
        at += 8;
    }
    let tail = bytes.get(at..).unwrap_or_default();
    tail.iter().position(|&b| ESCAPE[b as usize] != 0 || ascii && b >= 0x80).map(|p| at + p)
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

    /// The first byte of a block that needs escaping, byte by byte.
    fn first_to_escape(w: [u8; 8], ascii: bool) -> Option<usize> {
        w.iter().position(|&b| ESCAPE[b as usize] != 0 || ascii && b >= 0x80)
    }

    #[test]
    fn the_eight_byte_test_finds_the_first_byte_to_escape() {
        // Every byte at every position, over fillers of each kind; then
        // two bytes to escape (the second may be hidden by a borrow, but
        // never the first) over a plain filler.
        let check = |w: [u8; 8]| {
            for ascii in [false, true] {
                let m = escape_mask(u64::from_le_bytes(w), ascii);
                let expected = first_to_escape(w, ascii);
                assert_eq!(m != 0, expected.is_some(), "{w:?} ascii={ascii}");
                if let Some(at) = expected {
                    assert_eq!(first_flagged(m), at, "{w:?} ascii={ascii}");
                }
            }
        };
        for fill in [b'a', 0xc3, 0x7f, 0xff, b' ', 0x00, b'"'] {
            for b in 0..=255u8 {
                for pos in 0..8 {
                    let mut w = [fill; 8];
                    w[pos] = b;
                    check(w);
                }
            }
        }
        let special = [0x00u8, 0x1f, b'"', b'\\', 0x80, 0xc3, 0xff, 0x20, 0x21, 0x5b, 0x5d, 0x7f];
        for &x in &special {
            for &y in &special {
                for i in 0..8 {
                    for j in i + 1..8 {
                        let mut w = *b"abcdefgh";
                        w[i] = x;
                        w[j] = y;
                        check(w);
                    }
                }
            }
        }
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
