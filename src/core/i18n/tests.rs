//! The languages' tests: every table, tag, word and label.

use super::lang::*;
use super::language::*;
use super::lexicon::*;
use super::tables::*;
use super::text::*;

fn en() -> Lang {
    Lang::en()
}

fn with(tag: &str, words: &[(&str, &str)]) -> (Lang, Vec<String>) {
    Lang::new(tag, words, &Lexicon::default())
}

/// Fails to compile when a language is added without a place here, so
/// that [`Language::ALL`] cannot miss one.
fn index(l: Language) -> usize {
    match l {
        Language::En => 0,
        Language::Ar => 1,
        Language::Fa => 2,
        Language::Ur => 3,
        Language::He => 4,
        Language::Fr => 5,
        Language::Es => 6,
        Language::De => 7,
        Language::Pt => 8,
        Language::Ru => 9,
        Language::Tr => 10,
        Language::Id => 11,
    }
}

#[test]
fn every_language_is_listed_once_and_found_by_its_code() {
    for (i, l) in Language::ALL.into_iter().enumerate() {
        assert_eq!(index(l), i, "{l:?}");
        assert_eq!(Language::from_tag(l.code()), l);
        assert_eq!(Language::from_tag(&l.code().to_uppercase()), l);
    }
}

#[test]
fn every_language_has_every_word() {
    for l in Language::ALL {
        let w = l.table();
        let mut seen: Vec<&str> = Vec::new();
        for t in Text::ALL {
            let s = t.of(w);
            assert!(!s.trim().is_empty(), "{l:?} {t:?}");
            assert!(!s.contains('\n'), "{l:?} {t:?}");
            assert_eq!(s, s.trim(), "{l:?} {t:?}: no outer spaces");
            assert!(!s.contains('<') && !s.contains('{'), "{l:?} {t:?}");
            assert!(s.chars().count() <= 90, "{l:?} {t:?}: short");
            seen.push(s);
        }
        let all = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), all, "{l:?}: no two texts are the same");
        assert_eq!(w.packed.split('\n').count(), Text::ALL.len() + 1, "{l:?}");
        let p = nth(w.packed, Text::ALL.len());
        assert_eq!(p.matches("{n}").count(), 1, "{l:?}");
        assert_eq!(p.matches("{total}").count(), 1, "{l:?}");
        if l != Language::En {
            // Words such as "Video" are the same in many languages; a
            // table copied from English would not differ anywhere else.
            let differ = Text::ALL
                .into_iter()
                .filter(|t| t.of(w) != t.of(Language::En.table()))
                .count();
            assert!(differ >= 14, "{l:?} is translated");
        }
    }
}

#[test]
fn every_text_is_in_its_script() {
    let script = |l: Language| -> fn(char) -> bool {
        match l {
            Language::Ar | Language::Fa | Language::Ur => |c| ('\u{600}'..='\u{6ff}').contains(&c),
            Language::He => |c| ('\u{590}'..='\u{5ff}').contains(&c),
            Language::Ru => |c| ('\u{400}'..='\u{4ff}').contains(&c),
            _ => |c| c.is_ascii_alphabetic(),
        }
    };
    for l in Language::ALL {
        for t in Text::ALL {
            assert!(t.of(l.table()).chars().any(script(l)), "{l:?} {t:?}");
        }
    }
}

#[test]
fn words_are_in_texts_order() {
    for (i, t) in Text::ALL.into_iter().enumerate() {
        assert_eq!(t as usize, i);
    }
    assert_eq!(Text::RelatedStories.get(&en()), "Related stories");
    assert_eq!(Text::Retry.get(&en()), "Retry");
    assert_eq!(
        Text::Misconfigured.get(&en()),
        "This news widget is not set up correctly."
    );
    assert_eq!(Text::Video.get(&Lang::from_tag("fr")), "Vidéo");
}

