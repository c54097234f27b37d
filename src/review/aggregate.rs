//! Folds checked turns into the report, in file order, with bounded memory: counters per
//! category/rule/agent, capped phrase counts, and fixed-size top lists.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};
use std::sync::Arc;

use super::ingest::{Counts, Job};
use super::model::*;
use super::rtime::ResponseTimes;
use super::MalformedLog;
use crate::finding::{Category, Dimension};
use crate::Report;

pub const WORST_REPLIES: usize = 50;
pub const WORST_SESSIONS: usize = 30;
pub const TOP_PHRASES: usize = 50;
pub const TOP_AGENTS: usize = 200;
/// Distinct (rule, phrase) pairs counted; more are left out of `phrases` (not of `rules`).
pub const MAX_PHRASES: usize = 20_000;
pub const MAX_AGENTS: usize = 5_000;
const OTHER_AGENTS: &str = "(其他客服)";

#[derive(Default)]
pub struct Aggregator {
    checked: u64,
    with_findings: u64,
    findings: u64,
    score_sum: u64,
    dim_sums: [u64; 5],
    histogram: [u64; 11],
    categories: HashMap<Category, (u64, u64)>,
    rules: HashMap<String, (Category, u64)>,
    phrases: HashMap<(String, String), PhraseAcc>,
    phrases_truncated: bool,
    agents: HashMap<String, AgentAcc>,
    agents_truncated: bool,
    session: Option<SessionAcc>,
    sessions_reviewed: u64,
    session_score_sum: f64,
    below_80: u64,
    worst_sessions: BinaryHeap<Ranked<SessionRow>>,
    worst_replies: BinaryHeap<Ranked<WorstReply>>,
    situations: super::situations::Situations,
}

struct PhraseAcc {
    category: Category,
    count: u64,
    message: String,
    suggestion: Option<String>,
    line: u64,
    seq: u64,
}

#[derive(Default)]
struct AgentAcc {
    turns: u64,
    score_sum: u64,
    findings: u64,
    with_findings: u64,
    rules: HashMap<String, u64>,
}

struct SessionAcc {
    id: Arc<str>,
    line: u64,
    seq: u64,
    agent: Option<Arc<str>>,
    turns: u64,
    score_sum: u64,
    findings: u64,
}

/// An entry of a bounded “worst” list: a smaller key is worse.
struct Ranked<T> {
    key: (u64, Reverse<u64>, u64),
    item: T,
}

impl<T> PartialEq for Ranked<T> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl<T> Eq for Ranked<T> {}
impl<T> PartialOrd for Ranked<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Ranked<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

fn keep_worst<T>(heap: &mut BinaryHeap<Ranked<T>>, entry: Ranked<T>, k: usize) {
    if heap.len() == k && heap.peek().is_some_and(|best| best.key <= entry.key) {
        return;
    }
    heap.push(entry);
    if heap.len() > k {
        heap.pop();
    }
}

impl Aggregator {
    /// Add one checked turn. Turns must come in file order.
    pub fn add(&mut self, job: &Job, report: &Report) {
        self.end_session_unless(&job.session);
        self.situations.add(job, report);
        let session = self.session.get_or_insert_with(|| SessionAcc {
            id: job.session.clone(),
            line: job.line,
            seq: job.seq,
            agent: job.agent.clone(),
            turns: 0,
            score_sum: 0,
            findings: 0,
        });
        let n = report.findings.len() as u64;
        session.turns += 1;
        session.score_sum += u64::from(report.score);
        session.findings += n;
        if session.agent.is_none() {
            session.agent = job.agent.clone();
        }

        self.checked += 1;
        self.findings += n;
        self.with_findings += u64::from(n > 0);
        self.score_sum += u64::from(report.score);
        for (i, d) in Dimension::ALL.iter().enumerate() {
            self.dim_sums[i] += u64::from(report.scores.get(*d));
        }
        self.histogram[(report.score as usize / 10).min(10)] += 1;

        let mut seen_categories: Vec<Category> = Vec::new();
        for f in &report.findings {
            let c = self.categories.entry(f.category).or_default();
            c.0 += 1;
            if !seen_categories.contains(&f.category) {
                seen_categories.push(f.category);
                c.1 += 1;
            }
            self.rules.entry(f.rule.clone()).or_insert((f.category, 0)).1 += 1;
            let phrase = super::export::flagged_text(&job.request.draft, f.start, f.end).trim().to_owned();
            let key = (f.rule.clone(), phrase);
            let room = self.phrases.len() < MAX_PHRASES;
            match self.phrases.get_mut(&key) {
                Some(p) => p.count += 1,
                None if room => {
                    self.phrases.insert(
                        key,
                        PhraseAcc {
                            category: f.category,
                            count: 1,
                            message: f.message.clone(),
                            suggestion: f.suggestions.first().cloned(),
                            line: job.line,
                            seq: job.seq,
                        },
                    );
                }
                None => self.phrases_truncated = true,
            }
        }

        let agent_name = job.agent.as_deref().unwrap_or("");
        let agent = if self.agents.contains_key(agent_name) || self.agents.len() < MAX_AGENTS {
            self.agents.entry(agent_name.to_owned()).or_default()
        } else {
            self.agents_truncated = true;
            self.agents.entry(OTHER_AGENTS.to_owned()).or_default()
        };
        agent.turns += 1;
        agent.score_sum += u64::from(report.score);
        agent.findings += n;
        agent.with_findings += u64::from(n > 0);
        for f in &report.findings {
            *agent.rules.entry(f.rule.clone()).or_default() += 1;
        }

        if n > 0 {
            let key = (u64::from(report.score), Reverse(n), job.seq);
            if self.worst_replies.len() < WORST_REPLIES || self.worst_replies.peek().is_some_and(|b| key < b.key) {
                let item = WorstReply {
                    line: job.line,
                    session: job.session.to_string(),
                    agent: job.agent.as_deref().map(str::to_owned),
                    first_reply: job.request.first_reply,
                    customer: job.request.customer.clone(),
                    text: job.request.draft.clone(),
                    score: report.score,
                    findings: report.findings.clone(),
                };
                keep_worst(&mut self.worst_replies, Ranked { key, item }, WORST_REPLIES);
            }
        }
    }

