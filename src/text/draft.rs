//! The agent's draft, read once and shared by every rule.
//!
//! Rules match against [`Draft::folded`] (width, case and script folded) and report byte
//! ranges in it. Because folding maps one character to one character, every folded range
//! corresponds to exactly one range of the typed text; [`Draft::utf16`] converts a folded
//! byte offset to the UTF-16 offset the contract promises, and is the only place that does.

use std::ops::Range;

use super::fold::{fold_after, fold_char};
use super::Words;

/// A sentence or a clause: a byte range of [`Draft::folded`], trimmed of spaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
}

#[derive(Clone, Copy, Debug)]
struct CharPos {
    folded: u32,
    raw: u32,
    utf16: u32,
}

#[derive(Debug)]
pub struct Draft {
    raw: String,
    folded: String,
    /// One entry per character, plus a sentinel for the end of the text.
    positions: Vec<CharPos>,
    sentences: Vec<Segment>,
    clauses: Vec<Segment>,
    emoji: Vec<Range<usize>>,
    /// What lies inside quotes, in order and disjoint (see [`quoted_spans`]).
    quotes: Vec<Range<usize>>,
}

/// Ends a sentence.
#[inline]
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n' | '…' | '｡')
}

/// Ends a clause (a sentence end always ends a clause too).
#[inline]
pub fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '、' | ':' | '~' | '，' | '；')
}

/// Punctuation and spaces that carry no words.
pub fn is_punct_or_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '。' | '、'
                | '…'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '「'
                | '」'
                | '『'
                | '』'
                | '《'
                | '》'
                | '【'
                | '】'
                | '〜'
                | '～'
                | '·'
                | '—'
                | '｡'
        )
}

/// A CJK ideograph (the blocks customer-service text uses).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// A pictographic emoji (not digits, not `#`, not CJK symbols).
#[inline]
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1F5FF | 0x1F600..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF
        | 0x1FA70..=0x1FAFF | 0x2600..=0x26FF | 0x2700..=0x27BF | 0x1F1E6..=0x1F1FF
        | 0x2B50 | 0x2B55 | 0x1F004 | 0x1F0CF)
}

/// Chat consoles' emoji codes, `[微笑]`, `[玫瑰]`: a name of [`EMOJI_CODES`] in square
/// brackets. Console labels (`[商品快照]`, `[子]`) and JD's masked data (`[数字x]`) are not.
fn emoji_codes(folded: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = folded[from..].find('[').map(|i| from + i) {
        let rest = &folded[open + 1..];
        let close = rest.char_indices().take(6).find(|&(_, c)| c == ']').map(|(i, _)| i);
        match close {
            Some(len) if EMOJI_CODES.contains(&rest[..len]) => {
                out.push(open..open + len + 2);
                from = open + len + 2;
            }
            _ => from = open + 1,
        }
    }
    out
}

/// The emoji names WeChat, QQ, 千牛 and 京麦 write as `[名字]`.
const EMOJI_CODES: Words = words![
    "微笑",
    "撇嘴",
    "色",
    "发呆",
    "得意",
    "流泪",
    "害羞",
    "闭嘴",
    "睡",
    "大哭",
    "尴尬",
    "发怒",
    "调皮",
    "呲牙",
    "惊讶",
    "难过",
    "酷",
    "冷汗",
    "抓狂",
    "吐",
    "偷笑",
    "可爱",
    "白眼",
    "傲慢",
    "饥饿",
    "困",
    "惊恐",
    "流汗",
    "憨笑",
    "奋斗",
    "咒骂",
    "疑问",
    "嘘",
    "晕",
    "衰",
    "骷髅",
    "敲打",
    "再见",
    "擦汗",
    "抠鼻",
    "鼓掌",
    "坏笑",
    "哈欠",
    "鄙视",
    "委屈",
    "快哭了",
    "阴险",
    "亲亲",
    "可怜",
    "玫瑰",
    "凋谢",
    "示爱",
    "爱心",
    "心碎",
    "蛋糕",
    "礼物",
    "拥抱",
    "强",
    "弱",
    "握手",
    "胜利",
    "抱拳",
    "拳头",
    "爱你",
    "飞吻",
    "跳跳",
    "发抖",
    "转圈",
    "挥手",
    "激动",
    "笑脸",
    "生病",
    "破涕为笑",
    "脸红",
    "捂脸",
    "奸笑",
    "机智",
    "皱眉",
    "耶",
    "红包",
    "吃瓜",
    "加油",
    "汗",
    "天啊",
    "旺柴",
    "打脸",
    "哇",
    "翻白眼",
    "叹气",
    "苦涩",
    "裂开",
    "嘿哈",
    "愉快",
    "大笑",
    "开心",
    "哭",
    "怒",
    "赞",
    "心",
    "花",
    "太阳",
    "月亮",
    "咖啡",
    "西瓜",
    "啤酒",
    "猪头",
    "便便",
    "炸弹",
    "闪电",
    "抱抱",
    "哈哈",
    "嘻嘻",
    "憨憨",
    "么么哒",
    "OK",
    "ok",
];

