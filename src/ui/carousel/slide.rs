//! One slide (DOM contract: `[data-lede-slide]`): a link holding the
//! thumbnail (image, video or placeholder) and the title as text; a video
//! tile also has a play/pause button. Its state (tab stop, media allowed to
//! load, failed, playing) is held in signals here and in the carousel, never
//! read back from the DOM.

use super::focus::use_focus_when;
use super::playback::{use_intent, use_playback, UsePlaybackReturn};
use super::reach::use_media_allowed;
use super::views::UseViewReportsReturn;
use crate::core::i18n::{Lang, Text};
use crate::core::media::MediaKind;
use crate::core::number::write_unsigned;
use crate::core::slide::{Slide, Thumb};
use crate::core::url::SafeUrl;
use crate::dom::dispatch;
use crate::ui::dynamic;
use crate::ui::flag::{flag, Flag};
use crate::ui::keep::{keep, ElementRef};
use crate::ui::listen::{listen, on};
use crate::ui::swap::{content, put, Content};
use crate::ui::words::slide_label;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Event;

/// The handler of a tile's `click` (`button` 0) or `auxclick` (1): the page
/// hears `lede:select` for a linked tile opened with that button. A plain
/// click (the main button, no modifier key) may be routed by the page: its
/// `lede:select` is cancelable, and cancelled, the link is not followed
/// (the app shows the story itself). A click that opens a tab (the middle
/// button, Ctrl, Cmd, Shift or Alt) always does.
fn select(id: String, href: Option<SafeUrl>, index: usize) -> impl Fn(&str, Event) + 'static {
    move |name, ev| {
        let ev: &ev::MouseEvent = ev.unchecked_ref();
        let button = if name == "click" { 0 } else { 1 };
        let (Some(url), Some(target), true) = (&href, ev.current_target(), ev.button() == button)
        else {
            return;
        };
        let position = JsValue::from_f64((index + 1) as f64);
        let plain =
            button == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        let routed = dispatch(
            &target,
            "lede:select",
            &[
                ("id", id.as_str().into()),
                ("url", url.as_str().into()),
                ("position", position),
            ],
            plain,
        );
        if routed {
            ev.prevent_default();
        }
    }
}

/// One related story in the carousel. What it asks the carousel comes as
/// closures (plain functions of the carousel's signals), so that a slide
/// can also be driven alone.
#[component]
pub fn SlideView<C, F, N, O>(
    /// The story.
    slide: Slide,
    /// Its place in the feed, from 0.
    index: usize,
    /// How many slides the feed has.
    total: usize,
    /// The widget's language.
    lang: Lang,
    /// Whether its link is the carousel's tab stop.
    current: C,
    /// Whether it should take focus now.
    focus_now: F,
    /// Whether its media may load now. Once it has, it stays: scrolling
    /// away and back must not download it again.
    near: N,
    /// Called when focus comes into the slide.
    on_focus: O,
    /// Where the slide reports being seen (`lede:view`).
    #[prop(optional)]
    views: Option<UseViewReportsReturn>,
    /// Whether the play button is a tab stop of its own (under reduced
    /// motion, where it is the keyboard's only way to play).
    #[prop(optional)]
    focusable_play: bool,
) -> impl IntoView
where
    C: Fn() -> bool + Copy + Send + Sync + 'static,
    F: Fn() -> bool + Send + Sync + 'static,
    N: Fn() -> bool + Send + Sync + 'static,
    O: Fn() + Send + Sync + 'static,
{
    let Slide {
        id,
        title,
        thumb,
        href,
    } = slide;
    let kind = thumb.kind();
    let is_video = kind == MediaKind::Video;
    let root = ElementRef::new();
    let tile = ElementRef::new();
    let playback = use_playback(ElementRef::new());
    let (loaded, set_loaded) = use_media_allowed(near);
    use_focus_when(tile, focus_now);
    if let Some(views) = views {
        views.watch(index, root);
    }
    let intent = use_intent(root, is_video.then_some(playback), set_loaded);
    let video_label = is_video.then(|| Text::Video.get(&lang).to_owned());
    let at = write_unsigned(index as u64);
    let button = is_video.then(|| {
        let press = move || {
            set_loaded.set(true);
            playback.toggle();
        };
        let tab_stop = move || focusable_play && current();
        view! { <PlayButton playback=playback lang=lang.clone() tab_stop=tab_stop on_press=press /> }
    });
    view! {
        <div
            class="slide"
            use:keep=root
            data-lede-slide=""
            data-media=kind.as_str()
            data-index=at.clone()
            role="group"
            aria-roledescription="slide"
            aria-label=slide_label(&lang, index, total)
            style=("--i", at)
            use:listen=on(&["pointerenter", "pointerleave", "focusin", "focusout"], move |name, ev: Event| {
                match name {
                    "pointerenter" => intent.pointer(true),
                    "pointerleave" => intent.pointer(false),
                    name => {
                        let into = name == "focusin";
                        if into {
                            on_focus();
                        }
                        intent.focus(into, ev.unchecked_ref::<ev::FocusEvent>().related_target());
                    }
                }
            })
        >
            <Tile id=id href=href index=index current=current tile=tile>
                {view! { <Thumbnail thumb=thumb loaded=loaded playback=playback /> }}
                {view! { <SlideTitle title=title video_label=video_label /> }}
            </Tile>
            {button}
        </div>
    }
}

