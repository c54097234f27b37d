//! Every template of the default phrasebook is clean (no finding) on every platform preset,
//! alone and as the reply to a customer message of its situation; and that message is read
//! as that situation (`src/phrasebook/default.json`, `src/text/situation.rs`).

use kefu_coach::{Coach, Config, Platform, Request};

/// A customer message for each situation, as a customer would write it.
const ASKS: &[(&str, &str)] = &[
    ("ship_time", "请问什么时候发货?"),
    ("late", "都第三天了,快递还没到"),
    ("damaged", "收到的杯子是碎的!"),
    ("wrong_item", "你们发错颜色了,我买的是蓝色"),
    ("refund_pending", "退款怎么还没到账"),
    ("price", "太贵了,能便宜点吗"),
    ("quality", "这个质量怎么样,是正品吗"),
    ("return", "不合适,我想退货"),
    ("invoice", "可以开发票吗"),
    ("out_of_stock", "这款还有货吗"),
    ("address_change", "地址可以帮我修改下吗"),
    ("closing", "好的,谢谢,没有了"),
];

#[test]
fn every_template_is_clean_on_every_platform() {
    let book = Coach::new(Config::default()).unwrap().phrasebook();
    let mut dirty = Vec::new();
    for p in Platform::ALL {
        let coach = Coach::new(Config { platform: Some(p.id().into()), ..Config::default() }).unwrap();
        for e in &book.entries {
            let ask = ASKS.iter().find(|(s, _)| *s == e.situation.id()).map(|(_, a)| *a).unwrap_or("");
            for customer in ["", ask] {
                let req = Request { draft: e.text.clone(), customer: customer.into(), ..Request::default() };
                let r = coach.check(&req);
                for f in &r.findings {
                    dirty.push(format!("{} on {} (customer “{customer}”): {} {}", e.id, p.id(), f.rule, f.message));
                }
            }
        }
    }
    assert!(dirty.is_empty(), "templates with findings:\n{}", dirty.join("\n"));
}

/// On the first reply the report's templates greet (with the platform's greeting where the
/// template has none), so an inserted one is clean there too.
#[test]
fn templates_on_a_first_reply_greet_and_are_clean() {
    let mut dirty = Vec::new();
    for p in Platform::ALL {
        let coach = Coach::new(Config { platform: Some(p.id().into()), ..Config::default() }).unwrap();
        for (situation, ask) in ASKS {
            let base =
                Request { draft: String::new(), customer: (*ask).into(), first_reply: true, ..Request::default() };
            let r = coach.check(&base);
            assert!(!r.templates.is_empty(), "{situation} on {}", p.id());
            for t in &r.templates {
                assert!(t.text.contains("您好"), "{} on {} does not greet: {}", t.id, p.id(), t.text);
                let fr = coach.check(&Request { draft: t.text.clone(), ..base.clone() });
                for f in &fr.findings {
                    dirty.push(format!("{} on {} (first reply): {} {}", t.id, p.id(), f.rule, f.message));
                }
            }
        }
    }
    assert!(dirty.is_empty(), "templates with findings on a first reply:\n{}", dirty.join("\n"));
}

#[test]
fn each_sample_message_gets_its_situations_templates() {
    let coach = Coach::new(Config::default()).unwrap();
    for (situation, ask) in ASKS {
        let r = coach.check(&Request { draft: String::new(), customer: (*ask).into(), ..Request::default() });
        assert_eq!(r.situation.as_deref(), Some(*situation), "{ask}");
        assert!(!r.templates.is_empty() && r.templates.len() <= 3, "{ask}");
        assert!(r.templates.iter().all(|t| t.situation == *situation), "{ask}");
    }
}

#[test]
fn a_season_puts_its_templates_first() {
    let coach = Coach::new(Config { season: Some("promo".into()), ..Config::default() }).unwrap();
    let r = coach.check(&Request { draft: String::new(), customer: "什么时候发货".into(), ..Request::default() });
    assert_eq!(r.templates[0].id, "ship-time-promo");
    let e = Coach::new(Config { season: Some("xmas".into()), ..Config::default() }).err().unwrap();
    assert!(e.to_string().contains("season"), "{e}");
}
