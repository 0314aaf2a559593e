// <lede-widget>, the custom element lede.js defines: the attributes of a
// [data-lede] element without `data-`, the same events and shadow DOM. It
// mounts itself wherever it is connected (inside another component's shadow
// root too, where the page-wide MutationObserver cannot see it), follows its
// attributes, and is unmounted when removed (not when moved); React 19
// renders it as a custom element; `hidden` hides a widget of either kind.
import { build } from "esbuild";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, open, sleep, eventually, collected } from "../lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** Runs `fn(root, arg)` in the page with the shadow root of the widget
 * that `path` leads to: ids, each one inside the previous one's shadow
 * root ("story", "inner": #inner in #story's shadow root). */
function inHost(page, path, fn, arg) {
  return page.evaluate(
    ([p, src, a]) => {
      let host = document.getElementById(p[0]);
      for (const id of p.slice(1)) host = host?.shadowRoot?.getElementById(id);
      // eslint-disable-next-line no-new-func
      return new Function("host", "root", "arg", `return (${src})(host, root, arg);`)(host, host?.shadowRoot ?? null, a);
    },
    [path, fn.toString(), arg ?? null],
  );
}

/** What the widget at `path` shows. */
const shows = (page, path) =>
  inHost(page, path, (host, root) => ({
    mounted: host.hasAttribute("data-lede-mounted"),
    article: root?.querySelector("article[data-lede-article]")?.getAttribute("data-state") ?? null,
    related: root?.querySelector("section[data-lede-related]")?.getAttribute("data-state") ?? null,
    headline: root?.querySelector("article h1")?.textContent ?? null,
    heading: root?.querySelector("section .label")?.textContent ?? null,
    titles: [...(root?.querySelectorAll("[data-lede-slide] .title") ?? [])].map((t) => t.textContent.replace(/^\s*Video: /, "").trim()),
    children: root?.querySelector("[data-lede-root]")?.children.length ?? 0,
  }));

/** Waits until `test(shows(page, path))` holds; returns what it shows. */
async function until(page, path, test, what, timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await shows(page, path);
    if (test(last)) return last;
    await sleep(50);
  }
  throw new Error(`${what}: not within ${timeout} ms; last: ${JSON.stringify(last)}`);
}

/** The feed requests the server saw, by path. */
async function feeds(origin) {
  const log = await (await fetch(`${origin}/__log`)).json();
  return log.map((e) => e.path).filter((p) => /\.json/.test(p));
}

const SEED_HEADLINE = "Superpowers Vow to DESTROY ISIS: Russia and the US Team up";
const bothReady = (s) => s.article === "ready" && s.related === "ready";

let bundled;
/** Bundles e2e/react/element.jsx once (React from npm, lede.js left to the
 * page's import map). */
function bundle(out) {
  bundled ??= build({
    entryPoints: [join(here, "..", "react", "element.jsx")],
    outfile: join(out, "react-element.js"),
    bundle: true,
    format: "esm",
    jsx: "automatic",
    external: ["lede"],
    define: { "process.env.NODE_ENV": '"development"' },
    logLevel: "warning",
  });
  return bundled;
}

