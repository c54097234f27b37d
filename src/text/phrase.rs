//! A small phrase grammar over word classes: a rule's trigger written as the sentence it
//! describes (“加 … 微信”: a verb of adding, a few characters, a contact channel) instead of an
//! enumeration of strings.
//!
//! A [`Phrase`] is a sequence of [`Part`]s: words from a list (often a class from
//! [`super::classes`]), optional words, and bounded gaps that never cross a clause end. Finding
//! it costs one scan for the first list (through the lexicon, so a check's scope serves it) and
//! a bounded look-ahead from each place that list matches: linear in the text.

use std::ops::Range;

use super::{find_all, is_clause_end, word_before, words_at};

/// One step of a [`Phrase`].
#[derive(Clone, Copy, Debug)]
pub enum Part {
    /// One of these words, here.
    Word(&'static [&'static str]),
    /// One of these words here, or nothing.
    Maybe(&'static [&'static str]),
    /// Up to this many characters of anything but a clause end (,。!?…), as few as will do.
    Gap(u8),
}

/// Words in order with bounded gaps, e.g. `[Word(ADD), Gap(4), Word(CHANNEL)]`.
///
/// Leading [`Part::Maybe`]s are read backwards from the first [`Part::Word`], so a phrase may
/// begin with optional words (“(您)(自己)去问快递”). A gap must be followed by a word.
#[derive(Clone, Copy, Debug)]
pub struct Phrase(pub &'static [Part]);

/// Where a [`Phrase`] matched: its whole span and the span of each part (empty where an
/// optional word or a gap took nothing), byte ranges of the text searched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub span: Range<usize>,
    pub parts: Vec<Range<usize>>,
}

impl Hit {
    /// The text of part `i`.
    pub fn part<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.parts.get(i).map_or("", |r| &text[r.clone()])
    }
}

impl Phrase {
    /// Every match in `text`, left to right, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(anchor) = self.0.iter().position(|p| matches!(p, Part::Word(_))) else { return Vec::new() };
        let Part::Word(first) = self.0[anchor] else { return Vec::new() };
        let mut out: Vec<Hit> = Vec::new();
        let mut kept = 0;
        for (r, _) in find_all(text, first) {
            if r.start < kept {
                continue;
            }
            let mut parts = vec![0..0; self.0.len()];
            parts[anchor] = r.clone();
            if !self.match_from(text, anchor + 1, r.end, &mut parts) {
                continue;
            }
            let mut start = r.start;
            for i in (0..anchor).rev() {
                let Part::Maybe(words) = self.0[i] else { break };
                match word_before(text, start, words) {
                    Some(w) if start - w.len() >= kept => {
                        parts[i] = start - w.len()..start;
                        start -= w.len();
                    }
                    _ => parts[i] = start..start,
                }
            }
            let end = parts.iter().map(|p| p.end).max().unwrap_or(r.end);
            kept = end;
            out.push(Hit { span: start..end, parts });
        }
        out
    }

    /// Whether `text` has a match.
    pub fn is_in(&self, text: &str) -> bool {
        !self.find(text).is_empty()
    }

    /// Matches parts `i..` from byte `at`, filling `parts`; nearest first.
    fn match_from(&self, text: &str, i: usize, at: usize, parts: &mut [Range<usize>]) -> bool {
        let Some(part) = self.0.get(i) else { return true };
        match *part {
            Part::Word(words) => words_at(text, at, words).any(|w| {
                parts[i] = at..at + w.len();
                self.match_from(text, i + 1, at + w.len(), parts)
            }),
            Part::Maybe(words) => {
                let taken = words_at(text, at, words).any(|w| {
                    parts[i] = at..at + w.len();
                    self.match_from(text, i + 1, at + w.len(), parts)
                });
                taken || {
                    parts[i] = at..at;
                    self.match_from(text, i + 1, at, parts)
                }
            }
            Part::Gap(most) => {
                let mut end = at;
                let mut chars = text[at..].chars();
                for taken in 0..=most {
                    parts[i] = at..end;
                    if self.match_from(text, i + 1, end, parts) {
                        return true;
                    }
                    match chars.next() {
                        Some(c) if !is_clause_end(c) && taken < most => end += c.len_utf8(),
                        _ => break,
                    }
                }
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADD: &[&str] = &["加", "添加"];
    const CHANNEL: &[&str] = &["微信", "vx", "qq"];
    const YOU: &[&str] = &["你", "您"];
    const SELF: &[&str] = &["自己"];
    const ASK: &[&str] = &["去问", "问"];
    const PARTY: &[&str] = &["快递", "支付宝"];

    #[test]
    fn gaps_are_bounded_and_stop_at_clause_ends() {
        let p = Phrase(&[Part::Word(ADD), Part::Gap(4), Part::Word(CHANNEL)]);
        let text = "可以加我们微信";
        let hits = p.find(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].span.clone()], "加我们微信");
        assert_eq!(hits[0].part(text, 2), "微信");
        assert!(p.is_in("添加客服的qq"));
        assert!(!p.is_in("加一下,微信"), "a gap stops at a clause end");
        assert!(!p.is_in("加了好多好多好多东西的微信"), "a gap is at most 4 characters");
    }

    #[test]
    fn leading_maybes_read_backwards() {
        let p = Phrase(&[Part::Maybe(YOU), Part::Maybe(SELF), Part::Word(ASK), Part::Word(PARTY)]);
        let text = "这个您自己去问支付宝吧";
        let hits = p.find(text);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(&text[hits[0].span.clone()], "您自己去问支付宝");
        let text = "去问快递";
        assert_eq!(p.find(text)[0].span, 0..text.len());
        assert_eq!(p.find("问快递,问支付宝").len(), 2);
    }
}
