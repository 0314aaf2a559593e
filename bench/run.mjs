// make bench: Lede against its Swiper peer at real scale, interleaved, in one
// run, under a 4x CPU slowdown and a slow mobile network (CDP), at phone
// size, with media that weigh what a newsroom's do (bench/make-media.sh).
// For each page load it measures what loads before any interaction, then
// plays a typical reader's visit (scroll to the carousel, Next twice, hover
// a video for 3 s, leave) and what that moved, the latency of Next and of
// ArrowRight (Event Timing), long tasks, and memory. Then the 200-widget
// page, the 100,000-item feed, Lighthouse; writes bench/RESULTS.md.
//
//   bash bench/run.sh             (installs, makes the media, builds the peer)
//   BENCH_RUNS=9 bash bench/run.sh
//   BENCH_SERVE_ONLY=1 node bench/run.mjs   (serve the pages, to look at them)
import { createServer } from "node:http";
import { readFile, writeFile, stat, readdir, mkdir } from "node:fs/promises";
import { brotliCompressSync, constants } from "node:zlib";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { join, extname, dirname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const dist = join(root, process.env.LEDE_DIST ?? "dist");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VERBOSE = !!process.env.BENCH_VERBOSE;
// For working on the bench: BENCH_PARTS=visit,carousel,big,many,lighthouse (all by default).
const PARTS = new Set((process.env.BENCH_PARTS ?? "visit,carousel,big,many,lighthouse").split(","));
const VIEWPORT = { width: 390, height: 844 };
// "Slow 4G" as Chrome's DevTools define it.
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const UNTHROTTLED = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const CPU_SLOWDOWN = 4;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const BIG = 100000; // items in the long feed
const MANY = 200; // widgets on the many-widget page
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

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".mp4": "video/mp4" };
const COMPRESS = new Set([".html", ".js", ".css", ".json", ".wasm", ".svg"]);
const cache = new Map();

