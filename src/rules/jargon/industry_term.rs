use crate::config::Platform;
use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{char_after, char_before, find_pairs, Pairs};

declare_rule! {
    /// ## What it does
    /// Flags back-office terms a shopper may not know — SKU / SPU / 揽收 / 到付 / 拦截件 /
    /// 首重 / 续重 / 48h / 派件 / 工单 / 仓配 / 爆仓 / 面单 / 集包 / 问题件 / 滞留件 — and
    /// replaces each with plain words (SKU → 规格, 48h → 48小时, 揽收 → 取件). 质检 and 工单 are only hints.
    /// On JD, SOP is a way a shop sells there, not a procedure: it gets no fix.
    ///
    /// Left alone: a term the customer used first (“怎么回收面单呢”), 到付 inside 货到付款 or 看到付款,
    /// 挂起来 (hung up to dry), 快递面单 (the word says what it is), “48小时” written out, words customers use themselves
    /// (签收, 物流, 单号, 退货, 价保).
    ///
    /// ## Why is this bad?
    /// The guide: “保持自然流畅的口语化表达,避免过于书面化或使用行业术语”. A customer who
    /// doesn't know 续重 has to ask again, or feels talked down to.
    ///
    /// ## Example
    /// ```text
    /// 首重10元续重5元,偏远地区到付,SKU不同运费不同。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 第一公斤10元每增加一公斤5元,偏远地区收货时付运费,规格不同运费不同。
    /// ```
    pub struct IndustryTerm {
        id: "jargon.industry-term",
        category: Jargon,
        severity: Warning,
        title: "行业术语",
        summary: "“揽收”“SKU”等行业术语客户未必懂;应换成通俗说法。",
    }
}

/// (term, plain words). Latin terms match as whole words.
const TERMS: Pairs = pairs![
    ("sku", "规格"),
    ("spu", "款式"),
    ("sop", "流程"),
    ("揽收", "取件"),
    // Trade, travel, print and after-sales codes: MOQ, PNR, CMYK, DOA, RMA (not RGB: RGB键盘
    // names a product).
    ("moq", "最少起订数量"),
    ("pnr", "订座记录编号"),
    ("cmyk", "印刷用的颜色模式"),
    ("doa", "开箱即坏"),
    ("rma", "返修申请"),
    ("转曲", "把文字转成图形"),
    ("有锁机", "锁定运营商的手机"),
    ("解bl", "解锁系统"),
    ("引流款", "特价款"),
    ("干线", "长途运输"),
    ("拆单", "分开发货"),
    ("风控", "安全审核"),
    // Cross-border legs and customs checks: 头程已到, 尾程3天内送达, 三单对碰失败.
    ("头程", "国际运输"),
    ("尾程", "国内配送"),
    ("三单对碰", "订单、支付和物流信息核对"),
    ("补差链接", "补差价的链接"),
    ("原单退回", "原路退回"),
    ("签收节点", "签收记录"),
    ("退货底单", "退货的快递单"),
    ("底单", "快递单"),
    ("月结", "按月结算"),
    ("数电票", "电子发票"),
    ("全电票", "电子发票"),
    ("可售数", "库存"),
    ("在途货", "正在运来的货"),
    ("逆向寄件", "退换货寄件"),
    ("寄付", "寄件方付运费"),
    ("云仓", "仓库"),
    ("波次", "批次"),
    ("归集", "汇总"),
    ("勾选抵扣", "抵扣"),
    ("落地配", "本地配送"),
    ("二次搬运", "搬运上楼"),
    ("母单", "主订单"),
    ("子单", "分订单"),
    ("分仓", "从不同仓库"),
    ("逆向工单", "退换货申请"),
    ("回传", "反馈"),
    ("回调", "反馈"),
    ("挂起", "暂停处理"),
    ("冲正", "退回"),
    ("补单", "重新下单"),
    ("t+0", "当天"),
    ("t+1", "次日"),
    ("t+2", "两天后"),
    ("t+3", "三天后"),
    // An appraiser's or a warehouse's words: 走QC流程, 发起逆向拦回, 看运费模板.
    ("qc", "质量检查"),
    ("逆向拦回", "拦截退回"),
    ("运费模板", "运费规则"),
    ("末端网点", "您附近的快递站点"),
    ("电联", "打电话联系"),
    ("揽件", "取件"),
    ("到付", "收货时付运费"),
    ("拦截件", "被拦回的包裹"),
    ("首重", "第一公斤"),
    ("续重", "每增加一公斤"),
    ("派件员", "快递员"),
    ("派件", "送货"),
    ("工单", "处理申请"),
    // The invoice cancelled by a red-ink counterpart: 原票红冲.
    ("红冲", "作废"),
    ("仓配", "仓库发货"),
    ("爆仓", "订单太多"),
    ("面单", "快递单"),
    ("集包", "打包"),
    ("问题件", "派送异常的包裹"),
    ("滞留件", "滞留的包裹"),
    ("质检", "质量检查"),
    ("运力", "配送员"),
    ("调拨", "从别的仓库调货"),
    ("cod", "货到付款"),
    // JD's words for a marketplace shop and a courier not its own: POP店铺, 三方物流.
    ("pop店铺", "第三方商家店铺"),
    ("三方物流", "第三方快递"),
    // The warehouse's words for a return: 发起截件, 生成逆向单.
    ("截件", "拦截包裹"),
    ("逆向单", "退货单"),
    // Delivery and device codes: 已经妥投了, 师傅上门的ETA, 支持OTA, OLT端口已满.
    ("妥投", "送达"),
    ("eta", "预计到达时间"),
    ("ota", "在线升级"),
    ("olt", "局端设备"),
];

