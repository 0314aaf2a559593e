//! The carousel: controls, a scroll-snap track, and the slides near its
//! viewport. Scrolling is the browser's own; this code only measures it,
//! and all of the arithmetic is `core::carousel`'s. The slides are plain
//! DOM (see `slide`), added and removed here as the window moves; their
//! events are heard on the track.

use super::js::{
    after, dict, effect, emit, listen, listen_capture, next_frame, on_next_frame, reduced_motion,
    spawn,
};
use super::slide::{self, Blanks};
use crate::core::carousel::{apply, key_move, sync_rows, Geometry};
use crate::core::media::MediaKind;
use crate::core::slide::Slide;
use crate::core::text::{Lang, Text};
use crate::core::url::SafeUrl;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, EventTarget, FocusEvent, HtmlElement, IntersectionObserver,
    IntersectionObserverEntry, IntersectionObserverInit, KeyboardEvent, MouseEvent, Node,
    ResizeObserver,
};

/// How long a slide must stay half visible to count as seen.
const VIEW_DWELL: Duration = Duration::from_secs(1);

/// A slide in the DOM.
struct Row {
    el: Element,
    /// Its media's URL, and whether it is a video.
    src: Option<(SafeUrl, bool)>,
    /// Whether its link is the carousel's tab stop.
    current: bool,
    /// Whether its media may load. Once set it stays: scrolling away and
    /// back must not download it again.
    loaded: bool,
}

