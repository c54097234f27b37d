use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_before, find_all, Words};

declare_rule! {
    /// ## What it does
    /// Flags 你 / 你们 addressing the customer and offers 您. “你好” gets a hint
    /// (您好 is better, 你好 is not rude).
    ///
    /// Left alone: 迷你, and anything inside quotes or 《》 (a product name, the customer's
    /// own words, a card message to be written: 贺卡写'你是我最好的朋友').
    ///
    /// ## Why is this bad?
    /// The guides use 您 throughout (“麻烦您”, “感谢您”); 你 to a customer reads as
    /// offhand. Real JD agents write 您 about 70 times as often as 你.
    ///
    /// ## Example
    /// ```text
    /// 你的包裹明天到,你注意查收。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 您的包裹明天到,您注意查收。
    /// ```
    pub struct NiForCustomer {
        id: "address.ni-for-customer",
        category: Address,
        severity: Warning,
        title: "称呼客户用“你”",
        summary: "称呼客户用“你”显得随意;指称客户一律用“您”。",
    }
}

const NI: Words = words!["你们好", "你好", "你们", "你", "妳们", "妳"];

impl Rule for NiForCustomer {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let mut skip_to = 0;
        for (mut hit, word) in find_all(text, NI) {
            if hit.start < skip_to
                || char_before(text, hit.start) == Some('迷')
                || cx.draft.quote_at(hit.start).is_some()
            {
                continue;
            }
            // A doubled 你你 (a typo, not a run) is one 您, not two findings that each leave a 你.
            let doubled = word == "你"
                && char_before(text, hit.start) != Some('你')
                && text[hit.end..].starts_with('你')
                && !text[hit.end + '你'.len_utf8()..].starts_with('你');
            if doubled {
                hit.end += '你'.len_utf8();
                skip_to = hit.end;
            }
            let lint = match word {
                "你好" | "你们好" => {
                    Self::META.lint(hit, "问候客户用“您好”").suggest("您好").with_severity(Severity::Hint)
                }
                _ => Self::META.lint(hit, "称呼客户用“您”").suggest("您"),
            };
            out.push(lint);
        }
    }
}
