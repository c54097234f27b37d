//! The scenario phrasebook (场景话术): templates keyed by the customer's situation
//! ([`Situation`]), offered with each report so that the whole team answers alike (the guides:
//! 场景化打磨, 提前制定应急话术模板, 确保团队沟通口径一致).
//!
//! The default phrasebook is `default.json` next to this file, compiled in: the one source for
//! the core, the CLI and the pages (they get it through the report's `templates`). A team
//! phrasebook has the same format and is validated the same way ([`Phrasebook::compile`]); it
//! takes precedence: for a situation it has entries for, only its entries are offered.
//!
//! ```json
//! {
//!   "name": "售后组",
//!   "entries": [
//!     {"id": "late", "situation": "late", "text": "非常抱歉让您久等了!单号【单号】预计【预计时间】送达。"},
//!     {"id": "late-promo", "situation": "late", "variant": "promo", "text": "…"}
//!   ]
//! }
//! ```
//!
//! `variant` (optional) marks a template for a season: `promo` (大促) or `peak` (售后高峰).
//! With a season set in the config, its templates come first; without one, after the plain
//! ones. `【…】` marks a placeholder the agent fills in. Limits: [`MAX_ENTRIES`] entries, a
//! `text` of at most [`MAX_TEXT`] bytes, ids of lower-case letters, digits and `-`, distinct.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::packs::TeamFile;
use crate::text::Situation;

/// The most entries in a phrasebook.
pub const MAX_ENTRIES: usize = 300;
/// The longest template, in bytes (UTF-8: 200 CJK characters).
pub const MAX_TEXT: usize = 600;
/// The most templates a report carries.
pub const IN_REPORT: usize = 3;

/// A season whose templates come first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// 大促: big sales.
    Promo,
    /// 售后高峰: after-sales peak.
    Peak,
}

impl Season {
    pub fn id(self) -> &'static str {
        match self {
            Season::Promo => "promo",
            Season::Peak => "peak",
        }
    }

    pub fn parse(s: &str) -> Option<Season> {
        [Season::Promo, Season::Peak].into_iter().find(|v| v.id() == s.trim())
    }
}

/// A template as a report carries it (the contract's `templates` items).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub id: String,
    pub situation: String,
    pub text: String,
}

/// One validated entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub situation: Situation,
    pub variant: Option<Season>,
    pub text: String,
}

/// A validated phrasebook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrasebook {
    pub name: String,
    pub entries: Vec<Entry>,
}

/// The phrasebook that ships with the coach.
pub fn default_book() -> &'static Phrasebook {
    static BOOK: OnceLock<Phrasebook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let value: Value = serde_json::from_str(include_str!("default.json")).unwrap_or(Value::Null);
        // tests::default_book_is_valid keeps this from ever being the empty book.
        Phrasebook::compile(&value).unwrap_or(Phrasebook { name: String::new(), entries: Vec::new() })
    })
}

impl Phrasebook {
    /// Parse and validate a phrasebook from JSON text.
    pub fn from_json(json: &str) -> Result<Phrasebook, Error> {
        let value: Value = serde_json::from_str(json).map_err(|e| Error::Phrasebook {
            book: "(未命名)".into(),
            entry: None,
            field: "json".into(),
            message: format!("不是有效的 JSON: {e}"),
        })?;
        Phrasebook::compile(&value)
    }

    /// Validate a phrasebook. Any bad entry rejects the whole book, naming the entry.
    pub fn compile(book: &Value) -> Result<Phrasebook, Error> {
        let name = TeamFile::name(book);
        let err = |entry: Option<usize>, field: &str, message: String| Error::Phrasebook {
            book: if name.is_empty() { "(未命名)".into() } else { name.clone() },
            entry,
            field: field.into(),
            message,
        };
        let file = TeamFile {
            kind: "话术库",
            field: "phrasebook",
            list: "entries",
            unit: "话术",
            max: MAX_ENTRIES,
            item: "entry",
            fields: &["id", "situation", "variant", "text"],
        };
        let items = file.list(book).map_err(|(field, message)| err(None, &field, message))?;
        let mut entries: Vec<Entry> = Vec::with_capacity(items.len());
        for (i, e) in items.iter().enumerate() {
            let n = Some(i + 1);
            let e = file.entry(e).map_err(|(field, message)| err(n, &field, message))?;
            let text = |field: &str| TeamFile::text(e, field).map_err(|(field, message)| err(n, &field, message));
            let id = text("id")?;
            if !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') || id.len() > 64 {
                return Err(err(n, "id", format!("“{id}” 应只含小写字母、数字和连字符(最多 64 个)")));
            }
            if entries.iter().any(|x| x.id == id) {
                return Err(err(n, "id", format!("“{id}” 重复")));
            }
            let situation_id = text("situation")?;
            let Some(situation) = Situation::parse(&situation_id) else {
                let known: Vec<&str> = Situation::ALL.iter().map(|s| s.id()).collect();
                return Err(err(n, "situation", format!("未知场景 “{situation_id}”,可选 {}", known.join("、"))));
            };
            let variant = match e.get("variant") {
                None | Some(Value::Null) => None,
                Some(Value::String(v)) => match Season::parse(v) {
                    Some(s) => Some(s),
                    None => return Err(err(n, "variant", format!("未知时段 “{v}”,可选 promo(大促)、peak(售后高峰)"))),
                },
                Some(_) => return Err(err(n, "variant", "应是字符串".into())),
            };
            let body = text("text")?;
            if body.len() > MAX_TEXT {
                return Err(err(n, "text", format!("话术最长 {MAX_TEXT} 字节(约 200 个汉字)")));
            }
            entries.push(Entry { id, situation, variant, text: body });
        }
        Ok(Phrasebook { name, entries })
    }

    /// The book as JSON, in the format [`Phrasebook::compile`] reads.
    pub fn to_json(&self) -> Value {
        let entries: Vec<Value> = self
            .entries
            .iter()
            .map(|e| {
                let mut o = serde_json::Map::new();
                o.insert("id".into(), e.id.clone().into());
                o.insert("situation".into(), e.situation.id().into());
                if let Some(v) = e.variant {
                    o.insert("variant".into(), v.id().into());
                }
                o.insert("text".into(), e.text.clone().into());
                Value::Object(o)
            })
            .collect();
        serde_json::json!({ "name": self.name, "entries": entries })
    }
}

