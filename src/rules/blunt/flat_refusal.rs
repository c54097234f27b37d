use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::classes::ACTION;
use crate::text::{
    char_after, char_before, contains_any, ends_with_any, find_all, find_pairs, is_emoji, is_han, is_punct_or_space,
    starts_with_any, trim_end_words, Pairs, Part, Phrase, Words,
};

declare_rule! {
    /// ## What it does
    /// Flags a direct refusal — 不行, 不能, 没办法, 不可以, 不支持, 不可能, 做不到, 改不了,
    /// 退不了, 催不了 (also with what cannot be done after it: 换不了口味了), 写不下, the shop's
    /// 不送, a date that can't be met (周六前收不到的, with the date before it), and 无法 too — that comes without an apology and without an alternative. A refusal
    /// with one of the two gets a hint; with both it is left alone. A “not now” (今晚暂时发不了)
    /// in a reply that says when it will happen (明天统一发出) has its alternative, and so has
    /// a guarantee refused next to the estimate itself (一般3-5天,具体时效无法保证), and one followed by an offer to act (我帮您先作废再重开) or a turn to what can be done
    /// (不过两件一起拍可以用满减券, 剩下没穿过的都能退, 不过店里有满减券), and so has one the
    /// shop makes up for (我们负责免费维修, 另外送您一张券), or one that tells the way forward
    /// (辛苦您重新购买, 需要寄回后再重开); “具体哪天无法确定” next to the estimate itself is a
    /// hint like 无法保证. A limit on how fully (这个我们没办法完全避免) is a caveat, left alone,
    /// and so is declining to overstate (“全网最便宜”这种话我们不能乱说).
    /// What follows once a condition is met (只要被取消,就已经无法送货了) is a rule explained.
    /// A refusal word
    /// in quotation marks (按“无法开机”档位估价) is a label. A policy bar that is the whole
    /// answer refuses as surely (已经超出售后周期了呢, 没有保修服务的, 您那边没有站点, 用过的是不退的): its
    /// words stay, the apology and the alternative are added; in a longer account of the
    /// policy (保修一年,人为损坏不在保修范围,过了保修期只收配件费) it explains.
    ///
    /// Left alone too: conditions (“如果不行的话可以换货”), consequences the agent warns of
    /// (“订单一旦取消是无法恢复的”, “取消了就无法恢复了”, “注销后积分会清空 无法恢复” where the
    /// customer asked to undo nothing), what the platform forbids refused with its rule (平台规定
    /// 不能做好评返现), a quoted claim not promised (“全网最低价”这个我们没法给您承诺), questions (“能不能…”, “行不行”,
    /// “…可以吗?”), polite requests (“能不能麻烦您…”) and product facts (“不能水洗”,
    /// “不支持无线充电”): a refusal word counts only when it ends the clause, follows the shop
    /// (“我们/这边/本店…不能”) or refuses a service (修改, 退换, 发货, 优惠, 保证, 7天无理由…).
    /// A bare “不支持的哦” answering “支持快充吗?” is a product fact too (and “不送的哦” answering
    /// “这个送电池吗?”: what comes with the goods), and so is 不行 said of a
    /// way to use the goods or of their state (长期吃不行, 塞不进去不行, 状态确实不行了, 磨成这样是不行了); a third party's
    /// refusal the agent asks about (“商家为什么不给您退货?”) is not the shop refusing.
    ///
    /// ## Why is this bad?
    /// The guides: replace “不行” with “非常抱歉,这个暂时无法满足,我们可以为您提供XX替代方案”.
    /// A bare “no” ends the conversation and leaves the customer with nothing to do next.
    ///
    /// ## Example
    /// ```text
    /// 不行。
    /// 地址改不了,已经发货了。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 非常抱歉,这个暂时无法满足,我们可以为您提供【替代方案】。
    /// 非常抱歉,地址暂时无法修改,已经发货了,我们可以为您提供【替代方案】。
    /// ```
    pub struct FlatRefusal {
        id: "blunt.flat-refusal",
        category: Blunt,
        severity: Warning,
        title: "生硬拒绝",
        summary: "只说“不行”让客户无路可走;应先致歉,再给替代方案。",
    }
}

