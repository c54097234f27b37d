//! What the fuzz targets share: reading the fuzzer's bytes as fields, the invariants every
//! report must keep, and the time a check may take.
//!
//! Inputs are mostly text, so that hand-written seeds stay readable: a first byte of flags,
//! then fields separated by 0xFF (a byte that never occurs in UTF-8), each read as UTF-8
//! with what is not text replaced by U+FFFD.

use std::cell::RefCell;

use kefu_coach::{Coach, Config, Platform, Report, Request};
use serde_json::json;

/// The flags byte and the 0xFF-separated fields after it.
pub struct Input<'a> {
    pub flags: u8,
    fields: std::slice::Split<'a, u8, fn(&u8) -> bool>,
}

impl<'a> Input<'a> {
    pub fn new(data: &'a [u8]) -> Input<'a> {
        Input::with_header::<0>(data).0
    }

    /// The flags, `N` more header bytes (zeros when the input is shorter), then the fields.
    pub fn with_header<const N: usize>(data: &'a [u8]) -> (Input<'a>, [u8; N]) {
        let (flags, rest) = data.split_first().map_or((0, &[][..]), |(f, r)| (*f, r));
        let mut header = [0; N];
        let n = N.min(rest.len());
        header[..n].copy_from_slice(&rest[..n]);
        let sep: fn(&u8) -> bool = |b| *b == 0xFF;
        (Input { flags, fields: rest[n..].split(sep) }, header)
    }

    /// The next field as raw bytes (empty when there are no more).
    pub fn bytes(&mut self) -> &'a [u8] {
        self.fields.next().unwrap_or(&[])
    }

    /// The next field as text.
    pub fn text(&mut self) -> String {
        String::from_utf8_lossy(self.bytes()).into_owned()
    }

    /// Whether bit `n` of the flags is set.
    pub fn bit(&self, n: u8) -> bool {
        self.flags & (1 << n) != 0
    }
}

/// Every finding lies inside the draft (UTF-16 offsets, start <= end), never inside a
/// surrogate pair, has a message, and its suggestions apply; the score is at most 100.
pub fn assert_report(draft: &str, report: &Report) {
    let units: Vec<u16> = draft.encode_utf16().collect();
    let is_low = |i: usize| i < units.len() && (0xDC00..0xE000).contains(&units[i]);
    for (n, f) in report.findings.iter().enumerate() {
        assert!(f.start <= f.end && f.end <= units.len(), "{f:?} outside a draft of {} UTF-16 units", units.len());
        assert!(!is_low(f.start) && !is_low(f.end), "{f:?} splits a surrogate pair");
        assert!(!f.message.is_empty(), "{f:?} has no message");
        if n < 20 {
            for i in 0..f.suggestions.len() {
                assert!(f.apply(draft, i).is_some(), "{f:?}: suggestion {i} can't be applied");
            }
        }
    }
    assert!(report.score <= 100, "score {}", report.score);
    for w in report.findings.windows(2) {
        assert!((w[0].start, w[0].end) <= (w[1].start, w[1].end), "findings out of order: {w:?}");
    }
}

/// CPU time of this thread: unlike wall-clock time, it does not grow when other processes
/// share the machine.
pub fn cpu_time() -> std::time::Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    std::time::Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// A time bound proportional to the input: generous (a fuzzing build is instrumented and
/// ~3x slower than a release build, which checks ~1 µs per byte at worst), so that it only
/// fires on gross blow-ups — a cost growing with the square of the length, a hang.
/// `KEFU_FUZZ_TIME_SCALE` multiplies it (a slower machine; 0 turns it off).
pub struct Budget {
    start: std::time::Duration,
    allowed: std::time::Duration,
}

/// Fixed part of every budget, and the part per byte of input.
pub const BUDGET_BASE_MS: u64 = 100;
pub const BUDGET_PER_BYTE_US: u64 = 25;

