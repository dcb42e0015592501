//! Words for dates, lists and yes/no, in Spanish and English.
//!
//! Only formatting lives here; nothing legal. Article paraphrases live in
//! the rules files, and the sentences that explain a decision in `explain`.

use crate::Lang;
use crate::date::{Day, DayRange, days_in_month};

const MONTHS_ES: [&str; 12] = [
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

pub fn month_name(lang: Lang, m: u32) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Es => MONTHS_ES[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// A day in words: "28 de noviembre de 2026", "28 November 2026".
pub fn day(lang: Lang, d: Day) -> String {
    let (y, m, dd) = d.to_civil();
    match lang {
        Lang::Es => sentence!(dd, " de ", month_name(lang, m), " de ", y),
        Lang::En => sentence!(dd, " ", month_name(lang, m), " ", y),
    }
}

/// A run of days in the fewest words: "julio de 2024", "2023",
/// "febrero a junio de 2014", "del 11 al 12 de abril de 2002".
pub fn range(lang: Lang, r: DayRange) -> String {
    if r == DayRange::ALL {
        return match lang {
            Lang::Es => "fecha desconocida".into(),
            Lang::En => "unknown date".into(),
        };
    }
    if r.first == Day::MIN {
        return match lang {
            Lang::Es => sentence!("hasta el ", day(lang, r.last)),
            Lang::En => sentence!("up to ", day(lang, r.last)),
        };
    }
    if r.last == Day::MAX {
        return match lang {
            Lang::Es => sentence!("desde el ", day(lang, r.first)),
            Lang::En => sentence!("from ", day(lang, r.first)),
        };
    }
    let (y1, m1, d1) = r.first.to_civil();
    let (y2, m2, d2) = r.last.to_civil();
    let whole_months = d1 == 1 && d2 == days_in_month(y2, m2);
    let es = lang == Lang::Es;
    if whole_months {
        if (m1, m2) == (1, 12) {
            return if y1 == y2 { sentence!(y1) } else { sentence!(y1, "–", y2) };
        }
        if y1 == y2 && m1 == m2 {
            return if es {
                sentence!(month_name(lang, m1), " de ", y1)
            } else {
                sentence!(month_name(lang, m1), " ", y1)
            };
        }
        if y1 == y2 {
            let (a, b) = (month_name(lang, m1), month_name(lang, m2));
            return if es { sentence!(a, " a ", b, " de ", y1) } else { sentence!(a, "–", b, " ", y1) };
        }
        let (a, b) = (month_name(lang, m1), month_name(lang, m2));
        return if es {
            sentence!(a, " de ", y1, " a ", b, " de ", y2)
        } else {
            sentence!(a, " ", y1, " – ", b, " ", y2)
        };
    }
    if r.first == r.last {
        return day(lang, r.first);
    }
    if y1 == y2 && m1 == m2 {
        let m = month_name(lang, m1);
        return if es { sentence!("del ", d1, " al ", d2, " de ", m, " de ", y1) } else { sentence!(d1, "–", d2, " ", m, " ", y1) };
    }
    if es {
        sentence!("del ", day(lang, r.first), " al ", day(lang, r.last))
    } else {
        sentence!(day(lang, r.first), " – ", day(lang, r.last))
    }
}

/// A run of days after "los hechos" / "the acts": "de julio de 2024",
/// "del 3 de marzo de 2018", "del 11 al 12 de abril de 2002" (never "de
/// del"), "ocurridos hasta el 5 de mayo de 2019".
pub fn range_of(lang: Lang, r: DayRange) -> String {
    let words = range(lang, r);
    match lang {
        Lang::Es if words.starts_with("del ") => words,
        Lang::Es if r.first == Day::MIN || r.last == Day::MAX => sentence!("ocurridos ", words),
        Lang::Es if r.first == r.last => sentence!("del ", words),
        Lang::Es => sentence!("de ", words),
        Lang::En if r.first == Day::MIN || r.last == Day::MAX => words,
        Lang::En => sentence!("of ", words),
    }
}

/// A run of days as the time of a verb: "en julio de 2024", "el 30 de
/// julio de 2024", "del 11 al 12 de abril de 2002" (never "en del"),
/// "hasta el 5 de mayo de 2019". For sentences like "si los hechos
/// hubieran ocurrido …".
#[allow(dead_code)]
pub fn range_in(lang: Lang, r: DayRange) -> String {
    let words = range(lang, r);
    let open = r.first == Day::MIN || r.last == Day::MAX;
    match lang {
        Lang::Es if open || words.starts_with("del ") => words,
        Lang::Es if r.first == r.last => sentence!("el ", words),
        Lang::Es => sentence!("en ", words),
        Lang::En if open => words,
        Lang::En if r.first == r.last => sentence!("on ", words),
        Lang::En => sentence!("in ", words),
    }
}

/// Several runs of days: "febrero a marzo de 2004 y agosto de 2004".
pub fn ranges(lang: Lang, rs: &[DayRange]) -> String {
    let parts: Vec<String> = rs.iter().map(|r| range(lang, *r)).collect();
    join(lang, &parts)
}

/// "a, b y c" / "a, b and c".
pub fn join(lang: Lang, parts: &[String]) -> String {
    list(parts, ", ", if lang == Lang::Es { " y " } else { " and " })
}

/// "o" / "or" list.
pub fn join_or(lang: Lang, parts: &[String]) -> String {
    list(parts, ", ", if lang == Lang::Es { " o " } else { " or " })
}

/// The parts with `sep` between them and `last` before the final one, in
/// one allocation. Written out rather than `[String]::join` plus a `sentence!`:
/// no intermediate string, and one body instead of `join`'s generic copies.
pub(crate) fn list(parts: &[String], sep: &str, last: &str) -> String {
    let Some((final_part, init)) = parts.split_last() else {
        return String::new();
    };
    let seps = init.len().saturating_sub(1) * sep.len() + if init.is_empty() { 0 } else { last.len() };
    let mut out = String::with_capacity(parts.iter().map(String::len).sum::<usize>() + seps);
    for (i, p) in init.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    if !init.is_empty() {
        out.push_str(last);
    }
    out.push_str(final_part);
    out
}

/// A sentence template of the rules data (`src/law/texts*.toml`) with its
/// `{name}` slots filled: each slot takes the value paired with its name.
/// The build checks that both languages fill the same slots; a slot with
/// no value given is left as written, which the golden cases would show.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    // Braces are ASCII, so a byte search finds char boundaries (and is
    // much cheaper than `str::find` on these short texts).
    let at = |s: &str, b: u8| s.bytes().position(|c| c == b);
    while let Some(open) = at(rest, b'{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = at(after, b'}') else { break };
        let name = &after[..close];
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A date of the rules data (`YYYY-MM-DD`) in words: "17 de marzo de 2026".
pub fn iso_day(lang: Lang, iso: &str) -> String {
    match crate::date::parse_day(iso) {
        Ok(d) => day(lang, d),
        Err(_) => iso.to_string(),
    }
}

/// A piece of a sentence for [`sentence!`]: text, or a whole number.
pub(crate) trait Piece {
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    // Out of line: called from every `sentence!`, see there.
    #[inline(never)]
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        self.as_str().push_to(out);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

macro_rules! number_piece {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                // ASCII digits: always whole UTF-8.
                out.push_str(crate::json::write::decimal(*self as u64, &mut itoa::Buffer::new()));
            }
        }
    )*};
}
number_piece!(u8, u16, u32, usize);

