//! The languages Lede speaks, and which one a BCP 47 `lang` tag asks for.

use super::tables;
use crate::core::scan::before;

/// A language Lede has words for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English, also the fallback for languages Lede does not have.
    #[default]
    En,
    /// Arabic.
    Ar,
    /// Persian.
    Fa,
    /// Urdu.
    Ur,
    /// Hebrew.
    He,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// German.
    De,
    /// Portuguese (Brazilian wording).
    Pt,
    /// Russian.
    Ru,
    /// Turkish.
    Tr,
    /// Indonesian.
    Id,
}

/// The languages' codes, one a line in [`Language::ALL`]'s order.
const CODES: &str = "en\nar\nfa\nur\nhe\nfr\nes\nde\npt\nru\ntr\nid";

impl Language {
    /// Every language, in the README's order.
    pub const ALL: [Language; 12] = [
        Language::En,
        Language::Ar,
        Language::Fa,
        Language::Ur,
        Language::He,
        Language::Fr,
        Language::Es,
        Language::De,
        Language::Pt,
        Language::Ru,
        Language::Tr,
        Language::Id,
    ];

    /// The language of a `lang` attribute value: its primary subtag decides,
    /// case-insensitively (`fr`, `fr-CA`, `FR` are French); a language Lede
    /// does not have is English.
    ///
    /// ```
    /// use lede::core::i18n::Language;
    /// assert_eq!(Language::from_tag("fr-CA"), Language::Fr);
    /// assert_eq!(Language::from_tag("FA"), Language::Fa);
    /// assert_eq!(Language::from_tag("zh-Hant"), Language::En);
    /// assert_eq!(Language::from_tag(""), Language::En);
    /// ```
    pub fn from_tag(tag: &str) -> Language {
        let primary = primary_subtag(tag);
        Language::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.code()))
            .unwrap_or_default()
    }

    /// Whether its words are in the widget's code: English (the fallback)
    /// and Arabic (the seed's language). The others come from
    /// `words/<code>.txt` beside the code when a widget first speaks them
    /// (see [`Lexicon`](super::Lexicon)), so that a reader downloads one
    /// language's words, not twelve.
    pub fn built_in(self) -> bool {
        matches!(self, Language::En | Language::Ar)
    }

    /// The language's table, where its words are written: compiled in for
    /// every language natively, where tests read them all; the widget's
    /// code keeps only the [built-in](Language::built_in) ones (the others
    /// are never named there).
    pub fn table(self) -> &'static tables::Words {
        match self {
            Language::En => &tables::EN,
            Language::Ar => &tables::AR,
            Language::Fa => &tables::FA,
            Language::Ur => &tables::UR,
            Language::He => &tables::HE,
            Language::Fr => &tables::FR,
            Language::Es => &tables::ES,
            Language::De => &tables::DE,
            Language::Pt => &tables::PT,
            Language::Ru => &tables::RU,
            Language::Tr => &tables::TR,
            Language::Id => &tables::ID,
        }
    }

    /// Its ISO 639-1 code, the primary subtag that selects it.
    pub fn code(self) -> &'static str {
        tables::nth(CODES, self as usize)
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(
            self,
            Language::Ar | Language::Fa | Language::Ur | Language::He
        )
    }
}

/// Which way a widget reads: its words, and its carousel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left: the carousel starts at the right, and its arrow keys
    /// follow.
    Rtl,
}

impl Direction {
    /// The value of a `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl Language {
    /// The way it is written.
    pub fn direction(self) -> Direction {
        if self.is_rtl() {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }
}

/// `tag` as `Intl` reads it: trimmed, its subtags joined by `-` (it
/// refuses `ar_EG` with a RangeError, and dates and digits would then be
/// the reader's own).
///
/// ```
/// assert_eq!(lede::core::i18n::intl_tag(" fa_IR "), "fa-IR");
/// ```
pub fn intl_tag(tag: &str) -> String {
    tag.trim()
        .chars()
        .map(|c| if c == '_' { '-' } else { c })
        .collect()
}

/// The primary subtag of a language tag (`fr` of ` fr-CA`).
pub(super) fn primary_subtag(tag: &str) -> &str {
    before(tag.trim(), b"-_")
}
