//! What a page has learnt of the languages whose words are not built in:
//! each one's words, fetched once from `words/<code>.txt` beside the code,
//! or that the file could not be had.
//!
//! This is the only state of the languages, and it is not global: one
//! [`Lexicon`] is owned by the mount code's registry, for the page. It
//! holds at most one entry per language (ten at most, a few hundred bytes
//! each); a widget's [`Lang`](super::Lang) shares the words it speaks, so
//! nothing here grows with the widgets a page mounts.

use super::language::Language;
use super::own::unusable;
use super::tables::{nth, ARABIC, ENGLISH};
use super::text::WORDS;
use crate::core::scan::split;
use std::sync::Arc;

/// A language's words as a widget holds them: built in, or learnt.
#[derive(Debug, Clone)]
pub(super) enum Packed {
    /// Compiled in.
    Built(&'static str),
    /// From its words file, shared by every widget that speaks it.
    Learnt(Arc<str>),
}

impl Packed {
    pub(super) fn as_str(&self) -> &str {
        match self {
            Packed::Built(s) => s,
            Packed::Learnt(s) => s,
        }
    }
}

impl PartialEq for Packed {
    fn eq(&self, other: &Packed) -> bool {
        self.as_str() == other.as_str()
    }
}

/// What is known of a language that is not built in.
#[derive(Debug, Clone)]
enum Known {
    /// Its words.
    Words(Arc<str>),
    /// Its file is being fetched; `again` when an earlier fetch failed.
    Fetching { again: bool },
    /// Its file could not be had (English is spoken instead), at this
    /// time (ms).
    Failed { at_ms: f64 },
}

/// How long after a words file failed a widget's mount may fetch it again
/// (ms): a page mounting many widgets in that language does not ask for it
/// once for each.
pub const FETCH_AGAIN_MS: f64 = 10_000.0;

/// What a widget in a language may do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ready {
    /// Speak: its words are here (or built in).
    Speak,
    /// Fetch the words file, then speak; nobody has asked for it yet.
    Fetch,
    /// Wait: the words are on their way for the first time.
    Wait,
    /// Speak English now: the file could not be had (a while ago); fetch it
    /// again, and speak the language once it comes.
    FetchAgain,
    /// Speak English now: the file could not be had (just now, or it is
    /// being fetched again).
    English,
}

/// The words files a page has learnt (see the module's documentation).
#[derive(Debug, Default)]
pub struct Lexicon {
    known: Vec<(Language, Known)>,
}

impl Lexicon {
    fn known(&self, language: Language) -> Option<&Known> {
        self.known
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, k)| k)
    }

    fn set(&mut self, language: Language, known: Known) {
        match self.known.iter_mut().find(|(l, _)| *l == language) {
            Some(entry) => entry.1 = known,
            None => self.known.push((language, known)),
        }
    }

    /// What a widget in `language` may do at `now_ms`.
    ///
    /// ```
    /// use lede::core::i18n::{Language, Lexicon, Ready};
    /// let mut lexicon = Lexicon::default();
    /// assert_eq!(lexicon.ready(Language::Ar, 0.0), Ready::Speak);
    /// assert_eq!(lexicon.ready(Language::Tr, 0.0), Ready::Fetch);
    /// lexicon.fetching(Language::Tr);
    /// assert_eq!(lexicon.ready(Language::Tr, 0.0), Ready::Wait);
    /// assert!(lexicon.learn(Language::Tr, None, 100.0).is_err());
    /// assert_eq!(lexicon.ready(Language::Tr, 200.0), Ready::English);
    /// assert_eq!(lexicon.ready(Language::Tr, 20_000.0), Ready::FetchAgain);
    /// lexicon.fetching(Language::Tr);
    /// assert_eq!(lexicon.ready(Language::Tr, 20_000.0), Ready::English);
    /// ```
    pub fn ready(&self, language: Language, now_ms: f64) -> Ready {
        if language.built_in() {
            return Ready::Speak;
        }
        match self.known(language) {
            None => Ready::Fetch,
            Some(Known::Words(_)) => Ready::Speak,
            Some(Known::Fetching { again: false }) => Ready::Wait,
            Some(Known::Fetching { again: true }) => Ready::English,
            Some(Known::Failed { at_ms }) if now_ms - at_ms >= FETCH_AGAIN_MS => Ready::FetchAgain,
            Some(Known::Failed { .. }) => Ready::English,
        }
    }

    /// Its words file is being fetched.
    pub fn fetching(&mut self, language: Language) {
        let again = matches!(self.known(language), Some(Known::Failed { .. }));
        self.set(language, Known::Fetching { again });
    }

    /// Takes `language`'s words from the text of its `words/<code>.txt` (its
    /// words one a line, in the keys' order), or learns that the file could
    /// not be had (`None`). A file that is not exactly that is not used
    /// either: English is spoken instead, and the error says why.
    ///
    /// # Errors
    /// Why the file is not used.
    ///
    /// ```
    /// use lede::core::i18n::{Lang, Language, Lexicon, Text};
    /// let mut lexicon = Lexicon::default();
    /// assert_eq!(lexicon.learn(Language::Tr, Some("Haberler\n"), 0.0), Err("not one word a line"));
    /// let (tr, _) = Lang::new("tr", &[], &lexicon);
    /// assert_eq!(Text::Retry.get(&tr), "Retry");
    /// ```
    pub fn learn(
        &mut self,
        language: Language,
        text: Option<&str>,
        now_ms: f64,
    ) -> Result<(), &'static str> {
        let words = text.map(|t| t.strip_suffix("\n").unwrap_or(t));
        let why = match words {
            None => Some("could not be fetched"),
            Some(w) if split(w, b"\n").count() != WORDS => Some("not one word a line"),
            Some(w) => (0..WORDS).find_map(|i| unusable(i, nth(w, i))),
        };
        match (words, why) {
            (Some(w), None) => {
                self.set(language, Known::Words(Arc::from(w)));
                Ok(())
            }
            (_, why) => {
                self.set(language, Known::Failed { at_ms: now_ms });
                Err(why.unwrap_or("could not be fetched"))
            }
        }
    }

    /// The words a widget in `language` speaks: built in, or learnt; until
    /// they are, and when they could not be had, English's. Natively (tests,
    /// doc examples) every table is at hand until a file is learnt.
    pub(super) fn words(&self, language: Language) -> Packed {
        match (language, self.known(language)) {
            (Language::En, _) => Packed::Built(ENGLISH),
            (Language::Ar, _) => Packed::Built(ARABIC),
            (_, Some(Known::Words(w))) => Packed::Learnt(w.clone()),
            #[cfg(not(target_arch = "wasm32"))]
            (_, None) => Packed::Built(language.table().packed),
            _ => Packed::Built(ENGLISH),
        }
    }
}
