//! Coverage of `compliance.absolute-claim` against a public list of Advertising-Law absolute
//! and forbidden words (`../shared/corpus/adlaw_limit_words_es3344520.txt`, read at test time,
//! never copied into the project). Each term is put into a plain selling sentence
//! (“这款是{term}的产品”) and must be flagged, except the few listed in [`FINE_IN_CONTEXT`]
//! with the reason they are ordinary shop words. Skipped with a message where the list is absent.

use std::fs;
use std::path::Path;

use kefu_coach::{Coach, Config, Request};

const LIST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/adlaw_limit_words_es3344520.txt");

/// Terms the rule leaves alone on purpose, and why. Kept short: every entry is a reviewed
/// decision, not a miss.
const FINE_IN_CONTEXT: &[(&str, &str)] = &[
    ("最", "a bare character: only 最 + an evaluation (最好, 最低价…) is a claim"),
    ("最大", "specs and service: 最大承重, 尽最大努力"),
    ("最高", "caps and specs: 最高可减50元, 最高温度"),
    ("最先", "order of events: 最先发出的那件"),
    ("最新", "facts: 最新物流信息, 最新款"),
    ("军队", "a bare noun; 军队专供 is caught through 专供"),
    ("一次通过", "ordinary: 审核一次通过"),
    ("一次通关", "ordinary: 游戏一次通关"),
    ("冥器", "names a product class, claims nothing"),
    ("点击有惊喜", "web-ad button text, not chat"),
    ("点击获取", "an instruction: 点击获取优惠券"),
    ("点击转身", "web-ad button text, not chat"),
    ("点击试穿", "web-ad button text, not chat"),
    ("点击翻转", "web-ad button text, not chat"),
    ("领取奖品", "an instruction in a real prize draw"),
    ("评比", "ordinary noun"),
    ("排序", "ordinary noun: 按价格排序"),
    ("指定", "ordinary: 指定快递, 指定日期送达"),
    ("推荐", "ordinary: 给您推荐一款"),
    ("选用", "ordinary: 选用进口面料"),
    ("获奖", "true when proven; cannot be judged from words"),
    ("保险公司", "a noun: 运费险由保险公司理赔"),
    ("安全", "ordinary: 包装安全, 支付安全"),
    ("热销", "ordinary: 热销款"),
    ("抢购", "ordinary: 限时抢购活动"),
    ("试用", "ordinary: 试用装"),
    ("免费赠送", "ordinary: 下单免费赠送收纳袋"),
    ("纯天然", "a composition claim that is often true (纯天然乳胶); needs facts"),
];

/// The share of the remaining terms that must be flagged.
const MIN_COVERAGE: f64 = 0.95;

#[test]
fn absolute_claim_covers_the_advertising_law_list() {
    if !Path::new(LIST).exists() {
        println!("skipped: {LIST} not found (the corpus is not shipped with the project)");
        return;
    }
    let text = fs::read_to_string(LIST).expect("readable word list");
    let terms: Vec<&str> = text.lines().map(str::trim).filter(|t| !t.is_empty()).collect();
    assert!(terms.len() > 100, "the list looks truncated: {} terms", terms.len());

    let coach = Coach::new(Config::default()).expect("default config");
    let (mut checked, mut flagged, mut missed) = (0, 0, Vec::new());
    for term in &terms {
        if FINE_IN_CONTEXT.iter().any(|(t, _)| t == term) {
            continue;
        }
        checked += 1;
        let draft = format!("这款是{term}的产品");
        let report = coach.check(&Request { draft: draft.clone(), ..Request::default() });
        if report.findings.iter().any(|f| f.rule == "compliance.absolute-claim") {
            flagged += 1;
        } else {
            missed.push(draft);
        }
    }
    let coverage = flagged as f64 / checked.max(1) as f64;
    println!(
        "absolute-claim: {flagged}/{checked} terms flagged ({:.1}%), {} fine in context",
        coverage * 100.0,
        terms.len() - checked
    );
    assert!(coverage >= MIN_COVERAGE, "coverage {coverage:.3} < {MIN_COVERAGE}; missed:\n{}", missed.join("\n"));
    // The exclusions must stay a small, reviewed minority of the list.
    assert!(terms.len() - checked <= terms.len() / 5, "too many terms excluded: {}", terms.len() - checked);
}

#[test]
fn plain_selling_sentences_without_claims_stay_clean() {
    // The frame itself must not be what gets flagged.
    let coach = Coach::new(Config::default()).expect("default config");
    for term in ["很好", "新款", "纯棉", "热销"] {
        let report = coach.check(&Request { draft: format!("这款是{term}的产品"), ..Request::default() });
        assert!(
            !report.findings.iter().any(|f| f.rule == "compliance.absolute-claim"),
            "“这款是{term}的产品” flagged: {:?}",
            report.findings
        );
    }
}
