//! The related feed (docs/feeds.md): a JSON array of items, bare or inside the PHP
//! `var_dump` envelope `string(N) "…"` the seed shows (see
//! [`envelope`](super::envelope)), as the text of an HTTP response body.

use super::cap::{first_items, MAX_ITEMS};
use super::envelope::unwrap_envelope;
use super::error::{Feed, FeedError};
use super::lenient::{parse_top, read_object, refuse_scalars, Object, Scalar, Top};
use super::media::MediaKind;
use super::number::write_unsigned;
use super::surrogates::replace_lone_surrogates;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// One usable related story.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedItem {
    /// The story's id, as text (numbers are written in decimal).
    pub id: String,
    /// Its headline, trimmed.
    pub title: String,
    /// Its thumbnail path or URL, trimmed, as the feed gave it.
    pub pic: String,
    /// A video's poster image path or URL, trimmed, as the feed gave it
    /// (optional; a string only).
    pub poster: Option<String>,
    /// Where it goes in the carousel: higher first.
    pub sort: Option<i64>,
    /// The feed's content type (21 is a news story).
    pub content_type_id: Option<i64>,
    /// Image, video or neither, from `pic`'s extension.
    pub media: MediaKind,
}

/// A parsed related feed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RelatedFeed {
    /// The usable items, by `sort` descending; ties, and items without a
    /// usable `sort` (which come last), keep feed order.
    pub items: Vec<RelatedItem>,
    /// Items skipped for a missing, empty or mistyped `id`, `title` or `pic`,
    /// or for not being objects at all.
    pub skipped: usize,
    /// Later items with an id already seen, skipped too (a carousel showing
    /// the same story twice looks broken).
    pub duplicates: usize,
    /// Whether the feed had more than [`MAX_ITEMS`] items: only the first
    /// ones were read.
    pub capped: bool,
}

impl RelatedFeed {
    /// What the console should know of the feed at `url`, if anything: the
    /// items skipped, and the items not read.
    pub fn note(&self, url: &str) -> Option<String> {
        let some_skipped = self.skipped + self.duplicates > 0;
        // Most feeds: nothing to say, and no number written for it.
        if !some_skipped && !self.capped {
            return None;
        }
        let (skipped, duplicates) = (
            write_unsigned(self.skipped as u64),
            write_unsigned(self.duplicates as u64),
        );
        let max = write_unsigned(MAX_ITEMS as u64);
        let skips: [&str; 5] = if some_skipped {
            [
                " had ",
                &skipped,
                " unusable item(s) without an id, title or pic, and ",
                &duplicates,
                " repeated id(s); they were skipped.",
            ]
        } else {
            [""; 5]
        };
        let cap: [&str; 5] = if self.capped {
            [
                // After the sentence on skipped items, a sentence of its own.
                if some_skipped {
                    " It has more than "
                } else {
                    " has more than "
                },
                &max,
                " items: only the first ",
                &max,
                " were read.",
            ]
        } else {
            [""; 5]
        };
        let [a, b, c, d, e] = skips;
        let [f, g, h, i, j] = cap;
        Some(
            [
                "lede: the related feed at ",
                url,
                a,
                b,
                c,
                d,
                e,
                f,
                g,
                h,
                i,
                j,
            ]
            .concat(),
        )
    }
}

/// Parses a related feed: envelope or bare array, then the items, skipping
/// the unusable ones on their own, then sorting.
///
/// # Errors
/// The envelope's problems (see [`unwrap_envelope`]);
/// [`Problem::Syntax`](super::error::Problem::Syntax) for text that is not
/// JSON; [`Problem::Shape`](super::error::Problem::Shape) for JSON that is
/// not an array.
///
/// ```
/// use lede::core::related::parse_related;
/// let feed = parse_related(r#"[{"id":1,"title":"A","pic":"/a.jpg","sort":"1"},
///                              {"id":"2","title":"","pic":"/b.jpg"},
///                              {"id":"3","title":"C","pic":"/c.mp4","sort":9,"x":[]}]"#).unwrap();
/// assert_eq!(feed.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["3", "1"]);
/// assert_eq!(feed.skipped, 1);
/// ```
pub fn parse_related(input: &str) -> Result<RelatedFeed, FeedError> {
    let json = unwrap_envelope(input).map_err(|p| FeedError::new(Feed::Related, p))?;
    let head = first_items(json);
    let json = replace_lone_surrogates(head.as_deref().unwrap_or(json));
    let mut feed = parse_top(Feed::Related, &json, FeedVisitor)?;
    feed.capped = head.is_some();
    // Highest `sort` first, items without one last, ties in feed order.
    feed.items = merge_sort(
        std::mem::take(&mut feed.items),
        &|a: &RelatedItem, b: &RelatedItem| match (a.sort, b.sort) {
            (Some(x), Some(y)) => x > y,
            (Some(_), None) => true,
            (None, _) => false,
        },
    );
    let before = feed.items.len();
    let mut duplicate = duplicates(&feed.items).into_iter();
    feed.items.retain(|_| !duplicate.next().unwrap_or_default());
    feed.duplicates = before - feed.items.len();
    Ok(feed)
}

