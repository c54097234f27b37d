use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::apology::words::{asks_for_facts, is_holding, only_questions};
use crate::rules::closing::tail::styled;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::classes::ACTION;
use crate::text::{char_before, contains_any, find_all, is_han, is_punct_or_space, mask, Part, Phrase, Words};

use super::vague_wait::VAGUE;

declare_rule! {
    /// ## What it does
    /// Flags a reply to a customer who is waiting or asks when, that asks them to wait or
    /// says the matter is in hand (请耐心等待, 请您稍等, 在处理了, 审核完就退, 财务审核后给您退,
    /// 我马上联系快递核实, 有消息会通知您) but never says when they will have the outcome. 马上
    /// says when the work starts, not when it ends. Offers the time node after that clause (a
    /// space ends it too: the next chat message is not part of it), by what is awaited there:
    /// “前给您回复” for a result waited on or chased (等待审核结果, 已经跟进站点),
    /// “预计【预计时间】送达” for delivery, “到账” for money, “到货” for goods out of stock
    /// (补货, 到货通知), “前给您回复” for a check, else “完成”. An outcome already reached (已经到账了呢) asks for no wait.
    ///
    /// Asking for patience (请耐心等待), or a step taken and a wait (已经给您安排补发了,稍等),
    /// with no time is a hint even when the customer has not asked when.
    ///
    /// Left alone: a reply that names a time (今天18点前, 1-3个工作日), where a refund goes asked
    /// (钱退到哪里了: a destination, not a wait), one that only asks
    /// for what it needs (订单号, a photo), and 尽快-style waits (`timeline.vague-wait`). A
    /// short holding line while the agent checks (“稍等,正在为您查询”) gets a hint, and so does a
    /// wait whose time the agent's message before the customer's last ones gave
    /// (`previous_reply`: 发票3个工作日内开好发您邮箱).
    ///
    /// ## Why is this bad?
    /// The guides: “若问题复杂需耗时处理,应先告知客户预计等待时间” and “明确告知客户流程和时间
    /// 节点”. A customer already waiting hears “请耐心等待” as no answer at all.
    ///
    /// ## Example
    /// ```text
    /// (客户:退款什么时候到账?) 亲,退款已经在处理了,请耐心等待。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:退款什么时候到账?) 亲,退款已经在处理了,预计1-3个工作日到账,请耐心等待。
    /// ```
    pub struct WaitWithoutTime {
        id: "timeline.wait-without-time",
        category: Timeline,
        severity: Warning,
        title: "让客户等却不说等多久",
        summary: "让客户等却不说等多久,客户更焦虑;应告知预计时间。",
    }
}

/// The matter is settled: nothing left to wait for.
const DONE: Words = words![
    "已经处理好",
    "已处理好",
    "已经办好",
    "已办好",
    "已经解决",
    "已解决",
    "已经完成",
    "已完成",
    // The outcome itself: 已经到账了呢.
    "已经到账",
    "已到账",
    "已经签收",
    "已签收",
];

/// Asking the customer to wait, or a step that ends before the outcome (审核完就退).
const WAIT: Words = words![
    "耐心等待",
    "请稍等",
    "请您稍等",
    "稍等一下",
    "稍等片刻",
    "稍等",
    "等一下",
    "请等待",
    "请您等待",
    "等待审核",
    "等待处理",
    "处理中",
    "审核中",
    "审核完",
    "处理完",
    "审核通过后",
    "核实后",
    "慢了",
    "在路上",
    "运输中",
    // 也是需要时间的: it takes time, how much is not said.
    "需要时间",
    "需要一段时间",
    "需要一些时间",
    "需要点时间",
    "需要一点时间",
    "要一段时间",
    "要等一段时间",
];

/// It is in hand: 在处理, 正在为您核实, 已经在给您安排补发.
const IN_HAND: Phrase = Phrase(&[
    Part::Word(words!["正在", "在", "已经", "已"]),
    Part::Maybe(words!["给您", "为您", "帮您"]),
    Part::Word(ACTION),
]);

/// A step that ends before the outcome: 财务审核后给您退, 确认收货之后退款, 质检完就换.
const STEP_THEN: Phrase = Phrase(&[
    Part::Word(words![
        "审核",
        "核实",
        "确认",
        "处理",
        "检测",
        "质检",
        "验收",
        "入库",
        "签收",
        "收到退货",
        "到货",
        "登记",
        // Getting the goods ready: 打包好就发, 备货完就发.
        "打包",
        "配货",
        "备货"
    ]),
    Part::Maybe(words!["完", "通过", "好", "完成"]),
    Part::Word(words!["后", "之后", "以后", "就"]),
]);

/// A promise to tell the customer later: 发了会通知您, 有消息第一时间告诉您.
const NOTICE: Phrase = Phrase(&[
    Part::Word(words!["会", "就", "再", "第一时间"]),
    Part::Maybe(words!["第一时间", "及时", "马上"]),
    Part::Word(words!["通知", "告知", "告诉"]),
    Part::Maybe(words!["给"]),
    Part::Word(words!["您", "你"]),
]);

