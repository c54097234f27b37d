//! The folded text of drafts and customer messages, as the core reads them, for
//! `scripts/train_hints.py`: one JSON line in (`{"draft": "...", "customer": "..."}`), one out
//! (`{"draft": Draft::folded, "customer": Customer::text}`), so that the learned second opinion
//! is trained on exactly the text it reads at run time.
//!
//! `cargo run --release --example fold_drafts < drafts.jsonl`

use std::io::{self, BufRead, Write};

use kefu_coach::text::{Customer, Draft};
use serde_json::{json, Value};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let item: Value = serde_json::from_str(&line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let draft = Draft::new(item["draft"].as_str().unwrap_or_default());
        let customer = Customer::new(item["customer"].as_str().unwrap_or_default());
        writeln!(out, "{}", json!({"draft": draft.folded(), "customer": customer.text}))?;
    }
    out.flush()
}
