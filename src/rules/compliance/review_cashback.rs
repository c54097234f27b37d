use crate::finding::Lints;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_before, contains_any, ends_with_any, find_all, is_sentence_end, sort_by_key, Words};

declare_rule! {
    /// ## What it does
    /// Flags buying or steering reviews: 好评返现 / 五星好评返 / 晒图返 / 好评送 / 好评有礼 /
    /// 返现 for a review, 刷单 (刷一单, 刷两单…), and asking the customer to delete or change a bad review
    /// (删差评 / 改好评 / 追评改).
    ///
    /// Left alone: warnings and questions about the practice (“为了防止商家刷单”, “是有人
    /// 联系您刷单吗?”), refusals of it (“我们店从来不做刷单”, “按平台规定我们不能用好评换返现”),
    /// a plain request for a rating with nothing offered (“麻烦您给个评价哦”),
    /// cash-back that is a price promotion (“满299返20元优惠券”), and a reward for any review,
    /// good or bad (不论好评差评,符合条件的评价都有京豆), the platform's own (系统会送京豆), and
    /// reviews said to be tied to none (评价不和返现挂钩), the practice denied (京东没有好评返现的
    /// 活动), and on JD the 京豆 the platform gives for a review.
    ///
    /// ## Why is this bad?
    /// Paying or rewarding for reviews and fake orders (刷单) break the platforms' rules and
    /// the Anti-Unfair-Competition and E-Commerce Laws; shops are demoted or closed for it.
    ///
    /// ## Example
    /// ```text
    /// 亲,晒图五星好评返现10元哦!
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 亲,使用满意的话欢迎给我们一个真实的评价哦!
    /// ```
    pub struct ReviewCashback {
        id: "compliance.review-cashback",
        category: Compliance,
        severity: Error,
        title: "好评返现/刷单/改差评",
        summary: "好评返现、刷单、要求改差评违反平台规则和法律,店铺会被处罚。",
    }
}

/// Review words: the reward phrase must come right after one of them (“好评返现”, “晒图送”).
const REVIEW: Words =
    words!["五星好评", "5星好评", "五星", "好评", "晒图", "晒单", "评价", "追评", "带图评价", "图文评价"];
/// Rewards offered for the review.
const REWARD: Words =
    words!["返现", "返", "送", "有礼", "领", "给您返", "可返", "就返", "即返", "立返", "奖励", "红包", "有红包"];
/// Fake orders and pressure on bad reviews, wrong however they are worded.
const ALWAYS: Words = words![
    "刷单",
    "刷一单",
    "刷两单",
    "刷几单",
    "刷个单",
    "刷好评",
    "删差评",
    "删除差评",
    "删掉差评",
    "把差评删",
    "改好评",
    "改成好评",
    "改为好评",
    "修改评价",
    "撤销差评",
    "撤掉差评",
    "追评改",
    "差评改",
    "好评返现",
];

/// The sentence warns about or asks about the practice.
const TOPIC: Words = words![
    "防止",
    "谨防",
    "警惕",
    "举报",
    "请勿",
    "不要",
    "禁止",
    "打击",
    "严禁",
    "是否",
    "有没有",
    "吗",
    "?",
    "不允许",
    "违规",
    // Refusing it: 我们店从来不做刷单, 按平台规定我们不能用好评换返现.
    "不做",
    "从来不",
    "不能用",
    "不提供",
    "平台规定",
];

/// Look like a reward word but are not (“送达”, “返回”).
const NOT_REWARD: Words = words!["送达", "送货", "送到", "送出", "返回", "领取方式"];

const SUGGESTION: &str = "使用满意的话欢迎给我们一个真实的评价哦";

/// Good or bad alike: a reward for reviewing, not for praise.
/// (And the platform's own reward, 系统会送京豆, or reviews said to be tied to no cashback.)
const ANY_REVIEW: Words = words![
    "好评差评",
    "好评还是差评",
    "好评或差评",
    "好评或者差评",
    "好差评",
    "不论好坏",
    "无论好坏",
    "系统会送",
    "系统送",
    "平台会送",
    "不和返现挂钩",
    "不挂钩"
];

impl Rule for ReviewCashback {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut last_end = 0;
        let mut hits: Vec<std::ops::Range<usize>> = find_all(text, ALWAYS).into_iter().map(|(r, _)| r).collect();
        for (r, _) in find_all(text, REVIEW) {
            // “好评率很高” describes the product, not a review being asked for.
            if ["率", "如潮", "度", "很多", "不断"].iter().any(|n| text[r.end..].starts_with(n)) {
                continue;
            }
            // Up to 12 characters of the same sentence between the review and the reward
            // (“给个五星好评,送您一张券”, “好评带图,截图发客服返您红包”).
            let window: String = text[r.end..].chars().take_while(|c| !is_sentence_end(*c)).take(12).collect();
            // On JD, 京豆 for a review is the platform's own programme, not the shop's reward.
            if cx.platform == crate::config::Platform::Jd && window.contains("京豆") {
                continue;
            }
            let reward = REWARD
                .iter()
                .filter_map(|w| window.find(w).map(|i| (i, i + w.len())))
                .filter(|(i, _)| !NOT_REWARD.iter().any(|n| window[*i..].starts_with(n)))
                .map(|(_, end)| end)
                .min();
            if let Some(at) = reward {
                hits.push(r.start..r.end + at);
            }
        }
        sort_by_key(&mut hits, |r| r.start as u128);
        for hit in hits {
            // (京东没有好评返现的活动: the practice denied.)
            if hit.start < last_end
                || char_before(text, hit.start) == Some('不')
                || ends_with_any(&text[..hit.start], ["没有", "没", "无", "不搞", "不参加"])
            {
                continue;
            }
            // “为了防止商家刷单”, “是有人联系您刷单吗?”: talking about it, not doing it.
            let sentence = cx.draft.sentence_at(hit.start).map_or("", |s| cx.draft.text(&s.range));
            // “不论好评差评,符合条件的评价都有京豆”: the platform's reward for any review.
            if contains_any(sentence, TOPIC) || contains_any(sentence, ANY_REVIEW) {
                continue;
            }
            last_end = hit.end;
            let Some(clause) = cx.draft.clause_at(hit.start) else { continue };
            let last = cx.draft.clause_at(hit.end.saturating_sub(1)).unwrap_or(clause);
            let end = core_end(text, &last.range).max(hit.end);
            last_end = last_end.max(end);
            out.push(Self::META.lint(clause.range.start..end, "以利益换好评或改评价违反平台规则").suggest(SUGGESTION));
        }
    }
}

/// The end of a clause's words, before its closing punctuation.
fn core_end(text: &str, clause: &std::ops::Range<usize>) -> usize {
    clause.start + text[clause.clone()].trim_end_matches(|c: char| crate::text::is_punct_or_space(c) && c != ']').len()
}
