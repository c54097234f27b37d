use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads the reply handing the problem to someone else in the draft and no other `buck-passing`
    /// rule or pack found it. It marks the clause that weighs most and offers no rewrite: the model
    /// knows that the wording reads this way, not what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.85 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The etiquette guide: 不推诿. Wording the buck-passing rule doesn't list still leaves the
    /// customer alone with the problem.
    ///
    /// ## Example
    /// ```text
    /// 配送是跑腿公司负责的,您可以直接联系骑手问问
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 配送是跑腿公司负责的,我这边马上帮您联系骑手,10分钟内给您回复
    /// ```
    pub struct SoundsLike {
        id: "buck-passing.sounds-like",
        category: BuckPassing,
        severity: Hint,
        title: "像在推诿",
        summary: "模型读出像在推给别人而规则没认出时,提示由我们跟进。",
    }
}

second_opinion!(SoundsLike, "这句像在把问题推给别人,改为由我们跟进处理");
