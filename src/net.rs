//! The one place that talks to the network: GET a feed as text through the
//! page's `fetch`, its answer read through gloo-net's `Response` (or take
//! what the glue read ahead of it while the wasm downloaded), with a
//! timeout and a size limit, decoded by the charset its server declares,
//! abortable when its widget goes away.

use crate::core::cap::Cut;
use crate::core::error::Problem;
use crate::core::http::{charset, content_length, names_utf8, retry_after_ms, utf8_text, MAX_BODY};
use crate::core::url::SafeUrl;
use gloo_net::http::Response;
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::set_timeout_with_handle;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, RequestInit, RequestMode, TextDecodeOptions,
    TextDecoder,
};

/// How long a feed may take, headers and body together.
pub const TIMEOUT_MS: u32 = 10_000;

/// How a fetch ended when it did not give text.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The network, the server or the clock said no.
    Failed(Problem),
    /// Aborted from outside: the widget was removed. Not worth telling anyone.
    Aborted,
}

/// The browser's words for a failed fetch (read with `Reflect`, which a
/// page's odd error, whose `name` is no string or throws, cannot trap).
fn js_message(e: &JsValue) -> String {
    let field = |name: &str| Reflect::get(e, &name.into()).ok()?.as_string();
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => [name.as_str(), ": ", &message].concat(),
        _ => e.as_string().unwrap_or_default(),
    }
}