/// Joins onto the emoji before it: variation selectors, skin tones, ZWJ, keycap.
#[inline]
fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0x200D | 0x20E3 | 0xE0020..=0xE007F)
}

impl Draft {
    pub fn new(raw: &str) -> Draft {
        let mut folded = String::with_capacity(raw.len());
        let mut positions = Vec::with_capacity(raw.len() / 2 + 1);
        let mut utf16 = 0u32;
        // One pass: fold, and split the folded text into sentences, clauses and emoji.
        let (mut sentences, mut clauses, mut emoji) =
            (Splitter::new(MAX_SENTENCE), Splitter::new(MAX_CLAUSE), Emoji::default());
        let mut prev = '\0';
        for (raw_byte, c) in raw.char_indices() {
            let at = folded.len();
            positions.push(CharPos { folded: at as u32, raw: raw_byte as u32, utf16 });
            let f = fold_after(prev, fold_char(c));
            prev = f;
            folded.push(f);
            utf16 += c.len_utf16() as u32;
            sentences.step(&folded, at, f, is_sentence_end(f));
            clauses.step(&folded, at, f, is_clause_end(f));
            emoji.step(at, f);
        }
        positions.push(CharPos { folded: folded.len() as u32, raw: raw.len() as u32, utf16 });
        let (sentences, clauses) = (sentences.finish(&folded), clauses.finish(&folded));
        let mut emoji = emoji.runs;
        if folded.contains('[') {
            // Both in order: merged, not sorted (one sort in the crate: text::sort_by_keys).
            let codes = emoji_codes(&folded);
            if !codes.is_empty() {
                let pictographs = std::mem::take(&mut emoji);
                let (mut a, mut b) = (pictographs.into_iter().peekable(), codes.into_iter().peekable());
                while let Some(next) = match (a.peek(), b.peek()) {
                    (Some(x), Some(y)) if x.start <= y.start => a.next(),
                    (Some(_), None) => a.next(),
                    _ => b.next(),
                } {
                    emoji.push(next);
                }
            }
        }
        let quotes = quoted_spans(&folded);
        Draft { raw: raw.to_owned(), folded, positions, sentences, clauses, emoji, quotes }
    }

    /// The text as typed.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The text folded for matching (see [`super::fold`]).
    pub fn folded(&self) -> &str {
        &self.folded
    }

    pub fn is_blank(&self) -> bool {
        self.folded.chars().all(is_punct_or_space)
    }

    pub fn sentences(&self) -> &[Segment] {
        &self.sentences
    }

    pub fn clauses(&self) -> &[Segment] {
        &self.clauses
    }

    /// Byte ranges (in the folded text) of emoji, each with its modifiers.
    pub fn emoji(&self) -> &[Range<usize>] {
        &self.emoji
    }

