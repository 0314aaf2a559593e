// A stand-in for the network in the component tests of the feeds read
// ahead (tests/web.rs): `fetch` answers the URLs it is given, counts every
// request, and passes the rest to the real one.
const real = globalThis.fetch;
let requests = [];
let aborted = [];
const later = new Map();
const sent = new Map();
const cancelled = new Set();

const headers = { "content-type": "application/json" };
const answer = (status, text) => new Response(text, { status, headers });

/** A related feed whose items never end, made as it is read: 16 KB a
 * chunk, each item's title 400 characters long. */
const endless = (url) => {
  let n = 0;
  sent.set(url, 0);
  const pad = "x".repeat(400);
  const stream = new ReadableStream({
    pull(controller) {
      let chunk = n === 0 ? "[" : "";
      while (chunk.length < 16384) chunk += `{"id":"${n}","title":"Story ${n++} ${pad}","pic":"/media/${n}.jpg"},`;
      const bytes = new TextEncoder().encode(chunk);
      sent.set(url, sent.get(url) + bytes.length);
      controller.enqueue(bytes);
    },
    cancel() {
      cancelled.add(url);
    },
  });
  return new Response(stream, { status: 200, headers });
};

/** From now on `fetch` answers each URL of `routes`: `[status, text]`,
 * "fail" (no answer: a lost network), "later" (see `answerLater`; an abort
 * of its signal is counted by `abortedFor`) or "endless" (see `endless`);
 * or as a page's odd `fetch` would: "throws" (at once, no promise),
 * "not-a-response" (a polyfill's look-alike object), "a-response-look-alike"
 * (made from `Response.prototype`: its getters throw), "odd-error" (a
 * rejection whose `name` throws), "locked" (a Response whose body the
 * page's wrapper is reading); "fail-then-later": no answer,
 * then "later" for the next request (a CORS probe that hangs); "cut-off":
 * an answer whose body fails after its first bytes, then `[200, "[]"]`. */
export function fakeNetwork(routes) {
  requests = [];
  aborted = [];
  globalThis.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input.url;
    const signal = init?.signal ?? input.signal;
    requests.push(url);
    const route = routes[url];
    if (route === undefined) return real(input, init);
    if (route === "fail") return Promise.reject(new TypeError("Failed to fetch"));
    if (route === "endless") return Promise.resolve(endless(url));
    if (route === "fail-then-later") {
      // The first request gets no answer; the next ones wait, as "later".
      routes[url] = "later";
      return Promise.reject(new TypeError("Failed to fetch"));
    }
    if (route === "cut-off") {
      // Headers and the first bytes come; then the connection drops. Any
      // later request is answered (as a server that is there would).
      routes[url] = [200, "[]"];
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('[{"id":"1","title":"A story"},'));
        },
        pull(controller) {
          controller.error(new TypeError("network error"));
        },
      });
      return Promise.resolve(new Response(stream, { status: 200, headers }));
    }
    if (route === "throws") throw new TypeError("this page's fetch throws");
    if (route === "not-a-response") return Promise.resolve({ ok: true, status: 200, headers: new Headers(), body: null, text: async () => "[]" });
    if (route === "a-response-look-alike") return Promise.resolve(Object.create(Response.prototype));
    if (route === "odd-error") return Promise.reject(Object.assign(new Error(), { get name() { throw new Error("no name"); } }));
    if (route === "locked") {
      const response = answer(200, "[]");
      response.body.getReader();
      return Promise.resolve(response);
    }
    if (route === "later") {
      return new Promise((resolve, reject) => {
        later.set(url, resolve);
        signal?.addEventListener("abort", () => {
          aborted.push(url);
          reject(signal.reason);
        });
      });
    }
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

/** How many of them were aborted while they waited. */
export function abortedFor(url) {
  return aborted.filter((u) => u === url).length;
}

/** How many bytes of the endless feed at `url` were made, and whether its
 * reader was cancelled. */
export function endlessSent(url) {
  return sent.get(url) ?? 0;
}
export function endlessCancelled(url) {
  return cancelled.has(url);
}

/** The real network again. */
export function realNetwork() {
  globalThis.fetch = real;
}
