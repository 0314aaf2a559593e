//! Host elements: finding `[data-lede]` elements, giving each an open shadow
//! root with the stylesheet and a widget, and unmounting the ones that leave
//! the page.

use crate::core::config::{words, Attrs, Config, Origins};
use crate::core::text::{can_speak, learn, Lang, Language, HEADING_ATTR, TEXT_ATTR_PREFIX};
use crate::core::url::SafeUrl;
use crate::dom::{beside_code, console_error, console_warn, dict, page_hidden};
use crate::net::{fetch_text, TIMEOUT_MS};
use crate::ui::widget::{Live, Widget};
use leptos::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, Document, Element, HtmlElement, MutationObserver, MutationObserverInit,
    MutationRecord, ShadowRoot,
};

/// The widget's stylesheet, compiled in: no request, no flash of unstyled
/// content, and nothing a strict `style-src` has to allow.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/lede.min.css"));

/// The selector of host elements.
const HOSTS: &str = "[data-lede]";

/// Set on a host element while it holds a widget.
const MOUNTED_ATTR: &str = "data-lede-mounted";

/// Marks the container inside a shadow root that a widget is mounted into.
const ROOT_ATTR: &str = "data-lede-root";

/// The attributes a widget follows (DESIGN §5: attributes are live), and
/// `data-lede`, which makes an element a widget. `lang` and `dir` count on
/// the host's ancestors too.
const WATCHED: [&str; 10] = [
    "data-lede",
    "data-article-src",
    "data-related-src",
    "data-media-base",
    "data-link-template",
    "data-poster-template",
    "data-theme",
    "data-heading",
    "lang",
    "dir",
];

/// Why an element could not become a widget.
#[derive(Debug, Clone, PartialEq)]
pub enum MountError {
    /// The element cannot have a shadow root (`<img>`, `<input>`, …).
    NoShadowRoot,
    /// Another copy of Lede on the page already owns it.
    Taken,
    /// The page has no document or window (not a browser page).
    NoDocument,
}

impl MountError {
    fn detail(&self) -> &'static str {
        match self {
            MountError::NoShadowRoot => {
                "lede: this element cannot hold a shadow root; use a <div data-lede>"
            }
            MountError::Taken => {
                "lede: this element already holds a widget from another copy of Lede"
            }
            MountError::NoDocument => "lede: no document to mount into",
        }
    }
}

struct Mounted {
    host: Element,
    /// The container in the shadow root, which carries `dir`, `lang` and
    /// `data-theme`.
    container: HtmlElement,
    /// What the host's attributes say, as the widget follows it.
    live: Live,
    /// Leptos's unmount handle: dropping it removes the view and disposes
    /// its reactive owner (effects, observers, timers, fetches).
    _handle: Box<dyn Any>,
}

/// How long one slice of start-up mounting may run before it gives the
/// browser back its thread (a frame, the page's timers, input), in ms.
const SLICE_MS: f64 = 12.0;

/// At most this many widgets mounted from the queue may be loading at once;
/// the next ones wait for them. Every loading widget's skeleton costs style
/// work in each frame and in each other widget's first layout, so 200 at
/// once freeze the page; a feed goes no faster for being asked early.
const LOADING_MAX: usize = 12;

/// How long a widget may hold its place among the loading ones (ms): one
/// with a slow feed does not hold back the others longer than this.
const LOADING_MS: f64 = 1000.0;

/// How long the queue waits before looking again when the loading places
/// are all taken (ms).
const WAIT_MS: u64 = 25;

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// Hosts waiting for their turn to mount, in order.
    static PENDING: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// Whether a slice of [`PENDING`] is already scheduled.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// Hosts mounted from [`PENDING`] that may still be loading, with the
    /// time they were mounted at.
    static LOADING: RefCell<Vec<(Element, f64)>> = const { RefCell::new(Vec::new()) };
    static SHEET: Option<CssStyleSheet> = make_sheet();
    /// Hosts waiting for the words of their language, which is not built
    /// in: each is mounted, or given its new language, when they come.
    static WAITING: RefCell<Vec<(Element, Language)>> = const { RefCell::new(Vec::new()) };
    /// The origins the page allows (`<meta name="lede-origins">` in its
    /// head), read once when the code starts: a later meta (one a comment
    /// could add) changes nothing.
    static ALLOWED: std::cell::OnceCell<Option<Origins>> = const { std::cell::OnceCell::new() };
}

