// A widget heals by itself, and is bounded and fenced (issue 20): a busy
// CDN or a lost network is retried without a click, a wrong answer is
// not; a feed cannot take the page's memory; a page can allow only its
// own origins; a feed in a legacy charset reads right; lede.js preloads
// what the start-up queue will load first, and gives up on code that does
// not come.
import { assert, open, settled, inWidget, addWidget, sleep, startCode, eventually } from "../lib.mjs";

/** The requests the server saw for paths starting with `prefix`. */
async function requests(origin, prefix) {
  const log = await (await fetch(`${origin}/__log`)).json();
  return log.filter((e) => e.path.startsWith(prefix));
}

/** A blank page with lede.js loaded and its code started: no preload of a
 * feed then (lede.js preloads only the feeds of the widgets in the page's
 * HTML). */
async function startedPage(browser, origin, options) {
  const page = await open(browser, `${origin}/pages/blank.html`, options);
  await startCode(page, origin);
  return page;
}

/** A blank page with lede.js loaded and started, and one widget added. */
async function widgetPage(browser, origin, attrs, options) {
  const page = await startedPage(browser, origin, options);
  await addWidget(page, attrs);
  return page;
}

const lede = (page) => page.messages.filter((m) => m.text.startsWith("lede:")).map((m) => m.text);

