//! Team rule packs: a team's own phrases, loaded at run time and validated.
//!
//! ```json
//! {
//!   "name": "售后组",
//!   "rules": [
//!     {
//!       "id": "no-hehe",
//!       "pattern": "呵呵",
//!       "category": "impatience",
//!       "severity": "warning",
//!       "message": "“呵呵”容易被理解为嘲讽",
//!       "suggestions": ["好的"]
//!     }
//!   ]
//! }
//! ```
//!
//! `pattern` is a regular expression ([`crate::pattern`]: a subset of the `regex` crate's
//! syntax, with its matches) matched against the folded draft:
//! full-width letters and punctuation become half-width, Latin letters lower case, common
//! traditional characters simplified — write patterns in simplified, half-width, lower case.
//! `unless` (optional) is a second expression: when it matches the same clause, no finding.
//! The rule's id becomes `<category>.<id>`. A pack with any bad entry is rejected whole.
//!
//! Limits, so that no pack makes a check slow or large (each refused with the entry and the
//! reason): a pattern as [`crate::pattern`] allows (500 bytes, 1,000 instructions spelled
//! out); [`MAX_RULES`] rules in a pack and in all packs together; [`MAX_SIZE`] instructions
//! of all packs' `pattern`s and `unless`es together, so that pack rules cost at most about
//! 2 × 3,000 steps per character of a draft; a `message` of at most [`MAX_TEXT`] bytes, at
//! most [`MAX_SUGGESTIONS`] suggestions of at most [`MAX_TEXT`] bytes (each finding carries
//! them). Packs in force together ([`check_joining`]) have distinct names and rule
//! ids.

use crate::finding::Lints;
use serde_json::{Map, Value};

use crate::error::Error;
use crate::finding::{Category, Lint, Severity};
use crate::pattern::Pattern;
use crate::text::Draft;

/// A pack as written (JSON). Validated by [`CompiledPack::compile`].
pub type Pack = Value;

#[derive(Clone, Debug)]
pub struct PackRule {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub suggestions: Vec<String>,
    pattern: Pattern,
    unless: Option<Pattern>,
}

#[derive(Clone, Debug)]
pub struct CompiledPack {
    pub name: String,
    pub rules: Vec<PackRule>,
    /// The instructions of its patterns (a check's cost per character).
    pub size: usize,
}

/// The most rules in one pack, and in all packs together.
pub const MAX_RULES: usize = 200;
/// The most pattern instructions ([`Pattern::size`], `pattern` and `unless`) in one pack,
/// and in all packs together (checked by [`check_joining`]).
pub const MAX_SIZE: usize = 3_000;
/// The longest `message` and suggestion, in bytes (UTF-8: 200 CJK characters).
pub const MAX_TEXT: usize = 600;
/// The most suggestions of a rule.
pub const MAX_SUGGESTIONS: usize = 5;

/// The frame every team file shares (a rule pack, a phrasebook): a JSON object with a
/// `name`, no fields but `name`, its list, `description` and `version`, and a list of at most
/// `max` items, each an object of the fields `fields` whose texts are not blank. `kind` names the
/// file in messages (规则包), `unit` an item (规则), `field` the whole (pack), `item` one entry
/// (rule).
pub(crate) struct TeamFile<'a> {
    pub kind: &'a str,
    pub field: &'a str,
    pub list: &'a str,
    pub unit: &'a str,
    pub max: usize,
    pub item: &'a str,
    pub fields: &'a [&'a str],
}

