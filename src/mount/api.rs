//! The functions lede.js calls: `mount(element)` and `unmount(element)`.
//! (lede.js gives the page its handles, and survives the code's restarts.)

use super::{mount_element, unmount_element};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// `mount(element)`: makes `element` a widget (a no-op if it is one).
/// Throws for something that is not an element, or an element that cannot
/// hold a widget.
#[wasm_bindgen]
pub fn mount(element: JsValue) -> Result<(), JsValue> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| js_sys::TypeError::new("lede.mount: expected an Element"))?;
    mount_element(&host).map_err(|e| js_sys::Error::new(e.detail()).into())
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
