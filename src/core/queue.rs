//! The start-up queue's decisions: in which order a page's widgets mount
//! (nearest the viewport first), how long one slice of mounting may run
//! before the browser gets its thread back, and how many widgets may load
//! at once. The mount code asks; this decides, from numbers alone.

/// How long one slice of mounting may run before it gives the browser back
/// its thread (a frame, the page's timers, input), in ms.
pub const SLICE_MS: f64 = 12.0;

/// At most this many widgets mounted from the queue may be loading at once;
/// the next ones wait for them. Every loading widget's skeleton costs style
/// work in each frame and in each other widget's first layout, so 200 at
/// once freeze the page; a feed goes no faster for being asked early.
pub const LOADING_MAX: usize = 12;

/// How long a widget may hold its place among the loading ones (ms): one
/// with a slow feed does not hold back the others longer than this.
pub const LOADING_MS: f64 = 1000.0;

/// How long the queue waits before looking again when the loading places
/// are all taken (ms).
pub const WAIT_MS: u32 = 25;

/// How far from the viewport a widget starts, in viewports (above and
/// below): farther, it waits until the reader scrolls near it, so that a
/// reader who never does downloads nothing for it. At reading speed, a
/// viewport and a half is a few seconds ahead: enough for its feeds.
pub const NEAR_VIEWPORTS: f64 = 1.5;

/// Whether a host whose box runs from `top` to `bottom` (relative to the
/// viewport's top) is near enough to a viewport `height` tall to start. A
/// viewport of no height (a frame not shown) cannot tell: everything is near.
///
/// ```
/// use lede::core::queue::near;
/// assert!(near(100.0, 400.0, 800.0));
/// assert!(near(1900.0, 2300.0, 800.0), "within a viewport and a half below");
/// assert!(!near(2100.0, 2400.0, 800.0));
/// assert!(!near(-1500.0, -1300.0, 800.0), "far above");
/// assert!(near(9000.0, 9300.0, 0.0), "no viewport to measure against");
/// ```
pub fn near(top: f64, bottom: f64, height: f64) -> bool {
    let margin = NEAR_VIEWPORTS * height;
    height <= 0.0 || !(top > height + margin || bottom < -margin)
}

/// The order to mount hosts in, from the bottom edge of each (in the page's
/// order, which runs down the page, relative to the viewport's top): the
/// ones in or below the viewport first, in order, then the ones above it,
/// nearest first.
///
/// ```
/// use lede::core::queue::nearest_first;
/// // Two above the viewport, three from it down.
/// assert_eq!(nearest_first(&[-900.0, -100.0, 50.0, 1200.0, 2400.0]), [2, 3, 4, 1, 0]);
/// ```
pub fn nearest_first(bottoms: &[f64]) -> Vec<usize> {
    let first = bottoms
        .iter()
        .position(|&b| b >= 0.0)
        .unwrap_or(bottoms.len());
    // Pushed one by one: a chain of ranges collected linked its own
    // iterator code.
    let mut order = Vec::with_capacity(bottoms.len());
    for i in first..bottoms.len() {
        order.push(i);
    }
    for i in (0..first).rev() {
        order.push(i);
    }
    order
}

/// Whether a widget mounted from the queue at `mounted_ms` still holds a
/// place among the loading ones at `now_ms`: while it loads, for
/// [`LOADING_MS`] at most.
pub fn holds_place(mounted_ms: f64, now_ms: f64, loading: bool) -> bool {
    loading && now_ms - mounted_ms < LOADING_MS
}

/// What the queue does next in a slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Mount the next host.
    Mount,
    /// The slice is over: go on in a new task, at once.
    Yield,
    /// The loading places are all taken: look again in [`WAIT_MS`].
    Wait,
}

/// The next step of a slice that started at `started_ms`, with `loading`
/// widgets holding places. A hidden page has no frames to keep, and its
/// timers are throttled: it mounts everything at once.
///
/// ```
/// use lede::core::queue::{step, Step};
/// assert_eq!(step(0.0, 3.0, false, 2), Step::Mount);
/// assert_eq!(step(0.0, 12.0, false, 2), Step::Yield);
/// assert_eq!(step(0.0, 3.0, false, 12), Step::Wait);
/// assert_eq!(step(0.0, 50.0, true, 40), Step::Mount);
/// ```
pub fn step(started_ms: f64, now_ms: f64, hidden: bool, loading: usize) -> Step {
    if hidden {
        Step::Mount
    } else if now_ms - started_ms >= SLICE_MS {
        Step::Yield
    } else if loading >= LOADING_MAX {
        Step::Wait
    } else {
        Step::Mount
    }
}

/// How long feeds that arrive together may spend being shown before the
/// browser gets its thread back (ms): a frame's worth of sections.
pub const SHOW_MS: f64 = 24.0;

/// How long the browser then has before the next sections are shown (ms):
/// enough for a frame to be drawn.
pub const REST_MS: f64 = 20.0;

/// A run of sections shown one after another, without the browser getting
/// its thread back in between: when it began and when its last section was
/// done (ms), and how many it has shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Run {
    /// When its first section was shown.
    pub began: f64,
    /// When its last section was done (its view built).
    pub ended: f64,
    /// How many sections it has shown.
    pub shown: u8,
}

impl Run {
    /// No run yet.
    pub const NONE: Run = Run {
        began: f64::NEG_INFINITY,
        ended: f64::NEG_INFINITY,
        shown: 0,
    };

    /// The run with its last section done at `now_ms`.
    pub fn done(self, now_ms: f64) -> Run {
        Run {
            ended: now_ms,
            ..self
        }
    }
}

