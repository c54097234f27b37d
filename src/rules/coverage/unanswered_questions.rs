use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::apology::words::{asks_for_facts, is_holding, only_questions};
use crate::rules::closing::tail::{end_insert, styled};
use crate::rules::{declare_rule, Context, Rule};
use crate::text::is_han;

use super::topics::{answered, topic_of, Topic};

declare_rule! {
    /// ## What it does
    /// When the customer asked two or more different questions in one go, checks that the
    /// reply speaks to each known topic (尺寸, 颜色, 送达时间, 价格优惠, 库存, 材质, 保修,
    /// 运费, 快递, 发票, 赠品, 退换货, 使用方法) and offers a sentence to append that names
    /// what is still open: “另外,关于尺寸,【补充回答】。”
    ///
    /// It fires only when the reply visibly answers some of them and not the others.
    /// Questions about anything else are not judged (the coach can't tell whether they were
    /// answered), and a holding line, a reply that asks the customer something first, or
    /// one that asks for the order number or a photo is left alone.
    ///
    /// When three or more questions get fewer statements than questions and the topics don't
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
        if questions.len() < 2 || is_holding(cx) || only_questions(cx) {
            return;
        }
        // “麻烦您提供一下订单号”: the agent needs facts before answering anything.
        if asks_for_facts(cx) {
            return;
        }
        let asked = questions.len();
        let fallback = |out: &mut Lints| {
            if asked >= 3 && answers(cx) < asked {
                let (at, join) = end_insert(cx.draft);
                let add = styled(cx.draft, "另外,关于【其他问题】,【补充回答】。");
                let message = format!("客户问了{asked}个问题,逐一回应");
                out.push(
                    Self::META.lint(at..at, message).suggest(format!("{join}{add}")).with_severity(Severity::Hint),
                );
            }
        };
        let mut topics: Vec<&'static Topic> = Vec::new();
        for q in questions {
            if let Some(t) = topic_of(q) {
                if !topics.iter().any(|s| std::ptr::eq(*s, t)) {
                    topics.push(t);
                }
            }
        }
        // Two questions about the same thing are one question asked twice.
        let distinct = topics.len() + questions.iter().filter(|q| topic_of(q).is_none()).count();
        if distinct < 2 {
            return fallback(out);
        }
        let open: Vec<&str> = topics.iter().filter(|t| !answered(t, cx)).map(|t| t.name).collect();
        let (at, join) = end_insert(cx.draft);
        // A reply that names none of the topics may answer tersely (“不会的呢”); only one that
        // speaks to some topics and not to others has visibly left questions out. Otherwise,
        // fewer statements than questions may have left some out: a hint.
        if open.is_empty() || open.len() == topics.len() {
            return fallback(out);
        }
        let names = open.join("、");
        let add = styled(cx.draft, &format!("另外,关于{names},【补充回答】。"));
        out.push(Self::META.lint(at..at, format!("还没回答:{names}")).suggest(format!("{join}{add}")));
    }
}

/// How many statements the reply makes: its clauses that carry at least two Han characters.
fn answers(cx: &Context) -> usize {
    let d = cx.draft;
    d.clauses().iter().filter(|c| d.text(&c.range).chars().filter(|ch| is_han(*ch)).count() >= 2).count()
}