/// `words/<code>.txt`, what the widget fetches for a language that is
/// not built in, holds its table's words: run with
/// `LEDE_WRITE_WORDS=1` after changing a table to write them.
#[test]
fn words_files_hold_the_tables() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("words");
    for l in Language::ALL {
        let path = dir.join(format!("{}.txt", l.code()));
        let want = format!("{}\n", l.table().packed);
        if l.built_in() {
            assert!(!path.exists(), "{l:?} is built in: no {path:?}");
            continue;
        }
        if std::env::var_os("LEDE_WRITE_WORDS").is_some() {
            std::fs::write(&path, &want).expect("write words");
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{path:?} differs from the {l:?} table: run LEDE_WRITE_WORDS=1 cargo test"
        );
    }
    let files = std::fs::read_dir(&dir).expect("words/").count();
    assert_eq!(
        files,
        Language::ALL.iter().filter(|l| !l.built_in()).count()
    );
}

#[test]
fn learning_a_language() {
    let mut lexicon = Lexicon::default();
    for l in Language::ALL {
        let ready = lexicon.ready(l, 0.0);
        assert_eq!(ready == Ready::Speak, l.built_in(), "{l:?}");
    }
    let speak = |lexicon: &Lexicon, tag: &str| Lang::new(tag, &[], lexicon).0;
    // Natively the tables stand in until a language is learnt.
    assert_eq!(Text::Retry.get(&speak(&lexicon, "de")), "Erneut versuchen");
    let de = format!(
        "{}\n",
        Language::De
            .table()
            .packed
            .replace("Erneut versuchen", "Nochmal")
    );
    lexicon.fetching(Language::De);
    assert_eq!(lexicon.ready(Language::De, 0.0), Ready::Wait);
    assert_eq!(lexicon.learn(Language::De, Some(&de), 0.0), Ok(()));
    assert_eq!(lexicon.ready(Language::De, 0.0), Ready::Speak);
    assert_eq!(Text::Retry.get(&speak(&lexicon, "de-AT")), "Nochmal");
    assert_eq!(slide_label(&speak(&lexicon, "de"), 0, 2), "1 von 2");

    assert_eq!(
        lexicon.learn(Language::Fr, None, 0.0),
        Err("could not be fetched")
    );
    assert_eq!(Text::Retry.get(&speak(&lexicon, "fr")), "Retry");
    // Tried again later, not at once: English meanwhile, the language once
    // it comes.
    assert_eq!(lexicon.ready(Language::Fr, 9_999.0), Ready::English);
    assert_eq!(
        lexicon.ready(Language::Fr, FETCH_AGAIN_MS),
        Ready::FetchAgain
    );
    lexicon.fetching(Language::Fr);
    assert_eq!(lexicon.ready(Language::Fr, FETCH_AGAIN_MS), Ready::English);
    let fr = format!("{}\n", Language::Fr.table().packed);
    assert_eq!(lexicon.learn(Language::Fr, Some(&fr), 0.0), Ok(()));
    assert_eq!(Text::Retry.get(&speak(&lexicon, "fr")), "Réessayer");
    assert!(speak(&lexicon, "he").is_rtl());
    let fa = Language::Fa.table().packed;
    for (file, why) in [
        ("", "not one word a line"),
        ("a\nb", "not one word a line"),
        (&fa.replacen("خبرهای قبلی", "", 1), "empty"),
        (
            &fa.replacen("خبرهای قبلی", "<i>x</i>", 1),
            "looks like HTML (it is plain text)",
        ),
        (
            &fa.replacen("{total}", "", 1),
            "needs {n} and {total} where the numbers go",
        ),
        (&format!("{fa}\n\n"), "not one word a line"),
        (
            "<!doctype html>\n<title>Not found</title>",
            "not one word a line",
        ),
    ] {
        assert_eq!(lexicon.learn(Language::Fa, Some(file), 0.0), Err(why));
        assert_eq!(Text::PlayVideo.get(&speak(&lexicon, "fa")), "Play video");
        assert!(
            speak(&lexicon, "fa").is_rtl(),
            "English words, the page's direction"
        );
    }
}

