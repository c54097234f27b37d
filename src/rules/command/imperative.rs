use crate::finding::Lint;
use crate::finding::Lints;
use crate::rules::{declare_rule, Context, Rule};
use std::ops::Range;

use crate::text::{
    char_before, contains_any, ends_with_any, find_all, find_pairs, is_punct_or_space, starts_with_any, Pairs, Part,
    Phrase, Words,
};

declare_rule! {
    /// ## What it does
    /// Flags orders given to the customer — 自己看, 自己查, 自己去, 发我, 给我发, 拍张照片我看看,
    /// 发一下订单号 (as its clause's first words),
    /// 等着, 快点, 照着做 / 照着寄, 先看说明书, 看清楚再…, 往上翻 — when nothing softens them (请, 麻烦, 劳烦, 辛苦,
    /// 烦请, 您可以, 建议, 方便…; 请问 opens a question and softens nothing), and offers a
    /// 麻烦您… / 我来帮您… wording.
    ///
    /// Left alone: words quoted (之前那句“你等着就行”没说清楚), “请您拍照发过来”, “麻烦您把订单号发我一下”, “您别着急” (comfort),
    /// “惊喜等着您”, “您可以自己在订单页查看” (an option, not an order), “自己安装很简单” (how
    /// easy it is), what the customer can't do, felt for (确实没办法自己去搬), and a step told at its moment to a customer who asked how (怎么下单? —
    /// “下单时把logo文件发给我们”).
    ///
    /// ## Why is this bad?
    /// The guides: “全程使用‘请’‘您好’‘麻烦您’… 避免使用命令式、反问式语气(如‘自己看说明!’)”.
    /// An order makes the customer do the work and sounds like a scolding.
    ///
    /// ## Example
    /// ```text
    /// 说明书写得很清楚,自己看说明!
    /// 订单号发我。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 说明书写得很清楚,麻烦您参考一下说明书,有不明白的地方我来帮您解答!
    /// 麻烦您把订单号发我。
    /// ```
    pub struct Imperative {
        id: "command.imperative",
        category: Command,
        severity: Warning,
        title: "命令式语气",
        summary: "“自己看”“发我”等命令语气像在训人;应加“请”“麻烦您”。",
    }
}

