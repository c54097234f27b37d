//! The report of a review: what the CLI writes as JSON, the HTML renderer draws, and the page
//! receives from the worker. Every list is bounded, whatever the size of the log.

use serde::Serialize;

use super::decode::Encoding;
use super::mapping::Format;
use super::rtime::ResponseSummary;
use super::Malformed;
use crate::finding::Finding;

#[derive(Clone, Debug, Serialize)]
pub struct ReviewReport {
    pub input: InputInfo,
    pub totals: Totals,
    /// `None` when no agent turn had text.
    pub score: Option<ScoreSummary>,
    /// Categories with findings, most findings first.
    pub categories: Vec<CategoryCount>,
    /// Rules with findings, most findings first.
    pub rules: Vec<RuleCount>,
    /// The phrases that most often need fixing, most frequent first.
    pub phrases: Vec<PhraseCount>,
    /// More distinct phrases were seen than counted (the rest are in `rules`).
    pub phrases_truncated: bool,
    /// Agents with the most turns first. Turns without an agent column count as `""`.
    pub agents: Vec<AgentSummary>,
    pub agents_truncated: bool,
    pub sessions: SessionSummary,
    /// Lowest scores first.
    pub worst_replies: Vec<WorstReply>,
    /// `None` when the log has no usable time column.
    pub response_time: Option<ResponseSummary>,
    pub malformed: MalformedSummary,
    /// Turns too long to be used whole: agent turns checked only up to their first
    /// [`DRAFT_CHARS`](super::ingest::DRAFT_CHARS) characters, customer messages used as
    /// context only up to [`CONTEXT_CHARS`](super::ingest::CONTEXT_CHARS).
    pub shortened: MalformedSummary,
    /// The customers' situations, most replies first ([`super::situations`]).
    pub situations: Vec<SituationSummary>,
    /// Agent turns answering a customer who asks about a situation already answered in the
    /// session, in all.
    pub asked_again_total: u64,
    /// The first [`ASKED_AGAIN_SHOWN`](super::situations::ASKED_AGAIN_SHOWN) of them.
    pub asked_again: Vec<AskedAgain>,
    /// A phrasebook and a rule pack the team can import after a look.
    pub proposals: super::situations::Proposals,
}

#[derive(Clone, Debug, Serialize)]
pub struct SituationSummary {
    pub id: &'static str,
    pub zh: &'static str,
    /// Agent turns answering a customer in this situation.
    pub replies: u64,
    /// Of those, replies without a warning or error finding.
    pub handled_well: u64,
    /// `handled_well / replies`, 0–1.
    pub share_well: f64,
    /// Times a customer asked about it again in the same session.
    pub asked_again: u64,
    /// Sessions where that happened.
    pub sessions_asked_again: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct AskedAgain {
    pub line: u64,
    pub session: String,
    pub situation: &'static str,
    pub zh: &'static str,
    pub customer: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct InputInfo {
    pub preset: String,
    pub format: Format,
    pub encoding: Encoding,
    pub bytes: u64,
    pub lines: u64,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Totals {
    /// Rows read as turns (malformed rows excluded).
    pub rows: u64,
    pub sessions: u64,
    pub agent_turns: u64,
    pub customer_turns: u64,
    pub system_turns: u64,
    pub empty_turns: u64,
    /// Agent turns with text, each checked.
    pub checked: u64,
    /// Checked turns with at least one finding.
    pub with_findings: u64,
    pub findings: u64,
    pub malformed: u64,
    /// Turns cut (see [`ReviewReport::shortened`]).
    pub shortened: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct ScoreSummary {
    /// Mean score of the checked turns, 0–100.
    pub mean: f64,
    pub dimensions: Vec<DimensionScore>,
    /// Checked turns by score: `[0–9, 10–19, …, 90–99, 100]`.
    pub histogram: Vec<u64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DimensionScore {
    pub id: &'static str,
    pub zh: &'static str,
    pub mean: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct CategoryCount {
    pub id: &'static str,
    pub zh: &'static str,
    pub findings: u64,
    /// Turns with at least one finding of this category.
    pub turns: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct RuleCount {
    pub rule: String,
    pub category: &'static str,
    pub findings: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct PhraseCount {
    pub rule: String,
    pub category: &'static str,
    /// The flagged text; empty for a finding about something missing.
    pub phrase: String,
    pub count: u64,
    pub message: String,
    pub suggestion: Option<String>,
    /// Line of the first occurrence.
    pub example_line: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct AgentSummary {
    pub agent: String,
    pub turns: u64,
    pub mean_score: f64,
    pub findings: u64,
    pub with_findings: u64,
    pub top_rule: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SessionSummary {
    /// Sessions with at least one checked turn.
    pub reviewed: u64,
    /// Mean of the sessions' mean scores.
    pub mean_score: Option<f64>,
    /// Sessions whose mean score is below 80.
    pub below_80: u64,
    /// Lowest mean score first.
    pub worst: Vec<SessionRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SessionRow {
    pub session: String,
    pub line: u64,
    pub agent: Option<String>,
    pub turns: u64,
    pub mean_score: f64,
    pub findings: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct WorstReply {
    pub line: u64,
    pub session: String,
    pub agent: Option<String>,
    pub first_reply: bool,
    pub customer: String,
    pub text: String,
    pub score: u8,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MalformedSummary {
    pub count: u64,
    /// The first ones, in line order.
    pub shown: Vec<Malformed>,
}
