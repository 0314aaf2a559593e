//! Host elements: finding `[data-lede]` elements, giving each an open
//! shadow root with the stylesheet and a widget, following their attributes
//! and unmounting the ones that leave the page.
//!
//! - [`registry`]: the one registry of the page's widgets, with its
//!   invariants;
//! - [`host`]: a host's shadow root, stylesheet and container;
//! - [`attrs`]: reading a host's configuration;
//! - [`words`]: the words files of languages not built in;
//! - [`queue`]: the start-up queue, nearest the viewport first;
//! - [`observer`]: the page observer (hosts added, removed, changed);
//! - [`api`]: `mount()` and `unmount()` for lede.js.

pub mod api;
mod attrs;
mod host;
mod observer;
mod queue;
mod registry;
mod words;

pub use host::{MountError, CSS};

use crate::ui::live::Live;
use crate::ui::widget::Widget;
use host::Mounted;
use leptos::prelude::*;
use web_sys::Element;

/// The selector of host elements.
const HOSTS: &str = "[data-lede]";

/// Set on a host element while it holds a widget (for the publisher's CSS:
/// `[data-lede]:not([data-lede-mounted])` can hold the widget's room until
/// it mounts).
const MOUNTED_ATTR: &str = "data-lede-mounted";

/// Runs `f` with no reactive owner and no observer: a widget mounted in it
/// has a root of its own. `mount()` may be called from anywhere on the page,
/// including a `lede:ready` listener that runs inside another widget's
/// effect; `mount_to` there would make the new widget a child of that
/// effect, disposed (and its DOM callbacks left to panic) when the effect
/// runs again.
fn detached<T>(f: impl FnOnce() -> T) -> T {
    let outer = Owner::current();
    if let Some(owner) = outer.clone() {
        owner.unset();
    }
    let value = untrack(f);
    if let Some(owner) = outer {
        owner.set();
    }
    value
}

/// A test build's deliberate trap (feature `trap`, which no release has):
/// an element whose `data-lede-trap` is `mount` traps the code as it
/// mounts, and any other value set on a mounted widget traps it as the
/// change is read (in the page observer's callback, as a real bug would).
#[cfg(all(feature = "trap", target_arch = "wasm32"))]
fn trap_if_asked(host: &Element, mounting: bool) {
    match host.get_attribute("data-lede-trap").as_deref() {
        Some("mount") => core::arch::wasm32::unreachable(),
        Some(_) if !mounting => core::arch::wasm32::unreachable(),
        _ => {}
    }
}

#[cfg(not(feature = "trap"))]
fn trap_if_asked(_host: &Element, _mounting: bool) {}

/// Mounts one host element as a widget; a no-op if it already is one (or
/// if it waits for its language's words: it mounts when they come).
///
/// # Errors
/// [`MountError`] when the element cannot hold a widget. A bad configuration
/// is not an error here: the widget then shows a message in place.
pub fn mount_element(host: &Element) -> Result<(), MountError> {
    // A shadow root shows its own content in place of the element's: on
    // the `<body>`, the widget would be all the page showed. Refused
    // first, before it could wait for its language's words.
    if host.local_name() == "body" {
        return Err(MountError::Body);
    }
    if registry::with(|r| r.is_mounted(host)) || !words::can_speak_now(host) {
        return Ok(());
    }
    trap_if_asked(host, true);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(MountError::NoDocument)?;
    // Taken before anything can fail, so that no mark outlives the attempt.
    let far = registry::with(|r| r.take_far(host));
    let container = host::prepare(&document, host)?;
    let setup = attrs::read_setup(&document, host);
    host::dress(&container, &setup);
    host::set_far(&container, far);
    let live = Live::new(setup);
    let (widget_live, widget_host, holder) = (live.clone(), host.clone(), container.clone());
    let handle = detached(|| {
        mount_to(container.clone(), move || {
            view! { <Widget live=widget_live host=widget_host container=holder.into() /> }
        })
    });
    let _ = host.set_attribute(MOUNTED_ATTR, "");
    registry::with(|r| {
        r.waiting.retain(|(h, _)| h != host);
        r.mounted.push(Mounted {
            host: host.clone(),
            container,
            live,
            place: attrs::place_of(host),
            _handle: Box::new(handle),
        })
    });
    Ok(())
}

/// Reads a mounted host's attributes again and gives the widget what
/// changed; a no-op for an element that is not mounted, or when nothing
/// that matters changed.
pub fn refresh_element(host: &Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // Its place is noted with the lookup: a host waiting for its words is
    // read when they come (`words::fetch_words`), wherever it is then.
    let place = attrs::place_of(host);
    let found = registry::with(|r| {
        let w = r.mounted.iter_mut().find(|w| &w.host == host)?;
        w.place = place;
        Some((w.container.clone(), w.live.clone()))
    });
    let Some((container, live)) = found else {
        return;
    };
    trap_if_asked(host, false);
    if !words::can_speak_now(host) {
        return;
    }
    let now = attrs::read_setup(&document, host);
    host::dress(&container, &now);
    live.set(now);
}

/// Whether `host` is a widget; if it is, and it was moved to another
/// [`attrs::Place`] (under another `lang` or `dir`), it is read again.
/// Only then: a framework reordering its list moves hosts often, and
/// reading one costs a style computation.
pub(super) fn follow_move(host: &Element) -> bool {
    let place = attrs::place_of(host);
    let Some(moved) = registry::with(|r| r.widget(host).map(|w| w.place != place)) else {
        return false;
    };
    if moved {
        refresh_element(host);
    }
    true
}

/// Unmounts the widget of a host element, if it has one, and cancels its
/// turn if it is still waiting for one.
pub fn unmount_element(host: &Element) {
    unmount_where(&|h| h == host);
}

/// Unmounts the widgets whose host is `gone`, and forgets such hosts that
/// wait for their turn or their words.
fn unmount_where(gone: &dyn Fn(&Element) -> bool) {
    // Taken out first: dropping a widget runs its clean-ups, which must not
    // find the registry borrowed.
    let (gone, unparked): (Vec<Mounted>, Vec<Element>) = registry::with(|r| {
        let (unparked, parked): (Vec<Element>, Vec<Element>) = std::mem::take(&mut r.parked)
            .into_iter()
            .partition(|h| gone(h));
        r.parked = parked;
        r.pending.retain(|h| !gone(h));
        r.far.retain(|h| !gone(h));
        r.waiting.retain(|(h, _)| !gone(h));
        r.loading.retain(|(h, _)| !gone(h));
        let (gone, kept) = std::mem::take(&mut r.mounted)
            .into_iter()
            .partition(|w| gone(&w.host));
        r.mounted = kept;
        (gone, unparked)
    });
    queue::unpark(&unparked);
    // Taken out of the page, or unmounted: no longer claiming a widget.
    for w in &gone {
        let _ = w.host.remove_attribute(MOUNTED_ATTR);
    }
    drop(gone);
}

/// What the code does as soon as it runs, before lede.js starts it: it
/// reads the page's allowed origins (`<meta name="lede-origins">`), once.
pub fn prepare() {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        attrs::read_allowed(&document);
    }
}

/// The start-up (lede.js calls it through `api::start`): mounts every
/// `[data-lede]` element of the page and keeps watching for ones added,
/// removed or changed later. Many elements mount in slices, the ones
/// nearest the viewport first, so that the page never freezes; a few are
/// all mounted when this returns.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let mut found = Vec::new();
        observer::hosts_in(&root, &mut found);
        queue::enqueue(found);
    }
    observer::observe(&document);
}
