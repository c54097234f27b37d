//! Phrase lists indexed by first character, so a haystack is scanned once per lookup instead
//! of once per phrase (wasm has no SIMD `memchr`: hundreds of `str::find` calls per rule were
//! most of a check's time).
//!
//! Lists are `&'static`, so a list's address and length identify its contents for the whole
//! run: each list is indexed once, on first use, and looked up by address after.
//!
//! A check reads the same draft with dozens of lists. [`scope`] reads it once for all of them:
//! it notes where a phrase of any known list may start, grouped by list, so a lookup in that
//! text, or in any slice of it, visits only its own list's places. Each text of a scope has a
//! slot (the draft, the customer's words); a scope reads a text only for the lists that were
//! looked up in that slot before, so the customer's lists are not noted in the draft.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::marker::PhantomData;
use std::ops::Range;
use std::sync::{LazyLock, Mutex, PoisonError};

use super::{CharBits, Pairs, Words};

/// The phrases of one list grouped by first character (and by last).
pub struct Index {
    /// Order of indexing; the first [`SCOPED`] lists have a bit in a [`scope`]'s masks.
    id: u32,
    needles: &'static [&'static str],
    /// By first character: most haystack characters start no phrase.
    starts: Groups,
    /// By last character, for reading a phrase backwards ([`List::words_before`]).
    ends: Groups,
}

/// Needles grouped by a character of theirs (see [`grouped`]).
struct Groups {
    /// The characters that have a group.
    chars: CharBits,
    /// Open addressing by character: `(char, range of order)`, `EMPTY` where free.
    table: Vec<(u32, u32, u32)>,
    mask: usize,
    /// Needle indices, grouped by the character, longest first, then in list order.
    order: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;
/// Lists a scope can answer for (bits of a [`Lists`]); later ones are scanned directly, list by
/// list. The program indexes about 370 (lists, word tables and products), so 256 left a third
/// of them out.
const SCOPED: u32 = 512;

/// A set of list ids below [`SCOPED`].
#[derive(Clone, Copy, Default)]
struct Lists([u64; 8]);

impl Lists {
    fn insert(&mut self, id: u32) {
        self.0[id as usize / 64] |= 1 << (id % 64);
    }
    fn union(&mut self, other: &Lists) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }
    fn and(mut self, other: &Lists) -> Lists {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a &= b;
        }
        self
    }
    /// The ids, ascending.
    fn each(&self, mut f: impl FnMut(usize)) {
        for (w, &word) in self.0.iter().enumerate() {
            let mut m = word;
            while m != 0 {
                f(w * 64 + m.trailing_zeros() as usize);
                m &= m - 1;
            }
        }
    }
}

/// A slot of the table for `c` (multiplicative hash: neighbouring characters spread out).
#[inline]
fn slot(c: u32, mask: usize) -> usize {
    (c.wrapping_mul(0x9E37_79B1) >> 16) as usize & mask
}

impl Index {
    fn new(id: u32, needles: &'static [&'static str]) -> Index {
        let starts = grouped(needles, |n| n.chars().next());
        let ends = grouped(needles, |n| n.chars().next_back());
        Index { id, needles, starts, ends }
    }

    /// The needle indices ending with `c`, longest first.
    #[inline]
    fn ending_with(&self, c: char) -> &[u32] {
        self.ends.lookup(c as u32)
    }

    /// Whether some needle may start with `c` (false: none does).
    #[inline]
    fn may_start(&self, c: char) -> bool {
        self.starts.chars.may_hold(c as u32)
    }

    /// The needle indices starting with `c`, longest first.
    #[inline]
    fn candidates(&self, c: char) -> &[u32] {
        if !self.may_start(c) {
            return &[];
        }
        self.starts.lookup(c as u32)
    }
}

