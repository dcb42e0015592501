//! What the page draws the law from (contract §3 `windows`, §3.1
//! `datePlace`): the windows equal the rules data, and a date is placed in
//! exactly the numerals whose windows the evaluator sees it in.

use amnistia::date::{Day, DayRange};
use amnistia::info::{self, WindowKind};
use amnistia::{eval, law};
use proptest::prelude::*;

fn iso(d: Day) -> String {
    let (y, m, dd) = d.to_civil();
    format!("{y:04}-{m:02}-{dd:02}")
}

#[test]
fn windows_are_the_rules_data_for_both_laws() {
    for l in law::LAWS {
        let listed = info::windows(l);
        let mut expected: Vec<(u8, Day, Day, WindowKind)> = Vec::new();
        for n in l.numerals {
            for r in n.window {
                expected.push((n.number, r.first, r.last, WindowKind::Confirmed));
            }
            for r in n.margin {
                expected.push((n.number, r.first, r.last, WindowKind::Margin));
            }
        }
        let mut got: Vec<(u8, Day, Day, WindowKind)> = listed.iter().map(|w| (w.numeral, w.from.0, w.to.0, w.kind)).collect();
        let key = |x: &(u8, Day, Day, WindowKind)| (x.0, x.1);
        expected.sort_by_key(key);
        got.sort_by_key(key);
        assert_eq!(got, expected, "{}", l.id);
        // Within a numeral, the list is in day order already.
        for pair in listed.windows(2) {
            if pair[0].numeral == pair[1].numeral {
                assert!(pair[0].from.0 < pair[1].from.0, "{}: numeral {} out of order", l.id, pair[0].numeral);
            }
        }
    }
}

#[test]
fn the_draft_cites_its_own_numerals_in_windows() {
    let draft = law::by_id("draft-2026-02-05").unwrap();
    let cites: Vec<(u8, &str)> = info::windows(draft).iter().filter(|w| w.kind == WindowKind::Confirmed).map(|w| (w.numeral, w.cite)).collect();
    assert!(cites.contains(&(3, "6.3")) && cites.contains(&(3, "6.4")), "{cites:?}");
    assert!(cites.contains(&(12, "6.10")), "{cites:?}");
    let enacted = law::by_id("enacted-2026-02-19").unwrap();
    assert!(info::windows(enacted).iter().all(|w| w.cite == format!("8.{}", w.numeral)));
}

#[test]
fn date_place_reads_case_format_dates_and_refuses_others() {
    let enacted = law::DEFAULT_LAW;
    let p = info::date_place(enacted, Some("2021-01"), None, None).unwrap();
    // January 2021: numeral 8's term ends on the 4th; the rest is doubtful.
    let got: Vec<(u8, WindowKind, bool)> = p.places.iter().map(|x| (x.numeral, x.kind, x.whole)).collect();
    assert_eq!(got, [(8, WindowKind::Confirmed, false), (8, WindowKind::Margin, false)]);
    let none = info::date_place(enacted, None, None, None).unwrap();
    assert!(none.places.is_empty() && none.from.is_none());
    let e = info::date_place(enacted, Some("2024-13"), None, None).unwrap_err();
    assert_eq!(e.code().code(), "invalid_date");
    assert_eq!(e.path(), Some("factsDate"));
    let e = info::date_place(enacted, Some("2024-07-30"), Some("2024-06"), None).unwrap_err();
    assert_eq!(e.code().code(), "invalid_date_range");
}

/// With no start date and an event, the days the evaluation assumes from the
/// event (contract §2.2): the enacted numeral's confirmed window, piece by
/// piece (numeral 3's has a gap, which is doubtful and must not be marked),
/// cut at a stated end; under the draft too, whose own numerals then hold it.
#[test]
fn date_place_gives_the_days_assumed_from_an_event() {
    let enacted = law::DEFAULT_LAW;
    let window = enacted.numeral(3).unwrap().window;
    assert!(window.len() >= 2, "test setup: numeral 3's window has a gap");
    let p = info::date_place(enacted, None, None, Some(3)).unwrap();
    let ranges: Vec<(String, String)> = p.ranges.iter().map(|r| (iso(r.from.0), iso(r.to.0))).collect();
    let expected: Vec<(String, String)> = window.iter().map(|r| (iso(r.first), iso(r.last))).collect();
    assert_eq!(ranges, expected);
    let got: Vec<(u8, WindowKind, bool)> = p.places.iter().map(|x| (x.numeral, x.kind, x.whole)).collect();
    assert_eq!(got, [(3, WindowKind::Confirmed, true)], "the gap's doubtful months are not among the days");
    // A stated end cuts the window: only its first piece is left.
    let end = iso(window[0].last);
    let p = info::date_place(enacted, None, Some(&end), Some(3)).unwrap();
    assert_eq!(p.ranges.len(), 1);
    assert_eq!((iso(p.ranges[0].from.0), iso(p.ranges[0].to.0)), (iso(window[0].first), iso(window[0].last)));
    // A start date wins over the event, as in the evaluation.
    let p = info::date_place(enacted, Some("2024-07"), None, Some(3)).unwrap();
    assert!(p.places.iter().all(|x| x.numeral == 12), "{:?}", p.places);
    // Under the draft: the same days, placed among the draft's own windows.
    let draft = law::by_id("draft-2026-02-05").unwrap();
    let p = info::date_place(draft, None, None, Some(12)).unwrap();
    let w12 = enacted.numeral(12).unwrap().window;
    assert_eq!(iso(p.ranges[0].from.0), iso(w12[0].first));
    assert!(!p.places.is_empty());
}

