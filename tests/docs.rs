//! `docs/rules.md` is generated from the rules' doc comments and `www/assets/core-facts.js`
//! from the core's categories, dimensions, platforms and severities; this keeps both in sync.
//! To regenerate: `UPDATE_DOCS=1 cargo test --test docs` (or `kefu-coach rules --markdown`).

#[test]
fn rules_md_is_in_sync_with_the_rule_docs() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let want = kefu_coach::docs::rules_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).expect("write docs/rules.md");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`");
}

#[test]
fn the_pages_facts_are_the_cores() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/assets/core-facts.js");
    let want = kefu_coach::docs::core_facts_js();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).expect("write www/assets/core-facts.js");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "www/assets/core-facts.js is stale: run `UPDATE_DOCS=1 cargo test --test docs`");
}
