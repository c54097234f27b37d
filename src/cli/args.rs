//! The command line's grammar (clap derive): subcommands, flags, help texts in zh-CN.
//!
//! clap writes its own headings and the help/version flags in English; [`command`] replaces
//! them, so `--help` reads the same in every subcommand. Flag errors are written by
//! `errors.rs`.

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Arg, ArgAction, Args, CommandFactory, Parser, Subcommand, ValueEnum};

use kefu_coach::review::mapping;
use kefu_coach::Platform;

/// What every exit code means (top-level `--help` and README).
pub const EXIT_CODES: &str = "\
退出码:
  0  完成(发现话术问题也是 0;问题在输出里)
  2  无法完成: 用法错误(未知命令或选项、缺少或多余的参数、选项的值无效),
     或文件读不了/写不了、团队配置无效、输出会覆盖输入
  其他  程序内部错误(崩溃),请报告";

const TOP_EXAMPLES: &str = "\
示例:
  kefu-coach check \"这个我也不知道\" --customer \"能用多久\"
  echo '{\"id\": 1, \"draft\": \"不知道。\"}' | kefu-coach check
  kefu-coach review chat.csv --out report.html
  kefu-coach help review
  kefu-coach completions bash > ~/.local/share/bash-completion/completions/kefu-coach";

/// `{after-help}` of the top level: examples, then the exit codes.
fn top_after_help() -> String {
    format!("{TOP_EXAMPLES}\n\n{EXIT_CODES}")
}

#[derive(Parser, Debug)]
#[command(
    name = "kefu-coach",
    version,
    about = "kefu-coach — 客服话术教练: 在回复发出前检查电商客服话术",
    override_usage = "kefu-coach <命令> [选项]",
    subcommand_help_heading = "命令",
    subcommand_value_name = "命令",
    next_help_heading = "选项",
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 检查草稿: 一条显示在终端,或从标准输入读 JSON Lines
    #[command(
        override_usage = "kefu-coach check [选项]           从标准输入读 JSON Lines,每行输出一条 JSON 结果\n      kefu-coach check \"草稿\" [选项]    检查一条草稿并在终端显示",
        after_help = "示例:
  kefu-coach check \"这个我也不知道\" --customer \"能用多久\" --platform jd
  kefu-coach check \"亲,您好\" --first-reply --json
  kefu-coach check --config team.json < drafts.jsonl > results.jsonl

JSON Lines: 每行 {\"id\", \"draft\", \"customer\", \"first_reply\", \"agent_since\", \"previous_reply\", \"platform\"},
输出同样顺序的 {\"id\", \"score\", \"scores\", \"findings\"};读不了的行输出
{\"id\": null, \"line\": N, \"error\": \"…\"} 并继续。"
    )]
    Check(CheckArgs),
    /// 列出全部规则
    #[command(
        override_usage = "kefu-coach rules [--json|--markdown]",
        after_help = "示例:
  kefu-coach rules
  kefu-coach rules --json > rules.json
  kefu-coach rules --markdown > docs/rules.md"
    )]
    Rules(RulesArgs),
    /// 复盘导出的聊天记录(CSV/TSV/JSONL),写 HTML/JSON/CSV 报告
    #[command(
        override_usage = "kefu-coach review <日志> [选项]    日志为 - 时读标准输入",
        after_help = "示例:
  kefu-coach review chat.csv --out report.html
  kefu-coach review jddc.tsv --preset jddc --csv findings.csv --threads 2
  kefu-coach review export.csv --map session=会话,role=角色,text=内容,agent_value=客服
  gunzip -c log.csv.gz | kefu-coach review - --json > report.json

进度条(速度、剩余时间)只在标准错误是终端时显示。
输出文件(--out、--csv)不能是日志、--config 文件或另一个输出:会在读取前拒绝。"
    )]
    Review(ReviewArgs),
    /// 输出 bash/zsh/fish 的命令补全脚本
    #[command(
        override_usage = "kefu-coach completions <bash|zsh|fish>",
        after_help = "示例:
  kefu-coach completions bash > ~/.local/share/bash-completion/completions/kefu-coach
  kefu-coach completions zsh > ~/.zfunc/_kefu-coach        (fpath 里需要有 ~/.zfunc)
  kefu-coach completions fish > ~/.config/fish/completions/kefu-coach.fish"
    )]
    Completions(CompletionsArgs),
    /// 显示本帮助或某个命令的帮助
    #[command(override_usage = "kefu-coach help [命令]")]
    Help(HelpArgs),
}

#[derive(Args, Debug)]
#[command(next_help_heading = "选项")]
pub struct CheckArgs {
    /// 要检查的草稿(用引号括起来);不给则从标准输入读 JSON Lines
    #[arg(value_name = "草稿", help_heading = "参数")]
    pub draft: Option<String>,
    /// 客户刚发的消息(作为上下文)
    #[arg(long, value_name = "客户消息", allow_hyphen_values = true)]
    pub customer: Option<String>,
    /// 这是会话里的第一条回复(检查问候)
    #[arg(long)]
    pub first_reply: bool,
    /// 客户最后的消息之后客服已经发过的内容(这条草稿是又一条消息)
    #[arg(long, value_name = "文本")]
    pub agent_since: Option<String>,
    /// 客户最后的消息之前客服发的上一条消息(已道过歉、已给过时间的,不再同样要求)
    #[arg(long, value_name = "文本")]
    pub previous_reply: Option<String>,
    /// 平台: taobao、jd、pdd、douyin、generic
    #[arg(long, value_name = "平台", allow_hyphen_values = true, value_parser = Hint(platforms), hide_possible_values = true)]
    pub platform: Option<String>,
    /// 团队配置/规则包(JSON)
    #[arg(long, value_name = "文件", allow_hyphen_values = true, value_hint = clap::ValueHint::FilePath)]
    pub config: Option<String>,
    /// 一条草稿时输出 JSON 而不是终端显示
    #[arg(long)]
    pub json: bool,
    /// 总是用颜色(默认只在终端上且没有 NO_COLOR 时)
    #[arg(long)]
    pub color: bool,
    /// 不用颜色
    #[arg(long)]
    pub no_color: bool,
}

