use crate::finding::Lints;
use crate::rules::apology::words::asks_for_facts;
use crate::rules::closing::missing_closing::{closes, THANKS_REPLIES};
use crate::rules::{declare_rule, opening_insert_at, Context, Rule};
use crate::text::{contains_any, is_han, is_punct_or_space, pieces, starts_with_any, Closing, Words};

declare_rule! {
    /// ## What it does
    /// Flags a reply that only closes the chat (请问还有其他可以帮您的吗?, 感谢您的支持,
    /// 祝您生活愉快) when the customer has just asked something, and offers an answer to put
    /// first: “关于您问的“退款退到哪”,【回答】。” It quotes the question that says most (not
    /// 什么意思 before 我的差价什么时候可以退呢), and only one of three Han characters or more;
    /// the customer thinking aloud (我看看怎么弄?) asks nothing.
    ///
    /// Left alone: a further message after the agent already replied (`agent_since` says
    /// something: the answer may be in the message before), a first reply (its
    /// “有什么可以帮您” opens the chat), a customer who is wrapping up, one who only checks
    /// the agent is there (在吗), a reply that asks for the order number first, one that
    /// says anything besides the closing, and a question about rating answered in its words
    /// (怎么给你们好评 — 点“评价”就能写).
    ///
    /// ## Why is this bad?
    /// “逐一回应,避免答非所问”: a goodbye to an open question tells the customer the question
    /// was not read, at the moment the chat ends.
    ///
    /// ## Example
    /// ```text
    /// (客户:差价什么时候退? 好谢谢) 请问还有其他可以帮到您的吗?
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:差价什么时候退? 好谢谢) 关于您问的“差价什么时候退”,【回答】。请问还有其他可以帮到您的吗?
    /// ```
    pub struct GoodbyeToAQuestion {
        id: "coverage.goodbye-to-a-question",
        category: Coverage,
        severity: Warning,
        title: "客户提问却只回了结束语",
        summary: "客户刚问了问题,回复却只有结束语;应先回答问题。",
    }
}

impl Rule for GoodbyeToAQuestion {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let c = cx.customer;
        // The question to answer: the one that says most (我的差价什么时候可以退呢, not 什么意思),
        // never the customer thinking aloud (我看看怎么弄?).
        let Some(question) = c
            .questions
            .iter()
            .filter(|q| !starts_with_any(q, SELF_TALK))
            .rev()
            .max_by_key(|q| q.chars().filter(|&ch| is_han(ch)).count())
        else {
            return;
        };
        // A first reply's “有什么可以帮您” opens the chat; a customer wrapping up is answered
        // by a goodbye.
        if cx.answered
            || cx.first_reply
            || c.closing != Closing::None
            || asks_for_facts(cx)
            || !only_closing(cx.draft.folded())
        {
            return;
        }
        // “怎么给你们好评” — “在“我的订单”里点“评价”就能写”: the rating words are the answer.
        if contains_any(question, RATING) && contains_any(cx.draft.folded(), RATING) {
            return;
        }
        let at = opening_insert_at(cx.draft);
        let asked: String = question.chars().filter(|&c| !is_punct_or_space(c)).take(12).collect();
        // A question of a word or two (么了, 呢?) quoted back reads oddly: name it only.
        let fix = if asked.chars().filter(|&c| is_han(c)).count() < QUOTED_MIN {
            "关于您的问题,【回答】。".to_owned()
        } else {
            format!("关于您问的“{asked}”,【回答】。")
        };
        out.push(Self::META.lint(at..at, "客户的问题还没回答").suggest(fix));
    }
}

/// The customer thinking aloud, not asking the agent: 我看看怎么弄?
const SELF_TALK: Words = words!["我看看", "我看一下", "我想想", "我试试", "我研究", "我琢磨"];

/// The fewest Han characters of a question worth quoting back.
const QUOTED_MIN: usize = 3;

/// Every piece with words in it (split at punctuation and at the spaces that join chat
/// messages) is closing talk: a farewell, a wish, thanks returned, an offer of more help, a
/// request to rate the service. A number or masked data is an answer.
fn only_closing(text: &str) -> bool {
    let mut any = false;
    for piece in pieces(text) {
        if piece.contains('[') || piece.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if piece.chars().filter(|&c| is_han(c)).count() <= 1 {
            continue; // 亲, 哦: no words
        }
        if !(closes(piece) || contains_any(piece, THANKS_REPLIES) || contains_any(piece, COURTESY)) {
            return false;
        }
        any = true;
    }
    any
}

/// Rating the service: courtesy in a goodbye, the answer when the customer asked how to rate.
const RATING: Words = words!["评价", "五星", "好评"];

/// Courtesy that closes without answering: 您太客气了, 这都是我应该做的, 给小妹打个评价.
const COURTESY: Words = words!["客气", "应该做的", "应该的", "评价", "五星", "好评"];
