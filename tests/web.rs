//! Component tests: each mounts a component into a fresh element of a real
//! page in headless Chromium, with fixture data, and checks the DOM.
#![cfg(target_arch = "wasm32")]
// Tests may format their messages (clippy.toml refuses `format!` in the
// widget's code, for its size).
#![allow(clippy::disallowed_macros)]

use lede::core::article::parse_article;
use lede::core::error::{Feed, FeedError, Problem};
use lede::core::i18n::{Direction, Lang};
use lede::core::media::MediaKind;
use lede::core::related::{parse_related, RelatedItem};
use lede::core::slide::Slide;
use lede::core::url::{LinkTemplate, MediaBase, PosterTemplate, SafeUrl};
use lede::ui::article::ArticleSection;
use lede::ui::carousel::slide::SlideView;
use lede::ui::carousel::window::rows;
use lede::ui::live::Look;
use lede::ui::live::{Items, Links};
use lede::ui::related::RelatedSection;
use lede::ui::swap::{content, put, swap, Content};
use lede::ui::Load;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = include_str!("../demo/api/article/1855600.json");
const RELATED: &str = include_str!("../demo/api/related/1855600.json");

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh, visible container of desktop width, styled as a widget's root.
fn container() -> HtmlElement {
    if document().get_element_by_id("lede-css").is_none() {
        let style = document().create_element("style").expect("style");
        style.set_id("lede-css");
        style.set_text_content(Some(lede::mount::CSS));
        document()
            .head()
            .expect("head")
            .append_child(&style)
            .expect("append");
    }
    let el: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    el.set_class_name("lede");
    el.set_attribute("data-theme", "light").expect("attr");
    el.style().set_property("width", "1000px").expect("style");
    document()
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el
}

/// How a section speaks and reads, as a signal.
fn look(lang: Lang, locale: &str, rtl: bool) -> ReadSignal<Look> {
    signal(Look {
        lang,
        locale: locale.into(),
        dir: if rtl { Direction::Rtl } else { Direction::Ltr },
        misconfigured: false,
    })
    .0
}

async fn tick() {
    leptos::task::tick().await;
    // One more turn, for effects that schedule work of their own.
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .expect("timeout");
    });
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .expect("timer");
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name)
        .unwrap_or_else(|| panic!("no {name} on {}", el.outer_html()))
}

/// Calls `f` with every `name` event `target` hears, for the rest of the
/// test run.
fn listen(target: &Element, name: &str, f: impl FnMut(web_sys::CustomEvent) + 'static) {
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(f);
    target
        .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .expect("listen");
    listener.forget();
}

/// Records the `lede:ready` and `lede:error` events `target` hears, as
/// "type section detail" lines (the count of a ready related feed, the
/// message of an error).
fn record_events(target: &Element) -> Rc<std::cell::RefCell<Vec<String>>> {
    let seen = Rc::new(std::cell::RefCell::new(Vec::new()));
    for name in ["lede:ready", "lede:error"] {
        let log = seen.clone();
        listen(target, name, move |e: web_sys::CustomEvent| {
            let detail = e.detail();
            let field = |k: &str| {
                js_sys::Reflect::get(&detail, &k.into())
                    .ok()
                    .filter(|v| !v.is_undefined())
                    .map(|v| {
                        v.as_string()
                            .unwrap_or_else(|| format!("{}", v.as_f64().unwrap_or(-1.0)))
                    })
            };
            let extra = field("count")
                .or_else(|| field("message"))
                .unwrap_or_default();
            log.borrow_mut().push(
                format!(
                    "{} {} {extra}",
                    e.type_(),
                    field("section").unwrap_or_default()
                )
                .trim_end()
                .to_owned(),
            );
        });
    }
    seen
}

/// The seed's related items.
fn seed_items() -> Items {
    Arc::new(parse_related(RELATED).expect("seed").items)
}

/// Where slides point: the media base and the default link template.
fn links_to(base: &str) -> ReadSignal<Option<Links>> {
    let page = SafeUrl::parse("https://news.example/").expect("page");
    signal(Some(Links {
        media_base: MediaBase::new(&SafeUrl::parse(base).expect("base")),
        template: LinkTemplate::parse(LinkTemplate::DEFAULT, &page).expect("template"),
        posters: None,
    }))
    .0
}

/// The seed's media base.
fn seed_links() -> ReadSignal<Option<Links>> {
    links_to("https://media.example/uploads")
}

/// The seed's slides, as the carousel shows them.
fn seed_slides() -> Vec<Slide> {
    let base = MediaBase::new(&SafeUrl::parse("https://media.example/uploads").expect("base"));
    let page = SafeUrl::parse("https://news.example/").expect("page");
    let links = LinkTemplate::parse(LinkTemplate::DEFAULT, &page).expect("template");
    seed_items()
        .iter()
        .map(|i| Slide::new(i, &base, &links, None))
        .collect()
}

/// `n` stories, made here rather than parsed: the section shows as many
/// as it is given, past what the parser reads of one feed.
fn generated_items(n: usize) -> Items {
    Arc::new(
        (0..n)
            .map(|i| RelatedItem {
                id: i.to_string(),
                title: format!("Story {i}"),
                pic: format!("/p/{i}.jpg"),
                poster: None,
                sort: None,
                content_type_id: None,
                media: MediaKind::Image,
            })
            .collect(),
    )
}

#[wasm_bindgen_test]
async fn article_states() {
    let root = container();
    let (state, set_state) = signal(Load::Loading);
    let retries = Arc::new(AtomicUsize::new(0));
    let r = retries.clone();
    let host: Element = root.clone().unchecked_into();
    let events = record_events(&host);
    let _handle = mount_to(root.clone(), move || {
        view! {
            <ArticleSection state=state look=look(Lang::en(), "en-GB", false) on_retry=Callback::new(move |()| {
                r.fetch_add(1, Ordering::SeqCst);
            }) host=host />
        }
    });
    tick().await;
    let article = one(&root, "article[data-lede-article]");
    assert_eq!(attr(&article, "data-state"), "loading");
    assert_eq!(attr(&article, "aria-busy"), "true");
    assert_eq!(
        one(&article, ".visually-hidden").text_content().as_deref(),
        Some("Loading the article…"),
        "a loading article says so; its outline is drawn by the stylesheet"
    );
    assert!(all(&article, "h1").is_empty());

    set_state.set(Load::Article(parse_article(ARTICLE).expect("demo article")));
    tick().await;
    assert_eq!(attr(&article, "data-state"), "ready");
    assert!(article.get_attribute("aria-busy").is_none());
    assert_eq!(
        one(&article, "h1").text_content().as_deref(),
        Some("Superpowers Vow to DESTROY ISIS: Russia and the US Team up")
    );
    let time = one(&article, "time");
    assert_eq!(attr(&time, "datetime"), "2016-08-28T14:25:16Z");
    let shown = time.text_content().unwrap_or_default();
    assert!(
        shown.contains("2016") && shown.contains("August"),
        "dateline in the page's language: {shown}"
    );
    assert_eq!(
        one(&article, ".source").text_content().as_deref(),
        Some("Express")
    );
    assert_eq!(all(&article, ".body p").len(), 7);
    assert_eq!(
        *events.borrow(),
        ["lede:ready article"],
        "the page is told once it is ready"
    );

    // Another article in its place (a single-page app's next story): its
    // paragraphs replace the first's, each as text, in order.
    let next = r#"{"title": "B", "body": ["One &amp; two", "<b>not bold</b>"]}"#;
    set_state.set(Load::Article(parse_article(next).expect("article B")));
    tick().await;
    let paragraphs: Vec<_> = all(&article, ".body p")
        .iter()
        .map(|p| {
            (
                p.text_content().unwrap_or_default(),
                p.child_element_count(),
                attr(p, "dir"),
            )
        })
        .collect();
    assert_eq!(
        paragraphs,
        [
            ("One & two".to_owned(), 0, "auto".to_owned()),
            ("<b>not bold</b>".to_owned(), 0, "auto".to_owned())
        ]
    );
    assert_eq!(one(&article, "h1").text_content().as_deref(), Some("B"));
    assert!(
        all(&article, ".dateline").is_empty(),
        "no source, no date: no dateline"
    );
    assert_eq!(
        all(&article, ".story > *").len(),
        2,
        "a headline and a body, once each"
    );
    set_state.set(Load::Article(parse_article(ARTICLE).expect("demo article")));
    tick().await;
    assert_eq!(all(&article, ".body p").len(), 7);
    assert_eq!(
        all(&article, ".dateline time").len(),
        1,
        "the dateline back"
    );
    assert_eq!(all(&article, "h1").len(), 1);

    set_state.set(Load::Failed(FeedError::new(
        Feed::Article,
        Problem::Http {
            status: 500,
            retry_after_ms: None,
        },
    )));
    tick().await;
    assert_eq!(attr(&article, "data-state"), "error");
    let alert = one(&article, "[role=alert]");
    assert_eq!(
        one(&alert, "p").text_content().as_deref(),
        Some("This article could not be loaded.")
    );
    let retry: HtmlElement = one(&article, "button[data-lede-retry]").unchecked_into();
    assert_eq!(
        retry.text_content().as_deref().map(str::trim),
        Some("Retry")
    );
    retry.click();
    tick().await;
    assert_eq!(retries.load(Ordering::SeqCst), 1);
    assert_eq!(
        *events.borrow(),
        [
            "lede:ready article",
            "lede:error article This article could not be loaded."
        ]
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn article_text_is_never_html() {
    let root = container();
    let hostile = r#"{"title":"<img src=x onerror=alert(1)>T","source":"<b>S</b>","body":["<script>x()</script>","a &amp; b"]}"#;
    let article = parse_article(hostile).expect("hostile but valid");
    let _handle = mount_to(root.clone(), move || {
        view! { <ArticleSection state=signal(Load::Article(article.clone())).0 look=look(Lang::en(), "", false) on_retry=Callback::new(|()| {}) /> }
    });
    tick().await;
    assert_eq!(
        one(&root, "h1").text_content().as_deref(),
        Some("<img src=x onerror=alert(1)>T")
    );
    assert!(
        all(&root, "img, script, b").is_empty(),
        "no element came from feed text"
    );
    assert_eq!(
        one(&root, ".body p").text_content().as_deref(),
        Some("<script>x()</script>")
    );
    assert!(all(&root, "time").is_empty(), "no date, no dateline");
    root.remove();
}

#[wasm_bindgen_test]
async fn related_ready_with_the_seed() {
    let root = container();
    let items = seed_items();
    let _handle = mount_to(root.clone(), move || {
        view! { <RelatedSection state=signal(Load::Items(items.clone())).0 links=seed_links() look=look(Lang::en(), "", false) on_retry=Callback::new(|()| {}) /> }
    });
    tick().await;
    let section = one(&root, "section[data-lede-related]");
    assert_eq!(attr(&section, "data-state"), "ready");
    assert_eq!(attr(&section, "aria-roledescription"), "carousel");
    assert_eq!(attr(&section, "aria-label"), "Related stories");
    let slides = all(&section, "[data-lede-slide]");
    assert_eq!(slides.len(), 8);
    let kinds: Vec<String> = slides.iter().map(|s| attr(s, "data-media")).collect();
    assert_eq!(
        kinds,
        ["image", "image", "image", "video", "video", "image", "image", "image"]
    );
    for (i, s) in slides.iter().enumerate() {
        assert_eq!(attr(s, "role"), "group");
        assert_eq!(attr(s, "aria-roledescription"), "slide");
        assert_eq!(attr(s, "aria-label"), format!("{} of 8", i + 1));
    }
    let first_link = one(&slides[0], "a[href]");
    assert_eq!(
        attr(&first_link, "href"),
        "https://news.example/news/1855111"
    );
    assert_eq!(
        attr(&first_link, "tabindex"),
        "0",
        "the first slide is the roving tab stop"
    );
    assert_eq!(attr(&one(&slides[1], "a"), "tabindex"), "-1");
    let video = one(&slides[3], "video");
    assert!(video.has_attribute("muted") && video.has_attribute("playsinline"));
    assert!(video.unchecked_ref::<web_sys::HtmlMediaElement>().muted());
    assert!(one(&slides[3], ".visually-hidden")
        .text_content()
        .unwrap_or_default()
        .contains("Video"));
    assert!(one(&slides[3], "button.play").has_attribute("aria-label"));
    let img = one(&slides[0], "img");
    assert_eq!(
        (attr(&img, "width"), attr(&img, "height")),
        ("320".into(), "240".into())
    );
    assert_eq!(attr(&img, "alt"), "");
    assert_eq!(attr(&img, "loading"), "lazy");
    assert_eq!(attr(&img, "decoding"), "async");
    assert!(section
        .query_selector("button[data-lede-prev]")
        .expect("q")
        .is_some());
    assert_eq!(
        attr(&one(&section, "button[data-lede-prev]"), "aria-disabled"),
        "true",
        "at the start"
    );
    assert_eq!(
        attr(&one(&section, "button[data-lede-next]"), "aria-label"),
        "Next stories"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_slide_without_a_link_opens_nothing() {
    let root = container();
    // An id whose link would move up the site has none (see LinkTemplate::link).
    let items: Items = Arc::new(
        seed_items()
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, mut item)| {
                if i == 1 {
                    item.id = "..".into();
                }
                item
            })
            .collect(),
    );
    let _handle = mount_to(root.clone(), move || {
        view! { <RelatedSection state=signal(Load::Items(items.clone())).0 links=seed_links() look=look(Lang::en(), "", false) on_retry=Callback::new(|()| {}) /> }
    });
    tick().await;
    let selected = Rc::new(Cell::new(0));
    let count = selected.clone();
    let listener =
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || count.set(count.get() + 1));
    root.add_event_listener_with_callback("lede:select", listener.as_ref().unchecked_ref())
        .expect("listen");
    let tiles = all(&root, "[data-lede-slide] .tile");
    assert_eq!(tiles.len(), 8);
    let unlinked = &tiles[1];
    assert!(!unlinked.has_attribute("href"), "{}", unlinked.outer_html());
    assert_eq!(
        attr(unlinked, "tabindex"),
        "-1",
        "still a slide the arrows reach"
    );
    unlinked.unchecked_ref::<HtmlElement>().click();
    assert_eq!(selected.get(), 0, "nothing to open, nothing selected");
    // A linked tile reports its selection (the test stops the navigation).
    let linked = &tiles[0];
    let stop =
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
            e.prevent_default()
        });
    linked
        .add_event_listener_with_callback("click", stop.as_ref().unchecked_ref())
        .expect("listen");
    linked.unchecked_ref::<HtmlElement>().click();
    assert_eq!(selected.get(), 1);
    root.remove();
}