impl TeamFile<'_> {
    /// The file's name, trimmed ("" when there is none).
    pub(crate) fn name(file: &Value) -> String {
        file.get("name").and_then(Value::as_str).unwrap_or("").trim().to_owned()
    }

    /// The file's list, or the field at fault and why, for the caller's own error.
    pub(crate) fn list<'v>(&self, file: &'v Value) -> Result<&'v [Value], (String, String)> {
        let Some(obj) = file.as_object() else {
            return Err((self.field.into(), format!("{}应是一个 JSON 对象", self.kind)));
        };
        if Self::name(file).is_empty() {
            return Err(("name".into(), format!("缺少{}名称", self.kind)));
        }
        if let Some(key) = obj.keys().find(|k| !["name", self.list, "description", "version"].contains(&k.as_str())) {
            return Err((key.clone(), format!("未知字段 “{key}”")));
        }
        let Some(items) = obj.get(self.list).and_then(Value::as_array) else {
            return Err((self.list.into(), format!("缺少 {} 数组", self.list)));
        };
        if items.len() > self.max {
            return Err((self.list.into(), format!("最多 {} 条{}", self.max, self.unit)));
        }
        Ok(items)
    }

    /// One entry of the list: an object with no field but `fields`.
    pub(crate) fn entry<'v>(&self, entry: &'v Value) -> Result<&'v Map<String, Value>, (String, String)> {
        let Some(e) = entry.as_object() else {
            return Err((self.item.into(), format!("每条{}应是一个 JSON 对象", self.unit)));
        };
        if let Some(key) = e.keys().find(|k| !self.fields.contains(&k.as_str())) {
            return Err((key.clone(), format!("未知字段 “{key}”")));
        }
        Ok(e)
    }

    /// The entry's text `field`, trimmed; it must be there and not blank.
    pub(crate) fn text(entry: &Map<String, Value>, field: &str) -> Result<String, (String, String)> {
        let why = match entry.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => return Ok(s.trim().to_owned()),
            Some(Value::String(_)) => "不能为空",
            Some(_) => "应是字符串",
            None => "缺少此字段",
        };
        Err((field.into(), why.into()))
    }
}

impl CompiledPack {
    pub fn compile(pack: &Value) -> Result<CompiledPack, Error> {
        let name = TeamFile::name(pack);
        let err = |entry: Option<usize>, field: &str, message: String| Error::Pack {
            pack: if name.is_empty() { "(未命名)".into() } else { name.clone() },
            entry,
            field: field.into(),
            message,
        };
        let file = TeamFile {
            kind: "规则包",
            field: "pack",
            list: "rules",
            unit: "规则",
            max: MAX_RULES,
            item: "rule",
            fields: &["id", "pattern", "unless", "category", "severity", "message", "suggestions"],
        };
        let entries = file.list(pack).map_err(|(field, message)| err(None, &field, message))?;
        let mut rules: Vec<PackRule> = Vec::with_capacity(entries.len());
        let mut size = 0;
        for (i, e) in entries.iter().enumerate() {
            let n = Some(i + 1);
            let e = file.entry(e).map_err(|(field, message)| err(n, &field, message))?;
            let text = |field: &str| TeamFile::text(e, field).map_err(|(field, message)| err(n, &field, message));
            let id = text("id")?;
            if !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
                return Err(err(n, "id", format!("“{id}” 应只含小写字母、数字和连字符")));
            }
            let cat = text("category")?;
            let category = Category::parse(&cat).ok_or_else(|| err(n, "category", format!("未知类别 “{cat}”")))?;
            let sev = text("severity")?;
            let severity = Severity::parse(&sev)
                .ok_or_else(|| err(n, "severity", format!("“{sev}” 应是 error、warning 或 hint")))?;
            let message = text("message")?;
            let mut compile = |field: &str| -> Result<Pattern, Error> {
                let pattern =
                    Pattern::new(&text(field)?).map_err(|e| err(n, field, format!("不是有效的正则表达式: {e}")))?;
                size += pattern.size();
                Ok(pattern)
            };
            let pattern = compile("pattern")?;
            let unless = match e.get("unless") {
                None | Some(Value::Null) => None,
                Some(_) => Some(compile("unless")?),
            };
            let suggestions = match e.get("suggestions") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(a)) => a
                    .iter()
                    .map(|s| s.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| err(n, "suggestions", "应是字符串数组".into()))?,
                Some(_) => return Err(err(n, "suggestions", "应是字符串数组".into())),
            };
            // Each finding carries them.
            if suggestions.len() > MAX_SUGGESTIONS || suggestions.iter().chain([&message]).any(|s| s.len() > MAX_TEXT) {
                return Err(err(
                    n,
                    "message",
                    format!("最多 {MAX_SUGGESTIONS} 条建议;提示和每条建议最多 {MAX_TEXT} 字节"),
                ));
            }
            let full_id = format!("{}.{id}", category.id());
            if rules.iter().any(|r| r.id == full_id) {
                return Err(err(n, "id", format!("“{id}” 在本规则包中重复")));
            }
            rules.push(PackRule { id: full_id, category, severity, message, suggestions, pattern, unless });
        }
        Ok(CompiledPack { name, rules, size })
    }
}