impl Rule for IndustryTerm {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        for (hit, (term, plain)) in find_pairs(text, TERMS) {
            let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if term.is_ascii() && (glued(char_before(text, hit.start)) || glued(char_after(text, hit.end))) {
                continue;
            }
            // 货到付款 is the payment method customers know; in 看到付款记录 the word is 付款.
            if term == "到付" && (char_before(text, hit.start) == Some('货') || char_after(text, hit.end) == Some('款'))
            {
                continue;
            }
            // 第三方物流 says what 三方物流 means.
            if term == "三方物流" && char_before(text, hit.start) == Some('第') {
                continue;
            }
            // 挂起来 hangs clothes up; 快递面单 names the slip it is.
            if (term == "挂起" && char_after(text, hit.end) == Some('来'))
                || (term == "面单" && text[..hit.start].ends_with("快递"))
            {
                continue;
            }
            // The customer's own word: answering in it is clearer than correcting it.
            if cx.customer.text.contains(term) {
                continue;
            }
            // “已揽收” reads “已被快递员取走”.
            let plain = if matches!(term, "揽收" | "揽件") && char_before(text, hit.start) == Some('已') {
                "被快递员取走"
            } else {
                plain
            };
            // 质检 and 工单 (提交了核实工单) are words many customers know: a hint.
            let severity = if matches!(term, "质检" | "工单") { Severity::Hint } else { Severity::Warning };
            let message = format!("“{}”是行业术语,客户不一定懂", cx.draft.raw_text(&hit));
            let lint = Self::META.lint(hit, message).with_severity(severity);
            // On JD, SOP names a way a shop sells there (the shop ships it), not a procedure:
            // which words say it best only the agent knows.
            if term == "sop" && cx.platform == Platform::Jd {
                out.push(lint);
                continue;
            }
            out.push(lint.suggest(plain));
        }
        hours(cx, out);
    }
}

/// “48h” / “24H”: digits and an h, not part of a longer word.
fn hours(cx: &Context, out: &mut Lints) {
    let text = cx.draft.folded();
    for (i, _) in text.match_indices('h') {
        let digits = text[..i].chars().rev().take_while(char::is_ascii_digit).count();
        if digits == 0 || char_after(text, i + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let start = i - digits;
        if char_before(text, start).is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let span = start..i + 1;
        let number = &text[start..i];
        out.push(
            IndustryTerm::META
                .lint(span, format!("“{number}h”写成“{number}小时”更好懂"))
                .suggest(format!("{number}小时")),
        );
    }
}
