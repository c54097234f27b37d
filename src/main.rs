//! `kefu-coach`: the command line.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args_os().collect()));
}

/// The CLI is native only, but `cargo test --target wasm32-unknown-unknown` (tests/web.rs)
/// still builds every binary of the package.
#[cfg(target_arch = "wasm32")]
fn main() {}
