//! `use_window`: which slides are in the DOM. A short feed keeps all of
//! them; a long one only those near the track's viewport, plus the current
//! slide so that focus always has a target (`Geometry::rendered`).
//!
//! [`rows`] keeps those slides in the rail.

use crate::core::carousel::Geometry;
use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use leptos::tachys::reactive_graph::{OwnedView, OwnedViewState};
use leptos::tachys::view::{Mountable, Render};
use send_wrapper::SendWrapper;

/// The indices of the slides to render, in order, for a keyed list (which
/// leaves the slides that stay untouched).
pub fn use_window(
    geometry: ReadSignal<Geometry>,
    current: ReadSignal<usize>,
    count: usize,
) -> impl Fn() -> Vec<usize> + Copy + Send + Sync + 'static {
    move || geometry.with(|g| g.rendered(count, current.get()))
}

/// A slide in the rail: its index and its view, under an owner of its own.
type Row<S> = (usize, OwnedViewState<S>);

/// The directive (`use:rows=(window, row)`) that keeps `row(i)` in `rail`
/// for each index `window()` gives, in order, as the window moves: a slide
/// that stays is left alone (its element, its focus, its media); one that
/// leaves is taken out, and its owner's effects and listeners with it; one
/// that comes is built under an owner of its own (a child of the
/// carousel's, as `<For>` does) and put in its place.
///
/// The window's indices are increasing (a later one that is not is
/// skipped), so no slide ever moves: one merge of two increasing lists,
/// where `<For>`'s keyed list diffs any two orders of any keys (1.9 KB
/// more). Built as the rail is, so that the slides are there when the
/// carousel is.
pub fn rows<W, F, V>(rail: web_sys::Element, (window, row): (W, F))
where
    W: Fn() -> Vec<usize> + 'static,
    F: Fn(usize) -> V + 'static,
    V: Render + 'static,
{
    let Some(parent) = Owner::current() else {
        return;
    };
    let build = move |i: usize| {
        let owner = parent.with(Owner::new);
        let view = owner.with(|| row(i));
        OwnedView::new_with_owner(view, owner).build()
    };
    let effect = RenderEffect::new(move |old: Option<Vec<Row<V::State>>>| {
        let mut old = old.unwrap_or_default().into_iter().peekable();
        let mut rows: Vec<Row<V::State>> = Vec::new();
        for i in window() {
            if rows.last().is_some_and(|(last, _)| *last >= i) {
                continue;
            }
            while let Some((_, mut gone)) = old.next_if(|(k, _)| *k < i) {
                gone.unmount();
            }
            let row = match old.next_if(|(k, _)| *k == i) {
                Some(kept) => kept,
                None => {
                    let mut state = build(i);
                    // Before the first slide after it, or last.
                    let placed = old
                        .peek()
                        .is_some_and(|(_, next)| next.insert_before_this(&mut state));
                    if !placed {
                        state.mount(&rail, None);
                    }
                    (i, state)
                }
            };
            rows.push(row);
        }
        for (_, mut gone) in old {
            gone.unmount();
        }
        rows
    });
    // The effect runs for as long as it is held: until the carousel goes,
    // or is built again in its place (a new link template), which finds the
    // rail empty.
    let effect = SendWrapper::new(effect);
    on_cleanup(move || {
        for (_, mut gone) in effect.take_value().unwrap_or_default() {
            gone.unmount();
        }
    });
}
