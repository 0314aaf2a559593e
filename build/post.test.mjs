// Tests of the release post-processing scripts (build/blank-locations.mjs,
// build/guard-glue.mjs, build/quick-imports.mjs,
// build/short-names.mjs, and the LEB128 reader they share; and that the
// read-ahead the glue bundles keeps to the wasm's limits) on small hand-made
// modules: only the sections the scripts read, which is all they need. Each
// script must fail, loudly and without writing, on input it does not
// understand or when it finds nothing to do.
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
// A reader that loops forever must fail its test, not hang it: scripts run
// in a child process, killed after this long.
const TIMEOUT = 10_000;
const dir = mkdtempSync(join(tmpdir(), "lede-post-"));

const section = (id, body) => Buffer.concat([Buffer.from([id]), uleb(body.length), body]);
const text = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);
const HEADER = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const u32 = (...values) => Buffer.concat(values.map((v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; }));

/** Runs a script; returns its exit status (null if killed), stdout and stderr. */
function run(script, ...args) {
  const child = spawnSync("node", [join(here, script), ...args], { encoding: "utf8", timeout: TIMEOUT });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** What `leb` (or `sleb`) of build/leb128.mjs makes of `bytes`, read in a child process. */
function readLeb(bytes, reader = "leb") {
  const code =
    `import(${JSON.stringify(join(here, "leb128.mjs"))}).then((m) => {` +
    `try { console.log(JSON.stringify(m.${reader}(Buffer.from(${JSON.stringify(bytes)}), 0))); }` +
    `catch (e) { console.log(JSON.stringify({ error: e.message })); } })`;
  const child = spawnSync("node", ["-e", code], { encoding: "utf8", timeout: TIMEOUT });
  assert.equal(child.status, 0, `the reader did not finish: ${child.error?.message ?? child.stderr}`);
  return JSON.parse(child.stdout);
}

test("the LEB128 reader reads wasm's numbers", () => {
  assert.deepEqual(readLeb([0x00]), [0, 1]);
  assert.deepEqual(readLeb([0xe5, 0x8e, 0x26]), [624485, 3]);
  assert.deepEqual(readLeb([0xff, 0xff, 0xff, 0xff, 0x0f]), [0xffffffff, 5]);
  assert.deepEqual(readLeb([0x80, 0x00]), [0, 2], "a padded zero is allowed");
  assert.deepEqual(readLeb([0x7f], "sleb"), [-1, 1]);
  assert.deepEqual(readLeb([0xc0, 0x00], "sleb"), [64, 2]);
  assert.deepEqual(readLeb([0xff, 0xff, 0xff, 0xff, 0x07], "sleb"), [2 ** 31 - 1, 5]);
});

test("the LEB128 reader throws on a truncated number instead of looping", () => {
  for (const reader of ["leb", "sleb"]) {
    assert.match(readLeb([], reader).error ?? "", /cut off/);
    assert.match(readLeb([0x80], reader).error ?? "", /cut off/);
    assert.match(readLeb([0xff, 0xff, 0xff], reader).error ?? "", /cut off/);
  }
});

test("the LEB128 reader throws on an over-long number", () => {
  for (const reader of ["leb", "sleb"]) {
    assert.match(readLeb([0x80, 0x80, 0x80, 0x80, 0x80, 0x00], reader).error ?? "", /longer than 5 bytes/);
  }
  assert.match(readLeb([0xff, 0xff, 0xff, 0xff, 0x1f]).error ?? "", /over 32 bits/);
  assert.match(readLeb([0xff, 0xff, 0xff, 0xff, 0x17], "sleb").error ?? "", /over 32 bits/);
});

/** A module whose one data segment sits at `address` and holds `bytes` (`count`: the segment count it claims). */
function dataModule(address, bytes, count = 1) {
  const segment = Buffer.concat([Buffer.from([0x00, 0x41]), uleb(address), Buffer.from([0x0b]), uleb(bytes.length), bytes]);
  return Buffer.concat([HEADER, section(11, Buffer.concat([uleb(count), segment]))]);
}

/** `n` Location records (file pointer, length, line, column) for one file name. */
const locations = (ptr, len, n) => Buffer.concat(Array.from({ length: n }, (_, i) => u32(ptr, len, 10 + i, 5)));

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
    locations(base, path.length, 59), // more Locations in the same file
  ]);
  const bytes = Buffer.concat([strings, records]);
  const file = join(dir, "locations.wasm");
  const before = dataModule(base, bytes);
  writeFileSync(file, before);
  const out = execFileSync("node", [join(here, "blank-locations.mjs"), file], { encoding: "utf8", timeout: TIMEOUT });
  assert.match(out, /1 file names \(37 bytes\) of 60 panic locations blanked/);
  const after = readFileSync(file);
  assert.equal(after.length, before.length, "nothing moved");
  const at = before.length - bytes.length; // the segment's bytes end the module
  const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
  assert.deepEqual([changed[0], changed.at(-1)], [at, at + path.length - 1], "only the path changed");
  assert.ok(after.subarray(at, at + path.length).every((b) => b === 0), "the path is zeroed");
});

