//! Carousel arithmetic: from the track's scroll offset and
//! the slide size, which slides are visible, which are near enough to load
//! their media, which are in the DOM at all, and where keys and buttons go.
//! All lengths are CSS pixels along the reading direction, measured from the
//! track's start edge (the left in LTR, the right in RTL).

use super::i18n::Direction;
use std::ops::Range;

/// A feed this long or shorter keeps every slide in the DOM.
pub const KEEP_ALL: usize = 50;

/// The most slide elements a longer feed ever renders.
pub const MAX_RENDERED: usize = 90;

/// Slides rendered before the track has been measured.
const UNMEASURED: usize = 12;

/// Overlaps thinner than this (sub-pixel rounding) do not count.
const EPS: f64 = 1.0;

/// The track as last measured.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Geometry {
    /// How far the track is scrolled from its start edge.
    pub offset: f64,
    /// The track's visible width.
    pub viewport: f64,
    /// One slide's width.
    pub tile: f64,
    /// One slide's width plus the gap after it.
    pub step: f64,
}

/// The previous or the next page of slides (the carousel's two buttons).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Back, towards the first slide.
    Previous,
    /// On, towards the last.
    Next,
}

/// A move of the current slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// One slide back (towards the start).
    Prev,
    /// One slide on.
    Next,
    /// The first slide.
    First,
    /// The last slide.
    Last,
}

/// The move a key makes, if any: arrows follow the reading direction (in
/// right-to-left text, ArrowLeft goes on), Home and End go to the ends.
///
/// ```
/// use lede::core::carousel::{key_move, Move};
/// use lede::core::i18n::Direction;
/// assert_eq!(key_move("ArrowRight", Direction::Ltr), Some(Move::Next));
/// assert_eq!(key_move("ArrowRight", Direction::Rtl), Some(Move::Prev));
/// assert_eq!(key_move("Tab", Direction::Ltr), None);
/// ```
pub fn key_move(key: &str, dir: Direction) -> Option<Move> {
    let (left, right) = match dir {
        Direction::Rtl => (Move::Next, Move::Prev),
        Direction::Ltr => (Move::Prev, Move::Next),
    };
    match key {
        "ArrowLeft" => Some(left),
        "ArrowRight" => Some(right),
        "Home" => Some(Move::First),
        "End" => Some(Move::Last),
        _ => None,
    }
}

/// The slide a move leads to from `current`, in `0..count`; the carousel
/// does not wrap.
pub fn apply(current: usize, m: Move, count: usize) -> usize {
    let last = count.saturating_sub(1);
    match m {
        Move::Prev => current.saturating_sub(1).min(last),
        Move::Next => current.saturating_add(1).min(last),
        Move::First => 0,
        Move::Last => last,
    }
}

