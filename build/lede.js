// Lede embed entry: <script type="module" src=".../lede.js"></script>.
// Everything is loaded relative to this file, not to the page, so it works
// from a CDN on another origin. The wasm download starts at once, in parallel
// with the glue, instead of after it.
//
// Importing this module never waits for the wasm: its evaluation ends at
// once, `mount()` returns a handle at once, and `ready` settles when the code
// has started or could not load. When it cannot load (CDN down, an ad
// blocker, or nothing within 15 s), nothing is thrown: every widget's
// element gets a `lede:error` whose section is "load", and a
// `data-lede-failed` attribute, and keeps its fallback content.
//
// If the code ever traps (a bug: input cannot reach one), every widget's
// element gets a `lede:error` whose section is "crash", and the code is
// started again from a fresh instance, which mounts every widget again; a
// few times per page at most, then the widgets show their fallback content.
//
// It also defines <lede-widget>, a custom element with the same attributes
// without their `data-`, which mounts itself wherever it is (inside another
// component's shadow root too).
//
// Without a DOM (a server render importing the package), it does nothing.
const HOSTS = "[data-lede],lede-widget";
const MOUNTED = "data-lede-mounted";
const FAILED = "data-lede-failed";
/** How long the code may take to arrive and start. */
const LOAD_MS = 15000;
/** How many times the code is started again after a trap. */
const RESTARTS = 3;
/** How many widgets load at once at start (the wasm's start-up queue). */
const LOADING_MAX = 12;

// A browser: not a server render (no document), nor a unit test's
// stand-in DOM (jsdom, as Jest and Vitest give apps, or a server render's
// own, as Angular's), which has no IntersectionObserver. There, importing
// does nothing.
const browser = typeof document === "object" && typeof IntersectionObserver === "function";
// Written as bundlers read them (`new URL("./…", import.meta.url)`), so that
// one building an app with this package copies the glue, the wasm and the
// words files into its output and names them here.
const glueUrl = new URL("./@GLUE@", import.meta.url).href;
const wasmUrl = new URL("./@WASM@", import.meta.url).href;
// The languages whose words are not built in, and where their files are: a
// widget in one of them fetches its language's file before it shows.
const WORDS = "@WORDS@".split(" ");
const words = Object.fromEntries(WORDS.map((code) => [code, new URL(`./words/${code}.txt`, import.meta.url).href]));

/** The compiled wasm, once (a restart instantiates it again), fetched when
 * the first widget is near enough to start. A server that does not send
 * `application/wasm` still gets it compiled, from bytes. */
const abortWasm = browser && new AbortController();
let compiled;
const compile = () =>
  (compiled ??= fetch(wasmUrl, { signal: abortWasm.signal }).then((r) => {
    if (!r.ok) throw Error(`HTTP ${r.status} for ${wasmUrl}`);
    return /^application\/wasm\b/.test(r.headers.get("content-type")) ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then((b) => WebAssembly.compile(b));
  }));

// The feeds of the widgets that load first, too: a preload, while the wasm
// downloads, is answered from the browser's preload cache when the glue
// reads it ahead (or, without a glue that does, when the widget asks for
// it). Only as many as the start-up queue loads at once, nearest
// the viewport first, as it orders them; the rest fetch their feeds when
// their turn comes. A source that is not a URL is left to the widget, which
// says so in place.
const preloaded = browser ? new Set([...document.querySelectorAll("link[rel=preload]")].map((l) => l.href)) : new Set();
/** Adds a preload link for `url` to `links`, unless it is not http(s) or
 * already asked. */