/// Sends `request` through the page's `fetch`, whatever the page made of
/// it. A `fetch` that throws, or answers anything but this window's
/// `Response` (a polyfill's, another frame's, a mock's), is a failed fetch,
/// never a trap: gloo-net's `Request::send` panics on the last, and a panic
/// traps the wasm, every widget on the page with it.
async fn send(request: &web_sys::Request) -> Result<Response, String> {
    let global = js_sys::global();
    let fetch = Reflect::get(&global, &"fetch".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("no fetch")?;
    let answer = fetch.call1(&global, request).map_err(|e| js_message(&e))?;
    // Whatever it answered, as a promise (a thenable is followed).
    let answer = settle(js_sys::Promise::resolve(&answer)).await?;
    response_of(answer)
        .map(Response::from)
        .ok_or_else(|| "fetch answered something that is not a Response".to_owned())
}

/// `value` if it is a real `Response` of this window, whose getters work:
/// a mock made from `Response.prototype` passes `instanceof` but throws
/// from them, which would trap the wasm. (The page's `fetch` answers both
/// the widget's requests and the glue's read-ahead.)
fn response_of(value: JsValue) -> Option<web_sys::Response> {
    let real = Reflect::get(&value, &"status".into()).is_ok_and(|s| s.as_f64().is_some());
    real.then(|| value.dyn_into().ok()).flatten()
}

/// A reader of `stream`, or none if the stream cannot give one (a page's
/// `fetch` that read the body already: `getReader` would throw).
fn reader_of(stream: &web_sys::ReadableStream) -> Option<ReadableStreamDefaultReader> {
    Reflect::get(stream, &"getReader".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call0(stream)
        .ok()?
        .dyn_into()
        .ok()
}

/// A promise's outcome, with the browser's words when it was rejected.
async fn settle(promise: js_sys::Promise) -> Result<JsValue, String> {
    JsFuture::from(promise).await.map_err(|e| js_message(&e))
}

/// Reads `response`'s body to its end as text in the charset
/// `content_type` declares (as older Arabic sites serve `windows-1256`),
/// else UTF-8, invalid sequences becoming U+FFFD as the browser's own
/// `text()` makes them; or until more than [`MAX_BODY`] bytes came (then it
/// stops reading and says so). UTF-8 is copied into the wasm's memory as
/// bytes, chunk by chunk, and read there; another charset is decoded chunk
/// by chunk by a `TextDecoder`. What the glue read ahead of it is the
/// first chunk, and the rest (if any) is read from its reader: a body read
/// ahead whole is read without waiting.
///
/// A UTF-8 body is read only until `cut` finds its cut (if it may cut):
/// the array up to there, closed, is the text.
async fn read_text(answer: Answer, mut cut: Cut) -> Result<Result<String, Problem>, String> {
    let Answer {
        response,
        read: mut whole,
        rest,
    } = answer;
    // Read here, not passed in by `get`: in the future's state it cost 50 B.
    let content_type = response.headers().get("content-type");
    let decoder = content_type
        .as_deref()
        .and_then(charset)
        .filter(|label| !names_utf8(label))
        .and_then(|label| TextDecoder::new_with_label(label).ok());
    let (mut bytes, mut text) = (Vec::new(), String::new());
    let reader = match (&whole, rest) {
        (_, Some(rest)) => Some(rest),
        (Some(_), None) => None,
        (None, None) => match response.body() {
            Some(stream) => Some(reader_of(&stream).ok_or("the body cannot be read")?),
            None => None,
        },
    };
    let cancel = || reader.as_ref().map(ReadableStreamDefaultReader::cancel);
    let streaming = TextDecodeOptions::new();
    streaming.set_stream(true);
    let mut total: u32 = 0;
    loop {
        let chunk = match (whole.take(), &reader) {
            (Some(chunk), _) => chunk,
            (None, Some(reader)) => {
                // A read refused mid-body: the answer came (CORS let it
                // through), its body stopped.
                let step = match settle(reader.read()).await {
                    Ok(step) => step,
                    Err(message) => {
                        return Ok(Err(Problem::Network {
                            message,
                            cut_off: true,
                        }))
                    }
                };
                if Reflect::get(&step, &"done".into()).is_ok_and(|d| d.is_truthy()) {
                    break;
                }
                let Ok(chunk) =
                    Reflect::get(&step, &"value".into()).and_then(|v| v.dyn_into::<Uint8Array>())
                else {
                    continue;
                };
                chunk
            }
            (None, None) => break,
        };
        total = total.saturating_add(chunk.length());
        if total > MAX_BODY {
            cancel();
            return Ok(Err(Problem::TooLarge { limit: MAX_BODY }));
        }
        match &decoder {
            Some(d) => text.push_str(
                &d.decode_with_js_u8_array_and_options(&chunk, &streaming)
                    .map_err(|e| js_message(&e))?,
            ),
            None => {
                let at = bytes.len();
                bytes.resize(at + chunk.length() as usize, 0);
                if let Some(room) = bytes.get_mut(at..) {
                    chunk.copy_to(room);
                    if let Some(end) = cut.push(room) {
                        // The rest is not downloaded.
                        cancel();
                        cut.close(&mut bytes, end);
                        break;
                    }
                }
            }
        }
    }
    match &decoder {
        // What a multi-byte sequence cut at the end left.
        Some(d) => text.push_str(&d.decode().map_err(|e| js_message(&e))?),
        None => text = utf8_text(bytes),
    }
    Ok(Ok(text))
}

thread_local! {
    /// The glue's `take(url, signal)` (build/read-ahead.js), as lede.js
    /// gives it to `start`: the feeds it read ahead while the wasm
    /// downloaded.
    static TAKE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Takes the feeds read ahead from `take`, the glue's function (anything
/// else: none are).
pub fn read_ahead_from(take: JsValue) {
    TAKE.set(take.dyn_into().ok());
}

/// A response, and what of its body the glue read ahead: the bytes it
/// read, and the reader to read the rest from if the body goes on.
struct Answer {
    response: Response,
    read: Option<Uint8Array>,
    rest: Option<ReadableStreamDefaultReader>,
}

/// What the glue read ahead for `url`, taken (once): waited for while it
/// is still coming (`controller` aborts the wait and the glue's request).
/// `None`: nothing was read ahead, or the read failed.
async fn ahead(url: &str, controller: &AbortController) -> Result<Option<Answer>, String> {
    let Some(mut answer) = TAKE.with_borrow(|take| {
        take.as_ref().and_then(|f| {
            f.call2(&JsValue::UNDEFINED, &url.into(), &controller.signal())
                .ok()
        })
    }) else {
        return Ok(None);
    };
    if let Some(later) = answer.dyn_ref::<js_sys::Promise>() {
        answer = settle(later.clone()).await?;
    }
    let field = |name: &str| Reflect::get(&answer, &name.into()).ok();
    let Some(response) = field("response").and_then(response_of) else {
        return Ok(None);
    };
    // A reader that is not one (never from the glue) would leave the body
    // cut short: the widget fetches the feed itself instead.
    let rest = match field("reader").filter(|r| !r.is_undefined()) {
        Some(reader) => match reader.dyn_into() {
            Ok(reader) => Some(reader),
            Err(_) => return Ok(None),
        },
        None => None,
    };
    Ok(Some(Answer {
        response: Response::from(response),
        read: field("body").and_then(|b| b.dyn_into().ok()),
        rest,
    }))
}

/// The answer to a GET of `url`, or what the glue read ahead for it. The
/// request is made from the URL exactly as given: gloo-net's builder would
/// re-encode its query (adding a `&` to one that has parameters), so that
/// the server saw another URL and the preload `lede.js` started would not
/// be used.
async fn answer(url: &str, controller: &AbortController) -> Result<Answer, String> {
    if let Some(answer) = ahead(url, controller).await? {
        return Ok(answer);
    }
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let raw = web_sys::Request::new_with_str_and_init(url, &init).map_err(|e| js_message(&e))?;
    Ok(Answer {
        response: send(&raw).await?,
        read: None,
        rest: None,
    })
}

/// The body of `answer` as text, or the problem its status or length is.
async fn body(answer: Answer, cut: Cut) -> Result<Result<String, Problem>, String> {
    let headers = answer.response.headers();
    if !answer.response.ok() {
        // Readable across origins only if the server exposes it
        // (`Access-Control-Expose-Headers: Retry-After`).
        let retry_after_ms = headers
            .get("retry-after")
            .and_then(|h| retry_after_ms(&h, js_sys::Date::now() as i64));
        return Ok(Err(Problem::Http {
            status: answer.response.status(),
            retry_after_ms,
        }));
    }
    let announced = headers
        .get("content-length")
        .and_then(|h| content_length(&h));
    if announced.is_some_and(|n| n > u64::from(MAX_BODY)) {
        return Ok(Err(Problem::TooLarge { limit: MAX_BODY }));
    }
    read_text(answer, cut).await
}

/// Whether a fetch of `url` that got no answer was refused by CORS: the
/// browser says the same as for a lost network, so, for a feed on another
/// origin, ask again without CORS (an opaque answer the page cannot read):
/// if the server answers that, it was there, and only CORS said no.
async fn refused_by_cors(url: &str, controller: &AbortController) -> bool {
    let page = web_sys::window().and_then(|w| w.location().origin().ok());
    let other_origin = SafeUrl::parse(url)
        .is_some_and(|u| page.is_some_and(|p| !u.same_origin_key().eq_ignore_ascii_case(&p)));
    if !other_origin || controller.signal().aborted() {
        return false;
    }
    let init = RequestInit::new();
    init.set_mode(RequestMode::NoCors);
    init.set_signal(Some(&controller.signal()));
    let Ok(raw) = web_sys::Request::new_with_str_and_init(url, &init) else {
        return false;
    };
    send(&raw).await.is_ok()
}

/// GETs `url` (or takes what the glue read ahead for it) and returns its
/// body as text, only as much of it as `cut` asks (a related feed's is
/// [`body_cut`](crate::core::cap::body_cut); [`Cut::never`] reads all).
///
/// # Errors
/// [`Problem::Http`] for a status outside 200–299 (with its `Retry-After`),
/// [`Problem::Timeout`] after `timeout_ms`, [`Problem::TooLarge`] for a body
/// over [`MAX_BODY`] (the rest is not read), [`Problem::Cors`] when the
/// server answered but CORS kept the answer from the page,
/// [`Problem::Network`] when no answer came, or its body stopped coming
/// (`cut_off`); `Aborted` when `controller`
/// was aborted by its owner.
pub async fn fetch_text(
    url: &str,
    timeout_ms: u32,
    controller: &AbortController,
    cut: Cut,
) -> Result<String, FetchError> {
    let timed_out = Rc::new(Cell::new(false));
    // Aborting without a reason gives an `AbortError` DOMException: the
    // fetch's rejection, which `send` turns into an error value.
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
    let answered = answer(url, controller).await;
    // No answer: whether CORS refused it is asked while the clock still
    // runs (a probe that hangs must not keep the section loading). A body
    // cut off after the answer came is a lost network, never CORS.
    let cors = answered.is_err() && refused_by_cors(url, controller).await;
    let result = match answered {
        Ok(answer) => body(answer, cut).await,
        Err(message) => Err(message),
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Ok(Ok(text)) => Ok(text),
        // A body's read stopped by the timer or the owner: theirs.
        _ if timed_out.get() => Err(FetchError::Failed(Problem::Timeout { ms: timeout_ms })),
        _ if controller.signal().aborted() => Err(FetchError::Aborted),
        Ok(Err(problem)) => {
            // Whatever is still coming (a body over the limit) is not wanted.
            controller.abort();
            Err(FetchError::Failed(problem))
        }
        Err(_) if cors => Err(FetchError::Failed(Problem::Cors)),
        Err(message) => Err(FetchError::Failed(Problem::Network {
            message,
            cut_off: false,
        })),
    }
}
