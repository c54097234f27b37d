use crate::finding::Lints;
use std::ops::Range;

use crate::finding::Lint;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{
    contains_any, ends_with_any, find_all, find_pairs, is_han, is_punct_or_space, mask, starts_with_any, Pairs, Part,
    Phrase, Words,
};

declare_rule! {
    /// ## What it does
    /// Flags the absolute and forbidden claims of the Advertising Law (广告法极限词) in a
    /// selling reply: superlatives (最好 / 最佳 / 最低价 / 全网最低 / 史上最…), rankings
    /// (销量第一 / 排名第一 / No.1 / 销量冠军), grades (国家级 / 世界级 / 顶级 / 极品 / 至尊),
    /// uniqueness (独一无二 / 唯一 / 首选 / 全网首发), guarantees (绝对 / 100%有效 / 百分百 /
    /// 万能 / 永久, and the goods guaranteed never to fail: 保证用三年都不会衰减, 包不会化的 —
    /// with no fix, as only the agent knows what the shop does stand behind), medical promises (根治 / 特效 / 包治百病 / 立马见效), the use of state
    /// organs (国家领导人推荐 / 特供 / 国家免检) and superstition (招财 / 辟邪 / 旺夫). Each has a
    /// plain replacement where one exists (最好 → 很好, 全网最低 → 很优惠, 销量第一 → 销量很好).
    ///
    /// Left alone: times and amounts (最快明天送达 / 最晚到账 / 最近 / 最后 / 最多 / 最少 / 最终),
    /// advice (“您最好先拍照”), usage hints (最佳食用时间, 口感最佳, 明天中午前吃完口感最好), the shop's own service
    /// attitude (“尽最大努力”, “最好的服务”), a rank within the shop (在我们店里的销量排第一), a comparison of the shop's own items the
    /// customer asked for (“哪款更耐用?” — “这款最耐用”), ordinals and enumeration (第一时间 / 第一次购买 /
    /// “第一,…第二,…” / 选第一款), composition (100%纯棉, 100%澳洲羊毛, what the 配料表 says), a level reached
    /// (从0充到100%, 100%充满), an identifier (唯一的防伪码), a limit named (唯一的限制是…), a kind of licence sold (永久授权), the best of the customer's own
    /// options picked for them (帮您选最优惠的那张券), product names (万能表, 王者荣耀), a claim word quoted to refuse it
    /// (“‘全网最便宜’这种话我们不能乱说”), a message quoted to be written on a card or the goods
    /// (贺卡写'你是我最好的朋友'), a claim denied or not vouched for (不是100%纯肉, 并不是最便宜的, 没法给您保证哪家最便宜,
    /// 不做全网最低价的承诺), the customer's own words quoted (您问的“100%正版”), and 绝对 in a
    /// warning (“绝对不要用湿手插拔”).
    ///
    /// ## Why is this bad?
    /// Article 9 of the Advertising Law forbids “国家级”“最高级”“最佳” and the like; platforms
    /// scan chats for them and fine or demote the shop, and customers can claim compensation.
    ///
    /// ## Example
    /// ```text
    /// 全网销量第一,国家级品质,绝对是最好的锅!
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 销量很好,品质优良,确实是很好的锅!
    /// ```
    pub struct AbsoluteClaim {
        id: "compliance.absolute-claim",
        category: Compliance,
        severity: Error,
        title: "广告法极限词",
        summary: "“最好”“第一”等广告法极限词会被平台处罚;应换成平实说法。",
    }
}

