//! The related feed parser: never panics, and what it returns keeps its promises.
//! The input is read twice: as a whole feed, and as the content of an item's
//! title string, whose escapes (lone surrogates included) must read as a
//! browser's `JSON.parse` reads them, then its character references read.
#![no_main]

#[path = "../common/json_string.rs"]
mod json_string;

use lede::core::related::parse_related;
use lede::core::media::MediaKind;
use lede::core::surrogates::replace_lone_surrogates;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    as_title(text);
    let mended = replace_lone_surrogates(text);
    assert_eq!(mended.len(), text.len(), "replacements keep the length");
    assert_eq!(replace_lone_surrogates(&mended), mended, "a second pass changes nothing");
    let Ok(feed) = parse_related(text) else { return };
    let mut last_sort = Some(i64::MAX);
    for item in &feed.items {
        assert!(!item.id.trim().is_empty() && !item.title.trim().is_empty() && !item.pic.trim().is_empty());
        assert_eq!(item.media, MediaKind::of(&item.pic));
        match (last_sort, item.sort) {
            (Some(a), Some(b)) => assert!(a >= b, "sorted descending"),
            (None, Some(_)) => panic!("an unsorted item came before a sorted one"),
            _ => {}
        }
        last_sort = item.sort;
    }
    // The envelope gives the same answer as the bare text.
    let trimmed = text.strip_prefix('\u{feff}').unwrap_or(text).trim();
    if !trimmed.starts_with("string(") {
        let env = format!("string({}) \"{trimmed}\"", trimmed.len());
        assert_eq!(parse_related(&env).ok(), Some(feed));
    }
});

/// `text` as the content of a title string: when it is a valid JSON string,
/// the item shows exactly what a browser would.
fn as_title(text: &str) {
    let json = format!(r#"[{{"id":"1","pic":"/a.jpg","title":"{text}"}}]"#);
    let parsed = parse_related(&json);
    let Some(shown) = json_string::shown(text) else { return };
    // What a title shows is the string with its character references read.
    let shown = lede::core::entities::decode(&shown);
    let feed = parsed.unwrap_or_else(|e| panic!("{json:?} is JSON: {}", e.detail()));
    let want = shown.trim();
    let got = feed.items.first().map(|i| i.title.as_str());
    assert_eq!(got, (!want.is_empty()).then_some(want), "{json:?}");
}
