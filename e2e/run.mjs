// The end-to-end runner: serves dist/ (e2e/server.mjs), opens Debian's
// Chromium through playwright-core, runs every test in e2e/tests/, one after
// another, and prints "N passed, M failed".
//
//   node e2e/run.mjs [filter]
import { readdir } from "node:fs/promises";
import { mkdir } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { start, stop } from "./server.mjs";
import { launch } from "./lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// Filters: run the tests whose "file: name" contains any of them.
const filters = process.argv.slice(2);
const out = join(here, "out");
await mkdir(out, { recursive: true });

const files = (await readdir(join(here, "tests"))).filter((f) => f.endsWith(".test.mjs")).sort();
const { origin, publisher } = await start();
const browser = await launch();
let passed = 0;
const failed = [];
const started = Date.now();
for (const file of files) {
  const { tests } = await import(pathToFileURL(join(here, "tests", file)).href);
  for (const t of tests) {
    const name = `${file.replace(".test.mjs", "")}: ${t.name}`;
    if (filters.length && !filters.some((f) => name.includes(f))) continue;
    const t0 = Date.now();
    try {
      await fetch(`${origin}/__reset`);
      await t.run({ browser, origin, publisher, out });
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed.push(name);
      console.log(`FAIL ${name} (${Date.now() - t0} ms)\n     ${String(e?.stack ?? e).split("\n").slice(0, 12).join("\n     ")}`);
    }
  }
}
await browser.close();
await stop();
console.log(`\n${passed} passed, ${failed.length} failed in ${((Date.now() - started) / 1000).toFixed(1)} s${failed.length ? `:\n  ${failed.join("\n  ")}` : ""}`);
process.exit(failed.length ? 1 : 0);
