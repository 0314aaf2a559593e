//! A related item as a slide shows it (docs/feeds.md: media kinds, URLs): the feed's item with
//! every URL checked and the thumbnail, and a video's poster, decided once.

use super::media::MediaKind;
use super::related::RelatedItem;
use super::url::{LinkTemplate, MediaBase, PosterTemplate, SafeUrl};

/// What a slide's thumbnail is: decided once, here, so that "no usable media
/// URL means the placeholder" has one place.
#[derive(Debug, Clone, PartialEq)]
pub enum Thumb {
    /// An `<img>` from a checked http(s) URL.
    Image(SafeUrl),
    /// A muted `<video>` from a checked http(s) URL, with its poster image
    /// if it has one (then the video's bytes wait for the reader's intent).
    Video(SafeUrl, Option<SafeUrl>),
    /// The neutral placeholder: an unknown kind, or no safe URL.
    None,
}

impl Thumb {
    /// The thumbnail of `pic`, joined to `base` (a video without a poster).
    ///
    /// ```
    /// use lede::core::slide::Thumb;
    /// use lede::core::media::MediaKind;
    /// use lede::core::url::{MediaBase, SafeUrl};
    /// let base = MediaBase::new(&SafeUrl::parse("https://m.example/up").unwrap());
    /// assert_eq!(Thumb::new("/a.MP4", &base).kind(), MediaKind::Video);
    /// assert_eq!(Thumb::new("javascript:x.jpg", &base), Thumb::None);
    /// assert_eq!(Thumb::new("/a.txt", &base), Thumb::None);
    /// ```
    pub fn new(pic: &str, base: &MediaBase) -> Thumb {
        match MediaKind::of(pic) {
            MediaKind::Image => base.join(pic).map_or(Thumb::None, Thumb::Image),
            MediaKind::Video => base
                .join(pic)
                .map_or(Thumb::None, |url| Thumb::Video(url, None)),
            MediaKind::Unknown => Thumb::None,
        }
    }

    /// The kind the slide shows (its `data-media`): `Unknown` for the
    /// placeholder.
    pub fn kind(&self) -> MediaKind {
        match self {
            Thumb::Image(_) => MediaKind::Image,
            Thumb::Video(..) => MediaKind::Video,
            Thumb::None => MediaKind::Unknown,
        }
    }

    /// The media's URL, if there is media.
    pub fn url(&self) -> Option<&SafeUrl> {
        match self {
            Thumb::Image(u) | Thumb::Video(u, _) => Some(u),
            Thumb::None => None,
        }
    }
}

/// One slide as the view shows it: every URL already checked, every string
/// text.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// The story's id.
    pub id: String,
    /// Its headline, as text.
    pub title: String,
    /// Its thumbnail.
    pub thumb: Thumb,
    /// Where the slide links to; none when the link would not be http(s).
    pub href: Option<SafeUrl>,
}

/// The poster of a video whose `pic` is given: its own `poster` (from the
/// feed item), else the one `template` gives for `pic`; either resolved as
/// a `pic` is, under `base`, and only if it is an image by the extension
/// rule of `pic` and an http(s) URL. An unusable own poster is
/// no poster, and the template's then applies.
///
/// ```
/// use lede::core::slide::poster;
/// use lede::core::url::{MediaBase, PosterTemplate, SafeUrl};
/// let base = MediaBase::new(&SafeUrl::parse("https://m.example/up").unwrap());
/// let t = PosterTemplate::parse("{path}.jpg");
/// let p = |own, pic| poster(own, pic, &base, t.as_ref()).map(|u| u.to_string());
/// assert_eq!(p(None, "/v/a.mp4").as_deref(), Some("https://m.example/up/v/a.jpg"));
/// assert_eq!(p(Some("/own.png"), "/v/a.mp4").as_deref(), Some("https://m.example/up/own.png"));
/// assert_eq!(p(Some("javascript:x.png"), "/v/a.mp4").as_deref(), Some("https://m.example/up/v/a.jpg"));
/// assert_eq!(poster(Some("/a.mp4"), "/v/a.mp4", &base, None), None);
/// ```
pub fn poster(
    own: Option<&str>,
    pic: &str,
    base: &MediaBase,
    template: Option<&PosterTemplate>,
) -> Option<SafeUrl> {
    // The same rule as an image thumbnail's.
    let image = |path: &str| match Thumb::new(path, base) {
        Thumb::Image(url) => Some(url),
        _ => None,
    };
    own.and_then(image)
        .or_else(|| template.and_then(|t| image(&t.path_for(pic))))
}

