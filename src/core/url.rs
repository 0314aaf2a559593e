//! URLs from feeds and from the embed's attributes (docs/feeds.md, README "Embedding"): feed and page
//! URLs, media bases, `pic` paths and link templates, as untrusted strings.
//!
//! Only [`SafeUrl`] values reach `src` and `href`, and a `SafeUrl` is always an
//! absolute `http:` or `https:` URL with a host. Anything else (`javascript:`,
//! `data:`, `vbscript:`, a relative path with no base, an unparsable string)
//! has no `SafeUrl` at all, so the view cannot put it into the DOM.
//!
//! This is not a full WHATWG URL parser: it decides the scheme and the
//! authority exactly as a browser would for these inputs (stripping what the
//! URL standard strips), and leaves the path to the browser, which cannot
//! change the scheme or the host of an absolute URL.

use super::number::read_unsigned;
use super::scan::{
    before, find, find_any, has_any, one_of, rfind_any, rsplit_once, split_once, trim_byte,
};
use std::fmt;

/// An absolute `http:` or `https:` URL with a non-empty host.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SafeUrl {
    text: String,
    /// Byte length of `scheme://authority`.
    origin_len: usize,
}

impl SafeUrl {
    /// Parses an absolute `http(s)://host…` URL, or a protocol-relative
    /// `//host…` one as `https:`. The scheme is written in lower case.
    ///
    /// Leading and trailing spaces and control characters and every tab and
    /// newline are removed first, as browsers do, so `" JaVa\tScript:x"` is
    /// seen for the `javascript:` URL it is (and refused).
    ///
    /// ```
    /// use lede::core::url::SafeUrl;
    /// let u = SafeUrl::parse("HTTPS://news.example/a?b#c").unwrap();
    /// assert_eq!(u.as_str(), "https://news.example/a?b#c");
    /// assert_eq!(u.origin(), "https://news.example");
    /// assert_eq!(SafeUrl::parse("//cdn.example/x.jpg").unwrap().as_str(), "https://cdn.example/x.jpg");
    /// assert!(SafeUrl::parse(" JaVa\tScript:alert(1)").is_none());
    /// assert!(SafeUrl::parse("/relative/path").is_none());
    /// ```
    pub fn parse(input: &str) -> Option<SafeUrl> {
        let s = clean(input)?;
        if s.starts_with("//") {
            return SafeUrl::from_parts("https", &s);
        }
        let (scheme, rest) = split_scheme(&s)?;
        let scheme = if scheme.eq_ignore_ascii_case("https") {
            "https"
        } else if scheme.eq_ignore_ascii_case("http") {
            "http"
        } else {
            return None;
        };
        SafeUrl::from_parts(scheme, rest)
    }

    /// Builds `scheme:` + `rest`, where `rest` must be `//authority…`.
    fn from_parts(scheme: &str, rest: &str) -> Option<SafeUrl> {
        let after = rest.strip_prefix("//")?;
        let end = find_any(after, b"/?#\\").unwrap_or(after.len());
        let authority = after.get(..end)?;
        if !valid_authority(authority) {
            return None;
        }
        let text = [scheme, ":", rest].concat();
        let origin_len = scheme.len() + 3 + authority.len();
        Some(SafeUrl { text, origin_len })
    }

    /// The whole URL.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `scheme://authority`, with no trailing slash.
    pub fn origin(&self) -> &str {
        self.text.get(..self.origin_len).unwrap_or(&self.text)
    }

    /// The origin as the browser compares it: in lower case, without the
    /// scheme's default port.
    ///
    /// ```
    /// use lede::core::url::SafeUrl;
    /// let u = SafeUrl::parse("HTTPS://News.Example:443/x").unwrap();
    /// assert_eq!(u.same_origin_key(), "https://news.example");
    /// ```
    pub fn same_origin_key(&self) -> String {
        let o = self.origin().to_ascii_lowercase();
        let default = if o.starts_with("https:") {
            ":443"
        } else {
            ":80"
        };
        let o = o.strip_suffix(default).unwrap_or(&o);
        o.strip_suffix(":").unwrap_or(o).to_owned()
    }

