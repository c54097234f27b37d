//! A small phrase grammar over word classes: a rule's trigger written as the sentence it
//! describes (“加 … 微信”: a verb of adding, a few characters, a contact channel) instead of an
//! enumeration of strings.
//!
//! A [`Phrase`] is a sequence of [`Part`]s: words from a list (often a class from
//! [`super::classes`]), optional words, and bounded gaps that never cross a clause end. Finding
//! it costs one scan for the first list (through the lexicon, so a check's scope serves it) and
//! a bounded look-ahead from each place that list matches: linear in the text.

use std::borrow::Cow;
use std::ops::Range;

use super::{find_all, is_clause_end, List, Words};

/// One step of a [`Phrase`].
#[derive(Clone, Copy, Debug)]
pub enum Part {
    /// One of these words, here.
    Word(Words),
    /// One of these words, here, and the part the search starts from: give the rarest words
    /// this role (`[Word(DEGREE), Key(BAD)]`: 太/很 are everywhere, 慢/差 are not). Without a
    /// key, the first `Word` is searched first.
    Key(Words),
    /// One of these words here, or nothing.
    Maybe(Words),
    /// Up to this many characters of anything but a clause end (,。!?…), as few as will do.
    Gap(u8),
}

/// Words in order with bounded gaps, e.g. `[Word(ADD), Gap(4), Word(CHANNEL)]`.
///
/// The phrase is found from its *anchor*, its [`Part::Key`] or else its first [`Part::Word`]:
/// one scan of the text for that list, then the parts before it are read backwards from each
/// place it matches and the parts after it forwards. A gap sits between two words (or optional
/// words).
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

/// A phrase being matched in one text: its lists resolved once.
struct Matcher<'p, 't> {
    parts: &'p [Part],
    lists: Vec<Option<List>>,
    text: &'t str,
}

impl Phrase {
    /// Every match in `text`, left to right, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::new();
        let Some(anchor) = self.anchor() else { return out };
        let (Part::Word(first) | Part::Key(first)) = self.0[anchor] else { return out };
        let hits = find_all(text, first);
        if hits.is_empty() {
            return out;
        }
        let m = self.matcher(text);
        let mut kept = 0;
        let mut parts = vec![0..0; self.0.len()];
        for (r, _) in hits {
            if r.start < kept {
                continue;
            }
            parts[anchor] = r.clone();
            if !m.forward(anchor + 1, r.end, &mut parts) || !m.backward(anchor, r.start, kept, &mut parts) {
                continue;
            }
            let start = parts.iter().map(|p| p.start).min().unwrap_or(r.start);
            let end = parts.iter().map(|p| p.end).max().unwrap_or(r.end);
            kept = end;
            out.push(Hit { span: start..end, parts: parts.clone() });
        }
        out
    }

    /// `text` with every match blanked out, byte for byte (as `text::mask` blanks words, so
    /// nothing after a match shifts); `text` itself where there is none.
    pub fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let hits = self.find(text);
        if hits.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        for h in hits {
            out.push_str(&text[from..h.span.start]);
            out.extend(std::iter::repeat_n('_', h.span.len()));
            from = h.span.end;
        }
        out.push_str(&text[from..]);
        Cow::Owned(out)
    }

    /// Whether `text` has a match.
    pub fn is_in(&self, text: &str) -> bool {
        !self.find(text).is_empty()
    }

    /// Asks, for one text, whether the phrase is in what follows a place, for places that
    /// only move forward (a rule asking after each of its matches): the answer costs one scan
    /// of the text in all, not one per question.
    pub fn after<'t>(&self, text: &'t str) -> After<'t> {
        After { phrase: *self, text, anchors: None, known: None }
    }

    /// The lists of the parts, resolved for one text.
    fn matcher<'t>(&self, text: &'t str) -> Matcher<'static, 't> {
        Matcher {
            parts: self.0,
            lists: self
                .0
                .iter()
                .map(|p| match p {
                    Part::Word(w) | Part::Key(w) | Part::Maybe(w) => Some(List::of(*w)),
                    Part::Gap(_) => None,
                })
                .collect(),
            text,
        }
    }

    /// The part the search starts from: the key, or else the first word.
    fn anchor(&self) -> Option<usize> {
        self.0
            .iter()
            .position(|p| matches!(p, Part::Key(_)))
            .or_else(|| self.0.iter().position(|p| matches!(p, Part::Word(_))))
    }
}

/// [`Phrase::after`]: whether the phrase is in `text[from..]`, for `from` that never moves back.
pub struct After<'t> {
    phrase: Phrase,
    text: &'t str,
    /// Where the anchor's list matches in the whole text, found on the first question.
    anchors: Option<Vec<Range<usize>>>,
    /// The last question that scanned: from where, and where the first match found from there
    /// starts. That match answers every later question from up to its start; no match
    /// answers every later question.
    known: Option<(usize, Option<usize>)>,
}

impl After<'_> {
    /// Whether the phrase matches inside `text[from..]`.
    pub fn is_in_from(&mut self, from: usize) -> bool {
        match self.known {
            Some((asked, None)) if from >= asked => return false,
            Some((asked, Some(start))) if from >= asked && from <= start => return true,
            _ => {}
        }
        let found = self.first_from(from);
        self.known = Some((from, found));
        found.is_some()
    }

    /// Where the first match inside `text[from..]` starts.
    fn first_from(&mut self, from: usize) -> Option<usize> {
        let phrase = self.phrase;
        let anchor = phrase.anchor()?;
        let (Part::Word(first) | Part::Key(first)) = phrase.0[anchor] else { return None };
        let text = self.text;
        let anchors = self.anchors.get_or_insert_with(|| find_all(text, first).into_iter().map(|(r, _)| r).collect());
        let m = phrase.matcher(text);
        let mut parts = vec![0..0; phrase.0.len()];
        let skip = anchors.partition_point(|r| r.start < from);
        anchors[skip..].iter().find_map(|r| {
            parts[anchor] = r.clone();
            (m.forward(anchor + 1, r.end, &mut parts) && m.backward(anchor, r.start, from, &mut parts))
                .then(|| parts.iter().map(|p| p.start).min().unwrap_or(r.start))
        })
    }
}

