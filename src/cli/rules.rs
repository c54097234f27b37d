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
        }
    }
    Ok(())
}
