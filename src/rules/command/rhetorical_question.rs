use crate::finding::Lints;
use std::ops::Range;

use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_before, extend_back, find_product, is_punct_or_space, sort_by_key, Words};

declare_rule! {
    /// ## What it does
    /// Flags rhetorical questions that talk down to the customer — 你没看到吗, 不知道吗,
    /// 不会用吗, 不就行了吗, 这不就能用了吗, 难道…, 不是说了吗, 详情页不是有尺码表吗, 看不懂吗, 这个都不会吗, 您都看不到?, 能跟我们比吗?
    /// — and offers “我再为您说明一下”.
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
        summary: "“不知道吗?”等反问像在责备客户;应耐心再说明一遍。",
    }
}

/// One shape of rhetorical question: optional words before a core phrase, then up to `gap`
/// characters of the same clause and one of `ends` (吗, ?).
struct Form {
    /// The words at the heart of the question, one from each list in turn (没|没有 · 看到|看见…).
    core: &'static [Words],
    /// Optional words before the core, nearest first; each group longest first.
    leads: &'static [Words],
    gap: usize,
    ends: Words,
    /// The question may also stop after the gap without an end (“还用问”, “难道…”).
    end_optional: bool,
    /// Not after these characters; the one before is then read as part of the match.
    not_after: &'static [char],
}

const Q: Words = words!["吗", "?"];
const QQ: Words = words!["吗", "嘛", "?"];
const NONE: Words = words![];
const YOU: Words = words!["你", "您"];