impl Slide {
    /// A slide of nothing: no id, no title, the placeholder, no link.
    pub fn blank() -> Slide {
        Slide {
            id: String::new(),
            title: String::new(),
            thumb: Thumb::None,
            href: None,
        }
    }

    /// The slide for `item`, with its thumbnail (and a video's poster, see
    /// [`poster`]) under `base` and its link from `links`.
    pub fn new(
        item: &RelatedItem,
        base: &MediaBase,
        links: &LinkTemplate,
        posters: Option<&PosterTemplate>,
    ) -> Slide {
        let thumb = match Thumb::new(&item.pic, base) {
            Thumb::Video(url, _) => Thumb::Video(
                url,
                poster(item.poster.as_deref(), &item.pic, base, posters),
            ),
            thumb => thumb,
        };
        Slide {
            id: item.id.clone(),
            title: item.title.clone(),
            thumb,
            href: links.link(&item.id),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::i18n::{slide_label, Lang};
    use crate::core::related::parse_related;

    const SEED: &str = include_str!("../../demo/api/related/1855600.json");

    #[test]
    fn the_seeds_slides() {
        let feed = parse_related(SEED).unwrap_or_else(|e| panic!("{}", e.detail()));
        let base = MediaBase::new(
            &SafeUrl::parse("https://media.example/uploads").unwrap_or_else(|| unreachable!()),
        );
        let page = SafeUrl::parse("https://news.example/world/1855600.html")
            .unwrap_or_else(|| unreachable!());
        let links =
            LinkTemplate::parse(LinkTemplate::DEFAULT, &page).unwrap_or_else(|_| unreachable!());
        let slides: Vec<Slide> = feed
            .items
            .iter()
            .map(|i| Slide::new(i, &base, &links, None))
            .collect();
        let want = [
            (
                "1855111",
                "https://media.example/uploads/2016/08/27/alalam_636078979081121458_25f_4x3.jpg",
            ),
            (
                "1855161",
                "https://media.example/uploads/2016/08/27/alalam_636079053225911651_25f_4x3.jpg",
            ),
            (
                "1855219",
                "https://media.example/uploads/2016/08/27/alalam_636079123580611038_25f_4x3.jpg",
            ),
            (
                "1855307",
                "https://media.example/uploads/2016/08/27/alalam_636079270218421892_25f_4x3.mp4",
            ),
            (
                "1855459",
                "https://media.example/uploads/2016/08/28/alalam_636079770269914523_25f_4x3.mp4",
            ),
            (
                "1855469",
                "https://media.example/uploads/2016/08/28/alalam_636079785845678270_25f_4x3.jpg",
            ),
            (
                "1855525",
                "https://media.example/uploads/2016/08/28/alalam_636079867760129766_25f_4x3.jpg",
            ),
            (
                "1855538",
                "https://media.example/uploads/2016/08/28/alalam_636079874908531767_25f_4x3.jpg",
            ),
        ];
        assert_eq!(slides.len(), want.len());
        for (slide, (id, src)) in slides.iter().zip(want) {
            assert_eq!(slide.id, id);
            assert_eq!(slide.thumb.url().map(SafeUrl::as_str), Some(src));
            let href = ["https://news.example/news/", id].concat();
            assert_eq!(
                slide.href.as_ref().map(SafeUrl::as_str),
                Some(href.as_str())
            );
        }
        assert_eq!(slide_label(&Lang::en(), 3, slides.len()), "4 of 8");
    }

    #[test]
    fn slides_only_hold_safe_urls() {
        let page = SafeUrl::parse("https://news.example/").unwrap_or_else(|| unreachable!());
        let base = MediaBase::new(&page);
        let links =
            LinkTemplate::parse(LinkTemplate::DEFAULT, &page).unwrap_or_else(|_| unreachable!());
        let feed = parse_related(
            r#"[{"id":"1","title":"<img src=x onerror=alert(1)>","pic":"javascript:alert(1).jpg"},
                         {"id":"a/b?c#d\"e","title":"t","pic":"data:image/png;base64,AAA.png"},
                         {"id":"3","title":"t","pic":"//cdn.example/x.webp"},
                         {"id":"4","title":"t","pic":" JaVa\tScript:alert(1)//.mp4"},
                         {"id":"5","title":"t","pic":"/no-extension"}]"#,
        )
        .unwrap_or_else(|e| panic!("{}", e.detail()));
        let slides: Vec<Slide> = feed
            .items
            .iter()
            .map(|i| Slide::new(i, &base, &links, None))
            .collect();
        let view: Vec<(MediaKind, Option<&str>, Option<&str>)> = slides
            .iter()
            .map(|s| {
                (
                    s.thumb.kind(),
                    s.thumb.url().map(SafeUrl::as_str),
                    s.href.as_ref().map(SafeUrl::as_str),
                )
            })
            .collect();
        assert_eq!(
            view,
            [
                (
                    MediaKind::Unknown,
                    None,
                    Some("https://news.example/news/1")
                ),
                (
                    MediaKind::Unknown,
                    None,
                    Some("https://news.example/news/a%2Fb%3Fc%23d%22e")
                ),
                (
                    MediaKind::Image,
                    Some("https://cdn.example/x.webp"),
                    Some("https://news.example/news/3")
                ),
                (
                    MediaKind::Unknown,
                    None,
                    Some("https://news.example/news/4")
                ),
                (
                    MediaKind::Unknown,
                    None,
                    Some("https://news.example/news/5")
                ),
            ]
        );
        assert_eq!(
            slides.first().map(|s| s.title.as_str()),
            Some("<img src=x onerror=alert(1)>")
        );
    }

    fn url(s: &str) -> SafeUrl {
        SafeUrl::parse(s).unwrap_or_else(|| panic!("test URL {s:?} must parse"))
    }

    /// The poster of each slide of `feed` (`None` for an image), as text.
    fn posters(feed: &str, template: Option<&str>) -> Vec<Option<String>> {
        let base = MediaBase::new(&url("https://media.example/up"));
        let links = LinkTemplate::parse(LinkTemplate::DEFAULT, &url("https://news.example/"))
            .unwrap_or_else(|_| unreachable!());
        let template = template.map(|t| PosterTemplate::parse(t).unwrap_or_else(|| unreachable!()));
        let feed = parse_related(feed).unwrap_or_else(|e| panic!("{}", e.detail()));
        feed.items
            .iter()
            .map(
                |i| match Slide::new(i, &base, &links, template.as_ref()).thumb {
                    Thumb::Video(_, p) => p.map(|p| p.to_string()),
                    Thumb::Image(_) => Some("image".into()),
                    Thumb::None => Some("none".into()),
                },
            )
            .collect()
    }

    const FEED: &str = r#"[
        {"id":"1","title":"Video, no poster","pic":"/2016/08/27/x_4x3.mp4"},
        {"id":"2","title":"Video, own poster","pic":"/v/b.mp4","poster":" /p/b.webp "},
        {"id":"3","title":"Image with a poster","pic":"/i/c.jpg","poster":"/p/c.jpg"},
        {"id":"4","title":"Video, unsafe poster","pic":"/v/d.mp4?v=2","poster":"javascript:alert(1)//.jpg"},
        {"id":"5","title":"Video, poster not an image","pic":"/v/e.webm","poster":"/p/e.mp4"},
        {"id":"6","title":"Video, absolute","pic":"https://cdn.example/v/f.mov","poster":7},
        {"id":"7","title":"Video, absolute poster","pic":"/v/g.mp4","poster":"//img.example/g.PNG?w=320"},
        {"id":"8","title":"Unknown kind","pic":"/v/h.txt","poster":"/p/h.jpg"}
    ]"#;

