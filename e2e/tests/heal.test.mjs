// Nothing a reader or a page does can crash a widget (issue 20): focus in
// the carousel while the page changes an attribute, mount() from another
// widget's event listeners, and a trap, which the page survives.
import { assert, open, settled, inWidget, addWidget, sleep } from "../lib.mjs";

/** The plain page with its widget settled. */
async function plain(browser, publisher) {
  const page = await open(browser, `${publisher}/plain.html`);
  assert.equal(await settled(page, "article"), "ready");
  assert.equal(await settled(page, "related"), "ready");
  return page;
}

/** What has focus inside the widget #story: "slide", "play" or null. */
const focusInWidget = (page) =>
  page.evaluate(() => {
    const active = document.getElementById("story").shadowRoot?.activeElement;
    if (!active) return null;
    if (active.matches("button.play")) return "play";
    return active.closest("[data-lede-slide]") ? "slide" : active.tagName;
  });

/** Tabs from the page's first focusable place until a slide has focus. */
async function tabIntoCarousel(page) {
  await page.locator("main > p").click();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    if ((await focusInWidget(page)) === "slide") return;
  }
  throw new Error("Tab never reached a slide");
}

/** The first slide's visible title, and which slide is first in view. */
const titles = (page) => inWidget(page, (root) => [...root.querySelectorAll("[data-lede-slide] .title")].map((t) => t.textContent.trim()));

/** The live changes a single-page app makes, one at a time. */
const CHANGES = (origin) => [
  ["data-link-template", "https://news.example/story/{id}"],
  ["lang", "ar"],
  ["data-related-src", `${origin}/b/related.json`],
  ["data-media-base", `${origin}/media/`],
];

