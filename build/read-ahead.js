// Bundled into the glue by the release build (build/write-loader.sh, step 6):
// reads ahead the feeds of the widgets that start first, while the wasm is
// still downloading, so that a widget whose feeds are in shows them as it
// mounts: no skeleton drawn a frame before, no round trips through the
// browser's task queue after.
//
// lede.js preloads those feeds (or the page's <head> does) and hands their
// URLs to `readAhead` as soon as the glue is evaluated. Each is fetched as
// the widget would fetch it (the same mode and credentials, so that its
// preload answers it) and its body read whole, as the preload has
// downloaded it whole already; the wasm applies its limits to it as to any
// other (`src/net.rs`). The wasm, given `take` by lede.js, takes each
// answer once; a widget whose feed is not here, or whose read failed,
// fetches it itself, as it always does. At most the feeds of the start-up
// queue's first widgets (lede.js's `LOADING_MAX`) are read.
//
// (A .js file, not .mjs as the build's other modules: the component tests
// load it in the browser too, from a server that names only .js JavaScript.)

/** Each read, by URL; `value` set on it once it has settled (null if it failed). */
const ahead = new Map();

/** Starts reading each http(s) URL of `urls` (as `new URL()` writes it). */
export const readAhead = (urls) => {
  for (const url of urls) {
    if (ahead.has(url) || !/^https?:/.test(url)) continue;
    const read = fetch(url)
      .then(async (response) => ({ response, body: response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined }))
      .catch(() => null);
    read.then((value) => (read.value = value));
    ahead.set(url, read);
  }
};

/** Takes what was read ahead for `url`, once: `{ response, body }` (no
 * body for a status outside 2xx) when it is in, else a promise of it (of
 * null if the read failed; rejected when `signal` aborts), or undefined
 * when nothing was read: then the widget fetches the feed itself. */
export const take = (url, signal) => {
  const key = new URL(url).href;
  const read = ahead.get(key);
  ahead.delete(key);
  return (
    read &&
    (read.value ??
      new Promise((resolve, reject) => {
        read.then(resolve);
        signal.onabort = () => reject(signal.reason);
      }))
  );
};
