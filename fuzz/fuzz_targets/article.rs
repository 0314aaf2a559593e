//! The article parser: never panics; a parsed article has a title and no empty paragraph.
#![no_main]

use lede::core::article::parse_article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(article) = parse_article(text) {
        assert!(!article.title.trim().is_empty());
        assert!(article.body.iter().all(|p| !p.is_empty() && p.trim() == p));
    }
});
