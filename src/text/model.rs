//! A small learned reading of the customer's message: logistic regression over hashed
//! character n-grams, for what phrase lists cannot reach in words nobody listed.
//!
//! - **Features.** The folded text's character 1-, 2- and 3-grams (with a start and an end
//!   mark), each hashed (FNV-1a over its UTF-8 bytes, seeded by its length) into
//!   [`BUCKETS`] buckets, counted once each.
//! - **Weights.** One `i8` per bucket and a scale and bias, in a file trained by
//!   `scripts/customer_model.py train` from blind labels of real customer turns
//!   (`tests/quality/customer-labels.jsonl`, line numbers and labels only). The file holds
//!   no text. Its evaluation is in `docs/quality.md`.
//! - **One source.** The training script gets its features from this module (the
//!   `customer_features` example), so training and checking can never disagree on them.

/// Hash buckets per head: 4 KB of weights each.
pub const BUCKETS: usize = 4096;

const MAGIC: &[u8; 4] = b"KCM1";

/// One trained head: the logit is `bias + scale * Σ weight[bucket]` over the text's buckets.
#[derive(Debug)]
pub struct Head {
    scale: f32,
    bias: f32,
    /// The logit above which the head says yes, chosen on held-out folds.
    threshold: f32,
    weights: &'static [u8],
}

impl Head {
    /// Reads a head file: `KCM1`, then scale, bias and threshold (little-endian `f32`), then
    /// [`BUCKETS`] signed bytes. `None` for any other shape.
    pub fn parse(bytes: &'static [u8]) -> Option<Head> {
        let (magic, rest) = bytes.split_first_chunk::<4>()?;
        if magic != MAGIC {
            return None;
        }
        let (scale, rest) = rest.split_first_chunk::<4>()?;
        let (bias, rest) = rest.split_first_chunk::<4>()?;
        let (threshold, weights) = rest.split_first_chunk::<4>()?;
        if weights.len() != BUCKETS {
            return None;
        }
        Some(Head {
            scale: f32::from_le_bytes(*scale),
            bias: f32::from_le_bytes(*bias),
            threshold: f32::from_le_bytes(*threshold),
            weights,
        })
    }

    /// The head's logit for a folded text.
    pub fn logit(&self, folded: &str) -> f32 {
        let seen = buckets(folded);
        let mut sum = 0i32;
        for (word, bits) in seen.iter().enumerate() {
            let mut bits = *bits;
            while bits != 0 {
                let b = word * 64 + bits.trailing_zeros() as usize;
                sum += i32::from(self.weights[b] as i8);
                bits &= bits - 1;
            }
        }
        self.bias + self.scale * sum as f32
    }

    /// Whether the head says yes for a folded text.
    pub fn says(&self, folded: &str) -> bool {
        self.logit(folded) > self.threshold
    }
}

/// The complaint head (`complaint.kcm`): whether a customer's folded message reads as a
/// grievance where no listed words say so. `false` if the file does not parse (a test
/// guards that it does).
pub fn complaint(folded: &str) -> bool {
    static HEAD: std::sync::OnceLock<Option<Head>> = std::sync::OnceLock::new();
    HEAD.get_or_init(|| Head::parse(include_bytes!("complaint.kcm"))).as_ref().is_some_and(|h| h.says(folded))
}

/// The distinct buckets of a folded text's character 1-, 2- and 3-grams, sorted.
pub fn features(folded: &str) -> Vec<u32> {
    let seen = buckets(folded);
    (0..BUCKETS as u32).filter(|&b| seen[b as usize / 64] >> (b % 64) & 1 == 1).collect()
}

/// The set of a folded text's buckets, one bit each.
fn buckets(folded: &str) -> [u64; BUCKETS / 64] {
    let mut seen = [0u64; BUCKETS / 64];
    // The text between a start and an end mark; spaces separate the log's joined messages
    // and a run of them is one boundary.
    let mut window: [char; 3] = ['\u{0}', '\u{0}', '\u{2}'];
    let mut last_space = false;
    let chars = folded.trim().chars().filter(move |&c| {
        let space = c.is_whitespace();
        let keep = !(space && last_space);
        last_space = space;
        keep
    });
    for c in chars.map(|c| if c.is_whitespace() { ' ' } else { c }).chain(['\u{3}']) {
        window = [window[1], window[2], c];
        for n in 1..=3 {
            let gram = &window[3 - n..];
            if gram[0] == '\u{0}' || (n == 1 && c == '\u{3}') {
                continue;
            }
            let b = bucket(gram) as usize;
            seen[b / 64] |= 1 << (b % 64);
        }
    }
    seen
}

fn bucket(gram: &[char]) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ gram.len() as u32;
    let mut buf = [0u8; 4];
    for c in gram {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h % BUCKETS as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_distinct_sorted_buckets() {
        let f = features("快递  还没到");
        assert!(f.windows(2).all(|w| w[0] < w[1]));
        assert!(f.iter().all(|&b| (b as usize) < BUCKETS));
        // 6 characters and one boundary: 7 unigrams, 8 bigrams, 7 trigrams at most.
        assert!(f.len() <= 7 + 8 + 7 && f.len() > 10, "{}", f.len());
        assert_eq!(features(""), features("   "));
    }

    #[test]
    fn the_complaint_head_loads() {
        assert!(Head::parse(include_bytes!("complaint.kcm")).is_some());
    }

    #[test]
    fn rejects_a_file_of_another_shape() {
        assert!(Head::parse(b"KCM1").is_none());
        assert!(Head::parse(b"XXXX000011112222").is_none());
    }
}
