//! A table of short keys packed into integers ([`crate::scan::pack16`]), hashed: what the tag
//! and station tables and the Classified By role words look every short key up in (every tag of
//! every cable, every word before a serial of every REF line). A binary search over the sorted
//! keys was some ten rounds of compares and branches a look-up; a hashed slot is a
//! multiplication and a compare or two.
//!
//! Open addressing in one vector (no `HashMap`): the static tables keep holding only pointers
//! to the start of their allocations, as the station table's `Index` explains.

/// Keys (non-zero integers) → values, in slots probed from [`Hashed::slot`] on.
pub(crate) struct Hashed<V> {
    /// A power of two of slots, at least twice the keys, so that a free slot (key zero) always
    /// ends a probe.
    slots: Vec<(u128, Option<V>)>,
    /// 64 minus the bits of a slot number: the shift that keeps the high bits of the hash.
    shift: u32,
}

impl<V: Copy> Default for Hashed<V> {
    /// No keys (two free slots).
    fn default() -> Self {
        Self::new([])
    }
}

impl<V: Copy> Hashed<V> {
    /// The table of `entries`; a key listed twice keeps its first value. Zero keys are left out
    /// (packing gives none).
    pub(crate) fn new(entries: impl IntoIterator<Item = (u128, V)>) -> Self {
        // (Collected first: the number of slots follows the number of keys.)
        let entries: Vec<(u128, V)> = entries.into_iter().filter(|&(k, _)| k != 0).collect();
        let len = (entries.len() * 2).next_power_of_two().max(2);
        let mut t = Hashed { slots: vec![(0, None); len], shift: 64 - len.trailing_zeros() };
        for (key, value) in entries {
            let mut i = t.slot(key);
            while t.slots[i].0 != 0 && t.slots[i].0 != key {
                i = (i + 1) & (len - 1);
            }
            if t.slots[i].0 == 0 {
                t.slots[i] = (key, Some(value));
            }
        }
        t
    }

    /// The value of `key`.
    pub(crate) fn get(&self, key: u128) -> Option<&V> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, v) = self.slots.get(i)?;
            if *k == key {
                return v.as_ref();
            }
            if *k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The first slot to probe for `key`: Fibonacci hashing of the key's two halves folded
    /// together, the high bits of the product (a short key's low bits are its zero padding:
    /// only the high bits of the product depend on every byte).
    fn slot(&self, key: u128) -> usize {
        let folded = (key >> 64) as u64 ^ (key as u64).rotate_left(32);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_nothing_else() {
        let keys: Vec<u128> = (1..=500u128).map(|k| (k << 100) | (k * 7)).collect();
        let t = Hashed::new(keys.iter().enumerate().map(|(i, &k)| (k, i)));
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(t.get(k), Some(&i));
        }
        assert_eq!(t.get(0), None);
        assert_eq!(t.get(3), None);
        // The first value of a key listed twice wins.
        let t = Hashed::new([(5u128, 1u8), (5, 2)]);
        assert_eq!(t.get(5), Some(&1));
    }
}
