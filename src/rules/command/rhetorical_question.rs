use std::sync::LazyLock;

use regex::Regex;

use crate::finding::Lint;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::is_punct_or_space;

declare_rule! {
    /// ## What it does
    /// Flags rhetorical questions that talk down to the customer — 你没看到吗, 不知道吗,
    /// 不会用吗, 不就行了吗, 难道…, 不是说了吗, 看不懂吗 — and offers “我再为您说明一下”.
    ///
    /// Left alone: real questions (“您看这样可以吗?”, “不知道您方便吗?”, “您没收到吗?”)
    /// and comfort (“您别着急”).
    ///
    /// ## Why is this bad?
    /// The guides name “不知道吗?” as the example of a 反问式 tone to avoid: it answers a
    /// question with a reproach, and the customer hears “you are stupid”.
    ///
    /// ## Example
    /// ```text
    /// 详情页不是写了吗?
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 我再为您说明一下。
    /// ```
    pub struct RhetoricalQuestion {
        id: "command.rhetorical-question",
        category: Command,
        severity: Warning,
        title: "反问/质问语气",
    }
}

/// Each pattern is one rhetorical question; it must end with 吗/么/呢/? unless it is 难道.
static RHETORICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:[你您]?(?:自己)?(?:没|没有)(?:看到|看见|看|注意到|仔细看)[^,。!?;\s]{0,8}(?:吗|\?))",
        r"|(?:^|[^您你是否])不知道(?:吗|\?)",
        r"|(?:[你您](?:都|也|还)?不知道[^,。!?;\s]{0,6}(?:吗|\?))",
        r"|(?:[你您]?(?:都|也|连这个都|这都|这也)?不会(?:用|操作|看|自己|弄|安装|查|点|搜|填|下单|申请|识字|设置)[^,。!?;\s]{0,6}(?:吗|\?))",
        r"|(?:不就(?:行|好|可以|完|得)了?(?:吗|嘛|\?))",
        r"|(?:不是(?:很|挺|都|已经)?(?:简单|清楚|明白|明显|容易)[^,。!?;\s]{0,6}(?:吗|嘛|\?))",
        r"|(?:不是(?:说|告诉|写|讲|跟您说|和您说|跟你说|和你说|提醒|写着|标)[^,。!?;\s]{0,8}(?:吗|嘛|\?))",
        r"|(?:看不懂(?:吗|\?))|(?:听不懂(?:吗|\?))|(?:还用问(?:吗|\?)?)|(?:有什么好问的)",
        r"|(?:这都不懂)|(?:这也不懂)|(?:这都不会)|(?:难道[^,。!?;\s]{0,12})",
    ))
    .expect("rhetorical-question pattern")
});

impl Rule for RhetoricalQuestion {
    fn check(&self, cx: &Context, out: &mut Vec<Lint>) {
        let text = cx.draft.folded();
        for m in RHETORICAL.find_iter(text) {
            let mut span = m.range();
            // The leading character taken as context by “(?:^|[^您你是否])不知道” is not flagged.
            if let Some(i) =
                text[span.clone()].find("不知道").filter(|i| *i > 0 && !text[span.clone()].starts_with(['你', '您']))
            {
                span.start += i;
            }
            // The whole clause is the question: “详情页不是写了吗?” goes as one.
            if let Some(clause) = cx.draft.clause_at(span.start) {
                let lead = &text[clause.range.start..span.start];
                let from = lead.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                span.start = clause.range.start + from;
            }
            // The question mark goes too, so the fix reads as a statement.
            let tail =
                text[span.end..].chars().take_while(|c| *c == '?' || *c == '!').map(char::len_utf8).sum::<usize>();
            span.end += tail;
            let ends_sentence = text[span.end..].chars().next().is_none_or(is_punct_or_space);
            let fix =
                if ends_sentence || tail > 0 { "我再为您说明一下。" } else { "我再为您说明一下," };
            out.push(Self::META.lint(span, "反问语气像在责怪客户").suggest(fix));
        }
    }
}
