//! Loading skeletons: grey shapes of what will replace them, so that nothing
//! moves when it arrives. The stylesheet draws them (on the loading article,
//! and on an empty track); the views add only what a screen reader hears
//! and the carousel's heading, which takes its room as the real one will.
//!
//! No element here has only string-literal attributes: `view!` builds such
//! an element from an HTML string (`innerHTML` on a `<template>`), which a
//! page enforcing Trusted Types refuses. The component test
//! `no_view_parses_an_html_string` checks every view for it.

use crate::core::i18n::{Lang, Text};
use leptos::prelude::*;

/// The classes of the carousel's skeleton track.
const TRACK: &str = "track skeleton";

/// What the article says while it loads (the stylesheet draws its outline
/// on the section).
#[component]
pub fn ArticleSkeleton(
    /// The widget's language.
    lang: Lang,
) -> impl IntoView {
    view! { <p class="visually-hidden">{Text::LoadingArticle.get(&lang).to_owned()}</p> }
}

/// The carousel's outline: its heading, and a track on which the stylesheet
/// draws tiles as the carousel places real ones.
#[component]
pub fn RelatedSkeleton(
    /// The widget's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <p class="visually-hidden">{Text::LoadingRelated.get(&lang).to_owned()}</p>
        <div class="head" aria-hidden="true">
            <h2 class="label">{Text::RelatedStories.get(&lang).to_owned()}</h2>
        </div>
        <div class=TRACK aria-hidden="true"></div>
    }
}
