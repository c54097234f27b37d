//! `kefu-coach rules`: every rule, for people, machines (`--json`) or the docs (`--markdown`).

use super::Args;
use kefu_coach::Coach;

pub fn run(args: &[String]) -> Result<(), String> {
    let args = Args::parse(args, &[], &["json", "markdown"])?;
    if args.flag("markdown") {
        print!("{}", kefu_coach::docs::rules_markdown());
    } else if args.flag("json") {
        let json = serde_json::to_string_pretty(&Coach::rules()).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        for r in Coach::rules() {
            println!("{:34} {:8} {:12} {}", r.id, r.severity.as_str(), r.category.zh(), r.title);
            println!("{:34} {}", "", what_it_does(&r.doc));
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
