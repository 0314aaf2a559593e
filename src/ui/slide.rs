//! One slide's DOM (contract: `[data-lede-slide]`): a link holding the
//! thumbnail (image, video or placeholder) and the title as text; videos get
//! a play/pause button.
//!
//! A slide is a clone of a blank slide of its kind, filled in with its data.
//! It has no listeners, effects or signals of its own: the carousel listens
//! on its track for every slide's events and keeps each slide's state (which
//! one is current, whether its media may load) in the DOM. A slide built
//! from the framework's typed views cost about 6 KB (brotli) of wasm, most of
//! it per-slide reactive and listener code; this costs a fraction of that.

use crate::core::media::MediaKind;
use crate::core::slide::Slide;
use crate::core::text::{slide_label, Lang, Text};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlMediaElement};

/// The opening of every slide, up to where its thumbnail goes: the group,
/// the link (a tab stop only while current) and the placeholder picture that
/// shows until, or instead of, the media. Constant markup, never feed text,
/// and no `style` attribute (a strict CSP refuses those).
const OPEN: &str = concat!(
    r#"<div class="slide" data-lede-slide="" role="group" aria-roledescription="slide">"#,
    r#"<a class="tile" tabindex="-1"><span class="thumb" aria-hidden="true">"#,
    r#"<svg class="ph-icon" viewBox="0 0 24 24" width="28" height="28" focusable="false">"#,
    r#"<path d="M4 5h16v14H4zM4 15l4.5-4.5 4 4 2.5-2.5L20 17M15.5 8.5h.01" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>"#,
    "</svg>"
);

/// An image thumbnail. Its 4:3 intrinsic size lets the browser reserve its
/// box before any byte arrives; it gets its `src` only when it may load.
const IMAGE: &str =
    r#"<img class="thumb-media" alt="" width="320" height="240" loading="lazy" decoding="async">"#;

/// A video thumbnail: muted, inline, never a tab stop of its own, and
/// fetching nothing (`preload="none"`, no `src`) until it may load.
const VIDEO: &str = concat!(
    r#"<video class="thumb-media" width="320" height="240" muted="" playsinline="" loop="" "#,
    r#"disablepictureinpicture="" disableremoteplayback="" aria-hidden="true" tabindex="-1" preload="none"></video>"#
);

/// From the thumbnail to the title, whose text is added as a text node.
const TITLE: &str = r#"</span><span class="title">"#;

/// Said before a video's title ("Video: "), for screen readers.
const VIDEO_LABEL: &str = r#"<span class="visually-hidden"></span>"#;

/// The end of the link.
const CLOSE_TILE: &str = "</span></a>";

/// A video's play/pause button: the only way to play under reduced motion,
/// and the way on touch screens. Its state, name and shape are filled in by
/// [`show_playing`], as they are whenever the video plays or pauses.
const PLAY_BUTTON: &str = concat!(
    r#"<button type="button" class="play" tabindex="-1">"#,
    r#"<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">"#,
    r#"<path fill="currentColor"/></svg></button>"#
);

/// The badge's two shapes: ▶ and ❚❚.
const PLAY: &str = "M8 5.5v13l10.5-6.5z";
const PAUSE: &str = "M7 5h3.5v14H7zM13.5 5H17v14h-3.5z";

/// A blank slide of each kind, cloned for every slide of that kind.
pub struct Blanks {
    image: Element,
    video: Element,
    none: Element,
}

impl Blanks {
    /// Parses the three blank slides once per carousel.
    pub fn new(document: &Document) -> Option<Blanks> {
        let parse = |parts: &[&str]| -> Option<Element> {
            let holder = document.create_element("div").ok()?;
            holder.set_inner_html(&parts.concat());
            holder.first_element_child()
        };
        Some(Blanks {
            image: parse(&[OPEN, IMAGE, TITLE, CLOSE_TILE, "</div>"])?,
            video: parse(&[
                OPEN,
                VIDEO,
                TITLE,
                VIDEO_LABEL,
                CLOSE_TILE,
                PLAY_BUTTON,
                "</div>",
            ])?,
            none: parse(&[OPEN, TITLE, CLOSE_TILE, "</div>"])?,
        })
    }

