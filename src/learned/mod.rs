//! The learned second opinion: per category, a logistic regression over the character 1-, 2-
//! and 3-grams of the folded draft, trained on labelled drafts by `scripts/train_hints.py`
//! (its weights: `weights.tsv`, generated; its evaluation: docs/quality.md).
//!
//! It reads wording no phrase list names, so it only ever backs a hint, and only where no rule
//! of the category fired (`rules/*/sounds_like.rs`). The n-grams are read as the script reads
//! them: the folded draft, whitespace as one space, between a start mark `^` and an end mark
//! `$`, each n-gram counted once.

use std::ops::Range;
use std::sync::LazyLock;

use crate::finding::Category;
use crate::text::Draft;

const WEIGHTS: &str = include_str!("weights.tsv");
/// Bounds that let a reading keep its tallies on the stack.
const MAX_HEADS: usize = 32;
const MAX_GRAMS: usize = 4096;
/// Fibonacci hashing of a packed n-gram into the slots.
const HASH: u64 = 0x9e37_79b9_7f4a_7c15;

/// One category's head: its bias and the score at which it speaks (both in weight steps).
struct Head {
    category: Category,
    bias: i32,
    threshold: i32,
}

struct Model {
    heads: Vec<Head>,
    /// Per n-gram (its characters packed 21 bits each, ascending, as `weights.tsv` lists
    /// them): where its (head, weight) pairs end in `weights` (they start where the previous
    /// n-gram's end).
    grams: Vec<(u64, u32)>,
    weights: Vec<(u8, i8)>,
    /// (key, `grams` index) by slot, at least twice as many slots as n-grams; key 0 is empty
    /// (no n-gram packs to 0).
    slots: Vec<(u64, u32)>,
    shift: u32,
}

/// The namespaces of the keys: the draft's n-grams, and the customer's (the top bit).
const DRAFT: u64 = 0;
const CUSTOMER: u64 = 1 << 63;

/// At most three characters, 21 bits each, the first in the highest bits.
fn pack(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |key, c| (key << 21) | u64::from(c))
}

impl Model {
    /// Parse `weights.tsv`. A malformed line is a build defect, found by the tests below.
    fn parse(tsv: &str) -> Result<Model, String> {
        let mut model =
            Model { heads: Vec::new(), grams: Vec::new(), weights: Vec::new(), slots: Vec::new(), shift: 0 };
        for (n, line) in tsv.lines().enumerate() {
            let bad = |what: &str| format!("weights.tsv line {}: {what}", n + 1);
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(first), Some(second), third) = (fields.next(), fields.next(), fields.next()) else {
                return Err(bad("expected tab-separated fields"));
            };
            if let Some(name) = first.strip_prefix('@') {
                let category = Category::parse(name).ok_or_else(|| bad("unknown category"))?;
                let bias = second.parse().map_err(|_| bad("bias is not a number"))?;
                let threshold = third.and_then(|t| t.parse().ok()).ok_or_else(|| bad("threshold is not a number"))?;
                model.heads.push(Head { category, bias, threshold });
                continue;
            }
            let space = match first {
                "d" => DRAFT,
                "c" => CUSTOMER,
                _ => return Err(bad("an n-gram is the draft's (d) or the customer's (c)")),
            };
            let (gram, Some(weights)) = (second, third) else { return Err(bad("expected namespace, n-gram, weights")) };
            if gram.chars().count() > 3 || gram.is_empty() {
                return Err(bad("an n-gram has one to three characters"));
            }
            let key = space | pack(gram.chars());
            if model.grams.last().is_some_and(|&(last, _)| last >= key) {
                return Err(bad("n-grams must be listed in ascending order of their packed key"));
            }
            for pair in weights.split(',') {
                let (head, weight) = pair.split_once(':').ok_or_else(|| bad("expected head:weight"))?;
                let head: u8 = head.parse().map_err(|_| bad("head is not a number"))?;
                if usize::from(head) >= model.heads.len() {
                    return Err(bad("no such head"));
                }
                model.weights.push((head, weight.parse().map_err(|_| bad("weight is not an int8"))?));
            }
            model.grams.push((key, model.weights.len() as u32));
        }
        if model.heads.len() > MAX_HEADS || model.grams.len() > MAX_GRAMS {
            return Err(format!("weights.tsv: at most {MAX_HEADS} heads and {MAX_GRAMS} n-grams"));
        }
        model.build_slots();
        Ok(model)
    }

    /// Open addressing over `grams`: one multiply and usually one probe per n-gram of a draft.
    fn build_slots(&mut self) {
        let bits = (self.grams.len() * 2).next_power_of_two().trailing_zeros().max(4);
        self.slots = vec![(0, 0); 1 << bits];
        self.shift = 64 - bits;
        for (i, &(key, _)) in self.grams.iter().enumerate() {
            let mut at = (key.wrapping_mul(HASH) >> self.shift) as usize;
            while self.slots[at].0 != 0 {
                at = (at + 1) & (self.slots.len() - 1);
            }
            self.slots[at] = (key, i as u32);
        }
    }

    /// The index of an n-gram in `grams`.
    fn find(&self, key: u64) -> Option<usize> {
        let mut at = (key.wrapping_mul(HASH) >> self.shift) as usize;
        loop {
            match self.slots[at] {
                (0, _) => return None,
                (k, i) if k == key => return Some(i as usize),
                _ => at = (at + 1) & (self.slots.len() - 1),
            }
        }
    }

    /// The (head, weight) pairs of the n-gram at `index`.
    fn weights_of(&self, index: usize) -> &[(u8, i8)] {
        let start = if index == 0 { 0 } else { self.grams[index - 1].1 as usize };
        &self.weights[start..self.grams[index].1 as usize]
    }
}

