//! The folded text of drafts and customer messages, as the core reads them, for
//! `scripts/train_hints.py`: one JSON line in (`{"draft": "...", "customer": "...",
//! "first_reply": false, "platform": "jd"}`, the last two optional), one out (`{"draft":
//! Draft::folded, "customer": Customer::text, "left_alone": [category ids]}`), so that the
//! learned second opinion is trained on exactly the text it reads at run time, and its
//! cross-validation counts a hint only where the category's second opinion would give it
//! (`left_alone`: the categories whose second opinion leaves this draft alone whatever the
//! model reads, e.g. apology where the reply apologises).
//!
//! `cargo run --release --example fold_drafts < drafts.jsonl`

use std::io::{self, BufRead, Write};

use kefu_coach::config::Platform;
use kefu_coach::rules::{self, Context};
use kefu_coach::text::{Customer, Draft};
use serde_json::{json, Value};

fn main() -> io::Result<()> {
    let second_opinions: Vec<_> = rules::all().into_iter().filter(|r| r.is_second_opinion()).collect();
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let item: Value = serde_json::from_str(&line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let draft = Draft::new(item["draft"].as_str().unwrap_or_default());
        let customer = Customer::new(item["customer"].as_str().unwrap_or_default());
        let platform = item["platform"].as_str().and_then(|p| Platform::parse(p).ok()).unwrap_or_default();
        let cx = Context::new(&draft, &customer, item["first_reply"].as_bool().unwrap_or(false), platform);
        let left_alone: Vec<&str> =
            second_opinions.iter().filter(|r| r.leaves_alone(&cx)).map(|r| r.meta().category.id()).collect();
        writeln!(out, "{}", json!({"draft": draft.folded(), "customer": customer.text, "left_alone": left_alone}))?;
    }
    out.flush()
}
