// Views counted the way publishers' analytics count them (MRC viewable
// impressions): half of a slide in view for one continuous second while the
// page is visible; a tab switched away stops and resets the clock.
import { assert, open, settled, sleep } from "../lib.mjs";

/** Records lede:view positions, and lets the test switch the page's
 * visibility the way a tab switch does (headless pages are always visible). */
const setUp = (page) =>
  page.addInitScript(() => {
    window.__views = [];
    document.addEventListener("lede:view", (e) => window.__views.push(e.detail.position));
    window.__setHidden = (hidden) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
    };
  });

export const tests = [
  {
    name: "lede:view: a second in view while the page is visible, the clock reset by a tab switch",
    async run({ browser, origin }) {
      const page = await open(browser, null, { viewport: { width: 1000, height: 900 }, before: setUp });
      await page.goto(`${origin}/pages/blank.html`);
      // Hidden from the start: the carousel comes into view, but nobody sees it.
      await page.evaluate(() => window.__setHidden(true));
      await page.evaluate((o) => {
        const el = document.createElement("div");
        el.setAttribute("data-lede", "");
        el.setAttribute("data-related-src", `${o}/api/related/1855600.json`);
        el.setAttribute("data-media-base", `${o}/media`);
        document.querySelector("main").prepend(el);
      }, origin);
      assert.equal(await settled(page, "related"), "ready");
      await sleep(1500);
      assert.deepEqual(await page.evaluate(() => window.__views), [], "no view while the page is hidden");
      // Shown for 0.6 s, hidden, shown again for 0.6 s: never a whole second
      // at once, though more than one together (a clock that went on where
      // it stopped, instead of starting again, would count a view).
      await page.evaluate(() => window.__setHidden(false));
      await sleep(600);
      await page.evaluate(() => window.__setHidden(true));
      await sleep(200);
      await page.evaluate(() => window.__setHidden(false));
      await sleep(600);
      assert.deepEqual(await page.evaluate(() => window.__views), [], "two 0.6 s glimpses are not a view");
      await sleep(700);
      const seen = (await page.evaluate(() => window.__views)).sort((a, b) => a - b);
      assert.ok(seen.length >= 3 && seen[0] === 1, `the slides in view, after a second: ${seen}`);
      assert.equal(new Set(seen).size, seen.length, "each once");
      await page.done();
    },
  },
];
