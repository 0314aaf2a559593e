//! The carousel: controls, a scroll-snap track, and the slides near its
//! viewport. Scrolling is the browser's own; this code only measures it,
//! and all of the arithmetic is `core::carousel`'s.

use super::js::{
    after, dict, effect, emit, listen, next_frame, on_next_frame, reduced_motion, spawn,
};
use super::slide::SlideView;
use crate::core::carousel::{apply, key_move, sync_rows, Geometry};
use crate::core::feed::Slide;
use crate::core::text::{Lang, Text};
use leptos::html;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry,
    IntersectionObserverInit, KeyboardEvent, MouseEvent, ResizeObserver,
};

/// How long a slide must stay half visible to count as seen.
const VIEW_DWELL: Duration = Duration::from_secs(1);

/// A slide in the DOM: its built view and the owner of its effects.
struct Row {
    view: Box<dyn Mountable>,
    owner: Owner,
}

impl Row {
    /// Takes the slide out of the DOM and ends its effects.
    fn remove(mut self) {
        self.view.unmount();
        self.owner.cleanup();
    }
}

/// Observers owned by one carousel; disconnected with it.
struct Observers {
    resize: Option<ResizeObserver>,
    intersections: Vec<IntersectionObserver>,
    _callbacks: Vec<Closure<dyn FnMut(js_sys::Array)>>,
}

impl Observers {
    fn disconnect(&self) {
        if let Some(o) = &self.resize {
            o.disconnect();
        }
        for o in &self.intersections {
            o.disconnect();
        }
    }
}

/// What a carousel watches with and has seen, in one place: its observers,
/// the `lede:view` dwell timers running (a few at a time) and one bit per
/// slide for the views already reported.
struct Watch {
    observers: Option<Observers>,
    timers: Vec<(usize, TimeoutHandle)>,
    viewed: Vec<bool>,
}

/// Observes `target` against the page's viewport grown by `margin`, setting
/// `flag` once it intersects.
fn watch_viewport(
    target: &Element,
    margin: &str,
    flag: RwSignal<bool>,
    callbacks: &mut Vec<Closure<dyn FnMut(js_sys::Array)>>,
) -> Option<IntersectionObserver> {
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let hit = entries.iter().any(|e| {
            e.unchecked_into::<IntersectionObserverEntry>()
                .is_intersecting()
        });
        if hit && flag.try_get_untracked() == Some(false) {
            flag.try_set(true);
        }
    });
    let init: IntersectionObserverInit = dict(&[("rootMargin", margin.into())]);
    let io =
        IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &init).ok()?;
    io.observe(target);
    callbacks.push(on_change);
    Some(io)
}

/// Decides which slides may load their media (see [`Carousel`]).
#[derive(Clone, Copy)]
pub struct Reach {
    in_view: RwSignal<bool>,
    in_reach: RwSignal<bool>,
    engaged: RwSignal<bool>,
    geometry: RwSignal<Geometry>,
    count: usize,
}

impl Reach {
    /// Whether slide `i` may load: in view on the page and in the track's
    /// view, or, once the reader has engaged, within reach of both.
    pub fn wants(&self, i: usize) -> bool {
        let within = |range: fn(&Geometry, usize) -> std::ops::Range<usize>| {
            self.geometry.with(|g| range(g, self.count).contains(&i))
        };
        (self.in_view.get() && within(Geometry::visible))
            || (self.engaged.get() && self.in_reach.get() && within(Geometry::near))
    }
}

/// Watches slides for `lede:view`: each slide that stays at least half
/// visible for a second is reported once.
#[derive(Clone, Copy)]
pub struct ViewTracker {
    observer: StoredValue<Option<IntersectionObserver>, LocalStorage>,
}

impl ViewTracker {
    /// Starts watching a slide element.
    pub fn observe(&self, el: &Element) {
        let _ = self.observer.try_with_value(|o| {
            if let Some(o) = o {
                o.observe(el);
            }
        });
    }

    /// Stops watching a slide element.
    pub fn unobserve(&self, el: &Element) {
        let _ = self.observer.try_with_value(|o| {
            if let Some(o) = o {
                o.unobserve(el);
            }
        });
    }
}

/// Removes and returns the view timer of slide `i`, if one runs.
fn take_timer(timers: &mut Vec<(usize, TimeoutHandle)>, i: usize) -> Option<TimeoutHandle> {
    let at = timers.iter().position(|(j, _)| *j == i)?;
    Some(timers.swap_remove(at).1)
}

