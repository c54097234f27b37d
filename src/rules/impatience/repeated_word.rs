use crate::finding::Lints;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{find_pairs, is_han, Pairs};

declare_rule! {
    /// ## What it does
    /// Flags a reply word said three times or a short phrase said twice in a row —
    /// 好好好, 行行行, 对对对, 是是是, 知道了知道了, 行了行了, 好了好了 — and offers one
    /// calm acknowledgement.
    ///
    /// Left alone: 嗯嗯, 好的好的, 哈哈哈, 谢谢谢谢, 好好休息, 好好好评 — the friendly doubles of chat.
    ///
    /// ## Why is this bad?
    /// Repeating “好好好” or “知道了知道了” in writing reads as brushing the customer off
    /// (“不耐烦或敷衍的语气”), the way it sounds when someone says it with a sigh.
    ///
    /// ## Example
    /// ```text
    /// 知道了知道了,会给您换的。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 好的,我明白了,会给您换的。
    /// ```
    pub struct RepeatedWord {
        id: "impatience.repeated-word",
        category: Impatience,
        severity: Warning,
        title: "重复应答显得敷衍",
        summary: "“好好好”“知道了知道了”读来不耐烦;一句平和的回应即可。",
    }
}

/// (repetition, calm replacement). Longest first where one contains another.
const REPEATS: Pairs = pairs![
    ("知道了知道了", "好的,我明白了"),
    ("知道知道", "好的,我明白了"),
    ("晓得了晓得了", "好的,我明白了"),
    ("明白明白", "好的,我明白了"),
    ("行了行了", "好的"),
    ("好了好了", "好的"),
    ("可以可以", "可以的"),
    ("好好好", "好的"),
    ("行行行", "好的"),
    ("对对对", "是的"),
    ("是是是", "是的"),
    ("嗯嗯嗯嗯", "嗯,我明白了"),
];

impl Rule for RepeatedWord {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut last_end = 0;
        for (hit, (word, fix)) in find_pairs(text, REPEATS) {
            if hit.start < last_end {
                continue;
            }
            // Take the whole run: “好好好好” is one finding.
            let unit = &word[..word.chars().next().map_or(0, char::len_utf8)];
            let mut end = hit.end;
            if word.chars().all(|c| word.starts_with(c)) {
                while text[end..].starts_with(unit) {
                    end += unit.len();
                }
            }
            // “好好好的” / “好好好学习”: not a reply (好好 + 好的, 好好 + 学习).
            if word == "好好好"
                && text[end..].chars().next().is_some_and(|c| {
                    is_han(c)
                        && !matches!(
                            c,
                            '我' | '马' | '这' | '给' | '那' | '行' | '啦' | '啊' | '吧' | '呀' | '嘛' | '了' | '就'
                        )
                })
            {
                continue;
            }
            last_end = end;
            out.push(Self::META.lint(hit.start..end, "重复应答显得敷衍").suggest(fix));
        }
    }
}
