//! Batch review (复盘): real JDDC chats, CSV quoting, GBK, malformed rows, JSON Lines, the CLI.
//! Assertions are structural: other rules come and go, so only `blunt.dont-know` and
//! `greeting.missing-greeting` are counted on.

use std::path::{Path, PathBuf};
use std::process::Command;

use kefu_coach::review::{html, parallel, Encoding, Options, Overrides, Review, ReviewReport};
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review").join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

fn opts(preset: &str) -> Options {
    Options { preset: preset.into(), ..Options::default() }
}

/// Review bytes on `threads` threads.
fn review(bytes: &[u8], options: Options, threads: usize) -> ReviewReport {
    parallel::run(bytes, options, threads, None, &mut |_| {}).expect("review runs")
}

fn json(r: &ReviewReport) -> Value {
    serde_json::to_value(r).expect("report serialises")
}

/// Rules of the worst reply at `line`.
fn rules_at(r: &ReviewReport, line: u64) -> Vec<String> {
    r.worst_replies
        .iter()
        .find(|w| w.line == line)
        .map(|w| w.findings.iter().map(|f| f.rule.clone()).collect())
        .unwrap_or_default()
}

/// Internal consistency every report must have.
fn assert_consistent(r: &ReviewReport) {
    let t = &r.totals;
    assert_eq!(t.rows, t.agent_turns + t.customer_turns + t.system_turns, "rows = turns");
    assert!(t.checked <= t.agent_turns);
    assert!(t.with_findings <= t.checked && t.with_findings <= t.findings);
    assert_eq!(r.categories.iter().map(|c| c.findings).sum::<u64>(), t.findings, "categories add up");
    assert_eq!(r.rules.iter().map(|c| c.findings).sum::<u64>(), t.findings, "rules add up");
    assert_eq!(r.agents.iter().map(|a| a.turns).sum::<u64>(), t.checked, "agents add up");
    for p in &r.phrases {
        let rule = r.rules.iter().find(|x| x.rule == p.rule).expect("phrase rule counted");
        assert!(p.count <= rule.findings);
    }
    assert!(r.worst_replies.windows(2).all(|w| w[0].score <= w[1].score), "worst replies sorted");
    assert!(r.sessions.worst.windows(2).all(|w| w[0].mean_score <= w[1].mean_score), "worst sessions sorted");
    assert!(r.worst_replies.iter().all(|w| !w.findings.is_empty()));
    if let Some(s) = &r.score {
        assert_eq!(s.histogram.iter().sum::<u64>(), t.checked);
        assert!((0.0..=100.0).contains(&s.mean));
    }
    assert_eq!(r.malformed.count, t.malformed);
}

#[test]
fn jddc_sample_is_reviewed_the_same_on_one_and_two_threads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/jddc2019_chat_0.1per.tsv");
    let Ok(bytes) = std::fs::read(&path) else {
        println!("skipped: the JDDC sample is not at {} (it is never copied into the repo)", path.display());
        return;
    };
    let one = review(&bytes, opts("auto"), 1);
    let two = review(&bytes, opts("jddc"), 2);
    assert_eq!(json(&one), json(&two), "same report whatever the threads and with the preset named");
    let t = &one.totals;
    assert_eq!(one.input.preset, "jddc", "JDDC layout detected");
    assert_eq!(one.input.encoding, Encoding::Utf8);
    assert_eq!((t.rows, t.sessions, t.agent_turns, t.customer_turns), (12_136, 994, 6_029, 6_107));
    assert_eq!(t.malformed, 0);
    assert_eq!(t.checked + t.empty_turns, t.agent_turns);
    assert!(t.findings > 0 && one.score.is_some());
    assert!(one.response_time.is_none(), "JDDC has no time column");
    assert_eq!(one.sessions.reviewed, 994);
    // The first agent reply of each session is checked as a first reply: missing greetings
    // can only be found on those, at most one per session.
    if let Some(g) = one.rules.iter().find(|r| r.rule == "greeting.missing-greeting") {
        assert!(g.findings <= 994);
    }
    assert!(one
        .worst_replies
        .iter()
        .filter(|w| rules_at(&one, w.line).contains(&"greeting.missing-greeting".into()))
        .all(|w| w.first_reply));
    assert_consistent(&one);

    let page = html::render(&one, "jddc.tsv");
    for id in ["overview", "categories", "phrases", "agents", "sessions", "worst"] {
        assert!(page.contains(&format!("<section id=\"{id}\"")), "section {id}");
    }
    assert!(page.contains("<svg"), "charts are inline SVG");
    assert!(!page.contains("<script"), "no script in the report");
}