    /// Everything after the origin: path, query and fragment.
    fn tail(&self) -> &str {
        self.text.get(self.origin_len..).unwrap_or("")
    }

    /// The URL without its `#fragment`.
    fn without_fragment(&self) -> &str {
        let t = self.as_str();
        before(t, b"#")
    }

    /// Resolves a reference against this URL, as a link on a page at this
    /// URL would: absolute, protocol-relative, root-relative, query-only,
    /// fragment-only or relative to this URL's directory. The result is an
    /// http(s) URL or nothing. Dot segments are left for the browser, which
    /// removes them without touching the scheme or host.
    ///
    /// ```
    /// use lede::core::url::SafeUrl;
    /// let page = SafeUrl::parse("https://news.example/world/story.html?x=1").unwrap();
    /// let r = |s: &str| page.resolve(s).map(|u| u.as_str().to_owned());
    /// assert_eq!(r("/api/a.json").as_deref(), Some("https://news.example/api/a.json"));
    /// assert_eq!(r("b.json").as_deref(), Some("https://news.example/world/b.json"));
    /// assert_eq!(r("//cdn.example/x").as_deref(), Some("https://cdn.example/x"));
    /// assert_eq!(r("data:text/html,x"), None);
    /// ```
    pub fn resolve(&self, reference: &str) -> Option<SafeUrl> {
        let r = clean(reference)?;
        if r.starts_with("//") {
            let scheme = split_once(self.origin(), b":").map_or("https", |(s, _)| s);
            return SafeUrl::from_parts(scheme, &r);
        }
        if split_scheme(&r).is_some() {
            return SafeUrl::parse(&r);
        }
        let base = self.without_fragment();
        let joined = match r.as_bytes().first() {
            None => base.to_owned(),
            Some(b'/' | b'\\') => [self.origin(), &r].concat(),
            Some(b'?') => {
                let path = before(base, b"?");
                [path, &r].concat()
            }
            Some(b'#') => [base, &r].concat(),
            Some(_) => {
                let tail = self.tail();
                let path_end = find_any(tail, b"?#").unwrap_or(tail.len());
                let path = tail.get(..path_end).unwrap_or("");
                let dir = rfind_any(path, b"/")
                    .and_then(|i| path.get(..=i))
                    .unwrap_or("/");
                [self.origin(), dir, &r].concat()
            }
        };
        SafeUrl::parse(&joined)
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// `s` with every `from` replaced by `to` (`from` not empty).
fn replace_all(s: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = find(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(rest.get(..at).unwrap_or(""));
        out.push_str(to);
        rest = rest.get(at + from.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// What the URL standard does to input first: trim leading and trailing C0
/// controls and spaces, then delete every tab and newline. Any other control
/// character left makes the string unusable here. Then, as the browser
/// reads an http(s) URL, a backslash before the query or fragment is a
/// slash: `/\\evil.example/x` is on `evil.example` for the browser, so it
/// must be for Lede too. (Every URL kept here is http(s), or relative to
/// one.)
fn clean(input: &str) -> Option<String> {
    let trimmed = input.trim_matches(|c: char| c <= ' ');
    let mut in_path = true;
    let mut s = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        match c {
            '\t' | '\n' | '\r' => continue,
            c if c.is_control() => return None,
            '?' | '#' => in_path = false,
            _ => {}
        }
        s.push(if c == '\\' && in_path { '/' } else { c });
    }
    Some(s)
}

/// Splits `scheme:rest` when `s` starts with a syntactically valid scheme.
fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = split_once(s, b":")?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

/// `host[:port]` with a non-empty host, no spaces, a numeric port, and no
/// user information (`user:pw@`), which a browser refuses to fetch and which
/// only serves to disguise a host.
fn valid_authority(authority: &str) -> bool {
    if authority.is_empty() || has_any(authority, b" <>\"^`{|}@") {
        return false;
    }
    let host_port = authority;
    let (host, port) = if let Some(v6) = host_port.strip_prefix("[") {
        match split_once(v6, b"]") {
            Some((addr, rest)) if !addr.is_empty() => (addr, rest.strip_prefix(":")),
            _ => return false,
        }
    } else {
        match rsplit_once(host_port, b":") {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        }
    };
    if host.is_empty() || has_any(host, b":[]") && !host_port.starts_with("[") {
        return false;
    }
    match port {
        None | Some("") => true,
        Some(p) => p.len() <= 5 && read_unsigned(p).is_some_and(|n| n <= u64::from(u16::MAX)),
    }
}

/// Whether `reference` names user information (`user:pw@host`), which is
/// never kept: a configuration that gives one is told so by name.
///
/// ```
/// use lede::core::url::has_userinfo;
/// assert!(has_userinfo("https://user:pw@news.example/a.json"));
/// assert!(has_userinfo("//u@cdn.example/x"));
/// assert!(!has_userinfo("https://news.example/a@b.json"));
/// assert!(!has_userinfo("/api/a.json?by=a@b"));
/// ```
pub fn has_userinfo(reference: &str) -> bool {
    let Some(s) = clean(reference) else {
        return false;
    };
    let rest = match split_scheme(&s) {
        Some((_, rest)) => rest,
        None => &s,
    };
    let Some(after) = rest.strip_prefix("//") else {
        return false;
    };
    let end = find_any(after, b"/?#").unwrap_or(after.len());
    after.get(..end).is_some_and(|a| has_any(a, b"@"))
}

/// Where `pic` paths live: an http(s) URL with no query, fragment or
/// trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaBase(String);

impl MediaBase {
    /// The base from an absolute URL: its query and fragment are dropped
    /// (a path is appended to it) and so are trailing slashes.
    pub fn new(url: &SafeUrl) -> MediaBase {
        let s = url.as_str();
        let end = find_any(s, b"?#").unwrap_or(s.len());
        let s = trim_byte(s.get(..end).unwrap_or(s), b'/', false, true);
        MediaBase(s.to_owned())
    }

    /// The default base: the origin of the related feed's URL.
    pub fn origin_of(feed: &SafeUrl) -> MediaBase {
        MediaBase(feed.origin().to_owned())
    }

    /// The base as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The base as a URL (for its origin).
    pub fn new_url(&self) -> Option<SafeUrl> {
        SafeUrl::parse(&self.0)
    }

    /// The URL of a `pic`: joined to the base with exactly one slash; an
    /// absolute http(s) URL kept as it is; `//host/x` as `https://host/x`;
    /// any other scheme, or an empty or unusable `pic`, gives nothing.
    ///
    /// ```
    /// use lede::core::url::{MediaBase, SafeUrl};
    /// let base = MediaBase::new(&SafeUrl::parse("https://media.example/uploads/").unwrap());
    /// let j = |p: &str| base.join(p).map(|u| u.as_str().to_owned());
    /// assert_eq!(j("/2016/08/27/a.jpg").as_deref(), Some("https://media.example/uploads/2016/08/27/a.jpg"));
    /// assert_eq!(j("2016/a.jpg").as_deref(), Some("https://media.example/uploads/2016/a.jpg"));
    /// assert_eq!(j("//cdn.example/x.jpg").as_deref(), Some("https://cdn.example/x.jpg"));
    /// assert_eq!(j("javascript:alert(1)"), None);
    /// ```
    pub fn join(&self, pic: &str) -> Option<SafeUrl> {
        let p = clean(pic)?;
        if p.is_empty() {
            return None;
        }
        if p.starts_with("//") || split_scheme(&p).is_some() {
            return SafeUrl::parse(&p);
        }
        SafeUrl::parse(&[&self.0, "/", trim_byte(&p, b'/', true, false)].concat())
    }
}

/// The characters `encodeURIComponent` leaves as they are.
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || one_of(b, b"-_.!~*'()")
}

/// Percent-encodes `s` exactly as JavaScript's `encodeURIComponent` does
/// (UTF-8, upper-case hex).
///
/// ```
/// use lede::core::url::encode_component;
/// assert_eq!(encode_component("a/b?c#d\"e"), "a%2Fb%3Fc%23d%22e");
/// assert_eq!(encode_component("café 1"), "caf%C3%A9%201");
/// ```
pub fn encode_component(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            for nibble in [b >> 4, b & 0xF] {
                // A nibble is below 16, so this always finds a digit.
                if let Some(&h) = HEX.get(usize::from(nibble)) {
                    out.push(char::from(h));
                }
            }
        }
    }
    out
}

/// The placeholder a link template must contain.
pub const ID_PLACEHOLDER: &str = "{id}";

/// A link template such as `https://news.example/news/{id}`, resolved
/// against the page it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTemplate {
    template: String,
    page: SafeUrl,
}

