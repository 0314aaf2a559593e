//! A host element's shadow root: the stylesheet in it, the container a
//! widget is mounted into, and the direction, language and theme on that
//! container.

use crate::core::config::{Config, Misconfigured};
use crate::dom::dict;
use crate::ui::live::Live;
use std::any::Any;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Document, Element, HtmlElement, ShadowRoot};

/// The widget's stylesheet, compiled in: no request, no flash of unstyled
/// content, and nothing a strict `style-src` has to allow.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/lede.min.css"));

/// Marks the container inside a shadow root that a widget is mounted into.
const ROOT_ATTR: &str = "data-lede-root";

/// Why an element could not become a widget.
#[derive(Debug, Clone, PartialEq)]
pub enum MountError {
    /// The element cannot have a shadow root (`<img>`, `<input>`, …).
    NoShadowRoot,
    /// The page's `<body>`: its shadow root would hide the whole page.
    Body,
    /// Another copy of Lede on the page already owns it.
    Taken,
    /// The page has no document or window (not a browser page).
    NoDocument,
}

impl MountError {
    /// The console's sentence.
    pub fn detail(&self) -> &'static str {
        match self {
            MountError::NoShadowRoot => {
                "lede: this element cannot hold a shadow root; use a <div data-lede>"
            }
            MountError::Body => {
                "lede: the page's <body> cannot be a widget (it would hide the page); use a <div data-lede>"
            }
            MountError::Taken => {
                "lede: this element already holds a widget from another copy of Lede"
            }
            MountError::NoDocument => "lede: no document to mount into",
        }
    }
}

/// A mounted widget.
pub(super) struct Mounted {
    pub host: Element,
    /// The container in the shadow root, which carries `dir`, `lang` and
    /// `data-theme`.
    pub container: HtmlElement,
    /// Its state, which the mount code sets from the host's attributes and
    /// the start-up queue reads.
    pub live: Live,
    /// Where the host was when its attributes were last read.
    pub place: super::attrs::Place,
    /// Leptos's unmount handle: dropping it removes the view and disposes
    /// its reactive owner (effects, observers, timers, fetches).
    pub _handle: Box<dyn Any>,
}

thread_local! {
    static SHEET: Option<CssStyleSheet> = make_sheet();
}

fn make_sheet() -> Option<CssStyleSheet> {
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(CSS).ok()?;
    Some(sheet)
}

/// Puts the stylesheet into a shadow root: the shared constructed sheet, or,
/// in a browser without constructable stylesheets, a `<style>` element.
fn add_styles(document: &Document, root: &ShadowRoot) {
    let adopted = SHEET.with(|sheet| {
        let sheet = sheet.as_ref()?;
        js_sys::Reflect::set(
            root,
            &"adoptedStyleSheets".into(),
            &js_sys::Array::of1(sheet),
        )
        .ok()
    });
    if adopted.is_none() {
        if let Ok(style) = document.create_element("style") {
            style.set_text_content(Some(CSS));
            let _ = root.append_child(&style);
        }
    }
}

/// The element's open shadow root and the empty container to mount into.
pub(super) fn prepare(document: &Document, host: &Element) -> Result<HtmlElement, MountError> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host
            .attach_shadow(&dict(&[("mode", "open".into())]))
            .map_err(|_| MountError::NoShadowRoot)?,
    };
    let existing = root
        .query_selector(&["[", ROOT_ATTR, "]"].concat())
        .ok()
        .flatten();
    let container = match existing {
        // Ours from an earlier mount: empty once unmounted.
        Some(c) if c.first_element_child().is_none() => c,
        Some(_) => return Err(MountError::Taken),
        None if root.child_element_count() > 0 => return Err(MountError::Taken),
        None => {
            add_styles(document, &root);
            let c = document
                .create_element("div")
                .map_err(|_| MountError::NoDocument)?;
            let _ = c.set_attribute(ROOT_ATTR, "");
            let _ = c.set_attribute("class", "lede");
            root.append_child(&c).map_err(|_| MountError::NoDocument)?;
            c
        }
    };
    container
        .dyn_into::<HtmlElement>()
        .map_err(|_| MountError::NoDocument)
}

/// Gives the container the direction, language and theme of `setup`.
pub(super) fn dress(container: &HtmlElement, setup: &Result<Config, Misconfigured>) {
    let Ok(c) = setup else { return };
    let _ = container.set_attribute("dir", c.dir.as_str());
    let _ = container.set_attribute("data-theme", c.theme.as_str());
    let _ = if c.locale.is_empty() {
        container.remove_attribute("lang")
    } else {
        container.set_attribute("lang", &c.locale)
    };
}

/// Marks the container of a widget that starts far from the viewport
/// (`data-loading="eager"`): its carousel is laid out and painted only once
/// the reader comes near (`content-visibility: auto` in the stylesheet), so
/// that a page of many widgets started at once does not lay out every
/// carousel in every frame. A widget in view at its start is never marked:
/// its first frame has its real height, not the stylesheet's estimate.
pub(super) fn set_far(container: &HtmlElement, far: bool) {
    let _ = if far {
        container.set_attribute("data-far", "")
    } else {
        container.remove_attribute("data-far")
    };
}
