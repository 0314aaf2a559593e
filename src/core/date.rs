//! Publication dates of an article: RFC 3339 (`2016-08-28T14:25:16Z`, with a
//! `Z` or a numeric offset, also written `+0300` or `+03`), the same without
//! a zone (`2016-08-28 14:25:16`, as MySQL's DATETIME is written), or the
//! site's own `Sun Aug 28, 2016 14:25:16`. A date without a zone is UTC.

use super::number;
use super::scan::{self, split, split_once};

/// A publication instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// Milliseconds since the Unix epoch, UTC (what JavaScript's `Date` takes).
    pub epoch_ms: i64,
    /// The instant in RFC 3339, in UTC, for `<time datetime>`.
    pub rfc3339: String,
}

impl Published {
    /// Parses RFC 3339 (offsets also as `±HHMM` or `±HH`), the same without
    /// a zone, or the site's format. Fixed positions are read only after the
    /// length and ASCII are checked, and every field is range-checked
    /// (February 30th, hour 24 and a wrong weekday are refused), so any input
    /// either gives a real instant or nothing.
    ///
    /// A date without a zone (the site's format, MySQL's `DATETIME`) is read
    /// as UTC: the seed's feed comes from a newsroom serving readers in many
    /// zones, whose own timestamps are in UTC, and a fixed rule is one a
    /// publisher can rely on; one who needs another zone sends an offset.
    ///
    /// ```
    /// use lede::core::date::Published;
    /// let p = Published::parse("Sun Aug 28, 2016 14:25:16").unwrap();
    /// assert_eq!(p.rfc3339, "2016-08-28T14:25:16Z");
    /// assert_eq!(Published::parse("2016-08-28T16:25:16+02:00"), Some(p.clone()));
    /// assert_eq!(Published::parse("2016-08-28T17:25:16+0300"), Some(p.clone()));
    /// assert_eq!(Published::parse("2016-08-28 14:25:16"), Some(p));
    /// assert_eq!(Published::parse("Mon Aug 28, 2016 14:25:16"), None); // a Sunday
    /// ```
    pub fn parse(input: &str) -> Option<Published> {
        let s = input.trim();
        let (days, secs, ms) = parse_rfc3339(s).or_else(|| parse_site(s))?;
        let epoch_secs = days.checked_mul(86_400)?.checked_add(secs)?;
        let (d, t) = (epoch_secs.div_euclid(86_400), epoch_secs.rem_euclid(86_400));
        let (y, m, day) = civil_from_days(d);
        if !(0..=9999).contains(&y) {
            return None;
        }
        let mut out = String::with_capacity(24);
        push_num(&mut out, y, 4);
        out.push('-');
        push_num(&mut out, m.into(), 2);
        out.push('-');
        push_num(&mut out, day.into(), 2);
        out.push('T');
        push_num(&mut out, t / 3600, 2);
        out.push(':');
        push_num(&mut out, t / 60 % 60, 2);
        out.push(':');
        push_num(&mut out, t % 60, 2);
        if ms != 0 {
            out.push('.');
            push_num(&mut out, ms, 3);
        }
        out.push('Z');
        Some(Published {
            epoch_ms: epoch_secs.checked_mul(1000)?.checked_add(ms)?,
            rfc3339: out,
        })
    }
}

