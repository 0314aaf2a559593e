// make bench: Lede against its Swiper peer at real scale, interleaved, in one
// run, under a 4x CPU slowdown and a slow mobile network (CDP), at phone
// size, with media that weigh what a newsroom's do (bench/make-media.sh).
// For each page load it measures what loads before any interaction, then
// plays a typical reader's visit (scroll to the carousel, Next twice, hover
// a video for 3 s, leave) and what that moved, the latency of Next and of
// ArrowRight (Event Timing), long tasks, and memory. Then the 200-widget
// page, the 100,000-item feed; then the widget as publishers embed it (a
// publisher's article page with one script tag from a second origin, the
// "CDN", cached as the README advises: a first visit and a returning
// reader's next article; a widget three viewports down the page, scrolled
// to at reading speed); Lighthouse; writes bench/RESULTS.md.
//
//   bash bench/run.sh             (installs, makes the media, builds the peer)
//   BENCH_RUNS=9 bash bench/run.sh
//   BENCH_SERVE_ONLY=1 node bench/run.mjs   (serve the pages, to look at them)
//   BENCH_RUNS=1 BENCH_PARTS=publisher,below BENCH_OUT=target/bench.md bash bench/run.sh
//                                 (some parts only, written elsewhere than RESULTS.md)
import { createServer } from "node:http";
import { readFile, writeFile, stat, readdir, mkdir, mkdtemp, rm } from "node:fs/promises";
import { brotliCompressSync, constants } from "node:zlib";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import { join, extname, dirname, normalize, basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const dist = join(root, process.env.LEDE_DIST ?? "dist");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VERBOSE = !!process.env.BENCH_VERBOSE;
// For working on the bench: BENCH_PARTS=visit,carousel,big,many,publisher,startup,codecache,below,lighthouse
// (all by default), and BENCH_OUT, where to write the report (bench/RESULTS.md by default).
// BENCH_PARTS=profile, alone, is no part of a run: it prints where a returning
// reader's CPU goes (see profileVisit; with BENCH_TRACE_TASKS=1 its main
// thread's tasks, see taskVisit), writes no report, and ends.
const ALL_PARTS = ["visit", "carousel", "big", "many", "publisher", "startup", "codecache", "below", "lighthouse"];
const PARTS = new Set((process.env.BENCH_PARTS ?? ALL_PARTS.join(",")).split(","));
for (const p of PARTS) if (!ALL_PARTS.includes(p) && !(p === "profile" && PARTS.size === 1)) throw new Error(`BENCH_PARTS: no part "${p}" (parts: ${ALL_PARTS.join(", ")}; or profile, alone)`);
const OUT = resolve(root, process.env.BENCH_OUT ?? "bench/RESULTS.md");
const VIEWPORT = { width: 390, height: 844 };
// "Slow 4G" as Chrome's DevTools define it.
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const UNTHROTTLED = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
// "Fast 4G" for the reader scrolling to a widget below the fold: 9 Mbit/s
// down, 1.5 up, 40 ms round trip.
const FAST_4G = { offline: false, latency: 40, downloadThroughput: (9e6 / 8) | 0, uploadThroughput: (1.5e6 / 8) | 0 };
const CPU_SLOWDOWN = 4;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const BIG = 100000; // items in the long feed
const MANY = 200; // widgets on the many-widget page
const MANY_WINDOW_MS = 5000; // how long the many-widget page as written is watched after its load event
const POSTER_TEMPLATE = "{path}.jpg";
const started = Date.now();
const clock = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

// ---- the real-weight media --------------------------------------------------
// bench/media/ holds img0-7.jpg (thumbnails), clip0-3.mp4 (clips), clip0-3.jpg
// (their posters) and clip0-3.packets.json. Every `pic` path a page uses is
// mapped to one of them, deterministically: the demo feed's images and clips
// in feed order, the long feed's by item number; a video's poster path (its
// path with .jpg) to that clip's poster.

const MEDIA = join(here, "media");
const sizes = Object.fromEntries((await readFile(join(MEDIA, "sizes.txt"), "utf8")).trim().split("\n").map((l) => l.split(" ")).map(([f, n]) => [f, Number(n)]));
const IMAGES = Object.keys(sizes).filter((f) => /^img\d+\.jpg$/.test(f)).sort();
const CLIPS = Object.keys(sizes).filter((f) => /^clip\d+\.mp4$/.test(f)).sort();
/** Per clip: its header's bytes (all before the first packet) and its video packets [time, end offset]. */
const packets = {};
for (const c of CLIPS) {
  const rows = JSON.parse(await readFile(join(MEDIA, c.replace(".mp4", ".packets.json")), "utf8")).packets.map((p) => [Number(p.pts_time), Number(p.pos), Number(p.size)]);
  packets[c] = { header: Math.min(...rows.map(([, pos]) => pos)), rows: rows.map(([t, pos, size]) => [t, pos + size, size]) };
}
/** The bytes a clip needs to have played these time ranges: its header, and every packet whose time is in one. */
function playedBytes(clip, ranges) {
  const p = packets[clip];
  if (!p || !ranges.length) return 0;
  let bytes = p.header;
  for (const [t, , size] of p.rows) if (ranges.some(([a, b]) => t >= a - 1e-3 && t <= b + 1e-3)) bytes += size;
  return bytes;
}

function unwrap(text) {
  const m = /^\uFEFF?\s*string\((\d+)\) "([\s\S]*)"\s*$/.exec(text);
  return m ? m[2] : text;
}
const demoFeed = JSON.parse(unwrap(await readFile(join(dist, "api", "related", "1855600.json"), "utf8")));
const mediaMap = new Map(); // path under /media -> file in bench/media
{
  let i = 0;
  let v = 0;
  for (const { pic } of demoFeed) {
    if (/\.mp4$/.test(pic)) {
      const clip = CLIPS[v++ % CLIPS.length];
      mediaMap.set(pic, clip);
      mediaMap.set(pic.replace(/\.mp4$/, ".jpg"), clip.replace(".mp4", ".jpg"));
    } else mediaMap.set(pic, IMAGES[i++ % IMAGES.length]);
  }
}
const isVideoItem = (n) => n % 3 === 2;
function mediaFile(pic) {
  // The publisher's other articles' feeds: the demo feed's paths under
  // /story/<id>, other URLs for the same files.
  pic = pic.replace(/^\/story\/\d+(?=\/)/, "");
  if (mediaMap.has(pic)) return mediaMap.get(pic);
  const m = /^\/bench\/(\d+)_4x3\.(jpg|mp4)$/.exec(pic);
  if (!m) return null;
  const n = Number(m[1]);
  if (!isVideoItem(n)) return m[2] === "jpg" ? IMAGES[n % IMAGES.length] : null;
  const clip = CLIPS[n % CLIPS.length];
  return m[2] === "mp4" ? clip : clip.replace(".mp4", ".jpg");
}
/** What a tile needs to be seen: its image, or its video's poster. */
const thumbOf = (pic) => mediaFile(/\.mp4$/.test(pic) ? pic.replace(/\.mp4$/, ".jpg") : pic);

/** The long feed: every third item a video, each with its own paths. */
function items(n) {
  return JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: String(200000 + i), sort: String(n - i), contenttypeid: "21", pic: `/bench/${i}_4x3.${isVideoItem(i) ? "mp4" : "jpg"}`, title: `Related story number ${i + 1}, with a headline of ordinary length` })));
}

// ---- a static server that compresses like a CDN -----------------------------

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".mp4": "video/mp4", ".txt": "text/plain; charset=utf-8" };
const COMPRESS = new Set([".html", ".js", ".css", ".json", ".wasm", ".svg", ".txt"]);
const cache = new Map();

/** The bench's pages: /{lede,lede-noposter,peer}{,-carousel,-big,-many,-manylazy}.html. */
const PAGE = /^\/(lede|lede-noposter|peer)(-big|-carousel|-many|-manylazy)?\.html$/;
async function pageHtml(who, variant) {
  let html = await readFile(who === "peer" ? join(here, "index.html") : join(dist, "index.html"), "utf8");
  const attrs = who === "lede-noposter" ? 'data-media-base="/media"' : `data-media-base="/media" data-poster-template="${POSTER_TEMPLATE}"`;
  html = html.replace('data-media-base="/media"', attrs);
  if (variant === "-big") html = html.replace("/api/related/1855600.json", `/api/related/${BIG}.json`);
  // A carousel-only widget at the top of the page: its thumbnails are in view at load.
  if (variant === "-carousel") html = html.replace(/\s*data-article-src="[^"]*"/, "");
  if (variant === "-many" || variant === "-manylazy") {
    // MANY widgets in the page's HTML, each with feed URLs of its own (the
    // demo's feeds), between paragraphs of the publisher's text. On -many
    // every Lede widget starts at load (data-loading="eager"), as every one
    // of the peer's does; -manylazy is the page as a publisher writes it,
    // where only the widgets near the reader's view start.
    const eager = variant === "-many" && who !== "peer" ? ' data-loading="eager"' : "";
    const widgets = Array.from({ length: MANY }, (_, i) => `<p>Paragraph ${i + 1} of the publisher's own text.</p>\n    <div data-lede data-article-src="/api/many/${i}/article.json" data-related-src="/api/many/${i}/related.json" ${attrs}${eager}></div>`);
    html = html.replace(/<main class="page">[\s\S]*<\/main>/, `<main class="page">\n    ${widgets.join("\n    ")}\n  </main>`);
  }
  return html;
}

async function body(path) {
  if (path === `/api/related/${BIG}.json`) return Buffer.from(items(BIG));
  const many = /^\/api\/many\/\d+\/(article|related)\.json$/.exec(path);
  if (many) return readFile(join(dist, "api", many[1], "1855600.json"));
  const page = PAGE.exec(path);
  if (page) return Buffer.from(await pageHtml(page[1], page[2]));
  const pub = PUB_PAGE.exec(path);
  if (pub) return Buffer.from(pubPage(pub[1], pub[2]));
  const story = STORY_FEED.exec(path);
  if (story) return Buffer.from(storyFeed(story[1], Number(story[2])));
  if (path === "/pub/home.html") return Buffer.from(homePage);
  if (path === "/pub/page.css") return readFile(join(dist, "page.css"));
  if (path.startsWith("/media/")) {
    const file = mediaFile(path.slice("/media".length));
    if (!file) throw new Error("no such media");
    return readFile(join(MEDIA, file));
  }
  if (path.startsWith("/peer/")) return readFile(join(here, "peer", "dist", path.slice(6)));
  if (path === "/favicon.svg" && !(await stat(join(dist, "favicon.svg")).catch(() => null))) return readFile(join(root, "demo", "favicon.svg"));
  const file = normalize(join(dist, path === "/" ? "index.html" : path));
  if (!file.startsWith(dist)) throw new Error("outside");
  return readFile(file);
}

function compress(raw) {
  // Quality 11 as a CDN's precompressed files; the long feed (megabytes) at 9.
  return brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: raw.length > 2e6 ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
}

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const ext = extname(path === "/" ? "/index.html" : path) || ".html";
  try {
    let entry = cache.get(path);
    if (!entry) {
      const raw = await body(path);
      entry = { raw, br: COMPRESS.has(ext) ? compress(raw) : null };
      cache.set(path, entry);
    }
    // Nothing here may be cached but the publisher's own stylesheet.
    const headers = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": path === "/pub/page.css" ? "public, max-age=300" : "no-store", "accept-ranges": "bytes" };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
    if (entry.br && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
      res.writeHead(200, { ...headers, "content-encoding": "br", "content-length": entry.br.length });
      return res.end(entry.br);
    }
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), entry.raw.length - 1) : entry.raw.length - 1;
      res.writeHead(206, { ...headers, "content-range": `bytes ${start}-${end}/${entry.raw.length}`, "content-length": end - start + 1 });
      return res.end(entry.raw.subarray(start, end + 1));
    }
    res.writeHead(200, { ...headers, "content-length": entry.raw.length });
    res.end(entry.raw);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- the publisher's pages, on this server; the widget's code, on a CDN ------
// A publisher's article pages, /pub/<subject>/<page>.html, with subject lede,
// lede-recipe (Lede, with bench/recipe-head.html in the <head>) or peer, and
// page a, b or c (three articles, each with feeds of its own and the same code
// URLs) or below (the widget three viewports down the page). The publisher's
// own text, the widget's element, one <script type="module"> from the CDN, a
// second server (another port, so another origin) serving what a publisher
// uploads (dist/pkg/ under /lede/; the peer's bundle under /peer/) with the
// README's caching. On this server the pages and feeds stay "no-store"; the
// publisher's stylesheet, /pub/page.css (the demo's), may be cached 5 minutes.