/// Which items repeat the id of an earlier one. The positions are sorted by
/// id with the same stable sort, so the first of equal ids comes first and
/// every one after it is a repeat: O(n log n), and no hash table in the
/// wasm for one call.
fn duplicates(items: &[RelatedItem]) -> Vec<bool> {
    let id = |i: usize| items.get(i).map(|item| item.id.as_str());
    let by_id = merge_sort((0..items.len()).collect(), &|a: &usize, b: &usize| {
        id(*a) < id(*b)
    });
    let mut repeat = vec![false; items.len()];
    let mut previous = None;
    for i in by_id {
        if id(i) == previous {
            if let Some(r) = repeat.get_mut(i) {
                *r = true;
            }
        }
        previous = id(i);
    }
    repeat
}

/// Sorts stably: `before(a, b)` says whether `a` goes strictly before `b`.
/// A plain top-down merge sort, O(n log n): the standard library's stable
/// sort is about 3.5 KB of wasm for this one call.
/// In order already (as most feeds are), `v` costs one pass.
fn merge_sort<T>(v: Vec<T>, before: &impl Fn(&T, &T) -> bool) -> Vec<T> {
    if v.windows(2).all(|w| !matches!(w, [a, b] if before(b, a))) {
        return v;
    }
    merge_sorted(v, before)
}

/// [`merge_sort`]'s recursion.
fn merge_sorted<T>(mut v: Vec<T>, before: &impl Fn(&T, &T) -> bool) -> Vec<T> {
    if v.len() < 2 {
        return v;
    }
    let right = v.split_off(v.len() / 2);
    let (left, right) = (merge_sorted(v, before), merge_sorted(right, before));
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut left, mut right) = (left.into_iter().peekable(), right.into_iter().peekable());
    loop {
        // Ties take the left one first: that keeps the sort stable.
        let from_right = match (left.peek(), right.peek()) {
            (Some(l), Some(r)) => before(r, l),
            (None, Some(_)) => true,
            (_, None) => false,
        };
        match if from_right {
            right.next()
        } else {
            left.next()
        } {
            Some(item) => out.push(item),
            None => return out,
        }
    }
}

struct FeedVisitor;

impl<'de> Visitor<'de> for FeedVisitor {
    type Value = Top<RelatedFeed>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of related items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut feed = RelatedFeed::default();
        while let Some(item) = seq.next_element::<MaybeItem>()? {
            match item.0 {
                Some(item) => feed.items.push(item),
                None => feed.skipped += 1,
            }
        }
        Ok(Top::Right(feed))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        read_object(map, &[], false)?;
        Ok(Top::Wrong)
    }

    refuse_scalars!();
}

/// An array element: a usable item, or `None` for anything else.
struct MaybeItem(Option<RelatedItem>);

const FIELDS: &[&str] = &["id", "title", "pic", "sort", "contenttypeid", "poster"];

impl<'de> de::Deserialize<'de> for MaybeItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ItemVisitor)
    }
}

struct ItemVisitor;