/** Runs blank-locations on `module`; asserts that it fails, writes nothing, and says `why`. */
function blankFails(module, why) {
  const file = join(dir, "refused.wasm");
  writeFileSync(file, module);
  const { status, stderr } = run("blank-locations.mjs", file);
  assert.equal(status, 1, `exit status (null: killed after ${TIMEOUT} ms)`);
  assert.match(stderr, why);
  assert.deepEqual(readFileSync(file), module, "the file is unchanged");
}

test("blank-locations fails when it finds no panic locations, or too few", () => {
  const base = 1024;
  const path = "/home/ci/.cargo/registry/src/x/lib.rs";
  const strings = Buffer.alloc(40);
  strings.write(path, 0);
  // What -Zlocation-detail=none leaves: empty file names.
  blankFails(dataModule(base, Buffer.concat([strings, locations(base, 0, 60)])), /0 panic locations found/);
  blankFails(dataModule(base, Buffer.concat([strings, locations(base, path.length, 3)])), /3 panic locations found/);
  blankFails(Buffer.concat([HEADER, section(1, Buffer.from([0]))]), /0 data sections/);
});

test("blank-locations fails on a wasm it cannot parse", () => {
  const bytes = Buffer.concat([Buffer.alloc(40), locations(1024, 37, 60)]);
  const module = dataModule(1024, bytes);
  blankFails(Buffer.from("not a wasm module"), /not a wasm module/);
  blankFails(module.subarray(0, module.length - 10), /runs past the end/);
  // A data section whose segment count is cut off inside its LEB128.
  blankFails(Buffer.concat([HEADER, Buffer.from([11, 1, 0x80])]), /cut off/);
  // A segment count larger than the segments there.
  blankFails(dataModule(1024, bytes, 2), /cannot read the wasm/);
});

/** A module whose first global is an i32 (`mutable`) starting at `stack`, with one data segment at `address`. */
function layoutModule(stack, address, mutable = true) {
  const global = Buffer.concat([uleb(1), Buffer.from([0x7f, mutable ? 1 : 0, 0x41]), uleb(stack), Buffer.from([0x0b])]);
  const data = dataModule(address, Buffer.from("lede"));
  return Buffer.concat([HEADER, section(6, global), data.subarray(HEADER.length)]);
}

test("low-memory passes a wasm whose stack and data start above the low 1 KB", () => {
  const file = join(dir, "layout.wasm");
  // Addresses whose unsigned LEB128 reads the same signed (as i32.const's is).
  writeFileSync(file, layoutModule(65536, 65536));
  const { status, stdout } = run("low-memory.mjs", file);
  assert.equal(status, 0, `exit status (null: killed after ${TIMEOUT} ms)`);
  assert.match(stdout, /data from 65536, the stack pointer from 65536/);
});

test("low-memory fails a wasm with data or the stack in the low 1 KB, or one it cannot read", () => {
  const fails = (module, why) => {
    const file = join(dir, "layout-refused.wasm");
    writeFileSync(file, module);
    const { status, stderr } = run("low-memory.mjs", file);
    assert.equal(status, 1, `exit status (null: killed after ${TIMEOUT} ms)`);
    assert.match(stderr, why);
  };
  fails(layoutModule(65536, 16), /a data segment starts at 16/);
  fails(layoutModule(512, 65536), /the stack pointer starts at 512/);
  fails(layoutModule(65536, 65536, false), /not mutable/);
  fails(dataModule(65536, Buffer.from("lede")), /0 global sections/);
  fails(Buffer.from("not a wasm module"), /not a wasm module/);
});

