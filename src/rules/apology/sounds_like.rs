use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads, in the customer's message and the draft together, a grievance answered without an
    /// apology, and no other `apology` rule or pack found it. It marks the clause that weighs
    /// most and offers no rewrite: the model knows that the wording reads this way, not what the
    /// agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, a reply that
    /// already apologises, every draft when the team switched one of the category's rules off,
    /// and drafts the model scores below a probability of 0.90 (its measured precision and reach
    /// are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// “道歉优先于解释”: a customer who has been let down wants to hear that first, however
    /// their grievance is worded.
    ///
    /// ## Example
    /// ```text
    /// (客户:衣服上有块黄印子) 亲,拍张照片给我,给您换一件新的
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:衣服上有块黄印子) 非常抱歉,拍张照片给我,给您换一件新的
    /// ```
    pub struct SoundsLike {
        id: "apology.sounds-like",
        category: Apology,
        severity: Hint,
        title: "像是缺少道歉",
        summary: "模型读出客户受了委屈而回复没道歉、规则没认出时,提示先道歉。",
    }
}

second_opinion!(SoundsLike, "客户像是受了委屈,先说声抱歉", left_alone: super::words::apologises);
