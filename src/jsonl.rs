//! `kefu-coach check`'s JSON Lines: one request per input line, one result per output line.
//! In the library rather than the CLI so that a fuzz target (`fuzz/`) can reach it; the CLI
//! (`src/cli/check.rs`) only wires it to standard input and output.

use std::io::{self, BufRead, BufWriter, Write};

use serde::Serialize;
use serde_json::{json, Value};

use crate::{Coach, Report, Request};

/// Longest input line read, in bytes: 4 MiB holds a 1 MB draft even with every character
/// escaped as `\uXXXX`. A longer line is skipped without being kept in memory.
pub const MAX_LINE: usize = 4 << 20;

/// One result line per non-blank input line, in input order. A line that can't be read
/// gets `{"id": null, "line": N, "error": "…"}` and the run goes on.
/// `interactive`: flush after every result line (a person is reading the output).
pub fn check_lines(coach: &Coach, mut input: impl BufRead, output: impl Write, interactive: bool) -> io::Result<()> {
    let mut out = BufWriter::new(output);
    let mut line = Vec::new();
    let mut n = 0;
    while let Some(fits) = read_line(&mut input, &mut line, MAX_LINE)? {
        n += 1;
        let result = if !fits {
            Err(format!("这一行超过 {} MiB,已跳过", MAX_LINE >> 20))
        } else {
            match std::str::from_utf8(&line) {
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => check_line(coach, text),
                Err(_) => Err("不是有效的 UTF-8 文本".to_owned()),
            }
        };
        match result {
            Ok(checked) => serde_json::to_writer(&mut out, &checked)?,
            Err(error) => serde_json::to_writer(&mut out, &json!({"id": null, "line": n, "error": error}))?,
        }
        out.write_all(b"\n")?;
        if interactive {
            out.flush()?;
        }
    }
    out.flush()
}

/// The next line (without its `\n`) into `line`. `None` at the end of input; `Some(false)`
/// when the line is longer than `max` bytes: it is read to its end but not kept.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>, max: usize) -> io::Result<Option<bool>> {
    line.clear();
    let (mut started, mut fits) = (false, true);
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(started.then_some(fits));
        }
        started = true;
        let newline = chunk.iter().position(|&b| b == b'\n');
        let part = &chunk[..newline.unwrap_or(chunk.len())];
        if fits && line.len() + part.len() > max {
            fits = false;
            line.clear();
            line.shrink_to(0);
        }
        if fits {
            line.extend_from_slice(part);
        }
        let used = newline.map_or(chunk.len(), |i| i + 1);
        input.consume(used);
        if newline.is_some() {
            return Ok(Some(fits));
        }
    }
}

/// A result line. Written straight from the report: a copy as a `Value` tree would hold
/// every finding twice (three times the report's size on a draft dense with problems).
#[derive(Serialize)]
struct Checked {
    id: Value,
    #[serde(flatten)]
    report: Report,
}

fn check_line(coach: &Coach, text: &str) -> Result<Checked, String> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // JavaScript strings may hold lone surrogates; serde_json refuses their escapes.
        // Read them as U+FFFD, which keeps every UTF-16 offset where it was.
        Err(e) => serde_json::from_str(&replace_lone_surrogates(text)).map_err(|_| format!("不是有效的 JSON: {e}"))?,
    };
    if !value.is_object() {
        return Err("每行应是一个 JSON 对象".into());
    }
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let req: Request = serde_json::from_value(value).map_err(|e| format!("字段类型错误: {e}"))?;
    let report = coach.try_check(&req).map_err(|e| e.to_string())?;
    Ok(Checked { id, report })
}

/// Replace `\uD800`-style escapes that are not part of a surrogate pair with `\uFFFD`.
fn replace_lone_surrogates(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |i: usize| -> Option<u16> {
        let h = s.get(i..i + 4)?;
        u16::from_str_radix(h, 16).ok()
    };
    let is_escape = |i: usize| b.get(i) == Some(&b'\\') && matches!(b.get(i + 1), Some(b'u'));
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && b.get(i + 1) == Some(&b'\\') {
            out.push_str("\\\\");
            i += 2;
            continue;
        }
        if is_escape(i) {
            if let Some(u) = hex(i + 2) {
                let high = (0xD800..0xDC00).contains(&u);
                let low = (0xDC00..0xE000).contains(&u);
                if high && is_escape(i + 6) && hex(i + 8).is_some_and(|v| (0xDC00..0xE000).contains(&v)) {
                    out.push_str(&s[i..i + 12]);
                    i += 12;
                    continue;
                }
                if high || low {
                    out.push_str("\\ufffd");
                    i += 6;
                    continue;
                }
            }
        }
        let ch = s[i..].chars().next().unwrap_or('\u{FFFD}');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_skipped_to_their_end() {
        let input = b"ab\n0123456789\ncd\r\n\nlast";
        let mut r = io::BufReader::with_capacity(3, &input[..]);
        let mut line = Vec::new();
        let mut got = Vec::new();
        while let Some(fits) = read_line(&mut r, &mut line, 5).unwrap() {
            got.push((fits, String::from_utf8(line.clone()).unwrap()));
        }
        let want = [(true, "ab"), (false, ""), (true, "cd\r"), (true, ""), (true, "last")];
        assert_eq!(got, want.map(|(f, s)| (f, s.to_owned())));
    }

    #[test]
    fn lone_surrogates_become_replacement_chars() {
        assert_eq!(replace_lone_surrogates(r#""a\ud800b""#), r#""a\ufffdb""#);
        assert_eq!(replace_lone_surrogates(r#""\ud83d\ude42""#), r#""\ud83d\ude42""#);
        assert_eq!(replace_lone_surrogates(r#""\\ud800""#), r#""\\ud800""#);
        assert_eq!(replace_lone_surrogates(r#""\udc00\ud800""#), r#""\ufffd\ufffd""#);
    }
}
