use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{
    char_after, char_before, contains_any, ends_with_any, find_all, is_punct_or_space, starts_with_any, Words,
};

declare_rule! {
    /// ## What it does
    /// Flags “不知道 / 不清楚 / 不了解 / 不确定” said by the agent about a fact the customer asked
    /// for, and the agent's own “查不到 / 看不到” (这边查询不到的呢). “不确定” after an estimate the reply gives (一般3-5天…具体时间不确定) is a hint.
    ///
    /// Left alone: polite questions (“不知道您方便吗?”), someone else's knowledge (“您不清楚的话”),
    /// conditions (“不确定尺寸的话…”), seeing or hearing (“亮度过高会看不清楚”, “照片不清楚”), 不好说明
    /// (hard to prove), invitations
    /// (“不懂的地方随时问我”), the customer's not knowing taken off their hands or called normal (“不知道尺寸
    /// 没关系,我帮您量”, 不知道选哪个很正常), and the customer's words quoted (您说“不知道是不是正品”).
    ///
    /// ## Why is this bad?
    /// The guides list “不知道” as the first phrase to replace: it tells the customer the
    /// question ends here. The agent can always promise to find out. “这边也不确定呢” says the
    /// same: blind labellers of real replies called it blunt, not vague.
    ///
    /// ## Example
    /// ```text
    /// 这个我也不知道。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 这个我这边马上帮您核实一下。
    /// ```
    pub struct DontKnow {
        id: "blunt.dont-know",
        category: Blunt,
        severity: Warning,
        title: "“不知道”式回答",
        summary: "直接说“不知道”会让客户觉得问题到此为止;应承诺核实后答复。",
    }
}

const PHRASES: Words = words![
    "我哪知道",
    "我怎么知道",
    "我哪儿知道",
    "谁知道",
    "不知道",
    "不清楚",
    "不了解",
    "不太清楚",
    "不太了解",
    // With a degree between: 这边也不是很清楚.
    "不是很清楚",
    "不是太清楚",
    "不怎么清楚",
    "不大清楚",
    "不是很了解",
    "不是太了解",
    // Not sure is not knowing (这边也不确定呢): blind labellers of real replies call it blunt.
    "不确定",
    "不太确定",
    "不是很确定",
    // Hard to say: 具体时间我真的不好和您说.
    "不好说",
    "不好和您说",
    "不好跟您说",
    "不晓得",
    "答不上来",
    "整不明白",
    "搞不明白",
    "两眼一抹黑",
    "不造",
    "不懂",
    // The agent can't find it (with the agent saying so): 这边查询不到的呢, 妹子看不到哪里哦.
    "看不到",
    "查不到",
    "查询不到",
    "查看不到",
];
/// The reply goes on to send the customer elsewhere.
const REFERRAL: Words = words!["建议您", "您可以咨询", "您可以联系", "请您咨询", "请您联系", "可以咨询", "可以联系"];
/// Of [`PHRASES`], those that say “I don't know” only with the agent as their subject.
const CANT_FIND: Words = words!["看不到", "查不到", "查询不到", "查看不到"];
/// Who is speaking, right before the phrase; the span takes it in so the fix replaces it.
const SUBJECTS: Words = words![
    "我们也",
    "我这边也",
    "我这边",
    "我们",
    "我也",
    "我",
    "这边也",
    "这边",
    "小妹也",
    "小妹",
    "妹子也",
    "妹子",
    "客服也",
];
/// Between the speaker and the phrase: 我真的不好和您说, 这边确实不清楚.
const ADVERBS: Words = words!["真的", "确实", "实在", "真", "暂时", "目前"];
/// After 的, these end the phrase (不好和您说的呢): the 的 goes with it.
const PARTICLES: &[char] = &['呢', '哦', '哈', '呀', '啊', '啦', '哟', '喔', '噢', '呐', '~'];
/// A verb right before “不清楚/不懂” makes a resultative: 看不清楚, 听不懂, 说不清楚.
const RESULTATIVE_VERBS: &[char] = &['看', '听', '说', '讲', '写', '印', '拍', '显', '读', '搞', '弄', '分', '想'];
/// What can be unclear to the eye or ear: 照片不清楚, 声音不清楚.
const BLURRED: Words = words![
    "照片",
    "图片",
    "图",
    "字",
    "字迹",
    "画面",
    "画质",
    "声音",
    "视频",
    "信号",
    "屏幕",
    "图像",
    "二维码",
    "条码"
];
/// After the phrase, these make it the customer's not-knowing: “不懂的地方随时问”.
const INVITATION_AFTER: Words =
    words!["的地方", "的话", "的问题", "的可以", "可以随时", "随时", "的也可以", "就问", "再问"];
/// Before the phrase, these make it a condition or an invitation: “如有不清楚”, “有什么不懂”.
const INVITATION_BEFORE: Words = words!["如有", "若有", "如果有", "有什么", "有任何", "哪里", "如果", "若", "有"];
/// After the phrase, these turn it into a polite question or a report of the customer's state.
/// “不知道尺寸没关系”: the customer's not knowing, taken off their hands.
/// “不知道选哪个很正常”: the customer's not knowing, called normal.
/// “不知道型号也能配”: the customer's not knowing, no obstacle.
const REASSURED: Words = words![
    "也能",
    "也可以",
    "也行",
    "照样",
    "没关系",
    "不要紧",
    "没事",
    "不用担心",
    "不用急",
    "也没问题",
    "都没问题",
    "很正常",
    "挺正常",
    "是正常",
    "不奇怪",
    "很常见"
];
const QUESTION_AFTER: Words = words!["您", "你", "是否", "能否", "有没有", "要不要", "方不方便", "亲"];

