use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads a flat refusal or a dead end without an alternative in the draft and no other `blunt`
    /// rule or pack found it. It marks the clause that weighs most and offers no rewrite: the model
    /// knows that the wording reads this way, not what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.90 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The guides: replace 不知道 and 不行 by a promise to check and an alternative; a refusal in other
    /// words is just as final to the customer.
    ///
    /// ## Example
    /// ```text
    /// 这个搞不定
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 这个我这边先帮您核实一下,今天18点前给您答复,不行的话也可以给您换一件
    /// ```
    pub struct SoundsLike {
        id: "blunt.sounds-like",
        category: Blunt,
        severity: Hint,
        title: "像是生硬拒绝",
        summary: "模型读出生硬的拒绝而规则没认出时,提示给出替代方案。",
    }
}

second_opinion!(SoundsLike, "拒绝得太生硬,说明原因并给出替代方案");
