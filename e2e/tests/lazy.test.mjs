// Lazy start below the fold (issue 23): a widget farther than about a
// viewport and a half from view costs the reader nothing but lede.js until
// the reader scrolls near it; `data-loading="eager"` opts out.
import { assert, open, settled, sleep } from "../lib.mjs";

/** What the page has fetched of the widget's code and feeds. */
const fetched = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /\/lede[^/]*\.(js|wasm)$|\.json$|\/words\//.test(p)),
  );

const PHONE = { viewport: { width: 390, height: 844 } };

/** Scrolls at reading speed (250 px every 500 ms) until `id` is in view
 * (its top in the viewport's upper half, or the page's end reached). */
async function scrollTo(page, id) {
  for (let i = 0; i < 200; i++) {
    const [top, end, height] = await page.evaluate((i) => [document.getElementById(i).getBoundingClientRect().top, scrollY + innerHeight >= document.documentElement.scrollHeight - 1, innerHeight], id);
    if (top < 400 || (end && top < height)) return;
    await page.mouse.wheel(0, 250);
    await sleep(500);
  }
  throw new Error(`never reached #${id}`);
}

export const tests = [
  {
    name: "every widget far below: only lede.js is fetched until the reader scrolls near; then the code and that widget's feeds, and it is ready before it shows",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/below.html`, PHONE);
      await page.waitForLoadState("load");
      await sleep(1500);
      assert.deepEqual(await fetched(page), ["/lede.js"], "nothing but lede.js");
      assert.equal(await page.evaluate(() => !!document.getElementById("far").shadowRoot), false);
      // Reading down: the widget starts a viewport and a half before it
      // shows, and is ready by the time it does.
      const readyAt = page.evaluate(() => new Promise((r) => document.getElementById("far").addEventListener("lede:ready", (e) => e.detail.section === "related" && r(document.getElementById("far").getBoundingClientRect().top))));
      await scrollTo(page, "far");
      const topWhenReady = await readyAt;
      assert.ok(topWhenReady > 844, `ready while still below the viewport (its top at ${Math.round(topWhenReady)} px)`);
      const now = await fetched(page);
      assert.ok(now.some((p) => /_bg\.wasm$/.test(p)) && now.includes("/api/related/1855600.json"), now.join(" "));
      // The widget farther down still has fetched nothing of its own.
      assert.ok(!now.includes("/b/related.json"), "the farther widget waits");
      await scrollTo(page, "farther");
      assert.equal(await settled(page, "related", { widget: 1 }), "ready");
      await page.done();
    },
  },
  {
    name: "data-loading=eager starts a far widget at once, and mount() of a far element waits like the page's",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/below.html?eager`, PHONE);
      assert.equal(await settled(page, "related", { widget: 1 }), "ready", "the eager one, far as it is");
      const before = await fetched(page);
      assert.ok(!before.includes("/api/related/1855600.json"), "the other far widget waits");
      // An element given to mount(), far below: it waits too, while one
      // given at the same time near view mounts.
      await page.evaluate(async () => {
        const { mount } = await import(document.querySelector("script[type=module][src]").src);
        const src = document.getElementById("far").getAttribute("data-related-src").replace("1855600.json", "1855600.ar.json");
        const make = (id) => {
          const el = document.createElement("div");
          el.id = id;
          el.setAttribute("data-related-src", src);
          return el;
        };
        const near = make("explicit-near");
        const far = make("explicit");
        document.querySelector("main").prepend(near);
        document.querySelector("main").append(far);
        mount(near);
        mount(far);
      });
      await page.waitForFunction(() => document.getElementById("explicit-near").shadowRoot?.querySelector("section[data-state=ready]"), null, { timeout: 10000 });
      assert.equal(await page.evaluate(() => !!document.getElementById("explicit").shadowRoot?.querySelector("section")), false, "not mounted while far");
      await page.evaluate(() => document.getElementById("explicit").scrollIntoView());
      await page.waitForFunction(() => document.getElementById("explicit").shadowRoot?.querySelector("section[data-state=ready]"), null, { timeout: 10000 });
      await page.done();
    },
  },
  {
    name: "an eager widget far from view lays out no carousel until the reader comes near; then its carousel is whole and pages; a widget started near view is never held",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/below.html?eager`, PHONE);
      assert.equal(await settled(page, "related", { widget: 1 }), "ready");
      const look = (id) =>
        page.evaluate((id) => {
          const scope = document.getElementById(id).shadowRoot;
          const slide = scope?.querySelector("[data-lede-slide]");
          const track = scope?.querySelector(".track");
          return {
            far: !!scope?.querySelector(".lede[data-far]"),
            shown: !!slide?.checkVisibility({ contentVisibilityAuto: true }),
            width: slide?.getBoundingClientRect().width ?? 0,
            scroll: track ? [track.scrollLeft, track.scrollWidth, track.clientWidth] : [],
          };
        }, id);
      const before = await look("farther");
      assert.ok(before.far, "started far: marked so");
      assert.equal(before.shown, false, "its slides are skipped while far");
      await scrollTo(page, "farther");
      await sleep(500);
      const after = await look("farther");
      assert.ok(after.shown, "near: its slides are laid out");
      assert.ok(after.width > 100, `a slide has its width (${after.width})`);
      const [, scrollWidth, clientWidth] = after.scroll;
      assert.ok(scrollWidth > clientWidth, `the track overflows (${after.scroll})`);
      const previous = () => page.evaluate(() => document.getElementById("farther").shadowRoot.querySelector("[data-lede-prev]").getAttribute("aria-disabled"));
      assert.equal(await previous(), "true", "at the start");
      await page.evaluate(() => document.getElementById("farther").shadowRoot.querySelector("[data-lede-next]").click());
      await sleep(1200);
      const paged = await look("farther");
      assert.ok(paged.scroll[0] > 0, `Next paged the track (${paged.scroll})`);
      assert.equal(await previous(), "false", "no longer at the start");
      // The other widget started when the reader came near: never marked.
      await page.waitForFunction(() => document.getElementById("far").shadowRoot?.querySelector(".lede"), null, { timeout: 10000 });
      const near = await look("far");
      assert.equal(near.far, false, "a widget started near view is not marked far");
      await page.done();
    },
  },
];
