//! Which column holds what: presets for common exports, `--map` overrides, header matching,
//! and what a role value means.

use serde::Serialize;

/// The file's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Tsv,
    Jsonl,
}

/// Who sent a turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Agent,
    Customer,
    /// System notices, bots: counted, not checked, not context.
    System,
}

/// The fields a turn is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Session,
    Role,
    Text,
    Agent,
    Time,
}

impl Field {
    pub const ALL: [Field; 5] = [Field::Session, Field::Role, Field::Text, Field::Agent, Field::Time];

    pub fn id(self) -> &'static str {
        match self {
            Field::Session => "session",
            Field::Role => "role",
            Field::Text => "text",
            Field::Agent => "agent",
            Field::Time => "time",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Field::Session => "会话ID",
            Field::Role => "角色",
            Field::Text => "内容",
            Field::Agent => "客服",
            Field::Time => "时间",
        }
    }

    fn required(self) -> bool {
        matches!(self, Field::Session | Field::Role | Field::Text)
    }

    /// Header names recognised for this field (compared after [`normalize`]).
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Session => &[
                "会话id",
                "会话编号",
                "会话",
                "会话号",
                "对话id",
                "咨询id",
                "session",
                "sessionid",
                "conversation",
                "conversationid",
                "chatid",
                "dialogid",
                "threadid",
            ],
            Field::Role => &[
                "角色",
                "发送方",
                "发送者角色",
                "发送者身份",
                "身份",
                "是否客服发送",
                "消息方向",
                "role",
                "sender",
                "sendertype",
                "speaker",
                "from",
                "waitersend",
                "direction",
            ],
            Field::Text => &[
                "内容",
                "消息内容",
                "消息",
                "聊天内容",
                "文本",
                "回复内容",
                "content",
                "text",
                "message",
                "msg",
                "body",
            ],
            Field::Agent => &[
                "客服",
                "客服id",
                "客服昵称",
                "客服账号",
                "客服名称",
                "客服名",
                "坐席",
                "坐席id",
                "接待客服",
                "agent",
                "agentid",
                "agentname",
                "waiter",
                "staff",
                "operator",
            ],
            Field::Time => &[
                "时间",
                "发送时间",
                "消息时间",
                "时间戳",
                "time",
                "timestamp",
                "createdat",
                "sentat",
                "datetime",
                "date",
            ],
        }
    }
}

/// Where a field is: a 1-based column number or a header/key name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    Index(usize),
    Name(String),
}

impl Column {
    fn parse(s: &str) -> Column {
        let t = s.trim();
        let digits = t.strip_prefix('#').unwrap_or(t);
        match digits.parse::<usize>() {
            Ok(n) if n >= 1 && !digits.is_empty() => Column::Index(n - 1),
            _ => Column::Name(t.to_owned()),
        }
    }
}

/// A named starting point for a kind of export.
#[derive(Clone, Debug)]
pub struct Preset {
    pub id: &'static str,
    pub format: Format,
    pub header: bool,
    pub quote: Option<char>,
    /// Columns of a file without header, 0-based, in [`Field::ALL`] order.
    pub columns: [Option<usize>; 5],
    /// The role value that means “agent”, when the export uses its own codes.
    pub agent_value: Option<&'static str>,
    /// The platform the chats come from, if known.
    pub platform: Option<&'static str>,
    /// JDDC: `NULL` is an empty turn, `!@@@!` joins messages sent at once.
    pub jddc_text: bool,
    /// Columns of a row, when the preset knows it (else the header's, or the first row's).
    pub width: Option<usize>,
}

pub const PRESETS: &[&str] = &["auto", "jddc", "csv", "tsv", "jsonl"];

impl Preset {
    pub fn named(id: &str) -> Result<Preset, String> {
        let base = Preset {
            id: "csv",
            format: Format::Csv,
            header: true,
            quote: Some('"'),
            columns: [None; 5],
            agent_value: None,
            platform: None,
            jddc_text: false,
            width: None,
        };
        Ok(match id.trim().to_ascii_lowercase().as_str() {
            "jddc" => Preset {
                id: "jddc",
                format: Format::Tsv,
                header: false,
                quote: None,
                columns: [Some(0), Some(2), Some(6), None, None],
                agent_value: Some("1"),
                platform: Some("jd"),
                jddc_text: true,
                width: Some(7),
            },
            "csv" => base,
            "tsv" => Preset { id: "tsv", format: Format::Tsv, ..base },
            "jsonl" | "ndjson" | "json" => Preset { id: "jsonl", format: Format::Jsonl, quote: None, ..base },
            other => return Err(format!("未知预设 “{other}”,可选 {}", PRESETS.join("、"))),
        })
    }

