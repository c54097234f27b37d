use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads a troubled customer and a reply that goes straight to business without a word of
    /// understanding in the draft and no other `empathy` rule or pack found it. It marks the clause
    /// that weighs most and offers no rewrite: the model knows that the wording reads this way, not
    /// what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.85 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The training deck asks to acknowledge the customer's feelings (理解您的心情) before solving the
    /// problem; without it the reply reads cold.
    ///
    /// ## Example
    /// ```text
    /// (客户:气死我了 又坏了) 麻烦拍个照片,给您换新
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:气死我了 又坏了) 真是太糟心了,特别理解您的心情,麻烦拍个照片,马上给您换新
    /// ```
    pub struct SoundsLike {
        id: "empathy.sounds-like",
        category: Empathy,
        severity: Hint,
        title: "像是缺少共情",
        summary: "模型读出客户有情绪而回复没有一句体谅而规则没认出时,提示先共情。",
    }
}

second_opinion!(SoundsLike, "先体谅客户的处境,再说明处理办法");
