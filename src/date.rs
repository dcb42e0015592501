//! Calendar days without a clock.
//!
//! A [`Day`] is a count of days since 1970-01-01 in the proleptic Gregorian
//! calendar. The conversions follow Howard Hinnant's public-domain
//! `days_from_civil` algorithm. This module is shared with `build.rs`, so it
//! depends on nothing but `core`.

/// One calendar day. Ordered, copyable, and free of time zones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

/// An inclusive run of days, `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DayRange {
    pub first: Day,
    pub last: Day,
}

/// How precisely a date was written: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// The earliest and latest years a four-digit date can write. Every such
/// date is accepted; the bounds keep the arithmetic far from overflow.
pub const MIN_YEAR: i32 = 1;
pub const MAX_YEAR: i32 = 9999;

impl Day {
    pub const fn from_civil(year: i32, month: u32, day: u32) -> Day {
        let y = if month <= 2 { year - 1 } else { year };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = (y - era * 400) as u32;
        let mp = if month > 2 { month - 3 } else { month + 9 };
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe as i32 - 719_468)
    }

    pub const fn to_civil(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = (z - era * 146_097) as u32;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe as i32 + era * 400 + if m <= 2 { 1 } else { 0 };
        (y, m, d)
    }

    pub const fn next(self) -> Day {
        Day(self.0 + 1)
    }

    pub const fn prev(self) -> Day {
        Day(self.0 - 1)
    }

    /// The earliest day the checker can represent.
    pub const MIN: Day = Day::from_civil(MIN_YEAR, 1, 1);
    /// The latest day the checker can represent.
    pub const MAX: Day = Day::from_civil(MAX_YEAR, 12, 31);
}

impl DayRange {
    pub const fn new(first: Day, last: Day) -> DayRange {
        DayRange { first, last }
    }

    pub const fn contains(&self, d: Day) -> bool {
        self.first.0 <= d.0 && d.0 <= self.last.0
    }

    pub const fn overlaps(&self, other: &DayRange) -> bool {
        self.first.0 <= other.last.0 && other.first.0 <= self.last.0
    }

    /// The whole span the checker reasons about.
    pub const ALL: DayRange = DayRange::new(Day::MIN, Day::MAX);
}

pub const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

/// Why a date string was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with ASCII digits.
    Shape,
    /// A month or a day that does not exist, such as `2024-13` or `2023-02-29`.
    NoSuchDay,
    /// Year 0000.
    OutOfRange,
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` into the days it stands for.
pub fn parse_span(s: &str) -> Result<(DayRange, Precision), DateError> {
    let b = s.as_bytes();
    let digits = |r: core::ops::Range<usize>| -> Result<u32, DateError> {
        let mut v = 0u32;
        for &c in &b[r] {
            if !c.is_ascii_digit() {
                return Err(DateError::Shape);
            }
            v = v * 10 + (c - b'0') as u32;
        }
        Ok(v)
    };
    let (year, month, day, precision) = match b.len() {
        4 => (digits(0..4)?, None, None, Precision::Year),
        7 if b[4] == b'-' => (digits(0..4)?, Some(digits(5..7)?), None, Precision::Month),
        10 if b[4] == b'-' && b[7] == b'-' => (
            digits(0..4)?,
            Some(digits(5..7)?),
            Some(digits(8..10)?),
            Precision::Day,
        ),
        _ => return Err(DateError::Shape),
    };
    let year = year as i32;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange);
    }
    let range = match (month, day) {
        (None, _) => DayRange::new(Day::from_civil(year, 1, 1), Day::from_civil(year, 12, 31)),
        (Some(m), d) => {
            if !(1..=12).contains(&m) {
                return Err(DateError::NoSuchDay);
            }
            let last = days_in_month(year, m);
            match d {
                None => DayRange::new(Day::from_civil(year, m, 1), Day::from_civil(year, m, last)),
                Some(d) if (1..=last).contains(&d) => {
                    let one = Day::from_civil(year, m, d);
                    DayRange::new(one, one)
                }
                Some(_) => return Err(DateError::NoSuchDay),
            }
        }
    };
    Ok((range, precision))
}

/// Parses one exact day, `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Result<Day, DateError> {
    match parse_span(s)? {
        (r, Precision::Day) => Ok(r.first),
        _ => Err(DateError::Shape),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_over_the_whole_supported_span() {
        let mut d = Day::MIN;
        while d <= Day::MAX {
            let (y, m, dd) = d.to_civil();
            assert_eq!(Day::from_civil(y, m, dd), d);
            d = d.next();
        }
        assert_eq!(Day::from_civil(1970, 1, 1), Day(0));
    }

    #[test]
    fn partial_dates_stand_for_every_day_in_them() {
        let (r, p) = parse_span("2024-02").unwrap();
        assert_eq!(p, Precision::Month);
        assert_eq!(r.first, Day::from_civil(2024, 2, 1));
        assert_eq!(r.last, Day::from_civil(2024, 2, 29));
        let (r, _) = parse_span("2023").unwrap();
        assert_eq!(r.last.0 - r.first.0, 364);
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(parse_span("2024-13-40"), Err(DateError::NoSuchDay));
        assert_eq!(parse_span("2023-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(parse_span("24/07/2024"), Err(DateError::Shape));
        assert_eq!(parse_span("2024-7-1"), Err(DateError::Shape));
        assert_eq!(parse_span("１２３４"), Err(DateError::Shape));
        assert_eq!(parse_span("0000"), Err(DateError::OutOfRange));
        assert!(parse_span("1899-12-31").is_ok());
    }
}
