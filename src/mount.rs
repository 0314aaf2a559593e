//! Host elements: finding `[data-lede]` elements, giving each an open shadow
//! root with the stylesheet and a widget, and unmounting the ones that leave
//! the page.

use crate::core::config::{words, Attrs, Config};
use crate::core::text::{Lang, HEADING_ATTR, TEXT_ATTR_PREFIX};
use crate::dom::{console_error, console_warn, dict};
use crate::ui::widget::{Misconfigured, Widget};
use leptos::either::Either;
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, Document, Element, HtmlElement, MutationObserver, MutationObserverInit,
    MutationRecord, ShadowRoot,
};

/// The widget's stylesheet, compiled in: no request, no flash of unstyled
/// content, and nothing a strict `style-src` has to allow.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/lede.min.css"));

/// The selector of host elements.
const HOSTS: &str = "[data-lede]";

/// Set on a host element while it holds a widget.
const MOUNTED_ATTR: &str = "data-lede-mounted";

/// Marks the container inside a shadow root that a widget is mounted into.
const ROOT_ATTR: &str = "data-lede-root";

/// Why an element could not become a widget.
#[derive(Debug, Clone, PartialEq)]
pub enum MountError {
    /// The element cannot have a shadow root (`<img>`, `<input>`, …).
    NoShadowRoot,
    /// Another copy of Lede on the page already owns it.
    Taken,
    /// The page has no document or window (not a browser page).
    NoDocument,
}

impl MountError {
    fn detail(&self) -> &'static str {
        match self {
            MountError::NoShadowRoot => {
                "lede: this element cannot hold a shadow root; use a <div data-lede>"
            }
            MountError::Taken => {
                "lede: this element already holds a widget from another copy of Lede"
            }
            MountError::NoDocument => "lede: no document to mount into",
        }
    }
}

struct Mounted {
    host: Element,
    /// Leptos's unmount handle: dropping it removes the view and disposes
    /// its reactive owner (effects, observers, timers, fetches).
    _handle: Box<dyn Any>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
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

fn is_mounted(host: &Element) -> bool {
    MOUNTED.with(|m| m.borrow().iter().any(|w| &w.host == host))
}

/// The element's open shadow root and the empty container to mount into.
fn prepare(document: &Document, host: &Element) -> Result<HtmlElement, MountError> {
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

/// Reads a host's configuration from its attributes and surroundings.
fn read_config(
    document: &Document,
    host: &Element,
) -> Result<Config, (crate::core::config::ConfigError, Lang)> {
    let attr = |name: &str| host.get_attribute(name);
    let (article, related, base, template, theme) = (
        attr("data-article-src"),
        attr("data-related-src"),
        attr("data-media-base"),
        attr("data-link-template"),
        attr("data-theme"),
    );
    let lang = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"));
    let dir_set = host.closest("[dir]").ok().flatten().is_some();
    // The computed direction counts only under an explicit `dir`, and reading
    // it makes the browser compute the page's styles at once: only then.
    let computed_rtl = dir_set
        && web_sys::window()
            .and_then(|w| w.get_computed_style(host).ok().flatten())
            .and_then(|s| s.get_property_value("direction").ok())
            .is_some_and(|d| d == "rtl");
    let page = document.base_uri().ok().flatten().unwrap_or_default();
    let (heading, texts) = (attr(HEADING_ATTR), text_attrs(host));
    let texts: Vec<(&str, &str)> = texts
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let attrs = Attrs {
        article_src: article.as_deref(),
        related_src: related.as_deref(),
        media_base: base.as_deref(),
        link_template: template.as_deref(),
        theme: theme.as_deref(),
        lang: lang.as_deref(),
        dir_set,
        computed_rtl,
        heading: heading.as_deref(),
        texts: &texts,
    };
    match Config::from_attrs(&attrs, &page) {
        Ok(config) => Ok(config),
        // Still in the publisher's words, which say what went wrong.
        Err(e) => Err((e, words(&attrs).0)),
    }
}

/// The `data-text-<key>` attributes of a host: `(name, value)`, in order.
fn text_attrs(host: &Element) -> Vec<(String, String)> {
    host.get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter(|name| name.starts_with(TEXT_ATTR_PREFIX))
        .filter_map(|name| Some((host.get_attribute(&name)?, name)))
        .map(|(value, name)| (name, value))
        .collect()
}

/// Mounts one host element as a widget; a no-op if it already is one.
///
/// # Errors
/// [`MountError`] when the element cannot hold a widget. A bad configuration
/// is not an error here: the widget then shows a message in place.
pub fn mount_element(host: &Element) -> Result<(), MountError> {
    if is_mounted(host) {
        return Ok(());
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(MountError::NoDocument)?;
    let container = prepare(&document, host)?;
    let config = read_config(&document, host);
    let lang = match &config {
        Ok(c) => {
            let _ = container.set_attribute("dir", if c.rtl { "rtl" } else { "ltr" });
            let _ = container.set_attribute("data-theme", c.theme.as_str());
            if !c.locale.is_empty() {
                let _ = container.set_attribute("lang", &c.locale);
            }
            for note in &c.notes {
                console_warn(note);
            }
            c.lang
        }
        Err((e, lang)) => {
            console_error(&e.detail());
            *lang
        }
    };
    let widget_host = host.clone();
    let handle = mount_to(container, move || match config {
        Ok(config) => Either::Left(view! { <Widget config=config host=widget_host /> }),
        Err(_) => Either::Right(view! { <Misconfigured lang=lang host=widget_host /> }),
    });
    // For the publisher's CSS: `[data-lede]:not([data-lede-mounted])` can
    // hold the widget's room until it mounts.
    let _ = host.set_attribute(MOUNTED_ATTR, "");
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            host: host.clone(),
            _handle: Box::new(handle),
        })
    });
    Ok(())
}

