//! The wasm start-up: mounts every `[data-lede]` element of the page, now
//! and later, whether started by the demo page or by `lede.js`.

#[cfg(target_arch = "wasm32")]
fn main() {
    lede::mount::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
