//! The report drawn for a person on a terminal: each flagged line with markers under the
//! span, the message and the suggestions.

use kefu_coach::{Dimension, Report, Severity};

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
        let line: String = chars[line_start..line_end].iter().map(|&(_, c)| c).collect();
        let mut pad = 0;
        let mut mark = 0;
        for &(o, c) in &chars[line_start..line_end] {
            if o < f.start {
                pad += width(c);
            } else if o < f.end {
                mark += width(c);
            }
        }
        let marker = if f.start == f.end { "^ 在此插入".to_owned() } else { "^".repeat(mark.max(1)) };
        out.push_str(&format!(
            "{} {} {}\n",
            p.on(code, label),
            p.on("1", &f.message),
            p.on("2", &format!("[{}]", f.rule))
        ));
        out.push_str(&format!("  │ {}\n", line.replace('\r', "")));
        out.push_str(&format!("  │ {}{}\n", " ".repeat(pad), p.on(code, &marker)));
        for s in &f.suggestions {
            out.push_str(&format!("  └ 建议: {}\n", p.on("32", s)));
        }
        out.push('\n');
    }
    let dims: Vec<String> = Dimension::ALL.iter().map(|d| format!("{} {}", d.zh(), report.scores.get(*d))).collect();
    out.push_str(&format!("得分 {}  ({})\n", p.on("1", &report.score.to_string()), dims.join(" · ")));
    out
}
