// A feed on another origin that sends no Access-Control-Allow-Origin: the
// browser refuses it, the section shows its error with Retry, the page hears
// lede:error, and the console says why.
import { assert, open, settled, inWidget } from "../lib.mjs";

export const tests = [
  {
    name: "a feed refused by CORS: the section's error with Retry, lede:error, and a console detail naming the URL",
    async run({ browser, origin, publisher }) {
      const feed = `${origin}/nocors/related/1855600.json`;
      // The browser's own report of the refused preload (lede.js preloads
      // the feeds while the wasm downloads) is allowed, like that of a fetch.
      const page = await open(browser, `${publisher}/cors.html`, { allow: [/^Access to link element resource at .* has been blocked by CORS/] });
      assert.equal(await settled(page, "article"), "ready", "the article, served with CORS, loads");
      assert.equal(await settled(page, "related"), "error");
      const shown = await inWidget(page, (root) => {
        const section = root.querySelector("section[data-lede-related]");
        return { alert: !!section.querySelector("[role=alert]"), retry: !!section.querySelector("button[data-lede-retry]") };
      });
      assert.deepEqual(shown, { alert: true, retry: true });
      await page.waitForFunction(() => window.__events.some((e) => e.type === "lede:error"), null, { timeout: 2000 });
      const errors = await page.evaluate(() => window.__events.filter((e) => e.type === "lede:error").map((e) => `${e.target}:${e.detail.section}`));
      assert.deepEqual(errors, ["refused:related"]);
      // The browser's own report names CORS; Lede's detail (prefixed "lede:")
      // must name both the URL and CORS.
      const lede = page.messages.filter((m) => m.text.startsWith("lede:")).map((m) => m.text);
      assert.ok(lede.some((t) => t.includes(feed)), `Lede's console detail names the feed: ${lede.join(" | ")}`);
      // The browser says the same of CORS as of a lost network; Lede asks
      // again without CORS, hears the server answer, and so can say which:
      // CORS, and its header.
      assert.ok(
        lede.some((t) => t.includes(feed) && t.includes("refused by CORS") && t.includes("Access-Control-Allow-Origin")),
        `a lede: console message with ${feed}, CORS and its header: ${lede.join(" | ")}`,
      );
      // Not a network blip: not tried again by itself, and monitoring hears
      // the code.
      assert.equal(lede.filter((t) => /trying again/.test(t)).length, 0, lede.join(" | "));
      const detail = await page.evaluate(() => window.__events.find((e) => e.type === "lede:error").detail);
      assert.deepEqual([detail.code, detail.url], ["cors", feed]);
      // Retry asks again (with retries of its own), and is refused again:
      // the same error, heard again.
      await page.locator("button[data-lede-retry]").click();
      await page.waitForFunction(() => window.__events.filter((e) => e.type === "lede:error").length === 2, null, { timeout: 12000 });
      assert.equal(await settled(page, "related"), "error");
      await page.done();
    },
  },
];