/// (refusal, what it becomes in the fix when a verb follows). “暂时无法” is the guides' word.
const REFUSALS: Pairs = pairs![
    ("没有办法", "暂时无法"),
    ("没办法", "暂时无法"),
    ("没法子", "暂时无法"),
    ("没法", "暂时无法"),
    ("不给", "暂时无法"),
    ("不可以", "暂时无法"),
    ("不可能", "暂时无法"),
    ("不支持", "暂时无法支持"),
    ("不允许", "暂时无法"),
    ("做不到", "暂时无法做到"),
    ("办不到", "暂时无法办到"),
    ("不行", "暂时无法"),
    ("不能", "暂时无法"),
    // Already the guides' word: only the apology and the alternative are missing.
    ("暂时无法", "暂时无法"),
    ("无法", "暂时无法"),
    ("没有解决的方法", "暂时无法解决"),
    ("没有解决办法", "暂时无法解决"),
    ("取消不了", "暂时无法取消"),
    ("处理不了", "暂时无法处理"),
    ("操作不了", "暂时无法操作"),
    ("申请不了", "暂时无法申请"),
    ("保证不了", "暂时无法保证"),
    ("提前不了", "暂时无法提前"),
    ("撤销不了", "暂时无法撤销"),
    ("优惠不了", "暂时无法优惠"),
    ("便宜不了", "暂时无法再优惠"),
    ("办不了", "暂时无法办理"),
    // A feature or a document the goods or the shop don't have: 没这功能, 专票开不出来.
    ("没这功能", "没有这个功能"),
    ("没这个功能", "没有这个功能"),
    ("开不出来", "无法开具"),
    ("整不了", "暂时无法办理"),
    ("门儿都没有", "暂时无法办理"),
    ("没门", "暂时无法办理"),
    ("莫得法子", "暂时没有办法"),
    ("莫得办法", "暂时没有办法"),
    ("没得办法", "暂时没有办法"),
    // Nothing to discuss: 这个没得商量.
    ("没得商量", "暂时无法调整"),
    ("没有商量的余地", "暂时无法调整"),
    ("没商量", "暂时无法调整"),
    // No room to bargain: 没有议价空间.
    ("没有议价空间", "暂时无法再优惠"),
    ("没有优惠空间", "暂时无法再优惠"),
    ("没有砍价空间", "暂时无法再优惠"),
    ("没有还价空间", "暂时无法再优惠"),
    ("没有讲价空间", "暂时无法再优惠"),
    // 改不成, 退不成: 不成 for 不了.
    ("改不成", "暂时无法修改"),
    ("退不成", "暂时无法退回"),
    ("换不成", "暂时无法更换"),
    ("办不成", "暂时无法办理"),
    ("取消不成", "暂时无法取消"),
    ("没得法子", "暂时没有办法"),
    ("木有可能", "暂时无法办理"),
    ("无解", "暂时没有办法"),
    ("给不了", "暂时无法提供"),
    ("弄不来", "暂时无法办理"),
    ("搞不来", "暂时无法办理"),
    ("整不来", "暂时无法办理"),
    ("够不着", "暂时无法办理"),
    ("改不动", "暂时无法修改"),
    ("动不了", "暂时无法修改"),
    ("弄不了", "暂时无法办理"),
    ("搞不了", "暂时无法办理"),
    ("做不了", "暂时无法处理"),
    ("改不了", "暂时无法修改"),
    ("退不了", "暂时无法退回"),
    ("合并不了", "暂时无法合并"),
    ("不赔", "暂时无法赔付"),
    ("换不了", "暂时无法更换"),
    ("催不了", "暂时无法催促"),
    ("修不了", "暂时无法维修"),
    ("开不了", "暂时无法开具"),
    ("补不了", "暂时无法补发"),
    ("寄不了", "暂时无法寄出"),
    ("送不了", "暂时无法送达"),
    ("发不了", "暂时无法发出"),
    ("加不了", "暂时无法添加"),
    ("减不了", "暂时无法减免"),
    ("管不了", "暂时无法处理"),
    ("帮不了", "暂时无法帮到"),
    // A date that can't be met, named before it: 周六前收不到的, 明天到不了 (see DATE_BEFORE).
    ("收不到", "暂时无法送达"),
    ("到不了", "暂时无法送达"),
    ("赶不上", "暂时赶不上"),
    // No room for what the customer wants written: 300字写不下.
    ("写不下", "暂时无法写下"),
    ("刻不下", "暂时无法刻下"),
    // The shop declining a delivery: 县城那边我们不送.
    ("不送", "暂时无法配送"),
    // A policy bar stated bare refuses as surely: 已经超出售后周期了呢, 没有保修服务的呢. Its
    // words stay in the fix (no replacement); the apology and the alternative are added.
    ("超出售后周期", ""),
    ("超过售后周期", ""),
    ("超出售后期", ""),
    ("超过售后期", ""),
    ("过了售后期", ""),
    ("超出售后时效", ""),
    ("超过保修期", ""),
    ("超出保修期", ""),
    ("过了保修期", ""),
    ("不在保修范围", ""),
    ("没有保修服务", ""),
    ("不提供保修", ""),
    ("没有站点", ""),
    // A return declined as the whole answer: 用过的床垫是不退的 (in a longer account of the
    // policy, 已经用掉的部分不退, it explains).
    ("不退", ""),
    ("不在配送范围", ""),
    ("超出配送范围", ""),
    ("不在服务范围", ""),
];

