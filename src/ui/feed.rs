//! `use_feed`: fetch a feed, parse it, keep its [`Load`] state, heal by
//! itself from a transient failure, retry on demand, abort when the widget
//! goes away.

use super::page::use_online;
use super::turns::in_turn;
use super::Load;
use crate::core::cap::{body_cut, shown_later, Cut};
use crate::core::error::{Feed, FeedError, Problem};
use crate::core::number::write_unsigned;
use crate::core::retry::{delay_ms, online_delay_ms};
use crate::core::url::SafeUrl;
use crate::dom::{console_error, console_warn, run_now};
use crate::net::{fetch_text, FetchError, TIMEOUT_MS};
use crate::ui::effect;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use web_sys::AbortController;

/// What [`use_feed`] gives a section.
pub struct UseFeedReturn {
    /// Fetches again at once, with retries of its own (the Retry button).
    pub retry: Callback<()>,
}

/// What a load hands back: the body's text or why there is none, and the
/// URL it came from.
type Done = Rc<dyn Fn(Result<String, FeedError>, &str)>;

/// A feed's loads: the one in flight, or the retry waiting for its time.
struct Flight {
    url: SafeUrl,
    /// The fetch in flight, if any.
    controller: Option<AbortController>,
    /// The retry waiting, if any: its timer and what it will hand back.
    waiting: Option<(TimeoutHandle, Done)>,
    /// Retries made by themselves since the last load asked for.
    retries: u32,
}

impl Flight {
    /// Stops what is in flight and what is waiting.
    fn stop(&mut self) {
        if let Some(c) = self.controller.take() {
            c.abort();
        }
        if let Some((timer, _)) = self.waiting.take() {
            timer.clear();
        }
    }
}

/// The part of loading a feed that does not depend on how it is parsed,
/// kept out of the generic [`use_feed`] so that it is compiled once, not
/// once per feed.
#[derive(Clone, Copy)]
struct Loader {
    feed: Feed,
    flight: StoredValue<Flight, LocalStorage>,
}

/// A random number in `[0, 1)`, to spread the page's widgets' retries.
fn jitter() -> f64 {
    js_sys::Math::random()
}

impl Loader {
    /// A load asked for (the first, or Retry): with retries of its own.
    fn start(self, done: Done) {
        self.flight.try_update_value(|f| f.retries = 0);
        self.fetch(done);
    }

    /// Fetches now, stopping any load in flight or waiting; `done` runs
    /// unless this load is stopped first or the widget is gone. A
    /// transient failure waits and fetches again, as long as retries are
    /// left; the page's widgets waiting together are spread out.
    fn fetch(self, done: Done) {
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let Some(href) = self.flight.try_update_value(|f| {
            f.stop();
            f.controller = Some(controller.clone());
            f.url.as_str().to_owned()
        }) else {
            return;
        };
        // What the glue read ahead for the section is taken at once: it
        // mounts showing its feed, not a skeleton first.
        run_now(async move {
            // A related feed's body is read only as far as its cut.
            let cut = match self.feed {
                Feed::Related => body_cut(),
                Feed::Article => Cut::never(),
            };
            let result = fetch_text(&href, TIMEOUT_MS, &controller, cut).await;
            let current = self
                .flight
                .try_with_value(|f| f.controller.as_ref() == Some(&controller));
            if current != Some(true) {
                return;
            }
            self.flight.try_update_value(|f| f.controller = None);
            match result {
                Ok(text) => done(Ok(text), &href),
                Err(FetchError::Aborted) => {}
                Err(FetchError::Failed(problem)) => self.failed(problem, &href, done),
            }
        });
    }

    /// A fetch failed: wait and try again if it may heal, else hand back
    /// the failure.
    fn failed(self, problem: Problem, href: &str, done: Done) {
        let retry = self
            .flight
            .try_update_value(|f| {
                f.retries += 1;
                f.retries
            })
            .unwrap_or(u32::MAX);
        let Some(ms) = delay_ms(&problem, retry, jitter()) else {
            return done(Err(FeedError::new(self.feed, problem)), href);
        };
        let mut line = FeedError::new(self.feed, problem).at(href).detail();
        line.push_str("; trying again in ");
        line.push_str(&write_unsigned(u64::from(ms / 100)));
        line.push_str("00 ms");
        console_warn(&line);
        self.wait(ms, done);
    }

