//! Batch review (复盘) for the page's Web Worker: the log is fed in chunks of bytes, nothing
//! leaves the browser.
//!
//! ```js
//! const review = new Review({ preset: 'auto', map: 'text=内容', encoding: 'auto', csv: true });
//! for (const chunk of chunks) {
//!   const p = review.push(chunk);          // {bytes, lines, checked, malformed}
//!   csvParts.push(review.takeCsv());       // findings CSV written so far (header first)
//! }
//! const { report, html, csv } = review.finish('chat.csv'); // report model, its HTML page, last CSV rows
//! ```

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::convert;
use super::decoder::BrowserGb18030;
use crate::review::{html, Encoding, Options, Overrides, Review, ReviewReport};
use crate::Config;

/// What the page lets a trainer choose.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewOptions {
    #[serde(default)]
    preset: Option<String>,
    /// `session=会话ID,role=角色,text=内容,agent=客服,time=时间,agent_value=客服`
    #[serde(default)]
    map: Option<String>,
    #[serde(default)]
    encoding: Option<String>,
    #[serde(default)]
    config: Option<Config>,
    /// Also build the findings CSV.
    #[serde(default)]
    csv: bool,
}

#[derive(Serialize)]
struct Finished<'a> {
    report: &'a ReviewReport,
    html: String,
    /// The last rows of the findings CSV.
    csv: String,
}

/// A review in progress.
#[wasm_bindgen(js_name = Review)]
pub struct JsReview {
    inner: Option<Review>,
}

#[wasm_bindgen(js_class = Review)]
impl JsReview {
    /// Throws an `Error` saying what is wrong with the options.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<JsValue>) -> Result<JsReview, JsError> {
        let o = match options.filter(|v| !v.is_null() && !v.is_undefined()) {
            None => ReviewOptions::default(),
            Some(v) => {
                let text = js_sys::JSON::stringify(&v)
                    .ok()
                    .and_then(|s| s.as_string())
                    .ok_or_else(|| JsError::new("复盘选项无法转换为 JSON"))?;
                serde_json::from_str(&text).map_err(|e| JsError::new(&format!("复盘选项有误: {e}")))?
            }
        };
        let overrides = match o.map.as_deref().map(str::trim) {
            None | Some("") => Overrides::default(),
            Some(m) => Overrides::parse(m).map_err(|e| JsError::new(&e))?,
        };
        let encoding = match o.encoding.as_deref() {
            None => None,
            Some(e) => Encoding::parse(e).map_err(|e| JsError::new(&e))?,
        };
        let options = Options {
            preset: o.preset.unwrap_or_else(|| "auto".into()),
            overrides,
            encoding,
            config: o.config.unwrap_or_default(),
        };
        if !crate::review::mapping::PRESETS.contains(&options.preset.as_str()) {
            return Err(JsError::new(&format!(
                "未知预设 “{}”,可选 {}",
                options.preset,
                crate::review::mapping::PRESETS.join("、")
            )));
        }
        let gb18030 = Box::new(BrowserGb18030::new()?);
        let inner = Review::with_decoder(options, o.csv, gb18030).map_err(|e| JsError::new(&e))?;
        Ok(JsReview { inner: Some(inner) })
    }

    /// Read the next bytes of the file. Returns `{bytes, lines, checked, malformed}`.
    /// Throws when the file can't be read as configured (e.g. no text column).
    pub fn push(&mut self, bytes: &[u8]) -> Result<JsValue, JsError> {
        let inner = self.inner.as_mut().ok_or_else(|| JsError::new("复盘已结束"))?;
        inner.push(bytes).map_err(|e| JsError::new(&e))?;
        convert::to_js(&inner.progress())
    }

    /// The findings CSV produced since the last call (the header comes first).
    #[wasm_bindgen(js_name = takeCsv)]
    pub fn take_csv(&mut self) -> String {
        self.inner.as_mut().map(Review::take_csv).unwrap_or_default()
    }

    /// The end of the file: `{report, html, csv}` (`csv`: the rows not yet taken); `source` names the file in the HTML.
    pub fn finish(&mut self, source: Option<String>) -> Result<JsValue, JsError> {
        let inner = self.inner.take().ok_or_else(|| JsError::new("复盘已结束"))?;
        let (report, csv) = inner.finish_with_csv().map_err(|e| JsError::new(&e))?;
        let page = html::render(&report, source.as_deref().unwrap_or("聊天记录"));
        convert::to_js(&Finished { report: &report, html: page, csv })
    }
}
