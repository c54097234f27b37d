//! clap's flag errors, said in zh-CN with what to do: the offending argument, clap's
//! suggestion for a misspelt flag or command, the usage line and where to read more.
//! Kinds this project never produces fall back to clap's own (English) text.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The message for a usage error (without the `kefu-coach: ` prefix), ending in a newline.
pub fn zh(err: &clap::Error, subcommand: Option<&str>) -> String {
    let string = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let strings = |kind| match err.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = string(ContextKind::InvalidArg).unwrap_or_default();
    let mut msg = match err.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') && arg != "-" => {
            let mut m = format!("未知选项 {arg}");
            if let Some(s) = string(ContextKind::SuggestedArg) {
                m += &format!(",是不是要用 {s}?");
            }
            m
        }
        ErrorKind::UnknownArgument => {
            format!("多余的参数 “{arg}”:草稿、客户消息或路径里有空格时,请用引号把它括起来")
        }
        ErrorKind::InvalidSubcommand => {
            let mut m = format!("未知命令 “{}”", string(ContextKind::InvalidSubcommand).unwrap_or_default());
            if let Some(s) = string(ContextKind::SuggestedSubcommand) {
                m += &format!(",是不是要用 {s}?");
            }
            m
        }
        ErrorKind::InvalidValue => {
            let value = string(ContextKind::InvalidValue).unwrap_or_default();
            let name = arg.split(' ').next().unwrap_or_default();
            let mut m = if value.is_empty() {
                format!("{name} 需要一个值")
            } else {
                format!("{name} 的值 “{value}” 无效")
            };
            let valid = strings(ContextKind::ValidValue);
            if !valid.is_empty() {
                m += &format!(",可选 {}", valid.join("、"));
            }
            if let Some(s) = string(ContextKind::SuggestedValue) {
                m += &format!(";是不是要用 {s}?");
            }
            m
        }
        ErrorKind::MissingRequiredArgument => format!("缺少参数 {}", strings(ContextKind::InvalidArg).join(" ")),
        ErrorKind::MissingSubcommand => "缺少命令".to_owned(),
        ErrorKind::ArgumentConflict => {
            format!("{arg} 不能和 {} 一起用", string(ContextKind::PriorArg).unwrap_or_default())
        }
        _ => {
            // Not produced by this command line today: clap's own text, without its
            // `error: ` prefix and its English “try --help” line.
            let text = err.render().to_string();
            let text = text.trim_start_matches("error: ");
            return format!("{}\n{}", text.split("\n\n").next().unwrap_or(text).trim_end(), more(subcommand));
        }
    };
    msg.push('\n');
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().trim_start_matches("Usage:").trim_start();
        msg += &format!("\n用法: {usage}\n");
    }
    msg + &more(subcommand)
}

/// Where the full help is.
fn more(subcommand: Option<&str>) -> String {
    match subcommand {
        Some(s) => format!("查看全部选项和示例: kefu-coach {s} --help\n"),
        None => "查看全部命令和示例: kefu-coach --help\n".to_owned(),
    }
}
