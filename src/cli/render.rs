//! The report drawn for a person on a terminal: each flagged line with markers under the
//! span, the message and the suggestions.
//!
//! Text from outside (the draft, a team pack's messages and suggestions) goes through
//! [`printable`]: an ANSI escape or another control character would otherwise reach the
//! terminal raw and could clear it, recolour it or rewrite what was shown.

use std::borrow::Cow;

use kefu_coach::{Dimension, Report, Severity};

/// Characters shown escaped on a terminal: C0 and C1 controls, DEL, and the invisible
/// ones that reorder or break lines (bidi overrides and isolates, line/paragraph separators).
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// How an unsafe character is shown: `\t`, `\x1b`, `\u{202e}`.
fn escaped(c: char) -> String {
    match c {
        '\t' => "\\t".to_owned(),
        '\r' => "\\r".to_owned(),
        '\n' => "\\n".to_owned(),
        c if (c as u32) < 0x100 => format!("\\x{:02x}", c as u32),
        c => format!("\\u{{{:04x}}}", c as u32),
    }
}

/// `s` safe to print on a terminal: every unsafe character escaped (`\n` kept when
/// `newlines`).
pub fn printable(s: &str, newlines: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| unsafe_char(c) && !(newlines && c == '\n')) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) && !(newlines && c == '\n') {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Columns a character takes once printable.
fn shown_width(c: char) -> usize {
    if unsafe_char(c) {
        escaped(c).len()
    } else {
        width(c)
    }
}

/// Columns a character takes on a terminal.
fn width(c: char) -> usize {
    let u = c as u32;
    let wide = (0x1100..=0x115F).contains(&u)
        || (0x2E80..=0xA4CF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFF60).contains(&u)
        || (0xFFE0..=0xFFE6).contains(&u)
        || (0x1F300..=0x1FAFF).contains(&u)
        || (0x20000..=0x3FFFD).contains(&u);
    if c.is_control() || matches!(u, 0x200B..=0x200F | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF) {
        0
    } else if wide {
        2
    } else {
        1
    }
}

struct Paint(bool);

impl Paint {
    fn on(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

pub fn report(draft: &str, report: &Report, color: bool) -> String {
    let p = Paint(color);
    // (utf16 offset, char) for every character, to place markers.
    let mut chars = Vec::new();
    let mut u = 0;
    for c in draft.chars() {
        chars.push((u, c));
        u += c.len_utf16();
    }
    let mut out = String::new();
    if report.findings.is_empty() {
        out.push_str(&p.on("32", "✓ 没有发现问题"));
        out.push('\n');
    }
    for f in &report.findings {
        let (code, label) = match f.severity {
            Severity::Error => ("31", "错误"),
            Severity::Warning => ("33", "警告"),
            Severity::Hint => ("36", "提示"),
        };
        // The line of the draft that holds the span.
        let line_start = chars.iter().rposition(|&(o, c)| o < f.start && c == '\n').map_or(0, |i| i + 1);
        let line_end =
            chars.iter().skip(line_start).position(|&(_, c)| c == '\n').map_or(chars.len(), |i| line_start + i);
        // A Windows line end is not shown.
        let mut line_chars = &chars[line_start..line_end];
        if let [rest @ .., (_, '\r')] = line_chars {
            line_chars = rest;
        }
        let line: String = line_chars.iter().map(|&(_, c)| c).collect();
        let mut pad = 0;
        let mut mark = 0;
        for &(o, c) in line_chars {
            if o < f.start {
                pad += shown_width(c);
            } else if o < f.end {
                mark += shown_width(c);
            }
        }
        let marker = if f.start == f.end { "^ 在此插入".to_owned() } else { "^".repeat(mark.max(1)) };
        out.push_str(&format!(
            "{} {} {}\n",
            p.on(code, label),
            p.on("1", &printable(&f.message, false)),
            p.on("2", &format!("[{}]", printable(&f.rule, false)))
        ));
        out.push_str(&format!("  │ {}\n", printable(&line, false)));
        out.push_str(&format!("  │ {}{}\n", " ".repeat(pad), p.on(code, &marker)));
        for s in &f.suggestions {
            out.push_str(&format!("  └ 建议: {}\n", p.on("32", &printable(s, false))));
        }
        out.push('\n');
    }
    for o in &report.omitted {
        let line = format!(
            "另有 {} 处 [{}] 未逐一列出(每条规则最多列出 {} 处)\n",
            o.count,
            printable(&o.rule, false),
            kefu_coach::finding::MAX_FINDINGS_PER_RULE
        );
        out.push_str(&p.on("2", &line));
    }
    let dims: Vec<String> = Dimension::ALL.iter().map(|d| format!("{} {}", d.zh(), report.scores.get(*d))).collect();
    out.push_str(&format!("得分 {}  ({})\n", p.on("1", &report.score.to_string()), dims.join(" · ")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(printable("您好", false), "您好");
        assert_eq!(printable("a\x1b[2Jb\x07\u{9b}c", false), "a\\x1b[2Jb\\x07\\x9bc");
        assert_eq!(printable("a\tb\r\n", false), "a\\tb\\r\\n");
        assert_eq!(printable("a\nb\u{202e}", true), "a\nb\\u{202e}");
        assert_eq!(shown_width('\x1b'), 4);
    }
}