/// Why a link template cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateError {
    /// It has no `{id}`.
    MissingId,
    /// It gives a URL that is not http(s), or is unparsable.
    NotHttp,
    /// Its `{id}` is in the scheme, the host or the port, so a feed's id
    /// would choose where its link goes.
    IdInHost,
}

impl LinkTemplate {
    /// The default template.
    pub const DEFAULT: &'static str = "/news/{id}";

    /// Checks a template against the page URL it will be resolved on.
    ///
    /// # Errors
    /// [`TemplateError::MissingId`] without `{id}`; [`TemplateError::NotHttp`]
    /// when it gives a non-http(s) URL, or could for some id (`{id}:x`);
    /// [`TemplateError::IdInHost`] when `{id}` is anywhere but the path,
    /// the query or the fragment (`https://{id}.news.example/`).
    pub fn parse(template: &str, page: &SafeUrl) -> Result<LinkTemplate, TemplateError> {
        if find(template, ID_PLACEHOLDER).is_none() {
            return Err(TemplateError::MissingId);
        }
        let t = LinkTemplate {
            template: template.to_owned(),
            page: page.clone(),
        };
        // An id made of letters could turn `{id}:x` into a scheme; one made of
        // digits cannot. Both must give an http(s) URL, on one origin.
        let (Some(a), Some(one)) = (t.resolve_raw("a"), t.resolve_raw("1")) else {
            return Err(TemplateError::NotHttp);
        };
        if a.origin() != one.origin() || t.resolve_raw("b").is_none_or(|b| b.origin() != a.origin())
        {
            return Err(TemplateError::IdInHost);
        }
        Ok(t)
    }

