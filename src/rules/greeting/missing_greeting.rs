use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{contains_any, is_punct_or_space, Closing, Words};

declare_rule! {
    /// ## What it does
    /// On the agent's first reply in a conversation, checks that the opening sentence
    /// greets the customer (您好, 亲, 很高兴为您服务, 欢迎光临...), and offers one to insert at
    /// the start, in the platform's style. A service offer such as
    /// “有什么问题我可以帮您处理或解决呢?” counts as a greeting.
    ///
    /// Signs that the chat is already under way despite the flag (a log that starts mid-chat,
    /// a transfer) silence it: the customer says 好的/谢谢 or refers back (刚才, 你说的), or the
    /// draft asks “还有其他…吗”. A hint only when the customer's message reads like a follow-up
    /// to something said before (“只可以退?”, “不是明天送达么?”, “对”).
    ///
    /// ## Why is this bad?
    /// “首次响应客户咨询时,应主动问候”: a first reply that jumps straight to the answer reads
    /// as cold, and greeting is the first thing quality checks look for.
    ///
    /// ## Example
    /// ```text
    /// 有货的,今天下单今天发。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 亲,您好!很高兴为您服务。有货的,今天下单今天发。
    /// ```
    pub struct MissingGreeting {
        id: "greeting.missing-greeting",
        category: Greeting,
        severity: Warning,
        title: "首次回复没有问候",
        summary: "首次回复直接给答案显得冷淡;应先主动问候客户。",
    }
}

const GREETINGS: Words = words![
    "您好",
    "你好",
    "亲",
    "很高兴为您服务",
    "欢迎光临",
    "欢迎您",
    "在的",
    "在呢",
    "哈喽",
    "hello",
    "hi",
    "早上好",
    "上午好",
    "中午好",
    "下午好",
    "晚上好",
    "感谢您的咨询",
    "感谢您的耐心等待",
    "久等了",
    "尊敬的",
    "小主",
    "客官",
    "为您服务",
    "为您效劳",
    "请问您是咨询",
];

/// Phrases that only make sense later in a chat.
/// Greetings that only call the customer or say the agent is there.
const GREETINGS_BY_ADDRESS_ONLY: Words = words!["亲", "在的", "在呢", "小主", "客官"];

/// Whether `head` greets with more than an address: 您好, 欢迎, 很高兴为您服务…
fn has_real_greeting(head: &str) -> bool {
    GREETINGS.iter().filter(|g| !GREETINGS_BY_ADDRESS_ONLY.contains(g)).any(|g| head.contains(g))
}

const UNDER_WAY: Words = words!["还有其他", "还有什么其他", "还有别的", "之前的问题", "此前咨询"];

/// The customer refers back to earlier in the chat.
const CUSTOMER_UNDER_WAY: Words =
    words!["刚才", "刚刚说", "你刚", "您刚", "之前说", "上次说", "你说的", "您说的", "还是那个", "继续"];

/// How a customer's follow-up starts (it answers or questions what the agent said before).
const FOLLOW_UP_STARTS: Words = words![
    "那",
    "只",
    "还是",
    "不是",
    "所以",
    "也就是",
    "可是",
    "但是",
    "意思是",
    "就是说",
    "为什么不",
    "那就",
    "对的",
    "是的",
    "嗯",
    "哦",
    "好",
];
/// A follow-up that is the whole message.
const FOLLOW_UP_ALONE: Words = words!["对", "是", "没有", "不是", "不对", "可以", "行", "?", "??"];

/// A service offer (“有什么问题我可以帮您处理或解决呢?”, “请问有什么可以为您效劳的”) opens a
/// chat as well as a 您好 does: JD's consoles send one as the first reply.
const OFFER_ASK: Words = words!["有什么", "有啥", "什么问题", "什么需要"];
const OFFER_HELP: Words = words!["帮", "效劳", "服务", "为您", "协助"];

impl Rule for MissingGreeting {
    fn check(&self, cx: &Context, out: &mut Lints) {
        if !cx.first_reply {
            return;
        }
        // “好的” from the customer, or a draft that already asks “还有其他…吗”: the chat is
        // under way (a log that starts mid-conversation, a transfer), not the first contact.
        if cx.customer.closing != Closing::None
            || contains_any(cx.draft.folded(), UNDER_WAY)
            || contains_any(&cx.customer.text, CUSTOMER_UNDER_WAY)
        {
            return;
        }
        let Some(first) = cx.draft.sentences().first() else {
            return;
        };
        // The greeting belongs at the start: the first sentence, or the first 12 characters.
        let head_end = cx.draft.folded().char_indices().nth(12).map_or(cx.draft.folded().len(), |(i, _)| i);
        let head = &cx.draft.folded()[..first.range.end.max(head_end)];
        let offers_service = contains_any(head, OFFER_ASK) && contains_any(head, OFFER_HELP);
        if contains_any(head, GREETINGS) || offers_service {
            // 亲 or 在的 alone calls the customer or answers “在吗”, but greets no one: a hint.
            // (帮/为您 in “正在为您查询…亲爱的” offers no service: only with 有什么 does it.)
            if !contains_any(head, GREETINGS_BY_ADDRESS_ONLY) || offers_service || has_real_greeting(head) {
                return;
            }
            let at = crate::rules::opening_insert_at(cx.draft);
            let hello = crate::rules::closing::tail::styled(cx.draft, "您好!");
            out.push(Self::META.lint(at..at, "首次回复先问候客户").suggest(hello).with_severity(Severity::Hint));
            return;
        }
        // A first turn answering “只可以退?” or “不是明天送达么?” follows something said
        // before (a log that starts mid-chat): a hint. Any other first turn: a warning.
        let c = cx.customer.text.trim_start_matches(|ch: char| is_punct_or_space(ch));
        let opens = !(FOLLOW_UP_STARTS.iter().any(|f| c.starts_with(f)) || FOLLOW_UP_ALONE.contains(c.trim_end()));
        let severity = if opens { Severity::Warning } else { Severity::Hint };
        out.push(Self::META.lint(0..0, "首次回复先问候客户").suggest(cx.platform.greeting()).with_severity(severity));
    }
}
