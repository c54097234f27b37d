use crate::finding::Lints;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::classes::CUSTOMER_CHECK;
use crate::text::{contains_any, find_pairs, starts_with_any, Hit, Pairs, Part, Phrase, Words};

declare_rule! {
    /// ## What it does
    /// Flags the agent putting the fault on the customer — 是您自己…, 您没看清楚, 您看错了,
    /// 您操作不对, 穿的方式不对, 使用不当, 没证据别乱说, 谁让您…, 您是不是自己删了? — or
    /// between the lines: 您下单前没仔细看吧, 您是不是泡水里了?, 别的顾客都用得好好的, 一般都是
    /// 没注意保养, 下次认准再拍, 您自己平时得注意点, 您下单时门牌号就填错了, 签收时您没有当面
    /// 开箱, 自己拍不清楚, 您放太多了才卡的, 是因为您温度太高了, 这种情况怪不了我们 — and offers
    /// neutral wording: “我们一起来
    /// 排查一下原因”, “我再跟您确认一下”, “麻烦您提供一下照片”.
    ///
    /// Left alone: the agent's own mistake (“不好意思,我看错了”), conditions and advice
    /// (“如果地址填错了,可以…”, “避免使用不当”, “您如果没留意到短信也没关系”), the blame taken
    /// off (“这不是您的问题”), the warranty's “非人为损坏”, the customer's own account repeated
    /// (“您说好像拍错了颜色”) or a slip they owned first (我刚才拍错了 — “您拍错的那单我帮您取消”), and real questions (“是您本人签收的吗?”, and a choice offered:
    /// “请问是您自己去取,还是我们送上门呢?”).
    ///
    /// ## Why is this bad?
    /// The etiquette guide puts “尊重为本” first: even when the customer did cause it,
    /// saying so starts an argument. Find the cause together, then offer the fix.
    ///
    /// ## Example
    /// ```text
    /// 这是您穿的方式不对。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 我们一起来排查一下原因。
    /// ```
    pub struct CustomerFault {
        id: "blame.customer-fault",
        category: Blame,
        severity: Warning,
        title: "指责客户",
        summary: "把问题归咎于客户会引发争执;应和客户一起排查原因。",
    }
}

// The three fixes most phrases share (macros, so the table can be one string).
macro_rules! check {
    () => {
        "我们一起来排查一下原因"
    };
}
macro_rules! reconfirm {
    () => {
        "我再跟您确认一下"
    };
}
macro_rules! evidence {
    () => {
        "麻烦您提供一下照片,我们马上为您核实"
    };
}
const CHECK: &str = check!();
const RECONFIRM: &str = reconfirm!();
const EVIDENCE: &str = evidence!();

