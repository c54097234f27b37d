//! Response times: from the first unanswered customer turn to the agent's next reply. Kept as
//! a fixed histogram, so memory does not grow with the log: exact to the second under two
//! minutes, to 10 s under an hour, to the minute under a day.

use serde::Serialize;

const SECOND_BUCKETS: u64 = 120;
const TEN_SECOND_BUCKETS: u64 = (3600 - 120) / 10;
const MINUTE_BUCKETS: u64 = (86_400 - 3600) / 60;
const BUCKETS: usize = (SECOND_BUCKETS + TEN_SECOND_BUCKETS + MINUTE_BUCKETS + 1) as usize;

#[derive(Clone, Debug)]
pub struct Histogram {
    counts: Vec<u64>,
    n: u64,
    sum_ms: u128,
}

impl Default for Histogram {
    fn default() -> Histogram {
        Histogram { counts: vec![0; BUCKETS], n: 0, sum_ms: 0 }
    }
}

fn bucket(ms: i64) -> usize {
    let s = (ms.max(0) / 1000) as u64;
    let b = if s < 120 {
        s
    } else if s < 3600 {
        SECOND_BUCKETS + (s - 120) / 10
    } else if s < 86_400 {
        SECOND_BUCKETS + TEN_SECOND_BUCKETS + (s - 3600) / 60
    } else {
        BUCKETS as u64 - 1
    };
    b as usize
}

/// The middle of a bucket, in seconds.
fn bucket_mid(b: usize) -> f64 {
    let b = b as u64;
    if b < SECOND_BUCKETS {
        b as f64 + 0.5
    } else if b < SECOND_BUCKETS + TEN_SECOND_BUCKETS {
        120.0 + (b - SECOND_BUCKETS) as f64 * 10.0 + 5.0
    } else if b < BUCKETS as u64 - 1 {
        3600.0 + (b - SECOND_BUCKETS - TEN_SECOND_BUCKETS) as f64 * 60.0 + 30.0
    } else {
        86_400.0
    }
}

impl Histogram {
    pub fn add(&mut self, ms: i64) {
        self.counts[bucket(ms)] += 1;
        self.n += 1;
        self.sum_ms += ms.max(0) as u128;
    }

    pub fn count(&self) -> u64 {
        self.n
    }

    /// The `q` quantile (0–1) in seconds, or `None` when empty.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        if self.n == 0 {
            return None;
        }
        let rank = ((q * self.n as f64).ceil() as u64).clamp(1, self.n);
        let mut seen = 0;
        for (b, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return Some(bucket_mid(b));
            }
        }
        None
    }

    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum_ms as f64 / self.n as f64 / 1000.0)
    }
}

#[derive(Clone, Debug, Default)]
pub struct ResponseTimes {
    pub all: Histogram,
    pub first: Histogram,
}

impl ResponseTimes {
    pub fn add(&mut self, ms: i64, first_reply: bool) {
        self.all.add(ms);
        if first_reply {
            self.first.add(ms);
        }
    }

    pub fn summary(&self) -> Option<ResponseSummary> {
        Some(ResponseSummary {
            replies: self.all.count(),
            median_s: self.all.quantile(0.5)?,
            p90_s: self.all.quantile(0.9)?,
            mean_s: self.all.mean()?,
            first_replies: self.first.count(),
            first_median_s: self.first.quantile(0.5),
            first_p90_s: self.first.quantile(0.9),
        })
    }
}

/// Response-time figures of the report (seconds).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponseSummary {
    pub replies: u64,
    pub median_s: f64,
    pub p90_s: f64,
    pub mean_s: f64,
    pub first_replies: u64,
    pub first_median_s: Option<f64>,
    pub first_p90_s: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_from_the_histogram() {
        let mut h = Histogram::default();
        for s in [5, 10, 20, 30, 600] {
            h.add(s * 1000);
        }
        assert_eq!(h.quantile(0.5), Some(20.5));
        assert_eq!(h.quantile(0.9), Some(605.0));
        assert_eq!(h.mean(), Some(133.0));
        assert_eq!(Histogram::default().quantile(0.5), None);
    }
}
