//! HTML character references in a feed's text fields: what CMSs such as
//! WordPress write in their `rendered` fields (`Kerry&#8217;s plan &amp;
//! more`). A title, a source and the body's paragraphs are text; their
//! references are read as the characters they stand for. Tags are not
//! markup and are left as written (a feed strips them itself: see
//! docs/feeds.md).

use super::number;
use super::scan::{find_any, has_any};
use std::borrow::Cow;

/// The named references read: the five XML ones and the no-break space
/// (the ones WordPress's escaping writes; its typographic characters are
/// numeric). Others are shown as written.
const NAMED: [(&str, char); 6] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
];

/// What HTML reads a numeric reference from 128 to 159 as (its numeric
/// character reference end state): the character windows-1252 has at that
/// byte, where it has one, as text authored on Windows writes them
/// (`&#146;` for `’`, `&#150;` for `–`); the five numbers it has none for
/// stay themselves.
const WINDOWS_1252: [u16; 32] = [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, // 128–135
    0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, // 136–143
    0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, // 144–151
    0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178, // 152–159
];

/// The character a reference's name (between `&` and `;`) stands for: a
/// decimal (`#8217`) or hexadecimal (`#x2019`) code point, or one of
/// [`NAMED`]. As a browser reads them: a number from 128 to 159 is
/// [`WINDOWS_1252`]'s character; one that is no character (zero, a
/// surrogate, past U+10FFFF) is U+FFFD.
fn character(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix("#") {
        let hex = number
            .strip_prefix("x")
            .or_else(|| number.strip_prefix("X"));
        let (digits, read): (&str, fn(&str) -> Option<u64>) = match hex {
            Some(hex) => (hex, number::read_hex),
            None => (number, number::read_unsigned),
        };
        // Eight digits at most, as before the reader: `&#000000065;` is
        // left as written.
        if digits.len() > 8 {
            return None;
        }
        let code = u32::try_from(read(digits)?).ok()?;
        let code = code
            .checked_sub(0x80)
            .and_then(|i| WINDOWS_1252.get(i as usize))
            .map_or(code, |&c| c.into());
        return Some(
            char::from_u32(code)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{fffd}'),
        );
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// `text` with its character references read (see the module's
/// documentation); borrowed when it has none.
///
/// ```
/// use lede::core::entities::decode;
/// assert_eq!(decode("Kerry&#8217;s plan &amp; more"), "Kerry’s plan & more");
/// assert_eq!(decode("&#x627;&#x644;&lt;b&gt;"), "ال<b>");
/// assert_eq!(decode("AT&T &copy; &#; &"), "AT&T &copy; &#; &");
/// ```
pub fn decode(text: &str) -> Cow<'_, str> {
    if !has_any(text, b"&") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_any(rest, b"&") {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at + 1..).unwrap_or_default();
        // A reference is short: the longest read here is `&#x10FFFF;`.
        let end = after.bytes().take(10).position(|b| b == b';');
        match end.and_then(|e| Some((e, character(after.get(..e)?)?))) {
            Some((e, c)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn references() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("&amp;&lt;&gt;&quot;&apos;&nbsp;", "&<>\"'\u{a0}"),
            (
                "Kerry&#8217;s &#8220;plan&#8221; &#8211; &#8230;",
                "Kerry’s “plan” – …",
            ),
            ("&#x2019;&#X2019;&#x1F600;", "’’😀"),
            // 128–159 as windows-1252 has them, as a browser reads them;
            // the five it has no character for stay themselves.
            (
                "Kerry&#146;s &#147;plan&#148; &#150; &#133;",
                "Kerry’s “plan” – …",
            ),
            ("&#128;&#x80;&#159;&#x9f;&#160;&#127;", "€€ŸŸ\u{a0}\u{7f}"),
            (
                "&#129;&#141;&#143;&#144;&#157;",
                "\u{81}\u{8d}\u{8f}\u{90}\u{9d}",
            ),
            (
                "&#0;&#xD800;&#x110000;&#99999999;",
                "\u{fffd}\u{fffd}\u{fffd}\u{fffd}",
            ),
            // Not references, or not ones read here: as written.
            ("AT&T", "AT&T"),
            ("a & b", "a & b"),
            ("&copy; &hellip;", "&copy; &hellip;"),
            ("&amp", "&amp"),
            ("&#;&#x;&#12a;&#xg;", "&#;&#x;&#12a;&#xg;"),
            ("&#000000000065;", "&#000000000065;"),
            ("&&amp;;", "&&;"),
            ("&AMP;", "&AMP;"),
            // Tags stay text.
            ("&lt;b&gt;bold&lt;/b&gt; <i>x</i>", "<b>bold</b> <i>x</i>"),
            ("خبر &amp; رأي", "خبر & رأي"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input), want, "input {input:?}");
        }
        assert!(matches!(decode("no reference"), Cow::Borrowed(_)));
    }

    proptest! {
        #[test]
        fn never_panics_and_only_shrinks(s in "[&#;a-zA-Z0-9x ]{0,40}|\\PC{0,40}") {
            let d = decode(&s);
            prop_assert!(d.chars().count() <= s.chars().count());
        }
    }
}
