//! Team packs' patterns: a small regular-expression engine, linear in the text.
//!
//! The syntax is a subset of the `regex` crate's, with the same matches (the tests compare
//! both on generated patterns and texts):
//!
//! | written | matches |
//! |---|---|
//! | `呵呵`, `a` | the characters themselves |
//! | `\.` `\*` `\(` … | a punctuation character itself (any ASCII punctuation but `<` `>`) |
//! | `\n` `\t` `\r` | line feed, tab, carriage return |
//! | `.` | any character but a line feed |
//! | `\d` `\s` `\w`, `\D` `\S` `\W` | a Unicode digit, space, word character (CJK included), or not |
//! | `[你您]`, `[a-z]`, `[^0-9\s]` | one character of the set, or not in it |
//! | `a\|b` | either, the first preferred |
//! | `(…)`, `(?:…)`, `(?P<name>…)` | a group |
//! | `*` `+` `?` `{n}` `{n,}` `{n,m}` | repeats (n, m ≤ 100), as many as possible; add `?` for as few |
//! | `^` `$` | the start, the end of the text |
//!
//! Not supported, with an error that says so: flags (`(?i)` …), `\b` and other assertions,
//! `\p{…}`, `\x…`, back-references, nested classes and class operations, and repeats of
//! something that can match nothing (`(a*)*`).
//!
//! Limits, so that no pattern costs much (refused with the reason, and where it is written
//! but for the length): at most [`MAX_LENGTH`] bytes; groups nested at most 32 deep; at most
//! 1,000 instructions once counted repeats and alternatives are spelled out (`(\w{99}){100}`
//! would be 9,900: refused at its `{100}`); character sets of at most 4,000 ranges in all
//! (`\w` is 796; each distinct set is kept once, whatever the number of places that use it).
//! A search finds every match in one pass and costs at most about 2 × (instructions ×
//! characters) steps ([`Pattern::size`]); a compiled pattern holds at most ~12 KB of
//! instructions and ~64 KB of sets.
//!
//! Why not the `regex` crate: in the WebAssembly module it was 327 KB of 729 KB (134 KB
//! gzipped), and Firefox compiles the whole module before the first check (18.6 → 9.1 ms
//! without it). This engine is ~15 KB, and team packs are a few dozen short patterns.

mod parse;
mod unicode;
mod vm;

use std::fmt;

use parse::{MAX_COUNT, MAX_PROGRAM, MAX_RANGES};
use vm::Program;

/// The longest pattern, in bytes (UTF-8: a CJK character is 3).
pub const MAX_LENGTH: usize = 500;

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    program: Program,
}

impl Pattern {
    /// Compiles `pattern`; refuses one that can match the empty text (it would flag nothing
    /// useful, everywhere), or one past the limits above.
    pub fn new(pattern: &str) -> Result<Pattern, PatternError> {
        if pattern.len() > MAX_LENGTH {
            return Err(PatternError { at: 0, kind: ErrorKind::TooLong });
        }
        let parsed = parse::parse(pattern)?;
        if parse::matches_empty(&parsed.node) {
            return Err(PatternError { at: 0, kind: ErrorKind::MatchesEmpty });
        }
        Ok(Pattern { program: Program::compile(&parsed.node, parsed.sets) })
    }

    /// The non-overlapping matches in `text`, leftmost first, as byte ranges.
    pub fn find_iter(&self, text: &str) -> impl Iterator<Item = std::ops::Range<usize>> {
        self.program.find_all(text, false).into_iter().map(|(_, start, end)| start..end)
    }

    pub fn is_match(&self, text: &str) -> bool {
        !self.program.find_all(text, true).is_empty()
    }

    /// The compiled program's instructions (at most 1,001): a search costs at most about
    /// this many steps per character of the text.
    pub fn size(&self) -> usize {
        self.program.len()
    }
}

/// What is wrong with a pattern, and where (the 1-based character position; 0 for the
/// pattern as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    pub at: usize,
    pub kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    UnclosedGroup,
    UnopenedGroup,
    UnclosedClass,
    EmptyClass,
    NestedClass,
    ClassOperation(char),
    ClassRange,
    RepeatNothing(char),
    RepeatRepeat,
    RepeatEmpty,
    BadCount,
    CountOrder,
    CountTooLarge,
    Escape(char),
    EscapeMe(char),
    TrailingBackslash,
    Flags,
    GroupName,
    DuplicateName(String),
    TooDeep,
    TooLarge,
    TooManySets,
    TooLong,
    MatchesEmpty,
    Unsupported(String),
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at > 0 {
            write!(f, "第 {} 个字符处", self.at)?;
            f.write_str(",")?;
        }
        match &self.kind {
            ErrorKind::UnclosedGroup => f.write_str("“(” 没有对应的 “)”"),
            ErrorKind::UnopenedGroup => f.write_str("“)” 没有对应的 “(”,字面的括号请写 \\)"),
            ErrorKind::UnclosedClass => f.write_str("“[” 没有对应的 “]”"),
            ErrorKind::EmptyClass => f.write_str("字符集 [] 是空的,字面的 ] 请写 \\]"),
            ErrorKind::NestedClass => f.write_str("字符集里不能再套 “[”,字面的 [ 请写 \\["),
            ErrorKind::ClassOperation(c) => write!(f, "不支持字符集运算 “{c}{c}”"),
            ErrorKind::ClassRange => f.write_str("字符范围无效(应是 a-z 这样由小到大的两个字符)"),
            ErrorKind::RepeatNothing(c) => write!(f, "“{c}” 前面没有可重复的内容,字面的 {c} 请写 \\{c}"),
            ErrorKind::RepeatRepeat => f.write_str("重复符号不能连用(如 “a**”)"),
            ErrorKind::RepeatEmpty => f.write_str("被重复的部分可以什么都不匹配(如 “(a*)*”),请改写"),
            ErrorKind::BadCount => f.write_str("次数应写成 {n}、{n,} 或 {n,m}"),
            ErrorKind::CountOrder => f.write_str("次数 {n,m} 中 n 不能大于 m"),
            ErrorKind::CountTooLarge => write!(f, "次数最多 {MAX_COUNT}"),
            ErrorKind::Escape(c) => write!(f, "不支持转义 “\\{c}”"),
            ErrorKind::EscapeMe(c) => write!(f, "字面的 {c} 请写 \\{c}"),
            ErrorKind::TrailingBackslash => f.write_str("末尾的 “\\” 后面缺少字符"),
            ErrorKind::Flags => f.write_str("不支持 (?…) 标志;分组请写 (…) 或 (?:…)"),
            ErrorKind::GroupName => f.write_str("分组名应写成 (?P<名称>…),名称由字母、数字和下划线组成"),
            ErrorKind::DuplicateName(name) => write!(f, "分组名 “{name}” 重复"),
            ErrorKind::TooDeep => f.write_str("括号嵌套过深"),
            ErrorKind::TooLarge => {
                write!(f, "表达式过于复杂(展开后超过 {MAX_PROGRAM} 步)")
            }
            ErrorKind::TooManySets => write!(f, "字符集过大(合计最多 {MAX_RANGES} 个区间)"),
            ErrorKind::TooLong => write!(f, "表达式过长(最多 {MAX_LENGTH} 字节)"),
            ErrorKind::MatchesEmpty => f.write_str("表达式会匹配空文本"),
            ErrorKind::Unsupported(s) => write!(f, "不支持 “{s}”"),
        }
    }
}

impl std::error::Error for PatternError {}

#[cfg(test)]
mod tests;
