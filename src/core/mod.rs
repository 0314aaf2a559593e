//! Pure logic: everything Lede decides about its input, with no browser API.
//!
//! Nothing in here may import `leptos`, `web_sys`, `js_sys`, `wasm_bindgen`
//! or `gloo`: those crates compile natively but panic when called, and this
//! module is what `cargo test` exercises on the host. `.ci/run` greps for it.

pub mod article;
pub mod cap;
pub mod carousel;
pub mod config;
pub mod date;
pub mod entities;
pub mod envelope;
pub mod error;
pub mod http;
pub mod i18n;
mod lenient;
pub mod media;
pub mod number;
pub mod queue;
pub mod related;
pub mod retry;
pub mod scan;
pub mod slide;
pub mod surrogates;
pub mod url;
