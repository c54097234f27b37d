use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::apology::words::apologises;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::classes::{THIRD_PARTY, WE};
use std::ops::Range;

use crate::text::{
    contains_any, ends_with_any, extend_back, extend_on, find_all, is_punct_or_space, mask, sort_by_key,
    starts_with_any, trim_end_words, Part, Phrase, Words,
};

declare_rule! {
    /// ## What it does
    /// Flags the agent disowning the problem — 不归我们管, 跟我们没关系, 不关我们的事,
    /// 不是我们的问题, 我们管不了, 我们客服管不到, 仓库那边的问题, 这块是厂家负责的, 属于银行
    /// 系统的问题 (with nothing done about it) — or sending the customer away to sort it out
    /// alone — 你去问快递, 问问快递吧, 自己联系厂家, 找商家去, 您去问主播吧, 你问问别人, 您直接
    /// 打快递电话吧, 直接打这个电话哦 (a number handed over without saying whose), 您自己找附近的修理店, 您自己去驿站找找, 您需要…转售后组咨询, 推到附近的
    /// 车店让师傅调, 您得跟那边说 — and offers to own the follow-up:
    /// “我这边马上帮您联系快递核实,【预计时间】前给您回复”. Where the reply hands over a contact
    /// (直接打这个电话哦, 联系下这个师傅) the customer needs it: the fix keeps it and the agent
    /// stays on it (“您可以拨打这个电话,如果联系不上请告诉我,我这边马上帮您跟进”).
    ///
    /// Left alone: the agent acting (“我帮您联系快递”, “我们会联系快递为您催促”, “我马上去问
    /// 仓库”) or the platform standing behind it (京东会全程保障, 可以申请客服介入) and an
    /// option offered politely as real shops do (“您也可以联系配送员,…”, “建议您联系商家
    /// 客服,…”; a hint when it is all the reply does). “我们这边也联系不上” is not the agent
    /// acting, and neither is a permission (“您自己去快递点取也没问题”). A send-away negated
    /// (“不需要联系京东”, “不用您自己联系厂家”) sends nobody, nor does a contact that failed
    /// (“抱歉让您联系不上师傅”) or one the customer already made (让您还专门打电话去问快递); on JD,
    /// “售后也是京东负责” names the platform's own job.
    ///
    /// ## Why is this bad?
    /// The etiquette guide: “不推诿”. For the customer the shop is the one they paid; telling
    /// them it is someone else's job leaves them with the problem and no one to turn to.
    ///
    /// ## Example
    /// ```text
    /// 快递的事你问问快递。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 快递的事我这边马上帮您联系快递核实,【预计时间】前给您回复。
    /// ```
    pub struct NotOurJob {
        id: "buck-passing.not-our-job",
        category: BuckPassing,
        severity: Warning,
        title: "推诿责任",
        summary: "让客户自己去找快递或厂家是推诿;应由我们主动跟进。",
    }
}

