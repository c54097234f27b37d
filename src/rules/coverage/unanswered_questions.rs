use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::apology::words::{gathers_facts, is_holding, only_questions};
use crate::rules::closing::tail::{end_insert, styled};
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{is_clause_end, is_han, is_punct_or_space};

use super::topics::{answered, topic_of, Topic};

declare_rule! {
    /// ## What it does
    /// When the customer asked two or more different questions in one go, checks that the
    /// reply speaks to each known topic (尺寸, 颜色, 送达时间, 价格优惠, 库存, 材质, 保修,
    /// 运费, 快递, 发票, 赠品, 退换货, 使用方法) and offers a sentence to append that names
    /// what is still open: “另外,关于尺寸,【补充回答】。”
    ///
    /// A question about anything else is judged by its own words: the reply takes it up when
    /// it repeats two of its content characters in a row (“承重多少” → 承重), or opens on its
    /// verb as a yes or no (“带系统吗?” → “带的,…”). Questions without such words (“是吗?”) are
    /// not judged.
    ///
    /// It fires only when the reply visibly answers some of them and not the others: a
    /// warning when a known topic is left open, a hint when only a question judged by its
    /// words is (it may have been answered in other words). A holding line, a reply that
    /// asks the customer something first, one that asks for the order number or a photo, and
    /// a further message after the agent already replied (its `agent_since` says something)
    /// are left alone.
    ///
    /// When three or more questions — or two that ask two different things, in words that
    /// share no character — get fewer statements than questions and the topics don't
    /// tell, a hint: some may have been left out.
    ///
    /// ## Why is this bad?
    /// “避免答非所问……若客户同时提出多个问题,需逐一回应”: an answer to one question out of
    /// three makes the customer ask again, and it reads as not listening.
    ///
    /// ## Example
    /// ```text
    /// (客户:这个沙发的尺寸,颜色有几种,多久能送到?) 有三种颜色。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// (客户:这个沙发的尺寸,颜色有几种,多久能送到?) 有三种颜色。另外,关于尺寸、送达时间,【补充回答】。
    /// ```
    pub struct UnansweredQuestions {
        id: "coverage.unanswered-questions",
        category: Coverage,
        severity: Warning,
        title: "多个问题没有逐一回应",
        summary: "客户问了几个问题只答其一,客户还得再问;应逐一回应。",
    }
}

impl Rule for UnansweredQuestions {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let questions = &cx.customer.questions;
        // Answered already in an earlier message, or not answering yet: a holding line, a
        // question back, a request for the order number or a photo.
        if questions.len() < 2 || cx.answered || is_holding(cx) || only_questions(cx) || gathers_facts(cx) {
            return;
        }
        let asked = questions.len();
        // “1. … 2. … 3. …”: a point for each question.
        if points(cx.draft.folded()) >= asked {
            return;
        }
        // Each question judged once: by its known topic, or else by its own words.
        let mut topics: Vec<&'static Topic> = Vec::new();
        let mut open: Vec<String> = Vec::new();
        let (mut judged, mut open_topic) = (0, false);
        for (i, q) in questions.iter().enumerate() {
            // The words it shares with the other questions (their common subject: 这个充电宝…
            // 能带上飞机吗, …支持快充不) say nothing about which one the reply answers.
            let others: Vec<&str> =
                questions.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, o)| o.as_str()).collect();
            let words = words_answered(q, &others, cx.draft.folded());
            if let Some(t) = topic_of(q) {
                // Two questions about the same thing are one question asked twice.
                if topics.iter().any(|s| std::ptr::eq(*s, t)) {
                    continue;
                }
                topics.push(t);
                judged += 1;
                if !answered(t, cx) && words != Some(true) {
                    open.push(t.name.to_owned());
                    open_topic = true;
                }
            } else if let Some(is_answered) = words {
                judged += 1;
                if !is_answered {
                    open.push(quoted(q));
                }
            }
        }
        let (at, join) = end_insert(cx.draft);
        // A reply that speaks to none of them may answer tersely (“不会的呢”); only one that
        // speaks to some and not to others has visibly left questions out. Otherwise, fewer
        // statements than three or more questions (or two distinct ones) may have left some out:
        // a hint.
        if judged < 2 || open.is_empty() || open.len() == judged {
            if (asked >= 3 || (asked == 2 && distinct_pair(questions, cx.draft.folded()))) && answers(cx) < asked {
                let add = styled(cx.draft, "另外,关于【其他问题】,【补充回答】。");
                let message = format!("客户问了{asked}个问题,逐一回应");
                out.push(
                    Self::META.lint(at..at, message).suggest(format!("{join}{add}")).with_severity(Severity::Hint),
                );
            }
            return;
        }
        let names = open.join("、");
        let add = styled(cx.draft, &format!("另外,关于{names},【补充回答】。"));
        // A question judged by its words alone may have been answered in other words: a hint.
        let severity = if open_topic { Severity::Warning } else { Severity::Hint };
        out.push(
            Self::META
                .lint(at..at, format!("还没回答:{names}"))
                .suggest(format!("{join}{add}"))
                .with_severity(severity),
        );
    }
}