    /// Guess the preset from the first line of the file (already decoded).
    pub fn sniff(first_line: &str) -> Preset {
        let t = first_line.trim_start_matches('\u{feff}').trim_start();
        let named = |id| Preset::named(id).unwrap_or_else(|_| unreachable!("built-in preset {id}"));
        if t.starts_with('{') {
            return named("jsonl");
        }
        let tabs: Vec<&str> = t.split('\t').collect();
        if tabs.len() == 7 && matches!(tabs[2].trim(), "0" | "1") && tabs[0].len() >= 8 {
            return named("jddc");
        }
        if t.matches('\t').count() > t.matches(',').count() {
            return named("tsv");
        }
        named("csv")
    }
}

/// `--map session=会话ID,role=角色,text=3,agent_value=客服,header=no`: the user's corrections.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub columns: [Option<Column>; 5],
    pub agent_value: Option<String>,
    /// `header=no`: the first row is data (columns then go by number).
    pub header: Option<bool>,
}

impl Overrides {
    pub fn parse(spec: &str) -> Result<Overrides, String> {
        let mut o = Overrides::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) =
                part.split_once('=').ok_or_else(|| format!("映射 “{part}” 应写成 字段=列名 或 字段=列号"))?;
            let key = key.trim().to_ascii_lowercase().replace('-', "_");
            if key == "agent_value" {
                o.agent_value = Some(value.trim().to_owned());
                continue;
            }
            if key == "header" {
                o.header = match value.trim().to_lowercase().as_str() {
                    "yes" | "true" | "1" | "有" => Some(true),
                    "no" | "false" | "0" | "无" | "没有" => Some(false),
                    other => return Err(format!("header 只能是 yes 或 no,而不是 “{other}”")),
                };
                continue;
            }
            let i = Field::ALL.iter().position(|f| f.id() == key).ok_or_else(|| {
                format!("映射里的未知字段 “{key}”,可用 session、role、text、agent、time、agent_value、header")
            })?;
            o.columns[i] = Some(Column::parse(value));
        }
        Ok(o)
    }
}

/// Column positions resolved against the header (or the preset, without one).
#[derive(Clone, Debug)]
pub struct Resolved {
    pub index: [Option<usize>; 5],
}

impl Resolved {
    /// For a file with a header row.
    pub fn from_header(header: &[String], o: &Overrides) -> Result<Resolved, String> {
        let names: Vec<String> = header.iter().map(|h| normalize(h)).collect();
        let mut index = [None; 5];
        for (i, f) in Field::ALL.iter().enumerate() {
            index[i] = match &o.columns[i] {
                Some(Column::Index(n)) => Some(*n),
                Some(Column::Name(n)) => {
                    let want = normalize(n);
                    let at = names.iter().position(|h| *h == want);
                    if at.is_none() {
                        return Err(format!(
                            "表头里没有 “{n}” 列(用于{}):表头是 {}",
                            f.zh(),
                            header.iter().map(|h| format!("“{}”", h.trim())).collect::<Vec<_>>().join("、")
                        ));
                    }
                    at
                }
                None => names.iter().position(|h| f.names().contains(&h.as_str())),
            };
            if index[i].is_none() && f.required() {
                return Err(format!(
                    "找不到{}列:表头是 {};请用 --map {}=列名 指定(网页里在“列映射”中填写)",
                    f.zh(),
                    header.iter().map(|h| format!("“{}”", h.trim())).collect::<Vec<_>>().join("、"),
                    f.id()
                ));
            }
        }
        Ok(Resolved { index })
    }

    /// For a file without header: the preset's columns, corrected by column numbers.
    pub fn from_preset(p: &Preset, o: &Overrides) -> Result<Resolved, String> {
        let mut index = p.columns;
        for (i, f) in Field::ALL.iter().enumerate() {
            match &o.columns[i] {
                Some(Column::Index(n)) => index[i] = Some(*n),
                Some(Column::Name(n)) => {
                    return Err(format!("这个文件没有表头,{} 只能用列号指定(如 {}=3),不能用 “{n}”", f.id(), f.id()))
                }
                None => {}
            }
            if index[i].is_none() && f.required() {
                return Err(format!("没有表头时需用 --map {}=列号 指定{}列", f.id(), f.zh()));
            }
        }
        Ok(Resolved { index })
    }
}

