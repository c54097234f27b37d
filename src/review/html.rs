//! The report as one self-contained HTML file: inline CSS and SVG, no script, no external
//! resource. Every piece of text from the log is escaped.

use std::collections::HashMap;
use std::fmt::Write;

use super::model::*;
use crate::finding::Category;
use crate::Coach;

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa;--accent:#0969da;--bad:#cf222e;--warn:#9a6700;--ok:#1a7f37}
*{box-sizing:border-box}body{margin:0;font:14px/1.6 system-ui,-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:var(--fg);background:#fff}
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
.muted{color:var(--muted)}.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-top:16px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px;background:var(--bg)}.card b{display:block;font-size:24px}.card span{color:var(--muted);font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}th{background:var(--bg);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}code{font-size:12px;background:var(--bg);padding:1px 4px;border-radius:4px}
.reply{border:1px solid var(--line);border-radius:8px;padding:12px;margin:12px 0}.reply .meta{color:var(--muted);font-size:12px}
.cust{background:var(--bg);border-radius:6px;padding:6px 10px;margin:6px 0;white-space:pre-wrap}.text{white-space:pre-wrap;margin:6px 0}
mark{background:#ffebe9;border-bottom:2px solid var(--bad);color:inherit}.sev-error{color:var(--bad)}.sev-warning{color:var(--warn)}.sev-hint{color:var(--accent)}
.fix{color:var(--ok)}ul.f{margin:4px 0;padding-left:20px}svg text{font:12px system-ui,'PingFang SC','Microsoft YaHei',sans-serif;fill:var(--fg)}
.score{font-weight:700}.low{color:var(--bad)}.mid{color:var(--warn)}.high{color:var(--ok)}footer{margin:40px 0 16px;color:var(--muted);font-size:12px}
";

fn score_class(s: f64) -> &'static str {
    if s < 60.0 {
        "low"
    } else if s < 85.0 {
        "mid"
    } else {
        "high"
    }
}

fn pct(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "–".into();
    }
    format!("{:.1}%", part as f64 * 100.0 / whole as f64)
}

fn seconds(s: f64) -> String {
    if s < 120.0 {
        format!("{s:.0} 秒")
    } else if s < 7200.0 {
        format!("{:.1} 分钟", s / 60.0)
    } else {
        format!("{:.1} 小时", s / 3600.0)
    }
}

/// The whole report page. `source` names the file reviewed.
pub fn render(r: &ReviewReport, source: &str) -> String {
    let titles: HashMap<String, String> = Coach::rules().into_iter().map(|i| (i.id, i.title)).collect();
    let title = |id: &str| titles.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>复盘报告 · {}</title><style>{CSS}</style></head><body><main>",
        esc(source)
    );
    let _ = write!(
        h,
        "<h1>客服话术复盘报告</h1><div class=\"muted\">文件 {} · 格式 {} · 编码 {} · {} 行</div>",
        esc(source),
        esc(&r.input.preset),
        r.input.encoding.id(),
        r.input.lines
    );
    overview(&mut h, r);
    categories(&mut h, r);
    phrases(&mut h, r, &title);
    agents(&mut h, r, &title);
    sessions(&mut h, r);
    worst(&mut h, r, &title);
    situations(&mut h, r);
    response(&mut h, r);
    malformed(&mut h, r);
    shortened(&mut h, r);
    h.push_str(
        "<footer>由 kefu-coach(客服话术教练)在本机生成:聊天记录没有离开这台电脑。\
         得分规则:每条问题按严重程度扣分(错误 20、警告 10、提示 3)。</footer></main></body></html>\n",
    );
    h
}

