use crate::finding::Lints;
use std::ops::Range;

use crate::finding::Lint;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::classes::{CHANNEL, INVITE};
use crate::text::{
    char_after, char_before, contains_any, ends_with_any, find_all, is_punct_or_space, sort_by_key, Part, Phrase, Words,
};

declare_rule! {
    /// ## What it does
    /// Flags an invitation to move the chat or the deal off the platform: an inviting verb and
    /// a contact channel a few characters apart (加微信 / 加我们微信 / 搜一下我的扣扣, with the
    /// spellings that dodge filters: 薇信, v信, vx, 企鹅), 私聊 / 线下交易 / 私下转账 / 私下联系 /
    /// 我的手机号, a WeChat id handed over (微信是…), an 11-digit mobile number or a QQ
    /// number written into the reply, and money asked into the agent's own account (转账到我的
    /// 支付宝: the fix says 在平台下单付款).
    ///
    /// Left alone: payment channels (“微信支付”, “微信零钱”, “QQ钱包”), a gift sent on to friends
    /// (“点赠送就可以通过微信发给好友”), the account a top-up goes
    /// to (“Q币会充到您填写的QQ号上”), a QQ mailbox asked for an
    /// invoice, asking for the receiver's phone for delivery (“您留一下手机号码”), an
    /// invitation turned down (“不需要加微信的”, “不需要提供微信号”, “不能私下交易”, “平台这边不支持加微信”, “我们不会
    /// 让您加微信或者私下转账”) and a warning against one
    /// (“如果有人自称客服让您加微信,千万别理”), and WeChat's card wallet an invoice is kept in
    /// (发票添加至微信卡包).
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
        summary: "引导加微信、私下交易违反平台规则,客户也失去平台保障。",
    }
}

/// Phrases that move the conversation or the payment elsewhere.
const PHRASES: Words = words![
    "加微信",
    "加个微信",
    "加一下微信",
    "加下微信",
    "加我微信",
    "加我的微信",
    "添加微信",
    "加好友",
    "微信号",
    // 师傅的微信是zhang_az88: an id handed over.
    "微信是",
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
    "私下联系",
    "直接转账给我",
    "转账给我",
    "我的手机号",
    "我的电话",
    "我的号码",
    "我手机号",
    "打我电话",
    "打我手机",
];

/// Money sent to the agent's own account: 转账到我的支付宝, 打到我个人微信.
const PAY_ME: Phrase = Phrase(&[
    Part::Word(words!["转账", "转到", "转给", "打款", "打到", "付到", "汇到"]),
    Part::Gap(4),
    Part::Key(words![
        "我的支付宝",
        "我支付宝",
        "我的微信",
        "我微信",
        "我的银行卡",
        "我银行卡",
        "我的卡上",
        "我个人",
        "个人账户",
        "私人账户"
    ]),
]);

/// 加 (我们的) 微信, 搜一下 qq: an inviting verb, up to four characters, a channel.
const INVITATION: Phrase = Phrase(&[Part::Word(INVITE), Part::Gap(4), Part::Key(CHANNEL)]);

/// Contact ids: vx / wx and their look-alikes as words, a QQ number, an 11-digit mobile
/// number. Found left to right as the regular expression
/// `(?:^|[^a-z0-9\[\]])(vx|wx|v信|薇信|威信|围信)(?:[^a-z0-9\[\]]|$)
/// |qq\s*[:：]?\s*(?:[0-9]{5,}|\[数字[a-z0-9]*\])|(?:^|[^0-9])(1[3-9][0-9]{9})(?:[^0-9]|$)`
/// would (the characters around a word or a number are read but not part of the id), without
/// a regex to compile on the first check.
fn contact_ids(text: &str) -> Vec<Range<usize>> {
    const WORDS: Words = words!["vx", "wx", "v信", "薇信", "威信", "围信"];
    let mut out = Vec::new();
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    if digits < 11 && !contains_any(text, WORDS) && !text.contains("qq") {
        return out;
    }
    let in_word = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '[' || c == ']';
    // The id at `at` (if `id` finds one) and where the match ends: past the character after
    // it, which must satisfy `apart` (or be the end).
    let bounded = |at: usize, id: &dyn Fn(&str) -> Option<usize>, apart: &dyn Fn(char) -> bool| {
        let len = id(&text[at..])?;
        match char_after(text, at + len) {
            None => Some((at..at + len, at + len)),
            Some(c) if apart(c) => Some((at..at + len, at + len + c.len_utf8())),
            Some(_) => None,
        }
    };
    let word = |rest: &str| WORDS.iter().find(|w| rest.starts_with(*w)).map(|w| w.len());
    let mobile = |rest: &str| {
        let b = rest.as_bytes();
        let ok =
            b.len() >= 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) && b[2..11].iter().all(u8::is_ascii_digit);
        ok.then_some(11)
    };
    let qq = |at: usize| -> Option<usize> {
        let rest = text[at..].strip_prefix("qq")?.trim_start();
        let rest = rest.strip_prefix([':', '：']).unwrap_or(rest).trim_start();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let len = if digits >= 5 {
            digits
        } else {
            let tail = rest.strip_prefix("[数字")?;
            let inner = tail.bytes().take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit()).count();
            tail[inner..].strip_prefix(']')?;
            "[数字".len() + inner + 1
        };
        Some(text.len() - rest.len() + len)
    };
    let mut at = 0;
    while let Some(c) = char_after(text, at) {
        let next = at + c.len_utf8();
        let found = (at == 0)
            .then(|| bounded(0, &word, &|c| !in_word(c)))
            .flatten()
            .or_else(|| if in_word(c) { None } else { bounded(next, &word, &|c| !in_word(c)) })
            .or_else(|| qq(at).map(|end| (at..end, end)))
            .or_else(|| (at == 0).then(|| bounded(0, &mobile, &|c| !c.is_ascii_digit())).flatten())
            .or_else(|| if c.is_ascii_digit() { None } else { bounded(next, &mobile, &|c| !c.is_ascii_digit()) });
        match found {
            Some((id, end)) => {
                out.push(id);
                at = end;
            }
            None => at = next,
        }
    }
    out
}

