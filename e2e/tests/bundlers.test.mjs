// The npm package with bundlers and server rendering (@lede/widget, the
// folder dist/pkg/): imported by plain Node (a server render) it does
// nothing and says nothing; an app importing it, built by Vite (which
// follows lede.js's `new URL("./…", import.meta.url)` and puts the glue,
// the wasm and the words in the app's output) or by esbuild (which does
// not, so the app's build copies them beside the bundle), loads everything
// from its own output. The app is e2e/bundle-app/; each build goes to
// e2e/out/bundle/<tool>/, served under /__out/.
import { execFile } from "node:child_process";
import { cp, mkdir, readdir, rm, readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { assert, open } from "../lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..", "..", process.env.LEDE_DIST ?? "dist", "pkg");
const appSource = join(here, "..", "bundle-app");
const run = promisify(execFile);

/** A fresh app folder under out/bundle/<name>: the app's source, and the
 * package installed as `npm install` would (node_modules/@lede/widget, a
 * copy of dist/pkg/, as build/pkg-check.sh makes it). */
async function app(out, name) {
  const dir = join(out, "bundle", name);
  const t0 = Date.now();
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "node_modules", "@lede"), { recursive: true });
  await cp(appSource, dir, { recursive: true });
  await cp(pkg, join(dir, "node_modules", "@lede", "widget"), { recursive: true });
  return { dir, installMs: Date.now() - t0 };
}

/** What plain Node sees of the package: its exports, mount({}) and its
 * handle, `ready`, any fetch it tried; printed as one JSON line. */
const SERVER_RENDER = `
const fetched = [];
globalThis.fetch = (...args) => { fetched.push(String(args[0])); return new Promise(() => {}); };
const m = await import(process.argv[1]);
const handle = m.mount({});
const returned = handle.unmount();
let settled = "pending";
m.ready.then(() => { settled = "resolved"; }, () => { settled = "rejected"; });
await new Promise((r) => setTimeout(r, 100));
console.log(JSON.stringify({
  exports: Object.keys(m).sort(),
  mount: typeof m.mount,
  handle: Object.keys(handle),
  unmountReturned: returned === undefined ? "undefined" : String(returned),
  ready: m.ready instanceof Promise,
  settled,
  fetched,
}));
`;

/** The same in a unit test's stand-in DOM (jsdom, as Jest and Vitest give
 * an app's tests): a document and a window, no IntersectionObserver. Any
 * use of the stand-in DOM's elements or of customElements throws. */
const STAND_IN_DOM = `
const touched = () => { throw new Error("the stand-in DOM was used"); };
globalThis.window = globalThis;
globalThis.document = { querySelectorAll: touched, createElement: touched, baseURI: "http://localhost/" };
globalThis.customElements = { get: touched, define: touched };
` + SERVER_RENDER;

/** Opens the built app and waits for its three widgets; returns every URL
 * the page asked for. */
async function openApp(browser, url) {
  const page = await open(browser, null);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForFunction(() => {
    const ready = (id, sel) => document.getElementById(id)?.shadowRoot?.querySelector(sel);
    return ready("story", "article[data-state=ready]") && ready("story", "section[data-state=ready]") && ready("french", "section[data-state=ready]") && ready("explicit", "article[data-state=ready]");
  }, null, { timeout: 15000 });
  return { page, requests };
}

/** The widgets render both sections, the French one in French, and every
 * piece of the widget's code came from `base` (the app's output), none from
 * dist/ or anywhere else. Returns the code's URLs. */
