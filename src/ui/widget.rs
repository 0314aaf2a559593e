//! One widget: the article above its related stories, or a configuration
//! error.

use super::article::ArticleFeed;
use super::notice::Notice;
use super::related::RelatedFeed;
use crate::core::config::Config;
use crate::core::text::{Lang, Text};
use crate::dom::emit;
use crate::ui::effect;
use leptos::prelude::*;

/// A configured widget: each section only if its feed is given.
#[component]
pub fn Widget(
    /// What the host element asked for.
    config: Config,
    /// The host element: the sections tell the page about themselves there.
    host: web_sys::Element,
) -> impl IntoView {
    let Config {
        article,
        related,
        media_base,
        links,
        lang,
        locale,
        rtl,
        ..
    } = config;
    // Without an article, the carousel has nothing to wait for.
    let (settled, set_settled) = signal(article.is_none());
    view! {
        {article.map(|url| view! { <ArticleFeed url=url lang=lang locale=locale settled=set_settled host=host.clone() /> })}
        {related.map(|url| view! {
            <RelatedFeed url=url media_base=media_base links=links lang=lang rtl=rtl shown=settled host=host />
        })}
    }
}

/// What a widget with unusable attributes shows instead of a blank box; it
/// also tells the page with a `lede:error` whose section is `config`.
#[component]
pub fn Misconfigured(
    /// The language of the message.
    lang: Lang,
    /// The host element, where the page hears of it.
    host: web_sys::Element,
) -> impl IntoView {
    let message = Text::Misconfigured.get(lang);
    // In an effect, as the sections do: after `mount()` has returned.
    effect(move || {
        emit(
            &host,
            "lede:error",
            &[("section", "config".into()), ("message", message.into())],
        );
    });
    view! { <Notice message=message /> }
}