    /// The link of the story with this id (encoded as by
    /// `encodeURIComponent`), or nothing if it is not an http(s) URL. An id
    /// of `.` or `..` has no link: the browser removes such a path segment
    /// (even percent-encoded), which would move the link up the site.
    ///
    /// ```
    /// use lede::core::url::{LinkTemplate, SafeUrl};
    /// let page = SafeUrl::parse("https://news.example/").unwrap();
    /// let t = LinkTemplate::parse("/news/{id}", &page).unwrap();
    /// assert_eq!(t.link("a/b").unwrap().as_str(), "https://news.example/news/a%2Fb");
    /// assert_eq!(t.link(".."), None);
    /// ```
    pub fn link(&self, id: &str) -> Option<SafeUrl> {
        if matches!(id, "." | "..") {
            return None;
        }
        self.resolve_raw(&encode_component(id))
    }

    /// Where its links go: the origin every link has (`{id}` cannot change
    /// it; see [`LinkTemplate::parse`]).
    pub fn origin(&self) -> Option<SafeUrl> {
        self.resolve_raw("1")
    }

    fn resolve_raw(&self, encoded_id: &str) -> Option<SafeUrl> {
        self.page
            .resolve(&replace_all(&self.template, ID_PLACEHOLDER, encoded_id))
    }
}

/// The placeholder a poster template must contain.
pub const PATH_PLACEHOLDER: &str = "{path}";

/// `pic` without its `?query`, `#fragment` and the extension of its last
/// path segment: what a poster template's `{path}` stands for. A segment
/// without an extension (or a hidden file's name, `.mp4`) is kept whole.
///
/// ```
/// use lede::core::url::without_extension;
/// assert_eq!(without_extension("/2016/08/27/x_4x3.mp4"), "/2016/08/27/x_4x3");
/// assert_eq!(without_extension("https://cdn.example/v/x.webm?t=1#f"), "https://cdn.example/v/x");
/// assert_eq!(without_extension("/a.b/clip"), "/a.b/clip");
/// assert_eq!(without_extension("/v/.mp4"), "/v/.mp4");
/// ```
pub fn without_extension(pic: &str) -> &str {
    let end = find_any(pic, b"?#").unwrap_or(pic.len());
    let path = pic.get(..end).unwrap_or(pic);
    let name = rfind_any(path, b"/").map_or(0, |at| at + 1);
    match rsplit_once(path, b".") {
        Some((stem, _)) if stem.len() > name => stem,
        _ => path,
    }
}