#[test]
fn language_tags() {
    for (tag, want) in [
        ("ar", Language::Ar),
        ("AR", Language::Ar),
        ("ar-EG", Language::Ar),
        ("ar_SA", Language::Ar),
        (" ar ", Language::Ar),
        ("fr-CA", Language::Fr),
        ("FA", Language::Fa),
        ("fa-IR", Language::Fa),
        ("he-IL", Language::He),
        ("ur-PK", Language::Ur),
        ("pt-BR", Language::Pt),
        ("pt-PT", Language::Pt),
        ("es-419", Language::Es),
        ("de-CH", Language::De),
        ("id", Language::Id),
        ("ru-RU", Language::Ru),
        ("tr", Language::Tr),
        ("ar-u-nu-latn", Language::Ar),
        ("zh", Language::En),
        ("zh-Hans-CN", Language::En),
        ("en", Language::En),
        ("", Language::En),
        ("-", Language::En),
        ("arz", Language::En),
        ("fr-ar", Language::Fr),
        ("iw", Language::En),
        ("français", Language::En),
        ("ف", Language::En),
    ] {
        assert_eq!(Language::from_tag(tag), want, "tag {tag:?}");
        assert_eq!(Lang::from_tag(tag).language(), want, "tag {tag:?}");
    }
}

#[test]
fn direction() {
    for l in Language::ALL {
        let rtl = matches!(l, Language::Ar | Language::Fa | Language::Ur | Language::He);
        assert_eq!(l.is_rtl(), rtl, "{l:?}");
    }
    assert!(Lang::from_tag("fa").is_rtl());
    assert!(Lang::from_tag("HE-il").is_rtl());
    assert!(!Lang::from_tag("fr-CA").is_rtl());
    assert!(
        !Lang::from_tag("yi").is_rtl(),
        "English words, left to right"
    );
}

#[test]
fn equal_languages_are_equal() {
    assert_eq!(Lang::from_tag(""), en());
    assert_eq!(Lang::default(), en());
    assert_eq!(Lang::from_tag("fr-CA"), Lang::from_tag(" fr-CA "));
    assert_ne!(Lang::from_tag("fr-CA"), Lang::from_tag("fr"));
    let a = with("fr", &[("data-text-retry", "Encore")]).0;
    let b = with("fr", &[("data-text-retry", "Encore")]).0;
    assert_eq!(a, b);
    assert_ne!(a, Lang::from_tag("fr"));
    assert_eq!(Lang::from_tag("ar").language(), Language::Ar);
}

#[test]
fn number_tags() {
    assert_eq!(Lang::from_tag("ar-u-nu-latn").number_tag(), "ar-u-nu-latn");
    assert_eq!(Lang::from_tag("fa-IR").number_tag(), "fa-IR");
    assert_eq!(Lang::from_tag("zh").number_tag(), "en");
    assert_eq!(Lang::from_tag("").number_tag(), "en");
    assert_eq!(Lang::from_tag("ar").number_tag(), "ar");
}