/// A slide's link: the carousel's tab stop when it is current, and the
/// page hears `lede:select` when a reader opens it.
#[component]
fn Tile<C, V>(
    /// The story's id.
    id: String,
    /// Where it links to; none when the link would not be http(s).
    href: Option<SafeUrl>,
    /// Its place in the feed, from 0.
    index: usize,
    /// Whether it is the carousel's tab stop.
    current: C,
    /// The link element, for focus.
    tile: ElementRef,
    /// The picture and the title (typed children: `Children` would box
    /// them as an `AnyView`, 3.6 KB brotli more of the framework's code).
    children: TypedChildren<V>,
) -> impl IntoView
where
    C: Fn() -> bool + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let children = children.into_inner();
    view! {
        <a
            class="tile"
            part="tile"
            use:keep=tile
            href=href.as_ref().map(|h| h.as_str().to_owned())
            tabindex=dynamic(move || Some(if current() { "0" } else { "-1" }.to_owned()))
            use:listen=on(&["click", "auxclick"], select(id, href, index))
        >
            {children()}
        </a>
    }
}

/// A slide's title, as text; a video's says so first to a screen reader.
#[component]
fn SlideTitle(
    /// The story's headline.
    title: String,
    /// "Video" in the widget's language, for a video tile.
    video_label: Option<String>,
) -> impl IntoView {
    // `dir` of its own: the title's direction is read past it.
    let label =
        video_label.map(|v| view! { <span class="visually-hidden" dir="auto">{v} ": "</span> });
    // Its own direction: an Arabic title in an English widget ends with
    // its punctuation on the left, as its readers expect.
    view! { <span class="title" part="title" dir="auto">{label} {title}</span> }
}

/// A slide's picture: its image or video once it may load, over the
/// placeholder (the stylesheet draws it on the box) that shows until then,
/// or instead when there is no media or it fails. Its 4:3 box is reserved
/// before any byte arrives. A video with a
/// poster shows the poster once it may load, and fetches no video byte
/// until the reader asks it to play.
#[component]
pub fn Thumbnail(
    /// What to show.
    thumb: Thumb,
    /// Whether the media may load.
    loaded: Flag,
    /// A video's playback, told of its `play` and `pause` events.
    playback: UsePlaybackReturn,
) -> impl IntoView {
    let (failed, set_failed) = flag();
    // `src` and `poster`: the URL once `on` is true (none: no attribute).
    let when = move |on: Flag, url: Option<&SafeUrl>| {
        let url = url.map(|u| u.as_str().to_owned());
        dynamic(move || url.clone().filter(|_| on.get()))
    };
    // A video without a poster shows its first frame once it may load; one
    // with a poster waits for the reader to ask it to play.
    let first_frame = !matches!(thumb, Thumb::Video(_, Some(_)));
    // Built once, as the box is (`use:put`): one of two views or nothing.
    let media = move || -> Content {
        match &thumb {
            Thumb::Image(url) => content(view! {
                <img
                    class="thumb-media"
                    alt=""
                    width="320"
                    height="240"
                    loading="lazy"
                    decoding="async"
                    src=when(loaded, Some(url))
                    use:listen=on(&["error"], move |_, _| {
                        set_failed.set(true);
                    })
                />
            }),
            // Muted, inline, never a tab stop of its own, and fetching
            // nothing until it may load; then only its first frame's worth,
            // or with a poster only the poster until the reader asks it to
            // play. (A poster that fails fires no event: the placeholder
            // shows through.)
            Thumb::Video(url, poster) => content(view! {
                <video
                    class="thumb-media"
                    use:keep=playback.video
                    width="320"
                    height="240"
                    muted=""
                    prop:muted=true
                    playsinline=""
                    loop=""
                    disablepictureinpicture=""
                    disableremoteplayback=""
                    aria-hidden="true"
                    tabindex="-1"
                    preload=dynamic(move || Some(if first_frame && loaded.get() { "metadata" } else { "none" }.to_owned()))
                    poster=when(loaded, poster.as_ref())
                    src=when(if first_frame { loaded } else { playback.asked }, Some(url))
                    use:listen=on(&["play", "pause", "error"], move |name, _| {
                        match name {
                            "error" => {
                                set_failed.set(true);
                            }
                            name => playback.heard(name == "play"),
                        }
                    })
                ></video>
            }),
            Thumb::None => Box::new(()),
        }
    };
    view! {
        <span class="thumb" part="picture" aria-hidden="true" data-failed=dynamic(move || failed.get().then(String::new)) use:put=media></span>
    }
}

/// A video tile's play/pause button: the only way to play under reduced
/// motion, and the way on touch screens.
#[component]
pub fn PlayButton<T, P>(
    /// The video's playback.
    playback: UsePlaybackReturn,
    /// The widget's language.
    lang: Lang,
    /// Whether the button is a tab stop.
    tab_stop: T,
    /// Called when pressed.
    on_press: P,
) -> impl IntoView
where
    T: Fn() -> bool + Send + Sync + 'static,
    P: Fn() + Send + Sync + 'static,
{
    let playing = playback.playing;
    let (pause, play) = (
        Text::PauseVideo.get(&lang).to_owned(),
        Text::PlayVideo.get(&lang).to_owned(),
    );
    view! {
        <button
            type="button"
            class="play"
            part="button play"
            tabindex=dynamic(move || Some(if tab_stop() { "0" } else { "-1" }.to_owned()))
            aria-pressed=dynamic(move || Some(if playing.get() { "true" } else { "false" }.to_owned()))
            aria-label=dynamic(move || Some(if playing.get() { pause.clone() } else { play.clone() }))
            use:listen=on(&["click"], move |_, _| on_press())
        ></button>
    }
}
