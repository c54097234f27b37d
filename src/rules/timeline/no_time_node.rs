use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::closing::tail::styled;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{
    contains_any, ends_with_any, find_all, is_clause_end, is_emoji, is_punct_or_space, sort_by_key, starts_with_any,
    Words,
};

use super::vague_wait::VAGUE;

declare_rule! {
    /// ## What it does
    /// Finds a promised follow-up by the agent (我帮您核实一下, 这边给您补发, 会为您退款, 我们
    /// 跟进...) in a reply that names no time anywhere (今天18点前, 明天, 2分钟内, 1-3个工作日,
    /// 马上), and offers a time node to insert after it with a placeholder:
    /// “,预计【预计时间】前给您回复” / “发出” / “送达” / “到账” by kind of action.
    ///
    /// Looking something up while the customer waits (“我看下”, “这边帮您核实”) counts only when
    /// it is deferred (核实后…, 会…), or when a check (核实, 确认…) waits for the customer's photo
    /// or order number; a plain look-up (查看, 查一下) once the number comes is done in the chat
    /// (“提供下订单号,帮您查看一下”: blind labellers never asked for a time there).
    /// A hint in general (“这个问题我需要帮您核实一下。” is a good reply); a warning when the
    /// customer asked when, or asked about the wait itself (怎么还没到?, 退款还没到账?). A wait
    /// only mentioned (我的还没有收到,能按照现在价格执行吗) or complained of without a question
    /// leaves it a hint: blind labellers of real replies marked a time improvable there more
    /// often than a must; so does a time already given in the agent's message before the
    /// customer's last ones (`previous_reply`). Holding lines (“稍等,正在为您查询”),
    /// finished actions (已经为您…), the customer's own options (您可以申请退款) and the way the
    /// process goes once something else happens (待所有包裹到齐后,我们会为您一次派送; 如果…)
    /// and where a refund goes, to a customer who asked where (会退回到您的白条额度上)
    /// are left alone; 尽快 and friends are `timeline.vague-wait`'s.
    ///
    /// ## Why is this bad?
    /// “提供掌控感”: the guides ask for the process and its time nodes (“财务会在今天18点前审核,
    /// 审核通过后1-3个工作日会退回”). A promise without a time leaves the customer to chase.
    ///
    /// ## Example
    /// ```text
    /// 亲,请您拍照发过来,我们看一下。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 亲,请您拍照发过来,我们看一下,预计【预计时间】前给您回复。
    /// ```
    pub struct NoTimeNode {
        id: "timeline.no-time-node",
        category: Timeline,
        severity: Hint,
        title: "承诺处理但没有时间节点",
        summary: "承诺处理却不说何时有结果,客户只能追问;应给出时间节点。",
    }
}

/// Follow-ups whose natural time node is “when you'll hear back”. Live chat looks things up
/// while the customer waits (“我看下”, “这边帮您核实”): those need a time only when deferred.
const REPLY_LATER: Words = words![
    "审核",
    "回复",
    "答复",
    "跟进",
    "反馈",
    "联系您",
    "联系你",
    "通知您",
    "告知您",
    "告诉您",
    "排查",
    "处理",
    "同步给您",
    "同步您",
    "回您",
    "回话",
];
const REPLY_NOW: Words = words![
    "核实",
    "看一下",
    "看下",
    "查一下",
    "查下",
    "查看",
    "来查",
    "去查",
    "确认",
    "催促",
    "催一下",
    "解决",
    "登记",
    "申请",
    "联系",
];
/// Looking something up: done in the chat, even once the customer has sent the order number.
const LOOK_UP: Words = words!["看一下", "看下", "查一下", "查下", "查看", "来查", "去查"];
/// What the agent asks for to look an order up.
const NUMBERS: Words = words!["订单号", "单号", "编号", "链接"];
/// What the agent asks for to judge a fault: looking at it leads to a decision that takes time.
const MATERIAL: Words = words!["拍照", "照片", "图片", "截图", "视频"];

