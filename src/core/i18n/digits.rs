//! Whole numbers written with a locale's digits, learnt from one formatted
//! number: the browser is asked once per language instead of once per
//! number (each `toLocaleString` builds a formatter: about a third of a
//! millisecond at 4× CPU, twice a slide).

use crate::core::number::write_unsigned;

/// The number whose formatting, without grouping, shows every digit once:
/// one to nine, then zero.
pub const ALL_DIGITS: u32 = 1_234_567_890;

/// `n` in decimal, with the digits of `all`, a locale's writing of
/// [`ALL_DIGITS`]; `None` unless `all` is ten digits of one width (a
/// decimal system's digits are ten neighbouring characters; a mark or a
/// sign around them breaks the width).
///
/// ```
/// use lede::core::i18n::digits::write;
/// assert_eq!(write(1207, "1234567890").as_deref(), Some("1207"));
/// assert_eq!(write(38, "١٢٣٤٥٦٧٨٩٠").as_deref(), Some("٣٨"));
/// assert_eq!(write(38, "\u{200f}1234567890"), None);
/// ```
pub fn write(n: usize, all: &str) -> Option<String> {
    let width = all.len() / 10;
    if width == 0 || width * 10 != all.len() {
        return None;
    }
    let mut out = String::new();
    for b in write_unsigned(n as u64).bytes() {
        // '1' is the first of `all`, '0' the last.
        let at = (usize::from(b) + 1) % 10 * width;
        out.push_str(all.get(at..at + width)?);
    }
    Some(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn writes_every_digit_in_place() {
        let persian = "۱۲۳۴۵۶۷۸۹۰";
        assert_eq!(write(0, persian).as_deref(), Some("۰"));
        assert_eq!(write(1_234_567_890, persian).as_deref(), Some(persian));
        assert_eq!(write(9_087, persian).as_deref(), Some("۹۰۸۷"));
        let ascii = ALL_DIGITS.to_string();
        assert_eq!(write(10_000, &ascii).as_deref(), Some("10000"));
        assert_eq!(write(usize::MAX, &ascii), Some(usize::MAX.to_string()));
    }

    #[test]
    fn refuses_what_is_not_ten_characters() {
        for odd in [
            "",
            "123456789",
            "12345678900",
            "1,234,567,890",
            "\u{61c}١٢٣٤٥٦٧٨٩٠",
            "١٢٣٤٥٦٧٨٩0",
        ] {
            assert_eq!(write(5, odd), None, "{odd:?}");
        }
    }
}
