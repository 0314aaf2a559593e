//! JSON text, before serde_json reads it: lone UTF-16 surrogate escapes
//! (`"\ud83d"`, `"x\udc00y"`) become `\ufffd`, as they would on screen.
//!
//! Backends that cut titles by UTF-16 units leave half an emoji behind as a
//! lone surrogate escape. A browser's `JSON.parse` accepts it (a DOM string
//! may hold one, and shows it as U+FFFD); serde_json refuses the whole
//! document, which would take every other item of the feed with it.

use std::borrow::Cow;

/// `json` with every `\uXXXX` escape of a lone surrogate, inside a JSON
/// string (a key or a value), replaced by `\ufffd`: one U+FFFD per lone
/// surrogate, as a browser shows it. A high surrogate escape followed at once
/// by a low surrogate escape is a pair (one character) and is kept. An
/// escaped backslash followed by `u` (`\\ud83d`) is text, not an escape.
///
/// Each replacement has the length of what it replaces, so serde_json's
/// line and column for any other error stay those of the original text.
/// Nothing is allocated when nothing needs replacing, which is the common
/// case; text that is not JSON is returned as it is, for serde_json to
/// refuse.
///
/// ```
/// use lede::core::surrogates::replace_lone_surrogates;
/// use std::borrow::Cow;
/// assert_eq!(replace_lone_surrogates(r#"["\ud83d"]"#), r#"["\ufffd"]"#);
/// assert_eq!(replace_lone_surrogates(r#"{"x\udc00y":1}"#), r#"{"x\ufffdy":1}"#);
/// // A pair, and an escaped backslash before `u`: nothing to do.
/// assert!(matches!(replace_lone_surrogates(r#"["\ud83d\ude00"]"#), Cow::Borrowed(_)));
/// assert!(matches!(replace_lone_surrogates(r#"["\\ud83d"]"#), Cow::Borrowed(_)));
/// ```
pub fn replace_lone_surrogates(json: &str) -> Cow<'_, str> {
    let bytes = json.as_bytes();
    // A copy of the bytes, made at the first lone surrogate.
    let mut fixed: Option<Vec<u8>> = None;
    let mut in_string = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        if !in_string {
            in_string = b == b'"';
            continue;
        }
        match b {
            b'"' => in_string = false,
            b'\\' if bytes.get(i) == Some(&b'u') => {
                // `i` is at the `u`, the hex digits follow it.
                let unit = hex4(bytes, i + 1);
                let pair = unit.is_some_and(is_high)
                    && bytes.get(i + 5) == Some(&b'\\')
                    && bytes.get(i + 6) == Some(&b'u')
                    && hex4(bytes, i + 7).is_some_and(is_low);
                if pair {
                    i += 11;
                } else if unit.is_some_and(|u| is_high(u) || is_low(u)) {
                    let copy = fixed.get_or_insert_with(|| bytes.to_vec());
                    if let Some(digits) = copy.get_mut(i + 1..i + 5) {
                        digits.copy_from_slice(b"fffd");
                    }
                    i += 5;
                } else {
                    // Another character, or not hex at all (serde_json's
                    // error to report): the digits are read as text.
                    i += 1;
                }
            }
            // Any other escape is two characters: skipping the second one
            // keeps `\\` and `\"` from being read as the start of another.
            b'\\' => i += 1,
            _ => {}
        }
    }
    match fixed {
        // ASCII replaced ASCII, so the copy is still UTF-8.
        Some(copy) => String::from_utf8(copy).map_or(Cow::Borrowed(json), Cow::Owned),
        None => Cow::Borrowed(json),
    }
}

/// The UTF-16 unit written as the four hex digits at `at`, if there are four.
fn hex4(bytes: &[u8], at: usize) -> Option<u16> {
    let digits = bytes.get(at..at.checked_add(4)?)?;
    digits.iter().try_fold(0u16, |unit, &d| {
        let value = char::from(d).to_digit(16)?;
        Some((unit << 4) | u16::try_from(value).ok()?)
    })
}

fn is_high(unit: u16) -> bool {
    (0xD800..=0xDBFF).contains(&unit)
}

fn is_low(unit: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&unit)
}