/// In order: where two start at the same place, the first wins.
static FORMS: [Form; 17] = [
    // 现在怪谁?  这个价位你还想要什么质量?  你有证据吗?
    Form {
        core: &[words![
            "能怪谁",
            "怪谁",
            "赖谁",
            "怨谁",
            "还想要什么",
            "还想怎么样",
            "还想怎样",
            "还要怎样",
            "有证据吗",
            "证据呢",
        ]],
        leads: &[],
        gap: 0,
        ends: NONE,
        end_optional: true,
        not_after: &[],
    },
    // 你(自己)没看到…吗
    Form {
        core: &[words!["没", "没有"], words!["看到", "看见", "看", "注意到", "仔细看"]],
        leads: &[words!["自己"], YOU],
        gap: 14,
        ends: Q,
        end_optional: false,
        not_after: &[],
    },
    // 不知道吗 (not 你不知道吗 / 是否不知道吗: see `questions`)
    Form {
        core: &[words!["不知道"]],
        leads: &[],
        gap: 0,
        ends: Q,
        end_optional: false,
        not_after: &['您', '你', '是', '否'],
    },
    // 你(都)不知道…吗
    Form {
        core: &[YOU, words!["", "都", "也", "还"], words!["不知道"]],
        leads: &[],
        gap: 6,
        ends: Q,
        end_optional: false,
        not_after: &[],
    },
    // 那么大一个按钮您都看不到? (你也找不到吗)
    Form {
        core: &[YOU, words!["都", "也"], words!["看不到", "看不见", "找不到", "看不懂"]],
        leads: &[],
        gap: 6,
        ends: QQ,
        end_optional: false,
        not_after: &[],
    },
    // 你(连这个都)不会用…吗
    Form {
        core: &[
            words!["不会"],
            words![
                "用", "操作", "看", "自己", "弄", "安装", "查", "点", "搜", "找", "填", "下单", "申请", "识字", "设置"
            ],
        ],
        leads: &[words!["连这个都", "这都", "这也", "都", "也"], YOU],
        gap: 10,
        ends: Q,
        end_optional: false,
        not_after: &[],
    },
    // 您敢买吗? (a dare, not a question)
    Form {
        core: &[words!["您", "你"], words!["敢"], words!["买", "用", "要", "穿", "吃", "信"]],
        leads: &[],
        gap: 4,
        ends: Q,
        end_optional: false,
        not_after: &[],
    },
    // 不就行了吗
    Form {
        core: &[
            words!["不就"],
            words!["行", "好", "可以", "完", "得", "知道", "清楚", "明白", "看到", "懂"],
            words!["", "了"],
        ],
        leads: &[],
        gap: 0,
        ends: QQ,
        end_optional: false,
        not_after: &[],
    },
    // 这不就能转了吗: the fix was that easy.
    Form {
        core: &[words!["不就"], words!["能", "可以", "会"]],
        leads: &[],
        gap: 4,
        ends: QQ,
        end_optional: false,
        not_after: &[],
    },
    // 别家的能跟我们比吗? (a comparison dismissed, not asked)
    Form {
        core: &[words!["能跟", "能和", "敢跟", "能同"], words!["我们", "我家", "咱们", "我们家"], words!["比"]],
        leads: &[],
        gap: 0,
        ends: Q,
        end_optional: false,
        not_after: &[],
    },
    // 不是很简单…吗 (not 这样是不是清楚一些?, which asks)
    Form {
        core: &[words!["不是"], words!["", "很", "挺", "都", "已经"], words!["简单", "清楚", "明白", "明显", "容易"]],
        leads: &[],
        gap: 6,
        ends: QQ,
        end_optional: false,
        not_after: &['是'],
    },
    // 不是说了…吗
    Form {
        core: &[
            words!["不是"],
            words![
                "说",
                "告诉",
                "写",
                "讲",
                "跟您说",
                "和您说",
                "跟你说",
                "和你说",
                "提醒",
                "写着",
                "标",
                "回复",
                "发给",
                "发过",
                "给您发",
                "给你发",
                // 订单详情里不是有单号吗: it was there to be seen.
                "有",
                "显示",
            ],
        ],
        leads: &[],
        gap: 8,
        ends: QQ,
        end_optional: false,
        not_after: &[],
    },
    Form { core: &[words!["看不懂"]], leads: &[], gap: 0, ends: Q, end_optional: false, not_after: &[] },
    Form { core: &[words!["听不懂"]], leads: &[], gap: 0, ends: Q, end_optional: false, not_after: &[] },
    Form { core: &[words!["还用问"]], leads: &[], gap: 0, ends: Q, end_optional: true, not_after: &[] },
    Form {
        core: &[words![
            "有什么好问的",
            "这都不懂",
            "这也不懂",
            "这都不会",
            "这还不会",
            "这也不会",
            "这个都不会",
            "这个也不会",
            "这个还不会"
        ]],
        leads: &[],
        gap: 0,
        ends: NONE,
        end_optional: true,
        not_after: &[],
    },
    Form { core: &[words!["难道"]], leads: &[], gap: 12, ends: NONE, end_optional: true, not_after: &[] },
];

/// Where `[^,。!?;\s]{0,gap}` then one of `ends` ends, taking as many characters as can be
/// taken (as a greedy regular expression would); `None` if no end follows.
fn after_gap(text: &str, from: usize, form: &Form) -> Option<usize> {
    let mut stops = vec![from];
    for c in text[from..].chars().take(form.gap) {
        if matches!(c, ',' | '。' | '!' | '?' | ';') || c.is_whitespace() {
            break;
        }
        stops.push(stops[stops.len() - 1] + c.len_utf8());
    }
    stops
        .iter()
        .rev()
        .find_map(|&at| form.ends.iter().find(|e| text[at..].starts_with(*e)).map(|e| at + e.len()))
        .or_else(|| form.end_optional.then(|| stops[stops.len() - 1]))
}

