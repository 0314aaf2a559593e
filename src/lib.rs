//! Lede: an embeddable news widget. `core` is pure logic and builds
//! everywhere; the rest needs a browser and builds only for wasm32.

// Input must never reach a panic: a panic kills every widget on the page.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::todo,
        clippy::unimplemented
    )
)]
// Tests may format their messages (clippy.toml refuses `format!` in the
// widget's code, for its size).
#![cfg_attr(test, allow(clippy::disallowed_macros))]

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod mount;
#[cfg(target_arch = "wasm32")]
pub mod net;
#[cfg(target_arch = "wasm32")]
pub mod ui;
