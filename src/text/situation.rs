//! The customer's situation (场景): what their message(s) are about, so that the coach can
//! offer the team's scenario templates (the phrasebook, `crate::phrasebook`) and the review
//! can count the situations and the customers who ask about one again.
//!
//! Read from the [`Customer`]'s folded text with the lexicon (`find_all`) and phrases, each
//! list written once below; linear in the text. A *report* (the parcel is late, damaged, the
//! wrong item, a refund that has not arrived) does not count inside a supposition (如果收到是坏的
//! 能退吗), when it is the customer's own slip (我把地址填错了 is an address change, 我摔坏了 no
//! damage claim) or right after a 不是 (不是坏了): the same predicates `Customer` uses. A
//! *request* (when does it ship, can I return it, an invoice) counts wherever it is.
//!
//! When several situations are present, the first in [`Situation::ALL`] wins: a damaged or
//! wrong parcel before a refund chase before a late parcel, those before the requests, and
//! `closing` only when nothing else is asked and [`Customer::closing`] is strong (谢谢, 没有了, 再见;
//! a bare 好的 often goes on).

use super::customer::{own_mistake, supposed, DEFECTS};
use super::{contains_any, find_all, Closing, Customer, Hit, Part, Phrase, Words};

/// What the customer's message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Situation {
    Damaged,
    WrongItem,
    RefundPending,
    Late,
    AddressChange,
    Invoice,
    Return,
    OutOfStock,
    Quality,
    Price,
    ShipTime,
    Closing,
}

impl Situation {
    /// In order of precedence.
    pub const ALL: [Situation; 12] = [
        Situation::Damaged,
        Situation::WrongItem,
        Situation::RefundPending,
        Situation::Late,
        Situation::AddressChange,
        Situation::Invoice,
        Situation::Return,
        Situation::OutOfStock,
        Situation::Quality,
        Situation::Price,
        Situation::ShipTime,
        Situation::Closing,
    ];

    /// The stable id (the contract's `situation`).
    pub fn id(self) -> &'static str {
        match self {
            Situation::ShipTime => "ship_time",
            Situation::Late => "late",
            Situation::Damaged => "damaged",
            Situation::WrongItem => "wrong_item",
            Situation::RefundPending => "refund_pending",
            Situation::Price => "price",
            Situation::Quality => "quality",
            Situation::Return => "return",
            Situation::Invoice => "invoice",
            Situation::OutOfStock => "out_of_stock",
            Situation::AddressChange => "address_change",
            Situation::Closing => "closing",
        }
    }

    /// A short zh-CN name, for the review and the pages.
    pub fn zh(self) -> &'static str {
        match self {
            Situation::ShipTime => "询问发货/到货时间",
            Situation::Late => "物流延迟",
            Situation::Damaged => "商品破损/故障",
            Situation::WrongItem => "错发/漏发",
            Situation::RefundPending => "退款未到账",
            Situation::Price => "价格异议",
            Situation::Quality => "质量疑虑",
            Situation::Return => "退换货",
            Situation::Invoice => "发票",
            Situation::OutOfStock => "缺货/到货",
            Situation::AddressChange => "修改地址",
            Situation::Closing => "结束咨询",
        }
    }

    pub fn parse(id: &str) -> Option<Situation> {
        Situation::ALL.into_iter().find(|s| s.id() == id.trim())
    }

    /// Whether the situation is something that went wrong (a report), not a request.
    fn is_report(self) -> bool {
        matches!(self, Situation::Damaged | Situation::WrongItem | Situation::RefundPending | Situation::Late)
    }

    fn cues(self) -> Cues {
        match self {
            Situation::Damaged => Cues { words: &[DAMAGED, DEFECTS], phrases: &[] },
            Situation::WrongItem => Cues { words: &[WRONG_ITEM], phrases: &[NOT_AS_SHOWN] },
            Situation::RefundPending => Cues { words: &[REFUND_PENDING], phrases: &[REFUND_NOT_YET] },
            Situation::Late => Cues { words: &[LATE], phrases: &[COUNTED_WAIT] },
            Situation::AddressChange => Cues { words: &[ADDRESS_CHANGE], phrases: &[CHANGE_ADDRESS, ADDRESS_WRONG] },
            Situation::Invoice => Cues { words: &[INVOICE], phrases: &[] },
            Situation::Return => Cues { words: &[RETURN], phrases: &[] },
            Situation::OutOfStock => Cues { words: &[OUT_OF_STOCK], phrases: &[STILL_HAVE] },
            Situation::Quality => Cues { words: &[QUALITY], phrases: &[] },
            Situation::Price => Cues { words: &[PRICE], phrases: &[] },
            Situation::ShipTime => Cues { words: &[SHIP_TIME], phrases: &[WHEN_SHIPS, SHIPS_WHEN] },
            Situation::Closing => Cues { words: &[], phrases: &[] },
        }
    }
}