fn push_num(out: &mut String, n: i64, width: usize) {
    let digits = number::write_signed(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

/// Reads exactly `s.len()` ASCII digits, nine at most (a date's fields; an
/// HTTP date's and a `Retry-After`'s, in `core::http`).
pub(super) fn digits(s: &str) -> Option<i64> {
    if s.len() > 9 {
        return None;
    }
    i64::try_from(number::read_unsigned(s)?).ok()
}

fn in_range(n: i64, lo: i64, hi: i64) -> Option<i64> {
    (lo..=hi).contains(&n).then_some(n)
}

/// `(days since epoch, seconds into that day in UTC, which may be negative or
/// past a day after an offset, milliseconds)`.
type Parts = (i64, i64, i64);

/// `YYYY-MM-DD[Tt ]HH:MM:SS[.frac][Z|z|±HH:MM|±HHMM|±HH]`; no zone is UTC.
fn parse_rfc3339(s: &str) -> Option<Parts> {
    if !s.is_ascii() || s.len() < 19 {
        return None;
    }
    let date = s.get(..10)?;
    let sep = s.get(10..11)?;
    let rest = s.get(11..)?;
    if !matches!(sep, "T" | "t" | " ") {
        return None;
    }
    let mut d = split(date, b"-");
    let (y, m, day) = (d.next()?, d.next()?, d.next()?);
    if y.len() != 4 || m.len() != 2 || day.len() != 2 {
        return None;
    }
    let days = days_from_ymd(digits(y)?, digits(m)?, digits(day)?)?;
    let time = rest.get(..8)?;
    let mut zone = rest.get(8..)?;
    let secs = hms(time)?;
    let mut ms = 0;
    if let Some(frac_and_zone) = zone.strip_prefix(".") {
        let end = frac_and_zone
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(frac_and_zone.len());
        let frac = frac_and_zone.get(..end)?;
        if frac.is_empty() {
            return None;
        }
        // Milliseconds: the first three digits, padded; the rest truncated.
        for (i, b) in frac.bytes().take(3).enumerate() {
            ms += i64::from(b - b'0') * [100, 10, 1].get(i).copied().unwrap_or(0);
        }
        zone = frac_and_zone.get(end..)?;
    }
    let offset = match zone {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let hm = zone.get(1..)?;
            // `HH:MM`, `HHMM` (ISO 8601's basic form) or `HH`.
            let (h, m) = match hm.len() {
                5 => split_once(hm, b":")?,
                4 => (hm.get(..2)?, hm.get(2..)?),
                2 => (hm, "00"),
                _ => return None,
            };
            if h.len() != 2 || m.len() != 2 {
                return None;
            }
            sign * (in_range(digits(h)?, 0, 23)? * 3600 + in_range(digits(m)?, 0, 59)? * 60)
        }
    };
    Some((days, secs - offset, ms))
}

/// `HH:MM:SS`, with a leap second 60 allowed as RFC 3339 does.
fn hms(s: &str) -> Option<i64> {
    let mut t = split(s, b":");
    let (h, m, sec) = (t.next()?, t.next()?, t.next()?);
    if t.next().is_some() || h.len() != 2 || m.len() != 2 || sec.len() != 2 {
        return None;
    }
    Some(
        in_range(digits(h)?, 0, 23)? * 3600
            + in_range(digits(m)?, 0, 59)? * 60
            + in_range(digits(sec)?, 0, 60)?,
    )
}

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // day 0 was a Thursday
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Www Mmm D, YYYY HH:MM:SS` (the comma optional, names in any case), in UTC.
fn parse_site(s: &str) -> Option<Parts> {
    let mut words = scan::words(s);
    let (wd, mon, day, year, time) = (
        words.next()?,
        words.next()?,
        words.next()?,
        words.next()?,
        words.next()?,
    );
    if words.next().is_some() {
        return None;
    }
    let day = day.strip_suffix(",").unwrap_or(day);
    if day.len() > 2 || year.len() != 4 {
        return None;
    }
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(mon))?;
    let month = i64::try_from(month).ok()? + 1;
    let days = days_from_ymd(digits(year)?, month, digits(day)?)?;
    let weekday = usize::try_from(days.rem_euclid(7)).ok()?;
    if !WEEKDAYS.get(weekday)?.eq_ignore_ascii_case(wd) {
        return None;
    }
    Some((days, hms(time)?, 0))
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days since 1970-01-01 of a valid proleptic Gregorian date.
pub(crate) fn days_from_ymd(y: i64, m: i64, d: i64) -> Option<i64> {
    let month_len = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return None,
    };
    in_range(d, 1, month_len)?;
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The inverse of [`days_from_ymd`].
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // d is in 1..=31 and m in 1..=12 by construction.
    (
        y,
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn iso(s: &str) -> Option<String> {
        Published::parse(s).map(|p| p.rfc3339)
    }

    #[test]
    fn the_seed_date() {
        let p = Published::parse("Sun Aug 28, 2016 14:25:16");
        assert_eq!(
            p,
            Some(Published {
                epoch_ms: 1_472_394_316_000,
                rfc3339: "2016-08-28T14:25:16Z".into()
            })
        );
    }

    #[test]
    fn rfc3339() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2016-08-28T14:25:16Z", Some("2016-08-28T14:25:16Z")),
            ("2016-08-28t14:25:16z", Some("2016-08-28T14:25:16Z")),
            ("2016-08-28 14:25:16Z", Some("2016-08-28T14:25:16Z")),
            (" 2016-08-28T14:25:16Z\n", Some("2016-08-28T14:25:16Z")),
            ("2016-08-28T16:25:16+02:00", Some("2016-08-28T14:25:16Z")),
            ("2016-08-28T10:25:16-04:00", Some("2016-08-28T14:25:16Z")),
            ("2016-08-28T01:00:00+03:00", Some("2016-08-27T22:00:00Z")),
            ("2016-12-31T23:30:00-01:00", Some("2017-01-01T00:30:00Z")),
            ("2016-08-28T14:25:16.5Z", Some("2016-08-28T14:25:16.500Z")),
            (
                "2016-08-28T14:25:16.123456+00:00",
                Some("2016-08-28T14:25:16.123Z"),
            ),
            ("2016-08-28T14:25:16.000Z", Some("2016-08-28T14:25:16Z")),
            ("2016-12-31T23:59:60Z", Some("2017-01-01T00:00:00Z")),
            ("2016-02-29T00:00:00Z", Some("2016-02-29T00:00:00Z")),
            ("2000-02-29T00:00:00Z", Some("2000-02-29T00:00:00Z")),
            ("1969-12-31T23:59:59Z", Some("1969-12-31T23:59:59Z")),
            ("0000-01-01T00:00:00Z", Some("0000-01-01T00:00:00Z")),
            ("9999-12-31T23:59:59Z", Some("9999-12-31T23:59:59Z")),
            // ISO 8601's basic offsets and hour-only offsets.
            ("2016-08-28T17:25:16+0300", Some("2016-08-28T14:25:16Z")),
            ("2016-08-28T10:25:16-0400", Some("2016-08-28T14:25:16Z")),
            ("2016-08-28T17:25:16+03", Some("2016-08-28T14:25:16Z")),
            (
                "2016-08-28T14:25:16.25-00",
                Some("2016-08-28T14:25:16.250Z"),
            ),
            ("2016-08-28T20:10:16+0545", Some("2016-08-28T14:25:16Z")),
            // No zone: MySQL's DATETIME and ISO 8601's local form, read as UTC.
            ("2016-08-28 14:25:16", Some("2016-08-28T14:25:16Z")),
            ("2016-08-28T14:25:16", Some("2016-08-28T14:25:16Z")),
            ("2016-08-28 14:25:16.5", Some("2016-08-28T14:25:16.500Z")),
            ("0000-01-01 00:00:00", Some("0000-01-01T00:00:00Z")),
            // Refused.
            ("0000-01-01T00:00:00+00:01", None),
            ("9999-12-31T23:59:59-00:01", None),
            ("2015-02-29T00:00:00Z", None),
            ("1900-02-29T00:00:00Z", None),
            ("2016-04-31T00:00:00Z", None),
            ("2016-13-01T00:00:00Z", None),
            ("2016-00-01T00:00:00Z", None),
            ("2016-08-00T00:00:00Z", None),
            ("2016-08-28T24:00:00Z", None),
            ("2016-08-28T14:60:00Z", None),
            ("2016-08-28T14:25:61Z", None),
            ("2016-08-28T14:25:16.Z", None),
            ("2016-08-28T14:25:16+2:00", None),
            ("2016-08-28T14:25:16+24:00", None),
            ("2016-08-28T14:25:16+02:60", None),
            ("2016-08-28T14:25:16+020", None),
            ("2016-08-28T14:25:16+2", None),
            ("2016-08-28T14:25:16+02:0", None),
            ("2016-08-28T14:25:16+02-00", None),
            ("2016-08-28T14:25:16+2400", None),
            ("2016-08-28T14:25:16+0260", None),
            ("2016-08-28T14:25:16 +02:00", None),
            ("2016-08-28 14:25", None),
            ("2016-08-28T14:25:16ZZ", None),
            ("2016-8-28T14:25:16Z", None),
            ("+016-08-28T14:25:16Z", None),
            ("2016-08-28X14:25:16Z", None),
            ("2016-08-28T14:25:1٦Z", None),
            ("2016-08-28", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(iso(input).as_deref(), *want, "input {input:?}");
        }
    }

    #[test]
    fn site_format() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Sun Aug 28, 2016 14:25:16", Some("2016-08-28T14:25:16Z")),
            ("sun aug 28, 2016 14:25:16", Some("2016-08-28T14:25:16Z")),
            ("Sun  Aug 28 2016  14:25:16", Some("2016-08-28T14:25:16Z")),
            ("Thu Jan 1, 1970 00:00:00", Some("1970-01-01T00:00:00Z")),
            ("Mon Feb 29, 2016 23:59:59", Some("2016-02-29T23:59:59Z")),
            ("Fri Aug 5, 2016 09:00:00", Some("2016-08-05T09:00:00Z")),
            ("Fri Aug 05, 2016 09:00:00", Some("2016-08-05T09:00:00Z")),
            ("Wed Dec 31, 1969 23:59:59", Some("1969-12-31T23:59:59Z")),
            // Refused.
            ("Mon Aug 28, 2016 14:25:16", None),
            ("Sunday Aug 28, 2016 14:25:16", None),
            ("Sun August 28, 2016 14:25:16", None),
            ("Sun Aug 28, 16 14:25:16", None),
            ("Sun Aug 28, 2016 14:25", None),
            ("Sun Aug 28, 2016 14:25:16 UTC", None),
            ("Sun Aug 28, 2016", None),
            ("Tue Feb 30, 2016 00:00:00", None),
            ("Sun Aug 128, 2016 14:25:16", None),
            ("Sun Aug 28,, 2016 14:25:16", None),
        ];
        for (input, want) in cases {
            assert_eq!(iso(input).as_deref(), *want, "input {input:?}");
        }
    }

    #[test]
    fn civil_round_trip_over_every_day() {
        for days in -800_000..800_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_ymd(y, m.into(), d.into()), Some(days));
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = Published::parse(&s);
        }

        #[test]
        fn never_panics_near_the_formats(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,12})?([Zz]|[+-][0-9]{2}:?[0-9]{0,3})?") {
            let _ = Published::parse(&s);
        }

        #[test]
        fn output_round_trips(secs in -62_167_219_200i64..253_402_300_799, ms in 0i64..1000) {
            let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
            let t = secs.rem_euclid(86_400);
            let input = format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z", t / 3600, t / 60 % 60, t % 60);
            let p = Published::parse(&input);
            prop_assert!(p.is_some(), "{}", input);
            if let Some(p) = p {
                prop_assert_eq!(p.epoch_ms, secs * 1000 + ms);
                prop_assert_eq!(Published::parse(&p.rfc3339), Some(p.clone()));
                let idx = usize::try_from((secs.div_euclid(86_400)).rem_euclid(7)).unwrap_or(0);
                let site = format!("{} {} {d}, {y:04} {:02}:{:02}:{:02}", WEEKDAYS[idx], MONTHS[usize::from(m) - 1], t / 3600, t / 60 % 60, t % 60);
                prop_assert_eq!(Published::parse(&site).map(|p| p.epoch_ms), Some(secs * 1000));
            }
        }
    }
}
