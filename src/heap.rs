//! The wasm module's memory allocator: size classes, a free list per class,
//! and a bump pointer.
//!
//! An assessment makes some fifty small allocations (strings of the
//! explanation, short vectors) and frees them all before it returns; a page
//! or a screening run repeats that thousands of times. A general allocator
//! that splits and merges blocks spent about a third of the time inside wasm
//! doing so (README, "Rendimiento"). Here every request is rounded up to a
//! power of two (its *class*); a freed block goes on its class's list and is
//! the next one handed out for that class, so both directions take a few
//! instructions and memory reaches a steady state after the first case.
//!
//! - Fresh blocks come from a bump pointer over pages taken with
//!   `memory.grow`, only when a class's list is empty.
//! - Blocks are never split, merged or grown in place (a resize to another
//!   class moves the data). The cost is up to half of a block unused, and
//!   memory kept for a class no longer asked for. The gain, besides speed:
//!   each list ends up as long as the most blocks of its class ever live
//!   at once, so the same work done again takes no new memory at all.
//! - Every block is aligned to 8 bytes. A request for more (none in this
//!   crate) takes a listed block only if it happens to be aligned enough,
//!   and otherwise a fresh, aligned one.
//!
//! The logic is plain safe code over a [`Memory`], so it is property-tested
//! natively (`tests/heap.rs`) against an in-process memory; only the
//! wasm32 [`Memory`] and the `GlobalAlloc` glue touch raw pointers.

/// The size of a wasm memory page.
pub const PAGE: usize = 65_536;

/// The alignment of every listed block, and the smallest class.
pub const MIN_ALIGN: usize = 8;

/// Pages taken at least per `memory.grow`, so that the JS views of the
/// memory (which a grow invalidates) are rebuilt rarely.
const MIN_GROW_PAGES: usize = 16;

const CLASSES: usize = usize::BITS as usize;

/// Where the heap lives: wasm's linear memory, or a test's buffer.
///
/// Addresses are byte offsets. No block starts at 0: the heap begins above
/// memory that already exists when it first grows.
pub trait Memory {
    /// The memory's size in bytes, a whole number of pages.
    fn size(&self) -> usize;
    /// Adds `pages` pages; `false` if the memory cannot grow.
    fn grow(&mut self, pages: usize) -> bool;
    /// The free-list link stored in the free block at `at`.
    fn load(&self, at: usize) -> usize;
    /// Stores a free-list link in the free block at `at`.
    fn store(&mut self, at: usize, link: usize);
}

/// The allocator's state over a [`Memory`].
pub struct Heap<M> {
    mem: M,
    /// The next fresh byte.
    top: usize,
    /// The end of the region `top` bumps into (a page boundary).
    end: usize,
    /// Per class (by log2 of its size), the first free block; 0 ends a list.
    free: [usize; CLASSES],
}

/// The size of the block that serves `size` bytes at `align`, or `None`
/// when no block can be that large.
#[inline(always)]
pub fn class_size(size: usize, align: usize) -> Option<usize> {
    size.max(align).max(MIN_ALIGN).checked_next_power_of_two()
}

/// `at` rounded up to a multiple of `align`, a power of two (bit masks: no
/// division, so no panic path).
fn align_up(at: usize, align: usize) -> Option<usize> {
    let mask = align.wrapping_sub(1);
    Some(at.checked_add(mask)? & !mask)
}

/// The free list of a class size (a power of two, so below `CLASSES`).
/// Masked rather than checked: an allocator must not panic, since a panic
/// would allocate.
#[inline(always)]
fn list_of(cap: usize) -> usize {
    cap.trailing_zeros() as usize & (CLASSES - 1)
}

impl<M: Memory> Heap<M> {
    /// An empty heap; it takes pages on its first allocation.
    pub const fn new(mem: M) -> Self {
        Heap { mem, top: 0, end: 0, free: [0; CLASSES] }
    }

    /// The memory underneath, for tests.
    pub fn memory(&self) -> &M {
        &self.mem
    }

    /// The address past the last block ever handed out.
    pub fn high_water(&self) -> usize {
        self.top
    }

    /// The memory underneath, for tests that write into blocks.
    pub fn memory_mut(&mut self) -> &mut M {
        &mut self.mem
    }

    /// The address of a block for `size` bytes at `align`, or `None` when the
    /// memory cannot grow.
    #[inline(always)]
    pub fn alloc(&mut self, size: usize, align: usize) -> Option<usize> {
        let cap = class_size(size, align)?;
        let class = list_of(cap);
        let head = self.free[class];
        if head != 0 && head & align.wrapping_sub(1) == 0 {
            self.free[class] = self.mem.load(head);
            return Some(head);
        }
        self.bump(cap, align)
    }

