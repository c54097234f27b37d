//! GB18030 in the browser: its own `TextDecoder` (the WHATWG decoder, as encoding_rs is
//! natively), so the wasm carries no GB18030 tables.

use std::borrow::Cow;

use wasm_bindgen::prelude::*;
use web_sys::{TextDecoder, TextDecoderOptions};

use crate::review::Gb18030Decoder;

/// Two `TextDecoder("gb18030")`: one fatal (bad bytes are an error), one replacing them.
pub struct BrowserGb18030 {
    strict: TextDecoder,
    lossy: TextDecoder,
}

impl BrowserGb18030 {
    /// Fails only in a browser without GB18030 in its `TextDecoder`.
    pub fn new() -> Result<BrowserGb18030, JsError> {
        let unavailable = |_| JsError::new("这个浏览器的 TextDecoder 不支持 GB18030,无法读取 GBK 编码的记录");
        let options = TextDecoderOptions::new();
        options.set_fatal(true);
        let strict = TextDecoder::new_with_label_and_options("gb18030", &options).map_err(unavailable)?;
        let lossy = TextDecoder::new_with_label("gb18030").map_err(unavailable)?;
        Ok(BrowserGb18030 { strict, lossy })
    }
}

impl Gb18030Decoder for BrowserGb18030 {
    fn decode<'a>(&self, bytes: &'a [u8]) -> Option<Cow<'a, str>> {
        // A fatal decoder throws a TypeError on bytes that are not GB18030.
        self.strict.decode_with_u8_array(bytes).ok().map(Cow::Owned)
    }

    fn decode_lossy(&self, bytes: &[u8]) -> String {
        // A replacing decoder does not throw on any bytes.
        self.lossy.decode_with_u8_array(bytes).unwrap_or_default()
    }
}
