// The README's reserve CSS ("No layout shift"), as a publisher copies it:
// the one ```css block between <!-- reserve:start --> and
// <!-- reserve:end -->. Read at test time, so that the recipe and the tests
// that use it cannot drift apart.
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const readme = join(dirname(fileURLToPath(import.meta.url)), "..", "README.md");

/** The CSS between the markers; throws when the markers or the block are
 * missing, or when there is more than one block. */
export async function reserveCss() {
  const text = await readFile(readme, "utf8");
  const start = text.indexOf("<!-- reserve:start -->");
  const end = text.indexOf("<!-- reserve:end -->");
  if (start < 0 || end < start) throw new Error("README.md: no <!-- reserve:start --> … <!-- reserve:end --> markers");
  const blocks = [...text.slice(start, end).matchAll(/^```css\n([\s\S]*?)^```$/gm)];
  if (blocks.length !== 1) throw new Error(`README.md: ${blocks.length} css blocks between the reserve markers, not one`);
  return blocks[0][1];
}
