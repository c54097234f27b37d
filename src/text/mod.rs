//! Reading text once: the draft ([`Draft`]), the customer's message ([`Customer`]), and
//! small matching helpers every rule uses.

mod customer;
mod draft;
pub mod fold;

use std::ops::Range;

pub use customer::{Closing, Customer};
pub use draft::{is_clause_end, is_emoji, is_han, is_punct_or_space, is_sentence_end, Draft, Segment};

/// Every occurrence of any of `needles` in `hay`, leftmost-longest, not overlapping.
///
/// Rules use plain literal lists for most phrases: a few dozen `str::find` calls on a
/// 200-character draft cost less than building a regex automaton would.
pub fn find_all<'n>(hay: &str, needles: &[&'n str]) -> Vec<(Range<usize>, &'n str)> {
    let mut hits: Vec<(Range<usize>, &'n str)> = Vec::new();
    for &n in needles {
        if n.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(i) = hay[from..].find(n) {
            let start = from + i;
            hits.push((start..start + n.len(), n));
            from = start + n.len();
        }
    }
    hits.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut out: Vec<(Range<usize>, &'n str)> = Vec::with_capacity(hits.len());
    for h in hits {
        if out.last().is_none_or(|l| h.0.start >= l.0.end) {
            out.push(h);
        }
    }
    out
}

/// Whether `hay` contains any of `needles`.
pub fn contains_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| !n.is_empty() && hay.contains(n))
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
    fn neighbours() {
        assert_eq!(char_before("货到付款", 3), Some('货'));
        assert_eq!(char_after("货到付款", 9), Some('款'));
        assert_eq!(char_before("好", 0), None);
    }
}
