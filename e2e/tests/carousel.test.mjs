// The carousel (issue "Carousel"): accessibility by the APG pattern with
// axe-core, the keyboard, readers' data, layout stability, reduced motion
// and a 10,000-item feed.
import { createRequire } from "node:module";
import { assert, open, settled, inWidget, addWidget, sleep, eventually, frames } from "../lib.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" > ")).join(", ")})`);
  });
}

/** The focused element inside the first widget (or null), described. */
const focused = (page, widget = 0) =>
  page.evaluate((n) => {
    const host = document.querySelectorAll("[data-lede]")[n];
    if (document.activeElement !== host) return null;
    const a = host.shadowRoot.activeElement;
    if (!a) return null;
    const slide = a.closest("[data-lede-slide]");
    return slide ? slide.getAttribute("aria-label") : a.getAttribute("aria-label") ?? a.tagName;
  }, widget);

/** Waits until the focused slide (or control) is `want`. */
async function focusIs(page, want, widget = 0) {
  for (let i = 0; i < 40; i++) {
    if ((await focused(page, widget)) === want) return;
    await sleep(25);
  }
  assert.equal(await focused(page, widget), want);
}

/** Index range of slides more than half visible in the track. */
const shown = (page, widget = 0) =>
  inWidget(page, (root) => {
    const t = root.querySelector(".track").getBoundingClientRect();
    return [...root.querySelectorAll("[data-lede-slide]")].filter((s) => {
      const r = s.getBoundingClientRect();
      return Math.min(r.right, t.right) - Math.max(r.left, t.left) > r.width / 2;
    }).map((s) => Number(s.dataset.index));
  }, null, widget);

async function tabInto(page, widget = 0) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page, widget);
    if (f && / (of|من) /.test(f)) return f;
  }
  throw new Error("Tab never reached a slide");
}