export const tests = [
  {
    name: "a feed answering 503 with Retry-After: 1 once renders by itself: two GETs, no click, the alert never shown",
    async run({ browser, origin }) {
      const page = await widgetPage(browser, origin, { "data-related-src": `${origin}/fault/busy-once/related`, "data-media-base": `${origin}/media` });
      await page.evaluate(() => {
        window.__alerts = 0;
        const look = () => {
          if (document.querySelector("[data-lede]")?.shadowRoot?.querySelector("[role=alert]")) window.__alerts++;
          if (!document.querySelector("[data-lede]")?.shadowRoot?.querySelector("section[data-state=ready]")) requestAnimationFrame(look);
        };
        look();
      });
      assert.equal(await settled(page, "related", { timeout: 8000 }), "ready");
      assert.equal(await inWidget(page, (root) => root.querySelectorAll("[data-lede-slide]").length), 8);
      const gets = await requests(origin, "/fault/busy-once/");
      assert.deepEqual(gets.map((g) => g.status), [503, 200], "two GETs");
      // As the server saw them: the second a second after the first.
      const waited = gets[1].at - gets[0].at;
      assert.ok(waited >= 950, `the second waited for Retry-After (${waited} ms)`);
      assert.equal(await page.evaluate(() => window.__alerts), 0, "no alert while retrying");
      assert.ok(lede(page).some((t) => /HTTP status 503; trying again in \d+ ms/.test(t)), lede(page).join(" | "));
      await page.done();
    },
  },
  {
    name: "a feed on another origin whose connection drops mid-body renders by itself: a lost network, retried, never taken for a CORS refusal",
    async run({ browser, origin, publisher }) {
      // The page on the publisher's origin, the feed on the CDN's: a
      // failure with no answer there is probed for CORS.
      const page = await open(browser, `${publisher}/blank.html`);
      await startCode(page, origin);
      await page.evaluate(() => {
        window.__errors = [];
        document.addEventListener("lede:error", (e) => window.__errors.push(e.detail.code));
      });
      await addWidget(page, { "data-related-src": `${origin}/fault/cut-once/related`, "data-media-base": `${origin}/media` });
      assert.equal(await settled(page, "related", { timeout: 8000 }), "ready");
      assert.equal(await inWidget(page, (root) => root.querySelectorAll("[data-lede-slide]").length), 8);
      const gets = await requests(origin, "/fault/cut-once/");
      assert.equal(gets[0].cut, true);
      assert.deepEqual(gets.map((g) => g.mode), ["cors", "cors"], "the cut one and the retry; no probe (a no-cors request)");
      assert.deepEqual(await page.evaluate(() => window.__errors), [], "no lede:error");
      // The console says what happened: no hint at CORS headers, which
      // were right.
      const said = lede(page).filter((t) => /trying again/.test(t));
      assert.equal(said.length, 1, lede(page).join(" | "));
      assert.match(said[0], /could not be fetched \(.*\): its answer was cut off by the network or the server; trying again/);
      assert.doesNotMatch(said[0], /CORS|Access-Control/);
      await page.done();
    },
  },
  {
    name: "offline while the feeds load, then online: the widget renders by itself within a few seconds",
    async run({ browser, origin }) {
      // The code is here; then the network goes, and a widget comes.
      const page = await startedPage(browser, origin);
      await page.context().setOffline(true);
      await addWidget(page, { "data-article-src": `${origin}/api/article/1855600.json`, "data-related-src": `${origin}/api/related/1855600.json`, "data-media-base": `${origin}/media` });
      await page.waitForFunction(() => document.querySelector("[data-lede]")?.shadowRoot?.querySelector("article"), null, { timeout: 5000 });
      await sleep(1500);
      assert.equal(await inWidget(page, (root) => root.querySelector("article").getAttribute("data-state")), "loading", "still trying, no alert");
      const back = Date.now();
      await page.context().setOffline(false);
      assert.equal(await settled(page, "article", { timeout: 4000 }), "ready");
      assert.equal(await settled(page, "related", { timeout: 4000 }), "ready");
      assert.ok(Date.now() - back < 4000, "at once when online, not at the next backoff");
      assert.ok(lede(page).some((t) => /could not be fetched.*trying again/.test(t)));
      await page.done();
    },
  },
  {
    name: "a 404 and a feed that is not JSON are not retried: exactly one GET each, then the alert",
    async run({ browser, origin }) {
      const page = await widgetPage(browser, origin, { "data-article-src": `${origin}/fault/invalid-article`, "data-related-src": `${origin}/fault/404` });
      assert.equal(await settled(page, "article"), "error");
      assert.equal(await settled(page, "related"), "error");
      await sleep(2500);
      assert.equal((await requests(origin, "/fault/invalid-article")).length, 1);
      assert.equal((await requests(origin, "/fault/404")).length, 1);
      assert.ok(!lede(page).some((t) => /trying again/.test(t)));
      await page.done();
    },
  },
  ...["huge-length", "huge-stream"].map((fault) => ({
    name: `a related feed over the 16 MiB limit (${fault === "huge-length" ? "said by its Content-Length" : "streamed without one"}): the section's alert, one console line naming the limit, the article unharmed`,
    async run({ browser, origin }) {
      const page = await widgetPage(browser, origin, { "data-article-src": `${origin}/api/article/1855600.json`, "data-related-src": `${origin}/fault/${fault}` });
      assert.equal(await settled(page, "related"), "error");
      assert.equal(await settled(page, "article"), "ready");
      const lines = lede(page).filter((t) => t.includes(`/fault/${fault}`));
      assert.equal(lines.length, 1, lines.join(" | "));
      assert.match(lines[0], /longer than the limit of 16 MiB/);
      const [get] = await eventually(async () => {
        const gets = await requests(origin, `/fault/${fault}`);
        return gets[0]?.aborted && gets;
      }, "the download stopped");
      assert.ok(get.bytes < (fault === "huge-length" ? 20 : 64) * 1024 * 1024, `the rest was not read (${get.bytes} bytes sent)`);
      assert.ok(get.aborted, "the widget stopped the download");
      await page.done();
    },
  })),
  {
    name: "a page that allows only its feed origin (<meta name=lede-origins>): a widget from elsewhere shows the configuration message, one console line each, the allowed one renders",
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      const asked = [];
      page.on("request", (r) => asked.push(r.url()));
      await page.goto(`${publisher}/allow.html`);
      assert.equal(await settled(page, "related", { widget: 0 }), "ready");
      // Not even asked for: lede.js preloads nothing on a page with an
      // allowlist, and the code refuses the comment's feed before fetching.
      assert.deepEqual(asked.filter((u) => u.startsWith(`${publisher}/api/`)), [], "nothing asked of an origin the page does not allow");
      await page.waitForFunction(() => ["theirs", "links"].every((id) => document.getElementById(id).shadowRoot?.querySelector("[role=alert]")), null, { timeout: 5000 });
      for (const id of ["theirs", "links"]) {
        assert.equal(await page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector("[role=alert]").textContent, id), "This news widget is not set up correctly.");
      }
      const lines = lede(page).filter((t) => t.includes("lede-origins"));
      assert.equal(lines.filter((t) => t.startsWith("lede: data-related-src is on an origin this page does not allow")).length, 1, lines.join(" | "));
      assert.equal(lines.filter((t) => t.startsWith("lede: data-link-template is on an origin this page does not allow")).length, 1, lines.join(" | "));
      assert.ok(lede(page).some((t) => t.includes('"nonsense" is not an origin')));
      const errors = await page.evaluate(() => window.__events.filter((e) => e.type === "lede:error").map((e) => `${e.target}:${e.detail.section}`).sort());
      assert.deepEqual(errors, ["links:config", "theirs:config"]);
      await page.done();
    },
  },
  {
    name: "an allowlist in the <body> (a comment's markup) changes nothing: the page's widget renders, and lede.js preloads its feeds",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/allow-body.html`);
      assert.equal(await settled(page, "related", { widget: 0 }), "ready");
      assert.equal(await settled(page, "article", { widget: 0 }), "ready");
      const preloads = await page.evaluate(() => [...document.head.querySelectorAll("link[rel=preload][as=fetch]")].map((l) => new URL(l.href).pathname).sort());
      assert.deepEqual(preloads, ["/api/article/1855600.json", "/api/related/1855600.json"]);
      assert.deepEqual(lede(page).filter((t) => t.includes("lede-origins") || t.includes("does not allow")), []);
      await page.done();
    },
  },
  {
    name: "the allowlist's self is the page's own origin, not its <base href>'s: a relative feed on the base's origin is refused",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/allow-base.html`);
      await page.waitForFunction(() => document.getElementById("uploaded").shadowRoot?.querySelector("[role=alert]"), null, { timeout: 5000 });
      assert.ok(
        lede(page).some((t) => t.startsWith("lede: data-related-src is on an origin this page does not allow")),
        lede(page).join(" | "),
      );
      assert.equal(await page.evaluate(() => !!document.getElementById("uploaded").shadowRoot.querySelector("[data-lede-slide]")), false);
      await page.done();
    },
  },
  {
    name: "the allowlist holds in a frame its page wrote (srcdoc, whose own URL is about:srcdoc): a feed elsewhere is refused, not fetched",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/allow-srcdoc.html`);
      const frame = page.frameLocator("#frame");
      await frame.locator("#w").waitFor({ state: "attached" });
      const inner = page.frames().find((f) => f.url() === "about:srcdoc");
      await inner.waitForFunction(() => document.getElementById("w").shadowRoot?.querySelector("[role=alert]"), null, { timeout: 10000 });
      const said = await inner.evaluate(() => document.getElementById("w").shadowRoot.querySelector("[role=alert]").textContent);
      assert.equal(said, "This news widget is not set up correctly.", "refused by the allowlist, not failed on the network");
      await page.done();
    },
  },
  {
    name: "an article served in windows-1256, saying so: its Arabic headline reads right, no U+FFFD",
    async run({ browser, origin }) {
      const page = await widgetPage(browser, origin, { "data-article-src": `${origin}/fault/windows-1256`, lang: "ar" });
      assert.equal(await settled(page, "article"), "ready");
      const h1 = await inWidget(page, (root) => root.querySelector("article h1").textContent);
      assert.equal(h1, "القوى العظمى تتعهد بالقضاء على داعش: روسيا والولايات المتحدة تتحالفان");
      assert.ok(!(await inWidget(page, (root) => root.querySelector("article").textContent.includes("\ufffd"))));
      await page.done();
    },
  },
  {
    name: "200 widgets: lede.js preloads the feeds of the 12 the queue loads first (nearest the viewport), not 400",
    async run({ browser, publisher }) {
      const page = await open(browser, null, { viewport: { width: 1280, height: 900 } });
      await page.goto(`${publisher}/many.html?n=200`, { waitUntil: "domcontentloaded" });
      await page.waitForFunction(() => document.querySelectorAll("link[rel=preload][as=fetch]").length > 0, null, { timeout: 5000 });
      await sleep(200);
      const preloads = await page.evaluate(() => [...document.querySelectorAll("link[rel=preload][as=fetch]")].map((l) => l.href).filter((h) => h.endsWith(".json")));
      assert.ok(preloads.length <= 24, `${preloads.length} feed preloads`);
      assert.equal(preloads.length, 24, "both feeds of each of the 12");
      const widgets = [...new Set(preloads.map((h) => Number(/\/many\/(\d+)\//.exec(h)[1])))].sort((a, b) => a - b);
      assert.equal(widgets.length, 12);
      assert.deepEqual(widgets, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], "the ones from the viewport down");
      await page.done();
    },
  },
  {
    name: "the code does not come within 15 s: lede:error 'load' on every element, the room released to the fallback",
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      await page.route(/\/lede-[^/]*_bg\.wasm$/, () => {}); // never answered
      await page.goto(`${publisher}/load-fail.html`, { waitUntil: "domcontentloaded" });
      assert.equal(await page.evaluate(() => document.getElementById("one").getBoundingClientRect().height), 900, "the room is held while the code loads");
      await page.waitForFunction(() => window.__events.filter((e) => e.type === "lede:error").length >= 2, null, { timeout: 20000 });
      const errors = await page.evaluate(() => window.__events.filter((e) => e.type === "lede:error").map((e) => `${e.target}:${e.detail.section}`).sort());
      assert.deepEqual(errors, ["one:load", "two:load"]);
      const heights = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => h.getBoundingClientRect().height));
      assert.ok(heights.every((h) => h > 10 && h < 200), `released: ${heights}`);
      assert.ok(page.messages.some((m) => /^lede: the widget's code could not be loaded .*nothing within 15 s/.test(m.text)));
      await page.unrouteAll({ behavior: "ignoreErrors" });
      await page.done();
    },
  },
];
