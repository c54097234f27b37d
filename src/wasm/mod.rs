//! The WebAssembly boundary: the only module that names `wasm_bindgen`.
