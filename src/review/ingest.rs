//! From bytes to agent turns with their context: decoding, records, column mapping, and the
//! state of the session being read. Sessions are read in file order: the rows of one session
//! are expected together (every export seen sorts by session, then time).

use std::collections::VecDeque;
use std::sync::Arc;

use super::decode::{self, Encoding, Gb18030Decoder};
use super::lines::{Line, LineSplitter};
use super::mapping::{self, Field, Format, Overrides, Preset, Resolved, Role};
use super::record::Delimited;
use super::rtime::ResponseTimes;
use super::{Malformed, MalformedLog, Options};
use crate::Request;

/// Customer messages kept as the context of the next agent turn.
pub const CONTEXT_TURNS: usize = 4;
/// Characters of each customer message used as context.
pub const CONTEXT_CHARS: usize = 400;
/// Characters of an agent turn checked: five pages of text, ~5 ms on ordinary text. The
/// limit is there because some texts (one character repeated, long runs of digits) cost the
/// checker time growing with the square of their length: ~0.15 s at this length, 12 s at
/// 100,000. Every turn cut is listed in the report ([`Ingest::shortened`]).
pub const DRAFT_CHARS: usize = 10_000;

/// One agent turn to check, with what the agent had in front of them.
#[derive(Clone, Debug)]
pub struct Job {
    /// Order of the turn in the file (0-based), to keep output deterministic.
    pub seq: u64,
    pub line: u64,
    pub session: Arc<str>,
    pub agent: Option<Arc<str>>,
    /// The first agent turn after a customer run: it answers what the customer just asked
    /// (the turns after it, up to the next customer turn, share its context).
    pub fresh: bool,
    /// The turn as the coach sees it: the agent's text, the customer turns just before it
    /// (one per line), whether it is the agent's first reply in the session, the platform.
    pub request: Request,
}

/// Counts gathered while reading.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub bytes: u64,
    pub rows: u64,
    pub sessions: u64,
    pub agent_turns: u64,
    pub customer_turns: u64,
    pub system_turns: u64,
    /// Turns with no text (`NULL`, blank).
    pub empty_turns: u64,
}

struct Row {
    line: u64,
    session: String,
    role: Role,
    text: String,
    agent: Option<String>,
    time: Option<i64>,
}

#[derive(Default)]
struct SessionState {
    id: Option<Arc<str>>,
    customer: VecDeque<String>,
    /// An agent turn came after the customer run in `customer`.
    run_answered: bool,
    /// What the agent sent after that run so far (a later turn's `agent_since`), bounded.
    agent_since: String,
    /// The agent's last message so far, and the one before the customer run in `customer`
    /// (a turn's `previous_reply`).
    last_agent: String,
    before_run: String,
    agent_replied: bool,
    waiting_since: Option<i64>,
    agent: Option<Arc<str>>,
}

/// What the reader knows once the first bytes are in.
pub struct Layout {
    pub encoding: Encoding,
    pub preset: Preset,
}

enum Parser {
    Delimited {
        parser: Delimited,
        resolved: Option<Resolved>,
        /// Columns a row should have, and what says so (the header, the first row, the preset).
        width: Option<(usize, &'static str)>,
        delim: char,
    },
    Jsonl,
}

struct Reading {
    layout: Layout,
    parser: Parser,
    overrides: Overrides,
    agent_value: Option<String>,
    session: SessionState,
    seq: u64,
    /// Turns cut at [`DRAFT_CHARS`] or [`CONTEXT_CHARS`].
    shortened: MalformedLog,
    /// The preset's platform, unless the team's configuration names one.
    platform: Option<String>,
    fatal: Option<String>,
}

/// The push reader: feed bytes, take jobs.
pub struct Ingest {
    options: Options,
    gb18030: Box<dyn Gb18030Decoder>,
    sniff: Vec<u8>,
    splitter: LineSplitter,
    reading: Option<Reading>,
    pub counts: Counts,
    pub malformed: MalformedLog,
    pub response: ResponseTimes,
}

impl Ingest {
    /// GB18030 decoded by encoding_rs.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(options: Options) -> Ingest {
        Ingest::with_decoder(options, Box::new(decode::EncodingRs))
    }

