// Single-page apps (issue 14), against real clients: a React 19 app in
// StrictMode (bundled here with esbuild, React from npm) and a page of its
// own with history.pushState. Each navigates from article A to article B,
// first by changing the attributes of the kept element, then with a new
// element: B's headline and slides appear within a few of the browser's
// frames of B's feeds arriving (counted, not timed: a loaded machine
// stretches the milliseconds, which failed a 50 ms bound once in CI at 56,
// and the frame count far less), nothing of A is left, and the console
// stays clean.
import { build } from "esbuild";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, open } from "../lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
/** How many frames the page may draw between B's last feed arriving and B
 * showing: the widget renders B as the feeds come, so none or one (the
 * slide window's measure); a wait on a timer or on a later event would take
 * more. */
const FRAMES = 4;

let bundled;
/** Bundles the React app once (about a second); logs how long it took. */
async function bundle(out) {
  if (!bundled) {
    const t0 = Date.now();
    bundled = build({
      entryPoints: [join(here, "..", "react", "app.jsx")],
      outfile: join(out, "react-app.js"),
      bundle: true,
      format: "esm",
      jsx: "automatic",
      external: ["lede"],
      // A development build: StrictMode mounts, unmounts and mounts again.
      define: { "process.env.NODE_ENV": '"development"' },
      logLevel: "warning",
    }).then(() => console.log(`     (React app bundled with esbuild in ${Date.now() - t0} ms)`));
  }
  return bundled;
}

/** What the widget of element `id` shows. */
function shown(page, id) {
  return page.evaluate((i) => {
    const root = document.getElementById(i)?.shadowRoot?.querySelector("[data-lede-root]");
    if (!root) return null;
    return {
      headline: root.querySelector("article h1")?.textContent ?? null,
      article: root.querySelector("article")?.getAttribute("data-state") ?? null,
      related: root.querySelector("section")?.getAttribute("data-state") ?? null,
      titles: [...root.querySelectorAll("[data-lede-slide] .title")].map((t) => t.textContent.trim()),
      links: [...root.querySelectorAll("[data-lede-slide] a[href]")].map((a) => a.href),
      text: root.textContent,
    };
  }, id);
}

/** Waits for story A, settled, in element `id`. */
async function waitForA(page, id) {
  await page.waitForFunction((i) => {
    const root = document.getElementById(i)?.shadowRoot;
    return root?.querySelector("article h1")?.textContent.startsWith("Superpowers") && root.querySelector("[data-lede-slide]");
  }, id, { timeout: 15000 });
}

/** Navigates to B with `how`, then waits until element `id` shows B's
 * headline and slides; returns how many frames the page drew after B's last
 * feed arrived until then (the moment is taken by a MutationObserver on the
 * page's side, the frames by requestAnimationFrame). */
