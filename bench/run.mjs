// make bench: Lede against its Swiper peer, interleaved, in one run, under a
// 4x CPU slowdown and a slow mobile network (CDP), at phone size. Prints
// min/median/max and Lede/peer ratios, runs Lighthouse on both demo pages,
// and writes bench/RESULTS.md.
//
//   node bench/run.mjs            (bench/run.sh builds the peer first)
//   BENCH_RUNS=7 node bench/run.mjs
import { createServer } from "node:http";
import { readFile, writeFile, stat } from "node:fs/promises";
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
const VIEWPORT = { width: 390, height: 844 };
// "Slow 4G" as Chrome's DevTools define it.
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const CPU_SLOWDOWN = 4;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

// ---- a static server that compresses like a CDN -------------------------

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".mp4": "video/mp4" };
const COMPRESS = new Set([".html", ".js", ".css", ".json", ".wasm", ".svg"]);
const cache = new Map();

function items(n) {
  const pics = ["2016/08/27/alalam_636078979081121458_25f_4x3.jpg", "2016/08/27/alalam_636079053225911651_25f_4x3.jpg", "2016/08/27/alalam_636079270218421892_25f_4x3.mp4"];
  return JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: String(200000 + i), sort: String(n - i), contenttypeid: "21", pic: `/${pics[i % 3]}`, title: `Related story number ${i + 1}, with a headline of ordinary length` })));
}

