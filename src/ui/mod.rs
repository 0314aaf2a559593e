//! The component tree: a widget holds an article section and a related
//! section, each loading, failing and retrying on its own.
//!
//! - [`live`]: a widget's state, shared with the mount code;
//! - [`widget`]: the widget, or its misconfiguration message;
//! - [`article`], [`related`]: the two sections, each a loader (fetching
//!   with [`feed::use_feed`]) around a section that shows any state;
//! - [`events`]: what a section tells the page (`lede:ready`, `lede:error`);
//! - [`carousel`]: the related stories' carousel, a folder of hooks;
//! - [`notice`], [`skeleton`]: an alert with Retry, and loading shapes;
//! - [`swap`]: a section's content, built afresh as its state changes;
//! - [`listen`]: an element's events, heard by one listener;
//! - [`keep`]: an element of a view, for the hooks that use it;
//! - [`flag`]: a yes/no signal;
//! - [`page`]: what the page tells every widget alike, one listener each;
//! - [`turns`]: sections whose feeds arrive together shown in turns;
//! - [`words`]: the widget's words and numbers as the browser writes them.

pub mod article;
pub mod carousel;
pub mod events;
pub mod feed;
pub mod flag;
pub mod keep;
pub mod listen;
pub mod live;
pub mod notice;
pub mod page;
pub mod related;
pub mod skeleton;
pub mod swap;
pub mod turns;
pub mod widget;
pub mod words;

use crate::core::article::Article;
use crate::core::error::FeedError;
use leptos::prelude::Effect;
use live::Items;

/// A reactive attribute value (`aria-busy=dynamic(move || …)`), its
/// closure boxed and its value an optional `String` (none: no attribute):
/// every such attribute then shares one instance of the framework's
/// attribute code instead of one per closure and value type (about 0.35 KB
/// of wasm each).
pub fn dynamic(
    f: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> Box<dyn Fn() -> Option<String> + Send + Sync> {
    Box::new(f)
}

/// An effect, its closure boxed: every effect of the widget then shares one
/// instance of the framework's effect code instead of one per closure type
/// (close to 1 KB of wasm each). Like any effect, it runs first after the
/// view is built, then whenever what it reads changes, until its owner
/// goes; such a later run may come before a view woken by the same change
/// is built again (see `ui::events` for what must follow the view). Effects
/// here only reach outside the reactive graph (the DOM, the page's events,
/// timers); derived state is a `Memo` or a closure, never an effect that
/// writes a signal.
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}

/// Where a section's feed is. One type for both sections' feeds, each
/// ready one a variant of its own (the article section is only ever given
/// an article, the related section items): a signal of a type per feed
/// linked the framework's signal code once per type (a `Load<T>` cost
/// 0.27 KB more).
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    /// Asked for, not here yet (or being tried again).
    Loading,
    /// The article feed, here and parsed.
    Article(Article),
    /// The related feed's items, here and parsed.
    Items(Items),
    /// Could not be shown.
    Failed(FeedError),
}

impl Load {
    /// The section's `data-state`: a related feed without items is empty.
    pub fn state(&self) -> &'static str {
        match self {
            Load::Loading => "loading",
            Load::Items(items) if items.is_empty() => "empty",
            Load::Article(_) | Load::Items(_) => "ready",
            Load::Failed(_) => "error",
        }
    }

    /// Still loading.
    pub fn is_loading(&self) -> bool {
        matches!(self, Load::Loading)
    }
}