    /// The quoted stretch around the folded byte offset `at`, without its quote marks: the
    /// customer's words repeated, a card message to be written, a product's name.
    pub fn quote_at(&self, at: usize) -> Option<Range<usize>> {
        let i = self.quotes.partition_point(|q| q.end <= at);
        self.quotes.get(i).filter(|q| q.start <= at).cloned()
    }

    /// The folded text of a range.
    pub fn text(&self, r: &Range<usize>) -> &str {
        &self.folded[r.clone()]
    }

    /// The typed text of a folded range (for suggestions that reuse the agent's words).
    pub fn raw_text(&self, r: &Range<usize>) -> &str {
        let (a, b) = (self.index(r.start), self.index(r.end));
        &self.raw[self.positions[a].raw as usize..self.positions[b].raw as usize]
    }

    /// The clauses lying wholly inside `r`, found by binary search (a rule may ask this
    /// for every hit without reading the whole draft each time).
    pub fn clauses_in(&self, r: &Range<usize>) -> &[Segment] {
        let from = self.clauses.partition_point(|c| c.range.start < r.start);
        let to = from + self.clauses[from..].partition_point(|c| c.range.end <= r.end);
        &self.clauses[from..to]
    }

    /// The clause containing the folded byte offset `at`.
    pub fn clause_at(&self, at: usize) -> Option<&Segment> {
        segment_at(&self.clauses, at)
    }