/// (claim, replacement; "" = no good replacement, delete or rephrase by hand).
const TERMS: Pairs = pairs![
    // 最 + an evaluation.
    ("全网最低价", "优惠价"),
    ("全网最低", "很优惠"),
    ("全网最便宜", "很优惠"),
    ("全网最优惠", "很优惠"),
    ("史上最低价", "优惠价"),
    ("史上最低", "很优惠"),
    ("史上最", "非常"),
    ("时尚最低价", "优惠价"),
    ("最低价", "优惠价"),
    ("最便宜", "很实惠"),
    ("最优惠", "很优惠"),
    ("最实惠", "很实惠"),
    ("最划算", "很划算"),
    ("最超值", "很超值"),
    ("最好不过", "非常好"),
    ("最好", "很好"),
    ("最佳", "理想"),
    ("最棒", "很棒"),
    ("最优秀", "很优秀"),
    ("最优质", "很优质"),
    ("最优", "很优秀"),
    ("最具", "很具"),
    ("最赚", "很赚"),
    ("最强", "很强"),
    ("最牛", "很厉害"),
    ("最高级", "高品质"),
    ("最高档", "高档"),
    ("最奢侈", "奢华"),
    ("最低级", ""),
    ("最流行", "很流行"),
    ("最受欢迎", "很受欢迎"),
    ("最火", "很火"),
    ("最畅销", "很畅销"),
    ("最热销", "热销"),
    ("最时尚", "很时尚"),
    ("最聚拢", "很聚拢"),
    ("最符合", "很符合"),
    ("最舒适", "很舒适"),
    ("最舒服", "很舒服"),
    ("最先进科学", "先进科学"),
    ("最先进", "先进"),
    ("最新科技", "新科技"),
    ("最新科学", "新科学"),
    ("最新技术", "新技术"),
    ("最正宗", "正宗"),
    ("最安全", "很安全"),
    ("最耐用", "很耐用"),
    ("最专业", "很专业"),
    ("最权威", "权威"),
    ("最完美", "很完美"),
    ("最有效", "很有效"),
    ("最大程度", "很大程度"),
    ("最低", "很优惠"),
    // Rankings and titles.
    ("全网销量第一名", "销量很好"),
    ("销量第一名", "销量很好"),
    ("全网销量第一", "销量很好"),
    ("全国销量第一", "销量很好"),
    ("销量第一", "销量很好"),
    ("排名第一", "排名靠前"),
    ("全网第一", "深受欢迎"),
    ("全国第一", "深受欢迎"),
    ("中国第一", "深受欢迎"),
    ("行业第一", "口碑很好"),
    ("世界第一", "深受欢迎"),
    ("同类第一", "深受欢迎"),
    ("第一品牌", "知名品牌"),
    ("排行第一", "很受欢迎"),
    ("排第一", "很受欢迎"),
    ("第一名", "很受欢迎"),
    ("第一", "领先"),
    ("no.1", "热门之选"),
    ("no1", "热门之选"),
    ("top.1", "热门之选"),
    ("top1", "热门之选"),
    ("全国销量冠军", "销量很好"),
    ("销量冠军", "销量很好"),
    ("世界领先", "出色"),
    ("行业领先", "出色"),
    ("领先上市", "上市"),
    ("领袖品牌", "知名品牌"),
    ("领导品牌", "知名品牌"),
    ("创领品牌", "知名品牌"),
    ("领导者", ""),
    ("缔造者", ""),
    ("性价比之王", "性价比很高"),
    ("之王", ""),
    ("王者", ""),
    ("王牌", "招牌"),
    ("问鼎", ""),
    ("至尊", "高端"),
    ("巅峰", "出色"),
    // Grades.
    ("国家级", "优质"),
    ("世界级", "优质"),
    ("全球级", "优质"),
    ("宇宙级", "优质"),
    ("顶级", "高品质"),
    ("顶尖", "出色"),
    ("尖端", "先进"),
    ("极品", "精品"),
    ("极佳", "很好"),
    ("绝佳", "很好"),
    ("极致", "出色"),
    ("终极", ""),
    ("一流", "优秀"),
    ("无敌", "出色"),
    // Uniqueness.
    ("独一无二", "很有特色"),
    ("绝无仅有", "很有特色"),
    ("前无古人", ""),
    ("史无前例", ""),
    ("仅此一家", ""),
    ("仅此一次", ""),
    ("全国唯一", ""),
    ("唯一", "很有特色"),
    ("全网唯一", ""),
    ("行业唯一", ""),
    ("首选", "好选择"),
    ("全球首发", "新品上市"),
    ("全网首发", "新品上市"),
    ("全国首发", "新品上市"),
    ("国内首发", "新品上市"),
    ("全国首家", ""),
    ("全网首家", ""),
    ("国内首家", ""),
    ("全球首款", "新款"),
    ("首款", "新款"),
    ("首个", "新推出"),
    ("首家", ""),
    ("全国首款", "新款"),
    ("独家配方", "特有配方"),
    ("独家", "特有"),
    // Guarantees.
    ("绝对", "确实"),
    ("百分之百", ""),
    ("百分百", ""),
    ("100%", ""),
    ("万能", "多用途"),
    ("永久", "长期"),
    ("零风险", "风险很低"),
    // No board or foam is free of formaldehyde; the standard names a release grade.
    ("零甲醛", "甲醛释放量符合国家标准"),
    ("0甲醛", "甲醛释放量符合国家标准"),
    ("包过", ""),
    ("保过", ""),
    ("立马升值", ""),
    ("升值回报", ""),
    ("升值", ""),
    ("大亏特亏", "很优惠"),
    ("投资回报", ""),
    ("投资价值", ""),
    // Medical promises.
    ("包治百病", ""),
    ("根治", "改善"),
    ("特效药", ""),
    ("特效", "效果好"),
    ("痊愈", "好转"),
    ("彻底康复", "好转"),
    ("立马见效", "效果因人而异"),
    ("立竿见影", "效果因人而异"),
    ("一盒见效", "效果因人而异"),
    ("三天即愈", "效果因人而异"),
    ("无副作用", ""),
    ("无毒副作用", ""),
    ("比手术安全", ""),
    ("无效退款", ""),
    ("不反复", ""),
    ("无依赖", ""),
    ("免费治疗", ""),
    ("非转基因更安全", ""),
    // State organs and inspection.
    ("国家领导人推荐", ""),
    ("国家机关推荐", ""),
    ("国家机关专供", ""),
    ("国宴专用", ""),
    ("政协用酒", ""),
    ("人民大会堂", ""),
    ("全国人大", ""),
    ("特供", ""),
    ("专供", ""),
    ("质量免检", "质量合格"),
    ("国家免检", "质量合格"),
    ("免抽检", "质量合格"),
    ("无需国家质量检测", "质量合格"),
    // Superstition.
    ("招财进宝", ""),
    ("招财", ""),
    ("旺夫", ""),
    ("旺子", ""),
    ("旺财", ""),
    ("旺宅", ""),
    ("旺人", ""),
    ("镇宅", ""),
    ("辟邪", ""),
    ("避凶", ""),
    ("逢凶化吉", ""),
    ("助吉避凶", ""),
    ("消灾", ""),
    ("挡灾", ""),
    ("防小人", ""),
    ("化解小人", ""),
    ("转富招福", ""),
    ("时来运转", ""),
    ("万事亨通", ""),
    ("带来好运", ""),
    ("提升运气", ""),
    ("增加事业运", ""),
    ("有助事业", ""),
    ("增强第六感", ""),
    ("平衡正负能量", ""),
    ("护身符", ""),
    ("护身", ""),
    ("健康富贵", ""),
    ("消除精神压力", ""),
    ("调和气压", ""),
    // Exam promises.
    ("一本书学会", ""),
    ("一套题学会", ""),
    ("高考升学率", ""),
    ("高考移民", ""),
    ("不用学直接选", ""),
    ("看到直接选", ""),
    // Clickbait.
    ("秒杀全网", "很优惠"),
    ("全民免单", ""),
    ("恭喜获奖", ""),
    ("点击领奖", ""),
];

