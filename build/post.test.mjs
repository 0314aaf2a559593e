// Tests of the release post-processing scripts (build/blank-locations.mjs,
// build/short-names.mjs) on small hand-made modules: only the sections the
// scripts read, which is all they need.
//
//   node --test build/post.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { uleb } from "./leb128.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "lede-post-"));

const section = (id, body) => Buffer.concat([Buffer.from([id]), uleb(body.length), body]);
const text = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);
const HEADER = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const u32 = (...values) => Buffer.concat(values.map((v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; }));

/** A module whose one data segment sits at `address` and holds `bytes`. */
function dataModule(address, bytes) {
  const segment = Buffer.concat([Buffer.from([0x00, 0x41]), uleb(address), Buffer.from([0x0b]), uleb(bytes.length), bytes]);
  return Buffer.concat([HEADER, section(11, Buffer.concat([uleb(1), segment]))]);
}

test("blank-locations zeroes the file names panic locations point at, and nothing else", () => {
  const base = 1024;
  const path = "/home/ci/.cargo/registry/src/x/lib.rs"; // 37 bytes at base
  const dotless = "lede.rs"; // no slash: not a path, at base + 40
  const words = "aria-label"; // at base + 48
  const strings = Buffer.alloc(64);
  strings.write(path, 0);
  strings.write(dotless, 40);
  strings.write(words, 48);
  const records = Buffer.concat([
    u32(base, path.length, 120, 9), // a Location: blanked
    u32(base + 40, dotless.length, 1, 1), // points at a non-path
    u32(base + 48, words.length, 3, 4), // points at ordinary text
    u32(base, path.length, 0, 9), // line 0: not a Location
  ]);
  const file = join(dir, "locations.wasm");
  const before = dataModule(base, Buffer.concat([strings, records]));
  writeFileSync(file, before);
  const out = execFileSync("node", [join(here, "blank-locations.mjs"), file], { encoding: "utf8" });
  assert.match(out, /1 file names \(37 bytes\) blanked/);
  const after = readFileSync(file);
  assert.equal(after.length, before.length, "nothing moved");
  const at = before.length - 128; // the segment's bytes end the module
  const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
  assert.deepEqual([changed[0], changed.at(-1)], [at, at + path.length - 1], "only the path changed");
  assert.ok(after.subarray(at, at + path.length).every((b) => b === 0), "the path is zeroed");
});

/** A module importing `imports` from the glue and exporting `exports`. */
function bindgenModule(imports, exports) {
  const importEntries = imports.map((name) => Buffer.concat([text("./lede_bg.js"), text(name), Buffer.from([0x00, 0x00])]));
  const exportEntries = exports.map((name, i) => Buffer.concat([text(name), Buffer.from([0x00, i])]));
  return Buffer.concat([
    HEADER,
    section(2, Buffer.concat([uleb(imports.length), ...importEntries])),
    section(7, Buffer.concat([uleb(exports.length), ...exportEntries])),
  ]);
}

const IMPORTS = ["__wbg_observe_a20322af4df81e46", "__wbg_new_82c0e92e45295e35", "__wbindgen_init_externref_table"];
const EXPORTS = [
  "memory",
  "mount",
  "wasm_bindgen__convert__closures_____invoke__h6a07ff70d0710a33",
  // The small build's mangling: crate hashes inside the name.
  "wasm_bindgen_69243f2d0914f037___convert__closures_____invoke___wasm_bindgen_69243f2d0914f037___JsValue______true_",
];
const GLUE =
  'function C(){return{"./lede_bg.js":{__wbg_observe_a20322af4df81e46:function(e,t){e.observe(t)},' +
  "__wbg_new_82c0e92e45295e35:function(){return new Object},__wbindgen_init_externref_table:function(){}}}}" +
  "function M(r,e){o.wasm_bindgen__convert__closures_____invoke__h6a07ff70d0710a33(r,e)}" +
  "function N(r){o.wasm_bindgen_69243f2d0914f037___convert__closures_____invoke___wasm_bindgen_69243f2d0914f037___JsValue______true_(r)}" +
  "function O(r){return o.mount(r)}export{O as mount};";

test("short-names renames hashed imports and exports in both files alike", () => {
  const wasm = join(dir, "names.wasm");
  const glue = join(dir, "names.js");
  writeFileSync(wasm, bindgenModule(IMPORTS, EXPORTS));
  writeFileSync(glue, GLUE);
  const out = execFileSync("node", [join(here, "short-names.mjs"), wasm, glue], { encoding: "utf8" });
  assert.match(out, /2 imports and 2 exports renamed/);
  const js = readFileSync(glue, "utf8");
  const bin = readFileSync(wasm).toString("latin1");
  assert.ok(!/_[0-9a-f]{16}/.test(js) && !/_[0-9a-f]{16}/.test(bin), "no hashed name is left");
  assert.match(js, /\{a:function\(e,t\)\{e\.observe\(t\)\},b:function/);
  assert.match(js, /o\.a\(r,e\)\}function N\(r\)\{o\.b\(r\)\}/);
  // What is not hashed keeps its name: the public `mount` above all.
  assert.match(js, /o\.mount\(r\)\}export\{O as mount\}/);
  assert.match(js, /__wbindgen_init_externref_table:/);
  assert.ok(bin.includes("__wbindgen_init_externref_table") && bin.includes("mount"));
});

test("short-names changes nothing when the glue does not match the wasm", () => {
  const wasm = join(dir, "mismatch.wasm");
  const glue = join(dir, "mismatch.js");
  const module = bindgenModule(IMPORTS, EXPORTS);
  const stale = GLUE.replace("__wbg_new_82c0e92e45295e35", "__wbg_new_ffffffffffffffff");
  writeFileSync(wasm, module);
  writeFileSync(glue, stale);
  const run = spawnSync("node", [join(here, "short-names.mjs"), wasm, glue], { encoding: "utf8" });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /__wbg_new_82c0e92e45295e35 appears 0 times/);
  assert.deepEqual(readFileSync(wasm), module);
  assert.equal(readFileSync(glue, "utf8"), stale);
});
