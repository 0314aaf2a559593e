//! `use_feed`: fetch a feed, parse it, keep its [`Load`] state, retry on
//! demand, abort when the widget goes away.

use super::js::{console_error, spawn};
use super::Load;
use crate::core::error::{Feed, FeedError};
use crate::core::url::SafeUrl;
use crate::net::{fetch_text, FetchError, TIMEOUT_MS};
use leptos::prelude::*;
use web_sys::AbortController;

/// What [`use_feed`] gives a section.
pub struct UseFeedReturn<T: Send + Sync + 'static> {
    /// The feed's state.
    pub state: ReadSignal<Load<T>>,
    /// Fetches again (the Retry button).
    pub retry: Callback<()>,
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
    let in_flight = StoredValue::new_local(None::<AbortController>);
    let parse = StoredValue::new(parse);
    let url = StoredValue::new(url);

    let load = move || {
        let Ok(controller) = AbortController::new() else {
            return;
        };
        if let Some(Some(old)) = in_flight.try_update_value(|slot| slot.replace(controller.clone()))
        {
            old.abort();
        }
        set_state.set(Load::Loading);
        spawn(async move {
            let Some(href) = url.try_with_value(|u| u.as_str().to_owned()) else {
                return;
            };
            let result = match fetch_text(&href, TIMEOUT_MS, &controller).await {
                Ok(text) => parse.try_with_value(|p| p(&text)),
                Err(FetchError::Aborted) => return,
                Err(FetchError::Failed(problem)) => Some(Err(FeedError::new(feed, problem))),
            };
            let next = match result {
                Some(Ok(value)) => Load::Ready(value),
                Some(Err(e)) => {
                    let e = e.at(&href);
                    console_error(&e.detail());
                    Load::Failed(e)
                }
                None => return,
            };
            // A retry may have replaced this load, or the widget may be gone.
            let current =
                in_flight.try_with_value(|c| c.as_ref().is_some_and(|c| *c == controller));
            if current == Some(true) {
                set_state.try_set(next);
            }
        });
    };
    load();
    on_cleanup(move || {
        if let Some(Some(c)) = in_flight.try_update_value(Option::take) {
            c.abort();
        }
    });
    UseFeedReturn {
        state,
        retry: Callback::new(move |()| load()),
    }
}
