//! The one registry of a page's widgets: everything the mount code keeps
//! between calls, in one place, with what must stay true of it.

use super::host::Mounted;
use crate::core::config::Origins;
use crate::core::i18n::{Language, Lexicon};
use crate::dom::console_error;
use std::cell::RefCell;
use web_sys::Element;

/// What the mount code knows of the page. Invariants:
///
/// - a host is in `mounted` at most once, and has `data-lede-mounted`
///   while it is;
/// - a host in `pending` is in it once, and not in `mounted` (one mounted
///   meanwhile is skipped when its turn comes);
/// - a host in `parked` is in it once, not in `pending` or `mounted`, and
///   watched by the queue's observer until it leaves;
/// - a host in `loading` was mounted from `pending`; it leaves when its
///   widget has loaded, after `core::queue::LOADING_MS`, or when it goes;
/// - a host in `waiting` waits for its language's words, which the
///   lexicon has as being fetched; it is not mounted (or, when it is, its
///   widget is refreshed once the words come);
/// - a host in `far` is in it once and not in `mounted`: it starts
///   although it is far from the viewport (`data-loading="eager"`), and
///   leaves as it mounts, when its turn in `pending` passes without a
///   mount, or when it is unmounted;
/// - `scheduled` is true while a slice of `pending` is scheduled, so that
///   there is never more than one.
///
/// It is borrowed only for short, synchronous reads and changes: never
/// across a call into a widget's view (mounting, dropping a widget, setting
/// its signals), which may run code that needs the registry again.
#[derive(Default)]
pub(super) struct Registry {
    /// The mounted widgets.
    pub mounted: Vec<Mounted>,
    /// Hosts waiting for their turn to mount, in order.
    pub pending: Vec<Element>,
    /// Hosts far from the viewport, waiting for the reader to scroll near
    /// them (watched by the queue's observer).
    pub parked: Vec<Element>,
    /// Hosts starting although far from the viewport, until they mount:
    /// their carousels are laid out only once the reader comes near.
    pub far: Vec<Element>,
    /// Whether a slice of `pending` is scheduled.
    pub scheduled: bool,
    /// Hosts mounted from `pending` that may still be loading, with the
    /// time they were mounted at.
    pub loading: Vec<(Element, f64)>,
    /// Hosts waiting for the words of their language.
    pub waiting: Vec<(Element, Language)>,
    /// The origins the page allows (`<meta name="lede-origins">`), read
    /// once when the code starts.
    pub allowed: Option<Origins>,
    /// The words files the page has learnt.
    pub lexicon: Lexicon,
    /// Where each language's words file is, as lede.js says.
    pub words_urls: Vec<(Language, String)>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// Reads or changes the registry (see [`Registry`] on what may not happen
/// meanwhile). A borrow inside another would be a bug here: it is said on
/// the console and does nothing, rather than trap every widget.
pub(super) fn with<T: Default>(f: impl FnOnce(&mut Registry) -> T) -> T {
    REGISTRY.with(|r| match r.try_borrow_mut() {
        Ok(mut r) => f(&mut r),
        Err(_) => {
            console_error("lede: the widget registry was borrowed twice (a bug); nothing done");
            T::default()
        }
    })
}

impl Registry {
    /// Whether `host` holds a widget.
    pub fn is_mounted(&self, host: &Element) -> bool {
        self.mounted.iter().any(|w| &w.host == host)
    }

    /// Remembers that `host` starts far from the viewport.
    pub fn mark_far(&mut self, host: &Element) {
        if !self.far.contains(host) {
            self.far.push(host.clone());
        }
    }

    /// Whether `host` was marked as starting far from the viewport; the
    /// mark goes.
    pub fn take_far(&mut self, host: &Element) -> bool {
        let was = self.far.contains(host);
        self.far.retain(|h| h != host);
        was
    }

    /// The mounted widget of `host`.
    pub fn widget(&self, host: &Element) -> Option<&Mounted> {
        self.mounted.iter().find(|w| &w.host == host)
    }
}
