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
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
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

#[test]
fn unknown_commands_and_flags_fail_with_usage() {
    let out = bin().arg("chekc").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("用法"));
    let out = bin().args(["check", "好", "--platfrom", "jd"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--platfrom"));
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
