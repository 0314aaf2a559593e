// The widget end to end on the seed (issue: "The widget end to end"):
// rendering, every way a feed can fail, Retry, empty feeds, hostile input.
import { assert, open, settled, state, inWidget, addWidget, sleep } from "../lib.mjs";

const SEED_IDS = ["1855111", "1855161", "1855219", "1855307", "1855459", "1855469", "1855525", "1855538"];
const SEED_PICS = [
  "/2016/08/27/alalam_636078979081121458_25f_4x3.jpg",
  "/2016/08/27/alalam_636079053225911651_25f_4x3.jpg",
  "/2016/08/27/alalam_636079123580611038_25f_4x3.jpg",
  "/2016/08/27/alalam_636079270218421892_25f_4x3.mp4",
  "/2016/08/28/alalam_636079770269914523_25f_4x3.mp4",
  "/2016/08/28/alalam_636079785845678270_25f_4x3.jpg",
  "/2016/08/28/alalam_636079867760129766_25f_4x3.jpg",
  "/2016/08/28/alalam_636079874908531767_25f_4x3.jpg",
];

/** A blank publisher page with one widget of these attributes. */
async function widgetPage(browser, origin, attrs, options) {
  const page = await open(browser, `${origin}/pages/blank.html`, options);
  await addWidget(page, attrs);
  return page;
}

const seedAttrs = (origin) => ({
  "data-article-src": `${origin}/api/article/1855600.json`,
  "data-related-src": `${origin}/api/related/1855600.json`,
  "data-media-base": `${origin}/media`,
});