    /// The sentence containing the folded byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<&Segment> {
        segment_at(&self.sentences, at)
    }

    /// Whether the words at `at` are one side of a question that offers a choice (“请问是您自己找
    /// 电工装,还是需要我们安排师傅上门呢?”): 还是 after them, and the sentence asks.
    pub fn offers_a_choice(&self, at: usize) -> bool {
        self.sentence_at(at).is_some_and(|s| {
            let rest = &self.folded[at.min(s.range.end)..s.range.end];
            let words = rest.trim_end_matches(|c: char| is_punct_or_space(c) || c == '~');
            rest.contains("还是") && (rest.contains('?') || words.ends_with(['呢', '吗']))
        })
    }

    /// The sentence containing `at`, cut to the chat message around it: a chat log joins an
    /// agent's messages with spaces, and each says its own thing (“已为您申诉 还有其他可以帮您
    /// 的吗?”).
    pub fn message_at(&self, at: usize) -> Option<Range<usize>> {
        let s = self.sentence_at(at)?.range.clone();
        let text = &self.folded;
        let at = at.clamp(s.start, s.end);
        let start = text[s.start..at].rfind(char::is_whitespace).map_or(s.start, |i| s.start + i + 1);
        let end = text[at..s.end].find(char::is_whitespace).map_or(s.end, |i| at + i);
        Some(start..end)
    }

    /// UTF-16 offset of a folded byte offset. Offsets inside a character snap to its start.
    pub fn utf16(&self, folded_byte: usize) -> usize {
        self.positions[self.index(folded_byte)].utf16 as usize
    }

    /// Length of the typed text in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.positions.last().map_or(0, |p| p.utf16 as usize)
    }

    fn index(&self, folded_byte: usize) -> usize {
        let key = folded_byte.min(self.folded.len()) as u32;
        match self.positions.binary_search_by(|p| p.folded.cmp(&key)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

/// What lies inside quotes: “…”, ‘…’, 「…」, 『…』, 《…》, "…" and '…' (a nested pair is
/// part of the outer one). A double quote left open runs to the end of the text, as the agent
/// may still be typing it; a single straight quote never closed is an apostrophe.
fn quoted_spans(folded: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !folded.contains(|c: char| QUOTE_PAIRS.iter().any(|&(open, _)| open == c)) {
        return out;
    }
    // The pair that opened the outer stretch, where its text starts, and how deep the same
    // pair is nested inside it.
    let mut open: Option<((char, char), usize, u32)> = None;
    for (at, c) in folded.char_indices() {
        match open {
            None => {
                let Some(&pair) = QUOTE_PAIRS.iter().find(|&&(open, _)| open == c) else { continue };
                open = Some((pair, at + c.len_utf8(), 0));
            }
            Some((pair @ (opener, close), start, depth)) => {
                if c == close && depth == 0 {
                    out.push(start..at);
                    open = None;
                } else if c == close {
                    open = Some((pair, start, depth - 1));
                } else if c == opener {
                    open = Some((pair, start, depth + 1));
                }
            }
        }
    }
    if let Some(((_, close), start, _)) = open {
        if close != '\'' && close != '’' {
            out.push(start..folded.len());
        }
    }
    out
}

/// Quote marks, opening and closing (a straight quote closes itself).
const QUOTE_PAIRS: [(char, char); 7] =
    [('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』'), ('《', '》'), ('"', '"'), ('\'', '\'')];

/// The segment containing `at` (segments are sorted and disjoint: a binary search).
fn segment_at(segments: &[Segment], at: usize) -> Option<&Segment> {
    let i = segments.partition_point(|s| s.range.end <= at);
    segments.get(i).filter(|s| s.range.start <= at)
}

/// Segments that end after a terminator (runs of terminators, and the closing quotes and
/// brackets right after them, stay together), trimmed of spaces; empty ones are dropped. Fed
/// one character at a time.
#[derive(Default)]
struct Splitter {
    /// The longest segment, in bytes: text with no punctuation is cut into pieces of this
    /// size, so that rules reading a hit's clause or sentence read a bounded stretch (a
    /// 20,000-character paste without punctuation is not one clause).
    limit: usize,
    start: usize,
    /// Inside a run of terminators: where it ends so far.
    run: Option<usize>,
    out: Vec<Segment>,
}

/// The longest clause and sentence, in bytes of folded text (the longest clause among the
/// 18,087 JDDC sample replies is 554 bytes).
pub const MAX_CLAUSE: usize = 1024;
pub const MAX_SENTENCE: usize = 3072;

impl Splitter {
    fn new(limit: usize) -> Splitter {
        Splitter { limit, ..Splitter::default() }
    }

    /// `c` at byte `at` of `text` (which holds at least everything before it); `ends`: it
    /// is a terminator.
    #[inline]
    fn step(&mut self, text: &str, at: usize, c: char, ends: bool) {
        if self.run.is_some() && !ends && !matches!(c, '”' | '’' | '」' | ')' | '）') {
            self.close_run(text);
        }
        if self.run.is_none() && at - self.start >= self.limit {
            push_trimmed(&mut self.out, text, self.start..at);
            self.start = at;
        }
        if ends || self.run.is_some() {
            self.run = Some(at + c.len_utf8());
        }
    }

    /// The segment up to the end of the run, if inside one.
    fn close_run(&mut self, text: &str) {
        if let Some(run_end) = self.run.take() {
            push_trimmed(&mut self.out, text, self.start..run_end);
            self.start = run_end;
        }
    }

    fn finish(mut self, text: &str) -> Vec<Segment> {
        self.close_run(text);
        push_trimmed(&mut self.out, text, self.start..text.len());
        self.out
    }
}

fn push_trimmed(out: &mut Vec<Segment>, text: &str, r: Range<usize>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Segment { range: r.start + lead..r.end - trail });
    }
}

/// Emoji with their modifiers (a ZWJ sequence is one run), fed one character at a time.
#[derive(Default)]
struct Emoji {
    runs: Vec<Range<usize>>,
    after_zwj: bool,
}

