use crate::finding::Lints;
use crate::rules::closing::missing_closing::THANKS_REPLIES;
use crate::rules::closing::tail::styled;
use crate::rules::empathy::words::EMPATHY;
use crate::rules::{declare_rule, opening_insert_at, Context, Rule};
use crate::text::{contains_any, find_all, is_emoji, is_han, is_punct_or_space, mask, Segment, Words};

use super::words::{first_apology, gathers_facts, holds};

declare_rule! {
    /// ## What it does
    /// When the customer complains and the reply does apologise, checks that the apology
    /// comes first: an explanation (“包裹在转运中心滞留了。”) before “非常抱歉” is flagged, and
    /// the fix moves the apology to the front. A leading greeting or address (“亲,”,
    /// “您好,”), the agent's name (“我是人工客服小李”), the slow reply an apology is for (“刚才回复慢了
    /// 一点不好意思”) and an acknowledgement (“收到您的反馈了”, “我理解您的心情”) may come before it;
    /// an explanation before that acknowledgement may not (“是仓库看岔了 换谁都闹心 不好意思”),
    /// nor one after it that gives a cause (what a check found too: 核实下来是…) or runs long (“换谁都会着急,盒子是路上被压坏的,我们
    /// 明天给您重寄,真的很抱歉”), unless the reply holds the customer (“正在为您查询…给您添麻烦了”).
    /// An apology typed as a chat message of its own (messages joined with spaces) moves as
    /// that message.
    ///
    /// ## Why is this bad?
    /// “道歉优先于解释”: an explanation read before any apology sounds like an excuse; the same
    /// words after the apology sound like care.
    ///
    /// ## Example
    /// ```text
    /// 您的包裹在转运中心滞留了。非常抱歉让您久等了!
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 非常抱歉让您久等了!您的包裹在转运中心滞留了。
    /// ```
    pub struct ExplainBeforeApology {
        id: "apology.explain-before-apology",
        category: Apology,
        severity: Warning,
        title: "先解释后道歉",
        summary: "先解释后道歉听起来像找借口;应先道歉,再说明原因。",
    }
}

/// Words that may open a reply before the apology without being an explanation.
const OPENERS: Words = words![
    "亲爱的",
    "亲爱哒",
    "亲亲",
    "亲",
    "您好",
    "你好",
    "尊敬的",
    "客户",
    "顾客",
    "先生",
    "女士",
    "小主",
    "在的",
    "在呢",
    "哈喽",
    // A self-introduction: 我是客服小林.
    "我是您的专属客服",
    "我是客服",
    "很高兴为您服务",
];

/// Acknowledgements and holding lines that may come before the apology: they explain nothing.
const ACKNOWLEDGE: Words = words![
    "理解",
    "明白",
    "心情",
    "着急",
    "收到",
    "看到",
    "了解到",
    "感谢",
    "谢谢",
    "久等",
    "辛苦",
    "反馈",
    "稍等",
    "查询",
    "核实",
    "为您",
    "帮您",
    // What it did to the customer, said as the apology's lead: 让您干等了五天,真是对不住.
    "让您",
];

/// What a check found, told: 核实下来是…, 经核实…, 查下来是….
const CHECKED_AND_FOUND: Words = words!["核实下来", "经核实", "核实后发现", "查下来", "经查询", "查询后发现"];

/// Fewest characters of explanation before the apology that count as explaining first.
const MIN_EXPLANATION_HAN: usize = 6;
/// An explanation without a word of cause: this many Han characters.
const LONG_EXPLANATION_HAN: usize = 12;

