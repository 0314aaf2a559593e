//! Searching text a byte at a time: for ASCII delimiters, and for a short
//! needle ([`find`]).
//!
//! The standard library's `str` searches (`find(char)`, `split_once(char)`,
//! `rsplit_once(char)`, `split(char)`, `lines()`, a `[char; N]` pattern, a
//! `&str` needle's Two-Way search) are compiled once per pattern type, each
//! with its own searcher; together they were 1.5 KB brotli of the wasm
//! (README, "What the component tree costs") for delimiters that are all
//! ASCII here (`/`, `?`, `#`, `:`, `=`, …). These are one loop each. An
//! ASCII byte never occurs inside a multi-byte UTF-8 sequence, so every
//! index they give is a character boundary, and slicing there is what the
//! standard library's would give.
//!
//! CONTRIBUTING: use these for ASCII delimiters in code the wasm links;
//! tests may use anything.

/// Whether `b` is one of `any`: a loop, where `<[u8]>::contains` would
/// link the standard library's `memchr` for these two- to ten-byte sets.
pub fn one_of(b: u8, any: &[u8]) -> bool {
    for &a in any {
        if a == b {
            return true;
        }
    }
    false
}

/// Where the first byte of `s` that is one of `any` (ASCII) is.
///
/// ```
/// use lede::core::scan::find_any;
/// assert_eq!(find_any("a/b?c", b"?#"), Some(3));
/// assert_eq!(find_any("é#", b"#"), Some(2));
/// assert_eq!(find_any("abc", b"?#"), None);
/// ```
pub fn find_any(s: &str, any: &[u8]) -> Option<usize> {
    s.bytes().position(|b| one_of(b, any))
}

/// Where the last byte of `s` that is one of `any` (ASCII) is.
///
/// ```
/// use lede::core::scan::rfind_any;
/// assert_eq!(rfind_any("/a/b.c", b"/"), Some(2));
/// assert_eq!(rfind_any("abc", b"/"), None);
/// ```
pub fn rfind_any(s: &str, any: &[u8]) -> Option<usize> {
    s.bytes().rposition(|b| one_of(b, any))
}

/// Whether `s` holds any of `any` (ASCII).
pub fn has_any(s: &str, any: &[u8]) -> bool {
    find_any(s, any).is_some()
}

/// `s` before and after the delimiter at `at` (one byte).
fn around(s: &str, at: usize) -> Option<(&str, &str)> {
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// `s` split at its first delimiter of `any` (ASCII), which neither part
/// holds: `str::split_once` for a byte.
///
/// ```
/// use lede::core::scan::split_once;
/// assert_eq!(split_once("a=b=c", b"="), Some(("a", "b=c")));
/// assert_eq!(split_once("1e5", b"eE"), Some(("1", "5")));
/// assert_eq!(split_once("abc", b"="), None);
/// ```
pub fn split_once<'a>(s: &'a str, any: &[u8]) -> Option<(&'a str, &'a str)> {
    around(s, find_any(s, any)?)
}

/// `s` split at its last delimiter of `any` (ASCII): `str::rsplit_once`
/// for a byte.
///
/// ```
/// use lede::core::scan::rsplit_once;
/// assert_eq!(rsplit_once("a/b/c", b"/"), Some(("a/b", "c")));
/// assert_eq!(rsplit_once("abc", b"/"), None);
/// ```
pub fn rsplit_once<'a>(s: &'a str, any: &[u8]) -> Option<(&'a str, &'a str)> {
    around(s, rfind_any(s, any)?)
}

/// `s` before its first delimiter of `any`, or all of it.
pub fn before<'a>(s: &'a str, any: &[u8]) -> &'a str {
    split_once(s, any).map_or(s, |(a, _)| a)
}

/// The parts of `s` between its delimiters of `any` (ASCII), empty ones
/// too: `str::split` for a byte.
///
/// ```
/// use lede::core::scan::split;
/// assert_eq!(split("a--b", b"-").collect::<Vec<_>>(), ["a", "", "b"]);
/// assert_eq!(split("", b"-").collect::<Vec<_>>(), [""]);
/// assert_eq!(split("a-", b"-").collect::<Vec<_>>(), ["a", ""]);
/// ```
pub fn split<'a>(s: &'a str, any: &'a [u8]) -> Split<'a> {
    Split { rest: Some(s), any }
}

