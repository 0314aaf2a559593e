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
    out = out
        .replace(": ", ":")
        .replace(";}", "}")
        .replace(" / ", "/")
        .replace(" !important", "!important");
    unquote_attribute_values(&drop_leading_zeros(&out))
}

/// `0.875em` is `.875em`: a zero before a decimal point goes unless a
/// digit, a letter or a point comes before it (`10.5`, `h0.5`).
fn drop_leading_zeros(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut prev = ' ';
    for (i, c) in css.char_indices() {
        let standalone = !(prev.is_ascii_alphanumeric() || matches!(prev, '.' | '_' | '#'));
        let after = &css[i + c.len_utf8()..];
        let fraction = after
            .strip_prefix('.')
            .is_some_and(|d| d.starts_with(|d: char| d.is_ascii_digit()));
        if !(c == '0' && standalone && fraction) {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// `[data-state="ready"]` is `[data-state=ready]`: the quotes of an
/// attribute selector's value go when the value is an identifier.
fn unquote_attribute_values(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("=\"") {
        let (before, from) = rest.split_at(at + 1);
        out.push_str(before);
        let value = &from[1..];
        let end = value.find('"').unwrap_or(value.len());
        let ident = &value[..end];
        let plain = ident.starts_with(|c: char| c.is_ascii_alphabetic())
            && ident.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if plain && value[end..].starts_with("\"]") {
            out.push_str(ident);
            rest = &value[end + 1..];
        } else {
            out.push('"');
            rest = value;
        }
    }
    out.push_str(rest);
    out
}

fn main() {
    let src = "style/lede.css";
    println!("cargo:rerun-if-changed={src}");
    let css = fs::read_to_string(src).expect("style/lede.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lede.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}