impl Rule for ExplainBeforeApology {
    fn check(&self, cx: &Context, out: &mut Lints) {
        if !cx.customer.complaint {
            return;
        }
        // “请您谅解” closes an explanation by custom; only a real apology should lead.
        let Some(apology) =
            first_apology(cx.draft).filter(|r| !contains_any(&cx.draft.folded()[r.clone()], &["谅解", "见谅"]))
        else {
            return;
        };
        let d = cx.draft;
        let text = d.folded();
        let start = opening_insert_at(d);
        if apology.start <= start {
            return;
        }
        // Acknowledging the feeling (“换谁都会担心”) is what the guides ask: what comes before
        // the first acknowledgement can be the explanation put first.
        // (“核实下来是系统按30天计算的”: what a check found is the explanation, not a holding line.)
        let before = &mask(&text[start..apology.start], CHECKED_AND_FOUND);
        let mut lead = before.as_str();
        // (An answer to thanks, 不客气 / 应该做的, is courtesy, not the explanation either.)
        for list in [ACKNOWLEDGE, EMPATHY, THANKS_REPLIES] {
            if let Some((hit, _)) = find_all(lead, list).first() {
                lead = &lead[..hit.start];
            }
        }
        // After it, only the clauses that acknowledge nothing and give a cause (晓得您等得着急,
        // 师傅前一单的活比预想的复杂,耽搁了一哈,实在不好意思).
        let rest = unacknowledged(&before[lead.len()..]);
        // Or a long stretch of them, whatever it says (袋子是运输途中挤破的,我们今天18点前给您
        // 补发一袋,实在不好意思), unless the reply holds the customer (这就为您查询,辛苦耐心
        // 等待) or only asks for facts: its closing courtesy may apologise.
        let explained_after = (contains_any(&rest, CAUSES) && explanation_han(&rest) >= MIN_EXPLANATION_HAN)
            || (explanation_han(&rest) >= LONG_EXPLANATION_HAN && !holds(text) && !gathers_facts(cx));
        // “刚才回复慢了一点不好意思”: in the apology's own clause, the slow reply it is for.
        let lead = match lead.rfind(is_punct_or_space) {
            Some(cut) if contains_any(&lead[cut..], SLOW_REPLY) => &lead[..cut],
            None if contains_any(lead, SLOW_REPLY) => "",
            _ => lead,
        };
        if explanation_han(&lead[self_introduction(lead)..]) < MIN_EXPLANATION_HAN && !explained_after {
            return;
        }
        let Some(seg) = apology_segment(cx, apology.start) else {
            return;
        };
        if seg.range.start <= start {
            return;
        }
        let Some(fix) = moved(cx, start, &seg) else {
            return;
        };
        out.push(Self::META.lint(start..seg.range.end, "道歉放在解释之前").suggest(fix));
    }
}

/// The agent's own slow answer, which an apology right after it is for: 回复慢了, 刚看到消息.
const SLOW_REPLY: Words = words!["回复慢", "回复晚", "回复得慢", "回晚了", "回得慢", "刚看到", "没及时回"];

/// The agent introducing themselves (我是人工客服小李), in bytes from the start: who answers
/// is no explanation.
fn self_introduction(lead: &str) -> usize {
    let t = lead.trim_start_matches(is_punct_or_space);
    let skipped = lead.len() - t.len();
    if !["我是", "这里是", "这边是"].iter().any(|w| t.starts_with(w)) {
        return 0;
    }
    let end = t.find(is_punct_or_space).unwrap_or(t.len());
    if contains_any(&t[..end], &["客服", "售后", "店长", "掌柜"]) {
        skipped + end
    } else {
        0
    }
}

/// Characters of the text before the apology that explain something (openers don't count).
/// Words that give a cause: what an explanation is made of.
const CAUSES: Words = words![
    "因为",
    "由于",
    "所以",
    "造成",
    "导致",
    "原因",
    "耽搁",
    "耽误",
    "延误",
    "没同步",
    "拿错",
    "发错",
    "漏发",
    "漏放",
    "爆仓",
    "系统",
    "赶上",
    "延迟",
    "出了问题",
    "出了点问题",
    "出问题",
    "故障",
    "缺货",
    "断货",
    "调度",
    // Damaged on the way: 这是运输里磕碰的.
    "运输",
    "途中",
    "磕碰",
    // Busy on the shop's side: 晚上咨询的人比较多, 这两天单量大.
    "人比较多",
    "人太多",
    "比较忙",
    "单量大",
    "咨询量",
    "高峰",
];

