//! The article feed (docs/feeds.md): one JSON object, `title` required, as the
//! text of an HTTP response body (a `var_dump` envelope is accepted too, as
//! for the related feed, since both come from the same kind of server).

use super::date::Published;
use super::entities::decode;
use super::envelope::unwrap_envelope;
use super::error::{Feed, FeedError, Problem};
use super::lenient::{parse_top, read_object, refuse_scalars, Object, Scalar, Top};
use super::scan::split;
use super::surrogates::replace_lone_surrogates;
use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// An article as the view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Its id, if the feed gives one.
    pub id: Option<String>,
    /// Its headline.
    pub title: String,
    /// When it was published; `None` also when the date was unparsable, so
    /// no dateline is shown rather than a wrong one.
    pub published: Option<Published>,
    /// The publication it comes from, such as "Express".
    pub source: Option<String>,
    /// Its paragraphs: trimmed, none empty.
    pub body: Vec<String>,
    /// A `published` given but not read as a date, for the console.
    pub unread_date: Option<String>,
}

/// Parses an article.
///
/// # Errors
/// [`Problem::Syntax`] for text that is not JSON; [`Problem::Shape`] for JSON
/// that is not an object or has no usable `title`; the envelope's problems.
///
/// ```
/// use lede::core::article::parse_article;
/// let a = parse_article(r#"{"title":"T","published":"Sun Aug 28, 2016 14:25:16",
///                          "body":"One.\n\n\nTwo,\nstill two.\n \nThree."}"#).unwrap();
/// assert_eq!(a.body, ["One.", "Two,\nstill two.", "Three."]);
/// assert_eq!(a.published.unwrap().rfc3339, "2016-08-28T14:25:16Z");
/// assert!(parse_article(r#"{"body":["no title"]}"#).is_err());
/// ```
pub fn parse_article(input: &str) -> Result<Article, FeedError> {
    let json = unwrap_envelope(input).map_err(|p| FeedError::new(Feed::Article, p))?;
    let json = replace_lone_surrogates(json);
    parse_top(Feed::Article, &json, ArticleVisitor)?.ok_or_else(|| {
        FeedError::new(
            Feed::Article,
            Problem::Shape {
                message: "the article has no usable \"title\" string".into(),
            },
        )
    })
}

const FIELDS: &[&str] = &["id", "title", "published", "source", "body"];

/// Splits text into paragraphs at blank lines (lines holding only white
/// space count as blank), trimming each and dropping empty ones.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    // `str::lines`, by hand: its search for `\n` would be one more searcher
    // in the wasm (see `core::scan`).
    for line in split(text, b"\n") {
        let line = line.strip_suffix("\r").unwrap_or(line);
        if line.trim().is_empty() {
            flush(&mut current, &mut out);
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line);
        }
    }
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let t = current.trim();
    if !t.is_empty() {
        out.push(t.to_owned());
    }
    current.clear();
}

/// `body`: one string of paragraphs, or an array of paragraph strings
/// (elements that are not words dropped); anything else is no body.
fn paragraphs_of(body: Scalar) -> Vec<String> {
    match body {
        Scalar::Str(s) => paragraphs(&decode(&s)),
        Scalar::List(words) => words,
        _ => Vec::new(),
    }
}

/// The article an object's fields make: `None` without a usable title. Not
/// generic, and kept out of line: `visit_map` is compiled once for each
/// `MapAccess` type (serde_json's objects, and the numbers it hands over as
/// objects), and this would be copied into each.
#[inline(never)]
fn article_of(object: Object) -> Top<Option<Article>> {
    // A number (see `NUMBER`) is not an article.
    let Object::Fields(fields) = object else {
        return Top::Wrong;
    };
    let Ok([id, title, published, source, body]) = <[Scalar; 5]>::try_from(fields) else {
        return Top::Right(None);
    };
    let body = paragraphs_of(body);
    let Some(title) = title.into_words() else {
        return Top::Right(None);
    };
    let given = published.into_string();
    let published = given.as_deref().and_then(Published::parse);
    Top::Right(Some(Article {
        id: id.into_text(),
        title,
        unread_date: given.filter(|_| published.is_none()),
        published,
        source: source.into_words(),
        body,
    }))
}

