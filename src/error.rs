//! The one error type of the checker, with stable codes (contract §4).
//!
//! Bad input is never a crash and never an outcome: it is an [`Error`] with
//! a [`ErrorCode`] that callers can match on, the JSON path of the offending
//! value, and a message in Spanish or English.

use crate::Lang;
use crate::json::json_object;
use crate::text::sentence;

pub use crate::codes::ErrorCode;

/// Bad input: what is wrong, where, and how to say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    path: Option<String>,
    /// The offending text, shortened, when quoting it helps the user.
    quoted: Option<String>,
}

/// The wire form: `{"code": "…", "message": "…", "path": "…"}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
    pub path: Option<String>,
}

impl Error {
    pub(crate) fn new(code: ErrorCode, path: impl Into<String>) -> Error {
        let path = path.into();
        Error { code, path: if path.is_empty() { None } else { Some(path) }, quoted: None }
    }

    pub(crate) fn at_root(code: ErrorCode) -> Error {
        Error { code, path: None, quoted: None }
    }

    /// Quotes the offending value in the message, cut to 40 characters.
    pub(crate) fn quoting(mut self, value: &str) -> Error {
        // One pass to the 41st character, then one copy (collecting chars
        // one by one took more code in the wasm). `get` cannot fail at a
        // char boundary, and has no panicking path.
        self.quoted = Some(match value.char_indices().nth(40) {
            Some((cut, _)) => sentence!(value.get(..cut).unwrap_or(value), "…"),
            None => value.into(),
        });
        self
    }

    /// A line that is not UTF-8 text, in a screened file.
    pub fn at_line_invalid_json() -> Error {
        Error::at_root(ErrorCode::InvalidJson)
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// Where in the case the problem is, e.g. `proceedings[0].factsDate`.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    pub fn message(&self, lang: Lang) -> String {
        let (es, en) = match self.code {
            ErrorCode::InvalidJson => (
                "el texto no es JSON válido",
                "the input is not valid JSON",
            ),
            ErrorCode::UnknownField => (
                "este campo no existe en el formato de caso",
                "this field is not part of the case format",
            ),
            ErrorCode::InvalidDate => (
                "la fecha debe escribirse AAAA-MM-DD, AAAA-MM o AAAA, y existir en el calendario",
                "the date must be written YYYY-MM-DD, YYYY-MM or YYYY, and exist in the calendar",
            ),
            ErrorCode::InvalidDateRange => (
                "la fecha final es anterior a la fecha inicial",
                "the end date is before the start date",
            ),
            ErrorCode::InvalidEvent => (
                "el evento debe ser un número del 1 al 13 o \"none\"",
                "the event must be a number from 1 to 13 or \"none\"",
            ),
            ErrorCode::UnknownCharge => (
                "este código de delito no está en la lista",
                "this charge code is not in the list",
            ),
            ErrorCode::InvalidValue => (
                "este valor no es del tipo esperado o no está entre los permitidos",
                "this value has the wrong type or is not one of the allowed values",
            ),
            ErrorCode::NoProceedings => (
                "hace falta al menos una causa en \"proceedings\"",
                "at least one proceeding is needed in \"proceedings\"",
            ),
            ErrorCode::TooManyProceedings => (
                "hay más de 50 causas; divida el caso",
                "there are more than 50 proceedings; split the case",
            ),
            ErrorCode::InputTooLarge => (
                "el caso supera 64 KiB",
                "the case is larger than 64 KiB",
            ),
            ErrorCode::UnknownLaw => (
                "esta versión de la ley no existe en el verificador",
                "the checker does not have this law version",
            ),
        };
        let base = match lang {
            Lang::Es => es,
            Lang::En => en,
        };
        // Joined by hand, not with `format!`: this runs in the wasm module,
        // which then needs none of the formatting machinery.
        match &self.quoted {
            Some(q) => sentence!(base, ": «", q, "»"),
            None => base.into(),
        }
    }

    pub fn body(&self, lang: Lang) -> ErrorBody {
        ErrorBody { code: self.code, message: self.message(lang), path: self.path.clone() }
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.code.code(), self.message(Lang::En))?;
        if let Some(p) = &self.path {
            write!(f, " (at {p})")?;
        }
        Ok(())
    }
}

impl core::error::Error for Error {}

json_object!(ErrorBody { "code": code, "message": message, "path": path });
