// Monitorable errors: each lede:error says which part failed (`section`),
// what kind of failure it was (`code`), the reader's sentence (`message`),
// and for a feed its `url` and, for an HTTP answer, its `status`. Every
// detail that arrives is checked against lede.d.ts's LedeErrorDetail with
// tsc (strict; a missing, extra or mistyped field fails), and that union's
// codes against the documented list.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { assert, open, settled, addWidget } from "../lib.mjs";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "..", process.env.LEDE_DIST ?? "dist", "pkg");

/** Every `code` a lede:error may carry (README, "Events"). */
const CODES = ["http", "timeout", "network", "cors", "too-large", "parse", "config", "load", "crash"];

/** Compiles `details` as `LedeErrorDetail[]` against the package's
 * lede.d.ts with tsc --strict; asserts no diagnostic. */
async function typecheck(details, out, name) {
  const dir = join(out, "types-errors", name);
  await mkdir(dir, { recursive: true });
  await copyFile(join(pkg, "lede.d.ts"), join(dir, "lede.d.ts"));
  const file = join(dir, "got.ts");
  await writeFile(file, `import type { LedeErrorDetail } from "./lede";
// The union's codes are exactly the documented ones: one missing or extra
// here is an error.
export const codes: Record<LedeErrorDetail["code"], true> = { ${CODES.map((c) => `"${c}": true`).join(", ")} };
// What the page heard, as it heard it.
export const got: LedeErrorDetail[] = ${JSON.stringify(details, null, 2)};
`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(problems, [], `lede.d.ts's LedeErrorDetail takes what arrived (${file})`);
}

/** The lede:error events heard, by target id. */
const errors = (page) => page.evaluate(() => window.__events.filter((e) => e.type === "lede:error"));

/** What a widget's section shows as its alert. */
const alertText = (page, id, section) => page.evaluate(([i, s]) => {
  const sel = s === "article" ? "article[data-lede-article]" : "section[data-lede-related]";
  return document.getElementById(i).shadowRoot.querySelector(`${sel} [role=alert] .notice-text`)?.textContent ?? null;
}, [id, section]);

export const tests = [
  {
    name: "lede:error for a 404 (http, status, url), a CORS refusal (cors), bad JSON (parse), a body over the limit (too-large) and no server (network), matching lede.d.ts",
    async run({ browser, origin, publisher, out }) {
      // The browser's own report of the refused fetch is allowed.
      const page = await open(browser, `${publisher}/errors.html`);
      assert.equal(await settled(page, "related"), "ready", "the page's own widget loads");
      const cases = {
        "http-related": { "data-related-src": `${origin}/fault/404` },
        "http-article": { "data-article-src": `${origin}/fault/404?article` },
        cors: { "data-related-src": `${origin}/nocors/related/1855600.json` },
        "parse-related": { "data-related-src": `${origin}/fault/invalid` },
        "parse-article": { "data-article-src": `${origin}/fault/invalid-article` },
        "too-large": { "data-related-src": `${origin}/fault/huge-length` },
        // Nothing listens on port 1: retried twice (about 5 s), then told.
        network: { "data-related-src": "http://127.0.0.1:1/related.json" },
      };
      for (const [id, attrs] of Object.entries(cases)) await addWidget(page, { id, ...attrs });
      await page.waitForFunction((n) => new Set(window.__events.filter((e) => e.type === "lede:error").map((e) => e.target)).size >= n, Object.keys(cases).length, { timeout: 20000 });
      const got = await errors(page);
      const by = Object.fromEntries(got.map((e) => [e.target, e.detail]));
      assert.equal(got.length, Object.keys(cases).length, `one lede:error per failed widget: ${got.map((e) => e.target)}`);
      const feed = (id) => Object.values(cases[id])[0];
      const want = {
        "http-related": { section: "related", code: "http", status: 404, url: feed("http-related") },
        "http-article": { section: "article", code: "http", status: 404, url: feed("http-article") },
        cors: { section: "related", code: "cors", url: feed("cors") },
        "parse-related": { section: "related", code: "parse", url: feed("parse-related") },
        "parse-article": { section: "article", code: "parse", url: feed("parse-article") },
        "too-large": { section: "related", code: "too-large", url: feed("too-large") },
        network: { section: "related", code: "network", url: feed("network") },
      };
      const shownBy = Object.fromEntries(got.map((e) => [e.target, e.shown]));
      for (const [id, detail] of Object.entries(want)) {
        const { message, ...rest } = by[id] ?? {};
        assert.deepEqual(rest, detail, `${id}: section, code, url (and status for HTTP), nothing else`);
        assert.equal(message, await alertText(page, id, detail.section), `${id}: the message is the sentence the reader sees`);
        // A listener reading the widget as it hears lede:error finds the
        // section showing that sentence already.
        assert.deepEqual([shownBy[id]?.state, shownBy[id]?.notice], ["error", message], `${id}: shown when the page heard it`);
      }
      // And one hearing lede:ready finds the slides it counts in place.
      const readies = await page.evaluate(() => window.__events.filter((e) => e.type === "lede:ready"));
      for (const id of ["page-widget", "element"]) {
        const ready = readies.find((e) => e.target === id || (id === "element" && e.target === "LEDE-WIDGET"));
        assert.equal(ready?.detail.count, 8, `${id}: lede:ready for its related feed`);
        assert.deepEqual([ready.shown.state, ready.shown.slides], ["ready", 8], `${id}: its slides were shown when the page heard lede:ready`);
      }
      assert.equal(by["http-related"].message, "Related stories could not be loaded.");
      assert.equal(by["http-article"].message, "This article could not be loaded.");
      assert.equal(by.network.message, "Related stories could not be loaded. Check your connection.");
      await typecheck(got.map((e) => e.detail), out, "feeds");
      await page.done();
    },
  },
  {
    name: "lede:error for a feed that never answers in time: code timeout, after three tries of 10 s (about 35 s)",
    async run({ browser, origin, publisher, out }) {
      const page = await open(browser, `${publisher}/errors.html`);
      assert.equal(await settled(page, "related"), "ready");
      const url = `${origin}/fault/slow/related?ms=12000`;
      const t0 = Date.now();
      await addWidget(page, { id: "slow", "data-related-src": url });
      await page.waitForFunction(() => window.__events.some((e) => e.type === "lede:error" && e.target === "slow"), null, { timeout: 50000 });
      const took = Date.now() - t0;
      console.log(`     (lede:error timeout after ${(took / 1000).toFixed(1)} s)`);
      const got = await errors(page);
      assert.equal(got.length, 1);
      const { message, ...rest } = got[0].detail;
      assert.deepEqual(rest, { section: "related", code: "timeout", url });
      assert.equal(message, "Related stories are taking too long to load.");
      assert.equal(message, await alertText(page, "slow", "related"));
      assert.ok(took >= 30000, `three tries of 10 s and the waits between: ${took} ms`);
      const log = await (await fetch(`${origin}/__log`)).json();
      assert.equal(log.filter((e) => e.path === "/fault/slow/related?ms=12000").length, 3, "three tries");
      assert.equal(page.messages.filter((m) => /^lede: .*trying again/.test(m.text)).length, 2, "two console lines for the two retries");
      await typecheck(got.map((e) => e.detail), out, "timeout");
      await page.done();
    },
  },
  {
    name: "lede:error for code that cannot load (the wasm blocked): section and code load on a [data-lede] element and a <lede-widget>, matching lede.d.ts",
    async run({ browser, publisher, out }) {
      const page = await open(browser, null);
      await page.route(/\/lede-[^/]+_bg\.wasm$/, (route) => route.abort("blockedbyclient"));
      await page.goto(`${publisher}/errors.html`);
      await page.waitForFunction(() => window.__events.filter((e) => e.type === "lede:error").length >= 2, null, { timeout: 5000 });
      const got = await errors(page);
      assert.deepEqual(got.map((e) => e.target).sort(), ["element", "page-widget"]);
      for (const e of got) {
        const { message, ...rest } = e.detail;
        assert.deepEqual(rest, { section: "load", code: "load" }, e.target);
        assert.ok(typeof message === "string" && message.length > 0);
      }
      assert.deepEqual(await page.evaluate(() => ["page-widget", "element"].map((id) => document.getElementById(id).hasAttribute("data-lede-failed"))), [true, true]);
      await typecheck(got.map((e) => e.detail), out, "load");
      await page.done();
    },
  },
];