/// Service attitude may be described in superlatives (“最好的服务”, “尽最大努力”).
const SERVICE: Words = words!["服务", "态度", "努力", "诚意", "耐心", "办法", "方法", "方式", "解决方案"];

/// Within the shop's own range (“店里”, “这几款”): a comparison the regulator allows.
const IN_SHOP: Words = words!["店里", "本店", "店内", "这几款", "这两款", "几款里", "两款里", "系列里", "当中", "之中"];

/// After 最佳, these make it a usage hint (“最佳食用期”, “最佳使用温度”).
const USAGE_AFTER: Words = words![
    "时间", "时机", "使用", "食用", "饮用", "赏味", "佩戴", "温度", "保存", "储存", "观看", "期", "状态", "搭配",
    "方式",
];

/// Before 最佳, these make it a usage hint (“口感最佳”).
const USAGE_BEFORE: Words = words!["口感", "时", "后", "风味", "状态"];

/// A time or a use named before “口感最好”: it is at its best then, not better than others.
const WHEN_USED: Words =
    words!["前", "后", "时", "的时候", "以内", "之内", "冷藏", "冰镇", "加热", "吃完", "喝完", "不超过", "的话"];
/// Words with 前/后 that name no time of use (这款目前口感最好 still claims).
const NOT_WHEN_USED: Words = words!["目前", "当前", "以前", "前面", "后面", "最后"];