/// (order, words to say instead). An order with no words to say instead asks the customer to
/// send something without 请/麻烦: the fix asks the same politely (订单号发我 → 麻烦您把订单号
/// 发我).
const ORDERS: Pairs = pairs![
    ("你自己看说明", "麻烦您参考一下说明书,有不明白的地方我来帮您解答"),
    ("自己看说明书", "麻烦您参考一下说明书,有不明白的地方我来帮您解答"),
    ("自己看说明", "麻烦您参考一下说明书,有不明白的地方我来帮您解答"),
    ("自己看详情页", "麻烦您参考一下详情页,有不明白的地方我来帮您解答"),
    ("你自己看", "我来帮您看一下"),
    ("自己看", "我来帮您看一下"),
    ("你自己查", "我来帮您查一下"),
    ("自己查", "我来帮您查一下"),
    ("自己去问", "我来帮您问一下"),
    ("自己去查", "我来帮您查一下"),
    ("自己去看", "我来帮您看一下"),
    ("自己去", "麻烦您去"),
    ("自己找", "我来帮您找一下"),
    ("自己想办法", "我们一起想想办法"),
    ("自己弄", "我来教您操作"),
    ("自己搞", "我来教您操作"),
    ("照着做", "您可以按照这个步骤操作"),
    ("照着寄", "您可以按照这个地址寄回"),
    ("照着填", "您可以按照这个步骤填写"),
    ("照着装", "您可以按照这个步骤安装"),
    ("照着折", "您可以按照这个步骤操作"),
    ("照着弄", "您可以按照这个步骤操作"),
    ("对着步骤弄", "您可以按照这个步骤操作"),
    ("对着弄", "您可以按照这个步骤操作"),
    ("就完事了", "就可以了"),
    ("照我说的做", "您可以按照这个步骤操作"),
    ("按我说的做", "您可以按照这个步骤操作"),
    ("看清楚再问", "我再为您说明一下"),
    ("看完再来问", "我再为您说明一下"),
    ("看完再问", "我再为您说明一下"),
    ("去翻一下", "我把这部分内容发给您"),
    ("去翻翻", "我把这部分内容发给您"),
    ("往上翻一下", "我再为您发一遍"),
    ("往上翻翻", "我再为您发一遍"),
    ("往上翻", "我再为您发一遍"),
    ("往上看", "我再为您发一遍"),
    // “您往下拉看看就知道了”: go and read it yourself.
    ("看看就知道了", "我把这部分内容发给您"),
    ("往上滑", "我再为您发一遍"),
    ("翻记录", "我再为您发一遍"),
    ("翻聊天记录", "我再为您发一遍"),
    ("看清楚再拍", "建议您确认好规格再下单"),
    ("看清楚再买", "建议您确认好规格再下单"),
    ("看清楚再下单", "建议您确认好规格再下单"),
    ("先看详情页", "麻烦您先参考一下详情页"),
    ("先看说明书", "麻烦您参考一下说明书,有不明白的地方我来帮您解答"),
    ("等着吧", "请您耐心等待一下"),
    ("等着就行", "请您耐心等待一下"),
    ("等着就好", "请您耐心等待一下"),
    ("你等着", "请您耐心等待一下"),
    ("先等着", "请您耐心等待一下"),
    ("快点", "麻烦您尽快"),
    ("快一点", "麻烦您尽快"),
    // Asking the customer to send something without 请/麻烦: the fix asks politely.
    ("给我发", ""),
    ("发我", ""),
    ("发过来", ""),
    ("拍给我", ""),
    ("拍过来", ""),
    ("报一下", ""),
    ("报给我", ""),
    ("报过来", ""),
    ("甩过来", ""),
    ("甩给我", ""),
    ("丢过来", ""),
    ("传上来", ""),
    ("发上来", ""),
];
/// Anything of these before the order in its clause (or the sentence) softens it.
const SOFTENERS: Words = words![
    "请",
    "麻烦",
    "劳烦",
    "辛苦",
    "烦请",
    "烦您",
    "您可以",
    "可以",
    "建议",
    "方便",
    "帮忙",
    "劳驾",
    "能否",
    "是否",
    "如果",
    "需要您",
    "要您",
    "您看",
    "不用",
    "无需",
    "不需要",
];
/// After 快点, these make it the pressure category's business (快点下单) or not an order.
/// An order in other words: 你先寄回来, 您自己对照一下型号, 自己在订单页面申请, 把银行卡号发一下.
const BARE_ORDERS: &[Phrase] = &[
    Phrase(&[Part::Word(ORDER_LEAD), Part::Gap(8), Part::Word(CUSTOMER_STEP)]),
    Phrase(&[
        Part::Word(words!["把"]),
        Part::Gap(10),
        Part::Word(words!["发一下", "发过来", "发给我", "发我", "拍一下", "报一下", "报过来"]),
    ]),
    // 发一下订单号, 重新拍清楚再传: a send told bare, as the clause's first words.
    Phrase(&[
        Part::Word(SEND_FIRST),
        Part::Gap(8),
        Part::Word(words!["订单号", "单号", "照片", "图片", "截图", "视频", "地址", "手机号", "链接", "再传", "再发"]),
    ]),
    // 去那看, 先去看商品页的说明: sent off to look, as the clause's first words.
    Phrase(&[Part::Word(GO_FIRST), Part::Gap(8), Part::Key(words!["看", "查"])]),
    // 发截图我看看, 拍个照片给我看看
    Phrase(&[
        Part::Word(words!["发", "拍"]),
        Part::Gap(6),
        Part::Word(words!["我看看", "给我看看", "我看一下", "给我看一下"]),
    ]),
];
/// Sending told bare: an order only where it opens its clause (not 我发一下链接给您).
const SEND_FIRST: Words = words!["发一下", "发下", "拍一下", "重新拍"];
/// Sent off to look: an order only where it opens its clause (not 我去看一下).
const GO_FIRST: Words = words!["去", "先去"];
/// 去年, 去掉, 去除…: a 去 that goes nowhere.
const NOT_GOING: Words = words!["年", "掉", "除", "污", "皮", "渍", "味", "火", "油", "世"];
/// Who is told to do it, and how: the lead words the fix replaces with 麻烦您.
const ORDER_LEAD: Words = words!["你自己", "您自己", "你先", "你去", "你把", "自己"];
/// What a customer can be told to do.
const CUSTOMER_STEP: Words = words![
    "看", "查", "对照", "核对", "对比", "比较", "比对", "申请", "翻", "找", "寄回", "退回", "付款", "填", "点", "操作",
    "联系", "问", "确认", "修改", "取消", "提交", "截图", "下载", "安装", "设置", "处理", "拍",
];

/// After the words, a permission: 也没问题, 也可以, 都行.
const PERMITTED: Words =
    words!["也没问题", "也可以", "也行", "都可以", "都行", "没问题的", "完全没问题", "完全可以", "是可以的"];
/// After the words, how easy or how good doing it is (自己安装很简单, 给自己买点小礼物挺好的):
/// a description, not an order.
const EASY: Words =
    words!["很简单", "挺简单", "很方便", "挺方便", "很容易", "不难", "也简单", "挺好的", "很好的", "也不错"];
