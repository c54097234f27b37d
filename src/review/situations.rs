//! The review's situations (复盘 by 场景): which situations customers bring most, the share of
//! replies that handled them well, the customers who ask about the same situation again in one
//! session (where explanations leave gaps), and proposals the team can accept: phrasebook
//! entries from the best-scoring real replies per situation and team-pack entries for the most
//! frequent flagged phrasings (same formats as a team phrasebook and a rule pack, validated by
//! the same code: [`Phrasebook::compile`], [`CompiledPack::compile`]).
//!
//! *Handled well*: the reply has no finding of severity warning or error (hints allowed).
//! *Asked again*: an agent turn answering a new customer run ([`Job::fresh`]) whose situation
//! was already answered earlier in the same session, and which asks or chases (a question, a
//! complaint about waiting, anger): a run that carries on a step of the same case (the
//! invoice's 税号 after its 抬头) does not count, nor does `closing`.

use serde::Serialize;
use serde_json::{json, Value};

use super::ingest::Job;
use super::model::{AskedAgain, PhraseCount, SituationSummary};
use crate::finding::Severity;
use crate::packs::CompiledPack;
use crate::phrasebook::Phrasebook;
use crate::text::{Customer, Situation};
use crate::Report;

/// Examples of customers asking again, kept in file order.
pub const ASKED_AGAIN_SHOWN: usize = 50;
/// Proposed phrasebook entries per situation.
pub const PROPOSED_PER_SITUATION: usize = 2;
/// Proposed pack entries.
pub const PROPOSED_PACK_RULES: usize = 20;
/// A proposed template's length in characters.
const TEMPLATE_CHARS: std::ops::RangeInclusive<usize> = 12..=150;

/// Proposals, in the formats the extension and the demo import.
#[derive(Clone, Debug, Serialize)]
pub struct Proposals {
    /// A team phrasebook (`crate::phrasebook`).
    pub phrasebook: Value,
    /// A team rule pack (`crate::packs`).
    pub pack: Value,
}

#[derive(Default)]
struct PerSituation {
    replies: u64,
    well: u64,
    again: u64,
    sessions_again: u64,
    /// Best first: (score, length, seq) and the text.
    best: Vec<(u8, usize, u64, String)>,
}

#[derive(Default)]
pub struct Situations {
    per: [PerSituation; 12],
    /// The session the masks are for, and its situations answered / asked again.
    session: Option<std::sync::Arc<str>>,
    answered: u16,
    again: u16,
    asked_again_total: u64,
    asked_again: Vec<AskedAgain>,
}

/// The customer's new messages ask or chase (a question, a wait complained about, anger) rather
/// than carry on a step of the same case (the invoice's 抬头 and then its 税号, a photo sent).
fn asks_again(customer: &str) -> bool {
    let c = Customer::new(customer);
    !c.questions.is_empty() || c.waiting || c.upset
}

