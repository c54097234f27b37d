//! The reply's score (0–100) and its five dimensions.
//!
//! Every finding costs points, by severity: error 20, warning 10, hint 3 from the overall
//! score; twice that from the dimension its category belongs to (礼貌 politeness, 共情
//! empathy, 清晰 clarity, 掌控感 control, 合规 compliance). Scores never go below 0. A reply
//! with no finding scores 100 everywhere; one error drops the overall score to 80 and its
//! dimension to 60.

use serde::{Deserialize, Serialize};

use crate::finding::{Dimension, Finding, Severity};

/// The five sub-scores, each 0–100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    /// 礼貌: greeting, closing, address, command, impatience, blame.
    pub politeness: u8,
    /// 共情: apology, empathy, objection.
    pub empathy: u8,
    /// 清晰: vague, structure, coverage, slang, punctuation, jargon.
    pub clarity: u8,
    /// 掌控感: timeline, blunt, buck-passing.
    pub control: u8,
    /// 合规: compliance, pressure.
    pub compliance: u8,
}

pub fn penalty(severity: Severity) -> u32 {
    match severity {
        Severity::Error => 20,
        Severity::Warning => 10,
        Severity::Hint => 3,
    }
}

pub fn score(findings: &[Finding]) -> (u8, Scores) {
    let total: u32 = findings.iter().map(|f| penalty(f.severity)).sum();
    let dim = |d: Dimension| -> u8 {
        let p: u32 = findings.iter().filter(|f| f.category.dimension() == d).map(|f| 2 * penalty(f.severity)).sum();
        100u32.saturating_sub(p) as u8
    };
    let scores = Scores {
        politeness: dim(Dimension::Politeness),
        empathy: dim(Dimension::Empathy),
        clarity: dim(Dimension::Clarity),
        control: dim(Dimension::Control),
        compliance: dim(Dimension::Compliance),
    };
    (100u32.saturating_sub(total) as u8, scores)
}

impl Scores {
    pub fn get(&self, d: Dimension) -> u8 {
        match d {
            Dimension::Politeness => self.politeness,
            Dimension::Empathy => self.empathy,
            Dimension::Clarity => self.clarity,
            Dimension::Control => self.control,
            Dimension::Compliance => self.compliance,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Category;

    fn f(category: Category, severity: Severity) -> Finding {
        Finding {
            rule: "x.y".into(),
            category,
            severity,
            start: 0,
            end: 0,
            message: String::new(),
            suggestions: vec![],
        }
    }

    #[test]
    fn clean_reply_scores_100() {
        let (s, d) = score(&[]);
        assert_eq!(s, 100);
        assert_eq!(d.compliance, 100);
    }

    #[test]
    fn penalties_by_severity_and_dimension() {
        let (s, d) = score(&[f(Category::Compliance, Severity::Error), f(Category::Jargon, Severity::Hint)]);
        assert_eq!(s, 77);
        assert_eq!(d.compliance, 60);
        assert_eq!(d.clarity, 94);
        assert_eq!(d.politeness, 100);
    }

    #[test]
    fn never_below_zero() {
        let many: Vec<Finding> = (0..20).map(|_| f(Category::Blunt, Severity::Error)).collect();
        let (s, d) = score(&many);
        assert_eq!((s, d.control), (0, 0));
    }
}
