//! `cargo bench`: the full explained evaluation, from JSON text to the
//! assessment, on a covered case, an uncertain case and an all-unknown case.

use criterion::{Criterion, black_box, criterion_group, criterion_main};

const COVERED: &str = r#"{"person":{"situation":"detained","abroad":false,"ceasedConduct":true},
 "proceedings":[{"factsDate":"2024-07-30","event":12,"charges":["terrorism","incitement_to_hatred"],"phase":"control","militaryJustice":false}]}"#;
const UNCERTAIN: &str = r#"{"person":{"ceasedConduct":true},
 "proceedings":[{"factsDate":"2024-09-15","event":12,"charges":["terrorism"],"phase":"trial","militaryJustice":false}]}"#;
const ALL_UNKNOWN: &str = r#"{"proceedings":[{}]}"#;

fn bench(c: &mut Criterion) {
    for (name, case) in [("covered", COVERED), ("uncertain", UNCERTAIN), ("all_unknown", ALL_UNKNOWN)] {
        c.bench_function(&format!("check/{name}"), |b| {
            b.iter(|| amnistia::check(black_box(case), amnistia::Lang::Es).unwrap())
        });
        let parsed = amnistia::parse::case_from_text(case).unwrap();
        c.bench_function(&format!("assess/{name}"), |b| b.iter(|| amnistia::assess(black_box(&parsed), amnistia::Lang::Es)));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
