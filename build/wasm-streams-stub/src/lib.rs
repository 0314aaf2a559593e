//! A stand-in for the `wasm-streams` crate, patched in by Lede's Cargo.toml.
//!
//! Leptos always links `server_fn`, whose browser client converts request
//! and response bodies with `wasm_streams::ReadableStream`. The real crate
//! also exports JavaScript stream adapters (`IntoUnderlyingSource` and the
//! like) through `#[wasm_bindgen]`, and no linker may drop an export: they
//! and everything they reach (about 4 KB brotli) shipped to every reader.
//! Lede has no server functions, so nothing ever calls into this crate.
//! This file gives `server_fn` the four items it names, with no exports.
//! Should anything call them anyway, a body it sends is empty and a body it
//! reads is one error: never a panic.

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};
use wasm_bindgen::{JsCast, JsValue};

/// The raw JavaScript types, where `wasm_streams` keeps them.
pub mod readable {
    /// The raw JavaScript types.
    pub mod sys {
        pub use web_sys::ReadableStream;
    }
}

/// A JavaScript `ReadableStream`, as `server_fn` holds one.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a raw stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// A stream to send as a request body: here, none (`undefined`, which
    /// `fetch` reads as no body).
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        Self {
            raw: JsValue::UNDEFINED.unchecked_into(),
        }
    }

    /// The raw stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// The stream's chunks: here, one error and the end.
    pub fn into_stream(self) -> NotBuiltIn {
        NotBuiltIn { done: false }
    }
}

/// What [`ReadableStream::into_stream`] gives: one error, then the end.
pub struct NotBuiltIn {
    done: bool,
}

impl Stream for NotBuiltIn {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        self.done = true;
        Poll::Ready(Some(Err(JsValue::from_str(
            "lede: streamed bodies are not built in",
        ))))
    }
}