/// A finite, non-negative length; anything else is zero.
fn len(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

/// `x` as an index, clamped to `0..=max`.
fn index(x: f64, max: usize) -> usize {
    if x.is_nan() || x <= 0.0 {
        0
    } else if x >= max as f64 {
        max
    } else {
        // In 0..max, so the conversion is exact enough and cannot overflow.
        x as usize
    }
}

impl Geometry {
    /// Whether the track has been measured (a slide has a width).
    pub fn measured(&self) -> bool {
        len(self.step) > 0.0 && len(self.tile) > 0.0 && len(self.viewport) > 0.0
    }

    fn step(&self) -> f64 {
        len(self.step).max(len(self.tile)).max(1.0)
    }

    fn tile(&self) -> f64 {
        len(self.tile).min(self.step())
    }

    fn gap(&self) -> f64 {
        self.step() - self.tile()
    }

    /// The width of the whole row of `count` slides.
    pub fn total(&self, count: usize) -> f64 {
        if count == 0 {
            0.0
        } else {
            count as f64 * self.step() - self.gap()
        }
    }

    /// The largest scroll offset.
    pub fn max_offset(&self, count: usize) -> f64 {
        len(self.total(count) - len(self.viewport))
    }

    /// Where the track is, from its start edge, within its range.
    pub fn offset(&self, count: usize) -> f64 {
        len(self.offset).min(self.max_offset(count))
    }

    /// Slides of which more than a pixel shows.
    pub fn visible(&self, count: usize) -> Range<usize> {
        if !self.measured() {
            return 0..count.min(UNMEASURED);
        }
        let off = self.offset(count);
        // Slide i spans [i*step, i*step + tile].
        let first = index(
            ((off + EPS - self.tile()) / self.step()).floor() + 1.0,
            count,
        );
        let end = index(
            ((off + len(self.viewport) - EPS) / self.step()).ceil(),
            count,
        );
        first..end.max(first)
    }

    /// The first slide shown whole (or the first one shown, if none is).
    pub fn first_whole(&self, count: usize) -> usize {
        if !self.measured() || count == 0 {
            return 0;
        }
        let first = index(((self.offset(count) - EPS) / self.step()).ceil(), count - 1);
        let v = self.visible(count);
        if v.contains(&first) {
            first
        } else {
            v.start.min(count - 1)
        }
    }

    /// How many whole slides fit in the viewport: a page, at least one.
    pub fn per_page(&self) -> usize {
        if !self.measured() {
            return 1;
        }
        index(
            ((len(self.viewport) + self.gap() + EPS) / self.step()).floor(),
            usize::MAX,
        )
        .max(1)
    }

    /// Slides within about one viewport of being visible, on either side:
    /// the ones whose media may load.
    pub fn near(&self, count: usize) -> Range<usize> {
        let v = self.visible(count);
        if !self.measured() {
            return v;
        }
        let reach = index((len(self.viewport) / self.step()).ceil(), count);
        v.start.saturating_sub(reach)..v.end.saturating_add(reach).min(count)
    }

    /// The slides in the DOM: all of a short feed; for a longer one, the near
    /// slides (at most [`MAX_RENDERED`], centred on the visible ones) plus the
    /// current slide wherever it is, so focus always has a target.
    pub fn rendered(&self, count: usize, current: usize) -> Vec<usize> {
        if count <= KEEP_ALL {
            return (0..count).collect();
        }
        let mut r = self.near(count);
        let limit = MAX_RENDERED - 1;
        if r.len() > limit {
            // More visible slides than the cap (absurdly small tiles): the
            // first visible ones; otherwise the near ones around the visible.
            let v = self.visible(count);
            let centre = v.start + v.len() / 2;
            let start = if v.len() >= limit {
                v.start
            } else {
                centre.saturating_sub(limit / 2)
            }
            .min(count - limit);
            r = start..start + limit;
        }
        let mut out: Vec<usize> = r.clone().collect();
        if current < count && !r.contains(&current) {
            let at = out.partition_point(|&i| i < current);
            out.insert(at, current);
        }
        out
    }

    /// Scrolled to the start.
    pub fn at_start(&self) -> bool {
        len(self.offset) <= EPS
    }

    /// Scrolled to the end (or everything fits).
    pub fn at_end(&self, count: usize) -> bool {
        !self.measured() && count <= 1 || len(self.offset) + EPS >= self.max_offset(count)
    }

    /// The offset that puts slide `i` at the start edge, within the scroll range.
    pub fn offset_of(&self, i: usize, count: usize) -> f64 {
        (i as f64 * self.step()).min(self.max_offset(count))
    }

    /// The offset that shows slide `i` whole while moving as little as
    /// possible, or `None` if it already shows whole: no scroll then, which
    /// also leaves a glide already on its way there to finish. It is always
    /// a slide's start (or the end of the row): the track snaps to those, so
    /// any other offset would snap back and leave the slide cut.
    pub fn reveal(&self, i: usize, count: usize) -> Option<f64> {
        let off = self.offset(count);
        let start = i as f64 * self.step();
        let end = start + self.tile();
        if start < off - EPS {
            Some(start.min(self.max_offset(count)))
        } else if end > off + len(self.viewport) + EPS {
            let first = ((end - len(self.viewport)) / self.step()).ceil().max(0.0);
            Some((first * self.step()).min(start).min(self.max_offset(count)))
        } else {
            None
        }
    }

    /// Whether a scroll from where the track is to `offset` may glide
    /// (smooth scrolling) rather than jump: up to a few viewports. A longer
    /// glide (Home or End in a long feed) is a blur to the reader, and the
    /// slides the window adds and removes on the way can cut it short.
    ///
    /// ```
    /// use lede::core::carousel::Geometry;
    /// let g = Geometry { offset: 0.0, viewport: 1000.0, tile: 240.0, step: 256.0 };
    /// assert!(g.glides(2560.0, 40));
    /// assert!(!g.glides(2_560_000.0, 10_000));
    /// ```
    pub fn glides(&self, offset: f64, count: usize) -> bool {
        /// How many viewports a glide may cover.
        const GLIDE_VIEWPORTS: f64 = 4.0;
        (offset - self.offset(count)).abs() <= GLIDE_VIEWPORTS * len(self.viewport)
    }

    /// Where the previous or next button goes: a page of whole slides back or
    /// on, aligned to a slide, and the slide that then comes first.
    pub fn page(&self, page: Page, count: usize) -> (usize, f64) {
        if count == 0 {
            return (0, 0.0);
        }
        let first = self.first_whole(count);
        let per = self.per_page();
        let target = match page {
            Page::Next => (first + per).min(count - 1),
            Page::Previous => first.saturating_sub(per),
        };
        (target, self.offset_of(target, count))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A 1000-px track with 240-px slides and a 16-px gap.
    fn geo(offset: f64) -> Geometry {
        Geometry {
            offset,
            viewport: 1000.0,
            tile: 240.0,
            step: 256.0,
        }
    }

    #[test]
    fn far_scrolls_jump() {
        let g = geo(0.0);
        // A page, or a few: smooth.
        assert!(g.glides(1024.0, 40));
        assert!(g.glides(4000.0, 40));
        // Home or End of a long feed: a jump, either way.
        assert!(!g.glides(4001.0, 40));
        assert!(!geo(2_559_000.0).glides(0.0, 10_000));
        assert!(geo(2_559_000.0).glides(2_558_000.0, 10_000));
        // Not yet measured: nothing glides but staying put.
        assert!(!Geometry::default().glides(256.0, 40));
        assert!(Geometry::default().glides(0.0, 40));
    }

    #[test]
    fn keys_follow_the_reading_direction() {
        let cases = [
            ("ArrowLeft", Direction::Ltr, Some(Move::Prev)),
            ("ArrowRight", Direction::Ltr, Some(Move::Next)),
            ("ArrowLeft", Direction::Rtl, Some(Move::Next)),
            ("ArrowRight", Direction::Rtl, Some(Move::Prev)),
            ("Home", Direction::Ltr, Some(Move::First)),
            ("Home", Direction::Rtl, Some(Move::First)),
            ("End", Direction::Rtl, Some(Move::Last)),
            ("ArrowUp", Direction::Ltr, None),
            ("Enter", Direction::Ltr, None),
            ("", Direction::Rtl, None),
        ];
        for (key, dir, want) in cases {
            assert_eq!(key_move(key, dir), want, "{key} {dir:?}");
        }
    }

    #[test]
    fn moves_clamp_and_never_wrap() {
        assert_eq!(apply(0, Move::Prev, 8), 0);
        assert_eq!(apply(3, Move::Prev, 8), 2);
        assert_eq!(apply(3, Move::Next, 8), 4);
        assert_eq!(apply(7, Move::Next, 8), 7);
        assert_eq!(apply(3, Move::First, 8), 0);
        assert_eq!(apply(3, Move::Last, 8), 7);
        assert_eq!(apply(0, Move::Last, 10_000), 9_999);
        assert_eq!(
            apply(20, Move::Next, 8),
            7,
            "a stale index is pulled back into range"
        );
        assert_eq!(apply(0, Move::Next, 0), 0);
        assert_eq!(apply(0, Move::Last, 0), 0);
    }

    #[test]
    fn visible_whole_and_pages() {
        // 1000 px shows 0..3 whole (768 + 240 = 1008 > 1000): slide 3 peeks.
        let g = geo(0.0);
        assert_eq!(g.visible(8), 0..4);
        assert_eq!(g.first_whole(8), 0);
        assert_eq!(g.per_page(), 3);
        assert_eq!(g.total(8), 8.0 * 256.0 - 16.0);
        assert!(g.at_start() && !g.at_end(8));
        // Scrolled by one slide and a half.
        let g = geo(384.0);
        assert_eq!(g.visible(8), 1..6);
        assert_eq!(g.first_whole(8), 2);
        // The gap after a slide is not the slide: at 240..256 slide 0 is gone.
        assert_eq!(geo(245.0).visible(8), 1..5);
        // At the end.
        let end = geo(f64::INFINITY);
        assert_eq!(end.max_offset(8), 2032.0 - 1000.0);
        let g = geo(1032.0);
        assert!(g.at_end(8) && !g.at_start());
        assert_eq!(g.visible(8), 4..8);
        // Past the end is the end.
        assert_eq!(geo(5000.0).visible(8), 4..8);
        // A track wider than the row: all shown, at both ends.
        let wide = Geometry {
            offset: 0.0,
            viewport: 3000.0,
            tile: 240.0,
            step: 256.0,
        };
        assert_eq!(wide.visible(8), 0..8);
        assert!(wide.at_start() && wide.at_end(8));
    }

    #[test]
    fn paging_moves_by_whole_slides() {
        let g = geo(0.0);
        assert_eq!(g.page(Page::Next, 8), (3, 768.0));
        assert_eq!(
            geo(768.0).page(Page::Next, 8),
            (6, 1032.0),
            "the last page stops at the end"
        );
        assert_eq!(geo(768.0).page(Page::Previous, 8), (0, 0.0));
        assert_eq!(geo(0.0).page(Page::Previous, 8), (0, 0.0));
        assert_eq!(geo(0.0).page(Page::Next, 0), (0, 0.0));
        // A phone: one slide per page.
        let phone = Geometry {
            offset: 0.0,
            viewport: 300.0,
            tile: 260.0,
            step: 272.0,
        };
        assert_eq!(phone.per_page(), 1);
        assert_eq!(phone.page(Page::Next, 8), (1, 272.0));
    }

    #[test]
    fn reveal_moves_as_little_as_possible() {
        let g = geo(0.0);
        assert_eq!(g.reveal(1, 8), None, "already whole");
        assert_eq!(
            g.reveal(3, 8),
            Some(256.0),
            "slide 3 peeks: on by whole slides, just enough"
        );
        let phone = Geometry {
            offset: 0.0,
            viewport: 300.0,
            tile: 260.0,
            step: 272.0,
        };
        assert_eq!(
            phone.reveal(1, 8),
            Some(272.0),
            "a slide wider than what is left: its own start"
        );
        assert_eq!(geo(256.0).reveal(4, 8), Some(512.0));
        assert_eq!(
            geo(768.0).reveal(1, 8),
            Some(256.0),
            "behind: align its start"
        );
        assert_eq!(g.reveal(7, 8), Some(1032.0));
        // Half-way through a glide to slide 3 (from 0 to 256), slide 3
        // already shows whole: the glide goes on, untouched.
        assert_eq!(geo(200.0).reveal(3, 8), None, "on its way: left alone");
        assert_eq!(
            g.offset_of(7, 8),
            1032.0,
            "the last slide cannot go to the start edge"
        );
        assert_eq!(g.offset_of(2, 8), 512.0);
    }

    #[test]
    fn near_reaches_one_viewport_each_way() {
        // Viewport = 3.9 steps, so about 4 slides either way.
        assert_eq!(geo(0.0).near(40), 0..8);
        assert_eq!(geo(256.0 * 20.0).near(40), 16..28);
        assert_eq!(geo(256.0 * 20.0).visible(40), 20..24);
    }

    #[test]
    fn short_feeds_render_everything() {
        assert_eq!(geo(0.0).rendered(8, 0), (0..8).collect::<Vec<_>>());
        assert_eq!(geo(0.0).rendered(KEEP_ALL, 3).len(), KEEP_ALL);
        assert_eq!(Geometry::default().rendered(0, 0), Vec::<usize>::new());
    }

    #[test]
    fn long_feeds_render_a_window_and_the_current_slide() {
        let g = geo(256.0 * 5000.0);
        let r = g.rendered(10_000, 5001);
        assert_eq!(r, (4996..5008).collect::<Vec<_>>());
        // The current slide far away is kept so it can keep focus.
        let r = g.rendered(10_000, 9_999);
        assert_eq!(r.len(), 13);
        assert_eq!(r.last(), Some(&9_999));
        let r = geo(0.0).rendered(10_000, 0);
        assert_eq!(r, (0..8).collect::<Vec<_>>());
        // The end of the row.
        let end = geo(f64::MAX);
        assert_eq!(
            end.rendered(10_000, 9_999),
            (9_992..10_000).collect::<Vec<_>>()
        );
        // Before measuring: the first few.
        assert_eq!(
            Geometry::default().rendered(10_000, 0),
            (0..12).collect::<Vec<_>>()
        );
        // Tiny slides on a wide screen: still capped.
        let tiny = Geometry {
            offset: 0.0,
            viewport: 4000.0,
            tile: 20.0,
            step: 24.0,
        };
        let r = tiny.rendered(10_000, 9_000);
        assert!(r.len() <= MAX_RENDERED, "{}", r.len());
        assert!(r.contains(&0) && r.contains(&9_000));
    }

    #[test]
    fn nonsense_measurements_are_safe() {
        for g in [
            Geometry {
                offset: f64::NAN,
                viewport: f64::NAN,
                tile: f64::NAN,
                step: f64::NAN,
            },
            Geometry {
                offset: -5.0,
                viewport: -1.0,
                tile: -240.0,
                step: 0.0,
            },
            Geometry {
                offset: f64::INFINITY,
                viewport: 1000.0,
                tile: 240.0,
                step: 0.0,
            },
            Geometry {
                offset: 10.0,
                viewport: 1000.0,
                tile: 300.0,
                step: 200.0,
            },
        ] {
            for count in [0, 1, 8, 10_000] {
                let v = g.visible(count);
                assert!(v.start <= v.end && v.end <= count);
                assert!(
                    g.rendered(count, count.saturating_sub(1)).len() <= MAX_RENDERED.max(KEEP_ALL)
                );
                let _ = (
                    g.page(Page::Next, count),
                    g.page(Page::Previous, count),
                    g.reveal(count, count),
                    g.at_end(count),
                );
            }
        }
    }

    proptest! {
        #[test]
        fn windows_hold_their_promises(
            offset in -100.0f64..3_000_000.0,
            viewport in 1.0f64..5000.0,
            tile in 1.0f64..800.0,
            gap in 0.0f64..64.0,
            count in 0usize..20_000,
            current in 0usize..20_000,
        ) {
            let g = Geometry { offset, viewport, tile, step: tile + gap };
            let v = g.visible(count);
            let n = g.near(count);
            let r = g.rendered(count, current);
            prop_assert!(v.end <= count && n.end <= count);
            prop_assert!(n.start <= v.start && v.end <= n.end);
            prop_assert!(r.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
            prop_assert!(r.iter().all(|&i| i < count));
            if count > KEEP_ALL {
                prop_assert!(r.len() < 100);
                if current < count {
                    prop_assert!(r.contains(&current));
                }
                if v.len() < MAX_RENDERED - 1 {
                    prop_assert!(v.clone().all(|i| r.contains(&i)), "visible slides are rendered");
                }
            } else {
                prop_assert_eq!(r.len(), count);
            }
            let (target, off) = g.page(Page::Next, count);
            prop_assert!(count == 0 || target < count);
            prop_assert!(off >= 0.0 && off <= g.max_offset(count));
        }
    }
}
