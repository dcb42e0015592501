//! A JSON text reader (RFC 8259) that builds the checked [`Json`] tree.
//!
//! Strict where the case format needs it: duplicate keys, nesting deeper
//! than [`MAX_DEPTH`], numbers beyond `f64`, lone surrogates, control
//! characters in strings and anything after the value are all refused. It
//! never panics and never recurses deeper than [`MAX_DEPTH`].

use super::{Json, MAX_DEPTH, TreeError};
use std::borrow::Cow;

pub(super) fn parse(text: &str) -> Result<Json<'_>, TreeError> {
    let mut r = Reader { text, s: text.as_bytes(), i: 0 };
    let v = r.value(0)?;
    r.ws();
    if r.i == r.s.len() { Ok(v) } else { Err(TreeError::Syntax) }
}

struct Reader<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        let hit = self.peek() == Some(b);
        self.i += hit as usize;
        hit
    }

    fn word(&mut self, w: &[u8], v: Json<'a>) -> Result<Json<'a>, TreeError> {
        if self.s[self.i..].starts_with(w) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(TreeError::Syntax)
        }
    }

    fn value(&mut self, depth: u32) -> Result<Json<'a>, TreeError> {
        if depth >= MAX_DEPTH {
            return Err(TreeError::Syntax);
        }
        self.ws();
        match self.peek().ok_or(TreeError::Syntax)? {
            b'n' => self.word(b"null", Json::Null),
            b't' => self.word(b"true", Json::Bool(true)),
            b'f' => self.word(b"false", Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(TreeError::Syntax);
                        }
                    }
                }
                Ok(Json::Array(items))
            }
            b'{' => {
                self.i += 1;
                let mut members: Vec<(Cow<'a, str>, Json<'a>)> = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.ws();
                        if self.peek() != Some(b'"') {
                            return Err(TreeError::Syntax);
                        }
                        let key = self.string()?;
                        if members.iter().any(|(seen, _)| *seen == key) || !self.eat(b':') {
                            return Err(TreeError::Syntax);
                        }
                        let v = self.value(depth + 1)?;
                        members.push((key, v));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(TreeError::Syntax);
                        }
                    }
                }
                Ok(Json::Object(members))
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(TreeError::Syntax),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. See
    /// [`number_value`] for the values it gives.
    fn number(&mut self) -> Result<Json<'a>, TreeError> {
        let negative = self.peek() == Some(b'-');
        self.i += negative as usize;
        let int = self.i;
        match self.digits() {
            0 => return Err(TreeError::Syntax),
            n if n > 1 && self.s[int] == b'0' => return Err(TreeError::Syntax),
            _ => {}
        }
        let int_end = self.i;
        let mut frac = (self.i, self.i);
        if self.peek() == Some(b'.') {
            self.i += 1;
            let start = self.i;
            if self.digits() == 0 {
                return Err(TreeError::Syntax);
            }
            frac = (start, self.i);
        }
        let mut exp: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let minus = self.peek() == Some(b'-');
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            let start = self.i;
            if self.digits() == 0 {
                return Err(TreeError::Syntax);
            }
            for &d in &self.s[start..self.i] {
                // Saturates far beyond any exponent that can matter.
                exp = (exp * 10 + i64::from(d - b'0')).min(1 << 40);
            }
            if minus {
                exp = -exp;
            }
        }
        let digits = self.s[int..int_end].iter().chain(&self.s[frac.0..frac.1]);
        let v = number_value(digits, exp - (frac.1 - frac.0) as i64).ok_or(TreeError::Syntax)?;
        Ok(Json::Number(if negative { -v } else { v }))
    }

    fn hex4(&mut self) -> Result<u32, TreeError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(TreeError::Syntax),
            };
            v = v * 16 + d as u32;
            self.i += 1;
        }
        Ok(v)
    }

    /// A string, at the opening quote. The text is UTF-8 already, so a
    /// string without escapes is borrowed from it, and runs between escapes
    /// are copied as they are.
    fn string(&mut self) -> Result<Cow<'a, str>, TreeError> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // Cut only at ASCII bytes, so the run is whole UTF-8.
            let run = self.text.get(start..self.i).ok_or(TreeError::Syntax)?;
            match self.peek() {
                Some(b'"') if out.is_empty() => {
                    self.i += 1;
                    return Ok(Cow::Borrowed(run));
                }
                Some(b'"') => {
                    out.push_str(run);
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.i += 1;
                    let e = self.peek().ok_or(TreeError::Syntax)?;
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(TreeError::Syntax),
                    };
                    out.push(c);
                }
                _ => return Err(TreeError::Syntax), // end of text, or a control character
            }
        }
    }

    /// After `\u`: one code point, a surrogate pair joined; a lone
    /// surrogate is refused.
    fn unicode_escape(&mut self) -> Result<char, TreeError> {
        let hi = self.hex4()?;
        let cp = match hi {
            0xD800..=0xDBFF => {
                if !self.s[self.i..].starts_with(b"\\u") {
                    return Err(TreeError::Syntax);
                }
                self.i += 2;
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(TreeError::Syntax);
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(TreeError::Syntax),
            _ => hi,
        };
        char::from_u32(cp).ok_or(TreeError::Syntax)
    }
}

