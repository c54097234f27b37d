//! Syntax tree to a Thompson program, searched by a Pike VM: every thread advances one
//! character at a time, so a search takes time linear in the text whatever the pattern.
//! Threads are kept in priority order and a match cuts off the lower ones, which gives the
//! `regex` crate's leftmost-first matches (the first alternative, greedy repeats).
//!
//! All the matches of a text are found in one pass. Restarting after each match would read
//! the text again from the end of the match: `a(.*x)?` on `aaa…` learns that a match is only
//! `a` at the end of the text, so restarting is quadratic. Instead, once a search has a
//! match that longer threads may still extend, the search for the next match starts right
//! there, alongside: its threads are a new *generation*, after (below) the older ones in the
//! same list. When an older generation extends its match, the younger ones are dropped (they
//! started too early) and a new one starts; when it has no threads left, its match is final.
//! A younger thread at an instruction an older one holds is dropped like any lower thread:
//! the older one reads the same text from there, so if the younger one could match, the
//! older one would match first and drop it anyway. Each instruction so holds one thread at a
//! time, and a search costs at most about (instructions × characters) steps.

use super::parse::{merge, Node, Ranges};

#[derive(Clone, Copy, Debug)]
enum Inst {
    Char(char),
    /// A character set, by its number in `Program::sets`.
    Class(u32),
    /// Try both, the first preferred.
    Split(u32, u32),
    Jump(u32),
    Start,
    End,
    Match,
}

#[derive(Clone, Debug)]
pub(super) struct Program {
    insts: Vec<Inst>,
    /// Each distinct character set once.
    sets: Vec<Set>,
    /// The characters a match can begin with (anchors skipped): where a search may start.
    first: First,
}

/// A set of characters: a bitmap for ASCII, sorted ranges for the rest.
#[derive(Clone, Debug)]
pub(super) struct Set {
    ascii: u128,
    pub(super) ranges: Ranges,
}

impl Set {
    pub(super) fn new(ranges: Ranges) -> Set {
        let mut ascii = 0u128;
        for &(low, high) in &ranges {
            for c in low..=high.min('\u{7f}') {
                ascii |= 1 << c as u32;
            }
        }
        Set { ascii, ranges }
    }

    fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            return self.ascii & (1 << c as u32) != 0;
        }
        self.ranges
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
}

/// A set of characters looked for at every position of a search: one character by
/// `str::find` (memchr); otherwise the text's bytes are scanned for the first bytes of the
/// set's UTF-8 forms (a CJK text skips `\d` or `[a-z]` without decoding a character), and
/// the characters found there are tested by the set.
#[derive(Clone, Debug)]
struct First {
    set: Set,
    only: Option<char>,
    lead: [bool; 256],
}

