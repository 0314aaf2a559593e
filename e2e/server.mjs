// The end-to-end tests' web server: serves dist/ like a static host (with
// Range requests for video, and a log of each request), plus feeds that
// fail in every way a feed can (docs/feeds.md), publisher pages on a second origin, and
// pages under a strict CSP. No dependencies.
//
//   node e2e/server.mjs [port] [publisherPort]   (LEDE_E2E_PORT sets the default port)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { preloadHtml, reserveCss } from "./readme.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// LEDE_DIST=dist-stable serves the stable-flag build instead.
const dist = join(here, "..", process.env.LEDE_DIST ?? "dist");
// The test build with a deliberate trap (TRAP=1 build/dist.sh), under /trap/.
const distTrap = join(here, "..", "dist-trap");
const pages = join(here, "pages");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".mp4": "video/mp4",
  ".txt": "text/plain; charset=utf-8",
};

/** Per-path log of requests: { path, status, bytes, range, aborted, at }
 * (`at`: when the request came, in ms since the epoch). */
export const log = [];
/** Keys of the fault feeds that failed once already (busy-once: a 503;
 * cut-once: a dropped connection). */
const failedOnce = new Set();

/** Logs a request that is not served from a file. */
function logged(req, res, status = 200) {
  const entry = { path: req.url, status, bytes: 0, range: null, aborted: false, at: Date.now(), mode: req.headers["sec-fetch-mode"] ?? null };
  log.push(entry);
  res.on("close", () => { if (!res.writableFinished) entry.aborted = true; });
  return entry;
}

/** Writes `chunk`, then waits until the socket takes more (or closes). */
async function written(res, chunk) {
  if (res.write(chunk)) return;
  await new Promise((r) => {
    const done = () => { res.off("drain", done); res.off("close", done); r(); };
    res.on("drain", done);
    res.on("close", done);
  });
}

/** Text in windows-1256, as an older Arabic PHP site serves it. */
let cp1256;
function windows1256(text) {
  if (!cp1256) {
    cp1256 = new Map();
    const decoder = new TextDecoder("windows-1256");
    for (let b = 0; b < 256; b++) cp1256.set(decoder.decode(Uint8Array.of(b)), b);
  }
  return Buffer.from([...text].map((c) => {
    if (!cp1256.has(c)) throw new Error(`not in windows-1256: ${c}`);
    return cp1256.get(c);
  }));
}
/** Counters for feeds that fail a number of times, then work. */
const flaky = new Map();

const seedRelated = () => readFile(join(dist, "api/related/1855600.json"), "utf8");
const seedArticle = () => readFile(join(dist, "api/article/1855600.json"), "utf8");

function envelope(json) {
  return `string(${Buffer.byteLength(json)}) "${json}"`;
}

function items(n, { video = false } = {}) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const ext = video && i % 2 === 1 ? "mp4" : "jpg";
    out.push({ id: String(100000 + i), sort: String(n - i), contenttypeid: "21", pic: `/gen/${i}.${ext}`, title: `Generated story number ${i + 1}` });
  }
  return JSON.stringify(out);
}

const hostile = JSON.stringify([
  { id: "1", title: "<img src=x onerror=\"window.__pwned=1\"><b>bold</b>", pic: "javascript:window.__pwned=2//.jpg" },
  { id: "a\"/><script>window.__pwned=3</script>", title: "<script>window.__pwned=4</script>", pic: "data:image/png;base64,iVBORw0KGgo=.png" },
  { id: "3", title: "Protocol-relative", pic: "//127.0.0.1:1/x.jpg" },
  { id: "4", title: "VBScript", pic: " VbScRiPt:msgbox(1).jpg" },
  { id: "5", title: "Tab trick", pic: "java\tscript:window.__pwned=5//.mp4" },
  { id: "6", title: "&lt;escaped&gt; &amp; entities", pic: "/media/2016/08/27/alalam_636078979081121458_25f_4x3.jpg" },
]);

/** A publisher's article page: `head` in its <head>, one widget in its
 * first screen, `lede.js` from the upload folder. */