/// Before 100%, these make it a level reached, a measure (充到100%, 电量100%).
const LEVEL_BEFORE: Words = words!["到", "至", "电量", "满电", "湿度", "亮度", "音量", "功率", "负载", "浓度", "显示"];

/// After 绝对不会, what the shop would do to the customer: 向您要验证码, 泄露您的信息.
const CONDUCT: Words = words!["向您", "向你", "问您", "找您要", "泄露", "索要", "骚扰", "私自", "额外收", "乱收"];

/// After 100%, these make it a setting or a measure (100%覆盖, 100%亮度, 100%负载).
const LEVEL_AFTER: Words = words![
    "覆盖", "亮度", "音量", "功率", "负载", "浓度", "转速", "占比", "开度", "满版",
    // 按票面金额100%退款: how much of the money comes back.
    "退款", "退还", "退回", "赔付", "返还", // 指示灯变绿就是100%充满了: the battery's level.
    "充满", "满电"
];

/// Where the goods say what they are made of: 配料表, 成分表, 吊牌, 水洗标.
const LABEL: Words = words!["配料表", "配料", "成分表", "成分", "吊牌", "水洗标", "洗标", "标签上"];

/// What 100% may describe: composition is a fact (100%纯棉).
const MATERIAL: Words = words![
    "纯棉",
    "棉",
    "羊毛",
    "羊绒",
    "真丝",
    "桑蚕丝",
    "蚕丝",
    "涤纶",
    "聚酯",
    "亚麻",
    "莫代尔",
    "锦纶",
    "氨纶",
    "牛皮",
    "头层",
    "纯羊",
    "含",
    "原浆",
    "果汁",
    "纯铜",
    "纯银",
    "天然乳胶",
];