/// Unmounts the widget of a host element, if it has one.
pub fn unmount_element(host: &Element) {
    let _ = host.remove_attribute(MOUNTED_ATTR);
    unmount_where(&|h| h == host);
}

/// Unmounts every widget whose host has left the document.
fn sweep() {
    unmount_where(&|h| !h.is_connected());
}

/// Unmounts the widgets whose host is `gone`.
fn unmount_where(gone: &dyn Fn(&Element) -> bool) {
    // Take them out first: dropping a handle runs cleanups, which must not
    // find the registry borrowed.
    let gone: Vec<Mounted> = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let (gone, kept) = std::mem::take(&mut *m)
            .into_iter()
            .partition(|w| gone(&w.host));
        *m = kept;
        gone
    });
    drop(gone);
}

/// Mounts `el` if it is a host, and every host inside it.
fn mount_tree(el: &Element) {
    if el.matches(HOSTS).unwrap_or(false) {
        report(mount_element(el));
    }
    if let Ok(list) = el.query_selector_all(HOSTS) {
        for i in 0..list.length() {
            if let Some(host) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                report(mount_element(&host));
            }
        }
    }
}

fn report(result: Result<(), MountError>) {
    if let Err(e) = result {
        console_error(e.detail());
    }
}

/// The start-up: mounts every `[data-lede]` element of the page and keeps
/// watching for ones added or removed later.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        mount_tree(&root);
    }
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        let mut removed = false;
        for record in records.iter() {
            let record: MutationRecord = record.unchecked_into();
            removed |= record.removed_nodes().length() > 0;
            if let Some(target) = record.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                if record.type_() == "attributes" {
                    mount_tree(&target);
                }
            }
            let added = record.added_nodes();
            for i in 0..added.length() {
                if let Some(el) = added.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    mount_tree(&el);
                }
            }
        }
        if removed {
            sweep();
        }
    });
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    let options: MutationObserverInit = dict(&[
        ("childList", true.into()),
        ("subtree", true.into()),
        ("attributes", true.into()),
        (
            "attributeFilter",
            js_sys::Array::of1(&"data-lede".into()).into(),
        ),
    ]);
    if let Some(root) = document.document_element() {
        let _ = observer.observe_with_options(&root, &options);
    }
    // Both live as long as the page.
    on_change.forget();
    std::mem::forget(observer);
}

/// A mounted widget, as JavaScript sees it.
#[wasm_bindgen]
pub struct WidgetHandle {
    host: Element,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget and frees everything it holds. The element keeps
    /// its (now empty) shadow root and can be mounted again.
    pub fn unmount(&self) {
        unmount_element(&self.host);
    }
}

/// `mount(element)`: makes `element` a widget (or returns the handle of the
/// one it already is). Throws for something that is not an element.
#[wasm_bindgen]
pub fn mount(element: JsValue) -> Result<WidgetHandle, JsValue> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| js_sys::TypeError::new("lede.mount: expected an Element"))?;
    mount_element(&host).map_err(|e| js_sys::Error::new(e.detail()))?;
    Ok(WidgetHandle { host })
}