/// Before the words, someone other than the customer: 孩子自己看着就能做.
const SOMEONE_ELSE: Words = words!["孩子", "宝宝", "小朋友", "小孩", "老人", "家人", "师傅", "快递员"];
/// Someone else is the one to do it, named right before the words (孩子自己看着就能做; not
/// 宝宝穿多大您自己看尺码表, where the customer is).
fn by_someone_else(clause_before: &str) -> bool {
    ends_with_any(clause_before.trim_end_matches(['都', '也', '就']), SOMEONE_ELSE.iter())
}

/// Before them, a reassurance: 您安心等着就好, 放心等着.
const REASSURED: Words = words!["安心", "放心"];

/// The agent doing it: “我这边给您发过来”, “我自己查了一下”.
const AGENT_DOES_IT: Words = words!["我", "给您", "为您", "帮您", "小妹", "这边"];

const FAST_NOT_MINE: Words = words!["击", "下单", "付款", "拍", "买", "支付", "到", "发", "送", "处理", "的"];

/// “没给我发”, “不用自己去”, “别自己找”: a report or a comfort, not an order; “这么大的空调确实
/// 没办法自己去搬”: what the customer can't do, felt for.
fn negated(text: &str, at: usize) -> bool {
    char_before(text, at).is_some_and(|c| matches!(c, '没' | '不' | '别' | '未'))
        || ends_with_any(&text[..at], ["没办法", "没法", "不能"])
}

impl Rule for Imperative {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        for (hit, (word, fix)) in find_pairs(text, ORDERS) {
            let Some(clause) = cx.draft.clause_at(hit.start) else { continue };
            let sentence_start = cx.draft.sentence_at(hit.start).map_or(clause.range.start, |s| s.range.start);
            let before = &text[sentence_start..hit.start];
            let after = &text[hit.end..clause.range.end.max(hit.end)];
            let negated = negated(text, hit.start);
            // “您自己去取也没问题”: a permission; “自己安装很简单”: how easy it is; “您安心等着
            // 就好”: a reassurance.
            let allowed =
                contains_any(after, PERMITTED) || contains_any(after, EASY) || contains_any(before, REASSURED);
            // “之前那句‘你等着就行’确实没说清楚”: someone's words quoted, not an order now.
            if negated
                || allowed
                || softened(before, SOFTENERS)
                || asks(after)
                || cx.draft.offers_a_choice(hit.end)
                || cx.draft.quote_at(hit.start).is_some()
            {
                continue;
            }
            // The agent doing it: “我这边给您发过来”, “我自己查了一下”; or someone else: “孩子自己
            // 看着就能做”.
            let clause_before = &text[clause.range.start..hit.start];
            if contains_any(clause_before, AGENT_DOES_IT) || by_someone_else(clause_before) || after.starts_with('们')
            {
                continue;
            }
            // (“理解您想快点拿到钱”: the customer's wish.)
            if word.starts_with('快')
                && (FAST_NOT_MINE.iter().any(|w| after.starts_with(w)) || clause_before.ends_with('想'))
            {
                continue;
            }
            // “等着您” (惊喜等着您) and “发过来的” (a parcel) are not orders.
            if after.starts_with('您') || after.starts_with("的") {
                continue;
            }
            if !fix.is_empty() {
                // “您先看说明书” → “麻烦您参考一下说明书…”, not “您麻烦您…”: the 您 goes with it.
                let you = char_before(text, hit.start).filter(|c| matches!(c, '您' | '你'));
                let hit = match you {
                    Some(c) if fix.starts_with("麻烦您") || fix.starts_with("您") => {
                        hit.start - c.len_utf8()..hit.end
                    }
                    _ => hit,
                };
                out.push(Self::META.lint(hit, "命令式语气,改用“麻烦您…”").suggest(fix));
                continue;
            }
            // A request to send: “订单号发我” → “麻烦您把订单号发我”.
            let (span, fix) =
                if let Some(rest) = clause_before.strip_prefix("你").or_else(|| clause_before.strip_prefix("您")) {
                    let rest_raw = cx.draft.raw_text(&(hit.start - rest.len()..hit.end));
                    (clause.range.start..hit.end, format!("麻烦您{rest_raw}"))
                } else if clause_before.trim().is_empty() {
                    (hit.start..hit.end, format!("麻烦您{}", cx.draft.raw_text(&hit)))
                } else {
                    let lead = clause.range.start + (clause_before.len() - clause_before.trim_start().len());
                    let ba = if clause_before.trim_start().starts_with('把') { "" } else { "把" };
                    (lead..hit.end, format!("麻烦您{ba}{}", cx.draft.raw_text(&(lead..hit.end))))
                };
            out.push(Self::META.lint(span, "请客户做事先说“麻烦您”").suggest(fix));
        }
        let mut kept = out.last().map_or(0, |l: &Lint| if l.rule == Self::META.id { l.span.end } else { 0 });
        for phrase in BARE_ORDERS {
            for hit in phrase.find(text) {
                if hit.span.start < kept || !is_order(cx, &hit.span, hit.parts[0].end) {
                    continue;
                }
                let lead = hit.parts[0].clone();
                let lead_text = &text[lead.clone()];
                // Sent or sent off, bare: an order only as the clause's first words.
                let go_first = GO_FIRST.contains(lead_text);
                let first_words = go_first || SEND_FIRST.contains(lead_text);
                if first_words && !opens_its_clause(cx, hit.span.start) {
                    continue;
                }
                if go_first && starts_with_any(&text[lead.end..], NOT_GOING) {
                    continue;
                }
                kept = hit.span.end;
                let rest = cx.draft.raw_text(&(lead.start..hit.span.end));
                // Lead words that are part of the request stay after 麻烦您 (把…发一下, 发一下订单号);
                // the others (自己, 你自己) are what 麻烦您 replaces.
                let fix = match lead_text {
                    "把" | "你先" | "你把" | "发" | "拍" => format!("麻烦您{}", rest.trim_start_matches('你')),
                    _ if first_words => format!("麻烦您{rest}"),
                    _ => format!("麻烦您{}", cx.draft.raw_text(&(lead.end..hit.span.end))),
                };
                out.push(Self::META.lint(hit.span, "命令式语气,改用“麻烦您…”").suggest(fix));
            }
        }
    }
}