/// (phrase, neutral replacement for its clause).
const PHRASES: Pairs = pairs![
    ("是您自己的问题", check!()),
    ("是您自己", check!()),
    // Cantonese 系 for 是: 系您自己拣咗粉红色.
    ("系您自己", check!()),
    ("系你自己", check!()),
    ("是你自己", check!()),
    ("乱说", evidence!()),
    ("瞎说", evidence!()),
    // “请不要随便说是我们发出去就有的”: told not to say it without proof.
    ("不要随便说", evidence!()),
    ("不能随便说", evidence!()),
    ("别随便说", evidence!()),
    ("人为损坏", check!()),
    ("人为原因", check!()),
    ("人为造成", check!()),
    ("您的原因", check!()),
    ("你的原因", check!()),
    ("没按说明", check!()),
    ("没有按照说明", check!()),
    ("没按照说明", check!()),
    ("不按说明", check!()),
    ("您自己导致", check!()),
    ("你自己导致", check!()),
    ("瞎说", evidence!()),
    ("讲证据", evidence!()),
    ("拿出证据", evidence!()),
    ("拿出依据", evidence!()),
    ("拿出凭据", evidence!()),
    ("有证据吗", evidence!()),
    ("是你自己的问题", check!()),
    ("您自己的问题", check!()),
    ("你自己的问题", check!()),
    ("是您的问题", check!()),
    ("是你的问题", check!()),
    ("是您自己的原因", check!()),
    ("是您自己造成", check!()),
    ("是您自己弄", check!()),
    ("是你自己弄", check!()),
    ("您自己弄坏", check!()),
    ("你自己弄坏", check!()),
    ("是您自己没", check!()),
    ("是你自己没", check!()),
    ("是您没", check!()),
    ("是你没", check!()),
    ("怪您自己", check!()),
    // The blame refused and so laid back: 这种情况怪不了我们.
    ("怪不了我们", check!()),
    ("不能怪我们", check!()),
    // The customer's account called a lie: 没凭没据的话可别乱讲.
    ("别乱讲", check!()),
    ("别乱说", check!()),
    ("怪你自己", check!()),
    ("只能怪您", check!()),
    ("只能怪你", check!()),
    ("谁让您", check!()),
    ("谁让你", check!()),
    ("您没看清楚", reconfirm!()),
    ("你没看清楚", reconfirm!()),
    ("您没仔细看", reconfirm!()),
    ("你没仔细看", reconfirm!()),
    ("您自己没看", reconfirm!()),
    ("你自己没看", reconfirm!()),
    ("您不看", reconfirm!()),
    ("你不看", reconfirm!()),
    ("下单前不看", reconfirm!()),
    ("拍之前不看", reconfirm!()),
    ("买之前不看", reconfirm!()),
    ("您看错了", reconfirm!()),
    ("你看错了", reconfirm!()),
    ("您理解错了", reconfirm!()),
    ("你理解错了", reconfirm!()),
    ("您搞错了", reconfirm!()),
    ("你搞错了", reconfirm!()),
    ("您弄错了", reconfirm!()),
    ("你弄错了", reconfirm!()),
    ("您拍错了", reconfirm!()),
    ("你拍错了", reconfirm!()),
    ("您选错了", reconfirm!()),
    ("你选错了", reconfirm!()),
    ("您填错了", reconfirm!()),
    ("你填错了", reconfirm!()),
    ("自己选错", reconfirm!()),
    ("自己拍错", reconfirm!()),
    ("自己填错", reconfirm!()),
    ("自己弄错", reconfirm!()),
    ("自己搞错", reconfirm!()),
    ("自己看错", reconfirm!()),
    ("自己买错", reconfirm!()),
    ("自己下错", reconfirm!()),
    ("您用错了", check!()),
    ("你用错了", check!()),
    ("您操作不对", check!()),
    ("你操作不对", check!()),
    ("您操作错了", check!()),
    ("你操作错了", check!()),
    ("您操作不当", check!()),
    ("你操作不当", check!()),
    ("您使用不当", check!()),
    ("你使用不当", check!()),
    ("您不会用", check!()),
    ("你不会用", check!()),
    ("的方式不对", check!()),
    ("的方法不对", check!()),
    ("穿法不对", check!()),
    ("用法不对", check!()),
    ("没证据别乱说", evidence!()),
    ("没有证据别乱说", evidence!()),
    ("没证据不要乱说", evidence!()),
    ("别乱说", evidence!()),
    ("不要乱说", evidence!()),
    ("别瞎说", evidence!()),
    ("不要瞎说", evidence!()),
    ("别血口喷人", evidence!()),
    // Doubting the customer's word: 没拍照的话空口说不好吧.
    ("空口说", evidence!()),
    ("空口无凭", evidence!()),
    ("口说无凭", evidence!()),
    // Not looking or not paying attention, said of the customer: 您没看到券上写的…吗?
    ("您没看到", reconfirm!()),
    ("你没看到", reconfirm!()),
    ("您没看见", reconfirm!()),
    ("你没看见", reconfirm!()),
    ("您没注意", reconfirm!()),
    ("你没注意", reconfirm!()),
    // 很多客户都是自己没注意这个: the customer's lapse, said of others like them.
    ("自己没注意", reconfirm!()),
    ("没注意就签", check!()),
    // The customer's own lapse, said as a fact: 你自己超时没付款, 您自己没选.
    ("你自己超时", reconfirm!()),
    ("您自己超时", reconfirm!()),
    ("你自己忘", reconfirm!()),
    ("您自己忘", reconfirm!()),
    ("你自己没", reconfirm!()),
    ("您自己没", reconfirm!()),
    ("你自己点错", reconfirm!()),
    ("您自己点错", reconfirm!()),
    // A question that accuses: 您是不是自己删除了?
    ("是不是您自己", check!()),
    ("是不是你自己", check!()),
    ("是不是自己", check!()),
];
/// Before the phrase in its clause: a condition, advice, or the agent owning it.
const NOT_BLAME: Words = words![
    "如果",
    "如",
    "若",
    "万一",
    "假如",
    "要是",
    "避免",
    "防止",
    "以免",
    "不要因",
    "是否",
    "我",
    "小妹",
    "妹子",
    "不好意思",
    "抱歉",
];

