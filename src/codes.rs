//! Every code that crosses a boundary — the case format, the assessment,
//! the errors and the rules files — with its enum, written once.
//!
//! One macro, `codes!`, gives each enum its variants in wire order
//! (`ALL`), its code (`code`) and the way back (`from_code`), with no
//! catch-all: `from_code` looks the code up among the variants. This file
//! depends on nothing, so `build.rs` and the rules validator include it too
//! (`#[path = "src/codes.rs"]`) and check the rules files against the same
//! enums the library compiles, and the generated data names their variants.
//! The JSON form of each (its code as a string) is declared once in
//! `lib.rs`.
//!
//! The codes are part of the public contract and never change meaning. What
//! a charge does under a law version (excluded, contested, nothing) is data
//! in the rules files, not here.

macro_rules! codes {
    ($(
        $(#[$m:meta])*
        $name:ident { $($(#[$vm:meta])* $variant:ident => $code:literal,)* }
    )*) => {$(
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vm])* $variant,)* }

        #[allow(dead_code)]
        impl $name {
            /// Every variant, in wire order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// Every code, in the same order.
            pub const CODES: &'static [&'static str] = &[$($code,)*];

            /// The stable wire code.
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            /// The variant with this code, if any.
            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    )*};
}

codes! {
    /// A charge or public accusation, by its contract code (contract §1).
    Charge {
        IntentionalHomicide => "intentional_homicide",
        Magnicide => "magnicide",
        VerySeriousInjuries => "very_serious_injuries",
        DrugTrafficking => "drug_trafficking",
        Corruption => "corruption",
        HumanRightsViolation => "human_rights_violation",
        CrimeAgainstHumanity => "crime_against_humanity",
        WarCrime => "war_crime",
        ForeignArmedAction => "foreign_armed_action",
        Treason => "treason",
        ConspiracyWithForeignCountry => "conspiracy_with_foreign_country",
        AccusedForeignIntervention => "accused_foreign_intervention",
        MilitaryRebellion => "military_rebellion",
        DrugTraffickingMinor => "drug_trafficking_minor",
        Terrorism => "terrorism",
        TerrorismFinancing => "terrorism_financing",
        CriminalAssociation => "criminal_association",
        IncitementToHatred => "incitement_to_hatred",
        Instigation => "instigation",
        ResistanceToAuthority => "resistance_to_authority",
        PropertyDamage => "property_damage",
        Arson => "arson",
        RoadObstruction => "road_obstruction",
        IllegalWeapons => "illegal_weapons",
        Rebellion => "rebellion",
        DrugPossession => "drug_possession",
        Other => "other",
    }

    /// Where the person stands now. Shapes the next steps, never the outcome.
    Situation {
        Detained => "detained",
        HouseArrest => "house_arrest",
        PrecautionaryMeasures => "precautionary_measures",
        Wanted => "wanted",
        Investigated => "investigated",
        ConvictedServing => "convicted_serving",
        Free => "free",
    }

    /// The stage of the proceeding. Shapes the next steps, never the outcome.
    Phase {
        Investigation => "investigation",
        Control => "control",
        Trial => "trial",
        Appeal => "appeal",
        Execution => "execution",
    }

    /// The outcome of one proceeding (contract §2).
    Outcome {
        Covered => "covered",
        NotCovered => "not_covered",
        Uncertain => "uncertain",
        NeedsInformation => "needs_information",
    }

    /// The outcome of the whole case: one proceeding's, or `mixed`.
    CaseOutcome {
        Covered => "covered",
        NotCovered => "not_covered",
        Uncertain => "uncertain",
        NeedsInformation => "needs_information",
        Mixed => "mixed",
    }

    /// A fact whose value would change the result (contract §2.2), in
    /// contract order.
    Question {
        FactsDate => "factsDate",
        Event => "event",
        Charges => "charges",
        MilitaryJustice => "militaryJustice",
        CeasedConduct => "ceasedConduct",
    }

    /// How sure we are of a point of the law (brief, legend at the top).
    Confidence {
        /// Several independent outlets agree, or the wording is known.
        Confirmed => "confirmed",
        /// One outlet, or several repeating the same one.
        SingleSource => "single_source",
        /// Inferred from how the drafts evolved.
        Inferred => "inferred",
        /// The sources disagree.
        Disputed => "disputed",
    }

    /// Whether a version is the law in force or a text kept for comparison.
    Status {
        Enacted => "enacted",
        Draft => "draft",
    }

    /// What a rule of the exclusions or of the numeral-10 exception does to
    /// a charge.
    ExclusionKind {
        /// The charge excludes the case: step 1 of contract §2.1.
        Excludes => "excludes",
        /// The charge makes a covered base uncertain: step 5 (the foreign
        /// clause's contested reach, the drug threshold, the draft's limit
        /// to political crimes).
        Contested => "contested",
        /// Military rebellion for numeral-10 facts: steps 2 and 5.
        RebellionException => "rebellion_exception",
    }

    /// Where a charge sits on the page's charges screen (`law()`).
    ChargeGroup {
        /// The usual protest charges, listed first.
        Common => "common",
        /// The other serious ones, in a group below.
        Serious => "serious",
    }

    /// Whether days of a window are confirmed or a contested margin.
    WindowKind {
        Confirmed => "confirmed",
        Margin => "margin",
    }

    /// The screening CSV's columns, in the template's order (contract §5.2;
    /// their Spanish names are in `src/law/screening.toml`).
    CsvColumn {
        Id => "id",
        Law => "law",
        Situation => "situation",
        Abroad => "abroad",
        CeasedConduct => "ceasedConduct",
        Label => "label",
        FactsDate => "factsDate",
        FactsDateEnd => "factsDateEnd",
        Event => "event",
        Charges => "charges",
        Phase => "phase",
        MilitaryJustice => "militaryJustice",
    }

    /// How the screening reads a column's cells (`law().screening`'s
    /// `columns[].kind`, for the page's table of accepted values).
    ColumnKind {
        Law => "law",
        Choice => "choice",
        YesNo => "yes_no",
        Date => "date",
        Event => "event",
        Charges => "charges",
        Text => "text",
    }

    /// What the law in use does with a charge (`law()`'s `charges[].effect`).
    ChargeEffect {
        Excluded => "excluded",
        Contested => "contested",
        RebellionException => "rebellion_exception",
        NoEffect => "none",
    }

    /// The rule a step of the explanation applies: its `kind` tag.
    StepKind {
        /// The date was unknown and the stated event fixes it (contract §2.2).
        DateAssumed => "dateAssumed",
        /// Art. 9: an excluded charge (step 1).
        Exclusion => "exclusion",
        /// Art. 8 numeral 10: the military-rebellion exception (steps 2 and 5).
        RebellionException => "rebellionException",
        /// Art. 8: whether the date falls in an event's window (step 3).
        Window => "window",
        /// Art. 8: whether the stated event matches the window (step 4).
        EventLink => "eventLink",
        /// Art. 9: the contested reach of the foreign armed-action clause (step 5).
        ForeignClause => "foreignClause",
        /// Another contested charge of step 5: small-quantity trafficking under
        /// the enacted law, the drug codes under the draft's Art. 1.
        ContestedCharge => "contestedCharge",
        /// Military courts, where the law is not applied in practice (step 5).
        MilitaryJustice => "militaryJustice",
        /// Art. 7: having ceased the conduct (step 5).
        CeasedConduct => "ceasedConduct",
    }

    /// What a step of the explanation does to the outcome.
    Effect {
        /// Nothing in this step stands against coverage.
        Pass => "pass",
        /// This step decides: the law does not apply.
        NotCovered => "notCovered",
        /// This step turns on a contested point of law.
        Uncertain => "uncertain",
        /// This step depends on facts not given.
        Open => "open",
        /// The rule is not in this version of the text.
        NotInThisText => "notInThisText",
        /// A note, with no effect of its own.
        Note => "note",
    }

    /// The stable error codes of contract §4. They never change meaning;
    /// new ones may come.
    #[non_exhaustive]
    ErrorCode {
        InvalidJson => "invalid_json",
        UnknownField => "unknown_field",
        InvalidDate => "invalid_date",
        InvalidDateRange => "invalid_date_range",
        InvalidEvent => "invalid_event",
        UnknownCharge => "unknown_charge",
        InvalidValue => "invalid_value",
        NoProceedings => "no_proceedings",
        TooManyProceedings => "too_many_proceedings",
        InputTooLarge => "input_too_large",
        UnknownLaw => "unknown_law",
    }
}