/// Exact powers of ten that an `f64` holds.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
    1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of the decimal digits `d` times ten to `exp`; `None` when it
/// is 1e308 or more (beyond what the case format could ever use, and near
/// the end of `f64`).
///
/// Exact, as correctly rounded parsing gives it, whenever the digits make
/// a whole number below 2^53 and `exp` is within ±22: every number the
/// case format can accept (an `event` from 1 to 13, however written:
/// `12`, `12.0`, `1.2e1`) is such a number. Others are approximated, and
/// the case format refuses them all (`invalid_event`, `invalid_value`).
/// Doing without the standard library's float parser keeps its tables
/// (over 10 KB) out of the wasm module.
fn number_value<'a>(d: impl Iterator<Item = &'a u8>, exp: i64) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut dropped: i64 = 0; // digits beyond what u64 holds, as a power of ten
    let mut significant: i64 = 0; // digits from the first non-zero one
    for &c in d {
        let c = u64::from(c - b'0');
        if significant > 0 || c != 0 {
            significant += 1;
        }
        if mantissa < (u64::MAX - 9) / 10 {
            mantissa = mantissa * 10 + c;
        } else {
            dropped += 1;
        }
    }
    if mantissa == 0 {
        return Some(0.0);
    }
    // The value is below 10^(significant + exp) and at least a tenth of it.
    if significant + exp > 308 {
        return None;
    }
    let mut exp = exp + dropped;
    // Trailing zeros (`12.0`, `120e-1`) go to the exponent.
    while mantissa % 10 == 0 {
        mantissa /= 10;
        exp += 1;
    }
    if mantissa < 1 << 53 && (-22..=22).contains(&exp) {
        let m = mantissa as f64;
        return Some(if exp >= 0 { m * POW10[exp as usize] } else { m / POW10[-exp as usize] });
    }
    let mut v = mantissa as f64;
    let mut e = exp;
    while e > 0 {
        let step = e.min(22);
        v *= POW10[step as usize];
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(22);
        v /= POW10[step as usize];
        e += step;
        if v == 0.0 {
            break;
        }
    }
    (v < 1e308).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::super::{Json, from_text};

    /// Where the value can matter (whole numbers below 2^53, written in
    /// any JSON form), it is the correctly rounded one.
    #[test]
    fn exact_where_the_case_format_can_use_the_value() {
        let mut texts = Vec::new();
        for n in (0u64..2000).chain([12, 13, 255, 256, 268, 65_548, 4_294_967_308, (1 << 53) - 1]) {
            texts.push(format!("{n}"));
            texts.push(format!("-{n}"));
            texts.push(format!("{n}.0"));
            texts.push(format!("{n}.000"));
            texts.push(format!("{n}e0"));
            if n > 0 {
                texts.push(format!("{n}0e-1"));
            }
            if n > 0 {
                let s = n.to_string();
                texts.push(format!("{}.{}e{}", &s[..1], if s.len() > 1 { &s[1..] } else { "0" }, s.len() - 1));
                texts.push(format!("0.{s}e{}", s.len()));
            }
        }
        for t in ["12.5", "0.1", "1e22", "1e-22", "123.456", "9007199254740991", "5e-324", "0.000001"] {
            texts.push(t.to_string());
        }
        for t in &texts {
            let want: f64 = t.parse().unwrap();
            assert_eq!(from_text(t), Ok(Json::Number(want)), "{t}");
        }
    }

    /// Strings and keys without escapes borrow from the text; escaped ones
    /// are owned, with the escapes read.
    #[test]
    fn plain_strings_are_borrowed() {
        use std::borrow::Cow;
        let tree = from_text(r#"{"plain":"text","\u0061":"b\n"}"#).unwrap();
        let Json::Object(members) = tree else { panic!("not an object") };
        assert!(matches!(&members[0], (Cow::Borrowed("plain"), Json::String(Cow::Borrowed("text")))));
        assert!(matches!(&members[1], (Cow::Owned(k), Json::String(Cow::Owned(v))) if k == "a" && v == "b\n"));
    }
}