/// The non-empty needles grouped by the character `key` picks (their first or last), longest
/// first, then as listed.
fn grouped(needles: &[&str], key: impl Fn(&str) -> Option<char>) -> Groups {
    let mut order: Vec<u32> = (0..needles.len() as u32).filter(|&i| !needles[i as usize].is_empty()).collect();
    let char_of = |i: u32| key(needles[i as usize]).map_or(0, |c| c as u32);
    super::sort_by_key(&mut order, |&i| {
        (u128::from(char_of(i)) << 64) | u128::from(u64::MAX - needles[i as usize].len() as u64)
    });
    let mut chars = CharBits::EMPTY;
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for (pos, &i) in order.iter().enumerate() {
        let c = char_of(i);
        chars.insert(c);
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
    Groups { chars, table, mask, order }
}

impl Groups {
    /// The needle indices grouped under `c`.
    #[inline]
    fn lookup(&self, c: u32) -> &[u32] {
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

/// A fast hasher for the keys this program makes itself (addresses, characters, short
/// strings): one multiply per 8-byte word, as rustc's FxHasher does. SipHash's guard against
/// crafted collisions buys nothing for them.
#[derive(Default)]
pub struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(tail) ^ rest.len() as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

type Map = HashMap<(usize, usize), &'static Index, BuildHasherDefault<WordHasher>>;

/// Every index built so far, shared by all threads; each lives for the rest of the run (one per
/// static list, so the total is bounded by the lists in the program).
static SHARED: LazyLock<Mutex<Map>> = LazyLock::new(|| Mutex::new(Map::default()));

/// This thread's view of [`SHARED`], read without locking, and what a scope needs of it.
#[derive(Default)]
struct Local {
    map: Map,
    /// First character → the lists (bit = id) with a needle starting with it.
    starts: HashMap<u32, Lists, BuildHasherDefault<WordHasher>>,
    /// The characters in `starts`.
    firsts: CharBits,
    /// The lists `starts` covers.
    known: Lists,
    /// Those lists' indexes, by id.
    by_id: Vec<Option<&'static Index>>,
    /// By slot of a scope: the lists looked up in its text in earlier scopes.
    used: Vec<Lists>,
}

impl Local {
    fn learn(&mut self, ix: &'static Index) {
        if ix.id >= SCOPED {
            return;
        }
        for n in ix.needles {
            let Some(c) = n.chars().next() else { continue };
            self.starts.entry(c as u32).or_default().insert(ix.id);
            self.firsts.insert(c as u32);
        }
        self.known.insert(ix.id);
        if self.by_id.len() <= ix.id as usize {
            self.by_id.resize(ix.id as usize + 1, None);
        }
        self.by_id[ix.id as usize] = Some(ix);
    }
}

thread_local! {
    static LOCAL: RefCell<Local> = RefCell::new(Local::default());
}

/// A static list of needles: a slice, or a [`Words`] list (one string).
pub trait Needles: Copy {
    /// The list's index, built on its first lookup.
    #[doc(hidden)]
    fn index(self) -> &'static Index;

    /// The needles, in order.
    fn words(self) -> &'static [&'static str] {
        self.index().needles
    }
}

impl Needles for &'static [&'static str] {
    fn index(self) -> &'static Index {
        index_by((self.as_ptr() as usize, self.len()), &|| self)
    }
}

impl<const N: usize> Needles for &'static [&'static str; N] {
    fn index(self) -> &'static Index {
        self.as_slice().index()
    }
}

impl Needles for Words {
    fn index(self) -> &'static Index {
        // Keyed apart from slices and tables: the length's third bit from the top is set.
        let text = self.text();
        index_by((text.as_ptr() as usize, text.len() | 1 << (usize::BITS - 3)), &|| {
            self.iter().collect::<Vec<_>>().leak()
        })
    }
}

fn index(needles: impl Needles) -> &'static Index {
    needles.index()
}

