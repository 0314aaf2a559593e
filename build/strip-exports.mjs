// Removes exports whose names contain a given word from a wasm module, so
// that the next `wasm-opt` pass drops the code only they reached.
//
// Used for wasm-streams' JavaScript stream adapters (`IntoUnderlyingSource`
// and the like): Leptos links server_fn, which links wasm-streams, whose
// `#[wasm_bindgen]` exports no linker may drop. The widget never makes a
// stream, so they are dead weight for every reader.
//
// usage: node build/strip-exports.mjs file.wasm word
import { readFileSync, writeFileSync } from "node:fs";

const [file, word] = process.argv.slice(2);
if (!file || !word) {
  console.error("usage: node build/strip-exports.mjs file.wasm word");
  process.exit(2);
}
const wasm = readFileSync(file);

function leb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function uleb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const parts = [wasm.subarray(0, 8)];
let removed = 0;
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = leb(wasm, at + 1);
  const end = body + size;
  if (id !== 7) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  // The export section: a count, then (name, kind, index) entries.
  let [count, p] = leb(wasm, body);
  const kept = [];
  for (let i = 0; i < count; i++) {
    const start = p;
    const [len, name] = leb(wasm, p);
    const text = wasm.subarray(name, name + len).toString("utf8");
    p = name + len + 1; // the kind byte
    [, p] = leb(wasm, p); // the index
    if (text.includes(word)) removed++;
    else kept.push(wasm.subarray(start, p));
  }
  const content = Buffer.concat([uleb(kept.length), ...kept]);
  parts.push(Buffer.from([7]), uleb(content.length), content);
  at = end;
}
writeFileSync(file, Buffer.concat(parts));
console.log(`strip-exports: ${removed} export(s) containing "${word}" removed from ${file}`);