#[test]
fn quoted_csv_keeps_commas_newlines_and_quotes_and_times_replies() {
    let r = review(&read("quoted.csv"), opts("auto"), 1);
    assert_eq!(r.input.preset, "csv");
    assert_eq!(r.totals.malformed, 0, "{:?}", r.malformed.shown);
    assert_eq!((r.totals.sessions, r.totals.agent_turns, r.totals.customer_turns), (2, 4, 4));
    // “不知道” on line 6 (the record on line 3 spans two lines), with the customer turn
    // holding a comma and doubled quotes as its context.
    let w = r.worst_replies.iter().find(|w| w.line == 6).expect("line 6 is among the flagged replies");
    assert!(rules_at(&r, 6).contains(&"blunt.dont-know".to_owned()));
    assert_eq!(w.customer, "好的,\"加急\"可以吗");
    assert!(!w.first_reply);
    assert_eq!(w.agent.as_deref(), Some("小王"));
    // Response times: 30 s, 60 s (from the first unanswered turn), 10 s, 60 s.
    let rt = r.response_time.as_ref().expect("times present");
    assert_eq!((rt.replies, rt.first_replies), (4, 2));
    assert!((rt.mean_s - 40.0).abs() < 1e-9, "{rt:?}");
    assert!((30.0..=31.0).contains(&rt.median_s), "{rt:?}");
    assert_eq!(r.agents.iter().map(|a| a.agent.as_str()).collect::<Vec<_>>(), ["小李", "小王"]);
    assert_consistent(&r);

    // Text from the log is escaped in the HTML.
    let page = html::render(&r, "<quoted>.csv");
    assert!(
        page.contains("&lt;b&gt;不知道&lt;/b&gt;") || page.contains("&lt;b&gt;<mark>不知道</mark>&lt;/b&gt;"),
        "agent text escaped"
    );
    assert!(!page.contains("<b>不知道"), "no raw markup from the log");
    assert!(!page.contains("<script>alert"), "customer text escaped");
    assert!(page.contains("&lt;quoted&gt;.csv"));
    assert!(page.contains("<section id=\"response\""));
}

#[test]
fn any_chunking_gives_the_same_report() {
    let bytes = read("quoted.csv");
    let whole = review(&bytes, opts("auto"), 1);
    let mut r = Review::new(opts("auto"), false).expect("review");
    for b in &bytes {
        r.push(std::slice::from_ref(b)).expect("push");
    }
    let bytewise = r.finish().expect("finish");
    assert_eq!(json(&whole), json(&bytewise));
}

#[test]
fn gbk_export_reads_like_its_utf8_twin() {
    let utf8 = review(&read("simple.csv"), opts("auto"), 1);
    let gbk = review(&read("simple-gbk.csv"), opts("auto"), 1);
    assert_eq!(gbk.input.encoding, Encoding::Gb18030, "GBK detected");
    let (mut a, mut b) = (json(&utf8), json(&gbk));
    a["input"] = Value::Null;
    b["input"] = Value::Null;
    assert_eq!(a, b);
    assert_eq!(gbk.totals.malformed, 0);
    assert!(rules_at(&gbk, 3).contains(&"blunt.dont-know".to_owned()));
    assert!(rules_at(&gbk, 3).contains(&"greeting.missing-greeting".to_owned()), "first reply without greeting");
    let forced = review(&read("simple-gbk.csv"), Options { encoding: Some(Encoding::Gb18030), ..opts("csv") }, 2);
    assert_eq!(json(&forced)["totals"], json(&gbk)["totals"]);
}

#[test]
fn gbk_read_as_utf8_fails_with_a_hint() {
    let err = parallel::run(
        &read("simple-gbk.csv")[..],
        Options { encoding: Some(Encoding::Utf8), ..opts("csv") },
        1,
        None,
        &mut |_| {},
    )
    .expect_err("a GBK header can't be read as UTF-8");
    assert!(err.contains("第 1 行") && err.contains("--encoding gbk"), "{err}");
}

