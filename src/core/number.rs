//! Numbers to and from decimal text, one function each way.
//!
//! `str::parse` and `to_string` are compiled once per integer type, and
//! the standard library writes numbers through a 200-byte table of digit
//! pairs; Lede reads and writes a handful of numbers (a feed's `sort`,
//! dates, headers, counts in console lines and attributes), and these are
//! one small loop each for all of them.

/// The number `s` writes in `radix` (10 or 16): digits only, at least one,
/// no sign; `None` for anything else or a number over `u64::MAX`. One
/// function for every number a feed or a header gives as text, where
/// `str::parse` is compiled once per integer type.
///
/// ```
/// use lede::core::number::digits;
/// assert_eq!(digits("0042", 10), Some(42));
/// assert_eq!(digits("fF", 16), Some(255));
/// assert_eq!(digits("+1", 10), None);
/// assert_eq!(digits("", 10), None);
/// assert_eq!(digits("18446744073709551616", 10), None);
/// ```
pub fn digits(s: &str, radix: u32) -> Option<u64> {
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

/// A decimal integer with an optional sign, as `str::parse::<i64>` reads
/// one: `None` for anything else or a number out of `i64`'s range.
///
/// ```
/// use lede::core::number::integer;
/// assert_eq!(integer("-12"), Some(-12));
/// assert_eq!(integer("+7"), Some(7));
/// assert_eq!(integer("-9223372036854775808"), Some(i64::MIN));
/// assert_eq!(integer("9223372036854775808"), None);
/// assert_eq!(integer("-"), None);
/// ```
pub fn integer(s: &str) -> Option<i64> {
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let n = digits(rest, 10)?;
    if negative {
        0i64.checked_sub_unsigned(n)
    } else {
        i64::try_from(n).ok()
    }
}

/// `n` in decimal digits: `to_string` for every unsigned type.
///
/// ```
/// use lede::core::number::decimal;
/// assert_eq!(decimal(0), "0");
/// assert_eq!(decimal(1578), "1578");
/// assert_eq!(decimal(u64::MAX), "18446744073709551615");
/// ```
pub fn decimal(mut n: u64) -> String {
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
/// use lede::core::number::signed;
/// assert_eq!(signed(-42), "-42");
/// assert_eq!(signed(i64::MIN), "-9223372036854775808");
/// assert_eq!(signed(7), "7");
/// ```
pub fn signed(n: i64) -> String {
    let digits = decimal(n.unsigned_abs());
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
        /// `digits` and `integer` agree with `str::parse` wherever it
        /// reads a number that has no sign, or any sign for `integer`.
        #[test]
        fn numbers_agree_with_parse(s in "[-+]?([0-9]{0,21}|[0-9a-fA-F]{0,17})") {
            let unsigned = !s.starts_with(['+', '-']);
            prop_assert_eq!(digits(&s, 10), s.parse::<u64>().ok().filter(|_| unsigned));
            prop_assert_eq!(digits(&s, 16), u64::from_str_radix(&s, 16).ok().filter(|_| unsigned));
            prop_assert_eq!(integer(&s), s.parse::<i64>().ok());
        }

        /// Written as `to_string` writes them.
        #[test]
        fn written_as_to_string(n in any::<u64>(), m in any::<i64>()) {
            prop_assert_eq!(decimal(n), n.to_string());
            prop_assert_eq!(signed(m), m.to_string());
        }
    }
}
