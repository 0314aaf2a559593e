//! `use_reach`: which slides may load their media. Readers' data first:
//! before any interaction only the thumbnails actually in view load; once
//! the reader scrolls the page or reaches for the carousel, those within a
//! viewport of view load too, so that they are there when scrolled to.

use super::observe::use_in_view;
use crate::core::carousel::Geometry;
use crate::ui::effect;
use crate::ui::flag::{flag, Flag, SetFlag};
use crate::ui::keep::ElementRef;
use crate::ui::page::use_page_scrolls;
use leptos::prelude::*;

/// What [`use_reach`] gives the carousel.
#[derive(Clone, Copy)]
pub struct UseReachReturn {
    /// The track is in the page's viewport.
    pub in_view: Flag,
    /// The track is within a viewport of the page's viewport.
    pub in_reach: Flag,
    /// The reader has scrolled the page or reached for the carousel.
    pub engaged: Flag,
    set_engaged: SetFlag,
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
        if self.engaged.untracked() == Some(false) {
            self.set_engaged.set(true);
        }
    }
}

/// Watches `track` against the page's viewport, and the page's scrolling,
/// for the `count` slides whose positions `geometry` gives. The observers
/// go with the carousel.
pub fn use_reach(
    track: ElementRef,
    geometry: ReadSignal<Geometry>,
    count: usize,
) -> UseReachReturn {
    let in_view = use_in_view(track, "0px", 0.0);
    let in_reach = use_in_view(track, "100% 50%", 0.0);
    let (engaged, set_engaged) = flag();
    let this = UseReachReturn {
        in_view,
        in_reach,
        engaged,
        set_engaged,
        geometry,
        count,
    };

    // The page's one scroll listener: engaged at the first scroll after
    // this carousel came (then no longer listening).
    let scrolls = use_page_scrolls();
    let first = scrolls.try_get_untracked();
    effect(move || {
        if engaged.untracked() == Some(false) && scrolls.try_get() != first {
            this.engage();
        }
    });

    this
}

/// Whether a slide's media may load: set once `near` says so (or the slide
/// sets it, on the reader's intent), and kept, so that scrolling away and
/// back does not download it again.
pub fn use_media_allowed<N>(near: N) -> (Flag, SetFlag)
where
    N: Fn() -> bool + 'static,
{
    let (allowed, set_allowed) = flag();
    effect(move || {
        if near() && allowed.untracked() == Some(false) {
            set_allowed.set(true);
        }
    });
    (allowed, set_allowed)
}
