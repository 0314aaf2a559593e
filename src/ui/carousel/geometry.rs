//! `use_track_geometry`: measures the track (scroll offset, viewport, one
//! slide and the step between slides) and scrolls it. The arithmetic on the
//! measurements is `core::carousel`'s.

use crate::core::carousel::Geometry;
use crate::core::i18n::Direction;
use crate::dom::{dict, reduced_motion};
use crate::ui::effect;
use crate::ui::flag::{flag, Flag, SetFlag};
use crate::ui::keep::ElementRef;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::ResizeObserver;

/// What [`use_track_geometry`] gives the carousel.
#[derive(Clone, Copy)]
pub struct UseTrackGeometryReturn {
    /// The track as last measured.
    pub geometry: ReadSignal<Geometry>,
    set_geometry: WriteSignal<Geometry>,
    track: ElementRef,
    rail: ElementRef,
    /// How many slides the track holds.
    pub count: usize,
    dir: Direction,
    /// Whether a measurement is already asked for the next frame: a `Flag`,
    /// as the widget's other yes/no values are, though only ever read
    /// untracked (a `StoredValue<bool>`, the only one, linked its own copy
    /// of the framework's storage code: 0.4 KB).
    frame_pending: (Flag, SetFlag),
}

impl UseTrackGeometryReturn {
    /// Measures the track now and returns what it found (the last
    /// measurement if the track is not there). The browser resets a track's
    /// scroll when the page moves the widget: reading it afresh before a move
    /// keeps the carousel where the reader really is.
    pub fn measure(&self) -> Geometry {
        let last = self.geometry.try_get_untracked().unwrap_or_default();
        let (Some(Some(t)), Some(Some(r))) = (
            self.track.try_get_untracked(),
            self.rail.try_get_untracked(),
        ) else {
            return last;
        };
        // The rail is `count` slides and `count - 1` gaps wide: with one
        // slide's width, that gives the step without reading any CSS.
        let Ok(Some(slide)) = r.query_selector(".slide") else {
            return last;
        };
        let tile = slide.get_bounding_client_rect().width();
        let width = r.get_bounding_client_rect().width();
        let step = match self.count {
            0 | 1 => tile,
            n => (width - tile) / (n - 1) as f64,
        };
        let g = Geometry {
            offset: f64::from(t.scroll_left()).abs(),
            viewport: f64::from(t.client_width()),
            tile,
            step,
        };
        if g != last {
            self.set_geometry.try_set(g);
        }
        g
    }

    /// Measures at the next frame, once however many scroll events come
    /// before it.
    pub fn on_scroll(&self) {
        if self.frame_pending.0.untracked() != Some(false) {
            return;
        }
        self.frame_pending.1.set(true);
        let this = *self;
        request_animation_frame(move || {
            this.frame_pending.1.set(false);
            this.measure();
        });
    }

    /// Scrolls the track to `offset` from its start edge: a glide when it is
    /// short and the reader allows motion, else a jump.
    pub fn scroll_to(&self, offset: f64) {
        let Some(Some(t)) = self.track.try_get_untracked() else {
            return;
        };
        let glides = self
            .geometry
            .try_get_untracked()
            .is_some_and(|g| g.glides(offset, self.count));
        let behavior = if glides && !reduced_motion() {
            "smooth"
        } else {
            "instant"
        };
        let left = match self.dir {
            Direction::Rtl => -offset,
            Direction::Ltr => offset,
        };
        t.scroll_to_with_scroll_to_options(&dict(&[
            ("left", left.into()),
            ("behavior", behavior.into()),
        ]));
    }

    /// Brings the whole track into the page's view, as little as needed.
    pub fn reveal_track(&self) {
        if let Some(Some(t)) = self.track.try_get_untracked() {
            t.scroll_into_view_with_scroll_into_view_options(&dict(&[
                ("block", "nearest".into()),
                ("inline", "nearest".into()),
            ]));
        }
    }
}

/// Measures `track` (whose child `rail` holds `count` slides' room) when it
/// appears, when it or the page resizes it, and on [`on_scroll`]. The
/// observer goes with the carousel.
///
/// [`on_scroll`]: UseTrackGeometryReturn::on_scroll
pub fn use_track_geometry(
    track: ElementRef,
    rail: ElementRef,
    count: usize,
    dir: Direction,
) -> UseTrackGeometryReturn {
    let (geometry, set_geometry) = signal(Geometry::default());
    let this = UseTrackGeometryReturn {
        geometry,
        set_geometry,
        track,
        rail,
        count,
        dir,
        frame_pending: flag(),
    };
    // Set up once the track is there; the observer goes with the effect's
    // owner, that is with the carousel.
    // The observer's first report, after the next layout, is the first
    // measurement: measuring here, in the task that rendered the carousel,
    // would force a layout of the whole page (and, with many widgets
    // loading, restyle them all) for every carousel.
    effect(move || {
        let Some(el) = track.get() else { return };
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            this.measure();
        });
        let Ok(o) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            return;
        };
        o.observe(&el);
        let held = SendWrapper::new((o, on_resize));
        on_cleanup(move || held.0.disconnect());
    });
    this
}
