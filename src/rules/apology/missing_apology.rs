use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::closing::tail::styled;
use crate::rules::empathy::words::EMPATHY;
use crate::rules::{declare_rule, opening_insert_at, Context, Rule};
use crate::text::contains_any;

use super::words::{apologises, gathers_facts, is_holding, only_questions};

declare_rule! {
    /// ## What it does
    /// When the customer complains (a late or missing parcel, damage, a wrong item, a refund
    /// that has not arrived, 投诉/差评), checks that the reply apologises (抱歉, 对不起,
    /// 不好意思, 给您添麻烦了...), and offers an apology to insert at the start, after a
    /// leading “亲,” or “您好,”.
    ///
    /// A reply that already acknowledges the feeling (“我特别能理解您着急的心情”) only gets a
    /// hint: the guides' own empathy model reply has no apology and is fine. So does a reply
    /// to a grievance that is only likely (降价了, 查不到, 为什么要收运费). A further message
    /// after the agent already replied to the complaint (its `agent_since` says something) is
    /// left alone. A calm report of a fault, with no anger, hurry or wait in it (笔尖摔坏了),
    /// gets the apology as a hint too: blind labellers of real replies asked for it after two
    /// warnings in three there, and a warning is a trainer's must. So does a plain report that
    /// something has not come yet (我还没收到, 没到账呢): the guides ask for the apology first
    /// when the customer “产生不满”, and a wait judged long (这么久, 好几天), counted (都三天了),
    /// stuck (至今没更新) or broken again (又没到) shows it; labellers marked most bare
    /// not-yet replies improvable, not must.
    ///
    /// ## Why is this bad?
    /// “道歉优先于解释”: a customer who has been let down wants to hear that first. Going
    /// straight to procedure (“请您拍照发过来”) reads as if nothing went wrong.
    ///
    /// ## Example
    /// ```text
    /// 亲,请您拍照发过来,我们看一下。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 亲,非常抱歉给您带来不便!请您拍照发过来,我们看一下。
    /// ```
    pub struct MissingApology {
        id: "apology.missing-apology",
        category: Apology,
        severity: Warning,
        title: "投诉场景没有道歉",
        summary: "客户投诉时不道歉显得若无其事;应先说声抱歉。",
    }
}

impl Rule for MissingApology {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let likely_only = cx.customer.complaint_likely();
        // A further message after the agent replied: the apology belonged in that reply.
        if !(cx.customer.complaint || likely_only) || cx.answered || apologises(cx) {
            return;
        }
        let text = cx.draft.folded();
        // Feelings already acknowledged, a holding line (“稍等,正在为您查询”) or a short reply
        // that gathers facts (a question, “您提供下订单号”): the apology can come with the
        // answer, so only a hint.
        let offer = contains_any(text, &["有什么", "请问有"]) && text.contains('帮');
        let calm_question = cx.customer.complaint_asked;
        // A trainer insists on the apology first where the customer is upset, pressing, or kept
        // waiting long (“产生不满时”); to a calm report of a fault (笔尖摔坏了) or of what has
        // not come yet (我没收到, 没到账呢) it is better, not a must.
        let calm = !(cx.customer.upset || cx.customer.urgent || cx.customer.waited_long);
        let severity = if likely_only
            || calm
            || contains_any(text, EMPATHY)
            || is_holding(cx)
            || gathers_facts(cx)
            || only_questions(cx)
            || offer
            || calm_question
        {
            Severity::Hint
        } else {
            Severity::Warning
        };
        let at = opening_insert_at(cx.draft);
        let apology =
            if cx.customer.waiting { "非常抱歉让您久等了!" } else { "非常抱歉给您带来不便!" };
        out.push(
            Self::META.lint(at..at, "客户在抱怨,先道歉").suggest(styled(cx.draft, apology)).with_severity(severity),
        );
    }
}