/// After 人为损坏, what the warranty does about it: a policy stated, not this customer blamed.
const POLICY_AFTER: Words =
    words!["不保", "不在", "不属于", "只收", "收取", "自费", "要收", "付费", "有偿", "收费", "不包", "除外", "另算"];

/// Phrases that accuse even as a question (“您没看到…吗?”, “别乱说好吗?”).
const ACCUSES_AS_A_QUESTION: Words = words!["乱说", "瞎说", "随便说", "没看", "没注意"];
/// “的方式不对” needs the customer in the clause (“您穿的方式不对”), not “我们包装的方式不对”.
const NEEDS_CUSTOMER: Words = words!["的方式不对", "的方法不对", "穿法不对", "用法不对"];

/// Before the words, the customer's own account repeated: “您说好像拍错了颜色”.
const REPEATED: Words = words!["您说", "您提到", "您刚说", "您刚才说"];

impl Rule for CustomerFault {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut kept = 0;
        for (hit, (word, fix)) in find_pairs(text, PHRASES) {
            let Some(clause) = cx.draft.clause_at(hit.start) else { continue };
            let lead = &text[clause.range.start..hit.start];
            let from = clause.range.start + lead.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let before = &text[from..hit.start];
            let after = &text[hit.end..clause.range.end.max(hit.end)];
            // “您没看到短信的话,…” supposes; it does not accuse.
            // “这不是您的问题” takes the blame off; “非人为损坏直接换新” is the warranty's term.
            if contains_any(before, NOT_BLAME) || after.contains("的话") || before.ends_with(['不', '非']) {
                continue;
            }
            // “不敢乱说”: the agent's own care with words, not the customer's.
            if before.ends_with("不敢") {
                continue;
            }
            // “人为损坏换节只收成本价”: the warranty's terms for a kind of damage, stated.
            if word.starts_with("人为") && contains_any(after, POLICY_AFTER) {
                continue;
            }
            // “是您没收到吗?” asks; it does not accuse. “是不是您自己…?” and “您没看到…吗?” do, as
            // questions.
            let accuses = word.starts_with("是不是") || ACCUSES_AS_A_QUESTION.iter().any(|w| word.contains(w));
            if (after.contains(['吗', '?']) || cx.draft.offers_a_choice(hit.end)) && !accuses {
                continue;
            }
            if NEEDS_CUSTOMER.contains(word) && !contains_any(before, &["您", "你"]) {
                continue;
            }
            let end = clause.range.start + text[clause.range.clone()].trim_end_matches(is_end).len();
            let end = end.max(hit.end);
            out.push(Self::META.lint(from..end, "像在指责客户,换中性说法").suggest(fix));
            kept = end;
        }
        // The cause laid on the customer a few words on: 是您拆开后没有通风, 是因为您安装时没拧紧.
        // (phrase, fix, whether it accuses as a question too)
        let kinds = [
            (CAUSED_BY_YOU, CHECK, false),
            (ONLY_BECAUSE_YOU, CHECK, false),
            (OF_COURSE, CHECK, false),
            (BOUGHT_WITHOUT_READING, RECONFIRM, true),
            (GOES_TOO_FAR, CHECK, false),
            (DID_NOT_LOOK, RECONFIRM, false),
            (MIND_YOURSELF, CHECK, false),
            (YOU_GOT_IT_WRONG, RECONFIRM, false),
            (OTHERS_ARE_FINE, CHECK, false),
            (USUALLY_YOUR_CARE, CHECK, false),
            (NEXT_TIME, RECONFIRM, false),
            (YOU_DID_IT_WRONG, RECONFIRM, false),
            (YOURS_UNCLEAR, EVIDENCE, false),
            (DID_YOU_BREAK_IT, CHECK, true),
        ];
        let mut phrases: Vec<(Hit, &str, bool)> = Vec::new();
        for (phrase, fix, asking) in kinds {
            phrases.extend(phrase.find(text).into_iter().map(|h| (h, fix, asking)));
        }
        crate::text::sort_by_key(&mut phrases, |(h, _, _)| h.span.start as u128);
        for (hit, fix, asking) in phrases {
            let Some(clause) = cx.draft.clause_at(hit.span.start) else { continue };
            let before = &text[clause.range.start..hit.span.start];
            let after = &text[hit.span.end..clause.range.end.max(hit.span.end)];
            // “您如果没留意到短信…” supposes, with the supposition inside the phrase.
            let supposes = contains_any(hit.part(text, 1), &["如果", "要是", "万一", "假如", "若", "的话"]);
            let asks = after.contains(['吗', '?', '么']) && !asking;
            // “您说好像拍错了颜色”: the customer's own account, repeated (a demand for proof stays
            // one: 您说少了也得拿出依据啊).
            let repeated = (contains_any(before, REPEATED) || starts_with_any(&text[hit.span.start..], REPEATED))
                && fix != EVIDENCE;
            // “我刚才拍错了” — “您拍错的那单我帮您取消”: the customer owned the slip first.
            let owned = hit.parts.last().map(|k| &text[k.clone()]).is_some_and(|slip| {
                slip.contains('错') && cx.customer.text.contains(slip) && cx.customer.text.contains('我')
            });
            if hit.span.start < kept || contains_any(before, NOT_BLAME) || supposes || asks || repeated || owned {
                continue;
            }
            // “也许是您购物车金额还没到门槛,麻烦您看一下结算页金额”: one possible cause, with a
            // way for the customer to check it.
            if contains_any(before, &["也许", "可能", "或许"]) && contains_any(&text[hit.span.end..], CUSTOMER_CHECK)
            {
                continue;
            }
            let end = clause.range.start + text[clause.range.clone()].trim_end_matches(is_end).len();
            // Chat messages joined with spaces: the finding stays within its own message.
            let end = end.max(hit.span.end);
            kept = cx.draft.message_at(hit.span.end).map_or(end, |m| end.min(m.end.max(hit.span.end)));
            out.push(Self::META.lint(hit.span.start..kept, "像在指责客户,换中性说法").suggest(fix));
        }
    }
}

