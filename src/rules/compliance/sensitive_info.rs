use crate::config::Platform;
use crate::finding::{Lints, Severity};
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{contains_any, find_all, is_punct_or_space, starts_with_any, Part, Phrase, Words};

declare_rule! {
    /// ## What it does
    /// Flags asking the customer for secrets: a password (支付密码 / 登录密码 / 银行卡密码),
    /// an SMS verification code (验证码), a card's CVV / 安全码 / 有效期: an error. A full card
    /// number asked for alone (请您提供下银行名,卡号,开户人姓名) is a warning: a refund or a
    /// withdrawal to a card needs it, but on the platform's form, not in the chat; it offers no
    /// fix, as the step it asks for may be needed.
    ///
    /// On JD, a code the agent says the service sent (我这边会发一条验证码给您,您收到时告诉我)
    /// is JD's own identity check, and is left alone; on other platforms a shop has no such
    /// process. On JD a code asked for otherwise keeps the error but gets no fix: the step may be
    /// the platform's own, which only the agent knows. Left alone too: warnings not to share
    /// them (“请勿向任何人提供验证码”), telling the customer a code or password was sent (“已为您发送随机密码”), saying none is needed (“不需要您提供
    /// 密码或验证码”), and the last four digits of a card.
    ///
    /// ## Why is this bad?
    /// No platform process needs a shop to know these; asking for them is what scammers do,
    /// trains customers to hand them over, and breaks platform rules on personal data.
    ///
    /// ## Example
    /// ```text
    /// 麻烦您把收到的验证码发给我一下。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 验证码请您妥善保管,不要告诉任何人,包括客服哦。
    /// ```
    pub struct SensitiveInfo {
        id: "compliance.sensitive-info",
        category: Compliance,
        severity: Error,
        title: "索要密码/验证码",
        summary: "索要密码、验证码是骗子的做法,任何正规流程都不需要。",
    }
}

/// The secrets no agent may ask for.
const SECRETS: Words = words![
    "支付密码",
    "登录密码",
    "银行卡密码",
    "取款密码",
    "账户密码",
    "账号密码",
    "密码",
    "验证码",
    "校验码",
    "动态码",
    "cvv",
    "cvv2",
    "安全码",
    "卡背后三位",
    "卡背面三位",
    "卡片有效期",
];
/// Asking for it (somewhere in the same sentence).
const ASK: Words = words![
    "提供",
    "告诉我",
    "告知",
    "发给我",
    "发我",
    "发一下",
    "发下",
    "报一下",
    "报给我",
    "说一下",
    "多少",
    "是什么",
    "给我",
    "输入给我",
    "念一下",
    "截图",
];
/// Warnings and notices: the sentence protects the secret.
const PROTECT: Words = words![
    "请勿",
    "不要",
    "切勿",
    "不会",
    "不得",
    "别把",
    "别告诉",
    "千万别",
    "谨防",
    "防止",
    "不索要",
    "不会索要",
    "任何人",
    "保管好",
    "不要泄露",
    "泄露",
];

/// The agent says the code comes from the service itself: 发一条验证码, 发送了一条验证码,
/// 收到的验证码.
const SENT_BY_US: Phrase = Phrase(&[
    Part::Word(words!["发", "发送", "收到"]),
    Part::Maybe(words!["了"]),
    Part::Maybe(words!["一条", "一个", "个", "的"]),
    Part::Key(words!["验证码"]),
]);

/// “不需要您提供密码或验证码”: the secret waived, which reassures.
const NO_NEED: Phrase = Phrase(&[
    Part::Word(words!["不需要", "不用", "无需", "不必"]),
    Part::Maybe(words!["您", "你"]),
    Part::Word(ASK),
    Part::Gap(4),
    Part::Key(SECRETS),
]);