async function body(path) {
  if (path === "/api/related/10000.json") return Buffer.from(items(10000));
  const page = /^\/(lede|peer)(-10k|-carousel)?\.html$/.exec(path);
  if (page) {
    let html = await readFile(page[1] === "lede" ? join(dist, "index.html") : join(here, "index.html"), "utf8");
    if (page[2] === "-10k") html = html.replace("/api/related/1855600.json", "/api/related/10000.json");
    // A carousel-only widget at the top of the page: its thumbnails are in view at load.
    if (page[2] === "-carousel") html = html.replace(/\s*data-article-src="[^"]*"/, "");
    return Buffer.from(html);
  }
  if (path.startsWith("/peer/")) return readFile(join(here, "peer", "dist", path.slice(6)));
  if (path === "/favicon.svg" && !(await stat(join(dist, "favicon.svg")).catch(() => null))) return readFile(join(root, "demo", "favicon.svg"));
  const file = normalize(join(dist, path === "/" ? "index.html" : path));
  if (!file.startsWith(dist)) throw new Error("outside");
  return readFile(file);
}

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const ext = extname(path === "/" ? "/index.html" : path) || ".html";
  try {
    const key = path;
    let entry = cache.get(key);
    if (!entry) {
      const raw = await body(path);
      entry = { raw, br: COMPRESS.has(ext) ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : null };
      cache.set(key, entry);
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
  // For looking at the pages by hand: serve, and do nothing else.
  console.log(`serving at ${origin}`);
  await new Promise(() => {});
}

// ---- one measured page load ---------------------------------------------

const SUBJECTS = {
  lede: { url: "/", big: "/lede-10k.html", carousel: "/lede-carousel.html" },
  peer: { url: "/peer.html", big: "/peer-10k.html", carousel: "/peer-carousel.html" },
};

function kindOf(url, mime) {
  if (/\/api\//.test(url)) return "feeds";
  if (/favicon/.test(url)) return "page";
  if (/\.(js|wasm|css)(\?|$)/.test(url) || /javascript|wasm|css/.test(mime)) return "code";
  if (/\.(jpg|jpeg|png|webp|avif|gif|svg)(\?|$)/.test(url)) return "images";
  if (/\.(mp4|webm)(\?|$)/.test(url)) return "video";
  if (/html/.test(mime)) return "page";
  return "other";
}

/** Injected before any page script: records when both sections are ready,
 * long tasks, and layout shifts. Works for the widget's shadow DOM and the
 * peer's light DOM alike. */
function probe() {
  window.__longtasks = 0;
  window.__cls = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks += e.duration; }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: "layout-shift", buffered: true });
  const check = () => {
    const host = document.querySelector("[data-lede]");
    const scope = host?.shadowRoot ?? host;
    const wantsArticle = host?.hasAttribute("data-article-src");
    const a = wantsArticle ? scope?.querySelector("[data-lede-article]")?.getAttribute("data-state") : "none";
    const r = scope?.querySelector("[data-lede-related]")?.getAttribute("data-state");
    if (a && r && a !== "loading" && r !== "loading") {
      window.__readyAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function measure(browser, subject, { big = false, carousel = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => { if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, mime: "", bytes: 0 }); });
  cdp.on("Network.responseReceived", (e) => { const r = requests.get(e.requestId); if (r) r.mime = e.response.mimeType; });
  // Media requests may be cut off before they finish: count what arrived.
  cdp.on("Network.dataReceived", (e) => { const r = requests.get(e.requestId); if (r) r.bytes += e.encodedDataLength; });
  cdp.on("Network.loadingFinished", (e) => { const r = requests.get(e.requestId); if (r) r.bytes = Math.max(r.bytes, e.encodedDataLength); });
  page.__requests = requests;
  await page.addInitScript(probe);
  await page.goto(origin + SUBJECTS[subject][big ? "big" : carousel ? "carousel" : "url"], { waitUntil: "commit" });
  await page.waitForFunction(() => window.__readyAt, null, { timeout: 120000, polling: 100 });
  // Let lazy media that wants to load, load (no interaction at all).
  await page.waitForTimeout(big ? 1500 : 4000);
  const readyAt = await page.evaluate(() => window.__readyAt);
  if (process.env.BENCH_VERBOSE) {
    console.log(await page.evaluate(() => performance.getEntriesByType("resource").map((e) => `${e.name.split("/").pop()} ${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)}`).join("; ")), "ready", readyAt.toFixed(0));
  }
  const longtasks = await page.evaluate(() => window.__longtasks);
  const cls = await page.evaluate(() => window.__cls);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const dom = await cdp.send("Memory.getDOMCounters");
  // Thumbnails in view at load: the physical limit's media.
  const inView = await page.evaluate(() => {
    const host = document.querySelector("[data-lede]");
    const scope = host.shadowRoot ?? host;
    return [...scope.querySelectorAll("[data-lede-slide]")].filter((s) => {
      const r = s.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    }).map((s) => s.querySelector("img, video")?.getAttribute("src")).filter(Boolean);
  });
  const bytes = { page: 0, code: 0, feeds: 0, images: 0, video: 0, other: 0 };
  for (const r of requests.values()) bytes[kindOf(r.url, r.mime)] += r.bytes;
  await context.close();
  return {
    readyMs: readyAt,
    longtaskMs: longtasks,
    cls,
    heapKB: (heap.usedSize + (heap.backingStorageSize ?? 0)) / 1024,
    domNodes: dom.nodes,
    bytes,
    inView,
    total: bytes.code + bytes.feeds + bytes.images + bytes.video,
  };
}

/** Bytes of a file as this server sends it (compressed where it would be). */
async function wireBytes(path) {
  await (await fetch(origin + path)).arrayBuffer();
  const entry = cache.get(path);
  return (entry.br ?? entry.raw).length;
}

