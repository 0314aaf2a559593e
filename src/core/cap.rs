//! How much of a very long related feed is read: the first
//! [`MAX_ITEMS`] elements of its array, found by a scan of the bytes that
//! stops there, so that a feed of 100,000 stories costs the reader's device
//! no more than one of 1,000 (no carousel is paged that far).

/// The most items of a related feed that are read, in the feed's order
/// (before sorting by `sort`).
pub const MAX_ITEMS: usize = 1_000;

/// A feed body longer than this (in bytes) is shown in the task after the
/// one that read and parsed it: reading 100,000 items' worth of bytes and
/// parsing the first [`MAX_ITEMS`] is one task's work, building the
/// carousel for them another's, and together they held the main thread for
/// over 250 ms at 4× CPU. A feed of everyday size is shown at once.
pub const SHOWN_LATER: usize = 256 * 1024;

/// Whether a feed body of `len` bytes is shown in a later task than the one
/// that parsed it (see [`SHOWN_LATER`]).
///
/// ```
/// use lede::core::cap::shown_later;
/// assert!(!shown_later(40_000), "a newsroom's feed is shown at once");
/// assert!(shown_later(10_000_000));
/// ```
pub fn shown_later(len: usize) -> bool {
    len > SHOWN_LATER
}

/// Where the `n`th element of the JSON array `json` ends, when `json` is an
/// array (after optional whitespace) with more than `n` elements: the byte
/// offset of the comma after that element, so that `json[..end]` followed by
/// `]` is the array of the first `n`. `None` for a shorter array, for
/// something else, or for text that breaks before then: all of it is read,
/// and the parser says what is wrong with it.
///
/// Only the bytes up to the cut are looked at: strings (with their escapes)
/// and nested arrays and objects are stepped over, not checked.
///
/// ```
/// use lede::core::cap::end_of_first;
/// let json = r#" [ {"t":"a,]"}, [1,[2]], "\",", 4 ] "#;
/// assert_eq!(end_of_first(json, 2).map(|e| &json[..e]), Some(r#" [ {"t":"a,]"}, [1,[2]]"#));
/// assert_eq!(end_of_first(json, 4), None, "no more than four");
/// assert_eq!(end_of_first(r#"{"a":[1,2]}"#, 1), None, "not an array");
/// ```
pub fn end_of_first(json: &str, n: usize) -> Option<usize> {
    let bytes = json.as_bytes();
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes.get(start) != Some(&b'[') || n == 0 {
        return None;
    }
    let (mut depth, mut in_string, mut escaped, mut seen) = (0usize, false, false, 0usize);
    for (i, &b) in bytes.iter().enumerate().skip(start + 1) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth == 0 => return None,
            b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                seen += 1;
                if seen == n {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The first [`MAX_ITEMS`] elements of `json`, as an array of their own, if
/// it has more; `None` to read `json` whole.
pub fn first_items(json: &str) -> Option<String> {
    let end = end_of_first(json, MAX_ITEMS)?;
    Some([json.get(..end)?, "]"].concat())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_long_array_is_cut_after_its_limit() {
        let items: Vec<String> = (0..MAX_ITEMS + 5)
            .map(|i| format!(r#"{{"id":{i}}}"#))
            .collect();
        let json = ["[", &items.join(","), "]"].concat();
        let head = first_items(&json).unwrap_or_default();
        assert!(head.ends_with(&format!(r#"{{"id":{}}}]"#, MAX_ITEMS - 1)));
        let read: Vec<serde_json::Value> = serde_json::from_str(&head).unwrap_or_default();
        assert_eq!(read.len(), MAX_ITEMS);
    }

    #[test]
    fn no_longer_than_the_limit_is_read_whole() {
        let items: Vec<String> = (0..MAX_ITEMS).map(|i| i.to_string()).collect();
        assert_eq!(first_items(&["[", &items.join(","), "]"].concat()), None);
        assert_eq!(first_items(""), None);
        assert_eq!(first_items("   "), None);
        assert_eq!(first_items("null"), None);
    }

    #[test]
    fn text_that_breaks_before_the_cut_is_left_to_the_parser() {
        assert_eq!(end_of_first("[1}, 2, 3", 2), None);
        assert_eq!(end_of_first("[\"open, 2, 3", 1), None);
        assert_eq!(end_of_first("[1, 2", 0), None);
    }

    proptest! {
        /// For any array of JSON values, the cut keeps exactly the first
        /// `n` of them, whatever their strings hold.
        #[test]
        fn the_cut_keeps_the_first_n(
            values in prop::collection::vec(
                prop_oneof![
                    any::<String>().prop_map(serde_json::Value::String),
                    any::<i32>().prop_map(serde_json::Value::from),
                    prop::collection::vec(any::<String>(), 0..3).prop_map(|v| serde_json::json!({ "a": v, "b": "],}" })),
                ],
                0..12,
            ),
            n in 1usize..12,
        ) {
            let json = serde_json::to_string(&values).unwrap_or_default();
            match end_of_first(&json, n) {
                Some(end) => {
                    let head: Vec<serde_json::Value> = serde_json::from_str(&[&json[..end], "]"].concat()).unwrap_or_default();
                    prop_assert_eq!(head.as_slice(), &values[..n]);
                }
                None => prop_assert!(values.len() <= n),
            }
        }
    }
}
