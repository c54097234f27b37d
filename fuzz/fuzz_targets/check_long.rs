//! The checker on long drafts: the fuzzed draft repeated to (the byte after the flags + 1)
//! × 256 bytes, 256 B to 64 KiB. Text repeated is where a cost growing with the square of
//! the length shows; the time bound (`fuzz_support::Budget`, proportional to the length)
//! turns it into a crash. Otherwise as `check`: flags, a length byte, then the fields.
#![no_main]

use fuzz_support::{check, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (input, [len]) = Input::with_header::<1>(data);
    check(input, (len as usize + 1) * 256);
});