export const tests = [
  ...["Tab", "play button"].flatMap((how) =>
    CHANGES("").map(([name]) => ({
      name: `focus on a slide (${how}), then the page changes ${name}: no error, the widget pages on, a widget added afterwards renders`,
      async run({ browser, origin, publisher }) {
        const page = await plain(browser, publisher);
        if (how === "Tab") await tabIntoCarousel(page);
        else {
          // A video tile's play button: clicked, it keeps focus.
          await page.locator("#story [data-lede-slide][data-media=video] button.play").first().click();
          assert.equal(await focusInWidget(page), "play");
        }
        const value = CHANGES(origin).find(([n]) => n === name)[1];
        await page.evaluate(([n, v]) => document.getElementById("story").setAttribute(n, v), [name, value]);
        // The carousel is rebuilt (or reloaded): the focused slide went.
        await page.waitForFunction(
          (n) => {
            const root = document.getElementById("story").shadowRoot;
            const section = root.querySelector("section[data-lede-related]");
            if (section?.getAttribute("data-state") !== "ready") return false;
            if (n === "lang") return root.querySelector("[data-lede-root]").getAttribute("dir") === "rtl";
            if (n === "data-related-src") return root.querySelector("[data-lede-slide] .title")?.textContent.includes("B1:");
            if (n === "data-link-template") return root.querySelector("[data-lede-slide] a")?.href.includes("/story/");
            return true;
          },
          name,
          { timeout: 5000 },
        );
        await sleep(100);
        // The widget still pages: Next moves the track.
        const before = await inWidget(page, (root) => root.querySelector(".track").scrollLeft);
        await page.locator("#story button[data-lede-next]").click();
        await page.waitForFunction((b) => Math.abs(document.getElementById("story").shadowRoot.querySelector(".track").scrollLeft - b) > 50, before, { timeout: 3000 });
        // And the page's code still runs: a widget added now renders.
        await page.evaluate(() => { document.querySelector("main").id = "main"; });
        await addWidget(page, { id: "later", "data-related-src": `${origin}/api/related/1855600.json`, "data-media-base": `${origin}/media` }, { into: "#main" });
        assert.equal(await settled(page, "related", { widget: 1 }), "ready");
        assert.ok((await titles(page)).length >= 8);
        await page.done();
      },
    })),
  ),
  {
    name: "a page's own keydown that is no KeyboardEvent (new Event, a CustomEvent), at a focused slide: ignored, no trap; the arrow keys still move focus",
    async run({ browser, publisher }) {
      const page = await plain(browser, publisher);
      await tabIntoCarousel(page);
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.evaluate(() => {
        window.__crashes = 0;
        document.addEventListener("lede:error", () => window.__crashes++);
        const tile = document.getElementById("story").shadowRoot.activeElement;
        tile.dispatchEvent(new Event("keydown", { bubbles: true, composed: true }));
        tile.dispatchEvent(new CustomEvent("keydown", { bubbles: true, composed: true, detail: { key: "ArrowRight" } }));
      });
      await sleep(300);
      assert.equal(await page.evaluate(() => window.__crashes), 0, "no lede:error (a trap is told as crash)");
      assert.deepEqual(errors, []);
      assert.equal(await page.evaluate(() => document.getElementById("story").shadowRoot.activeElement?.closest("[data-lede-slide]")?.getAttribute("aria-label")), "1 of 8", "focus stays");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => document.getElementById("story").shadowRoot.activeElement?.closest("[data-lede-slide]")?.getAttribute("aria-label") === "2 of 8", null, { timeout: 3000 });
      await page.done();
    },
  },
  {
    name: "mount() from a lede:ready and a lede:select listener: each new widget follows its own attributes after the first reloads and after the first is unmounted",
    async run({ browser, origin, publisher }) {
      const page = await open(browser, `${publisher}/listeners.html`);
      const stateOf = (id) => page.evaluate((i) => document.getElementById(i)?.shadowRoot?.querySelector("section[data-lede-related]")?.getAttribute("data-state") ?? null, id);
      const firstTitle = (id) => page.evaluate((i) => document.getElementById(i)?.shadowRoot?.querySelector("[data-lede-slide] .title")?.textContent.trim() ?? null, id);
      await page.waitForFunction(() => document.getElementById("from-ready")?.shadowRoot?.querySelector("section[data-state=ready]"), null, { timeout: 10000 });
      // A reader picks a story in A: its listener mounts another widget.
      await page.evaluate(() => document.getElementById("a").shadowRoot.querySelector("[data-lede-slide] a").click());
      await page.waitForFunction(() => document.getElementById("from-select")?.shadowRoot?.querySelector("section[data-state=ready]"), null, { timeout: 10000 });
      // A reloads (a new related feed), then each new widget changes feed.
      await page.evaluate((o) => document.getElementById("a").setAttribute("data-related-src", `${o}/b/related.json?ms=100`), origin);
      await page.waitForFunction(() => document.getElementById("a").shadowRoot.querySelector("[data-lede-slide] .title")?.textContent.includes("B1:"), null, { timeout: 5000 });
      for (const id of ["from-ready", "from-select"]) {
        await page.evaluate(([i, o]) => document.getElementById(i).setAttribute("data-related-src", `${o}/b/related.json`), [id, origin]);
        await page.waitForFunction((i) => document.getElementById(i).shadowRoot.querySelector("[data-lede-slide] .title")?.textContent.includes("B1:"), id, { timeout: 5000 });
      }
      // A goes; the two it gave rise to stay and still follow their attributes.
      await page.evaluate(() => document.getElementById("a").remove());
      await sleep(100);
      for (const id of ["from-ready", "from-select"]) {
        assert.equal(await stateOf(id), "ready", `${id} stays`);
        await page.evaluate(([i, o]) => document.getElementById(i).setAttribute("data-related-src", `${o}/api/related/1855600.json`), [id, origin]);
        await page.waitForFunction((i) => !document.getElementById(i).shadowRoot.querySelector("[data-lede-slide] .title")?.textContent.includes("B1:") && document.getElementById(i).shadowRoot.querySelector("section[data-state=ready]"), id, { timeout: 5000 });
        assert.match(await firstTitle(id), /Syrian Army/);
      }
      // And they unmount as any widget does.
      await page.evaluate(() => window.__handles.fromReady.unmount());
      assert.equal(await page.evaluate(() => document.getElementById("from-ready").hasAttribute("data-lede-mounted")), false);
      assert.equal(await stateOf("from-select"), "ready");
      await page.done();
    },
  },
  {
    name: "a deliberate trap: every widget hears lede:error 'crash', the code starts again and every widget renders again; nothing uncaught but the trap",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/trap.html`);
      await page.waitForFunction(() => [...document.querySelectorAll("[data-lede]")].every((h) => h.shadowRoot?.querySelector("section[data-state=ready]")), null, { timeout: 10000 });
      // An explicitly mounted element is a widget too, and comes back too;
      // so does one mounted while still out of the page, with another
      // mount() (which forgets the elements out of the page that are no
      // widgets) before it is put in.
      await page.evaluate(() => {
        const make = (id) => {
          const el = document.createElement("div");
          el.id = id;
          el.setAttribute("data-article-src", document.getElementById("one").getAttribute("data-article-src"));
          return el;
        };
        const early = make("early");
        window.__mount(early);
        const el = make("explicit");
        document.querySelector("main").append(el);
        window.__mount(el);
        document.querySelector("main").append(early);
      });
      await page.waitForFunction(() => ["explicit", "early"].every((id) => document.getElementById(id).shadowRoot?.querySelector("article[data-state=ready]")), null, { timeout: 10000 });
      // The trap: in the page observer's callback, as a bug would be.
      await page.evaluate(() => document.getElementById("two").setAttribute("data-lede-trap", "now"));
      await page.waitForFunction(() => window.__events.filter((e) => e.detail.section === "crash").length >= 5, null, { timeout: 5000 });
      const crashes = await page.evaluate(() => window.__events.filter((e) => e.detail.section === "crash").map((e) => `${e.target}:${e.detail.code}`).sort());
      assert.deepEqual(crashes, ["early:crash", "explicit:crash", "one:crash", "three:crash", "two:crash"]);
      // Started again: every widget renders again, from a fresh instance.
      await page.waitForFunction(() => ["one", "two", "three"].every((id) => document.getElementById(id).shadowRoot?.querySelector("section[data-state=ready]")) && ["explicit", "early"].every((id) => document.getElementById(id).shadowRoot?.querySelector("article[data-state=ready]")), null, { timeout: 10000 });
      assert.equal(await page.evaluate(() => window.__ready), "resolved");
      // The new instance follows attributes; the dead one stays quiet.
      await page.evaluate(() => document.getElementById("one").setAttribute("lang", "ar"));
      await page.waitForFunction(() => document.getElementById("one").shadowRoot.querySelector("[data-lede-root]").getAttribute("dir") === "rtl", null, { timeout: 5000 });
      await page.locator("#one button[data-lede-next]").click();
      await sleep(300);
      // The trap itself reaches the page once, as a trap does; nothing else.
      const problems = page.problems();
      assert.equal(problems.length, 1, problems.join("\n"));
      assert.match(problems[0], /unreachable/);
      assert.ok(page.messages.some((m) => /^lede: the widget's code stopped \(.*\); starting it again/.test(m.text)));
      problems.length = 0;
      await page.done();
    },
  },
  ...[["cannot load (the network gone since)", "abort"], ["hangs (no answer within 15 s)", "hang"]].map(([how, way]) => ({
    name: `a trap, and a restart that ${how}: each widget shows its fallback, not a blank box; a later mount() too`,
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/trap.html`);
      await page.waitForFunction(() => [...document.querySelectorAll("[data-lede]")].every((h) => h.shadowRoot?.querySelector("section[data-state=ready]")), null, { timeout: 10000 });
      // From now on the glue cannot be fetched: the restart's import
      // fails, or never ends.
      let asked = 0;
      await page.route(/\/trap\/lede-[^/]*\.js$/, (route) => {
        asked += 1;
        return way === "abort" ? route.abort("internetdisconnected") : new Promise(() => {});
      });
      await page.evaluate(() => document.getElementById("two").setAttribute("data-lede-trap", "now"));
      if (way === "hang") {
        await sleep(1000);
        assert.equal(await page.evaluate(() => document.querySelectorAll("[data-lede-failed]").length), 0, "still waiting for the restart");
      }
      await page.waitForFunction(() => [...document.querySelectorAll("[data-lede]")].every((h) => h.hasAttribute("data-lede-failed")), null, { timeout: way === "hang" ? 20000 : 10000 });
      assert.equal(asked, 1, "the restart asked for the glue once");
      const hosts = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => ({ id: h.id, mounted: h.hasAttribute("data-lede-mounted"), slot: !!h.shadowRoot?.querySelector("slot"), height: h.getBoundingClientRect().height })));
      for (const h of hosts) {
        assert.equal(h.mounted, false, h.id);
        assert.ok(h.slot, `${h.id}: its shadow root shows the element's own content`);
        assert.ok(h.height < 200, `${h.id}: the room is released (${h.height} px)`);
      }
      assert.ok(await page.locator("#fallback-one").isVisible(), "the fallback shows through the shadow root's slot");
      assert.ok(await page.locator("#fallback-two").isVisible());
      const told = await page.evaluate(() => window.__events.filter((e) => e.target === "one" && e.type === "lede:error").map((e) => e.detail.code));
      assert.deepEqual(told, ["crash", "crash"], "told of the restart, then of the stop");
      // An element mounted now gets its fallback and is told at once.
      await page.evaluate(() => {
        const el = document.createElement("div");
        el.id = "later";
        el.innerHTML = '<a id="fallback-later" href="https://news.example/">News</a>';
        el.setAttribute("data-article-src", document.getElementById("one").getAttribute("data-article-src"));
        document.querySelector("main").append(el);
        window.__mount(el);
      });
      assert.equal(await page.evaluate(() => document.getElementById("later").hasAttribute("data-lede-failed")), true);
      assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.target === "later").map((e) => `${e.type}:${e.detail.code}`)), ["lede:error:crash"]);
      assert.ok(await page.locator("#fallback-later").isVisible());
      // The trap reaches the page once; the restart's failure is Lede's own
      // console line, nothing uncaught.
      assert.ok(page.messages.some((m) => /^lede: the widget's code stopped \(.*\); showing the fallback/.test(m.text)));
      const problems = page.problems();
      assert.equal(problems.length, 1, problems.join("\n"));
      assert.match(problems[0], /unreachable/);
      problems.length = 0;
      await page.done();
    },
  })),
  {
    name: "a trap at every start: after a few restarts each widget shows its fallback, with data-lede-failed and its room released",
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      // The wasm waits until one widget is set to trap as it mounts.
      let release;
      const gate = new Promise((r) => { release = r; });
      await page.route(/\/trap\/lede-[^/]*_bg\.wasm$/, async (route) => {
        await gate;
        await route.continue();
      });
      await page.goto(`${publisher}/trap.html`, { waitUntil: "domcontentloaded" });
      await page.evaluate(() => document.getElementById("two").setAttribute("data-lede-trap", "mount"));
      release();
      await page.waitForFunction(() => [...document.querySelectorAll("[data-lede]")].every((h) => h.hasAttribute("data-lede-failed")), null, { timeout: 15000 });
      const hosts = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => ({ id: h.id, mounted: h.hasAttribute("data-lede-mounted"), height: h.getBoundingClientRect().height })));
      for (const h of hosts) {
        assert.equal(h.mounted, false, h.id);
        assert.ok(h.height < 200, `${h.id}: the room is released (${h.height} px)`);
      }
      assert.ok(await page.locator("#fallback-one").isVisible(), "the fallback shows through the shadow root's slot");
      assert.ok(await page.locator("#fallback-two").isVisible());
      const crashes = await page.evaluate(() => window.__events.filter((e) => e.detail.section === "crash" && e.target === "one").length);
      assert.equal(crashes, 4, "told at each of the three restarts and at the last stop");
      assert.equal(page.messages.filter((m) => /^lede: the widget's code stopped (again )?\(/.test(m.text)).length, 4);
      // A trap inside lede.js's own call is caught there; one in a later
      // task (the start-up queue mounts in slices) reaches the page, once
      // per start at most: nothing but the traps themselves.
      const problems = page.problems();
      assert.ok(problems.length <= 4 && problems.every((p) => /unreachable/.test(p)), problems.join("\n"));
      problems.length = 0;
      await page.done();
    },
  },
];