/// “是您…没…”: the customer named as the cause, then what they failed to do.
const CAUSED_BY_YOU: Phrase = Phrase(&[
    Part::Word(words!["是您", "是你", "因为您", "因为你", "由于您", "由于你"]),
    // 是您用了非原装的电源适配器烧坏的
    Part::Gap(14),
    Part::Key(words![
        "没有",
        "没",
        "自己弄",
        "自己填",
        "自己选",
        "漏填",
        "漏写",
        "漏掉",
        "自己摔",
        "自己磕",
        "自己碰",
        "自己刮",
        "自己划",
        "自己拆",
        "不当",
        "错了",
        "不对",
        "忘了",
        "不小心",
        "导致",
        "造成",
        "引起",
        "反了",
        "烧坏",
        "弄坏",
        "坏的",
        // 是您地址只写到乡里: given only in part.
        "只写",
        "只填",
        // 是因为您水温太高了: too much of something the customer did.
        "太高",
        "太低",
        "太多",
        "太大",
        "太热",
        "太烫",
        "太久",
        "太用力",
    ]),
]);

/// What the customer did, then 才 and the trouble it brought: 您放太多了才卡的.
const ONLY_BECAUSE_YOU: Phrase = Phrase(&[
    Part::Word(words!["您", "你"]),
    Part::Gap(8),
    Part::Key(words!["才"]),
    Part::Maybe(words!["会", "导致", "造成", "把"]),
    Part::Word(words!["卡", "坏", "断", "堵", "漏", "耽误", "延误", "出错", "出问题", "失败", "用不了", "退回"]),
]);

/// What the customer did not do, and so of course: 您没插内存卡当然录不了.
const OF_COURSE: Phrase = Phrase(&[
    Part::Word(words!["您", "你"]),
    Part::Gap(2),
    Part::Word(words!["没", "没有"]),
    Part::Gap(8),
    Part::Key(words!["当然", "肯定"]),
    Part::Word(words!["不", "没", "用不了", "录不了", "不行", "不能"]),
]);

/// Not reading the page before buying: 您下单时没看页面写的预售7天吗?
const BOUGHT_WITHOUT_READING: Phrase = Phrase(&[
    Part::Word(words!["下单时", "下单的时候", "拍的时候", "拍之前", "购买时", "买的时候", "买之前"]),
    Part::Gap(2),
    Part::Key(words!["没看", "没有看"]),
]);

/// The customer's words called too much: 说我们骗人就过分了.
const GOES_TOO_FAR: Phrase =
    Phrase(&[Part::Word(words!["说我们", "说我"]), Part::Gap(8), Part::Key(words!["过分", "太过了"])]);

