//! `use_roving_focus`: the carousel's one tab stop (the current slide), the
//! keys that move it, and the previous and next buttons (WAI-ARIA APG
//! carousel). Which slide a key or a button leads to is
//! `core::carousel`'s arithmetic.

use super::geometry::UseTrackGeometryReturn;
use crate::core::carousel::{apply, key_move, Page};
use crate::core::i18n::Direction;
use crate::dom::{focus_quietly, string_field};
use crate::ui::effect;
use crate::ui::keep::ElementRef;
use crate::ui::page::{last_pointer_path, use_pointer_presses};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{FocusEvent, KeyboardEvent, Node};

/// No slide, in [`UseRovingFocusReturn`]'s `request` and `holder`: a
/// number no slide has, rather than `Option<usize>`, so that they are
/// signals of the type `current` already is (one instance of the signal
/// code, not two).
pub const NO_SLIDE: usize = usize::MAX;

/// What [`use_roving_focus`] gives the carousel.
#[derive(Clone, Copy)]
pub struct UseRovingFocusReturn {
    /// The slide whose link is the tab stop.
    pub current: ReadSignal<usize>,
    set_current: WriteSignal<usize>,
    /// The slide asked to take focus, until it has ([`NO_SLIDE`] when none).
    pub request: ReadSignal<usize>,
    set_request: WriteSignal<usize>,
    /// The slide focus is in, while focus is in the carousel (a key there
    /// has one; [`NO_SLIDE`] while focus is elsewhere); only read when
    /// acting, never tracked.
    holder: ReadSignal<usize>,
    set_holder: WriteSignal<usize>,
    track: ElementRef,
    geometry: UseTrackGeometryReturn,
    count: usize,
    dir: Direction,
}

impl UseRovingFocusReturn {
    /// Makes slide `i` current, scrolls it into view and focuses it.
    ///
    /// A slide in the DOM becomes the tab stop and the track starts moving
    /// to it in the key's own task; it takes focus in a task after the next
    /// frame. That frame draws the move at once, and the browser's
    /// `focus()`, which styles the page twice (with `focusout` and `focusin`
    /// in between), comes after it: the ring follows a frame after the
    /// track starts to move, where the key's frame used to wait for both
    /// (at 4× CPU, the key's own work fell from about 15 ms to 5, its
    /// latency from 32 to 16 ms). A slide far away is not in the DOM yet:
    /// it is made current first, which renders it, and takes focus then
    /// (the track's scroll snapping would pull a scroll to a slide that is
    /// not there back to one that is), being revealed as it does.
    pub fn move_to(&self, i: usize) {
        let Some(current) = self.current.try_get_untracked() else {
            return;
        };
        if current == i {
            self.reveal(i, true);
            return;
        }
        let in_dom = self
            .geometry
            .geometry
            .try_with_untracked(|g| g.rendered(self.count, current).contains(&i));
        self.set_current.set(i);
        if in_dom != Some(true) {
            self.set_request.set(i);
            return;
        }
        self.reveal(i, true);
        let this = *self;
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // Only if the tab stop is still that slide (no other
                    // key moved it on), focus is still in another slide
                    // (no Tab or click took it away or there), and so the
                    // focus will come, and clear the request.
                    let moving = this.current.try_get_untracked() == Some(i)
                        && matches!(this.holder.try_get_untracked(), Some(h) if h != NO_SLIDE && h != i);
                    if moving {
                        this.set_request.try_set(i);
                    }
                },
                std::time::Duration::ZERO,
            );
        });
    }

    /// Scrolls the page to the carousel and the track by whole slides until
    /// slide `i` shows. Where it already shows whole, a key (`settle`)
    /// stops the track there, whatever glide an earlier key started; focus
    /// arriving leaves a glide on its way alone.
    fn reveal(&self, i: usize, settle: bool) {
        self.geometry.reveal_track();
        let g = self.geometry.measure();
        match g.reveal(i, self.count) {
            Some(offset) => self.geometry.scroll_to(offset),
            None if settle => self.geometry.scroll_to(g.offset(self.count)),
            None => {}
        }
    }

    /// Arrow keys follow the reading direction, Home and End go to the ends;
    /// with a modifier they are the browser's. The key is read with
    /// `Reflect`: a page's own `new Event("keydown")` has none, and
    /// `KeyboardEvent::key` would throw from the glue (a trap).
    pub fn on_keydown(&self, ev: KeyboardEvent) {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        let Some(m) = string_field(&ev, "key").and_then(|k| key_move(&k, self.dir)) else {
            return;
        };
        let Some(current) = self.current.try_get_untracked() else {
            return;
        };
        ev.prevent_default();
        self.move_to(apply(current, m, self.count));
    }

    /// The previous or next button: a page of whole slides from where the
    /// track really is.
    pub fn page(&self, page: Page) {
        let (target, offset) = self.geometry.measure().page(page, self.count);
        self.set_current.set(target);
        self.geometry.scroll_to(offset);
    }

    /// Focus came into slide `i`: it becomes the tab stop.
    pub fn focused(&self, i: usize) {
        self.set_holder.try_set(i);
        if self.current.try_get_untracked().is_some_and(|c| c != i) {
            self.set_current.set(i);
        }
        if let Some(asked) = self.request.try_get_untracked().filter(|&a| a != NO_SLIDE) {
            self.set_request.set(NO_SLIDE);
            if asked == i {
                self.reveal(i, false);
            }
        }
    }

    /// Focus left an element of the track, for `ev.related_target()`. A
    /// removed element gives none: that is not leaving.
    pub fn on_focusout(&self, ev: FocusEvent) {
        let Some(to) = ev.related_target() else {
            return;
        };
        if !self.contains(to.dyn_ref::<Node>()) {
            self.set_holder.try_set(NO_SLIDE);
        }
    }

    fn contains(&self, node: Option<&Node>) -> bool {
        let Some(Some(t)) = self.track.try_get_untracked() else {
            return false;
        };
        t.contains(node)
    }
}

