//! `use:swap`: a section's content, built afresh whenever what it shows
//! changes.

use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use leptos::tachys::view::{Mountable, Render};
use send_wrapper::SendWrapper;
use web_sys::{Element, Node};

/// A view, built: what [`swap`] puts in its element (`Box::new(())` for
/// nothing).
pub type Content = Box<dyn Mountable>;

/// Builds `view` into [`Content`].
pub fn content<V: Render>(view: V) -> Content
where
    V::State: 'static,
{
    Box::new(view.build())
}

/// The directive (`use:swap=move || …`) that keeps in `el` the content
/// `make` builds, built again whenever what `make` reads changes: the old
/// content is taken out, its owner (its effects, listeners and timers)
/// cleaned up first, and the new one built in its place.
///
/// A view switching between states (`move || match … { EitherOf4::A(…) }`)
/// is updated in place by the framework when it stays in one state, which
/// links, for every view it can show, the code to update it as well as the
/// code to build it; a section's states are replaced whole anyway (a new
/// feed, new words), and here only their building is linked, and one
/// instance of the effect for every section.
pub fn swap<F>(el: Element, make: F)
where
    F: Fn() -> Content + 'static,
{
    swap_in(el, None, make);
}

/// [`swap`] into `parent`, before `marker` (none: last): one of several
/// contents of one element, each in its place.
pub fn swap_in<F>(parent: Element, marker: Option<Node>, make: F)
where
    F: Fn() -> Content + 'static,
{
    let effect = RenderEffect::new(move |old: Option<Content>| {
        if let Some(mut old) = old {
            old.unmount();
        }
        let mut new = make();
        new.mount(&parent, marker.as_ref());
        new
    });
    // It runs for as long as it is held: until its section goes, or is
    // built again in its place, which finds the element empty.
    let effect = SendWrapper::new(effect);
    on_cleanup(move || {
        if let Some(mut shown) = effect.take_value() {
            shown.unmount();
        }
    });
}

/// The directive (`use:put=move || content(view! { … })`) that builds the
/// content once, into `el` before its other children, for as long as its
/// owner lives: a child that is one of several views (an image, a video or
/// nothing), without the framework's `Either` code to mount, move and drop
/// each of them. Built again in its place (its element kept by an update
/// of the view around it), the old content is taken out and the new one
/// put first again.
pub fn put<F>(el: Element, make: F)
where
    F: Fn() -> Content + 'static,
{
    let mut shown = untrack(make);
    shown.mount(&el, el.first_child().as_ref());
    // Held until the owner goes: its effects and listeners with it.
    let shown = SendWrapper::new(shown);
    on_cleanup(move || shown.take().unmount());
}