const preloadLink = (links, url) => {
  if (!/^https?:$/.test(url.protocol) || preloaded.has(url.href)) return;
  preloaded.add(url.href);
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  // "" is anonymous, as the recipe's bare `crossorigin` attribute.
  link.crossOrigin = "";
  link.href = url.href;
  links.push(link);
};
/** An attribute of a widget's element, named as its form names it. */
const attr = (el, name) => el.getAttribute(el.localName === "lede-widget" ? name : `data-${name}`);
/** Whether an element starts now: within a viewport and a half of the
 * viewport (the wasm's `core::queue::near`), or asked to
 * (`data-loading="eager"`). Farther, neither the code nor its feeds are
 * fetched until the reader scrolls near it. The margin is written out
 * (1.5 viewports: below the viewport's bottom at 2.5 heights from its
 * top), as in the observer's `rootMargin` below, 150 %: a shared constant
 * cost `lede.js` bytes. */
const near = (el) => {
  if (attr(el, "loading")?.trim().toLowerCase() === "eager") return true;
  const r = el.getBoundingClientRect();
  const h = innerHeight;
  return h <= 0 || !(r.top > 2.5 * h || r.bottom < -1.5 * h);
};
/** The feeds preloaded for the widgets that start first, which the glue
 * reads ahead as soon as it is evaluated (build/read-ahead.js). */
const feeds = [];
/** The attributes a `<lede-widget>` follows where the page's observer may
 * not see it (inside another component's shadow root): each `data-`
 * attribute of a `[data-lede]` element, without `data-`. The first two
 * are the feeds, which `preloadFor` preloads. */
const ATTRIBUTES = ["article-src", "related-src", "media-base", "link-template", "poster-template", "theme", "heading", "lang", "dir"];

/** Preloads what the widgets that start now need: in page order, the ones
 * in or below the viewport first, then the ones above it, nearest first
 * (the start-up queue's order). The links go into the head in one append,
 * one change to the document instead of one a feed. */
const preloadFor = (els) => {
  const first = els.findIndex((el) => el.getBoundingClientRect().bottom >= 0);
  const ordered = first < 0 ? els.reverse() : [...els.slice(first), ...els.slice(0, first).reverse()];
  const links = [];
  ordered.forEach((el, i) => {
    if (i < LOADING_MAX) {
      for (const name of ATTRIBUTES.slice(0, 2)) {
        const src = attr(el, name);
        if (!src) continue;
        try {
          const url = new URL(src, document.baseURI);
          preloadLink(links, url);
          feeds.push(url.href);
        } catch {}
      }
    }
    const code = (el.closest("[lang]")?.getAttribute("lang") ?? "").trim().split(/[-_]/)[0].toLowerCase();
    if (Object.hasOwn(words, code)) preloadLink(links, new URL(words[code]));
  });
  document.head.append(...links);
};

/** Elements given to `mount()`: whether each should be a widget (the last
 * call wins), kept across restarts while they are in the page. */
const wanted = new Map();
/** The glue module of the instance starting or running, and the one that
 * runs (set once it has started). */
let current;
let glue;
/** Why the code is not running, for good: a `fail` section and message. */
let failed;
let restarts = 0;
let settle;

/** Makes the element a widget (true) or not (false), when the code runs. */
const apply = (el, on) => {
  if (!glue) return;
  try {
    if (on) glue.mount(el);
    else glue.unmount(el);
  } catch (e) {
    // A trap is handled by `crashed`; anything else is the element's fault.
    if (glue) console.error(`lede: ${e.message ?? e}`);
  }
};

/** Tells each element something of its widget, as a `lede:error`. */
const tell = (els, section, message) => {
  for (const el of els) {
    el.dispatchEvent(new CustomEvent("lede:error", { bubbles: true, composed: true, detail: { section, code: section, message } }));
  }
};

/** The elements that are widgets, or should be. */
const hosts = () => new Set([...document.querySelectorAll(`${HOSTS},[${MOUNTED}]`), ...[...wanted].filter(([, on]) => on).map(([el]) => el)]);

/** Gives each element its fallback content back, for good; but not one
 * that is a widget (this copy's are no longer when it fails): one another
 * copy of Lede on the page mounted stays its. */
