//! Throughput of `Coach::check` over every agent turn of the JDDC sample
//! (`../shared/corpus/jddc2019_chat_0.1per.tsv`), each checked with the customer turn before
//! it. Prints µs per draft (median, p99) measured one draft at a time, without and with a
//! 20-pattern team pack (the patterns of www/bench), and per keystroke while drafts are typed
//! out; then runs criterion over the whole set.
//! Skips with a message when the corpus is absent.
//!
//! Before that, the hostile rows: time and peak memory of one check of 1 MB of text dense
//! with problems (the firing fixtures of tests/fixtures/rules, end to end), of the issue's
//! repeated 可能不知道,亲。 from 5,000 to 824,000 characters, and of single characters
//! repeated (你, 1, 嗯), and the three slowest of every firing fixture repeated alone to
//! 100,000 characters. Goal: 1 MB within 1 s and 64 MB.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
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
                ..Request::default()
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

/// What the extension does while an agent types: every prefix of a draft checked with the
/// same customer message, over the first 300 turns that answer a customer.
fn typing(coach: &Coach, reqs: &[Request]) {
    let mut times: Vec<f64> = Vec::new();
    for r in reqs.iter().filter(|r| !r.customer.is_empty()).take(300) {
        for (end, _) in r.draft.char_indices().skip(1).chain([(r.draft.len(), ' ')]) {
            let typed = Request { draft: r.draft[..end].to_owned(), ..r.clone() };
            let t = Instant::now();
            black_box(coach.check(black_box(&typed)));
            times.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let q = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "typing: every prefix of 300 JDDC agent turns, {} checks: median {:.1} µs, p90 {:.1} µs, p99 {:.1} µs",
        times.len(),
        q(0.5),
        q(0.9),
        q(0.99)
    );
}

/// Counts the bytes the program holds, for the hostile rows' peak memory.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(held, Ordering::Relaxed);
        // SAFETY: the caller's contract for `GlobalAlloc::alloc`, passed on unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// `unit` repeated to `chars` characters.
fn repeated(unit: &str, chars: usize) -> String {
    unit.chars().cycle().take(chars).collect()
}

/// The firing drafts of the rule fixtures, each with its rule (the fixture file's name).
fn firing_drafts() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules");
    let mut drafts = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("tests/fixtures/rules").flatten().map(|e| e.path()).collect();
    files.sort();
    for f in files {
        let rule = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        for line in std::fs::read_to_string(&f).expect("a fixture file").lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            if v["fires"] == true {
                drafts.push((rule.clone(), v["draft"].as_str().unwrap_or_default().to_owned()));
            }
        }
    }
    drafts
}

/// The firing drafts of the rule fixtures, one after another, to `bytes` bytes.
fn dense(bytes: usize) -> String {
    let drafts = firing_drafts();
    let mut text = String::new();
    for (_, d) in drafts.iter().cycle() {
        if text.len() + d.len() > bytes {
            break;
        }
        text.push_str(d);
    }
    text
}

/// Every firing fixture repeated alone to 100,000 characters: a rule that does work over the
/// whole text for each match it finds shows up here (a policy bar counted the reply's length
/// at each match: 您那边没有站点呢。 repeated took 73 s). Prints the three slowest.
fn each_fixture_repeated(coach: &Coach) {
    let mut times: Vec<(f64, String)> = firing_drafts()
        .into_iter()
        .filter(|(_, d)| !d.is_empty())
        .map(|(rule, d)| {
            let req =
                Request { draft: repeated(&d, 100_000), customer: "怎么还没发货?".into(), ..Request::default() };
            let t = Instant::now();
            black_box(coach.check(black_box(&req)));
            (t.elapsed().as_secs_f64(), format!("{rule}: {}", d.chars().take(12).collect::<String>()))
        })
        .collect();
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    let n = times.len();
    for (secs, label) in times.iter().take(3) {
        println!("hostile: slowest of {n} firing fixtures x 100,000 chars: {secs:.3} s  {label}");
    }
}

fn hostile(coach: &Coach) {
    let mut rows: Vec<(String, String)> = vec![("1 MB of the firing fixtures".into(), dense(1 << 20))];
    for chars in [5_000, 20_000, 50_000, 100_000, 824_000] {
        rows.push((format!("可能不知道,亲。 x {chars} chars"), repeated("可能不知道,亲。", chars)));
    }
    for unit in ["你", "1", "嗯"] {
        rows.push((format!("{unit} x 1 MB"), repeated(unit, (1 << 20) / unit.len())));
    }
    for (label, draft) in rows {
        let req = Request {
            draft,
            customer: "怎么还没发货?都一周了,你们怎么回事".into(),
            first_reply: false,
            platform: Some("jd".into()),
            ..Request::default()
        };
        let before = HELD.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let t = Instant::now();
        let findings = black_box(coach.check(black_box(&req))).findings.len();
        let secs = t.elapsed().as_secs_f64();
        let peak = PEAK.load(Ordering::Relaxed) - before;
        println!(
            "hostile: {label:<34} {:>9} bytes {:>8.3} s {:>7.1} MB peak {findings:>7} findings",
            req.draft.len(),
            secs,
            peak as f64 / (1 << 20) as f64
        );
    }
}

fn bench(c: &mut Criterion) {
    let coach = Coach::new(Config::default()).expect("default config");
    hostile(&coach);
    each_fixture_repeated(&coach);
    let Some(reqs) = requests() else {
        println!("skipped: {CORPUS} not found (the JDDC sample lives in ../shared/corpus)");
        return;
    };
    per_draft("", &coach, &reqs);
    typing(&coach, &reqs);
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