async function goToB(page, how, id) {
  await page.evaluate(() => performance.clearResourceTimings());
  await page.evaluate(([h, i]) => {
    window.__bAt = null;
    window.__frames = [];
    // When each frame's callbacks ran (not the frame's own time stamp,
    // which can be earlier than work the frame waited for).
    const frame = () => {
      window.__frames.push(performance.now());
      if (!window.__bAt) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const seen = () => {
      const root = document.getElementById(i)?.shadowRoot;
      const title = root?.querySelector("[data-lede-slide] .title")?.textContent ?? "";
      if (!window.__bAt && root?.querySelector("article h1")?.textContent.startsWith("Article B:") && title.includes("B1:")) {
        window.__bAt = performance.now();
      }
    };
    // Watches the document and every open shadow root that appears in it.
    const watch = new MutationObserver(() => {
      const root = document.getElementById(i)?.shadowRoot;
      if (root && !root.__watched) {
        root.__watched = true;
        watch.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      }
      seen();
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true });
    const root = document.getElementById(i)?.shadowRoot;
    if (root) {
      root.__watched = true;
      watch.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    window.__go("b", h);
  }, [how, id]);
  await page.waitForFunction(() => window.__bAt, null, { timeout: 10000 });
  const arrived = await page.evaluate(() => Math.max(...performance.getEntriesByType("resource").filter((e) => /\/b\/(article|related)\.json/.test(e.name)).map((e) => e.responseEnd)));
  const at = await page.evaluate(() => window.__bAt);
  assert.ok(Number.isFinite(arrived), "B's feeds were fetched");
  const [frames, after] = await page.evaluate(([from, to]) => [window.__frames.filter((t) => t > from && t < to).length, window.__frames.some((t) => t >= to)], [arrived, at]);
  assert.ok(after, "the page drew frames all along (the count means something)");
  console.log(`     (${how}: B shown ${frames} frame(s), ${(at - arrived).toFixed(1)} ms, after its last feed arrived)`);
  return frames;
}

/** B, and nothing of A, in element `id`. */
async function assertB(page, id) {
  const b = await shown(page, id);
  assert.ok(b, `${id} is a widget`);
  assert.equal(b.article, "ready");
  assert.equal(b.related, "ready");
  assert.ok(b.headline.startsWith("Article B:"), b.headline);
  assert.ok(b.titles.length > 0 && b.titles.every((t) => /^B\d+: /.test(t.replace(/^Video: /, ""))), `only B's slides: ${b.titles}`);
  assert.ok(b.links.every((h) => h.startsWith("https://news.example/b/")), `B's links: ${b.links}`);
  for (const a of ["Superpowers Vow", "Russia and the US are joining forces", "Syrian Army, Air Force Destroys"]) {
    assert.ok(!b.text.includes(a), `nothing of A left: "${a}"`);
  }
}

export const tests = [
  {
    name: "React 19 in StrictMode: A to B by changing the kept element's attributes, then by a new element with mount()/unmount() in an effect",
    async run({ browser, publisher, out }) {
      await bundle(out);
      const page = await open(browser, `${publisher}/react.html`);
      await waitForA(page, "kept");
      const lateKept = await goToB(page, "kept", "kept");
      await assertB(page, "kept");
      assert.ok(lateKept <= FRAMES, `B shown ${lateKept} frames after its feeds arrived`);
      assert.equal(await page.evaluate(() => location.pathname), "/story/b");

      // A new element per story: StrictMode mounts, unmounts and mounts it.
      await page.evaluate(() => window.__go("a", "mounted"));
      await waitForA(page, "mounted-a");
      const lateNew = await goToB(page, "mounted", "mounted-b");
      await assertB(page, "mounted-b");
      assert.ok(lateNew <= FRAMES, `B shown ${lateNew} frames after its feeds arrived`);
      assert.equal(await page.evaluate(() => document.querySelectorAll("#mounted-a, #kept").length), 0, "A's elements are gone");
      assert.equal(await page.evaluate(() => document.querySelectorAll("[data-lede-mounted]").length), 1, "one widget on the page");
      await page.done();
    },
  },
  {
    name: "history.pushState without a framework: A to B by changing attributes, then by replacing the element",
    async run({ browser, publisher }) {
      const page = await open(browser, `${publisher}/spa.html`);
      await waitForA(page, "kept");
      const lateKept = await goToB(page, "kept", "kept");
      await assertB(page, "kept");
      assert.ok(lateKept <= FRAMES, `B shown ${lateKept} frames after its feeds arrived`);
      await page.evaluate(() => window.__go("a", "kept"));
      await waitForA(page, "kept");
      const lateNew = await goToB(page, "new", "new-b");
      await assertB(page, "new-b");
      assert.ok(lateNew <= FRAMES, `B shown ${lateNew} frames after its feeds arrived`);
      assert.equal(await page.evaluate(() => document.querySelectorAll("[data-lede]").length), 1);
      await page.done();
    },
  },
];
