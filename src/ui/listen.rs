//! `use:listen`: several of an element's events heard by one listener.

use crate::dom::string_field;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// What [`listen`] calls with each event it hears and which of its types
/// the event is.
pub type Listener = Rc<dyn Fn(&'static str, Event)>;

/// The directive (`use:listen=on(&["focusin", "focusout"], listener)`)
/// that has `listener` hear each of `types` on `el`, through one
/// JavaScript function for all of them, until the element's owner is
/// cleaned up. (A view is always built under an owner: `mount_to` makes
/// the root one. Without one, the function would be freed at once.)
///
/// An `on:…` in a view makes a function of its own for each element built,
/// and links the framework's code to attach it and take it off again: a
/// slide heard its six events through six functions, and Lede carried that
/// code (1.7 KB of wasm, brotli) for nothing else.
///
/// The event's type is read with `Reflect` (`dom::string_field`), so that a page's odd event
/// (one whose `type` is no string) is not heard rather than trapping the
/// wasm in the glue's string copy.
pub fn listen(el: Element, (types, listener): (&'static [&'static str], Listener)) {
    let heard = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
        let name = string_field(&ev, "type");
        if let Some(name) = types.iter().find(|n| name.as_deref() == Some(**n)) {
            listener(name, ev);
        }
    });
    for name in types {
        // Fails only for a function that is no function.
        let _ = el.add_event_listener_with_callback(name, heard.as_ref().unchecked_ref());
    }
    let held = SendWrapper::new((el, heard));
    on_cleanup(move || {
        let (el, heard) = &*held;
        for name in types {
            let _ = el.remove_event_listener_with_callback(name, heard.as_ref().unchecked_ref());
        }
    });
}

/// `listen`'s argument: `types`, each heard by `f` (`use:listen=on(&["click"], …)`).
pub fn on(
    types: &'static [&'static str],
    f: impl Fn(&'static str, Event) + 'static,
) -> (&'static [&'static str], Listener) {
    (types, Rc::new(f))
}
