//! Whether a draft names a concrete time (今天18点前, 1-3个工作日, 明天, 马上), shared by the
//! timeline rules.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::contains_any;

/// A number (digits, Chinese numerals, or JD's masked `[数字x]`) with a time unit.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    let n = r"(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十半]+|\[数字x\])";
    // 点 only after a number that can't be “(快)一点”, and never a bare 分 (“十分抱歉”).
    let hour = r"(?:[0-9]+|[二两三四五六七八九十]+|\[数字x\])\s*点";
    Regex::new(&format!(
        r"{n}(?:\s*[-~到至]\s*{n})?\s*(?:个)?(?:工作日|小时|钟头|分钟|秒|天|日|号|周|星期|个月|月|h(?:[^a-z0-9]|$))|{hour}"
    ))
    .expect("valid time regex")
});

/// Words that name a day, a part of a day, or “right now”.
const WHEN_WORDS: &[&str] = &[
    "今天",
    "明天",
    "后天",
    "今日",
    "明日",
    "今晚",
    "明晚",
    "今早",
    "明早",
    "上午",
    "下午",
    "中午",
    "晚上",
    "傍晚",
    "凌晨",
    "本周",
    "这周",
    "下周",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "周末",
    "星期",
    "当天",
    "当日",
    "次日",
    "隔天",
    "马上",
    "立即",
    "立刻",
    "即刻",
    "现在",
    "这就",
    "实时",
    "第一时间",
    "[时间x]",
    "[日期x]",
    "月底",
    "月初",
    "月中",
    "【预计时间】",
];

/// Whether `text` (folded) names a concrete time or an immediate action.
pub fn has_concrete_time(text: &str) -> bool {
    if contains_any(text, WHEN_WORDS) {
        return true;
    }
    // “这两天单量大” is a vague stretch, not a time node.
    const STRETCHES: &[&str] = &["这两天", "这几天", "前两天", "那两天", "两天前", "这两周"];
    if !contains_any(text, STRETCHES) {
        return AMOUNT.is_match(text);
    }
    let mut t = text.to_owned();
    for v in STRETCHES {
        t = t.replace(v, "");
    }
    AMOUNT.is_match(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concrete_and_vague_times() {
        for t in [
            "今天18点前发出",
            "1-3个工作日到账",
            "2分钟内回复您",
            "[数字x]-[数字x]天送达",
            "48小时内",
            "马上为您处理",
            "三天内",
        ] {
            assert!(has_concrete_time(t), "{t}");
        }
        for t in
            ["尽快给您发", "过几天就到", "我帮您核实一下", "稍后回复您", "几天后", "晚一点", "十分抱歉", "这两天单量大"]
        {
            assert!(!has_concrete_time(t), "{t}");
        }
    }
}
