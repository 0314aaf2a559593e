//! One widget: the article above its related stories, or its
//! misconfiguration message; following its host element's attributes as
//! they change.

use super::article::ArticleLoader;
use super::live::Live;
use super::notice::Notice;
use super::related::{RelatedLoader, Shown};
use super::swap::{content, swap_in, Content};
use crate::core::i18n::{Lang, Text};
use crate::dom::emit;
use crate::ui::effect;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A widget: each section only while its feed is given, the message while
/// the attributes cannot work. A section is keyed by its feed's URL: a new
/// URL remounts it (aborting the old fetch, showing its skeleton, telling
/// the page again); anything else re-renders what depends on it, refetching
/// nothing.
#[component]
pub fn Widget(
    /// What the host element says, kept up to date by the mount code, and
    /// what the sections have loaded.
    live: Live,
    /// The host element: the sections tell the page about themselves there.
    host: web_sys::Element,
    /// The element in the host's shadow root that holds the widget.
    container: web_sys::Element,
) -> impl IntoView {
    let article_src = ReadSignal::from(live.article_src.read_only());
    let related_src = ReadSignal::from(live.related_src.read_only());
    let look = ReadSignal::from(live.look.read_only());
    let links = ReadSignal::from(live.links.read_only());
    // Each section's state read and written as two halves, as the
    // sections' other signals are: a `RwSignal` of it would link the
    // framework's code for a third kind of signal for its type.
    let (article, set_article) = (
        ReadSignal::from(live.article.read_only()),
        WriteSignal::from(live.article.write_only()),
    );
    let (related, set_related) = (
        ReadSignal::from(live.related.read_only()),
        WriteSignal::from(live.related.write_only()),
    );
    // The carousel waits for the article above it to settle (so that it
    // never moves once shown), or shows at once without one; once shown, it
    // stays shown when the article changes (and reads nothing more).
    let was_shown = AtomicBool::new(false);
    let shown: Shown = Arc::new(move || {
        let now = was_shown.load(Ordering::Relaxed)
            || article_src.with(Option::is_none)
            || !article.with(|a| a.is_loading());
        was_shown.store(now, Ordering::Relaxed);
        now
    });
    let (article_host, related_host) = (host.clone(), host.clone());
    // Each part in its place in the container, built afresh as what it
    // reads changes (a new URL remounts its section). The places of an
    // earlier widget in the same container go first.
    container.set_text_content(None);
    let slot = |make: Box<dyn Fn() -> Content>| {
        let marker = document().create_comment("");
        let _ = container.append_child(&marker);
        swap_in(container.clone(), Some(marker.into()), make);
    };
    slot(Box::new(move || {
        match look.with(|l| l.misconfigured.then(|| l.lang.clone())) {
            Some(lang) => content(view! { <MisconfiguredNotice lang=lang host=host.clone() /> }),
            None => Box::new(()),
        }
    }));
    slot(Box::new(move || match article_src.get() {
        Some(url) => content(
            view! { <ArticleLoader url=url state=article set_state=set_article look=look host=article_host.clone() /> },
        ),
        None => Box::new(()),
    }));
    slot(Box::new(move || match related_src.get() {
        Some(url) => content(view! {
            <RelatedLoader url=url state=related set_state=set_related links=links look=look shown=shown.clone() host=related_host.clone() />
        }),
        None => Box::new(()),
    }));
}

/// What a widget whose attributes cannot work shows instead of a blank
/// box; it also tells the page with a `lede:error` whose section is
/// `config`.
#[component]
pub fn MisconfiguredNotice(
    /// The language of the message.
    lang: Lang,
    /// The host element, where the page hears of it.
    host: web_sys::Element,
) -> impl IntoView {
    let message = Text::Misconfigured.get(&lang).to_owned();
    let told = message.clone();
    // In an effect, as the sections do: after `mount()` has returned.
    effect(move || {
        emit(
            &host,
            "lede:error",
            &[
                ("section", "config".into()),
                ("code", "config".into()),
                ("message", told.as_str().into()),
            ],
        );
    });
    view! { <Notice message=message /> }
}
