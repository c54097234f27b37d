use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::closing::tail::{end_insert, styled};
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{
    contains_any, ends_with_any, find_all, find_pairs, is_han, is_punct_or_space, starts_with_any, Pairs, Words,
};

declare_rule! {
    /// ## What it does
    /// Flags a wait with no end (尽快, 过几天, 晚点, 回头, 改天, 稍后, 等着吧) in a reply that
    /// names no concrete time anywhere, and offers the time node in its place:
    /// “尽快给您发” → “【预计时间】前给您发”. A bare 稍等 with nothing being done (“您稍等”)
    /// gets a hint; “稍等,正在为您查询” is normal live chat and is left alone, and so is 尽快
    /// next to a real time (“尽快为您处理,今天18点前回复”), a wait apologised for (“抱歉让您
    /// 等着急了”), and the customer's waiting felt for (“很理解您等着着急”). 马上 for the agent's next step (我马上联系仓库) counts as a time only where
    /// the customer neither waits nor asked when. To a customer who asked when, 马上
    /// or 很快 as the answer (马上就发, 很快的) gets a hint: it still says no time. So does a
    /// short reply that ends checking (“我帮您核实一下”) to a customer who complains of waiting:
    /// it offers “【预计时间】内给您答复”. To a customer who is calm (好的, 对: neither waiting,
    /// asking when nor complaining), a wait with no end is a hint: blind labellers of real
    /// replies marked it improvable there, not a must. With no customer message known it stays
    /// a warning (but 稍后, softer, a hint).
    ///
    /// ## Why is this bad?
    /// “告知预计等待时间”: 尽快 means nothing to a customer who is waiting; a time node gives
    /// control (“财务会在今天18点前审核”). “等着吧” also sounds impatient.
    ///
    /// ## Example
    /// ```text
    /// 尽快给您发。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 【预计时间】前给您发。
    /// ```
    pub struct VagueWait {
        id: "timeline.vague-wait",
        category: Timeline,
        severity: Warning,
        title: "“尽快”式模糊等待",
        summary: "“尽快”“过几天”等于没说时间;应给出具体的时间节点。",
    }
}

/// Waits with no end, and what to put in their place.
const WAITS: Pairs = pairs![
    ("尽快", "【预计时间】前"),
    ("儘快", "【预计时间】前"),
    ("尽早", "【预计时间】前"),
    ("尽量快", "【预计时间】前"),
    ("过几天", "【预计时间】"),
    ("过两天", "【预计时间】"),
    ("晚点", "【预计时间】"),
    ("晚些", "【预计时间】"),
    ("迟些", "【预计时间】"),
    ("回头", "【预计时间】"),
    ("改天", "【预计时间】"),
    ("稍后", "【预计时间】"),
    ("等通知", "预计【预计时间】通知您"),
    ("等着就行", "预计【预计时间】完成,请您留意"),
    ("等着就好", "预计【预计时间】完成,请您留意"),
    ("等着吧", "预计【预计时间】完成,请您留意"),
    ("等着", "预计【预计时间】完成,请您留意"),
    ("再等等", "预计【预计时间】完成,请您留意"),
    ("再等一等", "预计【预计时间】完成,请您留意"),
    ("再耐心等等", "预计【预计时间】完成,请您留意"),
];

/// The vague words, for other rules that leave them to this one.
pub const VAGUE: Words = words![
    "尽快",
    "儘快",
    "尽早",
    "尽量快",
    "过几天",
    "过两天",
    "晚点",
    "晚些",
    "迟些",
    "回头",
    "改天",
    "稍后",
    "等通知",
    "等着",
];

/// 稍等 is fine when the agent says what they are doing meanwhile.
const BUSY: Words = words![
    "正在",
    "正为",
    "马上",
    "为您查",
    "帮您查",
    "帮您看",
    "为您看",
    "核实",
    "查询",
    "确认",
    "看一下",
    "看下",
    "查一下",
    "查下",
    "查看",
    "处理",
    "联系",
    "申请",
    "登记",
    "提交",
    "看看",
    "问问",
    "查",
    "找",
];

/// “请您稍后评价”, “您过几天再试试”: the customer's own later step, not a wait for the shop.
fn customer_side(text: &str, at: usize, word: &str) -> bool {
    // (申请 and 邀请 are not a request to the customer.)
    let head = &text[..at];
    let near = head.char_indices().rev().nth(4).map_or(head, |(i, _)| &head[i..]);
    let before: String = near.replace("申请", "").replace("邀请", "").chars().rev().take(3).collect();
    let greeting = before.contains("好您") || before.contains("好你");
    // The customer doing it (您尽快下单), except for waiting itself (您再等等): that is the wait.
    let waiting = word.contains('等');
    // (“建议尽早清洗”: advice, the customer's step too.)
    if !greeting
        && !waiting
        && (before.contains('您') || before.contains('你') || before.contains('请') || head.ends_with("建议"))
    {
        return true;
    }
    let after: String = text[at + word.len()..].chars().take(6).collect();
    // “尽早下单就能早点收到”: advice on the customer's own step.
    contains_any(&after, &["下单", "付款", "支付", "拍下", "购买"])
        || (word == "稍后" && contains_any(&after, &["点击", "评价", "对", "再试", "查看", "留意", "关注"]))
}