/// Reads the page's allowlist of origins, once.
fn read_allowed(document: &Document) {
    let content = document
        .query_selector("head > meta[name=lede-origins]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"));
    let page = document
        .base_uri()
        .ok()
        .flatten()
        .and_then(|p| SafeUrl::parse(&p));
    let origins = match (content, page) {
        (Some(content), Some(page)) => {
            let (origins, bad) = Origins::parse(&content, &page);
            for word in bad {
                console_warn(
                    &[
                        "lede: <meta name=\"lede-origins\">: \"",
                        word,
                        "\" is not an origin (https://host[:port]) or self; ignored",
                    ]
                    .concat(),
                );
            }
            Some(origins)
        }
        _ => None,
    };
    ALLOWED.with(|a| {
        let _ = a.set(origins);
    });
}

fn make_sheet() -> Option<CssStyleSheet> {
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(CSS).ok()?;
    Some(sheet)
}

/// Puts the stylesheet into a shadow root: the shared constructed sheet, or,
/// in a browser without constructable stylesheets, a `<style>` element.
fn add_styles(document: &Document, root: &ShadowRoot) {
    let adopted = SHEET.with(|sheet| {
        let sheet = sheet.as_ref()?;
        js_sys::Reflect::set(
            root,
            &"adoptedStyleSheets".into(),
            &js_sys::Array::of1(sheet),
        )
        .ok()
    });
    if adopted.is_none() {
        if let Ok(style) = document.create_element("style") {
            style.set_text_content(Some(CSS));
            let _ = root.append_child(&style);
        }
    }
}

fn is_mounted(host: &Element) -> bool {
    MOUNTED.with(|m| m.borrow().iter().any(|w| &w.host == host))
}

/// The element's open shadow root and the empty container to mount into.
fn prepare(document: &Document, host: &Element) -> Result<HtmlElement, MountError> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host
            .attach_shadow(&dict(&[("mode", "open".into())]))
            .map_err(|_| MountError::NoShadowRoot)?,
    };
    let existing = root
        .query_selector(&["[", ROOT_ATTR, "]"].concat())
        .ok()
        .flatten();
    let container = match existing {
        // Ours from an earlier mount: empty once unmounted.
        Some(c) if c.first_element_child().is_none() => c,
        Some(_) => return Err(MountError::Taken),
        None if root.child_element_count() > 0 => return Err(MountError::Taken),
        None => {
            add_styles(document, &root);
            let c = document
                .create_element("div")
                .map_err(|_| MountError::NoDocument)?;
            let _ = c.set_attribute(ROOT_ATTR, "");
            let _ = c.set_attribute("class", "lede");
            root.append_child(&c).map_err(|_| MountError::NoDocument)?;
            c
        }
    };
    container
        .dyn_into::<HtmlElement>()
        .map_err(|_| MountError::NoDocument)
}

