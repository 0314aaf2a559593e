//! The embed's configuration (README "Embedding"): the `data-*` attributes of a
//! `[data-lede]` element, its language and direction, and the page's URL, as
//! untrusted strings.

use super::i18n::{intl_tag, Direction, Lang, Lexicon, HEADING_ATTR};
use super::scan;
use super::slide::poster;
use super::url::{has_userinfo, LinkTemplate, MediaBase, PosterTemplate, SafeUrl, TemplateError};
use std::fmt;

/// What the host element says, read by the mount code.
#[derive(Debug, Clone, Copy, Default)]
pub struct Attrs<'a> {
    /// `data-article-src`.
    pub article_src: Option<&'a str>,
    /// `data-related-src`.
    pub related_src: Option<&'a str>,
    /// `data-media-base`.
    pub media_base: Option<&'a str>,
    /// `data-link-template`.
    pub link_template: Option<&'a str>,
    /// `data-poster-template`.
    pub poster_template: Option<&'a str>,
    /// `data-theme`: `light`, `dark` or `auto`.
    pub theme: Option<&'a str>,
    /// The `lang` of the element or its nearest ancestor with one.
    pub lang: Option<&'a str>,
    /// Whether an explicit `dir` on the element or an ancestor applies.
    pub dir_set: bool,
    /// The element's computed `direction` is `rtl`.
    pub computed_rtl: bool,
    /// `data-heading`: the carousel's heading and accessible name.
    pub heading: Option<&'a str>,
    /// The publisher's words: `(name, value)` of each `data-text-<key>`
    /// attribute.
    pub texts: &'a [(String, String)],
    /// The origins the page allows (`<meta name="lede-origins">`), if it
    /// names any.
    pub allowed: Option<&'a Origins>,
    /// The words files the page has learnt (none: the built-in words).
    pub lexicon: Option<&'a Lexicon>,
}

/// The origins a page allows its widgets to load feeds and media from and
/// to link to: `<meta name="lede-origins" content="self https://api.example">`
/// in its `<head>`, for sites where markup comes from users (a sanitizer
/// keeps `data-*` attributes, so a comment could become a widget with
/// someone else's feeds and links). `self` is the page's own origin.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origins(Vec<String>);

impl Origins {
    /// The allowlist in a meta element's `content`, with `page` for `self`;
    /// the words that are not origins are returned to be told.
    ///
    /// ```
    /// use lede::core::config::Origins;
    /// use lede::core::url::SafeUrl;
    /// let page = SafeUrl::parse("https://news.example/a.html").unwrap();
    /// let (o, bad) = Origins::parse("self https://Media.Example:443 nope", &page);
    /// assert!(o.allows(&SafeUrl::parse("https://media.example/x.jpg").unwrap()));
    /// assert!(o.allows(&SafeUrl::parse("https://news.example/api/1.json").unwrap()));
    /// assert!(!o.allows(&SafeUrl::parse("https://evil.example/1.json").unwrap()));
    /// assert_eq!(bad, ["nope"]);
    /// ```
    pub fn parse<'c>(content: &'c str, page: &SafeUrl) -> (Origins, Vec<&'c str>) {
        let mut origins = Vec::new();
        let mut bad = Vec::new();
        for word in scan::words(content) {
            let url = if word.eq_ignore_ascii_case("self") {
                Some(page.clone())
            } else {
                SafeUrl::parse(word).filter(|u| {
                    u.as_str().len() == u.origin().len() || u.as_str().len() == u.origin().len() + 1
                })
            };
            match url {
                Some(u) => origins.push(u.same_origin_key()),
                None => bad.push(word),
            }
        }
        (Origins(origins), bad)
    }

    /// Whether `url` is on one of the origins.
    pub fn allows(&self, url: &SafeUrl) -> bool {
        let key = url.same_origin_key();
        self.0.contains(&key)
    }
}

/// The colour scheme a publisher asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// The page's colour scheme (its `color-scheme`, inherited into the
    /// shadow root; a page declaring none is light), with no background of
    /// the widget's own.
    #[default]
    Auto,
    /// Always light, on the widget's own light background.
    Light,
    /// Always dark, on the widget's own dark background.
    Dark,
}