/// The related section waits for the article above it (`shown`), hidden by
/// `data-waiting`, and says it is busy only while it loads: both
/// attributes are absent, not empty, when they do not hold.
#[wasm_bindgen_test]
async fn related_waits_then_shows_and_is_busy_only_while_loading() {
    let root = container();
    let (state, set_state) = signal(Load::Loading);
    let (article_settled, settle) = signal(false);
    let shown: lede::ui::related::Shown = Arc::new(move || article_settled.get());
    let _handle = mount_to(root.clone(), move || {
        view! { <RelatedSection state=state links=seed_links() look=look(Lang::en(), "", false) on_retry=Callback::new(|()| {}) shown=shown.clone() /> }
    });
    tick().await;
    let section: HtmlElement = one(&root, "section[data-lede-related]").unchecked_into();
    assert_eq!(
        attr(&section, "data-waiting"),
        "",
        "waiting for the article"
    );
    assert_eq!(attr(&section, "aria-busy"), "true");
    assert_eq!(
        section.children().length(),
        0,
        "nothing shown while waiting"
    );

    settle.set(true);
    tick().await;
    assert!(!section.has_attribute("data-waiting"), "no longer waiting");
    assert_eq!(
        all(&section, ".track.skeleton").len(),
        1,
        "its skeleton now"
    );

    set_state.set(Load::Items(Arc::new(Vec::new())));
    tick().await;
    assert!(!section.has_attribute("aria-busy"), "not busy once loaded");
    assert_eq!(attr(&section, "data-state"), "empty");
    root.remove();
}

/// Counts, each time `host` hears `lede:ready` or `lede:error`, what it
/// shows then: its slides and its alerts.
fn shown_when_heard(host: &Element) -> Rc<std::cell::RefCell<Vec<(usize, usize)>>> {
    let seen = Rc::new(std::cell::RefCell::new(Vec::new()));
    for name in ["lede:ready", "lede:error"] {
        let (log, root) = (seen.clone(), host.clone());
        listen(host, name, move |_| {
            let count = |selector: &str| all(&root, selector).len();
            log.borrow_mut()
                .push((count("[data-lede-slide]"), count("[role=alert]")));
        });
    }
    seen
}