impl Rule for AbsoluteClaim {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        // “哪款更耐用?” — the answer compares the shop's own items, which is allowed.
        let comparing = contains_any(&cx.customer.text, &["哪款", "哪个", "哪种", "比", "更"]);
        for (hit, (term, replacement)) in find_pairs(text, TERMS) {
            if comparing && term.starts_with('最') {
                continue;
            }
            let (sentence, sentence_end) =
                cx.draft.sentence_at(hit.start).map_or((0, text.len()), |s| (s.range.start, s.range.end));
            // “不能跟您说‘全网最低’”, “‘绝对’我不敢跟您打包票”: the word quoted to refuse it,
            // not claimed.
            if let Some(quote) = cx.draft.quote_at(hit.start) {
                if quote.start == hit.start && contains_any(&text[sentence..sentence_end], REFUSED) {
                    continue;
                }
                // “您说的“顶级配置”是16G那款”: the customer's words, quoted. (A quote may open
                // sentences before this one.)
                let before_quote = text[sentence.min(quote.start)..quote.start].trim_end_matches(['“', '"', '「']);
                if ends_with_any(before_quote, ["您说的", "您说", "你说的", "您问的", "您提到的", "您提的"])
                    || quoted_from(cx, text, &quote)
                {
                    continue;
                }
                // “贺卡写‘你是我最好的朋友’”: a message the customer wants written, not the shop's claim.
                // (Read from the start of the sentence the quote opens in: a quote may run on
                // over several sentences.)
                let opened_in = cx.draft.sentence_at(quote.start).map_or(0, |s| s.range.start).min(quote.start);
                let lead = &text[opened_in..quote.start];
                if contains_any(lead, INSCRIBED) {
                    continue;
                }
            }
            // “不是100%纯肉”: the claim denied, not made.
            if ends_with_any(&text[sentence..hit.start], ["不是", "并不是", "并非", "也不是", "算不上", "谈不上"])
            {
                continue;
            }
            // “两种没有绝对的好坏”: no absolute, said.
            if term == "绝对" && ends_with_any(&text[sentence..hit.start], ["没有", "没", "并无", "不存在"]) {
                continue;
            }
            // “绝对不要用湿手插拔”, “绝对要避免”: a warning, not a claim.
            if term == "绝对"
                && starts_with_any(&text[hit.end..], ["不要", "不能", "别", "禁止", "不可", "要避免", "避免"])
            {
                continue;
            }
            // “我们客服绝对不会向您要验证码”: the shop's own conduct toward the customer promised,
            // not the goods' (我们的电热毯绝对不会漏电 still claims).
            if term == "绝对" && text[hit.end..].strip_prefix("不会").is_some_and(|rest| starts_with_any(rest, CONDUCT))
            {
                continue;
            }
            // “京东这边不做全网最低价的承诺”: the claim named to refuse making it.
            if contains_any(&text[sentence..hit.start], &["不做", "不敢做", "不会做"])
                && contains_any(&text[hit.end..sentence_end], &["承诺", "保证", "宣传"])
            {
                continue;
            }
            // “不敢跟您说100%一根都不掉”, “没法给您保证哪家最便宜”: the claim refused.
            if contains_any(&text[sentence..hit.start], &["不敢", "不能说", "没法说", "不好说", "不跟您说", "不会说"])
                || !WONT_VOUCH.find(&text[sentence..hit.start]).is_empty()
            {
                continue;
            }
            let Some(span) = claim_span(text, sentence, &hit, term) else { continue };
            let lint = Self::META.lint(span.clone(), format!("“{}”是广告法禁用的绝对化用语", cx.draft.raw_text(&span)));
            out.push(suggest(cx, lint, &span, term, replacement));
        }
        // “我们保证用三年都不会衰减”, “包不会化的”: the goods guaranteed never to fail. No fix:
        // what the shop does stand behind (保修, 坏了包退) only the agent can say.
        let spans = NEVER_FAILS
            .find(text)
            .into_iter()
            .chain(NEVER_EVER.find(text))
            .chain(NOT_ONE.find(text).into_iter().filter(|h| {
                cx.draft.sentence_at(h.span.start).is_some_and(|s| contains_any(cx.draft.text(&s.range), VOUCHED))
            }))
            .map(|h| h.span)
            .chain(find_all(text, NEVER_FAILS_BARE).into_iter().map(|(r, _)| r));
        for span in spans {
            // “无法保证一定不会过敏”: the guarantee refused, honestly.
            if ends_with_any(&text[..span.start], ["无法", "不能", "不敢", "没法", "没办法", "不", "很难"])
            {
                continue;
            }
            out.push(Self::META.lint(span, "保证商品永远不出问题是无法兑现的绝对化承诺,改说售后保障"));
        }
    }
}

