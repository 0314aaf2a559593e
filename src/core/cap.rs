//! How much of a very long related feed is read: the first
//! [`MAX_ITEMS`] elements of its array, found by a scan of the bytes that
//! stops there, so that a feed of 100,000 stories costs the reader's device
//! no more than one of 1,000 (no carousel is paged that far). The same
//! scan, fed a UTF-8 body as it arrives ([`Cut`]), stops its download there.

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
    Cut::new(n, false).push(json.as_bytes())
}

/// Where a scan of the bytes is, before the array and in it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum At {
    /// Before the array, at the top level: whitespace, and for a body a
    /// byte-order mark or two at its very start.
    Lead,
    /// In a body's envelope: this many bytes of `string(` read.
    Word(usize),
    /// In the envelope's length: whether a digit came yet.
    Digits(bool),
    /// After the envelope's `)`: whitespace, then its opening quote.
    Quote,
    /// Inside the envelope, before the array: JSON's whitespace.
    Inner,
    /// In the array.
    Array,
    /// Not an array, or not as the parse would read one, or broken before
    /// the cut, or cut already: nothing more is looked at, and the body is
    /// read whole.
    Done,
}

/// The UTF-8 byte-order mark.
const MARK: [u8; 3] = [0xEF, 0xBB, 0xBF];
/// How a PHP `var_dump` envelope starts.
const ENVELOPE: &[u8] = b"string(";

/// The scan of [`end_of_first`], fed a body as it arrives, chunk by chunk:
/// a feed of 100,000 stories is then read only as far as its cut, and the
/// rest is never downloaded. For a body, it steps over what the parse
/// steps over before the array: a byte-order mark (or two) at the start,
/// whitespace, and the PHP `var_dump` envelope's `string(N) "` (see
/// [`envelope`](super::envelope)). Anything else before the array, or an
/// envelope of another form, is not cut: the body is read whole, and the
/// parse says what is wrong with it.
///
/// ```
/// use lede::core::cap::Cut;
/// let mut cut = Cut::new(2, true);
/// assert_eq!(cut.push(br#"string(20) "[{"a":"#), None);
/// assert_eq!(cut.push(br#"1},{"b":2},{"c":3}]""#), Some(28));
/// assert_eq!(cut.start(), 12, "where the array starts: its `[`");
/// ```
#[derive(Clone, Debug)]
pub struct Cut {
    n: usize,
    at: At,
    /// Bytes looked at so far, in all chunks.
    len: usize,
    start: usize,
    /// Whether it scans a body (which may have a mark and an envelope).
    body: bool,
    /// Bytes of byte-order marks at the body's start.
    marks: usize,
    depth: usize,
    seen: usize,
    in_string: bool,
    escaped: bool,
}

impl Cut {
    /// A scan for the end of the `n`th element; `body`: of a response
    /// body, which may have a byte-order mark and an envelope.
    pub fn new(n: usize, body: bool) -> Self {
        Cut {
            n,
            at: if n == 0 { At::Done } else { At::Lead },
            len: 0,
            start: 0,
            body,
            marks: 0,
            depth: 0,
            seen: 0,
            in_string: false,
            escaped: false,
        }
    }

    /// A scan that never cuts: the whole body is read.
    pub fn never() -> Self {
        Cut::new(0, false)
    }

    /// Where the array starts (its `[`), counted from the first byte pushed.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Looks at the next bytes; returns where the `n`th element ends (the
    /// offset of the comma after it, counted from the first byte pushed)
    /// once it is found, and `None` before and after.
    pub fn push(&mut self, bytes: &[u8]) -> Option<usize> {
        let base = self.len;
        self.len += bytes.len();
        for (i, &b) in bytes.iter().enumerate() {
            let at = self.at;
            self.at = match at {
                At::Array if self.step(b) => {
                    self.at = At::Done;
                    return Some(base + i);
                }
                // (`step` ends the scan itself on an array that breaks.)
                At::Array => continue,
                At::Lead => self.lead(b, base + i),
                At::Word(k) if ENVELOPE.get(k) == Some(&b) => match k + 1 {
                    7 => At::Digits(false),
                    k => At::Word(k),
                },
                At::Digits(_) if b.is_ascii_digit() => At::Digits(true),
                At::Digits(true) if b == b')' => At::Quote,
                At::Quote if b.is_ascii_whitespace() => At::Quote,
                At::Quote if b == b'"' => At::Inner,
                At::Inner if matches!(b, b' ' | b'\t' | b'\n' | b'\r') => At::Inner,
                At::Inner if b == b'[' => self.open(base + i),
                _ => At::Done,
            };
            if self.at == At::Done {
                return None;
            }
        }
        None
    }

