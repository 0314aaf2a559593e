//! The functions lede.js calls: `start(words)`, `mount(element)`,
//! `unmount(element)` and `refresh(element)`. (lede.js gives the page its
//! handles, defines `<lede-widget>`, and survives the code's restarts.)

use super::{refresh_element, registry, unmount_element};
use crate::core::i18n::Language;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// `start(words, take)`: mounts every `[data-lede]` element of the page and
/// keeps watching for ones added, removed or changed later. `words` maps
/// each language code whose words are not built in to its file's URL
/// (lede.js names them beside itself, where a bundler may have moved them);
/// `take` is the glue's, which gives the feeds it read ahead (if any).
#[wasm_bindgen]
pub fn start(words: JsValue, take: JsValue) {
    crate::net::read_ahead_from(take);
    let mut urls: Vec<(Language, String)> = Vec::new();
    for l in Language::ALL {
        if let Some(url) = js_sys::Reflect::get(&words, &l.code().into())
            .ok()
            .and_then(|u| u.as_string())
        {
            urls.push((l, url));
        }
    }
    registry::with(|r| r.words_urls = urls);
    super::start();
}

/// `refresh(element)`: reads the element's attributes again (a
/// `<lede-widget>`'s attribute changed where the page observer cannot see
/// it, inside another component's shadow root).
#[wasm_bindgen]
pub fn refresh(element: JsValue) {
    if let Ok(host) = element.dyn_into::<Element>() {
        refresh_element(&host);
    }
}

/// `mount(element)`: makes `element` a widget, now if it is near the
/// viewport (or `eager`), else when the reader scrolls near it. One that
/// is a widget already stays one, taking on the `lang` and `dir` of a new
/// place if it was moved.
/// Throws for something that is not an element, or an element that cannot
/// hold a widget.
#[wasm_bindgen]
pub fn mount(element: JsValue) -> Result<(), JsValue> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| js_sys::TypeError::new("lede.mount: expected an Element"))?;
    // `lede.js` puts its own "lede: " before the message.
    super::queue::mount_when_near(&host).map_err(|e| {
        let detail = e.detail();
        js_sys::Error::new(detail.strip_prefix("lede: ").unwrap_or(detail)).into()
    })
}

/// `unmount(element)`: removes the element's widget and frees everything
/// it holds, or cancels its turn if it is still waiting for one. The
/// element keeps its (now empty) shadow root and can be mounted again.
#[wasm_bindgen]
pub fn unmount(element: JsValue) {
    if let Ok(host) = element.dyn_into::<Element>() {
        unmount_element(&host);
    }
}