static MODEL: LazyLock<Model> = LazyLock::new(|| Model::parse(WEIGHTS).unwrap_or_else(|e| panic!("{e}")));

/// What the model says of one draft: per category it speaks for, the clause that weighs most.
#[derive(Debug, Default)]
pub struct Opinion {
    said: Vec<(Category, Range<usize>)>,
}

/// Every n-gram of the marked text in one namespace (as `weights.tsv` lists them), once each:
/// its (head, weight) pairs and the folded byte of its middle character (the end mark stands at
/// the text's end).
fn each_gram(model: &Model, space: u64, text: &str, mut f: impl FnMut(&[(u8, i8)], usize)) {
    let mut counted = [0u64; MAX_GRAMS / 64];
    // The last three characters (packed) and the bytes of the last two, the newest last.
    let (mut key, mut at) = (0u64, [0usize; 2]);
    let mut seen = 0;
    let mut step = |c: char, byte: usize| {
        key = ((key << 21) | u64::from(c)) & ((1 << 63) - 1);
        seen += 1;
        for n in 1..=seen.min(3) {
            let Some(index) = model.find(space | (key & ((1 << (21 * n)) - 1))) else { continue };
            let (word, bit) = (index / 64, 1u64 << (index % 64));
            if counted[word] & bit == 0 {
                counted[word] |= bit;
                f(model.weights_of(index), if n == 3 { at[1] } else { byte });
            }
        }
        at = [at[1], byte];
    };
    step('^', 0);
    for (byte, c) in text.char_indices() {
        step(if c.is_whitespace() { ' ' } else { c }, byte);
    }
    step('$', text.len());
}

impl Opinion {
    /// Read a draft and the customer's folded message ([`crate::text::Customer::text`]).
    pub fn read(draft: &Draft, customer: &str) -> Opinion {
        let model = &*MODEL;
        let text = draft.folded();
        let mut score = [0i32; MAX_HEADS];
        for (s, h) in score.iter_mut().zip(&model.heads) {
            *s = h.bias;
        }
        for (space, text) in [(DRAFT, text), (CUSTOMER, customer)] {
            each_gram(model, space, text, |weights, _| {
                for &(head, weight) in weights {
                    score[usize::from(head)] += i32::from(weight);
                }
            });
        }
        let mut speaks = (0..model.heads.len()).filter(|&k| score[k] >= model.heads[k].threshold).peekable();
        if speaks.peek().is_none() {
            return Opinion::default();
        }
        // Where it speaks (seldom): per head and clause (one more for text after the last),
        // the weight for the category, to mark the clause that weighs most.
        let clauses = draft.clauses();
        let row = clauses.len() + 1;
        let mut by_clause = vec![0i32; model.heads.len() * row];
        let mut clause = 0;
        each_gram(model, DRAFT, text, |weights, at| {
            // The clause: how many clauses end at or before `at`. The middle characters come in
            // order but for one character back (a 3-gram's after a 2-gram's).
            while clause > 0 && at < clauses[clause - 1].range.end {
                clause -= 1;
            }
            while clause < clauses.len() && at >= clauses[clause].range.end {
                clause += 1;
            }
            for &(head, weight) in weights {
                by_clause[usize::from(head) * row + clause] += i32::from(weight);
            }
        });
        let said = speaks
            .map(|k| {
                let weights = &by_clause[k * row..(k + 1) * row];
                let best = (0..row).max_by_key(|&c| (weights[c], std::cmp::Reverse(c))).unwrap_or(0);
                (model.heads[k].category, clauses.get(best).map_or(0..text.len(), |s| s.range.clone()))
            })
            .collect();
        Opinion { said }
    }

