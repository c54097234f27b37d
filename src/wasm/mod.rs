//! The WebAssembly boundary: the only module that names `wasm_bindgen`.
//!
//! ```js
//! import init, { Coach } from './pkg/kefu_coach.js';
//! await init();
//! const coach = new Coach({ platform: 'jd' });   // throws Error on a bad config
//! coach.check({ draft, customer, first_reply }); // {score, scores, findings}
//! coach.check('草稿');                            // a draft without context
//! Coach.rules();                                 // [{id, category, severity, title, doc}]
//! ```
//!
//! Offsets in findings are UTF-16 code units, so `draft.slice(f.start, f.end)` is the flagged
//! text. A JS string with a lone surrogate arrives here with U+FFFD in its place: one UTF-16
//! unit for one, so offsets stay aligned with the caller's string.
//!
//! Files: `convert.rs` turns JS values into the core's types and back, `report.rs` builds a
//! report's JS objects on the hot path, `types.rs` holds the TypeScript shapes the generated
//! `.d.ts` refers to, `decoder.rs` reads GB18030 with the browser's `TextDecoder`.

mod convert;
#[cfg(feature = "review")]
mod decoder;
mod report;
#[cfg(feature = "review")]
mod review;
mod types;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::{Coach, Config};

/// Runs once when the module is instantiated: a Rust panic then reaches the console readably.
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The checker, configured once and then called for every keystroke.
#[wasm_bindgen(js_name = Coach)]
pub struct JsCoach {
    inner: Coach,
    /// JS strings of recent reports (see `report.rs`).
    strings: RefCell<report::Strings>,
}

#[wasm_bindgen(js_class = Coach)]
impl JsCoach {
    /// A coach with a platform preset, rules or categories switched off, and team packs.
    /// Throws an `Error` naming the field when the configuration is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "CoachConfig")] config: Option<JsValue>,
    ) -> Result<JsCoach, JsError> {
        let config = convert::config(config)?;
        let inner = Coach::new(config).map_err(convert::error)?;
        Ok(JsCoach { inner, strings: RefCell::default() })
    }

    /// Replace the configuration. On error the coach keeps the rules it had.
    pub fn configure(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "CoachConfig")] config: Option<JsValue>,
    ) -> Result<(), JsError> {
        let config: Config = convert::config(config)?;
        self.inner.configure(config).map_err(convert::error)
    }

    /// Add (or replace, by name) a team rule pack. A bad pack throws and changes nothing.
    #[wasm_bindgen(js_name = addPack)]
    pub fn add_pack(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TeamPack")] pack: JsValue,
    ) -> Result<(), JsError> {
        let pack = convert::pack(pack)?;
        self.inner.add_pack(&pack).map_err(convert::error)
    }

    /// The platform preset in force.
    #[wasm_bindgen(getter, unchecked_return_type = "Platform")]
    pub fn platform(&self) -> String {
        self.inner.platform().id().to_owned()
    }

    /// Check a draft: `check('草稿')` or `check({draft, customer, first_reply, platform})`.
    /// Throws only on a request that can't be honoured (wrong types, an unknown platform).
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | CheckRequest")] request: JsValue,
    ) -> Result<JsValue, JsError> {
        let request = convert::request(request)?;
        let report = self.inner.try_check(&request).map_err(convert::error)?;
        Ok(self.strings.borrow_mut().report(&report))
    }

    /// Metadata of every built-in rule, for settings screens and the rules page.
    #[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
    // Still a `Result`: the API's shape stays as it was when this was serialized.
    #[allow(clippy::unnecessary_wraps)]
    pub fn rules() -> Result<JsValue, JsError> {
        Ok(report::rules(&Coach::rules()).into())
    }
}
