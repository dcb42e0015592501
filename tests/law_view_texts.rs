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
