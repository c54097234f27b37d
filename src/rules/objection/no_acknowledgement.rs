use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::apology::words::is_holding;
use crate::rules::closing::tail::styled;
use crate::rules::{declare_rule, opening_insert_at, Context, Rule};
use crate::text::{contains_any, mask};

use super::words::{has_offer, objection, Objection, ACKNOWLEDGE};

declare_rule! {
    /// ## What it does
    /// When the customer objects to the price (太贵了, 能便宜点吗, 比别家贵) or doubts the
    /// quality (质量行不行, 是正品吗, 容易坏吗), checks that the reply first acknowledges the
    /// concern (我理解…, 确实…, 虽然…但…), and offers “我理解您对价格的关注,” (or “…对质量的
    /// 顾虑,”) to insert at the start.
    ///
    /// A warning when the reply offers nothing either (“没办法,已经最低了。”); a hint when it
    /// already explains the value or offers a deal and only the acknowledgement is missing, and
    /// when the doubt is only read less surely: a worry asked before buying (会不会很容易脏啊,
    /// 容易坏吗) or hearsay.
    ///
    /// ## Why is this bad?
    /// “认同+解释+方案”: an objection answered head-on sounds like an argument. Naming the
    /// concern first (“我理解您对价格的关注”) keeps the customer listening to the rest.
    ///
    /// ## Example
    /// ```text
    /// 没办法,已经最低了。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 我理解您对价格的关注,没办法,已经最低了。
    /// ```
    /// and then an explanation and an offer (see `objection.no-offer`).
    pub struct NoAcknowledgement {
        id: "objection.no-acknowledgement",
        category: Objection,
        severity: Warning,
        title: "异议没有先认同",
        summary: "客户嫌贵或担心质量时直接反驳像在争辩;应先认同顾虑。",
    }
}

impl Rule for NoAcknowledgement {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let Some((kind, sure)) = objection(cx) else {
            return;
        };
        let text = cx.draft.folded();
        // “感谢您的关注” thanks by formula; it acknowledges no concern.
        if contains_any(&mask(text, &["感谢您的关注", "谢谢您的关注", "感谢关注"]), ACKNOWLEDGE) || is_holding(cx)
        {
            return;
        }
        let severity = if has_offer(kind, text) || !sure { Severity::Hint } else { Severity::Warning };
        let words = match kind {
            Objection::Price => "我理解您对价格的关注,",
            Objection::Quality => "我理解您对质量的顾虑,",
        };
        let at = opening_insert_at(cx.draft);
        out.push(Self::META.lint(at..at, "先认同客户的顾虑").suggest(styled(cx.draft, words)).with_severity(severity));
    }
}
