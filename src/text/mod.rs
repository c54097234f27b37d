//! Reading text once: the draft ([`Draft`]), the customer's message ([`Customer`]), and
//! small matching helpers every rule uses.

pub mod classes;
mod customer;
mod draft;
pub mod fold;
mod lexicon;
mod phrase;
mod reply;
mod situation;
mod words;

pub use customer::{Closing, Customer, Leaving};
pub use draft::{is_clause_end, is_emoji, is_han, is_punct_or_space, is_sentence_end, Draft, Segment};
pub use lexicon::{
    contains_any, find_all, find_pairs, find_product, scope, scope_at, List, Needles, Scope, WordHasher,
};
pub use phrase::{After, Hit, Part, Phrase};
pub use reply::answers;
pub use situation::Situation;
pub use words::{Pairs, Words};

/// `text` with every occurrence of `phrases` blanked out (same length, so nothing shifts).
pub(crate) fn mask(text: &str, phrases: impl Needles) -> String {
    mask_all(text, phrases.words())
}

fn mask_all(text: &str, phrases: &'static [&'static str]) -> String {
    // Blanking only removes text, so nothing matches later that didn't match at first.
    if !contains_any(text, phrases) {
        return text.to_owned();
    }
    let mut out = text.to_owned();
    for p in phrases {
        if out.contains(p) {
            out = out.replace(p, &"_".repeat(p.len()));
        }
    }
    out
}

/// The pieces of a chat text: split at punctuation and at the spaces and line breaks that
/// join messages in a chat log.
pub fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| is_clause_end(c) || c.is_whitespace())
}

/// A set of characters as one bit per `char as u32 % 4096`: "certainly not in it" for most
/// characters at the cost of one load, before an exact lookup.
#[derive(Clone, Copy)]
pub(crate) struct CharBits([u64; 64]);

impl Default for CharBits {
    fn default() -> CharBits {
        CharBits::EMPTY
    }
}

impl CharBits {
    pub(crate) const EMPTY: CharBits = CharBits([0; 64]);

    /// With `c` (a code point) added; `const` so a static table can be filtered at compile time.
    pub(crate) const fn with(mut self, c: u32) -> CharBits {
        let bit = c % 4096;
        self.0[(bit / 64) as usize] |= 1 << (bit % 64);
        self
    }

    pub(crate) fn insert(&mut self, c: u32) {
        *self = self.with(c);
    }

    /// False when `c` is certainly not in the set.
    #[inline]
    pub(crate) fn may_hold(&self, c: u32) -> bool {
        let bit = c % 4096;
        self.0[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }
}

/// Every phrase made by taking one option from each group in turn (`""` makes a group
/// optional): `[["跟", "和"], ["我们", "我"], ["无关"]]` gives 跟我们无关, 跟我无关, 和我们无关,
/// 和我无关. For phrase lists too regular to write out; built once per list (the strings live
/// for the rest of the run, as a list's index does).
pub(crate) fn expand(groups: &[Words]) -> Vec<&'static str> {
    let mut out = vec![String::new()];
    for group in groups {
        out = out.iter().flat_map(|head| group.iter().map(move |option| format!("{head}{option}"))).collect();
    }
    let mut seen = std::collections::HashSet::new();
    out.into_iter()
        .filter(|s| !s.is_empty() && seen.insert(s.clone()))
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect()
}

/// Sorts `items` by `key`, equal keys keeping their order. The crate's one sort routine:
/// every `sort_by` over a new type is another copy of the standard library's sort, 4-7 KB of
/// WebAssembly each (41 KB of the coach's 436 KB for nine of them), so callers pack what they
/// sort by into one number instead.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    if items.len() > 1 {
        let keys = items.iter().map(key).collect();
        sort_by_keys(items, keys);
    }
}