impl First {
    fn new(ranges: Ranges) -> First {
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
        First { set: Set::new(ranges), only, lead }
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
            if self.set.contains(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
}

/// A thread: where it is in the program, where its match began, and which search
/// (generation) it belongs to.
#[derive(Clone, Copy)]
struct Thread {
    pc: u32,
    gen: u32,
    start: usize,
}

#[cfg(test)]
thread_local! {
    /// Steps of the searches on this thread (instructions visited, threads advanced): the
    /// tests' measure of a search's cost.
    pub(super) static STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl Program {
    /// Compiles a tree whose size `parse` has bounded.
    pub(super) fn compile(node: &Node, sets: Vec<Set>) -> Program {
        let mut c = Compiler { insts: Vec::with_capacity(super::parse::size(node) + 1) };
        c.node(node);
        c.insts.push(Inst::Match);
        let mut first = Vec::new();
        let mut seen = vec![false; c.insts.len() + sets.len()];
        firsts(&c.insts, &sets, 0, &mut seen, &mut first);
        Program { insts: c.insts, sets, first: First::new(merge(first)) }
    }

    /// How many instructions the program has.
    pub(super) fn len(&self) -> usize {
        self.insts.len()
    }

    #[cfg(test)]
    pub(super) fn sets_len(&self) -> usize {
        self.sets.len()
    }

    /// The bytes the program holds on the heap.
    #[cfg(test)]
    pub(super) fn heap_bytes(&self) -> usize {
        let set = |s: &Set| std::mem::size_of::<Set>() + s.ranges.capacity() * std::mem::size_of::<(char, char)>();
        self.insts.capacity() * std::mem::size_of::<Inst>()
            + self.sets.iter().map(set).sum::<usize>()
            + set(&self.first.set)
    }

    /// The non-overlapping leftmost-first matches in `text`, as (generation, start, end)
    /// with byte offsets, in one pass; only the first one (not necessarily its final end)
    /// when `any`.
    pub(super) fn find_all(&self, text: &str, any: bool) -> Vec<(u32, usize, usize)> {
        let size = self.insts.len();
        let (mut current, mut next) = (ThreadList::new(size), ThreadList::new(size));
        let mut stack = Vec::new();
        // Each set's answer for the character at a position: (position + 1) × 2 + contains.
        let mut memo = vec![0; self.sets.len()];
        // A generation's match is final once no older thread runs; the others may still be
        // replaced by an older generation's longer match.
        let mut out: Vec<(u32, usize, usize)> = Vec::new();
        // The generation looking for its first match; every older one has one in `out`.
        let mut open = 0;
        let mut at = 0;
        loop {
            if current.list.is_empty() {
                // Nothing runs, nothing is pending: go to where a match may begin.
                match self.first.find(&text[at..]) {
                    Some(skip) => at += skip,
                    None => return out,
                }
            }
            let c = text[at..].chars().next();
            let start = c.is_some_and(|c| self.first.set.contains(c));
            if start {
                self.add(&mut current, &mut stack, Thread { pc: 0, gen: open, start: at }, at, text.len());
            }
            let width = c.map_or(0, char::len_utf8);
            let mut i = 0;
            while let Some(&t) = current.list.get(i) {
                i += 1;
                #[cfg(test)]
                STEPS.with(|s| s.set(s.get() + 1));
                let step = match (self.insts[t.pc as usize], c) {
                    (Inst::Match, _) => {
                        // This generation's match, for now; the younger ones started too
                        // early, and so did this one's lower threads.
                        while out.last().is_some_and(|m| m.0 >= t.gen) {
                            out.pop();
                        }
                        out.push((t.gen, t.start, at));
                        if any {
                            return out;
                        }
                        open = t.gen + 1;
                        // The new generation may take the lower threads' places. (A match
                        // can't be empty: it can't reach this match from here.)
                        current.cut(i);
                        if start {
                            self.add(&mut current, &mut stack, Thread { pc: 0, gen: open, start: at }, at, text.len());
                        }
                        false
                    }
                    (Inst::Char(want), Some(c)) => want == c,
                    (Inst::Class(k), Some(c)) => {
                        let memo = &mut memo[k as usize];
                        if *memo >> 1 != at + 1 {
                            *memo = (at + 1) << 1 | usize::from(self.sets[k as usize].contains(c));
                        }
                        *memo & 1 == 1
                    }
                    _ => false,
                };
                if step {
                    self.add(&mut next, &mut stack, Thread { pc: t.pc + 1, ..t }, at + width, text.len());
                }
            }
            if c.is_none() {
                return out;
            }
            at += width;
            std::mem::swap(&mut current, &mut next);
            next.clear();
        }
    }

    /// Adds the thread at `t.pc` and everything it reaches without reading a character, in
    /// priority order.
    fn add(&self, list: &mut ThreadList, stack: &mut Vec<u32>, t: Thread, at: usize, end: usize) {
        let mut pc = t.pc;
        loop {
            #[cfg(test)]
            STEPS.with(|s| s.set(s.get() + 1));
            // Follow the preferred way; the other waits on the stack.
            let next = if !list.insert(pc) {
                None
            } else {
                match self.insts[pc as usize] {
                    Inst::Jump(to) => Some(to),
                    Inst::Split(first, second) => {
                        stack.push(second);
                        Some(first)
                    }
                    Inst::Start if at == 0 => Some(pc + 1),
                    Inst::End if at == end => Some(pc + 1),
                    Inst::Start | Inst::End => None,
                    Inst::Char(_) | Inst::Class(_) | Inst::Match => {
                        list.list.push(Thread { pc, ..t });
                        None
                    }
                }
            };
            match next.or_else(|| stack.pop()) {
                Some(to) => pc = to,
                None => return,
            }
        }
    }
}

struct Compiler {
    insts: Vec<Inst>,
}

impl Compiler {
    fn push(&mut self, inst: Inst) -> u32 {
        self.insts.push(inst);
        self.insts.len() as u32 - 1
    }

    fn here(&self) -> u32 {
        self.insts.len() as u32
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Char(c) => {
                self.push(Inst::Char(*c));
            }
            Node::Class(k) => {
                self.push(Inst::Class(*k));
            }
            Node::Start => {
                self.push(Inst::Start);
            }
            Node::End => {
                self.push(Inst::End);
            }
            Node::Concat(items) => {
                for item in items {
                    self.node(item);
                }
            }
            Node::Alt(items) => {
                // Split(a, next) a Jump(end) Split(b, next) b Jump(end) … last
                let mut jumps = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    if i + 1 == items.len() {
                        self.node(item);
                        break;
                    }
                    let split = self.push(Inst::Split(0, 0));
                    self.node(item);
                    jumps.push(self.push(Inst::Jump(0)));
                    self.insts[split as usize] = Inst::Split(split + 1, self.here());
                }
                let end = self.here();
                for j in jumps {
                    self.insts[j as usize] = Inst::Jump(end);
                }
            }
            Node::Repeat { node, min, max, greedy } => {
                for _ in 0..*min {
                    self.node(node);
                }
                match max {
                    // e* : L: Split(body, out) body Jump(L)
                    None => {
                        let split = self.push(Inst::Split(0, 0));
                        self.node(node);
                        self.push(Inst::Jump(split));
                        self.insts[split as usize] = choice(*greedy, split + 1, self.here());
                    }
                    // The optional copies nest, e(e(e)?)?: once one is skipped the repeat ends.
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(Inst::Split(0, 0)));
                            self.node(node);
                        }
                        let out = self.here();
                        for split in splits {
                            self.insts[split as usize] = choice(*greedy, split + 1, out);
                        }
                    }
                }
            }
        }
    }
}

