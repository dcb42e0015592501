//! The std prelude's names, re-exported for the modules that still say
//! `use crate::prelude::*;`. The crate links std in every build now, so
//! these are the names the std prelude already gives; this module goes
//! once no module imports it.

#[allow(unused_imports)]
pub(crate) use std::{
    borrow::ToOwned,
    boxed::Box,
    format,
    string::{String, ToString},
    vec,
    vec::Vec,
};
