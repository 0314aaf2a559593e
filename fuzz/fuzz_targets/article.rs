//! The article parser: never panics; a parsed article has a title and no empty paragraph.
//! The input is read twice: as a whole article, and as the content of its
//! title string, whose escapes (lone surrogates included) must read as a
//! browser's `JSON.parse` reads them.
#![no_main]

#[path = "../common/json_string.rs"]
mod json_string;

use lede::core::article::parse_article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    as_title(text);
    if let Ok(article) = parse_article(text) {
        assert!(!article.title.trim().is_empty());
        assert!(article.body.iter().all(|p| !p.is_empty() && p.trim() == p));
    }
});

/// `text` as the content of the title string (and of a paragraph): when it
/// is a valid JSON string, the article shows exactly what a browser would.
fn as_title(text: &str) {
    let json = format!(r#"{{"title":"{text}","body":["{text}"]}}"#);
    let parsed = parse_article(&json);
    let Some(shown) = json_string::shown(text) else { return };
    // What a title shows is the string with its character references read.
    let shown = lede::core::entities::decode(&shown);
    let want = shown.trim();
    match parsed {
        Ok(article) => {
            assert_eq!(article.title, want, "{json:?}");
            assert_eq!(article.body, (!want.is_empty()).then(|| want.to_owned()).into_iter().collect::<Vec<_>>());
        }
        Err(e) => assert!(want.is_empty(), "{json:?} is an article: {}", e.detail()),
    }
}
