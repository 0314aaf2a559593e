// A stand-in for the network in the component tests of the feeds read
// ahead (tests/web.rs): `fetch` answers the URLs it is given, counts every
// request, and passes the rest to the real one.
const real = globalThis.fetch;
let requests = [];
const later = new Map();

const answer = (status, text) => new Response(text, { status, headers: { "content-type": "application/json" } });

/** From now on `fetch` answers each URL of `routes`: `[status, text]`,
 * "fail" (no answer: a lost network) or "later" (see `answerLater`). */
export function fakeNetwork(routes) {
  requests = [];
  globalThis.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input.url;
    requests.push(url);
    const route = routes[url];
    if (route === undefined) return real(input, init);
    if (route === "fail") return Promise.reject(new TypeError("Failed to fetch"));
    if (route === "later") return new Promise((resolve) => later.set(url, resolve));
    return Promise.resolve(answer(route[0], route[1]));
  };
}

/** Answers the request for `url` that waits. */
export function answerLater(url, status, text) {
  later.get(url)?.(answer(status, text));
  later.delete(url);
}

/** How many requests were made for `url` since `fakeNetwork`. */
export function requestsFor(url) {
  return requests.filter((u) => u === url).length;
}

/** The real network again. */
export function realNetwork() {
  globalThis.fetch = real;
}