/// The index for `key`, made from the needles `make` gives on first use (by any thread).
/// (Not generic: one copy of this code for lists and every kind of table.)
fn index_by(key: (usize, usize), make: &dyn Fn() -> &'static [&'static str]) -> &'static Index {
    LOCAL.with(|local| {
        if let Some(ix) = local.borrow().map.get(&key) {
            return *ix;
        }
        let ix: &'static Index = {
            let mut shared = SHARED.lock().unwrap_or_else(PoisonError::into_inner);
            let id = shared.len() as u32;
            shared.entry(key).or_insert_with(|| Box::leak(Box::new(Index::new(id, make()))))
        };
        let mut local = local.borrow_mut();
        local.map.insert(key, ix);
        local.learn(ix);
        ix
    })
}

/// One text read for its lists: where a phrase of each list starts, confirmed.
struct Scan {
    /// Its slot in the scope (see the module docs) and the lists looked up in it.
    slot: usize,
    used: Lists,
    /// The text's address range, and a copy of the text for the lists met later.
    start: usize,
    end: usize,
    text: Box<str>,
    /// By list id: its stretch of `places` (`None`: not read yet), and whether a needle was
    /// confirmed at each (the first read notes only where one may start, cheaply; the list's
    /// first lookup confirms them).
    lists: Vec<Option<(Range<u32>, bool)>>,
    /// Every list's places, one stretch per list, each ascending.
    places: Vec<Place>,
}

/// Where a needle of a list starts in a scanned text.
#[derive(Clone, Copy)]
struct Place {
    /// Byte offset from the text's start.
    at: u32,
    /// Where the shortest needle starting there ends: a lookup in a slice ending before it
    /// can't contain that needle.
    end: u32,
}

/// The character at byte `at` of `text` (a place: always a character boundary).
#[inline]
fn char_at(text: &str, at: usize) -> char {
    text.get(at..).and_then(|rest| rest.chars().next()).unwrap_or('\0')
}

/// The place at `at` for `ix`'s list, if a needle of it starts there.
#[inline]
fn confirm(ix: &Index, text: &str, at: usize, c: char) -> Option<Place> {
    let rest = &text.as_bytes()[at..];
    // Candidates come longest first: read from the end, the first that matches is the
    // shortest.
    let n = ix
        .candidates(c)
        .iter()
        .rev()
        .map(|&k| ix.needles[k as usize])
        .find(|n| starts_with(rest, n.as_bytes(), c.len_utf8()))?;
    Some(Place { at: at as u32, end: (at + n.len()) as u32 })
}

impl Scan {
    /// Reads `text` once for the lists looked up in its slot before (the others are read on
    /// their first lookup).
    fn new(text: &str, slot: usize, local: &Local) -> Scan {
        let wanted = local.used.get(slot).copied().unwrap_or_default();
        // Each character that may start a phrase, with the wanted lists it may start one of.
        let each_start = |f: &mut dyn FnMut(usize, char, Lists)| {
            for (i, c) in text.char_indices() {
                if local.firsts.may_hold(c as u32) {
                    if let Some(lists) = local.starts.get(&(c as u32)) {
                        f(i, c, lists.and(&wanted));
                    }
                }
            }
        };
        // Grouped by list: the text is read twice, to count each list's stretch and then to
        // fill it in, so nothing but the places themselves is held.
        // Only as many as this thread knows (ids above are read on their first lookup).
        let known = local.by_id.len().min(SCOPED as usize);
        let mut count = vec![0u32; known];
        each_start(&mut |_, _, lists| lists.each(|id| count[id] += 1));
        let mut lists = vec![None; known];
        let mut total = 0;
        local.known.and(&wanted).each(|id| {
            lists[id] = Some((total..total, false));
            total += count[id];
        });
        let mut places = vec![Place { at: 0, end: 0 }; total as usize];
        each_start(&mut |i, _, ids| {
            ids.each(|id| {
                if let Some((r, _)) = &mut lists[id] {
                    places[r.end as usize] = Place { at: i as u32, end: 0 };
                    r.end += 1;
                }
            })
        });
        Scan {
            slot,
            used: Lists::default(),
            start: text.as_ptr() as usize,
            end: text.as_ptr() as usize + text.len(),
            text: text.into(),
            lists,
            places,
        }
    }