impl Theme {
    /// The value of the root's `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A usable configuration of one widget.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The article feed, if the widget shows an article.
    pub article: Option<SafeUrl>,
    /// The related feed, if the widget shows a carousel.
    pub related: Option<SafeUrl>,
    /// Where `pic` paths are joined to.
    pub media_base: MediaBase,
    /// Where related stories link to.
    pub links: LinkTemplate,
    /// Where videos' posters are, for items without a `poster` of their own.
    pub posters: Option<PosterTemplate>,
    /// The widget's own words: its language's, with the publisher's over
    /// them.
    pub lang: Lang,
    /// The language tag for dates (`Intl.DateTimeFormat`); empty for the
    /// reader's default.
    pub locale: String,
    /// Which way it reads.
    pub dir: Direction,
    /// The colour scheme.
    pub theme: Theme,
    /// Console lines for the publisher: words it gave that are not used.
    pub notes: Vec<String>,
}

/// Why an element's attributes cannot make a widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// Neither `data-article-src` nor `data-related-src`.
    NoSource,
    /// An attribute that is not a URL an http(s) page can use.
    BadUrl {
        /// The attribute's name.
        attribute: &'static str,
        /// Its value.
        value: String,
    },
    /// A URL attribute with user information (`user:pw@host`), which the
    /// browser refuses to fetch.
    UserInfo {
        /// The attribute's name.
        attribute: &'static str,
        /// Its value.
        value: String,
    },
    /// `data-link-template` whose `{id}` is in the host: a feed's id would
    /// choose where links go.
    TemplateIdInHost {
        /// The template.
        value: String,
    },
    /// `data-link-template` without `{id}`.
    TemplateWithoutId {
        /// The template.
        value: String,
    },
    /// `data-link-template` that gives a non-http(s) URL.
    TemplateNotHttp {
        /// The template.
        value: String,
    },
    /// `data-poster-template` without `{path}`, or not giving an http(s)
    /// URL of an image.
    PosterTemplate {
        /// The template.
        value: String,
    },
    /// A URL attribute on an origin the page does not allow
    /// (`<meta name="lede-origins">`).
    NotAllowed {
        /// The attribute's name.
        attribute: &'static str,
        /// Its value.
        value: String,
    },
    /// The page itself is not on http(s), so relative URLs have no base.
    PageNotHttp {
        /// The page's base URL.
        value: String,
    },
}

/// The console line of [`ConfigError::NoSource`], in a `[data-lede]`
/// element's names (`mount::attrs` gives a `<lede-widget>` its own).
pub const NO_SOURCE: &str =
    "lede: a [data-lede] element needs data-article-src, data-related-src or both";

impl ConfigError {
    /// The detail for the console, saying which attribute to fix.
    pub fn detail(&self) -> String {
        // The attribute (if the sentence names one), the sentence, the
        // value: one `concat`, not a `push_str` each.
        let (attribute, what, value): (&str, &str, &str) = match self {
            ConfigError::NoSource => return NO_SOURCE.into(),
            ConfigError::BadUrl { attribute, value } => (attribute, " is not an http(s) URL", value),
            ConfigError::UserInfo { attribute, value } => (
                attribute,
                " has a user name or password (user:pw@), which browsers refuse to fetch; remove it",
                value,
            ),
            ConfigError::NotAllowed { attribute, value } => (
                attribute,
                " is on an origin this page does not allow (<meta name=\"lede-origins\">)",
                value,
            ),
            ConfigError::TemplateIdInHost { value } => (
                "",
                "data-link-template has {id} in its host; put it in the path, query or fragment",
                value,
            ),
            ConfigError::TemplateWithoutId { value } => {
                ("", "data-link-template has no {id} placeholder", value)
            }
            ConfigError::TemplateNotHttp { value } => {
                ("", "data-link-template does not give an http(s) URL", value)
            }
            ConfigError::PosterTemplate { value } => (
                "",
                "data-poster-template needs {path} and must give an http(s) image URL",
                value,
            ),
            ConfigError::PageNotHttp { value } => (
                "",
                "the page is not served over http(s), so its feeds cannot be resolved",
                value,
            ),
        };
        ["lede: ", attribute, what, ": \"", value, "\""].concat()
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.detail())
    }
}

impl std::error::Error for ConfigError {}

