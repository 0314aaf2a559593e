//! The related section: loading skeleton, carousel, nothing (empty), or an
//! error with Retry.

use super::carousel::Carousel;
use super::feed::use_feed;
use super::notice::Notice;
use super::skeleton::RelatedSkeleton;
use super::Load;
use crate::core::error::Feed;
use crate::core::feed::parse_related;
use crate::core::slide::Slide;
use crate::core::text::Text;
use crate::core::url::{LinkTemplate, MediaBase, PosterTemplate, SafeUrl};
use crate::dom::{console_warn, emit};
use crate::ui::effect;
use crate::ui::widget::Look;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use std::cell::Cell;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// The slides of a ready related feed.
pub type Slides = Arc<Vec<Slide>>;

/// Where slides' pictures and links point: the media base, the link
/// template and the poster template, which change without a refetch.
pub type Links = (MediaBase, LinkTemplate, Option<PosterTemplate>);

/// Fetches the related feed and shows it. The feed is fetched once per URL;
/// its slides are made again when the media base, the link template or the
/// poster template changes.
#[component]
pub fn RelatedFeed(
    /// The related JSON (bare or in its `var_dump` envelope).
    url: SafeUrl,
    /// Where `pic` paths are joined to and where slides link to.
    links: ReadSignal<Option<Links>>,
    /// The widget's language and direction.
    look: ReadSignal<Look>,
    /// Whether the section may show anything yet.
    shown: ReadSignal<bool>,
    /// The host element, which tells the page about the section.
    host: Element,
) -> impl IntoView {
    let feed = use_feed(Feed::Related, url.clone(), move |text| {
        let feed = parse_related(text)?;
        if feed.skipped + feed.duplicates > 0 {
            let mut warning = String::from("lede: the related feed at ");
            warning.push_str(url.as_str());
            warning.push_str(" had ");
            warning.push_str(&feed.skipped.to_string());
            warning.push_str(" unusable item(s) without an id, title or pic, and ");
            warning.push_str(&feed.duplicates.to_string());
            warning.push_str(" repeated id(s); they were skipped");
            console_warn(&warning);
        }
        Ok(Arc::new(feed.items))
    });
    let items = feed.state;
    let (slides, set_slides) = signal(Load::Loading);
    effect(move || {
        set_slides.set(items.with(|s| match s {
            Load::Loading => Load::Loading,
            Load::Failed(e) => Load::Failed(e.clone()),
            Load::Ready(items) => links.with(|l| {
                match l {
                    Some((base, template, posters)) => Load::Ready(Arc::new(
                        items
                            .iter()
                            .map(|item| Slide::new(item, base, template, posters.as_ref()))
                            .collect(),
                    )),
                    None => Load::Loading,
                }
            }),
        }))
    });
    view! { <RelatedSection state=slides look=look on_retry=feed.retry shown=shown host=host /> }
}

/// The related section in any state (DOM contract: `section[data-lede-related]`).
#[component]
pub fn RelatedSection(
    /// The feed's state.
    state: ReadSignal<Load<Slides>>,
    /// The widget's language and direction.
    look: ReadSignal<Look>,
    /// Called by Retry.
    on_retry: Callback<()>,
    /// Whether the section may show anything yet: it waits for the article
    /// above it to settle, so that it never moves once shown.
    #[prop(optional)]
    shown: Option<ReadSignal<bool>>,
    /// Where `lede:ready` and `lede:error` are dispatched: the host element
    /// (none: no events).
    #[prop(optional)]
    host: Option<Element>,
) -> impl IntoView {
    let shown = move || shown.is_none_or(|s| s.get());
    // The page hears of the section settling: once after each load, not
    // when slides are made again for a new media base or link template
    // (what it was last told), nor when the language changes (untracked).
    let told = Cell::new(None);
    effect(move || {
        let Some(el) = &host else { return };
        let lang = look.try_with_untracked(|l| l.lang).unwrap_or_default();
        let now = state.with(|s| match s {
            Load::Loading => None,
            Load::Ready(slides) => Some(Ok(slides.len())),
            Load::Failed(_) => Some(Err(())),
        });
        if told.replace(now) == now {
            return;
        }
        state.with(|s| match s {
            Load::Loading => {}
            Load::Ready(slides) => emit(
                el,
                "lede:ready",
                &[
                    ("section", "related".into()),
                    ("count", JsValue::from_f64(slides.len() as f64)),
                ],
            ),
            Load::Failed(e) => emit(
                el,
                "lede:error",
                &[
                    ("section", "related".into()),
                    ("message", e.message().get(lang).into()),
                ],
            ),
        });
    });
    view! {
        <section
            class="related"
            data-lede-related=""
            data-state=move || state.with(|s| s.state(|v| v.is_empty()))
            aria-roledescription="carousel"
            aria-label=move || Text::RelatedStories.get(look.with(|l| l.lang))
            aria-busy=move || state.with(|s| matches!(s, Load::Loading).then_some("true"))
            data-waiting=move || (!shown()).then_some("")
        >
            {move || {
                if !shown() {
                    return EitherOf4::A(());
                }
                let (lang, rtl) = look.with(|l| (l.lang, l.rtl));
                state.with(|s| match s {
                    Load::Loading => EitherOf4::B(view! { <RelatedSkeleton lang=lang /> }),
                    Load::Ready(slides) if slides.is_empty() => EitherOf4::A(()),
                    Load::Ready(slides) => EitherOf4::C(view! { <Carousel slides=slides.clone() lang=lang rtl=rtl /> }),
                    Load::Failed(e) => EitherOf4::D(view! {
                        <Notice message=e.message().get(lang) retry_label=Text::Retry.get(lang) on_retry=on_retry />
                    }),
                })
            }}
        </section>
    }
}