const fail = (all, section, message) => {
  const els = [...all].filter((el) => !el.hasAttribute(MOUNTED));
  for (const el of els) {
    el.setAttribute(FAILED, "");
    // A shadow root hides the element's own content; a slot shows it.
    el.shadowRoot?.replaceChildren(document.createElement("slot"));
  }
  tell(els, section, message);
};

/** Starts the code: a new instance of the glue module (`fragment` makes
 * another one, from the same cached file) on the compiled wasm, then the
 * widgets: every [data-lede] element, now and later, and the elements given
 * to `mount()` (every <lede-widget> is). */
const start = async (fragment) => {
  // The wasm downloads beside the glue, not a round trip after it.
  // The glue, as the release build bundles it, also warms the browser's
  // date and number formatting while the wasm downloads
  // (build/warm-intl.mjs).
  // The glue reads ahead the first widgets' feeds while the wasm downloads
  // (once: a restart's widgets fetch their own).
  const [module, wasm] = await Promise.all([import(glueUrl + fragment).then((m) => (m.readAhead?.(feeds.splice(0)), m)), compile()]);
  if (failed) return;
  current = module;
  module.onTrap?.((e) => crashed(module, e));
  // The module is compiled already: instantiating it is the glue's
  // synchronous `initSync` (its async `default` also fetches and compiles,
  // which lede.js does itself, and is left out of the bundle).
  module.initSync({ module: wasm });
  module.start(words, module.take);
  glue = module;
  for (const [el, on] of wanted) apply(el, on);
  settle.resolve();
};

/** Starts an instance: the first (`n` 0) or the `n`th restart. One that
 * cannot load, or has not started within 15 s, ends in `give`, once, and
 * only while it is the latest attempt (one that trapped as it started
 * has been handled by `crashed` already, which counted it). */
const launch = (n, give) => {
  const over = (e) => n === restarts && !glue && !failed && give(e);
  setTimeout(() => over(Error("nothing within 15 s")), LOAD_MS);
  start(n ? `#restart-${n}` : "").catch(over);
};

/** The code trapped: the instance that did is dead (the guard in its glue
 * makes every later call into it do nothing). Each widget is told, its
 * remains cleared, and a fresh instance mounts them all again. */
const crashed = (module, error) => {
  if (module !== current) return;
  current = glue = undefined;
  const els = hosts();
  for (const el of els) {
    el.removeAttribute(MOUNTED);
    el.shadowRoot?.replaceChildren();
  }
  if (++restarts > RESTARTS) return stop(error);
  console.error(`lede: the widget's code stopped (${error}); starting it again`);
  tell(els, "crash", "The news widget stopped working; it is starting again.");
  // A restart that cannot load (the network gone since) leaves the widgets
  // their fallback content, not blank.
  launch(restarts, stop);
};

/** The code stopped for good: every widget, and every later `mount()`,
 * shows its fallback content. */
const stop = (error) => {
  console.error(`lede: the widget's code stopped (${error}); showing the fallback`);
  failed = ["crash", "The news widget stopped working."];
  fail(hosts(), ...failed);
  settle.reject(error);
};

/** The code did not come, or not in time: every widget keeps its fallback. */
const loadFailed = (e) => {
  failed = ["load", "The news widget could not be loaded."];
  abortWasm.abort();
  console.error(`lede: the widget's code could not be loaded from ${new URL(".", glueUrl).href}: ${e}`);
  fail(hosts(), ...failed);
  settle.reject(e);
};

/** Resolves once the wasm has started (every `[data-lede]` element is then
 * mounted; on a page with many, the farther ones follow in slices); rejects,
 * with the reason, when the code could not load. */
export const ready = new Promise((resolve, reject) => {
  if (browser) settle = { resolve, reject };
});
// A page that never looks at `ready` must not see an unhandled rejection.
ready.catch(() => {});
/** The page's widgets as its HTML has them, when lede.js runs: the only
 * ones whose feeds are preloaded and read ahead. A widget added later (an
 * app's) fetches its feeds itself, so that its own fetch is the only one.
 * Let go of once the code starts, so that an element the
 * page removes is not kept alive here. */
