//! Boundary tests of the WebAssembly build, run in real browsers (Chromium and Firefox) by
//! `scripts/test.d/20-wasm.sh`:
//!
//! ```sh
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web
//! ```
//!
//! They go through the same conversions a page does (JS values in, plain JS objects out) and
//! read the results with JavaScript's own string functions, so `draft.slice(start, end)` is
//! checked as the extension will use it.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect, JSON};
use kefu_coach::wasm::JsCoach;
use kefu_coach::{Category, Coach, Config, Request};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------- helpers

/// Waits for the browser's next task. The test runner polls every synchronous test in one
/// go, inside one task, while the WebDriver client waits for the page to answer (Chromium's
/// driver gives up after 30 s); each test awaits this first, so the page answers between
/// tests and a slow machine only has to fit the slowest test in that window.
async fn next_task() {
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        let set_timeout: js_sys::Function =
            get(&js_sys::global(), "setTimeout").dyn_into().expect("setTimeout is a function");
        set_timeout.call2(&JsValue::NULL, &resolve, &JsValue::from(0)).expect("setTimeout accepts a callback");
    });
    wasm_bindgen_futures::JsFuture::from(tick).await.expect("a timer never rejects");
}

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap_or_else(|_| panic!("bad JSON in the test: {json}"))
}

/// A JS string from UTF-16 units (lets a test build lone surrogates).
fn js_units(units: &[u16]) -> JsString {
    let mut s = JsString::from("");
    for chunk in units.chunks(4096) {
        s = s.concat(&JsString::from_char_code(chunk));
    }
    s
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("readable property")
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap_or_else(|| panic!("{key} should be a number")) as u32
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_else(|| panic!("{key} should be a string"))
}

fn coach(config: &str) -> JsCoach {
    match JsCoach::new(Some(js(config))) {
        Ok(c) => c,
        Err(e) => panic!("config {config} rejected: {}", message(e.into())),
    }
}

fn check(c: &JsCoach, request: JsValue) -> JsValue {
    match c.check(request) {
        Ok(r) => r,
        Err(e) => panic!("check threw: {}", message(e.into())),
    }
}

fn request(draft: &JsString, customer: &str, first_reply: bool) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"draft".into(), draft).unwrap();
    Reflect::set(&o, &"customer".into(), &customer.into()).unwrap();
    Reflect::set(&o, &"first_reply".into(), &first_reply.into()).unwrap();
    o.into()
}

fn findings(report: &JsValue) -> Vec<JsValue> {
    let f = get(report, "findings");
    assert!(Array::is_array(&f), "findings should be an array");
    f.unchecked_into::<Array>().iter().collect()
}

/// The message of a thrown value, which must be a JS `Error`.
fn message(e: JsValue) -> String {
    assert!(e.is_instance_of::<js_sys::Error>(), "should throw an Error, got {e:?}");
    String::from(e.unchecked_into::<js_sys::Error>().message())
}

fn config_error(config: JsValue) -> String {
    match JsCoach::new(Some(config)) {
        Ok(_) => panic!("the config should have been rejected"),
        Err(e) => message(e.into()),
    }
}

fn is_high(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}

