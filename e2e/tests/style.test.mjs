// The stylesheet the widget ships is style/lede.css minified by build.rs:
// whatever the minifier drops (comments, spaces, a leading zero, the quotes
// of an attribute selector's value), the browser must read the same rules.
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, open, settled } from "../lib.mjs";

const source = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "style", "lede.css");

export const tests = [
  {
    name: "the shipped stylesheet is style/lede.css as the browser reads it: every rule the same, in order",
    async run({ browser, origin }) {
      const page = await open(browser, `${origin}/`);
      await settled(page, "related");
      const css = await readFile(source, "utf8");
      const { shipped, written } = await page.evaluate((text) => {
        // A value with var() in it (a custom property's too) keeps its text
        // as written: spaces around commas, parentheses and slashes, and a
        // zero before a decimal point, are the minifier's only changes
        // there that the browser does not undo.
        const rules = (sheet) => [...sheet.cssRules].map((r) => r.cssText.replace(/\s*([,()/])\s*/g, "$1").replace(/(^|[^\w.#])0\.(\d)/g, "$1.$2"));
        const root = document.querySelector("[data-lede]").shadowRoot;
        const sheet = root.adoptedStyleSheets[0] ?? root.querySelector("style").sheet;
        const mine = new CSSStyleSheet();
        mine.replaceSync(text);
        return { shipped: rules(sheet), written: rules(mine) };
      }, css);
      assert.ok(written.length > 50, `${written.length} rules read from style/lede.css`);
      assert.deepEqual(shipped, written);
      await page.done();
    },
  },
];
