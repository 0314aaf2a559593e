// Gives the wasm's imports and exports short names, in the wasm and in its
// (already minified) JavaScript glue alike.
//
// wasm-bindgen names each import and closure export after the Rust item
// plus a 16-hex-digit hash (`__wbg_observe_a20322af4df81e46`), or, in the
// small build's symbol mangling, with crate hashes inside
// (`wasm_bindgen_69243f2d0914f037___convert__closures_____invoke___…`). The
// hashes are random to a compressor: over 150 names, each written once in
// the wasm and once in the glue, they cost about 3.5 KB brotli. Only names
// holding such a hash are renamed; `mount`, `memory`, `__wbindgen_start`
// and the like keep theirs. The script refuses (exit 1, and changes nothing)
// unless every renamed name is found in the glue as often as expected and
// none is left; when it finds no hashed name at all (wasm-bindgen changed its
// naming, or the files were renamed already); and on a wasm it cannot parse.
//
// usage: node build/short-names.mjs file.wasm glue.js
import { readFileSync, writeFileSync } from "node:fs";
import { leb, uleb, sections } from "./leb128.mjs";

const [wasmFile, glueFile] = process.argv.slice(2);
if (!wasmFile || !glueFile) {
  console.error("usage: node build/short-names.mjs file.wasm glue.js");
  process.exit(2);
}
const wasm = readFileSync(wasmFile);
let glue = readFileSync(glueFile, "utf8");

const HASHED = /_h?[0-9a-f]{16}(_\d+)?$|_[0-9a-f]{16}_/;
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The n-th short name: a, b, …, Z, ab, bb, … (valid JS identifiers). */
function short(n) {
  let s = LETTERS[n % 52];
  for (n = Math.floor(n / 52); n > 0; n = Math.floor(n / 52)) s += LETTERS[n % 52];
  return s;
}

/** Skips an import's type description, returning where it ends. */
function skipImportKind(buf, at) {
  const kind = buf[at++];
  switch (kind) {
    case 0: // function: type index
      return leb(buf, at)[1];
    case 1: {
      // table: element type, limits
      at += 1;
      const [flags, p] = leb(buf, at);
      at = leb(buf, p)[1];
      return flags & 1 ? leb(buf, at)[1] : at;
    }
    case 2: {
      // memory: limits
      const [flags, p] = leb(buf, at);
      at = leb(buf, p)[1];
      return flags & 1 ? leb(buf, at)[1] : at;
    }
    case 3: // global: value type, mutability
      return at + 2;
    case 4: // tag: attribute, type index
      return leb(buf, at + 1)[1];
    default:
      throw new Error(`unknown import kind ${kind}`);
  }
}

const name = (buf, at) => {
  const [len, start] = leb(buf, at);
  return [buf.subarray(start, start + len).toString("utf8"), start + len];
};
const encoded = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([uleb(bytes.length), bytes]);
};

const fail = (why) => {
  console.error(`short-names: ${why}; nothing renamed`);
  process.exit(1);
};

const imports = new Map();
const exports = new Map();
// Every name a section ends up with, to make sure they stay distinct.
const final = { 2: new Set(), 7: new Set() };
const parts = [wasm.subarray(0, 8)];
try {
  for (const { id, at, body, end } of sections(wasm)) {
    if (id !== 2 && id !== 7) {
      parts.push(wasm.subarray(at, end));
      continue;
    }
    let [count, p] = leb(wasm, body);
    const entries = [uleb(count)];
    for (let i = 0; i < count; i++) {
      let module;
      if (id === 2) {
        const start = p;
        [, p] = name(wasm, p);
        module = wasm.subarray(start, p);
      }
      let text;
      [text, p] = name(wasm, p);
      const rest = p;
      p = id === 2 ? skipImportKind(wasm, p) : leb(wasm, p + 1)[1];
      const table = id === 2 ? imports : exports;
      let renamed = text;
      if (HASHED.test(text)) {
        if (table.has(text)) throw new Error(`${id === 2 ? "import" : "export"} ${text} twice`);
        renamed = short(table.size);
        table.set(text, renamed);
      }
      if (final[id].has(renamed)) throw new Error(`two names ${renamed}`);
      final[id].add(renamed);
      if (module) entries.push(module);
      entries.push(encoded(renamed), wasm.subarray(rest, p));
    }
    if (p !== end) throw new Error(`section ${id}'s entries end at ${p}, the section at ${end}`);
    const content = Buffer.concat(entries);
    parts.push(Buffer.from([id]), uleb(content.length), content);
  }
} catch (e) {
  fail(`cannot read the wasm: ${e.message}`);
}
// wasm-bindgen's names changed, or this ran twice: fail rather than do nothing.
if (imports.size + exports.size === 0) fail("no hashed import or export name in the wasm");

const token = (text) => new RegExp(`(?<![\\w$])${text}(?![\\w$])`, "g");
// An import is a key of the imports object, once; an export is read from the
// instance's exports, at least once (unused ones are not in the glue).
for (const [old, renamed] of imports) {
  const found = glue.match(token(old))?.length ?? 0;
  if (found !== 1) fail(`import ${old} appears ${found} times in the glue`);
  glue = glue.replace(token(old), renamed);
}
for (const [old, renamed] of exports) {
  glue = glue.replace(token(old), renamed);
}
for (const old of [...imports.keys(), ...exports.keys()]) {
  if (glue.includes(old)) fail(`${old} is still in the glue`);
}
writeFileSync(wasmFile, Buffer.concat(parts));
writeFileSync(glueFile, glue);
console.log(`short-names: ${imports.size} imports and ${exports.size} exports renamed`);