// ---- the runs ------------------------------------------------------------

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const results = { lede: [], peer: [] };
const results10k = { lede: [], peer: [] };
const resultsCarousel = { lede: [], peer: [] };
console.log(`bench: ${RUNS} runs each, interleaved; ${VIEWPORT.width}x${VIEWPORT.height}, CPU ${CPU_SLOWDOWN}x slower, Slow 4G`);
for (let i = 0; i < RUNS; i++) {
  for (const s of i % 2 ? ["peer", "lede"] : ["lede", "peer"]) {
    const r = await measure(browser, s);
    results[s].push(r);
    console.log(`  run ${i + 1} ${s}: ready ${r.readyMs.toFixed(0)} ms, ${(r.total / 1024).toFixed(1)} KB before interaction`);
  }
}
for (let i = 0; i < RUNS; i++) {
  for (const s of i % 2 ? ["peer", "lede"] : ["lede", "peer"]) {
    const r = await measure(browser, s, { carousel: true });
    resultsCarousel[s].push(r);
    console.log(`  carousel only, run ${i + 1} ${s}: ready ${r.readyMs.toFixed(0)} ms, media ${((r.bytes.images + r.bytes.video) / 1024).toFixed(1)} KB, ${r.inView.length} thumbnails in view`);
  }
}
for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
  for (const s of i % 2 ? ["peer", "lede"] : ["lede", "peer"]) {
    const r = await measure(browser, s, { big: true });
    results10k[s].push(r);
    console.log(`  10,000 items, run ${i + 1} ${s}: ready ${r.readyMs.toFixed(0)} ms, ${r.domNodes} DOM nodes`);
  }
}
await browser.close();

// ---- Lighthouse ------------------------------------------------------------

async function lighthouse(path) {
  const bin = join(here, "node_modules", ".bin", "lighthouse");
  const out = join(root, "target", `lighthouse-${path.replace(/\W/g, "") || "index"}.json`);
  await promisify(execFile)(bin, [origin + path, "--quiet", "--output=json", `--output-path=${out}`, "--only-categories=performance,accessibility,best-practices,seo", `--chrome-flags=--headless=new ${ARGS.join(" ")}`], { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 << 20 });
  const report = JSON.parse(await readFile(out, "utf8"));
  const scores = Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
  const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual").map((a) => `${a.id} (${a.displayValue ?? a.score})`);
  const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map((id) => `${id.replace(/-/g, " ")} ${report.audits[id]?.displayValue ?? "?"}`);
  return { scores, failing, metrics };
}
let lh = {};
try {
  lh = { lede: await lighthouse("/"), peer: await lighthouse("/peer.html") };
} catch (e) {
  console.log(`lighthouse failed: ${e.message}`);
}

// ---- report ----------------------------------------------------------------

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], med: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const fmt = (v, unit) => (unit === "KB" ? (v / 1024).toFixed(1) : unit === "ms" ? v.toFixed(0) : unit === "" ? String(Math.round(v)) : v.toFixed(unit === "cls" ? 3 : 0));
const rows = [];
const row = (label, pick, unit, set = results) => {
  const l = stats(set.lede.map(pick));
  const p = stats(set.peer.map(pick));
  const ratio = p.med ? (l.med / p.med).toFixed(2) : "–";
  rows.push(`| ${label} | ${fmt(l.min, unit)} / ${fmt(l.med, unit)} / ${fmt(l.max, unit)} | ${fmt(p.min, unit)} / ${fmt(p.med, unit)} / ${fmt(p.max, unit)} | ${ratio} |`);
};
row("time to both sections ready (ms)", (r) => r.readyMs, "ms");
row("bytes before interaction, all (KB)", (r) => r.total, "KB");
row("  code: JS, wasm, CSS (KB)", (r) => r.bytes.code, "KB");
row("  feeds (KB)", (r) => r.bytes.feeds, "KB");
row("  images (KB)", (r) => r.bytes.images, "KB");
row("  video (KB)", (r) => r.bytes.video, "KB");
row("long tasks, total (ms)", (r) => r.longtaskMs, "ms");
row("JS heap after ready (KB)", (r) => r.heapKB * 1024, "KB");
row("layout shift (CLS)", (r) => r.cls, "cls");
row("carousel-only page: time to ready (ms)", (r) => r.readyMs, "ms", resultsCarousel);
row("carousel-only page: bytes before interaction (KB)", (r) => r.total, "KB", resultsCarousel);
row("  code (KB)", (r) => r.bytes.code, "KB", resultsCarousel);
row("  images (KB)", (r) => r.bytes.images, "KB", resultsCarousel);
row("  video (KB)", (r) => r.bytes.video, "KB", resultsCarousel);
row("10,000 items: time to ready (ms)", (r) => r.readyMs, "ms", results10k);
row("10,000 items: DOM nodes", (r) => r.domNodes, "", results10k);

