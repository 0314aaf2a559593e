//! The widget's own texts, one word per idea: each has a key, which is
//! also its `data-text-<key>` attribute and its line in every table.

use super::tables::{nth, Words};

/// One of the widget's own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The carousel's heading and accessible name.
    RelatedStories,
    /// The previous button's accessible name.
    Previous,
    /// The next button's accessible name.
    Next,
    /// Said before a video tile's title.
    Video,
    /// The play button of a video tile.
    PlayVideo,
    /// The same button while the video plays.
    PauseVideo,
    /// The retry button.
    Retry,
    /// Announced while the article loads.
    LoadingArticle,
    /// Announced while related stories load.
    LoadingRelated,
    /// The article failed.
    ArticleFailed,
    /// The article took longer than the timeout.
    ArticleTimedOut,
    /// The article could not be reached at all.
    ArticleOffline,
    /// The related feed failed.
    RelatedFailed,
    /// The related feed took longer than the timeout.
    RelatedTimedOut,
    /// The related feed could not be reached at all.
    RelatedOffline,
    /// The embed's attributes are unusable.
    Misconfigured,
}

impl Text {
    /// Every text.
    pub const ALL: [Text; 16] = [
        Text::RelatedStories,
        Text::Previous,
        Text::Next,
        Text::Video,
        Text::PlayVideo,
        Text::PauseVideo,
        Text::Retry,
        Text::LoadingArticle,
        Text::LoadingRelated,
        Text::ArticleFailed,
        Text::ArticleTimedOut,
        Text::ArticleOffline,
        Text::RelatedFailed,
        Text::RelatedTimedOut,
        Text::RelatedOffline,
        Text::Misconfigured,
    ];

    /// The text in a language's table.
    pub fn of(self, w: &'static Words) -> &'static str {
        nth(w.packed, self as usize)
    }

    /// Its key in `data-text-<key>` (kebab-case).
    pub fn key(self) -> &'static str {
        nth(KEYS, self as usize)
    }
}

/// The keys of `data-text-<key>`, in [`Text`]'s order, then the
/// slide-position pattern's, one a line.
pub(super) const KEYS: &str =
    "related-stories\nprevious\nnext\nvideo\nplay-video\npause-video\nretry\n\
loading-article\nloading-related\narticle-failed\narticle-timed-out\narticle-offline\n\
related-failed\nrelated-timed-out\nrelated-offline\nmisconfigured\nslide-position";

/// How many words a language has, and a publisher can set: the texts and
/// the pattern.
pub(super) const WORDS: usize = Text::ALL.len() + 1;

/// The key of the slide-position pattern in `data-text-<key>`.
pub const SLIDE_POSITION_KEY: &str = "slide-position";
