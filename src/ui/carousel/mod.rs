//! The carousel: controls, a scroll-snap track, and the slides near its
//! viewport. Scrolling is the browser's own; the hooks here measure it and
//! move it, each with one job, and all of the arithmetic is
//! `core::carousel`'s.
//!
//! - [`geometry`]: measuring the track, scrolling it;
//! - [`reach`]: which slides' media may load;
//! - [`window`]: which slides are in the DOM;
//! - [`focus`]: the roving tab stop, keys and the previous/next buttons;
//! - [`views`]: `lede:view`, once per slide seen;
//! - [`playback`]: a video tile's playing state;
//! - [`slide`]: one slide's view.

pub mod focus;
pub mod geometry;
pub mod observe;
pub mod playback;
pub mod reach;
pub mod slide;
pub mod views;
pub mod window;

use crate::core::carousel::{Geometry, Page, KEEP_ALL};
use crate::core::i18n::{Direction, Lang, Text};
use crate::core::number::write_unsigned;
use crate::core::slide::Slide;
use crate::dom::reduced_motion;
use crate::ui::dynamic;
use crate::ui::keep::{keep, ElementRef};
use crate::ui::listen::{listen, on};
use focus::{use_roving_focus, UseRovingFocusReturn};
use geometry::use_track_geometry;
use leptos::prelude::*;
use reach::use_reach;
use slide::SlideView;
use std::sync::Arc;
use views::use_view_reports;
use wasm_bindgen::JsCast;
use web_sys::Event;
use window::{rows, use_window};

/// A carousel of ready slides.
#[component]
pub fn Carousel(
    /// The slides, in order.
    slides: Arc<Vec<Slide>>,
    /// The widget's language.
    lang: Lang,
    /// Which way it reads: right to left, the track starts at the right.
    dir: Direction,
) -> impl IntoView {
    let count = slides.len();
    let track = ElementRef::new();
    let rail = ElementRef::new();
    let geometry = use_track_geometry(track, rail, count, dir);
    let reach = use_reach(track, geometry.geometry, count);
    let (current, set_current) = signal(0usize);
    let window = use_window(geometry.geometry, current, count);
    let focus = use_roving_focus(track, geometry, (current, set_current), dir);
    let views = use_view_reports(slides.clone());
    let focusable_play = reduced_motion();

    let g = geometry.geometry;
    let head_lang = lang.clone();
    let slide_view = move |i: usize| {
        // The window only holds indices of slides; a blank one stands in
        // for any other, so that the list's items are one view type (an
        // `Option` would bring its own branch code).
        let slide = slides.get(i).cloned().unwrap_or_else(Slide::blank);
        view! {
            <SlideView
                slide=slide
                index=i
                total=count
                lang=lang.clone()
                current=move || focus.current.get() == i
                focus_now=move || focus.request.get() == i
                near=move || reach.wants(i)
                on_focus=move || focus.focused(i)
                views=views
                focusable_play=focusable_play
            />
        }
    };
    view! {
        <Head
            lang=head_lang
            at_start=move || g.with(Geometry::at_start)
            at_end=move || g.with(|g| g.at_end(count))
            focus=focus
        />
        <div
            class="track"
            use:keep=track
            use:listen=on(&["scroll", "keydown", "focusin", "focusout", "pointerenter"], move |name, ev: Event| {
                match name {
                    "keydown" => focus.on_keydown(ev.unchecked_into()),
                    "focusout" => focus.on_focusout(ev.unchecked_into()),
                    name => {
                        reach.engage();
                        if name == "scroll" {
                            geometry.on_scroll();
                        }
                    }
                }
            })
        >
            <div
                class="rail"
                use:keep=rail
                style=("--n", write_unsigned(count as u64))
                data-all=(count <= KEEP_ALL).then_some("")
                use:rows=(window, slide_view)
            ></div>
        </div>
    }
}

/// The carousel's heading and its previous and next buttons, disabled at
/// the ends (it does not wrap).
#[component]
fn Head<S, E>(
    /// The widget's language.
    lang: Lang,
    /// Whether the track is at its start.
    at_start: S,
    /// Whether the track is at its end.
    at_end: E,
    /// Where the buttons page.
    focus: UseRovingFocusReturn,
) -> impl IntoView
where
    S: Fn() -> bool + Send + Sync + 'static,
    E: Fn() -> bool + Send + Sync + 'static,
{
    let disabled = |yes: bool| Some(if yes { "true" } else { "false" }.to_owned());
    let label = |t: Text| t.get(&lang).to_owned();
    view! {
        <div class="head">
            <h2 class="label" part="heading">{label(Text::RelatedStories)}</h2>
            <div class="controls">
                <button
                    type="button"
                    class="button nav"
                    part="button previous"
                    data-lede-prev=""
                    aria-label=label(Text::Previous)
                    aria-disabled=dynamic(move || disabled(at_start()))
                    use:listen=on(&["click"], move |_, _| focus.page(Page::Previous))
                ></button>
                <button
                    type="button"
                    class="button nav next"
                    part="button next"
                    data-lede-next=""
                    aria-label=label(Text::Next)
                    aria-disabled=dynamic(move || disabled(at_end()))
                    use:listen=on(&["click"], move |_, _| focus.page(Page::Next))
                ></button>
            </div>
        </div>
    }
}
