// The reader's Back button: a page with a widget stays eligible for the
// browser's back/forward cache (no `unload` listener, nothing held open that
// would make the browser drop it), and the widget it restores, frozen and
// thawed rather than loaded again, still pages, still follows the page's
// attribute changes and still mounts new widgets. Playwright turns that
// cache off by default; this test's browser has it on.
import { chromium } from "playwright-core";
import { assert, open, settled, inWidget, addWidget, CHROMIUM_ARGS } from "../lib.mjs";

/** B's slide titles in the first widget, once the related feed shows them. */
const bTitles = (page) =>
  page.waitForFunction(() => {
    const titles = [...(document.getElementById("story")?.shadowRoot?.querySelectorAll("[data-lede-slide] .title") ?? [])];
    return titles.length > 0 && titles.every((t) => /^B\d+: /.test(t.textContent.trim().replace(/^Video: /, "")));
  }, null, { timeout: 15000 });

export const tests = [
  {
    name: "Back to a page with a widget: restored from the back/forward cache, and the widget pages, follows a changed attribute and mounts a new one",
    async run({ origin, publisher }) {
      const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, ignoreDefaultArgs: ["--disable-back-forward-cache"] });
      try {
        const page = await open(browser, null, {
          before: (p) =>
            p.addInitScript(() => {
              window.__restored = 0;
              addEventListener("pageshow", (e) => e.persisted && window.__restored++);
            }),
        });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Page.enable");
        const notRestored = [];
        cdp.on("Page.backForwardCacheNotUsed", (e) => notRestored.push(...e.notRestoredExplanations.map((x) => x.reason)));
        await page.goto(`${publisher}/plain.html?cacheable`);
        assert.equal(await settled(page, "article"), "ready");
        assert.equal(await settled(page, "related"), "ready");
        await page.evaluate(() => (window.__sameDocument = true));
        // Nothing in flight when the reader leaves (thumbnails, a clip's
        // metadata): a request still open can make the browser drop the page.
        await page.waitForLoadState("networkidle");

        await page.goto(`${publisher}/blank.html`);
        await page.goBack({ waitUntil: "commit" });
        // Restored: pageshow with persisted. Loaded again: a new document.
        await page.waitForFunction(() => window.__restored === 1 || (document.readyState === "complete" && !window.__sameDocument), null, { timeout: 15000 });
        assert.deepEqual(notRestored, [], "the browser kept the page");
        assert.equal(await page.evaluate(() => window.__restored), 1, "pageshow with persisted");
        assert.equal(await page.evaluate(() => window.__sameDocument), true, "the same document, not a reload");
        assert.equal(await settled(page, "related"), "ready", "the widget is as it was");

        // It pages.
        const prev = () => inWidget(page, (root) => root.querySelector("[data-lede-prev]").getAttribute("aria-disabled"));
        assert.equal(await prev(), "true", "at the start");
        await inWidget(page, (root) => root.querySelector("[data-lede-next]").click());
        await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("[data-lede-prev]").getAttribute("aria-disabled") === "false", null, { timeout: 5000 });

        // It follows the page's attribute changes.
        await page.evaluate((o) => document.getElementById("story").setAttribute("data-related-src", `${o}/b/related.json`), origin);
        await bTitles(page);

        // A widget added afterwards mounts and loads.
        await addWidget(page, { "data-article-src": `${origin}/api/article/1855600.json` });
        assert.equal(await settled(page, "article", { widget: 1 }), "ready");
        await page.done();
      } finally {
        await browser.close();
      }
    },
  },
];
