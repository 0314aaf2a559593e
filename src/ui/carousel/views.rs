//! `use_view_reports`: tells the page with `lede:view` when a slide has been
//! seen, the way publishers' analytics count a viewable impression (MRC): at
//! least half of it in view for one continuous second while the page is
//! visible. Hiding the page stops and resets every clock; each slide is
//! reported once.

use crate::core::slide::Slide;
use crate::dom::{dict, emit};
use crate::ui::effect;
use leptos::ev;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How long a slide must stay half visible to count as seen.
pub const VIEW_DWELL: Duration = Duration::from_secs(1);

/// The share of a slide that must be in view.
const VIEW_RATIO: f64 = 0.5;

/// What the hook keeps: the slides watched, the ones in view now, their
/// running clocks and the ones already reported.
struct Views {
    observer: Option<IntersectionObserver>,
    _on_change: Option<Closure<dyn FnMut(js_sys::Array)>>,
    watched: Vec<(usize, Element)>,
    in_view: Vec<usize>,
    clocks: Vec<(usize, TimeoutHandle)>,
    reported: Vec<bool>,
    slides: Arc<Vec<Slide>>,
}

impl Views {
    fn stop(&mut self, i: usize) {
        if let Some(at) = self.clocks.iter().position(|(j, _)| *j == i) {
            self.clocks.swap_remove(at).1.clear();
        }
    }

    fn stop_all(&mut self) {
        self.clocks.drain(..).for_each(|(_, h)| h.clear());
    }

    fn reported(&self, i: usize) -> bool {
        self.reported.get(i) != Some(&false)
    }
}

/// What [`use_view_reports`] gives the carousel: slides register here while
/// they are in the DOM.
#[derive(Clone, Copy)]
pub struct UseViewReportsReturn {
    state: StoredValue<Views, LocalStorage>,
}

impl UseViewReportsReturn {
    /// Watches slide `i`, whose element `el` will hold, for as long as the
    /// slide is there.
    pub fn watch(&self, i: usize, el: NodeRef<leptos::html::Div>) {
        let this = *self;
        effect(move || {
            if let Some(el) = el.get() {
                this.observe(i, el.into());
            }
        });
        on_cleanup(move || this.unobserve(i));
    }

    /// Watches the element of slide `i`.
    pub fn observe(&self, i: usize, el: Element) {
        self.state.try_update_value(|v| {
            if let Some(o) = &v.observer {
                o.observe(&el);
            }
            v.watched.push((i, el));
        });
    }

    /// Stops watching slide `i` (it left the DOM): its clock stops too.
    pub fn unobserve(&self, i: usize) {
        self.state.try_update_value(|v| {
            if let Some(at) = v.watched.iter().position(|(j, _)| *j == i) {
                let (_, el) = v.watched.swap_remove(at);
                if let Some(o) = &v.observer {
                    o.unobserve(&el);
                }
            }
            v.in_view.retain(|j| *j != i);
            v.stop(i);
        });
    }

    /// Starts the clock of slide `i` unless it runs, the slide was reported
    /// or the page is hidden.
    fn start(&self, i: usize) {
        if page_hidden() {
            return;
        }
        let this = *self;
        let idle = self
            .state
            .try_with_value(|v| !v.reported(i) && v.clocks.iter().all(|(j, _)| *j != i));
        if idle != Some(true) {
            return;
        }
        if let Ok(h) = set_timeout_with_handle(move || this.report(i), VIEW_DWELL) {
            self.state.try_update_value(|v| v.clocks.push((i, h)));
        }
    }

    /// Slide `i` stayed in view long enough: the page hears of it once.
    fn report(&self, i: usize) {
        let target = self.state.try_update_value(|v| {
            v.stop(i);
            let seen = v.reported.get_mut(i)?;
            if std::mem::replace(seen, true) {
                return None;
            }
            let el = v.watched.iter().find(|(j, _)| *j == i)?.1.clone();
            Some((el, v.slides.get(i)?.id.clone()))
        });
        let Some(Some((target, id))) = target else {
            return;
        };
        let position = JsValue::from_f64((i + 1) as f64);
        emit(
            &target,
            "lede:view",
            &[("id", id.into()), ("position", position)],
        );
    }

    fn on_entries(&self, entries: js_sys::Array) {
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                continue;
            };
            let target = entry.target();
            let seen = entry.is_intersecting() && entry.intersection_ratio() >= VIEW_RATIO;
            let Some(Some(i)) = self.state.try_update_value(|v| {
                let i = v.watched.iter().find(|(_, el)| *el == target)?.0;
                v.in_view.retain(|j| *j != i);
                if seen {
                    v.in_view.push(i);
                } else {
                    v.stop(i);
                }
                Some(i)
            }) else {
                continue;
            };
            if seen {
                self.start(i);
            }
        }
    }

    /// The page was hidden or shown again.
    fn on_visibility(&self) {
        if page_hidden() {
            self.state.try_update_value(Views::stop_all);
            return;
        }
        let in_view = self
            .state
            .try_with_value(|v| v.in_view.clone())
            .unwrap_or_default();
        for i in in_view {
            self.start(i);
        }
    }
}

/// Whether the page is hidden (another tab, a minimised window).
fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Reports the views of `slides`; the observer, the clocks and the page
/// listener go with the carousel.
pub fn use_view_reports(slides: Arc<Vec<Slide>>) -> UseViewReportsReturn {
    let count = slides.len();
    let this = UseViewReportsReturn {
        state: StoredValue::new_local(Views {
            observer: None,
            _on_change: None,
            watched: Vec::new(),
            in_view: Vec::new(),
            clocks: Vec::new(),
            reported: vec![false; count],
            slides,
        }),
    };
    let on_change =
        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries| this.on_entries(entries));
    let init: IntersectionObserverInit = dict(&[("threshold", VIEW_RATIO.into())]);
    let observer =
        IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &init).ok();
    this.state.update_value(|v| {
        v.observer = observer;
        v._on_change = Some(on_change);
    });
    let visibility = window_event_listener(ev::visibilitychange, move |_| this.on_visibility());
    on_cleanup(move || {
        visibility.remove();
        this.state.try_update_value(|v| {
            if let Some(o) = v.observer.take() {
                o.disconnect();
            }
            v.stop_all();
        });
    });
    this
}
