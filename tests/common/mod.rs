//! What the fixture-driven tests share: a fixture case (`tests/fixtures/rules/<id>.jsonl`,
//! one JSON object a line) as a check request.

use kefu_coach::Request;
use serde_json::Value;

/// Where the rule fixtures live.
pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules");

/// A fixture case as the request it describes.
pub fn req(case: &Value) -> Request {
    Request {
        draft: case["draft"].as_str().expect("draft").to_owned(),
        customer: case["customer"].as_str().unwrap_or("").to_owned(),
        first_reply: case["first_reply"].as_bool().unwrap_or(false),
        platform: case["platform"].as_str().map(str::to_owned),
        agent_since: case["agent_since"].as_str().unwrap_or("").to_owned(),
        previous_reply: case["previous_reply"].as_str().unwrap_or("").to_owned(),
    }
}
