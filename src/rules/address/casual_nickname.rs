use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_after, contains_any, ends_with_any, find_all, is_punct_or_space, starts_with_any, Words};

use super::vocative;

declare_rule! {
    /// ## What it does
    /// Flags casual nicknames used to call the customer — 美女, 帅哥, 宝宝, 宝子, 老铁,
    /// 家人们, 小姐姐, 小哥哥, 姐妹, 集美, 小主, 老妹儿, 大兄弟, 姐, 大哥, 妹儿, and 宝 / 宝贝
    /// where they stand alone as a call (宝贝 is the goods too: 宝贝已发出) — and offers 亲 (Taobao, Pinduoduo,
    /// Douyin) or 您好 / nothing (JD, generic). On Douyin, where live-stream talk is common,
    /// it is a hint. 亲爱的 / 亲爱哒 get a hint and 亲 on the marketplaces, where they are the
    /// everyday register (blind-labelled trainers wanted them changed; 8% of real JD replies
    /// use them).
    ///
    /// Only the vocative use counts: “宝宝用的奶瓶”, “适合小姐姐的款式”, “适合刚出生的宝宝”
    /// are left alone. 亲爱的
    /// addresses the customer wherever it stands in a reply (抱歉亲爱的这个订单…, 请问亲爱的有
    /// 什么…), unless a noun follows (亲爱的客户); a nickname right after another address is
    /// one too (亲亲宝宝这个可以退), and so is one opening a reassurance (宝宝放心) or the reply
    /// itself (宝宝这款能降噪45分贝, 宝宝可以的哦). The
    /// customer's own word is left alone (美女樱 the flower; 宝宝 when they asked about their
    /// baby).
    ///
    /// ## Why is this bad?
    /// The etiquette guide: “避免使用不恰当或过于随意的昵称”. A nickname guesses the
    /// customer's sex and age and sounds like a street stall, not a shop.
    ///
    /// ## Example
    /// ```text
    /// 美女,这款今天就能发货哦。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 亲,这款今天就能发货哦。
    /// ```
    pub struct CasualNickname {
        id: "address.casual-nickname",
        category: Address,
        severity: Warning,
        title: "随意昵称",
        summary: "用“美女”“宝子”等昵称称呼客户显得随意;改用“亲”或“您”。",
    }
}

const NICKNAMES: Words = words![
    "美女们",
    "美女",
    "帅哥们",
    "帅哥",
    "宝宝们",
    "宝宝",
    "宝子们",
    "宝子",
    "宝贝们",
    // Alone only as a call (别想了宝, 宝 两件的话…): 宝贝 is also the goods on Taobao.
    "宝贝",
    "宝",
    "老铁们",
    "老铁",
    "家人们",
    "小姐姐们",
    "小姐姐",
    "小哥哥们",
    "小哥哥",
    "姐妹们",
    "姐妹",
    "集美们",
    "集美",
    "小可爱",
    "小仙女",
    "靓仔",
    "靓女",
    "小主",
    "哥们",
    "老妹",
    "老弟",
    "老哥",
    "大兄弟",
    "兄弟们",
    "兄弟",
    // Kin terms as address: 姐,办卡真的划算; 妹儿,这个三岁的娃儿耍得.
    "妹儿",
    "姐姐",
    "哥哥",
    "大姐",
    "大哥",
    "姐",
    "哥",
    "亲爱的",
    "亲爱哒",
    "亲爱滴",
];

/// Never anything but a form of address: at the start of a clause they call the customer
/// whatever follows (“老铁放心”). The others need a break after them (“宝宝,” but not
/// “宝宝用的”).
/// A nickname only where it stands alone as a call: 宝贝 names the goods too (宝贝已发出).
const VOCATIVE_ONLY: Words = words!["宝贝", "宝"];

