// Attributes are live (issue 14): a single-page app keeps the element and
// changes its attributes. A changed data-*-src reloads its section only; the
// other attributes re-render without refetching; several changes in one task
// are one reload.
import { assert, open, settled, inWidget, sleep, eventually } from "../lib.mjs";

/** The feed requests the server saw, by path without the query. */
async function feedRequests(origin) {
  const log = await (await fetch(`${origin}/__log`)).json();
  return log.map((e) => e.path.split("?")[0]).filter((p) => /\.json$/.test(p));
}

const count = (list, path) => list.filter((p) => p === path).length;

/** The plain page with its widget settled, recording lede:* events. */
async function ready(browser, publisher) {
  const page = await open(browser, `${publisher}/plain.html`);
  assert.equal(await settled(page, "article"), "ready");
  assert.equal(await settled(page, "related"), "ready");
  await page.evaluate(() => {
    window.__events = [];
    for (const type of ["lede:ready", "lede:error"]) {
      document.addEventListener(type, (e) => window.__events.push(`${type} ${e.detail.section}`));
    }
    const root = document.getElementById("story").shadowRoot;
    window.__article = root.querySelector("article");
    window.__section = root.querySelector("section");
  });
  return page;
}

/** Sets (string) or removes (null) attributes of the widget, in one task. */
function setAttrs(page, attrs) {
  return page.evaluate((a) => {
    const el = document.getElementById("story");
    for (const [k, v] of Object.entries(a)) {
      if (v === null) el.removeAttribute(k);
      else el.setAttribute(k, v);
    }
  }, attrs);
}

const headline = (page) => inWidget(page, (root) => root.querySelector("article h1")?.textContent ?? null);
const slideTitles = (page) => inWidget(page, (root) => [...root.querySelectorAll("[data-lede-slide] .title")].map((t) => t.textContent.trim()));
const slideLinks = (page) => inWidget(page, (root) => [...root.querySelectorAll("[data-lede-slide] a[href]")].map((a) => a.href));
const events = (page) => page.evaluate(() => window.__events);

