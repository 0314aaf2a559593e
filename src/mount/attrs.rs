//! Reading a host's configuration: its attributes and surroundings (its
//! `lang` and `dir`, the page's URL and allowed origins), told to the
//! console where they cannot be used.

use super::registry;
use crate::core::config::{Attrs, Config, Misconfigured, Origins, NO_SOURCE};
use crate::core::i18n::{HEADING_ATTR, TEXT_ATTR_PREFIX};
use crate::core::url::SafeUrl;
use crate::dom::{console_error, console_warn};
use web_sys::{Document, Element};

/// The `lang` that a host's words follow: its own or its nearest ancestor's.
pub(super) fn lang_of(host: &Element) -> Option<String> {
    host.closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
}

/// Where a host is, as far as its words and direction go: its nearest
/// elements (itself or an ancestor) with a `lang` and with a `dir`. A host
/// moved under others is read again (a change of those attributes is
/// read as it happens).
pub(super) type Place = [Option<Element>; 2];

/// A host's [`Place`] now.
pub(super) fn place_of(host: &Element) -> Place {
    ["[lang]", "[dir]"].map(|s| host.closest(s).ok().flatten())
}

/// The name of a custom element's host (`<lede-widget>`), which takes the
/// attributes of a `[data-lede]` element without their `data-`.
pub(super) const ELEMENT: &str = "lede-widget";

/// How a host names its attributes: a `[data-lede]` element as written
/// (`data-article-src`), a `<lede-widget>` without `data-`.
struct Names {
    bare: bool,
}

impl Names {
    fn of(host: &Element) -> Names {
        Names {
            bare: host.local_name() == ELEMENT,
        }
    }

    /// The host's value of the attribute `data-…` names.
    fn get(&self, host: &Element, name: &str) -> Option<String> {
        match (self.bare, name.strip_prefix("data-")) {
            (true, Some(bare)) => host.get_attribute(bare),
            _ => host.get_attribute(name),
        }
    }

    /// A console line about attributes, in the host's names: a line about
    /// one attribute starts with its name (`lede: data-theme …`), and only
    /// that is renamed (a value quoted after it is kept as written); the
    /// line about missing sources names two, and has a `<lede-widget>`'s
    /// own. Not `str::replace`, whose substring search (Two-Way) was 0.8 KB
    /// brotli for this one call (see `core::scan`).
    fn said(&self, line: &str) -> String {
        match line.strip_prefix("lede: data-") {
            _ if !self.bare => line.to_owned(),
            Some(rest) => ["lede: ", rest].concat(),
            None if line == NO_SOURCE => {
                "lede: a <lede-widget> needs article-src, related-src or both".into()
            }
            None => line.to_owned(),
        }
    }
}

/// The `data-text-<key>` attributes of a host (`text-<key>` on a
/// `<lede-widget>`): `(name as data-text-<key>, value)`, in order.
fn text_attrs(host: &Element, names: &Names) -> Vec<(String, String)> {
    let prefix = if names.bare {
        TEXT_ATTR_PREFIX
            .strip_prefix("data-")
            .unwrap_or(TEXT_ATTR_PREFIX)
    } else {
        TEXT_ATTR_PREFIX
    };
    let mut texts = Vec::new();
    for name in host.get_attribute_names().iter() {
        if let Some(name) = name.as_string() {
            if let Some(key) = name.strip_prefix(prefix) {
                if let Some(value) = host.get_attribute(&name) {
                    texts.push(([TEXT_ATTR_PREFIX, key].concat(), value));
                }
            }
        }
    }
    texts
}

/// Whether a host asked to start at once, however far it is from view
/// (`data-loading="eager"`, or `loading="eager"` on a `<lede-widget>`).
pub(super) fn eager(host: &Element) -> bool {
    Names::of(host)
        .get(host, "data-loading")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("eager"))
}

/// Reads a host's configuration; what the console should know of it is
/// told there (an unusable configuration, words that were not taken).
pub(super) fn read_setup(document: &Document, host: &Element) -> Result<Config, Misconfigured> {
    let names = Names::of(host);
    let attr = |name: &str| names.get(host, name);
    let (article, related, base, template, theme) = (
        attr("data-article-src"),
        attr("data-related-src"),
        attr("data-media-base"),
        attr("data-link-template"),
        attr("data-theme"),
    );
    let posters = attr("data-poster-template");
    let lang = lang_of(host);
    let dir_set = host.closest("[dir]").ok().flatten().is_some();
    // The computed direction counts only under an explicit `dir`, and reading
    // it makes the browser compute the page's styles at once: only then.
    let computed_rtl = dir_set
        && web_sys::window()
            .and_then(|w| w.get_computed_style(host).ok().flatten())
            .and_then(|s| s.get_property_value("direction").ok())
            .is_some_and(|d| d == "rtl");
    let page = document.base_uri().ok().flatten().unwrap_or_default();
    let (heading, texts) = (attr(HEADING_ATTR), text_attrs(host, &names));
    let setup = registry::with(|r| {
        let attrs = Attrs {
            article_src: article.as_deref(),
            related_src: related.as_deref(),
            media_base: base.as_deref(),
            link_template: template.as_deref(),
            poster_template: posters.as_deref(),
            theme: theme.as_deref(),
            lang: lang.as_deref(),
            dir_set,
            computed_rtl,
            heading: heading.as_deref(),
            texts: &texts,
            allowed: r.allowed.as_ref(),
            lexicon: Some(&r.lexicon),
        };
        Some(Config::read(&attrs, &page))
    });
    let Some(setup) = setup else {
        // The registry was busy (a bug, said on the console): say so in place.
        return Err(Misconfigured {
            error: crate::core::config::ConfigError::NoSource,
            lang: Default::default(),
        });
    };
    match &setup {
        Ok(config) => {
            for note in &config.notes {
                console_warn(&names.said(note));
            }
        }
        Err(Misconfigured { error, .. }) => console_error(&names.said(&error.detail())),
    }
    setup
}

/// Reads the page's allowlist of origins, once (`<meta name="lede-origins">`
/// in its head: a later one, or one in the body, where users' markup
/// lands, changes nothing).
pub(super) fn read_allowed(document: &Document) {
    let content = document
        .query_selector("head > meta[name=lede-origins]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"));
    // `self` is the page's own origin, not its `<base href>`'s (a CDN where
    // users' uploads may land); a frame its parent wrote (`srcdoc`,
    // `about:blank`) has none of its own, and takes its base's, inherited.
    let url = |u: Option<String>| u.and_then(|p| SafeUrl::parse(&p));
    let page = url(document.url().ok()).or_else(|| url(document.base_uri().ok().flatten()));
    let allowed = match (content, page) {
        (Some(content), Some(page)) => {
            let (origins, bad) = Origins::parse(&content, &page);
            for word in bad {
                console_warn(
                    &[
                        "lede: <meta name=\"lede-origins\">: \"",
                        word,
                        "\" is not an origin (https://host[:port]) or self; ignored",
                    ]
                    .concat(),
                );
            }
            Some(origins)
        }
        _ => None,
    };
    registry::with(|r| r.allowed = allowed);
}
