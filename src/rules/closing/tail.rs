//! Appending a sentence at the end of a draft (a closing, a time node, a missing answer):
//! where it goes and how it joins what the agent typed, in the agent's punctuation style.

use crate::text::{is_han, Draft};

/// Whether the agent types full-width punctuation (，！？; 。 is typed either way).
pub fn full_width(draft: &Draft) -> bool {
    draft.raw().chars().any(|c| matches!(c, '，' | '！' | '？' | '：' | '；'))
}

/// Render half-width `,!?:;` in `s` full-width when the agent writes that way.
pub fn styled(draft: &Draft, s: &str) -> String {
    if !full_width(draft) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| match c {
            ',' => '，',
            '!' => '！',
            '?' => '？',
            ':' => '：',
            ';' => '；',
            _ => c,
        })
        .collect()
}

/// Where an appended sentence goes (the end of the text, before trailing spaces) and the
/// punctuation that has to come first so the draft's last sentence is closed.
pub fn end_insert(draft: &Draft) -> (usize, &'static str) {
    let text = draft.folded();
    let at = text.trim_end().len();
    let last = text[..at].chars().next_back();
    let join = match last {
        Some(c) if is_han(c) || c.is_alphanumeric() => "。",
        // Already closed (。!?~…), an emoji, an open clause (,), or nothing at all.
        _ => "",
    };
    (at, join)
}