const PUB_SUBJECTS = ["lede", "peer", "lede-recipe"];
const STORIES = { a: 1855600, b: 1855601, c: 1855602 };
const PUB_PAGE = /^\/pub\/(lede|lede-recipe|peer)\/(a|b|c|below)\.html$/;
const STORY_FEED = /^\/api\/(article|related)\/(1855601|1855602)\.json$/;
/** Paragraphs of the publisher's own text before the widget on the below-the-fold page. */
const BELOW_PARAGRAPHS = 11;
const RECIPE_FILE = resolve(root, process.env.BENCH_RECIPE ?? "bench/recipe-head.html");
const recipeHead = await readFile(RECIPE_FILE, "utf8");
/** What the recipe adds to a page, for the rows' labels: its markup without comments. */
const recipeTags = recipeHead.replace(/<!--[\s\S]*?-->/g, "").replace(/\s+/g, " ").trim();
const recipeLabel = recipeTags ? `bench/recipe-head.html: \`${recipeTags.replace(/\|/g, "\\|")}\`` : "bench/recipe-head.html holds only a comment: nothing beyond the script tag";
let cdnOrigin = ""; // once the CDN listens
const demoArticle = JSON.parse(unwrap(await readFile(join(dist, "api", "article", "1855600.json"), "utf8")));
const PUB = {
  a: ["Geneva talks end with a plan to work together", "After a day of talks the two foreign ministers say their governments will share what they know and plan their strikes together. What was agreed, and what was left open."],
  b: ["What a shared campaign would change on the ground", "Officials on both sides describe how a joint command could work, and why earlier attempts came to nothing."],
  c: ["The questions the ministers left for later", "A ceasefire, the opposition's place at the table and the fate of the besieged towns are still unsettled."],
};
const STORY_TITLES = { 1855601: "How a Joint Command Against ISIS Could Work", 1855602: "Ceasefire Still Divides Moscow and Washington" };
const PROSE = [
  "The talks ran late into the evening, and the delegations left the hotel by separate doors without taking questions from the reporters who had waited outside since the morning.",
  "Diplomats who followed the negotiations said the hardest hours were spent on maps: which districts each side considers held by the group, and which by fighters the other side supports.",
  "A senior official described the mood as businesslike rather than warm, and said that both teams had come with proposals written in advance, which had not happened at earlier meetings.",
  "Aid agencies have asked for any agreement to include safe routes for convoys into the towns that have been cut off for months, where food and medicine are running short.",
  "Analysts in the region were cautious, pointing out that a similar understanding reached in the spring collapsed within weeks, after each side accused the other of breaking it.",
  "The ministers are expected to meet again before the end of the month, and their deputies will stay in the city to work through the remaining questions line by line.",
];
const para = (i) => `<p>${[0, 1, 2].map((k) => PROSE[(i + k) % PROSE.length]).join(" ")}</p>`;
/** The recipe's markup with the README's example hosts made this bench's. */
const recipeHere = (id) =>
  recipeHead
    .replaceAll("1855600", String(id))
    .replaceAll("https://cdn.example/lede/", `${cdnOrigin}/lede/`)
    .replaceAll("https://cdn.example", cdnOrigin)
    .replaceAll("https://media.news.example/uploads", `${origin}/media`)
    .replaceAll("https://news.example", origin);

/** The publisher's home page, no widget: a fresh browser's first page. */
const homePage = `<!doctype html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <meta name="viewport" content="width=device-width, initial-scale=1">\n  <title>The Meridian</title>\n</head>\n<body>\n  <h1>The Meridian</h1>\n  ${para(0)}\n</body>\n</html>\n`;

function pubPage(subject, which) {
  const lede = subject !== "peer";
  const id = which === "below" ? STORIES.a : STORIES[which];
  const [headline, standfirst] = PUB[which === "below" ? "a" : which];
  const next = { a: "b", b: "c", c: "a", below: "a" }[which];
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${headline} – The Meridian</title>`,
    '<link rel="stylesheet" href="/pub/page.css">',
    // The peer's stylesheet, as its bundle is: one script and its CSS.
    ...(lede ? [] : [`<link rel="stylesheet" href="${cdnOrigin}/peer/peer.css">`]),
    // The recipe's preloads are for a widget in the first screen (the
    // README says to leave them out for one further down, which starts when
    // the reader comes near): the page below the fold has none.
    ...(subject === "lede-recipe" && which !== "below" ? [recipeHere(id).trim()] : []),
  ];
  const widget = `<div data-lede data-article-src="/api/article/${id}.json" data-related-src="/api/related/${id}.json" data-media-base="/media" data-poster-template="${POSTER_TEMPLATE}"></div>`;
  const script = lede ? `<script type="module" src="${cdnOrigin}/lede/lede.js"></script>` : `<script type="module" src="${cdnOrigin}/peer/peer.js"></script>`;
  const before = which === "below" ? Array.from({ length: BELOW_PARAGRAPHS }, (_, i) => para(i)) : [para(0)];
  return `<!doctype html>
<html lang="en">
<head>
  ${head.join("\n  ")}
</head>
<body>
  <header class="masthead"><a class="brand" href="/pub/${subject}/a.html">The Meridian</a></header>
  <main class="page">
    <h1>${headline}</h1>
    <p><strong>${standfirst}</strong></p>
    ${before.join("\n    ")}
    ${widget}
    ${para(3)}
    ${para(4)}
    <p><a href="/pub/${subject}/${next}.html">Next article</a></p>
  </main>
  <footer class="colophon">The Meridian, a publisher's page for make bench.</footer>
  ${script}
</body>
</html>
`;
}

/** Another article's feeds: the demo's, with other ids, titles and media paths. */
function storyFeed(kind, id) {
  if (kind === "article") return JSON.stringify({ ...demoArticle, id: String(id), title: STORY_TITLES[id], body: id % 2 ? [...demoArticle.body].reverse() : demoArticle.body });
  const k = id - STORIES.a;
  const json = JSON.stringify(demoFeed.map((x) => ({ ...x, id: String(Number(x.id) + 1000 * k), pic: `/story/${id}${x.pic}` })));
  return `string(${Buffer.byteLength(json)}) "${json}"`;
}

// The CDN: dist/pkg/ under /lede/, the peer's bundle under /peer/. As the
// README's "Your server" says: the names with the release's version in them
// (the glue and the wasm) for a year, immutable;
// the stable names (lede.js, words/, the peer's files) for 5 minutes; CORS for
// every file (module scripts, the wasm and the words are fetched in CORS
// mode); brotli; an ETag, for revalidation. Timing-Allow-Origin lets Resource
// Timing show transfer sizes across origins, as many CDNs allow.
const PKG = join(dist, "pkg");
const VERSIONED = /\/lede-[^/]+\.(js|wasm)$/;
const cdnCacheControl = (path) => (VERSIONED.test(path) ? "public, max-age=31536000, immutable" : "public, max-age=300");
const cdnCache = new Map();
/** Every request the CDN answered, in order: [path, status, bytes of body sent]. */
const cdnLog = [];
async function cdnBody(path) {
  if (path.startsWith("/lede/")) {
    const file = normalize(join(PKG, path.slice("/lede/".length)));
    if (!file.startsWith(PKG + "/")) throw new Error("outside");
    return readFile(file);
  }
  if (path === "/peer/peer.js" || path === "/peer/peer.css") return readFile(join(here, "peer", "dist", basename(path)));
  throw new Error("no such file");
}
async function cdnEntry(path) {
  let entry = cdnCache.get(path);
  if (!entry) {
    const raw = await cdnBody(path);
    entry = { raw, br: COMPRESS.has(extname(path)) ? compress(raw) : null, etag: `"${createHash("sha256").update(raw).digest("base64url").slice(0, 20)}"` };
    cdnCache.set(path, entry);
  }
  return entry;
}
// Compressed before any run, as a CDN holds its files (brotli at quality 11
// takes a while for the wasm: not the first visit's time).
for (const f of await readdir(PKG, { recursive: true })) if (/\.(js|wasm|txt)$/.test(f)) await cdnEntry(`/lede/${f}`);
for (const f of ["peer.js", "peer.css"]) await cdnEntry(`/peer/${f}`);
const cdn = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const cors = { "access-control-allow-origin": "*", "timing-allow-origin": "*" };
  try {
    const entry = await cdnEntry(path);
    const headers = { ...cors, "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": cdnCacheControl(path), etag: entry.etag, vary: "accept-encoding" };
    if (req.headers["if-none-match"] === entry.etag) {
      cdnLog.push([path, 304, 0]);
      res.writeHead(304, headers);
      return res.end();
    }
    const br = entry.br && /\bbr\b/.test(req.headers["accept-encoding"] ?? "");
    const sent = br ? entry.br : entry.raw;
    cdnLog.push([path, 200, sent.length]);
    res.writeHead(200, { ...headers, ...(br ? { "content-encoding": "br" } : {}), "content-length": sent.length });
    res.end(sent);
  } catch {
    cdnLog.push([path, 404, 0]);
    res.writeHead(404, { ...cors, "content-type": "text/plain" });
    res.end("not found");
  }
});
await new Promise((r) => cdn.listen(0, "127.0.0.1", r));
cdnOrigin = `http://127.0.0.1:${cdn.address().port}`;

if (process.env.BENCH_SERVE_ONLY) {
  console.log(`serving at ${origin}: /lede.html, /lede-noposter.html, /peer.html, and each with -carousel, -big, -many;`);
  console.log(`a publisher's pages /pub/{${PUB_SUBJECTS.join(",")}}/{a,b,c,below}.html with the code from the CDN at ${cdnOrigin}`);
  await new Promise(() => {});
}

/** Bytes of a file as this server sends it (compressed where it would be). */
async function wireBytes(path) {
  await (await fetch(origin + path, { headers: { "accept-encoding": "br" } })).arrayBuffer();
  const entry = cache.get(path);
  return (entry.br ?? entry.raw).length;
}

// ---- in the page --------------------------------------------------------------

/** Injected before any page script: long tasks, layout shifts, Event Timing
 * entries of interactions, and when every widget's sections are ready (in
 * Lede's shadow roots and the peer's light DOM alike). */
function probe() {
  window.__lt = [];
  window.__cls = 0;
  window.__events = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.interactionId > 0) window.__events.push({ name: e.name, id: e.interactionId, start: e.startTime, duration: e.duration });
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
  const ready = (host) => {
    const scope = host.shadowRoot ?? host;
    const a = host.hasAttribute("data-article-src") ? scope.querySelector("[data-lede-article]")?.getAttribute("data-state") : "none";
    const r = scope.querySelector("[data-lede-related]")?.getAttribute("data-state");
    return a && r && a !== "loading" && r !== "loading";
  };
  // The frame in which the first widget was first seen mounted, and each of
  // its sections first seen out of loading (the profile part's timeline).
  window.__seen = {};
  const check = () => {
    const hosts = document.querySelectorAll("[data-lede]");
    const first = hosts[0];
    if (first) {
      const scope = first.shadowRoot ?? first;
      const now = performance.now();
      const seen = window.__seen;
      if (first.hasAttribute("data-lede-mounted") || first.querySelector(".peer-track")) seen.mounted ??= now;
      for (const [name, sel] of [["article", "[data-lede-article]"], ["related", "[data-lede-related]"]]) {
        const state = scope.querySelector(sel)?.getAttribute("data-state");
        if (state && state !== "loading") seen[name] ??= now;
      }
    }
    if (document.readyState !== "loading" && hosts.length && [...hosts].every(ready)) {
      window.__readyAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** In the page: the first widget's slides whose thumbnail is in the viewport
 * (any part of it), as feed positions from their "N of M" label, with their
 * media element's state. */
function slidesInView() {
  const host = document.querySelector("[data-lede]");
  const scope = host.shadowRoot ?? host;
  return [...scope.querySelectorAll("[data-lede-slide]")].flatMap((s) => {
    const t = (s.querySelector(".thumb, .peer-thumb") ?? s).getBoundingClientRect();
    const visible = t.bottom > 0 && t.top < innerHeight && t.right > 0 && t.left < innerWidth && t.width > 0;
    const n = Number(/^(\d+)/.exec(s.getAttribute("aria-label") ?? "")?.[1]);
    return visible && n ? [{ index: n - 1, media: s.getAttribute("data-media"), x: (Math.max(t.left, 0) + Math.min(t.right, innerWidth)) / 2, y: (Math.max(t.top, 0) + Math.min(t.bottom, innerHeight)) / 2 }] : [];
  });
}

/** In the page: the state of the video of the slide at feed position `index`. */
function videoAt(index) {
  const host = document.querySelector("[data-lede]");
  const scope = host.shadowRoot ?? host;
  const s = [...scope.querySelectorAll("[data-lede-slide]")].find((e) => Number(/^(\d+)/.exec(e.getAttribute("aria-label") ?? "")?.[1]) === index + 1);
  const v = s?.querySelector("video");
  if (!v) return null;
  const played = [];
  for (let i = 0; i < v.played.length; i++) played.push([v.played.start(i), v.played.end(i)]);
  return { src: v.currentSrc || v.getAttribute("src"), paused: v.paused, time: v.currentTime, played, poster: v.getAttribute("poster") };
}

/** In the page: where the first widget's track is scrolled to. */
function trackPosition() {
  const host = document.querySelector("[data-lede]");
  const scope = host.shadowRoot ?? host;
  const slides = [...scope.querySelectorAll("[data-lede-slide]")];
  // The first slide whose thumbnail starts in view, by its feed position.
  const first = slides.map((s) => [s, s.getBoundingClientRect()]).filter(([, r]) => r.left >= -1 && r.left < innerWidth).sort((a, b) => a[1].left - b[1].left)[0];
  return first ? Number(/^(\d+)/.exec(first[0].getAttribute("aria-label"))[1]) - 1 : -1;
}

// ---- one measured page load and visit ------------------------------------------

function kindOf(url, mime) {
  if (/\/api\//.test(url)) return "feeds";
  if (/favicon/.test(url)) return "page";
  if (/\.(js|wasm|css)(\?|$)/.test(url) || /javascript|wasm|css/.test(mime)) return "code";
  if (/\.(jpg|jpeg|png|webp|avif|gif|svg)(\?|$)/.test(url)) return "images";
  if (/\.(mp4|webm)(\?|$)/.test(url)) return "video";
  if (/html/.test(mime)) return "page";
  return "other";
}

async function open(browser, path, network = NETWORK) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => { if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, mime: "", bytes: 0 }); });
  cdp.on("Network.responseReceived", (e) => { const r = requests.get(e.requestId); if (r) r.mime = e.response.mimeType; });
  // Media requests are often cut off before they finish: count what arrived.
  cdp.on("Network.dataReceived", (e) => { const r = requests.get(e.requestId); if (r) r.bytes += e.encodedDataLength; });
  cdp.on("Network.loadingFinished", (e) => { const r = requests.get(e.requestId); if (r) r.bytes = Math.max(r.bytes, e.encodedDataLength); });
  await page.addInitScript(probe);
  await page.goto(origin + path, { waitUntil: "commit" });
  /** Bytes so far, by type, and per media file requested. */
  const bytes = () => {
    const b = { page: 0, code: 0, feeds: 0, images: 0, video: 0, other: 0, files: {} };
    for (const r of requests.values()) {
      const k = kindOf(r.url, r.mime);
      b[k] += r.bytes;
      if (k === "images" || k === "video") {
        const p = new URL(r.url).pathname;
        b.files[p] = (b.files[p] ?? 0) + r.bytes;
      }
    }
    b.total = b.code + b.feeds + b.images + b.video;
    return b;
  };
  return { context, page, cdp, bytes };
}