/// The templates for `situation`, best first, at most [`IN_REPORT`]: the team's entries for
/// it if it has any, else the default book's; the season's first, then plain ones, then other
/// seasons'.
/// Whether a template opens with a greeting (您好 / 你好 in its first sentence).
pub fn greets(text: &str) -> bool {
    let first = text.split(crate::text::is_sentence_end).next().unwrap_or("");
    first.contains("您好") || first.contains("你好")
}

pub fn templates(team: Option<&Phrasebook>, situation: Situation, season: Option<Season>) -> Vec<Template> {
    let has = |b: &Phrasebook| b.entries.iter().any(|e| e.situation == situation);
    let book = match team {
        Some(t) if has(t) => t,
        _ => default_book(),
    };
    let rank = |e: &Entry| match (e.variant, season) {
        (Some(v), Some(s)) if v == s => 0,
        (None, _) => 1,
        _ => 2,
    };
    let mut out: Vec<Template> = Vec::new();
    for r in 0..3 {
        for e in book.entries.iter().filter(|e| e.situation == situation && rank(e) == r) {
            if out.len() < IN_REPORT {
                out.push(Template { id: e.id.clone(), situation: situation.id().to_owned(), text: e.text.clone() });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_book_is_valid_and_covers_every_situation() {
        let value: Value = serde_json::from_str(include_str!("default.json")).expect("default.json is JSON");
        let book = Phrasebook::compile(&value).expect("default.json is a valid phrasebook");
        for s in Situation::ALL {
            assert!(book.entries.iter().any(|e| e.situation == s), "no template for {s}");
        }
        assert_eq!(default_book(), &book);
    }

    #[test]
    fn bad_books_name_the_entry() {
        let e = Phrasebook::from_json(r#"{"name":"售后组","entries":[{"id":"a","situation":"late","text":"好的"},{"id":"b","situation":"lost","text":"x"}]}"#)
            .unwrap_err();
        assert!(matches!(&e, Error::Phrasebook { entry: Some(2), field, .. } if field == "situation"), "{e:?}");
        assert!(e.to_string().contains("第 2 条"), "{e}");
        for (json, field) in [
            (r#"[]"#, "phrasebook"),
            (r#"{"entries":[]}"#, "name"),
            (r#"{"name":"x"}"#, "entries"),
            (r#"{"name":"x","entries":[{"id":"A b","situation":"late","text":"t"}]}"#, "id"),
            (r#"{"name":"x","entries":[{"id":"a","situation":"late","text":" "}]}"#, "text"),
            (r#"{"name":"x","entries":[{"id":"a","situation":"late","text":"t","variant":"xmas"}]}"#, "variant"),
            (r#"{"name":"x","entries":[{"id":"a","situation":"late","text":"t","extra":1}]}"#, "extra"),
            (
                r#"{"name":"x","entries":[{"id":"a","situation":"late","text":"t"},{"id":"a","situation":"late","text":"u"}]}"#,
                "id",
            ),
            ("{", "json"),
        ] {
            match Phrasebook::from_json(json) {
                Err(Error::Phrasebook { field: f, .. }) => assert_eq!(f, field, "{json}"),
                other => panic!("{json}: {other:?}"),
            }
        }
    }

    #[test]
    fn team_entries_take_precedence_and_seasons_order() {
        let team = Phrasebook::from_json(
            r#"{"name":"售后组","entries":[{"id":"our-late","situation":"late","text":"非常抱歉,单号【单号】预计【预计时间】送达。"}]}"#,
        )
        .unwrap();
        let t = templates(Some(&team), Situation::Late, None);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].id, "our-late");
        // A situation the team did not write: the default book's.
        assert_eq!(templates(Some(&team), Situation::Invoice, None)[0].id, "invoice");
        assert_eq!(templates(None, Situation::Late, None)[0].id, "late");
        assert_eq!(templates(None, Situation::Late, Some(Season::Peak))[0].id, "late-peak");
        assert!(templates(None, Situation::Late, Some(Season::Promo)).len() <= IN_REPORT);
    }

    #[test]
    fn round_trips_through_json() {
        let book = default_book();
        assert_eq!(&Phrasebook::compile(&book.to_json()).unwrap(), book);
    }
}
