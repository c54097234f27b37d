use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::finding::Lint;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_after, char_before, contains_any, find_all, is_punct_or_space};

declare_rule! {
    /// ## What it does
    /// Flags an invitation to move the chat or the deal off the platform: 加微信 / 加个微信 /
    /// vx / wx / QQ号 / 私聊 / 线下交易 / 私下转账 / 我的手机号, and an 11-digit mobile number
    /// or a QQ number written into the reply.
    ///
    /// Left alone: payment channels (“微信支付”, “微信零钱”, “QQ钱包”), a QQ mailbox asked for an
    /// invoice, and asking for the receiver's phone for delivery (“您留一下手机号码”).
    ///
    /// ## Why is this bad?
    /// Every platform forbids leading buyers off the platform (导流): the shop is penalised, and
    /// the buyer loses the platform's protection for payment and after-sales.
    ///
    /// ## Example
    /// ```text
    /// 亲,加个微信吧,微信上给您优惠。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 亲,有什么需要直接在这里联系我就好,优惠也在这里为您申请。
    /// ```
    pub struct OffPlatformContact {
        id: "compliance.off-platform-contact",
        category: Compliance,
        severity: Error,
        title: "引导站外联系/交易",
    }
}

/// Phrases that move the conversation or the payment elsewhere.
const PHRASES: &[&str] = &[
    "加微信",
    "加个微信",
    "加一下微信",
    "加下微信",
    "加我微信",
    "加我的微信",
    "添加微信",
    "加好友",
    "微信号",
    "微信联系",
    "微信上",
    "微信聊",
    "微信发",
    "微信转",
    "加qq",
    "加个qq",
    "加我qq",
    "qq号",
    "qq联系",
    "qq上",
    "加v",
    "私聊",
    "线下交易",
    "线下付款",
    "线下转账",
    "私下交易",
    "私下转账",
    "私下付款",
    "直接转账给我",
    "转账给我",
    "我的手机号",
    "我的电话",
    "我的号码",
    "我手机号",
    "打我电话",
    "打我手机",
];

/// Contact ids: vx / wx as words, a QQ number, an 11-digit mobile number.
static IDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^a-z0-9\[\]])(vx|wx|v信|薇信|威信|围信)(?:[^a-z0-9\[\]]|$)|qq\s*[:：]?\s*(?:[0-9]{5,}|\[数字[a-z0-9]*\])|(?:^|[^0-9])(1[3-9][0-9]{9})(?:[^0-9]|$)")
        .expect("valid contact pattern")
});

const SUGGESTION: &str = "有什么需要直接在这里联系我就好";

impl Rule for OffPlatformContact {
    fn check(&self, cx: &Context, out: &mut Vec<Lint>) {
        let text = cx.draft.folded();
        let mut spans: Vec<Range<usize>> = find_all(text, PHRASES)
            .into_iter()
            .filter(|(r, p)| {
                !(p.starts_with("加v") && char_after(text, r.end).is_some_and(|c| c.is_ascii_alphanumeric()))
            })
            .filter(|(r, p)| !(*p == "微信上" && text[r.end..].starts_with("支付")))
            .map(|(r, _)| r)
            .collect();
        for caps in IDS.captures_iter(text) {
            let m = caps.get(1).or_else(|| caps.get(2)).or_else(|| caps.get(0));
            if let Some(m) = m {
                spans.push(m.start()..m.end());
            }
        }
        spans.sort_by_key(|r| r.start);
        // “发货前 wx 支付” is a payment channel, not a contact.
        spans.retain(|r| !text[r.end..].trim_start().starts_with("支付") && char_before(text, r.start) != Some('@'));
        // “微信上买可以直接微信支付”: a payment channel in the same clause.
        spans.retain(|r| {
            cx.draft.clause_at(r.start).is_none_or(|c| !contains_any(cx.draft.text(&c.range), &["支付", "付款"]))
        });
        // One finding a sentence, over the clauses that carry the contact: the fix replaces
        // them with an offer to keep talking here.
        let mut last: Option<(Range<usize>, Range<usize>)> = None; // (sentence, span)
        for hit in spans {
            let Some(clause) = cx.draft.clause_at(hit.start) else { continue };
            let sentence = cx.draft.sentence_at(hit.start).map_or(clause.range.clone(), |s| s.range.clone());
            let end = core_end(text, &clause.range).max(hit.end);
            match &mut last {
                Some((s, span)) if *s == sentence => span.end = span.end.max(end),
                _ => {
                    if let Some((_, span)) = last.take() {
                        out.push(lint(span));
                    }
                    last = Some((sentence, clause.range.start..end));
                }
            }
        }
        if let Some((_, span)) = last {
            out.push(lint(span));
        }
    }
}

fn lint(span: Range<usize>) -> Lint {
    OffPlatformContact::META.lint(span, "不能引导客户到站外联系或交易").suggest(SUGGESTION)
}

/// The end of a clause's words, before its closing punctuation.
fn core_end(text: &str, clause: &Range<usize>) -> usize {
    clause.start + text[clause.clone()].trim_end_matches(|c: char| is_punct_or_space(c) && c != ']').len()
}