impl Row {
    /// Lets the slide's media load, once.
    fn load(&mut self) {
        if self.loaded {
            return;
        }
        self.loaded = true;
        if let Some((src, video)) = &self.src {
            slide::load(&self.el, src.as_str(), *video);
        }
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
/// the one that watches slides for `lede:view` (each slide that stays at
/// least half visible for a second is reported once), the dwell timers
/// running (a few at a time) and one bit per slide for the views already
/// reported.
struct Watch {
    observers: Option<Observers>,
    views: Option<IntersectionObserver>,
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
struct Reach {
    in_view: RwSignal<bool>,
    in_reach: RwSignal<bool>,
    engaged: RwSignal<bool>,
    geometry: RwSignal<Geometry>,
    count: usize,
}

impl Reach {
    /// Whether slide `i` may load: in view on the page and in the track's
    /// view, or, once the reader has engaged, within reach of both.
    fn wants(&self, i: usize) -> bool {
        let within = |range: fn(&Geometry, usize) -> std::ops::Range<usize>| {
            self.geometry.with(|g| range(g, self.count).contains(&i))
        };
        (self.in_view.get() && within(Geometry::visible))
            || (self.engaged.get() && self.in_reach.get() && within(Geometry::near))
    }
}

/// Removes and returns the view timer of slide `i`, if one runs.
fn take_timer(timers: &mut Vec<(usize, TimeoutHandle)>, i: usize) -> Option<TimeoutHandle> {
    let at = timers.iter().position(|(j, _)| *j == i)?;
    Some(timers.swap_remove(at).1)
}

/// The slide an event target is in.
fn slide_of(target: Option<EventTarget>) -> Option<Element> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-lede-slide]")
        .ok()?
}

/// A slide's index in the feed, from its `data-index`.
fn index_of(slide: &Element) -> Option<usize> {
    slide.get_attribute("data-index")?.parse().ok()
}

/// Whether an event's related target (where the pointer or focus came from
/// or goes to) is outside `slide`: moving within a slide is not leaving it.
fn crosses(slide: &Element, related: Option<EventTarget>) -> bool {
    !related
        .and_then(|r| r.dyn_into::<Node>().ok())
        .is_some_and(|r| slide.contains(Some(&r)))
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
    // Observers, timers and views seen (see [`Watch`]).
    let watch = StoredValue::new_local(Watch {
        observers: None,
        views: None,
        timers: Vec::new(),
        viewed: vec![false; count],
    });
    // The slides in the DOM, by index.
    let rows = StoredValue::new_local(Vec::<(usize, Row)>::new());
    let tile = move |i: usize| -> Option<HtmlElement> {
        rows.try_with_value(|rows| {
            let (_, row) = rows.iter().find(|(j, _)| *j == i)?;
            slide::tile(&row.el)
        })?
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
        let glides = geometry
            .try_get_untracked()
            .is_some_and(|g| g.glides(offset, count));
        let behavior = if glides && !reduced_motion() {
            "smooth"
        } else {
            "instant"
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

    // Videos play on intent: the pointer or focus coming into their slide
    // (never under reduced motion, where only their button plays them),
    // and pause when it leaves. Hover, focus or a tap on a far slide loads
    // its media at once.
    let play = move |el: Element| {
        let Some(i) = index_of(&el) else { return };
        let _ = rows.try_update_value(|rows| {
            if let Some((_, row)) = rows.iter_mut().find(|(j, _)| *j == i) {
                row.load();
            }
        });
        if let Some(Ok(p)) = slide::media(&el).map(|v| v.play()) {
            // A play cut short by a pause rejects; that is no error.
            spawn(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    };
    let pause = |el: &Element| {
        if let Some(v) = slide::media(el) {
            let _ = v.pause();
        }
    };
    // Into (`true`) or out of a slide, from or to `related`.
    let intent = move |target: Option<EventTarget>, related: Option<EventTarget>, into: bool| {
        let Some(el) = slide_of(target) else { return };
        if slide::play_button(&el).is_none() || !crosses(&el, related) {
            return;
        }
        if !into {
            pause(&el);
        } else if !reduced_motion() {
            play(el);
        }
    };

    let on_focusout = move |ev: FocusEvent| {
        intent(ev.target(), ev.related_target(), false);
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

    let on_focusin = move |ev: FocusEvent| {
        focus_within.try_set(true);
        intent(ev.target(), ev.related_target(), true);
        let Some(i) = slide_of(ev.target()).and_then(|el| index_of(&el)) else {
            return;
        };
        if current.try_get_untracked().is_some_and(|c| c != i) {
            current.try_set(i);
        }
    };

    // A click on a video's button plays or pauses it; a left or middle
    // click on a linked tile opens the story, which the page hears as
    // `lede:select`.
    let feed = slides.clone();
    let on_click = move |ev: MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if target.closest(".play").ok().flatten().is_some() {
            match slide_of(ev.target()) {
                Some(el) if ev.button() == 0 && slide::playing(&el) => pause(&el),
                Some(el) if ev.button() == 0 => play(el),
                _ => {}
            }
            return;
        }
        let Some(tile) = target.closest(".tile").ok().flatten() else {
            return;
        };
        let (Some(url), Some(i), true) = (
            tile.get_attribute("href"),
            slide_of(ev.target()).and_then(|el| index_of(&el)),
            ev.button() <= 1,
        ) else {
            return;
        };
        let id = feed.get(i).map(|s| s.id.as_str()).unwrap_or_default();
        emit_select(&tile, id, &url, i);
    };
    // Media events do not bubble: heard on the way down. `playing` is what
    // the event says of the video, `None` for a failed image or video.
    let on_media = move |ev: Event, playing: Option<bool>| {
        let Some(el) = slide_of(ev.target()) else {
            return;
        };
        match playing {
            Some(playing) => slide::show_playing(&el, playing, lang),
            None => slide::fail(&el),
        }
    };

    // The slides in the DOM follow the window: each effect run adds the
    // slides that came into it and removes the ones that left, moves the
    // tab stop, and lets the media load of slides now within reach.
    let blanks = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| Blanks::new(&d));
    // Under reduced motion a video's button is the keyboard's way to play:
    // the current slide's is a tab stop too.
    let focusable_play = reduced_motion();
    let feed = slides.clone();
    effect(move || {
        let now = current.get();
        let indices = geometry.with(|g| g.rendered(count, now));
        let (Some(rail), Some(blanks)) = (rail.get(), &blanks) else {
            return;
        };
        // Whether any slide came or went: focus may need putting back.
        let changed = std::cell::Cell::new(false);
        let observe = |el: &Element, on: bool| {
            watch.with_value(|w| {
                if let Some(o) = &w.views {
                    if on {
                        o.observe(el);
                    } else {
                        o.unobserve(el);
                    }
                }
            })
        };
        let make = |i: usize, next: Option<&Row>| {
            changed.set(true);
            let slide = feed.get(i)?;
            let el = blanks.build(slide, i, count, lang)?;
            let _ = rail.insert_before(&el, next.map(|r| r.el.unchecked_ref::<Node>()));
            observe(&el, true);
            Some(Row {
                el,
                src: slide
                    .thumb
                    .url()
                    .cloned()
                    .map(|src| (src, slide.thumb.kind() == MediaKind::Video)),
                current: false,
                loaded: false,
            })
        };
        let remove = |(_, row): (usize, Row)| {
            changed.set(true);
            observe(&row.el, false);
            row.el.remove();
        };
        rows.update_value(|rows| {
            sync_rows(rows, &indices, remove, make);
            for (i, row) in rows.iter_mut() {
                let is_current = *i == now;
                if row.current != is_current {
                    row.current = is_current;
                    let tab = if is_current { "0" } else { "-1" };
                    if let Some(t) = slide::tile(&row.el) {
                        let _ = t.set_attribute("tabindex", tab);
                    }
                    if let (true, Some(b)) = (focusable_play, slide::play_button(&row.el)) {
                        let _ = b.set_attribute("tabindex", tab);
                    }
                }
                if !row.loaded && reach.wants(*i) {
                    row.load();
                }
            }
        });
        if changed.get() {
            on_next_frame(keep_focus);
        }
    });

    // Observers: size changes, nearness to the page's viewport, and views.
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
                let Some(i) = index_of(&target) else {
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
            rows.with_value(|rows| rows.iter().for_each(|(_, r)| io.observe(&r.el)));
        }
        watch.update_value(|w| {
            w.views = views_io.clone();
            w.observers = Some(Observers {
                resize,
                intersections: intersections.into_iter().chain(views_io).collect(),
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
            {..listen("mouseover", move |ev: MouseEvent| intent(ev.target(), ev.related_target(), true))}
            {..listen("mouseout", move |ev: MouseEvent| intent(ev.target(), ev.related_target(), false))}
            {..listen("click", on_click.clone())}
            {..listen("auxclick", on_click)}
            {..listen_capture("play", move |ev| on_media(ev, Some(true)))}
            {..listen_capture("pause", move |ev| on_media(ev, Some(false)))}
            {..listen_capture("error", move |ev| on_media(ev, None))}
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
