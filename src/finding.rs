//! The finding contract (`shared/spec/RULES.md`): categories, severities, and the two shapes
//! of a finding: [`Lint`] inside the core (byte ranges of the folded draft) and [`Finding`]
//! outside it (UTF-16 offsets). [`Lint::into_finding`] is the one conversion.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::Draft;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Could be better.
    Hint,
    /// The guides say not to.
    Warning,
    /// Hurts the customer or breaks platform rules.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "hint" => Some(Severity::Hint),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

macro_rules! categories {
    ($($variant:ident = $id:literal, $zh:literal, $dim:ident;)*) => {
        /// A category of the rule catalogue. Adding one needs a row in `RULES.md`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Category {
            $(#[serde(rename = $id)] $variant,)*
        }

        impl Category {
            pub const ALL: &'static [Category] = &[$(Category::$variant,)*];

            /// The stable id (`buck-passing`).
            pub fn id(self) -> &'static str {
                match self { $(Category::$variant => $id,)* }
            }

            /// The name agents see (`推诿`).
            pub fn zh(self) -> &'static str {
                match self { $(Category::$variant => $zh,)* }
            }

            /// The score dimension this category counts against.
            pub fn dimension(self) -> Dimension {
                match self { $(Category::$variant => Dimension::$dim,)* }
            }

            pub fn parse(s: &str) -> Option<Category> {
                match s { $($id => Some(Category::$variant),)* _ => None }
            }
        }
    };
}

