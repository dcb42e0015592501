//! What the law view says about the law itself (the paraphrases of the
//! rules data), checked against the brief where an audit found it wrong.
//! Each test names the brief's point it rests on.

use amnistia::law::{self, Confidence};

fn article(number: &str) -> &'static law::Article {
    law::enacted().article(number).unwrap_or_else(|| panic!("no Art. {number} in the enacted rules"))
}

/// Brief §5 (rev. 2): Art. 10 is known word for word [C]; the amnesty ends
/// only the covered case, and an uncovered case can keep the person
/// detained (review A5).
#[test]
fn art10_ends_this_case_only_and_is_confirmed() {
    let a = article("10");
    assert_eq!(a.confidence, Confidence::Confirmed, "Art. 10 is known word for word (brief §0.6)");
    let es = a.paraphrase.es;
    assert!(!es.contains("la persona queda en libertad"), "release is not unconditional: {es}");
    assert!(es.contains("cierra solo esa causa"), "{es}");
    assert!(es.contains("puede seguir detenida"), "{es}");
    assert!(a.paraphrase.en.contains("closes only that case"), "{}", a.paraphrase.en);
}

/// Brief §5: administrative disqualifications are not lifted; one imposed
/// as an accessory penalty of a criminal sentence ends with it [I], said as
/// an inference (review A13).
#[test]
fn art10_tells_accessory_from_administrative_disqualifications() {
    let a = article("10");
    let es = a.paraphrase.es;
    assert!(!es.contains("levantar inhabilitaciones políticas"), "contradicts the brief's [I] point: {es}");
    assert!(es.contains("inhabilitaciones administrativas"), "{es}");
    assert!(es.contains("pena accesoria") && es.contains("lo deducimos"), "{es}");
    let en = a.paraphrase.en;
    assert!(en.contains("accessory penalty") && en.contains("our inference"), "{en}");
}

/// One word for Art. 8's items: "sucesos" (review C); "hechos" are the acts
/// charged. The law view's summaries of Arts. 1 and 8 said "hechos".
#[test]
fn art1_and_art8_call_the_items_sucesos() {
    let a8 = article("8");
    assert!(a8.heading.es.contains("sucesos"), "{}", a8.heading.es);
    assert!(a8.paraphrase.es.contains("13 sucesos") && !a8.paraphrase.es.contains("13 hechos"), "{}", a8.paraphrase.es);
    assert!(!a8.paraphrase.es.contains("vínculo con el hecho"), "{}", a8.paraphrase.es);
    let a1 = article("1");
    assert!(a1.paraphrase.es.contains("en el marco de los sucesos") && !a1.paraphrase.es.contains("el hecho y la fecha"), "{}", a1.paraphrase.es);
}

/// Words the page shows in results get a glossary entry in both languages
/// (audit 2026-12, item 6).
#[test]
fn the_glossary_explains_numeral_causa_and_audiencia_preliminar() {
    for term in ["numeral", "causa", "audiencia preliminar"] {
        let item = law::GLOSSARY.iter().find(|g| g.term == term).unwrap_or_else(|| panic!("no glossary entry for {term}"));
        assert!(!item.explanation.es.is_empty() && !item.explanation.en.is_empty(), "{term}");
    }
}

/// Brief §0.4 and §7 (rev. 2): Art. 6 ends on the law's entry into force
/// [C]; 30 January 2026 was the draft's end. The entry was tagged disputed
/// with a note that the reports disagree.
#[test]
fn art6_ends_on_entry_into_force_and_is_settled() {
    let a = article("6");
    assert_eq!(a.confidence, Confidence::Confirmed);
    assert_eq!(a.contested, None, "nothing left contested about Art. 6");
    assert!(a.paraphrase.es.contains("entrada en vigor") && a.paraphrase.es.contains("proyecto de primera discusión"), "{}", a.paraphrase.es);
    assert!(!a.paraphrase.es.contains("Un medio da como fecha final"), "{}", a.paraphrase.es);
    assert!(a.paraphrase.en.contains("first-reading draft's"), "{}", a.paraphrase.en);
}