/// Disowning: “不归我们管”, “跟我们店铺无关”, “这不是我们的问题”, “我们管不了”.
const DISOWN: &[Phrase] = &[
    // 不归我们管, 不归我们客服
    Phrase(&[Part::Word(words!["不归"]), Part::Word(WE), Part::Maybe(words!["客服管", "管", "客服"])]),
    // 跟我们没关系, 跟我们软件没关系
    Phrase(&[Part::Word(words!["跟", "和", "与"]), Part::Word(WE), Part::Gap(4), Part::Key(NO_RELATION)]),
    // 我们客服管不到, 我们这边不安排
    Phrase(&[
        Part::Word(WE),
        Part::Maybe(words!["客服", "这边", "这里"]),
        Part::Maybe(words!["也", "可", "都"]),
        Part::Key(words!["管不到", "不管", "不安排", "做不了主", "没权限", "没有权限"]),
    ]),
    Phrase(&[Part::Word(words!["不关"]), Part::Word(WE), Part::Maybe(words!["的"]), Part::Word(words!["事"])]),
    Phrase(&[Part::Word(words!["不是"]), Part::Word(WE), Part::Maybe(words!["的", "这边的"]), Part::Word(FAULT)]),
    Phrase(&[
        Part::Word(WE),
        Part::Maybe(words!["也", "可"]),
        Part::Word(words![
            "管不了",
            "管不着",
            "不负责",
            "负责不了",
            "控制不了",
            "决定不了",
            "左右不了",
            "没法控制",
            "无法控制",
        ]),
    ]),
    Phrase(&[Part::Word(words!["不在"]), Part::Word(WE), Part::Gap(4), Part::Word(words!["范围"])]),
    // 这是快递那边的问题, 是厂家的责任
    THEIRS_IS_THE_FAULT,
    // 这边只负责发货
    Phrase(&[Part::Word(WE), Part::Word(words!["只负责", "只是负责", "只管", "就负责"])]),
];
/// 这是快递那边的问题, 是仓库拿错了: the fault put on someone else.
const THEIRS_IS_THE_FAULT: Phrase =
    Phrase(&[Part::Word(words!["是", "属于"]), Part::Key(THIRD_PARTY), Part::Gap(3), Part::Word(FAULT)]);
const NO_RELATION: Words = words![
    "没关系",
    "没有关系",
    "没什么关系",
    "无关",
    "不相关",
    "没啥关系",
    "扯不上",
    "不搭边",
    "不沾边",
    "不挨着",
    "关系不大",
    "没多大关系",
    "没太大关系",
];
const FAULT: Words = words!["问题", "责任", "事", "错"];
const DISOWN_LEAD: Words = words!["又", "也", "都", "就", "可", "并"];

/// Someone else's fault named: 仓库那边的问题, 快递的责任 (the agent acting on it is fine).
const THEIR_FAULT: Phrase = Phrase(&[
    Part::Word(words!["仓库", "库房", "其他部门", "别的部门", "财务", "技术部", "技术部门"]),
    Part::Maybe(words!["那边", "那里", "方面"]),
    Part::Word(words!["的问题", "的责任", "的错", "出的问题"]),
]);

/// 门店不管线上的单: someone else who won't, said with nothing done about it.
const THEY_WONT: Phrase = Phrase(&[Part::Word(THIRD_PARTY), Part::Key(words!["不管", "管不了", "不负责"])]);

/// 这块是厂家负责的, 由快递那边管: whose job it is, said with nothing done about it.
const THEIR_JOB: Phrase = Phrase(&[
    Part::Word(words!["是", "归", "由"]),
    // 游戏官方, 当地快递
    Part::Gap(2),
    Part::Word(THIRD_PARTY),
    Part::Maybe(words!["那边", "那里", "方面"]),
    Part::Key(words!["负责", "管"]),
]);

