use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::closing::tail::styled;
use crate::rules::{declare_rule, opening_insert_at, Context, Rule};

use super::words::{apologised_before, apology_due, apology_insisted};

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
    /// not-yet replies improvable, not must. Where the agent's message before the customer's
    /// last ones already apologised (`previous_reply`), the apology here is a hint: labellers,
    /// who saw that message, marked none of those replies.
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
        if !apology_due(cx) {
            return;
        }
        let severity = if apology_insisted(cx) && !apologised_before(cx) { Severity::Warning } else { Severity::Hint };
        let at = opening_insert_at(cx.draft);
        // Someone's manner complained of: the experience, not the wait or an inconvenience.
        let apology = if cx.customer.complains_of_manner() {
            "非常抱歉给您带来不好的体验!"
        } else if cx.customer.waiting {
            "非常抱歉让您久等了!"
        } else {
            "非常抱歉给您带来不便!"
        };
        out.push(
            Self::META.lint(at..at, "客户在抱怨,先道歉").suggest(styled(cx.draft, apology)).with_severity(severity),
        );
    }
}