    /// Gives back the block at `at`, allocated for `size` bytes at `align`.
    #[inline(always)]
    pub fn dealloc(&mut self, at: usize, size: usize, align: usize) {
        let Some(cap) = class_size(size, align) else { return };
        let class = list_of(cap);
        self.mem.store(at, self.free[class]);
        self.free[class] = at;
    }

    /// Whether a block allocated for `old` bytes at `align` can serve `new`
    /// bytes where it is: when both sizes are in one class. Otherwise the
    /// caller moves the data to a block of the new class.
    pub fn resize_in_place(&self, old: usize, align: usize, new: usize) -> bool {
        class_size(old, align).is_some_and(|cap| Some(cap) == class_size(new, align))
    }

    /// A fresh block of `cap` bytes at `align` from the bump pointer.
    fn bump(&mut self, cap: usize, align: usize) -> Option<usize> {
        let align = align.max(MIN_ALIGN);
        let mut start = align_up(self.top, align)?;
        if start.checked_add(cap)? > self.end && self.mem.size() != self.end {
            // First use, or the memory grew without us: start over at its end.
            self.top = self.mem.size();
            self.end = self.top;
            start = align_up(self.top, align)?;
        }
        let top = start.checked_add(cap)?;
        if top > self.end {
            let pages = (top - self.end).div_ceil(PAGE).max(MIN_GROW_PAGES);
            if !self.mem.grow(pages) {
                return None;
            }
            self.end += pages * PAGE;
        }
        self.top = top;
        Some(start)
    }
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
pub use wasm_heap::WasmHeap;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod wasm_heap {
    use super::{Heap, Memory, PAGE};
    use core::alloc::{GlobalAlloc, Layout};
    use core::arch::wasm32;
    use core::cell::UnsafeCell;

    /// Memory 0 of this module.
    pub struct Linear;

    impl Memory for Linear {
        fn size(&self) -> usize {
            wasm32::memory_size(0) * PAGE
        }
        fn grow(&mut self, pages: usize) -> bool {
            wasm32::memory_grow(0, pages) != usize::MAX
        }
        #[inline(always)]
        fn load(&self, at: usize) -> usize {
            // SAFETY: `Heap` only reads links from free blocks it owns, which
            // are in bounds and aligned to 8.
            unsafe { (at as *const usize).read() }
        }
        #[inline(always)]
        fn store(&mut self, at: usize, link: usize) {
            // SAFETY: as in `load`; the block was freed, so nothing else uses it.
            unsafe { (at as *mut usize).write(link) }
        }
    }

    /// The global allocator of the wasm module.
    pub struct WasmHeap(UnsafeCell<Heap<Linear>>);

    // SAFETY: without the atomics feature, a wasm module runs on one thread,
    // and no allocator call can interrupt another.
    unsafe impl Sync for WasmHeap {}

    impl Default for WasmHeap {
        fn default() -> Self {
            Self::new()
        }
    }

    impl WasmHeap {
        pub const fn new() -> Self {
            WasmHeap(UnsafeCell::new(Heap::new(Linear)))
        }
        #[allow(clippy::mut_from_ref)]
        #[inline(always)]
        fn heap(&self) -> &mut Heap<Linear> {
            // SAFETY: one thread, and the allocator never re-enters itself,
            // so this is the only reference while a call runs.
            unsafe { &mut *self.0.get() }
        }
    }

    unsafe impl GlobalAlloc for WasmHeap {
        #[inline(always)]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            match self.heap().alloc(layout.size(), layout.align()) {
                Some(at) => at as *mut u8,
                None => core::ptr::null_mut(),
            }
        }
        #[inline(always)]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            self.heap().dealloc(ptr as usize, layout.size(), layout.align());
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let (old, align) = (layout.size(), layout.align());
            if self.heap().resize_in_place(old, align, new_size) {
                return ptr;
            }
            let Some(to) = self.heap().alloc(new_size, align) else {
                return core::ptr::null_mut();
            };
            // SAFETY: both blocks are live, distinct and at least
            // `min(old, new_size)` bytes long.
            unsafe { core::ptr::copy_nonoverlapping(ptr, to as *mut u8, old.min(new_size)) };
            self.heap().dealloc(ptr as usize, old, align);
            to as *mut u8
        }
    }
}