/// A guarantee that the goods never fail: 保证/包 … 不会坏/不会衰减/不会化.
const NEVER_FAILS: Phrase = Phrase(&[
    Part::Word(words!["保证", "包您", "包你"]),
    Part::Gap(10),
    Part::Key(words![
        "不会坏",
        "不会衰减",
        "不会掉色",
        "不会褪色",
        "不会过敏",
        "不会化",
        "不会起球",
        "不会变形",
        "不会漏",
        "不会出问题",
        "不坏",
        "不掉色",
        "不褪色",
        "不起球",
        "不变形",
        "不过敏",
        "没有任何问题"
    ]),
]);
/// Not a single one, vouched for in the sentence (保证一个坏的都没有, 放一百个心…路上一条都不会死).
const NOT_ONE: Phrase = Phrase(&[
    Part::Word(words!["一个", "一条", "一只", "一颗", "一粒", "一根", "一件", "一盒"]),
    Part::Gap(3),
    Part::Key(words!["都不会", "都没有", "也不会"]),
]);
/// What vouches for it: 保证, 包活/包赔/包您, 放心 (not the 包 of 包裹 or 包装).
const VOUCHED: Words = words!["保证", "包您", "包你", "包活", "包赔", "包退", "包换", "放心", "放一百个心"];
/// Never, ever: 这款永远不会掉线.
const NEVER_EVER: Phrase = Phrase(&[
    Part::Key(words!["永远"]),
    Part::Maybe(words!["都", "也"]),
    Part::Word(words!["不会"]),
    Part::Word(words!["坏", "掉线", "断", "卡", "失效", "出问题", "褪色", "掉色", "漏", "生锈", "变形"]),
]);
/// The same in one breath: 包不会化的, 包不坏.
/// (And a cure promised: 保证治好, 包治.)
const NEVER_FAILS_BARE: Words = words![
    "包不会化",
    "包不会坏",
    "包不坏",
    "包不掉色",
    "包不褪色",
    "包不起球",
    "包不过敏",
    "保证治好",
    "保证能治好",
    "保证根治",
    "保证痊愈",
    "包治"
];

/// Before a quote, these make it a message to be written on the goods or a card.
const INSCRIBED: Words =
    words!["贺卡", "卡片", "祝福语", "留言", "刻字", "刻上", "刻的", "备注", "写上", "写的", "印上", "印的", "内容"];

/// Refusing to vouch for it: 没法给您保证, 不能保证, 保证不了.
const WONT_VOUCH: Phrase = Phrase(&[
    Part::Key(words!["没法", "无法", "不能", "不好", "没办法"]),
    Part::Gap(4),
    Part::Word(words!["保证", "打包票", "承诺"]),
]);

/// A quote of the customer's own words (您问的“100%正版”): what they asked about, not a claim.
fn quoted_from(cx: &Context, text: &str, quote: &Range<usize>) -> bool {
    // (Quote marks are punctuation: trimmed as such.)
    let said = text[quote.clone()].trim_start_matches(is_punct_or_space).trim_end_matches(is_punct_or_space);
    said.chars().count() >= 2 && cx.customer.text.contains(said)
}

/// Around a quoted claim word, these refuse it: 不能乱说, 不敢打包票, 不做…这样的承诺.
const REFUSED: Words = words![
    "不能",
    "不会",
    "不敢",
    "没法",
    "无法",
    "不做",
    "不说",
    "乱说",
    "打包票",
    "不承诺",
    "没有",
    "这个说法",
    "一概而论"
];

