//! Loading skeletons: grey shapes of what will replace them, so that nothing
//! moves when it arrives.
//!
//! Every element here gets its class as a value, not as a literal: `view!`
//! builds an element whose attributes are all string literals from an HTML
//! string (`innerHTML` on a `<template>`), which a page enforcing Trusted
//! Types refuses. The component test `no_view_parses_an_html_string`
//! checks every view for it.

use crate::core::text::{Lang, Text};
use leptos::prelude::*;

/// A grey shape of the given classes.
fn shape(class: &'static str) -> impl IntoView {
    view! { <span class=class></span> }
}

/// A paragraph's worth of lines.
fn paragraph() -> impl IntoView {
    let class = "bone-para";
    view! { <span class=class>{shape("bone")} {shape("bone")} {shape("bone bone-short")}</span> }
}

/// The article's outline: a two-line headline, the dateline, paragraphs.
#[component]
pub fn ArticleSkeleton(
    /// The widget's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <p class="visually-hidden">{Text::LoadingArticle.get(lang)}</p>
        <div class="skeleton" aria-hidden="true">
            {shape("bone bone-title")}
            {shape("bone bone-title bone-short")}
            {shape("bone bone-meta")}
            {(0..5).map(|_| paragraph()).collect_view()}
        </div>
    }
}

/// The carousel's outline: the same header and tile boxes, placed as the
/// carousel places real slides.
#[component]
pub fn RelatedSkeleton(
    /// The widget's language.
    lang: Lang,
) -> impl IntoView {
    const SLIDES: usize = 6;
    let slide = |i: usize| {
        view! {
            <div class="slide" style=("--i", i.to_string())>
                <div class="tile">
                    {shape("thumb")}
                    <span class="title">{shape("bone")} {shape("bone bone-short")}</span>
                </div>
            </div>
        }
    };
    view! {
        <p class="visually-hidden">{Text::LoadingRelated.get(lang)}</p>
        <div class="head" aria-hidden="true">
            <h2 class="label">{Text::RelatedStories.get(lang)}</h2>
        </div>
        <div class="track skeleton" aria-hidden="true">
            <div class="rail" style=("--n", SLIDES.to_string())>
                {(0..SLIDES).map(slide).collect_view()}
            </div>
        </div>
    }
}