#[wasm_bindgen_test]
async fn related_tells_the_page_only_what_it_shows() {
    let root = container();
    let (state, set_state) = signal(Load::Loading);
    let (article_settled, settle) = signal(false);
    let shown: lede::ui::related::Shown = Arc::new(move || article_settled.get());
    let host: Element = root.clone().unchecked_into();
    let heard = shown_when_heard(&host);
    let _handle = mount_to(root.clone(), move || {
        view! { <RelatedSection state=state links=seed_links() look=look(Lang::en(), "", false) on_retry=Callback::new(|()| {}) shown=shown.clone() host=host /> }
    });
    tick().await;
    // The feed settles while the article above is still loading: the
    // section shows nothing yet, so it tells nothing yet.
    set_state.set(Load::Items(seed_items()));
    tick().await;
    assert_eq!(*heard.borrow(), [], "nothing told while waiting");
    settle.set(true);
    tick().await;
    assert_eq!(
        *heard.borrow(),
        [(8, 0)],
        "ready, heard with its 8 slides in place"
    );
    set_state.set(Load::Failed(FeedError::new(Feed::Related, Problem::Cors)));
    tick().await;
    assert_eq!(
        *heard.borrow(),
        [(8, 0), (0, 1)],
        "an error, heard with its notice in place"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_widget_gone_before_its_event_is_sent_tells_nothing() {
    use lede::ui::events::{use_section_events, Settled};
    let root = container();
    let host: Element = root.clone().unchecked_into();
    let events = record_events(&host);
    let (article, set_article) = signal::<Settled>(None);
    let (related, set_related) = signal::<Settled>(None);
    // The widget: it holds the sections and their `look`.
    let widget = Owner::new();
    // A page whose listener of the article's lede:ready unmounts the
    // widget, before the related section's event is sent.
    let gone = widget.clone();
    listen(&host, "lede:ready", move |e| {
        let section = js_sys::Reflect::get(&e.detail(), &"section".into()).ok();
        if section.and_then(|s| s.as_string()).as_deref() == Some("article") {
            gone.cleanup();
        }
    });
    let target = host.clone();
    let _handle = mount_to(root.clone(), move || {
        widget.with(|| {
            let lk = look(Lang::en(), "", false);
            use_section_events(
                Some(target.clone()),
                Feed::Article,
                Box::new(move || article.get()),
                lk,
            );
            use_section_events(
                Some(target),
                Feed::Related,
                Box::new(move || related.get()),
                lk,
            );
        });
    });
    tick().await;
    // Both settle in one task: both events are due in the same turn.
    set_article.set(Some(Ok(None)));
    set_related.set(Some(Ok(Some(3))));
    tick().await;
    assert_eq!(
        *events.borrow(),
        ["lede:ready article"],
        "none for the widget gone"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn related_loading_empty_and_error() {
    let root = container();
    let (state, set_state) = signal(Load::Loading);
    let host: Element = root.clone().unchecked_into();
    let events = record_events(&host);
    let _handle = mount_to(root.clone(), move || {
        view! { <RelatedSection state=state links=seed_links() look=look(Lang::from_tag("ar"), "", true) on_retry=Callback::new(|()| {}) host=host /> }
    });
    tick().await;
    let section: HtmlElement = one(&root, "section[data-lede-related]").unchecked_into();
    assert_eq!(attr(&section, "data-state"), "loading");
    assert_eq!(
        all(&section, ".track.skeleton").len(),
        1,
        "a skeleton track, on which the stylesheet draws tiles"
    );
    assert_eq!(attr(&section, "aria-label"), "أخبار ذات صلة");

    set_state.set(Load::Items(Arc::new(Vec::new())));
    tick().await;
    assert_eq!(attr(&section, "data-state"), "empty");
    assert_eq!(
        section.children().length(),
        0,
        "an empty feed shows nothing"
    );

    set_state.set(Load::Failed(FeedError::new(
        Feed::Related,
        Problem::Truncated {
            expected: 1578,
            actual: 900,
        },
    )));
    tick().await;
    assert_eq!(attr(&section, "data-state"), "error");
    assert_eq!(
        one(&section, "[role=alert] p").text_content().as_deref(),
        Some("تعذّر تحميل الأخبار ذات الصلة.")
    );
    assert_eq!(
        one(&section, "button[data-lede-retry]")
            .text_content()
            .as_deref()
            .map(str::trim),
        Some("إعادة المحاولة")
    );
    assert_eq!(
        *events.borrow(),
        [
            "lede:ready related 0",
            "lede:error related تعذّر تحميل الأخبار ذات الصلة."
        ],
        "the page hears each state once, with the count and the reader's message"
    );
    root.remove();
}

fn key(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&ev).expect("dispatch");
}

async fn frame() {
    tick().await;
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .request_animation_frame(&resolve)
            .expect("raf");
    });
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .expect("frame");
    tick().await;
}

fn focused_label(root: &Element) -> Option<String> {
    let active = document().active_element()?;
    if !root.contains(Some(&active)) {
        return None;
    }
    slide_label(&active)
}

#[wasm_bindgen_test]
async fn keyboard_moves_a_roving_focus() {
    for rtl in [false, true] {
        let root = container();
        let items = seed_items();
        let _handle = mount_to(root.clone(), move || {
            view! { <div dir=if rtl { "rtl" } else { "ltr" }><RelatedSection state=signal(Load::Items(items.clone())).0 links=seed_links() look=look(Lang::en(), "", rtl) on_retry=Callback::new(|()| {}) /></div> }
        });
        frame().await;
        let first: HtmlElement = one(&root, "[data-index=\"0\"] .tile").unchecked_into();
        first.focus().expect("focus");
        let on = if rtl { "ArrowLeft" } else { "ArrowRight" };
        let back = if rtl { "ArrowRight" } else { "ArrowLeft" };
        key(&first, on);
        frame().await;
        assert_eq!(focused_label(&root).as_deref(), Some("2 of 8"), "rtl={rtl}");
        assert_eq!(
            tab_stops(&root),
            ["2 of 8"],
            "exactly one slide is in the tab order"
        );
        let active = document().active_element().expect("focus");
        key(&active, "End");
        frame().await;
        assert_eq!(focused_label(&root).as_deref(), Some("8 of 8"));
        let active = document().active_element().expect("focus");
        key(&active, on);
        frame().await;
        assert_eq!(
            focused_label(&root).as_deref(),
            Some("8 of 8"),
            "no wrapping"
        );
        let active = document().active_element().expect("focus");
        key(&active, back);
        frame().await;
        assert_eq!(focused_label(&root).as_deref(), Some("7 of 8"));
        let active = document().active_element().expect("focus");
        key(&active, "Home");
        frame().await;
        assert_eq!(focused_label(&root).as_deref(), Some("1 of 8"));
        root.remove();
    }
}

/// An arrow key moves the tab stop and the track at once and focus a frame
/// later: focus taken elsewhere in between (Shift+Tab, a click) stays there,
/// and two keys in one frame end on the second key's slide.
#[wasm_bindgen_test]
async fn a_keys_focus_follows_a_frame_later_unless_focus_went_elsewhere() {
    let root = container();
    let items = seed_items();
    let _handle = mount_to(root.clone(), move || {
        view! { <button id="outside">"outside"</button><RelatedSection state=signal(Load::Items(items.clone())).0 links=seed_links() look=look(Lang::en(), "", false) on_retry=Callback::new(|()| {}) /> }
    });
    frame().await;
    let first: HtmlElement = one(&root, "[data-index=\"0\"] .tile").unchecked_into();
    first.focus().expect("focus");
    // The key, then focus leaves in the same task.
    key(&first, "ArrowRight");
    let outside: HtmlElement = one(&root, "#outside").unchecked_into();
    outside.focus().expect("focus");
    tick().await;
    assert_eq!(
        tab_stops(&root),
        ["2 of 8"],
        "the tab stop moved with the key"
    );
    frame().await;
    frame().await;
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("outside"),
        "focus stays where the reader took it"
    );
    // Two keys in one task: focus lands on the second one's slide.
    first.focus().expect("focus");
    frame().await;
    keys_in_one_task(&["ArrowRight", "ArrowRight"]).await;
    assert_eq!(focused_label(&root).as_deref(), Some("3 of 8"));
    // On and back in one task: focus stays on the slide it was on, and
    // nothing is left asking for it.
    keys_in_one_task(&["ArrowRight", "ArrowLeft"]).await;
    assert_eq!(focused_label(&root).as_deref(), Some("3 of 8"));
    assert_eq!(tab_stops(&root), ["3 of 8"]);
    root.remove();
}

/// Presses `keys` on the focused element, one after another in one task,
/// then waits for focus to land (a frame after the keys).
async fn keys_in_one_task(keys: &[&str]) {
    let active = document().active_element().expect("focus");
    for k in keys {
        key(&active, k);
    }
    frame().await;
    frame().await;
}

/// The slides whose link is in the tab order.
fn tab_stops(root: &Element) -> Vec<String> {
    all(root, "[data-lede-slide] .tile[tabindex=\"0\"]")
        .iter()
        .filter_map(slide_label)
        .collect()
}

fn slide_label(el: &Element) -> Option<String> {
    el.closest("[data-lede-slide]")
        .ok()??
        .get_attribute("aria-label")
}

/// How many views were built, and how many of their owners were cleaned
/// up since.
#[derive(Clone, Default)]
struct Lives {
    built: Arc<AtomicUsize>,
    gone: Arc<AtomicUsize>,
}

impl Lives {
    /// One view built: its owner's clean-up (the current owner's) counted
    /// when it comes.
    fn born(&self) {
        self.built.fetch_add(1, Ordering::Relaxed);
        let gone = self.gone.clone();
        on_cleanup(move || {
            gone.fetch_add(1, Ordering::Relaxed);
        });
    }

    /// (built, cleaned up).
    fn counts(&self) -> (usize, usize) {
        (
            self.built.load(Ordering::Relaxed),
            self.gone.load(Ordering::Relaxed),
        )
    }
}

#[wasm_bindgen_test]
async fn a_swapped_section_holds_only_its_latest_content() {
    let root = container();
    let (n, set_n) = signal(1u32);
    let (version, set_version) = signal(0u32);
    let lives = Lives::default();
    let l = lives.clone();
    let make = move || -> Content {
        l.born();
        match n.get() {
            0 => Box::new(()),
            n => content(view! { <p class="shown">{n}</p> <p class="also">"and"</p> }),
        }
    };
    let handle = mount_to(root.clone(), move || {
        let make = make.clone();
        move || {
            version.track();
            view! { <div class="holder" use:swap=make.clone()></div> }
        }
    });
    let text = |root: &Element| one(root, ".holder").text_content().unwrap_or_default();
    assert_eq!(text(&root), "1and");
    set_n.set(2);
    tick().await;
    assert_eq!(text(&root), "2and");
    assert_eq!(lives.counts(), (2, 1), "the first one's owner cleaned up");
    set_n.set(0);
    tick().await;
    // (The framework's empty children leave a comment in the holder.)
    assert_eq!(
        one(&root, ".holder").child_element_count(),
        0,
        "nothing shown"
    );
    assert_eq!(text(&root), "");
    set_n.set(3);
    tick().await;
    // The holder built again in its place: only the new content.
    set_version.set(1);
    tick().await;
    assert_eq!(text(&root), "3and");
    assert_eq!(all(&root, "p").len(), 2);
    drop(handle);
    let (built, gone) = lives.counts();
    assert_eq!(gone, built, "every content's owner cleaned up");
    root.remove();
}

#[wasm_bindgen_test]
async fn put_content_is_built_once_before_the_children_and_lives_with_its_owner() {
    let root = container();
    let (n, set_n) = signal(1u32);
    let (image, set_image) = signal(true);
    let (version, set_version) = signal(0u32);
    let lives = Lives::default();
    let l = lives.clone();
    let make = move || -> Content {
        l.born();
        // Read while building: the put does not track it.
        if image.get() {
            content(view! { <b class="media">{move || n.get()}</b> })
        } else {
            Box::new(())
        }
    };
    // In a reactive view, as in a slide's row: only what the view's own
    // closure reads builds it again (in place: the same element).
    let handle = mount_to(root.clone(), move || {
        let make = make.clone();
        move || {
            version.track();
            view! { <span class="box" use:put=make.clone()>" title"</span> }
        }
    });
    let held = one(&root, ".box");
    assert_eq!(
        held.inner_html(),
        "<b class=\"media\">1</b> title",
        "before the children"
    );
    set_n.set(2);
    tick().await;
    assert_eq!(
        held.text_content().unwrap_or_default(),
        "2 title",
        "its own effects run"
    );
    set_image.set(false);
    tick().await;
    assert_eq!(
        lives.counts(),
        (1, 0),
        "built once, not again for what it read"
    );
    assert_eq!(all(&held, "b").len(), 1);

    // The view updated in place: the element kept, the directive run
    // again; the old content taken out, the new one first.
    set_image.set(true);
    set_n.set(5);
    set_version.set(1);
    tick().await;
    assert!(one(&root, ".box") == held, "the same element");
    assert_eq!(lives.counts(), (2, 1));
    assert_eq!(held.inner_html(), "<b class=\"media\">5</b> title");

    drop(handle);
    assert_eq!(lives.counts(), (2, 2), "its owner cleaned up with the view");
    set_n.set(3);
    tick().await;
    assert_eq!(all(&held, "b").len(), 0, "taken out when its owner goes");
    root.remove();
}

