//! A short list kept in place: the day classes and (class, event) pairs of
//! one proceeding are few, and are worked out several times per assessment
//! (once for the result, once per answer in "what would change"). Up to `N`
//! values need no allocation; more move to the heap.

use core::ops::Deref;

#[derive(Clone, Debug)]
pub struct InlineVec<T: Copy, const N: usize> {
    /// The values while there are at most `N`; after that, unused.
    inline: [T; N],
    /// The values once there are more than `N`.
    spilled: Vec<T>,
    len: usize,
}

impl<T: Copy, const N: usize> InlineVec<T, N> {
    /// An empty list; `filler` only initializes unused slots.
    pub fn new(filler: T) -> Self {
        InlineVec { inline: [filler; N], spilled: Vec::new(), len: 0 }
    }

    pub fn push(&mut self, value: T) {
        if self.len < N {
            self.inline[self.len] = value;
        } else {
            if self.len == N {
                self.spilled.reserve(2 * N);
                self.spilled.extend_from_slice(&self.inline);
            }
            self.spilled.push(value);
        }
        self.len += 1;
    }
}

impl<T: Copy, const N: usize> Deref for InlineVec<T, N> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match self.inline.get(..self.len) {
            Some(values) => values,
            None => &self.spilled,
        }
    }
}

impl<T: Copy, const N: usize> Extend<T> for InlineVec<T, N> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, values: I) {
        for v in values {
            self.push(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::InlineVec;

    #[test]
    fn holds_values_in_order_across_the_spill() {
        let mut few: InlineVec<u32, 4> = InlineVec::new(0);
        for n in 1..=9 {
            few.push(n * 10);
            assert_eq!(&few[..], (1..=n).map(|k| k * 10).collect::<Vec<_>>(), "after {n} values");
        }
        let mut other: InlineVec<u32, 4> = InlineVec::new(0);
        other.extend([1, 2, 3]);
        assert_eq!(&other[..], [1, 2, 3]);
        assert!(InlineVec::<u32, 4>::new(7).is_empty());
    }
}
