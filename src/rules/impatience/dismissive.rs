use crate::finding::Lints;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_after, char_before, find_pairs, is_han, is_punct_or_space, Leaving, Pairs, Part, Phrase};

declare_rule! {
    /// ## What it does
    /// Flags dismissive phrases — 别催了, 别刷了, 急什么, 随便你, 您自己定吧, 爱买不买 (any 爱X不X: 爱退不退),
    /// 嫌贵别买 (觉得贵就别拍了), 烦不烦, 有完没完, 问题怎么这么多, 别问了, 不买拉倒, 行了吧 — and offers a patient sentence for each kind; and
    /// a customer who says they will look elsewhere sent off with “那您去看吧”.
    ///
    /// Left alone: comfort and friendly offers (“您别着急”, “不着急的话可以选普通快递”,
    /// “有问题随便问哦”, “随便挑,都包邮”, “随时联系我”).
    ///
    /// ## Why is this bad?
    /// The etiquette guide: “避免使用…不耐烦或敷衍的语气”, “尊重选择,不强人所难”. These
    /// phrases tell the customer they are a nuisance; they end in a complaint or a bad review.
    ///
    /// ## Example
    /// ```text
    /// 别催了,今天肯定给您发出。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 我理解您着急的心情,这边马上帮您跟进,今天肯定给您发出。
    /// ```
    pub struct Dismissive {
        id: "impatience.dismissive",
        category: Impatience,
        severity: Error,
        title: "不耐烦/打发客户",
        summary: "“别催了”“爱买不买”让客户觉得被嫌弃;应保持耐心。",
    }
}

