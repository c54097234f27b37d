//! What the core reads in customer turns, for `scripts/customer_model.py`: one JSON line in
//! (`{"line": N, "customer": "..."}`), one out with the hashed n-gram features the learned
//! heads use and the phrase reading (complaint, upset, asks_when, waiting, closing).
//!
//! `cargo run --release --example customer_features < turns.jsonl`

use std::io::{self, BufRead, Write};

use kefu_coach::text::fold::fold;
use kefu_coach::text::model::features;
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
            "closing": closing,
        });
        writeln!(out, "{row}")?;
    }
    Ok(())
}
