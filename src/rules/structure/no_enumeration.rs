use crate::finding::Lint;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{contains_any, is_han, is_punct_or_space};

declare_rule! {
    /// ## What it does
    /// Flags a long answer of several points (at least four sentences, or eight clauses, and
    /// 60 characters of words between the greeting and the closing) written as one block with
    /// no enumeration (第一/第二, 首先/其次, 1. 2., ①②, 一是/二是). The suggestion rewrites
    /// the points as “【结论】:第一,…;第二,…。” with a placeholder for the one-line
    /// conclusion only the agent can write.
    ///
    /// Left alone: short answers, answers that already enumerate, and greetings and closings
    /// around the answer (they are not points).
    ///
    /// ## Why is this bad?
    /// The guide: “对于复杂问题,可采用‘结论先行+分点说明’的逻辑”. A wall of text on a
    /// phone screen hides the answer; numbered points let the customer check each one.
    ///
    /// ## Example
    /// ```text
    /// 退货的话商品不能拆封使用。要在收货后7天内申请。退回的运费需要您先垫付。我们收到货检查没问题后,退款会在3个工作日内原路退回。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 可以退货,需要满足以下几点:第一,商品不能拆封使用;第二,要在收货后7天内申请;第三,退回的运费需要您先垫付;第四,我们收到货检查没问题后,退款会在3个工作日内原路退回。
    /// ```
    pub struct NoEnumeration {
        id: "structure.no-enumeration",
        category: Structure,
        severity: Hint,
        title: "长回答没有分点",
    }
}

/// Already structured: a second point is marked (“第一次” alone is not a list).
const ENUMERATION: &[&str] = &["第二", "其次", "二是", "2.", "2、", "2)", "(2)", "②", "二、", "第2", "另一方面"];
/// Greetings before the answer and closings after it: not points.
const GREETING: &[&str] = &["您好", "你好", "亲", "很高兴为您服务", "欢迎", "在的", "请稍等", "稍等", "久等"];
const CLOSING: &[&str] = &["请问还有", "还有什么", "还有其他", "祝您", "感谢", "谢谢", "评价", "欢迎", "再见", "随时"];
const ORDINALS: &[&str] = &["第一", "第二", "第三", "第四", "第五", "第六"];

impl Rule for NoEnumeration {
    fn check(&self, cx: &Context, out: &mut Vec<Lint>) {
        let text = cx.draft.folded();
        if contains_any(text, ENUMERATION) {
            return;
        }
        let sentences = cx.draft.sentences();
        let han = |r: &std::ops::Range<usize>| cx.draft.text(r).chars().filter(|c| is_han(*c)).count();
        // The answer: the sentences between a short greeting and a closing.
        let first =
            sentences.iter().position(|s| !(contains_any(cx.draft.text(&s.range), GREETING) && han(&s.range) <= 10));
        let last =
            sentences.iter().rposition(|s| !(contains_any(cx.draft.text(&s.range), CLOSING) && han(&s.range) <= 20));
        let (Some(first), Some(last)) = (first, last) else { return };
        if first > last {
            return;
        }
        let body = &sentences[first..=last];
        // “您好,换货需要…”: the greeting clause stays in front of the points.
        let mut start = body[0].range.start;
        if let Some(c) = cx.draft.clause_at(start).filter(|c| c.range.end < body[0].range.end) {
            if contains_any(cx.draft.text(&c.range), GREETING) && han(&c.range) <= 4 {
                start = c.range.end;
                while text[start..].starts_with(' ') {
                    start += 1;
                }
            }
        }
        let span = start..core_end(text, &body[body.len() - 1].range);
        let words = text[span.clone()].chars().filter(|c| is_han(*c) || c.is_ascii_alphanumeric()).count();
        let clauses =
            cx.draft.clauses().iter().filter(|c| c.range.start >= span.start && c.range.end <= span.end + 3).count();
        if words < 60 || (body.len() < 4 && clauses < 8) {
            return;
        }
        let lint = Self::META.lint(span.clone(), "内容较多,先说结论再分点(第一、第二…)");
        if body.len() > ORDINALS.len() || body.len() < 2 {
            out.push(lint);
            return;
        }
        let points: Vec<String> = body
            .iter()
            .zip(ORDINALS)
            .map(|(s, n)| format!("{n},{}", cx.draft.raw_text(&(s.range.start.max(start)..core_end(text, &s.range)))))
            .collect();
        out.push(lint.suggest(format!("【结论】:{}", points.join(";"))));
    }
}

/// The end of a segment's words, before its closing punctuation.
fn core_end(text: &str, r: &std::ops::Range<usize>) -> usize {
    r.start + text[r.clone()].trim_end_matches(|c: char| is_punct_or_space(c) && c != ']').len()
}
