//! The sentences a family reads stay short (audit 2026-12, item 8): the
//! worst templates, filled with the longest names of the rules data, keep
//! each sentence within a plain-reading length. The usual cause of a long
//! sentence was naming the same suceso, with its window, twice.

use amnistia::Lang;
use amnistia::assessment::Assessment;

/// Words per sentence, at most (the target is 35; a few sentences that
/// list two sucesos by name may reach this).
const MAX_WORDS: usize = 40;

fn check(json: &str, lang: Lang) -> Assessment {
    amnistia::check(json, lang).expect("a valid case")
}

fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!') && bytes.get(i + 1) == Some(&b' ') {
            out.push(text[start..=i].trim());
            start = i + 1;
        }
    }
    out.push(text[start..].trim());
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

fn assert_short(what: &str, text: &str, max: usize) {
    for s in sentences(text) {
        let n = s.split_whitespace().count();
        assert!(n <= max, "{what}: {n} words: {s}");
    }
}

const EVENT_OTHER: &str = r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2019-04-30", "event": 12, "charges": ["terrorism"], "militaryJustice": false}]}"#;
const EVENT_NONE: &str = r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2019-04-30", "event": "none", "charges": ["terrorism"], "militaryJustice": false}]}"#;
const REBELLION: &str = r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2019-04-30", "event": 10, "charges": ["military_rebellion"], "militaryJustice": false}]}"#;
const UNKNOWN_PHASE: &str = r#"{"person": {"ceasedConduct": true}, "proceedings": [{"factsDate": "2024-07-30", "event": 12, "charges": ["terrorism"], "militaryJustice": false}]}"#;

#[test]
fn the_worst_templates_stay_short_in_both_languages() {
    for lang in [Lang::Es, Lang::En] {
        for json in [EVENT_OTHER, EVENT_NONE] {
            let a = check(json, lang);
            let p = &a.proceedings[0];
            assert_short("reason", &p.reason, 35);
            assert_short("summary", &p.summary, MAX_WORDS);
            for s in &p.explanation {
                if s.kind.code() == "eventLink" {
                    assert_short("eventLink step", s.body.text.as_ref(), MAX_WORDS);
                }
            }
        }
        let a = check(REBELLION, lang);
        for s in &a.proceedings[0].explanation {
            if s.kind.code() == "rebellionException" {
                assert_short("rebellion step", s.body.text.as_ref(), 35);
            }
        }
        let a = check(UNKNOWN_PHASE, lang);
        let step = a.proceedings[0].next_steps.iter().find(|s| s.id == "order_unknown_phase").expect("the phase step");
        assert_short("order_unknown_phase", step.text, 35);
    }
}

#[test]
fn an_uncertain_summary_warns_first_in_a_short_sentence() {
    // Review B2: the first sentence says the court may deny it and that it
    // is worth asking; the contested point follows in its own sentence.
    let a = check(EVENT_NONE, Lang::Es);
    let first = sentences(&a.proceedings[0].summary)[0];
    assert!(first.contains("negar la amnistía") && first.contains("vale la pena pedirla"), "{first}");
    assert!(first.split_whitespace().count() <= 35, "{first}");
}
