//! What the page tells every widget alike, as signals shared by all of
//! them: one `window` listener per event for the whole page, set up by the
//! first widget that asks and kept for the page's life, instead of one per
//! widget (600 on a page of 200 carousels).
//!
//! The signals are reference-counted and belong to no widget's owner, so a
//! widget reading one in an effect is told of changes for as long as that
//! effect lives, and a widget that goes leaves nothing behind.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A page-wide counter of the times `event` fired on `window`, made once.
fn counter(
    cell: &'static std::thread::LocalKey<std::cell::OnceCell<ArcRwSignal<u32>>>,
    event: &'static str,
) -> ArcReadSignal<u32> {
    cell.with(|c| {
        c.get_or_init(|| {
            let count = ArcRwSignal::new(0u32);
            let set = count.clone();
            let on_event = Closure::<dyn Fn()>::new(move || {
                set.update(|n| *n = n.wrapping_add(1));
            });
            if let Some(w) = web_sys::window() {
                let _ =
                    w.add_event_listener_with_callback(event, on_event.as_ref().unchecked_ref());
            }
            // As long as the page: the listener is the page's, not a widget's.
            on_event.forget();
            count
        })
        .read_only()
    })
}

thread_local! {
    static ONLINE: std::cell::OnceCell<ArcRwSignal<u32>> = const { std::cell::OnceCell::new() };
}

/// How many times the browser has said it is online again (`online`): a
/// widget waiting to retry a feed tries at once when this changes.
pub fn use_online() -> ArcReadSignal<u32> {
    counter(&ONLINE, "online")
}