fn overview(h: &mut String, r: &ReviewReport) {
    let t = &r.totals;
    let mean = r.score.as_ref().map(|s| s.mean);
    h.push_str("<section id=\"overview\"><div class=\"cards\">");
    let card = |h: &mut String, value: String, label: &str, class: &str| {
        let _ =
            write!(h, "<div class=\"card\"><b class=\"{class}\">{}</b><span>{}</span></div>", esc(&value), esc(label));
    };
    match mean {
        Some(m) => card(h, format!("{m:.1}"), "平均得分(满分 100)", score_class(m)),
        None => card(h, "–".into(), "平均得分(没有可检查的客服回复)", ""),
    }
    card(h, t.checked.to_string(), "检查的客服回复", "");
    card(h, pct(t.with_findings, t.checked), "有问题的回复占比", "");
    card(h, t.findings.to_string(), "问题总数", "");
    card(h, t.sessions.to_string(), "会话数", "");
    card(h, t.malformed.to_string(), "无法读取或有异常的行", if t.malformed > 0 { "low" } else { "" });
    h.push_str("</div>");
    let _ = write!(
        h,
        "<p class=\"muted\">共读取 {} 条消息:客服 {}、客户 {}、系统 {};其中空消息 {} 条。</p>",
        t.rows, t.agent_turns, t.customer_turns, t.system_turns, t.empty_turns
    );
    if t.shortened > 0 {
        let _ = write!(
            h,
            "<p class=\"low\">{} 条消息过长,只检查(或作为上下文只用了)前一部分:行号见<a href=\"#shortened\">下文</a>。</p>",
            t.shortened
        );
    }
    if let Some(s) = &r.score {
        h.push_str("<h2>五个维度</h2>");
        let rows: Vec<(String, f64)> = s.dimensions.iter().map(|d| (d.zh.to_owned(), d.mean)).collect();
        bar_chart(h, &rows, 100.0, "维度平均分", |v| format!("{v:.1}"));
        h.push_str("<h2>得分分布</h2>");
        histogram(h, &s.histogram);
    }
    h.push_str("</section>");
}

/// Horizontal bars, one row per item.
fn bar_chart(h: &mut String, rows: &[(String, f64)], max: f64, label: &str, fmt: impl Fn(f64) -> String) {
    let row_h = 26.0;
    let height = rows.len() as f64 * row_h + 8.0;
    let (left, width) = (130.0, 520.0);
    let _ = write!(
        h,
        "<svg role=\"img\" aria-label=\"{}\" width=\"100%\" viewBox=\"0 0 {} {height}\" style=\"max-width:760px\">",
        esc(label),
        left + width + 80.0
    );
    for (i, (name, v)) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 4.0;
        let w = if max > 0.0 { (v / max).clamp(0.0, 1.0) * width } else { 0.0 };
        let _ = write!(
            h,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{left}\" y=\"{y}\" width=\"{w:.1}\" height=\"18\" rx=\"3\" fill=\"#0969da\"/>\
             <text x=\"{:.1}\" y=\"{}\">{}</text>",
            left - 8.0,
            y + 14.0,
            esc(name),
            left + w + 6.0,
            y + 14.0,
            esc(&fmt(*v))
        );
    }
    h.push_str("</svg>");
}

fn histogram(h: &mut String, counts: &[u64]) {
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let (bw, height) = (56.0, 160.0);
    let _ = write!(
        h,
        "<svg role=\"img\" aria-label=\"得分分布\" width=\"100%\" viewBox=\"0 0 {} {}\" style=\"max-width:700px\">",
        bw * counts.len() as f64,
        height + 40.0
    );
    for (i, &c) in counts.iter().enumerate() {
        let bh = c as f64 / max * height;
        let x = i as f64 * bw;
        let label = if i == 10 { "100".to_owned() } else { format!("{}–{}", i * 10, i * 10 + 9) };
        let fill = if i < 6 {
            "#cf222e"
        } else if i < 9 {
            "#bf8700"
        } else {
            "#1a7f37"
        };
        let _ = write!(
            h,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{fill}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{c}</text>\
             <text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{label}</text>",
            x + 4.0,
            height + 2.0 - bh,
            bw - 8.0,
            x + bw / 2.0,
            height - bh - 2.0,
            x + bw / 2.0,
            height + 20.0
        );
    }
    h.push_str("</svg>");
}

