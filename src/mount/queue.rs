//! The start-up queue: hosts mount nearest the viewport first, in slices
//! that give the browser its thread back in between, with a few widgets
//! loading at once; a host far from the viewport waits (parked) until the
//! reader scrolls near it (`core::queue` decides; this keeps the queue and
//! runs it). A page with a few widgets in view has them all mounted when
//! the first slice returns; widgets added later join the same queue.

use super::attrs::eager;
use super::registry;
use super::{mount_element, HOSTS};
use crate::core::number::write_unsigned;
use crate::core::queue::{holds_place, near, nearest_first, step, Step, NEAR_VIEWPORTS, WAIT_MS};
use crate::dom::{console_error, dict, page_hidden};
use leptos::prelude::set_timeout;
use std::cell::OnceCell;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

thread_local! {
    /// Watches the parked hosts, for the page's life: one observer for all.
    static NEAR: OnceCell<Option<IntersectionObserver>> = const { OnceCell::new() };
}

/// Parked hosts the reader has come near: they join the queue.
fn came_near(entries: js_sys::Array) {
    let mut near: Vec<Element> = Vec::new();
    for e in entries.iter() {
        if let Ok(e) = e.dyn_into::<IntersectionObserverEntry>() {
            if e.is_intersecting() {
                near.push(e.target());
            }
        }
    }
    if near.is_empty() {
        return;
    }
    with_observer(|io| near.iter().for_each(|h| io.unobserve(h)));
    registry::with(|r| r.parked.retain(|h| !near.contains(h)));
    admit(near);
}

/// Hosts whose wait is over (they came near, or their words came): the
/// page's hosts join the queue; an element given to `mount()` or a
/// `<lede-widget>` (no `data-lede`, which the queue would take for one
/// whose `data-lede` was removed) mounts as it asked, if it is still in
/// the page.
pub(super) fn admit(hosts: Vec<Element>) {
    let mut page = Vec::new();
    for host in hosts {
        if host.matches(HOSTS).unwrap_or(false) {
            page.push(host);
        } else if host.is_connected() {
            if let Err(e) = mount_element(&host) {
                console_error(e.detail());
            }
        }
    }
    enqueue(page);
}

/// Runs `f` with the observer of parked hosts, made at first use.
fn with_observer(f: impl FnOnce(&IntersectionObserver)) {
    NEAR.with(|cell| {
        let io = cell.get_or_init(|| {
            let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(came_near);
            let margin = [&write_unsigned((NEAR_VIEWPORTS * 100.0) as u64), "% 0px"].concat();
            let io = IntersectionObserver::new_with_options(
                on_change.as_ref().unchecked_ref(),
                &dict(&[("rootMargin", margin.into())]),
            )
            .ok();
            // As long as the page.
            on_change.forget();
            io
        });
        if let Some(io) = io {
            f(io);
        }
    });
}

/// Parks `hosts` until the reader scrolls near them.
fn park(hosts: Vec<Element>) {
    let new: Vec<Element> = registry::with(|r| {
        let mut new = Vec::new();
        for h in hosts {
            if !r.parked.contains(&h) {
                r.parked.push(h.clone());
                new.push(h);
            }
        }
        new
    });
    with_observer(|io| new.iter().for_each(|h| io.observe(h)));
}

/// Stops watching hosts that are no longer parked (unmounted, removed).
pub(super) fn unpark(gone: &[Element]) {
    if !gone.is_empty() {
        with_observer(|io| gone.iter().for_each(|h| io.unobserve(h)));
    }
}

/// Whether a host whose box spans `top..bottom` should start now: it is
/// within reach of the viewport, or it asked to (`eager`), and then it is
/// remembered as starting far from view (see `host::set_far`).
fn starts_now(host: &Element, top: f64, bottom: f64, height: f64) -> bool {
    if near(top, bottom, height) {
        return true;
    }
    let eager = eager(host);
    if eager {
        registry::with(|r| r.mark_far(host));
    }
    eager
}

