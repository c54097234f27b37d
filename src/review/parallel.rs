//! The native review: reads the log in chunks on the calling thread, checks batches of turns
//! on worker threads (each with its own [`Coach`]), and adds the results up in file order.
//! The queues are bounded, so memory stays flat however long the log.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use super::aggregate::Aggregator;
use super::ingest::{Ingest, Job};
use super::{export, report, Options, Progress, ReviewReport};
use crate::{Coach, Report};

/// Bytes read at a time.
pub const CHUNK: usize = 1 << 20;
/// Agent turns sent to a worker at a time…
pub const BATCH: usize = 256;
/// …or fewer, when their text reaches this many bytes: memory stays flat, and long turns
/// are spread over the threads, whatever the length of the turns.
pub const BATCH_BYTES: usize = 1 << 20;
/// Most checking threads: each builds its own [`Coach`] and stack, and checking is CPU
/// bound, so threads beyond the cores only cost memory. 256 covers the largest servers;
/// thousands would exhaust memory or the process's thread limit.
pub const MAX_THREADS: usize = 256;

type Checked = Vec<(Job, Report)>;

/// Where the results go, in file order.
struct Sink<'a> {
    aggregator: Aggregator,
    csv: Option<&'a mut dyn Write>,
    buf: String,
    checked: u64,
}

impl Sink<'_> {
    fn take(&mut self, job: &Job, report: &Report) -> Result<(), String> {
        if let Some(w) = self.csv.as_mut() {
            self.buf.clear();
            export::csv_rows(job, report, &mut self.buf);
            w.write_all(self.buf.as_bytes()).map_err(|e| format!("写入 CSV 失败: {e}"))?;
        }
        self.aggregator.add(job, report);
        self.checked += 1;
        Ok(())
    }
}

/// Review `input` on `threads` threads (1 = all on this one; at most [`MAX_THREADS`]). `csv`
/// receives the findings; `progress` is called after each chunk.
pub fn run(
    mut input: impl Read,
    options: Options,
    threads: usize,
    csv: Option<&mut dyn Write>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ReviewReport, String> {
    let threads = threads.min(MAX_THREADS);
    let config = options.config.clone();
    let coach = Coach::new(config.clone()).map_err(|e| e.to_string())?;
    let mut ingest = Ingest::new(options);
    let mut sink = Sink { aggregator: Aggregator::default(), csv, buf: String::new(), checked: 0 };
    if let Some(w) = sink.csv.as_mut() {
        w.write_all(export::CSV_HEADER.as_bytes()).map_err(|e| format!("写入 CSV 失败: {e}"))?;
    }
    let mut buf = vec![0u8; CHUNK];
    let mut jobs: Vec<Job> = Vec::new();
    let progress_of = |ingest: &Ingest, checked: u64| Progress {
        bytes: ingest.counts.bytes,
        lines: ingest.lines(),
        checked,
        malformed: ingest.malformed.count,
    };

    if threads <= 1 {
        loop {
            let n = feed(&mut input, &mut buf, &mut ingest, &mut jobs)?;
            for job in jobs.drain(..) {
                let report = coach.check(&job.request);
                sink.take(&job, &report)?;
            }
            progress(progress_of(&ingest, sink.checked));
            if n == 0 {
                break;
            }
        }
        sink.flush()?;
        return Ok(report(sink.aggregator, &ingest));
    }

    drop(coach);
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Vec<Job>)>(threads * 2);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (res_tx, res_rx) = mpsc::channel::<(u64, Checked)>();
    std::thread::scope(|scope| -> Result<(), String> {
        for i in 0..threads {
            let job_rx = Arc::clone(&job_rx);
            let res_tx = res_tx.clone();
            let config = config.clone();
            // A thread the system refuses is an error, not an abort: the ones started stop
            // when `job_tx` is dropped on the way out.
            let spawned = std::thread::Builder::new().name(format!("review-{i}")).spawn_scoped(scope, move || {
                let Ok(coach) = Coach::new(config) else { return };
                loop {
                    let next = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, batch)) = next else { return };
                    let checked: Checked = batch
                        .into_iter()
                        .map(|job| {
                            let report = coach.check(&job.request);
                            (job, report)
                        })
                        .collect();
                    if res_tx.send((seq, checked)).is_err() {
                        return;
                    }
                }
            });
            if let Err(e) = spawned {
                drop(job_tx);
                return Err(format!("无法启动第 {} 个检查线程: {e};请用 --threads 减少线程数", i + 1));
            }
        }
        drop(res_tx);
        let mut order = Order::default();
        let result = (|| -> Result<(), String> {
            loop {
                let n = feed(&mut input, &mut buf, &mut ingest, &mut jobs)?;
                while let Some(end) = batch_end(&jobs, n == 0) {
                    let rest = jobs.split_off(end);
                    let batch = std::mem::replace(&mut jobs, rest);
                    job_tx.send((order.sent, batch)).map_err(|_| "检查线程意外退出".to_owned())?;
                    order.sent += 1;
                    while let Ok(done) = res_rx.try_recv() {
                        order.take(done, &mut sink)?;
                    }
                }
                while let Ok(done) = res_rx.try_recv() {
                    order.take(done, &mut sink)?;
                }
                progress(progress_of(&ingest, sink.checked));
                if n == 0 {
                    return Ok(());
                }
            }
        })();
        drop(job_tx);
        result?;
        while order.next < order.sent {
            let done = res_rx.recv().map_err(|_| "检查线程意外退出".to_owned())?;
            order.take(done, &mut sink)?;
        }
        progress(progress_of(&ingest, sink.checked));
        Ok(())
    })?;
    sink.flush()?;
    Ok(report(sink.aggregator, &ingest))
}

