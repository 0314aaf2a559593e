//! `use:keep`: an element of a view, once built, for the hooks that
//! measure, focus or play it.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use web_sys::Element;

/// An element of a view, once it is built: `use:keep=slot` in the view
/// puts it here. One type for every element: Leptos's `NodeRef<E>` is one
/// signal type, and one copy of the framework's code, per element type (a
/// `div`, a link, a video).
#[derive(Clone, Copy)]
pub struct ElementRef(RwSignal<Option<SendWrapper<Element>>>);

impl ElementRef {
    /// No element yet.
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    /// The element, tracked (in an effect, which runs again once it is
    /// there).
    pub fn get(&self) -> Option<Element> {
        self.0.try_with(|el| el.as_deref().cloned()).flatten()
    }

    /// The element (the inner `None`: not built yet), or `None` once the
    /// owner is gone.
    pub fn try_get_untracked(&self) -> Option<Option<Element>> {
        self.0.try_with_untracked(|el| el.as_deref().cloned())
    }
}

impl Default for ElementRef {
    fn default() -> Self {
        Self::new()
    }
}

/// The directive (`use:keep=slot`) that keeps the element in `slot`.
pub fn keep(el: Element, slot: ElementRef) {
    slot.0.try_set(Some(SendWrapper::new(el)));
}
