//! Bytes in, an assessment or an error out, in both languages. Must never
//! panic, hang or abort (the release profile of the fuzz build keeps
//! overflow checks and debug assertions on, so arithmetic bugs surface too).
#![no_main]

use amnistia::{Lang, output, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match parse::case_from_bytes(data) {
        Ok(case) => {
            for lang in [Lang::Es, Lang::En] {
                let a = amnistia::assess(&case, lang);
                let json = output::to_json(&a);
                assert!(!json.is_empty(), "an assessment serialized to nothing");
                // The text form must not panic either.
                let _ = output::to_text(&a, lang);
            }
        }
        Err(e) => {
            // Every error has a stable code and a message in both languages.
            for lang in [Lang::Es, Lang::En] {
                let body = output::error_json(&e, lang);
                assert!(body.contains(e.code().code()));
            }
        }
    }
});
