//! `flag`: a yes/no signal (a slide in view, its media allowed to load, a
//! video playing), held as a `usize` signal, 0 or 1. The framework links
//! its signal code once for each value type, and the widget's indices and
//! counters are `usize` signals already: a `bool` signal type of its own
//! linked a second copy of it. Its accessors never panic: once the flag's
//! owner is gone, `get` reads it as down, `untracked` gives `None`, and a
//! write does nothing.

use leptos::prelude::*;

/// A flag's reading half: copy it into views, effects and callbacks.
#[derive(Clone, Copy)]
pub struct Flag(ReadSignal<usize>);

/// A flag's writing half.
#[derive(Clone, Copy)]
pub struct SetFlag(WriteSignal<usize>);

/// A new flag, down, owned by the current owner.
pub fn flag() -> (Flag, SetFlag) {
    let (read, write) = signal(0usize);
    (Flag(read), SetFlag(write))
}

impl Flag {
    /// Whether it is up, tracked: an effect or view reading it runs again
    /// when it changes.
    pub fn get(self) -> bool {
        self.0.try_get() == Some(1)
    }

    /// Whether it is up, untracked; `None` once its owner is gone.
    pub fn untracked(self) -> Option<bool> {
        self.0.try_get_untracked().map(|v| v == 1)
    }
}

impl SetFlag {
    /// Raises or lowers it (those that read it hear of it, changed or not).
    pub fn set(self, up: bool) {
        self.0.try_set(usize::from(up));
    }
}