    fn end_session_unless(&mut self, id: &Arc<str>) {
        if self.session.as_ref().is_some_and(|s| s.id == *id) {
            return;
        }
        self.close_session();
    }

    fn close_session(&mut self) {
        let Some(s) = self.session.take() else { return };
        let mean = s.score_sum as f64 / s.turns as f64;
        self.sessions_reviewed += 1;
        self.session_score_sum += mean;
        self.below_80 += u64::from(mean < 80.0);
        // Key: mean score in hundredths, more findings first, file order.
        let key = ((mean * 100.0).round() as u64, Reverse(s.findings), s.seq);
        let item = SessionRow {
            session: s.id.to_string(),
            line: s.line,
            agent: s.agent.as_deref().map(str::to_owned),
            turns: s.turns,
            mean_score: round2(mean),
            findings: s.findings,
        };
        keep_worst(&mut self.worst_sessions, Ranked { key, item }, WORST_SESSIONS);
    }

    /// The report, with what the reader counted.
    pub fn finish(
        mut self,
        input: InputInfo,
        counts: &Counts,
        malformed: &MalformedLog,
        shortened: &MalformedLog,
        response: &ResponseTimes,
    ) -> ReviewReport {
        self.close_session();
        let score = (self.checked > 0).then(|| {
            let n = self.checked as f64;
            ScoreSummary {
                mean: round2(self.score_sum as f64 / n),
                dimensions: Dimension::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, d)| DimensionScore { id: d.id(), zh: d.zh(), mean: round2(self.dim_sums[i] as f64 / n) })
                    .collect(),
                histogram: self.histogram.to_vec(),
            }
        });
        let mut categories: Vec<CategoryCount> = self
            .categories
            .iter()
            .map(|(c, (f, t))| CategoryCount { id: c.id(), zh: c.zh(), findings: *f, turns: *t })
            .collect();
        categories.sort_by(|a, b| b.findings.cmp(&a.findings).then(a.id.cmp(b.id)));
        let mut rules: Vec<RuleCount> = self
            .rules
            .iter()
            .map(|(r, (c, n))| RuleCount { rule: r.clone(), category: c.id(), findings: *n })
            .collect();
        rules.sort_by(|a, b| b.findings.cmp(&a.findings).then(a.rule.cmp(&b.rule)));
        let mut phrases: Vec<(&(String, String), &PhraseAcc)> = self.phrases.iter().collect();
        phrases.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.1.seq.cmp(&b.1.seq)).then(a.0.cmp(b.0)));
        let phrases = phrases
            .into_iter()
            .take(TOP_PHRASES)
            .map(|((rule, phrase), p)| PhraseCount {
                rule: rule.clone(),
                category: p.category.id(),
                phrase: phrase.clone(),
                count: p.count,
                message: p.message.clone(),
                suggestion: p.suggestion.clone(),
                example_line: p.line,
            })
            .collect::<Vec<PhraseCount>>();
        let mut agents: Vec<AgentSummary> = self
            .agents
            .iter()
            .map(|(name, a)| AgentSummary {
                agent: name.clone(),
                turns: a.turns,
                mean_score: round2(a.score_sum as f64 / a.turns.max(1) as f64),
                findings: a.findings,
                with_findings: a.with_findings,
                top_rule: a.rules.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0))).map(|(r, _)| r.clone()),
            })
            .collect();
        agents.sort_by(|a, b| b.turns.cmp(&a.turns).then(a.agent.cmp(&b.agent)));
        agents.truncate(TOP_AGENTS);
        let agents_truncated = self.agents_truncated || self.agents.len() > TOP_AGENTS;
        let worst_sessions = self.worst_sessions.into_sorted_vec().into_iter().map(|r| r.item).collect();
        let (situations, asked_again, asked_again_total) = self.situations.finish();
        let proposals = self.situations.proposals(&phrases);
        let worst_replies = self.worst_replies.into_sorted_vec().into_iter().map(|r| r.item).collect();
        ReviewReport {
            input,
            totals: Totals {
                rows: counts.rows,
                sessions: counts.sessions,
                agent_turns: counts.agent_turns,
                customer_turns: counts.customer_turns,
                system_turns: counts.system_turns,
                empty_turns: counts.empty_turns,
                checked: self.checked,
                with_findings: self.with_findings,
                findings: self.findings,
                malformed: malformed.count,
                shortened: shortened.count,
            },
            score,
            categories,
            rules,
            phrases,
            phrases_truncated: self.phrases_truncated,
            agents,
            agents_truncated,
            sessions: SessionSummary {
                reviewed: self.sessions_reviewed,
                mean_score: (self.sessions_reviewed > 0)
                    .then(|| round2(self.session_score_sum / self.sessions_reviewed as f64)),
                below_80: self.below_80,
                worst: worst_sessions,
            },
            worst_replies,
            response_time: response.summary(),
            malformed: MalformedSummary { count: malformed.count, shown: malformed.shown.clone() },
            shortened: MalformedSummary { count: shortened.count, shown: shortened.shown.clone() },
            situations,
            asked_again_total,
            asked_again,
            proposals,
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