#[test]
fn a_wrongly_encoded_line_is_reported_and_skipped() {
    let r = review(&read("mixed.tsv"), opts("auto"), 1);
    assert_eq!(r.input.encoding, Encoding::Utf8);
    assert_eq!(r.input.preset, "tsv");
    assert_eq!(r.totals.malformed, 1);
    assert_eq!(r.malformed.shown[0].line, 3);
    assert!(r.malformed.shown[0].reason.contains("解码"));
    // Line 4 is then the agent's first reply.
    let w = r.worst_replies.iter().find(|w| w.line == 4).expect("line 4 flagged");
    assert!(w.first_reply);
    assert!(rules_at(&r, 4).contains(&"blunt.dont-know".to_owned()));
    assert_consistent(&r);
}

#[test]
fn malformed_rows_are_listed_by_line_and_the_rest_is_reviewed() {
    let r = review(&read("malformed.csv"), opts("auto"), 2);
    let lines: Vec<(u64, &str)> = r.malformed.shown.iter().map(|m| (m.line, m.reason.as_str())).collect();
    let has = |line: u64, word: &str| lines.iter().any(|(l, why)| *l == line && why.contains(word));
    assert!(has(3, "缺少"), "{lines:?}");
    assert!(has(4, "角色"), "{lines:?}");
    assert!(has(5, "会话ID为空"), "{lines:?}");
    assert!(has(6, "时间"), "{lines:?}");
    assert!(has(8, "引号未闭合"), "{lines:?}");
    assert_eq!(r.totals.malformed, 5);
    // Line 6 (bad time, kept) and line 7 are reviewed; line 6 is the first reply.
    assert_eq!(r.totals.checked, 2);
    assert!(rules_at(&r, 6).contains(&"blunt.dont-know".to_owned()));
    assert!(r.worst_replies.iter().find(|w| w.line == 6).is_some_and(|w| w.first_reply));
    assert_consistent(&r);
    let page = html::render(&r, "malformed.csv");
    assert!(page.contains("<section id=\"malformed\"") && page.contains("引号未闭合"));
}

#[test]
fn json_lines_with_english_keys() {
    let r = review(&read("chat.jsonl"), opts("auto"), 1);
    assert_eq!(r.input.preset, "jsonl");
    assert_eq!(r.malformed.shown.iter().map(|m| m.line).collect::<Vec<_>>(), [3, 5]);
    assert!(r.malformed.shown[0].reason.contains("JSON"));
    assert!(r.malformed.shown[1].reason.contains("内容"));
    assert_eq!(r.totals.checked, 2);
    assert!(rules_at(&r, 2).contains(&"blunt.dont-know".to_owned()));
    let mut agents: Vec<&str> = r.agents.iter().map(|a| a.agent.as_str()).collect();
    agents.sort();
    assert_eq!(agents, ["Amy", "Bob"]);
    // Unix seconds: 60 s to the first reply, 20 s in session c2.
    let rt = r.response_time.as_ref().expect("timestamps");
    assert_eq!(rt.replies, 2);
    assert!((rt.mean_s - 40.0).abs() < 1e-9);
    assert_consistent(&r);
}

#[test]
fn a_missing_column_is_an_error_naming_the_fix() {
    let log = "id,who,what\n1,客户,在吗\n";
    let err = parallel::run(log.as_bytes(), opts("csv"), 1, None, &mut |_| {}).expect_err("no session column");
    assert!(err.contains("--map session="), "{err}");
    let o = Options { overrides: Overrides::parse("session=id,role=who,text=what").expect("map"), ..opts("csv") };
    let r = review(b"id,who,what\n1,customer,hi\n1,agent,\xe4\xb8\x8d\xe7\x9f\xa5\xe9\x81\x93\n", o, 1);
    assert!(rules_at(&r, 3).contains(&"blunt.dont-know".to_owned()));
    // A file without header: columns by number.
    let o = Options { overrides: Overrides::parse("header=no,session=1,role=2,text=3").expect("map"), ..opts("csv") };
    let r = review("9,客户,在吗\n9,客服,不知道\n".as_bytes(), o, 1);
    assert_eq!(r.totals.checked, 1);
    assert!(rules_at(&r, 2).contains(&"blunt.dont-know".to_owned()));
}