/// A service the shop refuses (what may follow the refusal word, after an optional adverb).
const SERVICE: Words = words![
    "修改",
    "改",
    "更改",
    "变更",
    "更换",
    "退",
    "换",
    "取消",
    "撤",
    "开",
    "补",
    "发",
    "寄",
    "送",
    "配送",
    "催",
    "加急",
    "优惠",
    "便宜",
    "少",
    "减",
    "保证",
    "确保",
    "承诺",
    "价保",
    "保价",
    "恢复",
    "合并",
    "合开",
    "拆",
    "转",
    "帮",
    "为您",
    "为你",
    "给您",
    "给你",
    "处理",
    "操作",
    "申请",
    "安排",
    "赔",
    "包邮",
    "提前",
    "延",
    "指定",
    "预约",
    "上门",
    "添加",
    "加",
    "追加",
    "备注",
    "拦截",
    "重新",
    "同意",
    "接受",
    "满足",
    "提供",
    "办理",
    "受理",
    "维修",
    "保修",
    "货到付款",
    "到付",
    "无理由",
    "开票",
    "发票",
    "退款",
    "报销",
    "再",
];
/// Whether the customer asked for a service (改, 退, 发票…), 送 for what comes with the goods
/// aside.
fn asks_for_service(asked: &str) -> bool {
    contains_any(&without_gifts(asked), SERVICE_ASKED)
}

/// The customer's words with 送 in the sense of “given with the goods” blanked (这个送电池吗,
/// 送不送赠品): what comes in the box is a fact to answer, not a delivery asked for (送到家吗,
/// 能配送吗, 送货上门吗 keep theirs).
fn without_gifts(asked: &str) -> String {
    let chars: Vec<char> = asked.chars().collect();
    let delivery = |i: usize| {
        let before = i.checked_sub(1).map(|j| chars[j]);
        matches!(before, Some('配' | '运' | '派' | '递' | '快'))
            || chars.get(i + 1).is_some_and(|c| "到货上达过去来出回吗么".contains(*c))
    };
    chars.iter().enumerate().map(|(i, &c)| if c == '送' && !delivery(i) { ' ' } else { c }).collect()
}

/// Refusal words that can also state a product fact (“不能水洗”, “不支持快充”).
const GENERIC: Words = words![
    "不行",
    "不能",
    "不可以",
    "不支持",
    "不允许",
    "没办法",
    "没有办法",
    "没法",
    "没法子",
    "不给",
    "无法",
    "暂时无法",
    "不送"
];
/// What the customer asks for when a bare “不行” refuses a service rather than states a fact.
const SERVICE_ASKED: Words = words![
    // A way in: 有什么渠道吗, 有没有办法.
    "渠道",
    "途径",
    "办法",
    "入口",
    "改",
    "退",
    "换",
    "取消",
    "便宜",
    "优惠",
    "少",
    "减",
    "发",
    "寄",
    "送",
    "催",
    "快点",
    "开票",
    "发票",
    "补",
    "赔",
    "包邮",
    "加急",
    "保价",
    "价保",
    "修",
    "帮",
    "安排",
    "提前",
    "延",
    "预约",
    // An appointment or a fitting asked for: 能约今天下午安装吗.
    "约",
    "安装",
    "上门",
    "合并",
    "拆",
    "送达",
    "到付",
    "货到付款",
    "赠",
    "折",
    "返",
    "抹",
    "零头",
    "申请",
    "处理",
    "办",
    "能不能",
    "可不可以",
    "行不行",
];
/// Someone else refusing: the agent reports it, the shop does not refuse.
const THIRD_PARTY: Words =
    words!["商家", "厂家", "对方", "他们", "他", "她", "银行", "快递员", "配送员", "师傅", "卖家"];
