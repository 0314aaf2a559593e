//! The one place that talks to the network: GET a feed as text through
//! gloo-net, with a timeout, abortable when its widget goes away.

use crate::core::error::Problem;
use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, RequestInit};

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

/// The browser's words for a failed fetch.
fn js_message(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(e) => [String::from(e.name()), String::from(e.message())].join(": "),
        None => e.as_string().unwrap_or_default(),
    }
}

/// The browser's words in a gloo-net error. (Its other kinds, serde and
/// GlooError, do not come from a GET of text.)
fn message(e: gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(e) => [e.name, e.message].join(": "),
        gloo_net::Error::SerdeError(_) | gloo_net::Error::GlooError(_) => String::new(),
    }
}

/// GETs `url` and reads its body as text. The request is made from the URL
/// exactly as given: gloo-net's builder would re-encode its query (adding a
/// `&` to one that has parameters), so that the server saw another URL and
/// the preload `lede.js` started would not be used.
async fn get(url: &str, controller: &AbortController) -> Result<Result<String, Problem>, String> {
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let raw = web_sys::Request::new_with_str_and_init(url, &init).map_err(|e| js_message(&e))?;
    let response = Request::from(raw).send().await.map_err(message)?;
    if !response.ok() {
        return Ok(Err(Problem::Http {
            status: response.status(),
        }));
    }
    Ok(Ok(response.text().await.map_err(message)?))
}

/// GETs `url` and returns its body as text (invalid UTF-8 replaced).
///
/// # Errors
/// [`Problem::Http`] for a status outside 200–299, [`Problem::Timeout`] after
/// `timeout_ms`, [`Problem::Network`] when no answer came (a refused CORS
/// request looks the same to a page); `Aborted` when `controller` was
/// aborted by its owner.
pub async fn fetch_text(
    url: &str,
    timeout_ms: u32,
    controller: &AbortController,
) -> Result<String, FetchError> {
    let timed_out = Rc::new(Cell::new(false));
    // Aborting without a reason gives an `AbortError` DOMException, which
    // gloo-net turns into an error value (a non-Error reason would panic).
    let timer = {
        let (flag, controller) = (timed_out.clone(), controller.clone());
        set_timeout_with_handle(
            move || {
                flag.set(true);
                controller.abort();
            },
            Duration::from_millis(timeout_ms.into()),
        )
        .ok()
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
        Err(message) => Err(FetchError::Failed(Problem::Network { message })),
    }
}