const longtasks = (lt, from = 0, to = Infinity) => {
  const xs = lt.filter(([s]) => s >= from && s < to).map(([, d]) => d);
  return { total: xs.reduce((a, b) => a + b, 0), longest: xs.length ? Math.max(...xs) : 0 };
};

/** JS heap after a garbage collection (V8's used size) and the bytes of every
 * WebAssembly.Memory in the page (found with Runtime.queryObjects). */
async function memory(cdp) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  await cdp.send("Runtime.enable");
  const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const found = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
  const wasm = await cdp.send("Runtime.callFunctionOn", { objectId: found.objects.objectId, functionDeclaration: "function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }", returnByValue: true });
  return { heap: heap.usedSize, wasm: wasm.result.value };
}

/** The interactions (by interactionId) whose entries start after `since`:
 * each one's duration is its longest entry's. */
function interactions(events, since, names) {
  const by = new Map();
  for (const e of events) if (e.start >= since && names.includes(e.name)) by.set(e.id, Math.max(by.get(e.id) ?? 0, e.duration));
  return [...by.values()];
}

/** One interaction's latency: Event Timing reports only interactions of 16 ms
 * or more, so none reported counts as 0 ("< 16 ms"). */
const latency = (xs) => (xs.length ? Math.max(...xs) : 0);

/** Waits until `expression` is truthy in the page, asking through the
 * DevTools protocol every `ms`, and returns its value. Not Playwright's
 * `waitForFunction`: that first injects Playwright's own script into the
 * page, a task of about 75 ms at 4× CPU that a trace showed in the middle of
 * the start-up being measured, holding back the widget's feeds. */
async function waitInPage(cdp, expression, { timeout = 120000, ms = 100 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    // Between two documents (a navigation) the question has no answer yet.
    const r = await cdp.send("Runtime.evaluate", { expression, returnByValue: true }).catch(() => null);
    if (r?.result?.value) return r.result.value;
    if (Date.now() > until) throw new Error(`waited ${timeout} ms for ${expression}`);
    await new Promise((done) => setTimeout(done, ms));
  }
}

async function visit(browser, who, { carousel = false } = {}) {
  const { context, page, cdp, bytes } = await open(browser, `/${who}${carousel ? "-carousel" : ""}.html`);
  await waitInPage(cdp, "window.__readyAt");
  // Let lazy media that wants to load, load (no interaction at all).
  await page.waitForTimeout(4000);
  const readyMs = await page.evaluate(() => window.__readyAt);
  const inViewAtLoad = (await page.evaluate(slidesInView)).map((s) => s.index);
  const before = bytes();
  const loadEnd = await page.evaluate(() => performance.now());
  const r = { readyMs, before, inViewAtLoad, cls: await page.evaluate(() => window.__cls) };
  if (carousel) {
    r.load = longtasks(await page.evaluate(() => window.__lt));
    Object.assign(r, await memory(cdp));
    await context.close();
    return r;
  }

  // The reader's visit. 1. Scroll the page with the wheel (the pointer over
  // the page's top left corner, on no tile) until the carousel is mid-screen.
  const seen = new Set();
  const marks = {};
  const mark = async (k) => { marks[k] = Math.round(await page.evaluate(() => performance.now())); };
  await mark("scroll");
  const look = async () => { for (const s of await page.evaluate(slidesInView)) seen.add(s.index); };
  await page.mouse.move(4, 4);
  const dy = await page.evaluate(() => {
    const host = document.querySelector("[data-lede]");
    const rect = (host.shadowRoot ?? host).querySelector("[data-lede-related]").getBoundingClientRect();
    return rect.top - (innerHeight - rect.height) / 2;
  });
  for (let left = dy; Math.abs(left) > 1; ) {
    const step = Math.sign(left) * Math.min(Math.abs(left), 400);
    await page.mouse.wheel(0, step);
    left -= step;
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(2000);
  await look();
  // 2. Next, twice.
  await mark("next");
  const positions = [await page.evaluate(trackPosition)];
  const nextMs = [];
  for (let i = 0; i < 2; i++) {
    const since = await page.evaluate(() => performance.now());
    await page.locator("[data-lede-next]").first().click();
    await page.waitForTimeout(1500);
    nextMs.push(latency(interactions(await page.evaluate(() => window.__events), since, ["pointerdown", "pointerup", "click", "mousedown", "mouseup"])));
    positions.push(await page.evaluate(trackPosition));
    await look();
  }
  // 3. Hover the first video tile in view for 3 s.
  const video = (await page.evaluate(slidesInView)).find((s) => s.media === "video");
  let played = null;
  await mark("hover");
  if (video) {
    await page.mouse.move(video.x, video.y, { steps: 4 });
    await page.waitForTimeout(3000);
    played = await page.evaluate(videoAt, video.index);
    await look();
  }
  // 4. Leave: what the visit moved is what arrived until now.
  await page.mouse.move(4, 4);
  const after = bytes();
  await mark("leave");
  const visitLt = longtasks(await page.evaluate(() => window.__lt), loadEnd);

  // ArrowRight (after the visit, not counted in its bytes): focus the
  // carousel's tab stop, the first tile in view, and press it twice.
  await page.evaluate(() => {
    const host = document.querySelector("[data-lede]");
    const scope = host.shadowRoot ?? host;
    const tiles = [...scope.querySelectorAll("[data-lede-slide] a")];
    const stop = tiles.find((a) => a.getAttribute("tabindex") === "0") ?? tiles.find((a) => { const r = a.getBoundingClientRect(); return r.left >= 0 && r.left < innerWidth; });
    stop.focus();
  });
  await page.waitForTimeout(500);
  const arrowMs = [];
  const arrowFrom = await page.evaluate(trackPosition);
  for (let i = 0; i < 2; i++) {
    const since = await page.evaluate(() => performance.now());
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(1200);
    arrowMs.push(latency(interactions(await page.evaluate(() => window.__events), since, ["keydown", "keyup", "keypress"])));
  }
  const arrowTo = await page.evaluate(trackPosition);
  const lt = await page.evaluate(() => window.__lt);
  Object.assign(r, { marks, visitTasks: lt.filter(([t]) => t >= loadEnd).map(([t, d]) => [Math.round(t), Math.round(d)]), load: longtasks(lt, 0, loadEnd), visitLt, after, seen: [...seen].sort((a, b) => a - b), played, hovered: video?.index ?? null, positions, nextMs, arrowMs, arrowMoved: arrowTo !== arrowFrom });
  Object.assign(r, await memory(cdp));
  await context.close();
  return r;
}

/** The long feed or the many-widget page: time to ready (every widget's
 * sections), long tasks until a second after, memory. */
async function loadOnly(browser, path, network = NETWORK, { window: forMs = 0 } = {}) {
  const { context, page, cdp, bytes } = await open(browser, path, network);
  if (forMs) {
    // The page as it loads, not waiting for every widget: the first forMs
    // milliseconds after its load event.
    await page.waitForLoadState("load");
    await page.waitForTimeout(forMs);
  } else {
    await waitInPage(cdp, "window.__readyAt", { timeout: 180000, ms: 250 });
    await page.waitForTimeout(1000);
  }
  const readyMs = forMs ? NaN : await page.evaluate(() => window.__readyAt);
  // Widgets whose related section is there (started), whatever its state.
  const started = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].filter((h) => (h.shadowRoot ?? h).querySelector("[data-lede-related]")).length);
  const lt = longtasks(await page.evaluate(() => window.__lt));
  const dom = await cdp.send("Memory.getDOMCounters");
  const r = { readyMs, started, load: lt, bytes: bytes(), domNodes: dom.nodes, ...(await memory(cdp)) };
  await context.close();
  return r;
}

// ---- the publisher's pages: a fresh browser of its own for each run ---------------

/** How long the reader stays on article A after it is ready (and its 4 s of
 * "before interaction" are over) before following the link to article B. */
const READ_MS = 4000;

/** A browser with a fresh profile on disk, as a reader's browser has one:
 * an empty HTTP cache and code caches, kept as Chromium keeps them for a real
 * profile (a context from newContext() is off the record, kept in memory).
 * Its first page, the publisher's home page without any widget, loads
 * unthrottled, since a fresh browser's first page is slower whoever it is.
 * Every request is recorded with the document that made it, its bytes as
 * received, its status and whether a cache answered it. */
async function freshBrowser(profile = null) {
  // profile: an earlier browser's, kept (a browser restarted on it).
  const dir = profile ?? (await mkdtemp(join(tmpdir(), "lede-bench-")));
  const context = await chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", args: ARGS, viewport: VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/pub/home.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const requests = new Map();
  let last = Date.now();
  const on = (name, f) => cdp.on(`Network.${name}`, (e) => {
    last = Date.now();
    const r = requests.get(e.requestId);
    if (r) f(r, e);
  });
  cdp.on("Network.requestWillBeSent", (e) => {
    last = Date.now();
    if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, doc: e.documentURL, mime: "", bytes: 0, headers: 0, status: 0, cache: "", start: e.timestamp, end: e.timestamp });
  });
  on("requestServedFromCache", (r) => { r.cache = "memory"; });
  on("responseReceived", (r, e) => {
    r.mime = e.response.mimeType;
    r.status = e.response.status;
    // What had arrived when the response began: its status line and headers.
    r.headers = e.response.encodedDataLength ?? 0;
    if (e.response.fromDiskCache && !r.cache) r.cache = "disk";
  });
  on("dataReceived", (r, e) => { r.bytes += e.encodedDataLength; r.end = e.timestamp; });
  on("loadingFinished", (r, e) => { r.bytes = Math.max(r.bytes, e.encodedDataLength); r.end = e.timestamp; });
  on("loadingFailed", (r, e) => { r.end = e.timestamp; r.failed = e.errorText; });
  const throttle = async (network) => {
    await cdp.send("Network.emulateNetworkConditions", network);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  };
  const close = async ({ keep = false } = {}) => {
    await context.close();
    if (!keep) await rm(dir, { recursive: true, force: true });
  };
  return { dir, context, page, cdp, requests, throttle, close, idleMs: () => Date.now() - last };
}

/** On a publisher's page: the widget's code is whatever comes from the CDN. */
function pubKind(url) {
  const u = new URL(url);
  if (u.origin === cdnOrigin) return "code";
  if (u.origin !== origin) return "other";
  if (u.pathname.startsWith("/api/")) return "feeds";
  if (/\.(jpg|jpeg|png|webp|avif|gif)$/.test(u.pathname)) return "images";
  if (/\.(mp4|webm)$/.test(u.pathname)) return "video";
  return "page";
}

/** The bytes that document `doc` received, by kind (the page's own HTML and
 * stylesheet apart), each code file's fate, and when its last byte came (ms
 * after the page's own request). */
function tally(requests, doc) {
  const b = { page: 0, code: 0, feeds: 0, images: 0, video: 0, other: 0, headers: 0, codeFiles: {}, files: {}, lastByteMs: 0 };
  const nav = [...requests.values()].find((r) => r.doc === doc && r.url === doc);
  for (const r of requests.values()) {
    if (r.doc !== doc) continue;
    const k = pubKind(r.url);
    b[k] += r.bytes;
    if (k !== "page" && k !== "other") b.headers += Math.min(r.headers, r.bytes);
    const path = new URL(r.url).pathname;
    if (k === "code") (b.codeFiles[path] ??= []).push({ status: r.status, cache: r.cache, bytes: r.bytes });
    if (k === "images" || k === "video") b.files[path] = (b.files[path] ?? 0) + r.bytes;
    if (nav && r.bytes > 0) b.lastByteMs = Math.max(b.lastByteMs, (r.end - nav.start) * 1000);
  }
  b.total = b.code + b.feeds + b.images + b.video;
  return b;
}

/** In the page: when the last byte of the page's feeds (`/api/`) asked for
 * before ready came, from navigation start (Resource Timing's
 * `responseEnd`): NaN without them. */
function feedsEnd() {
  const asked = (e) => new URL(e.name).pathname.startsWith("/api/") && e.startTime <= window.__readyAt;
  const ends = performance.getEntriesByType("resource").filter(asked).map((e) => e.responseEnd);
  return ends.length ? Math.max(...ends) : NaN;
}