    /// Fetches again after `ms`.
    fn wait(self, ms: u32, done: Done) {
        let again = done.clone();
        let Ok(timer) =
            set_timeout_with_handle(move || self.fetch(again), Duration::from_millis(ms.into()))
        else {
            return;
        };
        self.flight.try_update_value(|f| {
            if let Some((old, _)) = f.waiting.replace((timer, done)) {
                old.clear();
            }
        });
    }

    /// The browser is online again: a retry waiting goes now (spread over a
    /// moment across the page's widgets).
    fn online(self) {
        let waiting = self.flight.try_update_value(|f| f.waiting.take()).flatten();
        if let Some((timer, done)) = waiting {
            timer.clear();
            self.wait(online_delay_ms(jitter()), done);
        }
    }

    /// Stops everything, for good: the widget is going.
    fn stop(self) {
        self.flight.try_update_value(Flight::stop);
    }
}

/// A flag that stays true while the current owner (a section's loader) is
/// there; not generic, so compiled once.
fn while_here() -> Arc<AtomicBool> {
    let here = Arc::new(AtomicBool::new(true));
    let gone = here.clone();
    on_cleanup(move || gone.store(false, Ordering::Relaxed));
    here
}

/// A failure, with the URL it happened at, told to the console.
fn report(e: FeedError, href: &str) -> FeedError {
    let e = e.at(href);
    console_error(&e.detail());
    e
}

/// Loads `url` into `state` now and on every `retry`, parsing with
/// `parse`. A newer load stops an older one still in flight or waiting; the
/// section's removal stops both. A transient failure (the network, a
/// timeout, 502/503/504) is retried by itself (see `core::retry`), at once
/// when the browser comes back online; the state stays loading until the
/// retries are spent. Failures go to the console with their technical
/// detail.
///
/// Only boxing `parse` is generic; the rest ([`use_parsed`], [`use_loads`])
/// is compiled once for both feeds (a closure inside a generic function is
/// compiled once per type argument even when it does not use it: the
/// closure that parses and shows a load, written in `use_feed`, was
/// compiled once per feed, 0.26 KB more).
pub fn use_feed<P>(feed: Feed, url: SafeUrl, parse: P, state: WriteSignal<Load>) -> UseFeedReturn
where
    P: Fn(&str) -> Result<Load, FeedError> + Send + Sync + 'static,
{
    use_parsed(feed, url, Box::new(parse), state)
}

/// A feed's parse function, boxed.
type Parse = Box<dyn Fn(&str) -> Result<Load, FeedError>>;

/// [`use_feed`] with its parse function boxed: what a load hands back,
/// parsed and shown in its turn.
fn use_parsed(feed: Feed, url: SafeUrl, parse: Parse, state: WriteSignal<Load>) -> UseFeedReturn {
    // `done` only runs while the widget is there (see [`Loader::fetch`]);
    // what it shows in a later turn, only if this loader is still there
    // then (`state` is the widget's, which outlives a loader whose URL
    // changed: the old feed would show under the new URL).
    let here = while_here();
    let done: Done = Rc::new(move |result, href| {
        let later = result.as_ref().is_ok_and(|text| shown_later(text.len()));
        let loaded = match result.and_then(|text| parse(&text)) {
            Ok(value) => value,
            Err(e) => Load::Failed(report(e, href)),
        };
        let here = here.clone();
        let show: Box<dyn FnOnce()> = Box::new(move || {
            if here.load(Ordering::Relaxed) {
                state.try_set(loaded);
            }
        });
        in_turn(show, later);
    });
    use_loads(feed, url, done, state)
}

/// [`use_feed`] without its parsing: loads now and on every call of
/// `retry` (its own retries after a failure do not), marking `state` as
/// loading each time, `done` handing back what came.
fn use_loads(feed: Feed, url: SafeUrl, done: Done, state: WriteSignal<Load>) -> UseFeedReturn {
    let loading = move || drop(state.try_set(Load::Loading));
    loading();
    let loader = Loader {
        feed,
        flight: StoredValue::new_local(Flight {
            url,
            controller: None,
            waiting: None,
            retries: 0,
        }),
    };
    let again = send_wrapper::SendWrapper::new((done.clone(), loading));
    loader.start(done);
    let online = use_online();
    let seen = std::cell::Cell::new(online.try_get_untracked().unwrap_or_default());
    effect(move || {
        let now = online.get();
        if seen.replace(now) != now {
            loader.online();
        }
    });
    on_cleanup(move || loader.stop());
    UseFeedReturn {
        retry: Callback::new(move |()| {
            let (done, loading) = &*again;
            loading();
            loader.start(done.clone());
        }),
    }
}