impl CsvColumn {
    /// How the column's cells are read.
    pub const fn kind(self) -> ColumnKind {
        match self {
            CsvColumn::Law => ColumnKind::Law,
            CsvColumn::Situation | CsvColumn::Phase => ColumnKind::Choice,
            CsvColumn::Abroad | CsvColumn::CeasedConduct | CsvColumn::MilitaryJustice => ColumnKind::YesNo,
            CsvColumn::FactsDate | CsvColumn::FactsDateEnd => ColumnKind::Date,
            CsvColumn::Event => ColumnKind::Event,
            CsvColumn::Charges => ColumnKind::Charges,
            CsvColumn::Id | CsvColumn::Label => ColumnKind::Text,
        }
    }
}

/// How a name people write is compared with the names of the rules data
/// and of the screening columns: lowercase, accents dropped (`ñ` as `n`),
/// and `_`, `-` and runs of spaces as one space, trimmed. ASCII case only
/// plus the Spanish letters, so the wasm links no Unicode tables.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => 'a',
            'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
            'ñ' | 'Ñ' => 'n',
            '_' | '-' | ' ' | '\t' | '\u{a0}' => ' ',
            c => c.to_ascii_lowercase(),
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique_per_enum() {
        fn check<T: Copy + PartialEq + core::fmt::Debug>(all: &[T], codes: &[&str], code: fn(T) -> &'static str, back: fn(&str) -> Option<T>) {
            assert_eq!(all.len(), codes.len());
            for (v, c) in all.iter().zip(codes) {
                assert_eq!(code(*v), *c);
                assert_eq!(back(c), Some(*v));
            }
            let mut sorted = codes.to_vec();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), codes.len(), "duplicate codes");
        }
        check(Charge::ALL, Charge::CODES, Charge::code, Charge::from_code);
        check(Situation::ALL, Situation::CODES, Situation::code, Situation::from_code);
        check(Phase::ALL, Phase::CODES, Phase::code, Phase::from_code);
        check(Outcome::ALL, Outcome::CODES, Outcome::code, Outcome::from_code);
        check(CaseOutcome::ALL, CaseOutcome::CODES, CaseOutcome::code, CaseOutcome::from_code);
        check(Question::ALL, Question::CODES, Question::code, Question::from_code);
        check(Confidence::ALL, Confidence::CODES, Confidence::code, Confidence::from_code);
        check(ErrorCode::ALL, ErrorCode::CODES, ErrorCode::code, ErrorCode::from_code);
        assert_eq!(Charge::ALL.len(), 27);
        // Codes are exact: no case folding, no trimming.
        assert_eq!(Charge::from_code("Terrorism"), None);
        assert_eq!(Phase::from_code(" trial"), None);
    }
}