/** In the page: Resource Timing of what came from the CDN. */
function cdnTiming(cdn) {
  return performance.getEntriesByType("resource").filter((e) => e.name.startsWith(cdn)).map((e) => ({ path: new URL(e.name).pathname, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize }));
}

/** Loads one article page in browser `b` (by navigating to it, or by the
 * page's own link, as a reader follows it) and measures it as the demo page's
 * load is measured: ready, then 4 s with no input. */
async function pubLoad(b, url, { follow = false } = {}) {
  const cdnFrom = cdnLog.length;
  if (follow) {
    await b.page.evaluate((u) => { location.href = u; }, url).catch(() => {});
    await b.page.waitForURL(url, { waitUntil: "commit", timeout: 60000 });
  } else await b.page.goto(url, { waitUntil: "commit" });
  await waitInPage(b.cdp, "window.__readyAt");
  await b.page.waitForTimeout(4000);
  const readyMs = await b.page.evaluate(() => window.__readyAt);
  const inViewAtLoad = (await b.page.evaluate(slidesInView)).map((s) => s.index);
  const timing = await b.page.evaluate(cdnTiming, cdnOrigin);
  const feedsEndMs = await b.page.evaluate(feedsEnd);
  const load = longtasks(await b.page.evaluate(() => window.__lt));
  return { readyMs, inViewAtLoad, load, feedsEndMs, before: tally(b.requests, url), timing, cdn: cdnLog.slice(cdnFrom) };
}

/** A first visit to article A in a fresh browser, then, after reading it, the
 * reader follows its link to article B: the returning reader's next article,
 * with the HTTP cache and code caches as A left them. Slow 4G, CPU 4x. */
async function pubVisit(subject) {
  return afterArticleA(subject, async (b, first) => ({ first, next: await pubLoad(b, `${origin}/pub/${subject}/b.html`, { follow: true }) }));
}

/** Article A of `subject` read in a fresh browser (the probe in, the
 * network throttled) as pubLoad loads it, and READ_MS more; then
 * `then(b, first)` in that browser, A's load's figures in `first`: the
 * returning reader about to follow A's link to article B. The browser is
 * closed after. */
async function afterArticleA(subject, then) {
  const b = await freshBrowser();
  try {
    await b.context.addInitScript(probe);
    await b.throttle(NETWORK);
    const first = await pubLoad(b, `${origin}/pub/${subject}/a.html`);
    await b.page.waitForTimeout(READ_MS);
    return await then(b, first);
  } finally {
    await b.close();
  }
}

/** Runs `during` with a Chromium trace of `categories` recording, and gives
 * back what it returned and the trace's events whose names `keep` matches
 * (the trace has ended, every event delivered). */
async function traced(cdp, categories, keep, during) {
  const events = [];
  const collect = (e) => { for (const ev of e.value) if (keep.test(ev.name)) events.push(ev); };
  cdp.on("Tracing.dataCollected", collect);
  try {
    await cdp.send("Tracing.start", { traceConfig: { includedCategories: categories }, transferMode: "ReportEvents" });
    const result = await during();
    const complete = new Promise((done) => cdp.once("Tracing.tracingComplete", done));
    await cdp.send("Tracing.end");
    await complete;
    return { result, events };
  } finally {
    cdp.off("Tracing.dataCollected", collect);
  }
}

/** The trace events that say what V8 did with the code: each script's
 * compilation (v8.compile, v8.compileModule: with consumedCacheSize when it
 * used a code cache) and the code cache it wrote (v8.produceCache,
 * v8.produceModuleCache); the wasm module compiled from its bytes
 * (wasm.NewNativeModule), taken from the wasm code cache on disk
 * (v8.wasm.moduleCacheHit) or from the renderer's memory
 * (wasm.GetNativeModuleFromCache, then CacheHit), tiered up
 * (wasm.TopTierCompilation), written to the code cache (v8.wasm.cachedModule). */
const TRACED = /^(v8\.(compile|compileModule|produceCache|produceModuleCache|wasm\.moduleCacheHit|wasm\.moduleCacheInvalid|wasm\.cachedModule)|wasm\.(SetUrl|NewNativeModule|GetNativeModuleFromCache|TopTierCompilation)|CacheHit)$/;

/** What a page's trace says V8 did with each file from the CDN. */
function traceSummary(events) {
  const out = {};
  const note = (url, text) => {
    if (!url?.startsWith(cdnOrigin)) return;
    const k = basename(new URL(url).pathname);
    if (!(out[k] ??= []).includes(text)) out[k].push(text);
  };
  for (const e of events) {
    const d = e.args?.data ?? {};
    if (e.name === "v8.compile" || e.name === "v8.compileModule") note(d.url, d.consumedCacheSize ? `compiled with its code cache (${kb(d.consumedCacheSize)} KB${d.cacheRejected ? ", rejected" : ""})` : "compiled without a code cache");
    if ((e.name === "v8.produceCache" || e.name === "v8.produceModuleCache") && d.producedCacheSize) note(d.url, `wrote its code cache (${kb(d.producedCacheSize)} KB)`);
  }
  const has = (n) => events.some((e) => e.name === n);
  const wasm = [];
  const hit = events.find((e) => e.name === "v8.wasm.moduleCacheHit");
  if (hit) wasm.push(`module from the wasm code cache on disk (${kb(hit.args.consumedCacheSize)} KB)`);
  else if (has("wasm.GetNativeModuleFromCache") && has("CacheHit")) wasm.push("module reused from the renderer's memory (V8's module cache: same process, same bytes)");
  if (has("wasm.NewNativeModule")) wasm.push("compiled from its bytes");
  if (has("v8.wasm.moduleCacheInvalid")) wasm.push("its code cache was invalid");
  if (has("wasm.TopTierCompilation")) wasm.push("hot functions tiered up");
  const written = events.find((e) => e.name === "v8.wasm.cachedModule");
  if (written) wasm.push(`wrote the wasm code cache (${kb(written.args.producedCacheSize)} KB)`);
  const wasmUrl = events.find((e) => e.name === "wasm.SetUrl")?.args?.url ?? hit?.args?.url;
  if (wasm.length) out[wasmUrl ? basename(new URL(wasmUrl).pathname) : "the wasm"] = wasm;
  return out;
}

/** Loads a page in browser b as pubLoad does, with a trace of it (until
 * READ_MS after its 4 s): what V8 did with the code. */
async function tracedLoad(b, url, opts) {
  const { result: r, events } = await traced(b.cdp, ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "disabled-by-default-v8.wasm.detailed"], TRACED, async () => {
    const r = await pubLoad(b, url, opts);
    await b.page.waitForTimeout(READ_MS);
    return r;
  });
  return { readyMs: r.readyMs, code: r.before.code, files: r.before.codeFiles, v8: traceSummary(events) };
}

/** Unmeasured, once per subject: what V8 did with the code, from a trace of
 * each page. Articles A, B and C read in turn in one browser, as pubVisit
 * reads A and B; then article A in a fresh browser, closed, and article B in
 * the browser started again on the same profile (a reader coming back
 * later: the disk caches, not the renderer's memory). */
async function codeCacheCheck(subject) {
  const pages = [];
  let b = await freshBrowser();
  try {
    await b.context.addInitScript(probe);
    await b.throttle(NETWORK);
    for (const [i, which] of ["a", "b", "c"].entries()) pages.push({ which: which.toUpperCase(), ...(await tracedLoad(b, `${origin}/pub/${subject}/${which}.html`, { follow: i > 0 })) });
    await b.close();
    b = await freshBrowser();
    await b.context.addInitScript(probe);
    await b.throttle(NETWORK);
    await pubLoad(b, `${origin}/pub/${subject}/a.html`);
    await b.page.waitForTimeout(READ_MS);
    await b.close({ keep: true });
    b = await freshBrowser(b.dir);
    await b.context.addInitScript(probe);
    await b.throttle(NETWORK);
    pages.push({ which: "B after a restart", ...(await tracedLoad(b, `${origin}/pub/${subject}/b.html`)) });
  } finally {
    await b.close();
  }
  return pages;
}

/** The trace events a first visit's start is told from: the main thread's
 * tasks, style and layout, V8 compiling a wasm function on its first call,
 * and the navigation's start (on the new page's main thread). */
const STARTUP_TRACED = /^(RunTask|wasm\.CompileLazy|Layout|UpdateLayoutTree|navigationStart)$/;

/** The total length of `spans` ([start, end] pairs), each clipped to
 * [from, to], where they overlap counted once (a task run inside another's
 * nested loop, a layout inside a style update). */
function covered(spans, from, to) {
  const clipped = spans.map(([a, b]) => [Math.max(a, from), Math.min(b, to)]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** A first visit of article A in a fresh browser, traced: when the code's
 * last byte came from the CDN, when both sections were ready, and what the
 * renderer's main thread did in between: its tasks' time, the part of it V8
 * spent compiling wasm functions as they were first called (V8 compiles a
 * wasm module's functions lazily, on the main thread), and style and layout.
 * Tracing slows the page a little: these loads are not the timed ones. */
async function startupVisit(subject) {
  const b = await freshBrowser();
  try {
    await b.context.addInitScript(probe);
    await b.throttle(NETWORK);
    const url = `${origin}/pub/${subject}/a.html`;
    const { result: { readyMs, codeEndMs }, events } = await traced(b.cdp, ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.wasm", "blink.user_timing"], STARTUP_TRACED, async () => {
      await b.page.goto(url, { waitUntil: "commit" });
      await waitInPage(b.cdp, "window.__readyAt");
      return b.page.evaluate((cdn) => {
        const ready = window.__readyAt;
        const ends = performance.getEntriesByType("resource").filter((e) => e.name.startsWith(cdn) && e.responseEnd <= ready).map((e) => e.responseEnd);
        return { readyMs: ready, codeEndMs: ends.length ? Math.max(...ends) : NaN };
      }, cdnOrigin);
    });
    // The page's time origin is its navigationStart, traced on its main thread.
    const nav = events.findLast((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL === url && e.args?.data?.isOutermostMainFrame !== false);
    if (!nav) throw new Error("no navigationStart in the trace");
    const [from, to] = [nav.ts + codeEndMs * 1000, nav.ts + readyMs * 1000];
    // The time of the named events on the page's main thread inside [from, to], in ms.
    const within = (...names) => covered(events.filter((e) => names.includes(e.name) && e.ph === "X" && e.pid === nav.pid && e.tid === nav.tid).map((e) => [e.ts, e.ts + (e.dur ?? 0)]), from, to) / 1000;
    return { readyMs, codeEndMs, afterCodeMs: readyMs - codeEndMs, busyMs: within("RunTask"), lazyMs: within("wasm.CompileLazy"), layoutMs: within("Layout", "UpdateLayoutTree") };
  } finally {
    await b.close();
  }
}

/** CPU by kind (and the functions that took most of it) in the profiled
 * loads' spans, summed over the loads. */
const profiled = { loads: 0, kinds: new Map(), functions: new Map(), inclusive: new Map() };

/** A returning reader's next article under V8's sampling profiler (the
 * `profile` part): article A, then B followed from it, as pubVisit does,
 * with B profiled. Only the samples from 5 ms before the feeds' last byte
 * to ready count: the span a returning reader waits for Lede. Each sample
 * goes to a kind: Lede's wasm, Lede's JavaScript (the glue and lede.js),
 * the browser's own functions they call (natives), the browser's other
 * work (program: style, layout, paint), garbage collection, idle. On a
 * build with the wasm's names kept (trunk's `data-wasm-opt-params="-g"`
 * and `-g` in release step 8) the wasm's functions have their Rust names.
 * The profiler makes each call between the wasm and JavaScript dearer than
 * it is: it shows where to look; a change's gain is measured by the timed
 * parts (or a trace), not here. */
async function profileVisit(subject) {
  return afterArticleA(subject, async (b) => {
    await b.cdp.send("Profiler.enable");
    await b.cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await b.cdp.send("Profiler.start");
    const r = await pubLoad(b, `${origin}/pub/${subject}/b.html`, { follow: true });
    const { profile } = await b.cdp.send("Profiler.stop");
    await b.cdp.send("Performance.enable");
    const { metrics } = await b.cdp.send("Performance.getMetrics");
    // The profile's clock is the page's monotonic one, in microseconds.
    const navUs = metrics.find((m) => m.name === "NavigationStart").value * 1e6;
    tallyProfile(profile, navUs, r.feedsEndMs - 5, r.readyMs);
    r.timeline = await b.page.evaluate(timeline);
    return r;
  });
}

/** The profile part with BENCH_TRACE_TASKS=1: a returning reader's next
 * article traced rather than sampled, printed as the main thread's tasks
 * (a frame's rendering among them) from 5 ms before the feeds' last byte
 * to ready, each with the time of the work inside it by name (scripts,
 * style, layout, paint). */
async function taskVisit(subject) {
  return afterArticleA(subject, async (b) => {
    const url = `${origin}/pub/${subject}/b.html`;
    const { result: r, events } = await traced(b.cdp, ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink", "blink.user_timing", "loading"], /./, async () => pubLoad(b, url, { follow: true }));
    const nav = events.findLast((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL?.endsWith("/b.html") && e.args?.data?.isOutermostMainFrame !== false);
    if (!nav) throw new Error(`no navigationStart in the trace (${events.filter((e) => e.name === "navigationStart").map((e) => e.args?.data?.documentLoaderURL).join(", ")})`);
    const at = (us) => ((us - nav.ts) / 1000).toFixed(1);
    const [from, to] = [nav.ts + (r.feedsEndMs - 5) * 1000, nav.ts + (r.readyMs + 1) * 1000];
    const main = events.filter((e) => e.ph === "X" && e.pid === nav.pid && e.tid === nav.tid && e.ts + (e.dur ?? 0) >= from && e.ts <= to);
    const tasks = main.filter((e) => e.name === "RunTask" && e.dur >= 200);
    const lines = tasks.map((t) => {
      const inner = new Map();
      for (const e of main) if (e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && (e.dur ?? 0) >= 100) inner.set(e.name, (inner.get(e.name) ?? 0) + e.dur);
      const top = [...inner].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(", ");
      return `    ${at(t.ts)}-${at(t.ts + t.dur)} (${(t.dur / 1000).toFixed(1)} ms): ${top}`;
    });
    return { ...r, tasks: lines.join("\n") };
  });
}

/** In the page: a returning reader's load as times from navigation start:
 * each file's request and last byte, then the frames in which the first
 * widget was first seen mounted, each section shown, and all ready. */
function timeline() {
  const files = performance.getEntriesByType("resource").filter((e) => e.startTime <= window.__readyAt);
  const at = (ms) => ms.toFixed(0);
  const seen = Object.entries(window.__seen).map(([k, ms]) => `${k} ${at(ms)}`);
  return [...files.map((e) => `${new URL(e.name).pathname.split("/").pop()} ${at(e.startTime)}-${at(e.responseEnd)}${e.transferSize ? "" : " (cache)"}`), ...seen, `ready ${at(window.__readyAt)}`].join(", ");
}

/** Adds a profile's samples between `fromMs` and `toMs` (page time) to `profiled`. */
function tallyProfile(profile, navUs, fromMs, toMs) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const lede = (f) => /\/lede\//.test(f.url ?? "");
  const kindOf = (f) => {
    const name = f.functionName;
    if (["(program)", "(idle)", "(garbage collector)"].includes(name)) return name.slice(1, -1);
    if (/\.wasm$/.test(f.url ?? "") || /^(wasm-|js-to-wasm|\$)|::/.test(name)) return "Lede's wasm";
    if (lede(f)) return "Lede's JavaScript";
    return f.url ? "the page's or the bench's JavaScript" : "the browser's functions (and scripts with no URL)";
  };
  profiled.loads++;
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const clean = (f, kind) => `${f.functionName || "(anonymous)"} [${kind}]`.replace(/\[[0-9a-f]{16}\]|::h[0-9a-f]{16}/g, "");
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const ms = (t - navUs) / 1000;
    if (ms < fromMs || ms > toMs) return;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = byId.get(id).callFrame;
    const kind = kindOf(f);
    profiled.kinds.set(kind, (profiled.kinds.get(kind) ?? 0) + dt);
    if (kind !== "idle" && kind !== "program") {
      const name = clean(f, kind);
      profiled.functions.set(name, (profiled.functions.get(name) ?? 0) + dt);
      // Its time counts once for every function on its stack.
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const g = byId.get(at).callFrame;
        const k = kindOf(g);
        if (k === "Lede's wasm" || k === "Lede's JavaScript") seen.add(clean(g, k));
      }
      for (const s of seen) profiled.inclusive.set(s, (profiled.inclusive.get(s) ?? 0) + dt);
    }
  });
}

/** Prints the profiled CPU a load, by kind and by function. */
function printProfiles() {
  const n = Math.max(profiled.loads, 1);
  const rows = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, ms]) => `    ${(ms / n).toFixed(1).padStart(6)} ms  ${name.slice(0, 160)}`);
  console.log(`\nThe returning reader's CPU from the feeds' last byte to ready, a load (mean of ${profiled.loads}), by kind:`);
  console.log(rows(profiled.kinds, 10).join("\n"));
  console.log("and by function (its own time, not its callees'):");
  console.log(rows(profiled.functions, 25).join("\n"));
  console.log("and Lede's functions with their callees' time:");
  console.log(rows(profiled.inclusive, Number(process.env.BENCH_PROFILE_ROWS ?? 25)).join("\n"));
}