/// The slide index an element belongs to, from its slide's `data-index`.
pub fn slide_index(el: &Element) -> Option<usize> {
    el.closest("[data-lede-slide]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// The element that has focus, looking inside the shadow root `el` is in:
/// the `activeElement` of its root, a shadow root or the document alike
/// (read as a property, so that one import serves both kinds of root).
fn active_element(el: &Element) -> Option<Element> {
    js_sys::Reflect::get(&el.get_root_node(), &"activeElement".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// A carousel of ready slides.
#[component]
pub fn Carousel(
    /// The slides, in order.
    slides: Arc<Vec<Slide>>,
    /// The widget's language.
    lang: Lang,
    /// Right to left: the track starts at the right.
    rtl: bool,
) -> impl IntoView {
    let count = slides.len();
    let track = NodeRef::<html::Div>::new();
    let rail = NodeRef::<html::Div>::new();
    let geometry = RwSignal::new(Geometry::default());
    let current = RwSignal::new(0usize);
    // Readers' data: before any interaction, only the thumbnails actually in
    // view load; once the reader scrolls or reaches for the carousel, those
    // within a viewport of view load too, so they are there when scrolled to.
    let in_view = RwSignal::new(false);
    let in_reach = RwSignal::new(false);
    let engaged = RwSignal::new(false);
    let engage = move || {
        if engaged.try_get_untracked() == Some(false) {
            engaged.try_set(true);
        }
    };
    let reach = Reach {
        in_view,
        in_reach,
        engaged,
        geometry,
        count,
    };
    let page_scroll = window_event_listener(leptos::ev::scroll, move |_| engage());
    on_cleanup(move || page_scroll.remove());
    let at_start = move || geometry.with(Geometry::at_start);
    let at_end = move || geometry.with(|g| g.at_end(count));

    // Slides leave the DOM as the window slides past them, and focus on a
    // removed element is lost: while focus belongs in the carousel, it is
    // put back on the current slide (which is always rendered). This flag
    // and `frame_pending` are only read untracked: plain flags, kept in the
    // signal type the carousel already has rather than a type of their own.
    let focus_within = RwSignal::new(false);
    let tile = move |i: usize| -> Option<HtmlElement> {
        let selector = ["[data-index=\"", &i.to_string(), "\"] .tile"].concat();
        track
            .try_get_untracked()??
            .query_selector(&selector)
            .ok()??
            .dyn_into()
            .ok()
    };
    let keep_focus = move || {
        let Some(t) = track.try_get_untracked().flatten() else {
            return;
        };
        if focus_within.try_get_untracked() != Some(true)
            || active_element(&t).is_some_and(|a| t.contains(Some(&a)))
        {
            return;
        }
        if let Some(el) = current.try_get_untracked().and_then(tile) {
            let _ = el.focus_with_options(&dict(&[("preventScroll", true.into())]));
        }
    };
    let measure = move || {
        let (Some(Some(t)), Some(Some(r))) = (track.try_get_untracked(), rail.try_get_untracked())
        else {
            return;
        };
        // The rail is `count` slides and `count - 1` gaps wide: with one
        // slide's width, that gives the step without reading any CSS.
        let Ok(Some(slide)) = r.query_selector(".slide") else {
            return;
        };
        let tile = slide.get_bounding_client_rect().width();
        let width = r.get_bounding_client_rect().width();
        let step = if count > 1 {
            (width - tile) / (count - 1) as f64
        } else {
            tile
        };
        let g = Geometry {
            offset: f64::from(t.scroll_left()).abs(),
            viewport: f64::from(t.client_width()),
            tile,
            step,
        };
        if geometry.try_get_untracked().is_some_and(|old| old != g) {
            geometry.try_set(g);
        }
        match focus_within.try_get_untracked() {
            Some(true) => keep_focus(),
            // Tab from outside should come back to a slide in view.
            Some(false) => {
                current.try_set(g.first_whole(count));
            }
            None => {}
        }
    };

    let scroll_to = move |offset: f64| {
        let Some(t) = track.try_get_untracked().flatten() else {
            return;
        };
        let behavior = if reduced_motion() {
            "instant"
        } else {
            "smooth"
        };
        t.scroll_to_with_scroll_to_options(&dict(&[
            ("left", (if rtl { -offset } else { offset }).into()),
            ("behavior", behavior.into()),
        ]));
    };

    let focus_slide = move |i: usize| {
        current.set(i);
        focus_within.set(true);
        let show = move |el: HtmlElement| {
            // The browser's own scroll on focus would show a peeking slide
            // only partly, then snap back: scroll here instead, the page to
            // the carousel and the track by whole slides.
            let _ = el.focus_with_options(&dict(&[("preventScroll", true.into())]));
            if let Some(Some(t)) = track.try_get_untracked() {
                t.scroll_into_view_with_scroll_into_view_options(&dict(&[
                    ("block", "nearest".into()),
                    ("inline", "nearest".into()),
                ]));
            }
            if let Some(g) = geometry.try_get_untracked() {
                scroll_to(g.reveal(i, count));
            }
        };
        // A rendered slide takes focus at once; a far one within a frame or so.
        if let Some(el) = tile(i) {
            show(el);
            return;
        }
        spawn(async move {
            for _ in 0..10 {
                next_frame().await;
                if let Some(el) = tile(i) {
                    show(el);
                    return;
                }
            }
        });
    };

    let page = move |forward: bool| {
        let (target, offset) = geometry.get_untracked().page(forward, count);
        current.set(target);
        scroll_to(offset);
    };

    // Scroll events come faster than frames: measure once per frame.
    let frame_pending = RwSignal::new(false);
    let on_scroll = move |_: web_sys::Event| {
        engage();
        if frame_pending.try_get_untracked() != Some(false) {
            return;
        }
        frame_pending.try_set(true);
        on_next_frame(move || {
            let _ = frame_pending.try_set(false);
            measure();
        });
    };

    let on_keydown = move |ev: KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        let Some(m) = key_move(&ev.key(), rtl) else {
            return;
        };
        ev.prevent_default();
        focus_slide(apply(current.get_untracked(), m, count));
    };

    let on_focusout = move |ev: web_sys::FocusEvent| {
        // Focus went somewhere else on purpose (a removed element gives no
        // related target; a pointer elsewhere is caught below).
        let Some(t) = track.try_get_untracked().flatten() else {
            return;
        };
        if let Some(to) = ev
            .related_target()
            .and_then(|r| r.dyn_into::<web_sys::Node>().ok())
        {
            if !t.contains(Some(&to)) {
                focus_within.try_set(false);
            }
        }
    };
    let pointer_elsewhere = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let Some(t) = track.try_get_untracked().flatten() else {
            return;
        };
        if !ev.composed_path().includes(&t, 0) {
            focus_within.try_set(false);
        }
    });
    on_cleanup(move || pointer_elsewhere.remove());

    let on_focusin = move |ev: web_sys::FocusEvent| {
        focus_within.try_set(true);
        let Some(i) = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| slide_index(&el))
        else {
            return;
        };
        if current.try_get_untracked().is_some_and(|c| c != i) {
            current.try_set(i);
        }
    };

    // The slides in the DOM, by index. Each has an owner of its own (a child
    // of the carousel's), so that it lives until it leaves the window.
    let parent = Owner::current().unwrap_or_default();
    let rows = StoredValue::new_local(Vec::<(usize, Row)>::new());
    let views = ViewTracker {
        observer: StoredValue::new_local(None),
    };
    let feed = slides.clone();
    effect(move || {
        let indices = geometry.with(|g| g.rendered(count, current.get()));
        let Some(rail) = rail.get() else { return };
        // Whether any slide came or went: focus may need putting back.
        let changed = std::cell::Cell::new(false);
        let make = |i: usize, next: Option<&Row>| {
            changed.set(true);
            let slide = feed.get(i).cloned()?;
            let owner = parent.child();
            let mut view = owner.with(|| {
                untrack(|| {
                    view! {
                        <SlideView
                            index=i
                            slide=slide
                            total=count
                            lang=lang
                            current=current
                            reach=reach
                            views=views
                        />
                    }
                    .build()
                })
            });
            let before = next.and_then(|r| r.view.elements().into_iter().next());
            view.mount(&rail, before.as_ref().map(AsRef::as_ref));
            Some(Row {
                view: Box::new(view),
                owner,
            })
        };
        let remove = |(_, row): (usize, Row)| {
            changed.set(true);
            row.remove();
        };
        rows.update_value(|rows| sync_rows(rows, &indices, remove, make));
        if changed.get() {
            on_next_frame(keep_focus);
        }
    });

    // Observers: size changes, nearness to the page's viewport, and views.
    let watch = StoredValue::new_local(Watch {
        observers: None,
        timers: Vec::new(),
        viewed: vec![false; count],
    });
    effect(move || {
        let Some(t) = track.get() else { return };
        if watch.with_value(|w| w.observers.is_some()) {
            return;
        }
        measure();
        let mut callbacks = Vec::new();

        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| measure());
        let resize = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(o) = &resize {
            o.observe(&t);
        }
        callbacks.push(on_resize);

        // In view, and within a viewport of view, of the page's viewport:
        // the track's own scrolling is measured by `geometry`.
        let mut intersections: Vec<IntersectionObserver> = Vec::new();
        intersections.extend(watch_viewport(&t, "0px", in_view, &mut callbacks));
        intersections.extend(watch_viewport(&t, "100% 50%", in_reach, &mut callbacks));

        let slides = slides.clone();
        let on_view = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                let target = entry.target();
                let Some(i) = slide_index(&target) else {
                    continue;
                };
                let seen = entry.is_intersecting() && entry.intersection_ratio() >= 0.5;
                if !seen {
                    if let Some(Some(h)) = watch.try_update_value(|w| take_timer(&mut w.timers, i))
                    {
                        h.clear();
                    }
                    continue;
                }
                let already = watch.try_with_value(|w| {
                    w.viewed.get(i) != Some(&false) || w.timers.iter().any(|(j, _)| *j == i)
                }) != Some(false);
                if already {
                    continue;
                }
                let id = slides.get(i).map(|s| s.id.clone()).unwrap_or_default();
                let fire = move || {
                    let first = watch.try_update_value(|w| {
                        let _ = take_timer(&mut w.timers, i);
                        w.viewed
                            .get_mut(i)
                            .map(|seen| !std::mem::replace(seen, true))
                    });
                    if first != Some(Some(true)) {
                        return;
                    }
                    let position = JsValue::from_f64((i + 1) as f64);
                    emit(
                        &target,
                        "lede:view",
                        &[("id", id.into()), ("position", position)],
                    );
                };
                if let Some(h) = after(VIEW_DWELL, fire) {
                    let _ = watch.try_update_value(|w| w.timers.push((i, h)));
                }
            }
        });
        let init: IntersectionObserverInit = dict(&[("threshold", 0.5.into())]);
        let views_io =
            IntersectionObserver::new_with_options(on_view.as_ref().unchecked_ref(), &init).ok();
        callbacks.push(on_view);
        if let Some(io) = &views_io {
            // Slides rendered before the observer existed.
            if let Ok(list) = t.query_selector_all("[data-lede-slide]") {
                for n in 0..list.length() {
                    if let Some(el) = list.item(n).and_then(|n| n.dyn_into::<Element>().ok()) {
                        io.observe(&el);
                    }
                }
            }
        }
        views.observer.set_value(views_io.clone());
        intersections.extend(views_io);
        watch.update_value(|w| {
            w.observers = Some(Observers {
                resize,
                intersections,
                _callbacks: callbacks,
            });
        });
    });
    on_cleanup(move || {
        let _ = watch.try_update_value(|w| {
            if let Some(o) = w.observers.take() {
                o.disconnect();
            }
            w.timers.drain(..).for_each(|(_, h)| h.clear());
        });
    });

    let label = |t: Text| t.get(lang);
    view! {
        <div class="head">
            <h2 class="label">{label(Text::RelatedStories)}</h2>
            <div class="controls">
                <button
                    type="button"
                    class="button nav"
                    data-lede-prev=""
                    aria-label=label(Text::Previous)
                    aria-disabled=move || if at_start() { "true" } else { "false" }
                    {..listen("click", move |_: MouseEvent| page(false))}
                >
                    <Chevron />
                </button>
                <button
                    type="button"
                    class="button nav next"
                    data-lede-next=""
                    aria-label=label(Text::Next)
                    aria-disabled=move || if at_end() { "true" } else { "false" }
                    {..listen("click", move |_: MouseEvent| page(true))}
                >
                    <Chevron />
                </button>
            </div>
        </div>
        <div
            class="track"
            node_ref={track}
            {..listen("scroll", on_scroll)}
            {..listen("keydown", on_keydown)}
            {..listen("focusin", move |ev| {
                engage();
                on_focusin(ev)
            })}
            {..listen("focusout", on_focusout)}
            {..listen("pointerenter", move |_: MouseEvent| engage())}
        >
            // The slides are mounted into the rail by the effect above.
            <div class="rail" node_ref=rail style=("--n", count.to_string())></div>
        </div>
    }
}

/// The arrow of the previous and next buttons (the next one is mirrored by CSS).
#[component]
fn Chevron() -> impl IntoView {
    view! {
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

/// Emits `lede:select` for a slide being opened.
pub fn emit_select(from: &Element, id: &str, url: &str, index: usize) {
    emit(
        from,
        "lede:select",
        &[
            ("id", id.into()),
            ("url", url.into()),
            ("position", JsValue::from_f64((index + 1) as f64)),
        ],
    );
}
