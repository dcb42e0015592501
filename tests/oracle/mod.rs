//! An independent oracle for the outcome semantics, written straight from
//! the contract, revision 2: the §2.1 steps, the §2.2 completions, the
//! windows of the enacted text (§2.3) and of the draft (§2.4), the charge
//! lists of §1 and §2.4, and the `articles` of §3 and §2.4. It shares no
//! code with the crate: the windows and lists below are typed in again from
//! the contract's tables, so a slip in the rules data or in `eval` shows up
//! as a disagreement.
//!
//! Numerals stay in the `event` numbering under both versions (§2.4); only
//! the citations in `articles` use the draft's own numbering.

#![allow(dead_code)]

use std::collections::BTreeSet;

pub type D = (i32, u32, u32);

pub const ENACTED: &str = "enacted-2026-02-19";
pub const DRAFT: &str = "draft-2026-02-05";

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

/// One numeral of a text, keyed by the `event` value it answers to.
pub struct Numeral {
    /// The `event` value (the enacted numbering, under both versions).
    pub k: u8,
    pub window: Vec<(i64, i64)>,
    pub margin: Vec<(i64, i64)>,
    /// How the text cites it: one citation, or one per window range (the
    /// draft's 6.3 and 6.4 for event 3).
    pub cites: Vec<&'static str>,
}

fn r(a: D, b: D) -> (i64, i64) {
    (day(a.0, a.1, a.2), day(b.0, b.1, b.2))
}

fn n(k: u8, window: Vec<(i64, i64)>, margin: Vec<(i64, i64)>, cites: Vec<&'static str>) -> Numeral {
    Numeral { k, window, margin, cites }
}

/// Contract §2.3, revision 2.
pub fn enacted() -> Vec<Numeral> {
    vec![
        n(1, vec![r((2002, 4, 11), (2002, 4, 12))], vec![r((2002, 4, 13), (2002, 4, 14))], vec!["8.1"]),
        n(2, vec![r((2002, 12, 1), (2003, 2, 28))], vec![], vec!["8.2"]),
        n(
            3,
            vec![r((2004, 2, 1), (2004, 3, 31)), r((2004, 8, 1), (2004, 8, 31))],
            // "the other days of 2004"
            vec![r((2004, 1, 1), (2004, 1, 31)), r((2004, 4, 1), (2004, 7, 31)), r((2004, 9, 1), (2004, 12, 31))],
            vec!["8.3"],
        ),
        n(4, vec![r((2007, 5, 1), (2007, 5, 31))], vec![], vec!["8.4"]),
        n(5, vec![r((2009, 7, 1), (2009, 9, 30))], vec![], vec!["8.5"]),
        n(6, vec![r((2013, 4, 14), (2013, 4, 30))], vec![r((2013, 5, 1), (2013, 12, 31))], vec!["8.6"]),
        n(7, vec![r((2014, 2, 1), (2014, 6, 30))], vec![], vec!["8.7"]),
        // Rev. 2: the Assembly's term, with both ends' doubtful days.
        n(
            8,
            vec![r((2016, 1, 5), (2021, 1, 4))],
            vec![r((2016, 1, 1), (2016, 1, 4)), r((2021, 1, 5), (2021, 12, 31))],
            vec!["8.8"],
        ),
        n(9, vec![r((2017, 3, 1), (2017, 8, 31))], vec![], vec!["8.9"]),
        n(10, vec![r((2019, 1, 1), (2019, 4, 30))], vec![], vec!["8.10"]),
        n(11, vec![r((2023, 1, 1), (2023, 12, 31))], vec![], vec!["8.11"]),
        n(12, vec![r((2024, 7, 1), (2024, 7, 31))], vec![r((2024, 8, 1), (2024, 12, 31))], vec!["8.12"]),
        n(13, vec![r((2025, 1, 1), (2025, 12, 31))], vec![], vec!["8.13"]),
    ]
}

