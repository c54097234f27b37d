//! The command line as a user and `score.py` see it (`shared/spec/CONTRACTS.md`).

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kefu-coach"))
}

fn run_jsonl(input: &str, args: &[&str]) -> (Vec<Value>, String, i32) {
    let mut child = bin()
        .arg("check")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kefu-coach");
    // A run refused before it reads (a bad --config) may close stdin first: not the test's failure.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(input.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    let out = child.wait_with_output().expect("wait");
    let lines = String::from_utf8(out.stdout)
        .expect("utf-8 stdout")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect();
    (lines, String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1))
}

#[test]
fn one_result_per_line_in_order_and_malformed_lines_do_not_stop_the_run() {
    let input = concat!(
        r#"{"id": 1, "draft": "不知道。", "customer": "这款能用多久"}"#,
        "\n",
        "not json\n",
        "\n",
        r#"{"id": "b", "draft": "亲,您好!很高兴为您服务。", "first_reply": true, "extra": [1, 2]}"#,
        "\n",
        r#"{"id": 3, "draft": 5}"#,
        "\n",
        r#"{"id": 4}"#,
        "\n",
        r#"{"id": 5, "draft": "好", "platform": "amazon"}"#,
        "\n",
        r#"[1, 2]"#,
        "\n",
    );
    let (out, _, code) = run_jsonl(input, &[]);
    assert_eq!(code, 0);
    assert_eq!(out.len(), 7, "{out:?}");
    assert_eq!(out[0]["id"], 1);
    assert_eq!(out[0]["findings"][0]["rule"], "blunt.dont-know");
    assert!(out[0]["score"].as_u64().unwrap() < 100);
    assert!(out[0]["scores"]["control"].is_u64());
    assert_eq!(out[1]["id"], Value::Null);
    assert_eq!(out[1]["line"], 2);
    assert!(out[1]["error"].as_str().unwrap().contains("JSON"));
    assert_eq!(out[2]["id"], "b");
    assert!(out[2]["findings"].is_array());
    assert_eq!((out[3]["line"].as_u64(), out[3]["id"].is_null()), (Some(5), true));
    assert_eq!(out[4]["id"], 4, "missing fields are defaulted");
    assert_eq!(out[4]["score"], 100);
    assert!(out[5]["error"].as_str().unwrap().contains("amazon"), "{}", out[5]);
    assert_eq!(out[6]["line"], 8);
}

