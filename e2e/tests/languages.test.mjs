// The widget speaks the page's language (issue 15): its own words, its
// direction and its numbers by the `lang` tag, the publisher's own words
// over them; axe-core on the Persian widget; screenshots of the Persian and
// French widgets in e2e/out/.
import { createRequire } from "node:module";
import { join } from "node:path";
import { assert, open, settled, sleep } from "../lib.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

/** What each widget on the page says and which way it runs. */
/** The code's origin: where lede.js came from. */
const cdnOf = (page) => new URL(page.__lede).origin;

const facts = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("[data-lede]")].map((host) => {
      const r = host.shadowRoot;
      const root = r.querySelector("[data-lede-root]");
      const section = r.querySelector("section[data-lede-related]");
      const slides = [...r.querySelectorAll("[data-lede-slide]")];
      const video = r.querySelector("[data-lede-slide][data-media=video]");
      const [a, b] = slides.map((s) => s.getBoundingClientRect());
      return {
        lang: root.getAttribute("lang"),
        dir: root.getAttribute("dir"),
        direction: getComputedStyle(section).direction,
        firstRightOfSecond: a.left > b.left,
        heading: section.querySelector("h2").textContent,
        label: section.getAttribute("aria-label"),
        previous: r.querySelector("[data-lede-prev]").getAttribute("aria-label"),
        next: r.querySelector("[data-lede-next]").getAttribute("aria-label"),
        slide: slides[0].getAttribute("aria-label"),
        last: slides.at(-1).getAttribute("aria-label"),
        video: video.querySelector(".visually-hidden").textContent.trim(),
        play: video.querySelector("button").getAttribute("aria-label"),
        dateline: r.querySelector("time")?.textContent ?? null,
      };
    }),
  );

/** Waits for the four widgets' related sections to settle, in page order.
 * A widget waiting for its words file starts when the file comes, and by
 * then the widgets above it may have pushed it farther than a viewport and
 * a half below the viewport (lazy start parks it): such a one is scrolled
 * to first, as a reader would; one nearer must settle by itself. Returns
 * their states. */
const relatedSettled = async (page) => {
  const states = [];
  for (const widget of [0, 1, 2, 3]) {
    await page.evaluate((n) => {
      const host = document.querySelectorAll("[data-lede]")[n];
      if (host.getBoundingClientRect().top > 2.5 * innerHeight) host.scrollIntoView();
    }, widget);
    states.push(await settled(page, "related", { widget }));
  }
  await page.evaluate(() => scrollTo(0, 0));
  return states;
};

