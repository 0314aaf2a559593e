// The publisher's upload folder (dist/pkg/): lede.js, the files it loads,
// named by the release's version, and what makes it an npm package (lede.d.ts, package.json, its
// LICENSE and CHANGELOG.md); a page gets a working widget from it.
import { readdir, readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, open, settled } from "../lib.mjs";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "..", process.env.LEDE_DIST ?? "dist", "pkg");

export const tests = [
  {
    name: "dist/pkg/ holds exactly lede.js, lede.d.ts, package.json, LICENSE, CHANGELOG.md, the glue and wasm lede.js names (lede-<version>.js, lede-<version>_bg.wasm) and words/, and works on its own",
    async run({ browser, origin, publisher }) {
      const files = (await readdir(pkg, { withFileTypes: true })).map((f) => (f.isDirectory() ? `${f.name}/` : f.name)).sort();
      assert.equal(files.length, 8, files.join(" "));
      assert.ok(files.includes("LICENSE") && files.includes("CHANGELOG.md"), files.join(" "));
      assert.match(await readFile(join(pkg, "LICENSE"), "utf8"), /^MIT License/);
      assert.equal(JSON.parse(await readFile(join(pkg, "package.json"), "utf8")).license, "MIT");
      assert.ok(files.includes("words/"), files.join(" "));
      const words = (await readdir(join(pkg, "words"))).sort();
      assert.deepEqual(words, ["de", "es", "fa", "fr", "he", "id", "pt", "ru", "tr", "ur"].map((c) => `${c}.txt`));
      for (const f of words) assert.ok((await readFile(join(pkg, "words", f))).equals(await readFile(join(pkg, "..", "words", f))), `words/${f} as in dist/`);
      const { version } = JSON.parse(await readFile(join(pkg, "package.json"), "utf8"));
      const [glue, wasm] = [`lede-${version}.js`, `lede-${version}_bg.wasm`];
      assert.ok([glue, wasm, "lede.js", "lede.d.ts", "package.json"].every((f) => files.includes(f)), `lede.js, lede.d.ts, package.json, ${glue} and ${wasm}: ${files.join(" ")}`);
      // The same bytes as the demo in dist/ serves under Trunk's hashed
      // names, and lede.js names exactly these two. Trunk writes the hash
      // without leading zeros, so it has up to 16 hex digits, not always 16.
      const hashed = (await readdir(join(pkg, ".."))).filter((f) => /^lede-[0-9a-f]{1,16}(_bg\.wasm|\.js)$/.test(f));
      const same = async (a, b) => (await readFile(join(pkg, a))).equals(await readFile(join(pkg, "..", b)));
      assert.ok(await same(glue, hashed.find((f) => f.endsWith(".js"))), `${glue} is dist/'s glue`);
      assert.ok(await same(wasm, hashed.find((f) => f.endsWith(".wasm"))), `${wasm} is dist/'s wasm`);
      assert.ok(await same("lede.d.ts", "lede.d.ts"), "lede.d.ts as in dist/");
      const loader = await readFile(join(pkg, "lede.js"), "utf8");
      assert.ok(loader.includes(glue) && loader.includes(wasm), "lede.js loads the versioned files beside it");
      assert.ok(!hashed.some((f) => loader.includes(f)), "and no hashed name");
      // A publisher's page using only the upload folder.
      const page = await open(browser, `${publisher}/pkg.html`);
      assert.equal(await settled(page, "article"), "ready");
      assert.equal(await settled(page, "related"), "ready");
      const code = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => /lede[^/]*\.(js|wasm)$/.test(n)));
      assert.deepEqual(code.map((n) => n.replace(origin, "")).sort(), ["/pkg/lede.js", `/pkg/${glue}`, `/pkg/${wasm}`].sort());
      await page.done();
    },
  },
];
