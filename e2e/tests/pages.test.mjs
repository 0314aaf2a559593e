// The widget on publishers' pages as they are (issue 13): a root font size
// that is not 16 px, a reader in dark mode on a page that has no dark mode
// and on one that has, a forced theme, a publisher's background, and the
// focus ring in the accent colour. Screenshots of these pages go to e2e/out/.
import { createRequire } from "node:module";
import { join } from "node:path";
import { assert, open, settled, inWidget, sleep } from "../lib.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const LIGHT_TEXT = "rgb(28, 27, 25)"; // #1c1b19
const DARK_TEXT = "rgb(237, 235, 230)"; // #edebe6
const DARK_BG = "rgb(20, 19, 18)"; // #141312
const NONE = "rgba(0, 0, 0, 0)";
const LIGHT_ACCENT = "rgb(179, 38, 30)"; // #b3261e
const DARK_ACCENT = "rgb(255, 138, 128)"; // #ff8a80

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" > ")).join(", ")})`);
  });
}

/** Opens a page and waits for every section of every widget on it. */
async function load(browser, url, options) {
  const page = await open(browser, url, options);
  const hosts = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => [h.hasAttribute("data-article-src"), h.hasAttribute("data-related-src")]));
  for (const [i, [article, related]] of hosts.entries()) {
    if (article) assert.equal(await settled(page, "article", { widget: i }), "ready");
    if (related) assert.equal(await settled(page, "related", { widget: i }), "ready");
  }
  return page;
}

/** Sizes of the first widget's parts, in CSS px. */
const sizes = (page) =>
  inWidget(page, (root) => {
    const cs = (sel) => getComputedStyle(root.querySelector(sel));
    const box = (sel) => root.querySelector(sel).getBoundingClientRect();
    return {
      paragraph: cs(".body p").fontSize,
      headline: cs(".headline").fontSize,
      dateline: cs(".dateline").fontSize,
      source: cs(".source").fontSize,
      label: cs(".label").fontSize,
      tileTitle: cs(".title").fontSize,
      article: Math.round(box(".article").width),
      tile: Math.round(box("[data-lede-slide]").width),
      thumb: Math.round(box(".thumb").height),
      button: Math.round(box("button[data-lede-next]").height),
      play: Math.round(box(".play").width),
      playTop: Math.round(box(".play").top - box("[data-media=video]").top),
      head: Math.round(box(".head").height),
      gapUnderHeadline: Math.round(box(".dateline").top - box(".headline").bottom),
    };
  });

/** Brings each widget's carousel into view in turn, as a reader scrolling
 * down would, and lets its thumbnails in view paint (for screenshots). */
async function mediaShown(page) {
  const count = await page.evaluate(() => document.querySelectorAll("[data-lede]").length);
  for (let n = 0; n < count; n++) {
    const has = await page.evaluate((i) => {
      const track = document.querySelectorAll("[data-lede]")[i].shadowRoot.querySelector(".track");
      track?.scrollIntoView({ block: "center" });
      return !!track;
    }, n);
    if (!has) continue;
    await page.mouse.wheel(0, 10);
    await page.waitForFunction((i) => {
      const root = document.querySelectorAll("[data-lede]")[i].shadowRoot;
      const t = root.querySelector(".track").getBoundingClientRect();
      return [...root.querySelectorAll("[data-lede-slide]")].filter((s) => {
        const r = s.getBoundingClientRect();
        return r.left < t.right && r.right > t.left;
      }).every((s) => {
        const m = s.querySelector("img, video");
        return !m || (m.tagName === "IMG" ? m.complete && m.naturalWidth > 0 : m.readyState >= 2);
      });
    }, n, { timeout: 10000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(200);
}

async function shoot(browser, url, name, out, contextOptions) {
  for (const [size, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    const page = await load(browser, url, { viewport, contextOptions: { deviceScaleFactor: 1, timezoneId: "UTC", ...contextOptions } });
    await mediaShown(page);
    await page.screenshot({ path: join(out, `${name}-${size}.png`), fullPage: true });
    await page.done();
  }
}

/** The colours and box of the nth widget. */
const look = (page, widget = 0) =>
  inWidget(page, (root) => {
    const lede = getComputedStyle(root.querySelector(".lede"));
    return {
      text: getComputedStyle(root.querySelector("h1") ?? root.querySelector(".label")).color,
      background: lede.backgroundColor,
      padding: parseFloat(lede.paddingTop),
    };
  }, null, widget);

/** Tabs until a slide of the first widget has focus. */
async function tabToSlide(page) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const on = await page.evaluate(() => document.querySelector("[data-lede]").shadowRoot.activeElement?.classList.contains("tile") ?? false);
    if (on) return;
  }
  throw new Error("Tab never reached a slide");
}

export const tests = [
  {
    name: "a page's root font size (10px, 62.5%) changes none of the widget's sizes",
    async run({ browser, publisher, out }) {
      const measure = async (file, viewport) => {
        const page = await load(browser, `${publisher}/${file}`, { viewport });
        const got = await sizes(page);
        await page.done();
        return got;
      };
      for (const viewport of [PHONE, DESKTOP]) {
        const want = await measure("plain.html", viewport);
        // The base is the reader's default font size, 16 px here.
        assert.equal(want.paragraph, "18px");
        assert.equal(want.tile, 240);
        for (const file of ["root-10px.html", "root-percent.html"]) {
          const got = await measure(file, viewport);
          console.log(`     ${file} at ${viewport.width} px: paragraph ${got.paragraph}, headline ${got.headline}, tile ${got.tile} px, thumb ${got.thumb} px, next button ${got.button} px`);
          assert.deepEqual(got, want, `${file} at ${viewport.width} px`);
        }
      }
      // Checked by axe too, and seen at both widths.
      const page = await load(browser, `${publisher}/root-10px.html`);
      assert.deepEqual(await axe(page), []);
      await page.done();
      await shoot(browser, `${publisher}/root-10px.html`, "root-10px", out, { colorScheme: "light" });
    },
  },
  {
    name: "the base size is the reader's default font size, not the page's",
    async run({ browser, publisher }) {
      // A reader who set a 20 px default font in the browser's settings.
      const page = await open(browser, null);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: 20 } });
      await page.goto(`${publisher}/root-10px.html`);
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related"), "ready");
      const got = await sizes(page);
      assert.equal(got.paragraph, "22.5px", "1.125 × 20 px");
      assert.equal(got.tile, 300, "15 × 20 px");
      await page.done();
    },
  },
  {
    name: "a dark-mode reader on a page without a dark mode: light, no background of its own",
    async run({ browser, publisher, out }) {
      const page = await load(browser, `${publisher}/scheme-none.html`, { contextOptions: { colorScheme: "dark" } });
      assert.deepEqual(await look(page, 0), { text: LIGHT_TEXT, background: NONE, padding: 0 }, "auto follows the page: light");
      const dark = await look(page, 1);
      assert.deepEqual([dark.text, dark.background], [DARK_TEXT, DARK_BG], "data-theme=dark forces dark, on its own background");
      assert.ok(dark.padding > 0, "with room around it");
      const themed = await look(page, 2);
      assert.deepEqual([themed.text, themed.background], [LIGHT_TEXT, "rgb(255, 251, 230)"], "--lede-color-bg is painted");
      assert.ok(themed.padding > 0, "and padded: text does not touch its edge");
      // The label starts inside the painted box, not on its edge.
      const inset = await inWidget(page, (root) => root.querySelector("h1").getBoundingClientRect().left - root.querySelector(".lede").getBoundingClientRect().left, null, 2);
      assert.ok(inset >= 16, `headline inset ${inset} px`);
      assert.deepEqual(await axe(page), []);
      await page.done();
      await shoot(browser, `${publisher}/scheme-none.html`, "dark-reader-light-page", out, { colorScheme: "dark" });
    },
  },
  {
    name: "a page declaring color-scheme: light dark is dark for dark-mode readers (CSS and meta)",
    async run({ browser, publisher, out }) {
      for (const file of ["scheme-light-dark.html", "scheme-meta.html"]) {
        const page = await load(browser, `${publisher}/${file}`, { contextOptions: { colorScheme: "dark" } });
        assert.deepEqual(await look(page, 0), { text: DARK_TEXT, background: NONE, padding: 0 }, `${file}: dark, on the page's own background`);
        const h1 = await inWidget(page, (root) => getComputedStyle(root.querySelector("h1")).color);
        assert.equal(h1, DARK_TEXT);
        if (file === "scheme-light-dark.html") {
          const light = await look(page, 1);
          assert.deepEqual([light.text, light.background], [LIGHT_TEXT, "rgb(255, 255, 255)"], "data-theme=light forces light, on its own background");
          assert.ok(light.padding > 0);
        }
        assert.deepEqual(await axe(page), [], file);
        await page.done();
        // A light-mode reader on the same page gets light.
        const day = await load(browser, `${publisher}/${file}`, { contextOptions: { colorScheme: "light" } });
        assert.deepEqual(await look(day, 0), { text: LIGHT_TEXT, background: NONE, padding: 0 }, `${file}: light for a light-mode reader`);
        assert.deepEqual(await axe(day), [], `${file}, light`);
        await day.done();
      }
      await shoot(browser, `${publisher}/scheme-light-dark.html`, "dark-reader-dark-page", out, { colorScheme: "dark" });
    },
  },
  {
    name: "a keyboard-focused tile is ringed in the accent colour, in both schemes",
    async run({ browser, publisher, out }) {
      for (const [file, colorScheme, accent] of [["plain.html", "light", LIGHT_ACCENT], ["scheme-light-dark.html", "dark", DARK_ACCENT]]) {
        const page = await load(browser, `${publisher}/${file}`, { contextOptions: { colorScheme } });
        await tabToSlide(page);
        const ring = await inWidget(page, (root) => {
          const tile = root.activeElement;
          const after = getComputedStyle(tile.querySelector(".thumb"), "::after");
          return {
            focusVisible: tile.matches(":focus-visible"),
            outline: [after.outlineStyle, after.outlineWidth, after.outlineColor],
            accent: getComputedStyle(root.querySelector(".head")).borderTopColor,
            // The ring is drawn above the picture, not under it.
            over: after.position === "absolute" && after.content !== "none",
          };
        });
        assert.deepEqual(ring, { focusVisible: true, outline: ["solid", "3px", accent], accent, over: true }, file);
        await mediaShown(page);
        const slide = page.locator("[data-lede-slide]").first();
        await slide.screenshot({ path: join(out, `focus-ring-${colorScheme}.png`) });
        await page.done();
      }
    },
  },
];
