//! Syntax tree to a Thompson program, searched by a Pike VM: every thread advances one
//! character at a time, so a search takes time linear in the text whatever the pattern.
//! Threads are kept in priority order and a match cuts off the lower ones, which gives the
//! `regex` crate's leftmost-first matches (the first alternative, greedy repeats).

use super::parse::{merge, Node, Ranges};
use super::{ErrorKind, PatternError};

/// The most instructions one pattern may compile to (counted repeats multiply).
const MAX_PROGRAM: usize = 10_000;

#[derive(Clone, Debug)]
enum Inst {
    Char(char),
    Class(Ranges),
    /// Try both, the first preferred.
    Split(usize, usize),
    Jump(usize),
    Start,
    End,
    Match,
}

#[derive(Clone, Debug)]
pub(super) struct Program {
    insts: Vec<Inst>,
    /// The characters a match can begin with (anchors skipped): where a search may start.
    first: First,
}

/// A set of characters looked for at every position of a search: one character by
/// `str::find` (memchr); otherwise the text's bytes are scanned for the first bytes of the
/// set's UTF-8 forms (a CJK text skips `\d` or `[a-z]` without decoding a character), and
/// the characters found there are tested by bitmap (ASCII) or by their ranges.
#[derive(Clone, Debug)]
struct First {
    ascii: u128,
    only: Option<char>,
    lead: [bool; 256],
    ranges: Ranges,
}

impl First {
    fn new(ranges: Ranges) -> First {
        let mut ascii = 0u128;
        for &(low, high) in &ranges {
            for c in low..=high.min('\u{7f}') {
                ascii |= 1 << c as u32;
            }
        }
        let only = match ranges[..] {
            [(low, high)] if low == high => Some(low),
            _ => None,
        };
        // UTF-8 first bytes grow with the code point; continuation bytes are never first.
        let lead_of = |c: char| c.encode_utf8(&mut [0; 4]).as_bytes()[0] as usize;
        let mut lead = [false; 256];
        for &(low, high) in &ranges {
            let (first, last) = (lead_of(low), lead_of(high));
            for (b, is_lead) in lead.iter_mut().enumerate().take(last + 1).skip(first) {
                *is_lead = !(0x80..0xC0).contains(&b);
            }
        }
        First { ascii, only, lead, ranges }
    }

    fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii & (1 << c as u32) != 0
        } else {
            contains(&self.ranges, c)
        }
    }

    /// Where in `text` the next character of the set is.
    fn find(&self, text: &str) -> Option<usize> {
        if let Some(c) = self.only {
            return text.find(c);
        }
        let bytes = text.as_bytes();
        let mut at = 0;
        loop {
            at += bytes.get(at..)?.iter().position(|&b| self.lead[b as usize])?;
            let c = text[at..].chars().next()?;
            if self.contains(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
}

impl Program {
    pub(super) fn compile(node: &Node) -> Result<Program, PatternError> {
        let mut c = Compiler { insts: Vec::new() };
        c.node(node)?;
        c.push(Inst::Match)?;
        let mut first = Vec::new();
        let mut seen = vec![false; c.insts.len()];
        firsts(&c.insts, 0, &mut seen, &mut first);
        Ok(Program { insts: c.insts, first: First::new(merge(first)) })
    }

    /// The leftmost-first match starting at or after byte `from` of `text`, as byte offsets.
    pub(super) fn find_at(&self, text: &str, from: usize, threads: &mut Threads) -> Option<(usize, usize)> {
        // Nothing to do before the pattern's first character.
        let mut at = from + self.first.find(text.get(from..)?)?;
        threads.reset(self.insts.len());
        let Threads { current, next, stack } = threads;
        let mut matched = None;
        loop {
            if matched.is_none() {
                if current.is_empty() {
                    at += self.first.find(text.get(at..)?)?;
                }
                if text[at..].chars().next().is_none_or(|c| self.first.contains(c)) {
                    self.add(current, stack, 0, at, at, text.len());
                }
            }
            if current.is_empty() {
                break;
            }
            let c = text[at..].chars().next();
            let width = c.map_or(0, char::len_utf8);
            for i in 0..current.list.len() {
                let (pc, start) = current.list[i];
                let step = match (&self.insts[pc], c) {
                    (Inst::Match, _) => {
                        matched = Some((start, at));
                        break;
                    }
                    (Inst::Char(want), Some(c)) => *want == c,
                    (Inst::Class(ranges), Some(c)) => contains(ranges, c),
                    _ => false,
                };
                if step {
                    self.add(next, stack, pc + 1, start, at + width, text.len());
                }
            }
            if c.is_none() {
                break;
            }
            at += width;
            std::mem::swap(current, next);
            next.clear();
        }
        matched
    }

    /// Adds the thread at `pc` and everything it reaches without reading a character, in
    /// priority order.
    fn add(&self, list: &mut ThreadList, stack: &mut Vec<usize>, pc: usize, start: usize, at: usize, end: usize) {
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if !list.insert(pc) {
                continue;
            }
            match self.insts[pc] {
                Inst::Jump(to) => stack.push(to),
                Inst::Split(first, second) => {
                    stack.push(second);
                    stack.push(first);
                }
                Inst::Start if at == 0 => stack.push(pc + 1),
                Inst::End if at == end => stack.push(pc + 1),
                Inst::Start | Inst::End => {}
                Inst::Char(_) | Inst::Class(_) | Inst::Match => list.list.push((pc, start)),
            }
        }
    }
}

struct Compiler {
    insts: Vec<Inst>,
}

impl Compiler {
    fn push(&mut self, inst: Inst) -> Result<usize, PatternError> {
        if self.insts.len() >= MAX_PROGRAM {
            return Err(PatternError { at: 0, kind: ErrorKind::TooLarge });
        }
        self.insts.push(inst);
        Ok(self.insts.len() - 1)
    }

    fn node(&mut self, node: &Node) -> Result<(), PatternError> {
        match node {
            Node::Empty => {}
            Node::Char(c) => {
                self.push(Inst::Char(*c))?;
            }
            Node::Class(ranges) => {
                self.push(Inst::Class(ranges.clone()))?;
            }
            Node::Start => {
                self.push(Inst::Start)?;
            }
            Node::End => {
                self.push(Inst::End)?;
            }
            Node::Concat(items) => {
                for item in items {
                    self.node(item)?;
                }
            }
            Node::Alt(items) => {
                // Split(a, next) a Jump(end) Split(b, next) b Jump(end) … last
                let mut jumps = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    if i + 1 == items.len() {
                        self.node(item)?;
                        break;
                    }
                    let split = self.push(Inst::Split(0, 0))?;
                    self.node(item)?;
                    jumps.push(self.push(Inst::Jump(0))?);
                    let next = self.insts.len();
                    self.insts[split] = Inst::Split(split + 1, next);
                }
                let end = self.insts.len();
                for j in jumps {
                    self.insts[j] = Inst::Jump(end);
                }
            }
            Node::Repeat { node, min, max, greedy } => {
                for _ in 0..*min {
                    self.node(node)?;
                }
                match max {
                    // e* : L: Split(body, out) body Jump(L)
                    None => {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.node(node)?;
                        self.push(Inst::Jump(split))?;
                        let out = self.insts.len();
                        self.insts[split] = self.choice(*greedy, split + 1, out);
                    }
                    // The optional copies nest, e(e(e)?)?: once one is skipped the repeat ends.
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(Inst::Split(0, 0))?);
                            self.node(node)?;
                        }
                        let out = self.insts.len();
                        for split in splits {
                            self.insts[split] = self.choice(*greedy, split + 1, out);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn choice(&self, greedy: bool, body: usize, out: usize) -> Inst {
        if greedy {
            Inst::Split(body, out)
        } else {
            Inst::Split(out, body)
        }
    }
}

/// The characters the instructions reachable from `pc` without reading can read first.
fn firsts(insts: &[Inst], pc: usize, seen: &mut [bool], out: &mut Ranges) {
    if std::mem::replace(&mut seen[pc], true) {
        return;
    }
    match &insts[pc] {
        Inst::Char(c) => out.push((*c, *c)),
        Inst::Class(ranges) => out.extend_from_slice(ranges),
        Inst::Split(a, b) => {
            firsts(insts, *a, seen, out);
            firsts(insts, *b, seen, out);
        }
        Inst::Jump(to) => firsts(insts, *to, seen, out),
        Inst::Start | Inst::End => firsts(insts, pc + 1, seen, out),
        // Patterns that match the empty text are refused before this.
        Inst::Match => out.push(('\0', char::MAX)),
    }
}

fn contains(ranges: &[(char, char)], c: char) -> bool {
    if ranges.len() <= 8 {
        return ranges.iter().any(|&(low, high)| low <= c && c <= high);
    }
    ranges
        .binary_search_by(|&(low, high)| {
            if high < c {
                std::cmp::Ordering::Less
            } else if low > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// A search's working memory, reused across the searches of one `find_iter`.
#[derive(Default)]
pub(super) struct Threads {
    current: ThreadList,
    next: ThreadList,
    stack: Vec<usize>,
}

impl Threads {
    fn reset(&mut self, size: usize) {
        self.current.resize(size);
        self.next.resize(size);
        self.current.clear();
        self.next.clear();
    }
}

/// Threads in priority order, with a sparse set of the instructions already added.
#[derive(Default)]
struct ThreadList {
    list: Vec<(usize, usize)>,
    dense: Vec<usize>,
    sparse: Vec<usize>,
}

impl ThreadList {
    fn resize(&mut self, size: usize) {
        if self.sparse.len() != size {
            self.sparse = vec![0; size];
            self.dense = Vec::with_capacity(size);
        }
    }

    fn clear(&mut self) {
        self.list.clear();
        self.dense.clear();
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Marks `pc`; false if it was marked already.
    fn insert(&mut self, pc: usize) -> bool {
        let i = self.sparse[pc];
        if i < self.dense.len() && self.dense[i] == pc {
            return false;
        }
        self.sparse[pc] = self.dense.len();
        self.dense.push(pc);
        true
    }
}