/// “提供下订单号,帮您查看一下”: the look-up is done in the chat once the number comes.
fn looks_up_a_number(text: &str, verb: &str) -> bool {
    LOOK_UP.contains(verb) && contains_any(text, NUMBERS) && !contains_any(text, MATERIAL)
}
/// Before an immediate verb: it is deferred after all (“核实后”, “会帮您确认”).
const DEFERRED: Words = words![
    "会",
    "之后",
    "以后",
    "稍后",
    "再",
    "后给您",
    "后回复",
    "后联系",
    "后告知",
    "后通知",
    "后再",
    "核实后",
    "确认后",
    "查询后",
];

/// After a verb, these make it part of a noun (配送地址, 退款金额, 审核意见).
const NOUN_AFTER: Words = words![
    "地址", "员", "站", "点", "师傅", "费", "信息", "单", "时间", "方式", "范围", "金额", "申请", "进度", "结果",
    "意见", "状态", "流程", "记录", "周期", "规则", "地", "中心", "部门", "人员",
];

/// The reply asks the customer for material first: looking at it happens later.
const WAITS_FOR_CUSTOMER: Words =
    words!["拍照", "照片", "图片", "截图", "视频", "发过来", "发给我", "发我", "提供", "订单号"];

fn deferred(clause: &str) -> bool {
    contains_any(&clause.replace("会员", "").replace("机会", ""), DEFERRED)
}
const SHIP: Words = words![
    "发货",
    "补发",
    "寄出",
    "发出",
    "换货",
    "重发",
    "寄回",
    "换新",
    "出单",
    "发到您",
    "寄给您",
    "给您寄",
    "给您发",
    // 开好了发您邮箱, 弄完第一时间发您确认 (once the work is done: see ONCE_DONE).
    "发您"
];
/// Before 发您, the work it waits for: 开好了, 做完, 审核通过后, 第一时间.
const ONCE_DONE: Words = words!["好了", "好后", "完", "完了", "后", "第一时间", "就"];
const DELIVER: Words = words!["派送", "配送", "送货", "送达", "上门"];
/// The agent passes a message on to the courier (反馈配送备注号码, 联系站点改约).
const PASSED_ON: Words = words!["反馈", "联系", "通知", "告知", "备注", "转告"];
const COURIER: Words = words!["配送", "站点", "快递员", "师傅", "骑手"];
const REPORTS_BACK: Words = words!["回复", "答复", "给您", "告知您", "通知您", "联系您", "结果"];
const REFUND: Words = words!["退款", "退回", "到账", "返还", "退差价", "补差价", "打款", "退还", "退给您"];

/// Before the verb, in its clause: the agent (or the shop) is the one who will act.
/// Who does it, or a result the agent waits on (有结果回复您, 处理好通知您).
const AGENT: Words = words![
    "我",
    "这边",
    "小妹",
    "妹子",
    "会",
    "帮您",
    "为您",
    "给您",
    "帮你",
    "为你",
    "给你",
    "去",
    "再",
    "有结果",
    "有消息",
    // Once something is done, the agent acts (到货了第一时间通知您, 做好就给您发).
    "第一时间",
    "了就",
    "后就",
    "好就",
    "完就",
    "到时候",
    "随后",
    "有进展",
    "处理好",
    "确认好",
    "安排好",
    "核实好",
    // Once a step is done (开好了发您邮箱, 审核通过后给您发新的).
    "好了",
    "通过后",
    "核实后",
    "确认后",
];
/// Before the verb: the customer acts, or it is done already, or someone is still looking.
/// Before a promise in its sentence, an event it waits for (not the agent's own step).
const ONCE_IT_HAPPENS: Words = words!["如果", "若", "一旦", "等到"];

/// Whether the words before a promise make it wait on an event: a condition (如果, 一旦…), or a
/// clause that opens with 待 (待所有包裹到齐后; not 耐心等待 or 期待).
fn waits_on_an_event(before: &str) -> bool {
    contains_any(before, ONCE_IT_HAPPENS)
        || before.split(|c: char| is_clause_end(c) || c.is_whitespace()).any(|clause| clause.starts_with('待'))
}