    /// The DOM of slide `index` of `total`, every string from the feed as
    /// text or as a checked URL.
    pub fn build(&self, slide: &Slide, index: usize, total: usize, lang: Lang) -> Option<Element> {
        let kind = slide.thumb.kind();
        let blank = match kind {
            MediaKind::Image => &self.image,
            MediaKind::Video => &self.video,
            MediaKind::Unknown => &self.none,
        };
        let el: Element = blank.clone_node_with_deep(true).ok()?.unchecked_into();
        let position = index.to_string();
        let _ = el.set_attribute("data-media", kind.as_str());
        let _ = el.set_attribute("data-index", &position);
        let _ = el.set_attribute("aria-label", &slide_label(lang, index, total));
        // The stylesheet places the slide by its index (CSSOM, which a
        // strict CSP allows).
        let _ = el
            .unchecked_ref::<HtmlElement>()
            .style()
            .set_property("--i", &position);
        let tile = el.first_element_child()?;
        // Without a link (a template that gave no http(s) URL for this id):
        // an `<a>` with no href, focusable by its tabindex, with no link role
        // and nothing to open.
        if let Some(href) = &slide.href {
            let _ = tile.set_attribute("href", href.as_str());
        }
        let title = tile.query_selector(".title").ok()??;
        if kind == MediaKind::Video {
            if let Some(label) = title.first_element_child() {
                label.set_text_content(Some(&[Text::Video.get(lang), ": "].concat()));
            }
            if let Some(video) = media(&el) {
                // The attribute alone does not mute a cloned element.
                video.set_muted(true);
            }
            show_playing(&el, false, lang);
        }
        let _ = title.append_with_str_1(&slide.title);
        Some(el)
    }
}

/// The slide's thumbnail element, if it has an image or a video.
pub fn media(slide: &Element) -> Option<HtmlMediaElement> {
    // Only ever read as a media element when it is a `video`; an `img`
    // gets attributes only.
    Some(slide.query_selector(".thumb-media").ok()??.unchecked_into())
}

/// Lets the slide's media load: gives it its `src` (and a video its first
/// frame's worth of data, no more).
pub fn load(slide: &Element, src: &str, video: bool) {
    let Some(media) = media(slide) else { return };
    if video {
        let _ = media.set_attribute("preload", "metadata");
    }
    let _ = media.set_attribute("src", src);
}

/// Marks the slide's thumbnail as failed: the placeholder shows instead.
pub fn fail(slide: &Element) {
    if let Ok(Some(thumb)) = slide.query_selector(".thumb") {
        let _ = thumb.set_attribute("data-failed", "");
    }
}

/// Whether the slide's video plays, as its button says.
pub fn playing(slide: &Element) -> bool {
    play_button(slide).and_then(|b| b.get_attribute("aria-pressed")) == Some("true".into())
}

/// Shows on the slide's button whether its video plays.
pub fn show_playing(slide: &Element, playing: bool, lang: Lang) {
    let Some(button) = play_button(slide) else {
        return;
    };
    let (pressed, label, shape) = if playing {
        ("true", Text::PauseVideo, PAUSE)
    } else {
        ("false", Text::PlayVideo, PLAY)
    };
    let _ = button.set_attribute("aria-pressed", pressed);
    let _ = button.set_attribute("aria-label", label.get(lang));
    if let Ok(Some(path)) = button.query_selector("path") {
        let _ = path.set_attribute("d", shape);
    }
}

/// The slide's play button, if it is a video's.
pub fn play_button(slide: &Element) -> Option<Element> {
    slide.query_selector(".play").ok()?
}

/// The slide's link.
pub fn tile(slide: &Element) -> Option<HtmlElement> {
    Some(slide.first_element_child()?.unchecked_into())
}
