//! The feed contract (docs/feeds.md) as the parsers keep it: every demo feed
//! and every fixture in `tests/fixtures/feeds/` gets the verdict its name
//! gives, the same one `build/schema-check.mjs` asserts of the JSON Schemas
//! in `schema/`, so that the schemas and the parsers agree.
//!
//! - `article/ok-*`: `parse_article` accepts it; `article/bad-*`: it fails.
//! - `related/ok-*`: `parse_related` keeps every item (none skipped, none
//!   repeated); `related/skip-*`: it skips every item, each counted in
//!   `skipped`, and the feed itself is fine; `related/bad-*`: it fails.
#![cfg(not(target_arch = "wasm32"))]
// Tests may format their messages (clippy.toml refuses `format!` in the
// widget's code, for its size).
#![allow(clippy::disallowed_macros)]

use lede::core::article::{parse_article, Article};
use lede::core::envelope::unwrap_envelope;
use lede::core::related::{parse_related, RelatedFeed};
use lede::core::surrogates::replace_lone_surrogates;
use std::fs;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/feeds");
const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/demo/api");

#[derive(Debug, Clone, Copy, PartialEq)]
enum Verdict {
    Ok,
    Skip,
    Bad,
}

/// The files of `dir`, sorted, with their names.
fn files(dir: &str) -> Vec<(String, PathBuf)> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let mut out: Vec<(String, PathBuf)> = entries
        .map(|e| e.unwrap_or_else(|e| panic!("{dir}: {e}")).path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            (name, p)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "{dir} holds no fixture");
    out
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The verdict a fixture's name gives.
fn verdict(name: &str) -> Verdict {
    if name.starts_with("ok-") {
        Verdict::Ok
    } else if name.starts_with("skip-") {
        Verdict::Skip
    } else if name.starts_with("bad-") {
        Verdict::Bad
    } else {
        panic!("{name}: a fixture's name starts with ok-, skip- or bad-")
    }
}

/// How many elements the related feed's array has, read apart from the
/// parser under test.
fn array_len(body: &str, name: &str) -> usize {
    let json = unwrap_envelope(body).unwrap_or_else(|e| panic!("{name}: envelope {e:?}"));
    let json = replace_lone_surrogates(json);
    serde_json::from_str::<Vec<serde_json::Value>>(&json)
        .unwrap_or_else(|e| panic!("{name}: not a JSON array: {e}"))
        .len()
}

fn article(name: &str, body: &str) -> Option<Article> {
    match (verdict(name), parse_article(body)) {
        (Verdict::Ok, Ok(a)) => Some(a),
        (Verdict::Bad, Err(_)) => None,
        (Verdict::Ok, Err(e)) => panic!("{name}: must be accepted, failed: {}", e.detail()),
        (Verdict::Bad, Ok(a)) => panic!("{name}: must fail, gave {a:?}"),
        (Verdict::Skip, _) => panic!("{name}: an article feed has no skip- fixtures"),
    }
}

fn related(name: &str, body: &str) -> Option<RelatedFeed> {
    let want = verdict(name);
    let feed = match (want, parse_related(body)) {
        (Verdict::Bad, Err(_)) => return None,
        (Verdict::Bad, Ok(f)) => panic!("{name}: must fail, gave {f:?}"),
        (_, Err(e)) => panic!("{name}: must parse, failed: {}", e.detail()),
        (_, Ok(f)) => f,
    };
    let n = array_len(body, name);
    assert_eq!(feed.duplicates, 0, "{name}: no fixture repeats an id");
    match want {
        Verdict::Ok => assert_eq!(
            (feed.items.len(), feed.skipped),
            (n, 0),
            "{name}: every item kept"
        ),
        _ => assert_eq!(
            (feed.items.len(), feed.skipped),
            (0, n),
            "{name}: every item skipped"
        ),
    }
    Some(feed)
}

#[test]
fn the_demo_feeds_are_accepted() {
    for (name, path) in files(&[DEMO, "/article"].concat()) {
        assert!(article(&["ok-", &name].concat(), &read(&path)).is_some());
    }
    for (name, path) in files(&[DEMO, "/related"].concat()) {
        let feed = related(&["ok-", &name].concat(), &read(&path));
        assert!(feed.is_some_and(|f| !f.items.is_empty()), "{name}");
    }
}

#[test]
fn article_fixtures_get_their_verdicts() {
    let mut seen = [0, 0];
    for (name, path) in files(&[FIXTURES, "/article"].concat()) {
        let a = article(&name, &read(&path));
        seen[usize::from(a.is_none())] += 1;
        let Some(a) = a else { continue };
        // What docs/feeds.md says of these, beyond accepting them.
        match name.as_str() {
            "ok-numeric-id.json" => assert_eq!(a.id.as_deref(), Some("1855600")),
            "ok-float-id.json" | "ok-ignored-types.json" => {
                assert_eq!((a.id, a.source, a.published), (None, None, None), "{name}");
                assert!(a.body.is_empty(), "{name}");
            }
            "ok-body-string.json" => assert_eq!(
                a.body,
                [
                    "First paragraph,\nstill the first.",
                    "Second paragraph.",
                    "Third paragraph, after a line of only white space."
                ]
            ),
            "ok-title-trimmed.json" => {
                assert_eq!(a.title, "The title is trimmed");
                assert_eq!(
                    a.body,
                    [
                        "So is each paragraph.",
                        "Blank and non-string elements are dropped."
                    ]
                );
            }
            "ok-unreadable-date.json" => assert_eq!(a.published, None),
            "ok-offset-date.json" => assert_eq!(
                a.published.map(|p| p.rfc3339).as_deref(),
                Some("2016-08-28T14:25:16.250Z")
            ),
            "ok-half-emoji.json" => assert!(a.title.ends_with('\u{FFFD}'), "{}", a.title),
            _ => {}
        }
    }
    assert!(seen[0] > 0 && seen[1] > 0, "accepted and rejected fixtures");
}

#[test]
fn related_fixtures_get_their_verdicts() {
    let mut seen = [0, 0, 0];
    for (name, path) in files(&[FIXTURES, "/related"].concat()) {
        let feed = related(&name, &read(&path));
        seen[match verdict(&name) {
            Verdict::Ok => 0,
            Verdict::Skip => 1,
            Verdict::Bad => 2,
        }] += 1;
        let Some(feed) = feed else { continue };
        let ids: Vec<&str> = feed.items.iter().map(|i| i.id.as_str()).collect();
        // What docs/feeds.md says of these, beyond keeping or skipping them.
        match name.as_str() {
            "ok-strings.json" => assert_eq!(ids, ["1855111", "1855307"], "by sort"),
            "ok-numbers.json" => {
                assert_eq!(ids, ["1855309", "1855307", "2000", "1855308", "-4", "0"])
            }
            "ok-safe-integer-ids.json" => assert_eq!(
                ids,
                [
                    "9007199254740991",
                    "-9007199254740991",
                    "18446744073709551616"
                ]
            ),
            "ok-ignored-types.json" => {
                assert!(feed
                    .items
                    .iter()
                    .all(|i| i.sort.is_none() && i.poster.is_none()));
            }
            "ok-references.json" => {
                let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
                assert_eq!(
                    titles,
                    [
                        "Kerry\u{2019}s plan & the \u{201c}ceasefire\u{201d}",
                        "<b> stays text once read"
                    ]
                );
            }
            _ => {}
        }
    }
    assert!(seen.iter().all(|n| *n > 0), "ok, skip and bad fixtures");
}
