//! Team packs against the coach: what a pack may cost, and what happens to one that would
//! cost too much or clash with another. Costs are read from the compiled programs' sizes
//! (`Pattern::size`: a search takes about two steps per instruction and character, counted
//! in `pattern::tests::searches_are_linear_in_the_text`), not from the clock.
//!
//! `cargo test --release --test packs -- --ignored --nocapture` prints the worst packs'
//! times per check on 5,000 characters.

use kefu_coach::packs::{CompiledPack, MAX_RULES, MAX_SIZE};
use kefu_coach::pattern::Pattern;
use kefu_coach::{Coach, Config, Request};
use serde_json::{json, Value};

fn rule(id: &str, pattern: &str) -> Value {
    json!({"id": id, "pattern": pattern, "category": "impatience", "severity": "warning", "message": "m"})
}

fn pack(name: &str, patterns: &[&str]) -> Value {
    let rules: Vec<Value> = patterns.iter().enumerate().map(|(i, p)| rule(&format!("{name}-x{i}"), p)).collect();
    json!({"name": name, "rules": rules})
}

fn configure(packs: Vec<Value>) -> Result<Coach, String> {
    Coach::new(Config { packs, ..Config::default() }).map_err(|e| e.to_string())
}

fn refused(packs: Vec<Value>) -> String {
    match configure(packs) {
        Ok(_) => panic!("should be refused"),
        Err(e) => e,
    }
}

fn flagged(coach: &Coach, draft: &str) -> Vec<String> {
    coach.check(&Request::draft(draft)).findings.into_iter().map(|f| f.rule).filter(|r| r.contains("-x")).collect()
}

