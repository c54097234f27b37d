//! Every rule's doc is its page (docs/rules.md, the demo's rules page): its `## Example`
//! must get the rule and its `## Use instead` must not, so the page never shows a wrong
//! example. Each line of a code block is one draft. A draft may name its context first:
//! `(客户:我再考虑一下) 这款真的很划算…`; otherwise the standard situations below are tried
//! (first reply, complaint, goodbye, when-question, price objection, several questions,
//! hesitation), on the default platform and on `generic`.

use kefu_coach::{Coach, Config, Request};

const SITUATIONS: &[(&str, bool)] = &[
    ("", false),
    ("在吗", true),
    ("收到的东西是坏的,你们怎么回事", false),
    ("好的,没有了,谢谢", false),
    ("退款什么时候到账?", false),
    ("这个也太贵了吧,别家便宜多了", false),
    ("这款有现货吗?多久能发货?能开发票吗?", false),
    ("我再考虑一下吧", false),
    ("保修多久", false),
];

fn code_blocks<'a>(doc: &'a str, heading: &str) -> Vec<&'a str> {
    let Some(section) = doc.split(heading).nth(1) else { return Vec::new() };
    let section = section.split("\n## ").next().unwrap_or("");
    let mut lines = Vec::new();
    let mut inside = false;
    for line in section.lines() {
        if line.trim_start().starts_with("```") {
            inside = !inside;
        } else if inside && !line.trim().is_empty() {
            lines.push(line.trim());
        }
    }
    lines
}

/// `(客户:…) draft` → (Some(customer), draft).
fn split_context(line: &str) -> (Option<String>, String) {
    for (open, close) in [("(客户:", ")"), ("(客户:", ")"), ("(客户:", ")")] {
        if let Some(rest) = line.strip_prefix(open) {
            if let Some((customer, draft)) = rest.split_once(close) {
                return (Some(customer.trim().to_owned()), draft.trim().to_owned());
            }
        }
    }
    (None, line.to_owned())
}

#[test]
fn examples_fire_and_use_instead_does_not() {
    let coach = Coach::new(Config::default()).expect("default config");
    let mut problems = Vec::new();
    for rule in Coach::rules() {
        let bad = code_blocks(&rule.doc, "## Example");
        let good = code_blocks(&rule.doc, "## Use instead");
        if bad.is_empty() || good.is_empty() {
            problems.push(format!("{}: Example or Use instead has no code block", rule.id));
            continue;
        }
        let fires = |req: &Request| coach.check(req).findings.iter().any(|f| f.rule == rule.id);
        for (i, line) in bad.iter().enumerate() {
            let (customer, draft) = split_context(line);
            let situations: Vec<(String, bool)> = match customer {
                Some(c) => vec![(c.clone(), false), (c, true)],
                None => SITUATIONS.iter().map(|(c, f)| (c.to_string(), *f)).collect(),
            };
            let hit = situations.iter().flat_map(|(c, f)| ["taobao", "generic"].map(|p| (c.clone(), *f, p))).find(
                |(c, f, p)| {
                    fires(&Request {
                        draft: draft.clone(),
                        customer: c.clone(),
                        first_reply: *f,
                        platform: Some(p.to_string()),
                        ..Request::default()
                    })
                },
            );
            let Some((c, f, p)) = hit else {
                problems.push(format!("{}: Example {draft:?} does not get the rule in any situation", rule.id));
                continue;
            };
            // The matching “Use instead” line (or the only one) must be clean in that situation.
            let fixed = good.get(i).or(good.first()).map(|l| split_context(l).1).unwrap_or_default();
            let req = Request {
                draft: fixed.clone(),
                customer: c.clone(),
                first_reply: f,
                platform: Some(p.to_owned()),
                ..Request::default()
            };
            if fires(&req) {
                problems.push(format!(
                    "{}: Use instead {fixed:?} still gets the rule (customer {c:?}, first_reply {f}, {p})",
                    rule.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
