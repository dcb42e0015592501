//! An independent oracle for the outcome semantics, written straight from
//! the contract (§2.1 steps, §2.2 completions, §2.3 windows) and the brief
//! (§1a, the draft). It shares no code with the crate: the windows below are
//! typed in again from the contract's table, so a slip in the rules data or
//! in `eval` shows up as a disagreement.

#![allow(dead_code)]

pub type D = (i32, u32, u32);

pub fn day(y: i32, m: u32, d: u32) -> i64 {
    // Days since 0000-03-01, enough to compare and step.
    let (y, m) = if m <= 2 { (y as i64 - 1, m as i64 + 12) } else { (y as i64, m as i64) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d as i64 - 1
}

pub fn civil(n: i64) -> (i32, u32, u32) {
    // Inverse of `day`, by search over years: slow but obviously right.
    let mut y = (n / 366) as i32;
    while day(y + 1, 1, 1) <= n {
        y += 1;
    }
    let mut m = 1;
    while m < 12 && day(y, m + 1, 1) <= n {
        m += 1;
    }
    let d = (n - day(y, m, 1) + 1) as u32;
    (y, m, d)
}

pub struct Numeral {
    pub k: u8,
    pub window: Vec<(i64, i64)>,
    pub margin: Vec<(i64, i64)>,
}

fn r(a: D, b: D) -> (i64, i64) {
    (day(a.0, a.1, a.2), day(b.0, b.1, b.2))
}

pub fn enacted() -> Vec<Numeral> {
    vec![
        Numeral { k: 1, window: vec![r((2002, 4, 11), (2002, 4, 12))], margin: vec![r((2002, 4, 13), (2002, 4, 14))] },
        Numeral { k: 2, window: vec![r((2002, 12, 1), (2003, 2, 28))], margin: vec![] },
        Numeral {
            k: 3,
            window: vec![r((2004, 2, 1), (2004, 3, 31)), r((2004, 8, 1), (2004, 8, 31))],
            margin: vec![r((2004, 1, 1), (2004, 1, 31)), r((2004, 4, 1), (2004, 7, 31)), r((2004, 9, 1), (2004, 12, 31))],
        },
        Numeral { k: 4, window: vec![r((2007, 5, 1), (2007, 5, 31))], margin: vec![] },
        Numeral { k: 5, window: vec![r((2009, 7, 1), (2009, 9, 30))], margin: vec![] },
        Numeral { k: 6, window: vec![r((2013, 4, 14), (2013, 4, 30))], margin: vec![r((2013, 5, 1), (2013, 12, 31))] },
        Numeral { k: 7, window: vec![r((2014, 2, 1), (2014, 6, 30))], margin: vec![] },
        Numeral { k: 8, window: vec![r((2016, 1, 1), (2020, 12, 31))], margin: vec![r((2021, 1, 1), (2021, 12, 31))] },
        Numeral { k: 9, window: vec![r((2017, 3, 1), (2017, 8, 31))], margin: vec![] },
        Numeral { k: 10, window: vec![r((2019, 1, 1), (2019, 4, 30))], margin: vec![] },
        Numeral { k: 11, window: vec![r((2023, 1, 1), (2023, 12, 31))], margin: vec![] },
        Numeral { k: 12, window: vec![r((2024, 7, 1), (2024, 7, 31))], margin: vec![r((2024, 8, 1), (2024, 12, 31))] },
        Numeral { k: 13, window: vec![r((2025, 1, 1), (2025, 12, 31))], margin: vec![] },
    ]
}

/// Brief §1a: the draft's episodes, numbered as the enacted numerals.
pub fn draft() -> Vec<Numeral> {
    vec![
        Numeral { k: 1, window: vec![r((2002, 4, 11), (2002, 4, 11))], margin: vec![] },
        Numeral { k: 2, window: vec![r((2002, 12, 1), (2003, 2, 28))], margin: vec![] },
        Numeral { k: 3, window: vec![r((2004, 2, 1), (2004, 3, 31)), r((2004, 8, 1), (2004, 8, 31))], margin: vec![] },
        Numeral { k: 4, window: vec![r((2007, 5, 1), (2007, 5, 31))], margin: vec![] },
        Numeral { k: 6, window: vec![r((2013, 4, 14), (2013, 4, 30))], margin: vec![] },
        Numeral { k: 7, window: vec![r((2014, 2, 1), (2014, 6, 30))], margin: vec![] },
        Numeral { k: 9, window: vec![r((2017, 3, 1), (2017, 8, 31))], margin: vec![] },
        Numeral { k: 10, window: vec![r((2019, 1, 1), (2019, 4, 30))], margin: vec![] },
        Numeral { k: 12, window: vec![r((2024, 7, 1), (2024, 7, 31))], margin: vec![] },
    ]
}

pub struct Version {
    pub numerals: Vec<Numeral>,
    pub excluded: &'static [&'static str],
    pub contested: &'static [&'static str],
    pub rebellion_exception: bool,
    pub ceased_conduct: bool,
}