/** A module importing `imports` from the glue and exporting `exports` (`extra`: exports it claims beyond those). */
function bindgenModule(imports, exports, extra = 0) {
  const importEntries = imports.map((name) => Buffer.concat([text("./lede_bg.js"), text(name), Buffer.from([0x00, 0x00])]));
  const exportEntries = exports.map((name, i) => Buffer.concat([text(name), Buffer.from([0x00, i])]));
  return Buffer.concat([
    HEADER,
    section(2, Buffer.concat([uleb(imports.length), ...importEntries])),
    section(7, Buffer.concat([uleb(exports.length + extra), ...exportEntries])),
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
  const out = execFileSync("node", [join(here, "short-names.mjs"), wasm, glue], { encoding: "utf8", timeout: TIMEOUT });
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
  const { status, stderr } = run("short-names.mjs", wasm, glue);
  assert.equal(status, 1);
  assert.match(stderr, /__wbg_new_82c0e92e45295e35 appears 0 times/);
  assert.deepEqual(readFileSync(wasm), module);
  assert.equal(readFileSync(glue, "utf8"), stale);
});

/** Runs short-names on `module` and GLUE; asserts that it fails, writes nothing, and says `why`. */
function shortFails(module, why) {
  const wasm = join(dir, "refused-names.wasm");
  const glue = join(dir, "refused-names.js");
  writeFileSync(wasm, module);
  writeFileSync(glue, GLUE);
  const { status, stderr } = run("short-names.mjs", wasm, glue);
  assert.equal(status, 1, `exit status (null: killed after ${TIMEOUT} ms)`);
  assert.match(stderr, why);
  assert.deepEqual(readFileSync(wasm), module, "the wasm is unchanged");
  assert.equal(readFileSync(glue, "utf8"), GLUE, "the glue is unchanged");
}

test("short-names fails when there is nothing to rename", () => {
  // No hashed name: wasm-bindgen named things differently, or this ran twice.
  shortFails(bindgenModule(["__wbindgen_init_externref_table", "a"], ["memory", "mount", "b"]), /no hashed import or export/);
});

test("short-names fails on a wasm it cannot parse", () => {
  const module = bindgenModule(IMPORTS, EXPORTS);
  shortFails(Buffer.from("not a wasm module"), /not a wasm module/);
  shortFails(module.subarray(0, module.length - 5), /runs past the end/);
  // An import section cut off inside its first entry's name length.
  shortFails(Buffer.concat([HEADER, Buffer.from([2, 2, 1, 0x80])]), /cut off/);
  // One export more than the section holds.
  shortFails(bindgenModule(IMPORTS, EXPORTS, 1), /cannot read the wasm/);
});

/** A glue as wasm-bindgen writes it, reduced to what guard-glue.mjs reads:
 * it takes the instance's exports once, and calls them. */
const BINDGEN_GLUE = `
let wasm;
export function call(name, ...args) { return wasm[name](...args); }
export function finalize(instance) {
    wasm = instance.exports;
    return wasm;
}
`;

test("guard-glue: a trap marks the instance dead, tells onTrap once, is rethrown once; later calls do nothing", async () => {
  const file = join(dir, "glue-guard.mjs");
  writeFileSync(file, BINDGEN_GLUE);
  const r = run("guard-glue.mjs", file);
  assert.equal(r.status, 0, r.stderr);
  const glue = await import(`${file}?${Date.now()}`);
  const heard = [];
  glue.onTrap((e) => heard.push(e.message));
  let calls = 0;
  const memory = { buffer: "kept as it is" };
  const exports = glue.finalize({
    exports: {
      memory,
      add: (a, b) => { calls++; return a + b; },
      trap: () => { calls++; throw new Error("unreachable"); },
    },
  });
  assert.equal(exports.memory, memory, "values other than functions are kept");
  assert.equal(glue.call("add", 2, 3), 5);
  assert.throws(() => glue.call("trap"), /unreachable/, "the trap is rethrown");
  assert.deepEqual(heard, ["unreachable"]);
  const nothing = glue.call("add", 2, 3);
  assert.deepEqual([nothing[0], nothing[1], nothing >>> 0], [0, 0, 0], "a dead instance does nothing, and reads as zeros");
  assert.deepEqual(glue.call("trap"), [0, 0, 0], "and throws nothing");
  assert.equal(calls, 2);
  assert.deepEqual(heard, ["unreachable"], "told once");
});

test("guard-glue refuses a glue it does not recognise, or one guarded already", () => {
  const none = join(dir, "glue-none.mjs");
  writeFileSync(none, "export const x = 1;\n");
  const r = run("guard-glue.mjs", none);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /found it 0 times/);
  assert.equal(readFileSync(none, "utf8"), "export const x = 1;\n", "unchanged");
  const twice = join(dir, "glue-twice.mjs");
  writeFileSync(twice, BINDGEN_GLUE);
  assert.equal(run("guard-glue.mjs", twice).status, 0);
  const again = run("guard-glue.mjs", twice);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /guarded already/);
  assert.equal(run("guard-glue.mjs").status, 2, "usage");
});