/// Contract §2.4: the draft's Art. 6, keyed by the `event` value. Events 5,
/// 8, 11 and 13 have no window in the draft.
pub fn draft() -> Vec<Numeral> {
    vec![
        n(1, vec![r((2002, 4, 11), (2002, 4, 12))], vec![r((2002, 4, 13), (2002, 4, 14))], vec!["6.1"]),
        n(2, vec![r((2002, 12, 1), (2003, 2, 28))], vec![], vec!["6.2"]),
        n(3, vec![r((2004, 2, 1), (2004, 3, 31)), r((2004, 8, 1), (2004, 8, 31))], vec![], vec!["6.3", "6.4"]),
        n(4, vec![r((2007, 5, 1), (2007, 5, 31))], vec![], vec!["6.5"]),
        n(6, vec![r((2013, 4, 1), (2013, 4, 30))], vec![r((2013, 5, 1), (2013, 12, 31))], vec!["6.6"]),
        n(7, vec![r((2014, 2, 1), (2014, 6, 30))], vec![], vec!["6.7"]),
        n(9, vec![r((2017, 3, 1), (2017, 8, 31))], vec![], vec!["6.8"]),
        n(10, vec![r((2019, 1, 1), (2019, 4, 30))], vec![], vec!["6.9"]),
        n(12, vec![r((2024, 7, 1), (2024, 7, 31))], vec![r((2024, 8, 1), (2024, 12, 31))], vec!["6.10"]),
    ]
}

/// The citations of the articles a decision rests on, besides the numerals.
pub struct Cites {
    /// The events article as a whole: no window holds the date.
    pub events: &'static str,
    pub exclusions: &'static str,
    /// The personal conditions, where the text has them.
    pub conditions: Option<&'static str>,
    pub favourable: &'static str,
}

pub struct Version {
    pub numerals: Vec<Numeral>,
    pub excluded: &'static [&'static str],
    /// Step 5: charges that make a covered base uncertain.
    pub contested: &'static [&'static str],
    /// Step 2, and the step-5 `military_rebellion` clause.
    pub rebellion_exception: bool,
    /// Step 5: a military court makes a covered base uncertain.
    pub military_doubt: bool,
    /// Step 5: conduct not ceased makes a covered base uncertain.
    pub ceased_conduct: bool,
    pub cites: Cites,
}

pub fn version(law: &str) -> Version {
    if law == DRAFT {
        Version {
            numerals: draft(),
            excluded: &["human_rights_violation", "crime_against_humanity", "war_crime", "intentional_homicide", "magnicide", "drug_trafficking", "corruption"],
            contested: &["drug_trafficking_minor", "drug_possession"],
            rebellion_exception: false,
            military_doubt: false,
            ceased_conduct: false,
            cites: Cites { events: "6", exclusions: "7", conditions: None, favourable: "5" },
        }
    } else {
        Version {
            numerals: enacted(),
            excluded: &["intentional_homicide", "magnicide", "very_serious_injuries", "drug_trafficking", "corruption", "human_rights_violation", "crime_against_humanity", "war_crime", "foreign_armed_action"],
            contested: &["treason", "conspiracy_with_foreign_country", "accused_foreign_intervention", "drug_trafficking_minor"],
            rebellion_exception: true,
            military_doubt: true,
            ceased_conduct: true,
            cites: Cites { events: "8", exclusions: "9", conditions: Some("7"), favourable: "5" },
        }
    }
}

fn within(rs: &[(i64, i64)], d: i64) -> bool {
    rs.iter().any(|(a, b)| *a <= d && d <= *b)
}

/// §2.2's special date rule: the days an event fixes when no date is
/// given, the ENACTED confirmed window under every version (§2.4).
pub fn event_days(k: u8) -> Vec<(i64, i64)> {
    enacted().into_iter().find(|n| n.k == k).map(|n| n.window).unwrap_or_default()
}

