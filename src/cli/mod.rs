//! Subcommands: `check`, `rules`. Arguments are parsed by hand: there are few of them.

mod check;
mod paths;
mod render;
mod review;
mod rules;

pub const USAGE: &str = "\
kefu-coach — 客服话术教练

用法:
  kefu-coach check                       从标准输入读 JSON Lines, 每行输出一条 JSON 结果
  kefu-coach check \"草稿\" [选项]         检查一条草稿并在终端显示
      --customer \"客户消息\"   --first-reply   --platform taobao|jd|pdd|douyin|generic
      --config FILE (团队配置/规则包, JSON)   --json (输出 JSON)
  kefu-coach rules [--json|--markdown]   列出全部规则
  kefu-coach review LOG [选项]           复盘导出的聊天记录(CSV/TSV/JSONL),详见 review --help
  kefu-coach help                        显示本帮助
";

/// Run the CLI; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("help", &[][..]),
    };
    let result = match cmd {
        "check" => check::run(rest),
        "rules" => rules::run(rest),
        "review" => review::run(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        "--version" | "-V" => {
            println!("kefu-coach {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        other => Err(format!("未知命令 “{other}”\n\n{USAGE}")),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            // Errors quote the user's files (a pack's fields, a log's header): never raw
            // control characters on the terminal.
            eprintln!("kefu-coach: {}", render::printable(&e, true));
            2
        }
    }
}

/// Flags of one subcommand: `--name value` pairs, `--switch`es and positional arguments.
pub struct Args {
    positional: Vec<String>,
    named: Vec<(String, Option<String>)>,
}

impl Args {
    /// `takes_value` lists the flags followed by a value.
    pub fn parse(args: &[String], takes_value: &[&str], switches: &[&str]) -> Result<Args, String> {
        let mut positional = Vec::new();
        let mut named = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_owned())),
                    None => (name, None),
                };
                if takes_value.contains(&name) {
                    let v = match inline {
                        Some(v) => v,
                        None => it.next().cloned().ok_or_else(|| format!("--{name} 需要一个值"))?,
                    };
                    named.push((name.to_owned(), Some(v)));
                } else if switches.contains(&name) {
                    named.push((name.to_owned(), None));
                } else {
                    return Err(format!("未知选项 --{name}"));
                }
            } else {
                positional.push(a.clone());
            }
        }
        Ok(Args { positional, named })
    }

    pub fn positional(&self) -> &[String] {
        &self.positional
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.named.iter().rev().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }

    pub fn flag(&self, name: &str) -> bool {
        self.named.iter().any(|(n, _)| n == name)
    }
}

/// Largest `--config` file read: a pack of 500 rules is well under 1 MiB; `/dev/zero` or a
/// log passed by mistake is refused instead of filling memory.
pub const MAX_CONFIG: u64 = 4 << 20;

/// The team configuration in `--config FILE`, or the defaults.
pub fn config_from(args: &Args) -> Result<kefu_coach::Config, String> {
    use std::io::Read;
    let Some(path) = args.value("config") else { return Ok(kefu_coach::Config::default()) };
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_CONFIG + 1).read_to_string(&mut text))
        .map_err(|e| format!("读取 {path} 失败: {e}"))?;
    if text.len() as u64 > MAX_CONFIG {
        return Err(format!("配置文件 {path} 超过 {} MiB,不像团队配置", MAX_CONFIG >> 20));
    }
    kefu_coach::Config::from_json(&text).map_err(|e| format!("{path}: {e}"))
}

/// Build a coach from `--config FILE`, or the defaults.
pub fn coach_from(args: &Args) -> Result<kefu_coach::Coach, String> {
    kefu_coach::Coach::new(config_from(args)?).map_err(|e| e.to_string())
}
