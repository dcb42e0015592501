//! The law's time line as tables: which numerals' windows and margins hold
//! each day, cut into runs of days of one class.
//!
//! `build.rs` compiles this file too (`#[path]`) and runs [`cut`] and
//! [`for_each_class`] over the rules data, so every law static carries its
//! tables ready made (`Law::segments`, `all_classes`, `window_classes`);
//! the library runs [`for_each_class`] only on a case's own dates. Pure:
//! days in, tables out.

use crate::date::{Day, DayRange};

/// Which numerals' windows and margins hold a day: bit `k` is numeral `k`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct DayClass {
    pub window: u16,
    pub margin: u16,
}

impl DayClass {
    pub fn any(self) -> u16 {
        self.window | self.margin
    }
}

/// A run of days that all have the same class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub days: DayRange,
    pub class: DayClass,
}

pub const fn bit(numeral: u8) -> u16 {
    1 << numeral
}

/// One numeral's days: `(number, confirmed window, contested margin)`.
pub type NumeralDays<'a> = (u8, &'a [DayRange], &'a [DayRange]);

/// The time line cut into segments from [`Day::MIN`] to [`Day::MAX`],
/// neighbours always of different classes.
pub fn cut(numerals: &[NumeralDays<'_>]) -> Vec<Segment> {
    let mut starts = vec![Day::MIN];
    for (_, window, margin) in numerals {
        for r in window.iter().chain(margin.iter()) {
            starts.push(r.first);
            starts.push(r.last.next());
        }
    }
    starts.sort();
    starts.dedup();
    let class_of = |d: Day| {
        let mut c = DayClass::default();
        for (number, window, margin) in numerals {
            if window.iter().any(|r| r.contains(d)) {
                c.window |= bit(*number);
            }
            if margin.iter().any(|r| r.contains(d)) {
                c.margin |= bit(*number);
            }
        }
        c
    };
    let mut out: Vec<Segment> = Vec::new();
    for (i, &first) in starts.iter().enumerate() {
        if first > Day::MAX {
            break;
        }
        let last = starts.get(i + 1).map_or(Day::MAX, |d| d.prev()).min(Day::MAX);
        let class = class_of(first);
        match out.last_mut() {
            Some(prev) if prev.class == class => prev.days.last = last,
            _ => out.push(Segment { days: DayRange::new(first, last), class }),
        }
    }
    out
}

/// Calls `add` with the class of every segment that some day of `ranges`
/// falls in, in day order (a class may come more than once).
pub fn for_each_class(segments: &[Segment], ranges: &[DayRange], mut add: impl FnMut(DayClass)) {
    if let [r] = ranges {
        // One range (the usual case): the segments are in day order and
        // touch end to end, so start at the first that reaches it.
        let start = segments.partition_point(|s| s.days.last < r.first);
        for s in segments.get(start..).unwrap_or_default().iter().take_while(|s| s.days.first <= r.last) {
            add(s.class);
        }
        return;
    }
    for s in segments {
        if ranges.iter().any(|r| r.overlaps(&s.days)) {
            add(s.class);
        }
    }
}

/// The distinct classes of some days, in day order.
pub fn distinct(segments: &[Segment], ranges: &[DayRange]) -> Vec<DayClass> {
    let mut out = Vec::new();
    for_each_class(segments, ranges, |c| {
        if !out.contains(&c) {
            out.push(c);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::LAWS;

    /// The class of a day straight from a law's numerals, day by day.
    fn class_of(law: &crate::law::Law, d: Day) -> DayClass {
        let mut c = DayClass::default();
        for n in law.numerals {
            if n.window.iter().any(|r| r.contains(d)) {
                c.window |= bit(n.number);
            }
            if n.margin.iter().any(|r| r.contains(d)) {
                c.margin |= bit(n.number);
            }
        }
        c
    }

    /// The tables the build compiled into each law: segments that tile the
    /// whole time line, neighbours of different classes, each day's class
    /// that of the law's own windows and margins (every day from 1998 to
    /// 2027, and both ends); every class of all time listed once; and each
    /// event's classes those of the enacted window's days.
    #[test]
    fn the_compiled_tables_are_the_laws_windows_day_by_day() {
        for law in LAWS {
            let segs = law.segments;
            assert_eq!(segs.first().map(|s| s.days.first), Some(Day::MIN), "{}", law.id);
            assert_eq!(segs.last().map(|s| s.days.last), Some(Day::MAX), "{}", law.id);
            for pair in segs.windows(2) {
                assert_eq!(pair[0].days.last.next(), pair[1].days.first, "{}: a gap or overlap", law.id);
                assert_ne!(pair[0].class, pair[1].class, "{}: neighbours of one class", law.id);
            }
            let at = |d: Day| segs.iter().find(|s| s.days.contains(d)).map(|s| s.class).unwrap();
            let (from, to) = (Day::from_civil(1998, 1, 1), Day::from_civil(2027, 12, 31));
            let mut d = from;
            let mut seen: Vec<DayClass> = vec![at(Day::MIN)];
            while d <= to {
                assert_eq!(at(d), class_of(law, d), "{}: day {d:?}", law.id);
                if !seen.contains(&at(d)) {
                    seen.push(at(d));
                }
                d = d.next();
            }
            for d in [Day::MIN, Day::MAX] {
                assert_eq!(at(d), class_of(law, d), "{}", law.id);
            }
            let mut all = law.all_classes.to_vec();
            let mut seen_sorted = seen.clone();
            all.sort_by_key(|c| (c.window, c.margin));
            seen_sorted.sort_by_key(|c| (c.window, c.margin));
            assert_eq!(all, seen_sorted, "{}: the classes of all time", law.id);
            assert_eq!(law.window_classes.len(), 14);
            for k in 0..=13u8 {
                let mut expected: Vec<DayClass> = Vec::new();
                if let Some(n) = crate::law::enacted().numeral(k) {
                    for r in n.window {
                        let mut d = r.first;
                        while d <= r.last {
                            if !expected.contains(&class_of(law, d)) {
                                expected.push(class_of(law, d));
                            }
                            d = d.next();
                        }
                    }
                }
                assert_eq!(law.window_classes[usize::from(k)], &expected[..], "{}: event {k}", law.id);
            }
        }
    }
}
