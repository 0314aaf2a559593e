//! Accepts any JSON value and keeps only what a feed field can use: a string,
//! an integer (a number's text read exactly, see [`NUMBER`]), an array's
//! words, or "something else". This is what lets one bad item or field be
//! skipped without failing the whole feed, without the cost of `serde_json::Value`.

use super::entities::decode;
use super::error::{Feed, FeedError};
use super::number::{read_signed, write_signed, write_unsigned};
use super::scan::split_once;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Reads `json`, all of it, as `feed`'s top-level value with `visitor`: a
/// syntax error, trailing text or a value of the wrong kind is the feed's
/// error.
pub(crate) fn parse_top<'de, T, V>(feed: Feed, json: &'de str, visitor: V) -> Result<T, FeedError>
where
    V: Visitor<'de, Value = Top<T>>,
{
    let mut de = serde_json::Deserializer::from_str(json);
    let top = de
        .deserialize_any(visitor)
        .and_then(|top| de.end().map(|()| top))
        .map_err(|e| FeedError::from_json(feed, &e, json))?;
    match top {
        Top::Right(value) => Ok(value),
        Top::Wrong => Err(FeedError::wrong_kind(feed, json)),
    }
}

/// A feed's top-level value: of the kind the feed must be, or not.
#[derive(Debug)]
pub(crate) enum Top<T> {
    /// The feed's value.
    Right(T),
    /// Another kind of JSON value (read through, so the syntax is checked).
    Wrong,
}

/// The methods of a top-level [`Visitor`] for the scalar JSON values
/// (strings, numbers, booleans, null), which no feed is: each gives
/// [`Top::Wrong`]. Serde's default methods would make an error with a
/// formatted "invalid type" message instead, and linking that formatting
/// costs several KB of wasm; the feed's error is worded from the input
/// instead (`FeedError::wrong_kind`).
macro_rules! refuse_scalars {
    () => {
        $crate::core::lenient::refuse_scalars!(
            visit_str(&str),
            visit_i64(i64),
            visit_u64(u64),
            visit_f64(f64),
            visit_bool(bool),
            visit_unit()
        );
    };
    ($($method:ident($($arg:ty)?)),*) => {
        $(
            fn $method<E>(self $(, _: $arg)?) -> Result<Self::Value, E> {
                Ok($crate::core::lenient::Top::Wrong)
            }
        )*
    };
}
pub(crate) use refuse_scalars;

/// One JSON value as a feed field sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar {
    Str(String),
    Int(i64),
    /// An integer above `i64::MAX`: kept as its decimal text.
    BigUint(u64),
    /// An array: those of its elements that are words (see
    /// [`into_words`](Self::into_words)), the others dropped.
    List(Vec<String>),
    /// `null`, a boolean, an object, or a number that is not an integer.
    Other,
}

impl Scalar {
    /// The value as non-blank text, trimmed; integers are written in decimal
    /// (the seed sends ids as strings, other feeds as numbers).
    pub(crate) fn into_text(self) -> Option<String> {
        match self {
            Scalar::Str(s) => {
                let t = s.trim();
                if t.is_empty() {
                    None
                } else if t.len() == s.len() {
                    Some(s)
                } else {
                    Some(t.to_owned())
                }
            }
            Scalar::Int(n) => Some(write_signed(n)),
            Scalar::BigUint(n) => Some(write_unsigned(n)),
            Scalar::List(_) | Scalar::Other => None,
        }
    }

    /// The value as a string only (titles and paths are never numbers).
    pub(crate) fn into_string(self) -> Option<String> {
        match self {
            Scalar::Str(_) => self.into_text(),
            _ => None,
        }
    }

    /// The value as words to show (a title, a source, a paragraph): a
    /// string, its character references read (see `core::entities`), then
    /// trimmed and non-blank.
    pub(crate) fn into_words(self) -> Option<String> {
        match self {
            Scalar::Str(s) => match decode(&s) {
                Cow::Borrowed(_) => Scalar::Str(s).into_text(),
                Cow::Owned(d) => Scalar::Str(d).into_text(),
            },
            _ => None,
        }
    }

    /// The value as an integer: a JSON integer, a number with a fraction or
    /// an exponent that is exactly an integer, or a string holding a
    /// decimal integer.
    pub(crate) fn to_int(&self) -> Option<i64> {
        match self {
            Scalar::Str(s) => read_signed(s.trim()),
            Scalar::Int(n) => Some(*n),
            Scalar::BigUint(_) | Scalar::List(_) | Scalar::Other => None,
        }
    }
}