fn index(s: Situation) -> usize {
    Situation::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

impl Situations {
    pub fn add(&mut self, job: &Job, report: &Report) {
        if self.session.as_ref() != Some(&job.session) {
            self.session = Some(job.session.clone());
            self.answered = 0;
            self.again = 0;
        }
        let Some(s) = report.situation.as_deref().and_then(Situation::parse) else { return };
        let i = index(s);
        let bit = 1u16 << i;
        let well = !report.findings.iter().any(|f| f.severity >= Severity::Warning);
        let p = &mut self.per[i];
        p.replies += 1;
        p.well += u64::from(well);
        if job.fresh && s != Situation::Closing {
            if self.answered & bit != 0 && asks_again(&job.request.customer) {
                p.again += 1;
                self.asked_again_total += 1;
                if self.again & bit == 0 {
                    p.sessions_again += 1;
                    self.again |= bit;
                }
                if self.asked_again.len() < ASKED_AGAIN_SHOWN {
                    self.asked_again.push(AskedAgain {
                        line: job.line,
                        session: job.session.to_string(),
                        situation: s.id(),
                        zh: s.zh(),
                        customer: job.request.customer.clone(),
                    });
                }
            }
            self.answered |= bit;
        }
        let chars = job.request.draft.chars().count();
        if job.fresh && well && TEMPLATE_CHARS.contains(&chars) {
            let text = as_template(job.request.draft.trim());
            if p.best.iter().any(|b| b.3 == text) {
                return;
            }
            let key = (report.score, chars, job.seq);
            let better = |a: &(u8, usize, u64, String)| (a.0, a.1) > (key.0, key.1);
            let at = p.best.iter().position(|b| !better(b)).unwrap_or(p.best.len());
            if at < PROPOSED_PER_SITUATION {
                p.best.insert(at, (key.0, key.1, key.2, text));
                p.best.truncate(PROPOSED_PER_SITUATION);
            }
        }
    }

    /// The summary rows (most replies first), the examples, and their total.
    pub fn finish(&self) -> (Vec<SituationSummary>, Vec<AskedAgain>, u64) {
        let mut rows: Vec<SituationSummary> = Situation::ALL
            .iter()
            .zip(&self.per)
            .filter(|(_, p)| p.replies > 0)
            .map(|(s, p)| SituationSummary {
                id: s.id(),
                zh: s.zh(),
                replies: p.replies,
                handled_well: p.well,
                share_well: round3(p.well as f64 / p.replies as f64),
                asked_again: p.again,
                sessions_asked_again: p.sessions_again,
            })
            .collect();
        rows.sort_by(|a, b| b.replies.cmp(&a.replies).then(a.id.cmp(b.id)));
        (rows, self.asked_again.clone(), self.asked_again_total)
    }

    /// Phrasebook entries from the best-scoring real replies per situation, and pack entries
    /// for the most frequent flagged phrasings; each entry validated, the bad ones left out.
    pub fn proposals(&self, phrases: &[PhraseCount]) -> Proposals {
        let mut entries: Vec<Value> = Vec::new();
        for (s, p) in Situation::ALL.iter().zip(&self.per) {
            for (n, b) in p.best.iter().enumerate() {
                let entry = json!({
                    "id": format!("{}-review-{}", s.id().replace('_', "-"), n + 1),
                    "situation": s.id(),
                    "text": b.3,
                });
                let one = json!({ "name": "复盘建议话术", "entries": [entry.clone()] });
                if Phrasebook::compile(&one).is_ok() {
                    entries.push(entry);
                }
            }
        }
        let phrasebook = json!({
            "name": "复盘建议话术",
            "description": "复盘时从得分最高的真实回复中选出的话术(无警告和错误),请核对后再导入;【】内为需按实际填写的内容。",
            "entries": entries,
        });
        let mut rules: Vec<Value> = Vec::new();
        for ph in phrases {
            if rules.len() == PROPOSED_PACK_RULES {
                break;
            }
            let folded = crate::text::fold::fold(ph.phrase.trim());
            if folded.chars().count() < 2 {
                continue;
            }
            let mut rule = json!({
                "id": format!("review-{}", rules.len() + 1),
                "pattern": escape(&folded),
                "category": ph.category,
                "severity": "warning",
                "message": ph.message,
            });
            if let Some(s) = &ph.suggestion {
                rule["suggestions"] = json!([s]);
            }
            if CompiledPack::compile(&json!({ "name": "复盘建议规则", "rules": [rule.clone()] })).is_ok() {
                rules.push(rule);
            }
        }
        let pack = json!({
            "name": "复盘建议规则",
            "description": "复盘中最常被标出的说法,作为团队规则包的建议;请核对后再导入。",
            "rules": rules,
        });
        Proposals { phrasebook, pack }
    }
}

/// A real reply as a template: JD's masked data (`[订单x]`, `[数字x]`) becomes a placeholder
/// to fill in (【订单】, 【数字】).
fn as_template(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) if j <= 24 => {
                let inner = rest[i + 1..i + j].trim_end_matches('x');
                out.push('【');
                out.push_str(if inner.is_empty() { "内容" } else { inner });
                out.push('】');
                rest = &rest[i + j + 1..];
            }
            _ => {
                out.push('[');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `s` as a pattern matching itself literally.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_data_becomes_placeholders() {
        assert_eq!(as_template("[订单x]已为您查询,预计[数字x]天"), "【订单】已为您查询,预计【数字】天");
        assert_eq!(as_template("a[b"), "a[b");
    }

    #[test]
    fn escaped_phrases_match_themselves() {
        for s in ["不知道", "a.b", "(急)", "100%?"] {
            let pack = json!({"name": "t", "rules": [{"id": "x", "pattern": escape(s), "category": "blunt", "severity": "warning", "message": "m"}]});
            assert!(CompiledPack::compile(&pack).is_ok(), "{s}");
        }
    }
}
