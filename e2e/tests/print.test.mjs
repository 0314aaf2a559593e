// Printing a page with widgets (print media emulated, then a real PDF): the
// article prints whole; the carousel's buttons and play badges do not
// print; a carousel that holds its whole feed (up to 50 stories) prints as
// a list of every title, without picture boxes, nothing cut at the page's
// edge; one with more (only a window of slides is in the DOM) does not
// print at all.
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, open, settled, addWidget } from "../lib.mjs";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "..", process.env.LEDE_DIST ?? "dist");

/** What widget `id` shows, as laid out now (for screen or print). */
function look(page, id) {
  return page.evaluate((i) => {
    const host = document.getElementById(i);
    const root = host.shadowRoot;
    const shown = (el) => !!el && getComputedStyle(el).display !== "none" && el.getClientRects().length > 0 && el.getBoundingClientRect().height > 0;
    const page = document.documentElement.clientWidth;
    const article = root.querySelector("article");
    const section = root.querySelector("section[data-lede-related]");
    const slides = [...root.querySelectorAll("[data-lede-slide]")];
    return {
      host: host.getBoundingClientRect().height,
      article: article && {
        shown: shown(article),
        clipped: article.scrollHeight > article.clientHeight + 1,
        headline: shown(article.querySelector("h1")) ? article.querySelector("h1").innerText : null,
        paragraphs: [...article.querySelectorAll(".body p")].filter(shown).map((p) => p.innerText),
      },
      related: section && {
        shown: shown(section),
        // Every control and badge: whether it is rendered (the buttons are
        // hidden with their container, the badges themselves).
        controls: [...root.querySelectorAll("button[data-lede-prev], button[data-lede-next], .play")].map((b) => (b.checkVisibility() ? "rendered" : "none")),
        pictures: [...root.querySelectorAll(".thumb")].filter(shown).length,
        titles: slides.filter(shown).map((s) => s.querySelector(".title").innerText.trim()),
        outside: slides.filter(shown).map((s) => s.getBoundingClientRect()).filter((r) => r.left < -0.5 || r.right > page + 0.5).length,
        inOrder: slides.map((s) => s.getBoundingClientRect().top).every((t, k, all) => k === 0 || t > all[k - 1]),
      },
    };
  }, id);
}

export const tests = [
  {
    name: "print: the article whole, no buttons or play badges, up to 50 related stories as a list of every title without pictures or cut slides, more than 50 not at all; page.pdf() works",
    async run({ browser, origin }) {
      const article = JSON.parse(await readFile(join(dist, "api/article/1855600.json"), "utf8"));
      const seed = JSON.parse((await readFile(join(dist, "api/related/1855600.json"), "utf8")).replace(/^string\(\d+\) "/, "").replace(/"\s*$/, ""));
      const forty = Array.from({ length: 40 }, (_, i) => `Generated story number ${i + 1}`);
      for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
        const page = await open(browser, `${origin}/pages/blank.html`, { viewport });
        await addWidget(page, { id: "demo", "data-article-src": `${origin}/api/article/1855600.json`, "data-related-src": `${origin}/api/related/1855600.json`, "data-media-base": `${origin}/media` });
        await addWidget(page, { id: "forty", "data-related-src": `${origin}/fault/many-40` });
        await addWidget(page, { id: "sixty", "data-related-src": `${origin}/fault/many-60` });
        for (let i = 0; i < 3; i++) assert.equal(await settled(page, "related", { widget: i }), "ready");
        // On screen: a carousel, with its buttons, badges and pictures.
        const screen = await look(page, "forty");
        assert.ok(screen.related.controls.every((d) => d !== "none") && screen.related.controls.length >= 3, `screen: buttons and badges show (${screen.related.controls})`);
        assert.ok(screen.related.pictures > 0, "screen: pictures");
        assert.ok((await look(page, "sixty")).related.shown, "screen: the 60-story carousel shows");

        await page.emulateMedia({ media: "print" });
        const demo = await look(page, "demo");
        assert.deepEqual(demo.article, { shown: true, clipped: false, headline: article.title, paragraphs: article.body }, `${viewport.width}px: the article prints whole`);
        for (const [id, titles] of [["demo", seed.map((s) => s.title)], ["forty", forty]]) {
          const { related } = id === "demo" ? demo : await look(page, id);
          assert.ok(related.shown, `${viewport.width}px ${id}: the related stories print`);
          assert.ok(related.controls.length > 0 && related.controls.every((d) => d === "none"), `${viewport.width}px ${id}: no button or play badge prints (${related.controls})`);
          assert.equal(related.pictures, 0, `${viewport.width}px ${id}: no picture box prints`);
          assert.deepEqual(related.titles, titles, `${viewport.width}px ${id}: every title, in order`);
          assert.equal(related.outside, 0, `${viewport.width}px ${id}: no slide reaches past the page's edge`);
          assert.ok(related.inOrder, `${viewport.width}px ${id}: one story under the other`);
        }
        const sixty = await look(page, "sixty");
        assert.equal(sixty.related.shown, false, `${viewport.width}px: a carousel of more than 50 stories does not print`);
        assert.equal(sixty.host, 0, `${viewport.width}px: nothing of it prints (its host is ${sixty.host} px tall)`);
        const pdf = await page.pdf({ printBackground: true });
        assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
        console.log(`     (${viewport.width}px: a PDF of ${(pdf.length / 1024).toFixed(0)} KB)`);
        await page.done();
      }
    },
  },
];
