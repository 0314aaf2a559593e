// The README's recipes, as a publisher copies them: the one fenced block
// between <!-- <name>:start --> and <!-- <name>:end -->, the reserve CSS
// ("No layout shift") and the <head> preloads ("A widget in the first
// screen"). Read at test time, so that a recipe and the tests that use it
// cannot drift apart.
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const readme = join(dirname(fileURLToPath(import.meta.url)), "..", "README.md");

/** The ```lang block between the name's markers; throws when the markers or
 * the block are missing, or when there is more than one block. */
async function block(name, lang) {
  const text = await readFile(readme, "utf8");
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`README.md: no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  const blocks = [...text.slice(start, end).matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))];
  if (blocks.length !== 1) throw new Error(`README.md: ${blocks.length} ${lang} blocks between the ${name} markers, not one`);
  return blocks[0][1];
}

/** The reserve CSS. */
export const reserveCss = () => block("reserve", "css");

/** The <head> preloads for a widget in the first screen, with the README's
 * example hosts (https://cdn.example/lede/ the folder of lede.js,
 * https://news.example the feeds' origin). */
export const preloadHtml = () => block("preload", "html");
