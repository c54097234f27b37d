use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads a concern (price, quality, trust) met without acknowledging it or without a reason to
    /// go on in the draft and no other `objection` rule or pack found it. It marks the clause that
    /// weighs most and offers no rewrite: the model knows that the wording reads this way, not what
    /// the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.95 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The training deck: acknowledge the concern first, then give a reason or an option; a reply
    /// that argues or shrugs loses the customer.
    ///
    /// ## Example
    /// ```text
    /// 我们家从来不讲价的
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 理解您想省一点,这款现在有满200减20的活动,我帮您算一下到手价
    /// ```
    pub struct SoundsLike {
        id: "objection.sounds-like",
        category: Objection,
        severity: Hint,
        title: "像是没接住顾虑",
        summary: "模型读出没接住客户顾虑而规则没认出时,提示先认可再说明。",
    }
}

second_opinion!(SoundsLike, "客户有顾虑,先认可再给出理由或方案");