impl Version {
    fn num(&self, k: u8) -> Option<&Numeral> {
        self.numerals.iter().find(|n| n.k == k)
    }
    pub fn has(&self, k: u8) -> bool {
        self.num(k).is_some()
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
    /// Days worth trying: every boundary of every window and margin of
    /// both texts, the day before each, and the ends of the span given.
    pub fn probe_days(&self, span: (i64, i64)) -> Vec<i64> {
        let mut v = vec![span.0, span.1];
        for n in enacted().iter().chain(&draft()) {
            for (a, b) in n.window.iter().chain(&n.margin) {
                v.extend([*a - 1, *a, *b, *b + 1]);
            }
        }
        v.retain(|d| span.0 <= *d && *d <= span.1);
        v.sort();
        v.dedup();
        v
    }
    /// Contract §3 and §2.4: each numeral as the text cites it, in order,
    /// then the articles flagged. Where one event holds two of the text's
    /// numerals (the draft's 6.3 and 6.4), the date picks those its days
    /// touch, or both when it touches neither or is open.
    pub fn articles(&self, numerals: &BTreeSet<u8>, a: &Arts, days: Option<&[(i64, i64)]>) -> Vec<String> {
        let mut out = Vec::new();
        for k in numerals {
            let Some(n) = self.num(*k) else { continue };
            if n.cites.len() == 1 {
                out.push(n.cites[0].to_string());
                continue;
            }
            let touches = |w: &(i64, i64)| days.is_some_and(|ds| ds.iter().any(|d| d.0 <= w.1 && w.0 <= d.1));
            let any = n.window.iter().any(touches);
            for (w, c) in n.window.iter().zip(&n.cites) {
                if !any || touches(w) {
                    out.push(c.to_string());
                }
            }
        }
        if a.events {
            out.push(self.cites.events.into());
        }
        if a.exclusions {
            out.push(self.cites.exclusions.into());
        }
        if a.conditions {
            if let Some(c) = self.cites.conditions {
                out.push(c.into());
            }
        }
        if a.favourable {
            out.push(self.cites.favourable.into());
        }
        out
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

/// Which articles a decision rests on, besides the numerals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Arts {
    pub events: bool,
    pub exclusions: bool,
    pub conditions: bool,
    pub favourable: bool,
}

impl Arts {
    pub fn or(self, o: Arts) -> Arts {
        Arts {
            events: self.events || o.events,
            exclusions: self.exclusions || o.exclusions,
            conditions: self.conditions || o.conditions,
            favourable: self.favourable || o.favourable,
        }
    }
}

/// The decision for complete facts: the outcome, the numerals (in the
/// event numbering) and the articles it rests on.
#[derive(Clone, Debug)]
pub struct Verdict {
    pub outcome: &'static str,
    pub numerals: BTreeSet<u8>,
    pub arts: Arts,
}

/// Contract §2.1, read literally, with §2.4's differences for the draft.
/// Step 1 rests on the exclusions; step 2 on numeral 10; step 3 on the
/// events article; an uncertain base (step 4) on every numeral holding the
/// date and the one claimed, the exclusions and the favourable reading; a
/// step-5 demotion and a covered result on the claimed numeral, the
/// exclusions and the personal conditions (and the favourable reading when
/// demoted).
pub fn decide(v: &Version, f: &Facts) -> Verdict {
    let has = |c: &str| f.charges.contains(&c);
    let set = |ks: &[u8]| ks.iter().copied().collect::<BTreeSet<u8>>();
    let verdict = |outcome, numerals, arts| Verdict { outcome, numerals, arts };
    // 1.
    if f.charges.iter().any(|c| v.excluded.contains(c)) {
        return verdict("not_covered", set(&[]), Arts { exclusions: true, ..Arts::default() });
    }
    // 2. (not in the draft)
    let in_or_margin = |k| v.in_window(k, f.day) || v.in_margin(k, f.day);
    if v.rebellion_exception && f.event == 10 && has("military_rebellion") && in_or_margin(10) {
        return verdict("not_covered", set(&[10]), Arts::default());
    }
    // 3.
    if !v.anywhere(f.day) {
        return verdict("not_covered", set(&[]), Arts { events: true, ..Arts::default() });
    }
    // 4. An event the text lacks holds no date and is no numeral of it.
    let claimed: Vec<u8> = if f.event != 0 && v.has(f.event) { vec![f.event] } else { vec![] };
    if !(f.event != 0 && v.in_window(f.event, f.day)) {
        let mut ks: BTreeSet<u8> = (1..=13).filter(|k| in_or_margin(*k)).collect();
        ks.extend(&claimed);
        return verdict("uncertain", ks, Arts { exclusions: true, favourable: true, ..Arts::default() });
    }
    // 5.
    let rebellion_elsewhere = v.rebellion_exception && has("military_rebellion") && v.in_window(10, f.day) && f.event != 10;
    let demoted = f.charges.iter().any(|c| v.contested.contains(c))
        || rebellion_elsewhere
        || (v.military_doubt && f.military_justice)
        || (v.ceased_conduct && !f.ceased_conduct);
    let conditions = v.ceased_conduct;
    if demoted {
        let mut ks = set(&claimed);
        if rebellion_elsewhere {
            ks.insert(10);
        }
        return verdict("uncertain", ks, Arts { exclusions: true, conditions, favourable: true, ..Arts::default() });
    }
    verdict("covered", set(&claimed), Arts { exclusions: true, conditions, ..Arts::default() })
}

/// The outcome alone.
pub fn outcome(v: &Version, f: &Facts) -> &'static str {
    decide(v, f).outcome
}
