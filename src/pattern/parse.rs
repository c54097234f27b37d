//! Pattern text to syntax tree. Accepts a subset of the `regex` crate's syntax (see the
//! module docs of `pattern`) and says, for anything else, what and where. It also keeps the
//! compiled program small: each distinct character set is kept once (instructions refer to
//! it by number), and a piece whose program would pass [`MAX_PROGRAM`] instructions, or sets
//! past [`MAX_RANGES`] ranges, is refused where it is written.

use super::unicode::{DIGIT, SPACE, WORD};
use super::vm::Set;
use super::{ErrorKind, PatternError};

/// A set of characters: sorted, merged, inclusive ranges.
pub(super) type Ranges = Vec<(char, char)>;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Node {
    Empty,
    Char(char),
    /// A character set, by its number in [`Parsed::sets`].
    Class(u32),
    /// `^`: the start of the text.
    Start,
    /// `$`: the end of the text.
    End,
    Concat(Vec<Node>),
    /// Alternatives, the first preferred.
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

/// The largest count in `{n}`, `{n,}` and `{n,m}`.
pub(super) const MAX_COUNT: u32 = 100;
/// How deep groups may nest.
const MAX_DEPTH: usize = 32;
/// The most instructions one pattern compiles to (`Match` not counted): a search costs at
/// most about this many steps per character of the text. Counted repeats multiply.
pub(super) const MAX_PROGRAM: usize = 1_000;
/// The most ranges of all a pattern's distinct character sets (`\w` is 796, `\W` 797).
pub(super) const MAX_RANGES: usize = 4_000;

pub(super) struct Parsed {
    pub node: Node,
    pub sets: Vec<Set>,
}

pub(super) fn parse(pattern: &str) -> Result<Parsed, PatternError> {
    let mut p =
        Parser { chars: pattern.chars().collect(), at: 0, depth: 0, names: Vec::new(), sets: Vec::new(), ranges: 0 };
    let node = p.alternation()?;
    match p.peek() {
        None => Ok(Parsed { node, sets: p.sets }),
        Some(')') => Err(p.error(ErrorKind::UnopenedGroup)),
        Some(c) => Err(p.error(ErrorKind::Unsupported(c.to_string()))),
    }
}

struct Parser {
    chars: Vec<char>,
    at: usize,
    depth: usize,
    /// Group names so far (`regex` refuses a name used twice).
    names: Vec<String>,
    /// The distinct character sets so far, and their ranges.
    sets: Vec<Set>,
    ranges: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() != Some(c) {
            return false;
        }
        self.at += 1;
        true
    }

    fn error(&self, kind: ErrorKind) -> PatternError {
        PatternError { at: self.at + 1, kind }
    }

    fn error_at(&self, at: usize, kind: ErrorKind) -> PatternError {
        PatternError { at: at + 1, kind }
    }

    /// Refuses a piece written at `at` that makes its part of the program (`size`
    /// instructions) too large.
    #[inline(never)]
    fn budget(&self, at: usize, size: usize) -> Result<(), PatternError> {
        if size > MAX_PROGRAM {
            return Err(self.error_at(at, ErrorKind::TooLarge));
        }
        Ok(())
    }

    /// `a|b|…`, up to `)` or the end.
    fn alternation(&mut self) -> Result<Node, PatternError> {
        let mut alternatives = vec![self.concat()?];
        // Each alternative but the last adds a split and a jump.
        let mut total = size(&alternatives[0]);
        while self.eat('|') {
            let at = self.at;
            let next = self.concat()?;
            total += 2 + size(&next);
            self.budget(at, total)?;
            alternatives.push(next);
        }
        Ok(if alternatives.len() == 1 { alternatives.remove(0) } else { Node::Alt(alternatives) })
    }

    fn concat(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        let mut total = 0;
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let start = self.at;
            let atom = self.atom()?;
            let item = self.repetition(atom, start)?;
            total += size(&item);
            self.budget(start, total)?;
            items.push(item);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.remove(0),
            _ => Node::Concat(items),
        })
    }

    fn atom(&mut self) -> Result<Node, PatternError> {
        let at = self.at;
        let Some(c) = self.bump() else { return Ok(Node::Empty) };
        Ok(match c {
            '(' => self.group(at)?,
            '[' => {
                let ranges = self.class(at)?;
                self.set(at, ranges)?
            }
            '.' => self.set(at, complement(&[('\n', '\n')]))?,
            '^' => Node::Start,
            '$' => Node::End,
            '\\' => match self.escape(at)? {
                Escaped::Char(c) => Node::Char(c),
                Escaped::Class(ranges) => self.set(at, ranges)?,
            },
            '*' | '+' | '?' | '{' => return Err(self.error_at(at, ErrorKind::RepeatNothing(c))),
            ']' | '}' => return Err(self.error_at(at, ErrorKind::EscapeMe(c))),
            c => Node::Char(c),
        })
    }

    /// After `(`: `(…)`, `(?:…)`, `(?P<name>…)` or `(?<name>…)`; captures mean nothing here.
    fn group(&mut self, open: usize) -> Result<Node, PatternError> {
        if self.eat('?') {
            if self.eat(':') {
            } else if self.peek() == Some('<') || (self.peek() == Some('P') && self.peek_at(1) == Some('<')) {
                self.eat('P');
                self.eat('<');
                let name_start = self.at;
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                    self.at += 1;
                }
                let first = self.chars.get(name_start).copied();
                let name: String = self.chars[name_start..self.at].iter().collect();
                if name.is_empty() || !self.eat('>') || first.is_some_and(|c| c.is_ascii_digit()) {
                    return Err(self.error_at(open, ErrorKind::GroupName));
                }
                if self.names.contains(&name) {
                    return Err(self.error_at(open, ErrorKind::DuplicateName(name)));
                }
                self.names.push(name);
            } else {
                return Err(self.error_at(open, ErrorKind::Flags));
            }
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_at(open, ErrorKind::TooDeep));
        }
        let inner = self.alternation()?;
        self.depth -= 1;
        if !self.eat(')') {
            return Err(self.error_at(open, ErrorKind::UnclosedGroup));
        }
        Ok(inner)
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally followed by `?` (lazy).
    fn repetition(&mut self, atom: Node, start: usize) -> Result<Node, PatternError> {
        let at = self.at;
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => {
                self.at += 1;
                let min = self.count(at)?;
                let max = if self.eat(',') {
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(self.count(at)?)
                    }
                } else {
                    Some(min)
                };
                if self.peek() != Some('}') {
                    return Err(self.error_at(at, ErrorKind::BadCount));
                }
                if max.is_some_and(|max| max < min) {
                    return Err(self.error_at(at, ErrorKind::CountOrder));
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.at += 1;
        let greedy = !self.eat('?');
        if matches!(self.peek(), Some('*' | '+' | '?' | '{')) {
            return Err(self.error(ErrorKind::RepeatRepeat));
        }
        match atom {
            Node::Start | Node::End | Node::Empty => Err(self.error_at(at, ErrorKind::RepeatNothing(self.chars[at]))),
            atom if matches_empty(&atom) => Err(self.error_at(start, ErrorKind::RepeatEmpty)),
            atom => {
                let node = Node::Repeat { node: Box::new(atom), min, max, greedy };
                self.budget(at, size(&node))?;
                Ok(node)
            }
        }
    }

    /// The set `ranges` (written at `at`) as a node: the number of an equal set seen before,
    /// or a new one while all sets stay within [`MAX_RANGES`].
    fn set(&mut self, at: usize, ranges: Ranges) -> Result<Node, PatternError> {
        let i = match self.sets.iter().position(|s| s.ranges == ranges) {
            Some(i) => i,
            None => {
                self.ranges += ranges.len();
                if self.ranges > MAX_RANGES {
                    return Err(self.error_at(at, ErrorKind::TooManySets));
                }
                self.sets.push(Set::new(ranges));
                self.sets.len() - 1
            }
        };
        Ok(Node::Class(i as u32))
    }

    fn count(&mut self, brace: usize) -> Result<u32, PatternError> {
        let start = self.at;
        let mut n: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            n = n.saturating_mul(10).saturating_add(d);
            self.at += 1;
        }
        if self.at == start {
            return Err(self.error_at(brace, ErrorKind::BadCount));
        }
        if n > MAX_COUNT {
            return Err(self.error_at(brace, ErrorKind::CountTooLarge));
        }
        Ok(n)
    }

    /// After `\` (at `backslash`).
    fn escape(&mut self, backslash: usize) -> Result<Escaped, PatternError> {
        let Some(c) = self.bump() else { return Err(self.error_at(backslash, ErrorKind::TrailingBackslash)) };
        Ok(match c {
            'd' => Escaped::Class(DIGIT.to_vec()),
            'D' => Escaped::Class(complement(DIGIT)),
            's' => Escaped::Class(SPACE.to_vec()),
            'S' => Escaped::Class(complement(SPACE)),
            'w' => Escaped::Class(WORD.to_vec()),
            'W' => Escaped::Class(complement(WORD)),
            'n' => Escaped::Char('\n'),
            't' => Escaped::Char('\t'),
            'r' => Escaped::Char('\r'),
            // `\<` and `\>` are word boundaries in `regex`.
            c if c.is_ascii_punctuation() && c != '<' && c != '>' => Escaped::Char(c),
            c => return Err(self.error_at(backslash, ErrorKind::Escape(c))),
        })
    }

    /// After `[` (at `open`): `[…]` or `[^…]` with characters, ranges `a-z` and `\d`-style
    /// classes. Nested classes, `[:alpha:]` and set operations (`&&`, `--`, `~~`) are refused.
    fn class(&mut self, open: usize) -> Result<Ranges, PatternError> {
        let negated = self.eat('^');
        let mut ranges: Ranges = Vec::new();
        let mut first = true;
        loop {
            let at = self.at;
            let Some(c) = self.bump() else { return Err(self.error_at(open, ErrorKind::UnclosedClass)) };
            match c {
                ']' if first => return Err(self.error_at(open, ErrorKind::EmptyClass)),
                ']' => break,
                '[' => return Err(self.error_at(at, ErrorKind::NestedClass)),
                '&' | '-' | '~' if self.peek() == Some(c) => {
                    return Err(self.error_at(at, ErrorKind::ClassOperation(c)));
                }
                _ => {}
            }
            first = false;
            let low = match c {
                '\\' => match self.escape(at)? {
                    Escaped::Char(c) => c,
                    Escaped::Class(class) => {
                        if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                            return Err(self.error_at(at, ErrorKind::ClassRange));
                        }
                        ranges.extend(class);
                        continue;
                    }
                },
                c => c,
            };
            // A range `low-high`, unless the `-` is last. (`low--…` is `regex`'s set difference,
            // not a range up to `-`: refused like `--` anywhere else in a class.)
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                if self.peek_at(1) == Some('-') {
                    return Err(self.error_at(self.at, ErrorKind::ClassOperation('-')));
                }
                self.at += 1;
                let high_at = self.at;
                let high = match self.bump() {
                    Some('\\') => match self.escape(high_at)? {
                        Escaped::Char(c) => c,
                        Escaped::Class(_) => return Err(self.error_at(high_at, ErrorKind::ClassRange)),
                    },
                    Some('[') => return Err(self.error_at(high_at, ErrorKind::NestedClass)),
                    Some(c) => c,
                    None => return Err(self.error_at(open, ErrorKind::UnclosedClass)),
                };
                if high < low {
                    return Err(self.error_at(at, ErrorKind::ClassRange));
                }
                ranges.push((low, high));
            } else {
                ranges.push((low, low));
            }
        }
        let ranges = merge(ranges);
        Ok(if negated { complement(&ranges) } else { ranges })
    }
}