/// `use:listen`, in a module of its own: its name is the directive's.
mod listen_directive {
    use super::*;
    use lede::ui::listen::{listen, on};

    /// An event of type `name` at `el`, made by the page (not a mouse or
    /// the keyboard); with `odd_type`, its own `type` property says that.
    fn send(el: &Element, name: &str, odd_type: Option<wasm_bindgen::JsValue>) {
        let ev = web_sys::Event::new(name).expect("event");
        if let Some(value) = odd_type {
            js_sys::Reflect::define_property(
                &ev,
                &"type".into(),
                &lede::dom::object(&[("value", value)]),
            )
            .expect("define");
        }
        el.dispatch_event(&ev).expect("dispatch");
    }

    #[wasm_bindgen_test]
    async fn one_listener_hears_each_of_its_types_until_its_owner_goes() {
        let root = container();
        let heard = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
        let (version, set_version) = signal(0u32);
        let log = heard.clone();
        // The page's uncaught errors while the test runs.
        let errors = Rc::new(Cell::new(0));
        let count = errors.clone();
        let on_error =
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || count.set(count.get() + 1));
        let window = web_sys::window().expect("window");
        window
            .add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
            .expect("listen");

        let handle = mount_to(root.clone(), move || {
            let log = log.clone();
            move || {
                let log = log.clone();
                let n = version.get();
                let hear = on(&["click", "focusin"], move |name, _| {
                    if let Ok(mut log) = log.lock() {
                        log.push(format!("{n} {name}"));
                    }
                });
                view! { <button class="b" use:listen=hear>"b"</button> }
            }
        });
        let first: HtmlElement = one(&root, ".b").unchecked_into();
        first.click();
        send(&first, "focusin", None);
        // A listened type whose event says another type, or none.
        send(&first, "click", Some("keydown".into()));
        send(&first, "click", Some(5.into()));
        assert_eq!(
            *heard.lock().expect("log"),
            ["0 click", "0 focusin"],
            "its two types, each once; neither another type nor an event whose type is no string"
        );

        // Rebuilt in place (the framework runs a directive again on the
        // same element): the new listener hears it, the old one is gone.
        set_version.set(1);
        tick().await;
        let second: HtmlElement = one(&root, ".b").unchecked_into();
        assert!(second == first, "the same element");
        second.click();
        assert_eq!(
            heard.lock().expect("log")[2..],
            ["1 click"],
            "heard once, by the new listener"
        );

        drop(handle);
        second.click();
        assert_eq!(
            heard.lock().expect("log").len(),
            3,
            "nothing heard once the view is gone"
        );
        assert_eq!(
            errors.get(),
            0,
            "no listener threw (one called after its function was freed, or reading an odd type)"
        );
        window
            .remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
            .expect("unlisten");
        root.remove();
    }
}

/// The indices of `parent`'s children (`data-i`), in order.
fn row_indices(parent: &Element) -> Vec<String> {
    all(parent, "p").iter().map(|p| attr(p, "data-i")).collect()
}

/// The `<p>` of index `i` under `parent`.
fn row(parent: &Element, i: usize) -> Element {
    one(parent, &format!("p[data-i=\"{i}\"]"))
}

#[wasm_bindgen_test]
async fn the_slide_window_keeps_the_rows_that_stay_and_puts_new_ones_in_order() {
    let root = container();
    let (window, set_window) = signal(vec![0usize, 1, 2]);
    let (version, set_version) = signal(0u32);
    let lives = Lives::default();
    let l = lives.clone();
    let row_of = move |i: usize| {
        l.born();
        view! { <p data-i=i.to_string()>{i}</p> }
    };
    let handle = mount_to(root.clone(), move || {
        let row_of = row_of.clone();
        move || {
            version.track();
            view! { <div class="rail" use:rows=(move || window.get(), row_of.clone())></div> }
        }
    });
    let rail = one(&root, ".rail");
    assert_eq!(row_indices(&rail), ["0", "1", "2"]);
    let (one_el, two_el) = (row(&rail, 1), row(&rail, 2));

    // Forwards: 0 leaves, 3 and 7 come after the rows that stay.
    set_window.set(vec![1, 2, 3, 7]);
    tick().await;
    assert_eq!(row_indices(&rail), ["1", "2", "3", "7"]);
    assert!(
        row(&rail, 1) == one_el && row(&rail, 2) == two_el,
        "the rows that stay are the same elements"
    );
    assert_eq!(lives.counts(), (5, 1), "two built, one gone with its owner");

    // New rows before, between and after the ones that stay.
    let seven = row(&rail, 7);
    set_window.set(vec![0, 2, 5, 7, 8]);
    tick().await;
    assert_eq!(row_indices(&rail), ["0", "2", "5", "7", "8"]);
    assert!(row(&rail, 2) == two_el && row(&rail, 7) == seven);
    assert_eq!(lives.counts(), (8, 3));

    // Indices out of order or repeated are skipped, never shown twice.
    set_window.set(vec![3, 3, 1, 9]);
    tick().await;
    assert_eq!(row_indices(&rail), ["3", "9"]);
    assert_eq!(lives.counts().1, 8);

    // The rail built again in its place (the carousel made anew): only
    // the new rows, the old ones gone with their owners.
    set_version.set(1);
    tick().await;
    let rail = one(&root, ".rail");
    assert_eq!(row_indices(&rail), ["3", "9"]);
    assert_eq!(all(&root, "p").len(), 2);
    assert_eq!(lives.counts().1, 10);
    set_window.set(vec![4]);
    tick().await;
    assert_eq!(row_indices(&rail), ["4"]);

    drop(handle);
    let (built, gone) = lives.counts();
    assert_eq!(gone, built, "every row's owner is cleaned up");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_huge_feed_is_virtualized() {
    let root = container();
    let items = generated_items(10_000);
    let _handle = mount_to(root.clone(), move || {
        view! { <RelatedSection state=signal(Load::Items(items.clone())).0 links=links_to("https://media.example") look=look(Lang::en(), "", false) on_retry=Callback::new(|()| {}) /> }
    });
    frame().await;
    let rendered = all(&root, "[data-lede-slide]");
    assert!(
        !rendered.is_empty() && rendered.len() < 100,
        "{} slide elements",
        rendered.len()
    );
    assert_eq!(attr(&rendered[0], "aria-label"), "1 of 10000");
    let track = one(&root, ".track");
    assert!(
        track.scroll_width() > 10_000 * 100,
        "the track keeps the whole feed's width: {}",
        track.scroll_width()
    );
    let first: HtmlElement = one(&root, "[data-index=\"0\"] .tile").unchecked_into();
    first.focus().expect("focus");
    key(&first, "End");
    for _ in 0..30 {
        frame().await;
        if focused_label(&root).as_deref() == Some("10000 of 10000") {
            break;
        }
    }
    assert_eq!(focused_label(&root).as_deref(), Some("10000 of 10000"));
    assert!(all(&root, "[data-lede-slide]").len() < 100);
    root.remove();
}

#[wasm_bindgen_test]
async fn mounts_into_a_shadow_root_and_reports_bad_configuration() {
    let host = document().create_element("div").expect("div");
    host.set_attribute("data-lede", "").expect("attr");
    host.set_attribute("data-link-template", "/news/")
        .expect("attr");
    host.set_attribute("data-related-src", "/nothing.json")
        .expect("attr");
    host.set_inner_html("<p id=fallback>Without JavaScript</p>");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    lede::mount::mount_element(&host).expect("mounts");
    tick().await;
    let shadow = host.shadow_root().expect("an open shadow root");
    let sheets = js_sys::Reflect::get(&shadow, &"adoptedStyleSheets".into()).expect("sheets");
    assert_eq!(
        js_sys::Array::from(&sheets).length(),
        1,
        "the stylesheet is adopted"
    );
    let root = shadow
        .query_selector("[data-lede-root]")
        .expect("q")
        .expect("container");
    let alert = one(&root, "[role=alert]");
    assert_eq!(
        alert.text_content().as_deref(),
        Some("This news widget is not set up correctly.")
    );
    assert!(
        all(&root, "button[data-lede-retry]").is_empty(),
        "nothing to retry"
    );
    // Mounting again is a no-op (the very message shown stays); unmounting
    // empties the root and can be undone.
    let shown = root.first_element_child();
    lede::mount::mount_element(&host).expect("no-op");
    tick().await;
    assert_eq!(root.children().length(), 1);
    assert!(
        shown.is_some() && root.first_element_child() == shown,
        "not taken down and built again"
    );
    lede::mount::unmount_element(&host);
    tick().await;
    assert_eq!(root.children().length(), 0);
    host.set_attribute("data-link-template", "/news/{id}")
        .expect("attr");
    host.remove_attribute("data-related-src").expect("attr");
    lede::mount::mount_element(&host).expect("mounts again");
    tick().await;
    assert!(
        one(&root, "[role=alert]")
            .text_content()
            .unwrap_or_default()
            .contains("not set up"),
        "no source: still a message"
    );
    lede::mount::unmount_element(&host);
    host.remove();
}

/// Counts the ways a page parses an HTML string into DOM, from now on:
/// `innerHTML` and `outerHTML` assignments, `insertAdjacentHTML` and
/// `createContextualFragment` (a page that enforces Trusted Types refuses
/// every one of them).
fn html_parses() -> u32 {
    let count = js_sys::Function::new_no_args(
        r#"
        if (window.__htmlParses === undefined) {
            window.__htmlParses = 0;
            for (const name of ["innerHTML", "outerHTML"]) {
                const d = Object.getOwnPropertyDescriptor(Element.prototype, name);
                Object.defineProperty(Element.prototype, name, {
                    configurable: true,
                    get() { return d.get.call(this); },
                    set(v) { window.__htmlParses++; d.set.call(this, v); },
                });
            }
            const count = (proto, name) => {
                const f = proto[name];
                proto[name] = function (...args) { window.__htmlParses++; return f.apply(this, args); };
            };
            count(Element.prototype, "insertAdjacentHTML");
            count(Range.prototype, "createContextualFragment");
        }
        return window.__htmlParses;
        "#,
    );
    let n = count
        .call0(&wasm_bindgen::JsValue::NULL)
        .ok()
        .and_then(|v| v.as_f64())
        .expect("the counter of HTML parses");
    n as u32
}

// Regression: Leptos renders an element whose markup is all literal from an
// HTML string, which a page enforcing Trusted Types refuses.
#[wasm_bindgen_test]
async fn no_view_parses_an_html_string() {
    let before = html_parses();
    let root = container();
    let (article, set_article) = signal(Load::Loading);
    let (related, set_related) = signal(Load::Loading);
    let _handle = mount_to(root.clone(), move || {
        view! {
            <ArticleSection state=article look=look(Lang::en(), "en", false) on_retry=Callback::new(|()| {}) />
            <RelatedSection state=related links=seed_links() look=look(Lang::en(), "", false) on_retry=Callback::new(|()| {}) />
        }
    });
    frame().await;
    assert_eq!(all(&root, ".skeleton").len(), 1, "skeletons rendered");
    set_article.set(Load::Article(parse_article(ARTICLE).expect("demo article")));
    set_related.set(Load::Items(seed_items()));
    frame().await;
    assert_eq!(all(&root, "[data-lede-slide]").len(), 8);
    assert!(!all(&root, ".thumb").is_empty() && !all(&root, "button.play").is_empty());
    set_article.set(Load::Failed(FeedError::new(
        Feed::Article,
        Problem::Http {
            status: 500,
            retry_after_ms: None,
        },
    )));
    frame().await;
    assert!(!all(&root, "[role=alert]").is_empty());
    assert_eq!(html_parses() - before, 0, "no HTML string parsed");
    // The counter counts: a parse of our own is seen.
    let probe = document().create_element("div").expect("div");
    probe.set_inner_html("<b>x</b>");
    assert_eq!(html_parses() - before, 1, "the counter sees a parse");
    root.remove();
}

async fn wait_ms(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timeout");
    });
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .expect("timer");
}

