// Lede embed entry: <script type="module" src=".../lede.js"></script>.
// Everything is loaded relative to this file, not to the page, so it works
// from a CDN on another origin. The wasm download starts at once, in parallel
// with the glue, instead of after it.
const wasm = fetch(new URL("./@WASM@", import.meta.url));
// The widgets' feeds, too: a preload now, while the wasm downloads, is
// answered from the browser's preload cache when the widget asks for it.
for (const el of document.querySelectorAll("[data-lede]")) {
  for (const name of ["data-article-src", "data-related-src"]) {
    const src = el.getAttribute(name);
    if (!src) continue;
    // A source that is not a URL gets no preload: the widget says so in
    // place, and the page's other widgets still load.
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(url.protocol) || document.querySelector(`link[rel=preload][href="${CSS.escape(url.href)}"]`)) continue;
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = url.href;
    document.head.append(link);
  }
}
const glue = await import(new URL("./@GLUE@", import.meta.url).href);
// Starting the wasm mounts every [data-lede] element, now and later.
await glue.default({ module_or_path: wasm });

/** Mounts one element as a widget; returns a handle with `unmount()`. */
export const mount = glue.mount;
