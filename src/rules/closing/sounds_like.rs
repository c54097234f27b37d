use crate::rules::{declare_rule, second_opinion};

declare_rule! {
    /// ## What it does
    /// A hint where the learned second opinion (src/learned/, trained by scripts/train_hints.py)
    /// reads a customer wrapping up (thanks, no more questions) and a reply without a closing in
    /// the draft and no other `closing` rule or pack found it. It marks the clause that weighs most
    /// and offers no rewrite: the model knows that the wording reads this way, not what the agent
    /// meant.
    ///
    /// Left alone: every draft where another rule of the category already spoke, a reply that
    /// already closes (a farewell, a wish, an offer to stay available, a check for further needs),
    /// every draft when the team switched one of the category's rules off, and drafts the model
    /// scores below a probability of 0.85 (its measured precision and reach are in
    /// docs/quality.md).
    ///
    /// ## Why is this bad?
    /// The guides: confirm the need, then take leave politely (主动确认需求, 礼貌道别); ending without a word
    /// leaves the conversation hanging.
    ///
    /// ## Example
    /// ```text
    /// (客户:知道了 谢谢小姐姐) 不客气,记得收到后先试穿再剪吊牌哦
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:知道了 谢谢小姐姐) 不客气,记得收到后先试穿再剪吊牌哦,还有其他需要帮忙的吗?祝您生活愉快!
    /// ```
    pub struct SoundsLike {
        id: "closing.sounds-like",
        category: Closing,
        severity: Hint,
        title: "像是缺少结束语",
        summary: "模型读出客户要结束而回复没有道别而规则没认出时,提示加上结束语。",
    }
}

second_opinion!(SoundsLike, "客户要结束了,加一句结束语或“还有其他需要吗”", left_alone: super::missing_closing::already_closes);
