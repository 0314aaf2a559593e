//! The related section: loading skeleton, carousel, nothing (empty), or an
//! error with Retry.

use super::carousel::Carousel;
use super::events::use_section_events;
use super::feed::use_feed;
use super::live::{Links, Look};
use super::notice::{Notice, Retry};
use super::skeleton::RelatedSkeleton;
use super::swap::{content, swap, Content};
use super::{dynamic, Load};
use crate::core::error::Feed;
use crate::core::i18n::Text;
use crate::core::related::{parse_related, RelatedItem};
use crate::core::slide::Slide;
use crate::core::url::SafeUrl;
use crate::dom::console_warn;
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::Element;

/// The slides of a ready related feed.
pub type Slides = Arc<Vec<Slide>>;

/// Loads the related feed into `state` and shows it. The feed is fetched
/// once per URL.
#[component]
pub fn RelatedLoader(
    /// The related JSON (bare or in its `var_dump` envelope).
    url: SafeUrl,
    /// The section's state.
    state: ReadSignal<Load>,
    /// Where its loads write it.
    set_state: WriteSignal<Load>,
    /// Where `pic` paths are joined to and where slides link to.
    links: ReadSignal<Option<Links>>,
    /// The widget's language and direction.
    look: ReadSignal<Look>,
    /// Whether the section may show anything yet.
    shown: Shown,
    /// The host element, which tells the page about the section.
    host: Element,
) -> impl IntoView {
    let at = url.clone();
    let feed = use_feed(
        Feed::Related,
        url,
        move |text| {
            let feed = parse_related(text)?;
            if let Some(note) = feed.note(at.as_str()) {
                console_warn(&note);
            }
            Ok(Load::Items(Arc::new(feed.items)))
        },
        set_state,
    );
    view! { <RelatedSection state=state links=links look=look on_retry=feed.retry shown=shown host=host /> }
}

/// Whether the related section may show anything yet: it waits for the
/// article above it to settle, so that it never moves once shown.
pub type Shown = Arc<dyn Fn() -> bool + Send + Sync>;

/// The slides of `items`, pointing where `links` say.
fn slides(items: &[RelatedItem], links: &Links) -> Slides {
    let Links {
        media_base,
        template,
        posters,
    } = links;
    let mut slides = Vec::with_capacity(items.len());
    for item in items {
        slides.push(Slide::new(item, media_base, template, posters.as_ref()));
    }
    Arc::new(slides)
}

/// The related section in any state (DOM contract:
/// `section[data-lede-related]`). Its slides are made from the feed's
/// items as they are rendered: again when the media base, the link template
/// or the poster template changes, never refetching.
#[component]
pub fn RelatedSection(
    /// The feed's state.
    state: ReadSignal<Load>,
    /// Where `pic` paths are joined to and where slides link to (none yet:
    /// the skeleton).
    links: ReadSignal<Option<Links>>,
    /// The widget's language and direction.
    look: ReadSignal<Look>,
    /// Called by Retry.
    on_retry: Callback<()>,
    /// Whether the section may show anything yet (always, without one).
    #[prop(optional)]
    shown: Option<Shown>,
    /// Where `lede:ready` and `lede:error` are dispatched: the host element
    /// (none: no events).
    #[prop(optional)]
    host: Option<Element>,
) -> impl IntoView {
    let shown = move || shown.as_ref().is_none_or(|s| s());
    let (told, waiting) = (shown.clone(), shown.clone());
    // Nothing is told while the section waits: it shows nothing then.
    use_section_events(
        host,
        Feed::Related,
        Box::new(move || {
            if !told() {
                return None;
            }
            state.with(|s| match s {
                // `Article` never comes here (the article section's alone).
                Load::Loading | Load::Article(_) => None,
                Load::Items(items) => Some(Ok(Some(items.len()))),
                Load::Failed(e) => Some(Err(e.clone())),
            })
        }),
        look,
    );
    // What the section shows: built afresh as its state changes.
    let shows = move || -> Content {
        if !shown() {
            return Box::new(());
        }
        let (lang, dir) = look.with(|l| (l.lang.clone(), l.dir));
        state.with(|s| match s {
            Load::Items(items) if items.is_empty() => Box::new(()),
            Load::Article(_) => Box::new(()),
            Load::Items(items) => match links.with(|l| l.as_ref().map(|l| slides(items, l))) {
                Some(slides) => content(view! { <Carousel slides=slides lang=lang dir=dir /> }),
                None => content(view! { <RelatedSkeleton lang=lang /> }),
            },
            Load::Loading => content(view! { <RelatedSkeleton lang=lang /> }),
            Load::Failed(e) => content(view! {
                <Notice message=e.message().get(&lang).to_owned() retry=Retry::new(Text::Retry.get(&lang), on_retry) />
            }),
        })
    };
    view! {
        <section
            class="related"
            part="related"
            data-lede-related=""
            data-state=dynamic(move || Some(state.with(|s| s.state()).to_owned()))
            aria-roledescription="carousel"
            aria-label=dynamic(move || Some(look.with(|l| Text::RelatedStories.get(&l.lang).to_owned())))
            aria-busy=dynamic(move || state.with(|s| s.is_loading().then(|| "true".to_owned())))
            data-waiting=dynamic(move || (!waiting()).then(String::new))
            use:swap=shows
        ></section>
    }
}
