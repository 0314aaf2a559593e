//! Whole numbers to and from text: `read_*` parses, `write_*` writes.
//!
//! `str::parse` and `to_string` are compiled once per integer type, and
//! the standard library writes numbers through a 200-byte table of digit
//! pairs; Lede reads and writes a handful of numbers (a feed's `sort`,
//! dates, headers, counts in console lines and attributes), and these are
//! one small loop each for all of them.

/// The number `s` writes in `radix`: digits only, at least one, no sign;
/// `None` for anything else or a number over `u64::MAX`. Private, so that
/// `radix` is only ever 10 or 16 (`char::to_digit` panics over 36).
fn read(s: &str, radix: u32) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    // A byte at a time: a byte of a multi-byte character is no digit.
    for b in s.bytes() {
        let d = char::from(b).to_digit(radix)?;
        n = n.checked_mul(radix.into())?.checked_add(d.into())?;
    }
    Some(n)
}

/// The number `s` writes in decimal digits (at least one; no sign, no
/// space): `str::parse` for every unsigned type, which the standard
/// library compiles once per type. `None` for anything else or a number
/// over `u64::MAX`.
///
/// ```
/// use lede::core::number::read_unsigned;
/// assert_eq!(read_unsigned("0042"), Some(42));
/// assert_eq!(read_unsigned("+1"), None);
/// assert_eq!(read_unsigned(""), None);
/// assert_eq!(read_unsigned("١"), None);
/// assert_eq!(read_unsigned("18446744073709551616"), None);
/// ```
pub fn read_unsigned(s: &str) -> Option<u64> {
    read(s, 10)
}

/// The number `s` writes in hexadecimal digits, either case, as
/// [`read_unsigned`] reads decimal ones.
///
/// ```
/// use lede::core::number::read_hex;
/// assert_eq!(read_hex("fF"), Some(255));
/// assert_eq!(read_hex("0x1"), None);
/// ```
pub fn read_hex(s: &str) -> Option<u64> {
    read(s, 16)
}

/// A decimal integer with an optional sign, as `str::parse::<i64>` reads
/// one: `None` for anything else or a number out of `i64`'s range.
///
/// ```
/// use lede::core::number::read_signed;
/// assert_eq!(read_signed("-12"), Some(-12));
/// assert_eq!(read_signed("+7"), Some(7));
/// assert_eq!(read_signed("-9223372036854775808"), Some(i64::MIN));
/// assert_eq!(read_signed("9223372036854775808"), None);
/// assert_eq!(read_signed("-"), None);
/// ```
pub fn read_signed(s: &str) -> Option<i64> {
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let n = read_unsigned(rest)?;
    if negative {
        0i64.checked_sub_unsigned(n)
    } else {
        i64::try_from(n).ok()
    }
}

/// `n` in decimal digits: `to_string` for every unsigned type.
///
/// ```
/// use lede::core::number::write_unsigned;
/// assert_eq!(write_unsigned(0), "0");
/// assert_eq!(write_unsigned(1578), "1578");
/// assert_eq!(write_unsigned(u64::MAX), "18446744073709551615");
/// ```
pub fn write_unsigned(mut n: u64) -> String {
    let mut reversed = Vec::with_capacity(20);
    loop {
        reversed.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    reversed.iter().rev().map(|&d| char::from(d)).collect()
}

/// `n` in decimal digits, with a minus when it is negative: `to_string`
/// for `i64`.
///
/// ```
/// use lede::core::number::write_signed;
/// assert_eq!(write_signed(-42), "-42");
/// assert_eq!(write_signed(i64::MIN), "-9223372036854775808");
/// assert_eq!(write_signed(7), "7");
/// ```
pub fn write_signed(n: i64) -> String {
    let digits = write_unsigned(n.unsigned_abs());
    if n < 0 {
        ["-", &digits].concat()
    } else {
        digits
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The readers agree with `str::parse` and `from_str_radix`
        /// wherever those read a number without a sign, and `read_signed`
        /// with `parse::<i64>` everywhere: mostly digits (long enough to
        /// overflow), with signs, spaces and non-ASCII digits and letters
        /// among them.
        #[test]
        fn numbers_agree_with_parse(s in "[-+]?([0-9]{0,21}|[0-9a-fA-F]{0,17}|[0-9a-f+\\- é١٢]{0,6})") {
            let unsigned = !s.starts_with(['+', '-']);
            prop_assert_eq!(read_unsigned(&s), s.parse::<u64>().ok().filter(|_| unsigned));
            prop_assert_eq!(read_hex(&s), u64::from_str_radix(&s, 16).ok().filter(|_| unsigned));
            prop_assert_eq!(read_signed(&s), s.parse::<i64>().ok());
        }

        /// Written as `to_string` writes them.
        #[test]
        fn written_as_to_string(n in any::<u64>(), m in any::<i64>()) {
            prop_assert_eq!(write_unsigned(n), n.to_string());
            prop_assert_eq!(write_signed(m), m.to_string());
        }
    }
}
