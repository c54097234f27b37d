//! Reading text once: the draft ([`Draft`]), the customer's message ([`Customer`]), and
//! small matching helpers every rule uses.

mod customer;
mod draft;
pub mod fold;
mod lexicon;

pub use customer::{Closing, Customer};
pub use draft::{is_clause_end, is_emoji, is_han, is_punct_or_space, is_sentence_end, Draft, Segment};
pub use lexicon::{contains_any, find_all, scope, Scope};

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
