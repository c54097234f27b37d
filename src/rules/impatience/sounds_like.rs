use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads impatience or a brush-off in the draft and no other `impatience` rule or pack found
    /// it. It marks the clause that weighs most and offers no rewrite: the model knows that the
    /// wording reads this way, not what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.85 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The etiquette guide asks for 耐心, 不急躁, 不敷衍; impatience in fresh words reads the same to the
    /// customer.
    ///
    /// ## Example
    /// ```text
    /// 嫌贵可以看看别的款
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 理解您的考虑,这款用料扎实,现在下单还能用满减券
    /// ```
    pub struct SoundsLike {
        id: "impatience.sounds-like",
        category: Impatience,
        severity: Hint,
        title: "像是不耐烦",
        summary: "模型读出不耐烦或敷衍而规则没认出时,提示耐心说明。",
    }
}

second_opinion!(SoundsLike, "语气显得不耐烦,换成耐心的说明");