/// Words that answer before a call: 收到宝子, 好嘞美女, 没问题老铁.
const ACK_WORDS: Words =
    words!["收到", "好的", "好嘞", "好滴", "明白", "知道了", "没问题", "谢谢", "感谢", "在的", "来了"];

const ALWAYS_ADDRESS: Words = words![
    "美女",
    "帅哥",
    "宝子",
    "老铁",
    "家人们",
    "集美",
    "靓仔",
    "靓女",
    "小可爱",
    "小仙女",
    "老妹",
    "大兄弟",
    "老弟",
    "老哥",
];

/// After 亲爱的, a noun makes it an adjective (亲爱的客户, 亲爱的朋友们).
const DEAR_NOUNS: Words =
    words!["客户", "顾客", "用户", "会员", "买家", "卖家", "商家", "朋友", "小伙伴", "家人", "粉丝", "宝宝们"];

impl Rule for CasualNickname {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let severity = if cx.platform == crate::config::Platform::Douyin { Severity::Hint } else { Severity::Warning };
        let mut skip_to = 0;
        for (hit, word) in find_all(text, NICKNAMES) {
            if hit.start < skip_to {
                continue;
            }
            // Said with 儿 (老妹儿, 哥们儿): the same nickname.
            let hit = if text[hit.end..].starts_with('儿') { hit.start..hit.end + '儿'.len_utf8() } else { hit };
            // 亲爱的: too familiar for a customer, but the everyday register of the marketplaces
            // (8% of real JD replies): a hint there; on the generic preset
            // `address.qin-on-formal-platform` speaks for it.
            let dear = word.starts_with("亲爱");
            if dear && cx.platform == crate::config::Platform::Generic {
                continue;
            }
            let severity = if dear { Severity::Hint } else { severity };
            let always = ALWAYS_ADDRESS.iter().any(|w| word.starts_with(w));
            // At the start of its clause, or right after an answer word and ending the clause
            // (收到宝子, 好嘞美女,).
            let answered_then_called = ends_with_any(&text[..hit.start], ACK_WORDS)
                && char_after(text, hit.end).is_none_or(|c| is_punct_or_space(c) || c == '~');
            let strong = always && (vocative::starts_clause(text, &hit) || answered_then_called);
            // In a reply 亲爱的 addresses the customer wherever it stands (抱歉亲爱的这个订单…,
            // 请问亲爱的有什么…), unless a noun makes it an adjective (亲爱的客户).
            let dear_address = dear && !DEAR_NOUNS.iter().any(|n| text[hit.end..].starts_with(n));
            // Right after another address (亲亲宝宝, 亲爱的宝子) it is one too.
            let combined = ["亲亲", "亲爱的", "亲"].iter().any(|a| text[..hit.start].ends_with(a)) && !dear;
            // 美女樱 (a flower), 宝宝 when the customer asked about their baby: the customer's
            // own word, not a name for them.
            if customers_word(cx, &hit)
                || (word.starts_with("宝宝") || word.starts_with("宝贝"))
                    && contains_any(&cx.customer.text, CHILD)
                    && !combined
            {
                continue;
            }
            // “适合对牛奶蛋白敏感的宝宝”: a noun the words before describe, not a call (but
            // “有现货的美女,” ends its clause on a word that only ever calls: the answer, then
            // the call).
            let called_after_answer = always && vocative::is_vocative(text, &hit);
            if describes_a_noun(text, &hit) && !combined && !dear && !called_after_answer {
                continue;
            }
            if VOCATIVE_ONLY.contains(word) && !combined && !vocative::is_vocative(text, &hit) {
                continue;
            }
            let reassured = reassures_customer(cx, &hit);
            let opens = opens_the_reply(text, &hit);
            if !strong && !dear_address && !combined && !reassured && !opens && !vocative::is_vocative(text, &hit) {
                continue;
            }
            // After another address the nickname just goes (亲亲宝宝 → 亲亲); before 您 too
            // (给亲爱的您带来不便 → 给您带来不便).
            let (span, fix) = if (combined && !vocative::is_vocative(text, &hit)) || text[hit.end..].starts_with('您')
            {
                (hit.clone(), String::new())
            } else {
                vocative::replace(cx, &hit, cx.platform.qin_is_normal() || dear)
            };
            // Said twice in a row (亲爱的 亲爱的, 亲爱哒~亲爱哒~): one fix for both.
            let gap = text[span.end..].len()
                - text[span.end..].trim_start_matches(|c: char| c == '~' || is_punct_or_space(c)).len();
            let span = if !fix.is_empty() && text[span.end + gap..].starts_with(word) && span.end == hit.end {
                skip_to = span.end + gap + word.len();
                span.start..skip_to
            } else {
                span
            };
            out.push(
                Self::META
                    .lint(
                        span,
                        if dear {
                            "“亲爱的”过于亲昵,称呼用“亲”或“您”"
                        } else {
                            "避免随意昵称,称呼客户用“您”"
                        },
                    )
                    .suggest(fix)
                    .with_severity(severity),
            );
        }
    }
}