/// A JSON object as a feed reads it.
pub(crate) enum Object {
    /// The value of each field named, in the order named ([`Scalar::Other`]
    /// when absent); other fields skipped.
    Fields(Vec<Scalar>),
    /// Not an object but a number with a fraction or an exponent (see
    /// [`NUMBER`]): the integer it is, if it is one.
    Number(Option<i64>),
}

/// Reads an object's fields `names` (one function for every object a feed
/// has, and for the numbers serde_json hands over as objects, so that each
/// `MapAccess` type brings one copy of it). With `numbers`, an object whose
/// only key is [`NUMBER`] is the number it holds, as serde_json makes one;
/// without, it is an object like any other.
pub(crate) fn read_object<'de, A: MapAccess<'de>>(
    mut map: A,
    names: &[&'static str],
    numbers: bool,
) -> Result<Object, A::Error> {
    // Pushed, not `vec![Scalar::Other; n]`, whose cloning was code of its own.
    let mut fields = Vec::with_capacity(names.len());
    for _ in names {
        fields.push(Scalar::Other);
    }
    let (mut entries, mut number) = (0usize, None);
    while let Some(key) = map.next_key_seed(Key { names })? {
        entries += 1;
        match key.map(|i| fields.get_mut(i)) {
            Some(Some(field)) => *field = map.next_value_seed(ScalarVisitor { nested: false })?,
            Some(None) if numbers && entries == 1 => {
                number = Some(map.next_value_seed(ScalarVisitor { nested: true })?);
            }
            _ => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    Ok(match number {
        Some(Scalar::Str(text)) if entries == 1 => Object::Number(integral(&text)),
        Some(_) if entries == 1 => Object::Number(None),
        _ => Object::Fields(fields),
    })
}

/// The key under which serde_json, built with its `arbitrary_precision`
/// feature (as Lede builds it), hands a visitor a number with a fraction or
/// an exponent: a map of one entry, whose value is the number's text.
/// Reading that text here, exactly, keeps serde_json's float parsing (and
/// its 2.5 KB table of powers of ten) out of the wasm. Integers without
/// either still come as `i64` or `u64`.
pub(crate) const NUMBER: &str = "$serde_json::private::Number";

/// The largest integer a float, and so JavaScript, holds exactly: 2^53.
const EXACT: u64 = 1 << 53;

/// A JSON number's text with a fraction or an exponent (`12.0`, `1.2e3`,
/// `-5E0`) as the integer it is, when it is one exactly and within ±2^53;
/// else `None` (`1.5`, `1e300`). As JSON numbers are written: an optional
/// minus, digits, an optional fraction, an optional exponent.
pub(crate) fn integral(text: &str) -> Option<i64> {
    let (negative, text) = match text.strip_prefix("-") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match split_once(text, b"eE") {
        Some((m, e)) => (m, read_signed(e)),
        None => (text, Some(0)),
    };
    let (whole, fraction) = split_once(mantissa, b".").unwrap_or((mantissa, ""));
    // The digits, whole and fraction, in one run (iterators chained over the
    // two linked code of their own).
    let digits = [whole, fraction].concat();
    // serde_json's text always has digits here; an object that merely
    // looks like its number form may hold anything.
    if whole.is_empty() || !digits.bytes().all(|d| d.is_ascii_digit()) {
        return None;
    }
    // The digits without their leading and trailing zeros, and the power of
    // ten that scales them: value = significant × 10^scale.
    let leading = digits.bytes().take_while(|d| *d == b'0').count();
    let significant = digits.as_bytes().get(leading..)?;
    let trailing = significant.iter().rev().take_while(|d| **d == b'0').count();
    let significant = significant.get(..significant.len() - trailing)?;
    if significant.is_empty() {
        // Zero, whatever its exponent.
        return Some(0);
    }
    let scale = exponent?
        .checked_sub(i64::try_from(fraction.len()).ok()?)?
        .checked_add(i64::try_from(trailing).ok()?)?;
    // A fraction is left (scale < 0), or more than 16 digits: not an
    // integer within 2^53.
    let zeros = usize::try_from(scale).ok()?;
    if significant.len().checked_add(zeros)? > 16 {
        return None;
    }
    // At most 16 digits: no overflow.
    let mut value: u64 = 0;
    for d in significant {
        value = value * 10 + u64::from(d - b'0');
    }
    for _ in 0..zeros {
        value *= 10;
    }
    if value > EXACT {
        return None;
    }
    let value = i64::try_from(value).ok()?;
    Some(if negative { -value } else { value })
}

/// Reads a feed field's value (`nested: false`), or an element of a
/// field's array or the text of a number (`nested: true`). Nested, an array
/// or an object is skipped whole: nothing a feed nests deeply is read
/// level by level, where serde_json would stop at 128 levels and fail the
/// whole feed for one field.
#[derive(Clone, Copy)]
struct ScalarVisitor {
    nested: bool,
}

impl<'de> DeserializeSeed<'de> for ScalarVisitor {
    type Value = Scalar;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(i64::try_from(v).map_or(Scalar::BigUint(v), Scalar::Int))
    }
    /// Not called for JSON (see [`NUMBER`]), but serde's default would
    /// link its float formatting.
    fn visit_f64<E>(self, _: f64) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_none<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        if self.nested {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(Scalar::Other);
        }
        let mut words = Vec::new();
        while let Some(element) = seq.next_element_seed(ScalarVisitor { nested: true })? {
            words.extend(element.into_words());
        }
        Ok(Scalar::List(words))
    }
    /// An object, or (not nested) a number with a fraction or an exponent
    /// (see [`NUMBER`]).
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar, A::Error> {
        Ok(match read_object(map, &[], !self.nested)? {
            Object::Number(Some(n)) => Scalar::Int(n),
            _ => Scalar::Other,
        })
    }
}

/// Deserializes an object key into the index of one of a fixed set of
/// names, the index past them for [`NUMBER`], or `None` for a key the feed
/// format does not use (ignored, as docs/feeds.md says).
pub(crate) struct Key<'n> {
    pub(crate) names: &'n [&'static str],
}

