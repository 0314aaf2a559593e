//! The wasm start-up: mounts every `[data-lede]` element of the page, now
//! and later, whether started by the demo page or by `lede.js`.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A readable panic message while developing; release builds abort.
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    lede::mount::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
