//! The findings as CSV, one row per finding, for a spreadsheet: written as the turns are
//! checked, so the file can be as long as the log.

use super::ingest::Job;
use crate::Report;

/// The header row (UTF-8 with BOM, so that Excel shows the Chinese right).
pub const CSV_HEADER: &str =
    "\u{feff}行号,会话ID,客服,首次回复,得分,规则,类别,严重程度,问题片段,说明,建议改为,客服原话,客户消息\r\n";

/// Append the rows of one checked turn.
pub fn csv_rows(job: &Job, report: &Report, out: &mut String) {
    for f in &report.findings {
        let fields = [
            job.line.to_string(),
            job.session.to_string(),
            job.agent.as_deref().unwrap_or("").to_owned(),
            if job.request.first_reply { "是" } else { "否" }.to_owned(),
            report.score.to_string(),
            f.rule.clone(),
            f.category.zh().to_owned(),
            f.severity.as_str().to_owned(),
            flagged_text(&job.request.draft, f.start, f.end),
            f.message.clone(),
            f.suggestions.first().cloned().unwrap_or_default(),
            job.request.draft.clone(),
            job.request.customer.clone(),
        ];
        for (i, v) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(v, out);
        }
        out.push_str("\r\n");
    }
}

/// RFC 4180 quoting; a leading `= + - @` is prefixed with `'` so a spreadsheet does not run
/// it as a formula.
fn push_field(v: &str, out: &mut String) {
    let formula = v.starts_with(['=', '+', '-', '@']);
    if !formula && !v.contains([',', '"', '\n', '\r']) {
        out.push_str(v);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    out.push_str(&v.replace('"', "\"\""));
    out.push('"');
}

/// The text between two UTF-16 offsets of `s` (a finding's span), at most 40 characters.
pub fn flagged_text(s: &str, start: usize, end: usize) -> String {
    let mut at = 0;
    let mut out = String::new();
    for c in s.chars() {
        if at >= end {
            break;
        }
        if at >= start {
            out.push(c);
        }
        at += c.len_utf16();
    }
    match out.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &out[..cut]),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        let mut s = String::new();
        push_field("a,b", &mut s);
        s.push('|');
        push_field("say \"hi\"", &mut s);
        s.push('|');
        push_field("=1+1", &mut s);
        s.push('|');
        push_field("您好", &mut s);
        assert_eq!(s, "\"a,b\"|\"say \"\"hi\"\"\"|\"'=1+1\"|您好");
        assert_eq!(flagged_text("😀不知道", 2, 5), "不知道");
    }
}