/// Policies that, named anywhere in the rest of the clause, make it a service refusal.
const POLICY: Words = words![
    "无理由",
    "退货",
    "退款",
    "换货",
    "退换",
    "价保",
    "保价",
    "发票",
    "开票",
    "修改",
    "取消",
    "包邮",
    "货到付款",
    "到付",
    "保修",
    "改价",
    "优惠",
    "赠品",
];
/// Adverbs that may sit between the refusal and the service: “不能直接修改”, “不支持再次开具”.
const ADVERBS: Words = words!["直接", "再次", "随便", "单独", "私自", "马上", "立即", "自己", "帮您", "为您", "给您"];
/// The shop as the one refusing: “我们不能”, “这边没办法”, “本店不支持”.
const SHOP: Words =
    words!["我们", "我这边", "这边", "我", "小妹", "妹子", "客服", "本店", "店铺", "咱们", "系统", "公司"];
/// Sentence-final particles that may follow a refusal that ends its clause.
const PARTICLES: &[char] =
    &['的', '哦', '呢', '啊', '哈', '呀', '了', '啦', '喔', '噢', '滴', '哒', '嘞', '噻', '亲', '的', '么'];
const CONDITION: Words = words!["如果", "要是", "假如", "万一", "若", "假设", "如您", "倘若"];
const APOLOGY: Words = words!["抱歉", "不好意思", "对不起", "歉意", "见谅", "谅解", "请您理解", "还请理解", "遗憾"];
/// “我现在帮您联系快递”, “我帮您先作废再重开”, “我现在联系快递员改派”: the agent offers to act
/// instead.
const OFFERS_TO_ACT: [Phrase; 4] = [
    Phrase(&[Part::Key(FOR_YOU), Part::Gap(2), Part::Word(ACTION)]),
    Phrase(&[
        Part::Key(FOR_YOU),
        Part::Gap(2),
        Part::Word(words!["取消", "作废", "重开", "重新", "修改", "改", "换", "办理", "挑", "选", "推荐"]),
    ]),
    Phrase(&[
        Part::Word(words!["我", "我们", "这边"]),
        Part::Key(words!["现在", "马上", "这就", "立刻", "立即"]),
        Part::Word(words!["联系", "安排", "申请", "催", "通知", "改派", "转"]),
    ]),
    // The way it can be done, told: 需要先作废再重开, 得先寄回再换.
    Phrase(&[Part::Key(words!["需要先", "要先", "得先", "须先"]), Part::Gap(6), Part::Word(words!["再"])]),
];
const FOR_YOU: Words = words!["帮您", "为您", "给您"];
/// “不过买两个可以用满减券”, “剩下没拆封的都能退”: a turn to what can be done.
const TURNS_TO_WHAT_CAN: Phrase = Phrase(&[
    Part::Word(words!["不过", "但是", "但", "剩下", "其余"]),
    Part::Gap(12),
    Part::Key(words![
        "可以",
        "都能",
        "还能",
        "也能",
        "能",
        "有",
        "会",
        "领",
        "更省",
        "更划算",
        "支持",
        "随时",
        "减",
        "送",
        "优惠",
        "省"
    ]),
]);

