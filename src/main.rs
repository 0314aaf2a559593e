//! The wasm start-up: mounts every `[data-lede]` element of the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    mount_to_body(|| view! { <p>"hello"</p> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
