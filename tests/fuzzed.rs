//! Inputs the fuzzers found (fuzz/, `scripts/test.d/60-fuzz.sh`): each one that crashed or was
//! slow is kept here, in the normal test suite, after its fix.

use kefu_coach::{Coach, Config, Report, Request};

/// As the fuzz targets assert (fuzz/src/lib.rs `assert_report`).
fn assert_offsets_valid(draft: &str, report: &Report) {
    let units: Vec<u16> = draft.encode_utf16().collect();
    let is_low = |i: usize| i < units.len() && (0xDC00..0xE000).contains(&units[i]);
    for f in &report.findings {
        assert!(f.start <= f.end && f.end <= units.len(), "{f:?} outside the draft");
        assert!(!is_low(f.start) && !is_low(f.end), "{f:?} splits a surrogate pair");
    }
}

fn check(draft: &str, first_reply: bool) {
    let coach = Coach::new(Config::default()).unwrap();
    let report = coach.check(&Request { first_reply, ..Request::draft(draft) });
    assert_offsets_valid(draft, &report);
}

/// `check_long`, found in its first seconds: a draft with no punctuation is cut into clauses
/// of ~1,024 bytes (src/text), and a cut can fall inside an order word (自己看, 你自己查);
/// command.imperative then slices `text[hit.end..clause.range.end]` with the hit's end past
/// the clause's: "byte range starts at 1029 but ends at 1026" (src/rules/command/
/// imperative.rs:132). Fuzz input (check_long): flags 0x28, length byte 0x14, "自己看x".
#[test]
fn order_word_across_a_clause_cut() {
    check(&"自己看x".repeat(200), false);
    check(&"您自己查".repeat(300), true);
    check(&"自己看\u{FFFD}".repeat(1243), true);
}

/// `check_long`, the same cut inside 不行 in blunt.flat-refusal: "byte range starts at 1027
/// but ends at 1024" (src/rules/blunt/flat_refusal.rs:284). Fuzz input (check_long, 72 bytes):
/// flags 0x2b, length byte 0x0f, ")不行\xe3", then fields ending in "能改成顺丰发货吗".
#[test]
fn refusal_across_a_clause_cut() {
    check(&")不行\u{FFFD}".repeat(410), true);
    check(&"不行x".repeat(300), false);
}

/// The same cut, found by trying the other rules that slice `text[hit.end..clause end]`
/// after the two above: blame.customer-fault (src/rules/blame/customer_fault.rs:172, "byte
/// range starts at 1027 but ends at 1024") and impatience.already-said
/// (src/rules/impatience/already_said.rs:80, "starts at 1030 but ends at 1024").
#[test]
fn blame_across_a_clause_cut() {
    check(&"您自己没看清楚x".repeat(47), false);
}

#[test]
fn already_said_across_a_clause_cut() {
    check(&"我已经说过了吗x".repeat(47), false);
}

/// `check` (the long run, twice): a space wider than one byte before a blaming phrase —
/// U+00A0 (a non-breaking space, common in text pasted from web pages) or U+2003. The rule
/// steps one byte past the space it found: "start byte index 2 is not a char boundary; it is
/// inside '\u{a0}'" (src/rules/blame/customer_fault.rs:170-171, `rfind(char::is_whitespace)`
/// then `i + 1`). Fuzz input (check): flags 0x28, "a\u{a0}是您自己". Fixed where text is
/// folded: every Unicode space becomes one ASCII space (src/text/fold.rs).
#[test]
fn wide_space_before_blame() {
    check("a\u{a0}是您自己", false);
    check("好\u{a0}您自己没看清楚", true);
    check("好\u{2003}您自己没看清楚", false);
}

/// `check_long`, the same cut inside a send-away in buck-passing.not-our-job: the clause ends
/// before the phrase it extends (src/rules/buck_passing/not_our_job.rs, `asks`). Fuzz input
/// (check_long, 63 bytes): “快递的事你问问快递吗”, then “我的包裹三天了还没动”.
#[test]
fn send_away_across_a_clause_cut() {
    for n in 90..130 {
        check(&"快递的事你问问快递吗".repeat(n), false);
    }
}

/// `check` and `check_long` (session 17), both within the fuzz stage's first minutes: a quote
/// opened in one sentence and still open in the next, with a claim word there (“好的。全网最低);
/// compliance.absolute-claim read the text from that sentence's start to the quote's start:
/// "byte range starts at 79 but ends at 64" (src/rules/compliance/absolute_claim.rs:351).
#[test]
fn claim_inside_a_quote_opened_sentences_before() {
    check("说“好的。这是全网最低价", false);
    check("“您好!感谢您的支持,祝您生活愉快。再见,全网销量第一,国家级品质,绝对是最好的锅!这个", true);
    check(&"加微信好评返现,全网最低。\"可能明天".repeat(50), false);
}