/** In the page, before any script: when the first widget's element first
 * enters the viewport (any part of it). */
function watchEntry() {
  window.__enteredAt = null;
  const watch = () => {
    const host = document.querySelector("[data-lede]");
    if (!host) return requestAnimationFrame(watch);
    new IntersectionObserver((entries, io) => {
      if (entries.some((e) => e.isIntersecting)) {
        window.__enteredAt = entries[0].time;
        io.disconnect();
      }
    }).observe(host);
  };
  watch();
}

/** The widget three viewports down a publisher's page, Fast 4G, CPU 4x: what
 * the page moves before any scroll (until the network has been quiet for 2 s,
 * at least 3 s after the load event), then the reader scrolls at reading
 * speed, the wheel 250 px every 500 ms, until the widget's top is a quarter
 * down the viewport; then ready, and 4 s more. */
async function belowVisit(subject) {
  const b = await freshBrowser();
  try {
    await b.context.addInitScript(probe);
    await b.context.addInitScript(watchEntry);
    await b.throttle(FAST_4G);
    const url = `${origin}/pub/${subject}/below.html`;
    await b.page.goto(url, { waitUntil: "load", timeout: 120000 });
    const loaded = Date.now();
    while (Date.now() - loaded < 30000 && (b.idleMs() < 2000 || Date.now() - loaded < 3000)) await b.page.waitForTimeout(100);
    const pre = await b.page.evaluate(() => ({
      readyAt: window.__readyAt ?? null,
      top: document.querySelector("[data-lede]").getBoundingClientRect().top + scrollY,
      vh: innerHeight,
      lt: window.__lt,
    }));
    const before = tally(b.requests, url);
    await b.page.mouse.move(4, 4);
    const scrollAt = await b.page.evaluate(() => performance.now());
    let steps = 0;
    for (; steps < 100; steps++) {
      const at = await b.page.evaluate(() => ({ top: document.querySelector("[data-lede]").getBoundingClientRect().top, vh: innerHeight, y: scrollY, max: document.documentElement.scrollHeight - innerHeight }));
      if (at.top <= at.vh / 4 || at.y >= at.max - 1) break;
      await b.page.mouse.wheel(0, 250);
      await b.page.waitForTimeout(500);
    }
    await waitInPage(b.cdp, "window.__readyAt && window.__enteredAt");
    await b.page.waitForTimeout(4000);
    const post = await b.page.evaluate(() => ({ readyAt: window.__readyAt, enteredAt: window.__enteredAt, lt: window.__lt }));
    return {
      top: pre.top,
      viewports: pre.top / pre.vh,
      before,
      readyBeforeScroll: pre.readyAt,
      ltBefore: longtasks(pre.lt, 0, scrollAt),
      scrollAt,
      steps,
      enteredAt: post.enteredAt,
      readyMs: post.readyAt,
      readyVsEntry: post.readyAt - post.enteredAt,
      ltAfter: longtasks(post.lt, scrollAt),
      after: tally(b.requests, url),
    };
  } finally {
    await b.close();
  }
}

// ---- the runs --------------------------------------------------------------------

const SUBJECTS = ["lede", "peer", "lede-noposter"];
const rotate = (xs, i) => xs.map((_, j) => xs[(i + j) % xs.length]);
const kb = (n) => (n / 1024).toFixed(1);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const res = { visit: {}, carousel: {}, big: {}, many: {}, manylazy: {}, pub: {}, startup: {}, below: {} };
for (const k of Object.keys(res)) for (const s of [...SUBJECTS, ...PUB_SUBJECTS]) res[k][s] ??= [];
const failures = [];
/** Seconds each part took, and how many rounds (each subject once) it ran. */
const partTime = {};
const timed = async (part, rounds, f) => {
  const t = Date.now();
  await f();
  partTime[part] = { s: (Date.now() - t) / 1000, rounds };
};
console.log(`bench: ${RUNS} runs, Lede and the peer interleaved; ${VIEWPORT.width}x${VIEWPORT.height}, CPU ${CPU_SLOWDOWN}x slower, Slow 4G; parts: ${[...PARTS].join(", ")}`);
// A first, unmeasured load of each page: the first page of a fresh browser
// is slower whoever it is.
if (["visit", "carousel", "big", "many"].some((p) => PARTS.has(p))) for (const s of SUBJECTS.slice(0, 2)) await loadOnly(browser, `/${s}.html`);
const visitStart = Date.now();
for (let i = 0; i < (PARTS.has("visit") ? RUNS : 0); i++) {
  for (const s of rotate(SUBJECTS, i)) {
    const r = await visit(browser, s);
    res.visit[s].push(r);
    const p = r.played;
    console.log(`  [${clock()}] run ${i + 1}/${RUNS} ${s}: ready ${r.readyMs.toFixed(0)} ms; before interaction ${kb(r.before.total)} KB (img ${kb(r.before.images)}, video ${kb(r.before.video)}); after the visit ${kb(r.after.total)} KB (img ${kb(r.after.images)}, video ${kb(r.after.video)}); track at ${r.positions.join(" > ")}; next ${r.nextMs.map((x) => x.toFixed(0)).join(", ")} ms, arrow ${r.arrowMs.map((x) => x.toFixed(0)).join(", ")} ms (moved: ${r.arrowMoved}); hovered slide ${r.hovered}: ${p ? `${p.paused ? "paused" : "playing"} at ${p.time.toFixed(2)} s` : "no video in view"}; seen ${r.seen.join(",")}`);
    if (VERBOSE) console.log("    marks", r.marks, "tasks after load", r.visitTasks, "\n    files before:", r.before.files, "\n    files after:", r.after.files, "\n    played:", p);
  }
}
if (PARTS.has("visit")) partTime.visit = { s: (Date.now() - visitStart) / 1000, rounds: RUNS };
const carouselStart = Date.now();
for (let i = 0; i < (PARTS.has("carousel") ? RUNS : 0); i++) {
  for (const s of rotate(SUBJECTS.slice(0, 2), i)) {
    const r = await visit(browser, s, { carousel: true });
    res.carousel[s].push(r);
    console.log(`  [${clock()}] carousel-only page, run ${i + 1}/${RUNS} ${s}: ready ${r.readyMs.toFixed(0)} ms, ${kb(r.before.total)} KB (media ${kb(r.before.images + r.before.video)} KB), slides in view ${r.inViewAtLoad.join(",")}`);
  }
}
if (PARTS.has("carousel")) partTime.carousel = { s: (Date.now() - carouselStart) / 1000, rounds: RUNS };
const FEW = Math.max(3, Math.ceil(RUNS / 3));
const bigStart = Date.now();
for (let i = 0; i < (PARTS.has("big") ? FEW : 0); i++) {
  for (const s of rotate(SUBJECTS.slice(0, 2), i)) {
    const r = await loadOnly(browser, `/${s}-big.html`);
    res.big[s].push(r);
    console.log(`  [${clock()}] ${BIG.toLocaleString("en")} items, run ${i + 1}/${FEW} ${s}: ready ${r.readyMs.toFixed(0)} ms, longest task ${r.load.longest.toFixed(0)} ms, ${r.domNodes} DOM nodes, feed ${kb(r.bytes.feeds)} KB`);
  }
}
if (PARTS.has("big")) partTime.big = { s: (Date.now() - bigStart) / 1000, rounds: FEW };
const manyStart = Date.now();
for (let i = 0; i < (PARTS.has("many") ? FEW : 0); i++) {
  for (const s of rotate(SUBJECTS.slice(0, 2), i)) {
    const r = await loadOnly(browser, `/${s}-many.html`, UNTHROTTLED);
    res.many[s].push(r);
    console.log(`  [${clock()}] ${MANY} widgets, run ${i + 1}/${FEW} ${s}: all ready ${r.readyMs.toFixed(0)} ms, longest task ${r.load.longest.toFixed(0)} ms, total ${r.load.total.toFixed(0)} ms, ${kb(r.bytes.total)} KB`);
  }
}
// The same page as a publisher writes it (no data-loading): its first
// MANY_WINDOW_MS after the load event.
for (let i = 0; i < (PARTS.has("many") ? FEW : 0); i++) {
  for (const s of rotate(SUBJECTS.slice(0, 2), i)) {
    const r = await loadOnly(browser, `/${s}-manylazy.html`, UNTHROTTLED, { window: MANY_WINDOW_MS });
    res.manylazy[s].push(r);
    console.log(`  [${clock()}] ${MANY} widgets as written, run ${i + 1}/${FEW} ${s}: ${r.started} started in ${MANY_WINDOW_MS / 1000} s, longest task ${r.load.longest.toFixed(0)} ms, total ${r.load.total.toFixed(0)} ms, ${kb(r.bytes.total)} KB`);
  }
}
if (PARTS.has("many")) partTime.many = { s: (Date.now() - manyStart) / 1000, rounds: FEW };
await browser.close();

