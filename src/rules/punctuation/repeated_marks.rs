use crate::config::Platform;
use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};

declare_rule! {
    /// ## What it does
    /// Flags runs of marks: three or more exclamation marks (!!! / ！！！), two or more
    /// question marks (?? / ？？), mixed ?! / !?, repeated full stops (。。 / 。。。) and
    /// three or more tildes (~~~ / ～～～, a hint: a cute style more than a shout), and offers
    /// one mark, typed the way the agent typed the first. (On Douyin, where the register is
    /// livelier, a hint.)
    ///
    /// A double exclamation mark (请尽快付款!!) is a hint. Left alone: a single exclamation
    /// mark, one or two tildes, and ellipses (“……”, “...”).
    ///
    /// ## Why is this bad?
    /// The etiquette guide allows “适当使用标点符号(如感叹号)” but not to excess: !!! reads as
    /// shouting, ?? as an interrogation, 。。。 as a sigh.
    ///
    /// ## Example
    /// ```text
    /// 音质超好的!!!!
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 音质超好的!
    /// ```
    pub struct RepeatedMarks {
        id: "punctuation.repeated-marks",
        category: Punctuation,
        severity: Warning,
        title: "重复标点",
        summary: "“!!!”像在吼、“??”像在质问;标点用一个就好。",
    }
}

/// The shortest run of ~ flagged.
const TILDE_RUN: usize = 3;

impl Rule for RepeatedMarks {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            // A run of three or more ~ (哦~~~~~): one is friendly, a run is noise, though
            // milder than !!!.
            if c == '~' {
                let mut end = start + 1;
                while chars.peek().is_some_and(|&(_, d)| d == '~') {
                    end += 1;
                    chars.next();
                }
                if end - start >= TILDE_RUN {
                    out.push(
                        Self::META
                            .lint(start..end, "波浪号连用太多,留一个就好")
                            .with_severity(Severity::Hint)
                            .suggest("~"),
                    );
                }
                continue;
            }
            if !matches!(c, '!' | '?' | '。') {
                continue;
            }
            let (mut end, mut bangs, mut asks, mut stops) = (start + c.len_utf8(), 0, 0, 0);
            let mut count = |c: char| match c {
                '!' => bangs += 1,
                '?' => asks += 1,
                _ => stops += 1,
            };
            count(c);
            while let Some(&(i, d)) = chars.peek() {
                if !matches!(d, '!' | '?' | '。') {
                    break;
                }
                count(d);
                end = i + d.len_utf8();
                chars.next();
            }
            let mixed = (bangs > 0) as u8 + (asks > 0) as u8 + (stops > 0) as u8 > 1;
            let loud = bangs >= 3 || asks >= 2 || stops >= 2 || (mixed && bangs + asks >= 2);
            // “请尽快付款!!”: a double mark, louder than one, a hint (blind writers flagged
            // every one of 14; in real replies it is rare).
            let double = !mixed && bangs == 2;
            if !loud && !double {
                continue;
            }
            // Keep one mark: the question mark if it asks, else the first one typed.
            let span = start..end;
            let raw = cx.draft.raw_text(&span);
            let keep = if asks > 0 {
                raw.chars().find(|c| matches!(c, '?' | '？')).unwrap_or('?')
            } else {
                raw.chars().next().unwrap_or('。')
            };
            let severity = if cx.platform == Platform::Douyin || !loud { Severity::Hint } else { Severity::Warning };
            out.push(
                Self::META
                    .lint(span, "连续标点显得情绪化,留一个就好")
                    .with_severity(severity)
                    .suggest(keep.to_string()),
            );
        }
    }
}