/// The clauses of `before` that acknowledge nothing, joined.
fn unacknowledged(before: &str) -> String {
    before
        .split(is_punct_or_space)
        .filter(|clause| !contains_any(clause, ACKNOWLEDGE) && !contains_any(clause, EMPATHY))
        .collect()
}

fn explanation_han(before: &str) -> usize {
    let mut rest = before.to_owned();
    for o in OPENERS {
        rest = rest.replace(o, "");
    }
    rest.chars().filter(|c| is_han(*c)).count()
}

/// What moves: the whole sentence when the apology opens it (“非常抱歉,让您久等了!”),
/// otherwise just its clause (“…滞留了,非常抱歉。”).
fn apology_segment(cx: &Context, at: usize) -> Option<Segment> {
    let sentence = cx.draft.sentence_at(at)?.clone();
    let clause = cx.draft.clause_at(at)?.clone();
    // Chat messages joined with spaces (“…没解释清楚 不好意思哈 您看…”): the apology's own
    // message, within its clause.
    let message = cx.draft.message_at(at)?;
    if message.start > clause.range.start {
        return Some(Segment { range: message.start..message.end.min(clause.range.end) });
    }
    if clause.range.start == sentence.range.start {
        Some(sentence)
    } else {
        Some(clause)
    }
}

/// Split a segment's typed text into its words and its trailing punctuation.
fn words_and_punct(s: &str) -> (&str, &str) {
    let words =
        s.trim_end_matches(|c: char| is_punct_or_space(c) || matches!(c, '，' | '。' | '！' | '？' | '；' | '～'));
    (words, &s[words.len()..])
}

/// The draft from `start` through `seg`, with `seg` moved to the front.
fn moved(cx: &Context, start: usize, seg: &Segment) -> Option<String> {
    let d = cx.draft;
    let apology_raw = d.raw_text(&seg.range);
    let (apology_words, apology_punct) = words_and_punct(apology_raw);
    // “亲亲 …很抱歉哈亲亲”: the opening already calls the customer that; moved up front, the
    // apology drops its own (很抱歉哈亲亲 → 很抱歉哈).
    let opening = d.raw_text(&(0..start));
    let apology_words = OPENERS
        .iter()
        .find(|w| opening.contains(*w) && apology_words.ends_with(*w) && apology_words.len() > w.len())
        .map_or(apology_words, |w| &apology_words[..apology_words.len() - w.len()]);
    let before_raw = d.raw_text(&(start..seg.range.start));
    let (before_words, before_punct) = words_and_punct(before_raw.trim_end());
    if apology_words.is_empty() || before_words.is_empty() {
        return None;
    }
    let is_sentence = d.sentence_at(seg.range.start).is_some_and(|s| s.range == seg.range);
    // The apology keeps an exclamation; the explanation keeps the mark that closed it, or
    // takes over the one that followed the apology clause (“…,非常抱歉,我们马上…”).
    let ends_sentence = |p: &str| p.chars().any(|c| matches!(c, '。' | '!' | '?' | '！' | '？' | '…' | '~' | '～'));
    let ends_emoji = apology_words.chars().next_back().is_some_and(|c| is_emoji(c) || (c as u32) == 0xFE0F);
    let apology_end = if ends_emoji {
        String::new()
    } else if ends_sentence(apology_punct) && is_sentence {
        apology_punct.trim().to_owned()
    } else {
        styled(d, "!")
    };
    let before_end = if is_sentence {
        if before_punct.trim().is_empty() {
            "。".to_owned()
        } else {
            before_punct.trim().to_owned()
        }
    } else if apology_punct.trim().is_empty() {
        if seg.range.end >= d.folded().trim_end().len() {
            "。".to_owned()
        } else {
            String::new()
        }
    } else {
        apology_punct.trim().to_owned()
    };
    Some(format!("{apology_words}{apology_end}{before_words}{before_end}"))
}
