use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{contains_any, is_punct_or_space, Words};

declare_rule! {
    /// ## What it does
    /// Flags a whole reply that is only 嗯 / 哦 / 好 / 行 / 知道了 / 收到 / ok, and offers a
    /// complete sentence. It is a warning when the customer asked an open question (什么时候,
    /// 怎么…) or complained, a hint otherwise (a lone “嗯嗯” after “是这个吗?” or after the
    /// customer's “好的” does answer, it is merely short).
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
        summary: "只回“嗯”“哦”像没在听;应回一句完整的话。",
    }
}

const CURT: Words = words![
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
    // To “在吗”: 说 / 你说 / 讲 is an order, not a welcome.
    "说",
    "说吧",
    "你说",
    "讲",
    "问吧",
    "啥事",
    "什么事",
];

/// Words that make the customer's question an open one (not answerable with a yes).
const WH_WORDS: Words =
    words!["什么", "怎么", "怎样", "多久", "多少", "多长", "几", "哪", "为什么", "为啥", "啥", "如何", "何时", "咋"];

/// “是这个吗?”, “对吧”, “能不能…”: a question a yes answers.
fn is_yes_no(text: &str) -> bool {
    let core = text.trim_end_matches(|c: char| is_punct_or_space(c) || c == '~');
    core.ends_with(['吗', '嘛', '么', '吧'])
        || contains_any(text, &["是不是", "对不对", "有没有", "能不能", "可不可以", "行不行", "会不会"])
}

impl Rule for CurtReply {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let core = text.trim_matches(|c: char| is_punct_or_space(c) || c == '~');
        // “亲,哦” is as curt as “哦”: a greeting in front adds no answer.
        let core = ["亲亲", "亲", "您好", "你好"]
            .iter()
            .find_map(|g| core.strip_prefix(g))
            .map_or(core, |rest| rest.trim_start_matches(|c: char| is_punct_or_space(c) || c == '~'));
        if !CURT.contains(core) {
            return;
        }
        let asked = !cx.customer.questions.is_empty();
        // “嗯” after “是这个吗?” does answer (yes), if curtly; after “什么时候发?” it answers nothing.
        let open_question = asked && contains_any(&cx.customer.text, WH_WORDS);
        let loud = open_question || cx.customer.complaint || cx.customer.upset;
        let severity = if loud { Severity::Warning } else { Severity::Hint };
        let fix = if open_question || (asked && cx.customer.complaint) {
            "好的,我明白了,【具体答复】。"
        } else if asked && is_yes_no(&cx.customer.text) {
            "是的,【具体说明】。"
        } else {
            "好的,我明白了,您请说。"
        };
        out.push(Self::META.lint(0..text.len(), "只回一个字显得敷衍").suggest(fix).with_severity(severity));
    }
}
