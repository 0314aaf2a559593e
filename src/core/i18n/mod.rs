//! The widget's own words, in the languages it speaks, chosen by a BCP 47
//! `lang` tag (from the host element or an ancestor), with the publisher's
//! own words (`data-heading`, `data-text-<key>`) over them.
//!
//! - [`language`]: the languages, and which one a tag asks for;
//! - [`tables`]: every language's words;
//! - [`text`]: the texts, one key each;
//! - [`own`]: the publisher's words;
//! - [`lang`]: a widget's language ([`Lang`]), and its texts;
//! - [`digits`]: a locale's digits, and numbers written with them;
//! - [`lexicon`]: the words files a page has learnt ([`Lexicon`]), the
//!   only state here, owned by the mount code for the page.

pub mod digits;
pub mod lang;
pub mod language;
pub mod lexicon;
pub mod own;
pub mod tables;
pub mod text;

pub use lang::{slide_label, slide_label_with, Lang};
pub use language::{intl_tag, Direction, Language};
pub use lexicon::{Lexicon, Ready, FETCH_AGAIN_MS};
pub use own::{HEADING_ATTR, TEXT_ATTR_PREFIX};
pub use text::{Text, SLIDE_POSITION_KEY};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
