//! Whether a draft names a concrete time (今天18点前, 1-3个工作日, 明天, 马上), shared by the
//! timeline rules.

use crate::text::{char_after, contains_any, ends_with_any, find_all, is_clause_end, Part, Phrase, Words};

/// Whether `text` has a number with a time unit: 3天, 1-3个工作日, 48h, 两三点, [数字x]小时.
///
/// The same as the regular expression
/// `N(?:\s*[-~到至]\s*N)?\s*(?:个)?(?:工作日|小时|钟头|分钟|秒|天|日|号|周|星期|个月|月|h(?:[^a-z0-9]|$))
/// |(?:[0-9]+|[二两三四五六七八九十]+|\[数字x\])\s*点` with
/// `N = (?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十半]+|\[数字x\])` (checked against it in the
/// tests), read by hand so that no regex is compiled on the first check. 点 comes only after
/// a number that can't be “(快)一点”, and never a bare 分 (“十分抱歉”).
fn has_amount(text: &str) -> bool {
    // Read from inside a run of digits or numerals, a number ends where the run ends: only a
    // run's first character is tried, so a long run is read once rather than once per character.
    let mut prev = 0;
    text.char_indices().any(|(i, c)| {
        let (p, n) = (prev, numeral(c));
        prev = n;
        let amount_run = p != 0 && n != 0 && (p == DIGIT) == (n == DIGIT);
        let hour_run = p == n && (n == DIGIT || n == HOUR);
        (!amount_run && amount_at(text, i)) || (!hour_run && hour_at(text, i))
    })
}

const DIGIT: u8 = 1;
const HOUR: u8 = 2;
/// What a character is to a number: an ASCII digit, a numeral that can name an hour (二…十),
/// a numeral that can't (一, 半), or nothing (0).
fn numeral(c: char) -> u8 {
    match c {
        '0'..='9' => DIGIT,
        '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => HOUR,
        '一' | '半' => 3,
        _ => 0,
    }
}

const UNITS: Words = words!["工作日", "小时", "钟头", "分钟", "秒", "天", "日", "号", "周", "星期", "个月", "月"];

/// Where a number starting at `at` may end (longest first): digits with an optional decimal
/// part, a run of Chinese numerals, or JD's masked `[数字x]`.
fn number_ends(text: &str, at: usize) -> Vec<usize> {
    let rest = &text[at..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let after = &rest[digits..];
        let decimals = after.strip_prefix('.').map_or(0, |d| d.bytes().take_while(u8::is_ascii_digit).count());
        return if decimals > 0 { vec![at + digits + 1 + decimals, at + digits] } else { vec![at + digits] };
    }
    let han = rest.chars().take_while(|c| numeral(*c) > DIGIT).map(char::len_utf8).sum::<usize>();
    if han > 0 {
        return vec![at + han];
    }
    if rest.starts_with("[数字x]") {
        return vec![at + "[数字x]".len()];
    }
    Vec::new()
}

fn skip_space(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start().len()
}

fn amount_at(text: &str, at: usize) -> bool {
    number_ends(text, at).into_iter().any(|end| {
        // With a range (1-3, 三到五) first, then without.
        let sep = skip_space(text, end);
        let ranged = ['-', '~', '到', '至']
            .iter()
            .find(|c| text[sep..].starts_with(**c))
            .map(|c| skip_space(text, sep + c.len_utf8()))
            .map_or(Vec::new(), |from| number_ends(text, from));
        ranged.into_iter().chain([end]).any(|end| unit_at(text, skip_space(text, end)))
    })
}

/// A time unit at `at`, after an optional 个.
fn unit_at(text: &str, at: usize) -> bool {
    let unit = |at: usize| {
        let rest = &text[at..];
        UNITS.iter().any(|u| rest.starts_with(u))
            || (rest.starts_with('h')
                && char_after(text, at + 1).is_none_or(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit())))
    };
    (text[at..].starts_with('个') && unit(at + '个'.len_utf8())) || unit(at)
}

