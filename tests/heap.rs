//! The wasm allocator (`src/heap.rs`), driven natively over an in-process
//! memory: whatever the sequence of requests, live blocks never overlap,
//! are aligned, hold their bytes (also across a resize), and the same work
//! repeated takes no more memory.

use amnistia::heap::{Heap, MIN_ALIGN, Memory, PAGE};
use proptest::prelude::*;

/// A growable memory of bytes, with a page limit.
struct Bytes {
    bytes: Vec<u8>,
    max_pages: usize,
}

impl Bytes {
    fn new(max_pages: usize) -> Self {
        // One page exists before the heap, as the stack and data do in wasm.
        Bytes { bytes: vec![0; PAGE], max_pages }
    }
}

impl Memory for Bytes {
    fn size(&self) -> usize {
        self.bytes.len()
    }
    fn grow(&mut self, pages: usize) -> bool {
        if self.bytes.len() / PAGE + pages > self.max_pages {
            return false;
        }
        self.bytes.resize(self.bytes.len() + pages * PAGE, 0);
        true
    }
    fn load(&self, at: usize) -> usize {
        usize::from_le_bytes(self.bytes[at..at + size_of::<usize>()].try_into().unwrap())
    }
    fn store(&mut self, at: usize, link: usize) {
        self.bytes[at..at + size_of::<usize>()].copy_from_slice(&link.to_le_bytes());
    }
}

/// A live block and the byte it was filled with.
#[derive(Clone, Copy, Debug)]
struct Live {
    at: usize,
    size: usize,
    align: usize,
    fill: u8,
}

/// What the global allocator's glue does: the heap's calls, with the bytes
/// written and copied here.
struct Driver {
    heap: Heap<Bytes>,
    live: Vec<Live>,
    next_fill: u8,
}

impl Driver {
    fn new(max_pages: usize) -> Self {
        Driver { heap: Heap::new(Bytes::new(max_pages)), live: Vec::new(), next_fill: 1 }
    }

    fn bytes(&mut self) -> &mut Vec<u8> {
        &mut self.heap.memory_mut().bytes
    }

    fn fill(&mut self) -> u8 {
        self.next_fill = self.next_fill.wrapping_add(1).max(1);
        self.next_fill
    }

    fn alloc(&mut self, size: usize, align: usize) -> Option<Live> {
        let at = self.heap.alloc(size, align)?;
        let fill = self.fill();
        self.bytes()[at..at + size].fill(fill);
        let block = Live { at, size, align, fill };
        self.live.push(block);
        Some(block)
    }

    fn free(&mut self, i: usize) {
        let b = self.live.swap_remove(i);
        self.heap.dealloc(b.at, b.size, b.align);
    }

    fn resize(&mut self, i: usize, new: usize) -> bool {
        let b = self.live[i];
        let at = if self.heap.resize_in_place(b.size, b.align, new) {
            b.at
        } else {
            let Some(to) = self.heap.alloc(new, b.align) else { return false };
            let keep = b.size.min(new);
            self.bytes().copy_within(b.at..b.at + keep, to);
            self.heap.dealloc(b.at, b.size, b.align);
            to
        };
        // The kept bytes are the old ones; the rest is filled anew.
        assert!(self.bytes()[at..at + b.size.min(new)].iter().all(|&x| x == b.fill), "resize lost bytes");
        self.bytes()[at..at + new].fill(b.fill);
        self.live[i] = Live { at, size: new, ..b };
        true
    }

