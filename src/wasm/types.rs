//! The TypeScript shapes of the JS API, added verbatim to `pkg/kefu_coach.d.ts`.
//!
//! The methods in `mod.rs` name these types (`unchecked_param_type`, `unchecked_return_type`)
//! so that no `any` is left in the public API. Keep them in step with `RULES.md`, `Config`,
//! `Request`, `Report` and `packs.rs`; `tests/web.rs` checks the category list.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");