#[test]
fn finding_objects_follow_the_contract() {
    let (out, _, _) = run_jsonl(r#"{"id": 1, "draft": "🙂不知道"}"#, &[]);
    let f = &out[0]["findings"][0];
    let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
    for k in ["rule", "category", "severity", "start", "end", "message", "suggestions"] {
        assert!(keys.contains(&k), "finding lacks {k}: {f}");
    }
    assert_eq!((f["start"].as_u64(), f["end"].as_u64()), (Some(2), Some(5)), "UTF-16 offsets");
}

#[test]
fn lone_surrogate_escapes_are_read_as_replacement_characters() {
    let (out, _, _) = run_jsonl("{\"id\": 1, \"draft\": \"\\ud800\u{4e0d}\u{77e5}\u{9053}\"}\n", &[]);
    let f = &out[0]["findings"][0];
    assert_eq!((f["start"].as_u64(), f["end"].as_u64()), (Some(1), Some(4)), "{}", out[0]);
}

#[test]
fn config_file_disables_rules() {
    let dir = std::env::temp_dir().join(format!("kefu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("team.json");
    std::fs::write(&cfg, r#"{"disabled_rules": ["blunt.dont-know"]}"#).unwrap();
    let (out, _, _) = run_jsonl(r#"{"id": 1, "draft": "不知道"}"#, &["--config", cfg.to_str().unwrap()]);
    assert!(out[0]["findings"].as_array().unwrap().iter().all(|f| f["rule"] != "blunt.dont-know"));
    std::fs::write(&cfg, r#"{"disabled_rules": ["blunt.no-such-rule"]}"#).unwrap();
    let (_, err, code) = run_jsonl("", &["--config", cfg.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("blunt.no-such-rule"), "{err}");
}

#[test]
fn human_output_marks_the_span_and_shows_the_suggestion() {
    let out = bin().args(["check", "这个我也不知道。", "--customer", "能用多久", "--no-color"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("这个我也不知道。"), "{text}");
    // 这个 = 4 columns before the span; 我也不知道 = 10 columns of markers.
    assert!(text.contains(&format!("│ {}{}\n", " ".repeat(4), "^".repeat(10))), "{text}");
    assert!(text.contains("建议: 我这边马上帮您核实一下"), "{text}");
    assert!(text.contains("得分"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when asked not to");
}

#[test]
fn rules_lists_every_rule_as_json() {
    let out = bin().args(["rules", "--json"]).output().unwrap();
    let rules: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rules.iter().any(|r| r["id"] == "blunt.dont-know"));
    for r in &rules {
        for k in ["id", "category", "severity", "title", "doc"] {
            assert!(r[k].is_string(), "{k} in {r}");
        }
    }
}

/// `kefu-coach ARGS`: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).stdin(Stdio::null()).output().expect("run kefu-coach");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

#[test]
fn unknown_commands_and_flags_fail_with_a_suggestion_and_the_usage() {
    let (code, out, err) = run(&["chekc"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("kefu-coach: 未知命令 “chekc”,是不是要用 check?\n"), "{err}");
    assert!(err.contains("用法: kefu-coach <命令>") && err.contains("kefu-coach --help"), "{err}");
    let (code, _, err) = run(&["check", "好", "--platfrom", "jd"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("kefu-coach: 未知选项 --platfrom,是不是要用 --platform?\n"), "{err}");
    assert!(err.contains("用法: kefu-coach check") && err.contains("kefu-coach check --help"), "{err}");
    let (code, _, err) = run(&["review", "log.csv", "--thread", "2"]);
    assert_eq!(code, 2);
    assert!(err.contains("未知选项 --thread,是不是要用 --threads?"), "{err}");
    // No English from clap.
    for args in [&["chekc"][..], &["check", "--platfrom"], &["review"], &["check", "a", "b"], &["check", "--customer"]]
    {
        let (_, _, err) = run(args);
        for english in ["error:", "Usage", "tip:", "For more information"] {
            assert!(!err.contains(english), "{args:?}: {err}");
        }
    }
}

#[test]
fn missing_extra_and_valueless_arguments_say_what_to_do() {
    let (code, _, err) = run(&["review"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("kefu-coach: 缺少参数 <日志>\n") && err.contains("用法: kefu-coach review <日志>"),
        "{err}"
    );
    let (code, _, err) = run(&["check", "不知道", "亲"]);
    assert_eq!(code, 2);
    assert!(err.contains("多余的参数 “亲”") && err.contains("引号"), "{err}");
    let (code, _, err) = run(&["check", "好", "--customer"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("kefu-coach: --customer 需要一个值\n"), "{err}");
    let (code, _, err) = run(&["completions", "powershell"]);
    assert_eq!(code, 2);
    assert!(err.contains("“powershell” 无效,可选 bash、zsh、fish"), "{err}");
    let (code, _, err) = run(&["check", "--\u{1b}[2J", "好"]);
    assert_eq!(code, 2);
    assert!(err.contains(r"未知选项 --\x1b[2J") && !err.contains('\u{1b}'), "{err:?}");
    let (code, _, err) = run(&["help", "chekc"]);
    assert_eq!(code, 2);
    assert!(err.contains("未知命令 “chekc”"), "{err}");
}

#[test]
fn flags_keep_their_hand_parsed_behaviour() {
    // A draft may start with a dash; a repeated flag takes its last value; `--flag=value`.
    let (code, out, _) = run(&["check", "-不知道", "--json"]);
    assert_eq!(code, 0);
    let report: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["findings"][0]["rule"], "blunt.dont-know");
    assert_eq!(report["findings"][0]["start"], 1);
    let (code, out, _) = run(&["check", "好的😊😊", "--platform", "jd", "--platform=DOUYIN", "--json", "--json"]);
    assert_eq!(code, 0);
    let douyin: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(douyin["findings"], serde_json::json!([]), "two emoji are fine on douyin: the last --platform counts");
    let (_, out, _) = run(&["check", "好的😊😊", "--platform", "douyin", "--platform", "jd", "--json"]);
    let jd: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(jd["findings"][0]["rule"], "punctuation.emoji-overuse");
    // A misspelt flag is not taken for the draft; after `--` anything is.
    let (code, _, err) = run(&["check", "--jsno", "好"]);
    assert_eq!(code, 2);
    assert!(err.contains("未知选项 --jsno,是不是要用 --json?"), "{err}");
    let (code, out, _) = run(&["check", "--json", "--", "--不知道"]);
    assert_eq!(code, 0);
    assert!(out.contains("blunt.dont-know"), "{out}");
    // The core still says what is wrong with a platform or preset.
    let (code, _, err) = run(&["check", "好", "--platform", "amazon"]);
    assert_eq!(code, 2);
    assert!(err.contains("未知平台 “amazon”,可选 taobao、jd、pdd、douyin、generic"), "{err}");
    let (code, _, err) = run(&["review", "-", "--preset", "xls"]);
    assert_eq!(code, 2);
    assert!(err.contains("未知预设 “xls”"), "{err}");
}

#[test]
fn every_subcommand_has_help_with_examples() {
    let (code, top, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for sub in ["check", "rules", "review", "completions", "help"] {
        assert!(top.contains(&format!("\n  {sub} ")), "{sub} listed: {top}");
    }
    assert!(top.contains("退出码:") && top.contains("示例:"), "{top}");
    assert_eq!(run(&[]), (0, top.clone(), String::new()), "no arguments: the help");
    assert_eq!(run(&["help"]).1, top);
    assert_eq!(run(&["-h"]).1, top);
    for sub in ["check", "rules", "review", "completions"] {
        let (code, help, err) = run(&[sub, "--help"]);
        assert_eq!((code, err.as_str()), (0, ""), "{sub}");
        assert!(help.contains(&format!("用法: kefu-coach {sub}")), "{help}");
        assert!(help.contains("示例:\n") && help.contains("-h, --help"), "{help}");
        assert_eq!(run(&["help", sub]).1, help, "help {sub}");
        assert_eq!(run(&[sub, "-h"]).1, help, "{sub} -h");
    }
    let (_, help, _) = run(&["review", "--help"]);
    for flag in
        ["--preset", "--map", "--encoding", "--out", "--json", "--csv", "--threads", "--config", "--no-progress"]
    {
        assert!(help.contains(flag), "{flag}: {help}");
    }
    let (_, help, _) = run(&["check", "--help"]);
    for flag in ["--customer", "--first-reply", "--platform", "--config", "--json", "--color", "--no-color"] {
        assert!(help.contains(flag), "{flag}: {help}");
    }
    assert_eq!(run(&["--version"]), (0, format!("kefu-coach {}\n", env!("CARGO_PKG_VERSION")), String::new()));
    assert_eq!(run(&["-V"]).1, run(&["--version"]).1);
}

#[test]
fn completions_are_written_for_bash_zsh_and_fish() {
    for (shell, marker) in
        [("bash", "complete -F _kefu-coach"), ("zsh", "#compdef kefu-coach"), ("fish", "complete -c kefu-coach")]
    {
        let (code, script, err) = run(&["completions", shell]);
        assert_eq!((code, err.as_str()), (0, ""), "{shell}");
        assert!(script.contains(marker), "{shell}: {script}");
        for word in ["check", "rules", "review", "completions", "threads", "platform", "jddc", "douyin", "gb18030"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
}

/// The exit codes `--help` and the README document: 0 done (findings or not), 2 anything
/// that could not be done.
#[test]
fn exit_codes_are_the_documented_ones() {
    let (_, help, _) = run(&["--help"]);
    assert!(help.contains("  0  完成") && help.contains("  2  无法完成"), "{help}");
    // 0: findings are output, not failure.
    let (code, out, _) = run(&["check", "不知道", "--json"]);
    assert_eq!(code, 0);
    assert!(out.contains("blunt.dont-know"));
    assert_eq!(run(&["check", "您好,请问有什么可以帮您?"]).0, 0);
    assert_eq!(run(&["rules"]).0, 0);
    // 2: usage errors…
    assert_eq!(run(&["chekc"]).0, 2);
    assert_eq!(run(&["check", "--jsno"]).0, 2);
    assert_eq!(run(&["review"]).0, 2);
    // …and what can't be read, an invalid config, an output over an input.
    assert_eq!(run(&["check", "好", "--config", "/nonexistent/team.json"]).0, 2);
    assert_eq!(run(&["review", "/nonexistent/log.csv", "--no-progress"]).0, 2);
    assert_eq!(run(&["review", "Cargo.toml", "--out", "Cargo.toml"]).0, 2);
}

/// The review's progress bar: never on a pipe (what tests and scripts read), drawn with the
/// rate and the time left on a terminal.
#[test]
fn the_progress_bar_is_drawn_only_on_a_terminal() {
    let dir = std::env::temp_dir().join(format!("kefu-cli-bar-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("log.csv");
    let mut text = "会话ID,角色,内容\n".to_owned();
    for i in 0..3000 {
        text += &format!("{i},客户,这款能用多久\n{i},客服,不知道\n");
    }
    std::fs::write(&log, text).unwrap();
    let log = log.to_str().unwrap();
    let (code, out, err) = run(&["review", log, "--threads", "1"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("复盘完成"), "{out}");
    assert_eq!(err, "", "nothing of the bar on a pipe");
    #[cfg(target_os = "linux")]
    {
        // `script` (util-linux) runs it on a pseudo-terminal and keeps what was drawn.
        let typescript = dir.join("typescript");
        let cmd = format!("'{}' review '{log}' --threads 1 > /dev/null", env!("CARGO_BIN_EXE_kefu-coach"));
        let status = Command::new("script")
            .args(["-qec", &cmd])
            .arg(&typescript)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .expect("script (util-linux) runs");
        assert!(status.success());
        let drawn = std::fs::read_to_string(&typescript).unwrap();
        assert!(drawn.contains("条/秒") && drawn.contains("剩余") && drawn.contains("3000 条回复"), "{drawn:?}");
        assert!(drawn.contains('█') && drawn.contains("100%"), "{drawn:?}");
        let _ = std::fs::remove_file(&typescript);
        Command::new("script")
            .args(["-qec", &format!("{cmd} --no-progress")])
            .arg(&typescript)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .expect("script (util-linux) runs");
        let drawn = std::fs::read_to_string(&typescript).unwrap();
        assert!(!drawn.contains("条/秒"), "--no-progress: {drawn:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_line_over_4_mib_is_an_error_line_and_a_1_mb_draft_is_checked() {
    let big = "您好".repeat(1 << 18) + "不知道"; // 1.5 MB of UTF-8
    let mut input = serde_json::to_string(&serde_json::json!({"id": 1, "draft": big})).unwrap();
    input.push('\n');
    input.push_str(&format!("{{\"id\": 2, \"draft\": \"{}\"}}\n", "x".repeat(5 << 20)));
    input.push_str("{\"id\": 3, \"draft\": \"不知道\"}");
    let (out, _, code) = run_jsonl(&input, &[]);
    assert_eq!(code, 0);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], 1);
    assert!(out[0]["findings"].as_array().unwrap().iter().any(|f| f["rule"] == "blunt.dont-know"), "the end is read");
    assert_eq!(out[1], serde_json::json!({"id": null, "line": 2, "error": "这一行超过 4 MiB,已跳过"}));
    assert_eq!(out[2]["id"], 3);
}

/// A 100 MiB line under a 60 MB address-space limit: it is skipped, not buffered.
#[cfg(target_os = "linux")]
#[test]
fn an_enormous_line_is_not_held_in_memory() {
    let mut child = Command::new("sh")
        .args(["-c", "ulimit -v 60000 && exec \"$0\" check", env!("CARGO_BIN_EXE_kefu-coach")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sh");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1 << 20];
        let _ = stdin.write_all(b"{\"id\": 1, \"draft\": \"");
        for _ in 0..100 {
            if stdin.write_all(&chunk).is_err() {
                return;
            }
        }
        let _ = stdin.write_all("\"}\n{\"id\": 2, \"draft\": \"不知道\"}\n".as_bytes());
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[1]["id"], 2);
}

#[test]
fn control_characters_from_a_pack_or_a_draft_never_reach_the_terminal_raw() {
    let dir = std::env::temp_dir().join(format!("kefu-cli-ansi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("pack.json");
    let pack = serde_json::json!({"packs": [{"name": "售后组", "rules": [{"id": "no-hehe", "pattern": "呵呵",
        "category": "impatience", "severity": "warning", "message": "\u{1b}[2J\u{1b}[31m呵呵\u{7}\u{202e}",
        "suggestions": ["好的\u{1b}]0;title\u{7}\r"]}]}]});
    std::fs::write(&cfg, pack.to_string()).unwrap();
    let cfg = cfg.to_str().unwrap();
    let out = bin().args(["check", "呵呵\u{1b}[1m", "--config", cfg, "--no-color"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(!text.chars().any(|c| c.is_control() && c != '\n' || c == '\u{202e}'), "{text:?}");
    assert!(text.contains(r"\x1b[2J\x1b[31m呵呵\x07\u{202e}"), "{text}");
    assert!(text.contains(r"好的\x1b]0;title\x07\r"), "{text}");
    assert!(text.contains(r"│ 呵呵\x1b[1m"), "{text}");
    // JSON keeps the exact strings.
    let out = bin().args(["check", "呵呵", "--config", cfg, "--json"]).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["findings"][0]["message"], "\u{1b}[2J\u{1b}[31m呵呵\u{7}\u{202e}");
    let (lines, _, _) = run_jsonl(r#"{"id": 1, "draft": "呵呵"}"#, &["--config", cfg]);
    assert_eq!(lines[0]["findings"][0]["suggestions"][0], "好的\u{1b}]0;title\u{7}\r");
    // Errors quoting a file's text too.
    std::fs::write(dir.join("bad.json"), r#"{"packs": [{"name": "\u001b[2Jx", "rules": [{"id": "A\u001b"}]}]}"#)
        .unwrap();
    let out = bin().args(["check", "好", "--config", dir.join("bad.json").to_str().unwrap()]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!err.contains('\u{1b}') && err.contains(r"\x1b[2Jx"), "{err:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_config_over_4_mib_is_refused_not_read_into_memory() {
    for args in [&["check", "好", "--config", "/dev/zero"][..], &["review", "-", "--config", "/dev/zero"]] {
        let out = bin().args(args).stdin(Stdio::null()).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("配置文件 /dev/zero 超过 4 MiB"), "{err}");
    }
}

/// `kefu-coach check < log | head -1`: the reader going away ends the run quietly with 0 (it
/// panicked, or said “输出失败: Broken pipe” and exited 2).
#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    use std::io::BufRead;
    let mut child =
        bin().arg("check").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        for i in 0..50_000 {
            if writeln!(stdin, r#"{{"id": {i}, "draft": "这个我不知道,你自己看说明"}}"#).is_err() {
                break; // the child has gone: fine
            }
        }
    });
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("a line");
    assert!(first.contains("\"id\":0"), "{first}");
    // The reader (stdout) is dropped here, with ~50,000 results still to write.
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
}

/// docs/contracts.md: every result line carries `situation` (string or null) and `templates`
/// ([{id, situation, text}], best first, at most 3, empty when none); a team phrasebook in the
/// config takes precedence, a bad one stops the run naming the entry.
#[test]
fn results_carry_the_situation_and_its_templates() {
    let input = concat!(
        r#"{"id": 1, "draft": "好的", "customer": "等了一个星期了还没到"}"#,
        "\n",
        r#"{"id": 2, "draft": "您好"}"#,
        "\n",
        r#"{"id": 3, "draft": "", "customer": "可以开发票吗"}"#,
        "\n",
    );
    let (out, _, code) = run_jsonl(input, &[]);
    assert_eq!(code, 0);
    assert_eq!(out[0]["situation"], "late");
    let t = out[0]["templates"].as_array().unwrap();
    assert!(!t.is_empty() && t.len() <= 3, "{t:?}");
    for x in t {
        let keys: Vec<&str> = x.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 3, "{x}");
        assert_eq!(x["situation"], "late");
        assert!(x["id"].is_string() && x["text"].is_string(), "{x}");
    }
    assert!(out[0]["findings"].is_array() && out[0]["score"].is_u64(), "existing fields kept");
    assert_eq!(out[1]["situation"], Value::Null);
    assert_eq!(out[1]["templates"], serde_json::json!([]));
    assert_eq!(out[2]["situation"], "invoice");

    let dir = std::env::temp_dir().join(format!("kefu-cli-pb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("team.json");
    std::fs::write(
        &cfg,
        r#"{"phrasebook": {"name": "售后组", "entries": [{"id": "our-late", "situation": "late", "text": "非常抱歉,单号【单号】预计【预计时间】送达。"}]}}"#,
    )
    .unwrap();
    let (out, _, _) = run_jsonl(input, &["--config", cfg.to_str().unwrap()]);
    assert_eq!(out[0]["templates"][0]["id"], "our-late");
    assert_eq!(out[0]["templates"].as_array().map(Vec::len), Some(1));
    assert_eq!(out[2]["templates"][0]["id"], "invoice", "the default book fills in");
    std::fs::write(
        &cfg,
        r#"{"phrasebook": {"name": "售后组", "entries": [{"id": "x", "situation": "lost", "text": "t"}]}}"#,
    )
    .unwrap();
    let (_, err, code) = run_jsonl(input, &["--config", cfg.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("话术库") && err.contains("第 1 条") && err.contains("lost"), "{err}");
}
