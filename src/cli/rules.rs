//! `kefu-coach rules`: every rule, for people, machines (`--json`) or the docs (`--markdown`).

use super::args::RulesArgs;
use kefu_coach::Coach;

pub fn run(args: RulesArgs) -> Result<(), String> {
    if args.markdown {
        super::out(kefu_coach::docs::rules_markdown());
    } else if args.json {
        let json = serde_json::to_string_pretty(&Coach::rules()).map_err(|e| e.to_string())?;
        super::out(format!("{json}\n"));
    } else {
        for r in Coach::rules() {
            super::out(format!("{:34} {:8} {:12} {}\n", r.id, r.severity.as_str(), r.category.zh(), r.title));
            super::out(format!("{:34} {}\n", "", what_it_does(&r.doc)));
        }
    }
    Ok(())
}

/// The first paragraph of the doc's “What it does” section, on one line.
fn what_it_does(doc: &str) -> String {
    doc.lines()
        .skip_while(|l| !l.starts_with("## What it does"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty() && !l.starts_with("##"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}
