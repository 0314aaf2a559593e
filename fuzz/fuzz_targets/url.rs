//! URL handling: never panics, and every URL it gives is http(s) with a host.
#![no_main]

use lede::core::url::{encode_component, LinkTemplate, MediaBase, SafeUrl};
use libfuzzer_sys::fuzz_target;

fn check(u: Option<SafeUrl>) {
    if let Some(u) = u {
        let s = u.as_str();
        assert!(s.starts_with("https://") || s.starts_with("http://"), "{s:?}");
        assert!(u.origin().len() > "http://".len());
        assert!(!s.chars().any(|c| c.is_control()));
        assert_eq!(SafeUrl::parse(s).as_ref(), Some(&u), "a SafeUrl parses to itself");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The input is split in two: a base or template, and a reference.
    let (a, b) = text.split_once('\u{0}').unwrap_or((text, text));
    check(SafeUrl::parse(a));
    let page = SafeUrl::parse("https://news.example/world/story.html?x=1");
    let Some(page) = page else { return };
    check(page.resolve(b));
    check(MediaBase::new(&page).join(b));
    if let Some(base) = SafeUrl::parse(a) {
        check(MediaBase::new(&base).join(b));
        check(base.resolve(b));
    }
    let enc = encode_component(b);
    assert!(enc.bytes().all(|c| c.is_ascii_alphanumeric() || b"-_.!~*'()%".contains(&c)));
    if let Ok(t) = LinkTemplate::parse(a, &page) {
        check(t.link(b));
    }
});
