//! The review's reader (src/review: lines, decode, record, mapping, ingest) on any bytes, as
//! any preset and encoding, with any `--map`: no panic, the same turns and the same malformed
//! rows whatever the chunks the bytes come in, every line counted, every turn within its
//! limits. Small logs also go through the whole review (checks, report, CSV, HTML).
//!
//! Input: a flags byte, a chunking byte, then the log. Flags: bits 0-2 the preset (auto,
//! jddc, csv, tsv, jsonl; 5-7 auto), bits 3-4 the encoding (auto, utf-8, gb18030, auto),
//! bit 5 the log starts with a `--map` spec ending at the first 0xFF, bit 6 the log is
//! repeated past the 64 KiB that detection reads first (the streaming path), bit 7 the
//! whole review.
#![no_main]

use kefu_coach::review::ingest::{Ingest, Job, CONTEXT_CHARS, CONTEXT_TURNS, DRAFT_CHARS};
use kefu_coach::review::{decode, html, Encoding, Options, Overrides, Review};
use libfuzzer_sys::fuzz_target;

/// What a read of the log gave, to compare two reads.
#[derive(Debug, PartialEq)]
struct Outcome {
    result: Result<(), String>,
    jobs: Vec<String>,
    counts: String,
    malformed: String,
    shortened: String,
    lines: u64,
}

fn read(options: &Options, log: &[u8], chunks: &mut dyn Iterator<Item = usize>) -> (Outcome, Vec<Job>) {
    let mut ingest = Ingest::new(options.clone());
    let mut jobs = Vec::new();
    let mut rest = log;
    let mut result = Ok(());
    while !rest.is_empty() {
        let n = chunks.next().unwrap_or(rest.len()).clamp(1, rest.len());
        result = ingest.push(&rest[..n], &mut jobs);
        rest = &rest[n..];
        if result.is_err() {
            break;
        }
    }
    if result.is_ok() {
        result = ingest.finish(&mut jobs);
    }
    // After an error the caller stops reading: how many bytes and lines were read by then
    // depends on the chunks.
    if result.is_err() {
        ingest.counts.bytes = 0;
    }
    let outcome = Outcome {
        lines: if result.is_ok() { ingest.lines() } else { 0 },
        result,
        jobs: jobs.iter().map(|j| format!("{j:?}")).collect(),
        counts: format!("{:?}", ingest.counts),
        malformed: format!("{:?}", ingest.malformed),
        shortened: format!("{:?}", ingest.shortened()),
    };
    (outcome, jobs)
}

fuzz_target!(|data: &[u8]| {
    let [flags, chunking, rest @ ..] = data else { return };
    let preset = ["auto", "jddc", "csv", "tsv", "jsonl", "auto", "auto", "auto"][(flags & 7) as usize];
    let encoding = [None, Some(Encoding::Utf8), Some(Encoding::Gb18030), None][((flags >> 3) & 3) as usize];
    let (overrides, log) = match rest.iter().position(|&b| b == 0xFF) {
        Some(at) if flags & 0x20 != 0 => {
            let Ok(o) = Overrides::parse(&String::from_utf8_lossy(&rest[..at])) else { return };
            (o, &rest[at + 1..])
        }
        _ => (Overrides::default(), rest),
    };
    let options = Options { preset: preset.to_owned(), overrides, encoding, ..Options::default() };
    let long;
    let log = if flags & 0x40 != 0 && !log.is_empty() {
        long = log.repeat((decode::SNIFF_BYTES + 4096).div_ceil(log.len()));
        &long[..]
    } else {
        log
    };

    // Chunks of 1 to 256 bytes, then 1 to 64 KiB: cuts inside characters, CR LF, quotes.
    let small = (*chunking as usize % 16) + 1;
    let mut sizes = [small, 1, 255, small * 7, 2, 4096, 3, 65_537].into_iter().cycle();
    let (whole, jobs) = read(&options, log, &mut std::iter::empty());
    let (chunked, _) = read(&options, log, &mut sizes);
    assert_eq!(whole, chunked, "a log read whole and in chunks of {small}…");

    if whole.result.is_ok() && options.encoding.is_none() && !log.starts_with(&[0xEF, 0xBB, 0xBF]) {
        let want =
            log.iter().filter(|&&b| b == b'\n').count() as u64 + u64::from(!log.ends_with(b"\n") && !log.is_empty());
        assert_eq!(whole.lines, want, "lines counted");
    }
    for job in &jobs {
        let chars = job.request.draft.chars().count();
        assert!(chars <= DRAFT_CHARS + 1, "a turn of {chars} characters at line {}", job.line);
        let context = job.request.customer.chars().count();
        // Each message may hold newlines of its own; each is cut at CONTEXT_CHARS plus `…`.
        assert!(context <= CONTEXT_TURNS * (CONTEXT_CHARS + 2), "{context} characters of context at line {}", job.line);
        assert!(!job.request.draft.trim().is_empty(), "an empty turn checked at line {}", job.line);
    }

    if flags & 0x80 != 0 && log.len() <= 16 * 1024 {
        let mut review = Review::new(options.clone(), true).expect("a default configuration");
        let mut pushed = Ok(());
        for chunk in log.chunks(small * 64) {
            pushed = review.push(chunk);
            if pushed.is_err() {
                break;
            }
        }
        if pushed.is_ok() {
            if let Ok((report, csv)) = review.finish_with_csv() {
                assert_eq!(report.totals.checked, jobs.len() as u64, "turns checked");
                assert!(csv.starts_with(kefu_coach::review::export::CSV_HEADER.trim_end()), "CSV header");
                let page = html::render(&report, "fuzz.csv");
                assert!(page.ends_with("</html>\n") || page.ends_with("</html>"), "HTML page cut");
                serde_json::to_string(&report).expect("the report as JSON");
            }
        }
    }
});