impl Rule for DontKnow {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        for (hit, word) in find_all(text, PHRASES) {
            if QUESTION_AFTER.iter().any(|q| text[hit.end..].starts_with(q)) {
                continue;
            }
            // “您不知道…”, “客户不清楚”: someone else's knowledge, not a refusal to help.
            if matches!(char_before(text, hit.start), Some('您' | '你' | '他' | '她' | '户' | '家')) {
                continue;
            }
            if char_after(text, hit.end) == Some('吗') {
                continue;
            }
            // “您说‘不知道是不是正品’”: the customer's words repeated.
            if cx.draft.quote_at(hit.start).is_some() {
                continue;
            }
            if char_before(text, hit.start).is_some_and(|c| RESULTATIVE_VERBS.contains(&c)) {
                continue;
            }
            // “常见的原因是照片不清楚”: a picture or a sound that is unclear, not the agent.
            let subject = ["有点", "有些", "比较", "太", "很"]
                .iter()
                .find_map(|a| text[..hit.start].strip_suffix(a))
                .unwrap_or(&text[..hit.start]);
            if word == "不清楚" && ends_with_any(subject, BLURRED) {
                continue;
            }
            // “后续发现问题不好说明”: hard to prove, not hard to say.
            if word == "不好说" && starts_with_any(&text[hit.end..], ["明", "清"]) {
                continue;
            }
            let after = &text[hit.end..];
            if reassured(cx, hit.end) {
                continue;
            }
            // (Past a comma too: 您操作到哪一步不清楚,随时告诉我.)
            let next = after.trim_start_matches(|c: char| is_punct_or_space(c));
            if INVITATION_AFTER.iter().any(|q| after.starts_with(q) || next.starts_with(q)) {
                continue;
            }
            // “不确定尺寸的话…”: a condition.
            let clause_end = cx.draft.clause_at(hit.start).map_or(hit.end, |c| c.range.end.max(hit.end));
            if text[hit.end..clause_end].find("的话").is_some_and(|i| text[hit.end..hit.end + i].chars().count() <= 6)
            {
                continue;
            }
            let clause_start = cx.draft.clause_at(hit.start).map_or(0, |c| c.range.start);
            let before = &text[clause_start..hit.start];
            if INVITATION_BEFORE.iter().any(|b| before.ends_with(b)) {
                continue;
            }
            // (An adverb between, 我真的不好和您说, goes with the subject.)
            let lead = &text[..hit.start];
            let adverb = ADVERBS.iter().find(|a| lead.ends_with(*a)).map_or(0, |a| a.len());
            let lead = lead[..lead.len() - adverb].trim_end();
            let subject = SUBJECTS.iter().find(|s| lead.ends_with(*s));
            let start = subject.map_or(hit.start - adverb, |s| lead.len() - s.len());
            // “这边查询不到的呢”, “妹子 看不到哪里哦”: the agent can't find out what was asked;
            // “物流看不到” is a fact, and “客服这边看不到完整号码” says what stays private.
            if CANT_FIND.contains(word) && (subject.is_none() || !names_nothing(&text[hit.end..clause_end])) {
                continue;
            }
            // A 的 closing the phrase goes too: 不好和您说的呢 → 核实一下呢.
            let end = if after.starts_with('的')
                && after['的'.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(|c| is_punct_or_space(c) || PARTICLES.contains(&c))
            {
                hit.end + '的'.len_utf8()
            } else {
                hit.end
            };
            // “不知道阿姨平时喜欢什么风格呢?”: with nobody saying it and a question mark, it asks.
            if start == hit.start && text[hit.end..clause_end].trim_end().ends_with('?') {
                continue;
            }
            // “一般3-5天到…具体时间不确定”: the estimate is given, only the exact time is unsure.
            let estimate_given = word.contains("确定") && cx.names_outcome_time();
            let severity = if estimate_given { Severity::Hint } else { Severity::Warning };
            let lint = Self::META.lint(start..end, "“不知道”显得生硬,先承诺核实").with_severity(severity);
            // “这边也不是很清楚,建议您关注店铺”: a promise to check would contradict the
            // referral that follows (raters rejected it), so no fix is offered there.
            let refers = contains_any(&text[end..], REFERRAL);
            out.push(if refers { lint } else { lint.suggest("我这边马上帮您核实一下") });
        }
    }
}

/// The rest of the clause names no object: only particles (的呢, 哦), or the question word
/// asked (哪里, 什么).
fn names_nothing(rest: &str) -> bool {
    let rest = rest.trim_start_matches('的').trim_end_matches(|c: char| is_punct_or_space(c) || PARTICLES.contains(&c));
    rest.is_empty() || ["哪里", "什么"].contains(&rest)
}

/// The clause goes on to reassure: 不知道选哪款没关系, 不清楚型号也不要紧.
fn reassured(cx: &Context, at: usize) -> bool {
    let text = cx.draft.folded();
    let end = cx.draft.clause_at(at).map_or(at, |c| c.range.end.max(at));
    contains_any(&text[at..end], REASSURED)
}
