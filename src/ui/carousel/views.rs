//! `use_view_reports`: tells the page with `lede:view` when a slide has been
//! seen, the way publishers' analytics count a viewable impression (MRC): at
//! least half of it in view for one continuous second while the page is
//! visible. Hiding the page stops and resets every clock; each slide is
//! reported once.

use super::observe::use_in_view;
use crate::core::slide::Slide;
use crate::dom::emit;
use crate::dom::page_hidden;
use crate::ui::effect;
use crate::ui::keep::ElementRef;
use crate::ui::page::use_visibility_changes;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// How long a slide must stay half visible to count as seen.
pub const VIEW_DWELL: Duration = Duration::from_secs(1);

/// The share of a slide that must be in view.
const VIEW_RATIO: f64 = 0.5;

/// The slides, and which ones were reported: kept by the carousel, since a
/// slide leaves the DOM and comes back as the reader scrolls.
struct Seen {
    slides: Arc<Vec<Slide>>,
    reported: Vec<bool>,
}

/// What [`use_view_reports`] gives the carousel: each slide is watched
/// while it is in the DOM ([`watch`](Self::watch)).
#[derive(Clone, Copy)]
pub struct UseViewReportsReturn {
    /// The page's visibility changes (the page's one listener counts them).
    visibility: ReadSignal<usize>,
    seen: StoredValue<Seen, LocalStorage>,
}

impl UseViewReportsReturn {
    /// Watches slide `i`, whose element `root` will hold, for as long as the
    /// slide is there: its clock runs while it is half in view and the page
    /// is visible, and stops (to start again from zero) when either ends.
    pub fn watch(&self, i: usize, root: ElementRef) {
        let this = *self;
        let in_view = use_in_view(root, "0px", VIEW_RATIO);
        effect(move || {
            this.visibility.track();
            if !in_view.get() || page_hidden() || this.reported(i) {
                return;
            }
            if let Ok(clock) = set_timeout_with_handle(move || this.report(i, root), VIEW_DWELL) {
                on_cleanup(move || clock.clear());
            }
        });
    }

    fn reported(&self, i: usize) -> bool {
        self.seen
            .try_with_value(|s| s.reported.get(i) != Some(&false))
            .unwrap_or(true)
    }

    /// Slide `i` stayed in view long enough: the page hears of it once.
    fn report(&self, i: usize, root: ElementRef) {
        let id = self.seen.try_update_value(|s| {
            let seen = s.reported.get_mut(i)?;
            if std::mem::replace(seen, true) {
                return None;
            }
            Some(s.slides.get(i)?.id.clone())
        });
        let (Some(Some(id)), Some(Some(el))) = (id, root.try_get_untracked()) else {
            return;
        };
        let position = JsValue::from_f64((i + 1) as f64);
        emit(
            &el,
            "lede:view",
            &[("id", id.into()), ("position", position)],
        );
    }
}

/// Reports the views of `slides`.
pub fn use_view_reports(slides: Arc<Vec<Slide>>) -> UseViewReportsReturn {
    let visibility = use_visibility_changes();
    let reported = vec![false; slides.len()];
    UseViewReportsReturn {
        visibility,
        seen: StoredValue::new_local(Seen { slides, reported }),
    }
}