/// The packs of the issue: each refused where it is written, or cheap.
#[test]
fn the_issues_packs_are_refused_or_cheap() {
    let e = refused(vec![pack("p", &[r"((\w|\W){1,99}){1,20}y"])]);
    assert!(e.contains("第 1 条 (pattern)") && e.contains("第 16 个字符处,表达式过于复杂"), "{e}");
    let e = refused(vec![pack("p", &[r"(\w{99}){100}"])]);
    assert!(e.contains("第 9 个字符处,表达式过于复杂"), "{e}");
    // Linear now: 19 instructions, so ~40 steps a character whatever the text.
    assert_eq!(Pattern::new("a(.*x|.*y|.*z)?").unwrap().size(), 19);
    let coach = configure(vec![pack("p", &["a(.*x|.*y|.*z)?"])]).unwrap();
    // Every character matches: a rule keeps 1,000 and counts the rest.
    assert_eq!(flagged(&coach, &"a".repeat(5_000)).len(), 1_000);
    let omitted = coach.check(&Request::draft("a".repeat(5_000))).omitted;
    assert_eq!((omitted[0].rule.as_str(), omitted[0].count), ("impatience.p-x0", 4_000), "{omitted:?}");
    // 10,000 rules: one pack, or twenty.
    let many: Vec<String> = (0..10_000).map(|i| format!("呵{i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let e = refused(vec![pack("p", &many)]);
    assert!(e.contains(&format!("最多 {MAX_RULES} 条规则")), "{e}");
    let packs: Vec<Value> = (0..50).map(|i| pack(&format!("p{i}"), &many[i * 200..(i + 1) * 200])).collect();
    let e = refused(packs);
    assert!(e.contains("规则包 “p1” (rules): 规则包合计最多 200 条规则、3000 步"), "{e}");
}

#[test]
fn a_rule_id_in_two_packs_is_refused_by_configure_as_by_add_pack() {
    let a = json!({"name": "售前", "rules": [rule("no-hehe", "呵呵")]});
    let b = json!({"name": "售后", "rules": [rule("ok", "好吧"), rule("no-hehe", "呵呵+")]});
    let e = refused(vec![a.clone(), b.clone()]);
    assert_eq!(e, "规则包 “售后” 第 2 条 (id): “impatience.no-hehe” 与规则包 “售前” 中的规则同名");
    let mut coach = configure(vec![a.clone()]).unwrap();
    assert!(coach.add_pack(&b).is_err());
    // The same name twice in one configuration: `add_pack` would replace both.
    let e = refused(vec![a.clone(), json!({"name": "售前", "rules": [rule("other", "哦")]})]);
    assert!(e.contains("规则包名称 “售前” 重复"), "{e}");
    // Replacing a pack by its own name is fine.
    coach.add_pack(&json!({"name": "售前", "rules": [rule("no-hehe", "呵呵呵")]})).unwrap();
    let rules: Vec<String> = coach.check(&Request::draft("呵呵,好")).findings.into_iter().map(|f| f.rule).collect();
    assert!(!rules.contains(&"impatience.no-hehe".to_owned()), "{rules:?}");
}

#[test]
fn what_all_packs_may_hold_together() {
    // A 997-instruction pattern: three fit in the budget, four don't.
    let big = r".{1,100}.{1,100}.{1,100}.{1,100}.{1,100}y";
    assert_eq!(Pattern::new(big).unwrap().size(), 997);
    let three = CompiledPack::compile(&pack("p", &[big; 3])).unwrap();
    assert!(three.size <= MAX_SIZE);
    let e = refused(vec![pack("p", &[big; 4])]);
    assert_eq!(e, "规则包 “p” (rules): 规则包合计最多 200 条规则、3000 步(表达式展开后)");
    let e = refused(vec![pack("a", &[big; 2]), pack("b", &[big; 2])]);
    assert!(e.contains("规则包 “b” (rules): 规则包合计最多 200 条规则、3000 步"), "{e}");
    // `unless` counts too.
    let mut p = pack("p", &[big; 3]);
    p["rules"][2]["unless"] = json!("呵{20}");
    assert!(refused(vec![p]).contains("规则包 “p” (rules): 规则包合计最多"));

    // add_pack: refused past the totals, and the rules in force stay.
    let mut coach = configure(vec![pack("a", &[big; 2])]).unwrap();
    let e = coach.add_pack(&pack("b", &[big; 2])).unwrap_err().to_string();
    assert!(e.contains("规则包合计最多"), "{e}");
    let mut b = pack("b", &["呵呵"]);
    b["rules"][0]["id"] = json!("hehe");
    coach.add_pack(&b).unwrap();
    let rules: Vec<String> = (0..MAX_RULES).map(|i| format!("呵{i}")).collect();
    let rules: Vec<&str> = rules.iter().map(String::as_str).collect();
    let mut c = pack("c", &rules);
    for (i, r) in c["rules"].as_array_mut().unwrap().iter_mut().enumerate() {
        r["id"] = json!(format!("c{i}"));
    }
    let e = coach.add_pack(&c).unwrap_err().to_string();
    assert!(e.contains("规则包合计最多 200 条规则"), "{e}");
    let report = coach.check(&Request::draft("呵呵"));
    assert!(report.findings.iter().any(|f| f.rule == "impatience.hehe"));
    assert!(!report.findings.iter().any(|f| f.rule.starts_with("impatience.c")));
}

#[test]
fn messages_and_suggestions_are_bounded() {
    let says = "第 1 条 (message): 最多 5 条建议;提示和每条建议最多 600 字节";
    let mut p = pack("p", &["呵呵"]);
    p["rules"][0]["message"] = json!("长".repeat(201));
    assert!(refused(vec![p.clone()]).contains(says));
    p["rules"][0]["message"] = json!("长".repeat(200));
    p["rules"][0]["suggestions"] = json!(vec!["好"; 6]);
    assert!(refused(vec![p.clone()]).contains(says));
    p["rules"][0]["suggestions"] = json!(["长".repeat(201)]);
    assert!(refused(vec![p.clone()]).contains(says));
    p["rules"][0]["suggestions"] = json!(vec!["长".repeat(200); 5]);
    assert!(configure(vec![p]).is_ok());
}

/// `unless` is read once per clause, however many matches the clause holds.
#[test]
fn unless_reads_a_clause_once() {
    let mut p = pack("p", &["呵"]);
    p["rules"][0]["unless"] = json!("哈哈");
    let coach = configure(vec![p]).unwrap();
    // 300 characters: a clause is cut at 1,024 bytes where text has no punctuation.
    assert_eq!(flagged(&coach, &format!("{}哈哈,呵", "呵".repeat(300))).len(), 1);
    assert_eq!(flagged(&coach, &format!("{},哈", "呵".repeat(300))).len(), 300);
}

/// CPU time of this thread so far (Linux; the clock would count other jobs' time on a
/// shared machine), in 10 ms ticks.
fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    fields.get(11..13).map_or(0, |f| f.iter().map(|x| x.parse::<u64>().unwrap_or(0)).sum())
}

/// CPU time per call of `f`, over at least a second of it.
fn per_call(mut f: impl FnMut()) -> std::time::Duration {
    let (start, mut calls) = (cpu_ticks(), 0u32);
    while cpu_ticks() - start < 100 {
        f();
        calls += 1;
    }
    std::time::Duration::from_millis((cpu_ticks() - start) * 10) / calls
}

/// The worst packs accepted, timed on 5,000 characters (not asserted: times vary).
#[test]
#[ignore]
fn worst_accepted_packs_per_check() {
    let cjk: String = "您好亲这个我们这边帮您查一下物流信息请稍等谢谢".chars().cycle().take(5_000).collect();
    let a = "a".repeat(5_000);
    let base = configure(vec![]).unwrap();
    let big = r".{1,100}.{1,100}.{1,100}.{1,100}.{1,100}y";
    let wide: Vec<String> =
        (0..MAX_RULES).map(|i| format!("[一-龥]{{2}}{}", char::from_u32(0x4E00 + i as u32).unwrap())).collect();
    let wide: Vec<&str> = wide.iter().map(String::as_str).collect();
    let wider: Vec<String> =
        (0..100).map(|i| format!("[一-龥]{{2,14}}{}", char::from_u32(0x4E00 + i as u32).unwrap())).collect();
    let wider: Vec<&str> = wider.iter().map(String::as_str).collect();
    for (label, packs) in [
        ("3 × .{1,100}×5 y (2,991 instructions)", vec![pack("p", &[big; 3])]),
        ("200 × [一-龥]{2}X (every CJK character starts a search)", vec![pack("p", &wide)]),
        ("100 × [一-龥]{2,14}X (2,900 instructions)", vec![pack("p", &wider)]),
        ("a(.*x|.*y|.*z)?", vec![pack("p", &["a(.*x|.*y|.*z)?"])]),
    ] {
        let t = std::time::Instant::now();
        let coach = configure(packs).unwrap();
        let compiled = t.elapsed();
        for (name, text) in [("CJK", &cjk), ("a", &a)] {
            let req = Request::draft(text.as_str());
            let with = per_call(|| drop(std::hint::black_box(coach.check(&req))));
            let without = per_call(|| drop(std::hint::black_box(base.check(&req))));
            println!("{label}: compiled in {compiled:?}; on 5,000 {name}: {with:?} per check ({without:?} without)");
        }
    }
}
