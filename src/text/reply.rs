//! What the agent has already sent since the customer's last messages (a request's
//! `agent_since`): an answer, or only a greeting, a holding line, an offer of help.

use super::fold::fold;
use super::{contains_any, is_han, mask, pieces, Words};

/// Whether the agent's earlier messages say something: a piece (split at punctuation and at
/// the spaces and line breaks that join messages) with two or more Han characters left once
/// greetings, holding words, offers of help and particles are taken out. A console's
/// automatic “您好,请问有什么可以帮您?” or a “稍等,正在为您查询” answers nothing yet.
pub fn answers(agent_since: &str) -> bool {
    let text = fold(agent_since);
    let says = pieces(&text).any(|piece| {
        if piece.chars().filter(|&c| is_han(c)).count() < 2 || contains_any(piece, ONLY_TALK) {
            return false;
        }
        mask(piece, NOT_AN_ANSWER).chars().filter(|&c| is_han(c) && !PARTICLES.contains(c)).count() >= 2
    });
    says
}

/// Pieces that are an offer of help or a holding line as a whole.
const ONLY_TALK: Words =
    words!["有什么可以", "有什么问题", "有什么需要", "请问有什么", "很高兴为您", "欢迎光临", "正在为您", "稍等"];

/// Greetings, presence and acknowledgement words.
const NOT_AN_ANSWER: Words = words![
    "您好",
    "你好",
    "亲爱的",
    "亲亲",
    "在的",
    "在呢",
    "好的",
    "收到",
    "嗯嗯",
    "明白",
    "了解",
    "客服",
    "小妹",
    "这边",
    "为您",
    "帮您",
    "查询",
    "核实",
    "查看",
    "看一下",
    "一下",
    "马上",
];

const PARTICLES: &str = "亲哦呢哈啊呀吧嘛啦的了嗯噢哟喔我您";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greetings_and_holding_lines_answer_nothing() {
        for t in ["", "您好,请问有什么可以帮您?", "在的亲", "稍等,正在为您查询", "好的 这边帮您查询一下", "嗯嗯"]
        {
            assert!(!answers(t), "{t}");
        }
        for t in ["非常抱歉让您久等了,我马上帮您催仓库", "您好\n发票会发到您的邮箱", "退款已经到账了"]
        {
            assert!(answers(t), "{t}");
        }
    }
}
