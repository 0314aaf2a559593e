// Loading (issue 13): one bad widget in the page's HTML does not stop the
// others.
import { assert, open, settled, inWidget } from "../lib.mjs";

/** The glue is lede-<hash>.js (lede.js has no dash), the wasm lede-<hash>_bg.wasm. */
const isGlue = (url) => /\/lede-[^/]+\.js$/.test(new URL(url).pathname);
const isWasm = (url) => /\/lede-[^/]+_bg\.wasm$/.test(new URL(url).pathname);

/** Holds matching requests until `release()`, then fails them (`fail`:
 * "abort" for a blocked request, or an HTTP status) or lets them through. */
async function hold(page, match, fail = null) {
  let release;
  const gate = new Promise((r) => { release = r; });
  let seen;
  const asked = new Promise((r) => { seen = r; });
  await page.route((url) => match(url.href), async (route) => {
    seen();
    await gate;
    if (fail === "abort") await route.abort("blockedbyclient");
    else if (fail) await route.fulfill({ status: fail, contentType: "text/plain", body: "not found" });
    else await route.continue();
  });
  return { asked, release: () => release() };
}

const events = (page, type = "lede:error") => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);

export const tests = [
  {
    name: "a widget whose source is not a URL, in the page's HTML at load: it says so, the two others load",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/bad-middle.html`);
      assert.equal(await settled(page, "article", { widget: 0 }), "ready");
      assert.equal(await settled(page, "related", { widget: 0 }), "ready");
      assert.equal(await settled(page, "related", { widget: 2 }), "ready");
      await page.waitForFunction(() => document.getElementById("bad").shadowRoot?.querySelector("[role=alert]"), null, { timeout: 5000 });
      assert.equal(await inWidget(page, (root) => root.querySelector("[role=alert]").textContent, null, 1), "This news widget is not set up correctly.");
      const errors = await events(page);
      assert.deepEqual(errors.map((e) => `${e.target}:${e.detail.section}`), ["bad:config"]);
      assert.ok(page.messages.some((m) => m.type === "error" && m.text.startsWith("lede:") && m.text.includes("http://[bad")), "the console names the bad source");
      await page.done();
    },
  },
];