fn dispatch(target: &Element, name: &str) {
    let ev = web_sys::Event::new(name).expect("event");
    target.dispatch_event(&ev).expect("dispatch");
}

#[wasm_bindgen_test]
async fn a_slide_alone_follows_what_the_carousel_tells_it() {
    let root = container();
    let slides = seed_slides();
    let image = slides[0].clone();
    let video = slides[3].clone();
    let (current, set_current) = signal(false);
    let (near, set_near) = signal(false);
    let (focus_now, set_focus_now) = signal(false);
    let focused = Arc::new(AtomicUsize::new(0));
    let f = focused.clone();
    let _handle = mount_to(root.clone(), move || {
        let f = f.clone();
        view! {
            <div class="rail">
                <SlideView slide=image.clone() index=2 total=8 lang=Lang::en()
                    current=move || current.get() focus_now=move || focus_now.get()
                    near=move || near.get() on_focus=move || { f.fetch_add(1, Ordering::SeqCst); } />
                <SlideView slide=video.clone() index=3 total=8 lang=Lang::en()
                    current=|| false focus_now=|| false near=|| false on_focus=|| {} />
            </div>
        }
    });
    tick().await;
    let slides = all(&root, "[data-lede-slide]");
    let (image, video) = (&slides[0], &slides[1]);
    assert_eq!(attr(image, "aria-label"), "3 of 8");
    assert_eq!(attr(image, "data-media"), "image");
    assert_eq!(attr(video, "data-media"), "video");
    let tile = one(image, "a.tile");
    assert_eq!(attr(&tile, "tabindex"), "-1");
    set_current.set(true);
    tick().await;
    assert_eq!(
        attr(&tile, "tabindex"),
        "0",
        "the tab stop follows the carousel"
    );

    let img = one(image, "img");
    assert!(!img.has_attribute("src"), "no media before it may load");
    // Checked while there is no src: once there is one, the browser's own
    // error for this host (no network on CI) can come before the test's.
    assert!(
        !one(image, ".thumb").has_attribute("data-failed"),
        "no failure before an error"
    );
    set_near.set(true);
    tick().await;
    assert_eq!(
        attr(&img, "src"),
        "https://media.example/uploads/2016/08/27/alalam_636078979081121458_25f_4x3.jpg"
    );
    set_near.set(false);
    tick().await;
    assert!(img.has_attribute("src"), "once allowed, it stays");
    dispatch(&img, "error");
    tick().await;
    assert!(one(image, ".thumb").has_attribute("data-failed"));

    set_focus_now.set(true);
    tick().await;
    assert_eq!(
        document()
            .active_element()
            .and_then(|a| slide_label(&a))
            .as_deref(),
        Some("3 of 8"),
        "it takes focus when asked"
    );
    assert!(focused.load(Ordering::SeqCst) >= 1, "and says so");

    // The video's own events drive its button, never the other way round.
    let media = one(video, "video");
    assert_eq!(attr(&media, "preload"), "none");
    assert!(!media.has_attribute("src"));
    let button = one(video, "button.play");
    assert_eq!(attr(&button, "aria-pressed"), "false");
    assert_eq!(attr(&button, "aria-label"), "Play video");
    dispatch(&media, "play");
    tick().await;
    assert_eq!(attr(&button, "aria-pressed"), "true");
    assert_eq!(attr(&button, "aria-label"), "Pause video");
    dispatch(&media, "pause");
    tick().await;
    assert_eq!(attr(&button, "aria-pressed"), "false");
    // Pressing the button lets the video load at once, and asks it to play.
    button.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert_eq!(attr(&media, "preload"), "metadata");
    assert!(attr(&media, "src").ends_with(".mp4"));
    root.remove();
}

// Issue 16: a video tile near view read 150-230 KB of its clip for a first
// frame; with a poster it costs an image until the reader asks for more.
#[wasm_bindgen_test]
async fn a_video_with_a_poster_fetches_nothing_until_asked() {
    let root = container();
    let base = MediaBase::new(&SafeUrl::parse("https://media.example/up").expect("base"));
    let page = SafeUrl::parse("https://news.example/").expect("page");
    let links = LinkTemplate::parse(LinkTemplate::DEFAULT, &page).expect("template");
    let posters = PosterTemplate::parse("{path}.jpg");
    let feed = parse_related(
        r#"[{"id":"1","title":"Templated","pic":"/v/a.mp4?v=2"},
            {"id":"2","title":"Its own","pic":"/v/b.mp4","poster":"https://img.example/b.webp"},
            {"id":"3","title":"None","pic":"/v/c.mp4"}]"#,
    )
    .expect("feed");
    let slide = |i: usize, t: Option<&PosterTemplate>| Slide::new(&feed.items[i], &base, &links, t);
    let (templated, own, plain) = (
        slide(0, posters.as_ref()),
        slide(1, posters.as_ref()),
        slide(2, None),
    );
    let (near, set_near) = signal(false);
    let _handle = mount_to(root.clone(), move || {
        view! {
            <div class="rail">
                <SlideView slide=templated.clone() index=0 total=3 lang=Lang::en()
                    current=|| false focus_now=|| false near=move || near.get() on_focus=|| {} />
                <SlideView slide=own.clone() index=1 total=3 lang=Lang::en()
                    current=|| false focus_now=|| false near=move || near.get() on_focus=|| {} />
                <SlideView slide=plain.clone() index=2 total=3 lang=Lang::en()
                    current=|| false focus_now=|| false near=move || near.get() on_focus=|| {} />
            </div>
        }
    });
    tick().await;
    let slides = all(&root, "[data-lede-slide]");
    let videos: Vec<Element> = slides.iter().map(|s| one(s, "video")).collect();
    for v in &videos {
        assert!(
            !v.has_attribute("src") && !v.has_attribute("poster"),
            "nothing before near"
        );
        assert_eq!(attr(v, "preload"), "none");
    }
    set_near.set(true);
    tick().await;
    assert_eq!(
        attr(&videos[0], "poster"),
        "https://media.example/up/v/a.jpg"
    );
    assert_eq!(
        attr(&videos[1], "poster"),
        "https://img.example/b.webp",
        "its own poster wins"
    );
    for v in &videos[..2] {
        assert!(!v.has_attribute("src"), "a poster, and not a byte of video");
        assert_eq!(attr(v, "preload"), "none");
    }
    assert!(!videos[2].has_attribute("poster"));
    assert_eq!(
        attr(&videos[2], "preload"),
        "metadata",
        "no poster: its first frame"
    );
    assert_eq!(attr(&videos[2], "src"), "https://media.example/up/v/c.mp4");

    // Intent: the pointer coming in (the play is asked for, muted).
    dispatch(&slides[0], "pointerenter");
    tick().await;
    assert_eq!(
        attr(&videos[0], "src"),
        "https://media.example/up/v/a.mp4?v=2"
    );
    assert!(
        !videos[1].has_attribute("src"),
        "only the tile the reader reached for"
    );
    // The play button.
    one(&slides[1], "button.play")
        .unchecked_ref::<HtmlElement>()
        .click();
    tick().await;
    assert_eq!(attr(&videos[1], "src"), "https://media.example/up/v/b.mp4");
    assert_eq!(attr(&videos[1], "poster"), "https://img.example/b.webp");
    root.remove();
}

/// Pretends the page is hidden (`true`) or shown, as a tab switch does.
fn set_page_hidden(hidden: bool) {
    let f = js_sys::Function::new_with_args(
        "hidden",
        r#"Object.defineProperty(document, "visibilityState", { configurable: true, get: () => hidden ? "hidden" : "visible" });
           document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));"#,
    );
    f.call1(&wasm_bindgen::JsValue::NULL, &hidden.into())
        .expect("visibility");
}

