use crate::finding::{Lint, Severity};
use crate::rules::{declare_rule, Context, Rule};
use crate::text::is_punct_or_space;

declare_rule! {
    /// ## What it does
    /// Flags a whole reply that is only 嗯 / 哦 / 好 / 行 / 知道了 / 收到 / ok, and offers a
    /// complete sentence. It is a warning when the customer asked something or complained,
    /// a hint otherwise (a lone “嗯嗯” after the customer's “好的” is merely short).
    ///
    /// Left alone: short answers that answer (“是的”, “有的”, “可以的”, “好的呢”) and the
    /// guides' own listening phrase “嗯,我明白了,您请说。”.
    ///
    /// ## Why is this bad?
    /// The guides ask for patience and no 敷衍: a lone “哦” or “嗯” reads as “I am not
    /// listening” and leaves the customer to ask again.
    ///
    /// ## Example
    /// ```text
    /// 哦。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 好的,我明白了,您请说。
    /// ```
    pub struct CurtReply {
        id: "impatience.curt-reply",
        category: Impatience,
        severity: Warning,
        title: "单字敷衍回复",
    }
}

const CURT: &[&str] = &[
    "嗯",
    "嗯嗯",
    "恩",
    "恩恩",
    "哦",
    "哦哦",
    "噢",
    "喔",
    "额",
    "呃",
    "好",
    "行",
    "知道了",
    "晓得了",
    "收到",
    "ok",
    "k",
    "哦了",
    "昂",
];

impl Rule for CurtReply {
    fn check(&self, cx: &Context, out: &mut Vec<Lint>) {
        let text = cx.draft.folded();
        let core = text.trim_matches(|c: char| is_punct_or_space(c) || c == '~');
        if !CURT.contains(&core) {
            return;
        }
        let asked = !cx.customer.questions.is_empty() || cx.customer.complaint || cx.customer.upset;
        let severity = if asked { Severity::Warning } else { Severity::Hint };
        let fix = if cx.customer.questions.is_empty() {
            "好的,我明白了,您请说。"
        } else {
            "好的,我明白了,【具体答复】。"
        };
        out.push(Self::META.lint(0..text.len(), "只回一个字显得敷衍").suggest(fix).with_severity(severity));
    }
}
