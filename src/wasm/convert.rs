//! JS values in, JS values out: the core's types across the boundary.
//!
//! - A configuration or pack goes through `JSON.stringify` and the core's own JSON reader, so
//!   unknown keys are refused and errors read as they do in the CLI.
//! - A request is read field by field: no JSON round trip on the hot path, and a draft with
//!   a lone surrogate arrives with U+FFFD in its place (one UTF-16 unit for one).
//! - The review's results go out as plain objects and arrays (`json_compatible`); a check's
//!   report and the rule metadata are built in `report.rs`.

#[cfg(feature = "review")]
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::packs::Pack;
use crate::{Config, Error, Request};

/// The core's error as a JS `Error`; its message says what is wrong and where.
pub fn error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

// Whether a value is a plain object, asked in JavaScript (prototypes and constructor names
// are JS's business, and this keeps the wasm small). A plain object is a literal `{…}`,
// `Object.create(null)`, or one of those from another realm (a frame, a content script's
// sandbox). A boxed string, a `Map`, a `Date` or a class instance is not: it would read as an
// empty object (no fields, or `{}` through `JSON.stringify`) and pass silently as an empty
// draft or the default configuration.
#[wasm_bindgen(inline_js = "
const TYPES = { string: '字符串', number: '数字', boolean: '布尔值', function: '函数' };
export function notPlain(v) {
  if (v === null || typeof v !== 'object') return v === null ? 'null' : TYPES[typeof v] || typeof v;
  if (Array.isArray(v)) return '数组';
  try {
    const p = Object.getPrototypeOf(v);
    if (p === null || Object.getPrototypeOf(p) === null) return '';
    const n = String((p.constructor && p.constructor.name) || '非普通');
    if (n === 'String') return 'String 对象(new String(…)),请传入字符串本身,例如 String(x)';
    if (n === 'Map') return 'Map 对象,请先转换为普通对象,例如 Object.fromEntries(map)';
    const boxed = n === 'Number' || n === 'Boolean' ? `(new ${n}(…))` : '';
    return `${n} 对象${boxed},请传入普通对象(对象字面量 {…})`;
  } catch (_) {
    return '非普通对象'; // a Proxy whose traps throw
  }
}")]
extern "C" {
    /// `''` for a plain object; otherwise what the value is and how to pass it instead.
    #[wasm_bindgen(js_name = notPlain)]
    fn not_plain_kind(value: &JsValue) -> String;
}

/// `None` for a plain object; otherwise the error message: `what`, then what came in.
fn not_plain(value: &JsValue, what: &str) -> Option<String> {
    let got = not_plain_kind(value);
    (!got.is_empty()).then(|| format!("{what};收到的是{got}"))
}

/// `JSON.stringify` of a value the caller gave us, or why it can't be read.
fn json_text(value: &JsValue) -> Result<String, String> {
    match js_sys::JSON::stringify(value) {
        Ok(s) => s.as_string().ok_or_else(|| "无法转换为 JSON".to_owned()),
        Err(e) => Err(format!("无法转换为 JSON ({})", js_sys::Error::from(e).message())),
    }
}

/// `undefined` or `null` is the default configuration; anything else must be an object.
pub fn config(value: Option<JsValue>) -> Result<Config, JsError> {
    let Some(value) = value.filter(|v| !v.is_null() && !v.is_undefined()) else {
        return Ok(Config::default());
    };
    if let Some(m) = not_plain(&value, "配置应是一个普通对象,例如 {platform: 'jd'}") {
        return Err(error(Error::config("config", m)));
    }
    let text = json_text(&value).map_err(|m| error(Error::config("config", m)))?;
    Config::from_json(&text).map_err(error)
}

/// A team pack as a JS object.
pub fn pack(value: JsValue) -> Result<Pack, JsError> {
    if let Some(m) = not_plain(&value, "规则包应是一个普通对象,例如 {name: '售后组', rules: [...]}") {
        return Err(error(Error::config("pack", m)));
    }
    let text = json_text(&value).map_err(|m| error(Error::config("pack", m)))?;
    serde_json::from_str(&text).map_err(|e| error(Error::config("pack", e.to_string())))
}

/// A string is a draft without context; an object is a full request. Unknown keys are
/// ignored, as in the CLI.
pub fn request(value: JsValue) -> Result<Request, JsError> {
    if let Some(draft) = value.as_string() {
        return Ok(Request::draft(draft));
    }
    if let Some(m) = not_plain(
        &value,
        "check() 需要字符串,或 {draft, customer, first_reply, agent_since, previous_reply, platform} 普通对象",
    ) {
        return Err(error(Error::request("request", m)));
    }
    Ok(Request {
        draft: string_field(&value, "draft")?.unwrap_or_default(),
        customer: string_field(&value, "customer")?.unwrap_or_default(),
        first_reply: bool_field(&value, "first_reply")?,
        agent_since: string_field(&value, "agent_since")?.unwrap_or_default(),
        previous_reply: string_field(&value, "previous_reply")?.unwrap_or_default(),
        platform: string_field(&value, "platform")?,
    })
}

/// The field's value; `undefined` and `null` count as absent.
fn field(obj: &JsValue, name: &str) -> Result<Option<JsValue>, JsError> {
    let v = js_sys::Reflect::get(obj, &JsValue::from_str(name))
        .map_err(|_| error(Error::request(name, "无法读取此字段")))?;
    Ok(if v.is_undefined() || v.is_null() { None } else { Some(v) })
}

fn string_field(obj: &JsValue, name: &str) -> Result<Option<String>, JsError> {
    match field(obj, name)? {
        None => Ok(None),
        Some(v) => v.as_string().map(Some).ok_or_else(|| error(Error::request(name, "应是字符串"))),
    }
}

fn bool_field(obj: &JsValue, name: &str) -> Result<bool, JsError> {
    match field(obj, name)? {
        None => Ok(false),
        Some(v) => v.as_bool().ok_or_else(|| error(Error::request(name, "应是 true 或 false"))),
    }
}

/// The review's results (the coach's own are made by hand in `report.rs`).
#[cfg(feature = "review")]
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("内部错误: 结果无法转换为 JS 对象 ({e})")))
}
