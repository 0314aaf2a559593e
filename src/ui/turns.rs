//! Sections take turns to be shown: feeds that arrive together (a page of
//! many widgets) are shown a frame's worth at a time, the browser drawing a
//! frame in between, not all in one frame that freezes the page
//! (`core::queue::turn` decides how long each run and rest lasts).

use crate::core::queue::{turn, Run};
use crate::dom::page_hidden;
use leptos::prelude::set_timeout;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::time::Duration;

thread_local! {
    /// The current run of shown sections.
    static RUN: Cell<Run> = const { Cell::new(Run::NONE) };
}

/// Shows a section (`show` sets its state) now if its turn has come, else
/// in a task of its own once the browser's rest is over; `later`, in a new
/// task in any case (a very long feed, so that reading it and showing it
/// never hold the thread together). A section shown now is shown in the
/// task its feed came in (a feed read ahead: the task that mounts its
/// widget); its view's time counts against the run. Sections waiting for the
/// same rest come back in the order they asked. A hidden page draws no
/// frames and slows its timers: it shows at once.
pub fn in_turn(show: Box<dyn FnOnce()>, later: bool) {
    let now = js_sys::Date::now();
    if later {
        return after(show, 0);
    }
    match RUN.with(|r| turn(r.get(), now).map(|run| r.set(run))) {
        Err(ms) if !page_hidden() => after(show, ms),
        _ => {
            show();
            // Done now, and again once the effects `show` woke (queued
            // before this) have built its view. (The page's listeners of
            // the events those effects send, in a task after, are not
            // counted: their time is the page's.)
            done();
            spawn_local(async { done() });
        }
    }
}

/// The run's last section is done.
fn done() {
    RUN.with(|r| r.set(r.get().done(js_sys::Date::now())));
}

/// Asks again for `show`'s turn in a new task, `ms` from now.
fn after(show: Box<dyn FnOnce()>, ms: u32) {
    set_timeout(
        move || in_turn(show, false),
        Duration::from_millis(ms.into()),
    );
}