    /// The stretch of `places` of `ix`'s list, reading the text for it first if this is its
    /// first lookup here.
    fn places_of(&mut self, ix: &Index) -> Range<usize> {
        let id = ix.id as usize;
        if ix.id < SCOPED {
            self.used.insert(ix.id);
        }
        if self.lists.len() <= id {
            self.lists.resize(id + 1, None);
        }
        if self.lists[id].is_none() {
            // A list met after the first read: note where it does start now (confirmed at
            // once, so a character that only may start it, 你 for 你们, holds nothing).
            let from = self.places.len() as u32;
            for (i, c) in self.text.char_indices() {
                if ix.may_start(c) {
                    if let Some(place) = confirm(ix, &self.text, i, c) {
                        self.places.push(place);
                    }
                }
            }
            self.lists[id] = Some((from..self.places.len() as u32, true));
        }
        let Some((r, confirmed)) = self.lists[id].clone() else { return 0..0 };
        let (from, mut to) = (r.start as usize, r.end as usize);
        if !confirmed {
            // Keep the places where a needle does start, in place.
            let mut kept = from;
            for k in from..to {
                let p = self.places[k];
                let at = p.at as usize;
                if let Some(place) = confirm(ix, &self.text, at, char_at(&self.text, at)) {
                    self.places[kept] = place;
                    kept += 1;
                }
            }
            to = kept;
            self.lists[id] = Some((r.start..to as u32, true));
        }
        from..to
    }
}

thread_local! {
    /// The texts of the live [`Scope`]s on this thread, innermost last.
    static SCANS: RefCell<Vec<Scan>> = const { RefCell::new(Vec::new()) };
}

/// While alive, lookups in `texts` (or in slices of them) use one reading of each; see the
/// module docs. The texts can't change or go away meanwhile: the scope borrows them.
pub struct Scope<'a> {
    outer: usize,
    _texts: PhantomData<&'a str>,
}

/// Reads `texts` once for all the lists indexed so far on this thread; a list met later is
/// read on its first lookup.
pub fn scope<'a>(texts: &[&'a str]) -> Scope<'a> {
    let outer = SCANS.with(|s| s.borrow().len());
    open(outer, outer, texts)
}

/// [`scope`] for a reader of its own kind of text (the customer's words, masked): its texts
/// take the slots from `first_slot` on, so what it looks up is remembered apart from the
/// check's draft and customer slots, whatever scope is open around it.
pub fn scope_at<'a>(first_slot: usize, texts: &[&'a str]) -> Scope<'a> {
    let outer = SCANS.with(|s| s.borrow().len());
    open(outer, first_slot, texts)
}

fn open<'a>(outer: usize, first_slot: usize, texts: &[&'a str]) -> Scope<'a> {
    LOCAL.with(|local| {
        let local = local.borrow();
        SCANS.with(|scans| {
            let mut scans = scans.borrow_mut();
            for (slot, text) in texts.iter().enumerate() {
                if !text.is_empty() && text.len() < u32::MAX as usize {
                    scans.push(Scan::new(text, first_slot + slot, &local));
                }
            }
        });
    });
    Scope { outer, _texts: PhantomData }
}

impl Drop for Scope<'_> {
    fn drop(&mut self) {
        // What each slot looked up, remembered for the next scope's reading.
        let done: Vec<Scan> = SCANS.with(|s| s.borrow_mut().split_off(self.outer));
        LOCAL.with(|local| {
            let mut local = local.borrow_mut();
            for scan in &done {
                if local.used.len() <= scan.slot {
                    local.used.resize(scan.slot + 1, Lists::default());
                }
                local.used[scan.slot].union(&scan.used);
            }
        });
    }
}

