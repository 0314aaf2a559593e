// No layout shift by recipe (README, "No layout shift"): a publisher's page
// whose <head> has the README's reserve CSS (the server reads it from
// README.md between <!-- reserve:start --> and <!-- reserve:end -->, so the
// recipe and this test cannot drift), with the widget above the page's
// paragraphs and lede.js arriving 1.5 s late. The page's cumulative layout
// shift, from its first paint until a second after the widget is ready,
// stays under 0.01; the same page without the CSS is measured and printed
// (the README quotes both figures), as are each shape's heights.
import { assert, open, sleep } from "../lib.mjs";
import { reserveCss } from "../readme.mjs";

const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];

/** Opens reserve.html (`shape`: carousel only, "article" or "both"), with
 * lede.js held 1.5 s and (unless `reserve`) the README's CSS left out;
 * returns the page's layout shift until a second after the widget is
 * ready, and the widget's height before it mounted, as it mounted, and at
 * the end. */
async function measure(browser, publisher, { viewport, shape = null, reserve = true }) {
  const page = await open(browser, null, {
    viewport,
    before: (p) => p.addInitScript(() => {
      window.__cls = 0;
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          window.__cls += e.value;
          window.__shifts.push(`${e.value.toFixed(4)} (${e.sources.map((s) => s.node?.id || s.node?.nodeName).join(", ")})`);
        }
      }).observe({ type: "layout-shift", buffered: true });
      window.__heights = {};
      document.addEventListener("DOMContentLoaded", () => {
        const el = document.getElementById("widget");
        window.__heights.reserved = el.getBoundingClientRect().height;
        new MutationObserver(() => {
          if (el.hasAttribute("data-lede-mounted") && !("mounted" in window.__heights)) {
            window.__heights.mounted = el.getBoundingClientRect().height;
            // The article's state then: a feed read ahead whole before
            // the code ran is shown in the task that mounts the widget.
            window.__heights.articleAtMount = el.shadowRoot?.querySelector("[data-lede-article]")?.getAttribute("data-state") ?? null;
          }
        }).observe(el, { attributes: true, attributeFilter: ["data-lede-mounted"] });
      });
      window.__ready = new Set();
      document.addEventListener("lede:ready", (e) => window.__ready.add(e.detail.section));
    }),
  });
  let held = 0;
  await page.route((url) => url.pathname === "/lede.js", async (route) => {
    held++;
    await sleep(1500);
    await route.continue();
  });
  let css = null;
  page.on("response", async (r) => { if (r.url().endsWith("/reserve.css")) css = await r.text().catch(() => null); });
  if (!reserve) await page.route((url) => url.pathname === "/reserve.css", (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));
  await page.goto(`${publisher}/reserve.html${shape ? `?shape=${shape}` : ""}`);
  const sections = shape === "both" ? ["article", "related"] : [shape === "article" ? "article" : "related"];
  await page.waitForFunction((s) => s.every((x) => window.__ready.has(x)), sections, { timeout: 20000 });
  await sleep(1000);
  const result = await page.evaluate(() => {
    const el = document.getElementById("widget");
    return { cls: window.__cls, shifts: window.__shifts, ...window.__heights, final: el.getBoundingClientRect().height, width: el.getBoundingClientRect().width };
  });
  assert.equal(held, 1, "lede.js was held");
  await page.done();
  return { ...result, css };
}

const px = (h) => `${Math.round(h * 100) / 100} px`;

export const tests = [
  {
    name: "the README's reserve CSS: a carousel-only widget above the page's text, lede.js 1.5 s late: layout shift under 0.01 at 390 and 1280 px (and measured without it)",
    async run({ browser, publisher }) {
      const readme = await reserveCss();
      for (const viewport of VIEWPORTS) {
        const withIt = await measure(browser, publisher, { viewport });
        assert.equal(withIt.css, readme, "the page's CSS is the README's");
        const without = await measure(browser, publisher, { viewport, reserve: false });
        console.log(`     (${viewport.width}px, carousel only: reserved ${px(withIt.reserved)}, at mount ${px(withIt.mounted)}, ready ${px(withIt.final)}; layout shift ${withIt.cls.toFixed(4)} with the reserve, ${without.cls.toFixed(4)} without it${withIt.shifts.length ? `; shifts with it: ${withIt.shifts.join("; ")}` : ""})`);
        assert.ok(without.cls > 0.01, `without the reserve the page does shift (${without.cls}), or this test measures nothing`);
        assert.ok(withIt.cls < 0.01, `${viewport.width}px: layout shift ${withIt.cls} with the README's reserve: ${withIt.shifts.join("; ")}`);
        assert.ok(Math.abs(withIt.reserved - withIt.final) < 1, `${viewport.width}px: the reserve (${px(withIt.reserved)}) is the mounted carousel's height (${px(withIt.final)})`);
      }
    },
  },
  {
    name: "the README's reserve CSS with an article: the room is a screenful, which the widget holds until its article arrives; the shift of each shape measured",
    async run({ browser, publisher }) {
      for (const viewport of VIEWPORTS) {
        for (const shape of ["both", "article"]) {
          const withIt = await measure(browser, publisher, { viewport, shape });
          const without = await measure(browser, publisher, { viewport, shape, reserve: false });
          console.log(`     (${viewport.width}px, ${shape === "both" ? "article and carousel" : "article only"}: reserved ${px(withIt.reserved)}, at mount ${px(withIt.mounted)} (article ${withIt.articleAtMount}), ready ${px(withIt.final)}; layout shift ${withIt.cls.toFixed(4)} with the reserve, ${without.cls.toFixed(4)} without it${withIt.shifts.length ? `; shifts: ${withIt.shifts.join("; ")}` : ""})`);
          assert.equal(withIt.reserved, viewport.height, `${viewport.width}px ${shape}: a screenful reserved`);
          if (withIt.articleAtMount === "loading") {
            assert.equal(withIt.mounted, withIt.reserved, `${viewport.width}px ${shape}: what the widget holds as it mounts, its article loading`);
          } else {
            // The article was there as it mounted (read ahead while the
            // code came): the widget is its content at once, a
            // screenful's hold no longer needed; alone, the article is
            // all of it.
            assert.equal(withIt.articleAtMount, "ready", `${viewport.width}px ${shape}: the article's state as the widget mounted`);
            if (shape === "article") assert.ok(Math.abs(withIt.mounted - withIt.final) < 1, `${viewport.width}px article: shown as it mounted, the widget is the article's height (${px(withIt.mounted)} against ${px(withIt.final)})`);
          }
          // The demo article and its carousel are taller than a screen:
          // all that moves after the mount is below the fold.
          if (shape === "both") assert.ok(withIt.cls < 0.01, `${viewport.width}px, article and carousel: layout shift ${withIt.cls}: ${withIt.shifts.join("; ")}`);
        }
      }
    },
  },
];