export const tests = [
  {
    name: "the demo page renders the seed: article, 8 slides in order, exact links and media URLs",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/`);
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related"), "ready");
      const article = await inWidget(page, (root) => ({
        h1: root.querySelector("article h1").textContent,
        datetime: root.querySelector("article time").getAttribute("datetime"),
        shown: root.querySelector("article time").textContent,
        source: root.querySelector("article .source").textContent,
        paragraphs: [...root.querySelectorAll("article .body p")].map((p) => p.textContent),
      }));
      assert.equal(article.h1, "Superpowers Vow to DESTROY ISIS: Russia and the US Team up");
      assert.equal(article.datetime, "2016-08-28T14:25:16Z");
      assert.match(article.shown, /August 28, 2016/);
      assert.equal(article.source, "Express");
      assert.equal(article.paragraphs.length, 7);
      assert.equal(article.paragraphs[0], "Russia and the US are joining forces to crush ISIS and put an end to the civil war raging through the Middle East.");
      assert.match(article.paragraphs[6], /Express reported\.$/);

      // Scrolling the page to the carousel lets its media load.
      await page.locator("section[data-lede-related]").scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 200);
      await page.waitForFunction(() => document.querySelector("[data-lede]").shadowRoot.querySelectorAll(".thumb-media[src]").length === 8, null, { timeout: 10000 });
      const slides = await inWidget(page, (root) =>
        [...root.querySelectorAll("[data-lede-slide]")].map((s) => ({
          media: s.getAttribute("data-media"),
          label: s.getAttribute("aria-label"),
          role: s.getAttribute("role"),
          rd: s.getAttribute("aria-roledescription"),
          href: s.querySelector("a")?.getAttribute("href"),
          src: s.querySelector("img, video")?.getAttribute("src"),
          title: s.querySelector(".title").textContent,
        })),
      );
      assert.equal(slides.length, 8);
      assert.deepEqual(slides.map((s) => s.href), SEED_IDS.map((id) => `${origin}/news/${id}`));
      assert.deepEqual(slides.map((s) => s.src), SEED_PICS.map((p) => `${origin}/media${p}`));
      assert.deepEqual(slides.map((s) => s.media), ["image", "image", "image", "video", "video", "image", "image", "image"]);
      assert.deepEqual(slides.map((s) => s.label), SEED_IDS.map((_, i) => `${i + 1} of 8`));
      assert.ok(slides.every((s) => s.role === "group" && s.rd === "slide"));
      assert.equal(slides[3].title, "Video: VIDEO: Bangladesh Police Kill ISIS-Linked Mastermind of Dhaka Café Attack");
      const section = await inWidget(page, (root) => {
        const s = root.querySelector("section[data-lede-related]");
        return { rd: s.getAttribute("aria-roledescription"), label: s.getAttribute("aria-label"), prev: !!s.querySelector("button[data-lede-prev]"), next: !!s.querySelector("button[data-lede-next]") };
      });
      assert.deepEqual(section, { rd: "carousel", label: "Related stories", prev: true, next: true });
      await page.done();
    },
  },
  {
    name: "each feed failure shows an alert and Retry in its own section, the other stays ready",
    async run({ browser, origin }) {
      const cases = {
        "HTTP 500": `${origin}/fault/500`,
        "HTTP 404": `${origin}/fault/404`,
        "invalid JSON": `${origin}/fault/invalid`,
        "HTML instead of JSON": `${origin}/fault/html`,
        "wrong JSON shape": `${origin}/fault/shape`,
        "truncated envelope": `${origin}/fault/truncated`,
        "connection refused": "http://127.0.0.1:1/feed.json",
      };
      for (const section of ["article", "related"]) {
        for (const [what, url] of Object.entries(cases)) {
          const attrs = seedAttrs(origin);
          attrs[section === "article" ? "data-article-src" : "data-related-src"] = section === "article" && what === "invalid JSON" ? `${url}-article` : url;
          if (section === "article" && what === "truncated envelope") continue; // an article has no envelope to cut
          const page = await widgetPage(browser, origin, attrs);
          const other = section === "article" ? "related" : "article";
          assert.equal(await settled(page, section), "error", `${section}: ${what}`);
          assert.equal(await settled(page, other), "ready", `${other} stays ready when ${section} has ${what}`);
          const ui = await inWidget(page, (root, sel) => {
            const s = root.querySelector(sel);
            return { alert: s.querySelector("[role=alert]")?.textContent ?? null, retry: s.querySelector("button[data-lede-retry]")?.textContent ?? null };
          }, section === "article" ? "article[data-lede-article]" : "section[data-lede-related]");
          const want = section === "article" ? /This article could not be loaded\./ : /Related stories could not be loaded\./;
          assert.match(ui.alert ?? "", want, `${section}: ${what}`);
          assert.equal(ui.retry?.trim(), "Retry");
          if (what === "connection refused") assert.match(ui.alert, /Check your connection/);
          const detail = page.messages.find((m) => m.type === "error" && m.text.startsWith(`lede: the ${section} feed at`));
          assert.ok(detail, `the console gets the technical detail for ${section}: ${what}`);
          if (what === "HTTP 500") assert.match(detail.text, /HTTP status 500/);
          if (what === "invalid JSON") assert.match(detail.text, /invalid JSON at line 1, column \d+/);
          if (what === "truncated envelope") assert.match(detail.text, /envelope announces 1578 bytes, \d+ arrived/);
          await page.done();
        }
      }
    },
  },
  {
    name: "a feed slower than 10 s times out, is tried twice more, then shows an alert with Retry, in either section",
    async run({ browser, origin }) {
      const pages = await Promise.all(["article", "related"].map(async (section) => {
        const attrs = seedAttrs(origin);
        attrs[section === "article" ? "data-article-src" : "data-related-src"] = `${origin}/fault/slow/${section}?ms=14000`;
        return [section, await widgetPage(browser, origin, attrs)];
      }));
      for (const [section, page] of pages) {
        const other = section === "article" ? "related" : "article";
        assert.equal(await settled(page, other), "ready");
        assert.equal(await settled(page, section, { timeout: 45000 }), "error");
        const alert = await inWidget(page, (root) => root.querySelector("[role=alert]").textContent);
        assert.match(alert, /taking too long/);
        const lines = page.messages.filter((m) => /no answer within 10000 ms/.test(m.text)).map((m) => m.text);
        assert.equal(lines.length, 3, "three tries, each given 10 s");
        assert.equal(lines.filter((t) => /trying again/.test(t)).length, 2);
        await page.done();
      }
      // Each try was given up by the widget, before the server's 14 s.
      const log = await (await fetch(`${origin}/__log`)).json();
      const slow = log.filter((e) => e.path.startsWith("/fault/slow/"));
      assert.equal(slow.length, 6);
      assert.ok(slow.every((e) => e.aborted), "every slow request was aborted by the widget");
    },
  },
  {
    name: "Retry fetches again and recovers once the server answers",
    async run({ browser, origin }) {
      const attrs = { "data-article-src": `${origin}/fault/flaky/article-r`, "data-related-src": `${origin}/fault/flaky/related-r`, "data-media-base": `${origin}/media` };
      const page = await widgetPage(browser, origin, attrs);
      assert.equal(await settled(page, "article"), "error");
      assert.equal(await settled(page, "related"), "error");
      // Still failing: Retry goes back to loading, then to the error again.
      await page.locator("article button[data-lede-retry]").click();
      assert.equal(await settled(page, "article"), "error");
      await fetch(`${origin}/fault/heal/article-r`);
      await fetch(`${origin}/fault/heal/related-r`);
      await page.locator("article button[data-lede-retry]").click();
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await state(page, "related"), "error", "each section retries on its own");
      await page.locator("section button[data-lede-retry]").click();
      assert.equal(await settled(page, "related"), "ready");
      assert.equal(await inWidget(page, (root) => root.querySelectorAll("[data-lede-slide]").length), 8);
      await page.done();
    },
  },
  {
    name: "an empty related feed shows no box at all",
    async run({ browser, origin }) {
      for (const feed of ["empty", "empty-envelope"]) {
        const page = await widgetPage(browser, origin, { ...seedAttrs(origin), "data-related-src": `${origin}/fault/${feed}` });
        assert.equal(await settled(page, "related"), "empty");
        assert.equal(await settled(page, "article"), "ready");
        const box = await inWidget(page, (root) => {
          const r = root.querySelector("section[data-lede-related]").getBoundingClientRect();
          return [r.width, r.height];
        });
        assert.deepEqual(box, [0, 0], feed);
        await page.done();
      }
    },
  },
  {
    name: "hostile titles, ids and pics end up as text or are dropped, and no script runs",
    async run({ browser, origin }) {
      const page = await widgetPage(browser, origin, {
        "data-article-src": `${origin}/fault/hostile-article`,
        "data-related-src": `${origin}/fault/hostile`,
      });
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related"), "ready");
      await page.locator("section[data-lede-related]").scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 100);
      await sleep(500);
      const seen = await inWidget(page, (root) => ({
        h1: root.querySelector("h1").textContent,
        source: root.querySelector(".source").textContent,
        time: root.querySelectorAll("time").length,
        paragraphs: [...root.querySelectorAll(".body p")].map((p) => p.textContent),
        injected: root.querySelectorAll("script, b, article img, .title img, .body a").length,
        slides: [...root.querySelectorAll("[data-lede-slide]")].map((s) => ({
          media: s.getAttribute("data-media"),
          href: s.querySelector("a")?.getAttribute("href") ?? null,
          src: s.querySelector("img, video")?.getAttribute("src") ?? null,
          title: s.querySelector(".title").textContent,
        })),
        urls: [...root.querySelectorAll("[href], [src]")].map((e) => e.getAttribute("href") ?? e.getAttribute("src")),
      }));
      assert.equal(seen.h1, "<img src=x onerror=\"window.__pwned=6\">Headline");
      assert.equal(seen.source, "<script>window.__pwned=7</script>");
      assert.equal(seen.time, 0, "an unparsable date gives no dateline");
      assert.deepEqual(seen.paragraphs, ["<script>window.__pwned=8</script>", "<a href=\"javascript:alert(1)\">link</a>"]);
      assert.equal(seen.injected, 0, "no element came from feed text");
      assert.equal(seen.slides[0].title, "<img src=x onerror=\"window.__pwned=1\"><b>bold</b>");
      assert.deepEqual(seen.slides.map((s) => s.media), ["unknown", "unknown", "image", "unknown", "unknown", "image"]);
      assert.equal(seen.slides[1].href, `${origin}/news/a%22%2F%3E%3Cscript%3Ewindow.__pwned%3D3%3C%2Fscript%3E`);
      assert.equal(seen.slides[2].src, "https://127.0.0.1:1/x.jpg", "protocol-relative becomes https");
      // Character references are read (as a CMS's rendered titles need), and
      // what they spell is text too, never an element.
      assert.equal(seen.slides[5].title, "<escaped> & entities");
      assert.ok(seen.urls.every((u) => /^https?:\/\//.test(u)), `only http(s) URLs reach the DOM: ${seen.urls}`);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, "no script ran");
      // The https image at port 1 fails: it becomes the placeholder, not a broken image.
      await page.waitForFunction(() => document.querySelector("[data-lede]").shadowRoot.querySelector("[data-index='2'] .thumb[data-failed]"), null, { timeout: 10000 });
      await page.done();
    },
  },
  {
    name: "items without id, title or pic are skipped one by one, with a console warning",
    async run({ browser, origin }) {
      const page = await widgetPage(browser, origin, { "data-related-src": `${origin}/fault/skip-some` });
      assert.equal(await settled(page, "related"), "ready");
      assert.deepEqual(await inWidget(page, (root) => [...root.querySelectorAll(".title")].map((t) => t.textContent)), ["Kept", "Also kept"]);
      assert.deepEqual(await inWidget(page, (root) => [...root.querySelectorAll("[data-lede-slide]")].map((s) => s.getAttribute("aria-label"))), ["1 of 2", "2 of 2"]);
      assert.ok(page.messages.some((m) => m.type === "warning" && /had 2 unusable item/.test(m.text)));
      await page.done();
    },
  },
];
