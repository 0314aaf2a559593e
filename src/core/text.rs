//! The widget's own words, in the languages it speaks, chosen by a BCP 47
//! `lang` tag (from the host element or `<html>`).

/// A language Lede has texts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English, also the fallback for languages Lede does not have.
    #[default]
    En,
    /// Arabic.
    Ar,
}

impl Lang {
    /// The language of a `lang` attribute value: its primary subtag decides,
    /// case-insensitively (`ar`, `ar-EG`, `AR` are Arabic); anything else is
    /// English.
    ///
    /// ```
    /// use lede::core::text::Lang;
    /// assert_eq!(Lang::from_tag("ar-EG"), Lang::Ar);
    /// assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    /// assert_eq!(Lang::from_tag("fr"), Lang::En);
    /// ```
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("ar") {
            Lang::Ar
        } else {
            Lang::En
        }
    }
}

/// One of the widget's own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The carousel's accessible name.
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
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Ar => self.ar(),
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::RelatedStories => "Related stories",
            Text::Previous => "Previous stories",
            Text::Next => "Next stories",
            Text::Video => "Video",
            Text::PlayVideo => "Play video",
            Text::PauseVideo => "Pause video",
            Text::Retry => "Retry",
            Text::LoadingArticle => "Loading the article…",
            Text::LoadingRelated => "Loading related stories…",
            Text::ArticleFailed => "This article could not be loaded.",
            Text::ArticleTimedOut => "This article is taking too long to load.",
            Text::ArticleOffline => "This article could not be loaded. Check your connection.",
            Text::RelatedFailed => "Related stories could not be loaded.",
            Text::RelatedTimedOut => "Related stories are taking too long to load.",
            Text::RelatedOffline => "Related stories could not be loaded. Check your connection.",
            Text::Misconfigured => "This news widget is not set up correctly.",
        }
    }

    fn ar(self) -> &'static str {
        match self {
            Text::RelatedStories => "أخبار ذات صلة",
            Text::Previous => "الأخبار السابقة",
            Text::Next => "الأخبار التالية",
            Text::Video => "فيديو",
            Text::PlayVideo => "تشغيل الفيديو",
            Text::PauseVideo => "إيقاف الفيديو مؤقتًا",
            Text::Retry => "إعادة المحاولة",
            Text::LoadingArticle => "جارٍ تحميل المقال…",
            Text::LoadingRelated => "جارٍ تحميل الأخبار ذات الصلة…",
            Text::ArticleFailed => "تعذّر تحميل هذا المقال.",
            Text::ArticleTimedOut => "يستغرق تحميل هذا المقال وقتًا أطول من المعتاد.",
            Text::ArticleOffline => "تعذّر تحميل هذا المقال. تحقّق من اتصالك بالإنترنت.",
            Text::RelatedFailed => "تعذّر تحميل الأخبار ذات الصلة.",
            Text::RelatedTimedOut => "يستغرق تحميل الأخبار ذات الصلة وقتًا أطول من المعتاد.",
            Text::RelatedOffline => "تعذّر تحميل الأخبار ذات الصلة. تحقّق من اتصالك بالإنترنت.",
            Text::Misconfigured => "لم يُضبط عنصر الأخبار هذا بشكل صحيح.",
        }
    }
}

/// The accessible label of slide `position` (0-based) of `total`:
/// "3 of 8", "٣ من ٨" is not used: Arabic news sites write Western digits.
///
/// ```
/// use lede::core::text::{slide_label, Lang};
/// assert_eq!(slide_label(Lang::En, 0, 8), "1 of 8");
/// assert_eq!(slide_label(Lang::Ar, 9998, 10000), "9999 من 10000");
/// ```
pub fn slide_label(lang: Lang, position: usize, total: usize) -> String {
    let word = match lang {
        Lang::En => " of ",
        Lang::Ar => " من ",
    };
    let mut s = position.saturating_add(1).to_string();
    s.push_str(word);
    s.push_str(&total.to_string());
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const ALL: [Text; 16] = [
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

    #[test]
    fn every_text_exists_in_both_languages_and_differs() {
        for t in ALL {
            let (en, ar) = (t.get(Lang::En), t.get(Lang::Ar));
            assert!(!en.is_empty() && !ar.is_empty(), "{t:?}");
            assert_ne!(en, ar, "{t:?}");
            assert!(
                ar.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
                "{t:?} Arabic text has Arabic letters"
            );
        }
        let mut en: Vec<_> = ALL.iter().map(|t| t.get(Lang::En)).collect();
        en.sort_unstable();
        en.dedup();
        assert_eq!(en.len(), ALL.len(), "no two texts are the same");
    }

    #[test]
    fn language_tags() {
        for (tag, want) in [
            ("ar", Lang::Ar),
            ("AR", Lang::Ar),
            ("ar-EG", Lang::Ar),
            ("ar_SA", Lang::Ar),
            (" ar ", Lang::Ar),
            ("en", Lang::En),
            ("", Lang::En),
            ("arz", Lang::En),
            ("fr-ar", Lang::En),
        ] {
            assert_eq!(Lang::from_tag(tag), want, "tag {tag:?}");
        }
    }

    #[test]
    fn slide_labels() {
        assert_eq!(slide_label(Lang::En, 0, 8), "1 of 8");
        assert_eq!(slide_label(Lang::En, 7, 8), "8 of 8");
        assert_eq!(slide_label(Lang::En, 9998, 10000), "9999 of 10000");
        assert_eq!(slide_label(Lang::Ar, 2, 8), "3 من 8");
    }
}