// The publisher's pages: each run a fresh browser per subject, the subjects
// interleaved (the order rotated each run) as above.
const log = (m) => console.log(`  [${clock()}] ${m}`);
const attempt = async (what, f) => {
  try {
    return await f();
  } catch (e) {
    failures.push(`${what}: ${e.message.split("\n")[0]}`);
    console.error(`  ${what} failed: ${e.message}`);
    return null;
  }
};
if (PARTS.has("profile")) {
  for (let i = 0; i < RUNS; i++) {
    if (process.env.BENCH_TRACE_TASKS) {
      const r = await attempt(`tasks, run ${i + 1}`, () => taskVisit("lede-recipe"));
      if (r) log(`tasks, run ${i + 1}/${RUNS}: ready ${r.readyMs.toFixed(0)} ms, the feeds' last byte ${r.feedsEndMs.toFixed(0)} ms\n${r.tasks}`);
      continue;
    }
    const r = await attempt(`profile, run ${i + 1}`, () => profileVisit("lede-recipe"));
    if (r) log(`profile, run ${i + 1}/${RUNS}: ready ${r.readyMs.toFixed(0)} ms, the feeds' last byte ${r.feedsEndMs.toFixed(0)} ms; ${r.timeline}`);
  }
  printProfiles();
  process.exit(failures.length ? 1 : 0);
}
let checks = {};
if (PARTS.has("publisher")) {
  await timed("publisher", RUNS, async () => {
    for (let i = 0; i < RUNS; i++) {
      for (const s of rotate(PUB_SUBJECTS, i)) {
        const r = await attempt(`publisher's page, run ${i + 1} ${s}`, () => pubVisit(s));
        if (!r) continue;
        res.pub[s].push(r);
        const f = r.first;
        const n = r.next;
        log(`publisher's page, run ${i + 1}/${RUNS} ${s}: first visit ready ${f.readyMs.toFixed(0)} ms, ${kb(f.before.total)} KB (code ${kb(f.before.code)}); next article ready ${n.readyMs.toFixed(0)} ms, ${kb(n.before.total)} KB (code ${kb(n.before.code)}; the CDN answered ${n.cdn.map(([p, st]) => `${basename(p)} ${st}`).join(", ") || "nothing"})`);
        if (VERBOSE) console.log("    first:", f.before.codeFiles, f.timing, "\n    next:", n.before.codeFiles, n.timing);
      }
    }
  });
}
// The publisher's first visit again, traced: what the main thread does from
// the code's last byte to ready.
if (PARTS.has("startup")) {
  await timed("startup", RUNS, async () => {
    for (let i = 0; i < RUNS; i++) {
      for (const s of rotate(PUB_SUBJECTS, i)) {
        const r = await attempt(`first visit traced, run ${i + 1} ${s}`, () => startupVisit(s));
        if (!r) continue;
        res.startup[s].push(r);
        log(`first visit traced, run ${i + 1}/${RUNS} ${s}: the code's last byte at ${r.codeEndMs.toFixed(0)} ms, ready at ${r.readyMs.toFixed(0)} ms; between them the main thread busy ${r.busyMs.toFixed(0)} ms, wasm compiled on first call ${r.lazyMs.toFixed(0)} ms, style and layout ${r.layoutMs.toFixed(0)} ms`);
      }
    }
  });
}
// Unmeasured: what V8 did with the code on the publisher's pages, traced.
if (PARTS.has("codecache")) {
  await timed("codecache", 1, async () => {
    for (const s of PUB_SUBJECTS) {
      checks[s] = await attempt(`code cache check ${s}`, () => codeCacheCheck(s));
      log(`code cache check ${s}: ${checks[s] ? "done" : "failed"}`);
    }
  });
}
if (PARTS.has("below")) {
  await timed("below", RUNS, async () => {
    for (let i = 0; i < RUNS; i++) {
      for (const s of rotate(PUB_SUBJECTS, i)) {
        const r = await attempt(`widget below the fold, run ${i + 1} ${s}`, () => belowVisit(s));
        if (!r) continue;
        res.below[s].push(r);
        log(`widget below the fold (${r.viewports.toFixed(2)} viewports down), run ${i + 1}/${RUNS} ${s}: before any scroll ${kb(r.before.total)} KB (code ${kb(r.before.code)}), last byte at ${r.before.lastByteMs.toFixed(0)} ms, ${r.readyBeforeScroll ? `ready at ${r.readyBeforeScroll.toFixed(0)} ms` : "not ready"}; scrolled ${r.steps} times from ${r.scrollAt.toFixed(0)} ms; entered the viewport at ${r.enteredAt.toFixed(0)} ms, ready at ${r.readyMs.toFixed(0)} ms (${r.readyVsEntry <= 0 ? `${(-r.readyVsEntry).toFixed(0)} ms before` : `${r.readyVsEntry.toFixed(0)} ms after`}); ${kb(r.after.total)} KB in all`);
      }
    }
  });
}

// ---- Lighthouse ----------------------------------------------------------------

async function lighthouse(path) {
  const bin = join(here, "node_modules", ".bin", "lighthouse");
  const out = join(root, "target", `lighthouse-${path.replace(/\W/g, "") || "index"}.json`);
  await promisify(execFile)(bin, [origin + path, "--quiet", "--output=json", `--output-path=${out}`, "--only-categories=performance,accessibility,best-practices,seo", `--chrome-flags=--headless=new ${ARGS.join(" ")}`], { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 << 20 });
  const report = JSON.parse(await readFile(out, "utf8"));
  const scores = Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
  const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual").map((a) => `${a.id} (${a.displayValue ?? a.score})`);
  const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map((id) => `${id.replace(/-/g, " ")} ${report.audits[id]?.displayValue ?? "?"}`);
  const weight = report.audits["total-byte-weight"]?.displayValue ?? "?";
  return { scores, failing, metrics, weight };
}
let lh = {};
if (PARTS.has("lighthouse")) console.log(`  [${clock()}] Lighthouse`);
if (PARTS.has("lighthouse")) try {
  await mkdir(join(root, "target"), { recursive: true });
  const t = Date.now();
  lh = { lede: await lighthouse("/lede.html"), peer: await lighthouse("/peer.html") };
  partTime.lighthouse = { s: (Date.now() - t) / 1000, rounds: 1 };
} catch (e) {
  console.log(`lighthouse failed: ${e.message}`);
}

// ---- the physical limit --------------------------------------------------------------
// Before interaction: the page's feeds (brotli) and the thumbnails in view at
// load (a video tile's thumbnail is its poster). After the visit: the feeds,
// the thumbnails of every tile seen during the visit, and the clip bytes
// actually played (the clip's header and the packets of the time ranges its
// video element reports as played).

const pics = [...demoFeed].map((x, n) => ({ x, n })).sort((a, b) => (Number(b.x.sort) || 0) - (Number(a.x.sort) || 0) || a.n - b.n).map(({ x }) => x.pic);
const feedBytes = {
  page: (await wireBytes("/api/article/1855600.json")) + (await wireBytes("/api/related/1855600.json")),
  carousel: await wireBytes("/api/related/1855600.json"),
  // Article B's, on the publisher's page.
  next: (await wireBytes(`/api/article/${STORIES.b}.json`)) + (await wireBytes(`/api/related/${STORIES.b}.json`)),
};
const thumbBytes = (indices) => indices.reduce((n, i) => n + sizes[thumbOf(pics[i])], 0);
function limits(r, feeds) {
  const before = feeds + thumbBytes(r.inViewAtLoad);
  if (!r.seen) return { before };
  const clip = r.played && mediaFile(new URL(r.played.src, origin).pathname.slice("/media".length));
  const playedB = r.played ? playedBytes(clip, r.played.played) : 0;
  return { before, after: feeds + thumbBytes(r.seen) + playedB, playedB, clip };
}
for (const s of SUBJECTS) {
  for (const r of res.visit[s]) r.limit = limits(r, feedBytes.page);
  for (const r of res.carousel[s]) r.limit = limits(r, feedBytes.carousel);
}
// On the publisher's pages the code is not in the limit either: a returning
// reader's code comes from the cache.
for (const s of PUB_SUBJECTS) {
  for (const r of res.pub[s]) {
    r.first.limit = limits(r.first, feedBytes.page);
    r.next.limit = limits(r.next, feedBytes.next);
  }
}

// ---- report ------------------------------------------------------------------------

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  // The median of an even count is the mean of the middle two.
  const med = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { min: s[0], med, max: s[s.length - 1] };
};
const FORMAT = {
  KB: (v) => (v / 1024).toFixed(1),
  MB: (v) => (v / 1048576).toFixed(2),
  ms: (v) => v.toFixed(0),
  lat: (v) => (v < 16 ? "<16" : v.toFixed(0)),
  n: (v) => String(Math.round(v)),
  x: (v) => v.toFixed(2),
  cls: (v) => v.toFixed(3),
};
const rows = [];
const cell = (set, pick, unit) => {
  // A run without the figure (say, a widget not ready before any scroll) has none.
  const xs = (set ?? []).map(pick).filter(Number.isFinite);
  if (!xs.length) return { text: "–", med: NaN };
  const v = stats(xs);
  const f = FORMAT[unit];
  return { text: `${f(v.min)} / ${f(v.med)} / ${f(v.max)}`, med: v.med };
};
// lede: the subject in Lede's column (lede-recipe for the recipe's rows);
// ratio: false where a ratio means nothing (a signed difference).
const row = (label, pick, unit, group = "visit", { noposter = group === "visit", lede = "lede", ratio: withRatio = true } = {}) => {
  const l = cell(res[group][lede], pick, unit);
  const p = cell(res[group].peer, pick, unit);
  const n = noposter ? cell(res[group]["lede-noposter"], pick, unit).text : "–";
  const ratio = !withRatio ? "–" : p.med > 0 && Number.isFinite(l.med) ? (l.med / p.med).toFixed(2) : l.med === p.med ? "1.00" : "–";
  rows.push(`| ${label} | ${l.text} | ${p.text} | ${ratio} | ${n} |`);
};
/** In how many runs something was true: "k of n". */
const countRow = (label, pred, group, { lede = "lede" } = {}) => {
  const c = (set) => (set?.length ? `${set.filter(pred).length} of ${set.length}` : "–");
  rows.push(`| ${label} | ${c(res[group][lede])} | ${c(res[group].peer)} | – | – |`);
};
const section = (title) => rows.push(`| **${title}** | | | | |`);
section("the demo page (article, then the carousel below the fold)");
row("time to both sections ready (ms)", (r) => r.readyMs, "ms");
row("bytes before interaction, all (KB)", (r) => r.before.total, "KB");
row("  code: JS, wasm, CSS (KB)", (r) => r.before.code, "KB");
row("  feeds (KB)", (r) => r.before.feeds, "KB");
row("  images (KB)", (r) => r.before.images, "KB");
row("  video (KB)", (r) => r.before.video, "KB");
row("bytes after the visit, all (KB)", (r) => r.after.total, "KB");
row("  images (KB)", (r) => r.after.images, "KB");
row("  video (KB)", (r) => r.after.video, "KB");
row("Next click latency, median of 2 (ms)", (r) => stats(r.nextMs).med, "lat");
row("Next click latency, worst of 2 (ms)", (r) => Math.max(...r.nextMs), "lat");
row("ArrowRight latency, median of 2 (ms)", (r) => stats(r.arrowMs).med, "lat");
row("ArrowRight latency, worst of 2 (ms)", (r) => Math.max(...r.arrowMs), "lat");
row("long tasks during load, total (ms)", (r) => r.load.total, "ms");
row("longest task during load (ms)", (r) => r.load.longest, "ms");
row("long tasks during the visit, total (ms)", (r) => r.visitLt.total, "ms");
row("longest task during the visit (ms)", (r) => r.visitLt.longest, "ms");
row("JS heap after the visit (KB)", (r) => r.heap, "KB");
row("wasm memory after the visit (KB)", (r) => r.wasm, "KB");
row("layout shift before interaction (CLS)", (r) => r.cls, "cls");
section("a carousel-only page (its first thumbnails in view at load)");
row("time to ready (ms)", (r) => r.readyMs, "ms", "carousel");
row("bytes before interaction, all (KB)", (r) => r.before.total, "KB", "carousel");
row("  images (KB)", (r) => r.before.images, "KB", "carousel");
row("  video (KB)", (r) => r.before.video, "KB", "carousel");
section(`${MANY} widgets on one page, every one started at load (Lede's with data-loading="eager"; no network throttling, CPU ${CPU_SLOWDOWN}×)`);
row("time to every widget ready (ms)", (r) => r.readyMs, "ms", "many");
row("longest task (ms)", (r) => r.load.longest, "ms", "many");
row("long tasks, total (ms)", (r) => r.load.total, "ms", "many");
row("bytes until a second after ready (MB)", (r) => r.bytes.total, "MB", "many");
row("JS heap (KB)", (r) => r.heap, "KB", "many");
row("wasm memory (KB)", (r) => r.wasm, "KB", "many");
section(`the same ${MANY} widgets as a publisher writes them (Lede starts those near view), the first ${MANY_WINDOW_MS / 1000} s after the load event`);
row("widgets started", (r) => r.started, "n", "manylazy");
row("longest task (ms)", (r) => r.load.longest, "ms", "manylazy");
row("long tasks, total (ms)", (r) => r.load.total, "ms", "manylazy");
row("bytes (MB)", (r) => r.bytes.total, "MB", "manylazy");
section(`a ${BIG.toLocaleString("en")}-item feed`);
row("time to ready (ms)", (r) => r.readyMs, "ms", "big");
row("longest task (ms)", (r) => r.load.longest, "ms", "big");
row("long tasks, total (ms)", (r) => r.load.total, "ms", "big");
row("DOM nodes", (r) => r.domNodes, "n", "big");
row("JS heap (KB)", (r) => r.heap, "KB", "big");
row("wasm memory (KB)", (r) => r.wasm, "KB", "big");
// The publisher's pages: the first visit and the returning reader's next
// article, then both again with the README's recipe in the <head>.
const pubRows = (when, lede) => {
  const o = { lede };
  row("time to both sections ready (ms)", (r) => r[when].readyMs, "ms", "pub", o);
  row("bytes before interaction, all (KB)", (r) => r[when].before.total, "KB", "pub", o);
  row("  code from the CDN: JS, wasm, CSS (KB)", (r) => r[when].before.code, "KB", "pub", o);
  row("  feeds (KB)", (r) => r[when].before.feeds, "KB", "pub", o);
  row("  images (KB)", (r) => r[when].before.images, "KB", "pub", o);
  row("  video (KB)", (r) => r[when].before.video, "KB", "pub", o);
  row("  of all, response headers (KB)", (r) => r[when].before.headers, "KB", "pub", o);
  row("longest task during load (ms)", (r) => r[when].load.longest, "ms", "pub", o);
  row("the feeds' last byte (ms)", (r) => r[when].feedsEndMs, "ms", "pub", o);
  row("ready less the feeds' last byte (ms)", (r) => r[when].readyMs - r[when].feedsEndMs, "ms", "pub", { ...o, ratio: false });
};
section("a publisher's article page, one script tag from the CDN (another origin): first visit, empty caches");
pubRows("first", "lede");
section("the same, returning reader: the next article in the same browser (HTTP cache and code caches as the first left them)");
pubRows("next", "lede");
section(`a publisher's article page as the README's embed recipe says (${recipeLabel}): first visit`);
pubRows("first", "lede-recipe");
section("the same as the recipe says, returning reader: the next article");
pubRows("next", "lede-recipe");
// The first visit traced (the startup part): what happens once the code is here.
const startupRows = (lede) => {
  const o = { lede };
  row("the code's last byte from the CDN, after the page's request (ms)", (r) => r.codeEndMs, "ms", "startup", o);
  row("time to both sections ready (ms)", (r) => r.readyMs, "ms", "startup", o);
  // The peer's interval holds its feeds' requests: no ratios from here.
  row("ready less the code's last byte (ms)", (r) => r.afterCodeMs, "ms", "startup", { ...o, ratio: false });
  row("  the main thread's tasks in that time (ms)", (r) => r.busyMs, "ms", "startup", { ...o, ratio: false });
  row("  of which V8 compiling wasm functions on their first call (ms)", (r) => r.lazyMs, "ms", "startup", { ...o, ratio: false });
  row("  of which style and layout (ms)", (r) => r.layoutMs, "ms", "startup", { ...o, ratio: false });
};
if (PARTS.has("startup")) {
  section("a publisher's article page, first visit, traced (slower for the tracing): from the code's last byte to ready (the peer fetches its feeds in that time)");
  startupRows("lede");
  section(`the same as the README's embed recipe says (${recipeLabel})`);
  startupRows("lede-recipe");
}
const belowRows = (lede) => {
  const o = { lede };
  countRow("before any scroll: widget ready (runs)", (r) => r.readyBeforeScroll != null, "below", o);
  row("before any scroll: time to ready, where ready (ms)", (r) => r.readyBeforeScroll ?? NaN, "ms", "below", o);
  row("before any scroll: bytes, all (KB)", (r) => r.before.total, "KB", "below", o);
  row("  the same, response headers apart (KB)", (r) => r.before.total - r.before.headers, "KB", "below", o);
  row("  code from the CDN (KB)", (r) => r.before.code, "KB", "below", o);
  row("  feeds (KB)", (r) => r.before.feeds, "KB", "below", o);
  row("  images and video (KB)", (r) => r.before.images + r.before.video, "KB", "below", o);
  row("before any scroll: the last byte, after the page's request (ms)", (r) => r.before.lastByteMs, "ms", "below", o);
  row("before any scroll: long tasks, total (ms)", (r) => r.ltBefore.total, "ms", "below", o);
  countRow("scrolled to: ready before the widget entered the viewport (runs)", (r) => r.readyVsEntry <= 0, "below", o);
  row("scrolled to: ready less entry into the viewport (ms; negative: before)", (r) => r.readyVsEntry, "ms", "below", { ...o, ratio: false });
  row("scrolled to: bytes, all (KB)", (r) => r.after.total, "KB", "below", o);
  row("scrolled to: long tasks from the first scroll, total (ms)", (r) => r.ltAfter.total, "ms", "below", o);
  row("scrolled to: longest task from the first scroll (ms)", (r) => r.ltAfter.longest, "ms", "below", o);
};
const belowRuns = Object.values(res.below).flat();
section(`a widget ${belowRuns.length ? stats(belowRuns.map((r) => r.viewports)).med.toFixed(1) : "about three"} viewports down a publisher's page, Fast 4G (9 Mbit/s, 40 ms), CPU ${CPU_SLOWDOWN}×, then scrolled to at reading speed`);
belowRows("lede");
section(`the same as the README's embed recipe says (${recipeLabel})`);
belowRows("lede-recipe");

