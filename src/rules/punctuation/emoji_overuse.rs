use crate::finding::Lints;
use std::ops::Range;

use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};

declare_rule! {
    /// ## What it does
    /// Flags emoji beyond what the platform's style tolerates (`Platform::emoji_tolerance`:
    /// Taobao/Pinduoduo one in a row and two in a reply, JD/generic one, Douyin two in a row
    /// and four in a reply): a run that is too long keeps its first emoji; a reply with too
    /// many keeps the first ones and loses the rest.
    ///
    /// Left alone: one friendly emoji (“好的亲😊”), emoticons made of letters.
    ///
    /// ## Why is this bad?
    /// The etiquette guide: emoji “需符合品牌调性且不过度”. A string of emoji looks careless,
    /// hides the answer, and can be misread.
    ///
    /// ## Example
    /// ```text
    /// 好的亲,马上给您发货😊😊😊
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 好的亲,马上给您发货😊
    /// ```
    pub struct EmojiOveruse {
        id: "punctuation.emoji-overuse",
        category: Punctuation,
        severity: Warning,
        title: "表情过多",
        summary: "表情太多显得随意,还会盖住答案;一个友好的表情就够了。",
    }
}

impl Rule for EmojiOveruse {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let emoji = cx.draft.emoji();
        if emoji.is_empty() {
            return;
        }
        let (max_run, max_total) = cx.platform.emoji_tolerance();
        let text = cx.draft.folded();
        // Runs: emoji next to each other (spaces between still count as a run).
        let mut runs: Vec<Range<usize>> = Vec::new(); // index ranges into `emoji`
        for (i, e) in emoji.iter().enumerate() {
            match runs.last_mut() {
                Some(run) if text[emoji[run.end - 1].end..e.start].trim().is_empty() => run.end = i + 1,
                _ => runs.push(i..i + 1),
            }
        }
        let mut flagged_run = false;
        for run in &runs {
            if run.len() <= max_run {
                continue;
            }
            flagged_run = true;
            let keep = &emoji[run.start..run.start + max_run];
            let span = keep[0].start..emoji[run.end - 1].end;
            let kept: String = keep.iter().map(|r| cx.draft.raw_text(r)).collect();
            out.push(Self::META.lint(span, "连续表情太多,保留一个就好").suggest(kept));
        }
        // Too many in the reply (counting each run once it has been cut to its limit).
        let total: usize = runs.iter().map(|r| r.len().min(max_run)).sum();
        if flagged_run || total <= max_total || emoji.len() <= max_total {
            return;
        }
        // From the last emoji kept to the last one: keep the words between, drop the emoji.
        let last_kept = &emoji[max_total - 1];
        let span = last_kept.start..emoji[emoji.len() - 1].end;
        let mut fixed = String::from(cx.draft.raw_text(last_kept));
        let mut at = last_kept.end;
        for e in &emoji[max_total..] {
            fixed.push_str(cx.draft.raw_text(&(at..e.start)));
            at = e.end;
        }
        out.push(
            Self::META
                .lint(span, format!("表情偏多,一条回复{max_total}个以内为宜"))
                .with_severity(Severity::Hint)
                .suggest(fixed),
        );
    }
}