export const tests = [
  {
    name: "a new data-related-src reloads the related section only: its skeleton, one fetch, lede:ready again; the article is the same node, not refetched",
    async run({ browser, origin, publisher }) {
      const page = await ready(browser, publisher);
      const before = await feedRequests(origin);
      await setAttrs(page, { "data-related-src": `${origin}/b/related.json?ms=400` });
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("section[data-lede-related]").getAttribute("data-state") === "loading", null, { timeout: 2000 });
      assert.ok(await inWidget(page, (root) => !!root.querySelector("section .track.skeleton")), "the related skeleton while B's feed loads");
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("[data-lede-slide] .title")?.textContent.includes("B1:"), null, { timeout: 5000 });
      assert.equal(await settled(page, "related"), "ready");
      assert.ok((await slideTitles(page)).every((t) => /B\d+:/.test(t)), "only B's slides");
      assert.ok(await page.evaluate(() => document.getElementById("story").shadowRoot.querySelector("article") === window.__article), "the article element is the same node");
      const after = (await feedRequests(origin)).slice(before.length);
      assert.deepEqual(after, ["/b/related.json"], "one fetch, of the new feed only");
      assert.deepEqual(await events(page), ["lede:ready related"]);
      await page.done();
    },
  },
  {
    name: "a source changed again while its fetch is in flight: that fetch is aborted, only the last one shows and is told",
    async run({ browser, origin, publisher }) {
      const page = await ready(browser, publisher);
      await setAttrs(page, { "data-article-src": `${origin}/b/article.json?ms=3000` });
      const log = async () => (await (await fetch(`${origin}/__log`)).json()).find((e) => e.path.includes("ms=3000"));
      await eventually(log, "the slow fetch in flight");
      await setAttrs(page, { "data-article-src": `${origin}/b/article.json` });
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("article h1")?.textContent.startsWith("Article B:"), null, { timeout: 2000 });
      // Before its 3 s are up, as the server saw it.
      const slow = await eventually(async () => (await log())?.aborted && (await log()), "the slow fetch aborted", 2500);
      assert.ok(slow.aborted, "the slow fetch was aborted");
      assert.deepEqual(await events(page), ["lede:ready article"]);
      await page.done();
    },
  },
  {
    name: "several attributes changed in one task: one fetch per changed feed, one lede:ready per section, B's headline, slides and links",
    async run({ browser, origin, publisher }) {
      const page = await ready(browser, publisher);
      const before = await feedRequests(origin);
      await setAttrs(page, {
        "data-article-src": `${origin}/b/article.json`,
        "data-related-src": `${origin}/b/related.json`,
        "data-media-base": `${origin}/media/`,
        "data-link-template": "https://news.example/b/{id}",
        "data-theme": "dark",
      });
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("article h1")?.textContent.startsWith("Article B:"), null, { timeout: 5000 });
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("[data-lede-slide] .title")?.textContent.includes("B1:"), null, { timeout: 5000 });
      await sleep(300);
      const after = (await feedRequests(origin)).slice(before.length);
      assert.equal(count(after, "/b/article.json"), 1, `one article fetch: ${after}`);
      assert.equal(count(after, "/b/related.json"), 1, `one related fetch: ${after}`);
      assert.equal(after.length, 2, `nothing else refetched: ${after}`);
      assert.deepEqual((await events(page)).sort(), ["lede:ready article", "lede:ready related"]);
      assert.ok((await slideLinks(page)).every((h) => /^https:\/\/news\.example\/b\/20001\d\d$/.test(h)), "links from the new template");
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-root]").getAttribute("data-theme")), "dark");
      await page.done();
    },
  },
  {
    name: "a new data-link-template or data-media-base: links and pictures follow, nothing refetched, no event",
    async run({ browser, origin, publisher }) {
      const page = await ready(browser, publisher);
      const before = await feedRequests(origin);
      await setAttrs(page, { "data-link-template": "https://other.example/story/{id}" });
      await page.waitForFunction(() => [...document.getElementById("story").shadowRoot.querySelectorAll("[data-lede-slide] a[href]")].every((a) => a.href.startsWith("https://other.example/story/")), null, { timeout: 2000 });
      const links = await slideLinks(page);
      assert.ok(links.length > 0);
      assert.ok(links.includes("https://other.example/story/1855111"));
      // Pictures load near the viewport only.
      await page.evaluate(() => document.getElementById("story").shadowRoot.querySelector("section").scrollIntoView());
      await setAttrs(page, { "data-media-base": `${origin}/elsewhere/` });
      await page.waitForFunction((o) => [...document.getElementById("story").shadowRoot.querySelectorAll("[data-lede-slide] img")].some((i) => i.src.startsWith(`${o}/elsewhere/`)), origin, { timeout: 2000 });
      await sleep(200);
      const after = (await feedRequests(origin)).slice(before.length);
      assert.deepEqual(after, [], "no feed refetched");
      assert.deepEqual(await events(page), [], "no event: no section reloaded");
      assert.ok(await page.evaluate(() => document.getElementById("story").shadowRoot.querySelector("article") === window.__article));
      await page.done();
    },
  },
  {
    name: "both sources removed: the misconfiguration message and lede:error config; one added back: the widget again",
    async run({ browser, origin, publisher }) {
      const page = await ready(browser, publisher);
      await setAttrs(page, { "data-article-src": null, "data-related-src": null });
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("[role=alert]"), null, { timeout: 2000 });
      assert.equal(await inWidget(page, (root) => root.querySelectorAll("article, section").length), 0);
      assert.equal(await inWidget(page, (root) => root.querySelector("[role=alert]").textContent), "This news widget is not set up correctly.");
      assert.deepEqual(await events(page), ["lede:error config"]);
      assert.ok(page.messages.some((m) => m.type === "error" && m.text.includes("needs data-article-src")));
      await setAttrs(page, { "data-related-src": `${origin}/b/related.json` });
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("[data-lede-slide] .title")?.textContent.includes("B1:"), null, { timeout: 5000 });
      assert.equal(await inWidget(page, (root) => root.querySelectorAll("[role=alert], article").length), 0, "no message, no article");
      assert.deepEqual(await events(page), ["lede:error config", "lede:ready related"]);
      await page.done();
    },
  },
  {
    name: "lang and dir changed on the element: direction and words follow, nothing refetched",
    async run({ browser, origin, publisher }) {
      const page = await ready(browser, publisher);
      const before = await feedRequests(origin);
      const label = () => inWidget(page, (root) => root.querySelector("section[data-lede-related]").getAttribute("aria-label"));
      assert.equal(await label(), "Related stories");
      await setAttrs(page, { lang: "ar", dir: "rtl" });
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("[data-lede-root]").getAttribute("dir") === "rtl", null, { timeout: 2000 });
      assert.equal(await label(), "أخبار ذات صلة");
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-root]").getAttribute("lang")), "ar");
      // dir alone, back to left to right: the language stays.
      await setAttrs(page, { dir: "ltr" });
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("[data-lede-root]").getAttribute("dir") === "ltr", null, { timeout: 2000 });
      assert.equal(await label(), "أخبار ذات صلة");
      // The page's own lang, when the element has none.
      await setAttrs(page, { lang: null, dir: null });
      await page.evaluate(() => document.documentElement.setAttribute("lang", "ar"));
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.querySelector("[data-lede-root]").getAttribute("dir") === "rtl", null, { timeout: 2000 });
      await sleep(200);
      assert.deepEqual((await feedRequests(origin)).slice(before.length), [], "nothing refetched");
      assert.deepEqual(await events(page), [], "no section reloaded");
      assert.ok(await page.evaluate(() => document.getElementById("story").shadowRoot.querySelector("article") === window.__article));
      await page.done();
    },
  },
  {
    name: "moved in one task into a container of another lang and dir, far below the fold: the widget takes them on, the same widget, nothing refetched; a <lede-widget> too; a move that changes neither reads nothing again",
    async run({ browser, origin, publisher }) {
      const page = await ready(browser, publisher);
      /** The widget's root's lang and dir, and its carousel's label, in the element `id`. */
      const look = (id) =>
        page.evaluate((id) => {
          const root = document.getElementById(id).shadowRoot?.querySelector("[data-lede-root]");
          return root && [root.getAttribute("lang"), root.getAttribute("dir"), root.querySelector("section[data-lede-related]")?.getAttribute("aria-label")];
        }, id);
      // A <lede-widget> of the same feeds beside it, with a word not taken:
      // its console note says each time its attributes are read.
      await page.evaluate(() => {
        const story = document.getElementById("story");
        const el = document.createElement("lede-widget");
        el.id = "el";
        for (const a of story.attributes) if (/^data-(?!lede)/.test(a.name)) el.setAttribute(a.name.slice(5), a.value);
        el.setAttribute("text-colour", "red");
        story.after(el);
      });
      const reads = () => page.messages.filter((m) => /^lede: text-colour is not/.test(m.text)).length;
      await page.waitForFunction(() => document.getElementById("el").shadowRoot?.querySelector("section[data-lede-related]")?.getAttribute("data-state") === "ready", null, { timeout: 10000 });
      const english = await look("story");
      assert.equal(english[2], "Related stories");
      assert.deepEqual(await look("el"), english);
      assert.equal(reads(), 1, "read as it mounted");
      // Moved where neither lang nor dir changes: nothing read again.
      await page.evaluate(() => document.getElementById("story").before(document.getElementById("el")));
      await sleep(200);
      assert.equal(reads(), 1, "a move to the same lang and dir reads nothing again");
      const before = await feedRequests(origin);
      const moved = page.evaluate(() => {
        // Far below the fold: a widget moved there is read again all the
        // same, not parked until the reader comes near.
        const spacer = document.createElement("div");
        spacer.style.height = "5000px";
        const aside = document.createElement("aside");
        aside.lang = "ar";
        aside.dir = "rtl";
        document.body.prepend(spacer, aside);
        aside.append(document.getElementById("story"), document.getElementById("el"));
        window.__elArticle = document.getElementById("el").shadowRoot.querySelector("article");
      });
      await moved;
      for (const id of ["story", "el"]) {
        await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector("[data-lede-root]").getAttribute("dir") === "rtl", id, { timeout: 2000 });
        assert.deepEqual(await look(id), ["ar", "rtl", "أخبار ذات صلة"], id);
      }
      await sleep(200);
      assert.equal(reads(), 2, "read again where lang and dir changed, once");
      assert.deepEqual((await feedRequests(origin)).slice(before.length), [], "nothing refetched");
      assert.ok(
        await page.evaluate(() => document.getElementById("story").shadowRoot.querySelector("article") === window.__article && document.getElementById("el").shadowRoot.querySelector("article") === window.__elArticle),
        "the same widgets, not mounted again",
      );
      await page.done();
    },
  },
];
