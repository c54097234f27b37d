//! 客服话术教练 (Kefu Coach): checks a customer-service agent's draft reply against the
//! phrasing guides and platform rules, and suggests better wording.
//!
//! ```
//! use kefu_coach::{Coach, Config, Request};
//!
//! let coach = Coach::new(Config::default()).unwrap();
//! let report = coach.check(&Request::draft("不知道。"));
//! assert_eq!(report.findings[0].rule, "blunt.dont-know");
//! ```
//!
//! The core is pure Rust. The only file that knows about WebAssembly is `wasm.rs`.

/// A [`text::Words`] list, written like a slice: `words!["不行", "不可以"]` (one string, each
/// word ended by `\0`). Defined first, so every module can write lists with it.
macro_rules! words {
    ($($word:literal),* $(,)?) => {
        $crate::text::Words::joined(concat!($($word, "\0"),*))
    };
}

/// A word table with a fix per word, as a [`text::Pairs`]:
/// `pairs![("不行", "暂时无法"), ("没办法", "暂时无法")]`. A fix may be a macro that gives a
/// literal (`check!()`), for a fix many words share.
macro_rules! pairs {
    ($(($word:literal, $fix:expr)),* $(,)?) => {
        $crate::text::Pairs::joined(concat!($($word, "\0"),*), concat!($($fix, "\0"),*))
    };
}

pub mod config;
pub mod docs;
pub mod error;
pub mod finding;
pub mod jsonl;
pub mod learned;
pub mod packs;
pub mod pattern;
pub mod phrasebook;
#[cfg(feature = "review")]
pub mod review;
pub mod rules;
pub mod score;
pub mod text;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm; // pub only so that tests/web.rs can reach the boundary

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

pub use config::{Config, Platform};
pub use error::Error;
pub use finding::{Category, Dimension, Finding, Omitted, Severity};
pub use score::Scores;

pub use phrasebook::Template;

use finding::Lints;
use packs::CompiledPack;
use phrasebook::{Phrasebook, Season};
use rules::{Context, Rule};
use text::{Customer, Draft};

/// One draft to check, with what the coach knows of the conversation.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Request {
    /// The agent's text as typed.
    #[serde(default)]
    pub draft: String,
    /// The customer's last message(s); may be empty.
    #[serde(default)]
    pub customer: String,
    /// The agent has not replied in this conversation yet.
    #[serde(default)]
    pub first_reply: bool,
    /// What the agent has already sent since the customer's last messages (empty: nothing).
    /// When it says something (more than a greeting or a holding line), this draft is a
    /// further message: the customer's question may have been answered, or the complaint
    /// apologised for, in the one before.
    #[serde(default)]
    pub agent_since: String,
    /// The agent's last message before the customer's last messages (empty: none, or not
    /// known). What it already said counts for this reply: an apology made there, or a time
    /// given there, is not missing here in the same way.
    #[serde(default)]
    pub previous_reply: String,
    /// Overrides the coach's platform for this draft.
    #[serde(default)]
    pub platform: Option<String>,
}

impl Request {
    /// A draft with no context.
    pub fn draft(draft: impl Into<String>) -> Request {
        Request { draft: draft.into(), ..Request::default() }
    }
}

/// The result of a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub score: u8,
    pub scores: Scores,
    /// Sorted by position, then by severity (most severe first).
    pub findings: Vec<Finding>,
    /// Rules that reached [`finding::MAX_FINDINGS_PER_RULE`] in this draft, with how many
    /// findings were left out. Absent from the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omitted: Vec<Omitted>,
    /// The customer's situation (`text::Situation` id), `None` when their messages show none.
    #[serde(default)]
    pub situation: Option<String>,
    /// The phrasebook's templates for that situation, best first, at most
    /// [`phrasebook::IN_REPORT`]; empty when there is none.
    #[serde(default)]
    pub templates: Vec<Template>,
}

/// Metadata of a rule, for settings screens and docs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub title: String,
    /// One zh-CN sentence: what the rule flags and why.
    pub summary: String,
    /// Markdown: What it does / Why is this bad? / Example / Use instead.
    pub doc: String,
}

/// The checker: built-in rules, team packs, and what the team switched off.
pub struct Coach {
    rules: Vec<Box<dyn Rule>>,
    packs: Vec<CompiledPack>,
    platform: Platform,
    disabled_rules: HashSet<String>,
    disabled_categories: HashSet<Category>,
    phrasebook: Option<Phrasebook>,
    season: Option<Season>,
}

