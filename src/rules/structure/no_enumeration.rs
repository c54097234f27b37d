use crate::finding::Lints;
use std::ops::Range;

use crate::rules::{declare_rule, Context, Rule};
use crate::text::{contains_any, is_clause_end, is_han, is_punct_or_space, is_sentence_end, Words};

declare_rule! {
    /// ## What it does
    /// Flags a long answer of several points — at least four sentences of four or more
    /// characters, 60 characters of words in all — written as
    /// one block with no enumeration (第二, 其次, 2., ②, 二是), in reply to a customer's
    /// question. The suggestion rewrites the points as “【结论】:第一,…;第二,…” with a
    /// placeholder for the one-line conclusion only the agent can write. One or two
    /// sentences of seven or more comma-joined points (100 Han characters or more) are a
    /// wall too, and six points of 70 characters where the customer asked for advice (选哪种
    /// 比较好, 要注意什么) or for several points (包含哪些, 流程是怎样的, 有什么区别): a string of
    /// tips or steps; there the finding only names the problem.
    ///
    /// Left alone: short answers, answers that already enumerate (“第一次” alone is no list),
    /// replies with no question to answer (unless they are a wall), answers that ask back, and
    /// messages stitched from canned greetings and closings (请问还有… / 评价 / 祝您…) between
    /// the points.
    ///
    /// ## Why is this bad?
    /// The guide: “对于复杂问题,可采用‘结论先行+分点说明’的逻辑”. A wall of text on a
    /// phone screen hides the answer; numbered points let the customer check each one.
    ///
    /// ## Example
    /// ```text
    /// (客户:退货有什么要求?) 退货的话商品不能拆封使用,吊牌也要保留。要在收货后7天内申请。退回的运费需要您先垫付。我们收到货检查没问题后,退款会在3个工作日内原路退回您的支付账户。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:退货有什么要求?) 可以退货,需要满足以下几点:第一,商品不能拆封使用,吊牌也要保留;第二,要在收货后7天内申请;第三,退回的运费需要您先垫付;第四,我们收到货检查没问题后,退款会在3个工作日内原路退回您的支付账户。
    /// ```
    pub struct NoEnumeration {
        id: "structure.no-enumeration",
        category: Structure,
        severity: Hint,
        title: "长回答没有分点",
        summary: "要点多的长回答挤成一段,答案难找;应结论先行、分点说明。",
    }
}

/// Already structured: a second point is marked (“第一次” alone is not a list).
const ENUMERATION: Words = words!["第二", "其次", "二是", "2、", "2)", "(2)", "②", "二、", "第2", "另一方面"];

/// Whether the text already marks a second point: one of [`ENUMERATION`], or “2.” that is
/// not a number (2.5K).
fn enumerates(text: &str) -> bool {
    contains_any(text, ENUMERATION)
        || text.match_indices("2.").any(|(i, _)| {
            let digit_before = text[..i].chars().next_back().is_some_and(|c| c.is_ascii_digit() || c == '.');
            !digit_before && !text[i + 2..].starts_with(|c: char| c.is_ascii_digit())
        })
}
/// A greeting before the answer.
const GREETING: Words =
    words!["您好", "你好", "亲", "很高兴为您服务", "欢迎", "在的", "请稍等", "稍等", "久等", "查询"];
/// Closings and canned lines: not points of the answer.
const CLOSING: Words = words![
    "请问还有",
    "还有什么",
    "还有其他",
    "祝您",
    "感谢",
    "谢谢",
    "评价",
    "欢迎",
    "再见",
    "随时",
    "客气",
    "应该做",
    "么么哒",
    "怠慢",
];
const ORDINALS: Words = words!["第一", "第二", "第三", "第四", "第五", "第六"];

