//! Loading skeletons: grey shapes of what will replace them, so that nothing
//! moves when it arrives. Each is a flat list of one kind of element, the
//! shapes drawn by the stylesheet: the cheapest view there is.
//!
//! Every element here gets its class as a value, not as a literal: `view!`
//! builds an element whose attributes are all string literals from an HTML
//! string (`innerHTML` on a `<template>`), which a page enforcing Trusted
//! Types refuses. The component test `no_view_parses_an_html_string`
//! checks every view for it.

use crate::core::text::{Lang, Text};
use leptos::prelude::*;

/// The article's lines: a two-line headline, the dateline, five paragraphs
/// of three lines.
const ARTICLE: [&str; 18] = [
    "bone bone-title",
    "bone bone-title bone-short",
    "bone bone-meta",
    "bone bone-line",
    "bone bone-line",
    "bone bone-line bone-short bone-end",
    "bone bone-line",
    "bone bone-line",
    "bone bone-line bone-short bone-end",
    "bone bone-line",
    "bone bone-line",
    "bone bone-line bone-short bone-end",
    "bone bone-line",
    "bone bone-line",
    "bone bone-line bone-short bone-end",
    "bone bone-line",
    "bone bone-line",
    "bone bone-line bone-short bone-end",
];

/// How many tiles the carousel's skeleton shows.
const TILES: usize = 6;

/// The article's outline.
#[component]
pub fn ArticleSkeleton(
    /// The widget's language.
    lang: Lang,
) -> impl IntoView {
    let bones = ARTICLE.map(|class| view! { <span class=class></span> });
    view! {
        <p class="visually-hidden">{Text::LoadingArticle.get(lang)}</p>
        <div class="skeleton" aria-hidden="true">
            {bones.into_iter().collect_view()}
        </div>
    }
}

/// The carousel's outline: the same header, and tiles placed as the
/// carousel places real slides (a picture and two lines of title each).
#[component]
pub fn RelatedSkeleton(
    /// The widget's language.
    lang: Lang,
) -> impl IntoView {
    let tile = |i: usize| view! { <span class="slide skeleton-slide" style=("--i", i.to_string())></span> };
    view! {
        <p class="visually-hidden">{Text::LoadingRelated.get(lang)}</p>
        <div class="head" aria-hidden="true">
            <h2 class="label">{Text::RelatedStories.get(lang)}</h2>
        </div>
        <div class="track skeleton" aria-hidden="true">
            <div class="rail" style=("--n", TILES.to_string())>
                {(0..TILES).map(tile).collect_view()}
            </div>
        </div>
    }
}