/// An alternative offered after the refusal.
const ALTERNATIVE: Words = words![
    "我可以",
    "可以拍",
    "可以选",
    "您可以",
    "可以为您",
    "可以帮您",
    "我们可以",
    "这边可以",
    "也可以",
    "建议",
    "或者",
    "替代",
    "其他",
    "改为",
    "换成",
    "只能",
    "为您申请",
    "帮您申请",
    "给您申请",
    "为您提供",
    "帮您联系",
    "帮您反馈",
    "帮您登记",
    "帮您备注",
    "您看",
    "可以选择",
    "可以在",
    "可以等",
    "待",
    // The shop takes it on or makes up for it: 我们负责免费重做, 另外送您一张券, 补偿您.
    "我们负责",
    "负责免费",
    "送您",
    "补偿",
    // The way forward, told: 辛苦重新购买, 您重新下单即可, 需要寄回后再重开.
    "后再",
    "重新购买",
    "重新下单",
    "重新拍",
    // Bought on its own: 可以单独补拍一根.
    "补拍",
    "单独拍",
    "单独购买",
    // Another way, offered: 想要可拆帽的话可以看下拉链款, 可以用花呗, 您朋友可以参加第二轮.
    "可以看",
    "可以用",
    // Where to turn instead (not a closing's 有问题随时找我): 在京东APP-我的-客户服务里找小妹就行.
    "客户服务里",
    "在这里联系",
    "直接在这里",
    // What still can be done: 已经存的照样可以下载.
    "照样可以",
    "仍然可以",
    "依然可以",
    "还是可以",
    "一样可以",
    "可以参加",
    "可以试",
    "可以考虑",
    "可以领",
    // The way forward and what it brings: 您点一下关注,上新就能收到提醒.
    "就能",
    "就可以",
    // What the customer still has: 质量问题一样享受一年保修.
    "享受",
];

