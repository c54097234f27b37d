//! Phrase lists indexed by first character, so a haystack is scanned once per lookup instead
//! of once per phrase (wasm has no SIMD `memchr`: hundreds of `str::find` calls per rule were
//! most of a check's time).
//!
//! Lists are `&'static`, so a list's address and length identify its contents for the whole
//! run: each list is indexed once, on first use, and looked up by address after.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::{LazyLock, Mutex, PoisonError};

/// The phrases of one list grouped by first character.
struct Index {
    needles: &'static [&'static str],
    /// One bit per `char as u32 % 4096`: most haystack characters start no phrase.
    bits: [u64; 64],
    /// Open addressing by first character: `(char, range of order)`, `EMPTY` where free.
    table: Vec<(u32, u32, u32)>,
    mask: usize,
    /// Needle indices, grouped by first character, longest first, then in list order.
    order: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

/// A slot of the table for `c` (multiplicative hash: neighbouring characters spread out).
#[inline]
fn slot(c: u32, mask: usize) -> usize {
    (c.wrapping_mul(0x9E37_79B1) >> 16) as usize & mask
}

impl Index {
    fn new(needles: &'static [&'static str]) -> Index {
        let mut order: Vec<u32> = (0..needles.len() as u32).filter(|&i| !needles[i as usize].is_empty()).collect();
        let first = |i: u32| needles[i as usize].chars().next().map_or(0, |c| c as u32);
        order.sort_by(|&a, &b| {
            first(a).cmp(&first(b)).then(needles[b as usize].len().cmp(&needles[a as usize].len())).then(a.cmp(&b))
        });
        let mut bits = [0u64; 64];
        let mut groups: Vec<(u32, u32, u32)> = Vec::new();
        for (pos, &i) in order.iter().enumerate() {
            let c = first(i);
            let bit = c % 4096;
            bits[(bit / 64) as usize] |= 1 << (bit % 64);
            match groups.last_mut() {
                Some(g) if g.0 == c => g.2 = pos as u32 + 1,
                _ => groups.push((c, pos as u32, pos as u32 + 1)),
            }
        }
        let size = (groups.len() * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut table = vec![(EMPTY, 0, 0); size];
        for g in groups {
            let mut at = slot(g.0, mask);
            while table[at].0 != EMPTY {
                at = (at + 1) & mask;
            }
            table[at] = g;
        }
        Index { needles, bits, table, mask, order }
    }

    /// The needle indices starting with `c`, longest first.
    #[inline]
    fn candidates(&self, c: char) -> &[u32] {
        let c = c as u32;
        let bit = c % 4096;
        if self.bits[(bit / 64) as usize] & (1 << (bit % 64)) == 0 {
            return &[];
        }
        let mut at = slot(c, self.mask);
        loop {
            let (k, start, end) = self.table[at];
            if k == c {
                return &self.order[start as usize..end as usize];
            }
            if k == EMPTY {
                return &[];
            }
            at = (at + 1) & self.mask;
        }
    }
}

/// Hashes the (address, length) key: two words, no need for SipHash.
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Map = HashMap<(usize, usize), &'static Index, BuildHasherDefault<AddrHasher>>;

/// Every index built so far, shared by all threads; each lives for the rest of the run (one per
/// static list, so the total is bounded by the lists in the program).
static SHARED: LazyLock<Mutex<Map>> = LazyLock::new(|| Mutex::new(Map::default()));

thread_local! {
    /// This thread's view of [`SHARED`], read without locking.
    static LOCAL: RefCell<Map> = RefCell::new(Map::default());
}

fn index(needles: &'static [&'static str]) -> &'static Index {
    let key = (needles.as_ptr() as usize, needles.len());
    LOCAL.with(|local| {
        if let Some(ix) = local.borrow().get(&key) {
            return *ix;
        }
        let ix: &'static Index = {
            let mut shared = SHARED.lock().unwrap_or_else(PoisonError::into_inner);
            shared.entry(key).or_insert_with(|| Box::leak(Box::new(Index::new(needles))))
        };
        local.borrow_mut().insert(key, ix);
        ix
    })
}

