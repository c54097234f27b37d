//! Words that apologise, shared by the apology and empathy rules.

use crate::text::{find_all, Draft};
use std::ops::Range;

/// An apology, in the words agents use.
pub const APOLOGY: &[&str] = &[
    "抱歉",
    "对不起",
    "不好意思",
    "歉意",
    "致歉",
    "道歉",
    "sorry",
    "给您添麻烦",
    "给您带来不便",
    "给您带来了不便",
    "请您谅解",
    "请谅解",
    "敬请谅解",
    "见谅",
];

/// Where the first apology in the draft is, if any.
pub fn first_apology(draft: &Draft) -> Option<Range<usize>> {
    find_all(draft.folded(), APOLOGY).into_iter().next().map(|(r, _)| r)
}
