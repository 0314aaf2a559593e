//! Media kind of a related item, from the extension of its `pic` path
//! (docs/feeds.md): any string, absolute URL or path.

use super::scan::{find, find_any, rsplit_once, split_once};

/// How a thumbnail is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaKind {
    /// `<img>`: jpg jpeg png gif webp avif.
    Image,
    /// `<video muted playsinline>`: mp4 webm m4v mov ogv.
    Video,
    /// Anything else, or no extension: a neutral placeholder tile.
    Unknown,
}

const IMAGE: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif"];
const VIDEO: &[&str] = &["mp4", "webm", "m4v", "mov", "ogv"];

impl MediaKind {
    /// The kind of `pic`, from the extension of its last path segment, after
    /// dropping any `?query` and `#fragment`, compared case-insensitively.
    ///
    /// ```
    /// use lede::core::media::MediaKind;
    /// assert_eq!(MediaKind::of("/2016/08/27/a_4x3.JPG?w=300"), MediaKind::Image);
    /// assert_eq!(MediaKind::of("/a/x.jpg.mp4"), MediaKind::Video);
    /// assert_eq!(MediaKind::of("/a.b/eleven"), MediaKind::Unknown);
    /// assert_eq!(MediaKind::of("https://cdn.jpg"), MediaKind::Unknown);
    /// ```
    pub fn of(pic: &str) -> MediaKind {
        let end = find_any(pic, b"?#").unwrap_or(pic.len());
        let path = pic.get(..end).unwrap_or("");
        // In an absolute or protocol-relative URL the host is not a path
        // segment: `https://cdn.jpg` has no file name at all.
        let after_host = find(path, "//").and_then(|at| {
            let scheme = path.get(..at)?;
            let rest = path.get(at + 2..)?;
            (scheme.is_empty() || scheme.ends_with(':'))
                .then(|| split_once(rest, b"/").map_or("", |(_, p)| p))
        });
        let path = after_host.unwrap_or(path);
        let name = rsplit_once(path, b"/").map_or(path, |(_, n)| n);
        let Some((stem, ext)) = rsplit_once(name, b".") else {
            return MediaKind::Unknown;
        };
        if stem.is_empty() {
            // `.mp4` is a hidden file's name, not a file with an extension.
            return MediaKind::Unknown;
        }
        let is = |list: &[&str]| list.iter().any(|e| e.eq_ignore_ascii_case(ext));
        if is(IMAGE) {
            MediaKind::Image
        } else if is(VIDEO) {
            MediaKind::Video
        } else {
            MediaKind::Unknown
        }
    }

    /// The value of the slide's `data-media` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Unknown => "unknown",
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::MediaKind::{self, *};
    use proptest::prelude::*;

    #[test]
    fn design_table() {
        let cases: &[(&str, MediaKind)] = &[
            // Every extension docs/feeds.md lists, lower and upper case.
            ("/a.jpg", Image),
            ("/a.jpeg", Image),
            ("/a.png", Image),
            ("/a.gif", Image),
            ("/a.webp", Image),
            ("/a.avif", Image),
            ("/a.JPG", Image),
            ("/a.JpEg", Image),
            ("/a.AVIF", Image),
            ("/a.mp4", Video),
            ("/a.webm", Video),
            ("/a.m4v", Video),
            ("/a.mov", Video),
            ("/a.ogv", Video),
            ("/a.MP4", Video),
            ("/a.WebM", Video),
            // Anything else, or no extension.
            ("/a.svg", Unknown),
            ("/a.txt", Unknown),
            ("/a.mp3", Unknown),
            ("/a", Unknown),
            ("", Unknown),
            ("/", Unknown),
            ("a.", Unknown),
            (".", Unknown),
            (".mp4", Unknown),
            ("/dir/.jpg", Unknown),
            // Only the last segment counts.
            ("/a.b/eleven", Unknown),
            ("/a.jpg/eleven", Unknown),
            ("/a/x.mp4.txt", Unknown),
            ("/a/x.jpg.mp4", Video),
            ("/a/x.mp4.jpg", Image),
            // Query and fragment are dropped first.
            ("/a.jpg?x=1", Image),
            ("/a.mp4#t=2", Video),
            ("/a?file=b.jpg", Unknown),
            ("/a#b.mp4", Unknown),
            ("/a.mp4?x=y.jpg#z.txt", Video),
            ("/a.jpg#?x.mp4", Image),
            // Absolute and protocol-relative URLs: the host is no file name.
            ("https://media.example/2016/a.mp4", Video),
            ("//media.example/a.jpg", Image),
            ("https://cdn.jpg", Unknown),
            ("https://cdn.jpg/", Unknown),
            ("//cdn.mp4?x", Unknown),
            // Unicode around the extension.
            ("/صور/خبر.jpg", Image),
            ("/a.jpg\u{0301}", Unknown),
            ("/é.WEBP", Image),
            // The seed.
            ("/2016/08/27/alalam_636078979081121458_25f_4x3.jpg", Image),
            ("/2016/08/27/alalam_636079270218421892_25f_4x3.mp4", Video),
        ];
        for (pic, want) in cases {
            assert_eq!(MediaKind::of(pic), *want, "pic {pic:?}");
        }
    }

    #[test]
    fn attribute_values() {
        assert_eq!(Image.as_str(), "image");
        assert_eq!(Video.as_str(), "video");
        assert_eq!(Unknown.as_str(), "unknown");
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = MediaKind::of(&s);
        }

        #[test]
        fn query_and_fragment_never_change_the_kind(
            path in "[a-z/._]{0,20}", tail in "[?#][ -~]{0,20}"
        ) {
            prop_assert_eq!(MediaKind::of(&path), MediaKind::of(&format!("{path}{tail}")));
        }
    }
}
