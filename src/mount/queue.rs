//! The start-up queue: hosts mount nearest the viewport first, in slices
//! that give the browser its thread back in between, with a few widgets
//! loading at once (`core::queue` decides; this keeps the queue and runs
//! it). A page with a few widgets has them all mounted when the first
//! slice returns; widgets added later join the same queue.

use super::registry;
use super::{mount_element, HOSTS};
use crate::core::queue::{holds_place, nearest_first, step, Step, WAIT_MS};
use crate::dom::{console_error, page_hidden};
use leptos::prelude::set_timeout;
use std::time::Duration;
use web_sys::Element;

/// Queues hosts for mounting, the ones nearest the viewport first, and
/// mounts as many as one slice allows at once.
pub(super) fn enqueue(hosts: Vec<Element>) {
    let mut hosts: Vec<Element> =
        registry::with(|r| hosts.into_iter().filter(|h| !r.is_mounted(h)).collect());
    if hosts.is_empty() {
        return;
    }
    if hosts.len() > 1 {
        // Reading one host's position costs one layout of the page.
        let bottoms: Vec<f64> = hosts
            .iter()
            .map(|h| h.get_bounding_client_rect().bottom())
            .collect();
        let mut ordered = Vec::with_capacity(hosts.len());
        for i in nearest_first(&bottoms) {
            if let Some(h) = hosts.get(i) {
                ordered.push(h.clone());
            }
        }
        hosts = ordered;
    }
    let scheduled = registry::with(|r| {
        for h in hosts {
            if !r.pending.contains(&h) {
                r.pending.push(h);
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
        }
    }
}