/// The span to flag for a term, or `None` where the words are not a claim here.
fn claim_span(text: &str, sentence: usize, hit: &Range<usize>, term: &str) -> Option<Range<usize>> {
    let before = &text[..hit.start];
    let after = &text[hit.end..];
    // Comparing the shop's own products (“这几款里这款最好”) is allowed.
    let clause_start = before[sentence..]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | '。' | '!' | '?' | ';' | ' ' | '\n'))
        .map_or(sentence, |(i, c)| sentence + i + c.len_utf8());
    // (So is a rank within the shop: 在我们自己店里的销量排第一.)
    if (term.starts_with('最') || term.contains("第一")) && IN_SHOP.iter().any(|w| before[clause_start..].contains(w))
    {
        return None;
    }
    // “孔雀鱼的话24到28度之间最舒服”: the best of conditions for using it, not better than others.
    if term.starts_with('最') && contains_any(&before[clause_start..], &["之间", "的话", "的时候"]) {
        return None;
    }
    // “凑单到门槛再用,这样最划算”, “帮您看看怎么凑单最划算”: the best way for the customer to
    // buy or use it; “理解您想等最划算的时候”: the customer's own wish.
    if term.starts_with('最')
        && (ends_with_any(before, ["这样", "这么用", "这么买", "这样用", "这样买"])
            || contains_any(&before[clause_start..], &["您想", "你想", "想等", "怎么", "如何"]))
    {
        return None;
    }
    // “下单页会自动帮您选最优惠的那张券”: the best of the customer's own options, picked.
    if term.starts_with('最') && ends_with_any(before, ["选", "挑", "选择", "选出"]) {
        return None;
    }
    let service = |s: &str| SERVICE.iter().any(|w| s.trim_start_matches(['的', '地']).starts_with(w));
    match term {
        // Advice (“您最好先拍照”) and usage hints (“口感最佳”; “明天中午前吃完口感最好”: when
        // it is at its best, once a time or a use is named in the clause).
        "最好"
            if !praises(after)
                || advice_before(before)
                || service(after)
                || (ends_with_any(before, USAGE_BEFORE)
                    && contains_any(&mask(&before[clause_start..], NOT_WHEN_USED), WHEN_USED)) =>
        {
            return None
        }
        "最佳"
            if USAGE_AFTER.iter().any(|a| after.starts_with(a))
                || ends_with_any(before, USAGE_BEFORE)
                || service(after)
                || advice_before(before) =>
        {
            return None
        }
        "最大程度" | "最具" | "最优" if service(after) => return None,
        "绝对" if after.starts_with('值') => return None,
        "100%" | "百分百" | "百分之百" => {
            // “空壳没法百分之百挑干净”: the claim refused, honestly.
            if ends_with_any(before, ["没法", "无法", "不能", "做不到", "不敢"]) {
                return None;
            }
            // Composition, maybe after where it comes from (100%澳洲美利奴羊毛), is a fact, and
            // so is what the label says it is made of (配料表上写的就是100%阿拉比卡).
            let named: String = after.trim_start().chars().take_while(|c| is_han(*c)).take(8).collect();
            if MATERIAL.iter().any(|m| named.contains(m)) || contains_any(&before[sentence..], LABEL) {
                return None;
            }
            // A level reached is a measure (从0充到100%, 电量100%, 100%覆盖, 亮度调到100%).
            if ends_with_any(before.trim_end(), LEVEL_BEFORE) || starts_with_any(after.trim_start(), LEVEL_AFTER) {
                return None;
            }
            // The claim is what 100% vouches for: “100%有效” → take the word with it.
            let word: usize = after.chars().take_while(|c| is_han(*c)).take(2).map(char::len_utf8).sum();
            if word == 0 {
                return None;
            }
            return Some(hit.start..hit.end + word);
        }
        // “永久删除”, “永久关闭” describe an action, not the product; 永久授权 / 永久会员 name
        // a kind of licence or membership sold.
        "永久"
            if ["删除", "关闭", "注销", "封禁", "失效", "作废", "授权", "许可", "激活", "使用权", "会员", "版"]
                .iter()
                .any(|a| after.starts_with(a)) =>
        {
            return None
        }
        "一流" | "顶尖" | "至尊" | "王牌" if service(after) => return None,
        // 万能表 / 万能胶 / 万能轮 are product names.
        "万能" if ["表", "胶", "钥匙", "充", "轮", "板", "笔", "插座", "转换"].iter().any(|a| after.starts_with(a)) => {
            return None
        }
        // An official designation is a fact (国家级非物质文化遗产).
        "国家级" if ["非物质文化遗产", "非遗", "自然保护区", "风景名胜区"].iter().any(|a| after.starts_with(a)) => {
            return None
        }
        // 王者荣耀 is a game.
        "王者" if after.starts_with("荣耀") => return None,
        "独家" if after.starts_with("代理") && before.ends_with("非") => return None,
        "升值" if before.ends_with('不') || after.starts_with("服务") => return None,
        // 最低 as a price claim (“已经最低了”, “价格最低”), not 最低温度 / 最低起订量.
        "最低" if !(after.starts_with(['了', '的', '啦', '!', '。', ',']) || after.is_empty()) => return None,
        // 第一 as a rank (“我们是第一的”), not 第一次 / 第一时间 / “第一,…” enumeration.
        "第一"
            if !(["是", "排", "数", "拿", "称"].iter().any(|b| before.ends_with(b))
                && (after.starts_with(['的', '了', '啦', '!', '。']) || after.is_empty())) =>
        {
            return None
        }
        // 唯一 as a claim (“唯一的产品”), not “唯一的办法/区别”.
        "唯一"
            if [
                "办法",
                "方法",
                "区别",
                "不同",
                "要求",
                "条件",
                "问题",
                "方式",
                "途径",
                "渠道",
                "缺点",
                "不足",
                "限制",
                "需要",
                "要注意",
                "注意",
                "联系",
                "一",
                // 目前唯一的颜色就是奶白色: the only one there is, not the best.
                "颜色",
                "款",
                "尺码",
                "规格",
                "选择",
                "口味",
                // 每台都有唯一的防伪码: an identifier, one per item.
                "防伪",
                "编号",
                "编码",
                "序列号",
                "识别",
                "码",
                "二维码",
            ]
            .iter()
            .any(|a| after.trim_start_matches('的').starts_with(a))
                // 每台机器都有唯一的机身条码: an identifier, named a word or two on.
                || after.trim_start_matches('的').chars().take(5).collect::<String>().contains("码")
                || !(before.ends_with('是') || after.starts_with('的')) =>
        {
            return None
        }
        // 首款 / 首个 / 首家 as a first-ever claim (“是首款…”), not “您的首个订单”.
        "首款" | "首个" | "首家" if !before.ends_with('是') => return None,
        // “电商专供款” is a channel label; only state bodies make 专供 a claim.
        "专供" if !["国家", "机关", "军队", "部队", "政府"].iter().any(|b| before.ends_with(b)) => {
            return None
        }
        "绝对" => {
            // The guarantee is what 绝对 vouches for: “绝对正品” → take the word with it.
            let word: usize = after.chars().take_while(|c| is_han(*c)).take(2).map(char::len_utf8).sum();
            if after.starts_with('是') || word == 0 {
                return Some(hit.clone());
            }
            return Some(hit.start..hit.end + word);
        }
        _ => {}
    }
    Some(hit.clone())
}

