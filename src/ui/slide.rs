//! One slide: a link holding the thumbnail (image, video or placeholder) and
//! the title, all as text; videos get a play/pause button.

use super::carousel::{emit_select, Reach, ViewTracker};
use super::js::{effect, listen, on_next_frame, reduced_motion, spawn};
use crate::core::feed::Slide;
use crate::core::media::MediaKind;
use crate::core::text::{slide_label, Lang, Text};
use leptos::either::EitherOf3;
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, FocusEvent, HtmlMediaElement, MouseEvent, Node};

/// The intrinsic size given to thumbnails (4:3), so the browser reserves
/// their box before any byte arrives.
const THUMB_W: &str = "320";
const THUMB_H: &str = "240";

/// The badge's two shapes: ▶ and ❚❚.
const PLAY: &str = "M8 5.5v13l10.5-6.5z";
const PAUSE: &str = "M7 5h3.5v14H7zM13.5 5H17v14h-3.5z";

/// One slide (DOM contract: `[data-lede-slide]`).
#[component]
pub fn SlideView(
    /// Its 0-based position in the whole feed.
    index: usize,
    /// What it shows.
    slide: Slide,
    /// How many slides the feed has.
    total: usize,
    /// The widget's language.
    lang: Lang,
    /// The carousel's current slide (the one Tab reaches).
    current: RwSignal<usize>,
    /// Says whether it is near enough to load its media.
    reach: Reach,
    /// Reports it once seen.
    views: ViewTracker,
) -> impl IntoView {
    let Slide {
        id,
        title,
        media,
        src,
        href,
    } = slide;
    let is_current = move || current.get() == index;
    let tabindex = move || if is_current() { "0" } else { "-1" };
    // Hover, focus or a tap on a far slide loads it at once.
    let intent = RwSignal::new(false);
    // Once loaded, media stays: scrolling away must not download it again.
    let loaded = RwSignal::new(false);
    effect(move || {
        // Once set, nothing is read: the effect never runs again.
        if loaded.get_untracked() || !(reach.wants(index) || intent.get()) {
            return;
        }
        loaded.set(true);
    });
    let failed = RwSignal::new(false);
    let playing = RwSignal::new(false);
    let node = NodeRef::<html::Div>::new();
    // The slide's video, found through the slide (one node ref type fewer).
    let video = move || -> Option<HtmlMediaElement> {
        // A `video` element is an HTMLMediaElement: no check needed.
        let el = node.try_get_untracked()??.query_selector("video").ok()??;
        Some(el.unchecked_into())
    };

    effect(move || {
        if let Some(el) = node.get() {
            views.observe(&el);
            let el = SendWrapper::new(el);
            on_cleanup(move || views.unobserve(&el));
        }
    });

    let play = move || {
        intent.try_set(true);
        // After the src is set, if it was not yet.
        on_next_frame(move || {
            let Some(v) = video() else {
                return;
            };
            if let Ok(p) = v.play() {
                // A play cut short by a pause rejects; that is no error.
                spawn(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                });
            }
        });
    };
    let pause = move || {
        if let Some(v) = video() {
            let _ = v.pause();
        }
    };
    let is_video = media == MediaKind::Video && src.is_some();
    // Leaving for an element inside the same slide is not leaving.
    let leaves = move |related: Option<web_sys::EventTarget>| {
        let inside = related
            .and_then(|r| r.dyn_into::<Node>().ok())
            .is_some_and(|r| {
                node.try_get_untracked()
                    .flatten()
                    .is_some_and(|n| n.contains(Some(&r)))
            });
        !inside
    };
    let on_enter = move |_: MouseEvent| {
        if is_video && !reduced_motion() {
            play();
        }
    };
    let on_leave = move |ev: MouseEvent| {
        if is_video && leaves(ev.related_target()) {
            pause();
        }
    };
    let on_focus = move |ev: FocusEvent| {
        if is_video && !reduced_motion() && leaves(ev.related_target()) {
            play();
        }
    };
    let on_blur = move |ev: FocusEvent| {
        if is_video && leaves(ev.related_target()) {
            pause();
        }
    };

    let src_attr = src.as_ref().map(ToString::to_string);
    let thumb = match (media, src_attr) {
        (MediaKind::Image, Some(url)) => EitherOf3::A(view! {
            <img
                class="thumb-media"
                alt=""
                width=THUMB_W
                height=THUMB_H
                loading="lazy"
                decoding="async"
                src=move || loaded.get().then(|| url.clone())
                {..listen("error", move |_: Event| {
                    failed.try_set(true);
                })}
            />
        }),
        (MediaKind::Video, Some(url)) => EitherOf3::B(view! {
            <video
                class="thumb-media"
                width=THUMB_W
                height=THUMB_H
                muted=""
                prop:muted=true
                playsinline=""
                loop=""
                disablepictureinpicture=""
                disableremoteplayback=""
                aria-hidden="true"
                tabindex="-1"
                preload=move || if loaded.get() { "metadata" } else { "none" }
                src=move || loaded.get().then(|| url.clone())
                // Media events also come after the element is removed.
                {..listen("play", move |_: Event| {
                    playing.try_set(true);
                })}
                {..listen("pause", move |_: Event| {
                    playing.try_set(false);
                })}
                {..listen("error", move |_: Event| {
                    failed.try_set(true);
                })}
            ></video>
        }),
        _ => EitherOf3::C(()),
    };
    let media_box = view! {
        <span class="thumb" aria-hidden="true" data-failed=move || failed.get().then_some("")>
            <svg class="ph-icon" viewBox="0 0 24 24" width="28" height="28" focusable="false">
                <path d="M4 5h16v14H4zM4 15l4.5-4.5 4 4 2.5-2.5L20 17M15.5 8.5h.01" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round" />
            </svg>
            {thumb}
        </span>
    };
    let text = view! {
        <span class="title">
            {is_video.then(|| view! { <span class="visually-hidden">{Text::Video.get(lang)}": "</span> })}
            {title}
        </span>
    };
    // A link to the story; without one (a template that gave no http(s)
    // URL for this id), an `<a>` with no href: focusable by its tabindex,
    // with no link role, and nothing to open.
    let href = href.map(|url| url.to_string());
    let select = {
        let href = href.clone();
        move |ev: MouseEvent| {
            // Left or middle click: either opens the story.
            let (Some(url), true) = (&href, ev.button() <= 1) else {
                return;
            };
            if let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<Element>().ok())
            {
                emit_select(&el, &id, url, index);
            }
        }
    };
    let tile = view! {
        <a class="tile" href=href tabindex={tabindex} {..listen("click", select.clone())} {..listen("auxclick", select)}>
            {media_box}
            {text}
        </a>
    };
    // The only way to play under reduced motion, and the way on touch screens.
    let toggle = is_video.then(|| {
        let label = move || if playing.get() { Text::PauseVideo.get(lang) } else { Text::PlayVideo.get(lang) };
        let focusable = reduced_motion();
        view! {
            <button
                type="button"
                class="play"
                aria-label=label
                aria-pressed=move || if playing.get() { "true" } else { "false" }
                tabindex=move || if focusable && is_current() { "0" } else { "-1" }
                {..listen("click", move |_: MouseEvent| if playing.try_get_untracked() == Some(true) { pause() } else { play() })}
            >
                <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                    <path d=move || if playing.get() { PAUSE } else { PLAY } fill="currentColor" />
                </svg>
            </button>
        }
    });

    view! {
        <div
            class="slide"
            node_ref=node
            data-lede-slide=""
            data-media=media.as_str()
            data-index=index
            role="group"
            aria-roledescription="slide"
            aria-label=slide_label(lang, index, total)
            style=("--i", index.to_string())
            {..listen("mouseenter", on_enter)}
            {..listen("mouseleave", on_leave)}
            {..listen("focusin", on_focus)}
            {..listen("focusout", on_blur)}
        >
            {tile}
            {toggle}
        </div>
    }
}
