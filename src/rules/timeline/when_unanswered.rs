use crate::finding::{Category, Lints};
use crate::rules::apology::words::{asks_for_facts, is_holding, only_questions};
use crate::rules::closing::tail::{end_insert, styled};
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{contains_any, Words};

declare_rule! {
    /// ## What it does
    /// Flags a reply to a customer who asked when (几天能到?, 啥时候发?, 多久退钱?) that
    /// names no time at all: it explains the process (“仓库收到后核对没问题就给您退款”), says
    /// what happens first (“做好就给您发”), or talks about something else. Offers a time node
    /// at the end. A hint: it reads the reply as a whole, after the timeline rules that know
    /// the promise itself (`timeline.no-time-node` warns there), and a reply may say when in
    /// words it does not know.
    ///
    /// Left alone: a reply that names a time or a range, says it is already done (已经发出了),
    /// says it can't be done, holds the chat while the agent checks (“稍等,我查一下”), only asks
    /// for what it needs (订单号), a further message after the agent already answered, and a
    /// reply another timeline rule has flagged (马上, 尽快, 请耐心等待…).
    ///
    /// ## Why is this bad?
    /// The guides: “明确告知客户流程和时间节点”. The customer asked one thing, when; a reply
    /// without a time leaves them asking again.
    ///
    /// ## Example
    /// ```text
    /// (客户:寄回去多久退钱?) 寄回来我们仓库收到后核对没问题就给您退款哈。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:寄回去多久退钱?) 寄回来我们仓库收到后核对没问题就给您退款哈,预计签收后1-3个工作日到账。
    /// ```
    pub struct WhenUnanswered {
        id: "timeline.when-unanswered",
        category: Timeline,
        severity: Hint,
        title: "客户问时间,回复没给时间",
        summary: "客户问什么时候,回复却没有时间;应给出预计时间。",
    }
}

/// Already done: the time asked about has passed.
const ALREADY: Words = words![
    "已经发",
    "已发",
    "已经寄",
    "已寄",
    "已经到",
    "已到",
    "已签收",
    "已经签收",
    "已经退",
    "已退",
    "已经开",
    "已开",
    "已经送",
    "已送",
    "已经出库",
    "已出库",
    "已经在路上",
    "已经上门",
    "已上门",
    "已经安排",
    "已安排",
    "已经告知",
    "已告知",
    "已经通知",
    "已通知",
];

/// A canned line, not an answer yet: 请问有什么可以帮到您, 请问还有其他…
const CANNED: Words = words!["有什么可以帮", "还有其他", "还有什么"];

/// The reply says it can't happen, or won't: a time would be wrong there.
const CANT: Words = words!["无法", "不能", "没办法", "不支持", "停产", "不发", "不退"];

impl Rule for WhenUnanswered {
    fn check(&self, cx: &Context, out: &mut Lints) {
        if !cx.customer.asks_when || cx.answered {
            return;
        }
        // One timeline finding is enough: another rule already asks for the time.
        if out.iter().any(|l| l.category == Category::Timeline) {
            return;
        }
        let text = cx.draft.folded();
        if cx.names_outcome_time() {
            return;
        }
        if is_holding(cx) || only_questions(cx) || asks_for_facts(cx) {
            return;
        }
        if contains_any(text, ALREADY) || contains_any(text, CANT) || contains_any(text, CANNED) {
            return;
        }
        let (at, join) = end_insert(cx.draft);
        let node = styled(cx.draft, "预计【预计时间】完成,请您留意。");
        out.push(Self::META.lint(at..at, "客户问什么时候,回复没给时间").suggest(format!("{join}{node}")));
    }
}