/// Records the positions of `lede:view` events heard on `target`.
fn record_views(target: &Element) -> Rc<std::cell::RefCell<Vec<u32>>> {
    let seen = Rc::new(std::cell::RefCell::new(Vec::new()));
    let log = seen.clone();
    listen(target, "lede:view", move |e| {
        let position = js_sys::Reflect::get(&e.detail(), &"position".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(-1.0);
        log.borrow_mut().push(position as u32);
    });
    seen
}

// MRC viewable impressions: half a slide for one continuous second while the
// page is visible; hiding the page stops and resets the clock.
#[wasm_bindgen_test]
async fn views_count_only_while_the_page_is_visible() {
    let root = container();
    let host: Element = root.clone().unchecked_into();
    let views = record_views(&host);
    let items = seed_items();
    let _handle = mount_to(root.clone(), move || {
        view! { <RelatedSection state=signal(Load::Items(items.clone())).0 links=seed_links() look=look(Lang::en(), "", false) on_retry=Callback::new(|()| {}) /> }
    });
    frame().await;
    // Two glimpses that together make more than a second, each less: a
    // clock that went on where it stopped, instead of starting again,
    // would count a view.
    wait_ms(600).await;
    set_page_hidden(true);
    wait_ms(700).await;
    assert!(views.borrow().is_empty(), "hidden after 0.6 s: no view yet");
    set_page_hidden(false);
    wait_ms(600).await;
    assert!(
        views.borrow().is_empty(),
        "the clock started again when shown: 0.6 s is not a second"
    );
    wait_ms(600).await;
    let mut seen = views.borrow().clone();
    seen.sort_unstable();
    assert_eq!(
        seen,
        [1, 2, 3, 4],
        "the slides in view of 1000 px, once each"
    );
    root.remove();
}

/// A host element of the page on these feeds, not mounted yet.
fn host_on(article: &str, related: &str) -> Element {
    let host = document().create_element("div").expect("div");
    host.set_attribute("data-article-src", article)
        .expect("attr");
    host.set_attribute("data-related-src", related)
        .expect("attr");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

/// Mounts `host` as the page's code would; its widget's root.
fn mounted(host: &Element) -> Element {
    lede::mount::mount_element(host).expect("mounts");
    host.shadow_root()
        .and_then(|s| s.query_selector("[data-lede-root]").ok().flatten())
        .expect("container")
}

/// The `data-state` of the section `selector` finds, or "" without one.
fn state_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-state"))
        .unwrap_or_default()
}

/// Waits, a tick at a time (at most 100 ticks), until `ok()`.
async fn until(what: &str, ok: impl Fn() -> bool) {
    for _ in 0..100 {
        if ok() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for {what}");
}

// Issue 14: a framework kept the element and changed its attributes; the
// widget kept showing the old article.
#[wasm_bindgen_test]
async fn attributes_are_live() {
    let host = host_on("/missing/a1.json", "/missing/r1.json");
    let events = record_events(&host);
    let root = mounted(&host);
    let state = |sel: &str| state_of(&root, sel);
    until("both sections fail (404)", || {
        state("article") == "error" && state("section") == "error"
    })
    .await;
    let article = one(&root, "article");
    assert_eq!(events.borrow().len(), 2);

    // A new related source reloads the related section only.
    host.set_attribute("data-related-src", "/missing/r2.json")
        .expect("attr");
    lede::mount::refresh_element(&host);
    tick().await;
    until("the related section fails again", || {
        state("section") == "error"
    })
    .await;
    assert!(
        one(&root, "article").is_same_node(Some(&article)),
        "the article is the same element"
    );
    assert_eq!(
        events
            .borrow()
            .iter()
            .filter(|e| e.contains("related"))
            .count(),
        2,
        "the page hears of the related section again: {:?}",
        events.borrow()
    );
    assert_eq!(
        events
            .borrow()
            .iter()
            .filter(|e| e.contains("article"))
            .count(),
        1
    );

    // Language and direction follow, refetching nothing.
    host.set_attribute("lang", "ar").expect("attr");
    lede::mount::refresh_element(&host);
    tick().await;
    assert_eq!(attr(&root, "dir"), "rtl");
    assert_eq!(attr(&one(&root, "section"), "aria-label"), "أخبار ذات صلة");
    assert!(one(&root, "article").is_same_node(Some(&article)));
    assert_eq!(events.borrow().len(), 3, "no event for a new language");

    // No source at all: the message; one back: the widget again.
    host.remove_attribute("data-article-src").expect("attr");
    host.remove_attribute("data-related-src").expect("attr");
    lede::mount::refresh_element(&host);
    tick().await;
    assert!(all(&root, "article, section").is_empty());
    assert_eq!(
        one(&root, "[role=alert]").text_content().as_deref(),
        Some(lede::core::i18n::Text::Misconfigured.get(&Lang::from_tag("ar")))
    );
    assert!(events
        .borrow()
        .iter()
        .any(|e| e.starts_with("lede:error config")));
    host.set_attribute("data-article-src", "/missing/a2.json")
        .expect("attr");
    lede::mount::refresh_element(&host);
    tick().await;
    assert!(all(&root, "[role=alert]").len() <= 1);
    until("the new article fails", || state("article") == "error").await;
    assert!(
        all(&root, "section").is_empty(),
        "no carousel without a source"
    );
    lede::mount::unmount_element(&host);
    host.remove();
}

#[wasm_bindgen_test]
async fn words_and_numbers_in_the_widgets_language() {
    // The words that the mount code fetches from words/ beside the code.
    use lede::core::i18n::{Language, Lexicon};
    let mut lexicon = Lexicon::default();
    for (language, file) in [
        (Language::Fa, include_str!("../words/fa.txt")),
        (Language::He, include_str!("../words/he.txt")),
        (Language::Fr, include_str!("../words/fr.txt")),
    ] {
        assert_eq!(lexicon.learn(language, Some(file), 0.0), Ok(()));
    }
    let speak = |tag: &str| Lang::new(tag, &[], &lexicon).0;
    // Persian words and digits, the publisher's heading over them.
    let root = container();
    let items = seed_items();
    let (fa, notes) = Lang::new("fa-IR", &[("data-heading", "از همین نویسنده")], &lexicon);
    assert!(notes.is_empty());
    let _handle = mount_to(root.clone(), move || {
        view! { <RelatedSection state=signal(Load::Items(items.clone())).0 links=seed_links() look=look(fa, "fa-IR", true) on_retry=Callback::new(|()| {}) /> }
    });
    tick().await;
    let section = one(&root, "section[data-lede-related]");
    assert_eq!(attr(&section, "aria-label"), "از همین نویسنده");
    assert_eq!(
        one(&section, "h2").text_content().as_deref(),
        Some("از همین نویسنده")
    );
    assert_eq!(
        attr(&one(&section, "[data-lede-next]"), "aria-label"),
        "خبرهای بعدی"
    );
    let labels: Vec<String> = all(&section, "[data-lede-slide]")
        .iter()
        .map(|s| attr(s, "aria-label"))
        .collect();
    assert_eq!(labels[0], "۱ از ۸");
    assert_eq!(labels[7], "۸ از ۸");
    root.remove();

    // The browser's digits for the tag: Arabic-Indic for ar-EG, Latin when
    // the publisher asks for them; ASCII for a tag it refuses.
    for (tag, want) in [
        ("ar-EG", "١٢ من ١٠٠٠٠"),
        ("ar-EG-u-nu-latn", "12 من 10000"),
        ("fa-IR", "۱۲ از ۱۰۰۰۰"),
        ("ar-u-nu-hanidec", "一二 من 一〇〇〇〇"),
        ("he-IL", "12 מתוך 10000"),
        ("fr-CA", "12 sur 10000"),
        ("fr-!!", "12 sur 10000"),
        // The digits are learnt once per tag and kept until another tag
        // comes: back to one seen before, its own digits again.
        ("ar-EG", "١٢ من ١٠٠٠٠"),
        ("ar-EG", "١٢ من ١٠٠٠٠"),
    ] {
        assert_eq!(
            lede::ui::words::slide_label(&speak(tag), 11, 10_000),
            want,
            "{tag}"
        );
    }
}

// The browser decides what a character reference stands for; a feed's
// text must read as it would in the page's HTML (`&#146;` is `’` there).
// The browser's reading comes from an inert document of a DOMParser, never
// the page's DOM.
#[wasm_bindgen_test]
fn character_references_as_the_browser_reads_them() {
    use lede::core::entities::decode;
    let parse = js_sys::Function::new_with_args(
        "s",
        "return new DOMParser().parseFromString(`<p>${s}</p>`, 'text/html').body.textContent",
    );
    let browser = |text: &str| {
        parse
            .call1(&wasm_bindgen::JsValue::NULL, &text.into())
            .ok()
            .and_then(|v| v.as_string())
            .expect("the browser's reading")
    };
    let far = [
        0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xfffe, 0xffff, 0x1f600, 0x10ffff, 0x110000,
        99_999_999,
    ];
    let mut wrong = Vec::new();
    let mut checked = 0;
    for n in (0..0x300).chain(far) {
        for text in [format!("a&#{n};b"), format!("a&#x{n:X};b")] {
            let (ours, theirs) = (decode(&text), browser(&text));
            checked += 1;
            if ours != theirs {
                wrong.push(format!("{text}: {ours:?} against the browser's {theirs:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {checked}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!(checked, 2 * (0x300 + far.len()));
}

mod url_vectors {
    include!("vectors/url.rs");
}

/// What the browser's URL parser makes of `input` against `base`: scheme,
/// host and path, or `None` when it refuses it.
fn browser_url(input: &str, base: Option<&str>) -> Option<(String, String, String)> {
    let u = match base {
        Some(b) => web_sys::Url::new_with_base(input, b).ok()?,
        None => web_sys::Url::new(input).ok()?,
    };
    Some((u.protocol(), u.host(), u.pathname()))
}

// The browser decides where a URL goes; Lede's own reading of it must agree
// (a `/\evil.example` that Lede kept on the page's host went elsewhere).
#[wasm_bindgen_test]
fn urls_as_the_browser_reads_them() {
    use lede::core::url::MediaBase;
    use url_vectors::*;
    let page = SafeUrl::parse(PAGE).expect("page");
    let base = MediaBase::new(&SafeUrl::parse(MEDIA_BASE).expect("base"));
    let stricter = |input: &str| STRICTER.iter().any(|(s, _)| *s == input);
    let mut checked = 0;
    let mut wrong = Vec::new();
    type Table<'a> = (
        &'a str,
        &'a [(&'a str, Option<&'a str>)],
        Box<dyn Fn(&str) -> Option<SafeUrl> + 'a>,
    );
    let tables: [Table; 3] = [
        ("parse", PARSE, Box::new(SafeUrl::parse)),
        ("resolve", RESOLVE, Box::new(|r| page.resolve(r))),
        ("join", JOIN, Box::new(|p| base.join(p))),
    ];
    for (table, vectors, lede) in tables {
        for (input, want) in vectors {
            let ours = lede(input);
            assert_eq!(
                ours.as_ref().map(SafeUrl::as_str),
                *want,
                "{table} {input:?}"
            );
            match &ours {
                Some(u) => {
                    let theirs =
                        browser_url(u.as_str(), None).expect("the browser parses Lede's URL");
                    // Where Lede thinks the URL goes is where the browser sends it.
                    let origin = browser_url(u.origin(), None).expect("origin");
                    assert_eq!(
                        (&theirs.0, &theirs.1),
                        (&origin.0, &origin.1),
                        "{table} {input:?}: origin"
                    );
                    assert!(
                        theirs.0 == "https:" || theirs.0 == "http:",
                        "{table} {input:?}"
                    );
                    // And the input itself, read by the browser (joins are
                    // Lede's own rule: one slash onto the base).
                    if table != "join" {
                        let direct =
                            browser_url(input, Some(PAGE)).expect("the browser parses the input");
                        assert_eq!(direct, theirs, "{table} {input:?}: scheme, host and path");
                    }
                }
                None if table != "join" && !stricter(input) => {
                    // Refused by Lede: refused by the browser too, or not http(s).
                    let theirs = browser_url(input, Some(PAGE));
                    if !theirs
                        .as_ref()
                        .is_none_or(|(s, _, _)| s != "http:" && s != "https:")
                    {
                        wrong.push(format!("{table} {input:?}: the browser reads {theirs:?}; list it in STRICTER with a reason"));
                    }
                }
                None => {}
            }
            checked += 1;
        }
    }
    // Each input Lede refuses on purpose is one the browser would take.
    for (input, why) in STRICTER {
        let theirs = browser_url(input, Some(PAGE));
        if !theirs
            .as_ref()
            .is_some_and(|(s, _, _)| s == "http:" || s == "https:")
        {
            wrong.push(format!(
                "{input:?} ({why}) is refused by the browser as well: not stricter"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked > 80, "{checked} vectors");
}

/// Keeps the thread busy for `ms`, as a heavy section's view would.
fn busy(ms: f64) {
    let until = js_sys::Date::now() + ms;
    while js_sys::Date::now() < until {}
}

/// Sections whose feeds arrive together take turns: a run shows at least
/// two at once (one widget's article and related stories), then, once
/// it has taken a frame's worth of time, the rest wait for later tasks,
/// come in the order they asked, and all are shown.
#[wasm_bindgen_test]
async fn sections_take_turns() {
    use lede::ui::turns::in_turn;
    use std::cell::RefCell;
    // A quiet start: the last run, if a test before made one, is over.
    tick().await;
    tick().await;
    let shown = Rc::new(RefCell::new(Vec::new()));
    for i in 0..5 {
        let shown = shown.clone();
        in_turn(
            Box::new(move || {
                shown.borrow_mut().push(i);
                busy(15.0);
            }),
            false,
        );
    }
    assert_eq!(*shown.borrow(), [0, 1], "two at once, then the rest wait");
    for _ in 0..20 {
        tick().await;
    }
    assert_eq!(*shown.borrow(), [0, 1, 2, 3, 4], "all, in order");
    // A run that left the thread free long enough for a frame is over,
    // however recently it began: the next story's sections in a
    // single-page app do not wait for it.
    tick().await;
    tick().await;
    let quick = Rc::new(RefCell::new(Vec::new()));
    let show = |i: u8| {
        let quick = quick.clone();
        Box::new(move || quick.borrow_mut().push(i)) as Box<dyn FnOnce()>
    };
    in_turn(show(0), false);
    busy(5.0);
    in_turn(show(1), false);
    wait_ms(25).await;
    in_turn(show(2), false);
    assert_eq!(
        *quick.borrow(),
        [0, 1, 2],
        "shown at once, the thread free 20 ms since the run"
    );
    // A long feed's section is always shown in a task of its own.
    let later = Rc::new(Cell::new(false));
    let flag = later.clone();
    tick().await;
    tick().await;
    in_turn(Box::new(move || flag.set(true)), true);
    assert!(!later.get(), "not in the task its feed arrived in");
    tick().await;
    assert!(later.get());
}

// The feeds lede.js hands the glue to read ahead while the wasm downloads
// (build/read-ahead.js, the module the release build bundles into the
// glue), with the network stood in for by tests/fake-network.js.
#[wasm_bindgen::prelude::wasm_bindgen(module = "/build/read-ahead.js")]
extern "C" {
    #[wasm_bindgen(js_name = readAhead)]
    fn read_ahead(urls: Vec<String>);
    #[wasm_bindgen(thread_local_v2, js_name = take)]
    static TAKE: wasm_bindgen::JsValue;
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/tests/fake-network.js")]
extern "C" {
    #[wasm_bindgen(js_name = fakeNetwork)]
    fn fake_network(routes: &js_sys::Object);
    #[wasm_bindgen(js_name = answerLater)]
    fn answer_later(url: &str, status: u16, text: &str);
    #[wasm_bindgen(js_name = requestsFor)]
    fn requests_for(url: &str) -> u32;
    #[wasm_bindgen(js_name = abortedFor)]
    fn aborted_for(url: &str) -> u32;
    #[wasm_bindgen(js_name = endlessSent)]
    fn endless_sent(url: &str) -> u32;
    #[wasm_bindgen(js_name = endlessCancelled)]
    fn endless_cancelled(url: &str) -> bool;
    #[wasm_bindgen(js_name = realNetwork)]
    fn real_network();
}

/// The page's URL for `path`, as lede.js writes a feed's.
fn href(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .expect("origin");
    format!("{origin}{path}")
}

/// `fetch` answering each of `routes` (URL, then `[status, text]`, "fail"
/// or "later"), as tests/fake-network.js does.
fn routes(routes: &[(&str, wasm_bindgen::JsValue)]) {
    let object = js_sys::Object::new();
    for (url, route) in routes {
        js_sys::Reflect::set(&object, &(*url).into(), route).expect("route");
    }
    fake_network(&object);
}

fn answer(status: u16, text: &str) -> wasm_bindgen::JsValue {
    js_sys::Array::of2(&status.into(), &text.into()).into()
}

/// A widget of the page on these feeds, mounted (with the glue's `take`
/// given to the code, as lede.js gives it); its root.
fn widget_on(article: &str, related: &str) -> (Element, Element) {
    lede::net::read_ahead_from(TAKE.with(wasm_bindgen::JsValue::clone));
    let host = host_on(article, related);
    let root = mounted(&host);
    (host, root)
}

/// What `value` says once it has stopped changing (the same, above zero,
/// 100 ms apart), waiting up to 5 s.
async fn steady(value: impl Fn() -> u32) -> u32 {
    let mut last = value();
    for _ in 0..50 {
        wait_ms(100).await;
        let now = value();
        if now == last && now > 0 {
            return now;
        }
        last = now;
    }
    last
}

fn done_with(host: &Element) {
    lede::mount::unmount_element(host);
    host.remove();
    lede::net::read_ahead_from(wasm_bindgen::JsValue::UNDEFINED);
    real_network();
}

#[wasm_bindgen_test]
async fn feeds_read_ahead_are_shown_as_the_widget_mounts() {
    let (a, r) = (href("/ahead/1/article.json"), href("/ahead/1/related.json"));
    routes(&[(&a, answer(200, ARTICLE)), (&r, answer(200, RELATED))]);
    read_ahead(vec![a.clone(), r.clone()]);
    // Read: before the first mount of a test run, Leptos's `tick` cannot run.
    wait_ms(30).await;
    let (host, root) = widget_on(&a, &r);
    // In the task that mounted it: no skeleton was built first.
    assert_eq!(state_of(&root, "article"), "ready");
    assert_eq!(state_of(&root, "section"), "ready");
    assert_eq!(
        one(&root, "h1").text_content().as_deref(),
        Some("Superpowers Vow to DESTROY ISIS: Russia and the US Team up")
    );
    assert_eq!(all(&root, "[data-lede-slide]").len(), 8);
    tick().await;
    assert_eq!(
        (requests_for(&a), requests_for(&r)),
        (1, 1),
        "each feed was fetched once, by the read ahead"
    );
    done_with(&host);
}

#[wasm_bindgen_test]
async fn a_feed_read_ahead_still_coming_is_waited_for_not_fetched_again() {
    let (a, r) = (href("/ahead/2/article.json"), href("/ahead/2/related.json"));
    routes(&[(&a, "later".into()), (&r, answer(200, RELATED))]);
    read_ahead(vec![a.clone(), r.clone()]);
    let (host, root) = widget_on(&a, &r);
    assert_eq!(state_of(&root, "article"), "loading");
    tick().await;
    assert_eq!(
        state_of(&root, "article"),
        "loading",
        "the article is still coming"
    );
    answer_later(&a, 200, ARTICLE);
    until("the article is shown", || {
        state_of(&root, "article") == "ready"
    })
    .await;
    until("the carousel is shown", || {
        state_of(&root, "section") == "ready"
    })
    .await;
    assert_eq!((requests_for(&a), requests_for(&r)), (1, 1));
    done_with(&host);

    // A widget gone while its feeds are still coming: the read-ahead's
    // requests are aborted with it, and nothing is told or shown.
    let (a, r) = (href("/ahead/3/article.json"), href("/ahead/3/related.json"));
    routes(&[(&a, "later".into()), (&r, "later".into())]);
    read_ahead(vec![a.clone(), r.clone()]);
    let (host, root) = widget_on(&a, &r);
    let events = record_events(&host);
    assert_eq!((aborted_for(&a), aborted_for(&r)), (0, 0));
    lede::mount::unmount_element(&host);
    tick().await;
    assert_eq!(
        (aborted_for(&a), aborted_for(&r)),
        (1, 1),
        "the read-ahead's requests stop with their widget"
    );
    assert!(events.borrow().is_empty(), "{:?}", events.borrow());
    assert_eq!(root.children().length(), 0);
    assert_eq!((requests_for(&a), requests_for(&r)), (1, 1));
    done_with(&host);
}

#[wasm_bindgen_test]
async fn a_status_read_ahead_is_the_answer_and_a_failed_read_is_fetched_again() {
    let (a, r) = (href("/ahead/4/article.json"), href("/ahead/4/related.json"));
    routes(&[(&a, answer(404, "gone")), (&r, "fail".into())]);
    read_ahead(vec![a.clone(), r.clone()]);
    // Read: before the first mount of a test run, Leptos's `tick` cannot run.
    wait_ms(30).await;
    let (host, root) = widget_on(&a, &r);
    assert_eq!(
        state_of(&root, "article"),
        "error",
        "a 404 read ahead is shown as the mount's"
    );
    until("the widget asks for the related feed itself", || {
        requests_for(&r) == 2
    })
    .await;
    assert_eq!(requests_for(&a), 1, "a 404 is an answer: not asked again");
    done_with(&host);
}

#[wasm_bindgen_test]
async fn a_long_feed_is_read_ahead_only_so_far_and_then_only_as_far_as_its_cut() {
    let (a, r) = (href("/ahead/5/article.json"), href("/ahead/5/related.json"));
    routes(&[(&a, answer(200, ARTICLE)), (&r, "endless".into())]);
    read_ahead(vec![a.clone(), r.clone()]);
    let before = steady(|| endless_sent(&r)).await;
    assert!(
        (256 * 1024..512 * 1024).contains(&before),
        "the read-ahead stops after 256 KB (and what the stream queued): {before} B"
    );
    wait_ms(100).await;
    assert_eq!(endless_sent(&r), before, "and waits for the widget");
    let (host, root) = widget_on(&a, &r);
    until("the carousel is shown", || {
        state_of(&root, "section") == "ready"
    })
    .await;
    assert!(
        endless_cancelled(&r),
        "the widget read on to its cut, then stopped the download"
    );
    let after = endless_sent(&r);
    assert!(
        after < 1024 * 1024,
        "1,000 items of about 440 B, read once: {after} B"
    );
    assert_eq!(requests_for(&r), 1);
    done_with(&host);
}

// Regression: an element given to `mount()` (or a `<lede-widget>`) in a
// language whose words file had still to come never mounted. When the
// words came, the start-up queue took the element, which has no
// `data-lede`, for a page host whose `data-lede` had been removed, and
// skipped it.
#[wasm_bindgen_test]
async fn an_element_given_to_mount_mounts_once_its_words_come() {
    let words = lede::dom::beside_code("words/de.txt");
    let r = href("/words-wait/related.json");
    routes(&[(&words, "later".into()), (&r, answer(200, RELATED))]);
    let host = document().create_element("div").expect("div");
    host.set_attribute("lang", "de").expect("attr");
    host.set_attribute("data-related-src", &r).expect("attr");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    lede::mount::api::mount(host.clone().into()).expect("mounts");
    let related = || {
        host.shadow_root().and_then(|s| {
            s.query_selector("section[data-lede-related]")
                .ok()
                .flatten()
        })
    };
    wait_ms(100).await;
    assert!(related().is_none(), "it waits for its words");
    answer_later(&words, 200, include_str!("../words/de.txt"));
    for _ in 0..100 {
        if related()
            .and_then(|s| s.get_attribute("data-state"))
            .as_deref()
            == Some("ready")
        {
            break;
        }
        wait_ms(30).await;
    }
    let section = related().expect("mounted once its words came");
    assert_eq!(
        section.get_attribute("data-state").as_deref(),
        Some("ready")
    );
    assert_eq!(
        section.get_attribute("aria-label").as_deref(),
        Some("Mehr zum Thema"),
        "in its language"
    );
    lede::mount::unmount_element(&host);
    host.remove();
    real_network();
}

// Regression: a page whose `fetch` answered something that is not a
// `Response` (a polyfill, a mock, another frame's `fetch`) trapped the wasm,
// and so every widget on the page: gloo-net's `send` panics on it. A
// `fetch` that throws, or a body the page's wrapper already reads, trapped
// too. Each is now a failed fetch, retried as a lost network is (its
// retries take seconds: the test checks the first failure, then that the
// code still runs).
#[wasm_bindgen_test]
async fn a_pages_odd_fetch_fails_the_section_and_traps_nothing() {
    let odd_ones = [
        "throws",
        "not-a-response",
        "a-response-look-alike",
        "odd-error",
        "locked",
    ];
    for (n, odd) in odd_ones.into_iter().enumerate() {
        let (a, r) = (
            href(&format!("/odd/{n}/article.json")),
            href(&format!("/odd/{n}/related.json")),
        );
        routes(&[(&a, answer(200, ARTICLE)), (&r, odd.into())]);
        let host = host_on(&a, &r);
        let root = mounted(&host);
        until("the article is shown", || {
            state_of(&root, "article") == "ready"
        })
        .await;
        // Failed, and tried again (after about a second), as after a lost
        // network: not hung, not trapped.
        for _ in 0..100 {
            if requests_for(&r) >= 2 {
                break;
            }
            wait_ms(50).await;
        }
        assert_eq!(requests_for(&r), 2, "{odd}: failed and tried again");
        assert_eq!(state_of(&root, "section"), "loading", "{odd}: still trying");
        lede::mount::unmount_element(&host);
        host.remove();
    }
    // The code still runs: a widget on good feeds shows them.
    let (a, r) = (href("/odd/ok/article.json"), href("/odd/ok/related.json"));
    routes(&[(&a, answer(200, ARTICLE)), (&r, answer(200, RELATED))]);
    let host = host_on(&a, &r);
    let root = mounted(&host);
    until("both sections", || {
        state_of(&root, "article") == "ready" && state_of(&root, "section") == "ready"
    })
    .await;
    lede::mount::unmount_element(&host);
    host.remove();
    real_network();
}

// Regression: a fetch with no answer asks again without CORS, to tell a
// CORS refusal from a lost network; that second request ran after the
// fetch's clock had stopped, so a flaky network that left it hanging left
// the section loading for as long as the browser waited.
#[wasm_bindgen_test]
async fn the_cors_probe_runs_on_the_fetchs_clock() {
    use lede::core::cap::Cut;
    use lede::core::error::Problem;
    use lede::net::{fetch_text, FetchError};
    // Another origin than the page's, so that the probe is made.
    let url = "https://feeds.elsewhere.example/related.json";
    routes(&[(url, "fail-then-later".into())]);
    let controller = web_sys::AbortController::new().expect("controller");
    let fetch = wasm_bindgen_futures::future_to_promise(async move {
        let result = fetch_text(url, 300, &controller, Cut::never()).await;
        Ok(wasm_bindgen::JsValue::from_bool(
            result == Err(FetchError::Failed(Problem::Timeout { ms: 300 })),
        ))
    });
    let late = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_1(&resolve, 3000, &"late".into())
            .expect("timer");
    });
    let first = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(
        &fetch, &late,
    )))
    .await
    .expect("a settled race");
    assert_eq!(
        first.as_bool(),
        Some(true),
        "a timeout at 300 ms, not a wait: {first:?}"
    );
    assert_eq!(requests_for(url), 2, "the fetch and its probe");
    assert_eq!(aborted_for(url), 1, "the probe was stopped by the clock");
    real_network();
}

// Regression: a body cut off by the network (a connection dropped after
// the headers) was taken for a CORS refusal when the probe that follows a
// failure found the server there: a `cors` error, which is never retried,
// where a lost network is.
#[wasm_bindgen_test]
async fn a_body_cut_off_is_a_lost_network_not_cors() {
    use lede::core::cap::Cut;
    use lede::core::error::Problem;
    use lede::net::{fetch_text, FetchError};
    // Another origin than the page's, where a failure with no answer is probed.
    let url = "https://feeds.elsewhere.example/cut-off.json";
    routes(&[(url, "cut-off".into())]);
    let controller = web_sys::AbortController::new().expect("controller");
    let result = fetch_text(url, 3000, &controller, Cut::never()).await;
    assert!(
        matches!(result, Err(FetchError::Failed(Problem::Network { .. }))),
        "a lost network, retried: {result:?}"
    );
    assert_eq!(requests_for(url), 1, "no probe: the server had answered");
    real_network();
}

// Regression: a feed parsed and left to be shown in a later task (a long
// one, or one waiting for the browser's rest) was still shown after its
// loader had gone: when a single-page app changed the URL in between, the
// old article showed under the new URL, with its `lede:ready`.
#[wasm_bindgen_test]
async fn a_feed_shown_in_a_later_turn_is_not_shown_once_its_loader_is_gone() {
    use lede::core::error::Feed;
    use lede::core::url::SafeUrl;
    use lede::ui::feed::use_feed;
    // The loader's tasks run on Leptos's executor, which a mount starts.
    let root = container();
    let _started = mount_to(root.clone(), || ());
    // Over 256 KB: shown in the task after the one that parsed it.
    let long = "x".repeat(300 * 1024);
    for (n, goes) in [(0, false), (1, true)] {
        let url = href(&format!("/later-turn/{n}.json"));
        routes(&[(&url, answer(200, &long))]);
        let (state, set_state) = signal(Load::Loading);
        let owner = Owner::new();
        let loader = std::sync::Arc::new(send_wrapper::SendWrapper::new(owner.clone()));
        let parsed = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let parsing = parsed.clone();
        owner.with(|| {
            use_feed(
                Feed::Article,
                SafeUrl::parse(&url).expect("url"),
                move |_text| {
                    parsing.store(true, std::sync::atomic::Ordering::Relaxed);
                    if goes {
                        // Gone after this task, before the next.
                        let loader = loader.clone();
                        wasm_bindgen_futures::spawn_local(async move { loader.cleanup() });
                    }
                    parse_article(ARTICLE).map(Load::Article)
                },
                set_state,
            );
        });
        wait_ms(300).await;
        assert!(
            parsed.load(std::sync::atomic::Ordering::Relaxed),
            "parsed ({n})"
        );
        let shown = state.try_with_untracked(|s| !s.is_loading()) == Some(true);
        assert_eq!(shown, !goes, "shown only while its loader is there ({n})");
        owner.cleanup();
    }
    root.remove();
    real_network();
}