export const tests = [
  {
    name: "axe-core finds no violation: LTR and RTL, light and dark, demo and publisher pages",
    async run({ browser, origin, publisher }) {
      for (const colorScheme of ["light", "dark"]) {
        for (const url of [`${publisher}/embed.html`, `${origin}/`, `${origin}/ar.html`]) {
          const page = await open(browser, url, { contextOptions: { colorScheme } });
          assert.equal(await settled(page, "related"), "ready", url);
          if (url.endsWith("embed.html")) assert.equal(await settled(page, "related", { widget: 1 }), "ready", url);
          else assert.equal(await settled(page, "article"), "ready", url);
          await page.evaluate(() => document.querySelector("[data-lede]").shadowRoot.querySelector("section").scrollIntoView());
          await page.mouse.wheel(0, 40);
          await sleep(400);
          assert.deepEqual(await axe(page), [], `${url} in ${colorScheme}`);
          await page.done();
        }
      }
    },
  },
  {
    name: "keyboard: Tab reaches one slide, arrows, Home and End move, Tab leaves in one step, buttons page",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/`);
      await settled(page, "related");
      assert.equal(await tabInto(page), "1 of 8");
      const ring = await inWidget(page, (root) => {
        const cs = getComputedStyle(root.activeElement.querySelector(".thumb"), "::after");
        return [cs.outlineStyle, parseFloat(cs.outlineWidth) >= 2];
      });
      assert.deepEqual(ring, ["solid", true], "focus is visible");
      await page.keyboard.press("ArrowRight");
      await focusIs(page, "2 of 8");
      // Slide 4 only peeks in at 1280 px: focusing it scrolls it in whole.
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await focusIs(page, "4 of 8");
      await eventually(
        () =>
          inWidget(page, (root) => {
            const t = root.querySelector(".track").getBoundingClientRect();
            const r = root.querySelector("[data-index='3']").getBoundingClientRect();
            return r.left >= t.left - 1 && r.right <= t.right + 1;
          }),
        "the focused slide shown whole",
      );
      await page.keyboard.press("End");
      await focusIs(page, "8 of 8");
      await eventually(async () => (await shown(page)).includes(7), "the focused slide scrolled into view");
      await page.keyboard.press("ArrowRight");
      // Focus follows a key a frame later: a wrap would show by then.
      await frames(page);
      assert.equal(await focused(page), "8 of 8", "no wrap at the end");
      await page.keyboard.press("ArrowLeft");
      await focusIs(page, "7 of 8");
      await page.keyboard.press("Home");
      await focusIs(page, "1 of 8");
      await sleep(700);
      // One Tab leaves the carousel; Shift+Tab comes back to the same slide.
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), null, "Tab left the carousel in one step");
      await page.keyboard.press("Shift+Tab");
      await focusIs(page, "1 of 8");
      // Back to the buttons: Next with Enter and with Space pages on.
      await page.keyboard.press("Shift+Tab");
      await focusIs(page, "Next stories");
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-prev]").getAttribute("aria-disabled")), "true");
      const before = await shown(page);
      await page.keyboard.press("Enter");
      await eventually(async () => (await shown(page))[0] >= before[before.length - 1], `Enter moving a page from ${before}`);
      await page.keyboard.press("Space");
      await eventually(async () => (await shown(page)).includes(7), "Space moving on to the end");
      // Once the glide has ended there.
      await eventually(() => inWidget(page, (root) => root.querySelector("[data-lede-next]").getAttribute("aria-disabled") === "true"), "next disabled at the end");
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-prev]").getAttribute("aria-disabled")), "false");
      assert.equal(await focused(page), "Next stories", "focus stays on the button");
      // Tab now reaches a slide in view, not the first one.
      await page.keyboard.press("Tab");
      const f = await focused(page);
      assert.ok(f && Number(f.split(" ")[0]) >= 5, `Tab reaches a visible slide: ${f}`);
      await page.done();
    },
  },
  {
    name: "keyboard in RTL: ArrowLeft goes on, ArrowRight goes back",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/ar.html`);
      await settled(page, "related");
      assert.equal(await tabInto(page), "1 من 8");
      await page.keyboard.press("ArrowLeft");
      await focusIs(page, "2 من 8");
      await page.keyboard.press("ArrowLeft");
      await focusIs(page, "3 من 8");
      await page.keyboard.press("ArrowRight");
      await focusIs(page, "2 من 8");
      await page.keyboard.press("End");
      await focusIs(page, "8 من 8");
      await sleep(700);
      const pos = await inWidget(page, (root) => {
        const [a, b] = ["[data-index='7']", "[data-index='6']"].map((s) => root.querySelector(s).getBoundingClientRect().left);
        return a < b;
      });
      assert.ok(pos, "the last slide is leftmost");
      await page.done();
    },
  },
  {
    name: "readers' data on 40 items: only slides in view load, then one viewport more; videos stay paused and light",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/pages/blank.html`, { viewport: { width: 1280, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.enable");
      // A slow mobile link, so that what the player reads is what it asked for.
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 });
      const requests = new Map();
      cdp.on("Network.requestWillBeSent", (e) => { if (e.request.url.includes("/gen/")) requests.set(e.requestId, { url: e.request.url, bytes: 0 }); });
      cdp.on("Network.dataReceived", (e) => { const r = requests.get(e.requestId); if (r) r.bytes += e.encodedDataLength; });
      const indices = () => [...new Set([...requests.values()].map((r) => Number(/\/gen\/(\d+)\./.exec(r.url)[1])))].sort((a, b) => a - b);
      await addWidget(page, { "data-related-src": `${origin}/fault/many-40`, "data-media-base": origin });
      assert.equal(await settled(page, "related"), "ready");
      await sleep(2500);
      const inView = await shown(page);
      const perView = inView.length;
      const first = indices();
      assert.ok(first.length > 0, "the slides in view load");
      assert.ok(first.every((i) => i <= inView[inView.length - 1] + 1), `before any interaction only slides in view load: ${first} (in view ${inView})`);
      // The reader reaches for the carousel: media within one more viewport
      // loads, nothing beyond.
      await page.locator("section[data-lede-related] .track").hover();
      await sleep(2500);
      const second = indices();
      assert.ok(second.length > first.length, "scrolling lets the next viewport load");
      assert.ok(second.every((i) => i < 2 * (perView + 1)), `nothing beyond the second viewport: ${second}`);
      assert.ok(second.at(-1) < 20, "far slides stay unrequested");
      // Videos: none plays before intent; each read only a little of its 3 MB.
      const videos = await inWidget(page, (root) => [...root.querySelectorAll("video[src]")].map((v) => ({ paused: v.paused, time: v.currentTime, preload: v.preload, muted: v.muted })));
      assert.ok(videos.length >= 2);
      assert.ok(videos.every((v) => v.paused && v.time === 0 && v.preload === "metadata" && v.muted), JSON.stringify(videos));
      const videoBytes = [...requests.values()].filter((r) => r.url.endsWith(".mp4")).map((r) => r.bytes);
      console.log(`     bytes per video request before intent: ${videoBytes.join(", ")} (file: 3,159,404)`);
      assert.ok(videoBytes.every((b) => b < 400 * 1024), `no video is downloaded past its metadata read: ${videoBytes}`);
      const unloaded = await inWidget(page, (root) => [...root.querySelectorAll("video:not([src])")].every((v) => v.preload === "none"));
      assert.ok(unloaded, "far videos have no src and preload none");
      // Intent: hovering a video plays it (muted), leaving pauses it.
      const tile = page.locator("[data-media=video]").first();
      await tile.hover();
      await page.waitForFunction(() => { const v = document.querySelector("[data-lede]").shadowRoot.querySelector("[data-media=video] video"); return v && !v.paused; }, null, { timeout: 8000 });
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-media=video] video").muted), true, "never sound");
      await page.mouse.move(5, 5);
      await sleep(200);
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-media=video] video").paused), true, "leaving pauses");
      await page.done();
    },
  },
  {
    name: "no layout shift: CLS is 0 while the widget loads, in any order, and its media arrive",
    async run({ browser, origin }) {
      const cls = () => page.evaluate(() => window.__cls);
      let page;
      const observe = (p) => p.addInitScript(() => {
        window.__cls = 0;
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (!e.hadRecentInput) { window.__cls += e.value; window.__shifts.push(e.sources?.map((s) => s.node?.nodeName).join(",")); }
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
        // The demo page, scrolled to the carousel so its media loads in view.
        page = await open(browser, null, { viewport, before: observe });
        await page.goto(`${origin}/`);
        assert.equal(await settled(page, "related"), "ready");
        await page.evaluate(() => document.querySelector("[data-lede]").shadowRoot.querySelector("section").scrollIntoView());
        await page.mouse.wheel(0, 10);
        // The thumbnails in view have arrived and been drawn.
        await page.waitForFunction(() => {
          const imgs = [...document.querySelector("[data-lede]").shadowRoot.querySelectorAll("img.thumb-media")].filter((i) => {
            const r = i.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
          });
          return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
        }, null, { timeout: 10000 });
        await frames(page);
        assert.equal(await cls(), 0, `demo at ${viewport.width}px: ${await page.evaluate(() => window.__shifts)}`);
        await page.done();
        // A slow related feed and a slow article: skeletons hold the place.
        for (const slow of ["related", "article"]) {
          page = await open(browser, `${origin}/pages/blank.html`, { viewport, before: observe });
          const attrs = {
            "data-article-src": `${origin}/api/article/1855600.json`,
            "data-related-src": `${origin}/api/related/1855600.json`,
            "data-media-base": `${origin}/media`,
          };
          attrs[`data-${slow}-src`] = `${origin}/fault/slow/${slow}?ms=1200`;
          await addWidget(page, attrs);
          assert.equal(await settled(page, "article"), "ready");
          assert.equal(await settled(page, "related"), "ready");
          await sleep(800);
          assert.equal(await cls(), 0, `slow ${slow} at ${viewport.width}px: ${await page.evaluate(() => window.__shifts)}`);
          await page.done();
        }
      }
    },
  },
  {
    name: "reduced motion: hover and focus do not play a video, its button does",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/pages/blank.html`, { contextOptions: { reducedMotion: "reduce" } });
      await addWidget(page, { "data-related-src": `${origin}/api/related/1855600.json`, "data-media-base": `${origin}/media` });
      await settled(page, "related");
      const video = (root) => { const v = root.querySelector("[data-media=video] video"); return { paused: v.paused, src: !!v.getAttribute("src") }; };
      await page.locator("[data-media=video]").first().scrollIntoViewIfNeeded();
      await page.locator("[data-media=video] a").first().hover();
      await page.locator("[data-media=video] a").first().focus();
      await sleep(800);
      assert.deepEqual(await inWidget(page, video), { paused: true, src: true });
      await page.locator("[data-media=video] button.play").first().click();
      await page.waitForFunction(() => !document.querySelector("[data-lede]").shadowRoot.querySelector("[data-media=video] video").paused, null, { timeout: 8000 });
      // The button follows the video's own play and pause events, which come a moment after.
      await page.waitForFunction(() => document.querySelector("[data-lede]").shadowRoot.querySelector("[data-media=video] button.play").getAttribute("aria-pressed") === "true", null, { timeout: 2000 });
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-media=video] button.play").getAttribute("aria-label")), "Pause video");
      await page.locator("[data-media=video] button.play").first().click();
      await sleep(200);
      assert.equal((await inWidget(page, video)).paused, true);
      // Under reduced motion the button is the keyboard's way to play: it is in the tab order of the current slide.
      const order = await inWidget(page, (root) => [...root.querySelectorAll("[data-media=video]")].map((s) => [s.querySelector(".tile").getAttribute("tabindex"), s.querySelector("button.play").getAttribute("tabindex")]));
      assert.deepEqual(order, [["0", "0"], ["-1", "-1"]], "the current slide's button is in the tab order, the others are not");
      await page.done();
    },
  },
  {
    name: "10,000 items in an envelope: the first 1,000 are read; under 100 slide elements, labels count them, End reaches the last, LTR and RTL",
    async run({ browser, origin }) {
      for (const rtl of [false, true]) {
        const page = await open(browser, `${origin}/pages/blank.html`);
        const t0 = Date.now();
        await addWidget(page, { "data-related-src": `${origin}/fault/many-10000-env`, "data-media-base": origin, ...(rtl ? { lang: "ar", dir: "rtl" } : {}) });
        assert.equal(await settled(page, "related"), "ready");
        console.log(`     10,000 items (1,000 read) ready in ${Date.now() - t0} ms (${rtl ? "RTL" : "LTR"}, unthrottled; see make bench)`);
        const count = () => inWidget(page, (root) => root.querySelectorAll("[data-lede-slide]").length);
        assert.ok((await count()) < 100, `${await count()} slides in the DOM`);
        const of = rtl ? "من" : "of";
        assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-slide]").getAttribute("aria-label")), `1 ${of} 1000`);
        const width = await inWidget(page, (root) => root.querySelector(".track").scrollWidth);
        assert.ok(width > 1000 * 150, `the track is as wide as the feed: ${width}`);
        assert.equal(await tabInto(page), `1 ${of} 1000`);
        await page.keyboard.press(rtl ? "ArrowLeft" : "ArrowRight");
        await focusIs(page, `2 ${of} 1000`);
        await page.keyboard.press("End");
        await page.waitForFunction((want) => {
          const host = document.querySelector("[data-lede]");
          return host.shadowRoot.activeElement?.closest("[data-lede-slide]")?.getAttribute("aria-label") === want;
        }, `1000 ${of} 1000`, { timeout: 5000 });
        await sleep(1500);
        assert.equal(await focused(page), `1000 ${of} 1000`, "focus stays on the last slide once scrolled there");
        assert.ok((await shown(page)).includes(999));
        assert.ok((await count()) < 100);
        await page.keyboard.press("Home");
        await sleep(1500);
        await focusIs(page, `1 ${of} 1000`);
        assert.ok((await count()) < 100);
        await page.done();
      }
    },
  },
  {
    name: "100,000 items, plain and in an envelope, sent as the reader takes them: the reader stops the download after the first 1,000 (and one more), and shows them",
    async run({ browser, origin }) {
      for (const name of ["stream-100000", "stream-100000-env"]) {
        await fetch(`${origin}/__reset`);
        const page = await open(browser, `${origin}/pages/blank.html`);
        await addWidget(page, { "data-related-src": `${origin}/fault/${name}`, "data-media-base": origin });
        assert.equal(await settled(page, "related", { timeout: 30000 }), "ready");
        assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-slide]").getAttribute("aria-label")), "1 of 1000");
        const notes = page.messages.filter((m) => m.text.includes(`/fault/${name}`));
        assert.equal(notes.length, 1, notes.map((m) => m.text).join(" | "));
        assert.match(notes[0].text, /more than 1000 items: only the first 1000 were read/);
        // The server writes until the socket closes; wait for it to notice.
        let entry;
        for (let i = 0; i < 50 && !(entry = (await (await fetch(`${origin}/__log`)).json()).find((e) => e.path === `/fault/${name}`))?.of; i++) await sleep(100);
        assert.ok(entry?.aborted, `${name}: the reader hung up (${JSON.stringify(entry)})`);
        console.log(`     ${name}: ${(entry.bytes / 1024).toFixed(0)} KB of ${(entry.of / 1024).toFixed(0)} KB sent`);
        assert.ok(entry.bytes < entry.of / 4, `${name}: ${entry.bytes} of ${entry.of} bytes sent`);
        await page.done();
      }
    },
  },
  {
    name: "100,000 items: the first 1,000 are read (one console line says so), in no task over 250 ms",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/pages/blank.html`, {
        before: (p) =>
          p.addInitScript(() => {
            window.__longest = 0;
            new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__longest = Math.max(window.__longest, e.duration)))).observe({ type: "longtask" });
          }),
      });
      await addWidget(page, { "data-related-src": `${origin}/fault/many-100000`, "data-media-base": origin });
      assert.equal(await settled(page, "related", { timeout: 30000 }), "ready");
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-slide]").getAttribute("aria-label")), "1 of 1000");
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-lede-slide]").textContent.trim()), "Generated story number 1");
      const notes = page.messages.filter((m) => m.text.includes("/fault/many-100000"));
      assert.equal(notes.length, 1, notes.map((m) => m.text).join(" | "));
      assert.match(notes[0].text, /more than 1000 items: only the first 1000 were read/);
      const longest = await page.evaluate(() => window.__longest);
      console.log(`     100,000 items: longest task ${Math.round(longest)} ms (unthrottled; 4× CPU in make bench)`);
      assert.ok(longest < 250, `longest task ${Math.round(longest)} ms`);
      await page.done();
    },
  },
];
