//! `kefu-coach check`: JSON Lines in, JSON Lines out; or one draft shown to a person.

use std::io::{self, IsTerminal};

use super::args::CheckArgs;
use super::{coach_from, render};

use kefu_coach::{jsonl, Request};

pub fn run(args: CheckArgs) -> Result<(), String> {
    let coach = coach_from(args.config.as_deref())?;
    match args.draft {
        None => jsonl::check_lines(&coach, io::stdin().lock(), io::stdout().lock(), io::stdout().is_terminal())
            .or_else(super::reader_gone),
        Some(draft) => {
            let req = Request {
                draft,
                customer: args.customer.unwrap_or_default(),
                first_reply: args.first_reply,
                agent_since: args.agent_since.unwrap_or_default(),
                previous_reply: args.previous_reply.unwrap_or_default(),
                platform: args.platform,
            };
            let report = coach.try_check(&req).map_err(|e| e.to_string())?;
            if args.json {
                super::out(format!("{}\n", serde_json::to_string(&report).map_err(|e| e.to_string())?));
            } else {
                let color = !args.no_color
                    && (args.color || (io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()));
                super::out(render::report(&req.draft, &report, color));
            }
            Ok(())
        }
    }
}
