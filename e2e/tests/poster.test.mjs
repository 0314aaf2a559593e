// Video posters (issue 16): with data-poster-template or an item's own
// `poster`, a video tile near view costs its poster image, and not a byte of
// video, until the reader shows intent; then it loads and plays as before.
import { assert, open, settled, inWidget, addWidget, sleep } from "../lib.mjs";

/** The paths under /gen/ the server was asked for, in order. */
async function media(origin) {
  const log = await (await fetch(`${origin}/__log`)).json();
  return log.map((e) => e.path).filter((p) => p.startsWith("/gen/"));
}

/** Each video of the first widget: its poster, src and preload. */
const videos = (page) =>
  inWidget(page, (root) => [...root.querySelectorAll("[data-media=video] video")].map((v) => ({
    poster: v.getAttribute("poster"), src: v.getAttribute("src"), preload: v.preload,
  })));

const playing = (page, n) =>
  page.waitForFunction((i) => {
    const v = document.querySelector("[data-lede]").shadowRoot.querySelectorAll("[data-media=video] video")[i];
    return v && !v.paused && v.currentTime > 0;
  }, n, { timeout: 8000 });

export const tests = [
  {
    name: "data-poster-template: near videos fetch their posters and no video byte; hover loads and plays the one reached for",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/pages/blank.html`);
      await addWidget(page, { "data-related-src": `${origin}/fault/many-40`, "data-media-base": origin, "data-poster-template": "{path}.jpg" });
      assert.equal(await settled(page, "related"), "ready");
      await sleep(2000);
      const before = await media(origin);
      const posters = before.filter((p) => /^\/gen\/\d*[13579]\.jpg$/.test(p));
      assert.ok(posters.includes("/gen/1.jpg"), `the first video's poster is requested: ${before}`);
      assert.deepEqual(before.filter((p) => p.includes(".mp4")), [], "no video is requested before intent");
      const shown = (await videos(page)).filter((v) => v.poster);
      assert.ok(shown.length >= 2, JSON.stringify(await videos(page)));
      assert.ok(shown.every((v) => v.src === null && v.preload === "none"), JSON.stringify(shown));
      assert.equal(shown[0].poster, `${origin}/gen/1.jpg`);
      // Intent: the pointer on the first video tile.
      await page.locator("[data-media=video]").first().hover();
      await playing(page, 0);
      const after = await media(origin);
      assert.deepEqual(after.filter((p) => p.includes(".mp4")).map((p) => p.split("?")[0]).filter((p, i, a) => a.indexOf(p) === i), ["/gen/1.mp4"], "only the video reached for loads");
      assert.equal((await videos(page))[0].poster, `${origin}/gen/1.jpg`, "its poster stays");
      await page.mouse.move(5, 5);
      await sleep(200);
      assert.equal(await inWidget(page, (root) => root.querySelector("[data-media=video] video").paused), true, "leaving pauses");
      await page.done();
    },
  },
  {
    name: "an item's own poster wins over the template, an unusable one falls back to it, an image's is ignored",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/pages/blank.html`);
      await addWidget(page, { "data-related-src": `${origin}/fault/posters`, "data-media-base": origin, "data-poster-template": "{path}.jpg" });
      assert.equal(await settled(page, "related"), "ready");
      await sleep(1500);
      assert.deepEqual((await videos(page)).map((v) => [v.poster, v.src]), [
        [`${origin}/gen/own-1.jpg`, null],
        [`${origin}/gen/3.jpg`, null],
        [`${origin}/gen/5.jpg`, null],
      ]);
      const asked = await media(origin);
      for (const p of ["/gen/own-1.jpg", "/gen/3.jpg", "/gen/5.jpg", "/gen/6.jpg"]) assert.ok(asked.includes(p), `${p} in ${asked}`);
      for (const p of ["/gen/1.jpg", "/gen/own-6.jpg"]) assert.ok(!asked.includes(p), `${p} is not asked for: ${asked}`);
      assert.ok(asked.every((p) => !p.includes(".mp4")), `no video yet: ${asked}`);
      // The play button asks for the video, with its query.
      await page.locator("[data-media=video] button.play").nth(1).click();
      await playing(page, 1);
      assert.ok((await media(origin)).includes("/gen/3.mp4?v=2"));
      await page.done();
    },
  },
  {
    name: "reduced motion: the poster shows, hover and focus load nothing, the play button plays",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/pages/blank.html`, { contextOptions: { reducedMotion: "reduce" } });
      await addWidget(page, { "data-related-src": `${origin}/fault/posters`, "data-media-base": origin });
      assert.equal(await settled(page, "related"), "ready");
      await page.locator("[data-media=video] a").first().hover();
      await page.locator("[data-media=video] a").first().focus();
      await sleep(800);
      const first = (await videos(page))[0];
      assert.deepEqual(first, { poster: `${origin}/gen/own-1.jpg`, src: null, preload: "none" });
      // Without a template, the items without a usable poster of their own show their first frame.
      assert.deepEqual((await videos(page)).slice(1).map((v) => v.preload), ["metadata", "metadata"]);
      assert.ok(!(await media(origin)).includes("/gen/1.mp4"));
      await page.locator("[data-media=video] button.play").first().click();
      await playing(page, 0);
      await page.done();
    },
  },
  {
    name: "data-poster-template is live: set on a mounted widget, the slides are made again with posters, the feed not refetched; without {path} it is a misconfiguration",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/pages/blank.html`);
      let feeds = 0;
      page.on("request", (r) => { if (r.url().includes("/fault/many-40")) feeds++; });
      await addWidget(page, { "data-related-src": `${origin}/fault/many-40`, "data-media-base": origin });
      assert.equal(await settled(page, "related"), "ready");
      await sleep(1000);
      assert.ok((await videos(page)).some((v) => v.src && v.preload === "metadata" && !v.poster), "no template: first frames");
      await page.evaluate(() => document.querySelector("[data-lede]").setAttribute("data-poster-template", "{path}.jpg"));
      await page.waitForFunction(() => document.querySelector("[data-lede]").shadowRoot.querySelector("[data-media=video] video[poster]"), null, { timeout: 3000 });
      const now = (await videos(page)).filter((v) => v.poster);
      assert.ok(now.length >= 1 && now.every((v) => v.src === null && v.preload === "none"), JSON.stringify(now));
      assert.equal(feeds, 1, "the feed is not fetched again");
      await page.evaluate(() => {
        window.__errors = [];
        document.addEventListener("lede:error", (e) => window.__errors.push(e.detail.section));
        document.querySelector("[data-lede]").setAttribute("data-poster-template", "/posters/x.jpg");
      });
      await page.waitForFunction(() => document.querySelector("[data-lede]").shadowRoot.querySelector("[role=alert]"), null, { timeout: 3000 });
      assert.deepEqual(await page.evaluate(() => window.__errors), ["config"]);
      assert.ok(page.messages.some((m) => m.text.includes("data-poster-template needs {path}")), "the console names the attribute");
      await page.done();
    },
  },
];
