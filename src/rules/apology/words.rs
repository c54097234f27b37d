//! Words that apologise and shapes of reply, shared by the apology and empathy rules.

use crate::rules::empathy::words::EMPATHY;
use crate::rules::Context;
use crate::text::{contains_any, find_all, is_han, is_punct_or_space, Draft, Words};
use std::ops::Range;

/// An apology, in the words agents use.
pub const APOLOGY: Words = words![
    "抱歉",
    "对不起",
    "对不住",
    // A common typo: 太报歉了.
    "报歉",
    "不好意思",
    "歉意",
    "致歉",
    "道歉",
    "sorry",
    "给您添麻烦",
    "给您带来不便",
    "给您带来了不便",
    "请您谅解",
    "请谅解",
    "敬请谅解",
    "见谅",
    "包涵",
    "怠慢",
    // The fault owned: 是我们没做到, 是我们的失误.
    "是我们没做到",
    "是我们的错",
    "是我们的失误",
    "是我们做得不好",
    "是我们没做好",
];

/// Whether the reply apologises anywhere.
pub fn apologises(cx: &crate::rules::Context) -> bool {
    first_apology(cx.draft).is_some()
}

/// Where the first apology in the draft is, if any.
pub fn first_apology(draft: &Draft) -> Option<Range<usize>> {
    find_all(draft.folded(), APOLOGY).into_iter().next().map(|(r, _)| r)
}

/// The agent apologised in its message before the customer's last ones (非常抱歉让您久等了,仓库
/// 在加急处理): the complaint pressed again, the apology is better here, not a must.
pub fn apologised_before(cx: &Context) -> bool {
    cx.previous.is_some_and(|d| first_apology(d).is_some())
}

/// The customer complains (or likely does) to this reply, and it has no apology.
pub fn apology_due(cx: &Context) -> bool {
    // A further message after the agent replied: the apology belonged in that reply.
    (cx.customer.complaint || cx.customer.complaint_likely()) && !cx.answered && !apologises(cx)
}

/// The missing apology is one a trainer insists on (`apology.missing-apology` warns): the
/// customer is upset, pressing or kept waiting long (“产生不满时”), the complaint is read
/// surely, and the reply does not already acknowledge the feeling, hold the line, gather facts,
/// only ask, or offer help. To a calm report of a fault (笔尖摔坏了) or of what has not come yet
/// (我没收到, 没到账呢) the apology is better, not a must.
pub fn apology_insisted(cx: &Context) -> bool {
    let c = cx.customer;
    let text = cx.draft.folded();
    let offer = contains_any(text, &["有什么", "请问有"]) && text.contains('帮');
    apology_due(cx)
        && !c.complaint_likely()
        && (c.upset || c.urgent || c.waited_long)
        && !c.complaint_asked
        && !contains_any(text, EMPATHY)
        && !is_holding(cx)
        && !gathers_facts(cx)
        && !only_questions(cx)
        && !offer
}

/// “稍等,正在为您查询”: the agent is looking into it and the real answer follows.
const HOLDING: Words =
    words!["稍等", "正在为您", "正为您", "马上为您查", "帮您查", "帮您看", "为您查询", "为您核实", "查询中", "核实中"];

/// Longest holding line, in characters.
const HOLDING_MAX_CHARS: usize = 30;

pub fn is_holding(cx: &Context) -> bool {
    let text = cx.draft.folded();
    holds(text) && text.chars().count() <= HOLDING_MAX_CHARS
}

/// Whether `text` holds the customer (稍等, 正在为您查询…), whatever else it says.
pub fn holds(text: &str) -> bool {
    contains_any(text, HOLDING)
}

/// Every sentence of the draft asks the customer something.
pub fn only_questions(cx: &Context) -> bool {
    let d = cx.draft;
    // Chat messages joined with spaces are sentences of their own (“辛苦耐心等待 还有其他可以
    // 帮您的吗?” says something before it asks).
    !d.sentences().is_empty()
        && d.sentences().iter().all(|s| {
            d.text(&s.range).split(char::is_whitespace).filter(|m| m.chars().any(is_han)).all(|m| {
                let t = m.trim_end_matches(|c: char| is_punct_or_space(c) && c != '?');
                t.ends_with('?') || t.ends_with('吗') || t.ends_with('么')
            })
        })
}

/// The reply asks the customer for what it needs first (订单号, a photo): the real answer,
/// with its apology and empathy, comes after.
const ASKS_FOR_FACTS: Words =
    words!["提供", "发一下", "发下", "复制给", "告诉我", "发给我", "发我", "截图", "拍照", "拍个照", "订单号"];

pub fn asks_for_facts(cx: &Context) -> bool {
    contains_any(cx.draft.folded(), ASKS_FOR_FACTS)
}

/// A short reply that asks for what the agent needs first (“您提供下订单号”): like a holding
/// line, the real answer (and the apology) comes next.
pub fn gathers_facts(cx: &Context) -> bool {
    asks_for_facts(cx) && cx.draft.folded().chars().count() <= HOLDING_MAX_CHARS
}