impl Rule for FlatRefusal {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut done_sentence = usize::MAX;
        // The reply's length in Han characters, counted once if a policy bar needs it.
        let mut han: Option<usize> = None;
        // What the whole reply says (an apology, an alternative), read once if a refusal needs it.
        let mut apologises: Option<bool> = None;
        let mut offers: Option<bool> = None;
        let mut turns_to_what_can = TURNS_TO_WHAT_CAN.after(text);
        // What the customer asked for, read once if a refusal needs it: a service (改, 退, 发票…)
        // or not.
        let asked = &cx.customer.text;
        let mut service_asked: Option<bool> = None;
        for (hit, (word, replacement)) in find_pairs(text, REFUSALS) {
            let Some(clause) = cx.draft.clause_at(hit.start) else { continue };
            let Some(sentence) = cx.draft.sentence_at(hit.start) else { continue };
            if sentence.range.start == done_sentence {
                continue;
            }
            // Chat agents separate messages with spaces: a space ends a clause too.
            let from = text[clause.range.start..hit.start].rfind(char::is_whitespace).map_or(clause.range.start, |i| {
                clause.range.start + i + text[clause.range.start + i..].chars().next().map_or(1, char::len_utf8)
            });
            let before = &text[from..hit.start];
            let after = &text[hit.end..clause.range.end.max(hit.end)];
            // “商家为什么不给您退货呢?” asks about someone else's refusal.
            if contains_any(before, THIRD_PARTY) || contains_any(before, &["为什么", "什么", "为啥", "怎么"]) {
                continue;
            }
            // “按“无法开机”档位估价”: a quoted label, not an answer.
            if matches!(char_before(text, hit.start), Some('“' | '「' | '"' | '\'')) {
                continue;
            }
            // “试穿觉得不行”: the customer's verdict on the goods, not the shop's answer; “长期吃不行”,
            // “状态确实不行了”: a judgement on how the goods are used or what state they are in.
            let verdict = ends_with_any(before, ["觉得", "感觉", "觉着", "认为"]) || judges_use_or_state(before, word);
            if is_question(text, &hit, word, after) || in_condition(before, after) || is_consequence(before) || verdict
            {
                continue;
            }
            // “注销后京豆会一起清空 无法恢复”: what can't be undone after a step the reply tells
            // of, a caveat, where the customer asked to undo nothing.
            if starts_with_any(after, UNDO)
                && !contains_any(asked, UNDO)
                && contains_any(&text[sentence.range.start..hit.start], &["后", "之后", "以后"])
            {
                continue;
            }
            let terminal = is_terminal(after.split(char::is_whitespace).next().unwrap_or(""));
            // A policy bar refuses when it is the answer (已经超出售后周期了呢); in a longer
            // account of the policy (保修一年…人为损坏不在保修范围,过了保修期只收配件费) it
            // explains.
            let bar = replacement.is_empty();
            if bar
                && !(terminal
                    && *han.get_or_insert_with(|| text.chars().filter(|c| is_han(*c)).count()) <= BAR_ANSWER_MAX)
            {
                continue;
            }
            // “可以退的哦…不可以退的只有定制款”: the exceptions listed, not a refusal.
            if after.char_indices().take(5).any(|(i, _)| starts_with_any(&after[i..], ["的只有", "的仅有", "的只是"]))
            {
                continue;
            }
            // “周六前收不到的”: a date that can't be met refuses only with the date named before
            // it (not 别家根本收不到, 着急用却收不到).
            if DATE_REFUSALS.contains(word) && !contains_any(before, DATE_BEFORE) {
                continue;
            }
            let generic = GENERIC.contains(word);
            // “换不了口味了”: what cannot be done, named right after it, to a customer who asked
            // for it (not “这款换不了颜色”, answering “有黑色的吗?”).
            let service = is_service(after)
                || (!generic
                    && names_the_thing(after.split(char::is_whitespace).next().unwrap_or(""))
                    && *service_asked.get_or_insert_with(|| asks_for_service(asked)));
            let by_shop =
                SHOP.iter().any(|s| before.trim_end_matches(['也', '是', '都', '还', '真', '确', '实']).ends_with(s));
            if !(terminal || service || by_shop) {
                continue;
            }
            // A bare “不支持的哦” answering “支持快充吗?” states a product fact, not a refusal.
            // (做不到, 改不了… always refuse something; only the generic words can state a fact.)
            if generic
                && !service
                && !by_shop
                && !asked.is_empty()
                && !*service_asked.get_or_insert_with(|| asks_for_service(asked))
            {
                continue;
            }
            // “不可能发错/不可能有问题” denies a fault; that is a verification matter.
            let denial =
                word == "不可能" && contains_any(after, &["错", "是", "有", "出现", "少", "漏", "坏", "假", "会"]);
            let apology = *apologises.get_or_insert_with(|| contains_any(text, APOLOGY));
            // “‘全网最便宜’这种话我们不能乱说”: honesty about a claim, not a service refused.
            // (“‘全网最低价’这个我们没法给您承诺”: the claim quoted, not made.)
            let promised = after.trim_start_matches("给您").trim_start_matches("跟您").starts_with("承诺");
            if starts_with_any(after, ["乱说", "瞎说", "乱讲", "夸大", "打包票"])
                || (promised && contains_any(before, &["”", "\"", "’", "」"]))
            {
                continue;
            }
            // “平台规定不能做好评返现 这个我们确实不能提供”: what the platform forbids, refused with
            // the rule that forbids it.
            if contains_any(asked, FORBIDDEN_ASK)
                && contains_any(text, &["规定", "不允许", "违规", "为了保障", "为了保证"])
            {
                continue;
            }
            // “这个我们没办法完全避免”: a limit on how fully, a caveat, not a refusal.
            if after.starts_with("完全") {
                continue;
            }
            // “今晚暂时发不了”, with the time it will happen said in the reply: that is the
            // alternative.
            let not_now = contains_any(before, &["暂时", "今晚", "今天", "现在", "目前"]);
            // “一般3-5天…具体时效无法保证”: the estimate is given, only a guarantee of it is not.
            let estimate_given = starts_with_any(after, ["保证", "确保", "承诺", "确定", "估计"]) || word == "保证不了";
            let alternative = *offers
                .get_or_insert_with(|| contains_any(text, ALTERNATIVE) || OFFERS_TO_ACT.iter().any(|p| p.is_in(text)))
                || turns_to_what_can.is_in_from(hit.end)
                || ((not_now || estimate_given) && cx.names_outcome_time());
            if apology && alternative && !denial {
                continue;
            }
            done_sentence = sentence.range.start;
            let severity = if (apology || alternative) && !denial { Severity::Hint } else { Severity::Warning };
            let lint = if denial {
                let clause_end = clause.range.end.max(hit.end);
                let clause_end =
                    text[hit.end..clause_end].find(char::is_whitespace).map_or(clause_end, |i| hit.end + i);
                let span = from..trim_end_punct(text, hit.end..clause_end).max(hit.end);
                Self::META.lint(span, "一口否认显得生硬,先核实").suggest("我这边马上帮您核实一下")
            } else {
                let sentence_end = sentence.range.end.max(hit.end);
                let sentence_end =
                    text[hit.end..sentence_end].find(char::is_whitespace).map_or(sentence_end, |i| hit.end + i);
                let end = trim_end_punct(text, hit.end..sentence_end).max(hit.end);
                let span = from..end;
                let fixed = soften(cx, from, &hit, replacement, terminal, end, apology, alternative);
                Self::META.lint(span, "直接拒绝显得生硬,给出替代方案").suggest(fixed)
            };
            out.push(lint.with_severity(severity));
        }
    }
}