/// Calls `f` with the places of `ix`'s list from `hay`'s start on (offsets from `hay`'s
/// start: `at - lo`) and `hay`'s offset `lo` in its scanned text, if a live scope holds `hay`.
fn with_places<T>(hay: &str, ix: &Index, f: impl FnOnce(&[Place], u32) -> T) -> Option<T> {
    let (from, to) = (hay.as_ptr() as usize, hay.as_ptr() as usize + hay.len());
    SCANS.with(|scans| {
        let mut scans = scans.borrow_mut();
        let scan = scans.iter_mut().rev().find(|s| s.start <= from && to <= s.end)?;
        let stretch = scan.places_of(ix);
        let lo = (from - scan.start) as u32;
        let places = &scan.places[stretch];
        let first = if lo == 0 { 0 } else { places.partition_point(|p| p.at < lo) };
        Some(f(&places[first..], lo))
    })
}

/// Calls `visit(i, c)` for every place of `hay` (byte offset `i`, character `c`) where a needle
/// of `ix` may start, in order, until it returns false. In a scanned text only the places where
/// one does start are visited. (`visit` must not look anything up itself.)
fn starts_in(hay: &str, ix: &Index, mut visit: impl FnMut(usize, char) -> bool) {
    let hi = hay.len() as u32;
    let scanned = with_places(hay, ix, |places, lo| {
        for p in places {
            let i = (p.at - lo) as usize;
            if p.at - lo >= hi || !visit(i, char_at(hay, i)) {
                break;
            }
        }
    });
    if scanned.is_some() {
        return;
    }
    for (i, c) in hay.char_indices() {
        if ix.may_start(c) && !visit(i, c) {
            break;
        }
    }
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
pub fn find_all(hay: &str, needles: impl Needles) -> Vec<(Range<usize>, &'static str)> {
    if hay.is_empty() {
        return Vec::new();
    }
    find_all_of(hay, index(needles))
}

/// [`find_all`] with the list's index at hand (one copy of this code for every kind of list).
fn find_all_of(hay: &str, ix: &'static Index) -> Vec<(Range<usize>, &'static str)> {
    if ix.needles.is_empty() {
        return Vec::new();
    }
    find_in(hay, ix).into_iter().map(|(hit, k)| (hit, ix.needles[k as usize])).collect()
}

/// [`find_all`] with the list's index at hand, each match with its needle's position in the
/// list.
fn find_in(hay: &str, ix: &'static Index) -> Vec<(Range<usize>, u32)> {
    let mut out: Vec<(Range<usize>, u32)> = Vec::new();
    if hay.is_empty() {
        return out;
    }
    // Where each needle may next match (its own occurrences don't overlap); filled on the
    // first match only, as most lookups match nothing.
    let mut next: Vec<usize> = Vec::new();
    let mut kept_end = 0;
    starts_in(hay, ix, |i, c| {
        let cands = ix.candidates(c);
        let rest = &hay.as_bytes()[i..];
        let mut best: Option<u32> = None;
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
                best = Some(k);
            }
        }
        if let Some(k) = best {
            if i >= kept_end {
                let end = i + ix.needles[k as usize].len();
                out.push((i..end, k));
                kept_end = end;
            }
        }
        true
    });
    out
}

/// A phrase list resolved once, for looking words up at many places of one text
/// ([`super::Phrase`] does, from every place its first list matches).
#[derive(Clone, Copy)]
pub struct List(&'static Index);

impl List {
    pub fn of(needles: impl Needles) -> List {
        List(index(needles))
    }

    /// Every needle that starts at byte `at` of `hay` (a char boundary), longest first.
    pub fn words_at<'h>(self, hay: &'h str, at: usize) -> impl Iterator<Item = &'static str> + 'h {
        let ix = self.0;
        let first = hay.get(at..).and_then(|rest| rest.chars().next());
        let cands = first.map_or(&[][..], |c| ix.candidates(c));
        let width = first.map_or(0, char::len_utf8);
        cands
            .iter()
            .map(move |&k| ix.needles[k as usize])
            .filter(move |n| starts_with(&hay.as_bytes()[at..], n.as_bytes(), width))
    }

    /// Every needle that ends at byte `at` of `hay` (a char boundary), longest first.
    pub fn words_before(self, hay: &str, at: usize) -> Vec<&'static str> {
        let head = hay.get(..at).unwrap_or("");
        let Some(last) = head.chars().next_back() else { return Vec::new() };
        let ix = self.0;
        ix.ending_with(last).iter().map(|&k| ix.needles[k as usize]).filter(|n| head.ends_with(n)).collect()
    }
}