/// When a section whose feed arrived at `now_ms` may be shown, after the
/// `run` of sections shown before it: now (`Ok`, with the run it is shown
/// in, that one or a new one), or after waiting `Err` ms for the browser's
/// rest to end. A run ends once the thread has been free for the rest's
/// length since its last section was done (a frame could be drawn); it holds
/// at least two sections, so that one widget's article and related stories
/// are never kept apart. Feeds arriving together (a page of many widgets)
/// are otherwise all shown in one frame, which then freezes the page for as
/// long; a lone widget's feeds (a single-page app's next story) never wait
/// for a run long over.
///
/// ```
/// use lede::core::queue::{turn, Run};
/// let run = Run { began: 100.0, ended: 115.0, shown: 3 };
/// assert_eq!(turn(run, 116.0), Ok(Run { shown: 4, ..run }), "in the same run");
/// assert_eq!(turn(run, 130.0), Err(5), "the browser's rest");
/// assert_eq!(turn(Run { shown: 1, ..run }, 130.0), Ok(Run { shown: 2, ..run }), "a widget's second section");
/// assert_eq!(turn(run, 135.0), Ok(Run { began: 135.0, ended: 135.0, shown: 1 }), "a new run");
/// ```
pub fn turn(run: Run, now_ms: f64) -> Result<Run, u32> {
    let idle = now_ms - run.ended;
    if idle >= REST_MS {
        Ok(Run {
            began: now_ms,
            ended: now_ms,
            shown: 1,
        })
    } else if now_ms - run.began < SHOW_MS || run.shown < 2 {
        Ok(Run {
            shown: run.shown.saturating_add(1),
            ..run
        })
    } else {
        Err((REST_MS - idle).ceil() as u32)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn orders() {
        assert_eq!(nearest_first(&[]), Vec::<usize>::new());
        assert_eq!(nearest_first(&[10.0, 20.0]), [0, 1], "all in view");
        assert_eq!(
            nearest_first(&[-30.0, -20.0, -10.0]),
            [2, 1, 0],
            "all above"
        );
        assert_eq!(
            nearest_first(&[-1.0, 0.0]),
            [1, 0],
            "touching the top is in view"
        );
        assert_eq!(
            nearest_first(&[f64::NAN, 5.0]),
            [1, 0],
            "an unmeasurable one last"
        );
    }

    #[test]
    fn nearness() {
        let h = 1000.0;
        assert!(near(0.0, 0.0, h), "an element with no box (hidden) is near");
        assert!(near(2500.0, 2600.0, h), "the edge counts");
        assert!(!near(2500.1, 2600.0, h));
        assert!(near(-3000.0, -1500.0, h));
        assert!(!near(-3000.0, -1500.1, h));
        assert!(near(-5000.0, 5000.0, h), "a box taller than the view");
        assert!(near(f64::NAN, f64::NAN, h), "unmeasurable: started");
    }

    #[test]
    fn places() {
        assert!(holds_place(0.0, 999.0, true));
        assert!(!holds_place(0.0, 1000.0, true), "a second at most");
        assert!(!holds_place(0.0, 1.0, false), "not once loaded");
    }

    #[test]
    fn steps() {
        assert_eq!(step(100.0, 111.9, false, 11), Step::Mount);
        assert_eq!(step(100.0, 112.0, false, 0), Step::Yield);
        assert_eq!(
            step(100.0, 112.0, false, 12),
            Step::Yield,
            "the slice first"
        );
        assert_eq!(step(100.0, 100.0, false, 12), Step::Wait);
        assert_eq!(step(100.0, 100.0, false, 13), Step::Wait);
        assert_eq!(step(100.0, 900.0, true, 200), Step::Mount);
    }

    #[test]
    fn turns() {
        let run = |began, ended, shown| Run {
            began,
            ended,
            shown,
        };
        assert_eq!(turn(Run::NONE, 5.0), Ok(run(5.0, 5.0, 1)), "the first run");
        assert_eq!(turn(run(0.0, 3.0, 1), 3.0), Ok(run(0.0, 3.0, 2)));
        assert_eq!(turn(run(0.0, 23.0, 5), 23.9), Ok(run(0.0, 23.0, 6)));
        assert_eq!(turn(run(0.0, 23.0, 2), 24.0), Err(19));
        assert_eq!(
            turn(run(0.0, 35.0, 1), 36.0),
            Ok(run(0.0, 35.0, 2)),
            "two at least"
        );
        assert_eq!(
            turn(run(0.0, 30.0, 2), 49.5),
            Err(1),
            "rounded up: never too early"
        );
        assert_eq!(turn(run(0.0, 30.0, 2), 50.0), Ok(run(50.0, 50.0, 1)));
        assert_eq!(
            turn(run(0.0, 5.0, 2), 30.0),
            Ok(run(30.0, 30.0, 1)),
            "the thread was free since: a new run, however recent the last"
        );
        assert_eq!(
            turn(run(0.0, 1.0, 1), 9000.0),
            Ok(run(9000.0, 9000.0, 1)),
            "long after: a new run"
        );
        assert_eq!(
            turn(run(50.0, 60.0, 4), 10.0),
            Ok(run(50.0, 60.0, 5)),
            "a clock set back"
        );
        assert_eq!(run(0.0, 3.0, 2).done(9.0), run(0.0, 9.0, 2));
    }

    proptest! {
        #[test]
        fn every_host_once(bottoms in proptest::collection::vec(-5000.0f64..5000.0, 0..60)) {
            let mut order = nearest_first(&bottoms);
            prop_assert_eq!(order.len(), bottoms.len());
            if let (Some(&first), Some(in_view)) = (order.first(), bottoms.iter().position(|&b| b >= 0.0)) {
                prop_assert_eq!(first, in_view);
            }
            order.sort_unstable();
            prop_assert_eq!(order, (0..bottoms.len()).collect::<Vec<_>>());
        }
    }
}
