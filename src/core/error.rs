//! Why a section could not show its feed: as a sentence for the reader
//! ([`FeedError::message`]) and as technical detail for the console
//! ([`FeedError::detail`]).

use super::i18n::Text;
use super::number::write_unsigned;
use std::fmt;

/// Which feed, and so which section of the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    /// The article JSON.
    Article,
    /// The related-items JSON.
    Related,
}

/// What a JSON text holds at its top, judged by its first character.
fn json_kind(json: &str) -> &'static str {
    // `trim`, not `trim_start`: the same first byte, and one trimming
    // function in the wasm, not two.
    match json.trim().bytes().next() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        Some(b'-' | b'0'..=b'9') => "a number",
        _ => "nothing",
    }
}

impl Feed {
    /// What the feed's JSON must be.
    pub fn expected(self) -> &'static str {
        match self {
            Feed::Article => "an article object",
            Feed::Related => "an array of related items",
        }
    }

    /// The name used in events and in the console.
    pub fn as_str(self) -> &'static str {
        match self {
            Feed::Article => "article",
            Feed::Related => "related",
        }
    }
}

/// What went wrong, from the network to the last byte of the JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The server answered with a status outside 200–299.
    Http {
        /// The HTTP status code.
        status: u16,
        /// How long its `Retry-After` asked to wait, in ms, if it did.
        retry_after_ms: Option<u32>,
    },
    /// No answer at all: connection refused, DNS, offline (the browser does
    /// not say which); or an answer whose body stopped coming (`cut_off`).
    Network {
        /// The browser's own message.
        message: String,
        /// The answer came, and its body was cut off before its end (a
        /// connection dropped mid-body): CORS had let it through.
        cut_off: bool,
    },
    /// An answer the browser kept from the page: the feed is on another
    /// origin and does not allow this one (no `Access-Control-Allow-Origin`
    /// for it). Told apart from [`Problem::Network`] by asking again without
    /// CORS, which the server answers.
    Cors,
    /// No complete answer within the timeout.
    Timeout {
        /// The timeout that ran out, in milliseconds.
        ms: u32,
    },
    /// A body longer than the limit: refused from its `Content-Length`, or
    /// cut off once that many bytes had arrived.
    TooLarge {
        /// The limit, in bytes.
        limit: u32,
    },
    /// `string(N) "…"` whose content is not `N` bytes long: a cut-off feed.
    Truncated {
        /// The length the envelope announces.
        expected: usize,
        /// The length of what arrived.
        actual: usize,
    },
    /// Starts like a `var_dump` envelope but is not one.
    BadEnvelope,
    /// Not JSON (or not UTF-8).
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What kind of mistake it is.
        message: &'static str,
    },
    /// JSON, but not of the feed's shape.
    Shape {
        /// What was wrong with it.
        message: String,
    },
}

/// A feed that could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedError {
    /// Which feed.
    pub feed: Feed,
    /// Where it came from, when known.
    pub url: Option<String>,
    /// What went wrong.
    pub problem: Problem,
}

impl FeedError {
    /// An error of `feed` with no URL yet.
    pub fn new(feed: Feed, problem: Problem) -> FeedError {
        FeedError {
            feed,
            url: None,
            problem,
        }
    }

    /// The same error, saying where the feed came from.
    #[must_use]
    pub fn at(mut self, url: &str) -> FeedError {
        self.url = Some(url.to_owned());
        self
    }

    /// The reader's sentence: short, with no jargon.
    pub fn message(&self) -> Text {
        match (self.feed, &self.problem) {
            (Feed::Article, Problem::Timeout { .. }) => Text::ArticleTimedOut,
            (Feed::Article, Problem::Network { .. }) => Text::ArticleOffline,
            (Feed::Article, _) => Text::ArticleFailed,
            (Feed::Related, Problem::Timeout { .. }) => Text::RelatedTimedOut,
            (Feed::Related, Problem::Network { .. }) => Text::RelatedOffline,
            (Feed::Related, _) => Text::RelatedFailed,
        }
    }