function recipePage(cdn, head) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>The README's head recipe</title>
  ${head.trim().split("\n").join("\n  ")}
</head>
<body>
  <main>
    <h1>An article</h1>
    <div data-lede data-article-src="${cdn}/api/article/1855600.json" data-related-src="${cdn}/api/related/1855600.json" data-media-base="${cdn}/media"></div>
  </main>
  <script type="module" src="${cdn}/pkg/lede.js"></script>
</body>
</html>
`;
}

/** A publisher's page with `count` widgets in its HTML, between paragraphs
 * (each with `data-loading="eager"` if `eager`). */
function manyPage(cdn, count, eager) {
  const widgets = [];
  for (let i = 0; i < count; i++) {
    widgets.push(`<p>Paragraph ${i + 1} of the publisher's own text.</p>
    <div data-lede id="w${i}"${eager ? ' data-loading="eager"' : ""} data-article-src="${cdn}/many/${i}/article.json" data-related-src="${cdn}/many/${i}/related.json" data-media-base="${cdn}/media" data-link-template="https://news.example/news/{id}"></div>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>A page with ${count} widgets</title>
  <script type="module" src="${cdn}/lede.js"></script>
</head>
<body>
  <main>
    <h1>A page with ${count} widgets</h1>
    ${widgets.join("\n    ")}
  </main>