proptest! {
    /// The marker lands where the evaluator sees the date: the numerals of
    /// every day class the date touches, confirmed or doubtful, and "whole"
    /// exactly when every class has that numeral in that kind.
    #[test]
    fn date_place_agrees_with_the_evaluator(first in 10_000i32..21_000, len in 0i32..800, which in 0usize..2) {
        let l = law::LAWS[which];
        let r = DayRange::new(Day(first), Day(first + len));
        let p = info::date_place(l, Some(&iso(r.first)), Some(&iso(r.last)), None).unwrap();
        let classes = eval::classes_in(l, &[r]);
        for k in 1..=13u8 {
            let b = eval::bit(k);
            for (kind, of) in [(WindowKind::Confirmed, 0), (WindowKind::Margin, 1)] {
                let mask = |c: &eval::DayClass| if of == 0 { c.window } else { c.margin };
                let some = classes.iter().any(|c| mask(c) & b != 0);
                let all = classes.iter().all(|c| mask(c) & b != 0);
                let place = p.places.iter().find(|x| x.numeral == k && x.kind == kind);
                prop_assert_eq!(place.is_some(), some, "numeral {} {:?} in {:?}", k, kind, r);
                if let Some(place) = place {
                    prop_assert_eq!(place.whole, all, "numeral {} {:?} in {:?}", k, kind, r);
                }
            }
        }
    }
}

/// The sources are shown: law() lists every report, and each step of a
/// result names the reports its rule rests on, by ids that law() knows.
#[test]
fn steps_and_law_name_their_sources() {
    use amnistia::{Lang, output};
    let law_json: serde_json::Value =
        serde_json::from_str(&amnistia::json::write::to_pretty(&info::law_info(law::DEFAULT_LAW, Lang::Es))).unwrap();
    let ids: Vec<&str> = law_json["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert!(ids.len() >= 20, "{ids:?}");
    // Addresses only where the brief lists them: the draft's PDF is one.
    let pdf = law_json["sources"].as_array().unwrap().iter().find(|s| s["id"] == "asamblea_draft_pdf").unwrap();
    assert!(pdf["url"].as_str().unwrap().starts_with("https://www.asambleanacional.gob.ve/"));
    let twelve = law_json["numerals"].as_array().unwrap().iter().find(|n| n["number"] == 12).unwrap();
    assert!(twelve["sources"].as_array().unwrap().iter().any(|s| s == "eldiariotricolor_martinez"));

    let a = amnistia::check(r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2024-07-30", "event": 12, "charges": ["terrorism"], "militaryJustice": false}]}"#, Lang::Es).unwrap();
    let v: serde_json::Value = serde_json::from_str(&output::to_json(&a)).unwrap();
    let steps = v["proceedings"][0]["explanation"].as_array().unwrap();
    for s in steps {
        for id in s["sources"].as_array().unwrap() {
            assert!(ids.contains(&id.as_str().unwrap()), "unknown source {id} in {s}");
        }
    }
    let link = steps.iter().find(|s| s["kind"] == "eventLink").unwrap();
    assert!(link["sources"].as_array().unwrap().iter().any(|s| s == "eldiariotricolor_martinez"), "{link}");
    for n in v["proceedings"][0]["nextSteps"].as_array().unwrap() {
        assert!(!n["sources"].as_array().unwrap().is_empty(), "a next step with no source: {n}");
    }
}

/// The timeline's words for a band follow how sure its days are (audit
/// 2026-12, item 1b): a single-source or inferred window is not
/// "confirmed", a margin is disputed.
#[test]
fn windows_carry_how_sure_their_days_are() {
    use amnistia::law::Confidence;
    for l in law::LAWS {
        for w in info::windows(l) {
            let n = l.numerals.iter().find(|n| n.number == w.numeral).expect("a numeral of the law");
            let want = if w.kind == WindowKind::Margin { Confidence::Disputed } else { n.window_confidence() };
            assert_eq!(w.confidence, want, "{} numeral {}", l.id, w.numeral);
        }
    }
    let enacted = info::windows(law::enacted());
    let of = |k: u8| enacted.iter().find(|w| w.numeral == k && w.kind == WindowKind::Confirmed).map(|w| w.confidence);
    assert_eq!(of(9), Some(Confidence::SingleSource), "numeral 9 rests on one outlet [S]");
    assert_eq!(of(3), Some(Confidence::Inferred), "numeral 3's months are inferred [I]");
    assert_eq!(of(12), Some(Confidence::Confirmed), "numeral 12's July is confirmed; its later months are the margin");
}