/// The word follows a 的 that ends a description (敏感的宝宝, 这个年纪的宝宝), not a reply
/// (好的宝宝, 有的亲).
fn describes_a_noun(text: &str, hit: &std::ops::Range<usize>) -> bool {
    let before = &text[..hit.start];
    let Some(head) = before.strip_suffix('的') else { return false };
    head.chars().next_back().is_some_and(crate::text::is_han) && !ANSWER_WORDS.iter().any(|w| head.ends_with(w))
}

/// Short replies that end in 的 (好的, 是的, 可以的): a nickname after them calls the customer.
const ANSWER_WORDS: Words =
    words!["好", "是", "有", "对", "可以", "行", "会", "能", "在", "嗯", "真", "收到", "明白", "知道"];

/// The reply's first word, before its answer (宝宝可以的哦, 宝宝这款能降噪45分贝): it calls
/// the customer. (A child the customer spoke of is left alone before this is asked.)
fn opens_the_reply(text: &str, hit: &std::ops::Range<usize>) -> bool {
    text[..hit.start].chars().all(crate::text::is_punct_or_space)
        && text[hit.end..].chars().next().is_some_and(|c| ANSWER_STARTS.contains(c))
}
/// How an answer starts: a demonstrative, a yes or no, the shop or the customer.
const ANSWER_STARTS: &str = "这那可能是有没不都也就还您你我们";

/// What an agent tells the customer right after calling them: 宝宝放心, 宝贝别着急.
const REASSURANCE: Words = words!["放心", "别急", "别着急", "不要着急", "不用担心", "别担心", "稍等", "久等"];
/// A child the customer spoke of: then 宝宝放心 may be about the child.
const CHILD: Words = words!["宝宝", "宝贝", "孩子", "小孩", "婴儿", "儿童", "娃", "儿子", "女儿"];

/// The customer wrote the word too, with what follows it here (美女樱, 宝宝8个月).
fn customers_word(cx: &Context, hit: &std::ops::Range<usize>) -> bool {
    let text = cx.draft.folded();
    let next = text[hit.end..].chars().next().filter(|c| crate::text::is_han(*c));
    next.is_some_and(|c| cx.customer.text.contains(&format!("{}{c}", &text[hit.clone()])))
}

/// A nickname opening a clause and followed by a reassurance: 宝宝放心!1.5厘米以内的壳都能夹,
/// 姐妹放心. (宝宝 / 宝贝 only when the customer spoke of no child.)
fn reassures_customer(cx: &Context, hit: &std::ops::Range<usize>) -> bool {
    let text = cx.draft.folded();
    vocative::starts_clause(text, hit)
        && starts_with_any(&text[hit.end..], REASSURANCE)
        && !(text[hit.clone()].starts_with('宝') && contains_any(&cx.customer.text, CHILD))
}