impl Rule for NoEnumeration {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        // Without a question only a wall is flagged: several statements may just be chat.
        // (A wall has WALL_HAN characters of words, three bytes each when Han.)
        let asked = !cx.customer.questions.is_empty();
        if (!asked && text.len() < WALL_HAN * 3) || enumerates(text) {
            return;
        }
        let segments = statements(text);
        // Each statement read once: its Han characters, its words (Han or Latin letters and
        // digits), whether it is a short greeting or a short closing.
        let stats: Vec<(usize, usize, bool, bool)> = segments
            .iter()
            .map(|r| {
                let s = &text[r.clone()];
                let (mut han, mut words) = (0, 0);
                for c in s.chars() {
                    han += is_han(c) as usize;
                    words += (is_han(c) || c.is_ascii_alphanumeric()) as usize;
                }
                (han, words, han <= 10 && contains_any(s, GREETING), han <= 16 && contains_any(s, CLOSING))
            })
            .collect();
        // The answer: what lies between a short greeting and the closings.
        let Some(first) = stats.iter().position(|s| !s.2) else { return };
        let Some(last) = stats.iter().rposition(|s| !s.3) else { return };
        if first > last {
            return;
        }
        let body = &segments[first..=last];
        let body_stats = &stats[first..=last];
        // Canned lines in the middle: several messages stitched together, not one answer.
        // A question in the middle: a conversation, not one answer.
        if body_stats.iter().any(|s| s.3) || body.iter().any(|s| asks(&text[s.clone()])) {
            return;
        }
        let points = body_stats.iter().filter(|s| s.0 >= 4).count();
        let words: usize = body_stats.iter().map(|s| s.1).sum();
        let span = body[0].start..body[body.len() - 1].end;
        // Few sentences can still be a wall: one sentence of many comma-joined points.
        // Advice asked for (怎么养, 选哪种, 要注意什么) and given as a string of tips: a shorter
        // run is a wall already.
        let (wall_points, wall_han) = if cx.customer.asks_advice || cx.customer.asks_for_points {
            (ADVICE_WALL_POINTS, ADVICE_WALL_HAN)
        } else {
            (WALL_POINTS, WALL_HAN)
        };
        if points < 4 && is_comma_wall(&text[span.clone()], wall_points, wall_han) {
            out.push(Self::META.lint(span, "一句话说了太多点,先说结论再分点(第一、第二…)"));
            return;
        }
        if !asked || points < 4 || words < 60 {
            return;
        }
        let lint = Self::META.lint(span, "内容较多,先说结论再分点(第一、第二…)");
        if body.len() > ORDINALS.len() {
            out.push(lint);
            return;
        }
        let listed: Vec<String> =
            body.iter().zip(ORDINALS).map(|(s, n)| format!("{n},{}", cx.draft.raw_text(s))).collect();
        out.push(lint.suggest(format!("【结论】:{}", listed.join(";"))));
    }
}

/// A statement that asks (…吗, …?, …么 at its end; not 什么 inside it).
fn asks(statement: &str) -> bool {
    let t = statement.trim_end_matches(|c: char| is_punct_or_space(c) && c != '?');
    t.contains('?') || t.ends_with('吗') || (t.ends_with('么') && !t.ends_with("什么"))
}

/// Points run together with commas (“这款5.5L,那款4L,这款有窗口,那款没有,…”): at least
/// [`WALL_POINTS`] clauses of four or more Han characters and [`WALL_HAN`] characters of words
/// (Han, Latin letters and digits).
fn is_comma_wall(body: &str, wall_points: usize, wall_han: usize) -> bool {
    let (mut points, mut han, mut in_clause) = (0, 0, 0);
    // JD-style typing separates points with spaces as often as with commas.
    for c in body.chars() {
        if is_clause_end(c) || c.is_whitespace() {
            points += (in_clause >= 4) as usize;
            in_clause = 0;
        } else if is_han(c) {
            han += 1;
            in_clause += 1;
        } else if c.is_ascii_alphanumeric() {
            // Model names and figures (i7, 1.4公斤) are words of the point too.
            han += 1;
        }
    }
    points += (in_clause >= 4) as usize;
    points >= wall_points && han >= wall_han
}

const WALL_POINTS: usize = 7;
const WALL_HAN: usize = 100;
/// A wall of tips where advice was asked for.
const ADVICE_WALL_POINTS: usize = 6;
const ADVICE_WALL_HAN: usize = 70;

/// The statements of a draft: its sentences, each without its closing punctuation. A greeting clause (“您好,”) at the start is a statement of its own.
fn statements(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None::<usize>;
    let push = |out: &mut Vec<Range<usize>>, r: Range<usize>| {
        let s = &text[r.clone()];
        let trimmed = s.trim_end_matches(|c: char| is_punct_or_space(c) && c != ']');
        let lead = trimmed.len() - trimmed.trim_start_matches(|c: char| is_punct_or_space(c) && c != '[').len();
        if lead < trimmed.len() {
            out.push(r.start + lead..r.start + trimmed.len());
        }
    };
    for (i, c) in text.char_indices() {
        if is_sentence_end(c) {
            if let Some(s) = start.take() {
                push(&mut out, s..i + c.len_utf8());
            }
            continue;
        }
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(&mut out, s..text.len());
    }
    // “您好,换货需要…”: split a leading greeting clause off the first statement.
    if let Some(first) = out.first().cloned() {
        if let Some(comma) = text[first.clone()].find([',', '!']) {
            let head = first.start..first.start + comma;
            if contains_any(&text[head.clone()], GREETING)
                && text[head.clone()].chars().filter(|c| is_han(*c)).count() <= 4
            {
                out[0] = head;
                let rest = first.start + comma + 1;
                let rest = rest + text[rest..first.end].len() - text[rest..first.end].trim_start().len();
                if rest < first.end {
                    out.insert(1, rest..first.end);
                }
            }
        }
    }
    out
}