pub fn version(law: &str) -> Version {
    if law == "draft-2026-02-05" {
        Version {
            numerals: draft(),
            excluded: &["intentional_homicide", "magnicide", "drug_trafficking", "corruption", "human_rights_violation", "crime_against_humanity", "war_crime"],
            contested: &[],
            rebellion_exception: false,
            ceased_conduct: false,
        }
    } else {
        Version {
            numerals: enacted(),
            excluded: &["intentional_homicide", "magnicide", "very_serious_injuries", "drug_trafficking", "corruption", "human_rights_violation", "crime_against_humanity", "war_crime", "foreign_armed_action"],
            contested: &["treason", "conspiracy_with_foreign_country", "accused_foreign_intervention"],
            rebellion_exception: true,
            ceased_conduct: true,
        }
    }
}

fn within(rs: &[(i64, i64)], d: i64) -> bool {
    rs.iter().any(|(a, b)| *a <= d && d <= *b)
}

impl Version {
    fn num(&self, k: u8) -> Option<&Numeral> {
        self.numerals.iter().find(|n| n.k == k)
    }
    pub fn in_window(&self, k: u8, d: i64) -> bool {
        self.num(k).is_some_and(|n| within(&n.window, d))
    }
    pub fn in_margin(&self, k: u8, d: i64) -> bool {
        self.num(k).is_some_and(|n| within(&n.margin, d))
    }
    pub fn anywhere(&self, d: i64) -> bool {
        self.numerals.iter().any(|n| within(&n.window, d) || within(&n.margin, d))
    }
    pub fn window_of(&self, k: u8) -> Vec<(i64, i64)> {
        self.num(k).map(|n| n.window.clone()).unwrap_or_default()
    }
    /// Days worth trying: every boundary of every window and margin, the
    /// day before each, and the ends of the span given.
    pub fn probe_days(&self, span: (i64, i64)) -> Vec<i64> {
        let mut v = vec![span.0, span.1];
        for n in &self.numerals {
            for (a, b) in n.window.iter().chain(&n.margin) {
                v.extend([*a - 1, *a, *b, *b + 1]);
            }
        }
        v.retain(|d| span.0 <= *d && *d <= span.1);
        v.sort();
        v.dedup();
        v
    }
}

/// Complete facts.
#[derive(Clone, Debug)]
pub struct Facts {
    pub day: i64,
    /// 1–13, or 0 for "none".
    pub event: u8,
    pub charges: Vec<&'static str>,
    pub military_justice: bool,
    pub ceased_conduct: bool,
}

/// Contract §2.1, read literally.
pub fn outcome(v: &Version, f: &Facts) -> &'static str {
    let has = |c: &str| f.charges.contains(&c);
    if f.charges.iter().any(|c| v.excluded.contains(c)) {
        return "not_covered";
    }
    let in_or_margin = |k| v.in_window(k, f.day) || v.in_margin(k, f.day);
    if v.rebellion_exception && f.event == 10 && has("military_rebellion") && in_or_margin(10) {
        return "not_covered";
    }
    if !v.anywhere(f.day) {
        return "not_covered";
    }
    let base_covered = f.event != 0 && v.in_window(f.event, f.day);
    if !base_covered {
        return "uncertain";
    }
    let demoted = f.charges.iter().any(|c| v.contested.contains(c))
        || (v.rebellion_exception && has("military_rebellion") && v.in_window(10, f.day) && f.event != 10)
        || f.military_justice
        || (v.ceased_conduct && !f.ceased_conduct);
    if demoted { "uncertain" } else { "covered" }
}
