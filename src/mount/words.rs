//! The words files of the languages that are not built in:
//! `words/<code>.txt` beside the code, fetched by the first widget that
//! speaks one (lede.js has preloaded it when the page had such a widget at
//! load), once per page; widgets in that language wait for it, then mount
//! or are refreshed. A file that cannot be had leaves English, with a
//! console line, and is tried again: a minute later, and at the mount of a
//! widget in its language once ten seconds have passed.

use super::attrs::lang_of;
use super::registry;
use crate::core::cap::Cut;
use crate::core::i18n::{Language, Ready};
use crate::dom::{beside_code, console_warn};
use crate::net::{fetch_text, TIMEOUT_MS};
use leptos::prelude::set_timeout;
use std::time::Duration;
use web_sys::Element;

/// How long after a words file failed it is tried again by itself.
const AGAIN: Duration = Duration::from_secs(60);

/// The language of a host's words.
pub(super) fn language_of(host: &Element) -> Language {
    Language::from_tag(lang_of(host).as_deref().unwrap_or_default())
}

/// Whether `host` can speak its language now. If not, it waits for the
/// language's words, which the first host to wait for them fetches; then
/// it is mounted, or refreshed, again. A file that failed before is fetched
/// again, and the host speaks English meanwhile.
pub(super) fn can_speak_now(host: &Element) -> bool {
    let language = language_of(host);
    let ready = registry::with(|r| {
        let ready = r.lexicon.ready(language, js_sys::Date::now());
        match ready {
            Ready::Fetch | Ready::Wait => {
                r.waiting.retain(|(h, _)| h != host);
                r.waiting.push((host.clone(), language));
            }
            Ready::Speak | Ready::FetchAgain | Ready::English => {}
        }
        if matches!(ready, Ready::Fetch | Ready::FetchAgain) {
            r.lexicon.fetching(language);
        }
        Some(ready)
    });
    match ready {
        Some(Ready::Fetch | Ready::FetchAgain) => {
            fetch(language);
            ready == Some(Ready::FetchAgain)
        }
        Some(Ready::Wait) => false,
        _ => true,
    }
}

/// Fetches `language`'s words, not through Leptos (whose executor starts
/// with the first widget); boxed as Leptos boxes its tasks, so that both
/// share one runner.
fn fetch(language: Language) {
    let task: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> =
        Box::pin(fetch_words(language));
    wasm_bindgen_futures::spawn_local(task);
}

/// Fetches and learns `language`'s words (English's when they cannot be
/// had, with a console line saying why, and again in a minute), then
/// mounts or refreshes the hosts that waited for them, and refreshes the
/// mounted ones that speak it.
async fn fetch_words(language: Language) {
    let named = registry::with(|r| {
        r.words_urls
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, url)| url.clone())
    });
    let url = named.unwrap_or_else(|| beside_code(&["words/", language.code(), ".txt"].concat()));
    let text = match web_sys::AbortController::new() {
        Ok(controller) => fetch_text(&url, TIMEOUT_MS, &controller, Cut::never())
            .await
            .ok(),
        Err(_) => None,
    };
    let learnt = registry::with(|r| {
        Some(
            r.lexicon
                .learn(language, text.as_deref(), js_sys::Date::now()),
        )
    });
    if let Some(Err(why)) = learnt {
        console_warn(&["lede: the words at ", &url, ": ", why, "; English instead"].concat());
        set_timeout(move || again(language), AGAIN);
    }
    let (waited, speaking) = registry::with(|r| {
        let mut waited = Vec::new();
        r.waiting.retain(|(h, l)| {
            let wait_over = *l == language;
            if wait_over {
                waited.push(h.clone());
            }
            !wait_over
        });
        let mut speaking: Vec<Element> = Vec::new();
        for w in &r.mounted {
            if language_of(&w.host) == language {
                speaking.push(w.host.clone());
            }
        }
        (waited, speaking)
    });
    for host in speaking {
        super::refresh_element(&host);
    }
    super::queue::admit(waited);
}

/// A minute after a words file failed: fetched again if a widget still
/// speaks its language (in English, for want of it).
fn again(language: Language) {
    let wanted = registry::with(|r| {
        let speaking = r.mounted.iter().any(|w| language_of(&w.host) == language);
        let go = speaking && r.lexicon.ready(language, js_sys::Date::now()) == Ready::FetchAgain;
        if go {
            r.lexicon.fetching(language);
        }
        go
    });
    if wanted {
        fetch(language);
    }
}
