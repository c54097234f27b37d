use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads, in the customer's message and the draft together, a customer whose feelings the
    /// reply passes over, and no other `empathy` rule or pack found it. It marks the clause that
    /// weighs most and offers no rewrite: the model knows that the wording reads this way, not
    /// what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, a reply that
    /// already acknowledges the feeling (理解, 心情, 着急…), every draft when the team switched
    /// one of the category's rules off, and drafts the model scores below a probability of 0.90
    /// (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// “共情理解”: a customer who is worried or let down wants to hear that the agent sees it,
    /// however they put it.
    ///
    /// ## Example
    /// ```text
    /// (客户:我妈七十多了,你们的师傅约了两次都没来) 非常抱歉,已经重新安排师傅,明天上午9点上门。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:我妈七十多了,你们的师傅约了两次都没来) 非常抱歉,特别理解您的心情,已经重新安排师傅,明天上午9点上门。
    /// ```
    pub struct SoundsLike {
        id: "empathy.sounds-like",
        category: Empathy,
        severity: Hint,
        title: "像是缺少共情",
        summary: "模型读出客户着急或委屈而回复没体谅、规则没认出时,提示先体谅客户的心情。",
    }
}

second_opinion!(SoundsLike, "客户像是着急或委屈,先体谅一下心情", left_alone: super::words::acknowledges);