/** The bench's pages: /{lede,lede-noposter,peer}{,-carousel,-big,-many}.html. */
const PAGE = /^\/(lede|lede-noposter|peer)(-big|-carousel|-many)?\.html$/;
async function pageHtml(who, variant) {
  let html = await readFile(who === "peer" ? join(here, "index.html") : join(dist, "index.html"), "utf8");
  const attrs = who === "lede-noposter" ? 'data-media-base="/media"' : `data-media-base="/media" data-poster-template="${POSTER_TEMPLATE}"`;
  html = html.replace('data-media-base="/media"', attrs);
  if (variant === "-big") html = html.replace("/api/related/1855600.json", `/api/related/${BIG}.json`);
  // A carousel-only widget at the top of the page: its thumbnails are in view at load.
  if (variant === "-carousel") html = html.replace(/\s*data-article-src="[^"]*"/, "");
  if (variant === "-many") {
    // MANY widgets in the page's HTML, each with feed URLs of its own (the
    // demo's feeds), between paragraphs of the publisher's text.
    const widgets = Array.from({ length: MANY }, (_, i) => `<p>Paragraph ${i + 1} of the publisher's own text.</p>\n    <div data-lede data-article-src="/api/many/${i}/article.json" data-related-src="/api/many/${i}/related.json" ${attrs}></div>`);
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
    const headers = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store", "accept-ranges": "bytes" };
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
if (process.env.BENCH_SERVE_ONLY) {
  console.log(`serving at ${origin}: /lede.html, /lede-noposter.html, /peer.html, and each with -carousel, -big, -many`);
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
  const check = () => {
    const hosts = document.querySelectorAll("[data-lede]");
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

async function visit(browser, who, { carousel = false } = {}) {
  const { context, page, cdp, bytes } = await open(browser, `/${who}${carousel ? "-carousel" : ""}.html`);
  await page.waitForFunction(() => window.__readyAt, null, { timeout: 120000, polling: 100 });
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
async function loadOnly(browser, path, network = NETWORK) {
  const { context, page, cdp, bytes } = await open(browser, path, network);
  await page.waitForFunction(() => window.__readyAt, null, { timeout: 180000, polling: 250 });
  await page.waitForTimeout(1000);
  const readyMs = await page.evaluate(() => window.__readyAt);
  const lt = longtasks(await page.evaluate(() => window.__lt));
  const dom = await cdp.send("Memory.getDOMCounters");
  const r = { readyMs, load: lt, bytes: bytes(), domNodes: dom.nodes, ...(await memory(cdp)) };
  await context.close();
  return r;
}

// ---- the runs --------------------------------------------------------------------

const SUBJECTS = ["lede", "peer", "lede-noposter"];
const rotate = (xs, i) => xs.map((_, j) => xs[(i + j) % xs.length]);
const kb = (n) => (n / 1024).toFixed(1);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const res = { visit: {}, carousel: {}, big: {}, many: {} };
for (const k of Object.keys(res)) for (const s of SUBJECTS) res[k][s] = [];
console.log(`bench: ${RUNS} runs, Lede and the peer interleaved; ${VIEWPORT.width}x${VIEWPORT.height}, CPU ${CPU_SLOWDOWN}x slower, Slow 4G`);
// A first, unmeasured load of each page: the first page of a fresh browser
// is slower whoever it is.
for (const s of SUBJECTS.slice(0, 2)) await loadOnly(browser, `/${s}.html`);
for (let i = 0; i < (PARTS.has("visit") ? RUNS : 0); i++) {
  for (const s of rotate(SUBJECTS, i)) {
    const r = await visit(browser, s);
    res.visit[s].push(r);
    const p = r.played;
    console.log(`  [${clock()}] run ${i + 1}/${RUNS} ${s}: ready ${r.readyMs.toFixed(0)} ms; before interaction ${kb(r.before.total)} KB (img ${kb(r.before.images)}, video ${kb(r.before.video)}); after the visit ${kb(r.after.total)} KB (img ${kb(r.after.images)}, video ${kb(r.after.video)}); track at ${r.positions.join(" > ")}; next ${r.nextMs.map((x) => x.toFixed(0)).join(", ")} ms, arrow ${r.arrowMs.map((x) => x.toFixed(0)).join(", ")} ms (moved: ${r.arrowMoved}); hovered slide ${r.hovered}: ${p ? `${p.paused ? "paused" : "playing"} at ${p.time.toFixed(2)} s` : "no video in view"}; seen ${r.seen.join(",")}`);
    if (VERBOSE) console.log("    marks", r.marks, "tasks after load", r.visitTasks, "\n    files before:", r.before.files, "\n    files after:", r.after.files, "\n    played:", p);
  }
}
for (let i = 0; i < (PARTS.has("carousel") ? RUNS : 0); i++) {
  for (const s of rotate(SUBJECTS.slice(0, 2), i)) {
    const r = await visit(browser, s, { carousel: true });
    res.carousel[s].push(r);
    console.log(`  [${clock()}] carousel-only page, run ${i + 1}/${RUNS} ${s}: ready ${r.readyMs.toFixed(0)} ms, ${kb(r.before.total)} KB (media ${kb(r.before.images + r.before.video)} KB), slides in view ${r.inViewAtLoad.join(",")}`);
  }
}
const FEW = Math.max(3, Math.ceil(RUNS / 3));
for (let i = 0; i < (PARTS.has("big") ? FEW : 0); i++) {
  for (const s of rotate(SUBJECTS.slice(0, 2), i)) {
    const r = await loadOnly(browser, `/${s}-big.html`);
    res.big[s].push(r);
    console.log(`  [${clock()}] ${BIG.toLocaleString("en")} items, run ${i + 1}/${FEW} ${s}: ready ${r.readyMs.toFixed(0)} ms, longest task ${r.load.longest.toFixed(0)} ms, ${r.domNodes} DOM nodes, feed ${kb(r.bytes.feeds)} KB`);
  }
}
for (let i = 0; i < (PARTS.has("many") ? FEW : 0); i++) {
  for (const s of rotate(SUBJECTS.slice(0, 2), i)) {
    const r = await loadOnly(browser, `/${s}-many.html`, UNTHROTTLED);
    res.many[s].push(r);
    console.log(`  [${clock()}] ${MANY} widgets, run ${i + 1}/${FEW} ${s}: all ready ${r.readyMs.toFixed(0)} ms, longest task ${r.load.longest.toFixed(0)} ms, total ${r.load.total.toFixed(0)} ms, ${kb(r.bytes.total)} KB`);
  }
}
await browser.close();

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
console.log(`  [${clock()}] Lighthouse`);
if (PARTS.has("lighthouse")) try {
  await mkdir(join(root, "target"), { recursive: true });
  lh = { lede: await lighthouse("/lede.html"), peer: await lighthouse("/peer.html") };
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
  if (!set?.length) return { text: "–", med: NaN };
  const v = stats(set.map(pick));
  const f = FORMAT[unit];
  return { text: `${f(v.min)} / ${f(v.med)} / ${f(v.max)}`, med: v.med };
};
const row = (label, pick, unit, group = "visit", { noposter = group === "visit" } = {}) => {
  const l = cell(res[group].lede, pick, unit);
  const p = cell(res[group].peer, pick, unit);
  const n = noposter ? cell(res[group]["lede-noposter"], pick, unit).text : "–";
  const ratio = p.med > 0 && Number.isFinite(l.med) ? (l.med / p.med).toFixed(2) : l.med === p.med ? "1.00" : "–";
  rows.push(`| ${label} | ${l.text} | ${p.text} | ${ratio} | ${n} |`);
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
section(`${MANY} widgets on one page (no network throttling, CPU ${CPU_SLOWDOWN}×)`);
row("time to every widget ready (ms)", (r) => r.readyMs, "ms", "many");
row("longest task (ms)", (r) => r.load.longest, "ms", "many");
row("long tasks, total (ms)", (r) => r.load.total, "ms", "many");
row("bytes until a second after ready (MB)", (r) => r.bytes.total, "MB", "many");
row("JS heap (KB)", (r) => r.heap, "KB", "many");
row("wasm memory (KB)", (r) => r.wasm, "KB", "many");
section(`a ${BIG.toLocaleString("en")}-item feed`);
row("time to ready (ms)", (r) => r.readyMs, "ms", "big");
row("longest task (ms)", (r) => r.load.longest, "ms", "big");
row("long tasks, total (ms)", (r) => r.load.total, "ms", "big");
row("DOM nodes", (r) => r.domNodes, "n", "big");
row("JS heap (KB)", (r) => r.heap, "KB", "big");
row("wasm memory (KB)", (r) => r.wasm, "KB", "big");

// The physical limit, as medians.
const med = (xs) => stats(xs).med;
const limitRows = [];
const limitRow = (label, group, pickGot, pickLimit) => {
  const cells = SUBJECTS.filter((s) => res[group][s].length).map((s) => {
    const got = med(res[group][s].map(pickGot));
    const lim = med(res[group][s].map(pickLimit));
    return `${kb(got)} KB ÷ ${kb(lim)} KB = **${(got / lim).toFixed(2)}×**`;
  });
  while (cells.length < 3) cells.push("–");
  limitRows.push(`| ${label} | ${cells.join(" | ")} |`);
};
limitRow("demo page, before interaction", "visit", (r) => r.before.total - r.before.code, (r) => r.limit.before);
limitRow("demo page, before interaction, code included", "visit", (r) => r.before.total, (r) => r.limit.before);
limitRow("demo page, after the visit", "visit", (r) => r.after.total - r.after.code, (r) => r.limit.after);
limitRow("demo page, after the visit, code included", "visit", (r) => r.after.total, (r) => r.limit.after);
limitRow("carousel-only page, before interaction", "carousel", (r) => r.before.total - r.before.code, (r) => r.limit.before);
limitRow("carousel-only page, before interaction, code included", "carousel", (r) => r.before.total, (r) => r.limit.before);
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

const md = `# Lede against a Swiper peer, at real scale

Written by \`make bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)} in ${Math.round((Date.now() - started) / 60000)} minutes. ${RUNS} page loads and visits of each
subject, Lede and the peer interleaved in one run (the order rotated each run), in Debian's Chromium at ${VIEWPORT.width}×${VIEWPORT.height}
(2× pixels, touch), CPU slowed ${CPU_SLOWDOWN}×, DevTools' "Slow 4G" (150 ms, 1.6 Mbit/s down), a fresh profile each time, text
files served brotli-compressed as a CDN would, media as they are (with byte ranges). Every figure is min / median / max; the
ratio is Lede's median over the peer's. The last column is Lede without \`data-poster-template\` (its video tiles show
their clip's first frame instead of a poster). ${posterNote}

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

## Checks

What the first visit of each received per media file (slide: feed position from 0), against the file's size:

${sanity}

## Lighthouse ${"12.2.3"} (mobile, its own simulated throttling, on the real-weight pages)

${lhTable}
`;
await writeFile(join(here, "RESULTS.md"), md);
console.log(`\n${md}`);
console.log(`bench: done in ${clock()}`);
server.close();