/// Sending the customer away: “(你)(自己)(去)问(一下)快递(吧)”, “你得找快递公司索赔”.
const SEND_AWAY: Phrase = Phrase(&[
    Part::Maybe(words!["你", "您"]),
    Part::Maybe(words![
        "得",
        "要",
        "只能",
        "自己",
        "直接",
        "自行",
        "现在",
        "先",
        "再",
        "可以先",
        "可以直接",
        "最好",
        "需要",
    ]),
    Part::Maybe(words!["去"]),
    Part::Word(words!["问问", "问一下", "问", "找", "联系", "打电话给", "咨询"]),
    // 一下, 附近的, 个懂电脑的
    Part::Gap(5),
    // (Searched from the party: 问 is in nearly every 请问.)
    Part::Key(THIRD_PARTY),
]);
/// 您自己去驿站找找: sent to go there.
const GO_THERE: Phrase = Phrase(&[
    Part::Word(words!["您", "你"]),
    Part::Maybe(words!["自己", "直接", "得", "要", "只能"]),
    Part::Key(words!["去"]),
    Part::Word(THIRD_PARTY),
]);
/// Sent to ask the party named before: 您等师傅上门了直接问他吧.
const ASK_THEM: Phrase = Phrase(&[
    // (Searched from here: 他 is in every 其他.)
    Part::Key(words!["直接", "自己", "去"]),
    Part::Word(words!["问问", "问一下", "问", "找"]),
    Part::Word(words!["他们", "他", "她"]),
]);
/// Handed on to another team: 您需要重新排队转售后组咨询.
const TRANSFER: Phrase = Phrase(&[
    Part::Word(words!["转到", "转接到", "转接", "转"]),
    Part::Word(THIRD_PARTY),
    Part::Gap(3),
    Part::Key(words!["咨询", "处理", "问问", "问", "反馈"]),
]);
/// Sent to a shop nearby: 您推到附近的自行车店让师傅调一下.
const TAKE_IT_THERE: Phrase = Phrase(&[
    Part::Word(words!["拿到", "送到", "推到", "带到", "拿去", "送去", "推去", "带去"]),
    Part::Word(words!["附近的", "附近", "就近的", "就近", "外面的", "楼下的"]),
    Part::Gap(5),
    Part::Key(words!["店", "维修点", "网点", "修理铺"]),
]);
/// Left to settle it with the party named before: 这事儿您得跟那边唠.
const SETTLE_WITH_THEM: Phrase = Phrase(&[
    Part::Word(words!["您", "你"]),
    Part::Gap(4),
    Part::Word(words!["跟", "和", "与", "找"]),
    Part::Key(words!["那边", "对方", "人家"]),
    Part::Gap(2),
    Part::Word(words!["协商", "沟通", "交涉", "商量", "反映", "联系", "唠", "说", "讲", "聊", "谈"]),
]);
/// A send-away besides [`SEND_AWAY`]: its phrase, the party it names, whether the rest of the
/// clause goes with it (问吧, 催一下 after a number to call), and whether it needs a party named
/// before (他, 那边 refer back).
struct Send {
    phrase: Phrase,
    party: Party,
    to_clause_end: bool,
    after_a_party: bool,
}