struct ArticleVisitor;

impl<'de> Visitor<'de> for ArticleVisitor {
    /// `None` when there is no usable title.
    type Value = Top<Option<Article>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an article object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Ok(article_of(read_object(map, FIELDS, true)?))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::Wrong)
    }

    refuse_scalars!();
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::surrogates::testing::{encode, piece};
    use proptest::prelude::*;

    const DEMO: &str = include_str!("../../demo/api/article/1855600.json");

    fn ok(input: &str) -> Article {
        parse_article(input).unwrap_or_else(|e| panic!("{input:?} must parse: {}", e.detail()))
    }

    fn problem(input: &str) -> Problem {
        match parse_article(input) {
            Ok(a) => panic!("{input:?} must fail, gave {a:?}"),
            Err(e) => {
                assert_eq!(e.feed, Feed::Article);
                e.problem
            }
        }
    }

    #[test]
    fn the_seed_article() {
        let a = ok(DEMO);
        assert_eq!(a.id.as_deref(), Some("1855600"));
        assert_eq!(
            a.title,
            "Superpowers Vow to DESTROY ISIS: Russia and the US Team up"
        );
        assert_eq!(a.source.as_deref(), Some("Express"));
        assert_eq!(
            a.published.map(|p| p.rfc3339).as_deref(),
            Some("2016-08-28T14:25:16Z")
        );
        assert_eq!(a.body.len(), 7);
        assert_eq!(a.body.first().map(String::as_str), Some("Russia and the US are joining forces to crush ISIS and put an end to the civil war raging through the Middle East."));
        assert!(a
            .body
            .last()
            .is_some_and(|p| p.ends_with("Express reported.")));
    }

    #[test]
    fn design_example_and_optional_fields() {
        let a = ok(
            r#"{"id":"1855600","title":"Superpowers Vow","published":"2016-08-28T14:25:16Z","source":"Express","body":["Russia and the US are joining forces ...","..."]}"#,
        );
        assert_eq!(a.body, ["Russia and the US are joining forces ...", "..."]);
        assert_eq!(a.published.map(|p| p.epoch_ms), Some(1_472_394_316_000));
        let a = ok(r#"{"title":"Only a title"}"#);
        assert_eq!(
            a,
            Article {
                id: None,
                title: "Only a title".into(),
                published: None,
                source: None,
                body: vec![],
                unread_date: None,
            }
        );
    }

    #[test]
    fn lenient_fields() {
        let a = ok(
            r#"{"id":1855600,"title":"  T  ","published":"yesterday","source":7,"body":["  a  ","",null,3,{"x":1},"b\n\nstill b"],"extra":{"x":[1,2]}}"#,
        );
        assert_eq!(a.id.as_deref(), Some("1855600"));
        assert_eq!(a.title, "T");
        assert_eq!(a.published, None);
        assert_eq!(a.unread_date.as_deref(), Some("yesterday"));
        assert_eq!(a.source, None);
        assert_eq!(a.body, ["a", "b\n\nstill b"]);
        for body in [
            "null",
            "1",
            "true",
            "{}",
            "{\"p\":\"x\"}",
            "[]",
            "\"\"",
            "\"  \\n\\n \"",
        ] {
            assert_eq!(
                ok(&format!(r#"{{"title":"T","body":{body}}}"#)).body,
                Vec::<String>::new(),
                "body {body}"
            );
        }
    }

    #[test]
    fn the_envelope_as_for_the_related_feed() {
        // The demo article, as the seed's server would send it.
        let bare = DEMO.trim();
        let enveloped = format!("string({}) \"{bare}\"", bare.len());
        assert_eq!(ok(&enveloped), ok(DEMO));
        assert_eq!(ok(&format!("\u{feff}\r\n {enveloped} \n")), ok(DEMO));
        assert_eq!(ok("string(13) \"{\"title\":\"T\"}\"").title, "T");
        // The length counts UTF-8 bytes: "خبر" is 6 of them.
        let arabic = r#"{"title":"خبر","body":"أ\n\nب"}"#;
        let a = ok(&format!("string({}) \"{arabic}\"", arabic.len()));
        assert_eq!((a.title.as_str(), a.body.len()), ("خبر", 2));
        let cases: &[(&str, Problem)] = &[
            (
                "string(14) \"{\"title\":\"T\"}\"",
                Problem::Truncated {
                    expected: 14,
                    actual: 13,
                },
            ),
            (
                "string(13) \"{\"title\":\"T",
                Problem::Truncated {
                    expected: 13,
                    actual: 11,
                },
            ),
            ("string(x) \"{}\"", Problem::BadEnvelope),
            ("string(2) {}", Problem::BadEnvelope),
        ];
        for (input, want) in cases {
            assert_eq!(problem(input), *want, "{input:?}");
        }
        let cut = enveloped.get(..enveloped.len() / 2).unwrap_or("");
        assert!(
            matches!(problem(cut), Problem::Truncated { expected, .. } if expected == bare.len()),
            "a cut-off enveloped article is truncated"
        );
        // The envelope's content is still checked as an article.
        assert!(matches!(problem("string(2) \"[]\""), Problem::Shape { .. }));
        assert!(matches!(problem("string(1) \"{\""), Problem::Syntax { .. }));
    }

    #[test]
    fn a_truncated_emoji_keeps_the_article() {
        // Regression: lone surrogate escapes (half an emoji) failed the
        // whole article; each is now one U+FFFD, as in a browser.
        let a =
            ok(r#"{"title":"Goal \ud83d","source":"\udc00","body":["a\ud83d\ude00","\\ud83d b"]}"#);
        assert_eq!(a.title, "Goal \u{FFFD}");
        assert_eq!(a.source.as_deref(), Some("\u{FFFD}"));
        assert_eq!(a.body, ["a\u{1F600}", "\\ud83d b"]);
        let json = r#"{"title":"\ude00\ud83d"}"#;
        let a = ok(&format!("string({}) \"{json}\"", json.len()));
        assert_eq!(a.title, "\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn deep_nesting_in_a_field_is_skipped_not_fatal() {
        // serde_json stops at 128 levels of nesting when it reads value by
        // value; a field skipped whole is not read level by level.
        let deep = ["[".repeat(300), "]".repeat(300)].concat();
        let a = ok(&format!(
            r#"{{"title":"T","id":{deep},"source":{{"x":{deep}}},"body":["a",{deep},"b"]}}"#
        ));
        assert_eq!(
            (a.id, a.source, a.body),
            (None, None, vec!["a".into(), "b".into()])
        );
    }

    #[test]
    fn only_serde_jsons_own_number_form_is_a_number() {
        const N: &str = "$serde_json::private::Number";
        // An object that has that key among others is an object.
        let a = ok(&format!(r#"{{"title":"T","{N}":"1"}}"#));
        assert_eq!(a.title, "T");
        let a = ok(&format!(
            r#"{{"{N}":"1","title":"T","id":{{"{N}":"7","x":1}}}}"#
        ));
        assert_eq!((a.title.as_str(), a.id), ("T", None));
        // Alone, it cannot be told from a number, and its text must be one.
        for (id, want) in [
            (r#""7.0""#, Some("7")),
            (r#""/""#, None),
            (r#"" 1""#, None),
            ("[[1]]", None),
        ] {
            let a = ok(&format!(r#"{{"title":"T","id":{{"{N}":{id}}}}}"#));
            assert_eq!(a.id.as_deref(), want, "{id}");
        }
    }

    #[test]
    fn paragraph_splitting() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("one", &["one"]),
            ("one\ntwo", &["one\ntwo"]),
            ("one\n\ntwo", &["one", "two"]),
            ("one\r\n\r\ntwo\r\n", &["one", "two"]),
            ("\n\n  one  \n \t \n\n\ntwo\n\n", &["one", "two"]),
            ("خبر أول\n\nخبر ثانٍ", &["خبر أول", "خبر ثانٍ"]),
        ];
        for (input, want) in cases {
            assert_eq!(paragraphs(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn errors() {
        for bad in ["", "{", "{\"title\":}", "<!doctype html>", "{} x"] {
            assert!(matches!(problem(bad), Problem::Syntax { .. }), "{bad:?}");
        }
        for shape in [
            "[]",
            "[{\"title\":\"T\"}]",
            "\"T\"",
            "null",
            "{}",
            "{\"title\":\"\"}",
            "{\"title\":\" \"}",
            "{\"title\":null}",
            "{\"title\":1}",
            "{\"title\":[\"T\"]}",
            "{\"headline\":\"T\"}",
        ] {
            assert!(matches!(problem(shape), Problem::Shape { .. }), "{shape:?}");
        }
        for number in ["1.5", "-2e3", "0.0"] {
            assert_eq!(
                problem(number),
                Problem::Shape {
                    message: "expected an article object, found a number".into()
                },
                "{number:?}"
            );
        }
        assert_eq!(
            problem("[{\"title\":\"T\"}]"),
            Problem::Shape {
                message: "expected an article object, found an array".into()
            }
        );
        assert_eq!(
            problem("string(99) \"{}\""),
            Problem::Truncated {
                expected: 99,
                actual: 2
            }
        );
    }

    proptest! {
        // A feed's titles read as a browser would show the JSON: each lone
        // surrogate one U+FFFD (see `core::surrogates`).
        #[test]
        fn titles_read_as_a_browser_shows_them(pieces in proptest::collection::vec(piece(), 0..8)) {
            let (literal, shown) = encode(&pieces);
            let related = format!(r#"[{{"id":"1","pic":"/a.jpg","title":{literal}}}]"#);
            let article = format!(r#"{{"title":{literal},"body":[{literal}]}}"#);
            let feed = crate::core::related::parse_related(&related);
            let a = parse_article(&article);
            let want = shown.trim();
            if want.is_empty() {
                prop_assert_eq!(feed.map(|f| (f.items.len(), f.skipped)).ok(), Some((0, 1)));
                prop_assert!(a.is_err());
            } else {
                let title = feed.map(|f| f.items.first().map(|i| i.title.clone()));
                let title = title.ok().flatten();
                prop_assert_eq!(title.as_deref(), Some(want), "{}", related);
                let a = a.map(|a| a.title).ok();
                prop_assert_eq!(a.as_deref(), Some(want), "{}", article);
            }
        }

    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = parse_article(&s);
            let _ = paragraphs(&s);
        }

        #[test]
        fn round_trips(title in "[^\\s]([\\PC]{0,20}[^\\s])?", paras in proptest::collection::vec("[^\\s]([\\PC]{0,20}[^\\s])?", 0..6), as_string in any::<bool>()) {
            // Paragraphs without blank lines inside survive both body forms.
            let paras: Vec<String> = paras.into_iter().map(|p| p.replace(['\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}'], " ")).collect();
            let body = if as_string { serde_json::to_string(&paras.join("\n\n")) } else { serde_json::to_string(&paras) }.unwrap_or_default();
            let json = format!(r#"{{"title":{},"body":{body}}}"#, serde_json::to_string(&title).unwrap_or_default());
            let a = parse_article(&json);
            prop_assert!(a.is_ok(), "{:?}", a);
            prop_assert_eq!(&a, &parse_article(&format!("string({}) \"{json}\"", json.len())));
            let a = a.unwrap_or_else(|_| unreachable!());
            prop_assert_eq!(a.title, title);
            let want: Vec<String> = paras.iter().map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect();
            prop_assert_eq!(a.body, want);
        }
    }
}