impl Coach {
    /// Build a coach. Fails, naming the field, on an unknown platform, rule id, category,
    /// or a bad team pack.
    pub fn new(config: Config) -> Result<Coach, Error> {
        let mut coach = Coach {
            rules: rules::all(),
            packs: Vec::new(),
            platform: Platform::default(),
            disabled_rules: HashSet::new(),
            disabled_categories: HashSet::new(),
            phrasebook: None,
            season: None,
        };
        coach.configure(config)?;
        Ok(coach)
    }

    /// Replace the configuration. On error nothing changes: the rules in force stay as they
    /// were.
    pub fn configure(&mut self, config: Config) -> Result<(), Error> {
        let platform = match &config.platform {
            Some(p) => Platform::parse(p)?,
            None => Platform::default(),
        };
        let packs = config.packs.iter().map(CompiledPack::compile).collect::<Result<Vec<_>, _>>()?;
        for (i, p) in packs.iter().enumerate() {
            packs::check_joining(&packs[..i], p, false)?;
        }
        let known: HashSet<String> = self
            .rules
            .iter()
            .map(|r| r.meta().id.to_owned())
            .chain(packs.iter().flat_map(|p| p.rules.iter().map(|r| r.id.clone())))
            .collect();
        for p in &packs {
            for r in &p.rules {
                if self.rules.iter().any(|b| b.meta().id == r.id) {
                    return Err(Error::Pack {
                        pack: p.name.clone(),
                        entry: None,
                        field: "id".into(),
                        message: format!("“{}” 与内置规则同名", r.id),
                    });
                }
            }
        }
        for id in &config.disabled_rules {
            if !known.contains(id) {
                return Err(Error::config("disabled_rules", format!("未知规则 “{id}”")));
            }
        }
        let categories = config.categories()?;
        let season = config.season()?;
        let phrasebook = config.phrasebook.as_ref().map(Phrasebook::compile).transpose()?;
        self.platform = platform;
        self.season = season;
        self.phrasebook = phrasebook;
        self.packs = packs;
        self.disabled_rules = config.disabled_rules.into_iter().collect();
        self.disabled_categories = categories.into_iter().collect();
        Ok(())
    }

    /// Add a team pack. A bad pack is rejected and the rules in force stay as they were.
    pub fn add_pack(&mut self, pack: &packs::Pack) -> Result<(), Error> {
        let compiled = CompiledPack::compile(pack)?;
        // Other packs' ids: packs::check_joining.
        if let Some(r) = compiled.rules.iter().find(|r| self.rules.iter().any(|b| b.meta().id == r.id)) {
            return Err(Error::Pack {
                pack: compiled.name.clone(),
                entry: None,
                field: "id".into(),
                message: format!("“{}” 与已有规则同名", r.id),
            });
        }
        packs::check_joining(&self.packs, &compiled, true)?;
        self.packs.retain(|p| p.name != compiled.name);
        self.packs.push(compiled);
        Ok(())
    }

    /// Set the team's phrasebook (it takes precedence over the default one). A bad book is
    /// rejected, naming the entry, and the phrasebook in force stays as it was.
    pub fn set_phrasebook(&mut self, book: &serde_json::Value) -> Result<(), Error> {
        self.phrasebook = Some(Phrasebook::compile(book)?);
        Ok(())
    }

    /// The phrasebook in force: the team's entries, then the default book's for the
    /// situations the team has none for.
    pub fn phrasebook(&self) -> Phrasebook {
        let default = phrasebook::default_book();
        match &self.phrasebook {
            None => default.clone(),
            Some(team) => {
                let mut book = team.clone();
                book.entries.extend(
                    default
                        .entries
                        .iter()
                        .filter(|e| !team.entries.iter().any(|t| t.situation == e.situation))
                        .cloned(),
                );
                book
            }
        }
    }

    pub fn platform(&self) -> Platform {
        self.platform
    }

    /// Check a draft. Never panics: any text gives a report.
    pub fn check(&self, req: &Request) -> Report {
        self.try_check(req).unwrap_or_else(|_| self.check_with(req, self.platform))
    }