/// A configuration that cannot work: why, and the language (with the
/// publisher's words) to say so in.
#[derive(Debug, Clone, PartialEq)]
pub struct Misconfigured {
    /// What is wrong, for the console.
    pub error: ConfigError,
    /// The widget's language, for its message.
    pub lang: Lang,
}

impl Config {
    /// [`Config::from_attrs`], or, when the attributes cannot work, why and
    /// the language of the message that says so.
    ///
    /// # Errors
    /// [`Misconfigured`], as [`Config::from_attrs`] explains.
    pub fn read(attrs: &Attrs, page: &str) -> Result<Config, Misconfigured> {
        Config::from_attrs(attrs, page).map_err(|error| Misconfigured {
            error,
            // Still in the publisher's words, which say what went wrong.
            lang: words(attrs).0,
        })
    }
}

/// The error for a URL attribute that cannot be used: user information
/// named as such, anything else as not an http(s) URL.
fn bad_url(attribute: &'static str, value: &str) -> ConfigError {
    let value = value.to_owned();
    if has_userinfo(&value) {
        ConfigError::UserInfo { attribute, value }
    } else {
        ConfigError::BadUrl { attribute, value }
    }
}

/// Resolves an optional URL attribute against the page.
fn url_attr(
    page: &SafeUrl,
    attribute: &'static str,
    value: Option<&str>,
) -> Result<Option<SafeUrl>, ConfigError> {
    match value {
        None => Ok(None),
        Some(v) => page
            .resolve(v)
            .filter(|_| !v.trim().is_empty())
            .map(Some)
            .ok_or_else(|| bad_url(attribute, v)),
    }
}

impl Config {
    /// Reads a widget's configuration.
    ///
    /// `page` is the document's base URL. Feed and media URLs may be relative
    /// to it. The media base defaults to the related feed's origin, the link
    /// template to `/news/{id}`. Without a `dir` anywhere, Arabic, Persian,
    /// Urdu and Hebrew are laid out right to left. `data-heading` wins over
    /// `data-text-related-stories`.
    ///
    /// # Errors
    /// See [`ConfigError`]; an empty attribute counts as a bad one, not a
    /// missing one, since a publisher who wrote it meant something.
    pub fn from_attrs(attrs: &Attrs, page: &str) -> Result<Config, ConfigError> {
        let page = SafeUrl::parse(page).ok_or_else(|| ConfigError::PageNotHttp {
            value: page.to_owned(),
        })?;
        let article = url_attr(&page, "data-article-src", attrs.article_src)?;
        let related = url_attr(&page, "data-related-src", attrs.related_src)?;
        if article.is_none() && related.is_none() {
            return Err(ConfigError::NoSource);
        }
        let media_base = match url_attr(&page, "data-media-base", attrs.media_base)? {
            Some(base) => MediaBase::new(&base),
            None => MediaBase::origin_of(related.as_ref().unwrap_or(&page)),
        };
        let allowed = |attribute: &'static str, value: Option<&str>, url: Option<&SafeUrl>| match (
            attrs.allowed,
            url,
        ) {
            (Some(origins), Some(u)) if !origins.allows(u) => Err(ConfigError::NotAllowed {
                attribute,
                value: value.unwrap_or_default().to_owned(),
            }),
            _ => Ok(()),
        };
        allowed("data-article-src", attrs.article_src, article.as_ref())?;
        allowed("data-related-src", attrs.related_src, related.as_ref())?;
        if let Some(base) = attrs.media_base {
            allowed(
                "data-media-base",
                Some(base),
                MediaBase::new_url(&media_base).as_ref(),
            )?;
        }
        let template = attrs.link_template.unwrap_or(LinkTemplate::DEFAULT);
        let links = LinkTemplate::parse(template, &page).map_err(|e| {
            let value = template.to_owned();
            match e {
                TemplateError::MissingId => ConfigError::TemplateWithoutId { value },
                _ if has_userinfo(template) => ConfigError::UserInfo {
                    attribute: "data-link-template",
                    value,
                },
                TemplateError::NotHttp => ConfigError::TemplateNotHttp { value },
                TemplateError::IdInHost => ConfigError::TemplateIdInHost { value },
            }
        })?;
        allowed(
            "data-link-template",
            Some(template),
            links.origin().as_ref(),
        )?;
        // Tried on a video path: a template giving no image is a mistake.
        let posters = match attrs.poster_template {
            None => None,
            Some(t) => Some(
                PosterTemplate::parse(t)
                    .filter(|p| poster(None, "/a.mp4", &media_base, Some(p)).is_some())
                    .ok_or_else(|| ConfigError::PosterTemplate {
                        value: t.to_owned(),
                    })?,
            ),
        };
        if let (Some(t), Some(p)) = (attrs.poster_template, &posters) {
            let example = poster(None, "/a.mp4", &media_base, Some(p));
            allowed("data-poster-template", Some(t), example.as_ref())?;
        }
        // For `Intl`, which refuses `ar_EG` (a RangeError: the dates would
        // fall back to the reader's own locale).
        let locale = intl_tag(attrs.lang.unwrap_or(""));
        let (lang, notes) = words(attrs);
        let dir = match (attrs.dir_set, attrs.computed_rtl) {
            (true, true) => Direction::Rtl,
            (true, false) => Direction::Ltr,
            (false, _) => lang.language().direction(),
        };
        let theme = match attrs.theme.map(str::trim) {
            Some(t) if t.eq_ignore_ascii_case("light") => Theme::Light,
            Some(t) if t.eq_ignore_ascii_case("dark") => Theme::Dark,
            _ => Theme::Auto,
        };
        Ok(Config {
            article,
            related,
            media_base,
            links,
            posters,
            lang,
            locale,
            dir,
            theme,
            notes,
        })
    }
}

