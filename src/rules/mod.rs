//! The rule registry and the small framework every rule uses.
//!
//! One rule a file, grouped by category (`rules/<category>/<rule>.rs`), each declared with
//! `declare_rule!` so that its doc comment becomes its documentation (`kefu-coach rules`,
//! `docs/rules.md`, the demo's rules page). A rule reads the shared [`Context`] and pushes
//! [`Lint`]s; it never converts offsets or formats output.

use crate::finding::Lints;
use std::ops::Range;

use crate::config::Platform;
use crate::finding::{Category, Lint, Severity};
use crate::learned::Opinion;
use crate::text::{Customer, Draft};

mod address;
mod apology;
mod blame;
mod blunt;
mod buck_passing;
mod closing;
mod command;
mod compliance;
mod coverage;
mod empathy;
mod greeting;
mod impatience;
mod jargon;
mod objection;
mod pressure;
mod punctuation;
mod slang;
mod structure;
mod timeline;
mod vague;

/// What a rule is, for settings screens and docs.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, `category.name`.
    pub id: &'static str,
    pub category: Category,
    /// The default severity; a rule may lower or raise it for one finding.
    pub severity: Severity,
    /// A short zh-CN title.
    pub title: &'static str,
    /// One zh-CN sentence (at most 40 characters): what the rule flags and why, for the
    /// options page and the docs' rule list.
    pub summary: &'static str,
    /// Markdown: What it does / Why is this bad? / Example / Use instead.
    pub doc: &'static str,
}

/// Everything a rule may read. Built once per check and shared by all rules.
pub struct Context<'a> {
    pub draft: &'a Draft,
    pub customer: &'a Customer,
    pub first_reply: bool,
    /// The agent has already answered the customer's last messages: its `agent_since` says
    /// something (see [`crate::Request`] and [`crate::text::answers`]).
    pub answered: bool,
    /// The agent's message before the customer's last ones, where the request gives it
    /// ([`crate::Request::previous_reply`]).
    pub previous: Option<&'a Draft>,
    pub platform: Platform,
    /// Whether the draft names a time for the outcome (今天18点前, 1-3个工作日): read on first
    /// use, since several timeline rules ask.
    outcome_time: std::cell::OnceCell<bool>,
    /// The learned second opinion, read on first use (only where no rule of a category fired).
    opinion: std::cell::OnceCell<Opinion>,
}

impl<'a> Context<'a> {
    pub fn new(draft: &'a Draft, customer: &'a Customer, first_reply: bool, platform: Platform) -> Context<'a> {
        Context {
            draft,
            customer,
            first_reply,
            answered: false,
            previous: None,
            platform,
            outcome_time: std::cell::OnceCell::new(),
            opinion: std::cell::OnceCell::new(),
        }
    }

    /// Whether the draft says when the customer will have the outcome (a date, a clock time,
    /// an amount of days or hours).
    pub fn names_outcome_time(&self) -> bool {
        *self.outcome_time.get_or_init(|| timeline::time::names_outcome_time(self.draft.folded()))
    }

    /// Whether the agent's message before the customer's last ones named a time for the
    /// outcome (发票3个工作日内开好发您邮箱): asked to wait again, the time was given.
    pub fn timed_before(&self) -> bool {
        self.previous.is_some_and(|d| timeline::time::names_outcome_time(d.folded()))
    }

    /// Where the learned second opinion ([`crate::learned`]) reads `category` in the draft.
    pub fn sounds_like(&self, category: Category) -> Option<Range<usize>> {
        self.opinion.get_or_init(|| Opinion::read(self.draft, &self.customer.text)).says(category)
    }

    /// Whether the draft names a concrete time or an immediate action (马上, 立即).
    pub fn has_concrete_time(&self) -> bool {
        timeline::time::is_immediate(self.draft.folded()) || self.names_outcome_time()
    }

    /// Whether the draft's time answers this customer: a time for the outcome, or an immediate
    /// start (马上联系) where the customer neither waits nor asked when; to one who does, 马上
    /// says when the work starts, not yet when the outcome comes.
    pub fn times_the_outcome(&self) -> bool {
        if self.customer.waiting || self.customer.asks_when {
            self.names_outcome_time()
        } else {
            self.has_concrete_time()
        }
    }
}

pub trait Described {
    fn meta(&self) -> &'static RuleMeta;
}

pub trait Rule: Described + Send + Sync {
    fn check(&self, cx: &Context, out: &mut Lints);

    /// A second opinion runs after every other rule and every pack, so that it can stay quiet
    /// where its category was already found (`second_opinion!`).
    fn is_second_opinion(&self) -> bool {
        false
    }

    /// Whether a second opinion leaves this draft alone whatever the model reads (the reply
    /// apologises, names the time…). `scripts/train_hints.py cv` asks it (through
    /// `examples/fold_drafts.rs`), so that it counts only the hints a user would see.
    fn leaves_alone(&self, _cx: &Context) -> bool {
        false
    }
}

impl RuleMeta {
    /// A lint of this rule over `span` (byte range of the folded draft).
    pub fn lint(&'static self, span: Range<usize>, message: impl Into<String>) -> Lint {
        Lint {
            rule: self.id.to_owned(),
            category: self.category,
            severity: self.severity,
            span,
            message: message.into(),
            suggestions: Vec::new(),
        }
    }
}

