// Mixed scripts: every text from a feed takes its own direction (dir=auto),
// whatever the widget's. Measured from where the characters are painted
// (a Range around each character inside the shadow root): a text ending in
// "!" (a neutral character, which goes where its paragraph's direction puts
// the end) shows the "!" at the left end when it is Arabic, at the right end
// when it is English, in an English (ltr) and in an Arabic (rtl) widget.
// The feeds are the server's /fixture/ ones (e2e/server.mjs).
import { assert, open, settled, addWidget } from "../lib.mjs";

/** Where the last "!" of each element matching `selector` in widget `id` is
 * painted, among the characters of its line: "left", "right" or "middle";
 * with the text as painted (the visually hidden words left out). */
function bangs(page, id, selector) {
  return page.evaluate(([i, sel]) => {
    const root = document.getElementById(i).shadowRoot;
    return [...root.querySelectorAll(sel)].map((el) => {
      const chars = [];
      let painted = "";
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest(".visually-hidden")) continue;
        const text = node.data;
        painted += text;
        for (let k = 0; k < text.length; k++) {
          // One character (a surrogate pair is two code units).
          const end = text.codePointAt(k) > 0xffff ? k + 2 : k + 1;
          const range = document.createRange();
          range.setStart(node, k);
          range.setEnd(node, end);
          const r = range.getBoundingClientRect();
          if (r.width > 0 && text.slice(k, end).trim()) chars.push({ c: text.slice(k, end), left: r.left, right: r.right, mid: (r.top + r.bottom) / 2 });
          k = end - 1;
        }
      }
      const text = painted.replace(/\s+/g, " ").trim();
      const bang = chars.findLast((c) => c.c === "!");
      // The direction the element resolved to.
      const resolved = el.matches(":dir(rtl)") ? "rtl" : "ltr";
      if (!bang) return { text, resolved, at: "none" };
      // The other characters on the "!"'s line.
      const line = chars.filter((c) => c !== bang && Math.abs(c.mid - bang.mid) < 4);
      if (!line.length) return { text, resolved, at: "alone" };
      const left = bang.left <= Math.min(...line.map((c) => c.left)) + 0.5;
      const right = bang.right >= Math.max(...line.map((c) => c.right)) - 0.5;
      return { text, resolved, at: left ? "left" : right ? "right" : "middle" };
    });
  }, [id, selector]);
}

/** An English page (lang=en) with an English widget of Arabic texts and an
 * Arabic widget (lang=ar, so right to left) of English texts. */
async function twoWidgets(browser, origin) {
  const page = await open(browser, `${origin}/pages/blank.html`);
  await addWidget(page, { id: "english", "data-article-src": `${origin}/fixture/article-arabic.json`, "data-related-src": `${origin}/fixture/related-arabic.json`, "data-media-base": `${origin}/media` });
  await addWidget(page, { id: "arabic", lang: "ar", "data-article-src": `${origin}/fixture/article-english.json`, "data-related-src": `${origin}/fixture/related-english.json`, "data-media-base": `${origin}/media` });
  for (let i = 0; i < 2; i++) {
    assert.equal(await settled(page, "article", { widget: i }), "ready");
    assert.equal(await settled(page, "related", { widget: i }), "ready");
  }
  assert.deepEqual(await page.evaluate(() => ["english", "arabic"].map((id) => document.getElementById(id).shadowRoot.querySelector("[data-lede-root]").getAttribute("dir"))), ["ltr", "rtl"]);
  return page;
}

const at = (list) => list.map(({ text, at: where }) => `${where}: ${text}`);

export const tests = [
  {
    name: "mixed scripts: an Arabic headline, paragraph and tile title ending in \"!\" show it at the left in an English widget; English ones at the right in an Arabic widget",
    async run({ browser, origin }) {
      const page = await twoWidgets(browser, origin);
      // English widget (ltr), Arabic texts: the "!" at the left end. Its
      // English paragraph and title keep it at the right.
      assert.deepEqual(at(await bangs(page, "english", "h1")), ["left: فوز كبير في المباراة!"], "an Arabic headline in an English widget");
      assert.deepEqual(at(await bangs(page, "english", ".body p")), ["left: انتهت المباراة بفوز كبير للفريق!", "right: A paragraph in English!"], "its paragraphs");
      const english = await bangs(page, "english", "[data-lede-slide][data-media=image] .title");
      assert.deepEqual(at(english), ["left: فوز كبير في المباراة!", "right: A title in English!"], "its image tiles' titles");
      // Arabic widget (rtl), English texts: the "!" at the right end. Its
      // Arabic paragraph and title keep it at the left.
      assert.deepEqual(at(await bangs(page, "arabic", "h1")), ["right: A big win at the match!"], "an English headline in an Arabic widget");
      assert.deepEqual(at(await bangs(page, "arabic", ".body p")), ["right: The match ended in a big win for the team!", "left: فقرة بالعربية!"], "its paragraphs");
      const arabic = await bangs(page, "arabic", "[data-lede-slide][data-media=image] .title");
      assert.deepEqual(at(arabic), ["right: A big win at the match!", "left: عنوان بالعربية!"], "its image tiles' titles");
      await page.done();
    },
  },
  {
    name: "mixed scripts: a video tile's title takes the direction of the feed's title, not of the \"Video\" said before it to screen readers",
    async run({ browser, origin }) {
      const page = await twoWidgets(browser, origin);
      // The title's element starts with "Video: " in the widget's language
      // (visually hidden): dir=auto on the element reads that first.
      const english = await bangs(page, "english", "[data-lede-slide][data-media=video] .title");
      const arabic = await bangs(page, "arabic", "[data-lede-slide][data-media=video] .title");
      assert.deepEqual(
        { english: at(english), arabic: at(arabic) },
        { english: ["left: أمطار غزيرة في المدينة!"], arabic: ["right: Heavy rain in the city!"] },
        `an Arabic video title in an English widget, an English one in an Arabic widget (their elements resolved to ${english.map((b) => b.resolved)} and ${arabic.map((b) => b.resolved)})`,
      );
      await page.done();
    },
  },
];