impl Matcher<'_, '_> {
    /// Matches parts `i..` from byte `at` on, filling `parts`; nearest first.
    fn forward(&self, i: usize, at: usize, parts: &mut [Range<usize>]) -> bool {
        let Some(part) = self.parts.get(i) else { return true };
        let text = self.text;
        match (*part, self.lists[i]) {
            (Part::Word(_) | Part::Key(_), Some(list)) => list.words_at(text, at).any(|w| {
                parts[i] = at..at + w.len();
                self.forward(i + 1, at + w.len(), parts)
            }),
            (Part::Maybe(_), Some(list)) => {
                list.words_at(text, at).any(|w| {
                    parts[i] = at..at + w.len();
                    self.forward(i + 1, at + w.len(), parts)
                }) || {
                    parts[i] = at..at;
                    self.forward(i + 1, at, parts)
                }
            }
            (Part::Gap(most), _) => {
                let mut end = at;
                let mut chars = text[at..].chars();
                for taken in 0..=most {
                    parts[i] = at..end;
                    if self.forward(i + 1, end, parts) {
                        return true;
                    }
                    match chars.next() {
                        Some(c) if !is_clause_end(c) && taken < most => end += c.len_utf8(),
                        _ => break,
                    }
                }
                false
            }
            _ => false,
        }
    }

    /// Matches parts `..i` backwards, the last of them ending at byte `at`, not before `floor`.
    fn backward(&self, i: usize, at: usize, floor: usize, parts: &mut [Range<usize>]) -> bool {
        let Some(i) = i.checked_sub(1) else { return true };
        let text = self.text;
        match (self.parts[i], self.lists[i]) {
            (Part::Word(_) | Part::Key(_), Some(list)) => list.words_before(text, at).into_iter().any(|w| {
                at - w.len() >= floor && {
                    parts[i] = at - w.len()..at;
                    self.backward(i, at - w.len(), floor, parts)
                }
            }),
            (Part::Maybe(_), Some(list)) => {
                list.words_before(text, at).into_iter().any(|w| {
                    at - w.len() >= floor && {
                        parts[i] = at - w.len()..at;
                        self.backward(i, at - w.len(), floor, parts)
                    }
                }) || {
                    parts[i] = at..at;
                    self.backward(i, at, floor, parts)
                }
            }
            (Part::Gap(most), _) => {
                let mut start = at;
                let mut chars = text[floor..at].chars();
                for taken in 0..=most {
                    parts[i] = start..at;
                    if self.backward(i, start, floor, parts) {
                        return true;
                    }
                    match chars.next_back() {
                        Some(c) if !is_clause_end(c) && taken < most => start -= c.len_utf8(),
                        _ => break,
                    }
                }
                false
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADD: Words = words!["加", "添加"];
    const CHANNEL: Words = words!["微信", "vx", "qq"];
    const YOU: Words = words!["你", "您"];
    const SELF: Words = words!["自己"];
    const ASK: Words = words!["去问", "问"];
    const PARTY: Words = words!["快递", "支付宝"];

    #[test]
    fn mask_blanks_each_match_byte_for_byte() {
        let p = Phrase(&[Part::Word(ADD), Part::Gap(4), Part::Key(CHANNEL)]);
        let text = "加我微信,或者添加qq号";
        let masked = p.mask(text);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked, format!("{},或者{}号", "_".repeat("加我微信".len()), "_".repeat("添加qq".len())));
        assert!(matches!(p.mask("您好"), Cow::Borrowed("您好")));
    }

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

    #[test]
    fn required_words_and_gaps_before_the_anchor_read_backwards() {
        const DEGREE: Words = words!["太", "很"];
        const BAD: Words = words!["慢", "差"];
        let p = Phrase(&[Part::Word(DEGREE), Part::Key(BAD)]);
        let text = "快递太慢了,态度很差";
        let hits = p.find(text);
        assert_eq!(hits.iter().map(|h| &text[h.span.clone()]).collect::<Vec<_>>(), ["太慢", "很差"]);
        assert!(!p.is_in("有点慢"));
        const ALL: Words = words!["都"];
        const DAYS: Words = words!["天了"];
        let p = Phrase(&[Part::Word(ALL), Part::Gap(4), Part::Key(DAYS)]);
        assert!(p.is_in("都第三天了"));
        assert!(!p.is_in("都,三天了"), "a gap stops at a clause end");
        assert!(!p.is_in("都过了好多好多天了"));
    }

    #[test]
    fn after_answers_as_a_search_of_the_rest_would() {
        const BUT: Words = words!["不过", "但"];
        const CAN: Words = words!["可以", "能"];
        let p = Phrase(&[Part::Word(BUT), Part::Gap(4), Part::Key(CAN)]);
        let text = "不能开专票,不过可以开普票。不能改地址。但是能拦截,不行";
        let mut after = p.after(text);
        for from in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
            assert_eq!(after.is_in_from(from), p.is_in(&text[from..]), "from {from}");
        }
        // Asked out of order too.
        let mut after = p.after(text);
        for from in [31, 0, text.len(), 12] {
            assert_eq!(after.is_in_from(from), p.is_in(&text[from..]), "from {from}");
        }
        assert!(!Phrase(&[Part::Word(BUT), Part::Key(CAN)]).after("").is_in_from(0));
    }
}
