//! What Lede reads of a feed's HTTP answer besides its body: the charset
//! its `Content-Type` declares, its `Content-Length`, and how long a
//! `Retry-After` asks to wait.

use super::date::{days_from_ymd, digits};
use super::number::read_unsigned;
use super::scan::{split, split_once, trim_byte, words};

/// The most a feed's body may hold, in bytes (16 MiB): a related feed of
/// 100,000 items of ordinary length is about 15 MB. A longer one is not
/// read, so that one feed cannot take the page's memory (a wasm module's
/// memory, once grown, is never given back).
pub const MAX_BODY: u32 = 16 * 1024 * 1024;

/// The `charset` parameter of a `Content-Type` header value, if any, for
/// the browser's `TextDecoder` (which knows every label the Encoding
/// standard names and refuses the rest). Quotes are removed; the label is
/// given as written.
///
/// ```
/// use lede::core::http::charset;
/// assert_eq!(charset("application/json; charset=windows-1256"), Some("windows-1256"));
/// assert_eq!(charset("text/plain;Charset=\"ISO-8859-6\""), Some("ISO-8859-6"));
/// assert_eq!(charset("application/json"), None);
/// assert_eq!(charset("application/json; charset="), None);
/// ```
pub fn charset(content_type: &str) -> Option<&str> {
    split(content_type, b";").skip(1).find_map(|param| {
        let (name, value) = split_once(param, b"=")?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = trim_byte(value.trim(), b'"', true, true).trim();
        (!value.is_empty()).then_some(value)
    })
}

/// Whether a charset label names UTF-8 (its WHATWG labels).
///
/// ```
/// use lede::core::http::names_utf8;
/// assert!(names_utf8("UTF-8") && names_utf8("utf8") && names_utf8("unicode-1-1-utf-8"));
/// assert!(!names_utf8("windows-1256"));
/// ```
pub fn names_utf8(label: &str) -> bool {
    [
        "utf-8",
        "utf8",
        "unicode-1-1-utf-8",
        "unicode11utf8",
        "unicode20utf8",
        "x-unicode20utf8",
    ]
    .iter()
    .any(|l| label.eq_ignore_ascii_case(l))
}

/// UTF-8 bytes as text, as the browser's `TextDecoder` reads them: a byte
/// order mark at the start is dropped, and each invalid sequence becomes
/// U+FFFD. Valid bytes (nearly every feed) are taken without a copy.
///
/// ```
/// use lede::core::http::utf8_text;
/// assert_eq!(utf8_text(b"\xEF\xBB\xBF[1]".to_vec()), "[1]");
/// assert_eq!(utf8_text(b"a\xF0\x9F\x92b\xFF".to_vec()), "a\u{FFFD}b\u{FFFD}");
/// ```
pub fn utf8_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A `Content-Length` header value, if it is a number.
///
/// ```
/// use lede::core::http::content_length;
/// assert_eq!(content_length(" 1578 "), Some(1578));
/// assert_eq!(content_length("1e3"), None);
/// ```
pub fn content_length(header: &str) -> Option<u64> {
    let h = header.trim();
    read_unsigned(h)
}

