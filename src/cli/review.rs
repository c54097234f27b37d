//! `kefu-coach review LOG`: batch review (复盘) of an exported chat log. Streams the file,
//! checks on all cores, writes an HTML report, JSON, and the findings as CSV.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use super::paths::Identity;
use super::render::printable;
use super::Args;
use kefu_coach::review::{html, mapping, parallel, Encoding, Options, Overrides, Progress, ReviewReport};

pub const USAGE: &str = "\
用法: kefu-coach review LOG [选项]      LOG 为 - 时读标准输入
  --preset auto|jddc|csv|tsv|jsonl       文件格式预设(默认 auto:按内容判断)
  --map session=列,role=列,text=列,agent=列,time=列,agent_value=值
                                         指定列(表头名或从 1 起的列号);header=no: 没有表头
  --encoding auto|utf-8|gbk|gb18030      文件编码(默认 auto)
  --out FILE.html    写 HTML 报告        --json   在标准输出写 JSON 报告
  --csv FILE         把每条问题写成 CSV   --threads N  检查线程数,1 到 256(默认全部 CPU)
  --config FILE      团队配置/规则包      --no-progress  不显示进度条
";

pub fn run(args: &[String]) -> Result<(), String> {
    let args = Args::parse(
        args,
        &["preset", "map", "encoding", "out", "csv", "threads", "config"],
        &["json", "no-progress", "help"],
    )?;
    if args.flag("help") {
        print!("{USAGE}");
        return Ok(());
    }
    let [path] = args.positional() else {
        return Err(format!("review 需要一个日志文件\n\n{USAGE}"));
    };
    check_outputs(path, &args)?;
    let options = options(&args)?;
    let threads = match args.value("threads") {
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
    let mut csv = match args.value("csv") {
        Some(p) => Some(BufWriter::new(File::create(p).map_err(|e| format!("创建 {p} 失败: {e}"))?)),
        None => None,
    };
    let show = !args.flag("no-progress") && io::stderr().is_terminal();
    let mut bar = Bar::new(total, show);
    let report =
        parallel::run(input, options, threads, csv.as_mut().map(|w| w as &mut dyn Write), &mut |p| bar.update(p));
    bar.done();
    let report = report?;
    if let Some(mut w) = csv {
        w.flush().map_err(|e| format!("写入 CSV 失败: {e}"))?;
    }
    let name = if path == "-" { "标准输入" } else { path.as_str() };
    if let Some(out) = args.value("out") {
        std::fs::write(out, html::render(&report, name)).map_err(|e| format!("写入 {out} 失败: {e}"))?;
    }
    if args.flag("json") {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print!("{}", summary(&report, args.value("out"), args.value("csv")));
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
fn check_outputs(log: &str, args: &Args) -> Result<(), String> {
    let mut inputs = Vec::new();
    if log == "-" {
        inputs.extend(Identity::stdin().map(|id| ("标准输入所读的文件".to_owned(), id)));
    } else {
        inputs.push((format!("日志文件 “{log}”"), Identity::of(Path::new(log))));
    }
    if let Some(c) = args.value("config") {
        inputs.push((format!("--config “{c}”"), Identity::of(Path::new(c))));
    }
    let mut outputs: Vec<(String, Identity)> = Vec::new();
    for flag in ["out", "csv"] {
        let Some(p) = args.value(flag) else { continue };
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

fn options(args: &Args) -> Result<Options, String> {
    let preset = args.value("preset").unwrap_or("auto").to_owned();
    if !mapping::PRESETS.contains(&preset.as_str()) {
        return Err(format!("未知预设 “{preset}”,可选 {}", mapping::PRESETS.join("、")));
    }
    let overrides = match args.value("map") {
        Some(m) => Overrides::parse(m)?,
        None => Overrides::default(),
    };
    let encoding = match args.value("encoding") {
        Some(e) => Encoding::parse(e)?,
        None => None,
    };
    let config = super::config_from(args)?;
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

/// The progress bar on stderr (only on a terminal).
struct Bar {
    total: Option<u64>,
    show: bool,
    start: Instant,
    last: Instant,
    drawn: bool,
}

impl Bar {
    fn new(total: Option<u64>, show: bool) -> Bar {
        let now = Instant::now();
        Bar { total, show, start: now, last: now, drawn: false }
    }

    fn update(&mut self, p: Progress) {
        if !self.show || self.last.elapsed() < Duration::from_millis(150) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let rate = p.checked as f64 / secs;
        let mb = |b: u64| b as f64 / 1_048_576.0;
        let line = match self.total.filter(|t| *t > 0) {
            Some(total) => {
                let frac = (p.bytes as f64 / total as f64).min(1.0);
                let filled = (frac * 24.0) as usize;
                let eta = if frac > 0.0 { secs * (1.0 - frac) / frac } else { 0.0 };
                format!(
                    "[{}{}] {:>5.1}% {:.1}/{:.1} MB · {} 条回复 · {:.0} 条/秒 · 剩余 {}",
                    "█".repeat(filled),
                    "░".repeat(24 - filled),
                    frac * 100.0,
                    mb(p.bytes),
                    mb(total),
                    p.checked,
                    rate,
                    clock(eta)
                )
            }
            None => format!("{:.1} MB · {} 条回复 · {:.0} 条/秒", mb(p.bytes), p.checked, rate),
        };
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        self.drawn = true;
    }

    fn done(&mut self) {
        if self.drawn {
            let _ = write!(io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

fn clock(secs: f64) -> String {
    let s = secs.round() as u64;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}