export const tests = [
  {
    name: "French, Persian, Hebrew and Urdu widgets: words, numbers and direction by language",
    async run({ browser, publisher, out }) {
      const page = await open(browser, `${publisher}/languages.html`, {
        viewport: { width: 1000, height: 900 },
        contextOptions: { deviceScaleFactor: 1, colorScheme: "light", timezoneId: "UTC" },
        before: (p) => p.on("request", (r) => { if (r.url().endsWith("/lede.js")) p.__lede = r.url(); }),
      });
      assert.deepEqual(await relatedSettled(page), ["ready", "ready", "ready", "ready"]);
      for (const widget of [0, 1]) assert.equal(await settled(page, "article", { widget }), "ready");
      const [fr, fa, he, ur] = await facts(page);

      const { dateline: frDate, ...frWords } = fr;
      assert.deepEqual(frWords, {
        lang: "fr-CA", dir: "ltr", direction: "ltr", firstRightOfSecond: false,
        heading: "À lire aussi dans Le Méridien", label: "À lire aussi dans Le Méridien",
        previous: "Articles précédents", next: "Suite",
        slide: "1 sur 8", last: "8 sur 8", video: "Vidéo:", play: "Lire la vidéo",
      });
      assert.match(frDate, /août 2016/, "a French dateline");

      const { dateline: faDate, ...faWords } = fa;
      assert.deepEqual(faWords, {
        lang: "fa", dir: "rtl", direction: "rtl", firstRightOfSecond: true,
        heading: "خبرهای مرتبط", label: "خبرهای مرتبط",
        previous: "خبرهای قبلی", next: "خبرهای بعدی",
        slide: "۱ از ۸", last: "۸ از ۸", video: "ویدیو:", play: "پخش ویدیو",
      });
      assert.match(faDate, /[۰-۹]/, "a Persian dateline, in Persian digits");

      assert.deepEqual(he, {
        lang: "he-IL", dir: "rtl", direction: "rtl", firstRightOfSecond: true,
        heading: "כתבות קשורות", label: "כתבות קשורות",
        previous: "הכתבות הקודמות", next: "הכתבות הבאות",
        slide: "1 מתוך 8", last: "8 מתוך 8", video: "וידאו:", play: "הפעלת הסרטון", dateline: null,
      });

      // Urdu words, but the publisher's dir="ltr" wins over the language.
      assert.deepEqual(
        [ur.dir, ur.direction, ur.firstRightOfSecond, ur.heading, ur.slide],
        ["ltr", "ltr", false, "متعلقہ خبریں", "8 میں سے 1"],
      );

      // Each language's words came once, from the file lede.js preloaded
      // (an unused preload would be a second entry, and a warning).
      const words = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.includes("/words/")));
      assert.deepEqual(words.map((n) => n.replace(/^.*\/words\//, "")).sort(), ["fa.txt", "fr.txt", "he.txt", "ur.txt"]);
      assert.ok(words.every((n) => n.startsWith(cdnOf(page))), `beside the code: ${words.join(" ")}`);

      // The misspelt key is named on the console, once; nothing else is.
      const warnings = page.messages.filter((m) => m.type === "warning" && m.text.startsWith("lede: ")).map((m) => m.text);
      assert.equal(warnings.length, 1, warnings.join("\n"));
      assert.equal(warnings[0], "lede: data-text-colour is not used: unknown key");

      // Screenshots, each carousel brought into view as a reader would,
      // with its visible slides' pictures painted.
      for (const [n, name] of [[0, "lang-fr.png"], [1, "lang-fa.png"]]) {
        const host = page.locator("[data-lede]").nth(n);
        await host.locator("section[data-lede-related]").scrollIntoViewIfNeeded();
        await page.mouse.wheel(0, 50);
        await page.waitForFunction((i) => {
          const root = document.querySelectorAll("[data-lede]")[i].shadowRoot;
          const track = root.querySelector(".track").getBoundingClientRect();
          const shown = [...root.querySelectorAll("[data-lede-slide]")].filter((s) => {
            const r = s.getBoundingClientRect();
            return r.left < track.right && r.right > track.left;
          });
          return shown.length > 0 && shown.every((s) => {
            const m = s.querySelector("img, video");
            return m && (m.tagName === "IMG" ? m.complete && m.naturalWidth > 0 : m.readyState >= 2);
          });
        }, n, { timeout: 10000 });
        await host.screenshot({ path: join(out, name) });
      }
      await page.done();
    },
  },
  {
    name: "axe-core finds no violation on the Persian page",
    async run({ browser, publisher }) {
      for (const colorScheme of ["light", "dark"]) {
        const page = await open(browser, `${publisher}/languages.html`, { contextOptions: { colorScheme } });
        assert.deepEqual(await relatedSettled(page), ["ready", "ready", "ready", "ready"]);
        assert.equal(await settled(page, "article", { widget: 1 }), "ready");
        await page.evaluate(() => document.querySelectorAll("[data-lede]")[1].shadowRoot.querySelector("section").scrollIntoView());
        await page.mouse.wheel(0, 40);
        await sleep(400);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ["violations"] });
          return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" > ")).join(", ")})`);
        });
        assert.deepEqual(violations, [], colorScheme);
        await page.done();
      }
    },
  },
  {
    name: "words beside the code: a language's file out of reach gives English words and a console line; a new lang fetches its words",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/languages.html`, {
        allow: [/Failed to load resource/],
        before: (p) => p.route("**/words/fa.txt", (r) => r.abort()),
      });
      assert.deepEqual(await relatedSettled(page), ["ready", "ready", "ready", "ready"]);
      const [fr, fa] = await facts(page);
      assert.equal(fr.previous, "Articles précédents", "the others keep their words");
      assert.deepEqual(
        [fa.heading, fa.previous, fa.play, fa.direction],
        ["Related stories", "Previous stories", "Play video", "rtl"],
        "English words, laid out by the page's language",
      );
      const warnings = page.messages.filter((m) => m.type === "warning" && m.text.includes("/words/")).map((m) => m.text);
      assert.equal(warnings.length, 1, warnings.join("\n"));
      assert.match(warnings[0], /^lede: the words at http:\/\/[^ ]+\/words\/fa\.txt: could not be fetched; English instead$/);

      // The Hebrew widget's page turns German: its words come, once.
      await page.evaluate(() => document.querySelectorAll("[data-lede]")[2].setAttribute("lang", "de-AT"));
      await page.waitForFunction(() => document.querySelectorAll("[data-lede]")[2].shadowRoot.querySelector("section h2")?.textContent === "Mehr zum Thema", null, { timeout: 10000 });
      const [, , de] = await facts(page);
      assert.deepEqual([de.dir, de.previous, de.slide], ["ltr", "Vorherige Artikel", "1 von 8"]);
      const fetched = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/words/de.txt")).length);
      assert.equal(fetched, 1);
      await page.done();
    },
  },
  {
    name: "a words file that failed is tried again: a Persian widget mounted ten seconds later brings the Persian words, for both",
    async run({ browser, publisher }) {
      // fa.txt is out of reach (the preload and the widget's fetch fail),
      // then back.
      let failing = true;
      let asked = 0;
      const page = await open(browser, `${publisher}/languages.html`, {
        allow: [/Failed to load resource/],
        before: async (p) => {
          p.on("request", (r) => { if (r.url().endsWith("/lede.js")) p.__lede = r.url(); });
          await p.route("**/words/fa.txt", (r) => {
            asked++;
            return failing ? r.abort() : r.continue();
          });
        },
      });
      assert.deepEqual(await relatedSettled(page), ["ready", "ready", "ready", "ready"]);
      assert.equal((await facts(page))[1].heading, "Related stories", "English at first");
      // Soon after the failure, a new Persian widget speaks English too, and
      // the file is not asked for again at once.
      const add = (id) => page.evaluate(([i, cdn]) => {
        const el = document.createElement("div");
        el.id = i;
        el.setAttribute("data-lede", "");
        el.setAttribute("lang", "fa");
        el.setAttribute("data-related-src", `${cdn}/api/related/1855600.json`);
        el.setAttribute("data-media-base", `${cdn}/media`);
        // Far down the page by now: it starts at once all the same.
        el.setAttribute("data-loading", "eager");
        document.body.append(el);
      }, [id, cdnOf(page)]);
      const before = asked;
      await add("soon");
      await page.waitForFunction(() => document.getElementById("soon").shadowRoot?.querySelector("section[data-state=ready]"), null, { timeout: 5000 });
      assert.equal((await facts(page))[4].heading, "Related stories");
      assert.equal(asked, before, "not asked for again at once");
      failing = false;
      // Ten seconds on, the next Persian widget asks again: the words come,
      // and every Persian widget speaks them. The skeleton has its heading
      // too, so the wait is for the ready section (its slides are read next).
      await sleep(10_500);
      await add("later");
      await page.waitForFunction(() => ["soon", "later"].every((id) => document.getElementById(id).shadowRoot?.querySelector("section[data-state=ready] h2")?.textContent === "خبرهای مرتبط"), null, { timeout: 5000 });
      assert.equal((await facts(page))[1].heading, "خبرهای مرتبط", "the page's first Persian widget too");
      assert.equal(asked, before + 1, "asked once more");
      await page.done();
    },
  },
];