impl std::fmt::Display for Situation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

struct Cues {
    /// Word lists (one lookup each).
    words: &'static [Words],
    phrases: &'static [Phrase],
}

/// The parcel or the goods arrived broken or do not work.
const DAMAGED: Words = words![
    "坏了",
    "坏的",
    "坏掉",
    "破了",
    "破损",
    "碎了",
    "碎的",
    "压坏",
    "摔坏",
    "摔碎",
    "裂了",
    "开裂",
    "裂开",
    "漏液",
    "漏水",
    "变形",
    "划痕",
    "瘪了",
    "凹陷",
    "瑕疵",
    "不能用",
    "用不了",
    "不能正常",
    "打不开",
    "开不了机",
    "开不开机",
    "不工作",
    "没反应",
    "不亮",
    "黑屏",
    "死机",
    "故障",
    "失灵",
    "异响",
    "质量问题",
    "次品",
    "残次",
    "发霉",
    "生锈",
    "烂的",
    "烂了",
    "掉漆",
    "开胶",
    "断了",
    "不加热",
    "不制冷",
    "不出水",
    "没声音",
    "充不进电",
    "不转了",
    "不亮了",
    "漏电",
    "短路",
    "掉色",
    "褪色",
    "开线",
    "脱落",
    "缩水",
    "色差",
    "卡顿",
    "闪退",
];

/// Not what was ordered, or not all of it.
const WRONG_ITEM: Words = words![
    "发错",
    "错发",
    "送错",
    "寄错",
    "发成",
    "少发",
    "漏发",
    "少了",
    "缺件",
    "少件",
    "缺了",
    "少一个",
    "缺一个",
    "只收到",
    "货不对",
    "不是我买的",
    "不是我要的",
    "不是我订的",
    "颜色不对",
    "尺码不对",
    "型号不对",
    "规格不对",
    "与描述不符",
    "和描述不符",
    "和图片不一样",
    "跟图片不一样",
    "货不对板",
    "赠品没",
    "赠品呢",
    "收到的是",
    "发来的是",
    "寄来的是",
    "给我发的是",
    "只到了",
    "只来了",
];

/// A refund asked about that has not arrived.
const REFUND_PENDING: Words = words![
    "退款还没",
    "退款呢",
    "退款怎么还",
    "退款没",
    "退款进度",
    "退款到哪",
    "还没退",
    "没退款",
    "钱没退",
    "没到账",
    "还没到账",
    "钱呢",
    "退的钱",
    "退款什么时候",
    "什么时候退款",
    "什么时候到账",
    "多久到账",
    "几天到账",
    "怎么没有退款",
];
/// 退款 … 还没/多久/什么时候 in one clause.
const REFUND_NOT_YET: Phrase = Phrase(&[
    Part::Key(words!["退款", "退钱", "退货款", "退回的钱"]),
    Part::Gap(6),
    Part::Word(words!["还没", "没有", "没到", "多久", "什么时候", "几天", "啥时候", "进度"]),
]);