/// Checks that `pack` may join `others` (replacing the one of its name among them when
/// `replace`): distinct names, no rule id twice, at most [`MAX_RULES`] rules and
/// [`MAX_SIZE`] instructions in all.
pub fn check_joining(others: &[CompiledPack], pack: &CompiledPack, replace: bool) -> Result<(), Error> {
    let err =
        |entry, field: &str, message| Error::Pack { pack: pack.name.clone(), entry, field: field.into(), message };
    let (mut rules, mut size) = (pack.rules.len(), pack.size);
    for q in others {
        if q.name == pack.name {
            if replace {
                continue;
            }
            return Err(err(None, "name", format!("规则包名称 “{}” 重复", q.name)));
        }
        for (j, r) in pack.rules.iter().enumerate() {
            if q.rules.iter().any(|s| s.id == r.id) {
                return Err(err(Some(j + 1), "id", format!("“{}” 与规则包 “{}” 中的规则同名", r.id, q.name)));
            }
        }
        rules += q.rules.len();
        size += q.size;
    }
    if rules > MAX_RULES || size > MAX_SIZE {
        return Err(err(None, "rules", format!("规则包合计最多 {MAX_RULES} 条规则、{MAX_SIZE} 步(表达式展开后)")));
    }
    Ok(())
}

impl PackRule {
    pub fn check(&self, draft: &Draft, out: &mut Lints) {
        // The last clause `unless` read, and its answer: matches in one clause read it once.
        let mut last: Option<(std::ops::Range<usize>, bool)> = None;
        for m in self.pattern.find_iter(draft.folded()) {
            if let Some(unless) = &self.unless {
                let clause = draft.clause_at(m.start).map_or(m.clone(), |c| c.range.clone());
                let suppressed = match &last {
                    Some((range, answer)) if *range == clause => *answer,
                    _ => unless.is_match(draft.text(&clause)),
                };
                last = Some((clause, suppressed));
                if suppressed {
                    continue;
                }
            }
            out.push(Lint {
                rule: self.id.clone(),
                category: self.category,
                severity: self.severity,
                span: m,
                message: self.message.clone(),
                suggestions: self.suggestions.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(over: Value) -> Value {
        let mut e = json!({"id": "no-hehe", "pattern": "呵呵", "category": "impatience",
            "severity": "warning", "message": "“呵呵”容易被理解为嘲讽", "suggestions": ["好的"]});
        for (k, v) in over.as_object().unwrap() {
            if v.is_null() {
                e.as_object_mut().unwrap().remove(k);
            } else {
                e[k] = v.clone();
            }
        }
        json!({"name": "售后组", "rules": [e]})
    }

    #[test]
    fn a_good_pack_matches_folded_text() {
        let p = CompiledPack::compile(&entry(json!({}))).unwrap();
        let d = Draft::new("呵呵,知道了");
        let mut out = crate::finding::Lints::default();
        p.rules[0].check(&d, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, "impatience.no-hehe");
        assert_eq!(out[0].span, 0..6);
    }

    #[test]
    fn errors_name_the_entry_and_field() {
        let cases = [
            (json!({"pattern": "("}), "pattern"),
            (json!({"pattern": "a*"}), "pattern"),
            (json!({"category": "rudeness"}), "category"),
            (json!({"severity": "fatal"}), "severity"),
            (json!({"message": null}), "message"),
            (json!({"id": "No Hehe"}), "id"),
            (json!({"suggestions": "好的"}), "suggestions"),
            (json!({"colour": "red"}), "colour"),
        ];
        for (over, field) in cases {
            let e = CompiledPack::compile(&entry(over.clone())).unwrap_err();
            let msg = e.to_string();
            assert!(msg.contains("售后组") && msg.contains("第 1 条") && msg.contains(field), "{over}: {msg}");
        }
        assert!(CompiledPack::compile(&json!([])).is_err());
        assert!(CompiledPack::compile(&json!({"rules": []})).unwrap_err().to_string().contains("name"));
    }

    #[test]
    fn unless_suppresses_in_the_same_clause() {
        let p = CompiledPack::compile(&entry(json!({"pattern": "不行", "unless": "如果|的话"}))).unwrap();
        let mut out = crate::finding::Lints::default();
        p.rules[0].check(&Draft::new("如果不行的话可以换,不行。"), &mut out);
        assert_eq!(out.len(), 1);
    }
}
