use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::apology::words::is_holding;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{
    contains_any, is_clause_end, is_han, is_punct_or_space, is_sentence_end, Closing, Part, Phrase, Words,
};

use super::tail::{end_insert, styled};

declare_rule! {
    /// ## What it does
    /// When the customer is wrapping up (谢谢 / 没有了 / 没事了 / 再见; or a bare 好的 / 嗯嗯),
    /// checks that the reply closes the conversation: a farewell or wish (祝您…, 欢迎下次光临,
    /// 再见), an offer to stay available (随时联系我; not 回放随时都能看), or a check for more needs
    /// (还有其他需要…吗). Offers one to append at the end. A request for a rating
    /// (还辛苦您给小妹打个评价呢) closes nothing by itself: blind labellers of real replies asked
    /// for the goodbye after it.
    ///
    /// A customer who thanks *and* asks or complains is not done: no finding then. Thanks
    /// count only when they are most of the message (“麻烦帮我改地址,谢谢” is a request). After
    /// a bare 好的 the chat may go on, so only a short reply gets a hint; a reply that only
    /// answers the thanks (不客气) gets a hint too; a draft that asks the customer something
    /// or asks them for details is left alone, and so is a short holding line (您稍等 已提交)
    /// unless the customer said they are done.
    ///
    /// ## Why is this bad?
    /// The guides end every chat on purpose: “主动询问客户是否还有其他问题”, then
    /// “礼貌道别,并表达感谢与期待”. A reply that stops at “好。” leaves no good last impression.
    ///
    /// ## Example
    /// ```text
    /// 好。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 好。感谢您的咨询,祝您购物愉快!
    /// ```
    pub struct MissingClosing {
        id: "closing.missing-closing",
        category: Closing,
        severity: Warning,
        title: "客户要结束时没有结束语",
        summary: "客户要结束时没有结束语,少了好的最后印象;应礼貌道别。",
    }
}

/// A farewell, a wish, an offer to stay available, or a check for further needs.
const CLOSINGS: Words = words![
    "再见",
    "拜拜",
    "再会",
    "祝您",
    "祝你",
    "祝亲",
    "愉快",
    "欢迎下次",
    "欢迎再来",
    "欢迎您再来",
    "欢迎再次",
    "下次光临",
    "期待您",
    "期待下次",
    "还有其他",
    "还有什么",
    "还有别的",
    "其他需要",
    "其他问题",
    "其他疑问",
    "有任何问题",
    "有什么问题",
    "有问题可以",
    "有问题再",
    "有需要",
    "感谢您",
    "谢谢您",
    "感谢亲",
    "谢谢亲",
    "感谢支持",
    "感谢您的支持",
    "荣幸",
    "辛苦您了",
    "晚安",
    "慢走",
    "为您服务",
];

/// An offer to stay available: 随时 and a way to reach the agent (随时联系我, 有问题随时找我, 随时
/// 为您服务), not the goods available any time (回放随时都能看).
const STAYS_AVAILABLE: Phrase = Phrase(&[
    Part::Word(words!["随时"]),
    Part::Gap(4),
    Part::Key(words![
        "联系", "找", "问", "咨询", "留言", "戳", "喊", "叫", "召唤", "告诉", "来", "滴滴", "在", "为您", "恭候",
        "欢迎"
    ]),
]);

/// Whether `text` closes: a farewell, a wish, an offer to stay available, a check for further
/// needs.
pub(crate) fn closes(text: &str) -> bool {
    contains_any(text, CLOSINGS) || STAYS_AVAILABLE.is_in(text)
}

/// The reply already closes (see [`closes`]).
pub(crate) fn already_closes(cx: &Context) -> bool {
    closes(cx.draft.folded())
}

/// Answers to thanks that are polite but close nothing by themselves.
pub(crate) const THANKS_REPLIES: Words =
    words!["不客气", "不用客气", "客气了", "客气的", "客气啦", "您客气", "不用谢", "不谢", "应该做的", "应该的"];

/// The reply asks the customer to do or send something: the chat goes on.
const ASKS_CUSTOMER: Words =
    words!["提供", "告诉我", "告诉妹子", "告诉小妹", "发一下", "发给我", "发我", "麻烦您", "请您"];

/// Longest reply (in characters) after a bare “好的” that still should have closed the chat.
const WEAK_MAX_HAN: usize = 8;

/// The reply asks the customer something (or asks them to do something), so the chat goes on. JD logs join messages with
/// spaces, so spaces end a piece too.
fn asks_something(cx: &Context) -> bool {
    let text = cx.draft.folded();
    if text.contains('?') || text.contains("请问") || contains_any(text, ASKS_CUSTOMER) {
        return true;
    }
    text.split(|c: char| c.is_whitespace() || is_sentence_end(c)).any(|piece| {
        let t = piece.trim_end_matches(|c: char| is_punct_or_space(c) || c == '~');
        // The words of a tag question are in its own clause: “对了,…赶紧去抢一单吧” asks nothing.
        let last = t.rsplit(is_clause_end).next().unwrap_or(t);
        t.ends_with('吗')
            || t.ends_with('么')
            || t.ends_with('嘛')
            || t.ends_with("好不好")
            || t.ends_with("可以不")
            || (t.ends_with('吧') && contains_any(last, &["是", "没错", "对", "可以", "行"]))
            || (t.ends_with('呢') && contains_any(last, &["什么", "哪", "几", "多少", "怎么", "是否", "还是"]))
    })
}

impl Rule for MissingClosing {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let strength = cx.customer.closing;
        if strength == Closing::None {
            return;
        }
        let text = cx.draft.folded();
        if already_closes(cx) {
            return;
        }
        if asks_something(cx) {
            return;
        }
        // “谢谢” to “您稍等 已提交”: the agent is still at work, the chat goes on.
        if is_holding(cx) && !cx.customer.says_done {
            return;
        }
        // After a bare 好的 a reply that carries news (“已经为您改好,会发短信告知您”) is the
        // chat going on; only a reply with nothing more to say should have closed it.
        if strength == Closing::Weak && text.chars().filter(|c| is_han(*c)).count() > WEAK_MAX_HAN {
            return;
        }
        // Thanks alone (no 没有了 / 再见) to a reply that still carries news (“财务正在审核退款,
        // 一个工作日之内…”): the customer thanked for the news; a goodbye is only nicer.
        let news = !cx.customer.says_done && text.chars().filter(|c| is_han(*c)).count() > WEAK_MAX_HAN;
        let severity = if strength == Closing::Strong && !news && !contains_any(text, THANKS_REPLIES) {
            Severity::Warning
        } else {
            Severity::Hint
        };
        let (at, join) = end_insert(cx.draft);
        let farewell = styled(cx.draft, "感谢您的咨询,祝您购物愉快!");
        let more = styled(cx.draft, "请问还有其他需要我协助的吗?");
        // After “好的” the customer may have more to ask; after “谢谢,没事了” say goodbye.
        let (first, second) = if strength == Closing::Strong { (farewell, more) } else { (more, farewell) };
        out.push(
            Self::META
                .lint(at..at, "客户要结束了,补一句结束语")
                .suggest(format!("{join}{first}"))
                .suggest(format!("{join}{second}"))
                .with_severity(severity),
        );
    }
}
