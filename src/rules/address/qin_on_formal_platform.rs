use crate::config::Platform;
use crate::finding::Lints;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_after, char_before, find_all, Words};

use super::vocative;

declare_rule! {
    /// ## What it does
    /// On the `generic` platform preset, where 亲 is not the house style, flags 亲 / 亲亲 /
    /// 亲爱的 / 亲爱哒 used to address the customer, and offers 您好 / 您 / 尊敬的 instead. On
    /// Taobao, Pinduoduo and Douyin 亲 is normal; on JD it is common enough (about one agent
    /// turn in six in the JDDC sample) that flagging it would only nag, so nothing fires there.
    ///
    /// Words that only contain 亲 are left alone: 亲自, 亲身, 亲测, 亲肤, 父亲, 相亲…
    ///
    /// ## Why is this bad?
    /// The etiquette guide asks for “客户习惯的称呼”. 亲 is Taobao's idiom; on a neutral
    /// business console it reads as too familiar.
    ///
    /// ## Example
    /// ```text
    /// 亲,这款今天下单今天发哦。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 您好,这款今天下单今天发哦。
    /// ```
    pub struct QinOnFormalPlatform {
        id: "address.qin-on-formal-platform",
        category: Address,
        severity: Warning,
        title: "正式平台称“亲”",
        summary: "在正式的通用平台称“亲”过于亲昵;改用“您好”或“您”。",
    }
}

const QIN: Words = words!["亲爱的们", "亲爱的", "亲爱哒", "亲爱滴", "亲亲亲", "亲亲", "亲们", "亲"];
/// A character after 亲 that makes a word of it (亲自, 亲肤…).
const WORD_AFTER: &[char] = &[
    '自', '身', '戚', '人', '友', '子', '测', '手', '眼', '肤', '民', '近', '切', '和', '属', '情', '吻', '水', '历',
    '笔', '口', '生', '密', '昵', '临', '睐', '朋', '娘', '家', '信', '王', '兄', '姐', '妹', '弟', '热', '善', '缘',
];
/// A character before 亲 that makes a word of it (父亲, 相亲…).
const WORD_BEFORE: &[char] = &[
    '父', '母', '双', '相', '探', '省', '至', '血', '近', '乡', '成', '定', '求', '结', '娘', '沾', '可', '和', '思',
    '慈', '宗', '姻', '表', '远', '六', '乱', '认', '严', '单',
];
/// After 亲爱的, a noun makes it an adjective: 亲爱的客户 → 尊敬的客户.
const NOUNS: Words = words!["客户", "顾客", "用户", "会员", "买家", "朋友", "小伙伴", "您"];

impl Rule for QinOnFormalPlatform {
    fn check(&self, cx: &Context, out: &mut Lints) {
        if cx.platform != Platform::Generic {
            return;
        }
        let text = cx.draft.folded();
        for (hit, word) in find_all(text, QIN) {
            if word == "亲"
                && (char_after(text, hit.end).is_some_and(|c| WORD_AFTER.contains(&c))
                    || char_before(text, hit.start).is_some_and(|c| WORD_BEFORE.contains(&c)))
            {
                continue;
            }
            let rest = &text[hit.end..];
            let hello = rest.starts_with("您好") || rest.starts_with("你好");
            if word.starts_with("亲爱") && !hello && NOUNS.iter().any(|n| rest.starts_with(n)) {
                let lint = Self::META.lint(hit.clone(), "正式场合用“尊敬的”").suggest("尊敬的");
                out.push(lint);
                continue;
            }
            if !vocative::is_vocative(text, &hit) {
                continue;
            }
            let (span, fix) = vocative::replace(cx, &hit, false);
            out.push(Self::META.lint(span, "此平台称呼客户用“您”").suggest(fix));
        }
    }
}
