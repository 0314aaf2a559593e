//! `use_reach`: which slides may load their media. Readers' data first:
//! before any interaction only the thumbnails actually in view load; once
//! the reader scrolls the page or reaches for the carousel, those within a
//! viewport of view load too, so that they are there when scrolled to.

use crate::core::carousel::Geometry;
use crate::dom::dict;
use crate::ui::effect;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// What [`use_reach`] gives the carousel.
#[derive(Clone, Copy)]
pub struct UseReachReturn {
    /// The track is in the page's viewport.
    pub in_view: ReadSignal<bool>,
    /// The track is within a viewport of the page's viewport.
    pub in_reach: ReadSignal<bool>,
    /// The reader has scrolled the page or reached for the carousel.
    pub engaged: ReadSignal<bool>,
    set_engaged: WriteSignal<bool>,
    geometry: ReadSignal<Geometry>,
    count: usize,
}

impl UseReachReturn {
    /// Whether slide `i` may load: in view on the page and in the track's
    /// view, or, once the reader has engaged, within reach of both.
    pub fn wants(&self, i: usize) -> bool {
        let g = self.geometry.get();
        (self.in_view.get() && g.visible(self.count).contains(&i))
            || (self.engaged.get() && self.in_reach.get() && g.near(self.count).contains(&i))
    }

    /// The reader scrolled or reached for the carousel.
    pub fn engage(&self) {
        if self.engaged.try_get_untracked() == Some(false) {
            self.set_engaged.try_set(true);
        }
    }
}

/// An observer of the page's viewport grown by `margin`, setting `flag`
/// once its target intersects.
type Watcher = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

fn watch_viewport(margin: &str, flag: WriteSignal<bool>) -> Option<Watcher> {
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The newest entry says where the target is now.
        let hit = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            .is_some_and(|e| e.is_intersecting());
        flag.try_set(hit);
    });
    let init: IntersectionObserverInit = dict(&[("rootMargin", margin.into())]);
    let io =
        IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &init).ok()?;
    Some((io, on_change))
}

/// Watches `track` against the page's viewport, and the page's scrolling,
/// for the `count` slides whose positions `geometry` gives. The observers
/// and the listener go with the carousel.
pub fn use_reach(
    track: NodeRef<html::Div>,
    geometry: ReadSignal<Geometry>,
    count: usize,
) -> UseReachReturn {
    let (in_view, set_in_view) = signal(false);
    let (in_reach, set_in_reach) = signal(false);
    let (engaged, set_engaged) = signal(false);
    let this = UseReachReturn {
        in_view,
        in_reach,
        engaged,
        set_engaged,
        geometry,
        count,
    };

    let page_scroll = window_event_listener(ev::scroll, move |_| this.engage());
    on_cleanup(move || page_scroll.remove());

    // Set up once the track is there; the observers go with the effect's
    // owner, that is with the carousel.
    effect(move || {
        let Some(el) = track.get() else { return };
        let found: Vec<Watcher> = [("0px", set_in_view), ("100% 50%", set_in_reach)]
            .into_iter()
            .filter_map(|(margin, flag)| watch_viewport(margin, flag))
            .collect();
        for (io, _) in &found {
            io.observe(&el);
        }
        let held = SendWrapper::new(found);
        on_cleanup(move || held.iter().for_each(|(io, _)| io.disconnect()));
    });
    this
}

/// Whether a slide's media may load: set once `near` says so (or the slide
/// sets it, on the reader's intent), and kept, so that scrolling away and
/// back does not download it again.
pub fn use_media_allowed<N>(near: N) -> (ReadSignal<bool>, WriteSignal<bool>)
where
    N: Fn() -> bool + 'static,
{
    let (allowed, set_allowed) = signal(false);
    effect(move || {
        if near() && !allowed.get_untracked() {
            set_allowed.set(true);
        }
    });
    (allowed, set_allowed)
}
