//! A locale's ten digits, learnt once from the browser, so that a whole
//! number is written in them without asking `Intl` again: each slide's
//! label has two numbers, and a page of many widgets has thousands of
//! slides' labels to write.

/// The number whose formatting (without grouping) tells a locale's digits:
/// each of the ten once, `1` to `9`, then `0`.
pub const PROBE: usize = 1_234_567_890;

/// The digits `0` to `9` of a decimal numbering system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Digits([char; 10]);

impl Digits {
    /// The digits in `written`, the locale's formatting of [`PROBE`]
    /// without grouping; `None` unless it is exactly ten distinct
    /// characters, each a digit in place (a numbering system that is not
    /// a plain substitution of digits, or one with marks around the
    /// number, is then formatted a number at a time instead).
    ///
    /// ```
    /// use lede::core::i18n::Digits;
    /// let arabic = Digits::read("١٢٣٤٥٦٧٨٩٠").unwrap();
    /// assert_eq!(arabic.write(2048), "٢٠٤٨");
    /// assert_eq!(Digits::read("1234567890").unwrap().write(0), "0");
    /// assert_eq!(Digits::read("1,234,567,890"), None);
    /// assert_eq!(Digits::read("MCCXXXIV"), None);
    /// ```
    pub fn read(written: &str) -> Option<Self> {
        let mut chars = written.chars();
        // In the probe's order: 1 to 9, then 0.
        let mut probe = ['0'; 10];
        for slot in probe.iter_mut() {
            *slot = chars.next()?;
        }
        let distinct = probe
            .iter()
            .enumerate()
            .all(|(i, c)| !probe.iter().skip(i + 1).any(|d| d == c));
        if chars.next().is_some() || !distinct {
            return None;
        }
        probe.rotate_right(1);
        Some(Self(probe))
    }

    /// `n` in these digits, without grouping.
    pub fn write(&self, n: usize) -> String {
        let ascii = n.to_string();
        ascii
            .bytes()
            .map(|b| {
                let digit = usize::from(b.wrapping_sub(b'0'));
                self.0.get(digit).copied().unwrap_or(char::from(b))
            })
            .collect()
    }
}