/// The customers' situations, who asked again, and the proposals to download.
fn situations(h: &mut String, r: &ReviewReport) {
    h.push_str("<section id=\"situations\"><h2>客户场景</h2>");
    if r.situations.is_empty() {
        h.push_str("<p>客户消息里没有识别出场景。</p>");
    } else {
        h.push_str(
            "<p class=\"muted\">处理得当:回复没有警告或错误(提示不算)。再次追问:同一会话里客户就已回复过的场景又来问,\
             说明解释可能有盲区。</p><table><thead><tr><th>场景</th><th class=\"n\">回复数</th><th class=\"n\">处理得当</th>\
             <th class=\"n\">再次追问</th><th class=\"n\">涉及会话</th></tr></thead><tbody>",
        );
        for s in &r.situations {
            let _ = write!(
                h,
                "<tr><td>{} <code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(s.zh),
                esc(s.id),
                s.replies,
                pct(s.handled_well, s.replies),
                s.asked_again,
                s.sessions_asked_again
            );
        }
        h.push_str("</tbody></table>");
    }
    if !r.asked_again.is_empty() {
        let _ = write!(h, "<h2>客户再次追问({} 次)</h2>", r.asked_again_total);
        h.push_str(
            "<table><thead><tr><th class=\"n\">行</th><th>会话</th><th>场景</th><th>客户消息</th></tr></thead><tbody>",
        );
        for a in &r.asked_again {
            let _ = write!(
                h,
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"cust\">{}</td></tr>",
                a.line,
                esc(&a.session),
                esc(a.zh),
                esc(&a.customer)
            );
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("<h2>建议</h2><p class=\"muted\">可导入扩展和演示页的文件:核对后在设置里导入。</p>");
    for (file, title, value) in [
        ("phrasebook.json", "建议话术库(取自得分最高的真实回复)", &r.proposals.phrasebook),
        ("pack.json", "建议规则包(最常被标出的说法)", &r.proposals.pack),
    ] {
        let json = serde_json::to_string_pretty(value).unwrap_or_default();
        let _ = write!(
            h,
            "<details><summary>{title} · <a download=\"{file}\" href=\"data:application/json;charset=utf-8,{}\">下载 {file}</a></summary><pre>{}</pre></details>",
            esc(&percent(&json)),
            esc(&json)
        );
    }
    h.push_str("</section>");
}

/// `s` percent-encoded for a `data:` URL.
fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn categories(h: &mut String, r: &ReviewReport) {
    h.push_str("<section id=\"categories\"><h2>各类问题</h2>");
    if r.categories.is_empty() {
        h.push_str("<p>没有发现问题。</p></section>");
        return;
    }
    let rows: Vec<(String, f64)> = r.categories.iter().map(|c| (c.zh.to_owned(), c.findings as f64)).collect();
    let max = rows.iter().map(|x| x.1).fold(0.0, f64::max);
    bar_chart(h, &rows, max, "各类问题数", |v| format!("{v:.0}"));
    h.push_str("<table><thead><tr><th>类别</th><th class=\"n\">问题数</th><th class=\"n\">涉及回复</th><th class=\"n\">占检查回复</th></tr></thead><tbody>");
    for c in &r.categories {
        let _ = write!(
            h,
            "<tr><td>{} <code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(c.zh),
            esc(c.id),
            c.findings,
            c.turns,
            pct(c.turns, r.totals.checked)
        );
    }
    h.push_str("</tbody></table></section>");
}

fn phrases(h: &mut String, r: &ReviewReport, title: &dyn Fn(&str) -> String) {
    h.push_str("<section id=\"phrases\"><h2>最常需要改的说法</h2>");
    if r.phrases.is_empty() {
        h.push_str("<p>没有。</p></section>");
        return;
    }
    h.push_str("<table><thead><tr><th class=\"n\">次数</th><th>说法</th><th>建议改为</th><th>规则</th><th>说明</th></tr></thead><tbody>");
    for p in &r.phrases {
        let phrase = if p.phrase.trim().is_empty() { "(缺少)".to_owned() } else { format!("“{}”", p.phrase) };
        let cat = Category::parse(p.category).map(Category::zh).unwrap_or(p.category);
        let _ = write!(
            h,
            "<tr><td class=\"n\">{}</td><td><mark>{}</mark></td><td class=\"fix\">{}</td><td>{}<br><code>{}</code> · {}</td><td>{}</td></tr>",
            p.count,
            esc(&phrase),
            esc(p.suggestion.as_deref().unwrap_or("")),
            esc(&title(&p.rule)),
            esc(&p.rule),
            esc(cat),
            esc(&p.message)
        );
    }
    h.push_str("</tbody></table>");
    if r.phrases_truncated {
        h.push_str("<p class=\"muted\">不同说法太多,只统计了先出现的一部分;各规则的总数见上方。</p>");
    }
    h.push_str("</section>");
}

fn agents(h: &mut String, r: &ReviewReport, title: &dyn Fn(&str) -> String) {
    h.push_str("<section id=\"agents\"><h2>按客服</h2>");
    if r.agents.len() == 1 && r.agents[0].agent.is_empty() {
        h.push_str("<p class=\"muted\">日志里没有客服列,所有回复算在一起。</p>");
    }
    h.push_str("<table><thead><tr><th>客服</th><th class=\"n\">回复数</th><th class=\"n\">平均分</th><th class=\"n\">问题数</th><th class=\"n\">有问题的回复</th><th>最常见的问题</th></tr></thead><tbody>");
    for a in &r.agents {
        let name = if a.agent.is_empty() { "(未标注)" } else { a.agent.as_str() };
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n score {}\">{:.1}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            esc(name),
            a.turns,
            score_class(a.mean_score),
            a.mean_score,
            a.findings,
            pct(a.with_findings, a.turns),
            esc(&a.top_rule.as_deref().map(title).unwrap_or_default())
        );
    }
    h.push_str("</tbody></table>");
    if r.agents_truncated {
        h.push_str("<p class=\"muted\">客服太多,只列出回复最多的一部分。</p>");
    }
    h.push_str("</section>");
}

fn sessions(h: &mut String, r: &ReviewReport) {
    let s = &r.sessions;
    h.push_str("<section id=\"sessions\"><h2>按会话</h2>");
    let _ = write!(
        h,
        "<p>有客服回复的会话 {} 个,会话平均分 {},低于 80 分的会话 {} 个({})。得分最低的会话:</p>",
        s.reviewed,
        s.mean_score.map(|m| format!("{m:.1}")).unwrap_or_else(|| "–".into()),
        s.below_80,
        pct(s.below_80, s.reviewed)
    );
    h.push_str("<table><thead><tr><th>会话ID</th><th class=\"n\">起始行</th><th>客服</th><th class=\"n\">回复数</th><th class=\"n\">平均分</th><th class=\"n\">问题数</th></tr></thead><tbody>");
    for row in &s.worst {
        let _ = write!(
            h,
            "<tr><td><code>{}</code></td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n score {}\">{:.1}</td><td class=\"n\">{}</td></tr>",
            esc(&row.session),
            row.line,
            esc(row.agent.as_deref().unwrap_or("")),
            row.turns,
            score_class(row.mean_score),
            row.mean_score,
            row.findings
        );
    }
    h.push_str("</tbody></table></section>");
}

fn worst(h: &mut String, r: &ReviewReport, title: &dyn Fn(&str) -> String) {
    h.push_str("<section id=\"worst\"><h2>得分最低的回复</h2>");
    if r.worst_replies.is_empty() {
        h.push_str("<p>没有有问题的回复。</p>");
    }
    for w in &r.worst_replies {
        let _ = write!(
            h,
            "<div class=\"reply\"><div class=\"meta\">第 {} 行 · 会话 <code>{}</code>{}{} · <span class=\"score {}\">{} 分</span></div>",
            w.line,
            esc(&w.session),
            w.agent.as_deref().map(|a| format!(" · 客服 {}", esc(a))).unwrap_or_default(),
            if w.first_reply { " · 首次回复" } else { "" },
            score_class(f64::from(w.score)),
            w.score
        );
        if !w.customer.is_empty() {
            let _ = write!(h, "<div class=\"cust\">客户:{}</div>", esc(&w.customer));
        }
        h.push_str("<div class=\"text\">客服:");
        highlighted(h, &w.text, &w.findings);
        h.push_str("</div><ul class=\"f\">");
        for f in &w.findings {
            let fix = f
                .suggestions
                .first()
                .map(|s| format!(" → 建议:<span class=\"fix\">{}</span>", esc(s)))
                .unwrap_or_default();
            let _ = write!(
                h,
                "<li><span class=\"sev-{}\">{}</span> {}:{}{fix}</li>",
                f.severity.as_str(),
                esc(&title(&f.rule)),
                esc(f.category.zh()),
                esc(&f.message)
            );
        }
        h.push_str("</ul></div>");
    }
    h.push_str("</section>");
}

/// The text with the findings' spans in `<mark>`; overlapping spans merge.
fn highlighted(h: &mut String, text: &str, findings: &[crate::Finding]) {
    let mut at = 0usize;
    let mut open = false;
    let mut run = String::new();
    let flush = |h: &mut String, run: &mut String, marked: bool| {
        if run.is_empty() {
            return;
        }
        if marked {
            let _ = write!(h, "<mark>{}</mark>", esc(run));
        } else {
            h.push_str(&esc(run));
        }
        run.clear();
    };
    for c in text.chars() {
        let inside = findings.iter().any(|f| f.start <= at && at < f.end);
        if inside != open {
            flush(h, &mut run, open);
            open = inside;
        }
        run.push(c);
        at += c.len_utf16();
    }
    flush(h, &mut run, open);
}

fn response(h: &mut String, r: &ReviewReport) {
    let Some(t) = &r.response_time else { return };
    h.push_str("<section id=\"response\"><h2>响应时间</h2><div class=\"cards\">");
    let card = |h: &mut String, v: String, label: &str| {
        let _ = write!(h, "<div class=\"card\"><b>{}</b><span>{}</span></div>", esc(&v), esc(label));
    };
    card(h, seconds(t.median_s), "回复用时中位数");
    card(h, seconds(t.p90_s), "90% 的回复在此时间内");
    card(h, seconds(t.mean_s), "平均回复用时");
    if let Some(m) = t.first_median_s {
        card(h, seconds(m), "首次回复用时中位数");
    }
    h.push_str("</div>");
    let _ = write!(
        h,
        "<p class=\"muted\">从客户发出消息到客服下一次回复,共 {} 次回复(其中首次回复 {} 次)。</p></section>",
        t.replies, t.first_replies
    );
}

fn shortened(h: &mut String, r: &ReviewReport) {
    listed(h, &r.shortened, "shortened", "过长而只用了一部分的消息", "条", "说明");
}

fn malformed(h: &mut String, r: &ReviewReport) {
    listed(h, &r.malformed, "malformed", "无法读取或有异常的行", "行", "原因");
}

/// A section listing lines by number with what happened to each (“只列出前 N 行” when the
/// report kept fewer than it counted); nothing when there are none.
fn listed(h: &mut String, m: &MalformedSummary, id: &str, title: &str, unit: &str, column: &str) {
    if m.count == 0 {
        return;
    }
    let _ = write!(h, "<section id=\"{id}\"><h2>{title}({} {unit})</h2>", m.count);
    let _ = write!(h, "<table><thead><tr><th class=\"n\">行号</th><th>{column}</th></tr></thead><tbody>");
    for x in &m.shown {
        let _ = write!(h, "<tr><td class=\"n\">{}</td><td>{}</td></tr>", x.line, esc(&x.reason));
    }
    h.push_str("</tbody></table>");
    if m.count > m.shown.len() as u64 {
        let _ = write!(h, "<p class=\"muted\">只列出前 {} {unit}。</p>", m.shown.len());
    }
    h.push_str("</section>");
}
