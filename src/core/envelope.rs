//! The PHP `var_dump` envelope `string(N) "…"` (docs/feeds.md) around either
//! feed's JSON, as the text of an HTTP response body: the seed's related feed
//! arrives in it, and the article feed may too (same kind of server).

use super::error::Problem;
use super::number;
use super::scan::split_once;

/// Takes the JSON out of a `string(N) "…"` envelope, or returns a bare feed
/// as it is. A UTF-8 byte-order mark and surrounding whitespace are dropped
/// first.
///
/// `N` counts the bytes PHP wrote: of UTF-8, or, for a feed served in a
/// legacy single-byte charset (`windows-1256`) and decoded from it, one a
/// character; either count is taken.
///
/// # Errors
/// [`Problem::Truncated`] when the content is neither `N` bytes of UTF-8
/// nor `N` characters (or the closing quote is missing);
/// [`Problem::BadEnvelope`] when it starts with `string(` but `N` is not a
/// number or the opening quote is missing.
///
/// ```
/// use lede::core::envelope::unwrap_envelope;
/// use lede::core::error::Problem;
/// assert_eq!(unwrap_envelope("string(2) \"[]\""), Ok("[]"));
/// assert_eq!(unwrap_envelope("\u{feff} [] \n"), Ok("[]"));
/// assert_eq!(unwrap_envelope("string(9) \"[]\""), Err(Problem::Truncated { expected: 9, actual: 2 }));
/// assert_eq!(unwrap_envelope("string(2) []"), Err(Problem::BadEnvelope));
/// // "[\"خبر\"]" is 11 bytes of UTF-8, 7 of windows-1256.
/// assert_eq!(unwrap_envelope("string(7) \"[\"خبر\"]\""), Ok("[\"خبر\"]"));
/// ```
pub fn unwrap_envelope(input: &str) -> Result<&str, Problem> {
    let s = input.strip_prefix("\u{feff}").unwrap_or(input).trim();
    let Some(rest) = s.strip_prefix("string(") else {
        return Ok(s);
    };
    let (len, after) = split_once(rest, b")").ok_or(Problem::BadEnvelope)?;
    let expected = number::read_unsigned(len)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or(Problem::BadEnvelope)?;
    // `s` is trimmed already, so this trims only the start (`trim_start`
    // would be a second trimming function in the wasm).
    let quoted = after
        .trim()
        .strip_prefix("\"")
        .ok_or(Problem::BadEnvelope)?;
    let Some(content) = quoted.strip_suffix("\"") else {
        return Err(Problem::Truncated {
            expected,
            actual: quoted.len(),
        });
    };
    if content.len() != expected && content.chars().count() != expected {
        return Err(Problem::Truncated {
            expected,
            actual: content.len(),
        });
    }
    Ok(content)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn envelopes() {
        let cases: &[(&str, Result<&str, Problem>)] = &[
            ("string(2) \"[]\"", Ok("[]")),
            ("string(2)\"[]\"", Ok("[]")),
            ("string(2)   \"[]\"  ", Ok("[]")),
            ("string(0) \"\"", Ok("")),
            (
                "string(4) \"\"\"\"\"",
                Err(Problem::Truncated {
                    expected: 4,
                    actual: 3,
                }),
            ),
            ("string(3) \"\"\"\"\"", Ok("\"\"\"")),
            // Multi-byte: the length counts UTF-8 bytes, or, for a feed
            // decoded from a single-byte charset, characters.
            ("string(4) \"\"é\"\"", Ok("\"é\"")),
            ("string(3) \"\"é\"\"", Ok("\"é\"")),
            (
                "string(2) \"\"é\"\"",
                Err(Problem::Truncated {
                    expected: 2,
                    actual: 4,
                }),
            ),
            (
                "string(1578) \"[{\"id\":1",
                Err(Problem::Truncated {
                    expected: 1578,
                    actual: 8,
                }),
            ),
            (
                "string(10) \"[]\"",
                Err(Problem::Truncated {
                    expected: 10,
                    actual: 2,
                }),
            ),
            (
                "string(1) \"[]\"",
                Err(Problem::Truncated {
                    expected: 1,
                    actual: 2,
                }),
            ),
            ("string(", Err(Problem::BadEnvelope)),
            ("string() \"\"", Err(Problem::BadEnvelope)),
            ("string(-2) \"[]\"", Err(Problem::BadEnvelope)),
            ("string(+2) \"[]\"", Err(Problem::BadEnvelope)),
            ("string(2 ) \"[]\"", Err(Problem::BadEnvelope)),
            (
                "string(99999999999999999999999) \"[]\"",
                Err(Problem::BadEnvelope),
            ),
            ("string(2) []", Err(Problem::BadEnvelope)),
            ("string(2) '[]'", Err(Problem::BadEnvelope)),
            ("[]", Ok("[]")),
            ("", Ok("")),
            ("STRING(2) \"[]\"", Ok("STRING(2) \"[]\"")),
        ];
        for (input, want) in cases {
            assert_eq!(unwrap_envelope(input), *want, "input {input:?}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = unwrap_envelope(&s);
        }

        #[test]
        fn wraps_and_unwraps(s in any::<String>()) {
            // Anything wrapped with its own UTF-8 length comes back as it
            // was, quotes and whitespace inside included.
            let inner = s.as_str();
            let wrapped = format!("string({}) \"{inner}\"", inner.len());
            prop_assert_eq!(unwrap_envelope(&wrapped), Ok(inner));
            let longer = format!("string({}) \"{inner}\"", inner.len() + 1);
            prop_assert_eq!(
                unwrap_envelope(&longer),
                Err(Problem::Truncated { expected: inner.len() + 1, actual: inner.len() })
            );
        }
    }
}