fn choice(greedy: bool, body: u32, out: u32) -> Inst {
    if greedy {
        Inst::Split(body, out)
    } else {
        Inst::Split(out, body)
    }
}

/// The characters the instructions reachable from `pc` without reading can read first.
/// `seen` marks instructions, then sets (each set is added once).
fn firsts(insts: &[Inst], sets: &[Set], pc: u32, seen: &mut [bool], out: &mut Ranges) {
    if std::mem::replace(&mut seen[pc as usize], true) {
        return;
    }
    match insts[pc as usize] {
        Inst::Char(c) => out.push((c, c)),
        Inst::Class(k) => {
            if !std::mem::replace(&mut seen[insts.len() + k as usize], true) {
                out.extend_from_slice(&sets[k as usize].ranges);
            }
        }
        Inst::Split(a, b) => {
            firsts(insts, sets, a, seen, out);
            firsts(insts, sets, b, seen, out);
        }
        Inst::Jump(to) => firsts(insts, sets, to, seen, out),
        Inst::Start | Inst::End => firsts(insts, sets, pc + 1, seen, out),
        // Patterns that match the empty text are refused before this.
        Inst::Match => out.push(('\0', char::MAX)),
    }
}

/// Threads in priority order, and the instructions already reached (marked with the list's
/// current stamp).
struct ThreadList {
    list: Vec<Thread>,
    stamps: Vec<u32>,
    stamp: u32,
}

impl ThreadList {
    fn new(size: usize) -> ThreadList {
        ThreadList { list: Vec::with_capacity(size), stamps: vec![0; size], stamp: 1 }
    }

    /// Unmarks everything.
    fn unmark(&mut self) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.stamps.fill(0);
            self.stamp = 1;
        }
    }

    fn clear(&mut self) {
        self.list.clear();
        self.unmark();
    }

    /// Keeps the first `len` threads, and marks only their instructions. Instructions that
    /// only lead to them stay unmarked: a new search reaching one finds its thread's mark.
    fn cut(&mut self, len: usize) {
        self.list.truncate(len);
        self.unmark();
        for t in &self.list {
            self.stamps[t.pc as usize] = self.stamp;
        }
    }

    /// Marks `pc`; false if it was marked already.
    #[inline(always)]
    fn insert(&mut self, pc: u32) -> bool {
        let stamp = &mut self.stamps[pc as usize];
        if *stamp == self.stamp {
            return false;
        }
        *stamp = self.stamp;
        true
    }
}
