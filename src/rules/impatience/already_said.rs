use crate::finding::Lints;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_after, contains_any, find_all, is_punct_or_space, Part, Phrase, Words};

declare_rule! {
    /// ## What it does
    /// Flags “I've told you already” — 我已经说过了, 都说了, 说了多少遍, 说了好几遍,
    /// 上面说了, 刚才已经说了 — and offers a patient restatement (“我再为您说明一下”).
    ///
    /// Left alone: the agent owning a repeat (“我刚才说得不够清楚”, “让您反复说了好几遍”), reporting the
    /// customer's words (“您说的情况我记下了”), and “不是说了…吗?”, which
    /// `command.rhetorical-question` reports.
    ///
    /// ## Why is this bad?
    /// The etiquette guide: “对客户的疑问或反复咨询,应保持耐心,不推诿、不急躁”. A customer
    /// who asks again did not understand or is worried; reminding them that they were told
    /// blames them for it.
    ///
    /// ## Example
    /// ```text
    /// 我已经说过了,七天无理由退货。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 我再为您说明一下,七天无理由退货。
    /// ```
    pub struct AlreadySaid {
        id: "impatience.already-said",
        category: Impatience,
        severity: Warning,
        title: "“我已经说过了”",
        summary: "“我已经说过了”是在责怪客户;应耐心地再说明一次。",
    }
}

/// Told before, counted: 前面都跟您讲两遍了, 上面已经告诉过您了.
const TOLD_BEFORE: Phrase = Phrase(&[
    Part::Word(words!["都", "已经", "前面", "上面", "刚才", "之前"]),
    Part::Gap(6),
    Part::Word(words!["讲", "说", "告诉", "答复", "回复", "解释"]),
    Part::Maybe(words!["了", "过"]),
    Part::Key(words![
        "两遍",
        "几遍",
        "好几遍",
        "三遍",
        "n遍",
        "两次",
        "几次",
        "好几次",
        "过您",
        "过你",
        "过了",
        "过一次",
        "过好几次",
    ]),
]);

const PHRASES: Words = words![
    // Told to stop asking: 您别一直问了.
    "别一直问",
    "不要一直问",
    "别老问",
    "别再问了",
    // Said again with a sigh: 又要讲一遍.
    "又要讲一遍",
    "又要说一遍",
    "又得讲一遍",
    "又得说一遍",
    "我已经跟您说过了",
    "我已经和您说过了",
    "已经跟您说过了",
    "已经和您说过了",
    "我已经说过了",
    "我已经说了",
    "我已经说过",
    "已经说过了",
    "已经说过好几遍",
    "已经说了好几遍",
    "我都说了",
    "都跟您说了",
    "都和您说了",
    "都说过了",
    "都说了",
    "说了多少遍",
    "说了多少次",
    "说过多少次",
    "说了好几遍",
    "说了好几次",
    "说了几遍了",
    "说了n遍",
    "重复了很多遍",
    "重复好几遍",
    "上面说了",
    "上一条就说了",
    "上一条说了",
    "第二次问",
    "第三次问",
    "问了好几遍",
    "不想再解释",
    "该讲的都讲",
    "该说的都说",
    "上面已经说了",
    "前面说过了",
    "前面已经说了",
    "刚才已经说过了",
    "刚刚已经说过了",
    "之前已经说过了",
    "刚才已经说了",
    "刚刚已经说了",
    "刚才说过了",
    "刚刚说过了",
    // 讲 and 告诉 for 说.
    "都讲过了",
    "都讲过",
    "都讲了",
    "已经讲过了",
    "已经讲过",
    "前面讲过了",
    "上面讲了",
    "刚才讲过了",
    "我讲过了",
    "讲了好几遍",
    "讲了多少遍",
    "告诉过您了",
    "告诉过你了",
    "已经告诉您了",
    "已经告诉你了",
    // Sent, not said: 我都发了两遍了.
    "都发了两遍",
    "发了两遍了",
    "发了好几遍",
    "发了好几次",
    "说了两遍",
    "讲了两遍",
];

impl Rule for AlreadySaid {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut hits: Vec<std::ops::Range<usize>> = find_all(text, PHRASES).into_iter().map(|(r, _)| r).collect();
        let told: Vec<_> = TOLD_BEFORE
            .find(text)
            .into_iter()
            .map(|h| h.span)
            .filter(|t| !hits.iter().any(|h| h.start < t.end && t.start < h.end))
            .collect();
        hits.extend(told);
        crate::text::sort_by_key(&mut hits, |r| r.start as u128);
        for hit in hits {
            // “…吗?” is a rhetorical question; that rule has it.
            let clause_end = cx.draft.clause_at(hit.start).map_or(text.len(), |c| c.range.end).max(hit.end);
            if text[hit.end..clause_end].contains(['吗', '?']) {
                continue;
            }
            // “让您反复说了好几遍”: the customer's repeating, owned as the shop's fault.
            let clause_start = cx.draft.clause_at(hit.start).map_or(0, |c| c.range.start).min(hit.start);
            if contains_any(&text[clause_start..hit.start], &["让您", "让你", "害您"]) {
                continue;
            }
            let mut end = hit.end;
            if char_after(text, end) == Some('的') && text[end..].starts_with("的") {
                // “我已经说过的” (a relative clause) is a report, not a reproach.
                continue;
            }
            if char_after(text, end) == Some('了') {
                end += '了'.len_utf8();
            }
            let alone = char_after(text, end).is_none_or(is_punct_or_space);
            let fix = if alone { "我再为您说明一下" } else { "我再跟您确认一下," };
            out.push(Self::META.lint(hit.start..end, "“已经说过了”显得不耐烦").suggest(fix));
        }
    }
}