/// Header names compared without case, spaces, `_` or `-`.
pub fn normalize(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '"'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which JSON key holds a field: the user's name, else the first recognised key present.
pub fn json_key<'a>(obj: &'a serde_json::Map<String, serde_json::Value>, f: Field, o: &Overrides) -> Option<&'a str> {
    let i = Field::ALL.iter().position(|x| *x == f)?;
    match &o.columns[i] {
        Some(Column::Name(n)) => obj.keys().find(|k| normalize(k) == normalize(n)).map(String::as_str),
        Some(Column::Index(n)) => {
            let wanted = (n + 1).to_string();
            obj.keys().find(|k| **k == wanted).map(String::as_str)
        }
        None => obj.keys().find(|k| f.names().contains(&normalize(k).as_str())).map(String::as_str),
    }
}

/// What a role value means. `agent_value`, when set, is the one value meaning “agent”.
pub fn role(value: &str, agent_value: Option<&str>) -> Option<Role> {
    let v = value.trim();
    if let Some(a) = agent_value {
        return Some(if v.eq_ignore_ascii_case(a.trim()) { Role::Agent } else { Role::Customer });
    }
    let l = v.to_lowercase();
    const AGENT: &[&str] = &[
        "客服", "坐席", "商家", "卖家", "店铺", "售前", "售后", "人工", "agent", "staff", "seller", "waiter",
        "support", "service", "operator", "1", "true", "a",
    ];
    const CUSTOMER: &[&str] = &[
        "客户",
        "顾客",
        "买家",
        "用户",
        "消费者",
        "访客",
        "customer",
        "user",
        "buyer",
        "client",
        "visitor",
        "0",
        "false",
        "c",
        "q",
    ];
    const SYSTEM: &[&str] = &["系统", "机器人", "自动回复", "system", "bot", "robot", "auto", "2"];
    let starts = |list: &[&str]| list.iter().any(|w| l == *w || (w.chars().count() >= 2 && l.starts_with(w)));
    if starts(SYSTEM) {
        Some(Role::System)
    } else if starts(AGENT) {
        Some(Role::Agent)
    } else if starts(CUSTOMER) {
        Some(Role::Customer)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_in_chinese_and_english() {
        let h: Vec<String> =
            ["\u{feff}会话ID", "时间", "角色", "客服昵称", "消息内容"].iter().map(|s| s.to_string()).collect();
        let r = Resolved::from_header(&h, &Overrides::default()).unwrap();
        assert_eq!(r.index, [Some(0), Some(2), Some(4), Some(3), Some(1)]);
        let h: Vec<String> = ["Session ID", "sender", "Message"].iter().map(|s| s.to_string()).collect();
        let r = Resolved::from_header(&h, &Overrides::default()).unwrap();
        assert_eq!(r.index, [Some(0), Some(1), Some(2), None, None]);
        let h: Vec<String> = ["id", "who", "what"].iter().map(|s| s.to_string()).collect();
        let err = Resolved::from_header(&h, &Overrides::default()).unwrap_err();
        assert!(err.contains("--map session="), "{err}");
        assert_eq!(Overrides::parse("header=no,text=3").unwrap().header, Some(false));
        assert!(Overrides::parse("header=maybe").is_err());
        let o = Overrides::parse("session=id, role=2 ,text=what,agent_value=客服").unwrap();
        let r = Resolved::from_header(&h, &o).unwrap();
        assert_eq!(r.index, [Some(0), Some(1), Some(2), None, None]);
        assert_eq!(o.agent_value.as_deref(), Some("客服"));
    }

    #[test]
    fn roles_and_sniffing() {
        assert_eq!(role("客服小王", None), Some(Role::Agent));
        assert_eq!(role("买家", None), Some(Role::Customer));
        assert_eq!(role("系统消息", None), Some(Role::System));
        assert_eq!(role("路人", None), None);
        assert_eq!(role("1", Some("1")), Some(Role::Agent));
        assert_eq!(Preset::sniff("0000b82c62117aa4\tUSERID_1\t0\t0\t0\tnan\t你好").id, "jddc");
        assert_eq!(Preset::sniff("{\"session\":1}").id, "jsonl");
        assert_eq!(Preset::sniff("会话\t角色\t内容").id, "tsv");
        assert_eq!(Preset::sniff("会话,角色,内容").id, "csv");
    }
}