/// A `Retry-After` header's wait in ms: delay-seconds (`120`) or an
/// HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`, against `now_ms`, the
/// client's clock in ms since the epoch). A date in the past is no wait;
/// anything else unreadable is `None` (the backoff applies).
///
/// ```
/// use lede::core::http::retry_after_ms;
/// assert_eq!(retry_after_ms("1", 0), Some(1_000));
/// assert_eq!(retry_after_ms(" 30 ", 0), Some(30_000));
/// let now = 784_111_777_000; // Sun, 06 Nov 1994 08:49:37 GMT
/// assert_eq!(retry_after_ms("Sun, 06 Nov 1994 08:49:39 GMT", now), Some(2_000));
/// assert_eq!(retry_after_ms("Sun, 06 Nov 1994 08:49:30 GMT", now), Some(0));
/// assert_eq!(retry_after_ms("soon", now), None);
/// ```
pub fn retry_after_ms(header: &str, now_ms: i64) -> Option<u32> {
    let h = header.trim();
    // Delay-seconds: nine digits at most, so the seconds fit a `u32`.
    if let Some(secs) = digits(h) {
        return Some(u32::try_from(secs).ok()?.saturating_mul(1000));
    }
    let at = http_date_ms(h)?;
    let wait = at.saturating_sub(now_ms).clamp(0, i64::from(u32::MAX));
    u32::try_from(wait).ok()
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110), the form
/// servers send, in ms since the epoch. The weekday is not checked: a
/// server's wrong weekday does not make its wait any less meant.
fn http_date_ms(s: &str) -> Option<i64> {
    let mut w = words(s);
    let (_weekday, day, month, year, time, zone) = (
        w.next()?,
        w.next()?,
        w.next()?,
        w.next()?,
        w.next()?,
        w.next()?,
    );
    if w.next().is_some() || zone != "GMT" || day.len() != 2 || year.len() != 4 {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == month)?;
    let days = days_from_ymd(digits(year)?, i64::try_from(month).ok()? + 1, digits(day)?)?;
    let mut hms = split(time, b":");
    let (h, m, sec) = (hms.next()?, hms.next()?, hms.next()?);
    if hms.next().is_some() || [h, m, sec].iter().any(|t| t.len() != 2) {
        return None;
    }
    let (h, m, sec) = (digits(h)?, digits(m)?, digits(sec)?);
    if h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some((days * 86_400 + h * 3600 + m * 60 + sec) * 1000)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn charsets() {
        let cases: &[(&str, Option<&str>)] = &[
            ("application/json; charset=utf-8", Some("utf-8")),
            (
                "application/json;charset=windows-1256",
                Some("windows-1256"),
            ),
            (
                "text/plain; format=x; CHARSET = \"iso-8859-1\" ",
                Some("iso-8859-1"),
            ),
            ("application/json", None),
            ("", None),
            ("charset=utf-8", None),
            ("application/json; charset=\"\"", None),
            ("application/json; boundary=x", None),
        ];
        for (h, want) in cases {
            assert_eq!(charset(h), *want, "header {h:?}");
        }
    }

    #[test]
    fn lengths() {
        assert_eq!(content_length("0"), Some(0));
        assert_eq!(content_length("16777217"), Some(16_777_217));
        assert_eq!(content_length("99999999999999999999999"), None);
        for bad in ["", "-1", "12 34", "0x10", "1.0"] {
            assert_eq!(content_length(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn retry_after_headers() {
        let now = 784_111_777_000;
        let cases: &[(&str, Option<u32>)] = &[
            ("0", Some(0)),
            ("1", Some(1_000)),
            ("120", Some(120_000)),
            ("999999999", Some(u32::MAX)),
            ("Sun, 06 Nov 1994 08:49:37 GMT", Some(0)),
            ("Sun, 06 Nov 1994 08:50:37 GMT", Some(60_000)),
            ("Mon, 07 Nov 1994 08:49:37 GMT", Some(86_400_000)),
            ("Sat, 05 Nov 1994 08:49:37 GMT", Some(0)),
            ("Sun, 06 Nov 2094 08:49:37 GMT", Some(u32::MAX)),
            ("", None),
            ("-1", None),
            ("1.5", None),
            ("1e3", None),
            ("Sun, 06 Nov 1994 08:49:37 UTC", None),
            ("Sun, 6 Nov 1994 08:49:37 GMT", None),
            ("Sun, 06 Nov 94 08:49:37 GMT", None),
            ("Sun, 06 Foo 1994 08:49:37 GMT", None),
            ("Sun, 31 Feb 1994 08:49:37 GMT", None),
            ("Sun, 06 Nov 1994 24:49:37 GMT", None),
            ("Sun, 06 Nov 1994 8:49:37 GMT", None),
            ("Sunday, 06-Nov-94 08:49:37 GMT", None),
        ];
        for (h, want) in cases {
            assert_eq!(retry_after_ms(h, now), *want, "header {h:?}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(h in any::<String>(), now in any::<i64>()) {
            let _ = retry_after_ms(&h, now);
            let _ = charset(&h);
            let _ = content_length(&h);
        }
    }
}