/// Reads a host's configuration from its attributes and surroundings.
fn read_config(
    document: &Document,
    host: &Element,
) -> Result<Config, (crate::core::config::ConfigError, Lang)> {
    let attr = |name: &str| host.get_attribute(name);
    let (article, related, base, template, theme) = (
        attr("data-article-src"),
        attr("data-related-src"),
        attr("data-media-base"),
        attr("data-link-template"),
        attr("data-theme"),
    );
    let posters = attr("data-poster-template");
    let lang = lang_of(host);
    let dir_set = host.closest("[dir]").ok().flatten().is_some();
    // The computed direction counts only under an explicit `dir`, and reading
    // it makes the browser compute the page's styles at once: only then.
    let computed_rtl = dir_set
        && web_sys::window()
            .and_then(|w| w.get_computed_style(host).ok().flatten())
            .and_then(|s| s.get_property_value("direction").ok())
            .is_some_and(|d| d == "rtl");
    let page = document.base_uri().ok().flatten().unwrap_or_default();
    let (heading, texts) = (attr(HEADING_ATTR), text_attrs(host));
    let allowed = ALLOWED.with(|a| a.get().and_then(Option::as_ref).cloned());
    let attrs = Attrs {
        article_src: article.as_deref(),
        related_src: related.as_deref(),
        media_base: base.as_deref(),
        link_template: template.as_deref(),
        poster_template: posters.as_deref(),
        theme: theme.as_deref(),
        lang: lang.as_deref(),
        dir_set,
        computed_rtl,
        heading: heading.as_deref(),
        texts: &texts,
        allowed: allowed.as_ref(),
    };
    match Config::from_attrs(&attrs, &page) {
        Ok(config) => Ok(config),
        // Still in the publisher's words, which say what went wrong.
        Err(e) => Err((e, words(&attrs).0)),
    }
}

/// The `lang` that a host's words follow: its own or its nearest ancestor's.
fn lang_of(host: &Element) -> Option<String> {
    host.closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
}

/// Whether `host` can speak its language now. If not, it waits for the
/// language's words (`words/<code>.txt` beside the code; lede.js has
/// preloaded them when the page had such a widget at load), which the first
/// host to wait for them fetches; then it is mounted, or refreshed, again.
fn can_speak_now(host: &Element) -> bool {
    let language = Language::from_tag(lang_of(host).as_deref().unwrap_or_default());
    if can_speak(language) {
        return true;
    }
    let first = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let first = !w.iter().any(|(_, l)| *l == language);
        w.retain(|(h, _)| h != host);
        w.push((host.clone(), language));
        first
    });
    if first {
        // Not through Leptos, whose executor starts with the first widget;
        // boxed as Leptos boxes its tasks, so that both share one runner.
        let task: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> =
            Box::pin(fetch_words(language));
        wasm_bindgen_futures::spawn_local(task);
    }
    false
}

/// Fetches and learns `language`'s words (English's when they cannot be
/// had, with a console line saying why), then mounts or refreshes the hosts
/// that waited for them.
async fn fetch_words(language: Language) {
    let url = beside_code(&["words/", language.code(), ".txt"].concat());
    let text = match web_sys::AbortController::new() {
        Ok(controller) => fetch_text(&url, TIMEOUT_MS, &controller).await.ok(),
        Err(_) => None,
    };
    if let Err(why) = learn(language, text.as_deref()) {
        console_warn(&["lede: the words at ", &url, ": ", why, "; English instead"].concat());
    }
    let ready = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let (ready, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut *w)
            .into_iter()
            .partition(|(_, l)| *l == language);
        *w = rest;
        ready
    });
    let mut new = Vec::new();
    for (host, _) in ready {
        if is_mounted(&host) {
            refresh_element(&host);
        } else {
            new.push(host);
        }
    }
    enqueue(new);
}

/// The `data-text-<key>` attributes of a host: `(name, value)`, in order.
fn text_attrs(host: &Element) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for name in host.get_attribute_names().iter() {
        if let Some(name) = name.as_string() {
            if name.starts_with(TEXT_ATTR_PREFIX) {
                if let Some(value) = host.get_attribute(&name) {
                    texts.push((name, value));
                }
            }
        }
    }
    texts
}

/// Reads a host's configuration; what the console should know of it is
/// told there (an unusable configuration, words that were not taken), and
/// an unusable one gives the language, and words, of the widget's message.
fn read_setup(document: &Document, host: &Element) -> Result<Config, Lang> {
    match read_config(document, host) {
        Ok(config) => {
            for note in &config.notes {
                console_warn(note);
            }
            Ok(config)
        }
        Err((e, lang)) => {
            console_error(&e.detail());
            Err(lang)
        }
    }
}

