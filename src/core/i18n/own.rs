//! The publisher's own words: `data-heading` and `data-text-<key>`
//! attribute values, checked one by one; a word that cannot be used keeps
//! the language's, with a console line saying why.

use super::tables::nth;
use super::text::{Text, KEYS, WORDS};
use crate::core::scan::{has_any, split};

/// The attribute that sets the carousel's heading and accessible name.
pub const HEADING_ATTR: &str = "data-heading";

/// The prefix of the attributes that set one word each.
pub const TEXT_ATTR_PREFIX: &str = "data-text-";

/// Why `value` cannot be word `i` (in [`KEYS`]' order), if it cannot: the
/// same checks for a publisher's word and for a words file's.
pub(super) fn unusable(i: usize, value: &str) -> Option<&'static str> {
    let bare = || fill(value, "", "");
    if value.is_empty() {
        Some("empty")
    } else if has_any(value, b"<") {
        Some("looks like HTML (it is plain text)")
    } else if i == Text::ALL.len()
        && (bare() == fill(value, "1", "") || bare() == fill(value, "", "1"))
    {
        Some("needs {n} and {total} where the numbers go")
    } else {
        None
    }
}

/// The publisher's words from `(name, value)` of its `data-text-<key>`
/// and `data-heading` attributes, in order (a word given twice: the last
/// one counts; `data-heading` is the `related-stories` word): one a line
/// in [`KEYS`]' order (an empty line: the language's), or empty when it
/// gave none; and a console line for each word not used.
pub(super) fn read(words: &[(&str, &str)]) -> (String, Vec<String>) {
    let mut own = [""; WORDS];
    let mut notes = Vec::new();
    for &(name, value) in words {
        let value = value.trim();
        let key = if name == HEADING_ATTR {
            "related-stories"
        } else {
            name.strip_prefix(TEXT_ATTR_PREFIX).unwrap_or(name)
        };
        let word = (0..WORDS).find(|&i| nth(KEYS, i) == key);
        let why = match word.map(|i| (i, unusable(i, value))) {
            None => "unknown key",
            Some((_, Some(why))) => why,
            Some((i, None)) => {
                if let Some(slot) = own.get_mut(i) {
                    *slot = value;
                }
                continue;
            }
        };
        notes.push(["lede: ", name, " is not used: ", why].concat());
    }
    let mut packed = String::new();
    if own.iter().any(|w| !w.is_empty()) {
        for w in own {
            for c in w.chars() {
                packed.push(if c == '\n' { ' ' } else { c });
            }
            packed.push('\n');
        }
    }
    (packed, notes)
}

/// `pattern` with `{n}` and `{total}` replaced (by hand: a substring search
/// would cost the download more than this).
pub(super) fn fill(pattern: &str, n: &str, total: &str) -> String {
    let mut parts = split(pattern, b"{");
    let mut out = String::from(parts.next().unwrap_or_default());
    for part in parts {
        if let Some(rest) = part.strip_prefix("n}") {
            out.push_str(n);
            out.push_str(rest);
        } else if let Some(rest) = part.strip_prefix("total}") {
            out.push_str(total);
            out.push_str(rest);
        } else {
            out.push('{');
            out.push_str(part);
        }
    }
    out
}