    /// The developer's detail, for the console: feed, URL, and the status,
    /// position or lengths that explain the failure. For a feed that could
    /// not be fetched at all it names the likely causes, CORS first.
    ///
    /// ```
    /// use lede::core::error::{Feed, FeedError, Problem};
    /// let e = FeedError::new(Feed::Related, Problem::Network { message: "TypeError: Failed to fetch".into(), cut_off: false })
    ///     .at("https://x.example/y.json");
    /// assert_eq!(e.detail(), "lede: the related feed at https://x.example/y.json: could not be fetched \
    ///     (TypeError: Failed to fetch): if the feed is on another origin than the page, check that it \
    ///     sends Access-Control-Allow-Origin (CORS); otherwise the network or the server refused it");
    /// assert_eq!(e.to_string(), "Related stories could not be loaded. Check your connection.");
    /// ```
    pub fn detail(&self) -> String {
        // One `concat` of the line's parts, not a `push_str` each: every
        // call was code of its own in the wasm.
        let (n1, n2);
        let tail: [&str; 6] = match &self.problem {
            Problem::Http { status, .. } => {
                n1 = write_unsigned(u64::from(*status));
                ["HTTP status ", &n1, "", "", "", ""]
            }
            Problem::TooLarge { limit } => {
                n1 = write_unsigned(u64::from(limit / 1_048_576));
                [
                    "longer than the limit of ",
                    &n1,
                    " MiB; not read",
                    "",
                    "",
                    "",
                ]
            }
            Problem::Network { message, cut_off } => {
                // The browser words a CORS refusal exactly like a network
                // failure, so the detail names both: a feed on another
                // origin without CORS headers is the usual cause. Not for
                // a body cut off: its answer had passed CORS.
                let (open, close) = if message.is_empty() {
                    ("", "")
                } else {
                    (" (", ")")
                };
                [
                    "could not be fetched",
                    open,
                    message,
                    close,
                    if *cut_off {
                        ": its answer was cut off by the network or the server"
                    } else {
                        ": if the feed is on another origin than the page, check that it \
                         sends Access-Control-Allow-Origin (CORS); otherwise the network \
                         or the server refused it"
                    },
                    "",
                ]
            }
            Problem::Cors => [
                "refused by CORS: the feed is on another origin than the page and does not \
                 send Access-Control-Allow-Origin for it (the server itself answered)",
                "",
                "",
                "",
                "",
                "",
            ],
            Problem::Timeout { ms } => {
                n1 = write_unsigned(u64::from(*ms));
                ["no answer within ", &n1, " ms", "", "", ""]
            }
            Problem::Truncated { expected, actual } => {
                n1 = write_unsigned(*expected as u64);
                n2 = write_unsigned(*actual as u64);
                [
                    "truncated feed: the envelope announces ",
                    &n1,
                    " bytes, ",
                    &n2,
                    " arrived",
                    "",
                ]
            }
            Problem::BadEnvelope => ["malformed string(N) \"…\" envelope", "", "", "", "", ""],
            Problem::Syntax {
                line,
                column,
                message,
            } => {
                n1 = write_unsigned(*line as u64);
                n2 = write_unsigned(*column as u64);
                [
                    "invalid JSON at line ",
                    &n1,
                    ", column ",
                    &n2,
                    ": ",
                    message,
                ]
            }
            Problem::Shape { message } => ["unexpected JSON shape: ", message, "", "", "", ""],
        };
        let [a, b, c, d, e, f] = tail;
        [
            "lede: the ",
            self.feed.as_str(),
            " feed",
            if self.url.is_some() { " at " } else { "" },
            self.url.as_deref().unwrap_or_default(),
            ": ",
            a,
            b,
            c,
            d,
            e,
            f,
        ]
        .concat()
    }