impl Lint {
    pub fn suggest(mut self, s: impl Into<String>) -> Lint {
        self.suggestions.push(s.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Lint {
        self.severity = severity;
        self
    }
}

/// Declare a rule: its doc comment is its documentation.
///
/// ```text
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub struct DontKnow {
///         id: "blunt.dont-know",
///         category: Blunt,
///         severity: Warning,
///         title: "不知道",
///         summary: "直接说“不知道”会让客户觉得问题到此为止;应承诺核实后答复。",
///     }
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            category: $category:ident,
            severity: $severity:ident,
            title: $title:literal,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                category: $crate::finding::Category::$category,
                severity: $crate::finding::Severity::$severity,
                title: $title,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
            };
        }

        impl $crate::rules::Described for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
        }
    };
}
pub(crate) use declare_rule;

/// Make a declared rule a learned second opinion for its category: a hint over the clause the
/// model ([`crate::learned`]) weighs most, where the model reads the category and no other rule
/// or pack found it.
///
/// A rule may name what it leaves alone: `second_opinion!(SoundsLike, "…", left_alone: already_closes)`.
macro_rules! second_opinion {
    ($name:ident, $message:literal) => {
        $crate::rules::second_opinion!($name, $message, left_alone: |_: &$crate::rules::Context| false);
    };
    ($name:ident, $message:literal, left_alone: $left_alone:expr) => {
        impl $crate::rules::Rule for $name {
            fn check(&self, cx: &$crate::rules::Context, out: &mut $crate::finding::Lints) {
                let category = Self::META.category;
                if out.has_category(category) || self.leaves_alone(cx) {
                    return;
                }
                let Some(span) = cx.sounds_like(category) else { return };
                out.push(Self::META.lint(span, $message));
            }

            fn is_second_opinion(&self) -> bool {
                true
            }

            fn leaves_alone(&self, cx: &$crate::rules::Context) -> bool {
                ($left_alone)(cx)
            }
        }
    };
}
pub(crate) use second_opinion;

/// Every built-in rule, in registry order.
pub fn all() -> Vec<Box<dyn Rule>> {
    let mut v: Vec<Box<dyn Rule>> = Vec::new();
    greeting::register(&mut v);
    closing::register(&mut v);
    address::register(&mut v);
    blunt::register(&mut v);
    command::register(&mut v);
    impatience::register(&mut v);
    buck_passing::register(&mut v);
    blame::register(&mut v);
    apology::register(&mut v);
    empathy::register(&mut v);
    timeline::register(&mut v);
    vague::register(&mut v);
    structure::register(&mut v);
    coverage::register(&mut v);
    objection::register(&mut v);
    pressure::register(&mut v);
    slang::register(&mut v);
    punctuation::register(&mut v);
    jargon::register(&mut v);
    compliance::register(&mut v);
    v
}

/// The documentation text of a rule with the doc comment's leading space removed.
pub fn doc_text(meta: &RuleMeta) -> String {
    meta.doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n")
}

/// Where an inserted opening (greeting, apology) goes: after a leading address such as
/// “亲,” or “您好,” so the reply still starts the way the agent chose.
pub fn opening_insert_at(draft: &Draft) -> usize {
    let text = draft.folded();
    for lead in ["亲爱的", "亲亲", "亲", "您好", "你好"] {
        if let Some(rest) = text.strip_prefix(lead) {
            // (All of the opening's marks: “您好 ,亲爱哒” takes the insert after the comma, not
            // between the space and it.)
            let marks: usize =
                rest.chars().take_while(|c| matches!(c, ',' | '!' | '~' | ' ' | '。')).map(char::len_utf8).sum();
            if marks > 0 {
                return lead.len() + marks;
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_kebab_and_match_their_category() {
        let mut seen = HashSet::new();
        for r in all() {
            let m = r.meta();
            assert!(seen.insert(m.id), "duplicate rule id {}", m.id);
            let (cat, name) = m.id.split_once('.').expect("id is category.name");
            assert_eq!(cat, m.category.id(), "{}", m.id);
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                m.id
            );
        }
    }

    #[test]
    fn every_category_has_a_rule() {
        let have: HashSet<Category> = all().iter().map(|r| r.meta().category).collect();
        for c in Category::ALL {
            assert!(have.contains(c), "category {} has no rule", c.id());
        }
    }

    /// The options page and the docs show each rule's summary as its one-line description:
    /// it must be there, short, and Chinese.
    #[test]
    fn every_rule_has_a_short_chinese_summary() {
        let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for r in crate::Coach::rules() {
            let s = r.summary.trim();
            assert!(!s.is_empty(), "{} has no summary", r.id);
            let n = s.chars().count();
            assert!(n <= 40, "{}'s summary has {n} characters, more than 40: {s}", r.id);
            let hans = s.chars().filter(|c| han(*c)).count();
            assert!(hans * 2 >= n, "{}'s summary is not Chinese: {s}", r.id);
            assert!(s.ends_with('。'), "{}'s summary is not one sentence ending in 。: {s}", r.id);
            assert_ne!(s, r.title, "{}'s summary only repeats its title", r.id);
        }
    }

    #[test]
    fn every_doc_has_the_four_sections() {
        for r in all() {
            let doc = doc_text(r.meta());
            for h in ["## What it does", "## Why is this bad?", "## Example", "## Use instead"] {
                assert!(doc.contains(h), "{} doc lacks {h}", r.meta().id);
            }
        }
    }
}
