// The README's <head> recipe for a widget in the first screen ("A widget in
// the first screen"): preloads of the wasm and of the two feeds. The page is
// built from the README's block as it is (e2e/readme.mjs), its hosts made
// the test server's, the code from the upload folder (dist/pkg/).
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, open, settled } from "../lib.mjs";
import { preloadHtml } from "../readme.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pkg = join(root, process.env.LEDE_DIST ?? "dist", "pkg");

/** Records, in `window.__states`, each `data-state` a widget's article or
 * related section is built with ("+article ready") and each change of it
 * ("section loading→ready"), inside every shadow root the page attaches. */
function recordStates() {
  const states = (window.__states = []);
  const SECTION = "[data-lede-article],[data-lede-related]";
  const noted = new WeakSet();
  const added = (el) => {
    if (!el.matches(SECTION) || noted.has(el)) return;
    noted.add(el);
    states.push(`+${el.localName} ${el.getAttribute("data-state")}`);
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "attributes" && r.target.matches(SECTION)) states.push(`${r.target.localName} ${r.oldValue}→${r.target.getAttribute("data-state")}`);
        for (const n of r.addedNodes) if (n.nodeType === 1) [n, ...n.querySelectorAll(SECTION)].forEach(added);
      }
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ["data-state"] });
    return root;
  };
}

/** Opens the recipe page (`query` appended) and counts the requests for the
 * wasm and the two feeds; returns the counts and how Resource Timing says
 * each was started. `wasmMs` holds the wasm back that long (a first visit,
 * where the feeds come well before the code). */
async function load(browser, publisher, query = "", wasmMs = 0) {
  const asked = [];
  const before = async (p) => {
    p.on("request", (r) => asked.push(r.url()));
    await p.addInitScript(recordStates);
    if (wasmMs) await p.route(/_bg\.wasm$/, (route) => setTimeout(() => route.continue(), wasmMs));
  };
  const page = await open(browser, null, { before });
  await page.goto(`${publisher}/recipe.html${query}`);
  assert.equal(await settled(page, "article"), "ready");
  assert.equal(await settled(page, "related"), "ready");
  const kinds = { wasm: /\/pkg\/lede-[^/]+_bg\.wasm$/, article: /\/api\/article\/1855600\.json$/, related: /\/api\/related\/1855600\.json$/ };
  const count = Object.fromEntries(Object.entries(kinds).map(([k, re]) => [k, asked.filter((u) => re.test(u)).length]));
  const started = await page.evaluate(
    (res) => Object.fromEntries(Object.entries(res).map(([k, re]) => [k, performance.getEntriesByType("resource").filter((e) => new RegExp(re).test(e.name)).map((e) => e.initiatorType)])),
    Object.fromEntries(Object.entries(kinds).map(([k, re]) => [k, re.source])),
  );
  return { page, count, started };
}

export const tests = [
  {
    name: "the README's head recipe names this release's wasm, and bench/recipe-head.html is the README's block",
    async run() {
      const html = await preloadHtml();
      const { version } = JSON.parse(await readFile(join(pkg, "package.json"), "utf8"));
      const wasm = /href="https:\/\/cdn\.example\/lede\/(lede-[^"]+_bg\.wasm)"/.exec(html)?.[1];
      assert.equal(wasm, `lede-${version}_bg.wasm`, "the recipe's wasm is the package's version");
      assert.ok((await readFile(join(pkg, wasm))).length > 0, `dist/pkg/${wasm} exists`);
      assert.ok((await readFile(join(pkg, "lede.js"), "utf8")).includes(wasm), "lede.js loads the wasm the recipe preloads");
      const bench = (await readFile(join(root, "bench", "recipe-head.html"), "utf8")).replace(/<!--[\s\S]*?-->/g, "").trim();
      assert.equal(bench, html.trim(), "bench/recipe-head.html holds the README's block");
    },
  },
  {
    name: "a page with the README's head recipe: the wasm and both feeds are each fetched once, by their preloads, and the widget is ready",
    async run({ browser, publisher }) {
      const { page, count, started } = await load(browser, publisher);
      assert.deepEqual(count, { wasm: 1, article: 1, related: 1 }, JSON.stringify(started));
      assert.deepEqual(started, { wasm: ["link"], article: ["link"], related: ["link"] }, "each started by the page's <link rel=preload>");
      await page.done();
    },
  },
  ...[
    ["the README's head recipe", ""],
    ["the script tag alone", "?bare"],
  ].map(([what, query]) => ({
    name: `${what}, the wasm arriving after the feeds: the glue reads them ahead, and the widget is built showing them, never a skeleton; each feed fetched once`,
    async run({ browser, publisher }) {
      const { page, count } = await load(browser, publisher, query, 1500);
      assert.deepEqual(count, { wasm: 1, article: 1, related: 1 });
      const states = await page.evaluate(() => window.__states);
      assert.deepEqual(states.toSorted(), ["+article ready", "+section ready"], "built ready, never loading");
      await page.done();
    },
  })),
  {
    name: "without crossorigin the preloads are not the requests the widget makes: each file comes twice (why the README asks for it)",
    async run({ browser, publisher }) {
      const { page, count } = await load(browser, publisher, "?no-crossorigin");
      assert.deepEqual(count, { wasm: 2, article: 2, related: 2 });
      await page.done();
    },
  },
];
