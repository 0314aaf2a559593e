//! When a failed feed is fetched again by itself: the transient failures
//! (the network, a timeout, a gateway or an overloaded server: 502, 503,
//! 504) are, twice at most, after the server's `Retry-After` or a backoff
//! with jitter; a wrong answer (4xx, a feed that does not parse) is not, as
//! it would fail again the same way.

use super::error::Problem;

/// How many times a feed is fetched again by itself after it first failed.
pub const RETRIES: u32 = 2;

/// The longest `Retry-After` honoured, in ms: a server asking for more
/// gets the alert (and its Retry button) after this long instead.
pub const RETRY_AFTER_CAP_MS: u32 = 30_000;

/// The backoff before each retry without `Retry-After`, in ms, before
/// jitter: about 1 s, then 4 s.
const BACKOFF_MS: [u32; RETRIES as usize] = [1_000, 4_000];

/// How far apart widgets retrying after the same `Retry-After`, or on the
/// same `online` event, are spread, in ms.
const SPREAD_MS: f64 = 1_000.0;

/// Whether a failure is worth trying again without the reader asking.
///
/// ```
/// use lede::core::error::Problem;
/// use lede::core::retry::transient;
/// assert!(transient(&Problem::Http { status: 503, retry_after_ms: None }));
/// assert!(transient(&Problem::Timeout { ms: 10_000 }));
/// assert!(!transient(&Problem::Http { status: 404, retry_after_ms: None }));
/// assert!(!transient(&Problem::BadEnvelope));
/// ```
pub fn transient(problem: &Problem) -> bool {
    match problem {
        Problem::Network { .. } | Problem::Timeout { .. } => true,
        Problem::Http { status, .. } => matches!(status, 502..=504),
        _ => false,
    }
}

/// How long to wait before retry number `retry` (1 for the first) after
/// `problem`, in ms, or `None` when it is not to be retried (not a
/// transient failure, or the retries are spent). `jitter` is a random
/// number in `[0, 1)`: the backoff is scaled by 0.5 to 1.5 with it, and a
/// server's `Retry-After` (capped at [`RETRY_AFTER_CAP_MS`]) gets up to a
/// second added, so that the widgets of a page do not come back at once.
///
/// ```
/// use lede::core::error::Problem;
/// use lede::core::retry::delay_ms;
/// let busy = Problem::Http { status: 503, retry_after_ms: Some(1_000) };
/// assert_eq!(delay_ms(&busy, 1, 0.0), Some(1_000));
/// assert_eq!(delay_ms(&busy, 1, 0.5), Some(1_500));
/// let offline = Problem::Network { message: String::new(), cut_off: false };
/// assert_eq!(delay_ms(&offline, 1, 0.5), Some(1_000));
/// assert_eq!(delay_ms(&offline, 2, 0.0), Some(2_000));
/// assert_eq!(delay_ms(&offline, 3, 0.5), None);
/// ```
pub fn delay_ms(problem: &Problem, retry: u32, jitter: f64) -> Option<u32> {
    if !transient(problem) || retry == 0 || retry > RETRIES {
        return None;
    }
    let jitter = if (0.0..1.0).contains(&jitter) {
        jitter
    } else {
        0.5
    };
    let ms = match problem {
        Problem::Http {
            retry_after_ms: Some(after),
            ..
        } => f64::from((*after).min(RETRY_AFTER_CAP_MS)) + jitter * SPREAD_MS,
        _ => {
            let base = BACKOFF_MS.get(usize::try_from(retry - 1).ok()?)?;
            f64::from(*base) * (0.5 + jitter)
        }
    };
    // Below 36 s by construction.
    Some(ms as u32)
}

/// How long to wait before a retry when the browser says it is online
/// again: at once, spread over a second across the page's widgets.
pub fn online_delay_ms(jitter: f64) -> u32 {
    let jitter = if (0.0..1.0).contains(&jitter) {
        jitter
    } else {
        0.0
    };
    (jitter * SPREAD_MS) as u32
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn http(status: u16) -> Problem {
        Problem::Http {
            status,
            retry_after_ms: None,
        }
    }

    #[test]
    fn what_is_retried() {
        for p in [
            http(502),
            http(503),
            http(504),
            Problem::Timeout { ms: 10_000 },
            Problem::Network {
                message: "TypeError: Failed to fetch".into(),
                cut_off: false,
            },
            Problem::Network {
                message: "TypeError: network error".into(),
                cut_off: true,
            },
        ] {
            assert!(transient(&p), "{p:?}");
        }
        for p in [
            http(400),
            http(404),
            http(410),
            http(429),
            http(500),
            http(501),
            Problem::Truncated {
                expected: 9,
                actual: 3,
            },
            Problem::BadEnvelope,
            Problem::Cors,
            Problem::TooLarge { limit: 1 },
            Problem::Syntax {
                line: 1,
                column: 1,
                message: "x",
            },
            Problem::Shape {
                message: "x".into(),
            },
        ] {
            assert!(!transient(&p), "{p:?}");
            assert_eq!(delay_ms(&p, 1, 0.5), None, "{p:?}");
        }
    }

    #[test]
    fn backoff_and_retry_after() {
        let net = Problem::Network {
            message: String::new(),
            cut_off: false,
        };
        // About 1 s, then 4 s, each between half and one and a half times.
        assert_eq!(delay_ms(&net, 1, 0.0), Some(500));
        assert_eq!(delay_ms(&net, 1, 0.999_9), Some(1_499));
        assert_eq!(delay_ms(&net, 2, 0.0), Some(2_000));
        assert_eq!(delay_ms(&net, 2, 0.999_9), Some(5_999));
        assert_eq!(delay_ms(&net, 0, 0.5), None);
        assert_eq!(delay_ms(&net, RETRIES + 1, 0.5), None);
        // The server's wait, capped, plus at most a second's spread.
        let after = |ms| Problem::Http {
            status: 503,
            retry_after_ms: Some(ms),
        };
        assert_eq!(delay_ms(&after(1_000), 1, 0.0), Some(1_000));
        assert_eq!(delay_ms(&after(1_000), 2, 0.25), Some(1_250));
        assert_eq!(delay_ms(&after(0), 1, 0.0), Some(0));
        assert_eq!(delay_ms(&after(3_600_000), 1, 0.0), Some(30_000));
        // A jitter out of range is taken as the middle.
        assert_eq!(delay_ms(&net, 1, f64::NAN), Some(1_000));
        assert_eq!(delay_ms(&net, 1, 7.0), Some(1_000));
        assert_eq!(online_delay_ms(0.5), 500);
        assert_eq!(online_delay_ms(-1.0), 0);
    }

    proptest! {
        #[test]
        fn never_panics(after in any::<Option<u32>>(), j in any::<f64>(), n in any::<u32>()) {
            let _ = online_delay_ms(j);
            let p = Problem::Http { status: 503, retry_after_ms: after };
            if let Some(ms) = delay_ms(&p, n, j) {
                prop_assert!(ms <= RETRY_AFTER_CAP_MS + 1_000);
            }
        }
    }
}
