use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::apology::words::{apology_insisted, first_apology, gathers_facts, is_holding, only_questions};
use crate::rules::closing::tail::styled;
use crate::rules::{declare_rule, opening_insert_at, Context, Rule};
use crate::text::is_han;

use super::words::{acknowledges, acknowledges_the_feeling};

declare_rule! {
    /// ## What it does
    /// When the customer complains or is upset, checks that the reply acknowledges how they
    /// feel (理解, 心情, 着急, 体谅, 久等, 辛苦...), and offers “我特别能理解您的心情,” to
    /// insert right after the apology sentence (or at the start when there is none).
    ///
    /// A warning when the customer is upset (投诉, 到底, 好几遍, !!) and the reply has neither
    /// apology nor empathy, unless `apology.missing-apology` already warns: then a hint, as
    /// the apology comes first and, once it is in, the empathy is a hint anyway. Otherwise a
    /// hint. The apology's own words for the trouble (抱歉让您久等了, 给您带来不好的体验)
    /// name no feeling: without one the hint stays. A holding line (“稍等,正在为您查询”) or a reply
    /// that only asks for facts (a question; a short request for the order number or a photo)
    /// is left alone: the
    /// acknowledgement belongs in the answer. So is a further message after the agent already
    /// replied (its `agent_since` says something).
    ///
    /// ## Why is this bad?
    /// “共情理解”: the guides ask the agent to name the customer's feeling before solving the
    /// problem (“我特别能理解您等待包裹的焦急心情”). Facts alone read as indifference to someone
    /// who is angry.
    ///
    /// ## Example
    /// ```text
    /// 您的包裹明天送达。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 我特别能理解您着急的心情,您的包裹明天送达。
    /// ```
    pub struct MissingEmpathy {
        id: "empathy.missing-empathy",
        category: Empathy,
        severity: Warning,
        title: "没有体谅客户情绪",
        summary: "客户着急或生气时只讲事实显得冷漠;应先体谅客户的心情。",
    }
}

/// The reply already acknowledges the feeling, or only holds the line, asks, or gathers the
/// facts first: the empathy can come with the answer.
fn no_empathy_due(cx: &Context) -> bool {
    acknowledges_the_feeling(cx) || is_holding(cx) || only_questions(cx) || gathers_facts(cx)
}

/// Shortest reply (in characters) that is expected to acknowledge feelings.
const MIN_HAN: usize = 6;

impl Rule for MissingEmpathy {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let c = cx.customer;
        // A further message after the agent replied: the feeling was for that reply.
        if !(c.complaint || c.upset) || cx.answered {
            return;
        }
        let text = cx.draft.folded();
        if no_empathy_due(cx) {
            return;
        }
        // “抱歉让您久等了” names the trouble in the apology's own words: the feeling is still
        // unnamed, a hint.
        let formula_only = acknowledges(cx);
        // JD logs split a reply into fragments (“您好”); a line this short can't carry it.
        if text.chars().filter(|c| is_han(*c)).count() < MIN_HAN {
            return;
        }
        let apology = first_apology(cx.draft);
        // Where the apology is missing and insisted on, accepting it makes this a hint anyway:
        // a trainer asks for the apology first, and the feeling after it is a hint (blind
        // labellers of real replies asked for one of the two, mostly the apology).
        let severity = if c.upset && apology.is_none() && !apology_insisted(cx) && !formula_only {
            Severity::Warning
        } else {
            Severity::Hint
        };
        // Right after the apology sentence (or its clause when that sentence is the whole reply).
        let end = text.trim_end().len();
        let d = cx.draft;
        let after = |seg: Option<&crate::text::Segment>| seg.map(|s| s.range.end).filter(|&e| e < end);
        let at = apology
            .and_then(|r| after(d.sentence_at(r.start)).or_else(|| after(d.clause_at(r.start))))
            .unwrap_or_else(|| opening_insert_at(d));
        // Someone's manner complained of (态度很不满意, 说话语气太差): the feeling is displeasure.
        let words = if c.complains_of_manner() {
            "我非常理解您的不满,"
        } else if c.waiting {
            "我特别能理解您着急的心情,"
        } else {
            "我特别能理解您的心情,"
        };
        out.push(Self::META.lint(at..at, "先体谅客户的情绪").suggest(styled(cx.draft, words)).with_severity(severity));
    }
}
