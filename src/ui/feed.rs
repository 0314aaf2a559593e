//! `use_feed`: fetch a feed, parse it, keep its [`Load`] state, retry on
//! demand, abort when the widget goes away.

use super::Load;
use crate::core::error::{Feed, FeedError};
use crate::core::url::SafeUrl;
use crate::dom::console_error;
use crate::net::{fetch_text, FetchError, TIMEOUT_MS};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use web_sys::AbortController;

/// What [`use_feed`] gives a section.
pub struct UseFeedReturn<T: Send + Sync + 'static> {
    /// The feed's state.
    pub state: ReadSignal<Load<T>>,
    /// Fetches again (the Retry button).
    pub retry: Callback<()>,
}

/// What a load hands back: the body's text or why there is none, and the
/// URL it came from.
type Done = Box<dyn FnOnce(Result<String, FeedError>, &str)>;

/// The part of loading a feed that does not depend on what the feed holds,
/// kept out of the generic [`use_feed`] so that it is compiled once, not
/// once per feed type.
#[derive(Clone, Copy)]
struct Loader {
    feed: Feed,
    /// The feed's URL and the load in flight, if any.
    at: StoredValue<(SafeUrl, Option<AbortController>), LocalStorage>,
}

impl Loader {
    /// Starts a load, aborting the one in flight; `done` runs unless this
    /// load is aborted or replaced first, or the widget is gone.
    fn start(self, done: Done) {
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let Some((href, old)) = self.at.try_update_value(|(url, slot)| {
            (url.as_str().to_owned(), slot.replace(controller.clone()))
        }) else {
            return;
        };
        if let Some(old) = old {
            old.abort();
        }
        spawn_local(async move {
            let result = match fetch_text(&href, TIMEOUT_MS, &controller).await {
                Ok(text) => Ok(text),
                Err(FetchError::Aborted) => return,
                Err(FetchError::Failed(problem)) => Err(FeedError::new(self.feed, problem)),
            };
            let current = self
                .at
                .try_with_value(|(_, c)| c.as_ref().is_some_and(|c| *c == controller));
            if current == Some(true) {
                done(result, &href);
            }
        });
    }

    /// Aborts the load in flight, if any.
    fn abort(self) {
        if let Some(Some(c)) = self.at.try_update_value(|(_, c)| c.take()) {
            c.abort();
        }
    }
}

/// A failure, with the URL it happened at, told to the console.
fn report(e: FeedError, href: &str) -> FeedError {
    let e = e.at(href);
    console_error(&e.detail());
    e
}

/// Loads `url` now and on every `retry`, parsing with `parse`. A newer load
/// aborts an older one still in flight; the widget's removal aborts both.
/// Failures go to the console with their technical detail.
pub fn use_feed<T, P>(feed: Feed, url: SafeUrl, parse: P) -> UseFeedReturn<T>
where
    T: Send + Sync + 'static,
    P: Fn(&str) -> Result<T, FeedError> + Send + Sync + 'static,
{
    let (state, set_state) = signal(Load::Loading);
    let parse = Arc::new(parse);
    let loader = Loader {
        feed,
        at: StoredValue::new_local((url, None)),
    };
    // `done` only runs while the widget is there (see [`Loader::start`]).
    let load = move || {
        set_state.set(Load::Loading);
        let parse = parse.clone();
        loader.start(Box::new(move |result, href| {
            set_state.try_set(match result.and_then(|text| parse(&text)) {
                Ok(value) => Load::Ready(value),
                Err(e) => Load::Failed(report(e, href)),
            });
        }));
    };
    let again = load.clone();
    load();
    on_cleanup(move || loader.abort());
    UseFeedReturn {
        state,
        retry: Callback::new(move |()| again()),
    }
}
