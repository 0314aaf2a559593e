//! `use_window`: which slides are in the DOM. A short feed keeps all of
//! them; a long one only those near the track's viewport, plus the current
//! slide so that focus always has a target (`Geometry::rendered`).

use crate::core::carousel::Geometry;
use leptos::prelude::*;

/// The indices of the slides to render, in order; they change only when the
/// window really moves.
pub fn use_window(
    geometry: ReadSignal<Geometry>,
    current: ReadSignal<usize>,
    count: usize,
) -> Memo<Vec<usize>> {
    Memo::new(move |_| geometry.with(|g| g.rendered(count, current.get())))
}
