use crate::finding::Lints;
use std::ops::Range;

use crate::rules::{declare_rule, Context, Rule};
use crate::text::{contains_any, find_all, is_punct_or_space, mask, sort_by_key, Part, Phrase, Words};

declare_rule! {
    /// ## What it does
    /// When the customer has just declined or is hesitating about buying (不买了 / 再看看 /
    /// 考虑一下 / 犹豫 / 太贵了算了), flags a reply that keeps pushing the sale (下单吧 / 买一套吧 / 拍下 /
    /// 现在入手 / 很划算的 / 错过 / 只剩最后 / 后悔就晚了 / 让我很难做 / 把那边退了在我们这拍…) without first respecting
    /// the choice, and offers “好的,尊重您的选择,您考虑好了随时找我哦”.
    ///
    /// Left alone: replies that acknowledge the choice first (尊重 / 没关系 / 慢慢考虑 / 随时找我)
    /// and do not turn it into a push (“理解您的考虑～不过优惠只剩2小时” still pushes), and
    /// cancellations or after-sales (“这个订单不要了” answered with how to cancel), and a no that
    /// waits on the answer (还有别的颜色吗 没有就算了).
    ///
    /// ## Why is this bad?
    /// The etiquette guide: “尊重选择,不强人所难:尊重客户的购买意愿和选择,即使客户最终未购买,
    /// 也应保持礼貌”, and “避免盲目推销”. Pushing after a no loses the customer for next time.
    ///
    /// ## Example
    /// ```text
    /// (客户:我再考虑一下) 这款真的很划算,现在下单还送赠品哦!
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 好的,尊重您的选择,您考虑好了随时找我哦!
    /// ```
    pub struct PushAfterNo {
        id: "pressure.push-after-no",
        category: Pressure,
        severity: Warning,
        title: "客户拒绝后仍推销",
        summary: "客户已拒绝或在犹豫时继续推销会失去客户;应尊重选择。",
    }
}

/// …but about an order already placed: the reply is a cancellation, not a sale.
const ORDER_TALK: Words =
    words!["订单", "取消", "退款", "退货", "退掉", "发票", "售后", "换货", "已经买", "已经拍", "拒收"];

/// The reply keeps selling.
const PUSH: Words = words![
    "下单吧",
    // More of it: 再加两盒吧, 再加一瓶护发素吧; 不囤以后后悔.
    "再加",
    "多囤",
    "不囤",
    "以后后悔",
    "直接拍",
    "顺便换",
    "现在付款",
    "肯定没了",
    "拍下吧",
    "拍吧",
    "买吧",
    "入手吧",
    "付款吧",
    "现在下单",
    "现在拍",
    "现在买",
    "现在入手",
    "今天下单",
    "马上下单",
    "立即下单",
    "建议您下单",
    "建议您入手",
    "建议您拍",
    "放心下单",
    "放心拍",
    "放心购买",
    "放心入手",
    "赶紧",
    "赶快",
    "别犹豫",
    "不要犹豫",
    "很划算",
    "超划算",
    "真的划算",
    "错过",
    "机会难得",
    "不如直接",
    "还是买",
    "还是拍",
    "涨价",
    "就没了",
    "就没有了",
    "手慢无",
    "再考虑也",
    "别考虑",
    "真的不考虑",
    "就涨了",
    "会涨",
    "不再考虑一下",
    // Stock or time running out: 只剩最后20单, 链接马上下架, 名额就给别人了.
    "只剩最后",
    "仅剩",
    "马上下架",
    "就下架",
    "要下架",
    "给别人了",
    "可想好了",
    "不亏",
    // Fear and guilt: 出了事后悔就晚了, 我陪您聊了一个小时…让我很难做.
    "后悔就晚",
    "会后悔",
    "别后悔",
    "让我很难做",
    "我很难做",
    "让我很为难",
    "白忙",
    // Urged with 嘛, or added for them: 凑单买一盒嘛, 帮您加上吧?
    "买嘛",
    "拍嘛",
    "加嘛",
    "试试嘛",
    "一盒嘛",
    "一份嘛",
    "一个嘛",
    "凑单买",
    "凑个单",
    "加上吧",
    "帮您加上",
    // Others buy it, are you sure: 很多人都一起买的, 您确定不加吗?
    "很多人都",
    "大家都买",
    "都一起买",
    "确定不加",
    "确定不要",
    "确定不买",
    // Bought elsewhere, asked to undo it: 您要不把那边退了在我们这拍.
    "那边退了",
    "那边退掉",
    "退了在我们",
    "在我们这拍",
    "在我们这买",
    "在我们家拍",
    "在我们家买",
    "来我们这买",
    // Asked again: 还是加一个吧.
    "还是加",
    "还是要",
    "还是订",
    "还是报",
];
/// Buying urged with 吧 or 嘛, whatever is bought: 买一套吧, 带一个吧, 来两盒嘛.
const BUY_URGED: Phrase = Phrase(&[
    Part::Word(words!["买", "拍", "带", "来", "入", "囤", "加", "配"]),
    Part::Gap(3),
    Part::Key(words!["吧", "嘛"]),
]);

/// The reply respects the choice first.
const RESPECT: Words = words![
    "尊重",
    "没关系",
    "没事的",
    "不着急",
    "不急",
    "慢慢考虑",
    "慢慢看",
    "考虑好了",
    "想好了",
    "随时找我",
    "随时联系",
    "随时来",
    "随时咨询",
    "理解您",
    "可以理解",
    "看好了再",
    "需要的时候",
];

const SUGGESTION: &str = "好的,尊重您的选择,您考虑好了随时找我哦";

impl Rule for PushAfterNo {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let customer = cx.customer.text.as_str();
        if !cx.customer.declines || contains_any(customer, ORDER_TALK) {
            return;
        }
        let text = cx.draft.folded();
        let mut hits = find_all(text, PUSH);
        hits.extend(BUY_URGED.find(text).into_iter().map(|h| (h.span, "")));
        sort_by_key(&mut hits, |(r, _)| r.start as u128);
        if respects_first(text, &hits) {
            return;
        }
        let (Some(first), Some(last)) = (hits.first(), hits.last()) else { return };
        // Over the sentences that push: the fix replaces them with a respectful close.
        let start = cx.draft.sentence_at(first.0.start).map_or(first.0.start, |s| s.range.start);
        let end = cx.draft.sentence_at(last.0.start).map_or(last.0.end, |s| core_end(text, &s.range));
        out.push(Self::META.lint(start..end.max(last.0.end), "客户在犹豫,先尊重选择再说").suggest(SUGGESTION));
    }
}

/// The reply respects the choice before any push, not as a lead-in to one (“理解您的考虑～不过
/// 优惠只剩最后2小时” still pushes; “您可想好了” warns, it does not respect).
fn respects_first(text: &str, pushes: &[(Range<usize>, &str)]) -> bool {
    let text = mask(text, &["可想好了"]);
    let Some((respect, _)) = find_all(&text, RESPECT).into_iter().next() else { return false };
    let turn =
        find_all(&text[respect.end..], &["不过", "但是", "可是", "只是"]).first().map(|(r, _)| respect.end + r.start);
    !turn.is_some_and(|t| pushes.iter().any(|(p, _)| p.start > t))
}

/// The end of a segment's words, before its closing punctuation.
fn core_end(text: &str, r: &Range<usize>) -> usize {
    r.start + text[r.clone()].trim_end_matches(|c: char| is_punct_or_space(c) && c != ']').len()
}
