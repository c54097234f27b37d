use crate::rules::{declare_rule, second_opinion, Context};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads, in the customer's message and the draft together, a promise or a wait with no
    /// time to it, and no other `timeline` rule or pack found it. It marks the clause that
    /// weighs most and offers no rewrite: the model knows that the wording reads this way, not
    /// what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, a reply that
    /// names when the customer will have the outcome, every draft when the team switched one of
    /// the category's rules off, and drafts the model scores below a probability of 0.85 (its
    /// measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// “告知预计等待时间”: a customer left without a time keeps asking; a time node (今天18点前,
    /// 1-3个工作日) gives them control.
    ///
    /// ## Example
    /// ```text
    /// (客户:上次说的事呢) 同事在处理中,请您放心
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:上次说的事呢) 同事在处理中,今天18点前给您回复结果
    /// ```
    pub struct SoundsLike {
        id: "timeline.sounds-like",
        category: Timeline,
        severity: Hint,
        title: "像是缺少时间节点",
        summary: "模型读出承诺或等待没有时间、规则没认出时,提示给出预计时间。",
    }
}

/// The reply says when the customer will have the outcome (今天18点前, 1-3个工作日).
fn names_the_time(cx: &Context) -> bool {
    cx.names_outcome_time()
}

second_opinion!(SoundsLike, "像是缺少时间节点,说清预计什么时候", left_alone: names_the_time);
