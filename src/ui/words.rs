//! The widget's words and numbers as the browser writes them for its
//! language (`Intl`): a slide's "3 of 8" with the locale's digits, and the
//! dateline.

use crate::core::i18n::digits::{write, ALL_DIGITS};
use crate::core::i18n::{slide_label_with, Lang};
use crate::core::number::write_unsigned;
use crate::dom::{locale_string, object};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// A date as the reader's language writes it, with the time zone named
/// (`Date.prototype.toLocaleString`, which is `Intl.DateTimeFormat`'s
/// `format`). An unknown or malformed language tag falls back to the
/// browser's default language instead of throwing.
pub fn format_date(epoch_ms: i64, locale: &str) -> Option<String> {
    let options = object(&[
        ("year", "numeric".into()),
        ("month", "long".into()),
        ("day", "numeric".into()),
        ("hour", "numeric".into()),
        ("minute", "2-digit".into()),
        ("timeZoneName", "short".into()),
    ]);
    // Milliseconds within ±8.64e15 are exact in an f64; Published keeps years 0–9999.
    let date = js_sys::Date::new(&JsValue::from_f64(epoch_ms as f64)).into();
    let tag = if locale.is_empty() {
        JsValue::UNDEFINED
    } else {
        locale.into()
    };
    locale_string(&date, &tag, &options)
        .or_else(|| locale_string(&date, &JsValue::UNDEFINED, &options))
}

/// A whole number as the widget's language writes it
/// (`Number.prototype.toLocaleString`, which is `Intl.NumberFormat`'s
/// `format`), without grouping, so that a slide reads "9999 of 10000". A tag
/// the browser refuses falls back to ASCII digits instead of throwing.
///
/// The browser is asked once per tag for [`ALL_DIGITS`], and the numbers
/// are written with its digits here (ASCII's, for an answer that is not
/// ten digits: no locale gives one for a whole number without grouping).
pub fn format_number(n: usize, locale: &str) -> String {
    DIGITS
        .with_borrow_mut(|(tag, all)| {
            if tag != locale {
                *all = ask_all_digits(locale).unwrap_or_else(|| write_unsigned(ALL_DIGITS.into()));
                locale.clone_into(tag);
            }
            write(n, all)
        })
        .unwrap_or_else(|| write_unsigned(n as u64))
}

thread_local! {
    /// The last number tag asked for, and its writing of [`ALL_DIGITS`].
    static DIGITS: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

/// [`ALL_DIGITS`]`.toLocaleString(locale, { useGrouping: false })`; `None`
/// if the browser refuses the tag.
fn ask_all_digits(locale: &str) -> Option<String> {
    let options = object(&[("useGrouping", false.into())]);
    // A `Number` object (`new Number(n)`): `Reflect.get` refuses the
    // primitive that the suggested `Number::from` gives.
    #[allow(deprecated)]
    let number = js_sys::Number::new(&JsValue::from_f64(f64::from(ALL_DIGITS)));
    locale_string(&number, &locale.into(), &options)
}

/// A slide's accessible name, "3 of 8", with the numbers in the widget's
/// locale (`٣ من ٨` for `ar-EG`, `۳ از ۸` for Persian).
pub fn slide_label(lang: &Lang, position: usize, total: usize) -> String {
    let tag = lang.number_tag();
    slide_label_with(lang, position, total, &|n| format_number(n, tag))
}
