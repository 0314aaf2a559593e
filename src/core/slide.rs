//! A related item as a slide shows it (DESIGN §2, §3): the feed's item with
//! every URL checked and the thumbnail decided once.

use super::feed::RelatedItem;
use super::media::MediaKind;
use super::url::{LinkTemplate, MediaBase, SafeUrl};

/// What a slide's thumbnail is: decided once, here, so that "no usable media
/// URL means the placeholder" has one place.
#[derive(Debug, Clone, PartialEq)]
pub enum Thumb {
    /// An `<img>` from a checked http(s) URL.
    Image(SafeUrl),
    /// A muted `<video>` from a checked http(s) URL.
    Video(SafeUrl),
    /// The neutral placeholder: an unknown kind, or no safe URL.
    None,
}

impl Thumb {
    /// The thumbnail of `pic`, joined to `base`.
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
            MediaKind::Video => base.join(pic).map_or(Thumb::None, Thumb::Video),
            MediaKind::Unknown => Thumb::None,
        }
    }

    /// The kind the slide shows (its `data-media`): `Unknown` for the
    /// placeholder.
    pub fn kind(&self) -> MediaKind {
        match self {
            Thumb::Image(_) => MediaKind::Image,
            Thumb::Video(_) => MediaKind::Video,
            Thumb::None => MediaKind::Unknown,
        }
    }

    /// The media's URL, if there is media.
    pub fn url(&self) -> Option<&SafeUrl> {
        match self {
            Thumb::Image(u) | Thumb::Video(u) => Some(u),
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

impl Slide {
    /// The slide for `item`, with its thumbnail under `base` and its link from
    /// `links`.
    pub fn new(item: &RelatedItem, base: &MediaBase, links: &LinkTemplate) -> Slide {
        Slide {
            id: item.id.clone(),
            title: item.title.clone(),
            thumb: Thumb::new(&item.pic, base),
            href: links.link(&item.id),
        }
    }
}
