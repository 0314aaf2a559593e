//! Minifies style/lede.css into OUT_DIR for `include_str!` in src/mount/host.rs:
//! comments and needless whitespace go, nothing else changes. Every byte of
//! it ships inside the wasm to every reader.
// The build script runs on the host, not in the wasm: it may format.
#![allow(clippy::disallowed_macros)]

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    // Drop comments.
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    text.push_str(rest);
    // Collapse whitespace, then drop it around punctuation where CSS never
    // needs it. (Not around `+`, `-`, `/` or `(`: calc() and selectors do.)
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words.join(" ");
    for p in ["{", "}", ";", ",", ">"] {
        out = out
            .replace(&format!(" {p}"), p)
            .replace(&format!("{p} "), p);
    }
    out = out.replace(": ", ":").replace(";}", "}");
    out
}

fn main() {
    let src = "style/lede.css";
    println!("cargo:rerun-if-changed={src}");
    let css = fs::read_to_string(src).expect("style/lede.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lede.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}
