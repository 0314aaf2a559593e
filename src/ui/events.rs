//! `use_section_events`: what a section tells the page, on its host
//! element: `lede:ready` once it has loaded, `lede:error` once it has
//! failed (its retries spent); again after each load, never for a change
//! that refetched nothing. Each is sent once the section shows what it
//! tells: a listener reading the widget finds the slides it counts, or the
//! sentence it says.

use super::live::Look;
use crate::core::error::{Feed, FeedError};
use crate::dom::emit;
use crate::ui::effect;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// How a section's load ended, as the page hears of it: nothing yet, ready
/// (with the related feed's count), or failed.
pub type Settled = Option<Result<Option<usize>, FeedError>>;

/// Tells the page, on `host`, of each change of how the section's load
/// ended (`settled`, read in an effect: once per load, not again for the
/// same outcome, as when slides are made again for a new media base). The
/// message is in the widget's language at the time (read untracked: a new
/// language is not a new outcome).
///
/// The event is sent from a task of its own: the change that settled the
/// section also woke its view, which this effect can run before (the
/// framework runs what a change wakes in the order they last read it), and
/// a task spawned now runs after everything already woken. A widget gone
/// by then (unmounted by a listener of its other section's event) tells
/// nothing: `look`, which the widget holds, is gone with it.
pub fn use_section_events(
    host: Option<Element>,
    feed: Feed,
    settled: Box<dyn Fn() -> Settled>,
    look: ReadSignal<Look>,
) {
    let Some(host) = host else {
        return;
    };
    let told: RefCell<Settled> = RefCell::new(None);
    let tell = move |name: &'static str, detail: Vec<(&'static str, JsValue)>| {
        let host = host.clone();
        spawn_local(async move {
            if look.try_with_untracked(|_| ()).is_some() {
                emit(&host, name, &detail);
            }
        });
    };
    effect(move || {
        let now = settled();
        if *told.borrow() == now {
            return;
        }
        match &now {
            None => {}
            Some(Ok(count)) => {
                let mut detail = vec![("section", feed.as_str().into())];
                if let Some(n) = count {
                    detail.push(("count", JsValue::from_f64(*n as f64)));
                }
                tell("lede:ready", detail);
            }
            Some(Err(e)) => {
                let message = look
                    .try_with_untracked(|l| e.message().get(&l.lang).to_owned())
                    .unwrap_or_default();
                let mut detail = vec![
                    ("section", feed.as_str().into()),
                    ("code", e.code().into()),
                    ("message", message.into()),
                ];
                if let Some(status) = e.status() {
                    detail.push(("status", JsValue::from_f64(status.into())));
                }
                if let Some(url) = &e.url {
                    detail.push(("url", url.as_str().into()));
                }
                tell("lede:error", detail);
            }
        }
        told.replace(now);
    });
}
