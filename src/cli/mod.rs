//! Subcommands: `check`, `rules`, `review`, `completions`, `help`. The grammar is in
//! `args.rs` (clap derive), flag errors in zh-CN in `errors.rs`.

mod args;
mod check;
mod errors;
mod paths;
mod render;
mod review;
mod rules;

use std::ffi::OsString;
use std::io::{self, Write};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::FromArgMatches;

use args::{Cli, Command, Shell};

/// Exit code of every failure: a usage error, an unreadable input, an invalid config...
pub const EXIT_ERROR: i32 = 2;

/// Write `text` to standard output. A reader that went away (`kefu-coach rules | head`) ends
/// the program quietly with 0, as it would end any Unix filter; `println!` panicked there.
pub fn out(text: impl std::fmt::Display) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = write!(stdout, "{text}").and_then(|()| stdout.flush()) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("kefu-coach: 无法写入标准输出:{e}");
        std::process::exit(EXIT_ERROR);
    }
}

/// A failed write: done if the reader went away (`| head`), else an error to report.
fn reader_gone(e: io::Error) -> Result<(), String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(format!("输出失败: {e}"))
    }
}

/// Run the CLI on `args` (the program name first); returns the exit code.
pub fn run(args: Vec<OsString>) -> i32 {
    let mut cmd = args::command();
    let mut parsed = cmd.try_get_matches_from_mut(&args).and_then(|m| Cli::from_arg_matches(&m));
    // `check`'s draft may start with a dash (`-_-`), as before clap; `--jsno` is still a
    // misspelt flag, and after `--` anything is the draft.
    if let Err(e) = &parsed {
        let single_dash =
            |v: &ContextValue| matches!(v, ContextValue::String(a) if a.starts_with('-') && !a.starts_with("--"));
        if e.kind() == ErrorKind::UnknownArgument
            && e.get(ContextKind::InvalidArg).is_some_and(single_dash)
            && subcommand_named(&cmd, &args).as_deref() == Some("check")
        {
            parsed = args::lenient(args::command()).try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m));
        }
    }
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            out(e.render());
            return 0;
        }
        Err(e) => {
            let sub = subcommand_named(&cmd, &args);
            // The message quotes the arguments: control characters shown escaped.
            eprint!("kefu-coach: {}", render::printable(&errors::zh(&e, sub.as_deref()), true));
            return EXIT_ERROR;
        }
    };
    let result = match cli.command {
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Rules(a)) => rules::run(a),
        Some(Command::Review(a)) => review::run(a),
        Some(Command::Completions(a)) => completions(&mut cmd, a.shell),
        Some(Command::Help(a)) => help(&mut cmd, a.command.as_deref()),
        None => help(&mut cmd, None),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            // Errors quote the user's files (a pack's fields, a log's header): never raw
            // control characters on the terminal.
            eprintln!("kefu-coach: {}", render::printable(&e, true));
            EXIT_ERROR
        }
    }
}

/// The subcommand the arguments name (the first one that is not a flag), if it exists.
fn subcommand_named(cmd: &clap::Command, args: &[OsString]) -> Option<String> {
    let first = args.iter().skip(1).filter_map(|a| a.to_str()).find(|a| !a.starts_with('-'))?;
    cmd.find_subcommand(first).map(|c| c.get_name().to_owned())
}

/// `kefu-coach help [COMMAND]`, and `kefu-coach` alone.
fn help(cmd: &mut clap::Command, name: Option<&str>) -> Result<(), String> {
    let text = match name {
        None => cmd.render_help(),
        Some(name) => match cmd.find_subcommand_mut(name) {
            Some(sub) => sub.render_help(),
            None => return Err(format!("未知命令 “{name}”;全部命令见 kefu-coach --help")),
        },
    };
    write!(io::stdout().lock(), "{text}").or_else(reader_gone)
}

/// `kefu-coach completions bash|zsh|fish`: the script on standard output.
fn completions(cmd: &mut clap::Command, shell: Shell) -> Result<(), String> {
    use clap_complete::{generate, shells};
    let mut script = Vec::new();
    let name = "kefu-coach";
    match shell {
        Shell::Bash => generate(shells::Bash, cmd, name, &mut script),
        Shell::Zsh => generate(shells::Zsh, cmd, name, &mut script),
        Shell::Fish => generate(shells::Fish, cmd, name, &mut script),
    }
    io::stdout().lock().write_all(&script).or_else(reader_gone)
}

/// Largest `--config` file read: a pack of 500 rules is well under 1 MiB; `/dev/zero` or a
/// log passed by mistake is refused instead of filling memory.
pub const MAX_CONFIG: u64 = 4 << 20;

/// The team configuration in `--config FILE`, or the defaults.
pub fn config_from(path: Option<&str>) -> Result<kefu_coach::Config, String> {
    use std::io::Read;
    let Some(path) = path else { return Ok(kefu_coach::Config::default()) };
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
pub fn coach_from(path: Option<&str>) -> Result<kefu_coach::Coach, String> {
    kefu_coach::Coach::new(config_from(path)?).map_err(|e| e.to_string())
}
