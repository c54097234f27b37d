//! The checker: any draft, with and without the customer's message, first reply or not, on
//! each platform, with and without a team pack (a small valid one plus a fuzzed pattern).
//! No panic; every finding inside the draft on character boundaries; time proportional to
//! the length. Input: see `fuzz_support::check`.
#![no_main]

use fuzz_support::{check, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check(Input::new(data), 0));
