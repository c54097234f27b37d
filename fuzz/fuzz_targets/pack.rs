//! Team packs: the pack compiler (src/packs.rs) and the pattern engine (src/pattern), through
//! the public API only (a configuration's JSON, `Coach::new`, `pattern::Pattern`).
//! Time and memory are bounded by libFuzzer's -timeout and -rss_limit_mb.
//!
//! Input: flags, then fields separated by 0xFF.
//! - bit 0 clear: `pattern 0xFF unless 0xFF text`. The pattern (and `unless`, when not
//!   empty) in a pack; a coach that accepts it checks the text; then the pattern alone
//!   against the `regex` crate, the oracle: a pattern it accepts, `regex` accepts too,
//!   with the same matches.
//! - bit 0 set: the whole field is a team configuration's JSON (packs, platform, switched-off
//!   rules); when accepted, it checks the next field.
#![no_main]

use fuzz_support::{assert_report, Input};
use kefu_coach::pattern::Pattern;
use kefu_coach::{Category, Coach, Config, Request};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    if input.bit(0) {
        let Ok(config) = Config::from_json(&input.text()) else { return };
        let Ok(coach) = Coach::new(config) else { return };
        let draft = input.text();
        let report = coach.check(&Request::draft(draft.clone()));
        assert_report(&draft, &report);
        return;
    }
    let (pattern, unless, text) = (input.text(), input.text(), input.text());
    let mut rule = json!({"id": "fuzzed", "pattern": pattern, "category": "vague", "severity": "hint",
        "message": "fuzzed", "suggestions": ["替换"]});
    if !unless.is_empty() {
        rule["unless"] = json!(unless);
    }
    // The built-in rules switched off but one category: the pack is what is under test.
    let off = Category::ALL.iter().filter(|c| **c != Category::Vague).map(|c| c.id().to_owned()).collect();
    let config =
        Config { packs: vec![json!({"name": "fuzz", "rules": [rule]})], disabled_categories: off, ..Config::default() };
    if let Ok(coach) = Coach::new(config) {
        let report = coach.check(&Request::draft(text.clone()));
        assert_report(&text, &report);
    }
    differential(&pattern, &text);
});

/// The engine's promise (src/pattern/mod.rs): a subset of `regex`'s syntax, with its matches.
fn differential(pattern: &str, text: &str) {
    let Ok(ours) = Pattern::new(pattern) else { return };
    let theirs =
        regex::Regex::new(pattern).unwrap_or_else(|e| panic!("Pattern accepts {pattern:?}, regex refuses it: {e}"));
    let got: Vec<_> = ours.find_iter(text).collect();
    let want: Vec<_> = theirs.find_iter(text).map(|m| m.range()).collect();
    assert_eq!(got, want, "matches of {pattern:?} in {text:?}");
    assert_eq!(ours.is_match(text), theirs.is_match(text), "is_match of {pattern:?} in {text:?}");
}
