//! No panic on any input, and every offset lies inside the draft without splitting a
//! surrogate pair. A property test over generated drafts (a seeded generator: failures
//! reproduce), plus the awkward inputs named in the issue.

use kefu_coach::{Coach, Config, Platform, Report, Request};

/// Pieces the generator strings together: rule trigger words, look-alikes, and awkward text.
const PIECES: &[&str] = &[
    "不知道",
    "不行",
    "没办法",
    "亲",
    "您好",
    "你",
    "美女",
    "自己看",
    "发我",
    "说过了",
    "别催了",
    "不归我们管",
    "是您自己",
    "抱歉",
    "理解",
    "尽快",
    "稍等",
    "可能",
    "大概",
    "应该",
    "第一",
    "最好",
    "全网最低",
    "绝对",
    "加微信",
    "好评返现",
    "yyds",
    "绝绝子",
    "SKU",
    "到付",
    "货到付款",
    "48h",
    "赶紧付款",
    "别犹豫了",
    "谢谢",
    "今天18点前",
    "1-3个工作日",
    "第一,",
    "第二,",
    "。",
    ",",
    "，",
    "！",
    "!!!",
    "？？",
    "?",
    "……",
    "~",
    "\r\n",
    "\n",
    " ",
    "\t",
    "🙂",
    "👍🏻",
    "👨‍👩‍👧",
    "❤️",
    "𠮷",
    "\u{FFFD}",
    "\u{0}",
    "\u{7}",
    "\u{202E}",
    "שלום",
    "مرحبا",
    "ＳＫＵ",
    "親",
    "這個",
    "沒辦法",
    "Ａ",
    "a",
    "1",
    "\u{300}",
    "\u{FE0F}",
    "\u{200D}",
    "【预计时间】",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_text(rng: &mut Rng, max_pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(max_pieces + 1) {
        if rng.below(5) == 0 {
            // Any scalar value, from anywhere in Unicode.
            let c = char::from_u32(rng.below(0x110000) as u32).unwrap_or('\u{FFFD}');
            s.push(c);
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    s
}

fn assert_offsets_valid(draft: &str, report: &Report) {
    let units: Vec<u16> = draft.encode_utf16().collect();
    let is_low = |i: usize| i < units.len() && (0xDC00..0xE000).contains(&units[i]);
    for (n, f) in report.findings.iter().enumerate() {
        assert!(f.start <= f.end && f.end <= units.len(), "{f:?} outside {draft:?}");
        assert!(!is_low(f.start) && !is_low(f.end), "{f:?} splits a surrogate pair in {draft:?}");
        assert!(!f.message.is_empty(), "{f:?} has no message");
        // Applying re-encodes the whole draft: check a sample on huge drafts.
        if n < 50 {
            for i in 0..f.suggestions.len() {
                assert!(f.apply(draft, i).is_some(), "{f:?} suggestion {i} can't be applied");
            }
        }
    }
    assert!(report.score <= 100);
}

#[test]
fn generated_drafts_never_panic_and_offsets_stay_inside() {
    let coach = Coach::new(Config::default()).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..4000 {
        let draft = random_text(&mut rng, 24);
        let req = Request {
            draft: draft.clone(),
            customer: random_text(&mut rng, 8),
            first_reply: rng.below(2) == 0,
            agent_since: if rng.below(4) == 0 { random_text(&mut rng, 6) } else { String::new() },
            previous_reply: if rng.below(4) == 0 { random_text(&mut rng, 6) } else { String::new() },
            platform: Some(Platform::ALL[rng.below(5)].id().to_owned()),
        };
        let report = coach.try_check(&req).expect("known platform");
        assert_offsets_valid(&draft, &report);
    }
}

#[test]
fn awkward_inputs() {
    let coach = Coach::new(Config::default()).unwrap();
    let cases = [
        String::new(),
        " \t\r\n ".into(),
        "\u{0}\u{1}\u{7f}".into(),
        "\u{202E}不知道\u{202C} שלום 不行".into(),
        "您好\r\n不知道\r\n\r\n好的".into(),
        "\u{FFFD}不知道\u{FFFD}".into(),
        "🙂".repeat(50),
        "!".repeat(1000),
    ];
    for draft in cases {
        let report = coach.check(&Request {
            customer: "怎么还没发货?".into(),
            first_reply: true,
            ..Request::draft(draft.clone())
        });
        assert_offsets_valid(&draft, &report);
    }
}

#[test]
fn one_megabyte_draft() {
    let coach = Coach::new(Config::default()).unwrap();
    let para = "亲,这个我也不知道,您自己看说明吧!!!可能明天发货🙂👍🏻,𠮷\r\n加微信好评返现,全网最低。";
    let mut draft = String::new();
    while draft.len() < 1 << 20 {
        draft.push_str(para);
    }
    let report =
        coach.check(&Request { customer: "在吗?什么时候发货?".into(), ..Request::draft(draft.clone()) });
    assert_offsets_valid(&draft, &report);
    assert!(!report.findings.is_empty());
}

/// A text that trips a rule on every character keeps 1,000 of its findings and counts the
/// rest (the report of 你×300,000 held 173 MB); other rules still report.
#[test]
fn one_rule_reports_at_most_a_thousand_findings_and_counts_the_rest() {
    use kefu_coach::finding::MAX_FINDINGS_PER_RULE;
    let coach = Coach::new(Config::default()).unwrap();
    let draft = format!("{}我不知道", "你".repeat(MAX_FINDINGS_PER_RULE + 250));
    let report = coach.check(&Request::draft(draft));
    let ni = report.findings.iter().filter(|f| f.rule == "address.ni-for-customer").count();
    assert_eq!(ni, MAX_FINDINGS_PER_RULE);
    assert_eq!(report.omitted.len(), 1, "{:?}", report.omitted);
    assert_eq!(report.omitted[0].rule, "address.ni-for-customer");
    assert_eq!(report.omitted[0].count, 250);
    assert!(report.findings.iter().any(|f| f.rule == "blunt.dont-know"));

    let quiet = coach.check(&Request::draft("你好"));
    assert!(quiet.omitted.is_empty());
    let json = serde_json::to_string(&quiet).unwrap();
    assert!(!json.contains("omitted"), "absent when empty: {json}");
}