#[test]
fn publishers_words() {
    let long = "v".repeat(200);
    let (lang, notes) = with(
        "fa",
        &[
            ("data-text-related-stories", "Related"),
            ("data-heading", "  More from The Meridian "),
            ("data-text-retry", "Again"),
            ("data-text-retry", "Once more"),
            ("data-text-slide-position", "Story {n} of {total}"),
            ("data-text-Retry", "x"),
            ("data-text-heading", "x"),
            ("data-text-next", "   "),
            ("data-text-previous", "<b>Back</b>"),
            ("data-text-pause-video", long.as_str()),
        ],
    );
    assert_eq!(Text::RelatedStories.get(&lang), "More from The Meridian");
    assert_eq!(Text::Retry.get(&lang), "Once more");
    assert_eq!(
        Text::Next.get(&lang),
        "خبرهای بعدی",
        "an empty one is not used"
    );
    assert_eq!(Text::Previous.get(&lang), "خبرهای قبلی", "nor HTML");
    assert_eq!(Text::PauseVideo.get(&lang).len(), 200);
    assert_eq!(Text::PlayVideo.get(&lang), "پخش ویدیو");
    assert_eq!(slide_label(&lang, 1, 5), "Story 2 of 5");
    assert!(lang.is_rtl(), "the publisher's words keep the direction");
    assert_eq!(notes.len(), 4, "{notes:#?}");
    assert_eq!(
        notes,
        [
            "lede: data-text-Retry is not used: unknown key",
            "lede: data-text-heading is not used: unknown key",
            "lede: data-text-next is not used: empty",
            "lede: data-text-previous is not used: looks like HTML (it is plain text)",
        ]
    );

    for bad in ["{n}", "{total}", "n of total", "{n} of {tota}"] {
        let (lang, notes) = with("en", &[("data-text-slide-position", bad)]);
        assert_eq!(slide_label(&lang, 0, 3), "1 of 3");
        assert!(notes[0].contains("needs {n} and {total}"), "{notes:?}");
    }
}

#[test]
fn keys_and_lines() {
    let keys: Vec<&str> = Text::ALL.into_iter().map(Text::key).collect();
    assert_eq!(keys.first(), Some(&"related-stories"));
    assert_eq!(keys.last(), Some(&"misconfigured"));
    assert_eq!(keys.get(10), Some(&"article-timed-out"));
    assert!(keys.iter().all(|k| !k.is_empty() && !k.contains('\n')));
    assert_eq!(nth(KEYS, Text::ALL.len()), SLIDE_POSITION_KEY);
    assert_eq!(nth(KEYS, WORDS), "", "no key past the last");
    assert_eq!((nth("", 0), nth("", 3)), ("", ""));
    assert_eq!((nth("a\n\nbc", 1), nth("a\n\nbc", 2)), ("", "bc"));
    assert_eq!(nth("é\nß\n", 1), "ß");
    // A line break in a publisher's word cannot shift the others.
    let (lang, notes) = with(
        "en",
        &[
            ("data-text-retry", "Try\nagain"),
            ("data-text-next", "More\n"),
        ],
    );
    assert!(notes.is_empty());
    assert_eq!(Text::Retry.get(&lang), "Try again");
    assert_eq!(Text::Next.get(&lang), "More");
    assert_eq!(Text::LoadingArticle.get(&lang), "Loading the article…");
    assert_eq!(slide_label(&lang, 0, 2), "1 of 2");
}

#[test]
fn slide_labels() {
    assert_eq!(slide_label(&en(), 0, 8), "1 of 8");
    assert_eq!(slide_label(&en(), 7, 8), "8 of 8");
    assert_eq!(slide_label(&en(), 9998, 10000), "9999 of 10000");
    assert_eq!(slide_label(&Lang::from_tag("ar"), 2, 8), "3 من 8");
    assert_eq!(slide_label(&Lang::from_tag("he"), 2, 8), "3 מתוך 8");
    assert_eq!(slide_label(&Lang::from_tag("tr"), 2, 8), "3 / 8");
    let (odd, _) = with(
        "en",
        &[("data-text-slide-position", "{{n}} {x} {total}{n}{")],
    );
    assert_eq!(slide_label(&odd, 2, 8), "{3} {x} 83{");
    assert_eq!(
        slide_label(&en(), usize::MAX, 1),
        "18446744073709551615 of 1"
    );
    let persian = |n: usize| {
        n.to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x6f0).unwrap_or(c))
            .collect::<String>()
    };
    assert_eq!(
        slide_label_with(&Lang::from_tag("fa"), 2, 8, &persian),
        "۳ از ۸"
    );
}