// The physical limit, as medians.
const med = (xs) => stats(xs).med;
const limitRows = [];
// subjects: whose figures go in the three columns (Lede's, the peer's, the last).
const limitRow = (label, group, pickGot, pickLimit, subjects = SUBJECTS) => {
  const cells = subjects.map((s) => {
    if (!res[group][s]?.length) return "–";
    const got = med(res[group][s].map(pickGot));
    const lim = med(res[group][s].map(pickLimit));
    return `${kb(got)} KB ÷ ${kb(lim)} KB = **${(got / lim).toFixed(2)}×**`;
  });
  limitRows.push(`| ${label} | ${cells.join(" | ")} |`);
};
limitRow("demo page, before interaction", "visit", (r) => r.before.total - r.before.code, (r) => r.limit.before);
limitRow("demo page, before interaction, code included", "visit", (r) => r.before.total, (r) => r.limit.before);
limitRow("demo page, after the visit", "visit", (r) => r.after.total - r.after.code, (r) => r.limit.after);
limitRow("demo page, after the visit, code included", "visit", (r) => r.after.total, (r) => r.limit.after);
limitRow("carousel-only page, before interaction", "carousel", (r) => r.before.total - r.before.code, (r) => r.limit.before);
limitRow("carousel-only page, before interaction, code included", "carousel", (r) => r.before.total, (r) => r.limit.before);
for (const [how, lede] of [["", "lede"], [", as the recipe says", "lede-recipe"]]) {
  const subjects = [lede, "peer", null];
  limitRow(`publisher's page, first visit${how}, code included`, "pub", (r) => r.first.before.total, (r) => r.first.limit.before, subjects);
  limitRow(`publisher's page, returning reader's next article${how}`, "pub", (r) => r.next.before.total - r.next.before.code, (r) => r.next.limit.before, subjects);
  limitRow(`publisher's page, returning reader's next article${how}, code included`, "pub", (r) => r.next.before.total, (r) => r.next.limit.before, subjects);
  limitRow(`publisher's page, returning reader's next article${how}, code included, response headers apart`, "pub", (r) => r.next.before.total - r.next.before.headers, (r) => r.next.limit.before, subjects);
}
const describe = (s) => {
  const r = res.visit[s];
  if (!r.length) return `- ${s}: no visits.`;
  const played = r.map((x) => (x.played ? `${x.played.played.map(([a, b]) => `${a.toFixed(1)}–${b.toFixed(1)} s`).join(", ") || "nothing"} of ${x.limit.clip} (${kb(x.limit.playedB)} KB)` : "no video"));
  return `- ${s}: tiles seen during the visit (feed positions from 0): ${[...new Set(r.map((x) => x.seen.join(",")))].join(" or ")}; the hovered video played ${[...new Set(played)].join("; ")}.`;
};

// What each subject's first visit received per media file, against the file's
// size (responses carry about 0.2 KB of headers; a clip read in several
// ranges can exceed its size), and the visit's long tasks by step.
const slideOf = new Map(pics.flatMap((p, i) => [[`/media${p}`, i], [`/media${p.replace(/\.mp4$/, ".jpg")}`, i]]));
const phase = (m, t) => (t < m.next ? "scroll" : t < m.hover ? "Next" : t < m.leave ? "hover" : "after");
const sanity = SUBJECTS.filter((s) => res.visit[s].length).map((s) => {
  const r = res.visit[s][0];
  const files = Object.entries(r.after.files).map(([p, n]) => {
    const f = mediaFile(p.slice("/media".length));
    return `slide ${slideOf.get(p) ?? "?"} ${f}: ${kb(n)} of ${kb(sizes[f])} KB${r.before.files[p] ? ` (${kb(r.before.files[p])} before interaction)` : ""}`;
  });
  const tasks = res.visit[s].map((x) => x.visitTasks.filter(([, d]) => d >= 50).map(([t, d]) => `${d} ms (${phase(x.marks, t)})`).join(", ") || "none");
  return `- ${s}: ${files.join("; ")}. Long tasks during each visit: ${tasks.join(" | ")}.`;
}).join("\n");
// Whether this build of Lede knows posters at all: the attribute's name is
// in its wasm if it reads it.
const wasmFiles = (await readdir(dist)).filter((f) => f.endsWith(".wasm"));
let knowsPosters = false;
for (const f of wasmFiles) if ((await readFile(join(dist, f))).includes("poster-template")) knowsPosters = true;
const posterNote = knowsPosters
  ? "This build of Lede reads `data-poster-template` (its wasm names it), so the last column shows what the poster saves."
  : "This build of Lede does not read `data-poster-template` yet (its wasm does not name it): it ignores the attribute, and its two columns differ only by chance.";
const mediaRows = Object.entries(sizes).map(([f, n]) => `${f} ${kb(n)} KB`).join(", ");
const mapping = pics.map((p, i) => `${i}: ${p.split("/").pop()} → ${mediaFile(p)}${/\.mp4$/.test(p) ? ` (poster ${thumbOf(p)})` : ""}`).join("; ");
const imgs = IMAGES.map((f) => sizes[f]);
const clips = CLIPS.map((f) => sizes[f]);
const lhTable = lh.lede
  ? ["| page | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|",
    ...Object.entries(lh).map(([k, v]) => `| ${k === "lede" ? "Lede (/lede.html)" : "peer (/peer.html)"} | ${v.scores.performance} | ${v.scores.accessibility} | ${v.scores["best-practices"]} | ${v.scores.seo} |`),
    "", ...Object.entries(lh).map(([k, v]) => `- ${k}: ${v.metrics.join(", ")}; byte weight: ${v.weight}${v.failing.length ? `; below 90: ${v.failing.join(", ")}` : ""}`)].join("\n")
  : "Lighthouse did not run.";

// ---- the publisher's pages, in words ---------------------------------------------

// How long a full run takes: this run's time per round (each subject once) of
// each part, times a full run's rounds, and what came before the parts.
const ROUNDS_FULL = { visit: 9, carousel: 9, big: 3, many: 3, publisher: 9, startup: 9, codecache: 1, below: 9, lighthouse: 1 };
const partsS = Object.values(partTime).reduce((n, v) => n + v.s, 0);
const overheadS = (Date.now() - started) / 1000 - partsS;
const projectedMin = (overheadS + Object.entries(partTime).reduce((n, [k, v]) => n + (v.s / v.rounds) * ROUNDS_FULL[k], 0)) / 60;
const notRun = ALL_PARTS.filter((p) => !PARTS.has(p));
const durationNote = `Time per round (each subject once) in this run: ${Object.entries(partTime).map(([k, v]) => `${k} ${(v.s / v.rounds).toFixed(0)} s`).join(", ")}; at that pace a full run (\`BENCH_RUNS=9\`) takes about ${Math.round(projectedMin)} minutes${notRun.length ? ` for the parts run here, and more for those not run (${notRun.join(", ")})` : ""}, \`make dist\` not included.`;

const fate = (f) => (f.cache === "memory" ? "memory cache" : f.cache === "disk" ? "disk cache" : f.status === 304 ? "revalidated (304)" : `network (${f.status})`);
/** Run 1's code on the next article: each file's fate (DevTools protocol) and Resource Timing's transferSize, and what the CDN answered. */
function nextArticleCode(s) {
  const r = res.pub[s][0];
  if (!r) return `- ${s}: no runs.`;
  const files = Object.entries(r.next.before.codeFiles).map(([p, xs]) => {
    const t = r.next.timing.filter((e) => e.path === p).map((e) => e.transferSize);
    return `${basename(p)}: ${xs.map(fate).join(", ")}, ${kb(xs.reduce((n, x) => n + x.bytes, 0))} KB received, transferSize ${t.length ? t.join(", ") : "(no entry)"}`;
  });
  const cdnSaw = r.next.cdn.map(([p, st]) => `${basename(p)} ${st}`).join(", ") || "nothing";
  return `- ${s}: ${files.join("; ")}. The CDN was asked for: ${cdnSaw} (on the first visit: ${r.first.cdn.map(([p, st]) => `${basename(p)} ${st}`).join(", ")}).`;
}
const v8Notes = PUB_SUBJECTS.filter((s) => checks[s]).map((s) =>
  `- ${s}: ${checks[s].map((p) => `**${p.which}** (ready ${p.readyMs.toFixed(0)} ms, code ${kb(p.code)} KB received): ${Object.entries(p.v8).map(([f, xs]) => `${f} ${xs.join(", ")}`).join("; ") || "nothing traced"}`).join(". ")}.`).join("\n");
const belowTop = belowRuns.length ? `${stats(belowRuns.map((r) => r.top)).med.toFixed(0)} px (${stats(belowRuns.map((r) => r.viewports)).med.toFixed(2)} viewports)` : "about three viewports";
const nextInView = [...new Set(Object.values(res.pub).flat().map((r) => r.next.inViewAtLoad.length))];
const recipeBlock = recipeTags ? `\`\`\`html\n${recipeHead.replace(/<!--[\s\S]*?-->\s*/g, "").trim()}\n\`\`\`` : "(only a comment: the recipe adds nothing beyond the script tag, and these pages are the plain ones)";