/// Every occurrence of a word made of one word from each of `factors` in turn (a product:
/// `&[words!["没", "没有"], words!["看到", "看见"]]` is 没看到, 没看见, 没有看到, 没有看见; an empty word
/// leaves its place out), as [`find_all`] finds them. The words are made once per product.
pub fn find_product(hay: &str, factors: &'static [Words]) -> Vec<(Range<usize>, &'static str)> {
    if hay.is_empty() || factors.is_empty() {
        return Vec::new();
    }
    // Keyed apart from lists and tables: the length's second bit from the top is set.
    let ix = index_by((factors.as_ptr() as usize, factors.len() | 1 << (usize::BITS - 2)), &|| {
        super::expand(factors).leak()
    });
    find_in(hay, ix).into_iter().map(|(hit, k)| (hit, ix.needles[k as usize])).collect()
}

/// Every occurrence of the words of `table` in `hay`, as [`find_all`] finds them, each with its
/// word and fix (the first row of a word listed twice).
pub fn find_pairs(hay: &str, table: Pairs) -> Vec<(Range<usize>, (&'static str, &'static str))> {
    let ix = index(table.words());
    if hay.is_empty() || ix.needles.is_empty() {
        return Vec::new();
    }
    let fixes = split_fixes(table.fixes());
    find_in(hay, ix)
        .into_iter()
        .map(|(hit, k)| (hit, (ix.needles[k as usize], fixes.get(k as usize).copied().unwrap_or(""))))
        .collect()
}

/// A table's fixes, split once (by any thread) and kept: a fix is looked up by its row for
/// every match, and a text may match a table thousands of times.
fn split_fixes(fixes: Words) -> &'static [&'static str] {
    /// (The fixes' (address, length), their rows.)
    type Split = Vec<((usize, usize), &'static [&'static str])>;
    static SPLIT: Mutex<Split> = Mutex::new(Vec::new());
    let key = (fixes.text().as_ptr() as usize, fixes.text().len());
    let mut split = SPLIT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&(_, rows)) = split.iter().find(|(k, _)| *k == key) {
        return rows;
    }
    let rows: &'static [&'static str] = fixes.iter().collect::<Vec<_>>().leak();
    split.push((key, rows));
    rows
}

/// Whether `hay` contains any of `needles`.
pub fn contains_any(hay: &str, needles: impl Needles) -> bool {
    if hay.is_empty() {
        return false;
    }
    contains_any_of(hay, index(needles))
}