let inHtml = browser ? [...document.querySelectorAll(HOSTS)] : [];

/** Starts the code, once: when the first widget is near enough. */
let begun;
const begin = () => {
  if (begun || !browser) return;
  begun = true;
  lazily?.disconnect();
  // The wasm's request first: on a first visit it is the longest download,
  // and each request this task makes (the feeds' preloads, the glue) costs
  // the main thread some milliseconds before the next one leaves. `start`
  // takes this same request and handles its failure.
  compile();
  try {
    // A page with an allowlist of origins (a site with users' markup)
    // gets no preloads: a widget from a comment would have the reader's
    // browser ask its feeds' origin before the code had refused it. Only
    // the <head>'s counts, as for the wasm (a comment's markup lands in the
    // body); `[name=…]` there is its <meta>, the only element of the head
    // with a name (shorter than the wasm's `head > meta[…]`, by bytes this
    // file did not have).
    document.head.querySelector("[name=lede-origins]") || preloadFor(inHtml.filter((el) => el.isConnected && near(el)));
  } catch {
    // A page odd enough to break a preload (no <head>, a lang of
    // "constructor") still gets its widgets: they fetch their own feeds.
  }
  inHtml = [];
  launch(0, loadFailed);
};

/** Until the code starts: the widgets far from view, watched until the
 * reader scrolls near one (then the code starts, and the wasm's own queue
 * watches the rest), and the page, for widgets added meanwhile. */
let lazily;
const watch = (el) => (near(el) ? begin() : lazily?.observe(el));
if (browser) {
  if (inHtml.some(near)) begin();
  else {
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && begin(), { rootMargin: "150% 0px" });
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n instanceof Element) [n, ...n.querySelectorAll(HOSTS)].filter((el) => el.matches(HOSTS)).forEach(watch);
        }
      }
    });
    lazily = { observe: (el) => io.observe(el), disconnect: () => (io.disconnect(), mo.disconnect()) };
    inHtml.forEach((el) => io.observe(el));
    mo.observe(document, { childList: true, subtree: true });
  }
}

/** Mounts one element as a widget; returns a handle with `unmount()` at once.
 * Before the code has started, the widget mounts when it starts, unless
 * `unmount()` came first. */
export function mount(el) {
  if (!browser) return { unmount() {} };
  if (!(el instanceof Element)) throw TypeError("lede.mount: expected an Element");
  // Once the code runs (or cannot), an element out of the page that is no
  // widget (the code unmounts one taken out) is forgotten here too: a
  // single-page app mounts one per story, and the map held each, with all
  // it showed, for good. One mounted while out of the page is kept.
  if (glue || failed) for (const [other] of wanted) other.isConnected || other.hasAttribute(MOUNTED) || wanted.delete(other);
  wanted.set(el, true);
  if (failed) fail([el], ...failed);
  else if (glue) apply(el, true);
  else if (!begun) watch(el);
  return {
    unmount() {
      wanted.set(el, false);
      apply(el, false);
    },
  };
}

if (browser && typeof customElements === "object" && !customElements.get("lede-widget")) {
  customElements.define(
    "lede-widget",
    class extends HTMLElement {
      static observedAttributes = ATTRIBUTES;
      connectedCallback() {
        // A microtask later: a framework that inserts the element first and
        // sets its attributes after (Angular), in the same task, gets a
        // widget with its attributes, not a misconfiguration to report.
        queueMicrotask(() => this.isConnected && mount(this));
      }
      disconnectedCallback() {
        // Moved, not removed, if it is back by the next microtask. Removed,
        // it is forgotten (not kept as unwanted: a single-page app makes
        // one per story), and mounted again if it is put back.
        queueMicrotask(() => {
          if (!this.isConnected) {
            wanted.delete(this);
            apply(this, false);
          }
        });
      }
      attributeChangedCallback() {
        if (glue) {
          try {
            glue.refresh(this);
          } catch {}
        }
      }
    },
  );
}
