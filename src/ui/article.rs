//! The article section: headline, dateline, body; or its skeleton, or its
//! error.

use super::feed::use_feed;
use super::notice::Notice;
use super::skeleton::ArticleSkeleton;
use super::Load;
use crate::core::article::{parse_article, Article};
use crate::core::error::Feed;
use crate::core::text::Text;
use crate::core::url::SafeUrl;
use crate::dom::{console_warn, emit, format_date};
use crate::ui::effect;
use crate::ui::widget::Look;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::Element;

/// Fetches an article and shows it.
#[component]
pub fn ArticleFeed(
    /// The article JSON.
    url: SafeUrl,
    /// The widget's language, date locale and direction.
    look: ReadSignal<Look>,
    /// Set once the section is no longer loading.
    settled: WriteSignal<bool>,
    /// The host element, which tells the page about the section.
    host: Element,
) -> impl IntoView {
    let at = url.clone();
    let feed = use_feed(Feed::Article, url, move |text| {
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
        Ok(article)
    });
    let state = feed.state;
    effect(move || settled.set(!matches!(*state.read(), Load::Loading)));
    view! { <ArticleSection state=state look=look on_retry=feed.retry host=host /> }
}

/// The article section in any state (DOM contract: `article[data-lede-article]`).
#[component]
pub fn ArticleSection(
    /// The feed's state.
    state: ReadSignal<Load<Article>>,
    /// The widget's language and the language tag for the dateline.
    look: ReadSignal<Look>,
    /// Called by Retry.
    on_retry: Callback<()>,
    /// Where `lede:ready` and `lede:error` are dispatched: the host element
    /// (none: no events).
    #[prop(optional)]
    host: Option<Element>,
) -> impl IntoView {
    // Tell the publisher's page when the section settles (not when only the
    // language changes: it is read untracked).
    effect(move || {
        let Some(el) = &host else { return };
        state.with(|s| match s {
            Load::Loading => {}
            Load::Ready(_) => emit(el, "lede:ready", &[("section", "article".into())]),
            Load::Failed(e) => emit(
                el,
                "lede:error",
                &[
                    ("section", "article".into()),
                    (
                        "message",
                        e.message()
                            .get(look.try_with_untracked(|l| l.lang).unwrap_or_default())
                            .into(),
                    ),
                ],
            ),
        });
    });
    view! {
        <article
            class="article"
            data-lede-article=""
            data-state=move || state.with(|s| s.state(|_| false))
            aria-busy=move || state.with(|s| matches!(s, Load::Loading).then_some("true"))
        >
            {move || look.with(|Look { lang, locale, .. }| state.with(|s| match s {
                Load::Loading => EitherOf3::A(view! { <ArticleSkeleton lang=*lang /> }),
                Load::Ready(a) => EitherOf3::B(view! { <ArticleView article=a.clone() locale=Arc::from(locale.as_str()) /> }),
                Load::Failed(e) => EitherOf3::C(view! {
                    <Notice message=e.message().get(*lang) retry_label=Text::Retry.get(*lang) on_retry=on_retry />
                }),
            }))}
        </article>
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
            <p class="dateline">
                {source.map(|s| view! { <span class="source">{s}</span> })}
                {time}
            </p>
        }
    });
    view! {
        <div class="story">
            <h1 class="headline">{title}</h1>
            {dateline}
            <div class="body">
                {body.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
        </div>
    }
}
