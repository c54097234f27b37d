//! Shared by the address rules: is a word used to call the customer, and what replaces it.

use std::ops::Range;

use crate::rules::Context;
use crate::text::{char_after, char_before, is_emoji, is_han, is_punct_or_space};

/// Particles that may sit between a sentence and a trailing form of address: “有的呢亲”.
const PARTICLES: &[char] = &['的', '呢', '哦', '啊', '呀', '哈', '嘛', '吧', '啦', '喔', '噢', '哒', '滴', '~', '了'];

fn is_break(c: char) -> bool {
    is_punct_or_space(c) || is_emoji(c) || c == '~'
}

/// Whether the word at `span` stands on its own as a form of address: at the start of a
/// clause or after a particle, and followed by a break, 您/你, 好, or the end.
pub fn is_vocative(text: &str, span: &Range<usize>) -> bool {
    let before_ok = match char_before(text, span.start) {
        None => true,
        Some(c) => is_break(c) || PARTICLES.contains(&c) || !is_han(c),
    };
    let after_ok = match char_after(text, span.end) {
        None => true,
        Some(c) => is_break(c) || matches!(c, '您' | '你' | '们') || text[span.end..].starts_with("好"),
    };
    // After a particle, the word must end the clause (“有的亲,”), not start a phrase.
    let after_particle = char_before(text, span.start).is_some_and(|c| PARTICLES.contains(&c) && c != '~');
    if after_particle {
        return none_or_break(char_after(text, span.end));
    }
    before_ok && after_ok
}

/// Whether the word at `span` opens its clause (nothing but breaks before it there).
pub fn starts_clause(text: &str, span: &Range<usize>) -> bool {
    none_or_break(char_before(text, span.start))
}

/// The end of the text or a break.
fn none_or_break(c: Option<char>) -> bool {
    c.is_none_or(is_break)
}

/// The span to replace and its replacement when a form of address at `span` goes.
///
/// `qin` says whether 亲 is the platform's normal address. At the start of the draft the
/// word becomes 亲 / 您好 (or just goes when 您好 already follows); elsewhere it becomes
/// 亲 or goes, taking a doubled separator with it.
pub fn replace(cx: &Context, span: &Range<usize>, qin: bool) -> (Range<usize>, String) {
    let text = cx.draft.folded();
    let at_start = text[..span.start].chars().all(is_break);
    let rest = &text[span.end..];
    // “美女你好” → “您好”.
    for hello in ["你好", "您好"] {
        if rest.starts_with(hello) {
            let end = span.end + hello.len();
            let word = if qin { "亲,您好" } else { "您好" };
            return (span.start..end, word.to_owned());
        }
    }
    if qin {
        return (span.clone(), "亲".to_owned());
    }
    if at_start {
        // “亲,您好…” → “您好…”; “亲,这款有货” → “您好,这款有货”.
        let sep_len = rest.chars().take_while(|c| is_break(*c)).map(char::len_utf8).sum::<usize>();
        let after_sep = &rest[sep_len..];
        if after_sep.starts_with("您好") || after_sep.starts_with("你好") || after_sep.is_empty() {
            return (span.start..span.end + sep_len, String::new());
        }
        return (span.clone(), "您好".to_owned());
    }
    // Mid-sentence or trailing: drop it; take a separator before it along when one follows.
    let before_sep = char_before(text, span.start).filter(|c| is_break(*c) && *c != '~');
    let after_break = none_or_break(char_after(text, span.end));
    match before_sep {
        Some(c) if after_break => (span.start - c.len_utf8()..span.end, String::new()),
        _ => (span.clone(), String::new()),
    }
}