/** A glue as wasm-bindgen 0.2 writes it, reduced to what quick-imports.mjs
 * rewrites: imports that may throw, wrapped in handleError, one import
 * that may not, and the string reader; with a stand-in for the wasm's
 * memory and its exception store. */
const IMPORTS_GLUE = `
export const stored = [];
const table = [];
export const memory = new Uint8Array(256);
export const decoded = { calls: 0 };
let wasm = { __wbindgen_exn_store: (idx) => stored.push(table[idx]) };
function addToExternrefTable0(obj) {
    table.push(obj);
    return table.length - 1;
}
function getUint8ArrayMemory0() {
    return memory;
}
let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    decoded.calls++;
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}
export function getImports() {
    const import0 = {
        __proto__: null,
        __wbg_get_1: function() { return handleError(function (arg0, arg1) {
            const ret = arg0[getStringFromWasm0(arg1, 3)];
            return ret;
        }, arguments); },
        __wbg_plain_2: function(arg0) {
            return arg0 + 1;
        },
        __wbg_throws_3: function() { return handleError(function (arg0) {
            if (arg0) throw arg0;
            return "no";
        }, arguments); },
        __wbg_nested_4: function() { return handleError(function () {
            return [1, 2].map((x) => { return { x }; });
        }, arguments); }
    };
    return { __proto__: null, "./lede_bg.js": import0 };
}
export function string(ptr, len) {
    return getStringFromWasm0(ptr, len);
}
function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.__wbindgen_exn_store(idx);
    }
}
`;

