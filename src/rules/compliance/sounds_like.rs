use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads wording that may break a platform rule (contact off the platform, rewards for reviews,
    /// absolute claims) in the draft and no other `compliance` rule or pack found it. It marks the
    /// clause that weighs most and offers no rewrite: the model knows that the wording reads this
    /// way, not what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.95 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// Platform rules are strict and the penalties fall on the shop; a hint asks the agent to check
    /// before sending.
    ///
    /// ## Example
    /// ```text
    /// 您拍一单确认收货,我们返货款再加佣金
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 拍下后我们会按订单正常发货,收到后有问题随时找我
    /// ```
    pub struct SoundsLike {
        id: "compliance.sounds-like",
        category: Compliance,
        severity: Hint,
        title: "像是违规说法",
        summary: "模型读出可能违反平台规则的说法而规则没认出时,提示核对。",
    }
}

second_opinion!(SoundsLike, "这句可能违反平台规则,请核对后再发");
