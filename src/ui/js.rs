//! Small browser helpers shared by the components: console, events, media
//! queries, dates.

use js_sys::{Array, Object, Reflect};
use leptos::tachys::html::event::{capture, on, Capture, Custom, On};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Event, EventTarget};

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

/// An options dictionary (`FocusOptions`, `MutationObserverInit`, …) as a
/// plain object. web-sys's typed dictionaries import one JavaScript setter
/// per field; this imports nothing new. The field names are the DOM's.
pub fn dict<T: JsCast>(fields: &[(&str, JsValue)]) -> T {
    object(fields).unchecked_into()
}

/// Dispatches `lede:<name>` from `target`. It bubbles and crosses the shadow
/// boundary, so the publisher hears it on the host element (where its target
/// is the host) and above.
pub fn emit(target: &EventTarget, name: &str, detail: &[(&str, JsValue)]) {
    let init: CustomEventInit = dict(&[
        ("bubbles", true.into()),
        ("composed", true.into()),
        ("detail", object(detail).into()),
    ]);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
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

/// A date as the reader's language writes it, with the time zone named
/// (`Date.prototype.toLocaleString`, which is `Intl.DateTimeFormat`'s
/// `format`). An unknown or malformed language tag falls back to the
/// browser's default language instead of throwing.
pub fn format_date(epoch_ms: i64, locale: &str) -> Option<String> {
    const OPTIONS: &str = r#"{"year":"numeric","month":"long","day":"numeric","hour":"numeric","minute":"2-digit","timeZoneName":"short"}"#;
    let options = js_sys::JSON::parse(OPTIONS).ok()?;
    // Milliseconds within ±8.64e15 are exact in an f64; Published keeps years 0–9999.
    let date = js_sys::Date::new(&JsValue::from_f64(epoch_ms as f64));
    let to_locale_string: js_sys::Function = Reflect::get(&date, &"toLocaleString".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // Through Reflect, so that a tag the browser refuses is an `Err` here,
    // not an exception thrown through the wasm.
    let format = |tag: JsValue| {
        Reflect::apply(&to_locale_string, &date, &Array::of2(&tag, &options))
            .ok()?
            .as_string()
    };
    let tag = if locale.is_empty() {
        JsValue::UNDEFINED
    } else {
        locale.into()
    };
    format(tag).or_else(|| format(JsValue::UNDEFINED))
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

/// Runs a future on the page's event loop. Boxed first, so that every
/// caller shares one instance of the executor glue instead of one per
/// future type (a few KB of wasm each).
pub fn spawn(fut: impl std::future::Future<Output = ()> + 'static) {
    let fut: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> = Box::pin(fut);
    leptos::task::spawn_local(fut);
}

/// An effect, with its closure boxed for the same reason as [`spawn`].
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    leptos::prelude::Effect::new(move |_| f());
}

/// Runs `f` before the next repaint; boxed for the same reason as [`spawn`].
pub fn on_next_frame(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    leptos::prelude::request_animation_frame(f);
}

/// Runs `f` after `delay`, unless the handle is cleared first; boxed for the
/// same reason as [`spawn`].
pub fn after(
    delay: std::time::Duration,
    f: impl FnOnce() + 'static,
) -> Option<leptos::prelude::TimeoutHandle> {
    let f: Box<dyn FnOnce()> = Box::new(f);
    leptos::prelude::set_timeout_with_handle(f, delay).ok()
}

/// What [`listen`] gives a view: one listener type for every event.
pub type Listener = On<Custom<Event>, Box<dyn FnMut(Event)>>;

/// An event listener for a view, as `{..listen("click", f)}`: the
/// framework's typed `on:click` builds its listener code once per event name
/// (a dozen here); this builds it once. `E` is the DOM's type for events of
/// that name, as `on:` would give it.
pub fn listen<E: JsCast + 'static>(name: &'static str, mut f: impl FnMut(E) + 'static) -> Listener {
    on(
        Custom::new(name),
        Box::new(move |ev: Event| f(ev.unchecked_into())),
    )
}

/// What [`listen_capture`] gives a view.
pub type CaptureListener = On<Capture<Custom<Event>>, Box<dyn FnMut(Event)>>;

/// An event listener for a view that hears the event on its way down, as
/// `{..listen_capture("play", f)}`: for events that do not bubble (media
/// events), heard once on a container instead of on each element.
pub fn listen_capture(name: &'static str, f: impl FnMut(Event) + 'static) -> CaptureListener {
    on(capture(Custom::new(name)), Box::new(f))
}