impl Piece for i32 {
    fn push_to(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        self.unsigned_abs().push_to(out);
    }
}

/// Joins the pieces of a sentence into one `String` (or an owned
/// [`Text`](crate::assessment::Text), as the place asks): `sentence!("del ",
/// d1, " al ", d2)`. Much cheaper than `format!` (no formatting
/// machinery), and it is what every explanation sentence is built with.
///
/// Each use is one call for the buffer and one call per piece: with the
/// allocation and the pushes inlined at every one of the ~90 uses, their
/// copies were some 4 KB of the wasm, for no measurable speed. (A slice of
/// `&dyn Piece` walked by one function was bigger still, and slower.)
macro_rules! sentence {
    ($($piece:expr),+ $(,)?) => {{
        let mut out = $crate::text::sentence_buffer();
        $( $crate::text::Piece::push_to(&$piece, &mut out); )+
        ::core::convert::Into::into(out)
    }};
}
pub(crate) use sentence;

/// The buffer of every [`sentence!`], kept out of line (see there). The
/// capacity fits most sentences, so a sentence is usually one allocation.
#[inline(never)]
pub(crate) fn sentence_buffer() -> String {
    String::with_capacity(160)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(a: (i32, u32, u32), b: (i32, u32, u32)) -> DayRange {
        DayRange::new(Day::from_civil(a.0, a.1, a.2), Day::from_civil(b.0, b.1, b.2))
    }

    #[test]
    fn ranges_read_as_people_say_them() {
        assert_eq!(range(Lang::Es, r((2024, 7, 1), (2024, 7, 31))), "julio de 2024");
        assert_eq!(range(Lang::En, r((2024, 7, 1), (2024, 7, 31))), "July 2024");
        assert_eq!(range(Lang::Es, r((2014, 2, 1), (2014, 6, 30))), "febrero a junio de 2014");
        assert_eq!(range(Lang::Es, r((2023, 1, 1), (2023, 12, 31))), "2023");
        assert_eq!(range(Lang::Es, r((2002, 4, 11), (2002, 4, 12))), "del 11 al 12 de abril de 2002");
        assert_eq!(range(Lang::Es, r((2002, 12, 1), (2003, 2, 28))), "diciembre de 2002 a febrero de 2003");
        assert_eq!(range(Lang::Es, r((2024, 7, 30), (2024, 7, 30))), "30 de julio de 2024");
    }

    #[test]
    fn ranges_take_their_preposition_once() {
        assert_eq!(range_in(Lang::Es, r((2002, 4, 11), (2002, 4, 12))), "del 11 al 12 de abril de 2002");
        assert_eq!(range_in(Lang::Es, r((2024, 7, 1), (2024, 7, 31))), "en julio de 2024");
        assert_eq!(range_in(Lang::Es, r((2024, 7, 30), (2024, 7, 30))), "el 30 de julio de 2024");
        assert_eq!(range_of(Lang::Es, r((2002, 4, 11), (2002, 4, 12))), "del 11 al 12 de abril de 2002");
        assert_eq!(range_of(Lang::Es, r((2018, 3, 3), (2018, 3, 3))), "del 3 de marzo de 2018");
        assert_eq!(range_of(Lang::Es, r((2024, 7, 1), (2024, 7, 31))), "de julio de 2024");
        assert_eq!(range_of(Lang::En, r((2024, 7, 1), (2024, 7, 31))), "of July 2024");
        assert_eq!(range_in(Lang::En, r((2024, 7, 30), (2024, 7, 30))), "on 30 July 2024");
    }

    #[test]
    fn lists_read_as_people_say_them() {
        let parts: Vec<String> = ["a", "bb", "ccc", "d"].iter().map(|s| s.to_string()).collect();
        let want = ["", "a", "a y bb", "a, bb y ccc", "a, bb, ccc y d"];
        for n in 0..=4 {
            assert_eq!(join(Lang::Es, &parts[..n]), want[n]);
            assert_eq!(join_or(Lang::En, &parts[..n]), want[n].replace(" y ", " or "));
            assert_eq!(list(&parts[..n], "; y ", "; y "), parts[..n].join("; y "));
        }
    }
}

#[cfg(test)]
mod fill_tests {
    use super::*;

    #[test]
    fn slots_take_their_values_and_unknown_slots_stay() {
        assert_eq!(fill("hasta el {date}.", &[("date", "17 de marzo")]), "hasta el 17 de marzo.");
        assert_eq!(fill("{a} y {b}", &[("b", "2"), ("a", "1")]), "1 y 2");
        assert_eq!(fill("sin {x}", &[]), "sin {x}");
        assert_eq!(fill("nada", &[("a", "1")]), "nada");
    }
}