    /// What kind of failure it is, for the page's monitoring (`lede:error`'s
    /// `code`): `http`, `timeout`, `network`, `cors`, `too-large` or
    /// `parse`.
    ///
    /// ```
    /// use lede::core::error::{Feed, FeedError, Problem};
    /// let e = FeedError::new(Feed::Related, Problem::Http { status: 404, retry_after_ms: None });
    /// assert_eq!((e.code(), e.status()), ("http", Some(404)));
    /// assert_eq!(FeedError::new(Feed::Article, Problem::BadEnvelope).code(), "parse");
    /// ```
    pub fn code(&self) -> &'static str {
        match &self.problem {
            Problem::Http { .. } => "http",
            Problem::Network { .. } => "network",
            Problem::Cors => "cors",
            Problem::Timeout { .. } => "timeout",
            Problem::TooLarge { .. } => "too-large",
            Problem::Truncated { .. }
            | Problem::BadEnvelope
            | Problem::Syntax { .. }
            | Problem::Shape { .. } => "parse",
        }
    }

    /// The HTTP status, when the server answered with one outside 200–299.
    pub fn status(&self) -> Option<u16> {
        match self.problem {
            Problem::Http { status, .. } => Some(status),
            _ => None,
        }
    }

    /// A feed whose JSON is of the wrong kind (an object for an array, …).
    pub(crate) fn wrong_kind(feed: Feed, json: &str) -> FeedError {
        let message = ["expected ", feed.expected(), ", found ", json_kind(json)].concat();
        FeedError::new(feed, Problem::Shape { message })
    }

    /// Turns serde_json's error on `json` into a syntax or a shape problem.
    ///
    /// The messages are made here, not by formatting serde_json's error: its
    /// `Display` (with every I/O error's text) is several KB of wasm.
    pub(crate) fn from_json(feed: Feed, e: &serde_json::Error, json: &str) -> FeedError {
        let problem = match e.classify() {
            // The feeds' visitors make no data errors of their own.
            serde_json::error::Category::Data => return FeedError::wrong_kind(feed, json),
            serde_json::error::Category::Eof => Problem::Syntax {
                line: e.line(),
                column: e.column(),
                message: "the text ends before the JSON does",
            },
            _ => Problem::Syntax {
                line: e.line(),
                column: e.column(),
                message: "not JSON from here on",
            },
        };
        FeedError::new(feed, problem)
    }
}

impl fmt::Display for FeedError {
    /// The reader's sentence, in English.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.message().get(&super::i18n::Lang::en()))
    }
}