categories! {
    Greeting = "greeting", "问候", Politeness;
    Closing = "closing", "结束语", Politeness;
    Address = "address", "称呼", Politeness;
    Blunt = "blunt", "生硬拒绝", Control;
    Command = "command", "命令/反问/质问", Politeness;
    Impatience = "impatience", "不耐烦/敷衍", Politeness;
    BuckPassing = "buck-passing", "推诿", Control;
    Blame = "blame", "指责客户", Politeness;
    Apology = "apology", "道歉", Empathy;
    Empathy = "empathy", "共情", Empathy;
    Timeline = "timeline", "时间节点", Control;
    Vague = "vague", "模糊表述", Clarity;
    Structure = "structure", "结构", Clarity;
    Coverage = "coverage", "逐一回应", Clarity;
    Objection = "objection", "异议处理", Empathy;
    Pressure = "pressure", "过度催促/强推", Compliance;
    Slang = "slang", "网络用语", Clarity;
    Punctuation = "punctuation", "标点与表情", Clarity;
    Jargon = "jargon", "行业术语", Clarity;
    Compliance = "compliance", "平台合规", Compliance;
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The five sub-scores of a reply (see `score.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// 礼貌
    Politeness,
    /// 共情
    Empathy,
    /// 清晰
    Clarity,
    /// 掌控感
    Control,
    /// 合规
    Compliance,
}

impl Dimension {
    pub const ALL: [Dimension; 5] =
        [Dimension::Politeness, Dimension::Empathy, Dimension::Clarity, Dimension::Control, Dimension::Compliance];

    pub fn id(self) -> &'static str {
        match self {
            Dimension::Politeness => "politeness",
            Dimension::Empathy => "empathy",
            Dimension::Clarity => "clarity",
            Dimension::Control => "control",
            Dimension::Compliance => "compliance",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Dimension::Politeness => "礼貌",
            Dimension::Empathy => "共情",
            Dimension::Clarity => "清晰",
            Dimension::Control => "掌控感",
            Dimension::Compliance => "合规",
        }
    }
}

/// A finding inside the core: a byte range of the folded draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    pub span: Range<usize>,
    pub message: String,
    pub suggestions: Vec<String>,
}

impl Lint {
    /// Convert to the contract's shape: UTF-16 offsets into the typed draft.
    pub fn into_finding(self, draft: &Draft) -> Finding {
        Finding {
            rule: self.rule,
            category: self.category,
            severity: self.severity,
            start: draft.utf16(self.span.start),
            end: draft.utf16(self.span.end),
            message: self.message,
            suggestions: self.suggestions,
        }
    }
}

/// The most findings one rule reports in one draft. A text that trips a rule on every
/// character (你×300,000, a team pattern like `\d` over a pasted order list) would otherwise
/// hold one finding per character: the rest are counted in [`Omitted`], not kept.
pub const MAX_FINDINGS_PER_RULE: usize = 1000;

/// The lints of one check, as the rules push them, at most [`MAX_FINDINGS_PER_RULE`] per rule.
///
/// It dereferences to the list, so a rule can look at what it pushed last; pushing goes
/// through [`Lints::push`], which counts what is over the limit instead of keeping it.
#[derive(Debug, Default)]
pub struct Lints {
    list: Vec<Lint>,
    /// Where the current rule's lints start in `list`.
    rule_start: usize,
    over: usize,
    omitted: Vec<Omitted>,
}

impl Lints {
    /// Start collecting for the next rule.
    pub fn begin_rule(&mut self) {
        self.rule_start = self.list.len();
        self.over = 0;
    }

    pub fn push(&mut self, lint: Lint) {
        if self.list.len() - self.rule_start < MAX_FINDINGS_PER_RULE {
            self.list.push(lint);
        } else {
            if self.over == 0 {
                self.omitted.push(Omitted { rule: lint.rule, count: 0 });
            }
            self.over += 1;
            if let Some(last) = self.omitted.last_mut() {
                last.count = self.over;
            }
        }
    }

    /// Whether a lint of `category` was pushed already.
    pub fn has_category(&self, category: Category) -> bool {
        self.list.iter().any(|l| l.category == category)
    }

    /// The lints kept and, per rule over the limit, how many were left out.
    pub fn finish(self) -> (Vec<Lint>, Vec<Omitted>) {
        (self.list, self.omitted)
    }
}

impl std::ops::Deref for Lints {
    type Target = Vec<Lint>;
    fn deref(&self) -> &Vec<Lint> {
        &self.list
    }
}

impl std::ops::DerefMut for Lints {
    fn deref_mut(&mut self) -> &mut Vec<Lint> {
        &mut self.list
    }
}

/// Drops each finding that offers a fix and lies inside a wider finding of its own category
/// which is at least as severe and offers one too, so that a category offers one rewrite of the
/// same words (手慢无 inside a push after the customer's no; 稍等 and a time to add after it;
/// 你好 inside 宝宝你好). A finding without a fix stays unless another covers exactly its words:
/// it may name what the wider fix leaves (包过 in 100%包过). Of two findings over the same
/// words, the first in `findings`' order (the report's: by start, then end, the more severe
/// first) stays. The team's findings (`teams`: a pack's rules) neither go nor cover: the team
/// chose those words. Linear after one sort.
pub(crate) fn drop_nested(findings: &mut Vec<Finding>, teams: impl Fn(&Finding) -> bool) {
    // Widest first among those that start together: a covering finding before what it covers.
    let keys: Vec<u128> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let narrowness = u128::from(u32::MAX) - (f.end as u128).min(u128::from(u32::MAX));
            ((f.start as u128) << 80) | (narrowness << 40) | i as u128
        })
        .collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    crate::text::sort_by_keys(&mut order, keys);
    // Per category: the furthest end of a fixing finding met so far, by severity; and the last
    // fixing finding's words and severity.
    let mut reach = vec![[None::<usize>; 3]; Category::ALL.len()];
    let mut last = vec![None::<(usize, usize, Severity)>; Category::ALL.len()];
    let mut keep = vec![true; findings.len()];
    for i in order {
        let f = &findings[i];
        if teams(f) {
            continue;
        }
        let (reach, last) = (&mut reach[f.category as usize], &mut last[f.category as usize]);
        let covered = reach[f.severity as usize..].iter().any(|end| end.is_some_and(|end| end >= f.end));
        let same_words =
            last.is_some_and(|(start, end, severity)| (start, end) == (f.start, f.end) && severity >= f.severity);
        keep[i] = !(covered && (!f.suggestions.is_empty() || same_words));
        if !f.suggestions.is_empty() {
            let end = &mut reach[f.severity as usize];
            *end = Some(end.map_or(f.end, |e| e.max(f.end)));
            *last = Some((f.start, f.end, f.severity));
        }
    }
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// Findings of one rule left out of a report because it reached [`MAX_FINDINGS_PER_RULE`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Omitted {
    pub rule: String,
    pub count: usize,
}

/// A finding as the contract defines it (`shared/spec/RULES.md`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    /// UTF-16 code units into the draft.
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub suggestions: Vec<String>,
}

impl Finding {
    /// The draft with suggestion `i` applied. `None` if there is no such suggestion or the
    /// offsets do not fit the draft.
    pub fn apply(&self, draft: &str, i: usize) -> Option<String> {
        let replacement = self.suggestions.get(i)?;
        let units: Vec<u16> = draft.encode_utf16().collect();
        if self.start > self.end || self.end > units.len() {
            return None;
        }
        let mut out: Vec<u16> = units[..self.start].to_vec();
        out.extend(replacement.encode_utf16());
        out.extend_from_slice(&units[self.end..]);
        String::from_utf16(&out).ok()
    }
}
