//! What answering an objection is made of: acknowledging it and offering something.

use crate::rules::Context;
use crate::text::{contains_any, Words};

/// Acknowledging the customer's point (认同): the first step of the three.
pub const ACKNOWLEDGE: Words = words![
    "理解",
    "明白",
    "确实",
    "认同",
    "虽然",
    "您说得对",
    "您说的对",
    "您说的没错",
    "顾虑",
    "担心",
    "担忧",
    "关注",
    "在意",
    "考虑",
    "懂您",
    "是的呢",
    "没错",
    "可以理解",
    // The customer's situation named back: 预算有限很正常, 货比三家很正常 (not 价格不一样很
    // 正常, which brushes the concern aside).
    "货比三家",
    "预算有限",
    "预算不多",
];

/// Something for the customer on price: a deal, a service, or the value behind the price.
const PRICE_OFFER: Words = words![
    "优惠",
    "活动",
    "券",
    "满减",
    "减",
    "赠",
    "送",
    "包邮",
    "性价比",
    "划算",
    "值",
    "帮您算",
    "申请",
    "价保",
    "保价",
    "差价",
    "折",
    "品质",
    "材质",
    "面料",
    "做工",
    "耐用",
    "寿命",
    "成本",
    "质量",
    "正品",
    "进口",
    "售后",
    "保修",
    "会员",
    "积分",
    "返",
];

/// Something for the customer on quality: a guarantee, evidence, or the way out.
const QUALITY_OFFER: Words = words![
    "正品",
    "保修",
    "质保",
    "保障",
    "无理由",
    "退换",
    "退货",
    "换货",
    "售后",
    "检测",
    "认证",
    "报告",
    "假一",
    "放心",
    "品牌",
    "官方",
    "授权",
    "做工",
    "材质",
    "面料",
    "工艺",
    "耐用",
    "寿命",
    "换新",
    "免费换",
    "包换",
    "换一个",
    "补发",
    "赔",
];

/// The objection the customer raised, if any: price first.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Objection {
    Price,
    Quality,
}

/// The objection and whether it was read surely (its words) or only likely (doubt next to
/// the price or the quality, [`crate::text::Customer::price_doubted`]).
pub fn objection(cx: &Context) -> Option<(Objection, bool)> {
    let c = cx.customer;
    if c.price_objection {
        Some((Objection::Price, true))
    } else if c.quality_objection {
        Some((Objection::Quality, true))
    } else if c.price_doubted {
        Some((Objection::Price, false))
    } else if c.quality_doubted {
        Some((Objection::Quality, false))
    } else {
        None
    }
}

/// Whether the reply offers something for this objection.
pub fn has_offer(kind: Objection, reply: &str) -> bool {
    match kind {
        Objection::Price => contains_any(reply, PRICE_OFFER),
        Objection::Quality => contains_any(reply, QUALITY_OFFER),
    }
}