/// Whether `rest` starts with `needle`, whose first `from` bytes are known to match (a plain
/// loop: needles are a few bytes, a `memcmp` call or an iterator chain costs more).
#[inline]
fn starts_with(rest: &[u8], needle: &[u8], from: usize) -> bool {
    if rest.len() < needle.len() {
        return false;
    }
    let mut j = from;
    while j < needle.len() {
        if rest[j] != needle[j] {
            return false;
        }
        j += 1;
    }
    true
}

/// Every occurrence of any of `needles` in `hay`, leftmost-longest, not overlapping.
///
/// Same result as finding each needle's occurrences left to right (not overlapping each
/// other), sorting all by start then longest, and keeping those that don't overlap the last
/// one kept; the haystack is read once.
pub fn find_all(hay: &str, needles: &'static [&'static str]) -> Vec<(Range<usize>, &'static str)> {
    let mut out: Vec<(Range<usize>, &'static str)> = Vec::new();
    if hay.is_empty() || needles.is_empty() {
        return out;
    }
    let ix = index(needles);
    // Where each needle may next match (its own occurrences don't overlap); filled on the
    // first match only, as most lookups match nothing.
    let mut next: Vec<usize> = Vec::new();
    let mut kept_end = 0;
    for (i, c) in hay.char_indices() {
        let cands = ix.candidates(c);
        if cands.is_empty() {
            continue;
        }
        let rest = &hay.as_bytes()[i..];
        let mut best: Option<&'static str> = None;
        for &k in cands {
            let n = ix.needles[k as usize];
            if !starts_with(rest, n.as_bytes(), c.len_utf8()) {
                continue;
            }
            if next.is_empty() {
                next = vec![0; ix.needles.len()];
            }
            if i < next[k as usize] {
                continue;
            }
            next[k as usize] = i + n.len();
            if best.is_none() {
                best = Some(n);
            }
        }
        if let Some(n) = best {
            if i >= kept_end {
                out.push((i..i + n.len(), n));
                kept_end = i + n.len();
            }
        }
    }
    out
}

/// Whether `hay` contains any of `needles`.
pub fn contains_any(hay: &str, needles: &'static [&'static str]) -> bool {
    if hay.is_empty() || needles.is_empty() {
        return false;
    }
    let ix = index(needles);
    hay.char_indices().any(|(i, c)| {
        let rest = &hay.as_bytes()[i..];
        ix.candidates(c).iter().any(|&k| starts_with(rest, ix.needles[k as usize].as_bytes(), c.len_utf8()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward definition: each needle found left to right, then sorted and
    /// kept greedily.
    fn reference(hay: &str, needles: &[&'static str]) -> Vec<(Range<usize>, &'static str)> {
        let mut hits: Vec<(Range<usize>, &'static str)> = Vec::new();
        for &n in needles.iter().filter(|n| !n.is_empty()) {
            let mut from = 0;
            while let Some(i) = hay[from..].find(n) {
                hits.push((from + i..from + i + n.len(), n));
                from += i + n.len();
            }
        }
        hits.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
        let mut out: Vec<(Range<usize>, &'static str)> = Vec::new();
        for h in hits {
            if out.last().is_none_or(|l| h.0.start >= l.0.end) {
                out.push(h);
            }
        }
        out
    }

    #[test]
    fn same_result_as_one_find_per_needle() {
        const LISTS: &[&[&str]] = &[
            &["ab", "bcb"],
            &["不知道", "知道", "不知道吗", ""],
            &["aa", "a", "aa"],
            &["稍等", "等", "稍等一下", "一下", "hi", "h"],
            &[],
        ];
        let hays = ["abcbcb", "aaaaa", "不知道不知道吗知道", "请稍等一下hi,稍等", "", "hhi稍稍等等"];
        for &list in LISTS {
            for hay in hays {
                assert_eq!(find_all(hay, list), reference(hay, list), "{hay:?} in {list:?}");
                assert_eq!(contains_any(hay, list), !reference(hay, list).is_empty(), "{hay:?} in {list:?}");
            }
        }
    }
}