async function assertFromOutput(page, requests, base, origin) {
  assert.equal(await page.evaluate(() => window.__ready), "resolved");
  assert.ok(await page.evaluate(() => document.getElementById("app").hasAttribute("data-ran")), "the app's own code ran");
  const shown = await page.evaluate(() => {
    const root = (id) => document.getElementById(id).shadowRoot;
    return {
      slides: root("story").querySelectorAll("[data-lede-slide]").length,
      headline: root("story").querySelector("article h1").textContent,
      french: root("french").querySelector("section").getAttribute("aria-label"),
      explicit: root("explicit").querySelector("article h1").textContent,
    };
  });
  assert.deepEqual(shown, {
    slides: 8,
    headline: "Superpowers Vow to DESTROY ISIS: Russia and the US Team up",
    french: "Sur le même sujet",
    explicit: "Superpowers Vow to DESTROY ISIS: Russia and the US Team up",
  });
  const code = requests.filter((u) => /\.(js|mjs|wasm|txt)(\?|#|$)/.test(u));
  const glue = code.filter((u) => /\/lede-[0-9a-f]+[^/]*\.js$/.test(new URL(u).pathname));
  const wasm = code.filter((u) => /\.wasm$/.test(new URL(u).pathname));
  assert.ok(glue.length >= 1 && wasm.length === 1, `the glue and the wasm were fetched: ${code.join(" ")}`);
  const elsewhere = code.filter((u) => !u.startsWith(base));
  assert.deepEqual(elsewhere, [], `every code file from the app's output ${base}`);
  const fromDist = requests.filter((u) => u.startsWith(`${origin}/`) && !u.startsWith(`${origin}/__out/`) && !/^\/(api|media)\//.test(new URL(u).pathname));
  assert.deepEqual(fromDist, [], "nothing but feeds and media from the server's dist/");
  return code;
}

export const tests = [
  {
    name: "plain Node imports the package (by path and by name), bare and with a unit test's stand-in DOM without IntersectionObserver: mount and ready exported, mount({}) gives a handle whose unmount() does nothing, nothing fetched, thrown or logged",
    async run({ out }) {
      const { dir } = await app(out, "node");
      for (const [specifier, script] of [pathToFileURL(join(pkg, "lede.js")).href, "@lede/widget"].flatMap((s) => [[s, SERVER_RENDER], [s, STAND_IN_DOM]])) {
        const t0 = Date.now();
        const { stdout, stderr } = await run(process.execPath, ["--input-type=module", "-e", script, specifier], { cwd: dir, timeout: 10000 });
        console.log(`     (node imported ${specifier.startsWith("file:") ? "dist/pkg/lede.js" : specifier} in ${Date.now() - t0} ms)`);
        assert.equal(stderr, "", `nothing on stderr for ${specifier}`);
        const lines = stdout.trim().split("\n");
        assert.equal(lines.length, 1, `nothing logged but the check's own line: ${stdout}`);
        assert.deepEqual(JSON.parse(lines[0]), {
          exports: ["mount", "ready"],
          mount: "function",
          handle: ["unmount"],
          unmountReturned: "undefined",
          ready: true,
          settled: "pending",
          fetched: [],
        });
      }
      // The names lede.js gives its files are literal, for bundlers to read.
      const loader = await readFile(join(pkg, "lede.js"), "utf8");
      const files = (await readdir(pkg)).filter((f) => /^lede-.*\.(js|wasm)$/.test(f));
      const literal = (name) => new RegExp(`new URL\\(\\s*${name.replace(/[.$*+?()[\]{}|\\]/g, "\\$&")}\\s*,\\s*import\\.meta\\.url\\s*\\)`);
      assert.equal(files.length, 2, files.join(" "));
      for (const f of files) assert.match(loader, literal(`"./${f}"`), `lede.js names ${f} with a literal new URL("./${f}", import.meta.url)`);
      assert.match(loader, /new URL\(\s*`\.\/words\/\$\{\w+\}\.txt`\s*,\s*import\.meta\.url\s*\)/, "lede.js names words/<code>.txt with new URL(`./words/${code}.txt`, import.meta.url)");
    },
  },
  {
    name: "Vite (app mode): an app importing @lede/widget renders both sections, with the glue, the wasm and the French words from the app's own output",
    async run({ browser, origin, out }) {
      const { build, version } = await import("vite");
      // Vite as it comes, then with no asset inlined: its default inlines
      // every file under 4 KB, the words files among them, as data: URLs in
      // the app's own chunk.
      for (const [variant, extra] of [["default", {}], ["no-inline", { assetsInlineLimit: 0 }]]) {
        const { dir, installMs } = await app(out, `vite-${variant}`);
        const t0 = Date.now();
        await build({ root: dir, base: "./", configFile: false, logLevel: "warn", build: { outDir: join(dir, "dist"), emptyOutDir: true, ...extra } });
        const built = (await readdir(join(dir, "dist", "assets"))).sort();
        console.log(`     (Vite ${version}, ${variant}: package installed in ${installMs} ms, app built in ${Date.now() - t0} ms: ${built.join(" ")})`);
        assert.ok(built.some((f) => /^lede-[^/]*\.js$/.test(f)) && built.some((f) => /\.wasm$/.test(f)), "Vite put the glue and the wasm in the output");
        // Copied as it is (lede.js names it by URL): its compile hint stays.
        const glue = await readFile(join(dir, "dist", "assets", built.find((f) => /^lede-[^/]*\.js$/.test(f))), "utf8");
        assert.equal(glue.split("\n")[0], "//# allFunctionsCalledOnLoad", "the glue in Vite's output starts with V8's compile hint");
        const base = `${origin}/__out/bundle/vite-${variant}/dist/`;
        const { page, requests } = await openApp(browser, `${base}index.html`);
        const code = await assertFromOutput(page, requests, base, origin);
        const words = code.filter((u) => /\.txt$/.test(u));
        if (variant === "default") {
          // The ten words files are in the app's chunk; the French widget
          // speaks French without a request for its words.
          assert.deepEqual(words, [], `no words file fetched: ${words}`);
          const chunk = (await readdir(join(dir, "dist", "assets"))).find((f) => /^index-.*\.js$/.test(f));
          const inlined = ((await readFile(join(dir, "dist", "assets", chunk), "utf8")).match(/data:text\/plain;base64,/g) ?? []).length;
          console.log(`     (Vite's default: ${inlined} words files inlined as data: URLs in the app's chunk)`);
        } else {
          assert.equal(words.length, 1, `one words file: ${words}`);
          assert.match(words[0], /\/assets\/fr-[^/]+\.txt$/, "the French words from the app's output");
        }
        await page.done();
      }
    },
  },
  {
    name: "esbuild (--bundle --format=esm): an app importing @lede/widget renders both sections, with lede-*.js, lede-*_bg.wasm and words/ copied beside the bundle",
    async run({ browser, origin, out }) {
      const { build, version } = await import("esbuild");
      const { dir, installMs } = await app(out, "esbuild");
      const dist = join(dir, "dist");
      const t0 = Date.now();
      await build({ entryPoints: [join(dir, "main.js")], absWorkingDir: dir, outdir: dist, bundle: true, format: "esm", logLevel: "warning" });
      const bundled = Date.now() - t0;
      // esbuild leaves `new URL("./…", import.meta.url)` as it is: relative
      // to the bundle. What the README tells esbuild users to copy there.
      const widget = join(dir, "node_modules", "@lede", "widget");
      const t1 = Date.now();
      for (const f of (await readdir(widget)).filter((f) => /^lede-.*\.(js|wasm)$/.test(f))) await cp(join(widget, f), join(dist, f));
      await cp(join(widget, "words"), join(dist, "words"), { recursive: true });
      await cp(join(dir, "index.html"), join(dist, "index.html"));
      console.log(`     (esbuild ${version}: package installed in ${installMs} ms, app bundled in ${bundled} ms, glue, wasm and words/ copied in ${Date.now() - t1} ms: ${(await readdir(dist)).sort().join(" ")})`);
      const base = `${origin}/__out/bundle/esbuild/dist/`;
      const { page, requests } = await openApp(browser, `${base}index.html`);
      const code = await assertFromOutput(page, requests, base, origin);
      assert.deepEqual(code.filter((u) => /\.txt$/.test(u)), [`${base}words/fr.txt`], "the French words, from beside the bundle");
      await page.done();
    },
  },
];