impl Budget {
    pub fn start(bytes: usize) -> Budget {
        static SCALE: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
        let scale = *SCALE
            .get_or_init(|| std::env::var("KEFU_FUZZ_TIME_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0));
        let us = (BUDGET_BASE_MS * 1000 + BUDGET_PER_BYTE_US * bytes as u64) as f64 * scale;
        Budget { start: cpu_time(), allowed: std::time::Duration::from_micros(us as u64) }
    }

    /// Panics (a crash the fuzzer keeps) if the budget is spent; `what` names the work.
    pub fn check(&self, what: &str) {
        let spent = cpu_time() - self.start;
        if !self.allowed.is_zero() && spent > self.allowed {
            panic!("{what} took {spent:?} of CPU time, more than the {:?} allowed for its size", self.allowed);
        }
    }
}

/// A configuration with a small valid team pack, plus a rule with the fuzzed pattern (and
/// `unless`, when not empty).
pub fn pack_config(fuzzed: Option<(&str, &str)>) -> Config {
    let mut rules =
        vec![json!({"id": "hehe", "pattern": "呵呵|[你您]自己(看|查)", "unless": "哈哈", "category": "impatience",
        "severity": "warning", "message": "“呵呵”容易被理解为嘲讽", "suggestions": ["好的", ""]})];
    if let Some((pattern, unless)) = fuzzed {
        let mut rule = json!({"id": "fuzzed", "pattern": pattern, "category": "vague", "severity": "hint",
            "message": "fuzzed", "suggestions": ["替换"]});
        if !unless.is_empty() {
            rule["unless"] = json!(unless);
        }
        rules.push(rule);
    }
    Config { packs: vec![json!({"name": "fuzz", "rules": rules})], ..Config::default() }
}

thread_local! {
    static PLAIN: Coach = Coach::new(Config::default()).expect("default coach");
    static PACKED: Coach = Coach::new(pack_config(None)).expect("the small valid pack");
    static LAST: RefCell<Option<(String, String, Option<Coach>)>> = const { RefCell::new(None) };
}

/// The checker targets (`check`, `check_long`): flags, then `draft 0xFF customer 0xFF
/// pattern 0xFF unless`. Flags: bit 0 first reply, bit 1 use the customer's message, bit 2
/// use the team pack (the small valid one, plus the fuzzed pattern when the coach accepts
/// it), bits 3-5 the platform (5-7: none given, the coach's own), bit 6 an `agent_since` and
/// bit 7 a `previous_reply` (the next fields, in that order). `repeat_to`: the draft is
/// repeated to at least that many bytes.
pub fn check(mut input: Input<'_>, repeat_to: usize) {
    let mut draft = input.text();
    if repeat_to > 0 && !draft.is_empty() {
        draft = draft.repeat(repeat_to.div_ceil(draft.len()));
    }
    let customer = input.text();
    let (pattern, unless) = (input.text(), input.text());
    let platform = match (input.flags >> 3) & 7 {
        i @ 0..=4 => Some(Platform::ALL[i as usize].id().to_owned()),
        _ => None,
    };
    let req = Request {
        draft,
        customer: if input.bit(1) { customer } else { String::new() },
        first_reply: input.bit(0),
        agent_since: if input.bit(6) { input.text() } else { String::new() },
        previous_reply: if input.bit(7) { input.text() } else { String::new() },
        platform,
    };
    let budget = Budget::start(req.draft.len() + req.customer.len() + pattern.len() + unless.len());
    let report = if input.bit(2) {
        LAST.with_borrow_mut(|last| {
            // The fuzzer often keeps a pattern and changes the text: compile it once.
            if last.as_ref().is_none_or(|(p, u, _)| *p != pattern || *u != unless) {
                let coach = Coach::new(pack_config(Some((&pattern, &unless)))).ok();
                *last = Some((pattern.clone(), unless.clone(), coach));
            }
            match last.as_ref().and_then(|(_, _, c)| c.as_ref()) {
                Some(coach) => coach.try_check(&req),
                None => PACKED.with(|c| c.try_check(&req)),
            }
        })
    } else {
        PLAIN.with(|c| c.try_check(&req))
    };
    let report = report.expect("a known platform");
    budget.check(&format!("checking {} bytes of draft", req.draft.len()));
    assert_report(&req.draft, &report);
}