    #[test]
    fn without_a_template_only_own_posters() {
        assert_eq!(
            posters(FEED, None),
            [
                None,
                Some("https://media.example/up/p/b.webp".into()),
                Some("image".into()),
                None,
                None,
                None,
                Some("https://img.example/g.PNG?w=320".into()),
                Some("none".into()),
            ]
        );
    }

    #[test]
    fn a_template_fills_in_and_the_items_own_poster_wins() {
        assert_eq!(
            posters(FEED, Some("{path}.jpg")),
            [
                Some("https://media.example/up/2016/08/27/x_4x3.jpg".into()),
                Some("https://media.example/up/p/b.webp".into()),
                Some("image".into()),
                Some("https://media.example/up/v/d.jpg".into()),
                Some("https://media.example/up/v/e.jpg".into()),
                Some("https://cdn.example/v/f.jpg".into()),
                Some("https://img.example/g.PNG?w=320".into()),
                Some("none".into()),
            ]
        );
        assert_eq!(
            posters(FEED, Some("https://posters.example/x{path}.jpg"))
                .first()
                .cloned()
                .flatten()
                .as_deref(),
            Some("https://posters.example/x/2016/08/27/x_4x3.jpg"),
            "an absolute template is used as it is"
        );
        // A template giving no image, or no http(s) URL, gives no poster.
        for t in [
            "{path}",
            "{path}.mp4",
            "javascript:{path}.jpg",
            "{path}.jpg:x",
        ] {
            assert_eq!(
                posters(FEED, Some(t)).first(),
                Some(&None),
                "template {t:?}"
            );
        }
    }
}
