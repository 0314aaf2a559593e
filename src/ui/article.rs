//! The article section: headline, dateline, body; or its skeleton, or its
//! error.

use super::events::{use_section_events, Settled};
use super::feed::use_feed;
use super::live::Look;
use super::notice::{Notice, Retry};
use super::skeleton::ArticleSkeleton;
use super::swap::{content, swap};
use super::words::format_date;
use super::{dynamic, Load};
use crate::core::article::{parse_article, Article};
use crate::core::error::Feed;
use crate::core::i18n::Text;
use crate::core::url::SafeUrl;
use crate::dom::console_warn;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use std::sync::Arc;
use web_sys::Element;

/// Loads an article into `state` and shows it. A `published` the widget
/// cannot read is told to the console (the article shows without a date).
#[component]
pub fn ArticleLoader(
    /// The article JSON.
    url: SafeUrl,
    /// The section's state.
    state: ReadSignal<Load>,
    /// Where its loads write it.
    set_state: WriteSignal<Load>,
    /// The widget's language, date locale and direction.
    look: ReadSignal<Look>,
    /// The host element, which tells the page about the section.
    host: Element,
) -> impl IntoView {
    let at = url.clone();
    let feed = use_feed(
        Feed::Article,
        url,
        move |text| {
            let article = parse_article(text)?;
            if let Some(date) = &article.unread_date {
                console_warn(
                    &[
                        "lede: the article feed at ",
                        at.as_str(),
                        ": \"published\": \"",
                        date,
                        "\" is not a date Lede reads (RFC 3339, 2016-08-28 14:25:16, or Sun Aug 28, 2016 14:25:16); no date is shown",
                    ]
                    .concat(),
                );
            }
            Ok(Load::Article(article))
        },
        set_state,
    );
    view! { <ArticleSection state=state look=look on_retry=feed.retry host=host /> }
}

/// The article section in any state (DOM contract: `article[data-lede-article]`).
#[component]
pub fn ArticleSection(
    /// The feed's state.
    state: ReadSignal<Load>,
    /// The widget's language and the language tag for the dateline.
    look: ReadSignal<Look>,
    /// Called by Retry.
    on_retry: Callback<()>,
    /// Where `lede:ready` and `lede:error` are dispatched: the host element
    /// (none: no events).
    #[prop(optional)]
    host: Option<Element>,
) -> impl IntoView {
    use_section_events(
        host,
        Feed::Article,
        Box::new(move || -> Settled {
            state.with(|s| match s {
                // `Items` never comes here (the related section's alone).
                Load::Loading | Load::Items(_) => None,
                Load::Article(_) => Some(Ok(None)),
                Load::Failed(e) => Some(Err(e.clone())),
            })
        }),
        look,
    );
    view! {
        <article
            class="article"
            part="article"
            data-lede-article=""
            data-state=dynamic(move || Some(state.with(|s| s.state()).to_owned()))
            aria-busy=dynamic(move || state.with(|s| s.is_loading().then(|| "true".to_owned())))
            use:swap=move || look.with(|Look { lang, locale, .. }| state.with(|s| match s {
                Load::Loading => content(view! { <ArticleSkeleton lang=lang.clone() /> }),
                Load::Article(a) => content(view! { <ArticleView article=a.clone() locale=Arc::from(locale.as_str()) /> }),
                Load::Items(_) => Box::new(()),
                Load::Failed(e) => content(view! {
                    <Notice message=e.message().get(lang).to_owned() retry=Retry::new(Text::Retry.get(lang), on_retry) />
                }),
            }))
        ></article>
    }
}

/// A ready article: headline, dateline and paragraphs, every string as text.
#[component]
pub fn ArticleView(
    /// The article.
    article: Article,
    /// The language tag for the dateline.
    locale: Arc<str>,
) -> impl IntoView {
    let Article {
        title,
        source,
        published,
        body,
        ..
    } = article;
    let dateline = (source.is_some() || published.is_some()).then(|| {
        let time = published.map(|p| {
            let shown = format_date(p.epoch_ms, &locale).unwrap_or_else(|| p.rfc3339.clone());
            view! { <time datetime=p.rfc3339>{shown}</time> }
        });
        view! {
            <p class="dateline" part="dateline">
                {source.map(|s| view! { <span class="source" dir="auto">{s}</span> })}
                {time}
            </p>
        }
    });
    // Every text from the feed in its own direction (`dir="auto"`): an
    // English headline in an Arabic widget reads left to right.
    view! {
        <div class="story">
            <h1 class="headline" part="headline" dir="auto">{title}</h1>
            {dateline}
            <div class="body" part="body" use:paragraphs=body></div>
        </div>
    }
}

/// The directive (`use:paragraphs=body`) that fills the article's body
/// with one `<p>` per paragraph, as text, each built by the framework and
/// left to the element: they hold nothing reactive, so no view state is
/// kept (a list of views kept one each, and brought its own code for it).
/// Built again in its place, it replaces them.
fn paragraphs(body: Element, text: Vec<String>) {
    body.set_text_content(None);
    for p in text {
        view! { <p dir="auto">{p}</p> }.build().mount(&body, None);
    }
}
