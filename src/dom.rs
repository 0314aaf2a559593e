//! Small browser helpers shared by the network, mounting and view layers:
//! the console, the page's events, media queries, `Intl`, frames, tasks and the
//! code's own URL.

use crate::core::scan::rfind_any;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

/// Writes a technical detail to the console as an error.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}

/// Writes a technical detail to the console as a warning.
pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// A plain object from key/value pairs, for event details.
pub fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// `value`'s property `name` if it is a string. Read with `Reflect`, not
/// a `web-sys` getter: a page's own `new Event("keydown")` has no `key`,
/// and a getter handing `undefined` to the glue's string copy throws
/// through the wasm (a trap).
pub fn string_field(value: &JsValue, name: &str) -> Option<String> {
    Reflect::get(value, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

/// An options dictionary (`FocusOptions`, `ScrollToOptions`, …) as a plain
/// object with the DOM's field names.
pub fn dict<T: JsCast>(fields: &[(&str, JsValue)]) -> T {
    object(fields).unchecked_into()
}

/// Dispatches `name` (a `lede:*` event) from `target`. It bubbles and
/// crosses the shadow boundary, so the publisher hears it on the host
/// element and above.
pub fn emit(target: &EventTarget, name: &str, detail: &[(&str, JsValue)]) {
    dispatch(target, name, detail, false);
}

/// [`emit`], cancelable when `cancelable`: whether a listener cancelled it
/// (`preventDefault()`).
pub fn dispatch(
    target: &EventTarget,
    name: &str,
    detail: &[(&str, JsValue)],
    cancelable: bool,
) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&object(detail));
    CustomEvent::new_with_event_init_dict(name, &init)
        .ok()
        .and_then(|event| target.dispatch_event(&event).ok())
        == Some(false)
}

/// Whether a media query matches now.
pub fn matches_media(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The reader asked for less motion.
pub fn reduced_motion() -> bool {
    matches_media("(prefers-reduced-motion: reduce)")
}

/// Whether the page is hidden (another tab, a minimised window).
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Focuses `el` without the browser's own scrolling (the carousel scrolls
/// by whole slides itself).
pub fn focus_quietly(el: &web_sys::HtmlElement) {
    let _ = el.focus_with_options(&dict(&[("preventScroll", true.into())]));
}

/// `value.toLocaleString(tag, options)`: `Intl`'s formatting of a date or
/// a number. Through `Reflect`, so that a tag the browser refuses is `None`
/// here, not an exception thrown through the wasm.
pub fn locale_string(value: &JsValue, tag: &JsValue, options: &Object) -> Option<String> {
    let to_locale_string: js_sys::Function = Reflect::get(value, &"toLocaleString".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Reflect::apply(&to_locale_string, value, &Array::of2(tag, options))
        .ok()?
        .as_string()
}

/// Resolves at the next animation frame (at once if there is no window).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().map(|w| w.request_animation_frame(&resolve));
        if !matches!(scheduled, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `import.meta` of the module the widget's glue runs as.
    type ImportMeta;
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    /// The glue's own URL.
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// The URL of `path` in the folder the widget's code was loaded from (where
/// `lede.js`, the glue, the wasm and `words/` are), wherever the page is.
pub fn beside_code(path: &str) -> String {
    let code = IMPORT_META.with(ImportMeta::url);
    let folder = rfind_any(&code, b"/")
        .and_then(|i| code.get(..=i))
        .unwrap_or("");
    [folder, path].concat()
}

/// Runs `task` now, as far as it goes without waiting, and the rest (if it
/// must wait) as a task of its own. `spawn_local` alone would start it in a
/// microtask, after the caller: a feed read ahead, all here, would then be
/// shown after the skeleton its section built first.
pub fn run_now(task: impl std::future::Future<Output = ()> + 'static) {
    use std::task::{Context, Waker};
    let mut task = Box::pin(task);
    // Polled again by its task, whose waker replaces this one.
    if task
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
        .is_pending()
    {
        leptos::task::spawn_local(task);
    }
}
