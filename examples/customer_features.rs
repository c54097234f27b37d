//! What the core reads in customer turns, for `scripts/customer_model.py`: one JSON line in
//! (`{"line": N, "customer": "..."}`), one out with the core's reading (complaint, upset,
//! urgent, asks_when, waiting, closing) and the features of the learned reading the script
//! tries against it: the folded text's character 1-, 2- and 3-grams (with a start and an end
//! mark), each hashed into one of 4,096 buckets, counted once. (The learned reading is an
//! experiment, measured in docs/quality.md; the core does not use it.)
//!
//! `cargo run --release --example customer_features < turns.jsonl`

use std::io::{self, BufRead, Write};

use kefu_coach::text::fold::fold;
use kefu_coach::text::{Closing, Customer};
use serde_json::{json, Value};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let Ok(item) = serde_json::from_str::<Value>(&line) else {
            eprintln!("not a JSON line: {line}");
            continue;
        };
        let text = item["customer"].as_str().unwrap_or_default();
        let c = Customer::new(text);
        let closing = match c.closing {
            Closing::None => "none",
            Closing::Weak => "weak",
            Closing::Strong => "strong",
        };
        let row = json!({
            "line": item["line"],
            "features": features(&fold(text)),
            "complaint": c.complaint,
            "complaint_asked": c.complaint_asked,
            "complaint_mild": c.complaint_mild,
            "upset": c.upset,
            "urgent": c.urgent,
            "asks_when": c.asks_when,
            "waiting": c.waiting,
            "waited_long": c.waited_long,
            "asks_about_wait": c.asks_about_wait,
            "closing": closing,
            "questions": c.questions,
        });
        writeln!(out, "{row}")?;
    }
    Ok(())
}

/// Hash buckets per head: 4 KB of weights each.
const BUCKETS: usize = 1 << BUCKET_BITS;
const BUCKET_BITS: u32 = 12;

/// The distinct buckets of a folded text's character 1-, 2- and 3-grams, sorted.
fn features(folded: &str) -> Vec<u32> {
    let seen = buckets(folded);
    (0..BUCKETS as u32).filter(|&b| seen[b as usize / 64] >> (b % 64) & 1 == 1).collect()
}

/// The set of a folded text's buckets, one bit each.
fn buckets(folded: &str) -> [u64; BUCKETS / 64] {
    let mut seen = [0u64; BUCKETS / 64];
    // The text between a start and an end mark; spaces separate the log's joined messages
    // and a run of them is one boundary.
    let mut window: [char; 3] = ['\u{0}', '\u{0}', '\u{2}'];
    let mut last_space = false;
    let chars = folded.trim().chars().filter(move |&c| {
        let space = c.is_whitespace();
        let keep = !(space && last_space);
        last_space = space;
        keep
    });
    for c in chars.map(|c| if c.is_whitespace() { ' ' } else { c }).chain(['\u{3}']) {
        window = [window[1], window[2], c];
        for n in 1..=3 {
            let gram = &window[3 - n..];
            if gram[0] == '\u{0}' || (n == 1 && c == '\u{3}') {
                continue;
            }
            let b = bucket(gram) as usize;
            seen[b / 64] |= 1 << (b % 64);
        }
    }
    seen
}

fn bucket(gram: &[char]) -> u32 {
    let mut h: u32 = gram.len() as u32;
    for &c in gram {
        h = (h ^ c as u32).wrapping_mul(0x9e37_79b1).rotate_left(13);
    }
    h.wrapping_mul(0x85eb_ca6b) >> (32 - BUCKET_BITS)
}
