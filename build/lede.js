// Lede embed entry: <script type="module" src=".../lede.js"></script>.
// Everything is loaded relative to this file, not to the page, so it works
// from a CDN on another origin. The wasm download starts at once, in parallel
// with the glue, instead of after it.
const wasm = fetch(new URL("./@WASM@", import.meta.url));
const glue = await import(new URL("./@GLUE@", import.meta.url).href);
// Starting the wasm mounts every [data-lede] element, now and later.
await glue.default({ module_or_path: wasm });

/** Mounts one element as a widget; returns a handle with `unmount()`. */
export const mount = glue.mount;