    /// GB18030 decoded by `gb18030` (in the browser: its `TextDecoder`).
    pub fn with_decoder(options: Options, gb18030: Box<dyn Gb18030Decoder>) -> Ingest {
        Ingest {
            options,
            gb18030,
            sniff: Vec::new(),
            splitter: LineSplitter::default(),
            reading: None,
            counts: Counts::default(),
            malformed: MalformedLog::default(),
            response: ResponseTimes::default(),
        }
    }

    /// The encoding and preset in use, once known.
    pub fn layout(&self) -> Option<&Layout> {
        self.reading.as_ref().map(|r| &r.layout)
    }

    pub fn lines(&self) -> u64 {
        self.splitter.lines()
    }

    /// Turns too long to be used whole, by line: agent turns checked only up to
    /// [`DRAFT_CHARS`], customer messages used as context only up to [`CONTEXT_CHARS`].
    pub fn shortened(&self) -> Option<&MalformedLog> {
        self.reading.as_ref().map(|r| &r.shortened)
    }

    /// Feed the next bytes of the file; agent turns ready to check are appended to `out`.
    /// An error means the file can't be read as configured (e.g. no text column).
    pub fn push(&mut self, bytes: &[u8], out: &mut Vec<Job>) -> Result<(), String> {
        self.counts.bytes += bytes.len() as u64;
        if self.reading.is_none() {
            self.sniff.extend_from_slice(bytes);
            if self.sniff.len() < decode::SNIFF_BYTES {
                return Ok(());
            }
            return self.start(out);
        }
        self.feed(bytes, out)
    }