/// The rhetorical questions of `text`, left to right, not overlapping. For 不知道吗 the span
/// starts one character early (the one read to rule out 你/您/是/否 before it), as the
/// regular expression this replaced did; the rule trims it.
fn questions(text: &str) -> Vec<Range<usize>> {
    let mut found: Vec<(usize, Range<usize>)> = Vec::new();
    for (k, form) in FORMS.iter().enumerate() {
        for (core, _) in find_product(text, form.core) {
            let mut start = core.start;
            if !form.not_after.is_empty() {
                match char_before(text, start) {
                    Some(c) if form.not_after.contains(&c) => continue,
                    Some(c) => start -= c.len_utf8(),
                    None => {}
                }
            }
            for lead in form.leads {
                start = extend_back(text, start, *lead);
            }
            if let Some(end) = after_gap(text, core.end, form) {
                found.push((k, start..end));
            }
        }
    }
    sort_by_key(&mut found, |(k, r)| ((r.start as u128) << 64) | *k as u128);
    let mut out: Vec<Range<usize>> = Vec::new();
    for (_, r) in found {
        if out.last().is_none_or(|last| r.start >= last.end) {
            out.push(r);
        }
    }
    out
}

impl Rule for RhetoricalQuestion {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        for mut span in questions(text) {
            // 您说的“你们不是说送路由器吗”没错: the customer's words quoted.
            if cx.draft.quote_at(span.start).is_some() {
                continue;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written reader finds the spans the regular expression it replaced found, over
    /// every sequence of up to four pieces that matter.
    #[test]
    fn same_as_the_regex() {
        let re = regex::Regex::new(concat!(
            r"(?:[你您]?(?:自己)?(?:没|没有)(?:看到|看见|看|注意到|仔细看)[^,。!?;\s]{0,8}(?:吗|\?))",
            r"|(?:[你您]敢(?:买|用|要|穿|吃|信)[^,。!?;\s]{0,4}(?:吗|\?))",
            r"|(?:^|[^您你是否])不知道(?:吗|\?)",
            r"|(?:[你您](?:都|也|还)?不知道[^,。!?;\s]{0,6}(?:吗|\?))",
            r"|(?:[你您](?:都|也)(?:看不到|看不见|找不到|看不懂)[^,。!?;\s]{0,6}(?:吗|嘛|\?))",
            r"|(?:[你您]?(?:都|也|连这个都|这都|这也)?不会(?:用|操作|看|自己|弄|安装|查|点|搜|填|下单|申请|识字|设置)[^,。!?;\s]{0,6}(?:吗|\?))",
            r"|(?:不就(?:行|好|可以|完|得|知道|清楚|明白|看到|懂)了?(?:吗|嘛|\?))",
            r"|(?:(?:^|[^是])不是(?:很|挺|都|已经)?(?:简单|清楚|明白|明显|容易)[^,。!?;\s]{0,6}(?:吗|嘛|\?))",
            r"|(?:不是(?:说|告诉|写|讲|跟您说|和您说|跟你说|和你说|提醒|写着|标)[^,。!?;\s]{0,8}(?:吗|嘛|\?))",
            r"|(?:看不懂(?:吗|\?))|(?:听不懂(?:吗|\?))|(?:还用问(?:吗|\?)?)|(?:有什么好问的)",
            r"|(?:这都不懂)|(?:这也不懂)|(?:这都不会)|(?:这还不会)|(?:这也不会)|(?:难道[^,。!?;\s]{0,12})",
        ))
        .unwrap();
        let pieces = [
            "你",
            "您",
            "自己",
            "没有",
            "看到",
            "不知道",
            "都",
            "这都",
            "不会",
            "用",
            "不就",
            "知道了",
            "好了",
            "不是",
            "简单",
            "说",
            "写着",
            "看不懂",
            "看不到",
            "还用问",
            "难道",
            "吗",
            "嘛",
            "?",
            ",",
            " ",
            "是",
            "好好好",
        ];
        let checked = crate::text::each_sequence(&pieces, 4, |s| {
            let want: Vec<Range<usize>> = re.find_iter(s).map(|m| m.range()).collect();
            assert_eq!(questions(s), want, "{s:?}");
        });
        assert_eq!(checked, 1 + 28 + 28 * 28 + 28 * 28 * 28 + 28 * 28 * 28 * 28);
    }
}
