//! Media kind: never panics, and a query or fragment never changes the answer.
#![no_main]

use lede::core::media::MediaKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let kind = MediaKind::of(text);
    if !text.contains(['?', '#']) {
        assert_eq!(MediaKind::of(&format!("{text}?q=x.mp4#y.jpg")), kind);
    }
});
