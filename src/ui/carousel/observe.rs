//! `use_in_view`: whether an element is in the page's viewport (grown by a
//! margin), and by how much, as a signal; the observer goes with its owner.

use crate::dom::dict;
use crate::ui::effect;
use crate::ui::flag::{flag, Flag};
use crate::ui::keep::ElementRef;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Whether the element `el` will hold intersects the page's viewport grown
/// by `margin` (CSS margin syntax), with at least `ratio` of it showing.
/// Set up once the element is there; the observer is disconnected with the
/// owner (the carousel, or the slide).
pub fn use_in_view(el: ElementRef, margin: &'static str, ratio: f64) -> Flag {
    let (in_view, set_in_view) = flag();
    effect(move || {
        let Some(el) = el.get() else { return };
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The newest entry says where the target is now.
            let hit = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                .is_some_and(|e| e.is_intersecting() && e.intersection_ratio() >= ratio);
            if in_view.untracked() != Some(hit) {
                set_in_view.set(hit);
            }
        });
        let init: IntersectionObserverInit = dict(&[
            ("rootMargin", margin.into()),
            ("threshold", JsValue::from_f64(ratio)),
        ]);
        let Ok(io) =
            IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &init)
        else {
            return;
        };
        io.observe(&el);
        let held = SendWrapper::new((io, on_change));
        on_cleanup(move || held.0.disconnect());
    });
    in_view
}
