//! A widget's live state, shared by the mount code and the views: what
//! its host element's attributes say (they are live: the mount code reads
//! them again when they change and [`Live::set`]s the result), and what its
//! sections have loaded (the mount code's start-up queue asks whether the
//! widget is still loading). Each part is a signal of its own, so that a
//! change tells only what depends on it.

use super::Load;
use crate::core::config::{Config, Misconfigured};
use crate::core::i18n::{Direction, Lang};
use crate::core::related::RelatedItem;
use crate::core::url::{LinkTemplate, MediaBase, PosterTemplate, SafeUrl};
use leptos::prelude::*;
use std::sync::Arc;

/// How a widget speaks and reads: what `lang` and `dir` change.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Look {
    /// The language of the widget's own words.
    pub lang: Lang,
    /// The language tag for dates; empty for the reader's default.
    pub locale: String,
    /// Which way it reads.
    pub dir: Direction,
    /// The attributes cannot work: the widget shows a message instead.
    pub misconfigured: bool,
}

/// Where slides' pictures and links point: the media base, the link
/// template and the poster template, which change without a refetch.
#[derive(Debug, Clone, PartialEq)]
pub struct Links {
    /// What `pic` paths are joined to.
    pub media_base: MediaBase,
    /// Where a slide links to.
    pub template: LinkTemplate,
    /// Where a video's poster is, for items without their own.
    pub posters: Option<PosterTemplate>,
}

/// The items of a loaded related feed.
pub type Items = Arc<Vec<RelatedItem>>;

/// A widget's state, as signals (see the module's documentation).
#[derive(Clone)]
pub struct Live {
    /// The article feed, if the widget shows one.
    pub article_src: ArcRwSignal<Option<SafeUrl>>,
    /// The related feed, if the widget shows one.
    pub related_src: ArcRwSignal<Option<SafeUrl>>,
    /// Its language and direction.
    pub look: ArcRwSignal<Look>,
    /// Where its slides point.
    pub links: ArcRwSignal<Option<Links>>,
    /// The article section's load, written by its loads.
    pub article: ArcRwSignal<Load>,
    /// The related section's load, written by its loads.
    pub related: ArcRwSignal<Load>,
}

/// Sets `signal` to `value` unless it holds that already.
fn change<T: PartialEq + Send + Sync + 'static>(signal: &ArcRwSignal<T>, value: T) {
    if signal.try_with_untracked(|old| *old != value) == Some(true) {
        signal.set(value);
    }
}

impl Live {
    /// A widget's state from its first reading of its attributes.
    pub fn new(config: Result<Config, Misconfigured>) -> Live {
        let live = Live {
            article_src: ArcRwSignal::new(None),
            related_src: ArcRwSignal::new(None),
            look: ArcRwSignal::new(Look {
                misconfigured: true,
                ..Look::default()
            }),
            links: ArcRwSignal::new(None),
            article: ArcRwSignal::new(Load::Loading),
            related: ArcRwSignal::new(Load::Loading),
        };
        live.set(config);
        live
    }

    /// Gives the widget what the attributes say now; only the parts that
    /// changed tell anyone.
    pub fn set(&self, config: Result<Config, Misconfigured>) {
        match config {
            Ok(c) => {
                change(&self.article_src, c.article);
                change(&self.related_src, c.related);
                change(
                    &self.links,
                    Some(Links {
                        media_base: c.media_base,
                        template: c.links,
                        posters: c.posters,
                    }),
                );
                change(
                    &self.look,
                    Look {
                        lang: c.lang,
                        locale: c.locale,
                        dir: c.dir,
                        misconfigured: false,
                    },
                );
            }
            Err(Misconfigured { lang, .. }) => {
                change(&self.article_src, None);
                change(&self.related_src, None);
                change(
                    &self.look,
                    Look {
                        lang,
                        misconfigured: true,
                        ..Look::default()
                    },
                );
            }
        }
    }

    /// Whether a section it shows is still loading (for the start-up
    /// queue, which lets a few widgets load at once).
    pub fn loading(&self) -> bool {
        let shown_and_loading = |src: &ArcRwSignal<Option<SafeUrl>>, loading: Option<bool>| {
            src.try_with_untracked(Option::is_some) == Some(true) && loading == Some(true)
        };
        shown_and_loading(
            &self.article_src,
            self.article.try_with_untracked(Load::is_loading),
        ) || shown_and_loading(
            &self.related_src,
            self.related.try_with_untracked(Load::is_loading),
        )
    }
}
