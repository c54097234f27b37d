use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads trade words the customer may not understand in the draft and no other `jargon` rule or
    /// pack found it. It marks the clause that weighs most and offers no rewrite: the model knows
    /// that the wording reads this way, not what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.85 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The guides ask for plain words; a term of the trade the jargon list doesn't know still
    /// leaves the customer guessing.
    ///
    /// ## Example
    /// ```text
    /// 这单已经截单了,走拦截
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 这单已经在仓库打包了,我马上帮您联系快递把包裹拦回来
    /// ```
    pub struct SoundsLike {
        id: "jargon.sounds-like",
        category: Jargon,
        severity: Hint,
        title: "像是行话",
        summary: "模型读出客户可能听不懂的行话而规则没认出时,提示换成通俗说法。",
    }
}

second_opinion!(SoundsLike, "可能有客户听不懂的行话,换成通俗说法");
