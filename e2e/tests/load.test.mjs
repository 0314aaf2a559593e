// Loading (issues 13 and 14): one bad widget in the page's HTML does not stop
// the others; when the code cannot load, every widget's element hears of it
// and keeps its fallback; importing lede.js never waits for the wasm.
import { assert, open, settled, inWidget, frames, collected, eventually } from "../lib.mjs";

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
    name: "lede.js asks for the wasm before the feeds' preloads and the glue (the download a first visit waits for leaves first)",
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.goto(`${publisher}/plain.html`);
      assert.equal(await settled(page, "related"), "ready");
      const started = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => ({ url: e.name, at: e.startTime })));
      const wasm = started.filter((e) => isWasm(e.url));
      const rest = started.filter((e) => isGlue(e.url) || /\/api\/(article|related)\//.test(e.url));
      assert.equal(wasm.length, 1, "the wasm, once");
      assert.equal(rest.length, 3, `the glue and two feeds: ${rest.map((e) => e.url)}`);
      console.log(`     (${started.map((e) => `${e.url.split("/").pop()} ${e.at.toFixed(1)}`).join(", ")})`);
      for (const e of rest) assert.ok(wasm[0].at <= e.at, `the wasm asked for at ${wasm[0].at.toFixed(1)} ms, after ${e.url} at ${e.at.toFixed(1)} ms`);
      await page.done();
    },
  },
  {
    name: "the glue warms the browser's date and number formatting while the wasm downloads, a step a task",
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      // Each formatter built is logged with the task it was built in: a
      // task's token lasts until its microtasks run.
      await page.addInitScript(() => {
        window.__intl = [];
        let n = 0;
        let token;
        for (const name of ["Locale", "NumberFormat", "DateTimeFormat"]) {
          const real = Intl[name];
          Intl[name] = function (...args) {
            if (token === undefined) {
              token = ++n;
              queueMicrotask(() => (token = undefined));
            }
            window.__intl.push({ name, zone: !!args[1]?.timeZoneName, task: token });
            return new real(...args);
          };
        }
      });
      const held = await hold(page, isWasm);
      await page.goto(`${publisher}/plain.html`);
      await held.asked;
      await page.waitForFunction(() => window.__intl.length >= 4, null, { timeout: 5000 });
      const built = await page.evaluate(() => window.__intl);
      assert.deepEqual(built.map((b) => `${b.name}${b.zone ? " with a zone" : ""}`), ["Locale", "NumberFormat", "DateTimeFormat", "DateTimeFormat with a zone"]);
      assert.equal(new Set(built.map((b) => b.task)).size, 4, "four tasks");
      held.release();
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related"), "ready");
      await page.done();
    },
  },
  {
    name: "a page whose lang is \"constructor\" (a name every JavaScript object answers to): its widget still loads, its feeds preloaded",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/lang-odd.html`);
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related"), "ready");
      // lede.js looks the language up among its words files: a name every
      // object answers to is not one of them, and the batch's preloads stay.
      const preloads = await page.evaluate(() => [...document.querySelectorAll("head link[rel=preload]")].map((l) => new URL(l.href).pathname));
      assert.deepEqual(preloads.filter((p) => p.startsWith("/api/")).sort(), ["/api/article/1855600.json", "/api/related/1855600.json"]);
      await page.done();
    },
  },
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
  {
    name: "the page's <body> with data-lede, and an <img>, are refused with a console line each: the page stays visible, the widget beside them loads, mount() says the same",
    async run({ browser, publisher, origin }) {
      const page = await open(browser, `${publisher}/refused.html`);
      // The good widget is the page's third [data-lede] (after the body and the img).
      assert.equal(await settled(page, "article", { widget: 2 }), "ready");
      assert.equal(await settled(page, "related", { widget: 2 }), "ready");
      const lines = () => page.messages.filter((m) => m.type === "error" && m.text.startsWith("lede:")).map((m) => m.text);
      const hosts = await page.evaluate(() => ({
        body: { shadow: !!document.body.shadowRoot, mounted: document.body.hasAttribute("data-lede-mounted") },
        // The page's own text is laid out and visible: no shadow root hides it.
        text: document.getElementById("page-text").getBoundingClientRect().height > 0 && document.getElementById("page-title").checkVisibility(),
      }));
      assert.deepEqual(hosts, { body: { shadow: false, mounted: false }, text: true });
      const body = "lede: the page's <body> cannot be a widget (it would hide the page); use a <div data-lede>";
      const img = "lede: this element cannot hold a shadow root; use a <div data-lede>";
      assert.deepEqual(lines().sort(), [body, img].sort(), "one console line for each, and none for the good widget");
      // Given to mount(), the same refusal, said once (lede.js adds the
      // "lede: " the wasm's sentence would otherwise repeat).
      await page.evaluate(async (cdn) => {
        const { mount } = await import(`${cdn}/lede.js`);
        mount(document.body);
      }, origin);
      // The mount waits for the code's next turn (it is near view: at once).
      await eventually(() => lines().length >= 3, "mount(document.body)'s console line");
      assert.equal(lines().filter((l) => l === body).length, 2, `mount(document.body) says the same sentence: ${lines().join(" | ")}`);
      assert.equal(await page.evaluate(() => !!document.body.shadowRoot), false, "and the body still has no shadow root");
      await page.done();
    },
  },
  ...[["wasm", "abort"], ["wasm", 404], ["glue", "abort"], ["glue", 404]].map(([what, fail]) => ({
    name: `the ${what} ${fail === "abort" ? "blocked" : "answering 404"}: lede:error "load" on every element, fallback kept, room released, nothing uncaught`,
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      const held = await hold(page, what === "wasm" ? isWasm : isGlue, fail);
      await page.goto(`${publisher}/load-fail.html`, { waitUntil: "domcontentloaded" });
      await held.asked;
      // While the code loads, the publisher's CSS holds the room.
      const reserved = await page.evaluate(() => document.getElementById("one").getBoundingClientRect().height);
      assert.equal(reserved, 900, "min-height: 100vh while loading");
      held.release();
      await page.waitForFunction(() => window.__events.filter((e) => e.type === "lede:error").length >= 2, null, { timeout: 5000 });
      const errors = await events(page);
      assert.deepEqual(errors.map((e) => e.target).sort(), ["one", "two"]);
      for (const e of errors) {
        assert.equal(e.detail.section, "load");
        assert.equal(typeof e.detail.message, "string");
        assert.ok(e.detail.message.length > 0);
      }
      const hosts = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => ({
        failed: h.hasAttribute("data-lede-failed"),
        mounted: h.hasAttribute("data-lede-mounted"),
        shadow: !!h.shadowRoot,
        height: h.getBoundingClientRect().height,
      })));
      for (const h of hosts) {
        assert.deepEqual({ failed: h.failed, mounted: h.mounted, shadow: h.shadow }, { failed: true, mounted: false, shadow: false });
        assert.ok(h.height > 10 && h.height < 200, `the room is released to the fallback's height (${h.height} px)`);
      }
      assert.ok(await page.locator("#fallback-one").isVisible(), "the fallback link stays readable");
      assert.ok(await page.locator("#fallback-two").isVisible());
      // The bubbling, composed event is one per element, and the console has
      // Lede's own detail.
      assert.ok(page.messages.some((m) => m.type === "error" && /^lede: the widget's code could not be loaded/.test(m.text)));
      await page.done();
    },
  })),
  {
    name: "code that cannot load: elements given to mount() and taken out of the page are let go of at the next mount(), as when it runs",
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      const held = await hold(page, isWasm, 404);
      await page.goto(`${publisher}/load-fail.html`, { waitUntil: "domcontentloaded" });
      await held.asked;
      held.release();
      await page.waitForFunction(() => window.__events.filter((e) => e.type === "lede:error").length >= 2, null, { timeout: 5000 });
      await page.evaluate(async () => {
        const { mount } = await import(document.querySelector("script[type=module][src]").src);
        window.__gone = [];
        // A single-page app's stories, each mounted and then taken out.
        for (let i = 0; i < 3; i++) {
          const el = document.createElement("div");
          document.querySelector("main").append(el);
          mount(el);
          el.remove();
          window.__gone.push(new WeakRef(el));
        }
        const last = document.createElement("div");
        document.querySelector("main").append(last);
        mount(last);
      });
      assert.ok(await collected(page, () => window.__gone.every((r) => r.deref() === undefined), "the three removed elements collected"));
      await page.done();
    },
  },
  {
    name: "a second copy of Lede on the page whose code cannot load leaves the widgets the first copy mounted as they are",
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      // The package's glue (the second copy's) is blocked, once the first
      // copy's widgets are ready.
      const held = await hold(page, (url) => /\/pkg\/lede-[^/]+\.js$/.test(new URL(url).pathname), "abort");
      await page.goto(`${publisher}/two-copies.html`, { waitUntil: "domcontentloaded" });
      await held.asked;
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related", { widget: 1 }), "ready");
      held.release();
      await page.waitForFunction(() => window.__second, null, { timeout: 5000 });
      assert.match(await page.evaluate(() => window.__second), /^rejected/, "the second copy's ready rejects");
      await frames(page);
      const hosts = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => ({
        id: h.id,
        failed: h.hasAttribute("data-lede-failed"),
        mounted: h.hasAttribute("data-lede-mounted"),
        sections: h.shadowRoot?.querySelectorAll("article[data-state=ready],section[data-state=ready]").length ?? 0,
      })));
      assert.deepEqual(hosts, [
        { id: "one", failed: false, mounted: true, sections: 2 },
        { id: "two", failed: false, mounted: true, sections: 1 },
      ]);
      assert.deepEqual(await events(page), [], "no widget is told its code could not load");
      assert.ok(page.messages.some((m) => m.type === "error" && /^lede: the widget's code could not be loaded from .*\/pkg\//.test(m.text)));
      await page.done();
    },
  },
  {
    name: "importing lede.js never waits for the wasm: the app runs at once, mount() mounts when it arrives, unmount() first cancels",
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      // The wasm stands for a slow one (3 s and more): held until released.
      const held = await hold(page, isWasm);
      await page.goto(`${publisher}/import.html`, { waitUntil: "commit" });
      // The app renders while the wasm is still held (it is released only
      // below): its import did not wait for it.
      await page.waitForFunction(() => document.getElementById("app") && window.__appAt, null, { timeout: 10000 });
      await held.asked;
      assert.equal(await page.evaluate(() => window.__handleType), "function", "mount() returned a handle with unmount() at once");
      assert.deepEqual(await page.evaluate(() => ["explicit", "cancelled", "cancelled-host"].map((id) => !!document.getElementById(id).shadowRoot)), [false, false, false], "nothing mounted before the wasm");
      assert.equal(await page.evaluate(() => window.__ready), undefined);
      held.release();
      await page.waitForFunction(() => window.__ready, null, { timeout: 10000 });
      assert.equal(await page.evaluate(() => window.__ready), "resolved");
      await page.waitForFunction(() => document.getElementById("explicit").shadowRoot?.querySelector("article[data-state=ready]"), null, { timeout: 10000 });
      const state = await page.evaluate(() => ["explicit", "cancelled", "cancelled-host"].map((id) => {
        const el = document.getElementById(id);
        return { id, mounted: el.hasAttribute("data-lede-mounted"), children: el.shadowRoot?.querySelector("[data-lede-root]")?.children.length ?? 0 };
      }));
      assert.deepEqual(state, [
        { id: "explicit", mounted: true, children: 1 },
        { id: "cancelled", mounted: false, children: 0 },
        { id: "cancelled-host", mounted: false, children: 0 },
      ]);
      // The handle from before the wasm still unmounts.
      await page.evaluate(() => window.__handle.unmount());
      assert.equal(await page.evaluate(() => document.getElementById("explicit").hasAttribute("data-lede-mounted")), false);
      assert.deepEqual(await events(page), []);
      await page.done();
    },
  },
  {
    name: "importing lede.js with the wasm blocked: the app runs, hears lede:error and a rejected ready, nothing uncaught",
    async run({ browser, publisher }) {
      const page = await open(browser, null);
      await page.route((url) => isWasm(url.href), (route) => route.abort("blockedbyclient"));
      await page.goto(`${publisher}/import.html`);
      await page.waitForFunction(() => window.__ready, null, { timeout: 5000 });
      assert.match(await page.evaluate(() => window.__ready), /^rejected: /);
      assert.ok(await page.locator("#app").isVisible());
      const errors = await events(page);
      // The element given to mount() and the page's own [data-lede] element;
      // not the one unmounted first.
      assert.deepEqual(errors.map((e) => `${e.target}:${e.detail.section}`).sort(), ["cancelled-host:load", "explicit:load"]);
      // mount() after the failure: a handle, and the element hears of it too.
      const late = await page.evaluate(() => {
        const el = document.createElement("div");
        el.id = "late";
        document.querySelector("main").append(el);
        return typeof window.__mount(el).unmount;
      });
      assert.equal(late, "function");
      await page.waitForFunction(() => window.__events.some((e) => e.target === "late" && e.detail.section === "load"), null, { timeout: 2000 });
      assert.ok(await page.evaluate(() => document.getElementById("late").hasAttribute("data-lede-failed")));
      await page.done();
    },
  },
];