const pubMd = `## The widget as publishers embed it

**The pages.** A publisher's article pages on the bench's server (\`/pub/<subject>/a.html\`, \`b.html\`, \`c.html\`, with subject \`lede\`,
\`lede-recipe\` or \`peer\`): the publisher's own headline, standfirst and paragraphs and its stylesheet, the widget's element
after the first paragraph (article and related feeds of that article's own; article B's and C's related feeds name other media
paths for the same files), and ONE \`<script type="module" src>\` at the end of the body, from **the CDN**: a second server on
another port of 127.0.0.1, so another origin (the same site: Chromium keys its HTTP cache and code caches by the page's site,
so this changes nothing there; nothing emulates the DNS lookup and TLS handshake a real CDN would add). The CDN serves
\`dist/pkg/\` as a publisher uploads it, under \`/lede/\`, as the README's "Your server" section says:
\`Cache-Control: public, max-age=31536000, immutable\` for the glue and wasm (named by the release's version), \`public, max-age=300\` for
\`lede.js\` and \`words/\`; \`Access-Control-Allow-Origin: *\`, brotli (quality 11), an ETag (a 304 for a revalidation), and
\`Timing-Allow-Origin: *\` so that Resource Timing may show transfer sizes. The peer is embedded the same way: its bundle
(bench/peer/dist: \`peer.js\` and \`peer.css\`, as run.sh builds it) from the CDN under \`/peer/\`, \`max-age=300\`, its script a
\`<script type="module" src>\` like Lede's and its stylesheet a \`<link>\` in the page's head. The publisher's pages and feeds
are \`no-store\`, its stylesheet \`max-age=300\`, the media \`no-store\` as for the demo page. **Code** in these rows is
everything that came from the CDN; the publisher's page and stylesheet are counted apart.

**First visit.** Each run, each subject gets a fresh Chromium with a new profile on disk (empty HTTP cache, empty code caches;
a profile like a reader's, not an off-the-record context). Its first page is the publisher's home page (no widget), loaded
unthrottled: a fresh browser's first page is slower whoever loads it. Then Slow 4G and CPU ${CPU_SLOWDOWN}× as above, and article
A: time to both sections ready from navigation start, and every response's bytes for that document until 4 s after ready.

**Returning reader, next article.** The reader stays on A ${READ_MS / 1000} s more, then follows A's link to article B
(\`location.href\`, as a click does), in the same tab: same code URLs, other feeds. B is measured as A was. So B's HTTP cache
and code caches are what one earlier article left, in a renderer process that is still the same one (a same-site
navigation keeps it).

**As the README's embed recipe says.** The same pages with the contents of **bench/recipe-head.html** added to the
\`<head>\`, as they are (the README's example hosts, \`https://cdn.example/lede/\` and the others, made the bench's). That file is
kept in step with the README's embed recipe, so the bench measures the recipe as written. Today it holds:

${recipeBlock}

**Widget below the fold.** \`/pub/<subject>/below.html\`: the widget after ${BELOW_PARAGRAPHS} long paragraphs of the publisher's text, its top
${belowTop} below the page's top. A fresh browser as above; Fast 4G (9 Mbit/s down, 1.5 up, 40 ms round trip, CPU
${CPU_SLOWDOWN}×). **Before any scroll**: the page loads (its \`load\` event), then nothing happens until the network has been quiet for
2 s (at least 3 s after \`load\`, at most 30 s); the bytes are everything that arrived until then, and the last byte is when the
last of them came, after the page's own request. Then the reader scrolls at reading speed, the wheel 250 px every 500 ms,
until the widget's top is a quarter down the viewport; **entering the viewport** is the time of an IntersectionObserver's
first entry for the widget's element (any part of it in view), **ready** as above; "ready less entry" is negative when the
widget was ready before the reader reached it. The bytes after the scroll are everything until 4 s after ready; the long
tasks from the first scroll, those from then until 4 s after ready (a widget loading as the reader scrolls to it makes them).

**The physical limit of the returning reader** (in the table above): article B's two feeds (brotli, ${kb(feedBytes.next)} KB) and the
thumbnails in view at load (${nextInView.length === 1 && nextInView[0] === 0 ? "none on this page at this size: the carousel starts below the fold" : `${nextInView.join(" or ")} tiles`}), the code coming from the cache.
Response headers are not in it (HTTP/1.1 here sends each response's in full, where the HTTP/2 or HTTP/3 of a real CDN
compresses repeated ones to a few bytes): B's two feed responses came to ${kb(med(res.pub.lede.map((r) => r.next.before.feeds)) || 0)} KB with theirs, so the last row
rows "response headers apart" compare what came without them.

What the returning reader's browser did with the code on article B (run 1; "memory cache" is Blink's in-process cache, so no
request left the renderer; transferSize is Resource Timing's, 0 when a cache answered):

${PUB_SUBJECTS.map(nextArticleCode).join("\n")}

What V8 did with it (unmeasured: more browsers per subject, each page traced with the \`devtools.timeline\`, \`v8\` and
\`v8.wasm\` categories: articles A, B and C read in turn as above; then A in a fresh browser, which is closed, and **B after a
restart** of that browser on the same profile: a reader coming back later, with only the disk caches (here within
\`lede.js\`'s 5 minutes, so nothing is revalidated). V8 writes a script's code cache on its second load and uses it
from the third; Chromium writes a wasm module's code cache once its hot functions are tiered up, and the same renderer
process keeps a compiled module in memory for the same bytes:

${v8Notes || "- not run."}
${failures.length ? `\nRuns that failed (not in the figures):\n\n${failures.map((f) => `- ${f}`).join("\n")}\n` : ""}`;

const md = `# Lede against a Swiper peer, at real scale

Written by \`make bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)} in ${Math.round((Date.now() - started) / 60000)} minutes. ${RUNS} page loads and visits of each
subject, Lede and the peer interleaved in one run (the order rotated each run), in Debian's Chromium at ${VIEWPORT.width}×${VIEWPORT.height}
(2× pixels, touch), CPU slowed ${CPU_SLOWDOWN}×, DevTools' "Slow 4G" (150 ms, 1.6 Mbit/s down), a fresh profile each time, text
files served brotli-compressed as a CDN would, media as they are (with byte ranges). Every figure is min / median / max; the
ratio is Lede's median over the peer's. The last column is Lede without \`data-poster-template\` (its video tiles show
their clip's first frame instead of a poster). ${posterNote}

${durationNote}

The peer (bench/peer/) is the same widget as a publisher's developer would write it today: plain JavaScript with Swiper
${"14.4.0"} (Navigation, Keyboard, A11y; Virtual for feeds over 50 items), native lazy images (\`loading="lazy"\`), and
videos with the newsroom's poster (\`poster=\`) and \`preload="metadata"\`, the usual default, bundled and minified with
esbuild; same feeds, same page, the same DOM contract where Swiper allows. Both get \`data-poster-template="${POSTER_TEMPLATE}"\`
(a video's poster is its path with \`.jpg\`); a Lede build that does not know the attribute ignores it.

## Media

Real-weight media made by bench/make-media.sh with ffmpeg (once, into the gitignored bench/media/), from detailed synthetic
scenes with grain, at 480×360 (a 15rem tile on a 2× phone): ${IMAGES.length} thumbnails, JPEG at ffmpeg's \`-q:v 4\` (about
quality 80–85), ${kb(Math.min(...imgs))}–${kb(Math.max(...imgs))} KB; ${CLIPS.length} clips of 10–19 s, H.264 main at about 560 kbit/s
with \`+faststart\`, ${kb(Math.min(...clips))}–${kb(Math.max(...clips))} KB, each with a poster (its first frame) of the same name. Every file:
${mediaRows}. The demo feed's ${pics.length} tiles, in carousel order: ${mapping}. The ${BIG.toLocaleString("en")}-item feed's item *n* has its own
paths (every third a video) and item *n*'s file is img(*n* mod 8) or clip(*n* mod 4).

## Results

| measure | Lede | peer | Lede / peer | Lede without posters |
|---|---|---|---|---|
${rows.join("\n")}

What each row is:

- **Ready**: both sections of every widget on the page out of \`loading\` (polled each frame), from navigation start.
- **The feeds' last byte** (a publisher's pages): the latest \`responseEnd\` (Resource Timing) of the page's feed requests
  (\`/api/\`), from navigation start. With the recipe the feeds are asked for by preloads in the page's \`<head>\`, the
  earliest a page can ask, so for the returning reader (the code from the caches) the recipe's figure is the physical
  limit of the time to ready: no widget shows its feeds before they are in. The ratio of the time to ready against the
  peer can go no lower than this figure over the peer's time to ready.
- **Bytes before interaction**: every response's bytes as received (headers included, brotli where compressed; a media
  request cut off counts what arrived) from navigation until 4 s after ready, with no input at all. By type: code (JS,
  wasm, CSS), feeds (/api/), images (thumbnails and posters), video.
- **The visit** (the same script for both): the mouse wheel scrolls the page until the carousel is mid-screen, 2 s to
  settle; a click on \`[data-lede-next]\` (in Lede's shadow root, in the peer's light DOM), 1.5 s, again, 1.5 s; the pointer
  moves onto the first video tile in view and stays 3 s; it leaves, and the reader closes the page: **bytes after the
  visit** are everything that arrived from navigation until that moment.
- **Latency** (Event Timing API, \`PerformanceObserver({ type: "event", durationThreshold: 16, buffered: true })\`): an
  interaction's duration is its longest entry with that \`interactionId\` (pointerdown, pointerup, click; keydown, keyup).
  The two Next clicks are those of the visit; ArrowRight is pressed twice afterwards, with the carousel's tab stop (Lede)
  or the first tile in view (peer) focused. The browser reports durations rounded to 8 ms and only those of 16 ms or
  more: an interaction with no entry is shown as **<16** (counted as 0 in the statistics).
- **Long tasks** (\`longtask\` entries): during load is from navigation until 4 s after ready; during the visit, from
  then until the pointer leaves.
- **JS heap**: V8's used heap (\`Runtime.getHeapUsage\`) after three forced collections, at the end; **wasm memory**: the
  \`buffer.byteLength\` of every \`WebAssembly.Memory\` in the page (found with \`Runtime.queryObjects\`); the peer has none.
- **${MANY} widgets**: ${MANY} widgets in the page's HTML, each with an article and a carousel and feed URLs of its own (the
  demo's feeds), a paragraph between each; ready is every widget's; long tasks from navigation until a second after.
  Run without network throttling (${MANY * 2} feed requests at 150 ms each would measure the network, not the page), CPU ${CPU_SLOWDOWN}×.
- **A first visit, traced** (the \`startup\` part): article A of a publisher's page in a fresh browser as above, with a
  Chromium trace running (\`devtools.timeline\` and its disabled-by-default part, \`v8.wasm\`, \`blink.user_timing\`), so a
  little slower than the untraced loads. The code's last byte is the latest \`responseEnd\` (Resource Timing) of the CDN's
  files before ready (for Lede the wasm's, for the peer usually its bundle's). Between it and ready, on the page's main
  thread (overlaps counted once): its tasks (\`RunTask\`), the time V8 spent compiling wasm functions on their first call
  (\`wasm.CompileLazy\`: V8 compiles a wasm module's functions lazily, on the thread that first calls them), and style and
  layout (\`UpdateLayoutTree\`, \`Layout\`). Ready is taken in a frame's animation callback, before that frame's own style
  and layout, which the figures leave out. The peer asks for its feeds in that time (no ratio for it); Lede's were
  fetched beside its code (preloads).
- **${BIG.toLocaleString("en")} items**: the demo page with a related feed of ${BIG.toLocaleString("en")} items (${kb(cache.get(`/api/related/${BIG}.json`)?.br?.length ?? 0)} KB brotli, ${kb(cache.get(`/api/related/${BIG}.json`)?.raw?.length ?? 0)} KB raw), under the same throttling.

## Against the physical limit

The least any widget could move. **Before interaction**: the page's feeds (brotli: ${kb(feedBytes.page)} KB for the demo page,
${kb(feedBytes.carousel)} KB for the carousel-only one) and the thumbnails in view at load (a video tile's thumbnail is its poster).
On the demo page at this size the carousel starts below the fold, so nothing is in view. **After the visit**: the feeds, the
thumbnail of every tile seen during the visit (any part of it in the viewport at one of the looks: after the scroll, after
each Next, during the hover), and the clip bytes actually played (the clip's header, moov included, and every video packet
whose time is within what the video element reports as \`played\`). Code is not in the limit; the rows compare media and
feeds (all bytes but code), and then everything. Medians; the ratio is the measured median over the limit's median.

| | Lede | peer | Lede without posters |
|---|---|---|---|
${limitRows.join("\n")}

${SUBJECTS.map(describe).join("\n")}

${pubMd}
## Checks

What the first visit of each received per media file (slide: feed position from 0), against the file's size:

${sanity}

## Lighthouse ${"12.2.3"} (mobile, its own simulated throttling, on the real-weight pages)

${lhTable}
`;
await writeFile(OUT, md);
console.log(`bench: wrote ${OUT}`);
console.log(`\n${md}`);
console.log(`bench: done in ${clock()}`);
server.close();
cdn.close();
cdn.closeAllConnections();
