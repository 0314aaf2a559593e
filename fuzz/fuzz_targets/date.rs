//! The date parser: never panics, and its RFC 3339 output parses back to the same instant.
#![no_main]

use lede::core::date::Published;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(p) = Published::parse(text) {
        assert_eq!(Published::parse(&p.rfc3339).as_ref(), Some(&p));
    }
});