    /// Where the model reads `category` in the draft, if it does.
    pub fn says(&self, category: Category) -> Option<Range<usize>> {
        self.said.iter().find(|(c, _)| *c == category).map(|(_, r)| r.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_parse_and_name_each_category_once() {
        let model = Model::parse(WEIGHTS).expect("weights.tsv parses");
        assert!(!model.heads.is_empty());
        let mut seen = std::collections::HashSet::new();
        for h in &model.heads {
            assert!(seen.insert(h.category), "{} twice", h.category.id());
            assert!(h.threshold > 0, "{} speaks below even odds", h.category.id());
        }
        assert!(model.grams.len() > 100, "only {} n-grams", model.grams.len());
    }

    /// Each `<category>.sounds-like` rule's doc names the probability its head speaks at, as
    /// `weights.tsv`'s threshold column has it (the logit in steps of 1/16, rounded up).
    #[test]
    fn each_rule_doc_names_its_heads_threshold() {
        let model = Model::parse(WEIGHTS).expect("weights.tsv parses");
        for h in &model.heads {
            let id = format!("{}.sounds-like", h.category.id());
            let rule = crate::Coach::rules().into_iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no rule {id}"));
            let doc = rule.doc.replace('\n', " ");
            let at = doc.find("probability of ").unwrap_or_else(|| panic!("{id}: no probability in its doc"));
            let p: f64 = doc[at + 15..at + 19].parse().unwrap_or_else(|e| panic!("{id}: {e}"));
            let threshold = ((p / (1.0 - p)).ln() * 16.0).ceil() as i32;
            assert_eq!(threshold, h.threshold, "{id}: its doc says {p}, weights.tsv's threshold is {}", h.threshold);
        }
    }

    #[test]
    fn a_malformed_line_is_an_error_with_its_line_number() {
        let err = Model::parse("@address\t-1\t28\nd\t好\t3:5\n").err().expect("no head 3");
        assert!(err.contains("line 2"), "{err}");
        assert!(Model::parse("@address\t-1\t28\nd\t的\t0:1\nd\t好\t0:1\n").is_err(), "out of order");
        assert!(Model::parse("@nope\t1\t2\n").is_err());
        assert!(Model::parse("@address\t1\t2\nx\t好\t0:1\n").is_err(), "no such namespace");
        // The customer's 好 is another feature than the draft's, listed after all of the draft's.
        let both = Model::parse("@address\t1\t2\nd\t好\t0:1\nd\t的\t0:1\nc\t好\t0:2\n").expect("parses");
        assert_ne!(both.find(pack("好".chars())), both.find(CUSTOMER | pack("好".chars())));
        assert!(Model::parse("@address\t1\t2\nd\t好的啊呀\t0:1\n").is_err());
    }

    #[test]
    fn packing_keeps_the_order_of_characters() {
        assert_ne!(pack("好的".chars()), pack("的好".chars()));
        assert_ne!(pack("好".chars()), pack("好的".chars()));
    }

    #[test]
    fn a_plain_answer_gets_no_opinion_and_spans_stay_inside_the_draft() {
        let draft = Draft::new("您好,已经为您查到物流信息,包裹今天下午送达。");
        let opinion = Opinion::read(&draft, "");
        assert!(opinion.said.is_empty(), "{:?}", opinion.said);
        for text in ["", "   ", "^$", "哈", "这个不归我们管,您去找快递吧,他们负责的"] {
            let draft = Draft::new(text);
            for (_, span) in Opinion::read(&draft, "").said {
                assert!(span.end <= draft.folded().len() && span.start <= span.end, "{text}: {span:?}");
            }
        }
    }
}
