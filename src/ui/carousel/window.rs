//! `use_window`: which slides are in the DOM. A short feed keeps all of
//! them; a long one only those near the track's viewport, plus the current
//! slide so that focus always has a target (`Geometry::rendered`).

use crate::core::carousel::Geometry;
use leptos::prelude::*;

/// The indices of the slides to render, in order, for a keyed list (which
/// leaves the slides that stay untouched).
pub fn use_window(
    geometry: ReadSignal<Geometry>,
    current: ReadSignal<usize>,
    count: usize,
) -> impl Fn() -> Vec<usize> + Copy + Send + Sync + 'static {
    move || geometry.with(|g| g.rendered(count, current.get()))
}
