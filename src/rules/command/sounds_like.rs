use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads an order or a talk-down question in the draft and no other `command` rule or pack
    /// found it. It marks the clause that weighs most and offers no rewrite: the model knows that
    /// the wording reads this way, not what the agent meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, every draft when
    /// the team switched one of the category's rules off, and drafts the model scores below a
    /// probability of 0.85 (its measured precision and reach are in docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The guides ask to avoid 命令式、反问式语气; an order in words the command rules don't list still
    /// sounds like one.
    ///
    /// ## Example
    /// ```text
    /// 地址改好了吗?改好了告诉我
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 地址改好后麻烦您告诉我一声,我马上帮您核对
    /// ```
    pub struct SoundsLike {
        id: "command.sounds-like",
        category: Command,
        severity: Hint,
        title: "像在命令或反问",
        summary: "模型读出命令或反问语气而规则没认出时,提示改用请求。",
    }
}

second_opinion!(SoundsLike, "语气像命令或反问,改用“麻烦您…”");