/// An hour: 18点, 两点, [数字x]点.
fn hour_at(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let len = match rest.bytes().take_while(u8::is_ascii_digit).count() {
        0 => rest.chars().take_while(|c| numeral(*c) == HOUR).map(char::len_utf8).sum::<usize>(),
        n => n,
    };
    let len = if len == 0 && rest.starts_with("[数字x]") { "[数字x]".len() } else { len };
    len > 0 && text[skip_space(text, at + len)..].starts_with('点')
}

/// Words that name a day, a part of a day, or “right now”.
const WHEN_WORDS: Words = words![
    // Settlement days (jargon, but a time): T+1原路退回.
    "t+0",
    "t+1",
    "t+2",
    "t+3",
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
    "实时",
    "[时间x]",
    "[日期x]",
    "月底",
    "月初",
    "月中",
    // Spoken and festival dates: 明儿, 礼拜三, 初八, 节后, 元旦前, 年前.
    "明儿",
    "今儿",
    "后儿",
    "礼拜",
    "初一",
    "初二",
    "初三",
    "初四",
    "初五",
    "初六",
    "初七",
    "初八",
    "初九",
    "初十",
    "节前",
    "节后",
    "年前",
    "年后",
    "元旦",
    "春节",
    "国庆",
    "中秋",
    "端午",
    "双十一",
    "双11",
    "双十二",
    "【预计时间】",
];

/// Starting right now: says when the work starts, not when the customer has the outcome.
const IMMEDIATE: Words = words!["马上", "立即", "立刻", "即刻", "现在", "这就", "第一时间"];

/// Whether `text` (folded) names a concrete time or an immediate action. Rules ask
/// [`crate::rules::Context::has_concrete_time`], which reads the draft's outcome time once.
#[cfg(test)]
pub fn has_concrete_time(text: &str) -> bool {
    is_immediate(text) || names_outcome_time(text)
}

/// Whether `text` (folded) starts the work right now (马上, 立即, 第一时间). Right after a
/// condition (到货了第一时间, 有消息马上) it starts when that is met, which is not now.
pub fn is_immediate(text: &str) -> bool {
    find_all(text, IMMEDIATE).into_iter().any(|(hit, _)| {
        let before = &text[..hit.start];
        !before.ends_with(['了', '后', '好', '完']) && !ends_with_any(before, AFTER_A_CONDITION)
    })
}

/// A condition met later, just before 马上 / 第一时间.
const AFTER_A_CONDITION: Words = words!["有消息", "有结果", "有进展", "到时候", "以后", "之后"];

/// Whether `text` (folded) says when the customer will have the outcome: a date, a clock
/// time, an amount of days or hours (马上 and 立即 say only when the work starts).
pub fn names_outcome_time(text: &str) -> bool {
    let text = &*CIRCUMSTANCE_TIME.mask(text);
    let text = &*TIME_IN_QUESTION.mask(text);
    let text = &*WAITED_SO_FAR.mask(text);
    if contains_any(text, WHEN_WORDS) {
        return true;
    }
    // “这两天单量大” is a vague stretch, not a time node; “长按电源键15秒” tells the customer
    // how to do something, not when the outcome comes.
    const STRETCHES: Words = words!["这两天", "这几天", "前两天", "那两天", "两天前", "这两周", "过两天", "过几天"];
    let steps = find_all(text, HOW_LONG_TO_DO);
    if steps.is_empty() && !contains_any(text, STRETCHES) {
        return has_amount(text);
    }
    let mut t = String::with_capacity(text.len());
    let mut from = 0;
    for (hit, _) in steps {
        if hit.start < from {
            continue;
        }
        t.push_str(&text[from..hit.start]);
        // The step's own amount: to the end of its clause, at most 10 characters on.
        let rest = &text[hit.start..];
        let mut end = rest.len();
        for (n, (i, c)) in rest.char_indices().enumerate() {
            if n > 10 || (n > 0 && is_clause_end(c)) {
                end = i;
                break;
            }
        }
        from = hit.start + end;
    }
    t.push_str(&text[from..]);
    for v in STRETCHES {
        t = t.replace(v, "");
    }
    has_amount(&t)
}

