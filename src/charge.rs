//! Charge codes of the case format (contract §1).
//!
//! The codes are part of the public contract and never change meaning. What
//! a charge does under a given law version (excluded, contested, nothing) is
//! data in the rules files, not here.

macro_rules! charges {
    ($($variant:ident => $code:literal,)*) => {
        /// A charge or public accusation, by its contract code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Charge { $($variant,)* }

        impl Charge {
            /// Every charge code, in contract order.
            pub const ALL: &'static [Charge] = &[$(Charge::$variant,)*];

            /// The stable wire code, e.g. `intentional_homicide`.
            pub const fn code(self) -> &'static str {
                match self { $(Charge::$variant => $code,)* }
            }

            pub fn from_code(code: &str) -> Option<Charge> {
                match code { $($code => Some(Charge::$variant),)* _ => None }
            }
        }
    };
}

charges! {
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



#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        assert_eq!(Charge::ALL.len(), 27);
        for &c in Charge::ALL {
            assert_eq!(Charge::from_code(c.code()), Some(c));
        }
        assert_eq!(Charge::from_code("Terrorism"), None);
    }
}

/// How a name people write is compared with the names of the rules data
/// and of the screening columns: lowercase, accents dropped (`ñ` as `n`),
/// and `_`, `-` and runs of spaces as one space, trimmed. ASCII case only
/// plus the Spanish letters, so the wasm links no Unicode tables.
pub fn fold(s: &str) -> alloc::string::String {
    use alloc::string::String;
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
