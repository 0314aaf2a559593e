// Embedding (issue "Embedding"): lede.js from a CDN on another origin, many
// widgets, late ones, removal, events, hostile page CSS, RTL, strict CSP, bad
// configuration, and churn without leaks.
import { join } from "node:path";
import { assert, open, settled, state, inWidget, addWidget, sleep, startCode } from "../lib.mjs";

/** Records every lede:* event on the page, with its target's id, and for
 * lede:ready and lede:error what the section showed then (as the pages'
 * own recorder, e2e/pages/record-events.js, does). */
const recordEvents = async (page) => {
  await page.addInitScript({ path: join(import.meta.dirname, "..", "pages", "record-events.js") });
  await page.addInitScript(() => {
    for (const type of ["lede:select", "lede:view"]) {
      document.addEventListener(type, (e) => {
        window.__events.push({ type, target: e.target.id || e.target.tagName, detail: e.detail });
      });
    }
  });
};

const widgetCount = (page) => page.evaluate(() => [...document.querySelectorAll("[data-lede]")].filter((h) => h.shadowRoot?.querySelector("[data-lede-root]")?.children.length).length);

export const tests = [
  {
    name: "from another origin: two widgets at load and a third 1.5 s later, fallback content hidden",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, null, { before: recordEvents });
      // Before the widget mounts, the publisher's fallback is what shows.
      await page.route(/_bg\.wasm$/, async (route) => { await sleep(800); await route.continue(); });
      await page.goto(`${publisher}/embed.html`, { waitUntil: "domcontentloaded" });
      assert.ok(await page.locator("#fallback").isVisible(), "the no-JavaScript content shows first");
      assert.equal(await settled(page, "article", { widget: 0 }), "ready");
      assert.equal(await settled(page, "related", { widget: 0 }), "ready");
      assert.equal(await settled(page, "related", { widget: 1 }), "ready");
      assert.equal(await inWidget(page, (root) => root.querySelector("article"), null, 1), null, "the second widget is carousel-only");
      assert.equal(await page.locator("#fallback").isVisible(), false, "and is hidden once the widget mounts");
      assert.equal(await page.evaluate(() => document.getElementById("first").shadowRoot.mode), "open");
      // Loaded from the CDN's origin, relative to lede.js.
      const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => /lede.*\.(js|wasm)$/.test(n)));
      assert.ok(scripts.length >= 3 && scripts.every((n) => n.startsWith(origin)), scripts.join(" "));
      await page.waitForFunction(() => document.getElementById("third")?.shadowRoot, null, { timeout: 5000 });
      assert.equal(await settled(page, "article", { widget: 2 }), "ready");
      assert.equal(await inWidget(page, (root) => root.querySelector("section"), null, 2), null, "the third is article-only");
      // Mounting the same element again is a no-op; the handle unmounts it.
      const again = await page.evaluate(async (cdn) => {
        const { mount } = await import(`${cdn}/lede.js`);
        const el = document.getElementById("first");
        const shown = el.shadowRoot.querySelector("article");
        const handle = mount(el);
        const same = el.shadowRoot.querySelectorAll("[data-lede-root]").length;
        const articles = el.shadowRoot.querySelectorAll("article").length;
        // The very node shown before: not taken down and built again.
        const kept = el.shadowRoot.querySelector("article") === shown && shown?.getAttribute("data-state") === "ready";
        handle.unmount();
        const after = el.shadowRoot.querySelector("[data-lede-root]").children.length;
        const again = mount(el);
        return { same, articles, kept, after, type: typeof again.unmount };
      }, origin);
      assert.deepEqual(again, { same: 1, articles: 1, kept: true, after: 0, type: "function" });
      assert.equal(await settled(page, "article", { widget: 0 }), "ready", "mounted again");
      // Removing an element unmounts its widget: its view is taken down.
      const shownBefore = await page.evaluate(() => {
        window.__second = document.getElementById("second");
        const count = window.__second.shadowRoot.querySelector("[data-lede-root]").children.length;
        window.__second.remove();
        return count;
      });
      assert.ok(shownBefore > 0, "the second widget was showing");
      await page.waitForFunction(() => window.__second.shadowRoot.querySelector("[data-lede-root]")?.children.length === 0, null, { timeout: 3000 });
      const readies = await page.evaluate(() => window.__events.filter((e) => e.type === "lede:ready").map((e) => `${e.target}:${e.detail.section}`));
      for (const want of ["first:article", "first:related", "second:related", "third:article"]) assert.ok(readies.includes(want), `${want} in ${readies}`);
      assert.equal(readies.filter((r) => r.startsWith("third")).length, 1);
      await page.done();
    },
  },
  {
    name: "events: ready, error, select and view (view only for slides seen for a second)",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, null, { before: recordEvents });
      await page.goto(`${publisher}/embed.html`);
      assert.equal(await settled(page, "related", { widget: 0 }), "ready");
      const ready = await page.evaluate(() => window.__events.find((e) => e.type === "lede:ready" && e.detail.section === "related" && e.target === "first"));
      assert.equal(ready.detail.count, 8);
      // A listener reading the widget as it hears lede:ready finds what it
      // announces in place: the article's headline, the related slides.
      assert.deepEqual([ready.shown.state, ready.shown.slides], ["ready", 8], "the slides were there when the page heard lede:ready");
      const article = await page.evaluate(() => window.__events.find((e) => e.type === "lede:ready" && e.detail.section === "article" && e.target === "first"));
      assert.equal(article.shown.state, "ready");
      assert.ok(article.shown.headline, "the headline was there when the page heard lede:ready");
      // Nothing was in view yet: no lede:view.
      await sleep(1200);
      assert.equal(await page.evaluate(() => window.__events.filter((e) => e.type === "lede:view" && e.target === "first").length), 0, "no view before the carousel is seen");
      await page.evaluate(() => document.getElementById("first").shadowRoot.querySelector("section").scrollIntoView({ block: "center" }));
      await sleep(1600);
      const views = await page.evaluate(() => window.__events.filter((e) => e.type === "lede:view" && e.target === "first").map((e) => e.detail));
      const visible = await inWidget(page, (root) => [...root.querySelectorAll("[data-lede-slide]")].filter((s) => {
        const r = s.getBoundingClientRect();
        const shown = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
        return shown >= r.width / 2;
      }).map((s) => Number(s.dataset.index) + 1));
      assert.deepEqual(views.map((v) => v.position).sort((a, b) => a - b), visible, "one view per slide at least half visible");
      assert.ok(visible.length >= 3 && !visible.includes(8), `slides seen: ${visible}`);
      // Each view names its slide's story. Slides seen at the same moment
      // each run a clock of their own, so their views may come in any order.
      const seed = ["1855111", "1855161", "1855219", "1855307", "1855459", "1855469", "1855525", "1855538"];
      for (const v of views) assert.equal(v.id, seed[v.position - 1], `view at position ${v.position}`);
      assert.equal(views.find((v) => v.position === 1)?.id, "1855111");
      // No repeat for the same slide.
      await sleep(1200);
      assert.equal(await page.evaluate(() => window.__events.filter((e) => e.type === "lede:view" && e.target === "first").length), views.length);
      // Opening a story: lede:select with id, url and position (navigation stopped).
      await page.evaluate(() => document.addEventListener("click", (e) => e.preventDefault()));
      await page.locator("#first [data-index='1'] a").click();
      const select = await page.evaluate(() => window.__events.find((e) => e.type === "lede:select"));
      assert.deepEqual(select.detail, { id: "1855161", url: "https://news.example/news/1855161", position: 2 });
      assert.equal(select.target, "first");
      // An error, with the reader's message and what monitoring counts.
      await addWidget(page, { id: "broken", "data-related-src": `${origin}/fault/500` });
      await page.waitForFunction(() => window.__events.some((e) => e.type === "lede:error" && e.target === "broken"));
      const error = await page.evaluate(() => window.__events.find((e) => e.type === "lede:error" && e.target === "broken"));
      assert.deepEqual(error.detail, { section: "related", code: "http", status: 500, url: `${origin}/fault/500`, message: "Related stories could not be loaded." });
      await page.done();
    },
  },
  {
    name: "lede:ready when the section shows: a related feed in before a slow article is told once the article is, with its slides",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, null, { before: recordEvents });
      await page.goto(`${publisher}/embed.html`);
      await addWidget(page, {
        id: "slow",
        "data-article-src": `${origin}/fault/slow/article?ms=1500`,
        "data-related-src": `${origin}/api/related/1855600.json`,
        "data-media-base": `${origin}/media`,
      });
      await page.waitForFunction(() => window.__events.filter((e) => e.target === "slow").length >= 2, null, { timeout: 10000 });
      const heard = await page.evaluate(() => window.__events.filter((e) => e.target === "slow").map((e) => ({ section: e.detail.section, ...e.shown })));
      assert.deepEqual(heard.map((e) => e.section), ["article", "related"], "the related section, waiting for the article, is told after it");
      assert.deepEqual([heard[1].state, heard[1].slides], ["ready", 8], "its slides were there when the page heard lede:ready");
      await page.done();
    },
  },
  {
    name: "the page's CSS cannot reach the widget, and the widget's cannot reach the page",
    async run({ browser, origin, publisher }) {
      const look = (root) => {
        const pick = (el, props) => { const cs = getComputedStyle(el); return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])); };
        const props = ["color", "font-family", "font-size", "font-style", "line-height", "letter-spacing", "text-transform", "text-decoration-line", "margin-top", "padding-top", "direction", "text-align", "box-sizing"];
        return {
          h1: pick(root.querySelector("h1"), props),
          p: pick(root.querySelector(".body p"), props),
          title: pick(root.querySelector(".title"), props),
          button: pick(root.querySelector("button[data-lede-next]"), props),
          img: pick(root.querySelector(".thumb"), ["border-top-width", "filter", "width", "display"]),
          slide: root.querySelector("[data-lede-slide]").getBoundingClientRect().width,
        };
      };
      const clean = await open(browser, `${publisher}/embed.html`);
      await settled(clean, "article");
      await settled(clean, "related");
      const want = await inWidget(clean, look);
      await clean.done();
      const page = await open(browser, `${publisher}/hostile.html`);
      await settled(page, "article");
      await settled(page, "related");
      const got = await inWidget(page, look);
      assert.deepEqual(got, want);
      // And the widget's stylesheet does not style the page.
      const pageP = await page.evaluate(() => getComputedStyle(document.querySelector("main > p")).color);
      assert.equal(pageP, "rgb(0, 255, 0)");
      assert.equal(await page.evaluate(() => document.styleSheets.length), 1, "only the page's own sheet is in the document");
      // The page's line-through on the host (a div) is not drawn through
      // the widget's text: no pixel of its lime in the headline, where the
      // page's own paragraph has plenty.
      const limeIn = async (box) => {
        const png = await page.screenshot({ clip: box, type: "png" });
        return page.evaluate(async (b64) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = new OffscreenCanvas(img.width, img.height);
          const g = c.getContext("2d");
          g.drawImage(img, 0, 0);
          const d = g.getImageData(0, 0, img.width, img.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i] < 90 && d[i + 1] > 200 && d[i + 2] < 90) n++;
          return n;
        }, png.toString("base64"));
      };
      const boxOf = (fn) => page.evaluate((src) => {
        const r = new Function(`return (${src})()`)().getBoundingClientRect();
        return { x: r.x, y: r.y + scrollY, width: r.width, height: r.height };
      }, fn.toString());
      const headline = await boxOf(() => document.querySelector("[data-lede]").shadowRoot.querySelector("h1"));
      const own = await boxOf(() => document.querySelector("main > p"));
      assert.ok((await limeIn(own)) > 100, "the page's own paragraph is struck through in lime");
      assert.equal(await limeIn(headline), 0, "no lime line through the widget's headline");
      await page.done();
    },
  },
  {
    name: "Arabic from the element: right to left, Arabic words, first slide right of the second",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/embed.html`);
      assert.equal(await settled(page, "related", { widget: 1 }), "ready");
      const rtl = await inWidget(page, (root) => {
        const [a, b] = [...root.querySelectorAll("[data-lede-slide]")].map((s) => s.getBoundingClientRect());
        const section = root.querySelector("section");
        return {
          dir: root.querySelector("[data-lede-root]").getAttribute("dir"),
          lang: root.querySelector("[data-lede-root]").getAttribute("lang"),
          firstRightOfSecond: a.left > b.right,
          label: section.getAttribute("aria-label"),
          slide: root.querySelector("[data-lede-slide]").getAttribute("aria-label"),
          next: root.querySelector("[data-lede-next]").getAttribute("aria-label"),
        };
      }, null, 1);
      assert.deepEqual(rtl, { dir: "rtl", lang: "ar", firstRightOfSecond: true, label: "أخبار ذات صلة", slide: "1 من 8", next: "الأخبار التالية" });
      // The first widget follows the page: English, left to right.
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-root]").getAttribute("dir")), "ltr");
      await page.done();
    },
  },
  {
    name: "a strict Content-Security-Policy: a working widget and no violation",
    async run({ browser, publisher }) {
      let policy = null;
      const page = await open(browser, null);
      page.on("response", (r) => { if (r.url().endsWith("/csp.html")) policy = r.headers()["content-security-policy"]; });
      await page.goto(`${publisher}/csp.html`);
      assert.match(policy ?? "", /^default-src 'none'; script-src http:\/\/127\.0\.0\.1:\d+ 'wasm-unsafe-eval'; style-src/);
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related"), "ready");
      await page.evaluate(() => document.querySelector("[data-lede]").shadowRoot.querySelector("section").scrollIntoView());
      await page.mouse.wheel(0, 60);
      await page.waitForFunction(() => document.querySelector("[data-lede]").shadowRoot.querySelectorAll(".thumb-media[src]").length >= 3, null, { timeout: 10000 });
      // Styled: the stylesheet applied (a tile is 4:3, the rail is a grid).
      const styled = await inWidget(page, (root) => {
        const t = root.querySelector(".thumb").getBoundingClientRect();
        return { ratio: Math.round((t.width / t.height) * 100) / 100, grid: getComputedStyle(root.querySelector(".rail")).display };
      });
      assert.deepEqual(styled, { ratio: 1.33, grid: "grid" });
      await sleep(300);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      await page.done();
    },
  },
  {
    name: "each bad configuration gets a readable message and console detail, never a blank box",
    async run({ browser, origin }) {
      const bad = {
        "no source": {},
        "unparsable URL": { "data-related-src": "http://exa mple.com/r.json" },
        "non-http URL": { "data-article-src": "javascript:alert(1)" },
        "ftp URL": { "data-related-src": "ftp://example.com/r.json" },
        "bad media base": { "data-related-src": `${origin}/api/related/1855600.json`, "data-media-base": "data:text/plain,x" },
        "template without {id}": { "data-related-src": `${origin}/api/related/1855600.json`, "data-link-template": "https://news.example/news/" },
        "template giving a non-http URL": { "data-related-src": `${origin}/api/related/1855600.json`, "data-link-template": "javascript:open('{id}')" },
      };
      const page = await open(browser, `${origin}/pages/blank.html`, { before: recordEvents });
      for (const [what, attrs] of Object.entries(bad)) await addWidget(page, { id: what.replaceAll(" ", "-").replace(/[{}]/g, ""), ...attrs });
      await page.waitForFunction((n) => document.querySelectorAll("[data-lede]").length === n && [...document.querySelectorAll("[data-lede]")].every((h) => h.shadowRoot?.querySelector("[role=alert]")), Object.keys(bad).length, { timeout: 5000 });
      const shown = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => {
        const r = h.getBoundingClientRect();
        return { alert: h.shadowRoot.querySelector("[role=alert]").textContent, height: r.height };
      }));
      for (const s of shown) {
        assert.equal(s.alert, "This news widget is not set up correctly.");
        assert.ok(s.height > 20, "not a blank box");
      }
      const details = page.messages.filter((m) => m.type === "error" && m.text.startsWith("lede:")).map((m) => m.text);
      assert.equal(details.length, Object.keys(bad).length);
      assert.ok(details.some((d) => /data-related-src is not an http\(s\) URL: "http:\/\/exa mple.com/.test(d)));
      assert.ok(details.some((d) => /data-media-base is not an http\(s\) URL/.test(d)));
      assert.ok(details.some((d) => /no \{id\} placeholder/.test(d)));
      assert.ok(details.some((d) => /data-link-template does not give an http\(s\) URL/.test(d)));
      const errors = await page.evaluate(() => window.__events.filter((e) => e.type === "lede:error").map((e) => e.detail.section));
      assert.equal(errors.filter((s) => s === "config").length, Object.keys(bad).length);
      await page.done();
    },
  },
  {
    name: "fifty widgets on one page all render",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/pages/blank.html`);
      const t0 = Date.now();
      await page.evaluate((cdn) => {
        for (let i = 0; i < 50; i++) {
          const el = document.createElement("div");
          el.setAttribute("data-lede", "");
          el.setAttribute("data-article-src", `${cdn}/api/article/1855600.json`);
          el.setAttribute("data-related-src", `${cdn}/api/related/1855600.json`);
          el.setAttribute("data-media-base", `${cdn}/media`);
          document.querySelector("main").append(el);
        }
      }, origin);
      await page.waitForFunction(() => {
        const hosts = [...document.querySelectorAll("[data-lede]")];
        return hosts.length === 50 && hosts.every((h) => ["article[data-state=ready]", "section[data-state=ready]"].every((s) => h.shadowRoot?.querySelector(s)));
      }, null, { timeout: 30000 });
      console.log(`     50 widgets ready in ${Date.now() - t0} ms`);
      assert.equal(await widgetCount(page), 50);
      assert.equal(await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].reduce((n, h) => n + h.shadowRoot.querySelectorAll("[data-lede-slide]").length, 0)), 400);
      await page.done();
    },
  },
  {
    name: "adding and removing a widget 100 times leaves the JS heap flat",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/pages/blank.html`);
      await startCode(page, origin);
      const cdp = await page.context().newCDPSession(page);
      const cycle = (n) => page.evaluate(async ([count, cdn]) => {
        for (let i = 0; i < count; i++) {
          const el = document.createElement("div");
          el.setAttribute("data-lede", "");
          el.setAttribute("data-article-src", `${cdn}/api/article/1855600.json`);
          el.setAttribute("data-related-src", `${cdn}/api/related/1855600.json`);
          el.setAttribute("data-media-base", `${cdn}/media`);
          document.querySelector("main").append(el);
          await new Promise((resolve) => {
            const done = () => el.shadowRoot?.querySelector("article[data-state=ready]") && el.shadowRoot.querySelector("section[data-state=ready]");
            const wait = () => (done() ? resolve() : requestAnimationFrame(wait));
            wait();
          });
          el.remove();
          // The browser's own per-request records are not the widget's.
          performance.clearResourceTimings();
          await new Promise((r) => setTimeout(r, 0));
        }
      }, [n, origin]);
      const heap = async () => {
        for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
        return (await cdp.send("Runtime.getHeapUsage")).usedSize;
      };
      await cycle(10);
      const before = await heap();
      const domBefore = await cdp.send("Memory.getDOMCounters");
      await cycle(100);
      const after = await heap();
      const domAfter = await cdp.send("Memory.getDOMCounters");
      assert.deepEqual(domAfter, domBefore, "no DOM node or listener is left behind");
      if (process.env.LEDE_CHURN_MORE) {
        for (let k = 0; k < 4; k++) { await cycle(100); console.log(`     +100: ${((await heap()) / 1024).toFixed(0)} KB`); }
      }
      const growth = after - before;
      console.log(`     JS heap: ${(before / 1024).toFixed(0)} KB after 10 warm-up cycles, ${(after / 1024).toFixed(0)} KB after 100 more (${growth >= 0 ? "+" : ""}${(growth / 1024).toFixed(1)} KB)`);
      assert.ok(growth < 256 * 1024, `heap grew by ${growth} bytes over 100 mount/unmount cycles`);
      assert.equal(await page.evaluate(() => document.querySelectorAll("[data-lede]").length), 0);
      await page.done();
    },
  },
  {
    name: "screenshot of themes: default, dark and a publisher's own",
    async run({ browser, publisher, out }) {
      const page = await open(browser, `${publisher}/themes.html`, { viewport: { width: 900, height: 1000 }, contextOptions: { colorScheme: "light" } });
      for (let i = 0; i < 3; i++) assert.equal(await settled(page, "related", { widget: i }), "ready");
      await page.mouse.wheel(0, 10);
      await page.waitForFunction(() => [...document.querySelectorAll("[data-lede]")].every((h) => [...h.shadowRoot.querySelectorAll("img[src]")].slice(0, 3).every((i) => i.complete && i.naturalWidth)), null, { timeout: 10000 });
      const accents = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => getComputedStyle(h.shadowRoot.querySelector(".head")).borderTopColor));
      assert.equal(new Set(accents).size, 3, "three different accents");
      const tile = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => Math.round(h.shadowRoot.querySelector(".slide").getBoundingClientRect().width)));
      assert.equal(tile[2], 192, "--lede-tile-width: 12em");
      await page.screenshot({ path: join(out, "themes.png"), fullPage: true });
      await page.done();
    },
  },
];