/// Gives the container the direction, language and theme of `setup`.
fn dress(container: &HtmlElement, setup: &Result<Config, Lang>) {
    let Ok(c) = setup else { return };
    let _ = container.set_attribute("dir", if c.rtl { "rtl" } else { "ltr" });
    let _ = container.set_attribute("data-theme", c.theme.as_str());
    let _ = if c.locale.is_empty() {
        container.remove_attribute("lang")
    } else {
        container.set_attribute("lang", &c.locale)
    };
}

/// Runs `f` with no reactive owner and no observer: a widget mounted in it
/// has a root of its own. `mount()` may be called from anywhere on the page,
/// including a `lede:ready` listener that runs inside another widget's
/// effect; `mount_to` there would make the new widget a child of that
/// effect, disposed (and its DOM callbacks left to panic) when the effect
/// runs again.
fn detached<T>(f: impl FnOnce() -> T) -> T {
    let outer = Owner::current();
    if let Some(owner) = outer.clone() {
        owner.unset();
    }
    let value = untrack(f);
    if let Some(owner) = outer {
        owner.set();
    }
    value
}

/// A test build's deliberate trap (feature `trap`, which no release has):
/// an element whose `data-lede-trap` is `mount` traps the code as it
/// mounts, and any other value set on a mounted widget traps it as the
/// change is read (in the page observer's callback, as a real bug would).
#[cfg(all(feature = "trap", target_arch = "wasm32"))]
fn trap_if_asked(host: &Element, mounting: bool) {
    match host.get_attribute("data-lede-trap").as_deref() {
        Some("mount") => core::arch::wasm32::unreachable(),
        Some(_) if !mounting => core::arch::wasm32::unreachable(),
        _ => {}
    }
}

#[cfg(not(feature = "trap"))]
fn trap_if_asked(_host: &Element, _mounting: bool) {}

/// Mounts one host element as a widget; a no-op if it already is one.
///
/// # Errors
/// [`MountError`] when the element cannot hold a widget. A bad configuration
/// is not an error here: the widget then shows a message in place.
pub fn mount_element(host: &Element) -> Result<(), MountError> {
    if is_mounted(host) || !can_speak_now(host) {
        return Ok(());
    }
    trap_if_asked(host, true);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(MountError::NoDocument)?;
    let container = prepare(&document, host)?;
    let setup = read_setup(&document, host);
    dress(&container, &setup);
    let live = Live::new(setup);
    let (widget_live, widget_host) = (live.clone(), host.clone());
    let handle = detached(|| {
        mount_to(container.clone(), move || {
            view! { <Widget live=widget_live host=widget_host /> }
        })
    });
    // For the publisher's CSS: `[data-lede]:not([data-lede-mounted])` can
    // hold the widget's room until it mounts.
    let _ = host.set_attribute(MOUNTED_ATTR, "");
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            host: host.clone(),
            container,
            live,
            _handle: Box::new(handle),
        })
    });
    Ok(())
}

/// Reads a mounted host's attributes again and gives the widget what
/// changed; a no-op for an element that is not mounted, or when nothing
/// that matters changed.
pub fn refresh_element(host: &Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let found = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .find(|w| &w.host == host)
            .map(|w| (w.container.clone(), w.live.clone()))
    });
    let Some((container, live)) = found else {
        return;
    };
    trap_if_asked(host, false);
    if !can_speak_now(host) {
        return;
    }
    let now = read_setup(&document, host);
    dress(&container, &now);
    live.set(now);
}

