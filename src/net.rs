//! The one place that talks to the network: GET a feed as text, with a
//! timeout, abortable when its widget goes away.
//!
//! This calls the browser's `fetch` through web-sys directly rather than
//! through gloo-net: for one GET of text, gloo-net's builder, its error
//! types and the stream glue it pulls in cost about 3 KB (brotli) of wasm
//! and JS for nothing the widget uses.

use crate::core::error::Problem;
use crate::ui::js::{after, dict};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

/// How long a feed may take, headers and body together (DESIGN §7).
pub const TIMEOUT_MS: u32 = 10_000;

/// How a fetch ended when it did not give text.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The network, the server or the clock said no.
    Failed(Problem),
    /// Aborted from outside: the widget was removed. Not worth telling anyone.
    Aborted,
}

/// The message of a JavaScript error value, or its string form.
fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default()
}

/// Fetches `url` and reads its body as text.
async fn get(url: &str, controller: &AbortController) -> Result<Result<String, Problem>, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let init: RequestInit = dict(&[("signal", controller.signal().into())]);
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Ok(Err(Problem::Http {
            status: response.status(),
        }));
    }
    let text = JsFuture::from(response.text()?).await?;
    Ok(Ok(text.as_string().unwrap_or_default()))
}

/// GETs `url` and returns its body as text (invalid UTF-8 replaced).
///
/// # Errors
/// [`Problem::Http`] for a status outside 200–299, [`Problem::Timeout`] after
/// `timeout_ms`, [`Problem::Network`] when no answer came; `Aborted` when
/// `controller` was aborted by its owner.
pub async fn fetch_text(
    url: &str,
    timeout_ms: u32,
    controller: &AbortController,
) -> Result<String, FetchError> {
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (flag, controller) = (timed_out.clone(), controller.clone());
        after(Duration::from_millis(timeout_ms.into()), move || {
            flag.set(true);
            controller.abort();
        })
    };
    let result = get(url, controller).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(problem)) => Err(FetchError::Failed(problem)),
        Err(_) if timed_out.get() => Err(FetchError::Failed(Problem::Timeout { ms: timeout_ms })),
        Err(_) if controller.signal().aborted() => Err(FetchError::Aborted),
        Err(e) => Err(FetchError::Failed(Problem::Network {
            message: message(&e),
        })),
    }
}