/// Mounts `host` now if it starts now, else parks it (an explicit
/// `mount()`, or a `<lede-widget>` connected). A host that is a widget
/// already stays one, wherever it is, taking on the `lang` and `dir` of a
/// new place (a `<lede-widget>` moved).
///
/// # Errors
/// See [`mount_element`].
pub(super) fn mount_when_near(host: &Element) -> Result<(), super::MountError> {
    if super::follow_move(host) {
        return Ok(());
    }
    let r = host.get_bounding_client_rect();
    if starts_now(host, r.top(), r.bottom(), viewport_height()) {
        mount_element(host)
    } else {
        park(vec![host.clone()]);
        Ok(())
    }
}

/// The viewport's height.
fn viewport_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// Queues hosts for mounting, the ones nearest the viewport first, and
/// mounts as many as one slice allows at once; hosts far from the viewport
/// are parked instead.
pub(super) fn enqueue(hosts: Vec<Element>) {
    let mut hosts = hosts;
    // A registry that cannot be read (a bug, said on the console) queues
    // nothing.
    let read = registry::with(|r| {
        hosts.retain(|h| !r.is_mounted(h));
        true
    });
    if !read || hosts.is_empty() {
        return;
    }
    // Reading positions costs one layout of the page, however many.
    let height = viewport_height();
    let mut bottoms = Vec::with_capacity(hosts.len());
    let mut now = Vec::with_capacity(hosts.len());
    let mut far = Vec::new();
    for h in hosts {
        let r = h.get_bounding_client_rect();
        if starts_now(&h, r.top(), r.bottom(), height) {
            bottoms.push(r.bottom());
            now.push(h);
        } else {
            far.push(h);
        }
    }
    if !far.is_empty() {
        park(far);
    }
    if now.is_empty() {
        return;
    }
    let order = nearest_first(&bottoms);
    let scheduled = registry::with(|r| {
        for i in order {
            match now.get(i) {
                Some(h) if !r.pending.contains(h) => r.pending.push(h.clone()),
                _ => {}
            }
        }
        r.scheduled
    });
    if !scheduled {
        mount_pending();
    }
}

/// How many widgets mounted from the queue hold a place among the loading
/// ones now (from each widget's own state, not its DOM).
fn loading(now: f64) -> usize {
    registry::with(|r| {
        let mounted = &r.mounted;
        r.loading.retain(|(host, at)| {
            let still = mounted
                .iter()
                .find(|w| &w.host == host)
                .is_some_and(|w| w.live.loading());
            holds_place(*at, now, still)
        });
        r.loading.len()
    })
}

/// Runs [`mount_pending`] again in a new task after `ms`: a timer, like the
/// page's own, so that frames, input and the page's timers come in between.
fn schedule(ms: u32) {
    registry::with(|r| r.scheduled = true);
    set_timeout(mount_pending, Duration::from_millis(ms.into()));
}

/// Mounts waiting hosts until a slice's time is up or enough widgets are
/// loading, then goes on in a later task. A host that left the page, lost
/// its `data-lede`, or was mounted or unmounted explicitly before its turn
/// is skipped.
fn mount_pending() {
    registry::with(|r| r.scheduled = false);
    let started = js_sys::Date::now();
    let hidden = page_hidden();
    loop {
        let now = js_sys::Date::now();
        if registry::with(|r| r.pending.is_empty()) {
            return;
        }
        match step(started, now, hidden, loading(now)) {
            Step::Mount => {}
            Step::Yield => return schedule(0),
            Step::Wait => return schedule(WAIT_MS),
        }
        let next = registry::with(|r| (!r.pending.is_empty()).then(|| r.pending.remove(0)));
        let Some(host) = next else {
            return;
        };
        let mounted = registry::with(|r| r.is_mounted(&host));
        if host.is_connected() && host.matches(HOSTS).unwrap_or(false) && !mounted {
            match mount_element(&host) {
                Ok(()) => registry::with(|r| r.loading.push((host, now))),
                Err(e) => console_error(e.detail()),
            }
        } else {
            // Its turn passed: a later start reads its position again.
            registry::with(|r| r.take_far(&host));
        }
    }
}
