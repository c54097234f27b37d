use crate::finding::Lints;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{ends_with_any, find_pairs, starts_with_any, Pairs, Part, Phrase};

declare_rule! {
    /// ## What it does
    /// Flags high-pressure selling: 别犹豫了 / 赶紧付款 / 赶快下单 / 抓紧拍 / 再不买就没了 /
    /// 现在不买以后就没有了 / 马上就涨价 / 错过就没有 / 手慢无 / 过了这村没这店 / 先拍下再说, and offers
    /// a friendly reminder in their place.
    ///
    /// Left alone: plain facts about stock or shipping (“数量有限送完即止哦”, “现在下单今天
    /// 就能发出哦”), a polite reminder of an unpaid order (“您的订单还未付款,需要帮您保留吗?”),
    /// a photo asked for (拍照), the customer's own hurry (理解您想快点处理) and a button named in
    /// a how-to (在商品页面点“立即购买”).
    ///
    /// ## Why is this bad?
    /// The etiquette guide: “对于未付款订单,可在适当时间进行友好提醒,避免过度催促”, and
    /// “尊重客户的购买意愿和选择”. Pressure makes customers leave and invites complaints of
    /// false urgency.
    ///
    /// ## Example
    /// ```text
    /// 别犹豫了,马上就涨价,赶紧下单!
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 您可以再考虑一下,活动截止到【截止时间】,有问题随时问我哦!
    /// ```
    pub struct HardSell {
        id: "pressure.hard-sell",
        category: Pressure,
        severity: Warning,
        title: "过度催促/强推",
        summary: "“赶紧下单”“手慢无”式催促会吓走客户;应友好提醒。",
    }
}

/// (phrase, what it becomes). The replacement keeps the fact and drops the pressure.
const PHRASES: Pairs = pairs![
    ("别犹豫了", "您可以再考虑一下"),
    // Fear of missing out: 晚了就被别人抢走了, 不升级真的亏大了.
    ("晚了就被别人抢走", "库存有限,需要的话可以尽早下单哦"),
    ("晚了就没了", "库存有限,需要的话可以尽早下单哦"),
    ("被别人抢走", "库存有限,需要的话可以尽早下单哦"),
    ("亏大了", "现在下单比较划算,您可以考虑一下"),
    ("可别后悔", "现在下单比较划算,您可以考虑一下"),
    // Now or never, in other words: 别等啦, 错过就没这个价了, 抢到就是赚到, 快快快.
    ("别等啦", "您可以再考虑一下"),
    ("别等了", "您可以再考虑一下"),
    ("真就错过", "活动截止前下单都可以享受优惠"),
    ("错过要等", "活动截止前下单都可以享受优惠"),
    ("没这个价", "活动截止前下单都可以享受优惠"),
    ("抢到就是赚到", "需要的话可以下单哦"),
    ("快快快", "需要的话可以下单哦"),
    ("不囤真的亏", "现在下单比较划算,您可以考虑一下"),
    ("不付太可惜", "您方便时付款就可以"),
    ("付了吧", "您方便时付款就可以"),
    ("现在付款吧", "您方便时付款就可以"),
    // Gone for sure, or regretted later: 等到周末肯定没了, 现在不囤以后后悔.
    ("肯定没了", "库存有限,以页面为准"),
    ("肯定就没了", "库存有限,以页面为准"),
    ("以后后悔", "现在下单比较划算,您可以考虑一下"),
    ("不用商量了", "您可以再考虑一下"),
    ("占个位", "您可以再考虑一下"),
    ("别后悔", "现在下单比较划算,您可以考虑一下"),
    ("不买就亏", "现在下单比较划算,您可以考虑一下"),
    ("不买亏", "现在下单比较划算,您可以考虑一下"),
    ("不要犹豫了", "您可以再考虑一下"),
    ("还犹豫什么", "您可以再考虑一下"),
    ("犹豫什么", "您可以再考虑一下"),
    ("别想了", "您可以再考虑一下"),
    ("别考虑了", "您可以再考虑一下"),
    ("赶紧付款", "您方便时付款就可以"),
    ("赶快付款", "您方便时付款就可以"),
    ("快点付款", "您方便时付款就可以"),
    ("快付款", "您方便时付款就可以"),
    ("赶紧下单", "需要的话可以下单哦"),
    ("赶快下单", "需要的话可以下单哦"),
    ("快点下单", "需要的话可以下单哦"),
    ("快下单", "需要的话可以下单哦"),
    ("赶紧拍", "需要的话可以拍下哦"),
    ("赶快拍", "需要的话可以拍下哦"),
    ("抓紧拍", "需要的话可以拍下哦"),
    ("快拍", "需要的话可以拍下哦"),
    ("赶紧买", "需要的话可以下单哦"),
    ("赶快买", "需要的话可以下单哦"),
    ("赶紧抢", "需要的话可以下单哦"),
    ("抓紧下单", "需要的话可以下单哦"),
    // Buy first, think later: 先拍下再说 (typed 先拍下在说 too).
    ("先拍下再说", "需要的话可以拍下哦"),
    ("先拍下在说", "需要的话可以拍下哦"),
    ("先拍了再说", "需要的话可以拍下哦"),
    ("先下单再说", "需要的话可以下单哦"),
    ("抓紧付款", "您方便时付款就可以"),
    ("再不买就没了", "活动库存有限,以页面为准"),
    ("再不买就没有了", "活动库存有限,以页面为准"),
    ("再不下单就没了", "活动库存有限,以页面为准"),
    ("再不抢就没了", "活动库存有限,以页面为准"),
    ("现在不买以后就没有了", "活动截止到【截止时间】"),
    ("现在不买就没了", "活动截止到【截止时间】"),
    ("现在不买就没有了", "活动截止到【截止时间】"),
    ("不买就亏了", "现在买比较划算"),
    ("不买就后悔", "现在买比较划算"),
    ("不买会后悔", "现在买比较划算"),
    ("马上就涨价", "活动截止到【截止时间】"),
    ("马上涨价", "活动截止到【截止时间】"),
    ("明天就涨价", "活动截止到【截止时间】"),
    ("错过就没有了", "活动截止到【截止时间】"),
    ("错过就没了", "活动截止到【截止时间】"),
    ("错过再等一年", "活动截止到【截止时间】"),
    ("过了这村没这店", "活动截止到【截止时间】"),
    ("手慢无", "库存有限,以页面为准"),
];

