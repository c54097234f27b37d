use crate::finding::Lint;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_after, char_before, find_all};

declare_rule! {
    /// ## What it does
    /// Flags “不知道 / 不清楚 / 不了解” said by the agent about a fact the customer asked for.
    ///
    /// ## Why is this bad?
    /// The guides list “不知道” as the first phrase to replace: it tells the customer the
    /// question ends here. The agent can always promise to find out.
    ///
    /// Polite questions are left alone: “不知道您方便吗?” asks the customer something.
    ///
    /// ## Example
    /// ```text
    /// 这个我也不知道。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 这个我这边马上帮您核实一下。
    /// ```
    pub struct DontKnow {
        id: "blunt.dont-know",
        category: Blunt,
        severity: Warning,
        title: "“不知道”式回答",
    }
}

const PHRASES: &[&str] = &["不知道", "不清楚", "不了解", "不太清楚", "不太了解", "不晓得", "不懂"];
/// Who is speaking, right before the phrase; the span takes it in so the fix replaces it.
const SUBJECTS: &[&str] = &["我们也", "我这边也", "我这边", "我们", "我也", "我", "这边也", "这边"];
/// After the phrase, these turn it into a polite question or a report of the customer's state.
const QUESTION_AFTER: &[&str] = &["您", "你", "是否", "能否", "有没有", "要不要", "方不方便", "亲"];

impl Rule for DontKnow {
    fn check(&self, cx: &Context, out: &mut Vec<Lint>) {
        let text = cx.draft.folded();
        for (hit, _) in find_all(text, PHRASES) {
            if QUESTION_AFTER.iter().any(|q| text[hit.end..].starts_with(q)) {
                continue;
            }
            // “您不知道…”, “客户不清楚”: someone else's knowledge, not a refusal to help.
            if matches!(char_before(text, hit.start), Some('您' | '你' | '他' | '她' | '户' | '家')) {
                continue;
            }
            if char_after(text, hit.end) == Some('吗') {
                continue;
            }
            let start =
                SUBJECTS.iter().find(|s| text[..hit.start].ends_with(*s)).map_or(hit.start, |s| hit.start - s.len());
            out.push(Self::META.lint(start..hit.end, "“不知道”显得生硬,先承诺核实").suggest("我这边马上帮您核实一下"));
        }
    }
}
