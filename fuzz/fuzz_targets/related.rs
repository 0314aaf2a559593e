//! The related feed parser: never panics, and what it returns keeps its promises.
#![no_main]

use lede::core::feed::parse_related;
use lede::core::media::MediaKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
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
