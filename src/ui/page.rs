//! What the page tells every widget alike, as signals shared by all of
//! them: one `window` listener per event for the whole page, set up by the
//! first widget that asks and kept for the page's life, instead of one per
//! widget (600 on a page of 200 carousels).
//!
//! Each signal counts its event (one type for all of them, so that the
//! code is written once); what the event says is read when it is needed.
//! The signals are reference-counted and belong to no widget's owner: a
//! widget reading one in an effect is told of each event for as long as
//! that effect lives, and a widget that goes leaves nothing behind.

use leptos::prelude::*;
use std::cell::{OnceCell, RefCell};
use std::thread::LocalKey;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The page's events a widget follows.
#[derive(Clone, Copy)]
enum PageEvent {
    Online,
    Visibility,
    Scroll,
    PointerDown,
}

impl PageEvent {
    fn name(self) -> &'static str {
        match self {
            PageEvent::Online => "online",
            PageEvent::Visibility => "visibilitychange",
            PageEvent::Scroll => "scroll",
            PageEvent::PointerDown => "pointerdown",
        }
    }
}

thread_local! {
    static ONLINE: OnceCell<ArcRwSignal<usize>> = const { OnceCell::new() };
    static VISIBILITY: OnceCell<ArcRwSignal<usize>> = const { OnceCell::new() };
    static SCROLL: OnceCell<ArcRwSignal<usize>> = const { OnceCell::new() };
    static POINTER_DOWN: OnceCell<ArcRwSignal<usize>> = const { OnceCell::new() };
    /// What the last `pointerdown` went through (its composed path, across
    /// shadow roots), innermost first.
    static POINTER_PATH: RefCell<Option<js_sys::Array>> = const { RefCell::new(None) };
}

/// How many times `event` has fired on `window`: a page-wide signal, made
/// once, with its passive listener.
fn counter(
    cell: &'static LocalKey<OnceCell<ArcRwSignal<usize>>>,
    event: PageEvent,
) -> ReadSignal<usize> {
    let count = cell.with(|c| {
        c.get_or_init(|| {
            let count = ArcRwSignal::new(0usize);
            let set = count.clone();
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                if matches!(event, PageEvent::PointerDown) {
                    POINTER_PATH.with(|p| p.replace(Some(e.composed_path())));
                }
                set.update(|n| *n = n.wrapping_add(1));
            });
            if let Some(w) = web_sys::window() {
                let options = web_sys::AddEventListenerOptions::new();
                options.set_passive(true);
                let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
                    event.name(),
                    listener.as_ref().unchecked_ref(),
                    &options,
                );
            }
            // As long as the page: the listener is the page's, not a widget's.
            listener.forget();
            count
        })
        .read_only()
    });
    ReadSignal::from(count)
}

/// How many times the browser has said it is online again (`online`): a
/// widget waiting to retry a feed tries at once when this changes.
pub fn use_online() -> ReadSignal<usize> {
    counter(&ONLINE, PageEvent::Online)
}

/// How many times the page was hidden or shown again
/// (`visibilitychange`); whether it is hidden now is `dom::page_hidden`.
pub fn use_visibility_changes() -> ReadSignal<usize> {
    counter(&VISIBILITY, PageEvent::Visibility)
}

/// How many times the page has scrolled (the reader is engaged once it
/// changes).
pub fn use_page_scrolls() -> ReadSignal<usize> {
    counter(&SCROLL, PageEvent::Scroll)
}

/// How many times a pointer was pressed on the page; what the last press
/// went through is [`last_pointer_path`].
pub fn use_pointer_presses() -> ReadSignal<usize> {
    counter(&POINTER_DOWN, PageEvent::PointerDown)
}

/// The elements the last pointer press went through, innermost first.
pub fn last_pointer_path() -> Option<js_sys::Array> {
    POINTER_PATH.with(|p| p.borrow().clone())
}