/// The mounted hosts that a change of attribute `name` on `target` concerns:
/// the target itself, or for `lang` and `dir` every host inside it.
fn concerned(target: &Element, name: &str) -> Vec<Element> {
    let inherited = name == "lang" || name == "dir";
    MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .filter(|w| &w.host == target || (inherited && target.contains(Some(&w.host))))
            .map(|w| w.host.clone())
            .collect()
    })
}

/// Unmounts the widget of a host element, if it has one, and cancels its
/// turn if it is still waiting for one.
pub fn unmount_element(host: &Element) {
    let _ = host.remove_attribute(MOUNTED_ATTR);
    unmount_where(&|h| h == host);
}

/// Unmounts every widget whose host has left the document.
fn sweep() {
    unmount_where(&|h| !h.is_connected());
}

/// Unmounts the widgets whose host is `gone`, and forgets such hosts that
/// wait for their turn.
fn unmount_where(gone: &dyn Fn(&Element) -> bool) {
    PENDING.with(|p| p.borrow_mut().retain(|h| !gone(h)));
    WAITING.with(|w| w.borrow_mut().retain(|(h, _)| !gone(h)));
    LOADING.with(|l| l.borrow_mut().retain(|(h, _)| !gone(h)));
    // Take them out first: dropping a handle runs cleanups, which must not
    // find the registry borrowed.
    let gone: Vec<Mounted> = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let (gone, kept) = std::mem::take(&mut *m)
            .into_iter()
            .partition(|w| gone(&w.host));
        *m = kept;
        gone
    });
    drop(gone);
}

/// Adds `el` to `found` if it is a host, and every host inside it.
fn mount_tree(el: &Element, found: &mut Vec<Element>) {
    if el.matches(HOSTS).unwrap_or(false) {
        found.push(el.clone());
    }
    if let Ok(list) = el.query_selector_all(HOSTS) {
        for i in 0..list.length() {
            if let Some(host) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                found.push(host);
            }
        }
    }
}

/// Queues hosts for mounting, the ones nearest the viewport first, and
/// mounts as many as one slice allows at once: a page with a few widgets
/// has them all mounted when this returns; the rest follow in later tasks
/// (see [`mount_pending`]).
fn enqueue(mut hosts: Vec<Element>) {
    hosts.retain(|h| !is_mounted(h));
    if hosts.is_empty() {
        return;
    }
    if hosts.len() > 1 {
        nearest_first(&mut hosts);
    }
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        for h in hosts {
            if !p.contains(&h) {
                p.push(h);
            }
        }
    });
    if !SCHEDULED.get() {
        mount_pending();
    }
}

/// Puts the hosts (in the page's order, which runs down the page) that are
/// in or below the viewport first, then the ones above it, nearest first.
/// Reading one host's position costs one layout of the page.
fn nearest_first(hosts: &mut [Element]) {
    let first = hosts
        .iter()
        .position(|h| h.get_bounding_client_rect().bottom() >= 0.0)
        .unwrap_or(hosts.len());
    if let Some(above) = hosts.get_mut(..first) {
        above.reverse();
    }
    hosts.rotate_left(first);
}

/// Whether a widget mounted from the queue may take one more place among
/// the loading ones. A widget leaves them when none of its sections is
/// loading any more (DESIGN §6's `data-state`), after [`LOADING_MS`], or
/// when it is unmounted.
fn may_load(now: f64) -> bool {
    LOADING.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|(host, at)| {
            now - at < LOADING_MS
                && host
                    .shadow_root()
                    .and_then(|r| r.query_selector("[data-state=loading]").ok().flatten())
                    .is_some()
        });
        l.len() < LOADING_MAX
    })
}

/// Runs [`mount_pending`] again in a new task after `ms`: a timer, like the
/// page's own, so that frames, input and the page's timers come in between.
fn schedule(ms: u64) {
    SCHEDULED.set(true);
    set_timeout(mount_pending, Duration::from_millis(ms));
}