impl Sink<'_> {
    fn flush(&mut self) -> Result<(), String> {
        match self.csv.as_mut() {
            Some(w) => w.flush().map_err(|e| format!("写入 CSV 失败: {e}")),
            None => Ok(()),
        }
    }
}

/// Puts batches that come back out of order back in order.
#[derive(Default)]
struct Order {
    sent: u64,
    next: u64,
    waiting: BTreeMap<u64, Checked>,
}

impl Order {
    fn take(&mut self, (seq, checked): (u64, Checked), sink: &mut Sink<'_>) -> Result<(), String> {
        self.waiting.insert(seq, checked);
        while let Some(batch) = self.waiting.remove(&self.next) {
            for (job, report) in &batch {
                sink.take(job, report)?;
            }
            self.next += 1;
        }
        Ok(())
    }
}

/// How many of `jobs` make the next batch: [`BATCH`] turns or [`BATCH_BYTES`] of text,
/// whichever comes first; at the end of input, what is left. `None`: wait for more.
fn batch_end(jobs: &[Job], last: bool) -> Option<usize> {
    let mut bytes = 0;
    for (i, job) in jobs.iter().take(BATCH).enumerate() {
        bytes += job.request.draft.len() + job.request.customer.len();
        if bytes >= BATCH_BYTES {
            return Some(i + 1);
        }
    }
    if jobs.len() >= BATCH {
        Some(BATCH)
    } else {
        (last && !jobs.is_empty()).then_some(jobs.len())
    }
}

/// Read the next chunk into `buf` and hand it to `ingest` (at the end of input: flush it).
/// Returns the number of bytes read; 0 means the input is done.
fn feed(input: &mut impl Read, buf: &mut [u8], ingest: &mut Ingest, jobs: &mut Vec<Job>) -> Result<usize, String> {
    let n = read_chunk(input, buf)?;
    if n == 0 {
        ingest.finish(jobs)?;
    } else {
        ingest.push(&buf[..n], jobs)?;
    }
    Ok(n)
}

fn read_chunk(input: &mut impl Read, buf: &mut [u8]) -> Result<usize, String> {
    loop {
        match input.read(buf) {
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("读取日志失败: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Request;

    fn jobs(sizes: &[usize]) -> Vec<Job> {
        sizes
            .iter()
            .enumerate()
            .map(|(i, &n)| Job {
                seq: i as u64,
                line: i as u64 + 1,
                session: Arc::from("s"),
                agent: None,
                fresh: true,
                request: Request { draft: "x".repeat(n), ..Request::default() },
            })
            .collect()
    }

    #[test]
    fn batches_end_at_256_turns_or_1_mib_of_text() {
        assert_eq!(batch_end(&jobs(&[10; 300]), false), Some(BATCH));
        assert_eq!(batch_end(&jobs(&[10; 100]), false), None);
        assert_eq!(batch_end(&jobs(&[10; 100]), true), Some(100));
        assert_eq!(batch_end(&[], true), None);
        assert_eq!(batch_end(&jobs(&[400_000, 400_000, 400_000, 10]), false), Some(3));
        assert_eq!(batch_end(&jobs(&[2 << 20, 10]), false), Some(1));
    }
}
