use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads a reply without structure (a run-on, several steps in one breath) in the draft and no
    /// other `structure` rule or pack found it. It marks the clause that weighs most and offers no
    /// rewrite: the model knows that the wording reads this way, not what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.95 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The guides ask for clear, orderly answers; a run-on reply makes the customer work to find
    /// what to do.
    ///
    /// ## Example
    /// ```text
    /// 我们这个安装是包括打孔和三米以内的管子的,超过三米的按米收费,外机如果要装在特殊位置的话还要加高空费,高空费是一百块,另外如果要加支架的话支架也要另外算钱
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 安装费用说明:1. 打孔和3米以内的铜管免费;2. 超过3米的部分按米收费;3. 外机装在特殊位置加收高空费100元;4. 支架另外收费。
    /// ```
    pub struct SoundsLike {
        id: "structure.sounds-like",
        category: Structure,
        severity: Hint,
        title: "像是缺少条理",
        summary: "模型读出回复缺少条理而规则没认出时,提示分句分点。",
    }
}

second_opinion!(SoundsLike, "回复缺少条理,分句或分点写清楚");
