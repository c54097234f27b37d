//! `kefu-coach`: the command line.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::run(&args));
}

/// The CLI is native only, but `cargo test --target wasm32-unknown-unknown` (tests/web.rs)
/// still builds every binary of the package.
#[cfg(target_arch = "wasm32")]
fn main() {}