impl Emoji {
    #[inline]
    fn step(&mut self, at: usize, c: char) {
        if (c as u32) < 0x200D {
            self.after_zwj = false;
            return;
        }
        let end = at + c.len_utf8();
        if is_emoji_modifier(c) {
            if let Some(last) = self.runs.last_mut().filter(|l| l.end == at) {
                last.end = end;
                self.after_zwj = c == '\u{200D}';
            }
        } else if is_emoji(c) {
            match self.runs.last_mut() {
                Some(last) if self.after_zwj && last.end == at => last.end = end,
                _ => self.runs.push(at..end),
            }
            self.after_zwj = false;
        } else {
            self.after_zwj = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_clauses() {
        let d = Draft::new("亲，您好！请问有什么可以帮您？ 好的。");
        let s: Vec<&str> = d.sentences().iter().map(|s| d.text(&s.range)).collect();
        assert_eq!(s, ["亲,您好!", "请问有什么可以帮您?", "好的。"]);
        let c: Vec<&str> = d.clauses().iter().map(|s| d.text(&s.range)).collect();
        assert_eq!(c, ["亲,", "您好!", "请问有什么可以帮您?", "好的。"]);
    }

    #[test]
    fn quoted_stretches() {
        let quoted = |t: &str| -> Vec<String> {
            let d = Draft::new(t);
            d.quotes.iter().map(|q| d.text(q).to_owned()).collect()
        };
        assert_eq!(quoted("贺卡写'你是我最好的朋友',明天送到"), ["你是我最好的朋友"]);
        assert_eq!(quoted("您说“不知道是不是正品”,我们是授权店"), ["不知道是不是正品"]);
        assert_eq!(quoted("《“你好”之歌》和「哦」"), ["“你好”之歌", "哦"]);
        // Full width folds to ASCII: ＂…＂ is "…".
        assert_eq!(quoted("刻字＂爱你＂"), ["爱你"]);
        // A double quote still open runs to the end; an apostrophe is no quote.
        assert_eq!(quoted("备注“你好"), ["你好"]);
        assert!(quoted("it's 您好").is_empty());
        let d = Draft::new("已备注'你是我的唯一',明天发");
        let at = d.folded().find('你').unwrap_or(0);
        assert_eq!(d.quote_at(at).map(|q| d.text(&q).to_owned()).as_deref(), Some("你是我的唯一"));
        assert_eq!(d.quote_at(d.folded().find('明').unwrap_or(0)), None);
    }

    #[test]
    fn text_without_punctuation_is_cut_into_bounded_pieces() {
        let long = "这个我帮你看一下".repeat(500);
        let d = Draft::new(&format!("{long}。好的"));
        for (segments, limit) in [(d.clauses(), MAX_CLAUSE), (d.sentences(), MAX_SENTENCE)] {
            assert!(segments.len() > long.len() / limit, "{} pieces", segments.len());
            assert!(segments.iter().all(|s| s.range.len() <= limit + 3), "a piece over {limit} bytes");
            // Together they still cover every character, in order.
            assert_eq!(segments.iter().map(|s| s.range.len()).sum::<usize>(), d.folded().len());
        }
        let c = d.clauses_in(&(0..d.folded().len()));
        assert_eq!(c.len(), d.clauses().len());
        assert_eq!(d.text(&d.clauses_in(&(long.len()..d.folded().len()))[0].range), "好的");
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let d = Draft::new("🙂𠮷好");
        let hao = d.folded().find('好').unwrap();
        assert_eq!(d.utf16(hao), 4);
        assert_eq!(d.utf16_len(), 5);
        // An offset inside a character snaps to its start, never splitting a pair.
        assert_eq!(d.utf16(1), 0);
    }

    #[test]
    fn raw_text_keeps_what_was_typed() {
        let d = Draft::new("ＳＫＵ不同");
        let r = 0..d.folded().find('不').unwrap();
        assert_eq!(d.text(&r), "sku");
        assert_eq!(d.raw_text(&r), "ＳＫＵ");
    }

    #[test]
    fn emoji_with_modifiers_are_one() {
        let d = Draft::new("好👍🏻👨‍👩‍👧!❤️");
        let e: Vec<&str> = d.emoji().iter().map(|r| d.text(r)).collect();
        assert_eq!(e, ["👍🏻", "👨‍👩‍👧", "❤️"]);
    }

    #[test]
    fn blank_drafts() {
        assert!(Draft::new("").is_blank());
        assert!(Draft::new(" \r\n。").is_blank());
        assert!(!Draft::new("好").is_blank());
        assert!(Draft::new("").sentences().is_empty());
    }
}
