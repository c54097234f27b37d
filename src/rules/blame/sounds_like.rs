use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads the customer being blamed, directly or between the lines in the draft and no other
    /// `blame` rule or pack found it. It marks the clause that weighs most and offers no rewrite:
    /// the model knows that the wording reads this way, not what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.85 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The etiquette guide: 尊重为本. A reply that implies the customer caused the problem puts them on
    /// the defensive, whatever the words.
    ///
    /// ## Example
    /// ```text
    /// 是不是您家孩子拿去玩了
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 给您添麻烦了,麻烦您拍一下破损的地方,我马上帮您登记售后
    /// ```
    pub struct SoundsLike {
        id: "blame.sounds-like",
        category: Blame,
        severity: Hint,
        title: "像在指责客户",
        summary: "模型读出在怪客户而规则没认出时,提示改用中性说法。",
    }
}

second_opinion!(SoundsLike, "这句像在怪客户,换成中性的说明");