/// A poster template such as `{path}.jpg` (`data-poster-template`): where
/// a video's poster image is, from the video's `pic`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PosterTemplate(String);

impl PosterTemplate {
    /// The template, if it has a `{path}`.
    pub fn parse(template: &str) -> Option<PosterTemplate> {
        find(template, PATH_PLACEHOLDER).map(|_| PosterTemplate(template.to_owned()))
    }

    /// The poster's path or URL for a video's `pic`, not yet resolved:
    /// every `{path}` replaced by `pic` without its extension, query and
    /// fragment.
    ///
    /// ```
    /// use lede::core::url::PosterTemplate;
    /// let t = PosterTemplate::parse("{path}.jpg").unwrap();
    /// assert_eq!(t.path_for("/2016/08/27/x_4x3.mp4?v=2"), "/2016/08/27/x_4x3.jpg");
    /// let t = PosterTemplate::parse("https://img.example/posters{path}.webp").unwrap();
    /// assert_eq!(t.path_for("/a/b.mp4"), "https://img.example/posters/a/b.webp");
    /// assert!(PosterTemplate::parse("/posters/x.jpg").is_none());
    /// ```
    pub fn path_for(&self, pic: &str) -> String {
        replace_all(&self.0, PATH_PLACEHOLDER, without_extension(pic))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn url(s: &str) -> SafeUrl {
        SafeUrl::parse(s).unwrap_or_else(|| panic!("test URL {s:?} must parse"))
    }

    // The tables, shared with the component test that runs them through
    // the browser's own URL parser.
    include!("../../tests/vectors/url.rs");

    #[test]
    fn parse_accepts_only_http_with_a_host() {
        for (input, want) in PARSE {
            let got = SafeUrl::parse(input);
            assert_eq!(got.as_ref().map(SafeUrl::as_str), *want, "input {input:?}");
        }
        for (input, _) in STRICTER {
            let refused = SafeUrl::parse(input).is_none() || url(PAGE).resolve(input).is_none();
            assert!(refused, "{input:?} is listed as refused");
        }
    }

    #[test]
    fn origin_and_display() {
        let u = url("https://a.example:8080/x/y?q#f");
        assert_eq!(u.origin(), "https://a.example:8080");
        assert_eq!(u.to_string(), "https://a.example:8080/x/y?q#f");
        assert_eq!(url("http://a.example?q").origin(), "http://a.example");
        assert_eq!(url("http://a.example#f").origin(), "http://a.example");
    }

    #[test]
    fn resolve_references() {
        let page = url(PAGE);
        for (r, want) in RESOLVE {
            let got = page.resolve(r);
            assert_eq!(got.as_ref().map(SafeUrl::as_str), *want, "reference {r:?}");
        }
        // An http page keeps http for protocol-relative references.
        assert_eq!(
            url("http://a.example/")
                .resolve("//b.example/x")
                .map(|u| u.text)
                .as_deref(),
            Some("http://b.example/x")
        );
        // A page URL with no path resolves relative paths from the root.
        assert_eq!(
            url("https://a.example")
                .resolve("x.json")
                .map(|u| u.text)
                .as_deref(),
            Some("https://a.example/x.json")
        );
    }

    #[test]
    fn media_join() {
        let base = MediaBase::new(&url(MEDIA_BASE));
        for (pic, want) in JOIN {
            let got = base.join(pic);
            assert_eq!(got.as_ref().map(SafeUrl::as_str), *want, "pic {pic:?}");
        }
        // Exactly one slash, whatever the base ends with.
        for b in [
            "https://m.example/up",
            "https://m.example/up/",
            "https://m.example/up//",
            "https://m.example/up/?v=1#x",
        ] {
            let base = MediaBase::new(&url(b));
            assert_eq!(base.as_str(), "https://m.example/up");
            assert_eq!(
                base.join("/a.jpg").map(|u| u.text).as_deref(),
                Some("https://m.example/up/a.jpg")
            );
            assert_eq!(
                base.join("a.jpg").map(|u| u.text).as_deref(),
                Some("https://m.example/up/a.jpg")
            );
        }
        let root = MediaBase::new(&url("https://m.example/"));
        assert_eq!(
            root.join("/a.jpg").map(|u| u.text).as_deref(),
            Some("https://m.example/a.jpg")
        );
        let feed = url("https://news.example/api/related/1.json?x=1");
        assert_eq!(MediaBase::origin_of(&feed).as_str(), "https://news.example");
    }

    #[test]
    fn encode_like_encode_uri_component() {
        let cases = [
            ("1855307", "1855307"),
            ("a/b?c#d\"e", "a%2Fb%3Fc%23d%22e"),
            ("-_.!~*'()", "-_.!~*'()"),
            ("<script>&", "%3Cscript%3E%26"),
            ("a b+c", "a%20b%2Bc"),
            ("café", "caf%C3%A9"),
            ("خبر", "%D8%AE%D8%A8%D8%B1"),
            ("😀", "%F0%9F%98%80"),
            ("javascript:x", "javascript%3Ax"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(encode_component(input), want, "input {input:?}");
        }
    }

    #[test]
    fn link_templates() {
        let page = url("https://news.example/world/story.html");
        let link = |t: &str, id: &str| {
            LinkTemplate::parse(t, &page)
                .ok()
                .and_then(|t| t.link(id))
                .map(|u| u.text)
        };
        assert_eq!(
            link(LinkTemplate::DEFAULT, "1855307").as_deref(),
            Some("https://news.example/news/1855307")
        );
        assert_eq!(
            link("https://other.example/n/{id}", "a/b?c#d\"e").as_deref(),
            Some("https://other.example/n/a%2Fb%3Fc%23d%22e")
        );
        assert_eq!(
            link("/s?id={id}&again={id}", "7").as_deref(),
            Some("https://news.example/s?id=7&again=7")
        );
        assert_eq!(
            link("{id}.html", "9").as_deref(),
            Some("https://news.example/world/9.html")
        );
        assert_eq!(
            link("//m.example/{id}", "9").as_deref(),
            Some("https://m.example/9")
        );
        // An id cannot smuggle in a scheme: its colon is encoded.
        assert_eq!(
            link("{id}", "javascript:alert(1)").as_deref(),
            Some("https://news.example/world/javascript%3Aalert(1)")
        );

        assert_eq!(
            LinkTemplate::parse("/news/", &page),
            Err(TemplateError::MissingId)
        );
        assert_eq!(
            LinkTemplate::parse("", &page),
            Err(TemplateError::MissingId)
        );
        assert_eq!(
            LinkTemplate::parse("/news/{ID}", &page),
            Err(TemplateError::MissingId)
        );
        for bad in [
            "javascript:go({id})",
            "data:text/html,{id}",
            "{id}:x",
            "http{id}://x",
            "ftp://a.example/{id}",
        ] {
            assert_eq!(
                LinkTemplate::parse(bad, &page),
                Err(TemplateError::NotHttp),
                "template {bad:?}"
            );
        }
        // The id goes in the path, the query or the fragment, never where
        // it would choose the host.
        for bad in [
            "https://{id}",
            "https://{id}.news.example/story",
            "https://news.example{id}/story",
            "//{id}/x",
            "https://{id}news.example/",
        ] {
            assert_eq!(
                LinkTemplate::parse(bad, &page),
                Err(TemplateError::IdInHost),
                "template {bad:?}"
            );
        }
        for good in ["https://news.example/{id}", "/s?id={id}", "/s#{id}", "{id}"] {
            assert!(
                LinkTemplate::parse(good, &page).is_ok(),
                "template {good:?}"
            );
        }
        // Dot segments would move the link up the site: no link.
        assert_eq!(link("/news/{id}", "."), None);
        assert_eq!(link("/news/{id}", ".."), None);
        assert_eq!(
            link("/news/{id}", "...").as_deref(),
            Some("https://news.example/news/...")
        );
    }

    #[test]
    fn paths_without_extension() {
        let cases = [
            ("/2016/08/27/x_4x3.mp4", "/2016/08/27/x_4x3"),
            ("/x.MP4", "/x"),
            ("x.mp4", "x"),
            ("/a/x.tar.mp4", "/a/x.tar"),
            ("/a/x.mp4?v=2", "/a/x"),
            ("/a/x.mp4#t=3", "/a/x"),
            ("/a/x.mp4?f=/y.z", "/a/x"),
            ("https://cdn.example/v/x.webm", "https://cdn.example/v/x"),
            ("//cdn.example/v/x.mov", "//cdn.example/v/x"),
            // No extension, or only a hidden file's name: kept whole.
            ("/a.b/clip", "/a.b/clip"),
            ("/a/.mp4", "/a/.mp4"),
            ("/a/", "/a/"),
            ("", ""),
            ("?x.mp4", ""),
            ("/فيديو.mp4", "/فيديو"),
        ];
        for (pic, want) in cases {
            assert_eq!(without_extension(pic), want, "pic {pic:?}");
        }
    }

    #[test]
    fn poster_templates() {
        let path = |t: &str, pic: &str| PosterTemplate::parse(t).map(|t| t.path_for(pic));
        assert_eq!(
            path("{path}.jpg", "/2016/08/27/x_4x3.mp4").as_deref(),
            Some("/2016/08/27/x_4x3.jpg")
        );
        assert_eq!(
            path("https://img.example{path}_poster.png", "/a/b.mp4?v=1").as_deref(),
            Some("https://img.example/a/b_poster.png")
        );
        assert_eq!(
            path("{path}.jpg", "https://cdn.example/v.mp4").as_deref(),
            Some("https://cdn.example/v.jpg")
        );
        assert_eq!(
            path("{path}{path}.jpg", "/a.mp4").as_deref(),
            Some("/a/a.jpg")
        );
        // The pic goes in as it is (a path, not a component); its query
        // ends it, extension or not.
        assert_eq!(
            path("/p{path}.jpg", "/a b/c?.mp4").as_deref(),
            Some("/p/a b/c.jpg")
        );
        for bad in ["", "/posters/x.jpg", "{PATH}.jpg", "{path.jpg", "{id}.jpg"] {
            assert_eq!(PosterTemplate::parse(bad), None, "template {bad:?}");
        }
    }

    proptest! {
        #[test]
        fn nothing_panics(s in any::<String>(), t in any::<String>()) {
            let page = url("https://news.example/a/b");
            let _ = SafeUrl::parse(&s);
            let _ = page.resolve(&s);
            let _ = MediaBase::new(&page).join(&s);
            let _ = encode_component(&s);
            let _ = without_extension(&s);
            if let Some(tpl) = PosterTemplate::parse(&t) {
                let _ = tpl.path_for(&s);
            }
            if let Ok(tpl) = LinkTemplate::parse(&t, &page) {
                let _ = tpl.link(&s);
            }
        }

        #[test]
        fn every_result_is_http(s in "[ -~\t\n]{0,40}") {
            let page = url("https://news.example/a/b");
            for u in [SafeUrl::parse(&s), page.resolve(&s), MediaBase::new(&page).join(&s)].into_iter().flatten() {
                let lower = u.as_str().to_ascii_lowercase();
                prop_assert!(lower.starts_with("https://") || lower.starts_with("http://"), "{:?}", u);
                prop_assert!(!u.origin().ends_with('/'));
            }
        }

        #[test]
        fn encoded_ids_stay_in_the_path(id in any::<String>()) {
            let page = url("https://news.example/");
            let tpl = LinkTemplate::parse(LinkTemplate::DEFAULT, &page);
            prop_assert!(tpl.is_ok());
            if let Ok(tpl) = tpl {
                let link = tpl.link(&id);
                prop_assert!(link.is_some() || matches!(id.as_str(), "." | ".."));
                if let Some(link) = link {
                    let rest = link.as_str().strip_prefix("https://news.example/news/");
                    prop_assert!(rest.is_some());
                    prop_assert!(rest.is_some_and(|r| !r.contains(['/', '?', '#'])));
                }
            }
        }
    }
}
