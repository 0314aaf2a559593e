// The component tree (issue "One Leptos component tree"): a page that
// enforces Trusted Types, and a widget the page moves while a reader is in
// its carousel.
import { assert, open, settled, inWidget, sleep, eventually } from "../lib.mjs";

/** Indices of the slides more than half shown in the first widget's track. */
const shown = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("[data-lede]").shadowRoot;
    const t = root.querySelector(".track").getBoundingClientRect();
    return [...root.querySelectorAll("[data-lede-slide]")]
      .filter((s) => {
        const r = s.getBoundingClientRect();
        return Math.min(r.right, t.right) - Math.max(r.left, t.left) > r.width / 2;
      })
      .map((s) => Number(s.dataset.index));
  });

export const tests = [
  {
    name: "a page enforcing Trusted Types (no policy allowed) under a strict CSP: a working widget and no violation",
    async run({ browser, publisher }) {
      let policy = null;
      // The test's own refused innerHTML (below, after the widget's record
      // is checked) is reported on the console.
      const page = await open(browser, null, { allow: [/requires 'TrustedHTML' assignment/] });
      page.on("response", (r) => { if (r.url().endsWith("/trusted-types.html")) policy = r.headers()["content-security-policy"]; });
      await page.goto(`${publisher}/trusted-types.html`);
      assert.match(policy ?? "", /require-trusted-types-for 'script'; trusted-types 'none'$/);
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related"), "ready");
      const seen = await page.evaluate(() => {
        const root = document.querySelector("[data-lede]").shadowRoot;
        return {
          headline: root.querySelector("h1")?.textContent,
          slides: root.querySelectorAll("[data-lede-slide]").length,
          // The icons are the stylesheet's (::before), which the policy
          // lets through as a constructed sheet: drawn, with a border.
          icons: ["[data-lede-next]", "[data-lede-prev]", "button.play", ".thumb"].map((sel) => {
            const shape = getComputedStyle(root.querySelector(sel), "::before");
            const borders = ["Top", "Right", "Bottom", "Left"].reduce((n, side) => n + parseFloat(shape[`border${side}Width`]), 0);
            return shape.content !== "none" && borders > 0 && parseFloat(shape.width) > 0 && parseFloat(shape.height) > 0;
          }),
          elements: root.querySelectorAll("svg").length,
        };
      });
      assert.equal(seen.headline, "Superpowers Vow to DESTROY ISIS: Russia and the US Team up");
      assert.equal(seen.slides, 8);
      assert.deepEqual(seen.icons, [true, true, true, true], "the chevrons, the play shape and the placeholder are drawn");
      assert.equal(seen.elements, 0, "no icon is an element");
      // Interaction renders more of the tree (pages, videos' buttons).
      await page.evaluate(() => document.querySelector("[data-lede]").shadowRoot.querySelector("[data-lede-next]").click());
      await sleep(300);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      // The page really enforces it: an HTML string is refused.
      const refused = await page.evaluate(() => {
        try {
          document.createElement("div").innerHTML = "<b>x</b>";
          return false;
        } catch (e) {
          return e instanceof TypeError;
        }
      });
      assert.ok(refused, "the page refuses innerHTML strings");
      await sleep(100);
      assert.equal((await page.evaluate(() => window.__violations)).length, 1, "and reports it");
      await page.done();
    },
  },
  {
    name: "a widget moved by the page carries on from where the reader is",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/index.html`, { viewport: { width: 1000, height: 900 } });
      assert.equal(await settled(page, "related"), "ready");
      const next = () => page.evaluate(() => document.querySelector("[data-lede]").shadowRoot.querySelector("[data-lede-next]").click());
      await next();
      await page.waitForFunction(() => {
        const t = document.querySelector("[data-lede]").shadowRoot.querySelector(".track");
        return Math.abs(t.scrollLeft) > 100;
      });
      // Where the glide ends: what is shown stops changing.
      let last = [];
      const before = await eventually(async () => {
        const now = JSON.stringify(await shown(page));
        const done = now === JSON.stringify(last) && JSON.parse(now);
        last = JSON.parse(now);
        await sleep(100);
        return done;
      }, "the glide's end");
      assert.ok(before[0] > 0, `Next moved on: ${before}`);
      // The page moves the widget into another container: the browser resets
      // the track's scroll; the reader sees the first slides again.
      await page.evaluate(() => {
        const host = document.querySelector("[data-lede]");
        const aside = document.createElement("aside");
        document.querySelector("main").prepend(aside);
        aside.append(host);
      });
      await sleep(100);
      const moved = await shown(page);
      assert.equal(moved[0], 0, `the move reset the track: ${moved}`);
      // Next goes one page on from what the reader sees, not from where the
      // track was before the move.
      await next();
      const after = await eventually(async () => {
        const now = await shown(page);
        return JSON.stringify(now) === JSON.stringify(before) && now;
      }, `one page on from the start, as before the move (${before})`);
      assert.ok(after[0] > 0 && after[0] <= moved[moved.length - 1] + 1, `the next unseen slides: ${moved} then ${after}`);
      assert.deepEqual(after, before, "one page on from the start, as before the move");
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-prev]").getAttribute("aria-disabled")), "false");
      await page.done();
    },
  },
];