/// The parcel has not shipped or arrived when it should have.
const LATE: Words = words![
    "还不发",
    "还不给我发",
    "怎么不发",
    "怎么不给我发",
    "不能正常送达",
    "还没有到",
    "还没有发",
    "还没有送",
    "没到货",
    "还没到",
    "还没收到",
    "没收到",
    "没有收到",
    "还没发",
    "没发货",
    "还不发",
    "还不到",
    "一直不发",
    "怎么还没",
    "还没送",
    "没送到",
    "还没动",
    "没动静",
    "物流不动",
    "不更新",
    "没更新",
    "迟迟",
    "延迟",
    "延误",
    "催一下",
    "催了",
    "催单",
    "好几天了",
    "多久了",
    "等了好久",
    "等了很久",
    "等了几天",
    "这么慢",
    "太慢",
    "一直没",
];
/// 都/已经 … 天了 (都第三天了, 已经一个星期了).
const COUNTED_WAIT: Phrase =
    Phrase(&[Part::Word(words!["都", "已经"]), Part::Gap(4), Part::Key(words!["天了", "周了", "星期了", "个月了"])]);

/// Change where or to whom it goes.
const ADDRESS_CHANGE: Words =
    words!["改地址", "修改地址", "更改地址", "换地址", "换个地址", "地址改", "改收货", "修改收货", "改一下收货"];
/// 改 … 地址/电话/收件人.
const CHANGE_ADDRESS: Phrase = Phrase(&[
    Part::Word(words!["改", "修改", "更改", "变更", "更换"]),
    Part::Gap(4),
    Part::Key(words!["地址", "收货人", "收件人", "手机号", "联系电话", "电话号码"]),
]);
/// 地址 … 写错/填错/修改 (地址可以帮我修改下吗).
const ADDRESS_WRONG: Phrase = Phrase(&[
    Part::Word(words!["地址", "收货人", "收件人", "手机号"]),
    Part::Gap(6),
    Part::Key(words!["写错", "填错", "错了", "改", "修改", "更改", "换"]),
]);

const INVOICE: Words = words!["发票", "开票", "专票", "普票", "增票", "抬头", "税号"];

/// Return or exchange asked for (not a refund already on its way).
const RETURN: Words = words![
    "上门取件",
    "退货",
    "换货",
    "退换",
    "能退吗",
    "可以退吗",
    "能退么",
    "能换吗",
    "可以换吗",
    "想退",
    "要退",
    "退掉",
    "无理由",
    "换一个",
    "换个新",
    "调换",
    "寄回",
    "退回去",
    "申请售后",
    "售后",
    "我要退款",
    "申请退款",
    "想退款",
    "要退款",
    "怎么退",
    "怎么换",
    "退款",
    "拒收",
];

const OUT_OF_STOCK: Words = words![
    "有货吗",
    "有没有货",
    "还有货",
    "有货么",
    "没货",
    "缺货",
    "无货",
    "断货",
    "补货",
    "现货",
    "库存",
    "什么时候到货",
    "到货通知",
    "卖完",
    "售罄",
    "下架",
    "预售",
    "还有吗",
    "还有没有",
];

/// 还有 … 吗 (这款还有蓝色的吗).
const STILL_HAVE: Phrase = Phrase(&[Part::Key(words!["还有"]), Part::Gap(8), Part::Word(words!["吗", "么", "没有"])]);

/// Doubts about the goods before or after buying (not a report of damage).
const QUALITY: Words = words![
    "质量怎么样",
    "质量好吗",
    "质量好不好",
    "质量如何",
    "质量差",
    "质量不好",
    "质量不行",
    "质量行不行",
    "担心质量",
    "靠谱吗",
    "会不会坏",
    "容易坏",
    "耐用吗",
    "不耐用",
    "正品吗",
    "是正品",
    "是不是正品",
    "假货",
    "真假",
    "保修",
    "质保",
    "不好用",
    "好用吗",
    "会掉色吗",
    "会褪色吗",
    "会起球吗",
];

const PRICE: Words = words![
    "贵",
    "便宜",
    "优惠",
    "降价",
    "保价",
    "价保",
    "差价",
    "打折",
    "折扣",
    "满减",
    "价格",
    "价钱",
    "划算",
    "抹零",
    "砍价",
    "少点",
    "少一点",
    "降点",
    "优惠券",
    "券",
];

