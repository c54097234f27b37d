use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads pressure to buy in the draft and no other `pressure` rule or pack found it. It marks
    /// the clause that weighs most and offers no rewrite: the model knows that the wording reads
    /// this way, not what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.85 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The guides ask to respect the customer's decision; pressure in fresh words still pushes.
    ///
    /// ## Example
    /// ```text
    /// (客户:这个面霜好用吗) 一瓶哪够用呀,直接拍三瓶装吧,更划算
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:这个面霜好用吗) 好用的亲,质地清爽不油腻,一瓶大约能用两个月。
    /// ```
    pub struct SoundsLike {
        id: "pressure.sounds-like",
        category: Pressure,
        severity: Hint,
        title: "像在催单",
        summary: "模型读出催促下单的压力而规则没认出时,提示让客户自己决定。",
    }
}

second_opinion!(SoundsLike, "像在催客户下单,给出信息让客户自己决定");
