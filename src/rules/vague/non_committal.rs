use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_before, contains_any, find_all, is_punct_or_space, Words};

declare_rule! {
    /// ## What it does
    /// Flags a non-answer: 不好说 / 说不准 / 不一定 / 看情况 / 看运气 / 随缘 /
    /// 到时候再说, where the customer asked for a fact or a commitment, and offers to verify
    /// and come back with a definite answer. When the same sentence already gives a condition
    /// or an alternative (如果 / 建议 / 可以 / 优先), and for 不一定 (often an honest caveat:
    /// “不一定能修改成功”), it is only a hint.
    ///
    /// Left alone: “您不一定要寄回,拍照就可以” (no need to), the customer's own uncertainty
    /// (“如果您说不准尺码…”), and questions (“您确定吗?”). (“不确定” is not knowing:
    /// `blunt.dont-know`.)
    ///
    /// ## Why is this bad?
    /// The guide asks for accurate explanations of product facts, rules and after-sales, and
    /// for a sense of control: “说不准” leaves the customer with nothing to plan on.
    ///
    /// ## Example
    /// ```text
    /// 这个不好说,看运气吧。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 这个我帮您核实后给您准确答复。
    /// ```
    pub struct NonCommittal {
        id: "vague.non-committal",
        category: Vague,
        severity: Warning,
        title: "不置可否(不好说/不一定)",
        summary: "“不好说”“看情况”等于没回答;应核实后给出明确答复。",
    }
}

const PHRASES: Words = words![
    "不好说",
    "说不好",
    "说不准",
    "不一定",
    "看情况",
    "看运气",
    "随缘",
    "看缘分",
    "到时候再说",
    "再说吧",
    "听天由命",
];
/// Who is speaking, right before the phrase: the fix replaces it too.
const SUBJECTS: Words = words!["这边也", "我们也", "我这边也", "我也", "这边", "我们", "我", "也"];
/// “不一定要寄回”: no need to, not a non-answer.
const NO_NEED: Words = words!["要", "需要", "非要", "得", "非得"];
/// The customer's uncertainty, or a condition.
const CUSTOMER_BEFORE: &[char] = &['您', '你', '果', '若', '如', '还'];
/// The sentence already offers a way forward.
const WAY_FORWARD: Words = words!["如果", "建议", "可以", "优先", "帮您", "为您", "给您", "预计"];

impl Rule for NonCommittal {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut last_end = 0;
        let mut last_sentence = None;
        for (hit, phrase) in find_all(text, PHRASES) {
            if hit.start < last_end {
                continue;
            }
            if phrase == "不一定" && NO_NEED.iter().any(|n| text[hit.end..].starts_with(n)) {
                continue;
            }
            // “不好说明”: hard to prove, not hard to say.
            if phrase == "不好说" && (text[hit.end..].starts_with('明') || text[hit.end..].starts_with('清')) {
                continue;
            }
            if char_before(text, hit.start).is_some_and(|c| CUSTOMER_BEFORE.contains(&c)) {
                continue;
            }
            let Some(clause) = cx.draft.clause_at(hit.start) else { continue };
            let clause_text = cx.draft.text(&clause.range);
            if clause_text.contains('?') || clause_text.contains('吗') {
                continue;
            }
            let start = SUBJECTS
                .iter()
                .find(|s| text[clause.range.start..hit.start].ends_with(*s))
                .map_or(hit.start, |s| hit.start - s.len());
            let core = clause.range.start
                + text[clause.range.clone()].trim_end_matches(|c: char| is_punct_or_space(c) && c != ']').len();
            // A space after the phrase ends the statement (chat drafts use spaces as commas).
            let end =
                text[hit.end..core.max(hit.end)].find(char::is_whitespace).map_or(core.max(hit.end), |i| hit.end + i);
            let sentence = cx.draft.sentence_at(hit.start).map_or("", |s| cx.draft.text(&s.range));
            // “不一定能改成功” is often an honest caveat: a hint. So is a sentence that already
            // offers a way forward.
            let severity = if phrase == "不一定" || contains_any(sentence, WAY_FORWARD) {
                Severity::Hint
            } else {
                Severity::Warning
            };
            let sentence_range = cx.draft.sentence_at(hit.start).map(|s| s.range.clone());
            last_end = end;
            // “不好说,看运气吧”: one finding for the sentence, not one a phrase.
            if sentence_range.is_some() && sentence_range == last_sentence {
                if let Some(prev) = out.last_mut().filter(|l| l.rule == Self::META.id) {
                    prev.span.end = end;
                    prev.severity = prev.severity.max(severity);
                    continue;
                }
            }
            last_sentence = sentence_range;
            out.push(
                Self::META
                    .lint(start..end, format!("“{phrase}”等于没回答,先核实再答复"))
                    .with_severity(severity)
                    .suggest("我帮您核实后给您准确答复"),
            );
        }
    }
}
