//! A widget's language: the words it speaks (its language's, with the
//! publisher's over them), the tag numbers and dates are written with, and
//! its direction.

use super::language::{intl_tag, primary_subtag, Language};
use super::lexicon::{Lexicon, Packed};
use super::own::{fill, read};
use super::tables::nth;
use super::text::Text;
use std::sync::Arc;

/// Everything a [`Lang`] stands for.
#[derive(Debug, PartialEq)]
struct Speech {
    language: Language,
    /// The language's words: built in, learnt, or English's.
    words: Packed,
    /// The tag numbers are written with, when it is not the language's
    /// code: the `lang` tag as given (trimmed), if its language is the one
    /// spoken.
    numbers: String,
    /// The publisher's words, one a line in the keys' order (an empty
    /// line: the language's), or empty when it gave none.
    own: String,
}

/// A widget's language. Each widget holds its own, with its publisher's
/// words, and frees them with itself; cloning one shares it.
#[derive(Debug, Clone, PartialEq)]
pub struct Lang(Arc<Speech>);

impl Default for Lang {
    fn default() -> Lang {
        Lang::with(
            Language::En,
            Packed::Built(super::tables::ENGLISH),
            "",
            String::new(),
        )
    }
}

impl Lang {
    fn with(language: Language, words: Packed, numbers: &str, own: String) -> Lang {
        Lang(Arc::new(Speech {
            language,
            words,
            numbers: numbers.to_owned(),
            own,
        }))
    }

    /// English, with no tag and no publisher's words.
    pub fn en() -> Lang {
        Lang::default()
    }

    /// The widget's language for a `lang` tag, with the publisher's own
    /// words: `(name, value)` of its `data-text-<key>` and `data-heading`
    /// attributes, in order (a word given twice: the last one counts), and
    /// the words `lexicon` has learnt.
    ///
    /// Returns the language and a console line for each word not used: an
    /// unknown key, an empty value, one that looks like HTML (`<`: the
    /// widget shows text, never markup), or a slide-position pattern without
    /// `{n}` and `{total}`. Values are trimmed; a line break in one is a
    /// space.
    ///
    /// ```
    /// use lede::core::i18n::{Lang, Lexicon, Text};
    /// let (lang, notes) = Lang::new(
    ///     "en",
    ///     &[("data-heading", "More from The Meridian"), ("data-text-retyr", "Again")],
    ///     &Lexicon::default(),
    /// );
    /// assert_eq!(Text::RelatedStories.get(&lang), "More from The Meridian");
    /// assert_eq!(notes, ["lede: data-text-retyr is not used: unknown key"]);
    /// ```
    pub fn new(tag: &str, words: &[(&str, &str)], lexicon: &Lexicon) -> (Lang, Vec<String>) {
        let (own, notes) = read(words);
        // `Intl` refuses `fa_IR` (the digits would be the reader's own).
        let tag = intl_tag(tag);
        let language = Language::from_tag(&tag);
        let numbers = if primary_subtag(&tag).eq_ignore_ascii_case(language.code()) {
            &tag
        } else {
            ""
        };
        let lang = Lang::with(language, lexicon.words(language), numbers, own);
        (lang, notes)
    }

    /// The widget's language for a `lang` tag, with the built-in words only
    /// (natively: every table).
    ///
    /// ```
    /// use lede::core::i18n::{Lang, Language, Text};
    /// let he = Lang::from_tag("he-IL");
    /// assert_eq!(he.language(), Language::He);
    /// assert!(he.is_rtl());
    /// assert_eq!(Text::Retry.get(&Lang::from_tag("fr-CA")), "Réessayer");
    /// assert_eq!(Text::Retry.get(&Lang::from_tag("zh")), "Retry");
    /// ```
    pub fn from_tag(tag: &str) -> Lang {
        Lang::new(tag, &[], &Lexicon::default()).0
    }

    /// Which built-in words.
    pub fn language(&self) -> Language {
        self.0.language
    }

    /// Written right to left (when no `dir` says otherwise).
    pub fn is_rtl(&self) -> bool {
        self.0.language.is_rtl()
    }

    /// The tag to format numbers with: the `lang` tag when its language is
    /// the one spoken (so `ar-u-nu-latn` keeps its Latin digits), else the
    /// language's code (English words get English numbers on a `zh` page).
    pub fn number_tag(&self) -> &str {
        let Speech {
            language, numbers, ..
        } = &*self.0;
        if numbers.is_empty() {
            language.code()
        } else {
            numbers
        }
    }

    /// Word `i` in the keys' order: the publisher's, else the language's.
    fn word(&self, i: usize) -> &str {
        match nth(&self.0.own, i) {
            "" => nth(self.0.words.as_str(), i),
            own => own,
        }
    }
}

impl Text {
    /// The text in `lang`: the publisher's own words if it gave some, else
    /// the language's.
    pub fn get(self, lang: &Lang) -> &str {
        lang.word(self as usize)
    }
}

/// The accessible label of slide `position` (0-based) of `total`, with the
/// numbers written by `number` (the browser layer formats them in the
/// widget's locale).
///
/// ```
/// use lede::core::i18n::{slide_label_with, Lang};
/// let n = |n: usize| n.to_string();
/// assert_eq!(slide_label_with(&Lang::en(), 0, 8, &n), "1 of 8");
/// assert_eq!(slide_label_with(&Lang::from_tag("ur"), 2, 8, &n), "8 میں سے 3");
/// ```
pub fn slide_label_with(
    lang: &Lang,
    position: usize,
    total: usize,
    number: &dyn Fn(usize) -> String,
) -> String {
    fill(
        lang.word(Text::ALL.len()),
        &number(position.saturating_add(1)),
        &number(total),
    )
}

/// The accessible label of slide `position` (0-based) of `total`, with
/// ASCII digits.
///
/// ```
/// use lede::core::i18n::{slide_label, Lang};
/// assert_eq!(slide_label(&Lang::en(), 0, 8), "1 of 8");
/// assert_eq!(slide_label(&Lang::from_tag("ar"), 9998, 10000), "9999 من 10000");
/// ```
pub fn slide_label(lang: &Lang, position: usize, total: usize) -> String {
    slide_label_with(lang, position, total, &|n| n.to_string())
}