const SUGGESTION: &str = "有什么需要直接在这里联系我就好";

impl Rule for OffPlatformContact {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut spans: Vec<Range<usize>> = find_all(text, PHRASES)
            .into_iter()
            .filter(|(r, p)| {
                !(p.starts_with("加v") && char_after(text, r.end).is_some_and(|c| c.is_ascii_alphanumeric()))
            })
            .filter(|(r, p)| !(*p == "微信上" && text[r.end..].starts_with("支付")))
            .map(|(r, _)| r)
            .collect();
        spans.extend(INVITATION.find(text).into_iter().map(|h| h.span));
        spans.extend(contact_ids(text));
        // “您手机号多少呀,我直接给您打电话”: the customer's number asked to take the chat to a call.
        if CALL_YOU.is_in(text) {
            spans.extend(YOUR_NUMBER.find(text).into_iter().map(|h| h.span));
        }
        // “点赠送就可以通过微信发给好友”: a gift shared with the customer's friends, not a contact.
        // “添加至微信卡包”: where an invoice is kept, not a way around the platform.
        spans.retain(|r| {
            !cx.draft.sentence_at(r.start).is_some_and(|s| {
                let sentence = cx.draft.text(&s.range);
                platforms_own(sentence) || (contains_any(sentence, SHARED) && !INVITATION.is_in(sentence))
            })
        });
        sort_by_key(&mut spans, |r| r.start as u128);
        // “发货前 wx 支付” is a payment channel, not a contact.
        spans.retain(|r| !text[r.end..].trim_start().starts_with("支付") && char_before(text, r.start) != Some('@'));
        // “不需要加微信的”, “不能私下交易”: the reply turns the invitation down; “如果有人自称
        // 客服让您加微信,千万别理”: it warns against someone else's.
        let declined = |r: &Range<usize>| {
            // (不能私下加微信: an adverb between; 不能添加个人微信: whose; 不需要提供微信号: a verb
            // of giving.)
            // (The 加 of 添加 found on its own leaves 添 before it.)
            let before = text[..r.start].trim_end_matches('添');
            let before = before.trim_end_matches("个人").trim_end_matches("私下").trim_end_matches("随便");
            ends_with_any(GIVEN.iter().find_map(|v| before.strip_suffix(v)).unwrap_or(before), TURNED_DOWN)
                // (我们不会让您加微信或者私下转账: each thing the rule names.)
                || cx.draft.clause_at(r.start).is_some_and(|c| contains_any(&text[c.range.start..r.start], RULED_OUT))
                || cx.draft.sentence_at(r.start).is_some_and(|s| contains_any(cx.draft.text(&s.range), WARNS))
        };
        spans.retain(|r| !declined(r));
        // “微信上买可以直接微信支付”: a payment channel in the same clause.
        spans.retain(|r| {
            cx.draft.clause_at(r.start).is_none_or(|c| !contains_any(cx.draft.text(&c.range), &["支付", "付款"]))
        });
        // “Q币会充到您下单时填写的QQ号上”: the account a top-up goes to, not a contact.
        // (Only a QQ number named so, never an invitation: 加我QQ,充值有优惠 still leads away.)
        spans.retain(|r| {
            let sentence = cx.draft.sentence_at(r.start).map_or("", |s| cx.draft.text(&s.range));
            !(text[r.clone()].contains("qq") && contains_any(sentence, TOP_UP) && !INVITATION.is_in(sentence))
        });
        // “直接转账到我的支付宝”: paying the agent outside the platform (after the payment-channel
        // look-alikes above, which it is not). The fix names the platform's checkout instead.
        for r in PAY_ME.find(text).into_iter().map(|h| h.span).filter(|r| !declined(r)) {
            out.push(OffPlatformContact::META.lint(r, "不能引导客户私下转账").suggest(PAY_HERE));
        }
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

/// The customer's number asked for: 您手机号多少, 留个电话.
const YOUR_NUMBER: Phrase = Phrase(&[
    Part::Word(words!["手机号", "电话号码", "电话号", "号码", "电话"]),
    Part::Gap(2),
    Part::Key(words!["多少", "发我", "给我", "留一下", "留个"]),
]);
/// The agent will phone them: 我直接给您打电话, 我打给您.
const CALL_YOU: Phrase = Phrase(&[
    Part::Word(words!["我"]),
    Part::Gap(4),
    Part::Key(words!["给您打电话", "打给您", "给你打电话", "打电话给您"]),
]);

/// A top-up to an account (Q币, 话费, 会员): the QQ or phone number is where it goes.
const TOP_UP: Words = words!["充值", "充到", "q币", "qb充", "充话费", "话费充"];

/// Before an invitation, these turn it down.
const TURNED_DOWN: Words = words![
    "不需要",
    "不用",
    "无需",
    "不必",
    "没必要",
    "不能",
    "不可以",
    "不允许",
    "不要",
    "别",
    "不方便",
    "不便",
    // 我们不会加微信 (the shop's own rule, anywhere in the clause, is [`RULED_OUT`]).
    "不会",
    "从不",
    "不提供"
];

/// Sent on to the customer's friends: 发给好友, 分享到朋友圈.
const SHARED: Words = words!["发给好友", "发给朋友", "分享给", "转发给", "朋友圈", "送给好友", "送给朋友"];

/// Giving a contact id (不需要提供微信号): turned down like an invitation.
const GIVEN: Words = words!["提供", "告诉我们", "告诉我", "告诉", "填写", "填", "留", "发", "添加", "加"];

/// Whether a sentence names WeChat's card wallet, where an invoice is kept: storage, not a
/// contact. (An official account, even in the platform's name, still leads the customer to
/// WeChat: labellers of real replies marked 关注公众号“京东卡助手” as off-platform.)
fn platforms_own(sentence: &str) -> bool {
    sentence.contains("卡包")
}

/// The shop's own rule against it, anywhere before it in the clause.
const RULED_OUT: Words = words![
    "不会让您",
    "不会让你",
    "不支持",
    "不允许",
    "不会要求",
    "不能通过",
    "不会通过",
    "不可以通过",
    "不能加",
    "不会加"
];

/// A sentence with these warns the customer against someone else's invitation.
const WARNS: Words = words![
    "如果有人",
    "若有人",
    "谨防",
    "警惕",
    "冒充",
    "自称",
    "千万别",
    "不要相信",
    "别相信",
    "以防受骗",
    // 微信上下单没有平台保障: why it should stay here.
    "没有平台保障",
    "没有保障",
    "没保障"
];

/// What replaces a private transfer: the platform's own checkout.
const PAY_HERE: &str = "在平台下单付款";

fn lint(span: Range<usize>) -> Lint {
    OffPlatformContact::META.lint(span, "不能引导客户到站外联系或交易").suggest(SUGGESTION)
}

/// The end of a clause's words, before its closing punctuation.
fn core_end(text: &str, clause: &Range<usize>) -> usize {
    clause.start + text[clause.clone()].trim_end_matches(|c: char| is_punct_or_space(c) && c != ']').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written reader finds the ids the regular expression it replaced found, over
    /// every sequence of up to four pieces that matter.
    #[test]
    fn same_as_the_regex() {
        let re = regex::Regex::new(r"(?:^|[^a-z0-9\[\]])(vx|wx|v信|薇信|威信|围信)(?:[^a-z0-9\[\]]|$)|qq\s*[:：]?\s*(?:[0-9]{5,}|\[数字[a-z0-9]*\])|(?:^|[^0-9])(1[3-9][0-9]{9})(?:[^0-9]|$)").unwrap();
        let pieces = [
            "vx",
            "wx",
            "v信",
            "薇信",
            "围信",
            "a",
            "1",
            "13812345678",
            "12345",
            "qq",
            ":",
            "：",
            " ",
            "[数字x]",
            "[数字",
            "]",
            "加",
        ];
        let checked = crate::text::each_sequence(&pieces, 4, |s| {
            let want: Vec<Range<usize>> = re
                .captures_iter(s)
                .filter_map(|c| c.get(1).or_else(|| c.get(2)).or_else(|| c.get(0)))
                .map(|m| m.range())
                .collect();
            assert_eq!(contact_ids(s), want, "{s:?}");
        });
        assert_eq!(checked, 1 + 17 + 17 * 17 + 17 * 17 * 17 + 17 * 17 * 17 * 17);
    }
}