/// Mounts waiting hosts until a slice's time is up or enough widgets are
/// loading, then goes on in a later task. A host that left the page, lost
/// its `data-lede`, or was mounted or unmounted explicitly before its turn
/// is skipped. A hidden page has no frames to keep, and its timers are
/// throttled: it mounts them all at once.
fn mount_pending() {
    SCHEDULED.set(false);
    let started = js_sys::Date::now();
    let hidden = page_hidden();
    while PENDING.with(|p| !p.borrow().is_empty()) {
        let now = js_sys::Date::now();
        if !hidden && now - started >= SLICE_MS {
            return schedule(0);
        }
        if !hidden && !may_load(now) {
            return schedule(WAIT_MS);
        }
        let host = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            (!p.is_empty()).then(|| p.remove(0))
        });
        let Some(host) = host else {
            return;
        };
        if host.is_connected() && host.matches(HOSTS).unwrap_or(false) && !is_mounted(&host) {
            let mounted = mount_element(&host);
            if mounted.is_ok() {
                LOADING.with(|l| l.borrow_mut().push((host, now)));
            }
            report(mounted);
        }
    }
}

fn report(result: Result<(), MountError>) {
    if let Err(e) = result {
        console_error(e.detail());
    }
}

/// The start-up: mounts every `[data-lede]` element of the page and keeps
/// watching for ones added or removed later. Many elements mount in slices,
/// the ones nearest the viewport first, so that the page never freezes; a
/// few are all mounted when this returns.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    read_allowed(&document);
    if let Some(root) = document.document_element() {
        let mut found = Vec::new();
        mount_tree(&root, &mut found);
        enqueue(found);
    }
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        let mut removed = false;
        let mut found = Vec::new();
        // Hosts whose attributes changed: read once per batch, however many
        // attributes a framework changed in one task.
        let mut changed: Vec<Element> = Vec::new();
        for record in records.iter() {
            let record: MutationRecord = record.unchecked_into();
            removed |= record.removed_nodes().length() > 0;
            if let Some(target) = record.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                match record.attribute_name() {
                    Some(name) if name == "data-lede" => mount_tree(&target, &mut found),
                    Some(name) => {
                        for host in concerned(&target, &name) {
                            if !changed.contains(&host) {
                                changed.push(host);
                            }
                        }
                    }
                    None => {}
                }
            }
            let added = record.added_nodes();
            for i in 0..added.length() {
                if let Some(el) = added.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    mount_tree(&el, &mut found);
                }
            }
        }
        if removed {
            sweep();
        }
        for host in &changed {
            refresh_element(host);
        }
        enqueue(found);
    });
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    let options: MutationObserverInit = dict(&[
        ("childList", true.into()),
        ("subtree", true.into()),
        ("attributes", true.into()),
        (
            "attributeFilter",
            WATCHED
                .iter()
                .chain(cfg!(feature = "trap").then_some(&"data-lede-trap"))
                .map(|a| JsValue::from_str(a))
                .collect::<js_sys::Array>()
                .into(),
        ),
    ]);
    if let Some(root) = document.document_element() {
        let _ = observer.observe_with_options(&root, &options);
    }
    // Both live as long as the page.
    on_change.forget();
    std::mem::forget(observer);
}

/// `mount(element)`, for lede.js: makes `element` a widget (a no-op if it
/// is one). Throws for something that is not an element, or an element
/// that cannot hold a widget. (lede.js gives the page its handle.)
#[wasm_bindgen]
pub fn mount(element: JsValue) -> Result<(), JsValue> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| js_sys::TypeError::new("lede.mount: expected an Element"))?;
    mount_element(&host).map_err(|e| js_sys::Error::new(e.detail()).into())
}

/// `unmount(element)`, for lede.js: removes the element's widget and frees
/// everything it holds, or cancels its turn if it is still waiting for one.
/// The element keeps its (now empty) shadow root and can be mounted again.
#[wasm_bindgen]
pub fn unmount(element: JsValue) {
    if let Ok(host) = element.dyn_into::<Element>() {
        unmount_element(&host);
    }
}
