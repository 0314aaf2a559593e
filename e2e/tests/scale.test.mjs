// Many widgets (issue 13 item 7): 200 widgets in a page's HTML mount and
// render without freezing the page. They are eager (`data-loading="eager"`),
// the worst case: lazily, only the ones near view start (the last test). No task and no animation frame over
// 250 ms, and the page's own timer is never a second late, from lede.js's
// first line until every widget's two sections are ready.
import { assert, open } from "../lib.mjs";

const COUNT = 200;

/** Before any of the page's scripts: long tasks, long animation frames, a
 * 50 ms page timer's worst lateness, and the time each section got ready. */
function watch() {
  const w = (window.__scale = { longest: 0, frame: 0, frames: [], loaf: false, late: 0, lateAt: 0, ready: 0, readyAt: 0, errors: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
  if (PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")) {
    w.loaf = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.frame = Math.max(w.frame, e.duration);
        w.frames.push({
          start: Math.round(e.startTime),
          duration: Math.round(e.duration),
          render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0),
          style: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0),
          scripts: e.scripts.map((s) => `${s.invoker || s.invokerType} ${Math.round(s.duration)} ms`),
        });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  }
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last - 50 > w.late) {
      w.late = now - last - 50;
      w.lateAt = now;
    }
    last = now;
  }, 50);
  document.addEventListener("lede:ready", () => {
    w.ready++;
    w.readyAt = performance.now();
  });
  document.addEventListener("lede:error", () => w.errors++);
}

/** Prints the `n` longest animation frames and the scripts in them, so
 * that a failure says where the time went. */
function tellLongest(frames, n) {
  const worst = [...frames].sort((a, b) => b.duration - a.duration).slice(0, n);
  for (const f of worst) console.log(`       frame at ${f.start} ms: ${f.duration} ms (style and layout ${f.style} ms, render ${f.render} ms); ${f.scripts.join(", ")}`);
}

