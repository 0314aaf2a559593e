// URL vectors, shared by the native unit tests of `src/core/url.rs` (which
// check Lede's answers) and the component tests in `tests/web.rs` (which
// check, in Chromium, that the browser's URL parser agrees with them).
// Included with `include!`, so this file holds items only.

/// `SafeUrl::parse(input)`: the URL Lede keeps, or `None`.
pub const PARSE: &[(&str, Option<&str>)] = &[
    ("https://a.example/x", Some("https://a.example/x")),
    ("http://a.example", Some("http://a.example")),
    ("HTTP://A.example/X", Some("http://A.example/X")),
    (
        "hTtPs://a.example:8443/x?y#z",
        Some("https://a.example:8443/x?y#z"),
    ),
    ("//a.example/x.jpg", Some("https://a.example/x.jpg")),
    ("  https://a.example/x \n", Some("https://a.example/x")),
    ("ht\ttps://a.exa\nmple/x", Some("https://a.example/x")),
    ("https://[::1]:8080/x", Some("https://[::1]:8080/x")),
    ("https://127.0.0.1:8080", Some("https://127.0.0.1:8080")),
    ("https://a.example:/x", Some("https://a.example:/x")),
    (
        "https://صحيفة.example/خبر",
        Some("https://صحيفة.example/خبر"),
    ),
    // A backslash is a slash before the query in an http(s) URL, as the
    // browser reads it.
    ("http:\\\\evil.example", Some("http://evil.example")),
    ("https:\\\\a.example\\x\\y", Some("https://a.example/x/y")),
    ("https://a.example\\x?q=\\#\\", Some("https://a.example/x?q=\\#\\")),
    ("\\\\a.example/x", Some("https://a.example/x")),
    // Not http(s), or no host, or not a URL.
    ("javascript:alert(1)", None),
    (" JaVa\tScript:alert(1)", None),
    ("java\nscript:alert(1)", None),
    ("\u{1}javascript:alert(1)", None),
    ("JAVASCRIPT:alert(1)", None),
    ("data:image/png;base64,AAAA", None),
    ("vbscript:msgbox(1)", None),
    ("ftp://a.example/x", None),
    ("file:///etc/passwd", None),
    ("https:a.example", None),
    ("https:/a.example", None),
    ("https://", None),
    ("https:///x", None),
    ("https://a.example:99999/", None),
    ("https://a.example:8o/", None),
    ("https://a b.example/", None),
    ("https://a.example\u{7f}/", None),
    ("https://a.example/\u{0}x", None),
    ("https://[::1/x", None),
    ("https://@/x", None),
    // User information is never kept: the browser refuses it in a fetch.
    ("https://user:pw@a.example/", None),
    ("https://user@a.example/", None),
    ("https://a.example@evil.example/", None),
    ("///evil.example", None),
    ("/path", None),
    ("path", None),
    ("", None),
    ("   ", None),
];

/// The page every `RESOLVE` reference is resolved against.
pub const PAGE: &str = "https://news.example/world/2016/story.html?x=1#top";

/// `SafeUrl::parse(PAGE).resolve(reference)`.
pub const RESOLVE: &[(&str, Option<&str>)] = &[
    ("/news/1", Some("https://news.example/news/1")),
    ("news/1", Some("https://news.example/world/2016/news/1")),
    (
        "../news/1",
        Some("https://news.example/world/2016/../news/1"),
    ),
    (
        "?id=2",
        Some("https://news.example/world/2016/story.html?id=2"),
    ),
    (
        "#end",
        Some("https://news.example/world/2016/story.html?x=1#end"),
    ),
    ("", Some("https://news.example/world/2016/story.html?x=1")),
    ("//cdn.example/a", Some("https://cdn.example/a")),
    ("http://other.example/b", Some("http://other.example/b")),
    // Backslashes are slashes: these leave the page's host, as in the
    // browser, instead of staying on it.
    ("\\\\evil.example\\x", Some("https://evil.example/x")),
    ("/\\evil.example/f.json", Some("https://evil.example/f.json")),
    ("\\/evil.example/f.json", Some("https://evil.example/f.json")),
    ("\\news\\1", Some("https://news.example/news/1")),
    ("a\\b?c\\d", Some("https://news.example/world/2016/a/b?c\\d")),
    ("1:x", Some("https://news.example/world/2016/1:x")),
    ("javascript:alert(1)", None),
    (" data:text/html,<b>", None),
    ("mailto:a@b.example", None),
    ("//", None),
    ("//user:pw@cdn.example/a", None),
    ("///evil.example/f.json", None),
];

/// The media base every `JOIN` pic is joined to.
pub const MEDIA_BASE: &str = "https://media.example/uploads";

/// `MediaBase::new(MEDIA_BASE).join(pic)`.
pub const JOIN: &[(&str, Option<&str>)] = &[
    (
        "/2016/08/27/a.jpg",
        Some("https://media.example/uploads/2016/08/27/a.jpg"),
    ),
    (
        "2016/08/27/a.jpg",
        Some("https://media.example/uploads/2016/08/27/a.jpg"),
    ),
    ("///x.jpg", None),
    (
        "https://cdn.example/a.mp4",
        Some("https://cdn.example/a.mp4"),
    ),
    ("HTTP://cdn.example/a.mp4", Some("http://cdn.example/a.mp4")),
    ("//cdn.example/a.jpg", Some("https://cdn.example/a.jpg")),
    ("\\\\cdn.example\\a.jpg", Some("https://cdn.example/a.jpg")),
    ("\\2016\\a.jpg", Some("https://media.example/uploads/2016/a.jpg")),
    ("javascript:alert(1)", None),
    (" JaVa\tScript:alert(1)", None),
    ("data:image/gif;base64,R0lGOD", None),
    ("vbscript:x", None),
    ("", None),
    (" \t", None),
    ("/a b.jpg", Some("https://media.example/uploads/a b.jpg")),
    (
        "/a.jpg?w=1#f",
        Some("https://media.example/uploads/a.jpg?w=1#f"),
    ),
    ("/صورة.jpg", Some("https://media.example/uploads/صورة.jpg")),
    ("https://u:p@cdn.example/a.jpg", None),
];

/// Inputs Lede refuses although the browser's parser reads them as http(s)
/// URLs (with `PAGE` as the base), each for a reason: refusing is always
/// safe, and these are mistakes more often than meant.
pub const STRICTER: &[(&str, &str)] = &[
    ("https:a.example", "a special scheme without slashes"),
    ("https:/a.example", "a special scheme with one slash"),
    ("https:///x", "three slashes: the browser skips them all"),
    ("///evil.example", "three slashes: the browser skips them all"),
    ("///evil.example/f.json", "three slashes: the browser skips them all"),
    ("https://user:pw@a.example/", "user information"),
    ("https://user@a.example/", "user information"),
    ("https://a.example@evil.example/", "user information"),
    ("//user:pw@cdn.example/a", "user information"),
    ("https://a.example/\u{0}x", "a control character"),
    ("https://a b.example/", "a space in the host (Chromium encodes it; the URL standard refuses it)"),
    ("/path", "a path alone is not a URL for SafeUrl::parse"),
    ("path", "a path alone is not a URL for SafeUrl::parse"),
    ("", "nothing is not a URL for SafeUrl::parse"),
    ("   ", "nothing is not a URL for SafeUrl::parse"),
];
