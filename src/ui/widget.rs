//! One widget: the article above its related stories, or a configuration
//! error; following its host element's attributes as they change.

use super::article::ArticleFeed;
use super::notice::Notice;
use super::related::{Links, RelatedFeed};
use crate::core::config::Config;
use crate::core::text::{Lang, Text};
use crate::core::url::SafeUrl;
use crate::dom::emit;
use crate::ui::effect;
use leptos::prelude::*;

/// How a widget speaks and reads: what `lang` and `dir` change.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    /// The language of the widget's own words.
    pub lang: Lang,
    /// The language tag for dates; empty for the reader's default.
    pub locale: String,
    /// Right to left.
    pub rtl: bool,
    /// The attributes are unusable: the widget shows a message instead.
    pub broken: bool,
}

/// A widget's configuration as signals, one per part that changes on its
/// own. Attributes are live (DESIGN §5): the mount code reads them again
/// when they change and [`Live::set`]s the result, and each part tells only
/// what depends on it.
#[derive(Clone)]
pub struct Live {
    article: ArcRwSignal<Option<SafeUrl>>,
    related: ArcRwSignal<Option<SafeUrl>>,
    look: ArcRwSignal<Look>,
    links: ArcRwSignal<Option<Links>>,
}

/// Sets `signal` to `value` unless it holds that already.
fn change<T: PartialEq + Send + Sync + 'static>(signal: &ArcRwSignal<T>, value: T) {
    if signal.try_with_untracked(|old| *old != value) == Some(true) {
        signal.set(value);
    }
}

impl Live {
    /// A usable configuration, or the language of the message for an
    /// unusable one.
    pub fn new(config: Result<Config, Lang>) -> Live {
        let live = Live {
            article: ArcRwSignal::new(None),
            related: ArcRwSignal::new(None),
            look: ArcRwSignal::new(Look {
                lang: Lang::En,
                locale: String::new(),
                rtl: false,
                broken: true,
            }),
            links: ArcRwSignal::new(None),
        };
        live.set(config);
        live
    }

    /// Gives the widget what the attributes say now; only the parts that
    /// changed tell anyone.
    pub fn set(&self, config: Result<Config, Lang>) {
        match config {
            Ok(c) => {
                change(&self.article, c.article);
                change(&self.related, c.related);
                change(&self.links, Some((c.media_base, c.links, c.posters)));
                change(
                    &self.look,
                    Look {
                        lang: c.lang,
                        locale: c.locale,
                        rtl: c.rtl,
                        broken: false,
                    },
                );
            }
            Err(lang) => {
                change(&self.article, None);
                change(&self.related, None);
                change(
                    &self.look,
                    Look {
                        lang,
                        locale: String::new(),
                        rtl: false,
                        broken: true,
                    },
                );
            }
        }
    }
}

/// A widget: each section only while its feed is given, the message while
/// the attributes are unusable. A section is keyed by its feed's URL: a new
/// URL remounts it (aborting the old fetch, showing its skeleton, telling the
/// page again); anything else re-renders what depends on it, refetching
/// nothing.
#[component]
pub fn Widget(
    /// What the host element says, kept up to date by the mount code.
    live: Live,
    /// The host element: the sections tell the page about themselves there.
    host: web_sys::Element,
) -> impl IntoView {
    let article = ReadSignal::from(live.article.read_only());
    let related = ReadSignal::from(live.related.read_only());
    let look = ReadSignal::from(live.look.read_only());
    let links = ReadSignal::from(live.links.read_only());
    let (settled, set_settled) = signal(false);
    // Without an article the carousel has nothing to wait for; once shown,
    // it stays shown when the article changes.
    let (shown, set_shown) = signal(false);
    effect(move || {
        if settled.get() || article.with(Option::is_none) {
            set_shown.set(true);
        }
    });
    let (article_host, related_host) = (host.clone(), host.clone());
    view! {
        {move || look.with(|l| l.broken.then_some(l.lang)).map(|lang| view! { <Misconfigured lang=lang host=host.clone() /> })}
        {move || article.get().map(|url| view! {
            <ArticleFeed url=url look=look settled=set_settled host=article_host.clone() />
        })}
        {move || related.get().map(|url| view! {
            <RelatedFeed url=url links=links look=look shown=shown host=related_host.clone() />
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