// The physical limit: the feeds and the thumbnails in view, nothing else,
// as payload (the measured bytes above include HTTP headers, about 0.3 KB
// a response).
async function limitOf(set, feeds) {
  let feedBytes = 0;
  for (const f of feeds) feedBytes += await wireBytes(f);
  const inView = set.lede[0].inView;
  let media = 0;
  for (const u of inView) media += await wireBytes(new URL(u).pathname);
  const med = (who, pick) => stats(set[who].map(pick)).med;
  return {
    feedBytes, media, n: inView.length,
    lede: med("lede", (r) => r.bytes.images + r.bytes.video),
    peer: med("peer", (r) => r.bytes.images + r.bytes.video),
    ledeAll: med("lede", (r) => r.total),
  };
}
const article = await limitOf(results, ["/api/article/1855600.json", "/api/related/1855600.json"]);
const carousel = await limitOf(resultsCarousel, ["/api/related/1855600.json"]);
const ratio = (got, want) => (want ? (got / want).toFixed(2) : got ? "∞ (nothing is in view)" : "1.00 (nothing in view, nothing loaded)");
const limitText = [
  ["the demo page (article, then carousel)", article],
  ["a carousel-only page", carousel],
].map(([what, l]) => `- ${what}: feeds ${(l.feedBytes / 1024).toFixed(1)} KB, thumbnails in view at load: ${l.n} (${(l.media / 1024).toFixed(1)} KB). Media loaded before interaction: Lede ${(l.lede / 1024).toFixed(1)} KB, ${ratio(l.lede, l.media)} × the limit; peer ${(l.peer / 1024).toFixed(1)} KB, ${ratio(l.peer, l.media)} ×. All of Lede's bytes, code included: ${(l.ledeAll / 1024).toFixed(1)} KB, ${(l.ledeAll / (l.feedBytes + l.media)).toFixed(1)} × feeds and media in view.`).join("\n");

const lhTable = lh.lede
  ? ["| page | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|",
    ...Object.entries(lh).map(([k, v]) => `| ${k === "lede" ? "Lede demo (/)" : "peer (/peer.html)"} | ${v.scores.performance} | ${v.scores.accessibility} | ${v.scores["best-practices"]} | ${v.scores.seo} |`),
    "", ...Object.entries(lh).map(([k, v]) => `- ${k}: ${v.metrics.join(", ")}${v.failing.length ? `; below 90: ${v.failing.join(", ")}` : ""}`)].join("\n")
  : "Lighthouse did not run.";

const md = `# Lede against a Swiper peer

Written by \`make bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}. ${RUNS} runs of each page, interleaved in one
run, in Debian's Chromium at ${VIEWPORT.width}×${VIEWPORT.height} (2× pixels, touch), CPU slowed ${CPU_SLOWDOWN}×, DevTools' "Slow 4G"
(150 ms, 1.6 Mbit/s down), a fresh profile each time, files served brotli-compressed as a CDN would. No interaction: bytes are what
loads by itself in 4 s after both sections are ready. min / median / max; the ratio is of medians.

The peer (bench/peer/) is the same widget as a publisher's developer would write it today: plain JavaScript with Swiper
${"14.4.0"} (Navigation, Keyboard, A11y; Virtual for feeds over 50 items), native lazy images, \`preload="metadata"\` videos,
bundled and minified with esbuild, same feeds, same page, same DOM contract where Swiper allows.

| measure | Lede | peer | Lede / peer |
|---|---|---|---|
${rows.join("\n")}

## Against the physical limit

The least any widget can move before interaction: its feeds, and the thumbnails in view at load (at this size, on the
demo page, the carousel starts below the fold).

${limitText}

## Lighthouse ${"12.2.3"} (mobile, its own simulated throttling)

${lhTable}
`;
await writeFile(join(here, "RESULTS.md"), md);
console.log(`\n${md}`);
server.close();