/// When it ships or arrives, asked before anything went wrong.
const SHIP_TIME: Words = words![
    "发货了吗",
    "发了吗",
    "发货没",
    "发了没",
    "能发货吗",
    "能发吗",
    "到哪了",
    "到哪里了",
    "到哪儿了",
    "物流信息",
    "物流到",
    "查物流",
    "查一下物流",
    "看下物流",
    "配送时间",
    "送货时间",
    "几天能到",
    "几天到",
    "多久到",
    "多久能到",
    "能到吗",
    "今天能到",
    "明天能到",
    "今天发",
    "明天发",
    "时效",
];
/// 什么时候/多久 … 发货/到/送.
const WHEN_SHIPS: Phrase = Phrase(&[
    Part::Word(words!["什么时候", "啥时候", "多久", "几天", "多长时间", "何时", "哪天", "几号", "几点"]),
    Part::Gap(4),
    Part::Key(words!["发货", "发出", "发", "到", "送", "派送", "配送", "收到", "出库"]),
]);

/// 快递/发货 … 多久/几天 (快递从石家庄到武汉要多久).
const SHIPS_WHEN: Phrase = Phrase(&[
    Part::Word(words!["快递", "物流", "发货", "送到", "到货", "配送", "派送"]),
    Part::Gap(10),
    Part::Key(words!["多久", "几天", "什么时候", "啥时候", "多长时间"]),
]);

/// 跟图片完全不一样, 与描述严重不符: the goods are not what was shown.
const NOT_AS_SHOWN: Phrase = Phrase(&[
    Part::Word(words!["跟", "和", "与"]),
    Part::Word(words!["图片", "描述", "详情页", "详情", "宣传", "页面", "介绍"]),
    Part::Gap(4),
    Part::Word(words!["不一样", "不符", "不同", "不一致", "差太多", "差很多"]),
]);

/// A price drop the customer wants made good (价保).
const PRICE_DROP: Words = words!["降价", "价保", "保价", "差价", "补差"];

/// After 还有: anything else (还有别的联系方式吗), not stock.
const ANYTHING_ELSE: Words = words!["别的", "其他", "其它", "什么", "啥"];

/// After a damage cue, the delivery: 不能正常送达 is a late parcel.
const DELIVERY: Words = words!["送达", "送货", "配送", "派送", "签收", "发货", "到货"];

/// Negations right before a cue: 不是坏了, 并没有发错, 没有质量问题.
const NEGATED_BY: Words = words!["不是", "并不是", "也不是", "并没", "没有说", "不算", "没有", "没", "无"];

impl Customer {
    /// The customer's situation, or `None` when the message shows none.
    pub fn situation(&self) -> Option<Situation> {
        let text = self.text.as_str();
        if text.trim().is_empty() {
            return None;
        }
        for s in Situation::ALL {
            if s == Situation::Closing {
                return (self.closing == Closing::Strong && self.questions.is_empty()).then_some(Situation::Closing);
            }
            let cues = s.cues();
            // 货还没送你们就降价了: a price drop before delivery is a price-protection case.
            if s == Situation::Late && contains_any(text, PRICE_DROP) {
                continue;
            }
            let mut at: Vec<usize> = cues
                .words
                .iter()
                .flat_map(|list| find_all(text, *list))
                // 快递不能正常送达: what fails is the delivery, not the goods.
                .filter(|(r, _)| !(s == Situation::Damaged && DELIVERY.iter().any(|d| text[r.end..].starts_with(d))))
                .map(|(r, _)| r.start)
                .collect();
            for p in cues.phrases {
                // 还有别的联系方式吗: anything else, not the goods in stock.
                let anything_else = |h: &Hit| {
                    s == Situation::OutOfStock
                        && ANYTHING_ELSE.iter().any(|w| {
                            let rest = &text[h.span.start..];
                            rest.strip_prefix("还有").unwrap_or(rest).starts_with(w)
                        })
                };
                at.extend(p.find(text).into_iter().filter(|h| !anything_else(h)).map(|h| h.span.start));
            }
            if at
                .into_iter()
                .any(|a| (!s.is_report() || counts(text, a)) && !(s == Situation::Late && about_invoice(text, a)))
            {
                return Some(s);
            }
        }
        None
    }
}

