//! Delimited records (CSV, TSV) read line by line, with RFC 4180 quoting: a field that starts
//! with `"` may hold the delimiter, newlines and doubled `""`. Lenient where Excel and
//! back-office exports are sloppy: a stray quote inside an unquoted field is kept as text.

use super::Malformed;

/// A record longer than this many physical lines is taken for an unclosed quote.
pub const MAX_RECORD_LINES: u64 = 1000;
/// …or longer than this many bytes: as long as a line may be ([`super::lines::MAX_LINE`]).
pub const MAX_RECORD_BYTES: usize = super::lines::MAX_LINE;

/// One record: the line it starts on and its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: u64,
    pub fields: Vec<String>,
}

pub struct Delimited {
    delim: char,
    quote: Option<char>,
    partial: Option<Partial>,
}

struct Partial {
    line: u64,
    lines: u64,
    bytes: usize,
    fields: Vec<String>,
    field: String,
}

impl Delimited {
    /// `quote: None` reads every character literally (the JDDC dump has no quoting).
    pub fn new(delim: char, quote: Option<char>) -> Delimited {
        Delimited { delim, quote, partial: None }
    }

    /// Feed one physical line (without its newline). Returns a record when one is complete.
    pub fn line(&mut self, number: u64, text: &str) -> Option<Result<Record, Malformed>> {
        let (mut p, mut in_quotes) = match self.partial.take() {
            Some(mut p) => {
                p.field.push('\n');
                p.lines += 1;
                p.bytes += text.len() + 1;
                (p, true)
            }
            None => {
                (Partial { line: number, lines: 1, bytes: text.len(), fields: Vec::new(), field: String::new() }, false)
            }
        };
        let mut chars = text.chars().peekable();
        let mut field_start = !in_quotes;
        while let Some(c) = chars.next() {
            if in_quotes {
                if Some(c) == self.quote {
                    if chars.peek() == self.quote.as_ref() {
                        p.field.push(c);
                        chars.next();
                    } else {
                        in_quotes = false;
                    }
                } else {
                    p.field.push(c);
                }
                continue;
            }
            if c == self.delim {
                p.fields.push(std::mem::take(&mut p.field));
                field_start = true;
                continue;
            }
            if field_start && Some(c) == self.quote {
                in_quotes = true;
                field_start = false;
                continue;
            }
            field_start = false;
            p.field.push(c);
        }
        if in_quotes {
            if p.lines >= MAX_RECORD_LINES || p.bytes >= MAX_RECORD_BYTES {
                return Some(Err(Malformed::new(
                    p.line,
                    format!(
                        "引号未闭合(或记录超过 {MAX_RECORD_LINES} 行、{} MiB):从第 {} 行起到第 {number} 行仍在引号内,已跳过这些行",
                        MAX_RECORD_BYTES >> 20,
                        p.line
                    ),
                )));
            }
            self.partial = Some(p);
            return None;
        }
        p.fields.push(p.field);
        Some(Ok(Record { line: p.line, fields: p.fields }))
    }

    /// At the end of input: a record still inside quotes is malformed.
    pub fn finish(&mut self) -> Option<Malformed> {
        let p = self.partial.take()?;
        Some(Malformed::new(p.line, format!("引号未闭合:第 {} 行开始的记录到文件末尾仍在引号内", p.line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(lines: &[&str]) -> Vec<Result<Record, Malformed>> {
        let mut d = Delimited::new(',', Some('"'));
        let mut out: Vec<_> = lines.iter().enumerate().filter_map(|(i, l)| d.line(i as u64 + 1, l)).collect();
        out.extend(d.finish().map(Err));
        out
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_newlines() {
        let got = parse(&["a,\"b,c\",\"say \"\"hi\"\"\"", "x,\"two", "lines\",y", "p,q\"r,"]);
        let want = vec![
            Ok(Record { line: 1, fields: vec!["a".into(), "b,c".into(), "say \"hi\"".into()] }),
            Ok(Record { line: 2, fields: vec!["x".into(), "two\nlines".into(), "y".into()] }),
            Ok(Record { line: 4, fields: vec!["p".into(), "q\"r".into(), "".into()] }),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn an_unclosed_quote_is_reported_at_its_line() {
        let got = parse(&["a,b", "c,\"open"]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].as_ref().unwrap_err().line, 2);
    }
}
