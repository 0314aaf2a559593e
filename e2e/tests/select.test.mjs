// Routable clicks: a plain click on a related story (the main button, no
// modifier key) sends a cancelable lede:select, and a page's app that
// cancels it keeps the page (no document request, no navigation) to show
// the story itself; a click that opens a tab (Ctrl, Shift, the middle
// button) sends one that cannot be cancelled, and the tab opens; without a
// listener that cancels, a plain click navigates as before. The stories
// link to /story/<id> on the test server (e2e/pages/select.html).
import { assert, open, settled, sleep } from "../lib.mjs";

/** The second slide's story, where the tests click. */
const ID = "1855161";

/** Records each lede:select the document hears (detail, cancelable, and
 * defaultPrevented once every listener has run) through `__seen`, which
 * survives a navigation; `route` adds the app's listener that cancels it. */
async function listen(page, { route }) {
  const seen = [];
  await page.exposeFunction("__seen", (e) => seen.push(e));
  await page.addInitScript((routing) => {
    document.addEventListener("lede:select", (e) => {
      if (routing) e.preventDefault();
      // Read after every listener has run (this one is the first added).
      const { detail, cancelable } = e;
      queueMicrotask(() => window.__seen({ detail, cancelable, defaultPrevented: e.defaultPrevented }));
    });
  }, route);
  return seen;
}

/** The story pages the server was asked for. */
async function storyRequests(origin) {
  const log = await (await fetch(`${origin}/__log`)).json();
  return log.filter((e) => e.path.startsWith("/story/")).map((e) => e.path);
}

/** The page with its carousel settled; the link of the second slide. */
async function ready(browser, publisher, route) {
  const page = await open(browser, null);
  const seen = await listen(page, { route });
  const requests = [];
  page.on("request", (r) => { if (r.resourceType() === "document") requests.push(r.url()); });
  await page.goto(`${publisher}/select.html`);
  assert.equal(await settled(page, "related"), "ready");
  return { page, seen, requests, link: page.locator("#story [data-index='1'] a") };
}

export const tests = [
  {
    name: "an app cancels lede:select on a plain click (and on Enter): it hears the story, the page stays, no request for the story",
    async run({ browser, origin, publisher }) {
      const { page, seen, requests, link } = await ready(browser, publisher, true);
      const url = page.url();
      const story = `${origin}/story/${ID}`;
      await link.click();
      await sleep(1000);
      assert.deepEqual(seen, [{ detail: { id: ID, url: story, position: 2 }, cancelable: true, defaultPrevented: true }], "the app heard the story, and its cancel took");
      assert.equal(page.url(), url, "the page stays");
      assert.equal(page.context().pages().length, 1, "no tab opened");
      assert.deepEqual(requests.slice(1), [], "no document request after the page's own");
      assert.deepEqual(await storyRequests(origin), [], "the server was not asked for the story");
      // The keyboard's activation of a focused tile is a plain click too.
      await link.focus();
      await page.keyboard.press("Enter");
      await sleep(1000);
      assert.equal(seen.length, 2);
      assert.deepEqual(seen[1], seen[0], "Enter: the same cancelable lede:select, cancelled");
      assert.equal(page.url(), url);
      assert.deepEqual(await storyRequests(origin), []);
      await page.done();
    },
  },
  {
    name: "Ctrl+click, Shift+click and a middle click open the story in a new tab or window, whatever the app does: lede:select is not cancelable",
    async run({ browser, origin, publisher }) {
      const { page, seen, link } = await ready(browser, publisher, true);
      const url = page.url();
      const story = `${origin}/story/${ID}`;
      for (const [how, options] of [["Ctrl+click", { modifiers: ["Control"] }], ["Shift+click", { modifiers: ["Shift"] }], ["middle click", { button: "middle" }]]) {
        const before = seen.length;
        const [popup] = await Promise.all([page.context().waitForEvent("page", { timeout: 5000 }), link.click(options)]);
        await popup.waitForLoadState();
        assert.equal(popup.url(), story, `${how}: the story in a new page`);
        await popup.close();
        await sleep(200);
        assert.deepEqual(seen.slice(before), [{ detail: { id: ID, url: story, position: 2 }, cancelable: false, defaultPrevented: false }], `${how}: one lede:select, not cancelable, though the app cancels`);
        assert.equal(page.url(), url, `${how}: the page itself stays`);
      }
      assert.equal((await storyRequests(origin)).length, 3, "the server was asked for the story once per new page");
      // Meta (Cmd on a Mac) is a modifier too: not cancelable, so the app
      // cannot keep the page. (On Linux, Chromium follows a Meta+click in
      // the same tab, so the page goes to the story.)
      const before = seen.length;
      await link.click({ modifiers: ["Meta"] });
      await page.waitForURL(story, { timeout: 5000 });
      assert.deepEqual(seen.slice(before), [{ detail: { id: ID, url: story, position: 2 }, cancelable: false, defaultPrevented: false }], "Meta+click: not cancelable");
      await page.done();
    },
  },
  {
    name: "without a listener that cancels, a plain click navigates to the story as before (lede:select heard, cancelable)",
    async run({ browser, origin, publisher }) {
      const { page, seen, requests, link } = await ready(browser, publisher, false);
      const story = `${origin}/story/${ID}`;
      await link.click();
      await page.waitForURL(story, { timeout: 5000 });
      assert.deepEqual(seen, [{ detail: { id: ID, url: story, position: 2 }, cancelable: true, defaultPrevented: false }]);
      assert.deepEqual(requests.slice(1), [story], "one document request, for the story");
      assert.deepEqual(await storyRequests(origin), [`/story/${ID}`]);
      assert.equal(await page.locator("p").textContent(), "A story page.");
      await page.done();
    },
  },
];