/// Where a send-away's party is: one of its parts, or a name for it.
enum Party {
    Part(usize),
    Named(&'static str),
}

const OTHER_SENDS: &[Send] = &[
    Send { phrase: CALL, party: Party::Part(4), to_clause_end: true, after_a_party: false },
    Send { phrase: GO_THERE, party: Party::Part(3), to_clause_end: true, after_a_party: false },
    Send { phrase: ASK_THEM, party: Party::Part(2), to_clause_end: true, after_a_party: true },
    Send { phrase: TRANSFER, party: Party::Part(1), to_clause_end: true, after_a_party: false },
    Send { phrase: TAKE_IT_THERE, party: Party::Named("门店"), to_clause_end: true, after_a_party: false },
    Send { phrase: CALL_THIS, party: Party::Named("对方"), to_clause_end: true, after_a_party: false },
    Send { phrase: SETTLE_WITH_THEM, party: Party::Part(3), to_clause_end: false, after_a_party: true },
];

/// Leaving the customer to settle it with someone else: 需要您自己和快递协商.
const SETTLE_ALONE: Phrase = Phrase(&[
    Part::Word(words!["您", "你"]),
    // 自己, 直接, 可以后期直接…
    Part::Gap(6),
    Part::Key(words!["和", "跟", "与"]),
    Part::Word(THIRD_PARTY),
    Part::Gap(3),
    Part::Word(words!["协商", "沟通", "交涉", "商量", "反映", "联系"]),
]);
/// How the customer is told to do it: 您得/只能/自己/直接/可以 打….
const TOLD_TO: Words = words!["得", "要", "只能", "自己", "直接", "自行", "可以"];
/// Handing the customer a number to call: 您打快递公司投诉电话吧, 直接打师傅电话.
const CALL: Phrase = Phrase(&[
    Part::Maybe(words!["你", "您"]),
    Part::Maybe(TOLD_TO),
    Part::Word(words!["打", "拨打", "致电"]),
    Part::Maybe(words!["一下", "下"]),
    Part::Word(THIRD_PARTY),
    Part::Gap(6),
    Part::Word(words!["电话", "热线"]),
]);
/// No need to: 不用您自己联系厂家, 无需您联系快递.
const NO_NEED: Words = words!["不用", "不用您", "不用你", "无需", "无需您", "不必", "不必您", "用不着", "用不着您"];

/// Handing over a number without saying it is the shop's: 直接打这个电话哦, 您试试这个电话.
const CALL_THIS: Phrase = Phrase(&[
    Part::Maybe(words!["你", "您"]),
    Part::Maybe(TOLD_TO),
    Part::Word(words!["打", "拨打", "致电", "试试", "联系"]),
    Part::Maybe(words!["一下", "下"]),
    Part::Key(words!["这个电话", "这个号码", "这个号", "以下电话", "下面的电话", "下面电话", "上面的电话"]),
]);
const SEND_AWAY_TAIL: Words = words![
    "沟通一下吧",
    "沟通就行",
    "沟通一下",
    "沟通吧",
    "沟通",
    "吧",
    "去",
    "啊",
    "呀",
    "好了",
    "就行",
    "就好",
    "就可以"
];

/// The agent taking part: then it is not a brush-off.
const AGENT_ACTS: Words = words![
    "我帮",
    "我来",
    "我这边",
    "我们会",
    "我们也会",
    "我也会",
    "我们这边",
    "帮您",
    "为您",
    "给您",
    "小妹",
    "我们帮",
    "这边",
    // The platform stands behind it: 京东平台会全程保障, 京东会为您兜底, 申请客服介入.
    "全程保障",
    "兜底",
    "客服介入",
    "平台介入"
];
/// Words after a lead of [`AGENT_ACTS`] that say the agent is *not* acting: 我们这边也联系不上,
/// 这边建议您…, 我这边查不到.
const NOT_ACTING: Words = words!["也", "不", "没", "无法", "建议", "查不到", "联系不上", "管不了"];
/// A polite option among others: “您也可以联系配送员”, “建议您联系商家”.
const OPTION: Words = words!["可以", "建议", "或者", "如需", "如果", "需要的话", "方便的话"];
/// Advice words right before a send-away, replaced with it: 建议您联系…, 您也可以打…电话.
const OPTION_LEAD: Words = words!["建议", "也可以", "还可以", "可以"];
/// A condition or a question around a disowning: “如果不是我们的问题…” states a policy.
const CONDITION: Words = words!["如果", "若", "万一", "假如", "要是", "如"];

/// What nobody controls: the weather, a lockdown.
const WEATHER: Words = words!["下雨", "暴雨", "大雨", "大雪", "台风", "天气", "雨天", "雪天", "疫情", "交通管制"];

/// Adverbs between the one who acts and the act: 我现在就去问仓库.
const WHEN_ADVERBS: Words = words!["现在", "马上", "立刻", "立即", "这就", "就", "先", "再", "也"];

/// `before` without the adverbs it ends with.
fn without_adverbs(before: &str) -> &str {
    trim_end_words(before, WHEN_ADVERBS)
}

/// Whether the agent takes part somewhere in `text` (我帮您…, 我们这边为您…), not counting
/// a lead that goes on to say it can't (“我们这边也联系不上”) or only advises (“这边建议您”).
fn agent_acts(text: &str) -> bool {
    find_all(text, AGENT_ACTS).into_iter().any(|(hit, _)| {
        // “您这边” is the customer's side.
        let customers = text[..hit.start].ends_with(['您', '你']);
        !customers && !starts_with_any(&text[hit.end..], NOT_ACTING)
    })
}

/// The end of `span`'s clause, before its closing punctuation (never before `span`'s end),
/// and never past a space after it: a chat log joins messages with spaces, and the next one
/// (嗯 很高兴遇到您…) is not part of the brush-off.
fn to_clause_end(cx: &Context, span: &Range<usize>) -> usize {
    let text = cx.draft.folded();
    let end = cx.draft.clause_at(span.start).map_or(span.end, |c| {
        let end = c.range.end.max(span.end);
        let end = text[span.end..end].find(char::is_whitespace).map_or(end, |i| span.end + i);
        let clause = &text[c.range.start..end];
        c.range.start + clause.trim_end_matches(|ch: char| is_punct_or_space(ch) || ch == '~').len()
    });
    end.max(span.end)
}

/// `end` moved back before the particles that close the clause (哦, 呢, 哈), not before `from`:
/// they stay after the fix.
fn before_particles(text: &str, from: usize, end: usize) -> usize {
    let words = &text[from..end];
    from + words.trim_end_matches(['哦', '呢', '哈', '啊', '呀', '啦', '哟', '~']).len()
}

impl Rule for NotOurJob {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut kept = 0;
        let mut disowned: Vec<_> = DISOWN.iter().flat_map(|p| p.find(text)).map(|h| h.span).collect();
        // Settling it alone is disowning it too, unless the agent also acts; so is naming
        // someone else's fault (仓库那边的问题) with nothing done about it.
        let acts = agent_acts(text);
        // “抱歉…是仓库拿错了,今天18点前补发”: the mistake owned, apologised for and put right by
        // a time, not someone else's problem.
        if apologises(cx) && cx.names_outcome_time() {
            disowned.retain(|r| !THEIRS_IS_THE_FAULT.is_in(&text[r.clone()]));
        }
        if !acts {
            disowned.extend(THEIR_FAULT.find(text).into_iter().map(|h| h.span));
            // (On JD, “售后也是京东负责” is the platform's own job: ours; 京东物流负责 still names
            // another party for a shop.)
            let jd = cx.platform == crate::config::Platform::Jd;
            disowned.extend(
                THEIR_JOB
                    .find(text)
                    .into_iter()
                    .filter(|h| !(jd && contains_any(&text[h.span.clone()], &["京东负责", "京东来负责"])))
                    .map(|h| h.span),
            );
            disowned.extend(THEY_WONT.find(text).into_iter().map(|h| h.span));
            // The rest of its clause (送货的, 一下哦) goes with it.
            disowned.extend(SETTLE_ALONE.find(text).into_iter().map(|h| h.span.start..to_clause_end(cx, &h.span)));
        }
        sort_by_key(&mut disowned, |r| r.start as u128);
        for core in disowned {
            if core.start < kept {
                continue;
            }
            let m = extend_back(text, core.start, DISOWN_LEAD).max(kept)..core.end;
            kept = m.end;
            // “如果不是我们的问题…” states a policy; “是不是我们的问题” asks.
            let clause_start = cx.draft.clause_at(m.start).map_or(m.start, |c| c.range.start);
            let before = &text[clause_start..m.start];
            if contains_any(before, CONDITION) || (before.ends_with('是') && text[m.start..].starts_with('不')) {
                continue;
            }
            if text[m.end..].starts_with(['吗', '?']) {
                continue;
            }
            // “暴雨天快递可能会慢1天,这个我们控制不了”: the weather, which nobody controls.
            let sentence = cx.draft.sentence_at(m.start).map_or(0..m.start, |s| s.range.clone());
            if contains_any(&text[sentence.start..m.start], WEATHER) {
                continue;
            }
            // The whole clause goes: “快递又不归我们管” → “这个问题我来帮您跟进处理…”.
            let start = cx.draft.clause_at(m.start).map_or(m.start, |c| {
                let lead = &text[c.range.start..m.start];
                c.range.start + lead.rfind(char::is_whitespace).map_or(0, |i| i + 1)
            });
            let fix = "这个问题我来帮您跟进处理,【预计时间】前给您回复";
            // “您可以和配送师傅协商一下” offers a way: a hint, as for sending away below.
            let severity = if contains_any(&text[m.clone()], OPTION) { Severity::Hint } else { Severity::Warning };
            // (To the clause's end: “这边只是负责配送中小件的快递的” goes whole.)
            let end = before_particles(text, m.end, to_clause_end(cx, &m));
            kept = kept.max(end);
            out.push(Self::META.lint(start..end, "推诿责任,改为主动跟进").suggest(fix).with_severity(severity));
        }
        let mut kept = 0;
        // Whether the reply is about an invoice, read once if a send needs it.
        let mut invoice: Option<bool> = None;
        let mut sends: Vec<(Range<usize>, &str)> =
            // (问题 is no 问: blanked, offsets kept; the draft itself, read once, when it has none.)
            if text.contains("问题") { SEND_AWAY.find(&mask(text, &["问题"])) } else { SEND_AWAY.find(text) }
                .into_iter()
                .map(|h| (h.span.clone(), h.part(text, 5)))
                .collect();
        for send in OTHER_SENDS {
            for h in send.phrase.find(text) {
                if send.after_a_party && !contains_any(&text[..h.span.start], THIRD_PARTY) {
                    continue;
                }
                let end = if send.to_clause_end { to_clause_end(cx, &h.span) } else { h.span.end };
                let party = match send.party {
                    Party::Part(i) => h.part(text, i),
                    Party::Named(p) => p,
                };
                sends.push((h.span.start..end, party));
            }
        }
        sort_by_key(&mut sends, |(r, _)| r.start as u128);
        for (span, party) in sends {
            if span.start < kept {
                continue;
            }
            // “建议您…” goes whole: the fix is the agent's step, not a suggestion to the customer.
            let m = extend_back(text, span.start, OPTION_LEAD)..extend_on(text, span.end, SEND_AWAY_TAIL);
            kept = m.end;
            let Some(clause) = cx.draft.clause_at(m.start) else { continue };
            let before = &text[clause.range.start..m.start];
            let whole = &text[clause.range.clone()];
            // “您联系快递了吗?”, “您需要联系配送咨询什么问题呢” ask the customer; “联系商家问问
            // 可以换货吗” only words what to ask.
            // (Up to a space: a chat log joins messages with spaces.)
            let own = text[m.start..clause.range.end].split(char::is_whitespace).next().unwrap_or("");
            let asked = whole.contains(['吗', '?'])
                || (own.trim_end().ends_with('呢')
                    && (contains_any(own, &["什么", "哪", "怎么", "多少"])
                        || contains_any(whole, &["是否", "有没有"])));
            let asks = asked && !contains_any(&text[m.end..clause.range.end.max(m.end)], &["问问", "问一下"]);
            // “您自己去快递点取也没问题”: allowed, not sent.
            let allowed = contains_any(
                &text[m.start..clause.range.end.max(m.end)],
                &["也没问题", "也可以", "也行", "都可以", "都行"],
            );
            // “不需要联系京东”, “别联系快递了”, “不用您自己联系厂家”: negated, nobody is sent
            // anywhere. “我直接联系财务”: the agent is the one who gets in touch.
            // “抱歉让您联系不上师傅”: a contact that failed, not one the customer is sent to make.
            let failed = starts_with_any(&text[m.end..], ["不上", "不到"])
                || contains_any(&text[m.clone()], &["联系不上", "联系不到"]);
            // “让您这么着急 还专门打电话去问快递”: what the customer already did, owned.
            let done = contains_any(before, &["专门", "特地", "特意"]);
            if failed
                || done
                || contains_any(before, AGENT_ACTS)
                || without_adverbs(before).ends_with(['我', '为', '帮', '替', '给', '不', '别', '没'])
                || ends_with_any(without_adverbs(before), NO_NEED)
                || before.ends_with("我们")
                || asks
                || allowed
            {
                continue;
            }
            // “您可以联系商家客服” offered politely: fine beside the agent's own step, a hint
            // when it is all the reply does.
            let option = contains_any(whole, OPTION);
            if option && acts {
                continue;
            }
            let marked = &text[m.clone()];
            // “需要您联系商家开具” states who issues it (a marketplace seller's invoice).
            if before.ends_with("需要")
                && !marked.contains("自己")
                && !marked.contains('去')
                && *invoice.get_or_insert_with(|| contains_any(text, &["发票", "开具", "开票"]))
            {
                continue;
            }
            // Without 去/自己/吧/你 it may be the agent's own plan (“问一下快递,马上回复您”).
            // “需要联系厂家呢”, “联系快递员沟通”: the customer is the one to do it.
            // “得问运营商”: has to; “您需要…转售后组咨询”: handed on by the customer's own hand.
            let brush_off = marked.starts_with(['你', '您', '自', '直', '去', '得'])
                || (marked.starts_with('转') && before.contains(['您', '你']))
                || before.ends_with("需要")
                || before.ends_with('得')
                || marked.starts_with("需要")
                || marked.ends_with("沟通")
                || marked.ends_with("沟通一下")
                || marked.ends_with(['吧', '去', '啊', '呀'])
                || marked.ends_with("好了")
                || marked.ends_with("就行")
                || marked.ends_with("就好")
                || marked.ends_with("就可以");
            if !brush_off && !option {
                continue;
            }
            let who = match party {
                "快递员" | "配送" | "配送员" | "快递小哥" => "配送员",
                "快递" | "快递公司" | "物流" | "物流公司" => "快递",
                "厂家" | "厂商" | "生产厂家" | "品牌方" | "品牌商" | "品牌" => "厂家",
                p if p.contains("家") => "商家",
                "支付宝" | "微信支付" | "银行" | "银联" | "花呗" => "支付平台",
                "师傅" | "安装师傅" | "配送师傅" => "师傅",
                "主播" | "直播间" | "达人" => "主播",
                _ => "相关部门",
            };
            let severity = if option { Severity::Hint } else { Severity::Warning };
            // (To the clause's end: “您联系京东商城客服的” goes whole, not up to 京东.)
            let span = m.start..before_particles(text, m.end, to_clause_end(cx, &m));
            // “直接打这个电话哦” after the number: the contact is handed over, and the customer
            // needs it (raters rejected a fix that took it back); the agent stays on it.
            // (Only where the send-away ends its sentence: 直接联系这个售后服务电话:400… goes on
            // to the number, and a clause put in before it cuts the two apart.)
            let sentence_end = cx.draft.sentence_at(span.start).map_or(text.len(), |s| s.range.end);
            let ends_sentence = text[span.end..sentence_end.max(span.end)]
                .chars()
                .all(|c| is_punct_or_space(c) || matches!(c, '~' | '哦' | '呢' | '吧' | '啊' | '哈' | '的'));
            let fix = match handed_over(&text[span.clone()]).filter(|_| ends_sentence) {
                Some(contact) => format!("您可以{contact},如果联系不上请告诉我,我这边马上帮您跟进"),
                None => format!("我这边马上帮您联系{who}核实,【预计时间】前给您回复"),
            };
            out.push(Self::META.lint(span, "让客户自己去找,改为主动跟进").suggest(fix).with_severity(severity));
        }
    }
}

/// A contact the reply hands over (这个电话, 这个号码, 这个师傅), worded as an option: 拨打这个电话.
fn handed_over(sent: &str) -> Option<&'static str> {
    if contains_any(sent, &["电话", "号码"]) && sent.contains("这个") {
        Some("拨打这个电话")
    } else if contains_any(sent, &["这个师傅", "这位师傅"]) {
        Some("直接联系这位师傅")
    } else {
        None
    }
}
