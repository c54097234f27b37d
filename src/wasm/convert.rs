//! JS values in, JS values out: the core's types across the boundary.
//!
//! - A configuration or pack goes through `JSON.stringify` and the core's own JSON reader, so
//!   unknown keys are refused and errors read as they do in the CLI.
//! - A request is read field by field: no JSON round trip on the hot path, and a draft with
//!   a lone surrogate arrives with U+FFFD in its place (one UTF-16 unit for one).
//! - Rule metadata and other results go out as plain objects and arrays (`json_compatible`);
//!   a check's report is built in `report.rs`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::packs::Pack;
use crate::{Config, Error, Request};

/// The core's error as a JS `Error`; its message says what is wrong and where.
pub fn error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

/// A plain object: a literal `{…}`, `Object.create(null)`, or one of those from another
/// realm (a frame, a content script's sandbox, a structured clone). Not an array, a function,
/// a boxed primitive (`new String('…')`), a `Map`, a `Date` or a class instance: those would
/// otherwise read as an empty object (no fields, or `JSON.stringify` giving `{}`) and pass
/// silently as an empty draft or the default configuration.
fn is_plain_object(v: &JsValue) -> bool {
    if !v.is_object() || js_sys::Array::is_array(v) || v.is_function() {
        return false;
    }
    // `Reflect.getPrototypeOf` (a Proxy's trap may throw: then it is not plain either).
    match js_sys::Reflect::get_prototype_of(v) {
        Ok(proto) if proto.is_null() => true,
        Ok(proto) => js_sys::Reflect::get_prototype_of(&proto).is_ok_and(|p| p.is_null()),
        Err(_) => false,
    }
}

/// What a value the caller gave us is, for an error message: `String 对象`, `Map`, `数组`…
fn kind(v: &JsValue) -> String {
    if v.is_null() {
        return "null".to_owned();
    }
    if v.is_undefined() {
        return "undefined".to_owned();
    }
    if v.as_string().is_some() {
        return "字符串".to_owned();
    }
    if v.as_f64().is_some() {
        return "数字".to_owned();
    }
    if v.as_bool().is_some() {
        return "布尔值".to_owned();
    }
    if js_sys::Array::is_array(v) {
        return "数组".to_owned();
    }
    if v.is_function() {
        return "函数".to_owned();
    }
    if !v.is_object() {
        return v.js_typeof().as_string().unwrap_or_default();
    }
    // The constructor's name, read without calling anything the caller defined beyond a getter.
    let name = js_sys::Reflect::get_prototype_of(v)
        .ok()
        .filter(|p| !p.is_null())
        .and_then(|p| js_sys::Reflect::get(&p, &JsValue::from_str("constructor")).ok())
        .filter(|c| c.is_function())
        .and_then(|c| js_sys::Reflect::get(&c, &JsValue::from_str("name")).ok())
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty());
    match name.as_deref() {
        Some(n @ ("String" | "Number" | "Boolean")) => format!("{n} 对象(new {n}(…))"),
        Some(n) => format!("{n} 对象"),
        None => "非普通对象".to_owned(),
    }
}

/// The hint after "收到的是 …": a boxed string is unboxed with `String(x)`; other objects are
/// copied into a plain one.
fn not_plain(v: &JsValue, what: &str) -> String {
    let got = kind(v);
    let fix = match got.as_str() {
        s if s.starts_with("String 对象") => ",请传入字符串本身,例如 String(x)",
        s if s.starts_with("Map") => ",请先转换为普通对象,例如 Object.fromEntries(map)",
        s if s.ends_with("对象") => ",请传入普通对象(对象字面量 {…})",
        _ => "",
    };
    format!("{what};收到的是{got}{fix}")
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
    if !is_plain_object(&value) {
        return Err(error(Error::config("config", not_plain(&value, "配置应是一个普通对象,例如 {platform: 'jd'}"))));
    }
    let text = json_text(&value).map_err(|m| error(Error::config("config", m)))?;
    Config::from_json(&text).map_err(error)
}

/// A team pack as a JS object.
pub fn pack(value: JsValue) -> Result<Pack, JsError> {
    if !is_plain_object(&value) {
        return Err(error(Error::config(
            "pack",
            not_plain(&value, "规则包应是一个普通对象,例如 {name: '售后组', rules: [...]}"),
        )));
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
    if !is_plain_object(&value) {
        return Err(error(Error::request(
            "request",
            not_plain(&value, "check() 需要字符串,或 {draft, customer, first_reply, platform} 普通对象"),
        )));
    }
    Ok(Request {
        draft: string_field(&value, "draft")?.unwrap_or_default(),
        customer: string_field(&value, "customer")?.unwrap_or_default(),
        first_reply: bool_field(&value, "first_reply")?,
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

pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("内部错误: 结果无法转换为 JS 对象 ({e})")))
}