fn is_low(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

/// Every finding of `report` fits `draft` (UTF-16), never splits a surrogate pair, and
/// `draft.slice(start, end)` — JavaScript's own slice — is the flagged text. Returns
/// (rule, flagged text) pairs.
fn assert_offsets(draft: &JsString, report: &JsValue) -> Vec<(String, String)> {
    let units: Vec<u16> = draft.iter().collect();
    let len = units.len() as u32;
    let mut out = Vec::new();
    for f in findings(report) {
        let (rule, start, end) = (text(&f, "rule"), num(&f, "start"), num(&f, "end"));
        assert!(start <= end && end <= len, "{rule}: [{start}, {end}) outside a draft of {len} units");
        for at in [start, end] {
            let (i, a) = (at as usize, at as usize);
            if i > 0 && i < units.len() {
                assert!(!(is_high(units[a - 1]) && is_low(units[a])), "{rule}: offset {at} splits a surrogate pair");
            }
        }
        let sliced = String::from(draft.slice(start, end));
        let expected = String::from_utf16_lossy(&units[start as usize..end as usize]);
        assert_eq!(sliced, expected, "{rule}: slice({start}, {end})");
        out.push((rule, sliced));
    }
    out
}

// ---------------------------------------------------------------- offsets

/// Trigger phrases and the rule that flags them (the flagged text contains the phrase).
const TRIGGERS: &[(&str, &str)] = &[
    ("不知道", "blunt.dont-know"),
    ("加微信", "compliance.off-platform-contact"),
    ("yyds", "slang.internet-slang"),
    ("SKU", "jargon.industry-term"),
    ("!!!", "punctuation.repeated-marks"),
];

/// Text put before the draft, ending a clause: emoji (with a skin tone), a character outside
/// the BMP, CJK, CRLF line ends, full-width forms.
const PREFIXES: &[&str] =
    &["🙂。", "👍🏻,", "𠮷野家的单子。", "亲,您好。\r\n", "收到\r\n\r\n👍🏻𠮷\r\n", "ＡＢＣ１２３,", "🙂👍🏻𠮷🙂\r\n"];

/// Text that joins the draft's first clause.
const JOINED: &[&str] = &["🙂", "👍🏻", "𠮷", "🙂👍🏻𠮷"];

/// (start, end, flagged text) of `rule`'s findings at or after UTF-16 offset `from`, shifted
/// back by `from`.
fn spans_of(draft: &JsString, report: &JsValue, rule: &str, from: u32) -> Vec<(u32, u32, String)> {
    assert_offsets(draft, report);
    findings(report)
        .iter()
        .filter(|f| text(f, "rule") == rule && num(f, "start") >= from)
        .map(|f| {
            let (start, end) = (num(f, "start"), num(f, "end"));
            (start - from, end - from, String::from(draft.slice(start, end)))
        })
        .collect()
}

/// For every finding `draft.slice(start, end)` is the flagged text, and text before the
/// draft (emoji, astral characters, CRLF…) moves each finding by exactly its UTF-16 length.
#[wasm_bindgen_test]
async fn every_slice_is_the_flagged_text() {
    next_task().await;
    let c = coach("{}");
    let customer = "这个什么时候能发货?";
    let mut checked = 0;
    for &(trigger, rule) in TRIGGERS {
        for suffix in ["", "。", "\r\n谢谢", "🙂"] {
            let body = format!("这个我{trigger}{suffix}");
            let body_js = JsString::from(body.as_str());
            let base = spans_of(&body_js, &check(&c, request(&body_js, customer, false)), rule, 0);
            assert!(
                base.iter().any(|(_, _, t)| t.contains(trigger)),
                "{rule} should flag text containing “{trigger}” in {body:?}, got {base:?}"
            );
            for prefix in PREFIXES {
                let draft = JsString::from(format!("{prefix}{body}"));
                let shift = JsString::from(*prefix).length();
                let got = spans_of(&draft, &check(&c, request(&draft, customer, false)), rule, shift);
                assert_eq!(got, base, "{rule} in {draft:?}: findings should move by {shift} units");
                checked += 1;
            }
            for prefix in JOINED {
                let draft = JsString::from(format!("{prefix}{body}"));
                let got = spans_of(&draft, &check(&c, request(&draft, customer, false)), rule, 0);
                assert!(got.iter().any(|(_, _, t)| t.contains(trigger)), "{rule} on “{trigger}” in {draft:?}: {got:?}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, TRIGGERS.len() * (PREFIXES.len() + JOINED.len()) * 4);
}

#[wasm_bindgen_test]
async fn emoji_findings_never_split_an_emoji() {
    next_task().await;
    let c = coach("{}");
    for draft in ["好的🙂🙂🙂🙂", "好的👍🏻👍🏻👍🏻", "收到😀😀😀,马上处理😂😂", "𠮷🙂🙂🙂\r\n🙂🙂"]
    {
        let draft = JsString::from(draft);
        let report = check(&c, draft.clone().into());
        let found = assert_offsets(&draft, &report);
        assert!(found.iter().any(|(r, _)| r == "punctuation.emoji-overuse"), "emoji overuse in {draft:?}: {found:?}");
    }
}

/// A JS string with a lone surrogate arrives as U+FFFD, one unit for one: offsets stay
/// aligned with the caller's string.
#[wasm_bindgen_test]
async fn lone_surrogates_keep_offsets_aligned() {
    next_task().await;
    let c = coach("{}");
    let mut units: Vec<u16> = Vec::new();
    units.push(0xD83D); // a high surrogate alone
    units.extend("这个我不知道".encode_utf16());
    units.push(0xDE00); // a low surrogate alone
    units.extend("。加微信".encode_utf16());
    units.extend([0xDC00, 0xD800]); // reversed pair
    units.extend("yyds".encode_utf16());
    let draft = js_units(&units);
    let report = check(&c, draft.clone().into());
    let found = assert_offsets(&draft, &report);
    for (trigger, rule) in
        [("不知道", "blunt.dont-know"), ("加微信", "compliance.off-platform-contact"), ("yyds", "slang.internet-slang")]
    {
        assert!(found.iter().any(|(r, t)| r == rule && t.contains(trigger)), "{rule} on “{trigger}”: {found:?}");
    }
}

#[wasm_bindgen_test]
async fn report_is_the_native_report_as_plain_objects() {
    next_task().await;
    let c = coach("{}");
    let native = Coach::new(Config::default()).expect("default config");
    // 你 × 1,003: one rule lists 1,000 and counts the rest in `omitted`.
    let many = "你".repeat(1003);
    let drafts = ["不知道。", "亲,这个我不知道!!!加微信吧🙂🙂🙂", "𠮷\r\n你自己看吧", "", many.as_str()];
    for d in drafts {
        let report = check(&c, JsValue::from_str(d));
        assert_eq!(Object::get_prototype_of(&report), Object::get_prototype_of(&Object::new().into()));
        assert!(get(&get(&report, "scores"), "politeness").as_f64().is_some(), "scores is a plain object");
        let expected = serde_json::to_string(&native.check(&Request::draft(d))).expect("serialisable");
        let got = String::from(JSON::stringify(&report).expect("stringify"));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&got).expect("JSON"),
            serde_json::from_str::<serde_json::Value>(&expected).expect("JSON"),
            "{d}"
        );
    }
}

/// docs/contracts.md: `situation` (string or null) and `templates` ([{id, situation, text}]),
/// the native report's, through the page's boundary; a team phrasebook in the config takes
/// precedence, a bad one is refused naming the entry and changes nothing.
#[wasm_bindgen_test]
async fn situation_and_templates_cross_the_boundary() {
    next_task().await;
    let c = coach("{}");
    let native = Coach::new(Config::default()).expect("default config");
    for (draft, customer) in [("好的", "等了一个星期了还没到"), ("您好", ""), ("", "可以开发票吗")]
    {
        let report = check(&c, request(&JsString::from(draft), customer, false));
        let req = Request { draft: draft.into(), customer: customer.into(), ..Request::default() };
        let expected = serde_json::to_value(native.check(&req)).expect("serialisable");
        let got = String::from(JSON::stringify(&report).expect("stringify"));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&got).expect("JSON"), expected, "{customer}");
    }
    let report = check(&c, request(&JsString::from("好的"), "等了一个星期了还没到", false));
    assert_eq!(text(&report, "situation"), "late");
    let templates: Array = get(&report, "templates").dyn_into().expect("templates is an array");
    assert!(templates.length() >= 1 && templates.length() <= 3);
    assert_eq!(text(&templates.get(0), "situation"), "late");
    let report = check(&c, request(&JsString::from("好的"), "", false));
    assert!(get(&report, "situation").is_null());
    assert_eq!(Array::from(&get(&report, "templates")).length(), 0);

    let team = r#"{"phrasebook": {"name": "售后组", "entries": [{"id": "our-late", "situation": "late", "text": "非常抱歉,单号【单号】预计【预计时间】送达。"}]}}"#;
    let mut c = coach(team);
    let report = check(&c, request(&JsString::from(""), "还没到", false));
    assert_eq!(text(&Array::from(&get(&report, "templates")).get(0), "id"), "our-late");
    let bad = r#"{"phrasebook": {"name": "售后组", "entries": [{"id": "x", "situation": "lost", "text": "t"}]}}"#;
    let err = c.configure(Some(js(bad))).err().expect("a bad phrasebook is refused");
    let msg = message(err.into());
    assert!(msg.contains("第 1 条") && msg.contains("situation"), "{msg}");
    let report = check(&c, request(&JsString::from(""), "还没到", false));
    assert_eq!(text(&Array::from(&get(&report, "templates")).get(0), "id"), "our-late", "nothing changed");
}

#[wasm_bindgen_test]
async fn request_fields_and_shorthand() {
    next_task().await;
    let c = coach("{}");
    // The customer's complaint asks for an apology; a string draft has no customer.
    let draft = "包裹在转运中心,明天到。";
    let with = check(&c, js(&format!(r#"{{"draft":"{draft}","customer":"快递怎么还没到,太慢了!"}}"#)));
    let without = check(&c, JsValue::from_str(draft));
    let rules = |r: &JsValue| findings(r).iter().map(|f| text(f, "rule")).collect::<Vec<_>>();
    assert!(rules(&with).iter().any(|r| r.starts_with("apology.")), "{:?}", rules(&with));
    assert!(!rules(&without).iter().any(|r| r.starts_with("apology.")));
    // first_reply asks for a greeting.
    let first = check(&c, js(r#"{"draft":"这款有货。","first_reply":true}"#));
    assert!(rules(&first).contains(&"greeting.missing-greeting".to_owned()));
    // A per-draft platform overrides the coach's: 亲 is too casual on generic.
    let generic = check(&c, js(r#"{"draft":"亲,这款有货的。","platform":"generic"}"#));
    assert!(rules(&generic).contains(&"address.qin-on-formal-platform".to_owned()), "{:?}", rules(&generic));
    // Unknown keys are ignored, as in the CLI.
    check(&c, js(r#"{"draft":"好的","id":7}"#));
}

#[wasm_bindgen_test]
async fn bad_requests_throw_errors_that_name_the_field() {
    next_task().await;
    let c = coach("{}");
    let cases: &[(JsValue, &str)] = &[
        (js(r#"{"draft":"好的","platform":"weibo"}"#), "platform"),
        (js(r#"{"draft":5}"#), "draft"),
        (js(r#"{"draft":"好的","customer":["a"]}"#), "customer"),
        (js(r#"{"draft":"好的","first_reply":"yes"}"#), "first_reply"),
        (JsValue::from_f64(5.0), "request"),
        (JsValue::NULL, "request"),
        (js("[]"), "request"),
    ];
    for (req, field) in cases {
        let m = match c.check(req.clone()) {
            Ok(_) => panic!("{req:?} should throw"),
            Err(e) => message(e.into()),
        };
        assert!(m.contains(field), "“{m}” should name {field}");
    }
}

// ---------------------------------------------------------------- config

#[wasm_bindgen_test]
async fn bad_config_throws_an_error_that_says_what_and_where() {
    next_task().await;
    let cases: &[(&str, &[&str])] = &[
        (r#"{"platform":"weibo"}"#, &["platform", "weibo"]),
        (r#"{"colour":"red"}"#, &["colour"]),
        (r#"{"disabled_rules":["blunt.nope"]}"#, &["disabled_rules", "blunt.nope"]),
        (r#"{"disabledCategories":["rudeness"]}"#, &["disabled_categories", "rudeness"]),
        (r#"{"disabled_rules":"blunt.dont-know"}"#, &["config"]),
        (
            r#"{"packs":[{"name":"售后组","rules":[{"id":"x","pattern":"(呵呵","category":"impatience","severity":"warning","message":"m"}]}]}"#,
            &["售后组", "1", "pattern", "第 1 个字符处", "“(” 没有对应的 “)”"],
        ),
        (
            r#"{"packs":[{"name":"售后组","rules":[{"id":"x","pattern":"呵呵","category":"mood","severity":"warning","message":"m"}]}]}"#,
            &["售后组", "category", "mood"],
        ),
        (
            r#"{"packs":[{"name":"售后组","rules":[{"id":"dont-know","pattern":"呵呵","category":"blunt","severity":"warning","message":"m"}]}]}"#,
            &["售后组", "blunt.dont-know"],
        ),
        (r#"{"packs":[{"rules":[]}]}"#, &["name"]),
    ];
    for (config, words) in cases {
        let m = config_error(js(config));
        for w in *words {
            assert!(m.contains(w), "“{m}” should mention {w} (config {config})");
        }
    }
    for not_an_object in [JsValue::from_f64(1.0), JsValue::from_str("jd"), js("[]")] {
        assert!(config_error(not_an_object).contains("config"));
    }
}

#[wasm_bindgen_test]
async fn config_presets_switches_and_packs() {
    next_task().await;
    assert!(JsCoach::new(None).is_ok());
    assert!(JsCoach::new(Some(JsValue::UNDEFINED)).is_ok());
    assert!(JsCoach::new(Some(JsValue::NULL)).is_ok());
    assert_eq!(coach(r#"{"platform":"jd"}"#).platform(), "jd");
    assert_eq!(coach("{}").platform(), "taobao");

    let flagged = |c: &JsCoach, d: &str| {
        findings(&check(c, JsValue::from_str(d))).iter().map(|f| text(f, "rule")).collect::<Vec<_>>()
    };
    assert!(flagged(&coach("{}"), "不知道。").contains(&"blunt.dont-know".to_owned()));
    assert!(flagged(&coach(r#"{"disabledRules":["blunt.dont-know"]}"#), "不知道。").is_empty());
    assert!(flagged(&coach(r#"{"disabled_categories":["blunt"]}"#), "不知道。").is_empty());

    let pack = r#"{"name":"售后组","rules":[{"id":"no-hehe","pattern":"呵呵","category":"impatience","severity":"warning","message":"“呵呵”容易被理解为嘲讽","suggestions":["好的"]}]}"#;
    let c = coach(&format!(r#"{{"packs":[{pack}]}}"#));
    let draft = JsString::from("🙂呵呵,知道了");
    let found = assert_offsets(&draft, &check(&c, draft.clone().into()));
    assert!(found.contains(&("impatience.no-hehe".to_owned(), "呵呵".to_owned())), "{found:?}");

    // addPack and configure: a bad one throws and changes nothing.
    let mut c = coach("{}");
    c.add_pack(js(pack)).map_err(|e| message(e.into())).expect("pack accepted");
    assert!(flagged(&c, "呵呵").contains(&"impatience.no-hehe".to_owned()));
    assert!(c.add_pack(js(r#"{"name":"x","rules":[{"id":"Bad"}]}"#)).is_err());
    assert!(c.configure(Some(js(r#"{"platform":"nowhere"}"#))).is_err());
    assert_eq!(c.platform(), "taobao");
    assert!(flagged(&c, "呵呵").contains(&"impatience.no-hehe".to_owned()));
    c.configure(Some(js(r#"{"platform":"douyin"}"#))).map_err(|e| message(e.into())).expect("configure");
    assert_eq!(c.platform(), "douyin");
}

/// A value built by JavaScript source (boxed strings, class instances, other realms).
fn js_eval(src: &str) -> JsValue {
    js_sys::eval(src).unwrap_or_else(|e| panic!("the test's JS threw: {e:?} ({src})"))
}

/// Objects that are not plain (a boxed string, a Map, a Date, a class instance) used to read as
/// an empty object: `check(new String('不知道'))` scored 100 with no findings and
/// `new Coach(new Map())` was the default configuration. They throw an Error that names what
/// came in and how to pass it; plain objects from any realm still work.
#[wasm_bindgen_test]
async fn non_plain_objects_are_refused_with_a_message_to_act_on() {
    next_task().await;
    let c = coach("{}");
    let check_error = |v: JsValue| match c.check(v.clone()) {
        Ok(r) => panic!("{v:?} should throw, got score {}", num(&r, "score")),
        Err(e) => message(e.into()),
    };
    let requests: &[(&str, &[&str])] = &[
        ("new String('不知道')", &["request", "String 对象", "String(x)"]),
        ("new Map([['draft', '不知道']])", &["request", "Map", "Object.fromEntries"]),
        ("new Date()", &["request", "Date 对象"]),
        ("new (class Draft { constructor() { this.draft = '不知道'; } })()", &["request", "Draft 对象", "普通对象"]),
        ("new Number(5)", &["request", "Number 对象"]),
    ];
    for (src, words) in requests {
        let m = check_error(js_eval(src));
        for w in *words {
            assert!(m.contains(w), "check({src}): “{m}” should mention {w}");
        }
    }
    let config_error_of = |src: &str| config_error(js_eval(src));
    for (src, words) in [
        ("new Map([['platform', 'jd']])", &["config", "Map", "Object.fromEntries"][..]),
        ("new String('jd')", &["config", "String 对象"][..]),
        ("new (class Settings { constructor() { this.platform = 'jd'; } })()", &["config", "Settings 对象"][..]),
    ] {
        let m = config_error_of(src);
        for w in words {
            assert!(m.contains(w), "new Coach({src}): “{m}” should mention {w}");
        }
    }
    let mut c2 = coach(r#"{"platform":"jd"}"#);
    let m = c2
        .configure(Some(js_eval("new Map()")))
        .map(|_| ())
        .map_err(|e| message(e.into()))
        .expect_err("configure(new Map())");
    assert!(m.contains("config") && m.contains("Map"), "{m}");
    assert_eq!(c2.platform(), "jd", "a refused configure keeps the coach as it was");
    let m = c2.add_pack(js_eval("new Map()")).map_err(|e| message(e.into())).expect_err("addPack(new Map())");
    assert!(m.contains("pack") && m.contains("Map"), "{m}");

    // Plain objects still work: no prototype, and another realm's Object (an iframe's).
    let flagged = |v: JsValue| findings(&check(&c, v)).iter().map(|f| text(f, "rule")).collect::<Vec<_>>();
    let null_proto = js_eval("Object.assign(Object.create(null), { draft: '不知道。' })");
    assert!(flagged(null_proto).contains(&"blunt.dont-know".to_owned()));
    let foreign = js_eval(
        "(() => { const f = document.createElement('iframe'); document.body.appendChild(f); \
         const o = f.contentWindow.JSON.parse('{\"draft\":\"不知道。\"}'); \
         return Object.getPrototypeOf(o) === Object.prototype ? null : o; })()",
    );
    assert!(foreign.is_object(), "the iframe's object should come from another realm");
    assert!(flagged(foreign).contains(&"blunt.dont-know".to_owned()));
    let foreign_config =
        js_eval("(() => { const f = document.querySelector('iframe'); return f.contentWindow.JSON.parse('{\"platform\":\"jd\"}'); })()");
    let c3 = JsCoach::new(Some(foreign_config)).map_err(|e| message(e.into())).expect("another realm's plain config");
    assert_eq!(c3.platform(), "jd");
    js_eval("document.querySelector('iframe').remove()");
}

// ---------------------------------------------------------------- rules

#[wasm_bindgen_test]
async fn rules_metadata_matches_the_core() {
    next_task().await;
    let rules = JsCoach::rules().map_err(|e| message(e.into())).expect("rules");
    assert!(Array::is_array(&rules));
    let rules: Vec<JsValue> = rules.unchecked_into::<Array>().iter().collect();
    let native = Coach::rules();
    assert_eq!(rules.len(), native.len());
    assert!(!rules.is_empty());
    for (js_rule, n) in rules.iter().zip(&native) {
        assert_eq!(text(js_rule, "id"), n.id);
        assert_eq!(text(js_rule, "category"), n.category.id());
        assert_eq!(text(js_rule, "severity"), n.severity.as_str());
        assert_eq!(text(js_rule, "title"), n.title);
        assert_eq!(text(js_rule, "summary"), n.summary);
        assert_eq!(text(js_rule, "doc"), n.doc);
        assert!(!n.title.is_empty() && !n.doc.is_empty(), "{} needs a title and a doc", n.id);
        assert!(!n.summary.is_empty(), "{} needs a summary", n.id);
    }
}

/// The `.d.ts` lists exactly the categories of the core.
#[wasm_bindgen_test]
async fn typescript_category_union_matches_the_core() {
    next_task().await;
    let dts = include_str!("../src/wasm/types.d.ts");
    let start = dts.find("export type Category =").expect("Category type in types.d.ts");
    let union = &dts[start..start + dts[start..].find(';').expect("end of the union")];
    let mut listed: Vec<&str> = union.split('"').skip(1).step_by(2).collect();
    let mut core: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
    listed.sort_unstable();
    core.sort_unstable();
    assert_eq!(listed, core);
}

// ---------------------------------------------------------------- size and memory

#[wasm_bindgen_test]
async fn empty_and_blank_drafts() {
    next_task().await;
    let c = coach("{}");
    for d in ["", " ", "\r\n", "。。"] {
        let report = check(&c, JsValue::from_str(d));
        let draft = JsString::from(d);
        assert_offsets(&draft, &report);
        assert!(num(&report, "score") <= 100);
    }
    let empty = check(&c, JsValue::from_str(""));
    assert_eq!(num(&empty, "score"), 100);
    assert!(findings(&empty).is_empty());
    let empty_object = check(&c, js("{}"));
    assert!(findings(&empty_object).is_empty());
}

#[wasm_bindgen_test]
async fn a_one_megabyte_draft() {
    next_task().await;
    let c = coach("{}");
    let piece = "亲,这个我不知道!!!🙂🙂🙂加微信吧𠮷\r\n您好,SKU已经揽收了,yyds。";
    let units = piece.encode_utf16().count();
    let draft = JsString::from(piece.repeat((1usize << 20).div_ceil(units)));
    assert!(draft.length() >= 1 << 20);
    let report = check(&c, request(&draft, "快递怎么还没到?", true));
    let found = assert_offsets(&draft, &report);
    assert!(found.len() > 1000, "a megabyte of bad phrasing should give many findings, got {}", found.len());
    assert!(found.iter().any(|(r, t)| r == "blunt.dont-know" && t.contains("不知道")));
}

fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

#[wasm_bindgen_test]
async fn ten_thousand_checks_leave_memory_flat() {
    next_task().await;
    let c = coach("{}");
    let drafts: Vec<JsValue> = [
        "不知道。",
        "亲,您好!这款我们支持七天无理由退换货,有问题随时联系我哦。",
        "这个我不知道!!!加微信吧🙂🙂🙂👍🏻𠮷",
        "包裹在转运中心滞留了,非常抱歉,预计明天送达,给您添麻烦了。",
        "",
    ]
    .iter()
    .map(|d| request(&JsString::from(*d), "我的快递怎么还没到?", true))
    .collect();
    let run = |n: usize| {
        for i in 0..n {
            check(&c, drafts[i % drafts.len()].clone());
        }
    };
    // Coaches with a pack, made and dropped.
    let coaches = |n: usize| {
        for _ in 0..n {
            let pack = coach(
                r#"{"packs":[{"name":"p","rules":[{"id":"a","pattern":"呵呵+","category":"impatience","severity":"warning","message":"m"}]}]}"#,
            );
            check(&pack, JsValue::from_str("呵呵呵"));
        }
    };
    run(500);
    coaches(20);
    let before = memory_bytes();
    run(10_000);
    coaches(200);
    let after = memory_bytes();
    assert_eq!(before, after, "WebAssembly memory grew from {before} to {after} bytes over 10,000 checks");
}