/// The wait that was, apologised for: 抱歉让您等着急了, 让你等着了.
fn made_to_wait(text: &str, at: usize) -> bool {
    ends_with_any(&text[..at], ["让您", "让你", "叫您", "害您"])
        // “很理解您等着着急”: the customer's waiting, felt for.
        || starts_with_any(&text[at..], ["等着着急", "等着急", "等着心急"])
}

/// Politeness and particles around a bare 稍等 (“请您稍等一下哈”).
const FILLER: &[char] =
    &['请', '您', '你', '一', '下', '哈', '哦', '呢', '呀', '啊', '哟', '亲', '片', '刻', '会', '儿', '再'];

/// Soon, but not when: the answer to “啥时候发货?” that names no time.
const SOON: Words = words!["马上", "立刻", "立即", "很快", "第一时间"];
/// The outcome the customer asked about, right after it (马上就发, 很快就到).
const OUTCOME: Words = words!["发", "到", "送", "退", "寄", "安排"];

impl Rule for VagueWait {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        // Asked when, answered 马上 / 很快 and nothing more: when is still not said. (马上为您
        // 查询 says what the agent does now, and is left alone.)
        if cx.customer.asks_when && !cx.names_outcome_time() {
            let han = text.chars().filter(|c| is_han(*c)).count();
            let soon = find_all(text, SOON).into_iter().find(|(hit, _)| {
                let after: String = text[hit.end..].chars().take(3).collect();
                han <= 8 || contains_any(&after, OUTCOME)
            });
            if let Some((hit, _)) = soon {
                out.push(
                    Self::META
                        .lint(hit, "“马上”“很快”是多久?说出具体时间")
                        .suggest("【预计时间】前")
                        .with_severity(Severity::Hint),
                );
                return;
            }
        }
        // To a customer who waits or asked when, 我马上联系配送员 leaves a 尽快 about the outcome
        // (尽快给您送过去) open.
        if cx.times_the_outcome() {
            return;
        }
        let waits = find_pairs(text, WAITS)
            .into_iter()
            .filter(|(hit, (w, _))| !customer_side(text, hit.start, w) && !made_to_wait(text, hit.start));
        if let Some((hit, (w, fix))) = waits.into_iter().next() {
            // A customer who waits, asked when or complains wants the time; to one who is
            // calm (好的, 对), a wait with no end is improvable, not a must. 稍后 is softer than
            // 尽快 or 等着: a hint unless the customer waits, even where nothing is known of them.
            let wants_the_time = cx.customer.waiting || cx.customer.asks_when || cx.customer.complaint;
            let calm = !wants_the_time && !cx.customer.text.trim().is_empty();
            let soft = !wants_the_time && (w == "稍后" || calm);
            let severity = if soft { Severity::Hint } else { Severity::Warning };
            // A doubled first character (“尽尽快”, a typo) goes with the word it doubles.
            let first = w.chars().next().map_or(0, char::len_utf8);
            let start = if text[..hit.start].ends_with(&w[..first]) { hit.start - first } else { hit.start };
            // “会尽快的哦” says no verb after it: the fix brings one (会在【预计时间】前处理好的哦).
            let bare = text[hit.end..]
                .chars()
                .next()
                .is_none_or(|c| c == '的' || is_punct_or_space(c) || "哦呢哈呀啊啦哟~".contains(c));
            let fix = if bare && fix == "【预计时间】前" { "在【预计时间】前处理好" } else { fix };
            out.push(Self::META.lint(start..hit.end, "等待没有终点,给出预计时间").suggest(fix).with_severity(severity));
            return;
        }
        // “我帮您核实一下” to a customer who has been waiting: checking, but until when?
        if cx.customer.waiting && cx.customer.complaint && ends_checking(cx) {
            let (at, join) = end_insert(cx.draft);
            let add = styled(cx.draft, "【预计时间】内给您答复。");
            out.push(
                Self::META
                    .lint(at..at, "客户在等,说清多久给答复")
                    .suggest(format!("{join}{add}"))
                    .with_severity(Severity::Hint),
            );
            return;
        }
        if contains_any(text, BUSY) {
            return;
        }
        // “稍等哦 可以的呢” answers right away; only a 稍等 that is all the reply says is flagged.
        let rest: String = text.replace("稍等", "").chars().filter(|c| is_han(*c) && !FILLER.contains(c)).collect();
        if rest.chars().count() > 2 {
            return;
        }
        if let Some((hit, _)) = find_all(text, &["稍等"]).into_iter().next() {
            out.push(
                Self::META.lint(hit, "稍等多久?说明在做什么").suggest("稍等【预计时间】").with_severity(Severity::Hint),
            );
        }
    }
}

/// A short reply whose last words are the checking itself (“我帮您核实一下”), not an answer
/// found.
fn ends_checking(cx: &Context) -> bool {
    let d = cx.draft;
    if d.folded().chars().count() > CHECKING_MAX_CHARS {
        return false;
    }
    let last = d.clauses().iter().rev().map(|c| d.text(&c.range)).find(|t| t.chars().any(is_han));
    last.is_some_and(|t| contains_any(t, CHECKING) && !t.contains('了'))
}

const CHECKING_MAX_CHARS: usize = 30;
const CHECKING: Words = words!["查询", "核实", "查看", "看一下", "查一下", "看下", "查下", "确认一下"];
