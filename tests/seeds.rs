//! The guides in `shared/seeds/` are the authority: every model reply they quote comes back
//! with no warning or error, and every bad phrasing they quote gets the finding it implies.
//! The look-alikes named in `shared/spec/RULES.md` stay unflagged too.

use kefu_coach::{Coach, Config, Request, Severity};

fn coach() -> Coach {
    Coach::new(Config::default()).expect("default config")
}

fn req(draft: &str, customer: &str, first_reply: bool) -> Request {
    Request { draft: draft.into(), customer: customer.into(), first_reply, ..Request::default() }
}

/// (model reply, customer message it answers, first reply?)
const MODEL_REPLIES: &[(&str, &str, bool)] = &[
    // 电商客服话术标准及技巧
    ("亲,您好呀!很高兴为您服务,请问有什么可以帮到您呢?", "在吗", true),
    ("嗯,我明白了,您请说。", "我想咨询一下售后的事", false),
    ("我特别能理解您等待包裹的焦急心情,换作是我也会很着急的。", "怎么还没发货?都好几天了", false),
    ("您是想找一款适合敏感肌的护肤品吗?还是更关注保湿或美白功效呢?", "想买个护肤品", false),
    ("您购买的这款连衣裙搭配我们的珍珠项链会更显气质,需要为您展示一下吗?", "这条连衣裙我拍了", false),
    (
        "我理解您对价格的关注,这款商品采用的是进口面料,成本确实略高一些,不过目前店铺有满减活动,叠加优惠券后性价比会很高,我可以帮您算一下最终价格哦。",
        "价格有点高",
        false,
    ),
    ("虽然这款商品比同类产品贵20元,但它的使用寿命是同类产品的3倍,长期来看反而更划算呢。", "怎么比别家贵", false),
    ("非常抱歉给您带来了不好的体验!这是我们的工作疏忽,我们一定会负责到底。", "收到的杯子是碎的", false),
    (
        "您的退款申请我们已经收到,财务会在今天18点前审核,审核通过后1-3个工作日会退回您的原支付账户,您可以随时通过订单页面查看进度。",
        "退款什么时候到账",
        false,
    ),
    ("除了刚才咨询的内容,您还有其他需要我协助的吗?", "好的,明白了", false),
    ("感谢您的耐心等待,祝您购物愉快,使用商品时如有任何问题随时来找我哦!", "好的谢谢", false),
    (
        "关于您咨询的退货问题,需要满足两个条件:第一,商品未拆封使用;第二,在收货后7天内申请。您可以先检查一下商品状态哦。",
        "退货有什么条件",
        false,
    ),
    // 电商平台客户服务礼仪培训课件
    ("亲,您好!很高兴为您服务,请问有什么可以帮到您?", "在吗", true),
    ("王女士,您好!请问有什么可以帮您?", "你好", true),
    ("这个问题我需要帮您核实一下。", "这款支持无线充电吗", false),
    ("非常抱歉,这个暂时无法满足,我们可以为您提供其他替代方案。", "能改成顺丰发货吗", false),
    ("感谢您的咨询,祝您购物愉快,欢迎下次光临!", "没有了,谢谢", false),
    // Look-alikes named in RULES.md
    ("亲,如果不行的话可以换货哦。", "尺码不合适怎么办", false),
    ("亲,第一次购买可以领新人券哦。", "新人有优惠吗", false),
    ("亲,最快明天送达哦。", "最快多久到", false),
    ("没问题,马上为您处理!", "帮我改个地址", false),
    ("您别着急,我这就帮您查一下物流,2分钟内回复您。", "我的快递到哪了", false),
];

#[test]
fn model_replies_get_no_warning_or_error() {
    let coach = coach();
    let mut loud = Vec::new();
    for (draft, customer, first) in MODEL_REPLIES {
        let r = coach.check(&req(draft, customer, *first));
        let bad: Vec<_> = r.findings.iter().filter(|f| f.severity >= Severity::Warning).map(|f| &f.rule).collect();
        if !bad.is_empty() {
            loud.push(format!("{draft}  ⟵ {customer}: {bad:?}"));
        }
    }
    assert!(loud.is_empty(), "model replies flagged:\n{}", loud.join("\n"));
}

/// (bad phrasing quoted by a guide, customer message, the category it implies)
const BAD_PHRASINGS: &[(&str, &str, &str)] = &[
    ("不知道吗?", "这个怎么用", "command"),
    ("自己看说明!", "这个怎么调温度", "command"),
    ("不知道。", "这款支持无线充电吗", "blunt"),
    ("不行。", "能改成顺丰发货吗", "blunt"),
    ("可能明天发货吧。", "什么时候发货", "vague"),
    ("大概三天能到。", "多久能到", "vague"),
    ("应该是支持七天无理由的。", "能退吗", "vague"),
];

#[test]
fn bad_phrasings_get_the_finding_they_imply() {
    let coach = coach();
    let mut missed = Vec::new();
    for (draft, customer, category) in BAD_PHRASINGS {
        let r = coach.check(&req(draft, customer, false));
        if !r.findings.iter().any(|f| f.category.id() == *category && f.severity >= Severity::Warning) {
            missed.push(format!(
                "{draft} ⟵ {customer}: want {category}, got {:?}",
                r.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
            ));
        }
    }
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}