/// “最好” praises when it ends the statement or describes something (“最好的”, “最好用的”,
/// “最好不过”); before a verb it is advice (“尺码最好按平时的拍”, “您最好先拍照”).
fn praises(after: &str) -> bool {
    let ends = |s: &str| s.chars().next().is_none_or(|c| c == '的' || c == '了' || c == '啦' || is_punct_or_space(c));
    if ends(after) || ["不过", "之一"].iter().any(|a| after.starts_with(a)) {
        return true;
    }
    // “最好用的 / 最好看了”: a sense verb with an ending is still praise.
    ["用", "看", "吃", "穿", "喝", "玩", "听", "闻"].iter().any(|v| after.strip_prefix(v).is_some_and(ends))
}

/// Said to the customer as advice (“您最好…”, “建议最好…”).
fn advice_before(before: &str) -> bool {
    ["您", "你", "亲", "建议", "还是"].iter().any(|b| before.ends_with(b))
}

fn suggest(cx: &Context, lint: Lint, span: &Range<usize>, term: &str, replacement: &str) -> Lint {
    if matches!(term, "100%" | "百分百" | "百分之百") {
        // Drop the percentage, keep the word it qualified: “100%有效” → “有效”.
        return lint.suggest(cx.draft.raw_text(&(span.start + term.len()..span.end)));
    }
    if term == "绝对" && span.len() > term.len() {
        // “绝对正品” → “正品”; “绝对是” → “确实是”.
        return lint.suggest(cx.draft.raw_text(&(span.start + term.len()..span.end)));
    }
    if replacement.is_empty() {
        return lint;
    }
    lint.suggest(replacement)
}