/// The roving focus of the carousel on `track`, whose tab stop is
/// `current`. While focus
/// is elsewhere the tab stop follows the track, so that Tab comes back to a
/// slide in view. The page listener goes with the carousel.
pub fn use_roving_focus(
    track: ElementRef,
    geometry: UseTrackGeometryReturn,
    (current, set_current): (ReadSignal<usize>, WriteSignal<usize>),
    dir: Direction,
) -> UseRovingFocusReturn {
    let count = geometry.count;
    let (request, set_request) = signal(NO_SLIDE);
    let (holder, set_holder) = signal(NO_SLIDE);
    let this = UseRovingFocusReturn {
        current,
        set_current,
        request,
        set_request,
        holder,
        set_holder,
        track,
        geometry,
        count,
        dir,
    };
    effect(move || {
        let g = geometry.geometry.get();
        if holder.try_get_untracked() == Some(NO_SLIDE) {
            let first = g.first_whole(count);
            if current.try_get_untracked().is_some_and(|c| c != first) {
                set_current.set(first);
            }
        }
    });
    // A pointer pressed elsewhere on the page takes focus out of the
    // carousel without a related target (the page's one listener tells).
    let presses = use_pointer_presses();
    let seen = std::cell::Cell::new(presses.try_get_untracked());
    effect(move || {
        let now = presses.try_get();
        if seen.replace(now) == now {
            return;
        }
        let (Some(Some(t)), Some(path)) = (track.try_get_untracked(), last_pointer_path()) else {
            return;
        };
        if !path.includes(&t, 0) {
            this.set_holder.try_set(NO_SLIDE);
        }
    });
    this
}

/// Focuses `el` whenever `now` becomes true (the carousel asked this slide
/// to take focus), once the element is there.
pub fn use_focus_when<N>(el: ElementRef, now: N)
where
    N: Fn() -> bool + 'static,
{
    effect(move || {
        if let (true, Some(el)) = (now(), el.get()) {
            focus_quietly(el.unchecked_ref());
        }
    });
}