/// The widget's words from its `lang`, `data-text-*` and `data-heading`,
/// and the console lines for the words not used; also for a widget whose
/// configuration is unusable, which still says so in its language.
///
/// ```
/// use lede::core::config::{words, Attrs};
/// use lede::core::i18n::Text;
/// let texts = [("data-text-related-stories", "Also read"), ("data-text-retry", "Try again")]
///     .map(|(k, v)| (k.to_owned(), v.to_owned()));
/// let attrs = Attrs { lang: Some("de"), heading: Some("Mehr vom Meridian"), texts: &texts, ..Attrs::default() };
/// let (lang, notes) = words(&attrs);
/// assert_eq!(Text::RelatedStories.get(&lang), "Mehr vom Meridian");
/// assert_eq!(Text::Retry.get(&lang), "Try again");
/// assert!(notes.is_empty());
/// ```
pub fn words(attrs: &Attrs) -> (Lang, Vec<String>) {
    let mut words: Vec<(&str, &str)> = attrs
        .texts
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    // Last, so that it wins over `data-text-related-stories`.
    if let Some(h) = attrs.heading {
        words.push((HEADING_ATTR, h));
    }
    let tag = attrs.lang.unwrap_or("");
    match attrs.lexicon {
        Some(lexicon) => Lang::new(tag, &words, lexicon),
        None => Lang::new(tag, &words, &Lexicon::default()),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::i18n::{Direction, Language, Text};
    use crate::core::url::SafeUrl;

    const PAGE: &str = "https://news.example/world/1855600.html";

    fn cfg(attrs: Attrs) -> Result<Config, ConfigError> {
        Config::from_attrs(&attrs, PAGE)
    }

    fn ok(attrs: Attrs) -> Config {
        cfg(attrs).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_design_embed() {
        let c = ok(Attrs {
            article_src: Some("https://news.example/api/article/1855600.json"),
            related_src: Some("https://news.example/api/related/1855600.json"),
            media_base: Some("https://media.news.example/uploads"),
            link_template: Some("https://news.example/news/{id}"),
            poster_template: None,
            lang: Some("ar"),
            dir_set: true,
            computed_rtl: true,
            theme: None,
            allowed: None,
            lexicon: None,
            heading: None,
            texts: &[],
        });
        assert_eq!(
            c.article.as_ref().map(SafeUrl::as_str),
            Some("https://news.example/api/article/1855600.json")
        );
        assert_eq!(c.media_base.as_str(), "https://media.news.example/uploads");
        assert_eq!(
            c.links.link("7").map(|u| u.to_string()).as_deref(),
            Some("https://news.example/news/7")
        );
        assert_eq!(
            (c.lang.language(), c.locale.as_str(), c.dir, c.theme),
            (Language::Ar, "ar", Direction::Rtl, Theme::Auto)
        );
    }

    #[test]
    fn a_tag_written_with_an_underscore_is_a_locale_intl_reads() {
        let c = ok(Attrs {
            related_src: Some("/r.json"),
            lang: Some(" ar_EG "),
            ..Attrs::default()
        });
        assert_eq!(
            (
                c.lang.language(),
                c.locale.as_str(),
                c.lang.number_tag(),
                c.dir
            ),
            (Language::Ar, "ar-EG", "ar-EG", Direction::Rtl)
        );
    }

    #[test]
    fn defaults_and_relative_urls() {
        let c = ok(Attrs {
            related_src: Some("/api/related/1.json"),
            ..Attrs::default()
        });
        assert_eq!(c.article, None);
        assert_eq!(
            c.related.as_ref().map(SafeUrl::as_str),
            Some("https://news.example/api/related/1.json")
        );
        assert_eq!(c.media_base.as_str(), "https://news.example");
        assert_eq!(
            c.links.link("1").map(|u| u.to_string()).as_deref(),
            Some("https://news.example/news/1")
        );
        assert_eq!(
            (c.lang, c.dir, c.locale.as_str()),
            (Lang::en(), Direction::Ltr, "")
        );
        assert!(c.notes.is_empty());

        let c = ok(Attrs {
            related_src: Some("https://feeds.example/r.json"),
            ..Attrs::default()
        });
        assert_eq!(
            c.media_base.as_str(),
            "https://feeds.example",
            "media base defaults to the related feed's origin"
        );

        let c = ok(Attrs {
            article_src: Some("api/a.json"),
            media_base: Some("media/"),
            ..Attrs::default()
        });
        assert_eq!(
            c.article.as_ref().map(SafeUrl::as_str),
            Some("https://news.example/world/api/a.json")
        );
        assert_eq!(c.media_base.as_str(), "https://news.example/world/media");
    }

    #[test]
    fn direction_language_and_theme() {
        let rtl = |lang, dir_set, computed_rtl| {
            ok(Attrs {
                article_src: Some("a"),
                lang,
                dir_set,
                computed_rtl,
                ..Attrs::default()
            })
            .dir == Direction::Rtl
        };
        assert!(
            rtl(Some("ar"), false, false),
            "Arabic without any dir is right to left"
        );
        assert!(!rtl(Some("ar"), true, false), "an explicit dir=ltr wins");
        assert!(rtl(Some("en"), true, true), "an explicit dir=rtl wins");
        assert!(!rtl(None, false, false));
        for tag in ["fa", "FA-ir", "ur", "he-IL", "ar-u-nu-latn"] {
            assert!(rtl(Some(tag), false, false), "{tag} without any dir");
            assert!(!rtl(Some(tag), true, false), "{tag} under dir=ltr");
        }
        for tag in ["fr-CA", "zh", "yi", "en"] {
            assert!(!rtl(Some(tag), false, false), "{tag} without any dir");
        }
        let theme = |t| {
            ok(Attrs {
                article_src: Some("a"),
                theme: t,
                ..Attrs::default()
            })
            .theme
        };
        assert_eq!(theme(Some("dark")), Theme::Dark);
        assert_eq!(theme(Some(" LIGHT ")), Theme::Light);
        assert_eq!(theme(Some("sepia")), Theme::Auto);
        assert_eq!(Theme::Dark.as_str(), "dark");
    }

    #[test]
    fn the_publishers_words() {
        let texts = [
            ("data-text-related-stories", "Also read"),
            ("data-text-retry", "Encore"),
            ("data-text-colour", "red"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()));
        let c = ok(Attrs {
            related_src: Some("r.json"),
            lang: Some("fr-CA"),
            heading: Some("À lire sur The Meridian"),
            texts: &texts,
            ..Attrs::default()
        });
        assert_eq!(c.lang.language(), Language::Fr);
        assert_eq!(Text::RelatedStories.get(&c.lang), "À lire sur The Meridian");
        assert_eq!(Text::Retry.get(&c.lang), "Encore");
        assert_eq!(Text::Next.get(&c.lang), "Articles suivants");
        assert_eq!(c.notes.len(), 1);
        assert_eq!(c.notes, ["lede: data-text-colour is not used: unknown key"]);
        let (_, notes) = words(&Attrs {
            heading: Some("<em>More</em>"),
            ..Attrs::default()
        });
        assert!(
            notes[0].starts_with("lede: data-heading is not used: looks like HTML"),
            "{notes:?}"
        );
    }

    #[test]
    fn bad_configurations() {
        assert_eq!(cfg(Attrs::default()), Err(ConfigError::NoSource));
        let bad = |attrs: Attrs| cfg(attrs).err();
        assert_eq!(
            bad(Attrs {
                article_src: Some("javascript:alert(1)"),
                ..Attrs::default()
            }),
            Some(ConfigError::BadUrl {
                attribute: "data-article-src",
                value: "javascript:alert(1)".into()
            })
        );
        assert_eq!(
            bad(Attrs {
                related_src: Some("ftp://x.example/r.json"),
                ..Attrs::default()
            }),
            Some(ConfigError::BadUrl {
                attribute: "data-related-src",
                value: "ftp://x.example/r.json".into()
            })
        );
        assert_eq!(
            bad(Attrs {
                related_src: Some(""),
                article_src: Some("a.json"),
                ..Attrs::default()
            }),
            Some(ConfigError::BadUrl {
                attribute: "data-related-src",
                value: String::new()
            })
        );
        assert_eq!(
            bad(Attrs {
                related_src: Some("https://"),
                ..Attrs::default()
            }),
            Some(ConfigError::BadUrl {
                attribute: "data-related-src",
                value: "https://".into()
            })
        );
        assert_eq!(
            bad(Attrs {
                related_src: Some("r.json"),
                media_base: Some("data:,x"),
                ..Attrs::default()
            }),
            Some(ConfigError::BadUrl {
                attribute: "data-media-base",
                value: "data:,x".into()
            })
        );
        assert_eq!(
            bad(Attrs {
                related_src: Some("r.json"),
                link_template: Some("/news/"),
                ..Attrs::default()
            }),
            Some(ConfigError::TemplateWithoutId {
                value: "/news/".into()
            })
        );
        assert_eq!(
            bad(Attrs {
                related_src: Some("r.json"),
                link_template: Some("javascript:open({id})"),
                ..Attrs::default()
            }),
            Some(ConfigError::TemplateNotHttp {
                value: "javascript:open({id})".into()
            })
        );
        // User information, named as such, wherever a URL is given.
        for (attrs, attribute) in [
            (
                Attrs {
                    related_src: Some("https://user:pw@news.example/r.json"),
                    ..Attrs::default()
                },
                "data-related-src",
            ),
            (
                Attrs {
                    article_src: Some("//u@news.example/a.json"),
                    ..Attrs::default()
                },
                "data-article-src",
            ),
            (
                Attrs {
                    related_src: Some("r.json"),
                    media_base: Some("https://u:p@media.example/"),
                    ..Attrs::default()
                },
                "data-media-base",
            ),
            (
                Attrs {
                    related_src: Some("r.json"),
                    link_template: Some("https://u:p@news.example/{id}"),
                    ..Attrs::default()
                },
                "data-link-template",
            ),
        ] {
            let e = bad(attrs);
            assert!(
                matches!(&e, Some(ConfigError::UserInfo { attribute: a, .. }) if *a == attribute),
                "{e:?}"
            );
            let detail = e.map(|e| e.detail()).unwrap_or_default();
            assert!(detail.contains(attribute) && detail.contains("user name or password"));
        }
        assert_eq!(
            bad(Attrs {
                related_src: Some("r.json"),
                link_template: Some("https://{id}.news.example/"),
                ..Attrs::default()
            }),
            Some(ConfigError::TemplateIdInHost {
                value: "https://{id}.news.example/".into()
            })
        );
        for template in [
            "/posters/x.jpg",
            "{path}",
            "{path}.mp4",
            "javascript:{path}.jpg",
        ] {
            assert_eq!(
                bad(Attrs {
                    related_src: Some("r.json"),
                    poster_template: Some(template),
                    ..Attrs::default()
                }),
                Some(ConfigError::PosterTemplate {
                    value: template.into()
                }),
                "template {template:?}"
            );
        }
        assert_eq!(
            Config::from_attrs(
                &Attrs {
                    related_src: Some("r.json"),
                    ..Attrs::default()
                },
                "file:///tmp/x.html"
            ),
            Err(ConfigError::PageNotHttp {
                value: "file:///tmp/x.html".into()
            })
        );
    }

    #[test]
    fn poster_templates() {
        let c = ok(Attrs {
            related_src: Some("r.json"),
            media_base: Some("https://media.example/up"),
            poster_template: Some("{path}.jpg"),
            ..Attrs::default()
        });
        let p = |c: &Config| {
            poster(None, "/v/a.mp4", &c.media_base, c.posters.as_ref()).map(|u| u.to_string())
        };
        assert_eq!(p(&c).as_deref(), Some("https://media.example/up/v/a.jpg"));
        let c = ok(Attrs {
            related_src: Some("r.json"),
            poster_template: Some("https://img.example/p{path}.webp"),
            ..Attrs::default()
        });
        assert_eq!(p(&c).as_deref(), Some("https://img.example/p/v/a.webp"));
        let c = ok(Attrs {
            related_src: Some("r.json"),
            ..Attrs::default()
        });
        assert_eq!((&c.posters, p(&c)), (&None, None), "no template, no poster");
        assert!(ConfigError::PosterTemplate { value: "x".into() }
            .detail()
            .contains("data-poster-template"));
    }

    #[test]
    fn an_allowlist_of_origins() {
        let page = SafeUrl::parse(PAGE).unwrap_or_else(|| panic!("page"));
        let (origins, bad) = Origins::parse(
            " self\thttps://api.example  https://media.example/ http://x.example/path ftp://y.example",
            &page,
        );
        assert_eq!(bad, ["http://x.example/path", "ftp://y.example"]);
        let with = |attrs: Attrs| {
            Config::from_attrs(
                &Attrs {
                    allowed: Some(&origins),
                    ..attrs
                },
                PAGE,
            )
        };
        let fine = with(Attrs {
            article_src: Some("/a.json"),
            related_src: Some("https://API.example:443/r.json"),
            media_base: Some("https://media.example/up"),
            link_template: Some("/news/{id}"),
            poster_template: Some("{path}.jpg"),
            ..Attrs::default()
        });
        assert!(fine.is_ok(), "{fine:?}");
        for (attrs, attribute) in [
            (
                Attrs {
                    article_src: Some("https://evil.example/a.json"),
                    ..Attrs::default()
                },
                "data-article-src",
            ),
            (
                Attrs {
                    related_src: Some("http://api.example/r.json"),
                    ..Attrs::default()
                },
                "data-related-src",
            ),
            (
                Attrs {
                    related_src: Some("r.json"),
                    media_base: Some("https://evil.example/m"),
                    ..Attrs::default()
                },
                "data-media-base",
            ),
            (
                Attrs {
                    related_src: Some("r.json"),
                    link_template: Some("https://evil.example/n/{id}"),
                    ..Attrs::default()
                },
                "data-link-template",
            ),
            (
                Attrs {
                    related_src: Some("r.json"),
                    poster_template: Some("https://evil.example{path}.jpg"),
                    ..Attrs::default()
                },
                "data-poster-template",
            ),
        ] {
            let e = with(attrs);
            assert!(
                matches!(&e, Err(ConfigError::NotAllowed { attribute: a, .. }) if *a == attribute),
                "{attribute}: {e:?}"
            );
            let detail = e.err().map(|e| e.detail()).unwrap_or_default();
            assert!(detail.contains("lede-origins") && detail.contains(attribute));
        }
        // Without a list, any origin.
        assert!(cfg(Attrs {
            related_src: Some("https://evil.example/r.json"),
            ..Attrs::default()
        })
        .is_ok());
    }

    #[test]
    fn details_name_the_attribute() {
        let e = ConfigError::BadUrl {
            attribute: "data-media-base",
            value: "data:,x".into(),
        };
        assert_eq!(
            e.detail(),
            "lede: data-media-base is not an http(s) URL: \"data:,x\""
        );
        assert!(ConfigError::NoSource.detail().contains("data-article-src"));
        assert!(ConfigError::TemplateWithoutId {
            value: "/n/".into()
        }
        .to_string()
        .contains("{id}"));
    }
}