/// The item an object's fields make, if they make one. Not generic, and
/// kept out of line: `visit_map` is compiled once for each `MapAccess`
/// type (serde_json's objects, and the numbers it hands over as objects),
/// and this would be copied into each.
#[inline(never)]
fn item_of(object: Object) -> Option<RelatedItem> {
    // A number (see `NUMBER`) is not an item.
    let Object::Fields(fields) = object else {
        return None;
    };
    let [id, title, pic, sort, kind, poster] = <[Scalar; 6]>::try_from(fields).ok()?;
    let pic = pic.into_string()?;
    Some(RelatedItem {
        id: id.into_text()?,
        title: title.into_words()?,
        media: MediaKind::of(&pic),
        pic,
        poster: poster.into_string(),
        sort: sort.to_int(),
        content_type_id: kind.to_int(),
    })
}

impl ItemVisitor {
    fn not_an_item<E>(self) -> Result<MaybeItem, E> {
        Ok(MaybeItem(None))
    }
}

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = MaybeItem;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a related item")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MaybeItem, A::Error> {
        Ok(MaybeItem(item_of(read_object(map, FIELDS, true)?)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeItem, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.not_an_item()
    }
    fn visit_str<E>(self, _: &str) -> Result<MaybeItem, E> {
        self.not_an_item()
    }
    fn visit_i64<E>(self, _: i64) -> Result<MaybeItem, E> {
        self.not_an_item()
    }
    fn visit_u64<E>(self, _: u64) -> Result<MaybeItem, E> {
        self.not_an_item()
    }
    fn visit_f64<E>(self, _: f64) -> Result<MaybeItem, E> {
        self.not_an_item()
    }
    fn visit_bool<E>(self, _: bool) -> Result<MaybeItem, E> {
        self.not_an_item()
    }
    fn visit_unit<E>(self) -> Result<MaybeItem, E> {
        self.not_an_item()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::error::Problem;
    use proptest::prelude::*;

    const SEED: &str = include_str!("../../demo/api/related/1855600.json");

    fn ids(feed: &RelatedFeed) -> Vec<&str> {
        feed.items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn the_console_note_says_what_was_skipped_and_what_was_not_read() {
        let at = "https://x.example/r.json";
        let feed = |skipped, duplicates, capped| RelatedFeed {
            skipped,
            duplicates,
            capped,
            ..RelatedFeed::default()
        };
        assert_eq!(feed(0, 0, false).note(at), None);
        assert_eq!(
            feed(2, 1, false).note(at).as_deref(),
            Some("lede: the related feed at https://x.example/r.json had 2 unusable item(s) without an id, title or pic, and 1 repeated id(s); they were skipped.")
        );
        assert_eq!(
            feed(0, 0, true).note(at).as_deref(),
            Some("lede: the related feed at https://x.example/r.json has more than 1000 items: only the first 1000 were read.")
        );
        // Both: two sentences, the second with its own subject.
        assert_eq!(
            feed(0, 3, true).note(at).as_deref(),
            Some("lede: the related feed at https://x.example/r.json had 0 unusable item(s) without an id, title or pic, and 3 repeated id(s); they were skipped. It has more than 1000 items: only the first 1000 were read.")
        );
    }

    fn ok(input: &str) -> RelatedFeed {
        parse_related(input).unwrap_or_else(|e| panic!("{input:?} must parse: {}", e.detail()))
    }

    fn problem(input: &str) -> Problem {
        match parse_related(input) {
            Ok(f) => panic!("{input:?} must fail, gave {f:?}"),
            Err(e) => {
                assert_eq!(e.feed, Feed::Related);
                e.problem
            }
        }
    }

    #[test]
    fn the_seed_from_its_envelope() {
        assert!(
            SEED.starts_with("string(1578) \"[{"),
            "demo data is the seed's envelope byte for byte"
        );
        let feed = ok(SEED);
        assert_eq!(feed.skipped, 0);
        assert_eq!(
            ids(&feed),
            [
                "1855111", "1855161", "1855219", "1855307", "1855459", "1855469", "1855525",
                "1855538"
            ]
        );
        let kinds: Vec<MediaKind> = feed.items.iter().map(|i| i.media).collect();
        use MediaKind::{Image as I, Video as V};
        assert_eq!(kinds, [I, I, I, V, V, I, I, I]);
        assert_eq!(feed.items.first().map(|i| i.sort), Some(Some(3_613_338)));
        assert!(feed.items.iter().all(|i| i.content_type_id == Some(21)));
        assert_eq!(
            feed.items.get(3).map(|i| i.title.as_str()),
            Some("VIDEO: Bangladesh Police Kill ISIS-Linked Mastermind of Dhaka Café Attack")
        );
    }

    #[test]
    fn bare_and_enveloped_are_the_same() {
        let bare = SEED
            .strip_prefix("string(1578) \"")
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or("");
        assert_eq!(ok(bare), ok(SEED));
        assert_eq!(ok(&format!("\u{feff}\n  {SEED}\r\n")), ok(SEED));
        assert_eq!(ok(&format!("\u{feff}{bare}")), ok(SEED));
    }

    #[test]
    fn a_truncated_envelope_fails_the_feed() {
        assert_eq!(
            problem("string(1578) \"[]\""),
            Problem::Truncated {
                expected: 1578,
                actual: 2
            }
        );
        let cut = SEED.get(..SEED.len() - 100).unwrap_or("");
        assert_eq!(
            problem(cut),
            Problem::Truncated {
                expected: 1578,
                actual: 1578 - 99
            }
        );
    }

    #[test]
    fn bad_json_and_bad_shapes() {
        for bad in [
            "",
            "   ",
            "[",
            "[{]",
            "[{\"id\":",
            "<html>502 Bad Gateway</html>",
            "[1,]",
            "[] []",
            "nul",
            "\"[]",
        ] {
            assert!(matches!(problem(bad), Problem::Syntax { .. }), "{bad:?}");
        }
        match problem("[\n{\"id\": 1,\n\"title\": x}]") {
            Problem::Syntax { line, column, .. } => assert_eq!((line, column), (3, 10)),
            other => panic!("{other:?}"),
        }
        for (shape, found) in [
            ("{}", "an object"),
            (" {\"items\":[]}", "an object"),
            ("null", "null"),
            ("-1", "a number"),
            ("1e3", "a number"),
            ("\"text\"", "a string"),
            ("true", "a boolean"),
        ] {
            let message = ["expected an array of related items, found ", found].concat();
            assert_eq!(problem(shape), Problem::Shape { message }, "{shape:?}");
        }
    }

    #[test]
    fn items_are_skipped_one_by_one() {
        let input = r#"[
            {"id":"1","title":"ok","pic":"/1.jpg"},
            {"title":"no id","pic":"/x.jpg"},
            {"id":null,"title":"null id","pic":"/x.jpg"},
            {"id":"","title":"empty id","pic":"/x.jpg"},
            {"id":"  ","title":"blank id","pic":"/x.jpg"},
            {"id":true,"title":"bool id","pic":"/x.jpg"},
            {"id":[1],"title":"array id","pic":"/x.jpg"},
            {"id":1.5,"title":"fractional id","pic":"/x.jpg"},
            {"id":"2","pic":"/x.jpg"},
            {"id":"3","title":"","pic":"/x.jpg"},
            {"id":"4","title":42,"pic":"/x.jpg"},
            {"id":"5","title":{"en":"x"},"pic":"/x.jpg"},
            {"id":"6","title":"no pic"},
            {"id":"7","title":"empty pic","pic":""},
            {"id":"8","title":"number pic","pic":8},
            "a string", 17, null, true, [1,2,3], [],
            {"id":"9","title":"ok too","pic":"/9.mp4"}
        ]"#;
        let feed = ok(input);
        assert_eq!(ids(&feed), ["1", "9"]);
        assert_eq!(feed.skipped, 20);
    }

    #[test]
    fn deep_nesting_in_a_field_skips_at_most_its_item() {
        let deep = ["[".repeat(300), "]".repeat(300)].concat();
        let feed = ok(&format!(
            r#"[{{"id":"1","title":{deep},"pic":"/a.jpg"}},{{"id":"2","title":"kept","pic":"/b.jpg","sort":{deep}}}]"#
        ));
        assert_eq!((ids(&feed), feed.skipped), (vec!["2"], 1));
    }

    #[test]
    fn numbers_strings_and_unknown_fields() {
        let feed = ok(
            r#"[{"id":1855307,"sort":3613335,"contenttypeid":21,"pic":" /a.MP4 ","title":"  T  ","extra":{"deep":[1,{"x":null}]},"id2":"x"},
                         {"id":18446744073709551615,"title":"big","pic":"/b.png","sort":"x","contenttypeid":"21.0"},
                         {"id":-4,"title":"neg","pic":"/c.gif","sort":-1.0},
                         {"id":2e3,"title":"float","pic":"/d.gif","sort":" 7 "}]"#,
        );
        let first = feed
            .items
            .first()
            .cloned()
            .unwrap_or_else(|| unreachable!());
        assert_eq!(
            first,
            RelatedItem {
                id: "1855307".into(),
                title: "T".into(),
                pic: "/a.MP4".into(),
                poster: None,
                sort: Some(3_613_335),
                content_type_id: Some(21),
                media: MediaKind::Video,
            }
        );
        assert_eq!(
            ids(&feed),
            ["1855307", "2000", "-4", "18446744073709551615"]
        );
        let big = feed.items.get(3).cloned().unwrap_or_else(|| unreachable!());
        assert_eq!((big.sort, big.content_type_id), (None, None));
        // Escaped keys and values are read like plain ones.
        let feed = ok(r#"[{"\u0069d":"\u0031","title":"caf\u00e9 \"q\"","pic":"\/a.jpg"}]"#);
        assert_eq!(
            feed.items
                .first()
                .map(|i| (i.id.as_str(), i.title.as_str(), i.pic.as_str())),
            Some(("1", "café \"q\"", "/a.jpg"))
        );
        // `poster` is optional text: trimmed, and nothing for a blank one or
        // for anything but a string.
        let feed = ok(
            r#"[{"id":"1","title":"t","pic":"/a.mp4","poster":" /a.jpg "},
                         {"id":"2","title":"t","pic":"/b.mp4","poster":"  "},
                         {"id":"3","title":"t","pic":"/c.mp4","poster":3},
                         {"id":"4","title":"t","pic":"/d.mp4","poster":null}]"#,
        );
        assert_eq!(
            feed.items
                .iter()
                .map(|i| i.poster.as_deref())
                .collect::<Vec<_>>(),
            [Some("/a.jpg"), None, None, None]
        );
        // A repeated key: the last one counts.
        assert_eq!(
            ids(&ok(r#"[{"id":"1","id":"2","title":"t","pic":"/a.jpg"}]"#)),
            ["2"]
        );
    }

    #[test]
    fn a_truncated_emoji_keeps_its_feed() {
        // Regression: a backend that cuts titles by UTF-16 units sends half
        // an emoji, a lone surrogate escape; serde_json refused the whole
        // feed, a browser's JSON.parse shows the item with U+FFFD.
        let feed = ok(r#"[{"id":"1","title":"Goal \ud83d","pic":"/a.jpg"},
                         {"id":"2","title":"x\udc00y","pic":"/b.jpg","n\ud800":1},
                         {"id":"3","title":"\ud83d\ude00 kept","pic":"/c.jpg"},
                         {"id":"4","title":"\\ud83d","pic":"/d.jpg"},
                         {"id":"\ud83d","title":"\udc00","pic":"/e\udbff.jpg"}]"#);
        let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Goal \u{FFFD}",
                "x\u{FFFD}y",
                "\u{1F600} kept",
                "\\ud83d",
                "\u{FFFD}"
            ]
        );
        assert_eq!(
            feed.items.last().map(|i| (i.id.as_str(), i.pic.as_str())),
            Some(("\u{FFFD}", "/e\u{FFFD}.jpg"))
        );
        // Enveloped (the length counts the escape's six bytes), too.
        let json = r#"[{"id":"1","title":"\ud83d","pic":"/a.jpg"}]"#;
        let enveloped = format!("string({}) \"{json}\"", json.len());
        assert_eq!(ok(&enveloped), ok(json));
        // Another error after one keeps its line and column.
        match problem("[{\"title\":\"\\ud83d\",\n\"id\": x}]") {
            Problem::Syntax { line, column, .. } => assert_eq!((line, column), (2, 7)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn stable_sort_with_unsorted_last() {
        let feed = ok(r#"[{"id":"a","title":"t","pic":"p","sort":1},
                         {"id":"b","title":"t","pic":"p"},
                         {"id":"c","title":"t","pic":"p","sort":"5"},
                         {"id":"d","title":"t","pic":"p","sort":1},
                         {"id":"e","title":"t","pic":"p","sort":null},
                         {"id":"f","title":"t","pic":"p","sort":5},
                         {"id":"g","title":"t","pic":"p","sort":-3}]"#);
        assert_eq!(ids(&feed), ["c", "f", "a", "d", "g", "b", "e"]);
    }

    #[test]
    fn duplicate_ids_keep_the_first_shown() {
        let feed = ok(r#"[{"id":"1","title":"low","pic":"p","sort":1},
                         {"id":"1","title":"high","pic":"p","sort":2},
                         {"id":1,"title":"number","pic":"p","sort":0}]"#);
        assert_eq!(
            feed.items
                .iter()
                .map(|i| i.title.as_str())
                .collect::<Vec<_>>(),
            ["high"]
        );
        assert_eq!((feed.skipped, feed.duplicates), (0, 2));
    }

    fn item_strategy() -> impl Strategy<Value = (String, String, String, Option<i64>, Option<i64>)>
    {
        (
            "[a-zA-Z0-9_-]{1,12}",
            "[^\\s][\\PC]{0,30}[^\\s]",
            "/[a-z0-9/_]{1,20}\\.(jpg|mp4|png|webm|txt)",
            proptest::option::of(any::<i64>()),
            proptest::option::of(0i64..100),
        )
    }

    proptest! {
        #[test]
        fn merge_sort_is_the_stable_sort(keys in proptest::collection::vec(proptest::option::of(-3i64..3), 0..200)) {
            let items: Vec<(Option<i64>, usize)> = keys.into_iter().enumerate().map(|(n, k)| (k, n)).collect();
            let before = |a: &(Option<i64>, usize), b: &(Option<i64>, usize)| match (a.0, b.0) {
                (Some(x), Some(y)) => x > y,
                (Some(_), None) => true,
                (None, _) => false,
            };
            let mut want = items.clone();
            want.sort_by(|a, b| b.0.is_some().cmp(&a.0.is_some()).then(b.0.cmp(&a.0)));
            prop_assert_eq!(merge_sort(items, &before), want);
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = parse_related(&s);
            let _ = parse_related(&format!("string({}) \"{s}\"", s.len()));
        }

        #[test]
        fn never_panics_on_near_json(s in "[\\[\\]{}\",:0-9a-z \\\\]{0,60}") {
            let _ = parse_related(&s);
        }

        #[test]
        fn generated_feeds_round_trip(items in proptest::collection::vec(item_strategy(), 0..20), numeric in any::<bool>()) {
            let mut json = String::from("[");
            for (n, (id, title, pic, sort, kind)) in items.iter().enumerate() {
                if n > 0 { json.push(','); }
                let sort_json = match sort {
                    Some(s) if numeric => s.to_string(),
                    Some(s) => serde_json::to_string(&s.to_string()).unwrap_or_default(),
                    None => "null".into(),
                };
                let kind_json = kind.map_or("null".into(), |k| if numeric { k.to_string() } else { format!("\"{k}\"") });
                json.push_str(&format!(
                    r#"{{"id":{},"title":{},"pic":{},"sort":{sort_json},"contenttypeid":{kind_json},"unknown":[{{}}]}}"#,
                    serde_json::to_string(id).unwrap_or_default(),
                    serde_json::to_string(title).unwrap_or_default(),
                    serde_json::to_string(pic).unwrap_or_default(),
                ));
            }
            json.push(']');
            let envelope = format!("string({}) \"{json}\"", json.len());
            let bare = parse_related(&json);
            prop_assert!(bare.is_ok(), "{:?}", bare);
            prop_assert_eq!(&bare, &parse_related(&envelope));

            // What should come out: unique ids, first in display order.
            let mut want: Vec<_> = items.clone();
            want.sort_by(|a, b| match (a.3, b.3) {
                (Some(x), Some(y)) => y.cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
            let mut seen = std::collections::HashSet::new();
            want.retain(|i| seen.insert(i.0.clone()));
            let got = bare.map(|f| f.items).unwrap_or_default();
            prop_assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                prop_assert_eq!(&g.id, &w.0);
                prop_assert_eq!(&g.title, &w.1);
                prop_assert_eq!(&g.pic, &w.2);
                prop_assert_eq!(g.sort, w.3);
                prop_assert_eq!(g.content_type_id, w.4);
                prop_assert_eq!(g.media, MediaKind::of(&w.2));
            }
        }
    }
}