/// A wait counted so far, not the outcome's time: 物流三天不动, 两天了还没更新, 一周都没消息.
const WAITED_SO_FAR: Phrase = Phrase(&[
    Part::Word(words!["天", "周", "星期", "小时", "个月"]),
    Part::Maybe(words!["了", "都", "还", "了还", "了都"]),
    Part::Key(words!["不动", "没动", "没更新", "没有更新", "没消息", "没变化", "没到", "没收到", "没发"]),
]);

/// A time that dates a circumstance, not the outcome: 今天单子比较多, 月底结算, 周末休息.
const CIRCUMSTANCE_TIME: Phrase = Phrase(&[Part::Word(WHEN_WORDS), Part::Gap(3), Part::Key(CIRCUMSTANCE)]);
const CIRCUMSTANCE: Words = words![
    "单子",
    "单量",
    "订单量",
    "订单多",
    "结算",
    "盘点",
    "放假",
    "休息",
    "大促",
    "促销",
    "爆单",
    "人多",
    "很忙",
    "比较忙",
    "升级",
    "维护",
    // What the agent will check for that time: 下周六的空档, 师傅下周的排班, 今天手上活比较多.
    "空档",
    "空位",
    "档期",
    "排班",
    "手上活",
    "活比较多"
];

/// A time the agent will find out about, not the outcome's: 明天能不能到我帮您问下, 周六是否有空.
const TIME_IN_QUESTION: Phrase =
    Phrase(&[Part::Word(WHEN_WORDS), Part::Gap(2), Part::Key(words!["能不能", "能否", "是否", "有没有", "可不可以"])]);

/// Steps with a duration of their own: 长按5秒, 静置10分钟, 充电2小时.
const HOW_LONG_TO_DO: Words = words!["长按", "按住", "静置", "浸泡", "充电", "预热", "加热", "晾干"];

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
        // A time that dates the cause, not the outcome.
        for t in ["财务在做月底结算,会尽快到账", "今天单子比较多,轮到您就发", "周末休息,尽快处理"]
        {
            assert!(!names_outcome_time(t), "{t}");
        }
        assert!(names_outcome_time("今天单子比较多,明天上午发出"));
        // A time the agent will check, not the outcome's.
        for t in ["我去跟师傅确认下周六的空档,确认好了回复您", "明天能不能到我帮您问下仓库"]
        {
            assert!(!names_outcome_time(t), "{t}");
        }
        assert!(names_outcome_time("明天能不能到我帮您问下仓库,今天17点前回复您"));
        // The wait so far, counted.
        for t in ["物流三天不动换谁都心慌。我去核实一下再回复您", "两天了还没更新,我帮您催一下"]
        {
            assert!(!names_outcome_time(t), "{t}");
        }
        assert!(names_outcome_time("物流三天不动,我催一下,2小时内回复您"));
    }

    /// The hand-written reader finds an amount exactly where the regular expression it
    /// replaced does, over every short string made of the pieces that matter.
    #[test]
    fn same_as_the_regex() {
        let n = r"(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十半]+|\[数字x\])";
        let hour = r"(?:[0-9]+|[二两三四五六七八九十]+|\[数字x\])\s*点";
        let re = regex::Regex::new(&format!(
            r"{n}(?:\s*[-~到至]\s*{n})?\s*(?:个)?(?:工作日|小时|钟头|分钟|秒|天|日|号|周|星期|个月|月|h(?:[^a-z0-9]|$))|{hour}"
        ))
        .unwrap();
        let pieces = [
            "1",
            "18",
            "3.5",
            ".",
            "一",
            "两",
            "十",
            "半",
            "[数字x]",
            "-",
            "到",
            " ",
            "个",
            "工作日",
            "小时",
            "天",
            "月",
            "点",
            "h",
            "hx",
            "分",
            "快",
            "星期",
            "周",
            "x",
        ];
        let checked = crate::text::each_sequence(&pieces, 4, |s| assert_eq!(has_amount(s), re.is_match(s), "{s:?}"));
        assert_eq!(checked, 1 + 25 + 25 * 25 + 25 * 25 * 25 + 25 * 25 * 25 * 25);
    }
}