const NOT_A_PROMISE: Words = words![
    // A purpose, not a promise: 为了更快地帮您处理, 以便为您配送.
    "为了",
    "以便",
    "便于",
    "有什么",
    "如有",
    "我看",
    "看到",
    "显示",
    "查到",
    "您可以",
    "您可",
    "您需要",
    "您要",
    "您先",
    "您自己",
    "请您",
    "麻烦您",
    "您这边",
    "您那边",
    "您在",
    "您直接",
    "您也",
    "您再",
    "您申请",
    "您联系",
    "已经",
    "已",
    "正在",
    "正为",
    "稍等",
    "是否",
    "可以吗",
    "如果",
    "需要您",
    "不会",
    "不能",
    "无法",
    "没有",
    "没",
];

impl Rule for NoTimeNode {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let d = cx.draft;
        let text = d.folded();
        let c = cx.customer;
        if cx.times_the_outcome() || contains_any(text, VAGUE) {
            return;
        }
        let Some((clause_end, kind)) = first_promise(cx) else {
            return;
        };
        let severity =
            if (c.asks_when || c.asks_about_wait) && !cx.timed_before() { Severity::Warning } else { Severity::Hint };
        let clause = &text[..clause_end];
        let node = match kind {
            Kind::Ship => ",预计【预计时间】发出",
            Kind::Deliver => ",预计【预计时间】送达",
            Kind::Refund => ",预计【预计时间】到账",
            Kind::Reply | Kind::ReplyNow if contains_any(clause, &["回复", "答复", "通知", "联系您", "告知"]) => {
                ",预计【预计时间】前"
            }
            Kind::Reply | Kind::ReplyNow => ",预计【预计时间】前给您回复",
        };
        out.push(
            Self::META
                .lint(clause_end..clause_end, "承诺了处理,补上预计时间")
                .suggest(styled(d, node))
                .with_severity(severity),
        );
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Reply,
    ReplyNow,
    Ship,
    Deliver,
    Refund,
}

/// The first promised follow-up: where its clause's words end, and what kind it is.
fn first_promise(cx: &Context) -> Option<(usize, Kind)> {
    let d = cx.draft;
    let text = d.folded();
    let groups: [(Words, Kind); 5] = [
        (SHIP, Kind::Ship),
        (DELIVER, Kind::Deliver),
        (REFUND, Kind::Refund),
        (REPLY_LATER, Kind::Reply),
        (REPLY_NOW, Kind::ReplyNow),
    ];
    // (verb start, where its clause's words end, kind, its sentence's start)
    let mut hits: Vec<(usize, usize, Kind, usize)> = Vec::new();
    for (verbs, kind) in groups {
        for (hit, verb) in find_all(text, verbs) {
            let Some(clause) = d.clause_at(hit.start) else { continue };
            let pre = &text[clause.range.start..hit.start];
            let sentence = d.sentence_at(hit.start).map_or(clause.range.clone(), |s| s.range.clone());
            let message = d.message_at(hit.start).unwrap_or(sentence.clone());
            // (“明天能不能到我帮您问下”: 能不能 asks about what the agent will find out; its 不能
            // refuses nothing.)
            let not_a_promise = if pre.contains("能不能") {
                contains_any(&pre.replace("能不能", ""), NOT_A_PROMISE)
            } else {
                contains_any(pre, NOT_A_PROMISE)
            };
            if !contains_any(pre, AGENT) || not_a_promise || asks(&text[message]) {
                continue;
            }
            // “我发您视频” sends it now; “开好了发您邮箱” waits for the work to be done.
            if verb == "发您" && !ends_with_any(pre, ONCE_DONE) {
                continue;
            }
            // “这边反馈配送备注号码”: a message passed on to the courier, nothing the customer
            // waits for (unless the agent will report back: 联系配送员核实后回复您).
            let said = d.text(&clause.range);
            if contains_any(said, PASSED_ON) && contains_any(said, COURIER) && !contains_any(said, REPORTS_BACK) {
                continue;
            }
            // “待所有包裹到齐后,我们会为您一次派送”: how the process goes once something
            // else happens, not a follow-up the customer waits on.
            if waits_on_an_event(&text[sentence.start..hit.start]) {
                continue;
            }
            // “原路返回您的账户”, “退回您的支付账户”: 回您 after a verb of sending sends
            // something back; it promises no reply.
            if text[hit.start..].starts_with("回您")
                && text[..hit.start].ends_with(['返', '退', '寄', '送', '带', '发', '拿', '找'])
            {
                continue;
            }
            // “会退回到您的白条额度上” to “金额退到哪了”: where the money goes, asked and
            // answered (not when).
            if matches!(kind, Kind::Refund)
                && starts_with_any(&text[hit.end..], ["到", "至", "回到", "回"])
                && asks_where(&cx.customer.text)
                && !cx.customer.asks_when
            {
                continue;
            }
            // “我的京东-返修退换货”, “我的-我的退换货-申请售后”: a menu's label, not a promise.
            if in_menu_path(&text[clause.range.start..hit.start]) {
                continue;
            }
            // “配送地址”, “退款金额”, “审核意见”: a noun, not an action.
            if NOUN_AFTER.iter().any(|n| text[hit.end..].starts_with(n)) {
                continue;
            }
            // “可再联系我们”: the customer is the one who will get in touch.
            if contains_any(&text[hit.end..], &["我们", "客服", "我哦", "我的"])
                && text[hit.start..].starts_with("联系")
            {
                let next: String = text[hit.end..].chars().take(2).collect();
                if next.starts_with("我") || next.starts_with("客服") {
                    continue;
                }
            }
            // “提供下订单号,帮您查看一下”: a look-up once the number comes is done in the chat.
            if matches!(kind, Kind::ReplyNow)
                && !deferred(&text[clause.range.clone()])
                && (!contains_any(text, WAITS_FOR_CUSTOMER) || looks_up_a_number(text, verb))
            {
                continue;
            }
            // (The clause ends at a space too: the next chat message, 您这边是不方便签收是吗,
            // is not where the promise's time goes.)
            let end = clause.range.end.max(hit.end);
            let end = text[hit.end..end].find(char::is_whitespace).map_or(end, |i| hit.end + i);
            hits.push((hit.start, words_end(text, clause.range.start..end), kind, sentence.start));
        }
    }
    sort_by_key(&mut hits, |h| h.0 as u128);
    let first = hits.first()?;
    // “我们看一下,核实后给您答复”: the time node goes after the last promise of that sentence.
    let last = hits.iter().filter(|h| h.3 == first.3).max_by_key(|h| h.1)?;
    Some((last.1, last.2))
}