    /// The end of the file.
    pub fn finish(&mut self, out: &mut Vec<Job>) -> Result<(), String> {
        if self.reading.is_none() {
            self.start(out)?;
        }
        let Ingest { splitter, reading, counts, malformed, response, gb18030, .. } = self;
        let Some(r) = reading.as_mut() else { return Ok(()) };
        splitter.finish(&mut |line| r.line(line, &**gb18030, counts, malformed, response, out));
        if let Parser::Delimited { parser, .. } = &mut r.parser {
            if let Some(m) = parser.finish() {
                malformed.push(m);
            }
        }
        match r.fatal.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn start(&mut self, out: &mut Vec<Job>) -> Result<(), String> {
        let head = std::mem::take(&mut self.sniff);
        let window = &head[..head.len().min(decode::SNIFF_BYTES)];
        let (encoding, bom) = decode::detect(window, self.options.encoding)?;
        let first_line = head[bom..].split(|&b| b == b'\n').next().unwrap_or(&[]);
        let mut preset = match self.options.preset.as_str() {
            "" | "auto" => Preset::sniff(&encoding.decode_lossy(first_line, &*self.gb18030)),
            id => Preset::named(id)?,
        };
        if let Some(header) = self.options.overrides.header {
            preset.header = header;
        }
        let parser = match preset.format {
            Format::Jsonl => Parser::Jsonl,
            Format::Csv | Format::Tsv => {
                let delim = if preset.format == Format::Csv { ',' } else { '\t' };
                let resolved =
                    if preset.header { None } else { Some(Resolved::from_preset(&preset, &self.options.overrides)?) };
                let width = preset.width.map(|w| (w, "预设"));
                Parser::Delimited { parser: Delimited::new(delim, preset.quote), resolved, width, delim }
            }
        };
        let platform = match self.options.config.platform {
            Some(_) => None,
            None => preset.platform.map(str::to_owned),
        };
        let agent_value = self.options.overrides.agent_value.clone().or(preset.agent_value.map(str::to_owned));
        self.reading = Some(Reading {
            layout: Layout { encoding, preset },
            parser,
            overrides: self.options.overrides.clone(),
            agent_value,
            session: SessionState::default(),
            seq: 0,
            shortened: MalformedLog::default(),
            platform,
            fatal: None,
        });
        self.feed(&head[bom..], out)
    }

    fn feed(&mut self, bytes: &[u8], out: &mut Vec<Job>) -> Result<(), String> {
        let Ingest { splitter, reading, counts, malformed, response, gb18030, .. } = self;
        let Some(r) = reading.as_mut() else { return Ok(()) };
        splitter.push(bytes, &mut |line| r.line(line, &**gb18030, counts, malformed, response, out));
        match r.fatal.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl Reading {
    fn line(
        &mut self,
        line: Line<'_>,
        gb18030: &dyn Gb18030Decoder,
        counts: &mut Counts,
        malformed: &mut MalformedLog,
        response: &mut ResponseTimes,
        out: &mut Vec<Job>,
    ) {
        if self.fatal.is_some() {
            return;
        }
        let n = line.number;
        if line.truncated {
            malformed.push(Malformed::new(n, format!("这一行超过 {} MiB,已跳过", super::lines::MAX_LINE >> 20)));
            return;
        }
        let Some(text) = self.layout.encoding.decode(line.bytes, gb18030) else {
            if matches!(self.parser, Parser::Delimited { resolved: None, .. }) {
                self.fatal = Some(format!(
                    "第 {n} 行(表头)无法按 {} 解码:文件的编码可能不是这个,试试 --encoding {}(网页里在“编码”中选择)",
                    self.layout.encoding.id(),
                    if self.layout.encoding == Encoding::Utf8 { "gbk" } else { "utf-8" }
                ));
                return;
            }
            let other = match self.layout.encoding {
                Encoding::Utf8 => "GBK",
                Encoding::Gb18030 => "UTF-8",
            };
            malformed.push(Malformed::new(
                n,
                format!(
                    "有无法按 {} 解码的字节,已跳过(文件可能混有 {other} 编码;可用 --encoding 指定)",
                    self.layout.encoding.id()
                ),
            ));
            return;
        };
        let row = match &mut self.parser {
            Parser::Jsonl => {
                if text.trim().is_empty() {
                    return;
                }
                json_row(n, &text, &self.overrides, self.agent_value.as_deref())
            }
            Parser::Delimited { parser, resolved, width, delim } => {
                let Some(record) = parser.line(n, &text) else { return };
                let record = match record {
                    Ok(r) => r,
                    Err(m) => {
                        malformed.push(m);
                        return;
                    }
                };
                if record.fields.len() == 1 && record.fields[0].trim().is_empty() {
                    return;
                }
                let Some(resolved) = resolved.as_ref() else {
                    match Resolved::from_header(&record.fields, &self.overrides) {
                        Ok(r) => *resolved = Some(r),
                        Err(e) => self.fatal = Some(e),
                    }
                    *width = Some((record.fields.len(), "表头"));
                    return;
                };
                let width = *width.get_or_insert((record.fields.len(), "第一行"));
                delimited_row(record, resolved, &self.layout.preset, width, *delim, self.agent_value.as_deref())
            }
        };
        match row {
            Ok((row, notes)) => {
                for note in notes {
                    malformed.push(note);
                }
                self.turn(row, counts, response, out);
            }
            Err(m) => malformed.push(m),
        }
    }

    fn turn(&mut self, row: Row, counts: &mut Counts, response: &mut ResponseTimes, out: &mut Vec<Job>) {
        counts.rows += 1;
        let s = &mut self.session;
        if s.id.as_deref() != Some(row.session.as_str()) {
            counts.sessions += 1;
            *s = SessionState { id: Some(Arc::from(row.session.as_str())), ..SessionState::default() };
        }
        let text = row.text.trim();
        match row.role {
            Role::System => counts.system_turns += 1,
            Role::Customer => {
                counts.customer_turns += 1;
                if text.is_empty() {
                    counts.empty_turns += 1;
                    return;
                }
                if s.run_answered || s.customer.is_empty() {
                    s.before_run.clone_from(&s.last_agent);
                }
                if s.run_answered {
                    s.customer.clear();
                    s.run_answered = false;
                }
                s.agent_since.clear();
                if s.customer.len() == CONTEXT_TURNS {
                    s.customer.pop_front();
                }
                let (kept, cut) = shorten(text, CONTEXT_CHARS);
                if let Some(len) = cut {
                    self.shortened.push(Malformed::new(
                        row.line,
                        format!("客户消息有 {len} 字,超过 {CONTEXT_CHARS} 字:作为上下文只用了前 {CONTEXT_CHARS} 字"),
                    ));
                }
                s.customer.push_back(kept);
                if s.waiting_since.is_none() {
                    s.waiting_since = row.time;
                }
            }
            Role::Agent => {
                counts.agent_turns += 1;
                if text.is_empty() {
                    counts.empty_turns += 1;
                    return;
                }
                if let (Some(t0), Some(t1)) = (s.waiting_since.take(), row.time) {
                    if t1 >= t0 {
                        response.add(t1 - t0, !s.agent_replied);
                    }
                }
                let fresh = !s.run_answered && !s.customer.is_empty();
                let agent_since = if s.customer.is_empty() { String::new() } else { s.agent_since.clone() };
                let previous_reply = if s.customer.is_empty() { String::new() } else { s.before_run.clone() };
                s.run_answered = true;
                let agent = match row.agent.as_deref().map(str::trim) {
                    Some(a) if !a.is_empty() => {
                        if s.agent.as_deref() != Some(a) {
                            s.agent = Some(Arc::from(a));
                        }
                        s.agent.clone()
                    }
                    _ => None,
                };
                let (draft, cut) = shorten(text, DRAFT_CHARS);
                if let Some(len) = cut {
                    self.shortened.push(Malformed::new(
                        row.line,
                        format!("客服回复有 {len} 字,超过 {DRAFT_CHARS} 字:只检查了前 {DRAFT_CHARS} 字"),
                    ));
                }
                if s.agent_since.len() < CONTEXT_CHARS * 3 {
                    if !s.agent_since.is_empty() {
                        s.agent_since.push('\n');
                    }
                    s.agent_since.push_str(&draft);
                }
                s.last_agent.clone_from(&draft);
                out.push(Job {
                    seq: self.seq,
                    line: row.line,
                    session: s.id.clone().unwrap_or_else(|| Arc::from("")),
                    agent,
                    fresh,
                    request: Request {
                        draft,
                        customer: s.customer.iter().map(String::as_str).collect::<Vec<_>>().join("\n"),
                        first_reply: !s.agent_replied,
                        agent_since,
                        previous_reply,
                        platform: self.platform.clone(),
                    },
                });
                self.seq += 1;
                s.agent_replied = true;
            }
        }
    }
}

/// A row, with what is odd about it (reported, the row still read); or why it can't be read.
type RowResult = Result<(Row, Vec<Malformed>), Malformed>;

fn delimited_row(
    record: super::record::Record,
    r: &Resolved,
    preset: &Preset,
    (width, width_of): (usize, &'static str),
    delim: char,
    agent_value: Option<&str>,
) -> RowResult {
    let n = record.line;
    let mut fields = record.fields;
    let mut notes = Vec::new();
    let get = |f: Field, fields: &[String]| -> Result<Option<String>, Malformed> {
        let i = Field::ALL.iter().position(|x| *x == f).unwrap_or(0);
        match r.index[i] {
            None => Ok(None),
            Some(at) => match fields.get(at) {
                Some(v) => Ok(Some(v.clone())),
                None => Err(Malformed::new(n, format!("只有 {} 列,缺少{}列(第 {} 列)", fields.len(), f.zh(), at + 1))),
            },
        }
    };
    // More columns than the header: a delimiter inside a message that was not quoted (the
    // JDDC dump has no quoting at all). The extra columns are taken back into the text, the
    // columns after it move left; reported, except for JDDC where it is the format.
    let extra = fields.len().saturating_sub(width);
    if extra > 0 {
        let len = fields.len();
        match r.index[2].filter(|&t| t < width) {
            Some(t) => {
                let after = fields.split_off(t + extra + 1);
                let text = fields.split_off(t).join(delim.encode_utf8(&mut [0; 4]));
                fields.push(text);
                fields.extend(after);
            }
            None => {
                return Err(Malformed::new(n, format!("有 {len} 列,比{width_of}的 {width} 列多 {extra} 列,已跳过")));
            }
        }
        if !preset.jddc_text {
            let what = if delim == '\t' { "制表符" } else { "逗号" };
            notes.push(Malformed::new(
                n,
                format!("有 {len} 列,比{width_of}的 {width} 列多 {extra} 列:按内容里有未加引号的{what}读入,多出的列已并回内容"),
            ));
        }
    }
    let session = get(Field::Session, &fields)?.unwrap_or_default();
    let role_text = get(Field::Role, &fields)?.unwrap_or_default();
    let mut text = get(Field::Text, &fields)?.unwrap_or_default();
    let agent = get(Field::Agent, &fields)?;
    let time = get(Field::Time, &fields)?;
    if preset.jddc_text {
        text = jddc_text(&text);
    }
    let (row, time_note) = build_row(n, session, &role_text, text, agent, time, agent_value)?;
    notes.extend(time_note);
    Ok((row, notes))
}

fn json_row(n: u64, line: &str, o: &Overrides, agent_value: Option<&str>) -> RowResult {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| Malformed::new(n, format!("不是有效的 JSON: {e}")))?;
    let obj = value.as_object().ok_or_else(|| Malformed::new(n, "每行应是一个 JSON 对象"))?;
    let get = |f: Field| -> Option<String> {
        let v = obj.get(mapping::json_key(obj, f, o)?)?;
        match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        }
    };
    let mut missing = Vec::new();
    for f in [Field::Session, Field::Role, Field::Text] {
        if mapping::json_key(obj, f, o).is_none() {
            missing.push(f.zh());
        }
    }
    if !missing.is_empty() {
        return Err(Malformed::new(
            n,
            format!("缺少字段:{}(键名不同时用 --map 指定,如 --map text=msg)", missing.join("、")),
        ));
    }
    build_row(
        n,
        get(Field::Session).unwrap_or_default(),
        &get(Field::Role).unwrap_or_default(),
        get(Field::Text).unwrap_or_default(),
        get(Field::Agent),
        get(Field::Time),
        agent_value,
    )
    .map(|(row, note)| (row, note.into_iter().collect()))
}

fn build_row(
    n: u64,
    session: String,
    role_text: &str,
    text: String,
    agent: Option<String>,
    time: Option<String>,
    agent_value: Option<&str>,
) -> Result<(Row, Option<Malformed>), Malformed> {
    let session = session.trim().to_owned();
    if session.is_empty() {
        return Err(Malformed::new(n, "会话ID为空"));
    }
    let role = mapping::role(role_text, agent_value).ok_or_else(|| {
        Malformed::new(
            n,
            format!("无法识别的角色 “{}”(可用 --map agent_value=… 指定表示客服的取值)", truncate(role_text.trim(), 20)),
        )
    })?;
    let mut note = None;
    let time = match time.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(t) => {
            let parsed = super::time::parse_ms(t);
            if parsed.is_none() {
                note = Some(Malformed::new(n, format!("时间 “{}” 无法识别,本行不计响应时间", truncate(t, 30))));
            }
            parsed
        }
    };
    Ok((Row { line: n, session, role, text, agent, time }, note))
}

/// JDDC: `NULL` means no reply; `!@@@!` separates messages sent together.
fn jddc_text(t: &str) -> String {
    let t = t.trim();
    if t == "NULL" || t == "nan" {
        return String::new();
    }
    t.replace("!@@@!", "\n")
}

/// The first `max_chars` characters of `s` (with `…` when cut), and its length in
/// characters when it was cut.
fn shorten(s: &str, max_chars: usize) -> (String, Option<usize>) {
    match s.char_indices().nth(max_chars) {
        Some((at, _)) => (format!("{}…", &s[..at]), Some(max_chars + s[at..].chars().count())),
        None => (s.to_owned(), None),
    }
}

fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}
