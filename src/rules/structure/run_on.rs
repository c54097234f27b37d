use crate::finding::Lints;
use crate::rules::closing::tail::styled;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{find_all, is_clause_end, is_han, Words};

declare_rule! {
    /// ## What it does
    /// Flags a long reply run together without punctuation: at least 50 Han characters, fewer
    /// than one clause break per 30 of them, strung on sequence words (然后, 还有, 另外, 以及,
    /// 接着, 最后), or a stretch of 50 Han characters with no break at all (not even a space). Offers the same points
    /// numbered: “第一,…;第二,…”.
    ///
    /// ## Why is this bad?
    /// The guides: “对于复杂问题,可采用‘结论先行+分点说明’的逻辑”. A wall of text with no
    /// breaks makes the customer dig for the steps, and the steps get missed.
    ///
    /// ## Example
    /// ```text
    /// 退货的话您先在订单页面申请退货然后选择退货原因再上传照片然后等我们审核通过以后您把商品寄回来还有寄回的时候记得填写快递单号
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 第一,退货的话您先在订单页面申请退货;第二,选择退货原因再上传照片;第三,等我们审核通过以后您把商品寄回来;第四,寄回的时候记得填写快递单号
    /// ```
    pub struct RunOn {
        id: "structure.run-on",
        category: Structure,
        severity: Warning,
        title: "长句不分点",
        summary: "长句不加标点一口气说完,客户容易漏看步骤;应分点写清。",
    }
}

/// Words that string one point onto the next.
const SEQUENCE: Words = words!["然后", "还有", "另外", "以及", "接着", "最后", "其次", "再就是"];
const MIN_HAN: usize = 50;
const HAN_PER_BREAK: usize = 30;
/// So long with no break at all that it needs structure whatever strings it together.
const WALL_HAN: usize = 50;
const ORDINALS: Words = words!["第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九"];

impl Rule for RunOn {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let han = text.chars().filter(|c| is_han(*c)).count();
        if han < MIN_HAN {
            return;
        }
        let breaks = text.trim_end_matches(is_clause_end).chars().filter(|c| is_clause_end(*c)).count();
        if breaks * HAN_PER_BREAK >= han {
            return;
        }
        let joints = find_all(text, SEQUENCE);
        // A wall: one stretch of WALL_HAN Han characters with no break, not even a space (a
        // chat log joins an agent's messages with spaces; each message is its own).
        let longest_run = text
            .split(|c: char| is_clause_end(c) || c.is_whitespace())
            .map(|run| run.chars().filter(|c| is_han(*c)).count())
            .max()
            .unwrap_or(0);
        let wall = longest_run >= WALL_HAN;
        if (joints.len() < 2 && !wall) || joints.len() >= ORDINALS.len() {
            return;
        }
        // The points: the text between the sequence words, each numbered.
        let mut points = Vec::new();
        let mut from = 0;
        for (r, _) in &joints {
            points.push(cx.draft.raw_text(&(from..r.start)).trim());
            from = r.end;
        }
        points.push(cx.draft.raw_text(&(from..text.len())).trim());
        let numbered: Vec<String> = points
            .iter()
            .filter(|p| !p.is_empty())
            .zip(ORDINALS)
            .map(|(p, n)| format!("{n},{}", p.trim_end_matches(|c: char| is_clause_end(c) || c == '。')))
            .collect();
        let lint = Self::META.lint(0..text.len(), "长句一口气说完,分点说明");
        out.push(if numbered.len() >= 2 { lint.suggest(styled(cx.draft, &numbered.join(";"))) } else { lint });
    }
}
