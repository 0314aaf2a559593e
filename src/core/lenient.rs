//! Accepts any JSON value and keeps only what a feed field can use: a string,
//! an integer, or "something else". This is what lets one bad item or field be
//! skipped without failing the whole feed, without the cost of `serde_json::Value`.

use super::entities::decode;
use super::error::{Feed, FeedError};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
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
    Float(f64),
    /// `null`, a boolean, an array or an object.
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
            Scalar::Int(n) => Some(n.to_string()),
            Scalar::BigUint(n) => Some(n.to_string()),
            Scalar::Float(f) => float_to_int(f).map(|n| n.to_string()),
            Scalar::Other => None,
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

    /// The value as an integer: a JSON integer, an integral float, or a string
    /// holding a decimal integer.
    pub(crate) fn to_int(&self) -> Option<i64> {
        match self {
            Scalar::Str(s) => s.trim().parse().ok(),
            Scalar::Int(n) => Some(*n),
            Scalar::BigUint(_) | Scalar::Other => None,
            Scalar::Float(f) => float_to_int(*f),
        }
    }
}

/// An integral float inside the range where it is exact, as an integer.
fn float_to_int(f: f64) -> Option<i64> {
    // 2^53: beyond it, floats no longer hold every integer.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if f.is_finite() && f.fract() == 0.0 && f.abs() <= EXACT {
        // In range and integral, so the conversion is exact.
        Some(f as i64)
    } else {
        None
    }
}

impl<'de> de::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

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
    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
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
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

/// Deserializes an object key into one of a fixed set of names, or `None` for
/// a key the feed format does not use (ignored, as docs/feeds.md says).
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
        Ok(self.names.iter().position(|n| *n == v))
    }
}
