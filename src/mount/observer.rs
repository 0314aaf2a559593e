//! The page observer: one `MutationObserver` on the document that mounts
//! hosts added later, unmounts the ones removed, and reads again the
//! attributes of the ones whose attributes changed (attributes are live).

use super::registry;
use super::{follow_move, queue, refresh_element, unmount_where, HOSTS};
use crate::dom::dict;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit, MutationRecord};

/// The attributes a widget follows, and `data-lede`, which makes an
/// element a widget. `lang` and `dir` count on the host's ancestors too.
const WATCHED: [&str; 10] = [
    "data-lede",
    "data-article-src",
    "data-related-src",
    "data-media-base",
    "data-link-template",
    "data-poster-template",
    "data-theme",
    "data-heading",
    "lang",
    "dir",
];

/// Adds `el` to `found` if it is a host, and every host inside it.
pub(super) fn hosts_in(el: &Element, found: &mut Vec<Element>) {
    if el.matches(HOSTS).unwrap_or(false) {
        found.push(el.clone());
    }
    if let Ok(list) = el.query_selector_all(HOSTS) {
        for i in 0..list.length() {
            if let Some(host) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                found.push(host);
            }
        }
    }
}

/// The mounted hosts that a change of attribute `name` on `target` concerns:
/// the target itself, or for `lang` and `dir` every host inside it.
fn concerned(target: &Element, name: &str) -> Vec<Element> {
    let inherited = name == "lang" || name == "dir";
    registry::with(|r| {
        let mut hosts = Vec::new();
        for w in &r.mounted {
            if &w.host == target || (inherited && target.contains(Some(&w.host))) {
                hosts.push(w.host.clone());
            }
        }
        hosts
    })
}

/// One batch of the page's changes.
fn changed(records: js_sys::Array) {
    let mut removed = false;
    let mut found = Vec::new();
    // Hosts whose attributes changed: read once per batch, however many
    // attributes a framework changed in one task.
    let mut changed: Vec<Element> = Vec::new();
    for record in records.iter() {
        let record: MutationRecord = record.unchecked_into();
        removed |= record.removed_nodes().length() > 0;
        if let Some(target) = record.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            match record.attribute_name() {
                Some(name) if name == "data-lede" => hosts_in(&target, &mut found),
                Some(name) => {
                    for host in concerned(&target, &name) {
                        if !changed.contains(&host) {
                            changed.push(host);
                        }
                    }
                }
                None => {}
            }
        }
        let added = record.added_nodes();
        for i in 0..added.length() {
            if let Some(el) = added.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                hosts_in(&el, &mut found);
            }
        }
    }
    if removed {
        unmount_where(&|h| !h.is_connected());
    }
    for host in &changed {
        refresh_element(host);
    }
    // A host moved in one task (taken out and put back) keeps its widget;
    // a new host is the queue's.
    for host in &found {
        follow_move(host);
    }
    queue::enqueue(found);
}

/// Watches the whole document for as long as the page lives.
pub(super) fn observe(document: &Document) {
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(changed);
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    let options: MutationObserverInit = dict(&[
        ("childList", true.into()),
        ("subtree", true.into()),
        ("attributes", true.into()),
        (
            "attributeFilter",
            WATCHED
                .iter()
                .chain(cfg!(feature = "trap").then_some(&"data-lede-trap"))
                .map(|a| JsValue::from_str(a))
                .collect::<js_sys::Array>()
                .into(),
        ),
    ]);
    if let Some(root) = document.document_element() {
        let _ = observer.observe_with_options(&root, &options);
    }
    // Both live as long as the page.
    on_change.forget();
    std::mem::forget(observer);
}