/// Whether the reply takes up a question's own words: two of its content characters in a row
/// (“承重多少” → 承重), or two of them anywhere (“鞋子偏码不” → 这款鞋是标准码). Content
/// characters are Han characters that are neither function words nor question words. `None`
/// when the question has fewer than two (“是吗?”, “怎么办”): nothing to go by.
/// Whether the reply answers `question` in its own words (None: too few words to tell): a
/// pair of its content characters, or two of them, or a Latin word of it (xl, 15pro) found in
/// the reply, leaving out what the other questions say too.
fn words_answered(question: &str, others: &[&str], reply: &str) -> Option<bool> {
    let shared_with_others = |w: &str| others.iter().any(|o| o.contains(w));
    let is_content = |c: char| is_han(c) && !FUNCTION_CHARS.contains(c);
    let latin: Vec<&str> = question
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_alphabetic()) && !shared_with_others(w))
        .collect();
    if latin.iter().any(|w| reply.contains(w)) || echoes_yes(question, reply) {
        return Some(true);
    }
    let content: Vec<char> =
        question.chars().filter(|&c| is_content(c) && !shared_with_others(c.encode_utf8(&mut [0; 4]))).collect();
    if content.len() < 2 {
        return if latin.is_empty() { None } else { Some(false) };
    }
    let mut prev: Option<(usize, char)> = None;
    for (i, c) in question.char_indices() {
        if let Some((p, pc)) = prev {
            let pair = &question[p..i + c.len_utf8()];
            if is_content(pc) && is_content(c) && !shared_with_others(pair) && reply.contains(pair) {
                return Some(true);
            }
        }
        prev = Some((i, c));
    }
    let mut shared: Vec<char> = content.into_iter().filter(|&c| reply.contains(c)).collect();
    shared.sort_unstable();
    shared.dedup();
    Some(shared.len() >= 2)
}

/// The reply opens on the question's own verb as a yes or no (带系统吗? — “带的,…”; 能退吗? —
/// “能退的”): that question is answered.
fn echoes_yes(question: &str, reply: &str) -> bool {
    let first = reply.split(|c: char| is_clause_end(c) || c.is_whitespace()).find(|p| !p.is_empty()).unwrap_or("");
    let first = first.trim_start_matches('亲').trim_start_matches("您好");
    let word =
        first.trim_end_matches(['的', '哦', '呢', '啦', '呀', '亲', '哈', '滴', '哒']).trim_start_matches(['不', '没']);
    let n = word.chars().count();
    (1..=3).contains(&n) && word != first && word.chars().all(|c| is_han(c) && question.contains(c))
}

/// Characters that carry no topic: pronouns, particles, question words, modal verbs.
const FUNCTION_CHARS: &str = "这那个吗呢吧啊呀哦嘛的了么是不有没能可以会要你您我们他她它还和与或就都也很太请问怎什么多少哪几谁为啥在给把被让得着过一下想知道些该样另外再又";

/// A question as the finding names it: its words without leading links, at most 12
/// characters.
fn quoted(question: &str) -> String {
    let q = question.trim_start_matches(|c: char| "还有另外那请问再就".contains(c) || c.is_whitespace());
    // (顺便问下能加装硬盘吗: the question, not the asking.)
    let q = ["顺便问一下", "顺便问下", "顺便问", "想问一下", "想问下", "问一下", "问下"]
        .iter()
        .find_map(|lead| q.strip_prefix(lead))
        .unwrap_or(q);
    let q: String = q.chars().filter(|&c| !is_punct_or_space(c)).take(12).collect();
    format!("“{q}”")
}

/// How many statements the reply makes: its clauses that carry at least two Han characters.
/// Two questions that ask two things (not one asked twice, 好了吗 查到了没), answered by a
/// reply long enough to have answered both.
fn distinct_pair(questions: &[String], reply: &str) -> bool {
    let han = |s: &str| s.chars().filter(|c| is_han(*c)).count();
    let content = |s: &str| -> Vec<char> { s.chars().filter(|&c| is_han(c) && !FUNCTION_CHARS.contains(c)).collect() };
    let [a, b] = questions else { return false };
    let (ca, cb) = (content(a), content(b));
    han(reply) >= 8 && ca.len() >= 3 && cb.len() >= 3 && !ca.iter().any(|c| cb.contains(c))
}

fn answers(cx: &Context) -> usize {
    let d = cx.draft;
    d.clauses().iter().filter(|c| d.text(&c.range).chars().filter(|ch| is_han(*ch)).count() >= 2).count()
}

/// How many numbered points the reply makes (1. 2. 3., 1、2、, ①②, 第一 第二).
fn points(text: &str) -> usize {
    const MARKS: [[&str; 4]; 6] = [
        ["1.", "1、", "①", "第一"],
        ["2.", "2、", "②", "第二"],
        ["3.", "3、", "③", "第三"],
        ["4.", "4、", "④", "第四"],
        ["5.", "5、", "⑤", "第五"],
        ["6.", "6、", "⑥", "第六"],
    ];
    MARKS.iter().take_while(|marks| marks.iter().any(|m| text.contains(m))).count()
}
