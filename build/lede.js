// Lede embed entry: <script type="module" src=".../lede.js"></script>.
// Everything is loaded relative to this file, not to the page, so it works
// from a CDN on another origin. The wasm download starts at once, in parallel
// with the glue, instead of after it.
//
// Importing this module never waits for the wasm: its evaluation ends at
// once, `mount()` returns a handle at once, and `ready` settles when the code
// has started or could not load. When it cannot load (CDN down, an ad
// blocker), nothing is thrown: every widget's element gets a `lede:error`
// whose section is "load", and a `data-lede-failed` attribute, and keeps its
// fallback content.
const base = import.meta.url;
const wasm = fetch(new URL("./@WASM@", base));
// If the glue fails first, nobody awaits the wasm: not an unhandled rejection.
wasm.catch(() => {});
const HOSTS = "[data-lede]";
// The widgets' feeds, too: a preload now, while the wasm downloads, is
// answered from the browser's preload cache when the widget asks for it. A
// source that is not a URL is left to the widget, which says so in place.
// A page with many widgets gets them in slices of a few ms, each its own
// task, so that the page's own work goes on in between; an element mounted
// meanwhile fetches its feeds itself.
const preloaded = new Set([...document.querySelectorAll("link[rel=preload]")].map((l) => l.href));
const preloadOne = (url) => {
  if (!/^https?:$/.test(url.protocol) || preloaded.has(url.href)) return;
  preloaded.add(url.href);
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = url.href;
  document.head.append(link);
};
// The languages whose words are not built in: a widget in one of them
// fetches words/<code>.txt beside this file before it shows.
const WORDS = "@WORDS@".split(" ");
const preload = (els, i) => {
  for (const end = performance.now() + 8; i < els.length && performance.now() < end; i++) {
    const el = els[i];
    if (el.hasAttribute("data-lede-mounted")) continue;
    for (const name of ["data-article-src", "data-related-src"]) {
      const src = el.getAttribute(name);
      if (!src) continue;
      try {
        preloadOne(new URL(src, document.baseURI));
      } catch {}
    }
    const code = (el.closest("[lang]")?.getAttribute("lang") ?? "").trim().split(/[-_]/)[0].toLowerCase();
    if (WORDS.includes(code)) preloadOne(new URL(`./words/${code}.txt`, base));
  }
  if (i < els.length) setTimeout(preload, 0, els, i);
};
preload([...document.querySelectorAll(HOSTS)], 0);

/** Elements given to `mount()` before the wasm started: whether each should
 * end up mounted (the last call wins). */
const wanted = new Map();
let glue;
let failed;

/** Makes the element a widget (true) or not (false), once the code runs. */
const apply = (el, on) => {
  try {
    if (on) glue.mount(el);
    // A [data-lede] element may still be waiting for its turn to mount.
    else if (el.hasAttribute("data-lede-mounted") || el.matches(HOSTS)) glue.mount(el).unmount();
  } catch (e) {
    console.error(e.message);
  }
};

/** Tells each element that the code could not load. */
const fail = (els) => {
  for (const el of els) {
    el.setAttribute("data-lede-failed", "");
    el.dispatchEvent(new CustomEvent("lede:error", {
      bubbles: true,
      composed: true,
      detail: { section: "load", message: "The news widget could not be loaded." },
    }));
  }
};

/** Resolves once the wasm has started (every `[data-lede]` element is then
 * mounted; on a page with many, the farther ones follow in slices); rejects, with the reason, when the code could not load. */
export const ready = import(new URL("./@GLUE@", base).href)
  .then(async (module) => {
    // Starting the wasm mounts every [data-lede] element, now and later.
    await module.default({ module_or_path: wasm });
    glue = module;
    for (const [el, on] of wanted) apply(el, on);
    wanted.clear();
  })
  .catch((e) => {
    failed = true;
    console.error(`lede: the widget's code could not be loaded from ${new URL(".", base).href}: ${e}`);
    fail(new Set([...document.querySelectorAll(HOSTS), ...[...wanted].filter(([, on]) => on).map(([el]) => el)]));
    throw e;
  });
// A page that never looks at `ready` must not see an unhandled rejection.
ready.catch(() => {});

/** Mounts one element as a widget; returns a handle with `unmount()` at once.
 * Before the code has started, the widget mounts when it starts, unless
 * `unmount()` came first. */
export function mount(el) {
  if (glue) return glue.mount(el);
  if (!(el instanceof Element)) throw new TypeError("lede.mount: expected an Element");
  if (failed) ready.catch(() => fail([el]));
  else wanted.set(el, true);
  return {
    unmount() {
      if (glue) apply(el, false);
      else wanted.set(el, false);
    },
  };
}