/// “长期吃不行”, “5号的塞不进去不行”, “那两支状态确实不行了”: 不行 said of a way to use the
/// goods (eating, wearing, fitting) or of their state, not of a service asked for.
fn judges_use_or_state(before: &str, word: &str) -> bool {
    if word != "不行" {
        return false;
    }
    let rest = trim_end_words(before, ["确实", "真的", "已经", "肯定", "就", "都", "也", "是"]);
    ends_with_any(rest, USE_OR_STATE)
}

/// What 不行 judges when it follows it: a use of the goods (吃, 穿…), a fit that fails (塞不进去)
/// or the goods' state (状态, 效果).
const USE_OR_STATE: Words = words![
    "吃",
    "喝",
    "穿",
    "戴",
    "泡",
    "晒",
    "机洗",
    "手洗",
    "水洗",
    "不进去",
    "不进",
    "不下",
    "状态",
    "效果",
    "质量",
    "品相",
    // 叶轮磨成这样是不行了: worn into this state.
    "成这样",
    "成那样"
];

/// “能不能”, “可不可以”, “行不行”, or a clause that ends in 吗/么/?.
fn is_question(text: &str, hit: &std::ops::Range<usize>, word: &str, after: &str) -> bool {
    let first = word.chars().nth(1);
    if char_before(text, hit.start).is_some_and(|c| Some(c) == first) {
        return true;
    }
    if word == "不行" && char_after(text, hit.end) == Some('不') {
        return true;
    }
    after.contains(['吗', '?', '嘛']) || after.trim_end_matches(is_end_char).ends_with('么')
}

/// The refusal sits inside a condition (“如果不行的话可以换货”, “要是不能改就退”), not in the
/// consequence that follows one (“不可以的话就是不能取消的哦”).
fn in_condition(before: &str, after: &str) -> bool {
    let closed = before.rfind("的话").map(|i| i + "的话".len());
    let opened = find_all(before, CONDITION).last().map(|(r, _)| r.start);
    match (opened, closed) {
        (Some(o), Some(c)) => o > c || after.contains("的话"),
        (Some(_), None) => true,
        (None, Some(_)) => false,
        (None, None) => after.contains("的话"),
    }
}

/// A consequence the agent warns of, not a request refused: “订单一旦取消是无法恢复的”,
/// “取消了就无法恢复了哦”.
/// Asks the platform forbids: cashback for a review, fake orders, WeChat, a deal on the side.
const FORBIDDEN_ASK: Words = words!["返现", "刷单", "微信", "私下", "加个v", "加v"];

/// Undoing: what a caveat says can't be done afterwards (无法恢复, 不能撤销).
const UNDO: Words = words!["恢复", "找回", "撤销", "撤回", "还原"];

fn is_consequence(before: &str) -> bool {
    // (只要被取消,就已经无法送货了: adverbs between 就 and the refusal.)
    before.contains("一旦") || trim_end_words(before, ["也", "都", "再", "已经", "会"]).ends_with('就')
}

fn is_end_char(c: char) -> bool {
    is_punct_or_space(c) || c == '~' || is_emoji(c) || c == '\u{FE0F}'
}

/// Nothing but particles and punctuation follows the refusal in its clause.
fn is_terminal(after: &str) -> bool {
    after.chars().all(|c| is_end_char(c) || PARTICLES.contains(&c))
}

/// A short object and nothing more to the end of the clause: 换不了“口味了”, 退不了“款哦”.
fn names_the_thing(after: &str) -> bool {
    let object = after.trim_end_matches(|c: char| is_end_char(c) || PARTICLES.contains(&c));
    let n = object.chars().count();
    (1..=4).contains(&n) && object.chars().all(is_han)
}

