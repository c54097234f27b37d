//! Throughput of `Coach::check` over every agent turn of the JDDC sample
//! (`../shared/corpus/jddc2019_chat_0.1per.tsv`), each checked with the customer turn before
//! it. Prints µs per draft (median, p99) measured one draft at a time, without and with a
//! 20-pattern team pack (the patterns of www/bench), then runs criterion over the whole set.
//! Skips with a message when the corpus is absent.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use kefu_coach::{Coach, Config, Request};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/jddc2019_chat_0.1per.tsv");

fn requests() -> Option<Vec<Request>> {
    let text = std::fs::read_to_string(CORPUS).ok()?;
    let mut out = Vec::new();
    let (mut session, mut customer, mut replied) = (String::new(), String::new(), false);
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 7 {
            continue;
        }
        if cols[0] != session {
            session = cols[0].to_owned();
            customer.clear();
            replied = false;
        }
        let content = cols[6..].join("\t");
        if cols[2] == "1" {
            out.push(Request {
                draft: content,
                customer: customer.clone(),
                first_reply: !replied,
                platform: Some("jd".into()),
            });
            replied = true;
        } else {
            customer = content;
        }
    }
    Some(out)
}

/// The benchmark page's team pack (www/bench/bench.js), as a team might write one.
const PACK_PATTERNS: &[&str] = &[
    "呵呵+",
    "亲{2,}",
    "(?:没办法|没有办法)",
    "自己(?:看|查)",
    r"\d{3,}元",
    "[你您]们?自己",
    "快递(?:员|公司)?",
    "催(?:一下|不了)",
    "不(?:行|可以)了?",
    "马上|立刻|立即",
    "退(?:款|货)",
    "差评",
    "投诉",
    "(?:谢谢|感谢)",
    "好的?",
    "稍等",
    r"\s{2,}",
    "[a-z]{4,}",
    "哦{2,}",
    "!{2,}",
];

fn pack_coach() -> Coach {
    let rules: Vec<serde_json::Value> = PACK_PATTERNS
        .iter()
        .enumerate()
        .map(|(i, p)| {
            serde_json::json!({"id": format!("p{i}"), "pattern": p, "category": "impatience",
                "severity": "hint", "message": "团队规则"})
        })
        .collect();
    let config = Config { packs: vec![serde_json::json!({"name": "bench", "rules": rules})], ..Config::default() };
    Coach::new(config).expect("the bench pack compiles")
}

fn per_draft(label: &str, coach: &Coach, reqs: &[Request]) {
    let mut times: Vec<f64> = Vec::with_capacity(reqs.len() * 5);
    for _ in 0..5 {
        for r in reqs {
            let t = Instant::now();
            black_box(coach.check(black_box(r)));
            times.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let q = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    let chars: usize = reqs.iter().map(|r| r.draft.chars().count()).sum();
    println!(
        "per-draft{label} over {} JDDC agent turns (avg {:.0} chars) x5: median {:.1} µs, p90 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        reqs.len(),
        chars as f64 / reqs.len() as f64,
        q(0.5),
        q(0.9),
        q(0.99),
        q(1.0)
    );
}

fn bench(c: &mut Criterion) {
    let coach = Coach::new(Config::default()).expect("default config");
    let Some(reqs) = requests() else {
        println!("skipped: {CORPUS} not found (the JDDC sample lives in ../shared/corpus)");
        return;
    };
    per_draft("", &coach, &reqs);
    per_draft(&format!(" with a {}-pattern team pack", PACK_PATTERNS.len()), &pack_coach(), &reqs);
    let mut g = c.benchmark_group("jddc");
    g.throughput(criterion::Throughput::Elements(reqs.len() as u64));
    g.sample_size(10);
    g.bench_function("all-agent-turns", |b| {
        b.iter(|| {
            for r in &reqs {
                black_box(coach.check(black_box(r)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