impl Rule for HardSell {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut kept = 0;
        for (hit, (phrase, replacement)) in find_pairs(text, PHRASES) {
            // “快拍” inside “快拍照/快拍下来”: photographing, not buying.
            if phrase == "快拍" && text[hit.end..].starts_with(['照', '摄', '个']) {
                continue;
            }
            // “您快下单了吗?” asks, it does not push.
            let clause = cx.draft.clause_at(hit.start).map_or("", |c| cx.draft.text(&c.range));
            if clause.contains('?') || clause.contains('吗') {
                continue;
            }
            if names_a_button(text, hit.start) {
                continue;
            }
            // A trailing “吧/啊/!” goes with the pressure.
            let mut end = hit.end;
            for tail in ["吧", "啊", "呀", "哦"] {
                if text[end..].starts_with(tail) {
                    end += tail.len();
                    break;
                }
            }
            out.push(Self::META.lint(hit.start..end, "催促购买会让客户反感").suggest(replacement));
            kept = end;
        }
        // A loss if not now: 再不拍就没了, 今天不买明天就没了, 这波活动错过就等明年了.
        for hit in LOSS_IF_NOT_NOW.find(text) {
            if hit.span.start < kept {
                continue;
            }
            kept = hit.span.end;
            out.push(
                Self::META.lint(hit.span, "催促购买会让客户反感").suggest("活动截止到【截止时间】,您可以考虑一下"),
            );
        }
        // The same push in other words, a word or two apart: 赶紧去抢一单, 赶快再拍一箱.
        for hit in RUSH_TO_BUY.find(text) {
            let clause = cx.draft.clause_at(hit.span.start).map_or("", |c| cx.draft.text(&c.range));
            if hit.span.start < kept
                || clause.contains('?')
                || clause.contains('吗')
                || names_a_button(text, hit.span.start)
            {
                continue;
            }
            // “拍照是为了…”: a photo taken, not an order placed; “理解您想快点处理”: the
            // customer's own hurry.
            if starts_with_any(&text[hit.span.end..], ["照", "摄", "视频", "张", "个照", "图"])
                || ends_with_any(&text[..hit.span.start], ["您想", "想", "您要", "您希望"])
            {
                continue;
            }
            kept = hit.span.end;
            out.push(Self::META.lint(hit.span, "催促购买会让客户反感").suggest("需要的话可以下单哦"));
        }
    }
}

/// Not now, then the loss: 再不拍就没了, 今天不下单就抢不到了, 今天不买明天就没了, 错过这个村就没这个店了, 过了今天
/// 就恢复原价.
const LOSS_IF_NOT_NOW: Phrase = Phrase(&[
    Part::Word(words!["再不", "现在不", "今天不", "错过", "过了今天", "过了今晚"]),
    Part::Gap(4),
    Part::Word(words!["就"]),
    Part::Gap(3),
    Part::Key(words![
        "没了",
        "没有了",
        "没货",
        "抢光",
        "晚了",
        "涨价",
        "恢复原价",
        "等明年",
        "等一年",
        "没这个价",
        "没这个店",
        "抢不到",
        "买不到",
        "拍不到"
    ]),
]);

/// “在商品页面点'立即购买'”: a button named in a how-to, not an urging.
fn names_a_button(text: &str, at: usize) -> bool {
    let lead = text[..at].trim_end_matches(['\'', '"', '“', '‘', '「', '【']);
    ends_with_any(lead, ["点", "点击", "按", "选"])
}

/// Hurry, then buy: 赶紧去抢, 赶快再拍, 抓紧时间下单.
const RUSH_TO_BUY: Phrase = Phrase(&[
    Part::Word(words!["赶紧", "赶快", "抓紧", "快去", "快点", "立刻", "立即"]),
    Part::Gap(3),
    Part::Key(words!["拍", "抢", "下单", "买", "付款", "入手", "付", "升级", "开通"]),
]);