    /// One generated request; a free or resize picks a live block by index
    /// (and does nothing when none is live).
    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Alloc(size, align) => {
                self.alloc(size, align);
            }
            Op::Free(i) if !self.live.is_empty() => self.free(i % self.live.len()),
            Op::Resize(i, size) if !self.live.is_empty() => {
                self.resize(i % self.live.len(), size);
            }
            _ => {}
        }
    }

    /// Every live block is in memory, aligned, apart from the others, and
    /// still holds its own bytes.
    fn check(&mut self) {
        let len = self.heap.memory().size();
        let mut blocks = self.live.clone();
        blocks.sort_by_key(|b| b.at);
        for w in blocks.windows(2) {
            assert!(w[0].at + w[0].size <= w[1].at, "blocks overlap: {:?} and {:?}", w[0], w[1]);
        }
        for b in &blocks {
            assert!(b.at >= PAGE && b.at + b.size <= len, "block outside the heap: {b:?}");
            assert_eq!(b.at % b.align.max(MIN_ALIGN), 0, "misaligned: {b:?}");
            let bytes = &self.bytes()[b.at..b.at + b.size];
            assert!(bytes.iter().all(|&x| x == b.fill), "a block's bytes changed: {b:?}");
        }
    }
}

#[derive(Clone, Debug)]
enum Op {
    Alloc(usize, usize),
    Free(usize),
    Resize(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    op_aligned_to(4096)
}

fn op_aligned_to(max_align: usize) -> impl Strategy<Value = Op> {
    let size = prop_oneof![4 => 1usize..64, 2 => 1usize..4096, 1 => 1usize..100_000];
    let align = (0..=max_align.trailing_zeros()).prop_map(|k| 1usize << k);
    prop_oneof![
        4 => (size.clone(), align).prop_map(|(s, a)| Op::Alloc(s, a)),
        3 => any::<usize>().prop_map(Op::Free),
        2 => (any::<usize>(), size).prop_map(|(i, s)| Op::Resize(i, s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Live blocks never overlap, stay aligned and keep their bytes, through
    /// any mix of allocations, frees and resizes (in place or moved).
    #[test]
    fn blocks_stay_apart_aligned_and_intact(ops in prop::collection::vec(op(), 1..200)) {
        let mut d = Driver::new(512);
        for op in &ops {
            d.apply(op);
            d.check();
        }
    }

    /// The same work done again and again (assessments, screening chunks)
    /// takes no new memory after the first time: it reuses its own blocks.
    ///
    /// For requests aligned to at most 8 bytes, as every one in this crate
    /// is (a listed block serves a request aligned beyond that only if it
    /// happens to be aligned enough).
    #[test]
    fn repeated_work_takes_no_new_memory(ops in prop::collection::vec(op_aligned_to(8), 1..120)) {
        let mut d = Driver::new(1 << 15);
        let mut tops = Vec::new();
        for _ in 0..6 {
            for op in &ops {
                d.apply(op);
            }
            while !d.live.is_empty() {
                d.free(d.live.len() - 1);
            }
            d.check();
            tops.push(d.heap.high_water());
        }
        prop_assert!(tops.windows(2).all(|w| w[0] == w[1]), "memory used kept growing: {tops:?}");
    }
}

/// A request the memory cannot hold fails cleanly, and the heap still
/// serves what fits afterwards.
#[test]
fn a_request_too_large_fails_and_the_heap_goes_on() {
    let mut d = Driver::new(32);
    let small = d.alloc(100, 8).expect("a small block");
    assert!(d.alloc(64 * PAGE, 8).is_none(), "a block larger than the memory limit");
    assert!(d.heap.alloc(usize::MAX - 3, 8).is_none(), "a size no block can have");
    assert!(!d.resize(0, 64 * PAGE), "growing past the limit");
    assert_eq!(d.live[0].at, small.at, "a failed resize leaves the block where it was");
    let again = d.alloc(100, 8).expect("a small block after the failures");
    assert_ne!(small.at, again.at);
    d.check();
}

/// A freed block is the next one handed out for its class.
#[test]
fn a_freed_block_is_reused_for_its_class() {
    let mut d = Driver::new(32);
    let a = d.alloc(40, 8).unwrap();
    let _b = d.alloc(40, 8).unwrap();
    d.free(0);
    let c = d.alloc(60, 4).unwrap();
    assert_eq!(a.at, c.at, "a 60-byte request reuses the freed 64-byte block");
    d.check();
}

