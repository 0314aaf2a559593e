// Fetching (issue "One Leptos component tree on gloo-net"): a feed URL is
// asked for exactly as the publisher wrote it, once.
import { assert, open, settled } from "../lib.mjs";

export const tests = [
  {
    name: "a feed URL with a query is fetched as written, once: the preload lede.js made is the one used",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, null);
      const asked = [];
      page.on("request", (r) => { if (r.url().includes("/api/related/")) asked.push(r.url()); });
      await page.goto(`${publisher}/query.html`);
      assert.equal(await settled(page, "related"), "ready");
      const feed = `${origin}/api/related/1855600.json?edition=uk&v=2`;
      assert.deepEqual(asked, [feed], "the server sees the URL as written, and only once");
      await page.done();
    },
  },
];