fn is_service(after: &str) -> bool {
    let mut rest = after.trim_start_matches(is_end_char);
    for a in ADVERBS {
        if let Some(r) = rest.strip_prefix(a) {
            rest = r;
            break;
        }
    }
    // A policy named further on: “不支持7天无理由退货”, “不能开具增值税专用发票”.
    let clause = rest.split(char::is_whitespace).next().unwrap_or("");
    SERVICE.iter().any(|s| rest.starts_with(s)) || contains_any(clause, POLICY)
}

/// The end of a range with trailing punctuation and spaces left out.
fn trim_end_punct(text: &str, r: std::ops::Range<usize>) -> usize {
    let s = &text[r.clone()];
    r.start + s.trim_end_matches(is_end_char).len()
}

/// The most Han characters of a reply whose policy bar is its answer.
const BAR_ANSWER_MAX: usize = 30;

/// Refusals of a date, and the dates that must come before them in the clause.
const DATE_REFUSALS: Words = words!["收不到", "到不了", "赶不上"];
const DATE_BEFORE: Words = words!["前", "今天", "明天", "后天", "今晚", "明晚", "周末", "周六", "周日", "月底", "当天"];

/// What makes a refusal a standing rule rather than a limit of the moment.
const LASTING: Words = words![
    "规定",
    "政策",
    "规则",
    "一律",
    "定制",
    "特殊商品",
    "生鲜",
    "已拆封",
    "拆封后",
    "已使用",
    "用过",
    "使用过",
    "穿过",
    "不支持七天",
    "根据",
    // A deadline passed: 最晚就是15号了, 已经过了申请时间, 超过时效.
    "最晚",
    "截止",
    "过期",
    "已过",
    "已经过了",
    "超过",
    "超出",
    // A limit of the goods: 贺卡上限50字.
    "上限",
    "最多只能",
    // Already made for the customer: 蛋糕已经做好了.
    "已经做好",
    "已做好",
    "做好了",
    "已经制作",
    "已经刻"
];

/// The sentence from the refusal's clause on, with 暂时无法 for the refusal, an apology in
/// front and an alternative at the end where the draft has none.
#[allow(clippy::too_many_arguments)]
fn soften(
    cx: &Context,
    from: usize,
    hit: &std::ops::Range<usize>,
    replacement: &str,
    terminal: bool,
    end: usize,
    apology: bool,
    alternative: bool,
) -> String {
    let text = cx.draft.folded();
    let mut s = String::new();
    if !apology {
        s.push_str("非常抱歉,");
    }
    // A rule that never changes (“定制商品不支持退换”) is no temporary limit: no 暂时.
    let sentence = cx.draft.sentence_at(hit.start).map_or(&text[..0], |r| cx.draft.text(&r.range));
    // (不能再申请: no longer, for good.)
    let lasting = contains_any(sentence, LASTING) || text[hit.end..].starts_with('再');
    let lead = cx.draft.raw_text(&(from..hit.start));
    // “这边暂时没有解决的方法”: the 暂时 is there already.
    let replacement =
        if lasting || lead.ends_with("暂时") { replacement.trim_start_matches("暂时") } else { replacement };
    let specific = !matches!(replacement, "暂时无法" | "暂时无法支持" | "无法" | "无法支持");
    // A policy bar (no replacement) keeps its words.
    let (bar, replacement) = if replacement.is_empty() { (true, cx.draft.raw_text(hit)) } else { (false, replacement) };
    if terminal && !bar && (!specific || lead.trim().is_empty()) {
        let lead = lead.trim_end_matches(['也', '是', '都', '真', '确', '实']);
        s.push_str(if lead.is_empty() { "这个" } else { lead });
        s.push_str(if lasting { "无法满足" } else { "暂时无法满足" });
        // The particles after a bare refusal go: “不行的哦” → “暂时无法满足”.
        let rest_start = text[hit.end..end]
            .char_indices()
            .find(|(_, c)| !(PARTICLES.contains(c) || *c == ' '))
            .map_or(end, |(i, _)| hit.end + i);
        s.push_str(cx.draft.raw_text(&(rest_start..end)));
    } else {
        s.push_str(lead);
        s.push_str(replacement);
        s.push_str(cx.draft.raw_text(&(hit.end..end)));
    }
    if !alternative {
        s.push_str(",我们可以为您提供【替代方案】");
    }
    s
}
