use crate::finding::Lints;
use crate::rules::apology::words::{is_holding, only_questions};
use crate::rules::closing::tail::{end_insert, styled};
use crate::rules::{declare_rule, Context, Rule};

use super::words::{has_offer, objection, Objection};

declare_rule! {
    /// ## What it does
    /// When the customer objects to the price or doubts the quality, checks that the reply
    /// gives them something: for price a deal or the value behind it (满减, 优惠券, 包邮, 赠品,
    /// 性价比, 材质, 耐用, 价保...), for quality a guarantee (正品, 保修, 七天无理由, 退换,
    /// 检测报告...). Offers a sentence to append with a placeholder for the specifics.
    ///
    /// A reply that only asks the customer something is left alone.
    ///
    /// ## Why is this bad?
    /// “认同+解释+方案”: without the 方案 the objection stays where it was. “已经最低了” ends
    /// the sale; “不过现在有满减活动,我帮您算一下” keeps it going.
    ///
    /// ## Example
    /// ```text
    /// 亲,这个价格已经是最低了。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 亲,这个价格已经是最低了。不过目前店铺有【优惠活动】,我可以帮您算一下到手价哦。
    /// ```
    pub struct NoOffer {
        id: "objection.no-offer",
        category: Objection,
        severity: Hint,
        title: "异议没有给出方案",
        summary: "回应异议却不给方案,异议仍在;应给出优惠或保障。",
    }
}

impl Rule for NoOffer {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let Some((kind, _)) = objection(cx) else {
            return;
        };
        if has_offer(kind, cx.draft.folded()) || only_questions(cx) || is_holding(cx) {
            return;
        }
        let add = match kind {
            Objection::Price => "不过目前店铺有【优惠活动】,我可以帮您算一下到手价哦。",
            Objection::Quality => "我们的商品都是【品质保障】,收到后有任何问题都支持退换,您可以放心。",
        };
        let (at, join) = end_insert(cx.draft);
        out.push(Self::META.lint(at..at, "给客户一个方案").suggest(format!("{join}{}", styled(cx.draft, add))));
    }
}