/// [`contains_any`] with the list's index at hand.
fn contains_any_of(hay: &str, ix: &'static Index) -> bool {
    if ix.needles.is_empty() {
        return false;
    }
    // The first place at or after the slice's start decides, unless its shortest needle runs
    // past the slice's end; then every later place lies within the longest needle of that
    // end, so a lookup visits a bounded number of places wherever the slice is.
    let hi = hay.len() as u32;
    if let Some(found) =
        with_places(hay, ix, |places, lo| places.iter().take_while(|p| p.at - lo < hi).any(|p| p.end - lo <= hi))
    {
        return found;
    }
    let mut found = false;
    starts_in(hay, ix, |i, c| {
        let rest = &hay.as_bytes()[i..];
        found = ix.candidates(c).iter().any(|&k| starts_with(rest, ix.needles[k as usize].as_bytes(), c.len_utf8()));
        !found
    });
    found
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
        // The same through a scope (every list is known now), on whole texts and on slices.
        let owned: Vec<String> = hays.iter().map(|h| format!("{h}{h}")).collect();
        let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
        let _scope = scope(&texts);
        for &list in LISTS {
            for text in &texts {
                let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
                for &a in &cuts {
                    for &b in cuts.iter().filter(|&&b| b >= a) {
                        let hay = &text[a..b];
                        assert_eq!(find_all(hay, list), reference(hay, list), "{hay:?} in {list:?}, scoped");
                        assert_eq!(
                            contains_any(hay, list),
                            !reference(hay, list).is_empty(),
                            "{hay:?} in {list:?}, scoped"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn pairs_are_found_as_their_words_with_the_first_row_of_a_word() {
        // A static: each use of a const may be a copy at another address (rules use each table
        // in one place, so theirs keep one).
        static TABLE: Pairs = pairs![("不行", "1"), ("不可以", "2"), ("不行", "3"), ("行", "4")];
        let hay = "不行,不可以,行吧";
        let words: Vec<&str> = TABLE.iter().map(|(w, _)| w).collect();
        let found: Vec<(Range<usize>, &str)> = find_pairs(hay, TABLE).into_iter().map(|(r, (_, f))| (r, f)).collect();
        let expected: Vec<(Range<usize>, &str)> = reference(hay, &words)
            .into_iter()
            .map(|(r, w)| (r, TABLE.iter().find(|(t, _)| *t == w).map_or("", |(_, f)| f)))
            .collect();
        assert_eq!(found, expected);
        assert_eq!(found.iter().map(|(_, f)| *f).collect::<Vec<_>>(), vec!["1", "2", "4"]);
        // One index per table, whichever thread asks.
        let there = std::thread::spawn(|| index(TABLE.words()).id).join().ok();
        assert_eq!(Some(index(TABLE.words()).id), there);
    }

    #[test]
    fn a_list_met_after_the_scope_is_read_on_its_first_lookup() {
        // Used nowhere else, so unknown when the scope reads the text.
        const LATE: Words = words!["迟到的词", "迟到", "词"];
        let text = String::from("迟到的词,没迟到,一个词迟");
        let _scope = scope(&[&text]);
        let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a) {
                let hay = &text[a..b];
                assert_eq!(find_all(hay, LATE), reference(hay, LATE.words()), "{hay:?}");
                assert_eq!(contains_any(hay, LATE), !reference(hay, LATE.words()).is_empty(), "{hay:?}");
            }
        }
        let id = index(LATE).id as usize;
        SCANS.with(|s| assert!(s.borrow().last().is_some_and(|scan| scan.lists.get(id).is_some_and(Option::is_some))));
    }

    #[test]
    fn a_scope_reads_each_slot_for_the_lists_looked_up_there_before() {
        const DRAFT_ONLY: Words = words!["只在草稿里查"];
        let (draft, customer) = (String::from("只在草稿里查的词"), String::from("只在草稿里查"));
        for round in 0..2 {
            let _scope = scope(&[&draft, &customer]);
            let id = index(DRAFT_ONLY).id as usize;
            // The second scope has read the draft for the list already, and not the customer.
            let read = SCANS.with(|s| {
                let s = s.borrow();
                s.iter().map(|scan| scan.lists.get(id).is_some_and(Option::is_some)).collect::<Vec<_>>()
            });
            assert_eq!(read, if round == 0 { vec![false, false] } else { vec![true, false] }, "round {round}");
            assert!(contains_any(&draft, DRAFT_ONLY));
        }
        // A list never looked up in a slot is still found there, on its first lookup.
        let _scope = scope(&[&draft, &customer]);
        assert!(contains_any(&customer, DRAFT_ONLY));
    }

    #[test]
    fn a_scope_answers_only_while_alive() {
        const LIST: Words = words!["好的", "好"];
        let text = String::from("好的好的");
        assert_eq!(find_all(&text, LIST).len(), 2);
        {
            let _scope = scope(&[&text]);
            SCANS.with(|s| assert_eq!(s.borrow().len(), 1));
            assert_eq!(find_all(&text[3..], LIST), vec![(3..9, "好的")]); // "的好的"
        }
        SCANS.with(|s| assert!(s.borrow().is_empty()));
    }
}
