// Screenshots of the demo at phone and desktop widths, LTR and RTL, saved to
// e2e/out/ by every run (docs/screenshots/ holds the ones in the README).
import { join } from "node:path";
import { assert, open, settled } from "../lib.mjs";

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const PAGES = { ltr: "/", rtl: "/ar.html" };

export const tests = Object.entries(SIZES).flatMap(([size, viewport]) =>
  Object.entries(PAGES).map(([dir, path]) => ({
    name: `screenshot ${size} ${dir}`,
    async run({ browser, origin, out }) {
      const page = await open(browser, origin + path, { viewport, contextOptions: { deviceScaleFactor: 1, colorScheme: "light", timezoneId: "UTC" } });
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related"), "ready");
      // Bring the carousel into view the way a reader would, and let its media paint.
      await page.locator("section[data-lede-related]").scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 50);
      await page.waitForFunction(() => {
        const root = document.querySelector("[data-lede]").shadowRoot;
        const shown = [...root.querySelectorAll("[data-lede-slide]")].filter((s) => {
          const r = s.getBoundingClientRect();
          return r.left < innerWidth && r.right > 0;
        });
        return shown.length > 0 && shown.every((s) => {
          const m = s.querySelector("img, video");
          return m && (m.tagName === "IMG" ? m.complete && m.naturalWidth > 0 : m.readyState >= 2);
        });
      }, null, { timeout: 10000 });
      await page.screenshot({ path: join(out, `${size}-${dir}.png`), fullPage: true });
      const dirAttr = await page.evaluate(() => document.querySelector("[data-lede]").shadowRoot.querySelector("[data-lede-root]").getAttribute("dir"));
      assert.equal(dirAttr, dir);
      await page.done();
    },
  })),
);