/// Strings with lone surrogates, for the tests of this pass and of the
/// parsers that use it.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testing {
    use proptest::prelude::*;

    /// Part of a JSON string's content.
    #[derive(Debug, Clone)]
    pub(crate) enum Piece {
        /// Text, written by serde_json (or as `\u` escapes, when true).
        Text(String, bool),
        /// One UTF-16 surrogate, escaped, in upper or lower case.
        Surrogate(u16, bool),
    }

    pub(crate) fn piece() -> impl Strategy<Value = Piece> {
        let text = prop_oneof![
            any::<String>(),
            // Backslashes, quotes and hex digits, for `\\u` look-alikes.
            "[\\\\\"ud83cDEf0 ]{0,12}",
        ];
        prop_oneof![
            (text, any::<bool>()).prop_map(|(t, escaped)| Piece::Text(t, escaped)),
            (0xD800u16..=0xDFFF, any::<bool>()).prop_map(|(u, upper)| Piece::Surrogate(u, upper)),
        ]
    }

    /// The pieces as a JSON string literal, and the text a browser would
    /// show for it: UTF-16, each unpaired surrogate one U+FFFD.
    pub(crate) fn encode(pieces: &[Piece]) -> (String, String) {
        let mut json = String::from("\"");
        let mut units = Vec::new();
        for p in pieces {
            match p {
                Piece::Text(t, false) => {
                    let quoted = serde_json::to_string(t).unwrap_or_default();
                    json.push_str(quoted.get(1..quoted.len() - 1).unwrap_or_default());
                    units.extend(t.encode_utf16());
                }
                Piece::Text(t, true) => {
                    for unit in t.encode_utf16() {
                        json.push_str(&format!("\\u{unit:04x}"));
                        units.push(unit);
                    }
                }
                Piece::Surrogate(unit, upper) => {
                    json.push_str(&if *upper {
                        format!("\\u{unit:04X}")
                    } else {
                        format!("\\u{unit:04x}")
                    });
                    units.push(*unit);
                }
            }
        }
        json.push('"');
        (json, String::from_utf16_lossy(&units))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::testing::{encode, Piece};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lone_surrogates_become_replacement_escapes() {
        // Written with `/` for the backslash, to keep the table readable.
        let cases: &[(&str, &str)] = &[
            // Lone high, lone low, both in running text.
            (r#"["/ud83d"]"#, r#"["/ufffd"]"#),
            (r#"["x/udc00y"]"#, r#"["x/ufffdy"]"#),
            (r#"["/uDBFF"]"#, r#"["/ufffd"]"#),
            (r#"["/uDC00/uDFFF"]"#, r#"["/ufffd/ufffd"]"#),
            // A high surrogate at the end of a string, then more strings.
            (r#"["a/ud83d","/ud83d"]"#, r#"["a/ufffd","/ufffd"]"#),
            // High followed by an escape that is not a low surrogate.
            (r#"["/ud83d/u0041"]"#, r#"["/ufffd/u0041"]"#),
            (r#"["/ud83d/n"]"#, r#"["/ufffd/n"]"#),
            (r#"["/ud83d//ude00"]"#, r#"["/ufffd//ude00"]"#),
            // Two highs: the first is lone, the second pairs.
            (r#"["/ud83d/ud83d/ude00"]"#, r#"["/ufffd/ud83d/ude00"]"#),
            // A reversed pair is two lone surrogates.
            (r#"["/ude00/ud83d"]"#, r#"["/ufffd/ufffd"]"#),
            // High, then a low that is not right after it.
            (r#"["/ud83d /ude00"]"#, r#"["/ufffd /ufffd"]"#),
            // In an object key, and a value.
            (
                r#"{"ti/ud83d":"/udc00","t":1}"#,
                r#"{"ti/ufffd":"/ufffd","t":1}"#,
            ),
            // After an escaped quote and an escaped backslash.
            (r#"["/"/ud83d"]"#, r#"["/"/ufffd"]"#),
            (r#"["///ud83d"]"#, r#"["///ufffd"]"#),
            // Cut-off text: whatever is a complete lone escape is replaced.
            (r#"["/ud83d"#, r#"["/ufffd"#),
            (r#"["/ud83d/ude0"#, r#"["/ufffd/ude0"#),
        ];
        for (input, want) in cases {
            let (input, want) = (input.replace('/', "\\"), want.replace('/', "\\"));
            let got = replace_lone_surrogates(&input);
            assert!(matches!(got, Cow::Owned(_)), "{input}");
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn everything_else_is_left_alone_unallocated() {
        let cases = [
            // A valid pair, in either case.
            r#"["/ud83d/ude00"]"#,
            r#"["/uD83D/uDE00x"]"#,
            // An escaped backslash and then `u`: text, not an escape.
            r#"["//ud83d"]"#,
            r#"["a//udc00//ud83d"]"#,
            r#"{"////ud83d":"//////ud83d"}"#,
            // Other escapes, and text with no string at all.
            r#"["/u0041/u00e9/uFFFD/uD7FF/uE000",  "/n/t/"//"]"#,
            r#"[1, true, null, {"a": []}]"#,
            "",
            "\\ud83d",
            // Outside strings, nothing is an escape (serde_json refuses it).
            r#"[/ud83d]"#,
            r#"{"a":1}/ud83d"#,
            // Not hex, too short: serde_json's error, untouched.
            r#"["/ud8"]"#,
            r#"["/uzzzz"]"#,
            r#"["/u"#,
            r#"["/"#,
            "[\"é\\\"\u{1F600}\"]",
        ];
        for input in cases {
            let input = input.replace('/', "\\");
            let got = replace_lone_surrogates(&input);
            assert!(matches!(got, Cow::Borrowed(_)), "{input}");
            assert_eq!(got, input);
        }
    }

    #[test]
    fn a_lone_surrogate_no_longer_fails_the_feed() {
        // serde_json refuses each of these as they arrive; after the pass it
        // reads them as a browser would.
        for (json, want) in [
            (r#""\ud83d""#, "\u{FFFD}"),
            (r#""x\udc00y""#, "x\u{FFFD}y"),
            (r#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),
            (r#""\ud83d\ud83d\ude00""#, "\u{FFFD}\u{1F600}"),
            (r#""\\ud83d""#, "\\ud83d"),
        ] {
            let fixed = replace_lone_surrogates(json);
            assert_eq!(
                serde_json::from_str::<String>(&fixed).ok().as_deref(),
                Some(want),
                "{json}"
            );
        }
        assert!(serde_json::from_str::<String>(r#""\ud83d""#).is_err());
    }

    /// JSON with no lone surrogate: strings written plainly or as escapes
    /// (pairs for characters beyond the BMP), in keys and values.
    fn valid_json() -> impl Strategy<Value = String> {
        let string = (any::<String>(), any::<bool>())
            .prop_map(|(t, escaped)| encode(&[Piece::Text(t, escaped)]).0);
        proptest::collection::vec((string.clone(), string, any::<i32>()), 0..6).prop_map(|fields| {
            let members: Vec<String> = fields
                .iter()
                .map(|(k, v, n)| format!("{k}:[{v},{n},null,{{\"\\\\u\":{v}}}]"))
                .collect();
            format!("[{{{}}}, \"\\\\ud83d\"]", members.join(","))
        })
    }

    /// Pieces of near-JSON, dense in escapes.
    fn token() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(
            &[
                "\"",
                "\\",
                "\\\\",
                "\\\"",
                "\\ud83d",
                "\\uDE00",
                "\\udbff",
                "\\u0041",
                "\\ud8",
                "\\u",
                "\\n",
                "a",
                "é",
                "\u{1F600}",
                "[",
                "]",
                "{",
                "}",
                ":",
                ",",
                "1",
            ][..],
        )
    }

    proptest! {
        #[test]
        fn valid_json_is_never_changed(json in valid_json()) {
            // (`IgnoredAny` would not check the escapes; a `Value` does.)
            prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "{}", json);
            let got = replace_lone_surrogates(&json);
            prop_assert!(matches!(got, Cow::Borrowed(_)), "{}", json);
            prop_assert_eq!(got, json.as_str());
        }

        #[test]
        fn only_escapes_change_and_none_stays_lone(tokens in proptest::collection::vec(token(), 0..24)) {
            let s = tokens.concat();
            let got = replace_lone_surrogates(&s);
            prop_assert_eq!(got.len(), s.len());
            for (a, b) in s.chars().zip(got.chars()) {
                prop_assert!(a == b || (a.is_ascii_hexdigit() && b.is_ascii_hexdigit()));
            }
            // Whatever serde_json now says of the text, it is never about a
            // lone surrogate.
            if let Err(e) = serde_json::from_str::<serde_json::Value>(&got) {
                prop_assert!(!e.to_string().contains("surrogate"), "{}: {}", s, e);
            }
            prop_assert_eq!(replace_lone_surrogates(&got), got.clone(), "a second pass changes nothing");
        }

        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = replace_lone_surrogates(&s);
        }
    }
}