</body>
</html>
`;
}

/** Feeds for the fault cases, by name: [status, type, body] or a function. */
const faults = {
  "500": () => [500, "text/html", "<h1>Internal Server Error</h1>"],
  "404": () => [404, "text/html", "<h1>Not Found</h1>"],
  invalid: () => [200, "application/json", "[{\"id\": \"1\", \"title\": oops}]"],
  "invalid-article": () => [200, "application/json", "{\"title\": oops}"],
  html: () => [200, "text/html", "<!doctype html><title>Login</title>"],
  shape: () => [200, "application/json", "{\"items\": []}"],
  truncated: async () => [200, "text/plain", (await seedRelated()).slice(0, 900)],
  empty: () => [200, "application/json", "[]"],
  "empty-envelope": () => [200, "text/plain", envelope("[]")],
  hostile: () => [200, "application/json", hostile],
  "hostile-article": () => [200, "application/json", JSON.stringify({
    title: "<img src=x onerror=\"window.__pwned=6\">Headline",
    source: "<script>window.__pwned=7</script>",
    published: "<b>not a date</b>",
    body: ["<script>window.__pwned=8</script>", "<a href=\"javascript:alert(1)\">link</a>"],
  })],
  "no-title": () => [200, "application/json", "{\"body\": [\"text\"]}"],
  "skip-some": () => [200, "application/json", JSON.stringify([{ id: "1", title: "Kept", pic: "/a.jpg" }, { id: "2", pic: "/b.jpg" }, 7, { id: "3", title: "Also kept", pic: "/c.jpg" }])],
  "many-40": () => [200, "application/json", items(40, { video: true })],
  // Over the 50 slides a carousel keeps in the DOM at once: only a window
  // of them is there (print leaves such a carousel out).
  "many-60": () => [200, "application/json", items(60, { video: true })],
  // Video posters (issue 16): an item's own, the template's for the rest
  // (and for an unusable own one); an image's own poster is ignored.
  posters: () => [200, "application/json", JSON.stringify([
    { id: "1", title: "A clip with its own poster", pic: "/gen/1.mp4", poster: "/gen/own-1.jpg" },
    { id: "2", title: "A clip with the template's poster", pic: "/gen/3.mp4?v=2" },
    { id: "3", title: "A clip with an unusable poster", pic: "/gen/5.mp4", poster: "javascript:alert(1)//x.jpg" },
    { id: "4", title: "A picture", pic: "/gen/6.jpg", poster: "/gen/own-6.jpg" },
  ])],
  "many-10000": () => [200, "application/json", items(10000)],
  "many-10000-env": () => [200, "text/plain", envelope(items(10000))],
  // More than the widget reads (core::cap::MAX_ITEMS): 100,000 items.
  "many-100000": () => [200, "application/json", items(100000)],
};

/** Feeds whose texts are in another script than the widget's language,
 * each ending in "!" (a neutral character whose place shows the direction
 * a text is laid out in), served under /fixture/<name>. */
const fixtures = {
  // Arabic titles for an English widget, an English one among them, and an
  // Arabic video (whose tile says "Video" first, in the widget's language).
  "related-arabic": [
    { id: "9001", sort: "3", contenttypeid: "21", pic: "/gen/0.jpg", title: "فوز كبير في المباراة!" },
    { id: "9002", sort: "2", contenttypeid: "21", pic: "/gen/2.jpg", title: "A title in English!" },
    { id: "9003", sort: "1", contenttypeid: "21", pic: "/gen/1.mp4", title: "أمطار غزيرة في المدينة!" },
  ],
  // English titles for an Arabic widget, an Arabic one among them, and an
  // English video.
  "related-english": [
    { id: "9101", sort: "3", contenttypeid: "21", pic: "/gen/0.jpg", title: "A big win at the match!" },
    { id: "9102", sort: "2", contenttypeid: "21", pic: "/gen/2.jpg", title: "عنوان بالعربية!" },
    { id: "9103", sort: "1", contenttypeid: "21", pic: "/gen/1.mp4", title: "Heavy rain in the city!" },
  ],
  "article-arabic": {
    id: "9200",
    title: "فوز كبير في المباراة!",
    published: "Sun Aug 28, 2016 14:25:16",
    source: "الصحيفة",
    body: ["انتهت المباراة بفوز كبير للفريق!", "A paragraph in English!"],
  },
  "article-english": {
    id: "9300",
    title: "A big win at the match!",
    published: "Sun Aug 28, 2016 14:25:16",
    source: "The Paper",
    body: ["The match ended in a big win for the team!", "فقرة بالعربية!"],
  },
};

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...extra });
  res.end(body);
}

function cors(req) {
  return { "access-control-allow-origin": "*", "timing-allow-origin": "*" };
}

async function serveFile(req, res, root, path, headers = {}) {
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) return send(res, 403, "text/plain", "forbidden");
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) return serveFile(req, res, root, join(path, "index.html"), headers);
  } catch {
    return send(res, 404, "text/plain", "not found", headers);
  }
  // Every file here is small: read it whole and serve it like generated bytes.
  return serveBuffer(req, res, await readFile(file), types[extname(file)] ?? "application/octet-stream", headers);
}

let padded;
async function paddedVideo() {
  if (!padded) {
    const clip = await readFile(join(dist, "media/2016/08/27/alalam_636079270218421892_25f_4x3.mp4"));
    const pad = Buffer.alloc(3 * 1024 * 1024);
    pad.writeUInt32BE(pad.length, 0);
    pad.write("free", 4, "latin1");
    padded = Buffer.concat([clip, pad]);
  }
  return padded;
}

/** Serves bytes from memory with Range support, logging what was sent. */
function serveBuffer(req, res, buf, type, headers) {
  const entry = { path: req.url, status: 200, bytes: 0, range: req.headers.range ?? null, aborted: false, at: Date.now() };
  log.push(entry);
  let start = 0;
  let end = buf.length - 1;
  const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  const base = { "content-type": type, "accept-ranges": "bytes", "cache-control": "no-cache", ...headers };
  if (m && m[1]) {
    start = Number(m[1]);
    if (m[2]) end = Math.min(Number(m[2]), end);
    if (start > end) {
      entry.status = 416;
      res.writeHead(416, { ...base, "content-range": `bytes */${buf.length}` });
      return res.end();
    }
    entry.status = 206;
    res.writeHead(206, { ...base, "content-range": `bytes ${start}-${end}/${buf.length}`, "content-length": end - start + 1 });
  } else {
    res.writeHead(200, { ...base, "content-length": buf.length });
  }
  const body = buf.subarray(start, end + 1);
  entry.bytes = body.length;
  res.on("close", () => { if (!res.writableFinished) entry.aborted = true; });
  res.end(req.method === "HEAD" ? undefined : body);
}

async function handle(req, res, { publisher }) {
  const url = new URL(req.url, "http://x");
  const p = decodeURIComponent(url.pathname);
  if (p === "/__log") return send(res, 200, "application/json", JSON.stringify(log));
  if (p === "/__reset") { log.length = 0; flaky.clear(); failedOnce.clear(); return send(res, 204, "text/plain", ""); }
  if (p.startsWith("/trap/")) {
    // The build with the deliberate trap, for the crash tests.
    return serveFile(req, res, distTrap, p.slice("/trap".length), cors(req));
  }
  if (p.startsWith("/fault/")) {
    const name = p.slice("/fault/".length);
    const entry = logged(req, res);
    if (name.startsWith("busy-once/")) {
      // A CDN at its limit: 503 with Retry-After: 1 the first time, then the
      // seed's related feed. Retry-After is exposed to other origins.
      if (!failedOnce.has(name)) {
        failedOnce.add(name);
        entry.status = 503;
        return send(res, 503, "text/plain", "busy", { ...cors(req), "retry-after": "1", "access-control-expose-headers": "Retry-After" });
      }
      return send(res, 200, "application/json", await seedRelated(), cors(req));
    }
    if (name.startsWith("cut-once/")) {
      // A connection dropped mid-body the first time (the headers and the
      // first bytes came), then the seed's related feed.
      if (!failedOnce.has(name)) {
        failedOnce.add(name);
        const first = Buffer.from(await seedRelated()).subarray(0, 200);
        res.writeHead(200, { ...cors(req), "content-type": "application/json", "cache-control": "no-store" });
        await written(res, first);
        entry.bytes += first.length;
        entry.cut = true;
        // Dropped once the bytes are out: a connection reset before them
        // is one the browser retries by itself, unseen by the page.
        await new Promise((r) => setTimeout(r, 200));
        return res.destroy();
      }
      return send(res, 200, "application/json", await seedRelated(), cors(req));
    }
    if (name === "huge-length" || name === "huge-stream") {
      // A JSON array padded with spaces: 20 MiB saying so in its
      // Content-Length, or 64 MiB streamed in chunks without one.
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const chunks = name === "huge-length" ? 20 : 64;
      const headers = { ...cors(req), "content-type": "application/json", "cache-control": "no-store" };
      if (name === "huge-length") headers["content-length"] = chunks * chunk.length + 2;
      res.writeHead(200, headers);
      res.write("[");
      for (let i = 0; i < chunks && !res.destroyed; i++) {
        await written(res, chunk);
        entry.bytes += chunk.length;
      }
      return res.end("]");
    }
    if (name === "stream-100000" || name === "stream-100000-env") {
      // The 100,000-item feed (plain, or in its envelope), sent 64 KB at a
      // time as the reader takes it, a chunk every 10 ms: the log says how
      // much was sent before the reader hung up.
      const json = items(100000);
      const body = Buffer.from(name.endsWith("-env") ? envelope(json) : json);
      res.writeHead(200, { ...cors(req), "content-type": name.endsWith("-env") ? "text/plain" : "application/json", "cache-control": "no-store" });
      for (let at = 0; at < body.length && !res.destroyed; at += 65536) {
        const chunk = body.subarray(at, at + 65536);
        await written(res, chunk);
        entry.bytes += chunk.length;
        await new Promise((r) => setTimeout(r, 10));
      }
      entry.of = body.length;
      return res.end();
    }
    if (name === "windows-1256") {
      // The seed's Arabic article, in windows-1256, saying so.
      const a = JSON.parse(await readFile(join(dist, "api/article/1855600.ar.json"), "utf8"));
      const body = windows1256(JSON.stringify({ title: a.title, source: a.source, published: a.published, body: a.body.slice(0, 2) }));
      return send(res, 200, "application/json; charset=windows-1256", body, cors(req));
    }
    if (name.startsWith("slow/")) {
      // Answers after the widget's timeout (10 s) with the real feed.
      const ms = Number(url.searchParams.get("ms") ?? 12000);
      await new Promise((r) => setTimeout(r, ms));
      const body = name === "slow/article" ? await seedArticle() : await seedRelated();
      return send(res, 200, "application/json", body, cors(req));
    }
    if (name.startsWith("flaky/")) {
      // Fails until /fault/heal/<key> is called, then serves the seed.
      const key = name.slice("flaky/".length);
      if (!flaky.get(key)) return send(res, 503, "text/plain", "unavailable", cors(req));
      const body = key.startsWith("article") ? await seedArticle() : await seedRelated();
      return send(res, 200, "application/json", body, cors(req));
    }
    if (name.startsWith("heal/")) {
      flaky.set(name.slice("heal/".length), true);
      return send(res, 204, "text/plain", "");
    }
    const make = faults[name];
    if (!make) return send(res, 404, "text/plain", "no such fault");
    const [status, type, body] = await make();
    return send(res, status, type, body, cors(req));
  }
  if (p.startsWith("/fixture/")) {
    const fixture = fixtures[p.slice("/fixture/".length).replace(/\.json$/, "")];
    logged(req, res, fixture ? 200 : 404);
    if (!fixture) return send(res, 404, "text/plain", "no such fixture", cors(req));
    return send(res, 200, "application/json", JSON.stringify(fixture), cors(req));
  }
  if (p.startsWith("/story/")) {
    // Where the select tests' related stories link: a page of its own, so
    // that following a link is a document request the log shows.
    logged(req, res);
    return send(res, 200, types[".html"], `<!doctype html><title>Story ${p.slice("/story/".length)}</title><p>A story page.</p>`);
  }
  if (p.startsWith("/many/")) {
    // The feeds of many.html's widgets: the demo's, under a URL of their own
    // for each widget.
    const body = p.endsWith("/article.json") ? await seedArticle() : await seedRelated();
    return send(res, 200, "application/json", body, cors(req));
  }
  if (p.startsWith("/__out/")) {
    // What a test built for itself (the React app's bundle).
    return serveFile(req, res, join(here, "out"), p.slice("/__out".length), cors(req));
  }
  if (p.startsWith("/b/")) {
    // Article B and its related feed, for navigating from the seed (article
    // A) to another story: the seed with other titles and ids. `?ms=` holds
    // the answer that long.
    const entry = { path: req.url, status: 200, bytes: 0, range: null, aborted: false, at: Date.now() };
    log.push(entry);
    res.on("close", () => { if (!res.writableFinished) entry.aborted = true; });
    const ms = Number(url.searchParams.get("ms") ?? 0);
    if (ms) await new Promise((r) => setTimeout(r, ms));
    if (p === "/b/article.json") {
      const a = JSON.parse(await seedArticle());
      return send(res, 200, "application/json", JSON.stringify({ ...a, id: "2000001", title: "Article B: Another day, another story", body: ["Article B's first paragraph.", "Article B's second paragraph."] }), cors(req));
    }
    if (p === "/b/related.json") {
      const text = await seedRelated();
      const items = JSON.parse(text.slice(text.indexOf('"') + 1, text.lastIndexOf('"')));
      const b = items.map((it, i) => ({ ...it, id: String(2000100 + i), title: `B${i + 1}: Another related story` }));
      return send(res, 200, "application/json", JSON.stringify(b), cors(req));
    }
    return send(res, 404, "text/plain", "not found");
  }
  if (p.startsWith("/nocors/")) {
    // The seed's related feed without Access-Control-Allow-Origin: refused
    // by the browser when a page on another origin asks for it.
    return send(res, 200, "application/json", await seedRelated());
  }
  if (p.startsWith("/gen/")) {
    // Thumbnails for the generated feeds: the seed's JPEG, and its clip made
    // 3 MB long by a trailing `free` box, so that a player reading past the
    // metadata shows up in the byte counts.
    if (p.endsWith(".mp4")) return serveBuffer(req, res, await paddedVideo(), "video/mp4", cors(req));
    return serveFile(req, res, dist, "media/2016/08/27/alalam_636078979081121458_25f_4x3.jpg", cors(req));
  }
  if (publisher && p === "/many.html") {
    // A page with ?n= widgets (200 by default) in its HTML, each with its
    // own feed URLs (below); ?eager: all of them start at once.
    const cdn = `http://127.0.0.1:${server.address().port}`;
    return send(res, 200, types[".html"], manyPage(cdn, Number(url.searchParams.get("n") ?? 200), url.searchParams.has("eager")));
  }
  if (publisher && p === "/recipe.html") {
    // A publisher's page with the README's <head> preloads, read from
    // README.md now, its hosts made this server's: the upload folder
    // (dist/pkg/) as the CDN's, the feeds beside it. ?no-crossorigin: the
    // same preloads without their crossorigin attribute; ?bare: none (the
    // script tag alone).
    const cdn = `http://127.0.0.1:${server.address().port}`;
    let head = (await preloadHtml()).replaceAll("https://cdn.example/lede/", `${cdn}/pkg/`).replaceAll("https://news.example", cdn);
    if (url.searchParams.has("no-crossorigin")) head = head.replaceAll(" crossorigin", "");
    if (url.searchParams.has("bare")) head = "";
    return send(res, 200, types[".html"], recipePage(cdn, head));
  }
  if (publisher && p === "/reserve.css") {
    // The README's "No layout shift" CSS, read from README.md now: what a
    // publisher copies, on the pages that reserve the widget's room.
    logged(req, res);
    return send(res, 200, types[".css"], await reserveCss());
  }
  if (publisher || p.startsWith("/pages/")) {
    // Test pages, with their CSP (if any) from a sibling .csp file.
    const rel = publisher ? p : p.slice("/pages".length);
    if (!rel.endsWith(".html")) return serveFile(req, res, pages, rel, cors(req));
    // Pages name the widget's origin as {cdn}; a sibling .csp file is the
    // page's Content-Security-Policy.
    const cdn = `http://127.0.0.1:${server.address().port}`;
    // Pages are sent with no-store, which the back/forward cache refuses; a
    // page asked for with ?cacheable is sent with no-cache, as publishers'
    // article pages often are (the Back button's test).
    const headers = { "content-type": types[".html"], "cache-control": url.searchParams.has("cacheable") ? "no-cache" : "no-store" };
    try {
      headers["content-security-policy"] = (await readFile(join(pages, rel.replace(/\.html$/, ".csp")), "utf8")).trim().replaceAll("{cdn}", cdn);
    } catch { /* no policy for this page */ }
    let html;
    try {
      html = await readFile(join(pages, normalize(rel)), "utf8");
    } catch {
      return send(res, 404, "text/plain", "not found");
    }
    res.writeHead(200, headers);
    return res.end(html.replaceAll("{cdn}", cdn));
  }
  return serveFile(req, res, dist, p === "/" ? "/index.html" : p, cors(req));
}

const server = createServer((req, res) => handle(req, res, { publisher: false }).catch((e) => send(res, 500, "text/plain", String(e))));
const publisherServer = createServer((req, res) => handle(req, res, { publisher: true }).catch((e) => send(res, 500, "text/plain", String(e))));

export function start(port = Number(process.env.LEDE_E2E_PORT) || 8787, publisherPort = port + 1) {
  return Promise.all([
    new Promise((r) => server.listen(port, "127.0.0.1", r)),
    new Promise((r) => publisherServer.listen(publisherPort, "127.0.0.1", r)),
  ]).then(() => ({ origin: `http://127.0.0.1:${port}`, publisher: `http://127.0.0.1:${publisherPort}` }));
}

export function stop() {
  server.closeAllConnections?.();
  publisherServer.closeAllConnections?.();
  return Promise.all([new Promise((r) => server.close(r)), new Promise((r) => publisherServer.close(r))]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  start(Number(process.argv[2] ?? 8787), Number(process.argv[3] ?? 8788)).then(({ origin, publisher }) => console.log(`serving ${dist} at ${origin}; publisher pages at ${publisher}`));
}
