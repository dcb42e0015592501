fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let case = if which == "all" { r#"{"proceedings":[{}]}"#.to_string() } else { std::fs::read_to_string("tests/examples/contract.json").unwrap() };
    let c = amnistia::parse::case_from_text(&case).unwrap();
    let mut n = 0;
    for _ in 0..300 { n += amnistia::assess(&c, amnistia::Lang::Es).proceedings.len(); }
    println!("{n}");
}
