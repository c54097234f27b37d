//! Batch review (复盘) of exported chat logs: every agent turn is checked with its context
//! (the customer turns just before it, whether it is the agent's first reply in the
//! session) and the results are summed up into a [`ReviewReport`].
//!
//! The pipeline streams, so memory stays flat on logs of any size:
//!
//! ```text
//! bytes ─ lines.rs ─ decode.rs ─ record.rs / JSON ─ mapping.rs ─ ingest.rs ─ Job (agent turn + context)
//!       ─ Coach::check ─ aggregate.rs ─ ReviewReport ─ html.rs / JSON ; export.rs ─ findings CSV
//! ```
//!
//! [`Review`] runs it on one thread, fed chunk by chunk (the page's Web Worker). The CLI uses
//! [`parallel::run`], which checks batches of turns on several threads and adds them up in
//! file order, so the report is the same whatever the number of threads.
//!
//! ```
//! use kefu_coach::review::{Options, Review};
//!
//! let log = "会话ID,角色,内容\n1,客户,在吗\n1,客服,不知道\n";
//! let mut review = Review::new(Options::default(), false).unwrap();
//! review.push(log.as_bytes()).unwrap();
//! let report = review.finish().unwrap();
//! assert_eq!(report.totals.checked, 1);
//! assert!(report.rules.iter().any(|r| r.rule == "blunt.dont-know"));
//! ```

pub mod aggregate;
pub mod decode;
pub mod export;
pub mod html;
pub mod ingest;
pub mod lines;
pub mod mapping;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod parallel;
pub mod record;
pub mod rtime;
pub mod situations;
pub mod time;

use serde::Serialize;

pub use decode::{Encoding, Gb18030Decoder};
pub use mapping::{Overrides, Preset};
pub use model::ReviewReport;

use crate::{Coach, Config};
use aggregate::Aggregator;
use ingest::{Ingest, Job};
use model::InputInfo;

/// How to read the log.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `auto` (or empty), `jddc`, `csv`, `tsv`, `jsonl`.
    pub preset: String,
    /// `--map` corrections of the preset's columns.
    pub overrides: Overrides,
    /// `None`: detect (BOM, then UTF-8 if the first 64 KiB are valid UTF-8, else GB18030).
    pub encoding: Option<Encoding>,
    /// The team's configuration; its platform wins over the preset's.
    pub config: Config,
}

/// A row that could not be read (or was read with a correction), by its 1-based line
/// number. Also a turn too long to be used whole ([`ingest::Ingest::shortened`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Malformed {
    pub line: u64,
    pub reason: String,
}

impl Malformed {
    pub fn new(line: u64, reason: impl Into<String>) -> Malformed {
        Malformed { line, reason: reason.into() }
    }
}

/// All malformed rows are counted; the first [`MalformedLog::SHOWN`] are kept.
#[derive(Clone, Debug, Default)]
pub struct MalformedLog {
    pub count: u64,
    pub shown: Vec<Malformed>,
}

impl MalformedLog {
    pub const SHOWN: usize = 200;

    pub fn push(&mut self, m: Malformed) {
        self.count += 1;
        if self.shown.len() < Self::SHOWN {
            self.shown.push(m);
        }
    }
}

/// Where a review is.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Progress {
    pub bytes: u64,
    pub lines: u64,
    pub checked: u64,
    pub malformed: u64,
}

/// A review on one thread, fed with chunks of the file.
pub struct Review {
    coach: Coach,
    ingest: Ingest,
    aggregator: Aggregator,
    jobs: Vec<Job>,
    csv: Option<String>,
    checked: u64,
}

impl Review {
    /// `csv`: also build the findings CSV (taken with [`Review::take_csv`]). GB18030 is
    /// decoded by encoding_rs.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(options: Options, csv: bool) -> Result<Review, String> {
        Review::with_decoder(options, csv, Box::new(decode::EncodingRs))
    }

    /// As [`Review::new`], GB18030 decoded by `gb18030` (in the browser: its `TextDecoder`).
    pub fn with_decoder(options: Options, csv: bool, gb18030: Box<dyn Gb18030Decoder>) -> Result<Review, String> {
        let coach = Coach::new(options.config.clone()).map_err(|e| e.to_string())?;
        Ok(Review {
            coach,
            ingest: Ingest::with_decoder(options, gb18030),
            aggregator: Aggregator::default(),
            jobs: Vec::new(),
            csv: csv.then(|| export::CSV_HEADER.to_owned()),
            checked: 0,
        })
    }

    /// Read the next bytes of the log and check the agent turns completed by them.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), String> {
        self.ingest.push(bytes, &mut self.jobs)?;
        self.check_pending();
        Ok(())
    }

    pub fn progress(&self) -> Progress {
        Progress {
            bytes: self.ingest.counts.bytes,
            lines: self.ingest.lines(),
            checked: self.checked,
            malformed: self.ingest.malformed.count,
        }
    }

    /// The CSV rows written since the last call (the header first).
    pub fn take_csv(&mut self) -> String {
        self.csv.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// The end of the log: the report.
    pub fn finish(self) -> Result<ReviewReport, String> {
        self.finish_with_csv().map(|(r, _)| r)
    }

    /// The end of the log: the report and the last CSV rows (not yet taken).
    pub fn finish_with_csv(mut self) -> Result<(ReviewReport, String), String> {
        self.ingest.finish(&mut self.jobs)?;
        self.check_pending();
        let csv = self.take_csv();
        Ok((report(self.aggregator, &self.ingest), csv))
    }

    fn check_pending(&mut self) {
        for job in self.jobs.drain(..) {
            let report = self.coach.check(&job.request);
            if let Some(csv) = self.csv.as_mut() {
                export::csv_rows(&job, &report, csv);
            }
            self.aggregator.add(&job, &report);
            self.checked += 1;
        }
    }
}

/// Close the aggregation with what the reader saw.
fn report(aggregator: Aggregator, ingest: &Ingest) -> ReviewReport {
    let input = match ingest.layout() {
        Some(l) => InputInfo {
            preset: l.preset.id.to_owned(),
            format: l.preset.format,
            encoding: l.encoding,
            bytes: ingest.counts.bytes,
            lines: ingest.lines(),
        },
        None => InputInfo {
            preset: String::new(),
            format: mapping::Format::Csv,
            encoding: Encoding::Utf8,
            bytes: 0,
            lines: 0,
        },
    };
    let none = MalformedLog::default();
    let shortened = ingest.shortened().unwrap_or(&none);
    aggregator.finish(input, &ingest.counts, &ingest.malformed, shortened, &ingest.response)
}