#[test]
fn cli_writes_html_json_and_csv() {
    let dir = std::env::temp_dir().join(format!("kefu-review-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (html_path, csv_path) = (dir.join("report.html"), dir.join("findings.csv"));
    let out = Command::new(env!("CARGO_BIN_EXE_kefu-coach"))
        .args(["review", fixture("malformed.csv").to_str().expect("utf-8 path"), "--json", "--threads", "2", "--out"])
        .arg(&html_path)
        .arg("--csv")
        .arg(&csv_path)
        .output()
        .expect("run kefu-coach");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(report["totals"]["malformed"], 5);
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 行无法读取"));
    let page = std::fs::read_to_string(&html_path).expect("html written");
    assert!(page.starts_with("<!doctype html>"));
    let csv = std::fs::read_to_string(&csv_path).expect("csv written");
    let findings = report["totals"]["findings"].as_u64().expect("count");
    assert_eq!(csv.lines().count() as u64, findings + 1, "one row per finding plus the header");
    assert!(csv.starts_with("\u{feff}行号,"));

    let bad = Command::new(env!("CARGO_BIN_EXE_kefu-coach"))
        .args(["review", "/nonexistent/log.csv"])
        .output()
        .expect("run kefu-coach");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("打开 /nonexistent/log.csv 失败"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kefu-review-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("temp dir");
    dir
}

/// `kefu-coach review …` run in `dir`, stdin from `stdin` (a file) when given.
fn kefu_in(dir: &Path, args: &[&str], stdin: Option<&Path>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kefu-coach"));
    cmd.current_dir(dir).arg("review").args(args).arg("--no-progress");
    if let Some(p) = stdin {
        cmd.stdin(std::fs::File::open(p).expect("stdin file"));
    }
    cmd.output().expect("run kefu-coach")
}

#[test]
fn cli_refuses_an_output_that_is_an_input_before_touching_anything() {
    let dir = scratch("same-file");
    let log = "会话ID,角色,内容\n1,客户,在吗\n1,客服,不知道\n";
    std::fs::write(dir.join("log.csv"), log).expect("log");
    std::fs::write(dir.join("team.json"), "{}").expect("config");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("log.csv"), dir.join("link.csv")).expect("symlink");
        std::fs::hard_link(dir.join("log.csv"), dir.join("hard.csv")).expect("hard link");
    }
    let mut cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (vec!["log.csv", "--out", "log.csv"], "--out", "log.csv"),
        (vec!["log.csv", "--csv", "log.csv"], "--csv", "log.csv"),
        (vec!["log.csv", "--out", "./log.csv"], "--out", "./log.csv"),
        (vec!["./sub/../log.csv", "--csv=log.csv"], "--csv", "log.csv"),
        (vec!["log.csv", "--config", "team.json", "--out", "team.json"], "--out", "team.json"),
        (vec!["log.csv", "--out", "r.html", "--csv", "./r.html"], "--csv", "./r.html"),
    ];
    #[cfg(unix)]
    cases.extend([
        (vec!["log.csv", "--out", "link.csv"], "--out", "link.csv"),
        (vec!["link.csv", "--csv", "hard.csv"], "--csv", "hard.csv"),
    ]);
    for (args, flag, file) in &cases {
        let out = kefu_in(&dir, args, None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(flag) && err.contains(&format!("“{file}”")) && err.contains("同一个文件"),
            "{args:?}: {err}"
        );
        assert_eq!(std::fs::read_to_string(dir.join("log.csv")).expect("log"), log, "{args:?} left the log alone");
        assert_eq!(std::fs::read_to_string(dir.join("team.json")).expect("config"), "{}");
        assert!(!dir.join("r.html").exists(), "{args:?} created nothing");
        assert!(out.stdout.is_empty(), "{args:?}: nothing read");
    }
    // Standard input redirected from the log is the log too (unix); from elsewhere it is fine.
    #[cfg(unix)]
    {
        let out = kefu_in(&dir, &["-", "--out", "log.csv"], Some(&dir.join("log.csv")));
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("标准输入"));
        assert_eq!(std::fs::read_to_string(dir.join("log.csv")).expect("log"), log);
    }
    let out = kefu_in(&dir, &["-", "--out", "r.html", "--csv", "sub/f.csv"], Some(&dir.join("log.csv")));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.join("r.html").exists() && dir.join("sub/f.csv").exists());
    // Writing over an earlier report is fine.
    let out = kefu_in(&dir, &["log.csv", "--out", "r.html", "--csv", "/dev/null"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_bounds_threads_with_a_message_not_an_abort() {
    let log = fixture("simple.csv");
    let log = log.to_str().expect("utf-8 path");
    for bad in ["100000", "0", "257", "-1", "abc", "18446744073709551616"] {
        let out = kefu_in(Path::new("."), &[log, "--threads", bad], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--threads {bad}: {err}");
        assert!(err.contains("--threads 应是 1 到 256 之间的整数") && err.contains(bad), "{err}");
    }
    let out = kefu_in(Path::new("."), &[log, "--threads", "256", "--json"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["totals"]["checked"], 2);
}

#[test]
fn a_line_over_4_mib_is_a_malformed_entry_and_the_rest_is_reviewed() {
    let mut log = "会话ID,角色,内容\n1,客户,在吗\n".to_owned();
    log += &format!("1,客服,{}\n", "好".repeat(2 << 20));
    log += "1,客服,不知道\n";
    let r = review(log.as_bytes(), opts("auto"), 2);
    assert_eq!(r.malformed.shown.len(), 1);
    assert_eq!(r.malformed.shown[0], kefu_coach::review::Malformed::new(3, "这一行超过 4 MiB,已跳过"));
    assert!(rules_at(&r, 4).contains(&"blunt.dont-know".to_owned()));
    // A quoted record over several lines has the same limit: 3 MiB is read whole…
    let record = |bytes: usize| format!("{}\n", "好".repeat(2000)).repeat(bytes / 6001);
    let log = format!("会话ID,角色,内容\n1,客户,\"{}\"\n1,客服,不知道\n", record(3 << 20));
    let r = review(log.as_bytes(), opts("auto"), 1);
    assert_eq!(r.malformed.count, 0, "{:?}", r.malformed.shown);
    assert_eq!(r.totals.checked, 1);
    // …more is reported at the line it starts on.
    let log = format!("会话ID,角色,内容\n1,客户,\"{}\"\n1,客服,不知道\n", record(5 << 20));
    let r = review(log.as_bytes(), opts("auto"), 1);
    assert_eq!(r.malformed.shown[0].line, 2);
    assert!(r.malformed.shown[0].reason.contains("4 MiB"), "{:?}", r.malformed.shown[0]);
}

/// A 100 MiB line under a 60 MB address-space limit: skipped, not buffered.
#[cfg(target_os = "linux")]
#[test]
fn cli_does_not_hold_an_enormous_line_in_memory() {
    use std::io::Write;
    let mut child = Command::new("sh")
        .args(["-c", "ulimit -v 60000 && exec \"$0\" review - --threads 1 --json", env!("CARGO_BIN_EXE_kefu-coach")])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn sh");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1 << 20];
        let _ = stdin.write_all("会话ID,角色,内容\n1,客户,".as_bytes());
        for _ in 0..100 {
            if stdin.write_all(&chunk).is_err() {
                return;
            }
        }
        let _ = stdin.write_all("\n1,客服,不知道\n".as_bytes());
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["malformed"]["shown"][0]["line"], 2);
    assert_eq!(report["totals"]["checked"], 1);
}

#[test]
fn extra_columns_from_an_unquoted_comma_are_read_back_into_the_text_and_reported() {
    let extra = |r: &ReviewReport, line: u64| {
        r.malformed
            .shown
            .iter()
            .any(|m| m.line == line && m.reason.contains("多 1 列") && m.reason.contains("并回内容"))
    };
    // The text last: everything after its start is the text.
    let r = review("会话ID,角色,内容\n1,客户,在吗\n1,客服,好的,不知道\n".as_bytes(), opts("auto"), 1);
    assert!(extra(&r, 3), "{:?}", r.malformed.shown);
    assert!(rules_at(&r, 3).contains(&"blunt.dont-know".to_owned()), "the rest of the message is checked");
    assert_eq!(r.worst_replies[0].text, "好的,不知道");
    assert_consistent(&r);
    // A column after the text moves back into place.
    let log = "会话ID,角色,内容,时间\n1,客户,在吗,2024-05-01 10:00:00\n1,客服,好的,不知道,2024-05-01 10:00:30\n";
    let r = review(log.as_bytes(), opts("auto"), 1);
    assert!(extra(&r, 3), "{:?}", r.malformed.shown);
    assert_eq!(r.totals.malformed, 1, "the time is read: {:?}", r.malformed.shown);
    assert_eq!(r.response_time.as_ref().map(|t| t.replies), Some(1));
    assert!(rules_at(&r, 3).contains(&"blunt.dont-know".to_owned()));
    // A file without header goes by its first row; TSV by tabs.
    let o = Options { overrides: Overrides::parse("header=no,session=1,role=2,text=3").expect("map"), ..opts("csv") };
    let r = review("9,客户,在吗\n9,客服,好的,不知道\n".as_bytes(), o, 1);
    assert!(r.malformed.shown.iter().any(|m| m.line == 2 && m.reason.contains("比第一行的 3 列多 1 列")));
    assert!(rules_at(&r, 2).contains(&"blunt.dont-know".to_owned()));
    let r = review("session\trole\ttext\n1\tagent\t好的\t不知道\n".as_bytes(), opts("auto"), 1);
    assert!(r.malformed.shown.iter().any(|m| m.line == 2 && m.reason.contains("制表符")));
    assert_eq!(r.worst_replies[0].text, "好的\t不知道");
}

#[test]
fn long_turns_are_checked_whole_and_every_cut_is_listed() {
    // `before` characters, then “不知道”.
    let long = |before: usize| {
        let text: String = "您好，这边为您查询一下订单的物流信息。".chars().cycle().take(before).collect();
        text + "不知道"
    };
    let customer = "请问".repeat(300);
    let log =
        format!("会话ID,角色,内容\n1,客户,{customer}\n1,客服,{}\n2,客户,在吗\n2,客服,{}\n", long(2_504), long(11_997));
    let r = review(log.as_bytes(), opts("auto"), 2);
    // “不知道” at character 2,504 is found.
    assert!(rules_at(&r, 3).contains(&"blunt.dont-know".to_owned()), "{:?}", r.worst_replies);
    // The 12,000-character turn is checked up to 10,000 and listed; so is the 600-character
    // customer message, used as context up to 400.
    let shortened: Vec<(u64, &str)> = r.shortened.shown.iter().map(|m| (m.line, m.reason.as_str())).collect();
    assert_eq!(r.totals.shortened, 2);
    assert_eq!(shortened[0], (2, "客户消息有 600 字,超过 400 字:作为上下文只用了前 400 字"), "{shortened:?}");
    assert_eq!(shortened[1], (5, "客服回复有 12000 字,超过 10000 字:只检查了前 10000 字"), "{shortened:?}");
    assert_eq!(r.totals.malformed, 0);
    assert_consistent(&r);
    let page = html::render(&r, "long.csv");
    assert!(page.contains("<section id=\"shortened\"") && page.contains("只检查了前 10000 字"));
    assert!(json(&r)["shortened"]["shown"][1]["line"] == 5);

    let dir = scratch("long");
    std::fs::write(dir.join("long.csv"), &log).expect("log");
    let out = kefu_in(&dir, &["long.csv"], None);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 条消息过长"), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The review's situations: counts and the share handled well, the customers who ask about
/// a situation again in one session, and proposals that load as a team phrasebook and pack.
#[test]
fn situations_asked_again_and_proposals() {
    let log = "会话ID,角色,内容\n\
               1,客户,请问什么时候发货?\n\
               1,客服,您好,您的订单预计明天下午发出,发货后物流单号会同步到订单页面,您可以随时查看。\n\
               1,客服,还有别的需要帮忙的吗?\n\
               1,客户,那到底什么时候发货\n\
               1,客服,不知道\n\
               2,客户,可以开发票吗\n\
               2,客服,可以的,麻烦您提供发票抬头和税号,开好后今天18点前发到您的邮箱。\n\
               2,客户,你们态度太差了,我要投诉\n\
               2,客服,不知道\n\
               2,客户,你们态度太差了,我要投诉\n\
               2,客服,不知道\n";
    let r = review(log.as_bytes(), opts("auto"), 1);
    let ship = r.situations.iter().find(|s| s.id == "ship_time").expect("ship_time counted");
    // Three agent turns answered a ship_time run: two well, one (不知道) not.
    assert_eq!((ship.replies, ship.handled_well, ship.asked_again, ship.sessions_asked_again), (3, 2, 1, 1));
    assert_eq!(r.asked_again_total, 1);
    assert_eq!(r.asked_again[0].situation, "ship_time");
    assert_eq!(r.asked_again[0].line, 6);
    assert!(r.situations.iter().any(|s| s.id == "invoice" && s.replies == 1 && s.asked_again == 0));

    // A case in steps is no asking again: the invoice's 抬头, then its 税号, each answered.
    let steps = "会话ID,角色,内容\n\
                 1,客户,我要开发票\n\
                 1,客服,好的,麻烦您提供发票抬头和税号。\n\
                 1,客户,发票抬头是杭州某某科技有限公司\n\
                 1,客服,收到,请再提供一下税号。\n\
                 1,客户,发票税号 91330100MA2XXXXX\n\
                 1,客服,好的,今天18点前把发票发到您的邮箱。\n\
                 1,客户,发票怎么还没收到?\n\
                 1,客服,非常抱歉,我马上帮您查一下,5分钟内回复您。\n";
    let stepped = review(steps.as_bytes(), opts("auto"), 1);
    let invoice = stepped.situations.iter().find(|s| s.id == "invoice").expect("invoice counted");
    // Four runs about the invoice; only the last one (怎么还没收到?) asks again.
    assert_eq!((invoice.replies, invoice.asked_again), (4, 1), "{:?}", stepped.situations);
    assert_eq!(stepped.asked_again_total, 1);
    assert_eq!(stepped.asked_again[0].line, 9);

    // Proposals load as they are.
    let book = kefu_coach::phrasebook::Phrasebook::compile(&r.proposals.phrasebook).expect("a valid phrasebook");
    assert!(book.entries.iter().any(|e| e.situation.id() == "ship_time" && e.text.contains("明天下午")), "{book:?}");
    assert!(book.entries.iter().all(|e| !e.text.contains("不知道")));
    let packs = vec![r.proposals.pack.clone()];
    let coach = kefu_coach::Coach::new(kefu_coach::Config { packs, ..kefu_coach::Config::default() })
        .expect("the proposed pack loads");
    let rules = r.proposals.pack["rules"].as_array().expect("rules");
    assert!(!rules.is_empty());
    let report = coach.check(&kefu_coach::Request::draft("不知道"));
    assert!(report.findings.iter().any(|f| f.rule.ends_with(".review-1")), "{report:?}");
    let coach = kefu_coach::Coach::new(kefu_coach::Config {
        phrasebook: Some(r.proposals.phrasebook.clone()),
        ..kefu_coach::Config::default()
    })
    .expect("the proposed phrasebook loads as the team's");
    let report = coach.check(&kefu_coach::Request { customer: "几天能发货".into(), ..Default::default() });
    assert_eq!(report.templates[0].id, "ship-time-review-1");

    let page = html::render(&r, "log.csv");
    assert!(page.contains("<section id=\"situations\"") && page.contains("download=\"phrasebook.json\""));
}

/// A turn's `previous_reply` is the agent's message before the customer's run: an apology made
/// there turns the missing apology after a second complaint into a hint.
#[test]
fn an_apology_in_the_message_before_counts() {
    let severity_at = |log: &str, line: u64| {
        let r = review(log.as_bytes(), opts("auto"), 1);
        r.worst_replies
            .iter()
            .find(|w| w.line == line)
            .and_then(|w| w.findings.iter().find(|f| f.rule == "apology.missing-apology"))
            .map(|f| serde_json::to_value(f.severity).expect("severity"))
    };
    let log = |first: &str| {
        format!(
            "会话ID,角色,内容\n1,客户,都催了三次了还不发货,你们到底怎么回事\n1,客服,{first}\n\
             1,客户,还要等多久啊,太慢了,你们怎么回事\n1,客服,我再帮您催一下仓库\n"
        )
    };
    assert_eq!(severity_at(&log("仓库今天在加急处理"), 5), Some("warning".into()));
    assert_eq!(severity_at(&log("非常抱歉让您久等了,仓库今天在加急处理"), 5), Some("hint".into()));
}