/// Sorts `items` by `keys` (one per item, computed beforehand), equal keys keeping their order.
pub fn sort_by_keys<T>(items: &mut Vec<T>, keys: Vec<u128>) {
    debug_assert_eq!(keys.len(), items.len());
    let mut order: Vec<(u128, usize)> = keys.into_iter().zip(0..).collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// Whether `text` ends with one of `words`.
pub fn ends_with_any<W: AsRef<str>>(text: &str, words: impl IntoIterator<Item = W>) -> bool {
    words.into_iter().any(|w| text.ends_with(w.as_ref()))
}

/// `text` with any of `words` taken off its end, again while one is left there (只要被取消,就
/// 已经 → 就 for 已经; 我们这边也 → 我们这边 for 也).
pub fn trim_end_words<W: AsRef<str>>(text: &str, words: impl IntoIterator<Item = W> + Clone) -> &str {
    let mut rest = text;
    while let Some(r) = words.clone().into_iter().find_map(|w| rest.strip_suffix(w.as_ref())) {
        rest = r;
    }
    rest
}

/// Whether `text` starts with one of `words`.
pub fn starts_with_any<W: AsRef<str>>(text: &str, words: impl IntoIterator<Item = W>) -> bool {
    words.into_iter().any(|w| text.starts_with(w.as_ref()))
}

/// `start` moved back over the first of `options` that `text` has just before it.
pub fn extend_back<W: AsRef<str>>(text: &str, start: usize, options: impl IntoIterator<Item = W>) -> usize {
    options.into_iter().find(|o| text[..start].ends_with(o.as_ref())).map_or(start, |o| start - o.as_ref().len())
}

/// `end` moved on over the first of `options` that `text` has just after it.
pub fn extend_on<W: AsRef<str>>(text: &str, end: usize, options: impl IntoIterator<Item = W>) -> usize {
    options.into_iter().find(|o| text[end..].starts_with(o.as_ref())).map_or(end, |o| end + o.as_ref().len())
}

/// Calls `f` with every string made of up to `most` of `pieces` (repeats allowed), the empty
/// string included, and returns how many there were: for tests that hold a hand-written
/// reader equal to the regular expression it replaced.
#[cfg(test)]
pub(crate) fn each_sequence(pieces: &[&str], most: usize, mut f: impl FnMut(&str)) -> usize {
    let mut count = 0;
    let mut stack = vec![(String::new(), 0)];
    while let Some((s, depth)) = stack.pop() {
        f(&s);
        count += 1;
        if depth < most {
            stack.extend(pieces.iter().map(|p| (format!("{s}{p}"), depth + 1)));
        }
    }
    count
}

/// The character just before byte offset `at`, if any.
pub fn char_before(s: &str, at: usize) -> Option<char> {
    s[..at].chars().next_back()
}

/// The character at byte offset `at`, if any.
pub fn char_after(s: &str, at: usize) -> Option<char> {
    s[at..].chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_prefers_longest_and_does_not_overlap() {
        let hits = find_all("不知道不知道吗", &["不知道", "知道", "不知道吗"]);
        let got: Vec<_> = hits.iter().map(|(r, n)| (r.start, *n)).collect();
        assert_eq!(got, [(0, "不知道"), (9, "不知道吗")]);
    }

    #[test]
    fn expand_takes_one_option_per_group() {
        assert_eq!(
            expand(&[words!["跟", "和"], words!["我们", "我"], words!["无关"]]),
            ["跟我们无关", "跟我无关", "和我们无关", "和我无关"]
        );
        assert_eq!(expand(&[words!["", "又"], words!["不管"]]), ["不管", "又不管"]);
        assert_eq!(expand(&[words!["", "我"], words!["我", ""]]), ["我", "我我"]);
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        assert_eq!(extend_back("快递又不归我们管", 9, ["又", "也"]), 6);
        assert_eq!(extend_on("问快递吧!", 9, ["好了", "吧"]), 12);
    }

    #[test]
    fn neighbours() {
        assert_eq!(char_before("货到付款", 3), Some('货'));
        assert_eq!(char_after("货到付款", 9), Some('款'));
        assert_eq!(char_before("好", 0), None);
    }
}