impl Rule for SensitiveInfo {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        // JD's own service checks who it talks to with a code it sends (我这边会发一条验证码给您,
        // 收到后告诉我): on JD that is the platform's process, not a shop asking for a secret.
        if cx.platform == Platform::Jd && (SENT_BY_US.is_in(text) || text.contains("验证码已发送")) {
            return;
        }
        let mut last_end = 0;
        for (hit, _) in find_all(text, SECRETS) {
            let Some(sentence) = cx.draft.sentence_at(hit.start) else { continue };
            if sentence.range.start < last_end {
                continue;
            }
            let s = cx.draft.text(&sentence.range);
            if !contains_any(s, ASK) || contains_any(s, PROTECT) || NO_NEED.is_in(s) {
                continue;
            }
            // “已为您发送随机密码” / “验证码已发送”: a notice, not a request.
            if contains_any(s, &["随机密码", "已发送", "已经发送", "发送了", "重新发送", "发送一个", "发送一条"])
                && !contains_any(s, &["提供", "告诉我", "发给我", "发我", "报"])
            {
                continue;
            }
            last_end = sentence.range.end;
            // The span runs over the clauses that name the secret and ask for it.
            let mut span = hit.clone();
            for (ask, _) in find_all(s, ASK) {
                let at = sentence.range.start + ask.start;
                span.start = span.start.min(at);
                span.end = span.end.max(sentence.range.start + ask.end);
            }
            let start = cx.draft.clause_at(span.start).map_or(span.start, |c| c.range.start);
            let end = cx.draft.clause_at(span.end.saturating_sub(1)).map_or(span.end, |c| core_end(text, &c.range));
            let lint = Self::META.lint(start..end.max(span.end), "不能向客户索要密码或验证码");
            // On JD the step may be the platform's own (a withdrawal, an after-sales check):
            // raters rejected every “请您妥善保管” there, as it drops a step the customer needs.
            if cx.platform == Platform::Jd {
                out.push(lint);
            } else {
                let secret = cx.draft.raw_text(&hit);
                out.push(lint.suggest(format!("{secret}请您妥善保管,不要告诉任何人,包括客服哦")));
            }
        }
        card_number(cx, last_end, out);
    }
}

/// A full card number asked for in the chat (请您提供下银行名,卡号,开户人姓名): a warning, as
/// a refund or withdrawal to a card does need it, on the platform's own form.
fn card_number(cx: &Context, secrets_end: usize, out: &mut Lints) {
    let text = cx.draft.folded();
    let Some((hit, _)) = find_all(text, CARD_NUMBER)
        .into_iter()
        .find(|(hit, _)| !starts_with_any(&text[hit.end..], LAST_DIGITS) && !text[..hit.start].ends_with("尾号"))
    else {
        return;
    };
    let Some(sentence) = cx.draft.sentence_at(hit.start) else { return };
    let s = cx.draft.text(&sentence.range);
    // (Asked together with a secret: that finding covers the sentence.)
    if sentence.range.start < secrets_end || !contains_any(s, ASK) || contains_any(s, PROTECT) {
        return;
    }
    // The request goes whole, from the clause that asks to the end of the sentence (within
    // its chat message: 好滴 请您提供下…).
    let ask = find_all(s, ASK).first().map_or(hit.start, |(r, _)| sentence.range.start + r.start).min(hit.start);
    let clause = cx.draft.clause_at(ask).map_or(ask..ask, |c| c.range.clone());
    let start = text[clause.start..ask].rfind(char::is_whitespace).map_or(clause.start, |i| clause.start + i + 1);
    let end = core_end(text, &sentence.range).max(hit.end);
    // No fix: the process may need the card, and raters rejected every rewrite that dropped
    // the step (“请您在页面上填写” names a page that may not exist).
    out.push(SensitiveInfo::META.lint(start..end, "不要在聊天里索要完整卡号").with_severity(Severity::Warning));
}

/// A card's full number.
const CARD_NUMBER: Words = words!["银行卡号", "储蓄卡号", "信用卡号", "卡号"];
/// Only part of it: 卡号后四位, 卡号尾号.
const LAST_DIGITS: Words = words!["后四位", "后4位", "后几位", "尾号", "末四位", "末4位"];

/// The end of a clause's words, before its closing punctuation.
fn core_end(text: &str, clause: &std::ops::Range<usize>) -> usize {
    clause.start + text[clause.clone()].trim_end_matches(|c: char| is_punct_or_space(c) && c != ']').len()
}
