// Bundled into the glue by the release build (build/write-loader.sh, step 6):
// reads ahead the feeds of the widgets that start first, while the wasm is
// still downloading, so that a widget whose feeds are in shows them as it
// mounts: no skeleton drawn a frame before, no round trips through the
// browser's task queue after.
//
// lede.js preloads those feeds (or the page's <head> does) and hands their
// URLs to `readAhead` as soon as the glue is evaluated. Each is fetched as
// the widget would fetch it (the same mode and credentials, so that its
// preload answers it), and its body read up to `AHEAD` bytes: an everyday
// feed whole. The wasm, given `take` by lede.js, takes each answer once
// (`src/net.rs`) and reads on from the same reader where the read-ahead
// stopped, with its own limits (a related feed's cut, the most bytes a
// feed may have): the rest of a longer body is downloaded only as far as
// the wasm reads it. The widget's signal stops the read-ahead's request
// too (a widget gone, its timeout). A widget whose feed is not here, or
// whose read failed, fetches it itself, as it always does. At most the
// feeds of the start-up queue's first widgets (lede.js's `LOADING_MAX`)
// are read; what nobody took after `KEEP_MS` is let go of, its download
// stopped.
//
// (A .js file, not .mjs as the build's other modules: the component tests
// load it in the browser too, from a server that names only .js JavaScript.)

/** How much of a body is read ahead: a feed longer than this is shown in
 * a task after the one that reads it anyway (`core::cap::SHOWN_LATER`,
 * which build/post.test.mjs checks it against). */
export const AHEAD = 256 * 1024;
/** The most bytes a feed may have (`core::http::MAX_BODY`): a body
 * announced longer is not read; the wasm refuses it by its header. */
const MAX_BODY = 16 * 1024 * 1024;
/** How long an answer nobody took is kept: longer than the code may take
 * to arrive and start (lede.js's `LOAD_MS`, 15 s) and its widgets' words. */
const KEEP_MS = 30000;

/** Each read, by URL: a promise, with its request's `controller` and, once
 * it has settled, its `value` (null if it failed). */
const ahead = new Map();

/** Fetches `url` and reads its body up to `AHEAD` bytes: the response
 * alone when it is not 2xx (its status is what counts); with the bytes
 * read as `body`, and the `reader` to read on from if the body goes on. */
const read = async (url, signal) => {
  const response = await fetch(url, { signal });
  const reader = response.ok && !(response.headers.get("content-length") > MAX_BODY) && response.body?.getReader();
  if (!reader) return { response };
  const chunks = [];
  let size = 0;
  let step;
  while (size <= AHEAD && !(step = await reader.read()).done) {
    chunks.push(step.value);
    size += step.value.length;
  }
  const body = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    body.set(chunk, size);
    size += chunk.length;
  }
  return step.done ? { response, body } : { response, body, reader };
};

/** Starts reading each http(s) URL of `urls` (as `new URL()` writes it). */
export const readAhead = (urls) => {
  for (const url of urls) {
    if (ahead.has(url) || !/^https?:/.test(url)) continue;
    const controller = new AbortController();
    const reading = read(url, controller.signal).catch(() => null);
    reading.controller = controller;
    reading.then((value) => (reading.value = value));
    ahead.set(url, reading);
    setTimeout(() => {
      if (ahead.get(url) !== reading) return;
      controller.abort();
      ahead.delete(url);
    }, KEEP_MS);
  }
};

/** Takes what was read ahead for `url`, once: `{ response, body, reader }`
 * (see `read`) when it is in, else a promise of it (of null if the read
 * fails; rejected with `signal`'s reason when it aborts), or undefined when
 * nothing was read or the read failed: then the widget fetches the feed
 * itself. `signal` aborting stops the read-ahead's request. */
export const take = (url, signal) => {
  const key = new URL(url).href;
  const reading = ahead.get(key);
  ahead.delete(key);
  if (!reading || reading.value === null) return undefined;
  signal.addEventListener("abort", () => reading.controller.abort(), { once: true });
  return reading.value ?? reading.then((value) => (signal.aborted ? Promise.reject(signal.reason) : value));
};