impl<'de> de::DeserializeSeed<'de> for Key<'_> {
    type Value = Option<usize>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E>(self, v: &str) -> Result<Option<usize>, E> {
        Ok(match self.names.iter().position(|n| *n == v) {
            None if v == NUMBER => Some(self.names.len()),
            found => found,
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn integral_numbers_exactly() {
        for (text, want) in [
            ("12.0", Some(12)),
            ("-12.000", Some(-12)),
            ("1.855307e6", Some(1_855_307)),
            ("1855307E0", Some(1_855_307)),
            ("2e3", Some(2000)),
            ("2e+3", Some(2000)),
            ("25e-1", None),
            ("250e-1", Some(25)),
            ("0.0", Some(0)),
            ("-0", Some(0)),
            ("0e999999999999999999999", Some(0)),
            ("1.5", None),
            ("1e-999999999999999999999", None),
            ("1e999999999999999999999", None),
            ("1e300", None),
            ("9007199254740992.0", Some(9_007_199_254_740_992)),
            ("-9007199254740992e0", Some(-9_007_199_254_740_992)),
            // Past 2^53, where a float would round it to a neighbour.
            ("9007199254740993.0", None),
            ("12.0000000000000001", None),
            ("1e16", None),
            // The most digits read (16), all nines; and one more.
            ("9999999999999999e0", None),
            ("99999999999999999.0", None),
            ("900719925474099.2e1", Some(9_007_199_254_740_992)),
            ("0.00000000000000000000000000001e29", Some(1)),
            // Not a JSON number's text (an object can look like serde_json's
            // number form): never an integer.
            ("", None),
            (".", None),
            ("/", None),
            (" 1", None),
            ("+1", None),
            ("1.2.3", None),
            ("1e", None),
            ("-", None),
        ] {
            assert_eq!(integral(text), want, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn every_way_of_writing_an_integer(n in -(1i64 << 53)..=(1i64 << 53), shift in 0u32..8, pad in 0usize..4) {
            // n written as n / 10^shift × 10^shift, with `pad` zeros after
            // the point: the same integer each way.
            let digits = n.unsigned_abs().to_string();
            let sign = if n < 0 { "-" } else { "" };
            let zeros = "0".repeat(pad);
            prop_assert_eq!(integral(&format!("{sign}{digits}.{zeros}0")), Some(n));
            prop_assert_eq!(integral(&format!("{sign}{digits}e0")), Some(n));
            let cut = digits.len().saturating_sub(shift as usize).max(1);
            let (head, tail) = digits.split_at(cut);
            let exp = tail.len();
            prop_assert_eq!(integral(&format!("{sign}{head}.{tail}{zeros}e{exp}")), Some(n));
        }

        #[test]
        fn a_fraction_is_not_an_integer(n in 0u64..1_000_000, frac in 1u32..10) {
            prop_assert_eq!(integral(&format!("{n}.{frac}")), None);
        }
    }
}
