//! A value worked out on first use and kept: `std::sync::OnceLock` where std
//! is linked, and a `core::cell::OnceCell` in the page's wasm (feature
//! `page`), which links no std and runs on one thread.

#[cfg(not(all(feature = "page", target_arch = "wasm32")))]
pub use std::sync::OnceLock as Once;

#[cfg(all(feature = "page", target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("feature `page` is for a wasm32 module without threads (no `atomics` target feature)");

#[cfg(all(feature = "page", target_arch = "wasm32", not(target_feature = "atomics")))]
pub use single::Once;

#[cfg(all(feature = "page", target_arch = "wasm32", not(target_feature = "atomics")))]
mod single {
    use core::cell::OnceCell;

    /// `OnceLock`'s `new` and `get_or_init`, for one thread.
    pub struct Once<T>(OnceCell<T>);

    // SAFETY: without the atomics target feature a wasm module has one
    // thread, so a `static Once` is never reached from two threads at once;
    // `OnceCell` itself refuses (panics on) re-entrant initialisation.
    unsafe impl<T: Send + Sync> Sync for Once<T> {}

    impl<T> Once<T> {
        pub const fn new() -> Self {
            Once(OnceCell::new())
        }
        pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
            self.0.get_or_init(f)
        }
    }
}