enum Escaped {
    Char(char),
    Class(Ranges),
}

/// How many instructions a node compiles to (see `vm::Compiler`); saturates.
pub(super) fn size(node: &Node) -> usize {
    match node {
        Node::Empty => 0,
        Node::Char(_) | Node::Class(_) | Node::Start | Node::End => 1,
        Node::Concat(items) => items.iter().map(size).fold(0, usize::saturating_add),
        Node::Alt(items) => items.iter().map(size).fold(2 * (items.len() - 1), usize::saturating_add),
        Node::Repeat { node, min, max, .. } => {
            let s = size(node);
            let extra = match max {
                None => s.saturating_add(2),
                Some(max) => ((max - min) as usize).saturating_mul(s.saturating_add(1)),
            };
            s.saturating_mul(*min as usize).saturating_add(extra)
        }
    }
}

/// Whether a node can match the empty text.
pub(super) fn matches_empty(node: &Node) -> bool {
    match node {
        Node::Empty | Node::Start | Node::End => true,
        Node::Char(_) | Node::Class(_) => false,
        Node::Concat(items) => items.iter().all(matches_empty),
        Node::Alt(items) => items.iter().any(matches_empty),
        Node::Repeat { node, min, .. } => *min == 0 || matches_empty(node),
    }
}