/// Not looking, said of the customer a few words on: 您下单前没仔细看吧, 您拍的时候没留意.
const DID_NOT_LOOK: Phrase = Phrase(&[
    Part::Word(words!["您", "你"]),
    Part::Gap(6),
    Part::Key(words!["没仔细看", "没认真看", "没看清", "没留意", "没注意看", "没好好看"]),
]);
/// Told to mind themselves next time: 您自己平时得注意点, 你自己要小心点, 您平时得注意.
const MIND_YOURSELF: Phrase = Phrase(&[
    Part::Word(words!["您自己", "你自己", "您平时", "你平时"]),
    Part::Gap(4),
    Part::Key(words!["得注意", "要注意", "该注意", "得小心", "要小心", "多注意", "注意点", "小心点"]),
]);

/// Got it wrong, said as the customer's doing: 您这是跑错门了吧, 您这波属于拍错型号了.
const YOU_GOT_IT_WRONG: Phrase = Phrase(&[
    Part::Word(words!["您这是", "你这是", "您这波", "你这波"]),
    Part::Gap(4),
    Part::Key(words!["错了", "错门", "错型号", "错地方"]),
]);
/// Everyone else is fine, so it must be you: 别的顾客都用得好好的.
const OTHERS_ARE_FINE: Phrase = Phrase(&[
    Part::Word(words!["别的顾客", "别的客户", "其他顾客", "其他客户", "别的买家", "其他买家", "别人", "其他人"]),
    Part::Maybe(words!["都"]),
    Part::Gap(4),
    Part::Key(words!["好好的", "没问题", "没出现", "没事"]),
]);
/// The usual cause is the customer's care or force: 美甲掉落一般都是回家后没注意保养, 这种一般是
/// 小朋友用力掰的.
const USUALLY_YOUR_CARE: Phrase = Phrase(&[
    Part::Word(words!["一般都是", "基本都是", "大多是", "都是因为", "多半是", "一般是"]),
    Part::Gap(8),
    Part::Key(words![
        "没注意",
        "不注意",
        "没有注意",
        "没保养",
        "使用不当",
        "操作不当",
        "没按",
        "用力掰",
        "用力拉",
        "用力扯",
        "暴力",
        "压出来",
        "摔出来"
    ]),
]);
/// A lesson for next time: 下单前请务必仔细核对尺码表,这样就不会出现这种情况啦; 下次认准再拍.
const NEXT_TIME: Phrase = Phrase(&[
    Part::Word(words!["下单前", "下次", "以后", "购买前", "拍之前", "拍前"]),
    Part::Gap(14),
    Part::Key(words!["就不会出现", "就不会发生", "就不会这样", "就不会有这", "认准再拍", "看清再拍", "看准再拍"]),
]);
/// What the customer did wrong, said of them a few words on: 您下单时门牌号就填错了, 签收时您
/// 没有当面开箱检查, 您没按卡片上写的每天换水.
const YOU_DID_IT_WRONG: Phrase = Phrase(&[
    Part::Word(words!["您", "你"]),
    Part::Gap(12),
    Part::Key(words![
        "填错",
        "写错",
        // An operation done wrong: 您自己插错槽了, 您装错方向了.
        "插错",
        "装错",
        "接错",
        "放错",
        "用错",
        "按错",
        "选错",
        "拍错",
        "没有当面",
        "没当面",
        "没按照",
        "没有按照",
        "没按卡片",
        "没按说明",
        "没按要求",
        // Careless: 您看东西也太马虎了.
        "马虎",
        "粗心",
        // Too late on their side: 您签收晚了一天, 您没及时取件.
        "签收晚",
        "签收太晚",
        "取件晚",
        "取件太晚",
        "没及时签收",
        "没有及时签收",
        "没及时取",
        "没有及时取",
    ]),
]);
/// The customer's own material is the problem: 自己拍不清楚我们也没法审, 您自己传的图太糊.
const YOURS_UNCLEAR: Phrase = Phrase(&[
    Part::Word(words!["您自己", "你自己", "自己拍", "自己传", "自己上传"]),
    Part::Gap(8),
    Part::Key(words!["不清楚", "不清晰", "太糊", "糊了", "模糊"]),
]);
/// A question that accuses: 是不是孩子拆包的时候弄丢了?, 您是不是泡水里了?
const DID_YOU_BREAK_IT: Phrase = Phrase(&[
    Part::Word(words!["是不是孩子", "是不是小孩", "是不是家里人", "是不是您", "是不是你", "您是不是", "你是不是"]),
    Part::Gap(8),
    Part::Key(words![
        "弄丢", "丢了", "弄坏", "泡水", "进水", "摔", "磕", "压坏", "拆坏", "用错", "装错", "没拧", "没插", "忘了",
    ]),
]);

fn is_end(c: char) -> bool {
    crate::text::is_punct_or_space(c) || c == '~'
}
