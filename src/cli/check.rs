//! `kefu-coach check`: JSON Lines in, JSON Lines out; or one draft shown to a person.

use std::io::{self, IsTerminal};

use super::{coach_from, render, Args};

use kefu_coach::{jsonl, Request};

pub fn run(args: &[String]) -> Result<(), String> {
    let args = Args::parse(args, &["customer", "platform", "config"], &["first-reply", "json", "color", "no-color"])?;
    let coach = coach_from(&args)?;
    match args.positional() {
        [] => jsonl::check_lines(&coach, io::stdin().lock(), io::stdout().lock(), io::stdout().is_terminal())
            .map_err(|e| format!("输出失败: {e}")),
        [draft] => {
            let req = Request {
                draft: draft.clone(),
                customer: args.value("customer").unwrap_or("").to_owned(),
                first_reply: args.flag("first-reply"),
                platform: args.value("platform").map(str::to_owned),
            };
            let report = coach.try_check(&req).map_err(|e| e.to_string())?;
            if args.flag("json") {
                println!("{}", serde_json::to_string(&report).map_err(|e| e.to_string())?);
            } else {
                let color = !args.flag("no-color")
                    && (args.flag("color") || (io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()));
                print!("{}", render::report(&req.draft, &report, color));
            }
            Ok(())
        }
        _ => Err("check 只接受一条草稿(用引号括起来),或不带草稿从标准输入读 JSON Lines".into()),
    }
}