    /// The array starts at `offset`.
    fn open(&mut self, offset: usize) -> At {
        self.start = offset;
        At::Array
    }

    /// A byte before the array, at the top level.
    fn lead(&mut self, b: u8, offset: usize) -> At {
        let mark = MARK.get(offset % 3);
        if self.body && offset == self.marks && offset < 6 && mark == Some(&b) {
            self.marks += 1;
            return At::Lead;
        }
        match b {
            // Half a mark is not one.
            _ if self.marks % 3 != 0 => At::Done,
            b'[' => self.open(offset),
            b's' if self.body => At::Word(1),
            _ if b.is_ascii_whitespace() => At::Lead,
            _ => At::Done,
        }
    }

    /// Makes `bytes`, the body as pushed (to at least `end`, where
    /// [`push`](Self::push) found the cut), the text to parse: the array
    /// up to the cut, closed, with blanks for what came before it (marks,
    /// an envelope's `string(N) "`), which the parse would have stepped
    /// over.
    pub fn close(&self, bytes: &mut Vec<u8>, end: usize) {
        bytes.truncate(end);
        if let Some(lead) = bytes.get_mut(..self.start) {
            lead.fill(b' ');
        }
        bytes.push(b']');
    }

    /// A byte in the array; true at the comma that ends the `n`th element.
    fn step(&mut self, b: u8) -> bool {
        if self.in_string {
            match b {
                _ if self.escaped => self.escaped = false,
                b'\\' => self.escaped = true,
                b'"' => self.in_string = false,
                _ => {}
            }
            return false;
        }
        match b {
            b'"' => self.in_string = true,
            b'[' | b'{' => self.depth += 1,
            b']' | b'}' if self.depth == 0 => self.at = At::Done,
            b']' | b'}' => self.depth -= 1,
            b',' if self.depth == 0 => {
                self.seen += 1;
                return self.seen == self.n;
            }
            _ => {}
        }
        false
    }
}