/// Whether the words before a verb are a menu path's label: after a `-`, `—` or `>` (or
/// inside “…”), only Han characters, a few of them (我的京东-返修退换货; not 1-3个工作日内为您).
fn in_menu_path(before: &str) -> bool {
    let quoted = before.matches('“').count() > before.matches('”').count();
    let label =
        before.rfind(['-', '—', '>']).map(|i| &before[i + before[i..].chars().next().map_or(1, char::len_utf8)..]);
    quoted || label.is_some_and(|l| l.chars().count() <= MENU_LABEL_MAX && l.chars().all(crate::text::is_han))
}

/// The most Han characters of a menu label before the verb (返修退 in 返修退换货).
const MENU_LABEL_MAX: usize = 8;

/// A sentence that asks the customer (“需要帮您申请退款吗?”) promises nothing yet.
fn asks(sentence: &str) -> bool {
    let t = sentence.trim_end_matches(|c: char| is_punct_or_space(c) && c != '?');
    t.ends_with('?')
        || t.ends_with('吗')
        || t.ends_with('么')
        || contains_any(t, &["还有什么", "还有其他", "好吗", "可以吗"])
}

/// The end of a clause's words: before its closing punctuation and modal particles
/// (“核实一下哦。” → after 下), where an added time node reads naturally.
fn words_end(text: &str, clause: std::ops::Range<usize>) -> usize {
    let s = &text[clause.clone()];
    let t = s.trim_end_matches(|c: char| {
        is_punct_or_space(c)
            || is_emoji(c)
            || matches!(c, '哦' | '呢' | '哈' | '呀' | '啊' | '哟' | '喔' | '啦' | '~' | '～' | '\u{FE0F}')
    });
    clause.start + t.len()
}

/// The customer asks where something is or goes (退到哪了, 钱去哪里了).
fn asks_where(customer: &str) -> bool {
    contains_any(customer, WHERE)
}

const WHERE: Words = words!["哪里", "哪儿", "哪了", "到哪", "去哪", "什么地方", "哪个账户", "哪张卡"];