export const tests = [
  {
    name: "<lede-widget> inserted first and given its attributes after, in the same task (as Angular binds them): a widget, no misconfiguration told",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, `${publisher}/element-shadow.html`);
      await until(page, ["story", "inner"], bothReady, "the page's widget (the code has started)");
      await page.evaluate((o) => {
        window.__bound = [];
        const el = document.createElement("lede-widget");
        el.id = "bound";
        el.addEventListener("lede:error", (e) => window.__bound.push(e.detail.code));
        el.addEventListener("lede:ready", (e) => window.__bound.push(e.detail.section));
        document.querySelector("main").append(el);
        el.setAttribute("related-src", `${o}/api/related/1855600.json`);
        el.setAttribute("media-base", `${o}/media`);
      }, origin);
      await until(page, ["bound"], (s) => s.related === "ready" && s.titles.length === 8, "its carousel");
      assert.deepEqual(await page.evaluate(() => window.__bound), ["related"], "lede:ready, and no lede:error config before it");
      const said = page.messages.filter((m) => m.text.startsWith("lede:") && /needs|not set up/.test(m.text)).map((m) => m.text);
      assert.deepEqual(said, [], "no console line about its configuration");
      await page.done();
    },
  },
  {
    name: "<lede-widget>'s console lines name its attributes as it is written, without data- (a word not taken, a URL that cannot be used, no source at all), and a [data-lede] element's with it",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, `${publisher}/element-shadow.html`);
      await until(page, ["story", "inner"], bothReady, "the page's widget (the code has started)");
      // For each form: one element with a word not taken (a note; it still
      // mounts) and one with a media base that cannot be used (an error).
      await page.evaluate((o) => {
        const made = [];
        for (const [tag, prefix] of [["lede-widget", ""], ["div", "data-"]]) {
          for (const [name, value] of [["text-colour", "red"], ["media-base", "data:,x"]]) {
            const el = document.createElement(tag);
            if (tag === "div") el.setAttribute("data-lede", "");
            el.setAttribute(`${prefix}${name}`, value);
            el.setAttribute(`${prefix}related-src`, `${o}/api/related/1855600.json`);
            made.push(el);
          }
        }
        // And one of each form with no source at all.
        const bare = document.createElement("div");
        bare.setAttribute("data-lede", "");
        made.push(bare, document.createElement("lede-widget"));
        document.querySelector("main").append(...made);
      }, origin);
      await eventually(() => page.messages.filter((m) => /media-base is not|text-colour is not| needs /.test(m.text)).length === 6, "all six told", 10000);
      const said = page.messages.map((m) => m.text).filter((t) => /^lede: (data-)?(text-colour|media-base) /.test(t)).sort();
      assert.deepEqual(said, [
        'lede: data-media-base is not an http(s) URL: "data:,x"',
        "lede: data-text-colour is not used: unknown key",
        'lede: media-base is not an http(s) URL: "data:,x"',
        "lede: text-colour is not used: unknown key",
      ]);
      const needs = page.messages.map((m) => m.text).filter((t) => t.includes(" needs ")).sort();
      assert.deepEqual(needs, [
        "lede: a <lede-widget> needs article-src, related-src or both",
        "lede: a [data-lede] element needs data-article-src, data-related-src or both",
      ]);
      await page.done();
    },
  },
  {
    name: "a removed <lede-widget> is let go of: nothing of Lede's keeps it (a single-page app makes one per story)",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, `${publisher}/element-shadow.html`);
      await until(page, ["story", "inner"], bothReady, "the page's widget (the code has started)");
      await page.evaluate((o) => {
        const el = document.createElement("lede-widget");
        el.id = "passing";
        el.setAttribute("related-src", `${o}/api/related/1855600.json`);
        el.setAttribute("media-base", `${o}/media`);
        document.querySelector("main").append(el);
      }, origin);
      await until(page, ["passing"], (s) => s.related === "ready", "its carousel");
      await page.evaluate(() => {
        const el = document.getElementById("passing");
        window.__gone = new WeakRef(el);
        el.remove();
      });
      await sleep(300);
      assert.ok(await collected(page, () => window.__gone.deref() === undefined, "the removed element collected"));
      await page.done();
    },
  },
  {
    name: "an element given to mount() and taken out of the page is unmounted and no longer claims to be a widget; mount() again brings it back",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, `${publisher}/element-shadow.html`);
      await until(page, ["story", "inner"], bothReady, "the page's widget (the code has started)");
      await page.evaluate(async (o) => {
        const { mount } = await import(document.querySelector("script[type=module][src]").src);
        const el = document.createElement("div");
        el.id = "given";
        el.setAttribute("data-related-src", `${o}/api/related/1855600.json`);
        document.querySelector("main").append(el);
        window.__mount = mount;
        mount(el);
      }, origin);
      await until(page, ["given"], (s) => s.related === "ready", "its carousel");
      // What the container holds: its sections, and the widget's (and the
      // framework's) place markers.
      const held = () =>
        page.evaluate(() => {
          const root = window.__given.shadowRoot.querySelector("[data-lede-root]");
          return { sections: root.querySelectorAll("section").length, markers: [...root.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length };
        });
      await page.evaluate(() => {
        window.__given = document.getElementById("given");
      });
      const first = await held();
      await page.evaluate(() => window.__given.remove());
      await page.waitForFunction(() => !window.__given.hasAttribute("data-lede-mounted") && window.__given.shadowRoot.querySelector("[data-lede-root]")?.children.length === 0, null, { timeout: 3000 });
      await page.evaluate(() => {
        document.querySelector("main").append(window.__given);
        window.__mount(window.__given);
      });
      const back = await until(page, ["given"], (s) => s.related === "ready", "mounted again");
      assert.equal(back.mounted, true);
      // Its container holds the new widget alone, as it held the first.
      assert.equal(first.sections, 1);
      assert.deepEqual(await held(), first);
      await page.done();
    },
  },
  {
    name: "elements given to mount() and taken out of the page are let go of at the next mount(), unmount() called or not (a single-page app mounts one per story)",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, `${publisher}/element-shadow.html`);
      await until(page, ["story", "inner"], bothReady, "the page's widget (the code has started)");
      // One story's element per step: mounted, shown, then taken out, the
      // first unmounted before, the second not.
      const story = (id) =>
        page.evaluate(async ([o, n]) => {
          const { mount } = await import(document.querySelector("script[type=module][src]").src);
          const el = document.createElement("div");
          el.id = n;
          el.setAttribute("data-related-src", `${o}/api/related/1855600.json`);
          document.querySelector("main").append(el);
          window.__handles ??= {};
          window.__handles[n] = mount(el);
        }, [origin, id]);
      const out = (id, unmount) =>
        page.evaluate(([n, u]) => {
          const el = document.getElementById(n);
          (window.__gone ??= {})[n] = new WeakRef(el);
          if (u) window.__handles[n].unmount();
          // The app lets go of its handle (which holds the element).
          delete window.__handles[n];
          el.remove();
        }, [id, unmount]);
      await story("first");
      await until(page, ["first"], (s) => s.related === "ready", "the first story's carousel");
      await out("first", true);
      await story("second");
      await until(page, ["second"], (s) => s.related === "ready", "the second story's carousel");
      await out("second", false);
      await story("third");
      await until(page, ["third"], (s) => s.related === "ready", "the third story's carousel");
      await sleep(300);
      assert.ok(await collected(page, () => ["first", "second"].every((n) => window.__gone[n].deref() === undefined), "the two removed elements collected"));
      await page.done();
    },
  },
  {
    name: "a <lede-widget> taken out of another component's shadow root in the task of a mount() is still unmounted",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, `${publisher}/element-shadow.html`);
      await until(page, ["story", "inner"], bothReady, "the widget in the component");
      await page.evaluate(async (o) => {
        const { mount } = await import(document.querySelector("script[type=module][src]").src);
        const inner = document.getElementById("story").shadowRoot.getElementById("inner");
        window.__inner = inner;
        inner.remove();
        const el = document.createElement("div");
        el.setAttribute("data-related-src", `${o}/api/related/1855600.json`);
        document.querySelector("main").append(el);
        mount(el);
      }, origin);
      await page.waitForFunction(() => !window.__inner.hasAttribute("data-lede-mounted") && window.__inner.shadowRoot.querySelector("[data-lede-root]")?.children.length === 0, null, { timeout: 3000 });
      await page.done();
    },
  },
  {
    name: "a [data-lede] element whose data-lede is taken off keeps its widget (its attributes still followed) until mount(el).unmount()",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/plain.html`);
      await until(page, ["story"], bothReady, "the page's widget");
      await page.evaluate(() => document.getElementById("story").removeAttribute("data-lede"));
      await sleep(200);
      const kept = await shows(page, ["story"]);
      assert.ok(kept.mounted && bothReady(kept), `kept: ${JSON.stringify(kept)}`);
      await page.evaluate(() => document.getElementById("story").setAttribute("data-heading", "Still followed"));
      await until(page, ["story"], (s) => s.heading === "Still followed", "the new heading");
      await page.evaluate(async () => {
        const { mount } = await import(document.querySelector("script[type=module][src]").src);
        mount(document.getElementById("story")).unmount();
      });
      const gone = await until(page, ["story"], (s) => !s.mounted && s.children === 0, "unmounted");
      assert.equal(gone.article, null);
      await page.done();
    },
  },
  {
    name: "<lede-widget> in another component's open shadow root: renders both sections, follows related-src and heading there, stays when moved, is unmounted when removed and mounts again when put back",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, `${publisher}/element-shadow.html`);
      const path = ["story", "inner"];
      const first = await until(page, path, (s) => bothReady(s) && s.titles.length === 8, "both sections");
      assert.equal(first.mounted, true);
      assert.equal(first.headline, SEED_HEADLINE);
      // The page hears its events (composed: out of both shadow roots, the
      // target retargeted to the page's component).
      const readies = await page.evaluate(() => window.__events.filter((e) => e.type === "lede:ready").map((e) => `${e.target}:${e.detail.section}`).sort());
      assert.deepEqual(readies, ["story:article", "story:related"]);
      assert.deepEqual((await feeds(origin)).sort(), ["/api/article/1855600.json", "/api/related/1855600.json"]);

      // A new related-src, set where only the element itself can hear it.
      await inHost(page, path, (host) => {
        window.__inner = [];
        host.addEventListener("lede:ready", (e) => window.__inner.push(e.detail.section));
        host.setAttribute("related-src", host.getAttribute("related-src").replace("/api/related/1855600.json", "/b/related.json"));
      });
      const b = await until(page, path, (s) => s.related === "ready" && s.titles[0]?.startsWith("B1:"), "B's slides");
      assert.ok(b.titles.length === 8 && b.titles.every((t) => /^B\d+: /.test(t)), `only B's slides: ${b.titles}`);
      assert.equal(b.headline, SEED_HEADLINE, "the article stays");
      assert.deepEqual(await page.evaluate(() => window.__inner), ["related"], "lede:ready for the related section only, on the element");
      assert.deepEqual((await feeds(origin)).sort(), ["/api/article/1855600.json", "/api/related/1855600.json", "/b/related.json"], "only the related feed fetched again");
      await inHost(page, path, (host) => host.setAttribute("heading", "More from The Meridian"));
      await until(page, path, (s) => s.heading === "More from The Meridian", "the new heading");

      // Moved within the component's shadow root: the same widget.
      await inHost(page, ["story"], (host, root) => root.querySelector(".second").append(root.getElementById("inner")));
      await sleep(300);
      const moved = await shows(page, path);
      assert.deepEqual(moved, { ...b, heading: "More from The Meridian" }, "moved, not unmounted");
      assert.equal((await feeds(origin)).length, 3, "nothing fetched again");

      // Removed: unmounted, its shadow root emptied.
      await inHost(page, ["story"], (host, root) => {
        window.__removed = root.getElementById("inner");
        window.__removed.remove();
      });
      await sleep(300);
      const removed = await page.evaluate(() => ({ mounted: window.__removed.hasAttribute("data-lede-mounted"), children: window.__removed.shadowRoot?.querySelector("[data-lede-root]")?.children.length ?? 0 }));
      assert.deepEqual(removed, { mounted: false, children: 0 }, "unmounted when removed");
      // Put back: mounted again, from its attributes.
      await inHost(page, ["story"], (host, root) => root.querySelector(".first").append(window.__removed));
      const back = await until(page, path, (s) => bothReady(s) && s.titles.length === 8, "mounted again");
      assert.ok(back.mounted && back.titles[0].startsWith("B1:") && back.heading === "More from The Meridian");

      // A component added once the code runs mounts its widget too.
      await page.evaluate(() => {
        const story = document.createElement("news-story");
        story.id = "later";
        story.setAttribute("related", document.getElementById("story").getAttribute("related"));
        document.querySelector("main").append(story);
      });
      const later = await until(page, ["later", "inner"], (s) => s.related === "ready" && s.titles.length === 8, "the later component's widget");
      assert.equal(later.article, null, "carousel only");
      await page.done();
    },
  },
  {
    name: "React 19 renders <lede-widget article-src related-src …>: the props arrive as attributes, the element renders, follows a change of story on the same element, and is unmounted when React removes it",
    async run({ browser, origin, publisher, out }) {
      await bundle(out);
      const page = await open(browser, `${publisher}/react-element.html`);
      const path = ["widget"];
      const a = await until(page, path, (s) => bothReady(s) && s.titles.length === 8, "story A");
      assert.equal(a.headline, SEED_HEADLINE);
      assert.equal(a.heading, "More about story A");
      // How React 19 passed the props: a prop that is not a property of the
      // element (none of these is) is set as an attribute.
      const how = await page.evaluate(() => {
        const el = document.getElementById("widget");
        window.__element = el;
        const names = ["article-src", "related-src", "media-base", "link-template", "heading"];
        return {
          upgraded: el instanceof customElements.get("lede-widget"),
          attributes: Object.fromEntries(names.map((n) => [n, el.getAttribute(n)])),
          properties: names.filter((n) => n in el),
        };
      });
      assert.deepEqual(how, {
        upgraded: true,
        attributes: {
          "article-src": `${origin}/api/article/1855600.json`,
          "related-src": `${origin}/api/related/1855600.json`,
          "media-base": `${origin}/media`,
          "link-template": "https://news.example/a/{id}",
          heading: "More about story A",
        },
        properties: [],
      });
      await page.evaluate(() => {
        window.__readies = [];
        document.addEventListener("lede:ready", (e) => window.__readies.push(e.detail.section));
        window.__go("b");
      });
      const b = await until(page, path, (s) => bothReady(s) && s.headline.startsWith("Article B:") && s.titles[0]?.startsWith("B1:"), "story B");
      assert.ok(b.titles.every((t) => /^B\d+: /.test(t)), `only B's slides: ${b.titles}`);
      assert.equal(b.heading, "More about story B");
      assert.equal(await page.evaluate(() => document.getElementById("widget") === window.__element), true, "React kept the element and changed its attributes");
      const links = await inHost(page, path, (host, root) => [...root.querySelectorAll("[data-lede-slide] a[href]")].map((l) => l.href));
      assert.ok(links.length > 0 && links.every((h) => h.startsWith("https://news.example/b/")), `B's links: ${links}`);
      await sleep(300);
      assert.deepEqual((await page.evaluate(() => window.__readies)).sort(), ["article", "related"], "one lede:ready per section");
      const fetched = await feeds(origin);
      assert.deepEqual([fetched.filter((p) => p.startsWith("/b/article.json")).length, fetched.filter((p) => p.startsWith("/b/related.json")).length], [1, 1], `one fetch per changed feed: ${fetched}`);
      // No story: React removes the element; the widget is unmounted.
      await page.evaluate(() => window.__go(null));
      await page.waitForFunction(() => !document.getElementById("widget"));
      await sleep(300);
      assert.deepEqual(await page.evaluate(() => ({ mounted: window.__element.hasAttribute("data-lede-mounted"), children: window.__element.shadowRoot?.querySelector("[data-lede-root]")?.children.length ?? 0 })), { mounted: false, children: 0 });
      await page.done();
    },
  },
  {
    name: "hidden hides a [data-lede] element and a <lede-widget>, before and after they mount, with and without the README's reserve CSS: no height, not displayed",
    async run({ browser, publisher }) {
      const ids = ["div-hidden", "element-hidden"];
      const boxes = (page) => page.evaluate((list) => list.map((id) => {
        const el = document.getElementById(id);
        return { id, height: el.getBoundingClientRect().height, display: getComputedStyle(el).display, visible: el.checkVisibility() };
      }), ids);
      const hiddenBoxes = ids.map((id) => ({ id, height: 0, display: "none", visible: false }));
      for (const reserve of [true, false]) {
        const page = await open(browser, null);
        let release;
        const held = new Promise((r) => { release = r; });
        await page.route((url) => url.pathname === "/lede.js", async (route) => { await held; await route.continue(); });
        if (!reserve) await page.route((url) => url.pathname === "/reserve.css", (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));
        // (A module script held holds DOMContentLoaded too: wait for the
        // parser to reach the end of the page instead.)
        await page.goto(`${publisher}/hidden.html`, { waitUntil: "commit" });
        await page.waitForFunction(() => document.getElementById("after") && [...document.styleSheets].length > 0);
        const css = reserve ? "the README's CSS" : "no CSS of the page's";
        assert.deepEqual(await boxes(page), hiddenBoxes, `${css}: hidden before the code comes`);
        release();
        // Mounted and loaded, still hidden.
        await page.waitForFunction((list) => list.every((id) => document.getElementById(id).shadowRoot?.querySelector("section[data-state=ready]")), ids, { timeout: 10000 });
        assert.deepEqual(await page.evaluate((list) => list.map((id) => document.getElementById(id).hasAttribute("data-lede-mounted")), ids), [true, true]);
        assert.deepEqual(await boxes(page), hiddenBoxes, `${css}: hidden once mounted`);
        // Shown, then hidden again.
        await page.evaluate((list) => list.forEach((id) => document.getElementById(id).removeAttribute("hidden")), ids);
        const shown = await boxes(page);
        for (const b of shown) assert.ok(b.visible && b.display !== "none" && b.height > 300, `${css}: ${b.id} shows without hidden (${JSON.stringify(b)})`);
        await page.evaluate((list) => list.forEach((id) => document.getElementById(id).setAttribute("hidden", "")), ids);
        assert.deepEqual(await boxes(page), hiddenBoxes, `${css}: hidden again`);
        await page.done();
      }
    },
  },
];