/// The scan that stops reading a related feed's body: at the end of the
/// element after the first [`MAX_ITEMS`], so that the text read still has
/// more than the limit, and [`first_items`] cuts it (and the feed says it
/// was cut) as it would the whole body.
pub fn body_cut() -> Cut {
    Cut::new(MAX_ITEMS + 1, true)
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
    use crate::core::http::utf8_text;
    use crate::core::related::parse_related;
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

        /// A body fed in chunks, split anywhere, plain or with a mark and an
        /// envelope before the array, is cut where the whole array is.
        #[test]
        fn a_body_in_chunks_is_cut_where_the_whole_is(
            values in prop::collection::vec(any::<String>().prop_map(serde_json::Value::String), 0..10),
            n in 1usize..10,
            splits in prop::collection::vec(0usize..400, 0..6),
            wrapped in any::<bool>(),
        ) {
            let json = serde_json::to_string(&values).unwrap_or_default();
            let body = if wrapped { format!("\u{feff} string({}) \"{json}\"", json.len()) } else { format!(" \n{json}") };
            let lead = body.find('[').unwrap_or_default();
            let mut cut = Cut::new(n, true);
            let mut found = None;
            let mut at = 0;
            let mut ends: Vec<usize> = splits.iter().map(|s| s % (body.len() + 1)).collect();
            ends.sort_unstable();
            ends.push(body.len());
            for end in ends {
                if let Some(e) = cut.push(body.as_bytes().get(at..end).unwrap_or_default()) {
                    prop_assert!(found.is_none(), "found once");
                    found = Some(e);
                }
                at = end;
            }
            prop_assert_eq!(found, end_of_first(&json, n).map(|e| e + lead));
            if found.is_some() {
                prop_assert_eq!(cut.start(), lead);
            }
        }
    }

    #[test]
    fn a_body_the_parse_would_not_read_as_an_array_is_never_cut() {
        let bodies: &[&[u8]] = &[
            b"{\"items\":[1,2,3]}",
            b"x[1,2,3]",
            b"\xEF\xBB\xBFnull,[1,2,3]",
            // Envelopes of another form than `string(N) "`.
            b"string() \"[1,2,3]\"",
            b"string(abc) \"[1,2,3]\"",
            b"sorry \"[1,2,3]\"",
            b"string(5) [1,2,3]",
            b"string(5) \"\x0C[1,2,3]\"",
            // Marks that are not one, or not at the start.
            b"\xBF[1,2,3]",
            b"\xEF\xEF[1,2,3]",
            b"\xEF\xBB[1,2,3]",
            b" \xEF\xBB\xBF[1,2,3]",
            b"\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF[1,2,3]",
        ];
        for body in bodies {
            let mut cut = Cut::new(1, true);
            assert_eq!(cut.push(body), None, "{body:?}");
            assert_eq!(
                cut.push(b"[1,2,3]"),
                None,
                "nothing after it is looked at: {body:?}"
            );
        }
        // Only a body may have a mark or an envelope.
        assert_eq!(Cut::new(1, false).push(b"string(5) \"[1,2]\""), None);
        assert_eq!(Cut::new(1, true).push(b"string(5) \"[1,2]\""), Some(13));
        let both = b"\xEF\xBB\xBF\xEF\xBB\xBF \n string(5)\t\"\r\n[1,2]\"";
        let mut cut = Cut::new(1, true);
        assert_eq!(cut.push(both), Some(both.len() - 4));
        let mut text = both.to_vec();
        cut.close(&mut text, both.len() - 4);
        text.retain(|b| *b != b' ');
        assert_eq!(text, b"[1]");
    }

    #[test]
    fn the_body_cut_leaves_more_than_the_limit_for_the_parse() {
        let items: Vec<String> = (0..MAX_ITEMS + 50)
            .map(|i| format!(r#"{{"id":{i}}}"#))
            .collect();
        let body = format!("string(0) \"[{}]\"", items.join(","));
        let mut cut = body_cut();
        let end = cut.push(body.as_bytes()).unwrap_or_default();
        let text = [body.get(cut.start()..end).unwrap_or_default(), "]"].concat();
        let read: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(read.len(), MAX_ITEMS + 1);
        let whole = &body[cut.start()..body.len() - 1];
        assert!(first_items(&text).is_some());
        assert_eq!(
            first_items(&text),
            first_items(whole),
            "the parse reads the same 1,000"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// A related feed around the limit, plain or marked or in its
        /// envelope, arriving in any chunks: what is read up to the cut
        /// parses to the same feed as the whole body, `capped` included.
        #[test]
        fn the_cut_body_parses_as_the_whole(
            count in (MAX_ITEMS - 2)..(MAX_ITEMS + 4),
            titles in prop::collection::vec(any::<String>(), 8),
            splits in prop::collection::vec(any::<usize>(), 0..8),
            marked in any::<bool>(),
            wrapped in any::<bool>(),
        ) {
            let items: Vec<serde_json::Value> = (0..count)
                .map(|i| serde_json::json!({ "id": (i % 997).to_string(), "title": titles.get(i % 8), "pic": format!("/p/{i}.jpg"), "sort": i % 13 }))
                .collect();
            let json = serde_json::to_string(&items).unwrap_or_default();
            let inner = if wrapped { format!("string({}) \"{json}\"", json.len()) } else { json };
            let body = [if marked { "\u{feff}" } else { "" }, &inner].concat();
            let bytes = body.as_bytes();
            let mut ends: Vec<usize> = splits.iter().map(|s| s % (bytes.len() + 1)).collect();
            ends.sort_unstable();
            ends.push(bytes.len());
            let (mut cut, mut read, mut at) = (body_cut(), Vec::new(), 0);
            for end in ends {
                let from = read.len();
                read.extend_from_slice(bytes.get(at..end).unwrap_or_default());
                at = end;
                if let Some(cut_at) = cut.push(read.get(from..).unwrap_or_default()) {
                    cut.close(&mut read, cut_at);
                    break;
                }
            }
            prop_assert_eq!(read.len() < bytes.len(), count > MAX_ITEMS + 1, "cut when there is more than the limit and one");
            let whole = parse_related(&utf8_text(bytes.to_vec()));
            prop_assert!(whole.is_ok());
            prop_assert_eq!(parse_related(&utf8_text(read)), whole);
        }
    }
}