/// 发票还没收到: what has not arrived is the invoice, not the parcel (an invoice case).
fn about_invoice(text: &str, at: usize) -> bool {
    let clause = text[..at].rsplit(|c: char| crate::text::is_clause_end(c) || c.is_whitespace()).next().unwrap_or("");
    crate::text::contains_any(clause, INVOICE)
}

/// Whether a report cue at byte `at` is meant: not supposed, not the customer's own slip, not
/// negated right before.
fn counts(text: &str, at: usize) -> bool {
    if supposed(text, at) || own_mistake(text, at) {
        return false;
    }
    let head = &text[..at];
    !NEGATED_BY.iter().any(|n| head.ends_with(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &str) -> Option<&'static str> {
        Customer::new(s).situation().map(Situation::id)
    }

    #[test]
    fn each_situation() {
        for (text, want) in [
            ("请问什么时候发货?", "ship_time"),
            ("这个几天能到", "ship_time"),
            ("快递从石家庄到武汉要多久", "ship_time"),
            ("还没有到货 星期六的单", "late"),
            ("等了一个星期了还没到", "late"),
            ("都第三天了物流还不动", "late"),
            ("收到的花瓶是碎的!", "damaged"),
            ("耳机左边没声音,用不了", "damaged"),
            ("你们发错颜色了,我买的是蓝色", "wrong_item"),
            ("退款怎么还没到账", "refund_pending"),
            ("我的退款三天了还没有到", "refund_pending"),
            ("太贵了,能便宜点吗", "price"),
            ("这个是正品吗,质量怎么样", "quality"),
            ("不合适,我想退货", "return"),
            ("可以开发票吗", "invoice"),
            ("这款还有货吗", "out_of_stock"),
            ("这款保温杯还有蓝色的吗", "out_of_stock"),
            ("发票怎么还没收到?", "invoice"),
            ("快递不能正常送达", "late"),
            ("货还没送你们就降价了", "price"),
            ("退货可以上门取件吗", "return"),
            ("收到的东西跟图片完全不一样", "wrong_item"),
            ("怎么还不给我发货", "late"),
            ("快递怎么还没收到?", "late"),
            ("我买的是白色M码,收到的是黑色L码", "wrong_item"),
            ("电饭煲用了三天就不加热了", "damaged"),
            ("地址可以帮我修改下吗", "address_change"),
            ("我把收货地址填错了", "address_change"),
            ("好的,谢谢,没有了", "closing"),
        ] {
            assert_eq!(of(text), Some(want), "{text}");
        }
    }

    #[test]
    fn none_for_greetings_and_empty() {
        assert_eq!(of(""), None);
        assert_eq!(of("在吗"), None);
        assert_eq!(of("还有别的联系方式吗"), None);
        assert_eq!(of("你好"), None);
    }

    #[test]
    fn suppositions_and_negations_are_no_report() {
        assert_eq!(of("如果收到是坏的能退吗"), Some("return"));
        assert_eq!(of("万一漏发了怎么办"), None);
        assert_eq!(of("不是坏了,就是想问怎么用"), None);
        assert_eq!(of("我自己摔坏了,能修吗"), None);
        assert_eq!(of("我想退货,为什么显示没有质量问题还要返给我呢?"), Some("return"));
    }

    #[test]
    fn precedence() {
        // A damaged parcel and a return: the damage decides (its template covers the return).
        assert_eq!(of("收到就是坏的,我要退货"), Some("damaged"));
        // A refund chase, not a late parcel.
        assert_eq!(of("退款还没收到"), Some("refund_pending"));
        // Thanks with a question is not a goodbye.
        assert_eq!(of("谢谢,那什么时候发货?"), Some("ship_time"));
    }

    #[test]
    fn ids_round_trip() {
        for s in Situation::ALL {
            assert_eq!(Situation::parse(s.id()), Some(s));
        }
    }
}