#[derive(Args, Debug)]
#[command(next_help_heading = "选项")]
pub struct RulesArgs {
    /// 输出 JSON(每条规则的 id、类别、级别、标题、文档)
    #[arg(long)]
    pub json: bool,
    /// 输出 Markdown(docs/rules.md 的内容)
    #[arg(long)]
    pub markdown: bool,
}

#[derive(Args, Debug)]
#[command(next_help_heading = "选项")]
pub struct ReviewArgs {
    /// 导出的聊天记录;- 为标准输入
    #[arg(value_name = "日志", help_heading = "参数", value_hint = clap::ValueHint::FilePath)]
    pub log: String,
    /// 文件格式预设(默认 auto: 按内容判断): auto、jddc、csv、tsv、jsonl
    #[arg(long, value_name = "预设", allow_hyphen_values = true, value_parser = Hint(presets), hide_possible_values = true)]
    pub preset: Option<String>,
    /// 指定列(表头名或从 1 起的列号): session=列,role=列,text=列,agent=列,time=列,agent_value=值;header=no: 没有表头
    #[arg(long, value_name = "列", allow_hyphen_values = true)]
    pub map: Option<String>,
    /// 文件编码(默认 auto): auto、utf-8、gbk、gb18030
    #[arg(long, value_name = "编码", allow_hyphen_values = true, value_parser = Hint(encodings), hide_possible_values = true)]
    pub encoding: Option<String>,
    /// 写 HTML 报告
    #[arg(long, value_name = "FILE.html", allow_hyphen_values = true, value_hint = clap::ValueHint::FilePath)]
    pub out: Option<String>,
    /// 在标准输出写 JSON 报告
    #[arg(long)]
    pub json: bool,
    /// 把每条问题写成 CSV
    #[arg(long, value_name = "FILE.csv", allow_hyphen_values = true, value_hint = clap::ValueHint::FilePath)]
    pub csv: Option<String>,
    /// 检查线程数,1 到 256(默认全部 CPU)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub threads: Option<String>,
    /// 团队配置/规则包(JSON)
    #[arg(long, value_name = "文件", allow_hyphen_values = true, value_hint = clap::ValueHint::FilePath)]
    pub config: Option<String>,
    /// 不显示进度条
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// 哪种 shell
    #[arg(value_name = "shell", help_heading = "参数")]
    pub shell: Shell,
}

#[derive(Args, Debug)]
pub struct HelpArgs {
    /// 要看帮助的命令
    #[arg(value_name = "命令", help_heading = "参数")]
    pub command: Option<String>,
}

/// The shells `completions` writes for (only these generators are linked in).
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

fn platforms() -> Vec<&'static str> {
    Platform::ALL.iter().map(|p| p.id()).collect()
}

fn presets() -> Vec<&'static str> {
    mapping::PRESETS.to_vec()
}

/// What `Encoding::parse` names in its message (it accepts aliases too).
fn encodings() -> Vec<&'static str> {
    vec!["auto", "utf-8", "gbk", "gb18030"]
}

/// A value offered to completions but checked where it is used (the core's own checks
/// accept other spellings, `JD`, `utf8`, and say what is wrong in zh-CN).
#[derive(Clone)]
struct Hint(fn() -> Vec<&'static str>);

impl TypedValueParser for Hint {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter().map(PossibleValue::new)))
    }
}

/// The command with zh-CN help: its own `-h/--help` and `-V/--version` flags, one help
/// template, and a repeated flag taking its last value (as the hand-written parser did).
pub fn command() -> clap::Command {
    let cmd = zh(Cli::command()).after_help(top_after_help()).disable_version_flag(true).arg(
        Arg::new("version").short('V').long("version").action(ArgAction::Version).help("显示版本").help_heading("选项"),
    );
    cmd.mut_subcommands(zh)
}

fn zh(cmd: clap::Command) -> clap::Command {
    cmd.help_template("{about-with-newline}\n用法: {usage}\n\n{all-args}{after-help}\n")
        .disable_help_flag(true)
        .args_override_self(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("显示帮助").help_heading("选项"))
}

/// [`command`] with `check`'s draft taking a value that starts with a dash (`-_-`): tried
/// when the strict parse fails on one. Strict first, so that `check --jsno` is reported as a
/// misspelt flag with clap's suggestion rather than checked as a draft.
pub fn lenient(cmd: clap::Command) -> clap::Command {
    cmd.mut_subcommand("check", |c| c.mut_arg("draft", |a| a.allow_hyphen_values(true)))
}
