//! `kefu-coach check`: JSON Lines in, JSON Lines out; or one draft shown to a person.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};

use serde_json::{json, Value};

use super::{coach_from, render, Args};
use serde::Serialize;

use kefu_coach::{Coach, Report, Request};

pub fn run(args: &[String]) -> Result<(), String> {
    let args = Args::parse(args, &["customer", "platform", "config"], &["first-reply", "json", "color", "no-color"])?;
    let coach = coach_from(&args)?;
    match args.positional() {
        [] => jsonl(&coach, io::stdin().lock(), io::stdout().lock()).map_err(|e| format!("输出失败: {e}")),
        [draft] => {
            let req = Request {
                draft: draft.clone(),
                customer: args.value("customer").unwrap_or("").to_owned(),
                first_reply: args.flag("first-reply"),
                platform: args.value("platform").map(str::to_owned),
            };
            let report = coach.try_check(&req).map_err(|e| e.to_string())?;
            if args.flag("json") {
                println!("{}", serde_json::to_string(&report).map_err(|e| e.to_string())?);
            } else {
                let color = !args.flag("no-color")
                    && (args.flag("color") || (io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()));
                print!("{}", render::report(&req.draft, &report, color));
            }
            Ok(())
        }
        _ => Err("check 只接受一条草稿(用引号括起来),或不带草稿从标准输入读 JSON Lines".into()),
    }
}

/// One result line per non-blank input line, in input order. A line that can't be read
/// gets `{"id": null, "line": N, "error": "…"}` and the run goes on.
pub fn jsonl(coach: &Coach, input: impl BufRead, output: impl Write) -> io::Result<()> {
    let interactive = io::stdout().is_terminal();
    let mut out = BufWriter::new(output);
    for (i, line) in input.split(b'\n').enumerate() {
        let n = i + 1;
        let line = line?;
        let result = match String::from_utf8(line) {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => check_line(coach, &text),
            Err(_) => Err("不是有效的 UTF-8 文本".to_owned()),
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
    fn lone_surrogates_become_replacement_chars() {
        assert_eq!(replace_lone_surrogates(r#""a\ud800b""#), r#""a\ufffdb""#);
        assert_eq!(replace_lone_surrogates(r#""\ud83d\ude42""#), r#""\ud83d\ude42""#);
        assert_eq!(replace_lone_surrogates(r#""\\ud800""#), r#""\\ud800""#);
        assert_eq!(replace_lone_surrogates(r#""\udc00\ud800""#), r#""\ufffd\ufffd""#);
    }
}