/// Asking for patience outright: improvable even when the customer has not asked when.
const PATIENCE: Words = words!["耐心等待", "等待审核", "等待处理", "等待结果"];

/// The outcome is an answer from us rather than a parcel or a payment.
const CHECKING: Words = words!["核实", "查询", "查一下", "查看", "联系", "确认", "反馈"];
const DELIVERY: Words = words!["送货", "派送", "配送", "送达", "在路上", "运输中"];
const MONEY: Words = words!["退款", "到账", "打款", "退回"];
/// Goods out of stock coming in: 补货, 到货通知.
const RESTOCK: Words = words!["补货", "到货", "进货", "有货"];
/// A result the agent waits on or chases, to be reported back.
const RESULT: Words = words!["审核结果", "处理结果", "结果", "跟进", "核实", "反馈"];

impl Rule for WaitWithoutTime {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let c = cx.customer;
        let text = cx.draft.folded();
        let waiting = c.waiting || c.asks_when;
        if !waiting && !contains_any(text, PATIENCE) && !contains_any(text, WAIT) {
            return;
        }
        if cx.names_outcome_time()
            || contains_any(text, VAGUE)
            || only_questions(cx)
            || asks_for_facts(cx)
            || contains_any(text, DONE)
        {
            return;
        }
        // “感谢您的耐心等待” thanks for a wait that is over; so is a 稍等 the agent's next chat
        // message already ends (还请您稍等,正在为您查询~ 亲 您的订单…).
        let wait = find_all(text, WAIT)
            .into_iter()
            .find(|(r, w)| {
                char_before(text, r.start) != Some('的') && !(HOLD.contains(w) && answered_after(text, r.end))
            })
            .map(|(r, _)| r);
        // (A look-up in hand, 正在为您查询, is over once the agent writes again too.)
        let in_hand = IN_HAND
            .find(text)
            .into_iter()
            .map(|h| h.span)
            .find(|r| !(contains_any(&text[r.clone()], CHECKING) && answered_after(text, r.end)));
        let step = STEP_THEN.find(text).into_iter().next().map(|h| h.span);
        let notice = if waiting { NOTICE.find(text).into_iter().next().map(|h| h.span) } else { None };
        // To a customer not waiting, asking for patience, or a step taken and “wait” (已经给您
        // 登记补发了,稍等), says too little; “稍等,正在为您查询/处理” holds the chat meanwhile.
        if !waiting
            && !contains_any(text, PATIENCE)
            && (wait.is_none() || !done_before(text, in_hand.clone()) || contains_any(text, CHECKING))
        {
            return;
        }
        let Some(hit) = [wait, in_hand, step, notice].into_iter().flatten().min_by_key(|r| r.start) else { return };
        let Some(clause) = cx.draft.clause_at(hit.start) else { return };
        // The clause ends at a space too: a chat log joins messages with spaces, and the time
        // node belongs to this one (请稍等 [商品卡片]… 您好!…: after 请稍等).
        let end = text[hit.end..clause.range.end.max(hit.end)]
            .find(char::is_whitespace)
            .map_or(clause.range.end.max(hit.end), |i| hit.end + i);
        let words = &text[clause.range.start..end];
        let at = clause.range.start + words.trim_end_matches(|ch: char| is_punct_or_space(ch) || ch == '~').len();
        // What the customer waits for, read in that clause: delivery, money, or an answer.
        // (A result waited on, 等待审核结果 / 已经跟进站点, comes as a reply, whatever it is about.)
        let node = if contains_any(words, RESULT) {
            ",【预计时间】前给您回复"
        } else if contains_any(words, DELIVERY) {
            ",预计【预计时间】送达"
        } else if contains_any(words, MONEY) {
            ",预计【预计时间】到账"
        } else if contains_any(text, CHECKING) {
            ",【预计时间】前给您回复"
        } else if contains_any(&mask(text, &["收到货"]), RESTOCK) {
            ",预计【预计时间】到货"
        } else {
            ",预计【预计时间】完成"
        };
        // (A time given in the message before: asked again, the wait has one.)
        let severity =
            if waiting && !is_holding(cx) && !cx.timed_before() { Severity::Warning } else { Severity::Hint };
        out.push(
            Self::META.lint(at..at, "客户在等,说清要等多久").suggest(styled(cx.draft, node)).with_severity(severity),
        );
    }
}

/// A moment's wait while the agent looks: over once the agent writes again.
const HOLD: Words = words!["请稍等", "请您稍等", "稍等一下", "稍等片刻", "稍等", "等一下"];

/// Whether a later chat message of the reply (after a space) says something.
fn answered_after(text: &str, at: usize) -> bool {
    text[at..].split_once(char::is_whitespace).is_some_and(|(_, rest)| rest.chars().any(is_han))
}

/// Whether the step in hand is already taken (已经给您安排补发了): its outcome is what the
/// customer now waits for.
fn done_before(text: &str, in_hand: Option<std::ops::Range<usize>>) -> bool {
    in_hand.is_some_and(|r| text[r.start..].starts_with('已'))
}
