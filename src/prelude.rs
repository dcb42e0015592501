//! What the std prelude gives, from `alloc`: the crate is `no_std` in every
//! build (`lib.rs`), so a module takes these names with
//! `use crate::prelude::*;`, the same in std and `page` builds.

// `Box` and `ToOwned` are not used yet; kept so that the list is the std
// prelude's own.
#[allow(unused_imports)]
pub(crate) use alloc::{borrow::ToOwned, boxed::Box};
pub(crate) use alloc::string::{String, ToString};
pub(crate) use alloc::vec::Vec;
pub(crate) use alloc::vec;
// `format!` only in tests: the library builds its sentences with `cat!` and
// `text::fill`, which keep the formatting machinery out of the wasm.
#[cfg(test)]
#[allow(unused_imports)]
pub(crate) use alloc::format;