test("quick-imports: an import returns what it returned and hands its exception to the wasm, without handleError's closure", async () => {
  const file = join(dir, "glue-imports.mjs");
  writeFileSync(file, IMPORTS_GLUE);
  const r = run("quick-imports.mjs", file);
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(file, "utf8");
  assert.doesNotMatch(text, /handleError\(function|arguments\)|\.apply\(this/, "no wrapped import left");
  const glue = await import(`${file}?${Date.now()}`);
  const imports = glue.getImports()["./lede_bg.js"];
  glue.memory.set(Buffer.from("key"), 0);
  assert.equal(imports.__wbg_get_1({ key: 42 }, 0), 42);
  assert.equal(imports.__wbg_plain_2(1), 2);
  assert.equal(imports.__wbg_throws_3(null), "no");
  const error = new Error("refused");
  assert.equal(imports.__wbg_throws_3(error), undefined, "a thrown import returns nothing");
  assert.deepEqual(glue.stored, [error], "and its exception is stored for the wasm");
  assert.equal(imports.__wbg_get_1(null, 0), undefined);
  assert.equal(glue.stored.length, 2, "a TypeError too");
  assert.ok(glue.stored[1] instanceof TypeError);
  assert.deepEqual(imports.__wbg_nested_4(), [{ x: 1 }, { x: 2 }], "braces inside a body are kept");
});

test("quick-imports: a string reads the same from either decoder; short ASCII ones skip TextDecoder", async () => {
  const file = join(dir, "glue-strings.mjs");
  writeFileSync(file, IMPORTS_GLUE);
  assert.equal(run("quick-imports.mjs", file).status, 0);
  const glue = await import(`${file}?${Date.now()}`);
  const texts = ["", "a", "data-lede-slide", "x".repeat(63), "y".repeat(64), "z".repeat(200), "é", "Ab\u00e9", "عربي", "a\u{1F600}b", "\u007f\u0000", "\ufeffbom", "q".repeat(62) + "é"];
  // Bytes too, from the edges of ASCII (no Rust string holds the invalid ones).
  const raw = [[0x7f], [0x80], [0x41, 0x80], [0x41, 0xff, 0x42], [0xc3], [0x00, 0x7f, 0x80]];
  const reference = new TextDecoder("utf-8", { ignoreBOM: true });
  for (const bytes of [...texts.map((t) => Buffer.from(t)), ...raw.map((b) => Buffer.from(b))]) {
    const what = JSON.stringify([...bytes].slice(0, 8));
    glue.memory.fill(0);
    glue.memory.set(bytes, 10);
    const before = glue.decoded.calls;
    assert.equal(glue.string(10, bytes.length), reference.decode(bytes), what);
    const ascii = bytes.every((b) => b < 0x80);
    assert.equal(glue.decoded.calls - before, ascii && bytes.length < 64 ? 0 : 1, `${what}: TextDecoder used only where needed`);
  }
});

test("quick-imports refuses a glue it does not recognise, or one rewritten already, and writes nothing", () => {
  const cases = [
    ["no handleError", IMPORTS_GLUE.replace(/function handleError[\s\S]*$/, "")],
    ["no string reader", IMPORTS_GLUE.replace("function getStringFromWasm0", "function otherName")],
    ["an import never closed", IMPORTS_GLUE.replace("        }, arguments); },\n        __wbg_plain_2", "        },\n        __wbg_plain_2")],
    ["a close never opened", IMPORTS_GLUE.replace("__wbg_get_1: function() { return handleError(function (arg0, arg1) {", "__wbg_get_1: function(arg0, arg1) {")],
    ["a call in another form", IMPORTS_GLUE.replace("return arg0 + 1;", "return handleError(() => arg0, []);")],
    ["a close at another indentation", IMPORTS_GLUE.replace("        }, arguments); },\n        __wbg_plain_2", "            }, arguments); },\n        __wbg_plain_2")],
    ["a body reading this", IMPORTS_GLUE.replace("if (arg0) throw arg0;", "if (this) throw arg0;")],
    ["a body reading arguments", IMPORTS_GLUE.replace("if (arg0) throw arg0;", "if (arguments.length > 1) throw arg0;")],
    ["no wrapped import", IMPORTS_GLUE.replaceAll(/function\(\) \{ return handleError\(function (\([\w, ]*\)) \{/g, "function $1 {").replaceAll("}, arguments); }", "}")],
  ];
  for (const [what, source] of cases) {
    assert.notEqual(source, IMPORTS_GLUE, `${what}: the case changes the glue`);
    const file = join(dir, "glue-bad.mjs");
    writeFileSync(file, source);
    const r = run("quick-imports.mjs", file);
    assert.equal(r.status, 1, `${what}: refused (${r.stderr})`);
    assert.equal(readFileSync(file, "utf8"), source, `${what}: unchanged`);
  }
  const twice = join(dir, "glue-twice-imports.mjs");
  writeFileSync(twice, IMPORTS_GLUE);
  assert.equal(run("quick-imports.mjs", twice).status, 0);
  const again = run("quick-imports.mjs", twice);
  assert.equal(again.status, 1, "a second run refuses");
  assert.equal(run("quick-imports.mjs").status, 2, "usage");
});

/** The value of `const NAME = …;` in a source file (Rust or JavaScript),
 * evaluated: products of integer literals only. */
function constant(file, name) {
  const source = readFileSync(join(here, file), "utf8");
  const m = new RegExp(`const ${name}(?::\\s*\\w+)?\\s*=\\s*([\\d\\s*_]+);`).exec(source);
  assert.ok(m, `${name} in ${file}`);
  return m[1].split("*").reduce((n, f) => n * Number(f.replaceAll("_", "").trim()), 1);
}

test("the read-ahead stops where the wasm shows a feed in a later task, and refuses what the wasm refuses", () => {
  assert.equal(constant("read-ahead.js", "AHEAD"), constant("../src/core/cap.rs", "SHOWN_LATER"), "a body read ahead whole is one the wasm may show at once");
  assert.equal(constant("read-ahead.js", "MAX_BODY"), constant("../src/core/http.rs", "MAX_BODY"));
  assert.equal(constant("read-ahead.js", "AHEAD"), 262144);
});