impl std::error::Error for FeedError {}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::i18n::{Lang, Language};

    #[test]
    fn reader_messages_depend_on_feed_and_problem() {
        let e = |feed, problem| FeedError::new(feed, problem);
        assert_eq!(
            e(
                Feed::Related,
                Problem::Http {
                    status: 500,
                    retry_after_ms: None
                }
            )
            .to_string(),
            "Related stories could not be loaded."
        );
        assert_eq!(
            e(Feed::Article, Problem::BadEnvelope).to_string(),
            "This article could not be loaded."
        );
        assert_eq!(
            e(Feed::Article, Problem::Timeout { ms: 10_000 }).message(),
            Text::ArticleTimedOut
        );
        assert_eq!(
            e(
                Feed::Related,
                Problem::Network {
                    message: "x".into(),
                    cut_off: false,
                }
            )
            .message(),
            Text::RelatedOffline
        );
        assert_eq!(
            e(
                Feed::Related,
                Problem::Truncated {
                    expected: 3,
                    actual: 2
                }
            )
            .message()
            .get(&Lang::from_tag("ar")),
            "تعذّر تحميل الأخبار ذات الصلة."
        );
    }

    #[test]
    fn a_refused_fetch_names_cors_and_the_url() {
        // Regression: a CORS refusal read as "network error: TypeError:
        // Failed to fetch", which sent publishers looking at their network.
        let network = |message: &str| Problem::Network {
            message: message.into(),
            cut_off: false,
        };
        let cases: &[(Feed, Option<&str>, &str, &str)] = &[
            (
                Feed::Related,
                Some("https://x/y.json"),
                "TypeError: Failed to fetch",
                "lede: the related feed at https://x/y.json: could not be fetched (TypeError: Failed to fetch): \
                 if the feed is on another origin than the page, check that it sends \
                 Access-Control-Allow-Origin (CORS); otherwise the network or the server refused it",
            ),
            (
                Feed::Article,
                Some("http://127.0.0.1:1/feed.json"),
                "TypeError: NetworkError when attempting to fetch resource.",
                "lede: the article feed at http://127.0.0.1:1/feed.json: could not be fetched \
                 (TypeError: NetworkError when attempting to fetch resource.): \
                 if the feed is on another origin than the page, check that it sends \
                 Access-Control-Allow-Origin (CORS); otherwise the network or the server refused it",
            ),
            (
                Feed::Article,
                None,
                "",
                "lede: the article feed: could not be fetched: \
                 if the feed is on another origin than the page, check that it sends \
                 Access-Control-Allow-Origin (CORS); otherwise the network or the server refused it",
            ),
        ];
        for (feed, url, message, want) in cases {
            let mut e = FeedError::new(*feed, network(message));
            if let Some(url) = url {
                e = e.at(url);
                assert!(e.detail().contains(url), "{}", e.detail());
            }
            assert_eq!(e.detail(), *want);
            assert!(
                e.detail().contains("CORS") && e.detail().contains("Access-Control-Allow-Origin")
            );
        }
        // The reader's sentence stays plain: no header names, no jargon.
        for (feed, want) in [
            (Feed::Article, Text::ArticleOffline),
            (Feed::Related, Text::RelatedOffline),
        ] {
            let e =
                FeedError::new(feed, network("TypeError: Failed to fetch")).at("https://x/y.json");
            assert_eq!(e.message(), want);
            for lang in Language::ALL.map(|l| Lang::from_tag(l.code())) {
                let sentence = e.message().get(&lang);
                assert!(
                    !sentence.contains("CORS")
                        && !sentence.contains("Access-Control")
                        && !sentence.contains("https://"),
                    "{sentence}"
                );
            }
        }
    }

    #[test]
    fn detail_carries_the_facts() {
        let d = FeedError::new(
            Feed::Related,
            Problem::Truncated {
                expected: 1578,
                actual: 1200,
            },
        )
        .at("https://n.example/r.json")
        .detail();
        assert_eq!(d, "lede: the related feed at https://n.example/r.json: truncated feed: the envelope announces 1578 bytes, 1200 arrived");
        let d = FeedError::new(
            Feed::Article,
            Problem::Http {
                status: 404,
                retry_after_ms: None,
            },
        )
        .detail();
        assert_eq!(d, "lede: the article feed: HTTP status 404");
        // A body cut off after its answer came: no CORS hint, which would
        // send the publisher to headers that were right.
        let d = FeedError::new(
            Feed::Related,
            Problem::Network {
                message: "TypeError: network error".into(),
                cut_off: true,
            },
        )
        .at("https://n.example/r.json")
        .detail();
        assert_eq!(d, "lede: the related feed at https://n.example/r.json: could not be fetched (TypeError: network error): its answer was cut off by the network or the server");
        let d = FeedError::new(Feed::Article, Problem::Timeout { ms: 10_000 }).detail();
        assert!(d.ends_with("no answer within 10000 ms"), "{d}");
        assert!(
            !d.contains("CORS"),
            "only a fetch that failed outright: {d}"
        );
        let d = FeedError::new(
            Feed::Article,
            Problem::Syntax {
                line: 3,
                column: 7,
                message: "not JSON from here on",
            },
        )
        .detail();
        assert!(
            d.ends_with("invalid JSON at line 3, column 7: not JSON from here on"),
            "{d}"
        );
        let json_error = |feed, json: &str| {
            let e = serde_json::from_str::<serde::de::IgnoredAny>(json)
                .err()
                .map(|e| FeedError::from_json(feed, &e, json).detail());
            e.unwrap_or_default()
        };
        assert_eq!(
            json_error(Feed::Article, "{\"a\":\n  [1,]}"),
            "lede: the article feed: invalid JSON at line 2, column 6: not JSON from here on"
        );
        assert_eq!(
            json_error(Feed::Related, "[1, 2"),
            "lede: the related feed: invalid JSON at line 1, column 5: the text ends before the JSON does"
        );
    }
}
