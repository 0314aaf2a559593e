//! The component tree: a widget holds an article section and a related
//! section, each loading, failing and retrying on its own.

pub mod article;
pub mod carousel;
pub mod feed;
pub mod notice;
pub mod page;
pub mod related;
pub mod skeleton;
pub mod widget;

use crate::core::error::FeedError;
use leptos::prelude::Effect;

/// An event handler for `on:…`, boxed: every handler of one event type then
/// shares one instance of the framework's listener code instead of one per
/// closure (a few hundred bytes of wasm each). The event keeps its type.
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// An effect, its closure boxed: every effect of the widget then shares one
/// instance of the framework's effect code instead of one per closure type
/// (close to 1 KB of wasm each). Like any effect, it runs after the view is
/// built, whenever what it reads changes, until its owner goes.
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}

/// Where a section's feed is.
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    /// Asked for, not here yet.
    Loading,
    /// Here and parsed.
    Ready(T),
    /// Could not be shown.
    Failed(FeedError),
}

impl<T> Load<T> {
    /// The section's `data-state`, given whether a ready value is empty.
    pub fn state(&self, empty: impl FnOnce(&T) -> bool) -> &'static str {
        match self {
            Load::Loading => "loading",
            Load::Ready(v) if empty(v) => "empty",
            Load::Ready(_) => "ready",
            Load::Failed(_) => "error",
        }
    }
}
