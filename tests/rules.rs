//! Fixture tests, one file per rule: `tests/fixtures/rules/<rule-id>.jsonl`.
//!
//! Each line is a case:
//! `{"draft": "...", "customer": "...", "first_reply": false, "platform": "taobao",
//!   "fires": true, "fixed": "the draft after applying the first suggestion"}`.
//! `fires: true` — the rule must flag the draft; with `fixed`, applying the first suggestion
//! of the rule's first finding must give exactly that text, and the fixed text must no
//! longer get this rule; with `"fixed": null`, the finding must offer no fix. `fires: false` —
//! a look-alike the rule must leave alone.

mod common;
use common::{req, FIXTURES as DIR};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use kefu_coach::{Coach, Config, Request};
use serde_json::Value;

#[test]
fn every_rule_has_a_fixture_file_and_every_file_a_rule() {
    let rules: BTreeSet<String> = Coach::rules().into_iter().map(|r| r.id).collect();
    let files: BTreeSet<String> = fs::read_dir(DIR)
        .expect("fixture dir")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".jsonl").map(str::to_owned))
        .collect();
    let missing: Vec<_> = rules.difference(&files).collect();
    let orphan: Vec<_> = files.difference(&rules).collect();
    assert!(missing.is_empty(), "rules without fixtures: {missing:?}");
    assert!(orphan.is_empty(), "fixtures without rules: {orphan:?}");
}

#[test]
fn fixtures() {
    let coach = Coach::new(Config::default()).expect("default config");
    let mut failures = Vec::new();
    let mut counted = 0;
    for rule in Coach::rules() {
        let path = Path::new(DIR).join(format!("{}.jsonl", rule.id));
        let Ok(text) = fs::read_to_string(&path) else { continue };
        let (mut fires, mut quiet) = (0, 0);
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let case: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
            let r = req(&case);
            let report = coach.try_check(&r).expect("valid request");
            let mine: Vec<_> = report.findings.iter().filter(|f| f.rule == rule.id).collect();
            let at = format!("{}:{} {:?}", rule.id, i + 1, r.draft);
            counted += 1;
            if case["fires"].as_bool().expect("fires") {
                fires += 1;
                let Some(f) = mine.first() else {
                    failures.push(format!(
                        "{at}: expected {} to fire; got {:?}",
                        rule.id,
                        report.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
                    ));
                    continue;
                };
                // A fixture may pin the severity: a hint is a promise too.
                if let Some(want) = case["severity"].as_str() {
                    let got = serde_json::to_value(f.severity).expect("severity");
                    if got != want {
                        failures.push(format!("{at}: severity {got}, want {want}"));
                        continue;
                    }
                }
                // `"fixed": null`: the finding offers no fix (no one rewrite would do).
                if case.get("fixed").is_some_and(|v| v.is_null()) && !f.suggestions.is_empty() {
                    failures.push(format!("{at}: offers {:?}, want no fix", f.suggestions));
                    continue;
                }
                if let Some(fixed) = case["fixed"].as_str() {
                    let got = f.apply(&r.draft, 0);
                    if got.as_deref() != Some(fixed) {
                        failures.push(format!("{at}: first suggestion gives {got:?}, want {fixed:?}"));
                        continue;
                    }
                    let again = coach.check(&Request { draft: fixed.to_owned(), ..r.clone() });
                    if again.findings.iter().any(|g| g.rule == rule.id) {
                        failures.push(format!("{at}: still fires after the fix: {fixed:?}"));
                    }
                }
            } else {
                quiet += 1;
                if !mine.is_empty() {
                    failures.push(format!("{at}: look-alike flagged: {:?}", mine));
                }
            }
        }
        if fires < 3 || quiet < 3 {
            failures.push(format!("{}: needs ≥3 firing and ≥3 look-alike cases, has {fires} and {quiet}", rule.id));
        }
    }
    assert!(counted > 0, "no fixture ran");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// A learned second opinion (`<category>.sounds-like`) speaks only where no other rule of its
/// category did, and not at all for a category the team switched a rule of off.
#[test]
fn second_opinions_stay_quiet_where_the_category_spoke_or_was_switched_off() {
    let rules = |coach: &Coach, draft: &str| -> Vec<String> {
        let r = Request { draft: draft.into(), ..Request::default() };
        coach.check(&r).findings.into_iter().map(|f| f.rule).collect()
    };
    let all = Coach::new(Config::default()).expect("default config");
    assert_eq!(rules(&all, "不知道。"), ["blunt.dont-know"]);
    assert!(rules(&all, "这个搞不定").contains(&"blunt.sounds-like".to_owned()));
    let config: Config = serde_json::from_str(r#"{"disabled_rules": ["blunt.dont-know"]}"#).expect("config");
    let some_off = Coach::new(config).expect("config");
    assert!(rules(&some_off, "不知道。").is_empty());
    assert!(rules(&some_off, "这个搞不定").is_empty(), "the blunt second opinion is off with one blunt rule off");
}

/// One category offers one rewrite of the same words: a finding with a fix that lies inside a
/// wider one of its category, as severe and with a fix, goes; a finding without a fix stays
/// unless another covers exactly its words.
#[test]
fn one_category_gives_one_rewrite_of_the_same_words() {
    let coach = Coach::new(Config::default()).expect("default config");
    let of = |draft: &str, customer: &str, category: &str| -> Vec<(String, String)> {
        let r = Request { draft: draft.into(), customer: customer.into(), ..Request::default() };
        let units: Vec<u16> = draft.encode_utf16().collect();
        let report = coach.check(&r);
        let words = |f: &kefu_coach::Finding| String::from_utf16_lossy(&units[f.start..f.end]);
        report.findings.iter().filter(|f| f.category.id() == category).map(|f| (f.rule.clone(), words(f))).collect()
    };
    // 手慢无 inside a push after the customer's no: one rewrite, the respectful close.
    let push = "再看看嘛,这款真的很划算,手慢无!";
    assert_eq!(
        of(push, "不用了 我不需要", "pressure"),
        [("pressure.push-after-no".into(), "再看看嘛,这款真的很划算,手慢无".into())]
    );
    // Without the no, 手慢无 alone is the push.
    assert_eq!(of(push, "这款有货吗", "pressure"), [("pressure.hard-sell".into(), "手慢无".into())]);
    // 稍等 and a time to add after it: one time to add.
    assert_eq!(of("好的亲,请稍等。", "帮我查下口红的物流到哪了", "timeline").len(), 1);
    // 你好 inside 宝宝你好: the wider fix mends both.
    assert_eq!(
        of("宝宝你好呀~还有的", "直播间那个项链还有吗", "address"),
        [("address.casual-nickname".into(), "宝宝你好".into())]
    );
    // 包过 inside 100%包过 offers no fix of its own and names what the wider fix leaves.
    assert_eq!(of("跟着我们学100%包过", "", "compliance").len(), 2);
}