    /// Check a draft, failing on a request that can't be honoured (an unknown platform).
    pub fn try_check(&self, req: &Request) -> Result<Report, Error> {
        let platform = match req.platform.as_deref().map(str::trim) {
            None | Some("") => self.platform,
            Some(p) => Platform::parse(p).map_err(|e| Error::request("platform", e.to_string()))?,
        };
        Ok(self.check_with(req, platform))
    }

    fn check_with(&self, req: &Request, platform: Platform) -> Report {
        let draft = Draft::new(&req.draft);
        let customer = Customer::read(&req.customer);
        let mut lints = Lints::default();
        // Every rule looks up phrase lists in these: read them once for all.
        let _scope = text::scope(&[draft.folded(), &customer.text]);
        let situation = customer.situation();
        if !draft.is_blank() {
            let previous = (!req.previous_reply.trim().is_empty()).then(|| Draft::new(&req.previous_reply));
            let mut cx = Context::new(&draft, &customer, req.first_reply, platform);
            cx.answered = text::answers(&req.agent_since);
            cx.previous = previous.as_ref();
            let enabled = |rule: &dyn Rule| {
                let meta = rule.meta();
                !self.disabled_categories.contains(&meta.category) && !self.disabled_rules.contains(meta.id)
            };
            for rule in self.rules.iter().filter(|r| enabled(r.as_ref()) && !r.is_second_opinion()) {
                lints.begin_rule();
                rule.check(&cx, &mut lints);
            }
            for rule in self.packs.iter().flat_map(|p| &p.rules) {
                if self.disabled_categories.contains(&rule.category) || self.disabled_rules.contains(&rule.id) {
                    continue;
                }
                lints.begin_rule();
                rule.check(&draft, &mut lints);
            }
            // A second opinion speaks only for a category whose rules are all on: with 不知道's
            // rule off, a hint on 不知道 from the model would bring back what the team switched off.
            let muted = |category: Category| {
                self.disabled_rules.iter().any(|id| id.split_once('.').is_some_and(|(c, _)| c == category.id()))
            };
            for rule in
                self.rules.iter().filter(|r| enabled(r.as_ref()) && r.is_second_opinion() && !muted(r.meta().category))
            {
                lints.begin_rule();
                rule.check(&cx, &mut lints);
            }
        }
        let (lints, omitted) = lints.finish();
        let mut findings: Vec<Finding> = lints.into_iter().map(|l| l.into_finding(&draft)).collect();
        // By start, end, the more severe first, then rule id (by its rank among this
        // report's ids), through the crate's one sort (text::sort_by_keys).
        let mut ids: Vec<&str> = Vec::new();
        for f in &findings {
            if let Err(i) = ids.binary_search(&f.rule.as_str()) {
                ids.insert(i, &f.rule);
            }
        }
        let keys: Vec<u128> = findings
            .iter()
            .map(|f| {
                let rank = ids.binary_search(&f.rule.as_str()).unwrap_or(0) as u128;
                let severity = u128::from(Severity::Error as u8 - f.severity as u8);
                ((f.start as u128) << 80) | ((f.end as u128) << 32) | (severity << 30) | rank
            })
            .collect();
        text::sort_by_keys(&mut findings, keys);
        findings.dedup_by(|a, b| a.rule == b.rule && a.start == b.start && a.end == b.end);
        finding::drop_nested(&mut findings, |f| self.packs.iter().any(|p| p.rules.iter().any(|r| r.id == f.rule)));
        let (score, scores) = score::score(&findings);
        let mut templates =
            situation.map(|s| phrasebook::templates(self.phrasebook.as_ref(), s, self.season)).unwrap_or_default();
        // The first reply greets (greeting.missing-greeting): a template that doesn't, does then.
        if req.first_reply {
            for t in &mut templates {
                if !phrasebook::greets(&t.text) {
                    t.text = format!("{}{}", platform.greeting(), t.text);
                }
            }
        }
        Report { score, scores, findings, omitted, situation: situation.map(|s| s.id().to_owned()), templates }
    }

    /// Every built-in rule.
    pub fn rules() -> Vec<RuleInfo> {
        rules::all()
            .iter()
            .map(|r| {
                let m = r.meta();
                RuleInfo {
                    id: m.id.to_owned(),
                    category: m.category,
                    severity: m.severity,
                    title: m.title.to_owned(),
                    summary: m.summary.to_owned(),
                    doc: rules::doc_text(m),
                }
            })
            .collect()
    }
}