/// The iterator of [`split`].
pub struct Split<'a> {
    rest: Option<&'a str>,
    any: &'a [u8],
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match split_once(rest, self.any) {
            Some((part, after)) => {
                self.rest = Some(after);
                Some(part)
            }
            None => self.rest.take(),
        }
    }
}

/// The words of `s` between runs of ASCII whitespace (space, tab, line
/// feed, form feed, carriage return): `str::split_ascii_whitespace`, on
/// [`split`].
///
/// ```
/// use lede::core::scan::words;
/// assert_eq!(words(" a\t\tb \r\n").collect::<Vec<_>>(), ["a", "b"]);
/// assert_eq!(words("a\u{a0}b").count(), 1);
/// ```
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    split(s, b" \t\n\x0c\r").filter(|w| !w.is_empty())
}

/// Where `needle` first occurs in `haystack`. A plain scan: the standard
/// library's substring search (Two-Way) is about 2.5 KB of wasm, for needles
/// of two to four bytes here.
///
/// ```
/// use lede::core::scan::find;
/// assert_eq!(find("a//b", "//"), Some(1));
/// assert_eq!(find("/news/{id}", "{id}"), Some(6));
/// assert_eq!(find("{i", "{id}"), None);
/// assert_eq!(find("x", ""), Some(0));
/// ```
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// `s` without every leading (`start`) and trailing (`end`) ASCII `byte`:
/// `str`'s `trim_start_matches`, `trim_end_matches` and `trim_matches`
/// for one ASCII character, in one function, where `str`'s are one
/// function each.
///
/// ```
/// use lede::core::scan::trim_byte;
/// assert_eq!(trim_byte("\"utf-8\"", b'"', true, true), "utf-8");
/// assert_eq!(trim_byte("//a/b//", b'/', true, false), "a/b//");
/// assert_eq!(trim_byte("//a/b//", b'/', false, true), "//a/b");
/// assert_eq!(trim_byte("///", b'/', true, true), "");
/// ```
pub fn trim_byte(s: &str, byte: u8, start: bool, end: bool) -> &str {
    let bytes = s.as_bytes();
    let (mut from, mut to) = (0, bytes.len());
    while start && from < to && bytes.get(from) == Some(&byte) {
        from += 1;
    }
    while end && to > from && bytes.get(to - 1) == Some(&byte) {
        to -= 1;
    }
    // An ASCII byte is a character of its own: both ends are boundaries.
    s.get(from..to).unwrap_or_default()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DELIMS: &[u8] = b"/?#:=-.e";

    proptest! {
        /// Each agrees with the standard library's search for the same
        /// delimiters, on any text (multi-byte characters too).
        #[test]
        fn agree_with_std(s in "[a-e/?#:=.\\-é€😀 \t\n\r\u{c}\u{a0}]{0,24}", any in proptest::sample::subsequence(DELIMS, 1..4)) {
            let any = any.as_slice();
            let chars: Vec<char> = any.iter().map(|&b| char::from(b)).collect();
            let is = |c: char| chars.contains(&c);
            prop_assert_eq!(find_any(&s, any), s.find(is));
            prop_assert_eq!(rfind_any(&s, any), s.rfind(is));
            prop_assert_eq!(has_any(&s, any), s.contains(is));
            prop_assert_eq!(split_once(&s, any), s.split_once(is));
            prop_assert_eq!(rsplit_once(&s, any), s.rsplit_once(is));
            prop_assert_eq!(before(&s, any), s.split(is).next().unwrap_or(""));
            prop_assert_eq!(split(&s, any).collect::<Vec<_>>(), s.split(is).collect::<Vec<_>>());
            prop_assert_eq!(words(&s).collect::<Vec<_>>(), s.split_ascii_whitespace().collect::<Vec<_>>());
        }

        /// `trim_byte` agrees with `str`'s trims of one ASCII character.
        #[test]
        fn trim_byte_agrees(s in "[a/\"é \u{a0}]{0,12}", byte in proptest::sample::select(b"/\" a".to_vec())) {
            let c = char::from(byte);
            prop_assert_eq!(trim_byte(&s, byte, true, true), s.trim_matches(c));
            prop_assert_eq!(trim_byte(&s, byte, true, false), s.trim_start_matches(c));
            prop_assert_eq!(trim_byte(&s, byte, false, true), s.trim_end_matches(c));
        }

        /// `find` agrees with `str::find` for a text needle.
        #[test]
        fn find_agrees(s in "[ab/é]{0,12}", needle in "[ab/é]{0,3}") {
            prop_assert_eq!(find(&s, &needle), s.find(needle.as_str()));
        }
    }
}