/// (phrase, patient replacement).
const PHRASES: Pairs = pairs![
    ("别催了", "我理解您着急的心情,这边马上帮您跟进"),
    // Messages sent again and again, told off: 别刷了, 别刷屏了.
    ("别刷屏", "您好,我在的,请问有什么可以帮您"),
    ("别刷了", "您好,我在的,请问有什么可以帮您"),
    ("别再催了", "我理解您着急的心情,这边马上帮您跟进"),
    ("不要催了", "我理解您着急的心情,这边马上帮您跟进"),
    ("不要再催了", "我理解您着急的心情,这边马上帮您跟进"),
    ("催也没用", "我理解您着急的心情,这边马上帮您跟进"),
    ("催也白搭", "我理解您着急的心情,这边马上帮您跟进"),
    ("催也白催", "我理解您着急的心情,这边马上帮您跟进"),
    ("问也快不了", "我理解您着急的心情,这边马上帮您跟进"),
    ("催也快不了", "我理解您着急的心情,这边马上帮您跟进"),
    ("等着就是了", "请您耐心等待一下"),
    ("自己琢磨", "我再为您说明一下"),
    ("信不信都行", "我再为您说明一下"),
    ("信不信由你", "我再为您说明一下"),
    ("信不信由您", "我再为您说明一下"),
    ("好啦好啦", "好的"),
    ("啰嗦", "我再为您说明一下"),
    ("接受不了就", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("下次换别家", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("催也没辙", "我理解您着急的心情,这边马上帮您跟进"),
    ("您就等着吧", "请您耐心等待一下"),
    ("你就等着吧", "请您耐心等待一下"),
    ("行吧行吧", "好的"),
    ("好吧好吧", "好的"),
    ("催什么", "我理解您着急的心情,这边马上帮您跟进"),
    ("急什么", "我理解您着急的心情,这边马上帮您跟进"),
    ("着什么急", "我理解您着急的心情,这边马上帮您跟进"),
    ("急啥", "我理解您着急的心情,这边马上帮您跟进"),
    ("到底要不要", "您可以再考虑一下,有问题随时找我"),
    ("到底买不买", "您可以再考虑一下,有问题随时找我"),
    ("急也没用", "我理解您着急的心情,这边马上帮您跟进"),
    ("爱买不买", "买不买都没关系,您可以再考虑一下,有问题随时找我"),
    ("爱要不要", "您可以再考虑一下,有问题随时找我"),
    ("不买拉倒", "买不买都没关系,您可以再考虑一下,有问题随时找我"),
    ("不要拉倒", "您可以再考虑一下,有问题随时找我"),
    ("嫌贵就别买", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("嫌贵别买", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("嫌贵可以不买", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("嫌贵去别家", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("嫌贵可以去", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("嫌贵就去", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("嫌贵可以别买", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("嫌贵的话别买", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("嫌贵的话可以不买", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("嫌贵就不要买", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("买不起就别买", "我理解您对价格的关注,我帮您看看有没有可用的优惠"),
    ("随便你吧", "您可以根据需要来选择,有问题随时找我"),
    ("随便您吧", "您可以根据需要来选择,有问题随时找我"),
    ("随便你", "您可以根据需要来选择,有问题随时找我"),
    ("随便您", "您可以根据需要来选择,有问题随时找我"),
    ("随你便", "您可以根据需要来选择,有问题随时找我"),
    ("随你吧", "您可以根据需要来选择,有问题随时找我"),
    ("随你咯", "您可以根据需要来选择,有问题随时找我"),
    ("随您咯", "您可以根据需要来选择,有问题随时找我"),
    ("爱咋咋地", "您可以根据需要来选择,有问题随时找我"),
    ("自己定吧", "您可以根据需要来选择,我也可以帮您推荐"),
    ("自己决定吧", "您可以根据需要来选择,我也可以帮您推荐"),
    ("自己看着办", "您可以根据需要来选择,我也可以帮您推荐"),
    ("看着办吧", "您可以根据需要来选择,我也可以帮您推荐"),
    ("看着拍吧", "您可以根据需要来选择,我也可以帮您推荐"),
    ("看着买吧", "您可以根据需要来选择,我也可以帮您推荐"),
    ("烦不烦", "您还有什么疑问,我都会耐心为您解答"),
    ("有完没完", "您还有什么疑问,我都会耐心为您解答"),
    ("别问了", "您还有什么疑问,我都会耐心为您解答"),
    ("不要再问了", "您还有什么疑问,我都会耐心为您解答"),
    ("问那么多", "您还有什么疑问,我都会耐心为您解答"),
    ("怎么这么多问题", "您还有什么疑问,我都会耐心为您解答"),
    ("问题怎么这么多", "您还有什么疑问,我都会耐心为您解答"),
    ("哪来那么多问题", "您还有什么疑问,我都会耐心为您解答"),
    ("事真多", "您还有什么疑问,我都会耐心为您解答"),
    ("真麻烦", "您还有什么疑问,我都会耐心为您解答"),
    ("跟你说不清", "我换个方式再为您说明一下"),
    ("跟您说不清", "我换个方式再为您说明一下"),
    ("懒得说", "我再为您说明一下"),
    // A curt close after the answer: 会眨 行了吧, 满意了吧.
    ("行了吧", "还有其他想了解的随时问我"),
    ("满意了吧", "还有其他想了解的随时问我"),
];

/// Sent elsewhere over the price: 觉得贵可以去隔壁买, 嫌贵您就去别家看看.
/// Too dear? Then go elsewhere, or don't buy: 觉得贵就别拍了, 嫌贵可以去隔壁看看.
const GO_ELSEWHERE: Phrase = Phrase(&[
    Part::Word(words!["嫌贵", "觉得贵", "嫌价格高", "觉得价格高", "嫌不划算", "觉得不划算"]),
    Part::Gap(4),
    Part::Key(words![
        "别家",
        "隔壁",
        "别处",
        "其他家",
        "其它家",
        "别的店",
        "别人家",
        "别拍",
        "别买",
        "别下单",
        "不要拍",
        "不要买"
    ]),
]);
const PRICE_FIX: &str = "我理解您对价格的关注,我帮您看看有没有可用的优惠";

/// “随便您” is friendly when it offers a choice: 随便您选, 随便您挑, 随便您看.
const FRIENDLY_AFTER: &[char] = &['选', '挑', '看', '问', '拍', '试', '用', '搭', '喜'];

impl Rule for Dismissive {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut said: Vec<std::ops::Range<usize>> = Vec::new();
        for (hit, (word, fix)) in find_pairs(text, PHRASES) {
            if word.starts_with("随") && char_after(text, hit.end).is_some_and(|c| FRIENDLY_AFTER.contains(&c)) {
                continue;
            }
            // “这事真多亏您了” thanks the customer.
            if word == "事真多" && char_after(text, hit.end) == Some('亏') {
                continue;
            }
            // “这样设置就行了吧?” checks with the customer; “会眨 行了吧” brushes them off.
            if word == "行了吧"
                && (char_before(text, hit.start) == Some('就') || char_after(text, hit.end) == Some('?'))
            {
                continue;
            }
            // “真麻烦您了” thanks the customer.
            if word == "真麻烦" && !char_after(text, hit.end).is_none_or(is_punct_or_space) {
                continue;
            }
            // “你烦不烦” goes with its 你.
            let start = match char_before(text, hit.start) {
                Some(c @ ('你' | '您')) if !word.contains(c) => hit.start - c.len_utf8(),
                _ => hit.start,
            };
            let mut end = hit.end;
            for tail in ["了", "吧", "啊", "呀"] {
                if text[end..].starts_with(tail) && !word.ends_with(tail) {
                    end += tail.len();
                    break;
                }
            }
            // A “?” or “!” after it goes too: the patient sentence is a statement.
            let marks = text[end..].chars().take_while(|c| matches!(c, '?' | '!')).map(char::len_utf8).sum::<usize>();
            let fix = if marks > 0 { format!("{fix}。") } else { fix.to_string() };
            let end = end + marks;
            out.push(Self::META.lint(start..end, "语气不耐烦,会激怒客户").suggest(fix));
            said.push(start..end);
        }
        for hit in GO_ELSEWHERE.find(text) {
            if overlaps(&said, &hit.span) {
                continue;
            }
            out.push(Self::META.lint(hit.span, "语气不耐烦,会激怒客户").suggest(PRICE_FIX));
        }
        // “我爱买几个买几个”, “您爱填不填吧”: the choice thrown back.
        for span in AS_YOU_LIKE.find(text).into_iter().map(|h| h.span).chain(take_it_or_leave_it(text)) {
            if overlaps(&said, &span) {
                continue;
            }
            out.push(Self::META.lint(span.clone(), "语气不耐烦,会激怒客户").suggest(CHOICE_FIX));
            said.push(span);
        }
        // “那我去别家看看” — “嗯 那您去看吧”; “我先去量下门的厚度” — “嗯 量去吧”: the customer
        // let go without a word to keep them or help them.
        let leaving = cx.customer.leaving;
        if leaving != Leaving::No {
            let elsewhere = leaving == Leaving::Elsewhere;
            let short = text.chars().filter(|c| is_han(*c)).count() <= 8;
            let hit = LET_GO.find(text).into_iter().map(|h| h.span).find(|r| !said.iter().any(|s| s.start < r.end));
            // (A short reply's last words: 嗯 量去吧.)
            let hit = hit.or_else(|| {
                let at = text.find("去吧").filter(|_| short)?;
                let from = text[..at]
                    .char_indices()
                    .rfind(|(_, c)| is_punct_or_space(*c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                Some(from..at + "去吧".len())
            });
            if let Some(span) = hit {
                let fix = if elsewhere { LET_GO_FIX } else { "好的,您先忙,有需要随时找我" };
                out.push(Self::META.lint(span, "客户要走,别打发,留住客户").suggest(fix));
            }
        }
    }
}

/// “爱X不X” (爱填不填, 爱要不要): whether the customer does it is no concern of ours. The
/// spans, each with the 吧 after it where there is one.
fn take_it_or_leave_it(text: &str) -> Vec<std::ops::Range<usize>> {
    if !text.contains('爱') {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars
        .windows(4)
        .filter(|w| w[0].1 == '爱' && w[2].1 == '不' && w[1].1 == w[3].1 && is_han(w[1].1))
        .map(|w| {
            let end = w[3].0 + w[3].1.len_utf8();
            w[0].0..if text[end..].starts_with('吧') { end + '吧'.len_utf8() } else { end }
        })
        .collect()
}

/// Whether `span` overlaps a phrase already flagged.
fn overlaps(said: &[std::ops::Range<usize>], span: &std::ops::Range<usize>) -> bool {
    said.iter().any(|r| r.start < span.end && span.start < r.end)
}

/// The choice thrown back: 爱买几个买几个, 爱选哪个选哪个.
const AS_YOU_LIKE: Phrase = Phrase(&[
    Part::Key(words!["爱买", "爱要", "爱选", "爱拍", "爱用"]),
    Part::Gap(3),
    Part::Word(words!["买", "要", "选", "拍", "用"]),
]);
const CHOICE_FIX: &str = "您可以根据需要来选择,有问题随时找我";
/// Sending them off: 那您去看吧, 您去别家吧, 你去看看吧.
const LET_GO: Phrase = Phrase(&[
    Part::Maybe(words!["那"]),
    Part::Word(words!["您", "你"]),
    Part::Key(words!["去"]),
    Part::Gap(4),
    Part::Word(words!["吧"]),
]);
const LET_GO_FIX: &str = "好的,您可以多比较一下,有需要随时找我";