/// Whether the clause after an order asks rather than tells (“…吗”, “…过吗”, “…多少?”); “看物流啊???”
/// is an exasperated order, not a question.
fn asks(after: &str) -> bool {
    // (“您没有在前台自己申请过吗”, “是需要自己送到自提点的吗”: the clause ends asking.)
    after.starts_with('吗')
        || after.trim_end_matches(|c: char| is_punct_or_space(c) || c == '~').ends_with('吗')
        || (after.contains('?') && !after.trim_end_matches(['?', '!']).ends_with(['啊', '呀', '嘛', '哦']))
}

/// Whether `text` holds one of `softeners`; 请问 opens a question, it softens nothing after it.
fn softened(text: &str, softeners: Words) -> bool {
    find_all(text, softeners).into_iter().any(|(hit, w)| !(w == "请" && text[hit.end..].starts_with('问')))
}

/// Whether `span` orders the customer about: no softener before it in its clause (nor a 请 or
/// 麻烦 earlier in the sentence), no negation, not a question, not the agent's own step.
/// `lead_end` is where its lead words end (“要您自己查看” is softened by 要您).
fn is_order(cx: &Context, span: &Range<usize>, lead_end: usize) -> bool {
    let text = cx.draft.folded();
    let (Some(clause), Some(sentence)) = (cx.draft.clause_at(span.start), cx.draft.sentence_at(span.start)) else {
        return false;
    };
    let before = &text[sentence.range.start..span.start];
    let clause_before = &text[clause.range.start..span.start];
    let lead = &text[clause.range.start..lead_end];
    let after = &text[span.end..clause.range.end.max(span.end)];
    !(negated(text, span.start)
        || cx.draft.quote_at(span.start).is_some()
        || contains_any(lead, SOFTENERS)
        || softened(before, words!["请", "麻烦", "劳烦", "烦请", "辛苦"])
        || asks(after)
        || contains_any(&text[span.start..clause.range.end.max(span.end)], PERMITTED)
        || contains_any(after, EASY)
        || contains_any(before, REASSURED)
        || contains_any(clause_before, AGENT_DOES_IT)
        || by_someone_else(clause_before)
        || tells_a_step(cx, clause_before))
}

/// Whether the words at `at` open their clause (after a greeting or an address at most).
fn opens_its_clause(cx: &Context, at: usize) -> bool {
    let text = cx.draft.folded();
    let start = cx.draft.clause_at(at).map_or(at, |c| c.range.start);
    let before = text[start..at].trim();
    before.is_empty() || ["亲", "亲亲", "您好"].contains(&before)
}

/// “下单时把logo文件发给我们” to “怎么下单?”: a step of the process the customer asked how to
/// go through, told at its moment (…时, …后), not an order.
fn tells_a_step(cx: &Context, clause_before: &str) -> bool {
    contains_any(&cx.customer.text, &["怎么", "如何", "流程", "步骤"])
        && ends_with_any(clause_before.trim_end(), ["时", "时候", "后", "之后", "以后"])
}
