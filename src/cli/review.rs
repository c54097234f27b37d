//! `kefu-coach review LOG`: batch review (复盘) of an exported chat log. Streams the file,
//! checks on all cores, writes an HTML report, JSON, and the findings as CSV.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::Path;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::ReviewArgs;
use super::paths::Identity;
use super::render::printable;
use kefu_coach::review::{html, mapping, parallel, Encoding, Options, Overrides, Progress, ReviewReport};

pub fn run(args: ReviewArgs) -> Result<(), String> {
    let path = &args.log;
    check_outputs(path, &args)?;
    let options = options(&args)?;
    let threads = match &args.threads {
        Some(t) => t
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=parallel::MAX_THREADS).contains(n))
            .ok_or_else(|| format!("--threads 应是 1 到 {} 之间的整数,而不是 “{t}”", parallel::MAX_THREADS))?,
        None => std::thread::available_parallelism().map_or(1, |n| n.get().min(parallel::MAX_THREADS)),
    };
    let (input, total): (Box<dyn Read>, Option<u64>) = if path == "-" {
        (Box::new(io::stdin().lock()), None)
    } else {
        let f = File::open(path).map_err(|e| format!("打开 {path} 失败: {e}"))?;
        let len = f.metadata().ok().map(|m| m.len());
        (Box::new(f), len)
    };
    let mut csv = match &args.csv {
        Some(p) => Some(BufWriter::new(File::create(p).map_err(|e| format!("创建 {p} 失败: {e}"))?)),
        None => None,
    };
    let show = !args.no_progress && io::stderr().is_terminal();
    let mut bar = Bar::new(total, show);
    let report =
        parallel::run(input, options, threads, csv.as_mut().map(|w| w as &mut dyn Write), &mut |p| bar.update(p));
    bar.done();
    let report = report?;
    if let Some(mut w) = csv {
        w.flush().map_err(|e| format!("写入 CSV 失败: {e}"))?;
    }
    let name = if path == "-" { "标准输入" } else { path.as_str() };
    if let Some(out) = &args.out {
        std::fs::write(out, html::render(&report, name)).map_err(|e| format!("写入 {out} 失败: {e}"))?;
    }
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        super::out(format!("{json}\n"));
    } else {
        super::out(summary(&report, args.out.as_deref(), args.csv.as_deref()));
    }
    if report.totals.shortened > 0 {
        eprintln!("kefu-coach: {} 条消息过长,只检查(或作为上下文只用了)前一部分(行号见报告)", report.totals.shortened);
    }
    if report.totals.malformed > 0 {
        eprintln!("kefu-coach: {} 行无法读取或有异常(行号和原因见报告)", report.totals.malformed);
    }
    Ok(())
}

/// Refuse an output that is an input (the log, stdin's file, the config) or the other
/// output, before anything is read or created.
fn check_outputs(log: &str, args: &ReviewArgs) -> Result<(), String> {
    let mut inputs = Vec::new();
    if log == "-" {
        inputs.extend(Identity::stdin().map(|id| ("标准输入所读的文件".to_owned(), id)));
    } else {
        inputs.push((format!("日志文件 “{log}”"), Identity::of(Path::new(log))));
    }
    if let Some(c) = &args.config {
        inputs.push((format!("--config “{c}”"), Identity::of(Path::new(c))));
    }
    let mut outputs: Vec<(String, Identity)> = Vec::new();
    for (flag, p) in [("out", &args.out), ("csv", &args.csv)] {
        let Some(p) = p else { continue };
        let id = Identity::of(Path::new(p));
        if let Some((what, _)) = inputs.iter().find(|(_, input)| id.same(input)) {
            return Err(format!("--{flag} “{p}” 和 {what} 是同一个文件,写入会覆盖它;请换一个输出文件名"));
        }
        if let Some((what, _)) = outputs.iter().find(|(_, other)| id.same(other)) {
            return Err(format!("--{flag} “{p}” 和 {what} 是同一个文件;请给两个输出不同的文件名"));
        }
        outputs.push((format!("--{flag} “{p}”"), id));
    }
    Ok(())
}

fn options(args: &ReviewArgs) -> Result<Options, String> {
    let preset = args.preset.as_deref().unwrap_or("auto").to_owned();
    if !mapping::PRESETS.contains(&preset.as_str()) {
        return Err(format!("未知预设 “{preset}”,可选 {}", mapping::PRESETS.join("、")));
    }
    let overrides = match &args.map {
        Some(m) => Overrides::parse(m)?,
        None => Overrides::default(),
    };
    let encoding = match &args.encoding {
        Some(e) => Encoding::parse(e)?,
        None => None,
    };
    let config = super::config_from(args.config.as_deref())?;
    Ok(Options { preset, overrides, encoding, config })
}

/// A few lines for the terminal when no JSON is asked for.
fn summary(r: &ReviewReport, out: Option<&str>, csv: Option<&str>) -> String {
    let t = &r.totals;
    let mut s = format!(
        "复盘完成: {} 个会话, {} 条客服回复已检查, {} 条有问题, 共 {} 个问题\n",
        t.sessions, t.checked, t.with_findings, t.findings
    );
    if let Some(score) = &r.score {
        s += &format!("平均得分 {:.1}\n", score.mean);
    }
    for c in r.categories.iter().take(5) {
        s += &format!("  {:<12} {}\n", c.zh, c.findings);
    }
    if let Some(rt) = &r.response_time {
        s += &format!("回复用时 中位数 {:.0} 秒, P90 {:.0} 秒\n", rt.median_s, rt.p90_s);
    }
    if let Some(o) = out {
        s += &format!("HTML 报告: {}\n", printable(o, false));
    }
    if let Some(c) = csv {
        s += &format!("问题明细 CSV: {}\n", printable(c, false));
    }
    s
}

/// The progress bar on stderr (indicatif), drawn only on a terminal: the share of the file
/// read, the replies checked, the rate and the time left.
struct Bar {
    bar: ProgressBar,
    start: Instant,
}

impl Bar {
    fn new(total: Option<u64>, show: bool) -> Bar {
        let target = if show { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
        let total = total.filter(|t| *t > 0);
        let bar = ProgressBar::with_draw_target(total, target);
        // Constant templates: a mistake in them shows the default bar, not a crash.
        let style = match total {
            Some(_) => ProgressStyle::with_template(
                "{bar:20} {percent:>3}% {binary_bytes}/{binary_total_bytes} · {msg} · 剩余 {eta_precise}",
            )
            .map(|s| s.progress_chars("█▉▊▋▌▍▎▏░"))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
            None => ProgressStyle::with_template("{spinner} {binary_bytes} · {msg} · 已用 {elapsed_precise}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        };
        bar.set_style(style);
        bar.set_message("0 条回复");
        Bar { bar, start: Instant::now() }
    }

    fn update(&mut self, p: Progress) {
        if self.bar.is_hidden() {
            return;
        }
        let rate = p.checked as f64 / self.start.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_position(p.bytes);
        self.bar.set_message(format!("{} 条回复 {:.0} 条/秒", p.checked, rate));
    }

    fn done(&mut self) {
        self.bar.finish_and_clear();
    }
}