export const tests = [
  {
    name: `${COUNT} widgets in the page's HTML: no task or frame over 250 ms, the page's timer never a second late`,
    async run({ browser, publisher }) {
      const page = await open(browser, null, { before: (p) => p.addInitScript(watch) });
      await page.goto(`${publisher}/many.html?n=${COUNT}&eager`);
      // Every widget's two sections: 2 × COUNT lede:ready (or lede:error) events.
      await page.waitForFunction((n) => window.__scale.ready + window.__scale.errors >= n, 2 * COUNT, { timeout: 60000, polling: 250 });
      const states = await page.evaluate(() => [...document.querySelectorAll("[data-lede]")].map((h) => [
        h.shadowRoot?.querySelector("article[data-lede-article]")?.getAttribute("data-state"),
        h.shadowRoot?.querySelector("section[data-lede-related]")?.getAttribute("data-state"),
      ].join("/")));
      assert.equal(states.length, COUNT);
      assert.deepEqual([...new Set(states)], ["ready/ready"], "every widget's both sections are ready");
      // A few more timer ticks after the last section, for the last frames.
      await page.waitForTimeout(300);
      const w = await page.evaluate(() => window.__scale);
      console.log(`     ${COUNT} widgets: all ready at ${Math.round(w.readyAt)} ms; longest task ${Math.round(w.longest)} ms, longest animation frame ${w.loaf ? `${Math.round(w.frame)} ms` : "(not supported)"}, worst timer lateness ${Math.round(w.late)} ms (at ${Math.round(w.lateAt)} ms), ${w.frames.length} frames over 50 ms`);
      tellLongest(w.frames, 3);
      assert.ok(w.longest < 250, `longest task ${Math.round(w.longest)} ms`);
      if (w.loaf) assert.ok(w.frame < 250, `longest animation frame ${Math.round(w.frame)} ms`);
      assert.ok(w.late < 1000, `the page's timer was ${Math.round(w.late)} ms late`);
      await page.done();
    },
  },
  {
    name: `${COUNT} widgets: one removed and one unmounted before their turn never mount, one added meanwhile does`,
    async run({ browser, origin, publisher }) {
      const page = await open(browser, null);
      await page.goto(`${publisher}/many.html?n=${COUNT}&eager`, { waitUntil: "domcontentloaded" });
      const before = await page.evaluate(async ([cdn, last]) => {
        const { ready, mount } = await import(`${cdn}/lede.js`);
        await ready;
        // The code has started: the widgets nearest the viewport are mounted,
        // the last ones of the page wait for their turn.
        const [removed, unmounted] = [document.getElementById(`w${last}`), document.getElementById(`w${last - 1}`)];
        const waiting = [removed, unmounted].every((el) => !el.hasAttribute("data-lede-mounted"));
        removed.remove();
        mount(unmounted).unmount();
        const late = document.createElement("div");
        late.id = "late";
        late.setAttribute("data-lede", "");
        late.setAttribute("data-article-src", `${cdn}/many/late/article.json`);
        document.querySelector("main").prepend(late);
        return { waiting, mounted: document.querySelectorAll("[data-lede-mounted]").length };
      }, [origin, COUNT - 1]);
      assert.ok(before.waiting, "the last two were still waiting for their turn");
      assert.ok(before.mounted < COUNT / 2, `${before.mounted} mounted when the code started`);
      await page.waitForFunction(() => document.getElementById("late").shadowRoot?.querySelector("article[data-state=ready]"), null, { timeout: 30000 });
      await page.waitForFunction((n) => document.querySelectorAll("[data-lede-mounted]").length >= n, COUNT - 1, { timeout: 30000 });
      await page.waitForTimeout(300);
      const after = await page.evaluate((last) => ({
        mounted: document.querySelectorAll("[data-lede-mounted]").length,
        removed: document.getElementById(`w${last}`),
        unmounted: [document.getElementById(`w${last - 1}`)].map((el) => el.hasAttribute("data-lede-mounted") || el.shadowRoot.querySelector("[data-lede-root]").children.length > 0)[0],
      }), COUNT - 1);
      assert.deepEqual(after, { mounted: COUNT - 1, removed: null, unmounted: false });
      await page.done();
    },
  },  {
    name: `${COUNT} widgets, lazily: only the ones near view start; a jump to the page's end starts the ones there, not the ones passed`,
    async run({ browser, publisher }) {
      const page = await open(browser, null, { before: (p) => p.addInitScript(watch) });
      await page.goto(`${publisher}/many.html?n=${COUNT}`);
      await page.waitForFunction(() => window.__scale.ready > 0, null, { timeout: 30000 });
      await page.waitForTimeout(1500);
      const mounted = () => page.evaluate(() => [...document.querySelectorAll("[data-lede-mounted]")].map((h) => Number(h.id.slice(1))));
      const first = await mounted();
      assert.ok(first.length > 0 && first.length < COUNT / 2, `${first.length} started near the top`);
      assert.ok(first.includes(0) && !first.includes(COUNT - 1));
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction((n) => document.getElementById(`w${n}`).shadowRoot?.querySelector("section[data-state=ready]"), COUNT - 1, { timeout: 30000 });
      const after = await mounted();
      console.log(`     lazily: ${first.length} of ${COUNT} started near the top (unmounted hosts hold no height), ${after.length} after the jump to the end`);
      assert.ok(after.length < (COUNT * 3) / 4, `${after.length} started in all`);
      assert.ok(!after.includes(Math.floor(COUNT / 2)), "one in the middle, passed by the jump, did not start");
      const w = await page.evaluate(() => window.__scale);
      console.log(`     lazily: longest task ${Math.round(w.longest)} ms, longest animation frame ${w.loaf ? `${Math.round(w.frame)} ms` : "(not supported)"}`);
      tellLongest(w.frames, 2);
      assert.ok(w.longest < 250, `longest task ${Math.round(w.longest)} ms`);
      await page.done();
    },
  },
];
