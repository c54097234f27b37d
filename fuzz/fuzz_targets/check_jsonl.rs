//! `kefu-coach check`'s JSON Lines reader (kefu_coach::jsonl): any bytes on standard input.
//! No panic; one result line per non-blank input line, each a JSON object, in order, with
//! the input's line number on error lines; findings inside their drafts.
//!
//! Input: the bytes of standard input, as they are.
#![no_main]

use fuzz_support::Budget;
use kefu_coach::{jsonl, Coach, Config};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

thread_local! {
    static COACH: Coach = Coach::new(Config::default()).expect("default coach");
}

fuzz_target!(|data: &[u8]| {
    let budget = Budget::start(data.len());
    let mut out = Vec::new();
    COACH.with(|coach| jsonl::check_lines(coach, data, &mut out, false)).expect("writing to memory");
    budget.check("checking JSON Lines");

    // The lines the reader sees: split at \n, a last line without \n counts, blank ones don't.
    let mut lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    if data.is_empty() || data.ends_with(b"\n") {
        lines.pop();
    }
    let expected: Vec<(usize, &[u8])> = lines
        .into_iter()
        .enumerate()
        .filter(|(_, l)| !std::str::from_utf8(l).is_ok_and(|t| t.trim().is_empty()))
        .map(|(i, l)| (i + 1, l))
        .collect();
    let text = std::str::from_utf8(&out).expect("output is UTF-8");
    assert!(text.is_empty() || text.ends_with('\n'), "output ends with a newline");
    let results: Vec<&str> = text.lines().collect();
    assert_eq!(results.len(), expected.len(), "one result per non-blank line");
    for ((n, line), result) in expected.into_iter().zip(results) {
        let v: Value = serde_json::from_str(result).expect("each result is JSON");
        let obj = v.as_object().expect("each result is an object");
        if let Some(error) = obj.get("error") {
            assert!(error.as_str().is_some_and(|e| !e.is_empty()), "{result}");
            assert_eq!(obj.get("line").and_then(Value::as_u64), Some(n as u64), "{result}");
            continue;
        }
        assert!(obj.get("score").and_then(Value::as_u64).is_some_and(|s| s <= 100), "{result}");
        let findings = obj.get("findings").and_then(Value::as_array).expect("findings");
        // The draft as the reader took it, when it can be read back simply (no lone surrogates).
        let draft = serde_json::from_slice::<Value>(line)
            .ok()
            .and_then(|v| v.get("draft").and_then(Value::as_str).map(str::to_owned));
        if let Some(draft) = draft {
            let units = draft.encode_utf16().count() as u64;
            for f in findings {
                let (s, e) = (f["start"].as_u64().expect("start"), f["end"].as_u64().expect("end"));
                assert!(s <= e && e <= units, "{f} outside a draft of {units} UTF-16 units");
            }
        }
    }
});