pub(super) fn merge(mut ranges: Ranges) -> Ranges {
    crate::text::sort_by_key(&mut ranges, |&(low, high)| (u128::from(low) << 32) | u128::from(high));
    let mut out: Ranges = Vec::with_capacity(ranges.len());
    for (low, high) in ranges {
        match out.last_mut() {
            Some(last) if next(last.1).is_none_or(|n| low <= n) => last.1 = last.1.max(high),
            _ => out.push((low, high)),
        }
    }
    out
}

/// Every character (surrogates are not characters) not in `ranges` (sorted, merged).
fn complement(ranges: &[(char, char)]) -> Ranges {
    let mut out = Vec::with_capacity(ranges.len() + 1);
    let mut from = Some('\0');
    for &(low, high) in ranges {
        if let Some(f) = from.filter(|&f| f < low) {
            out.push((f, prev(low).unwrap_or(f)));
        }
        from = next(high);
    }
    if let Some(f) = from {
        out.push((f, char::MAX));
    }
    out
}

fn next(c: char) -> Option<char> {
    match c {
        '\u{D7FF}' => Some('\u{E000}'),
        c => char::from_u32(c as u32 + 1),
    }
}

fn prev(c: char) -> Option<char> {
    match c {
        '\u{E000}' => Some('\u{D7FF}'),
        c => char::from_u32((c as u32).checked_sub(1)?),
    }
}
