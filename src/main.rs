//! The wasm's own start, as soon as it is instantiated: a readable panic
//! message while developing (release builds abort), and what the code reads
//! of the page once (`mount::prepare`); `lede.js` then calls `start`
//! (`mount::api::start`), which mounts the widgets.

#[cfg(target_arch = "wasm32")]
fn main() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    lede::mount::prepare();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
