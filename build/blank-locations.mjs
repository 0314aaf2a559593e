// Blanks the source file names of panic locations in a release wasm.
//
// A release build aborts on panic, and on wasm32-unknown-unknown the
// standard library's panic message goes to a stderr that writes nowhere: the
// file names that `core::panic::Location`s carry (the build machine's paths
// to the standard library and to every crate, several KB) are never read.
// The small build drops them with -Zlocation-detail=none; this does the same
// for the stable build after linking, without moving a byte: each string a
// Location points at is overwritten with zeros of the same length.
//
// A Location is 16 bytes of data, (file pointer, file length, line, column);
// only records whose pointer and length land inside the data, on printable
// text ending in ".rs" (a path), with a plausible line and column, count.
//
// Finding fewer than MIN_RECORDS fails (exit 1, nothing written): the
// stable build has over a hundred, so fewer means that rustc's layout of a
// Location changed or that the build dropped them already
// (-Zlocation-detail=none: the shipped build, which does not run this), and
// this step would silently do nothing. A wasm it cannot parse fails too.
//
// usage: node build/blank-locations.mjs file.wasm
import { readFileSync, writeFileSync } from "node:fs";
import { dataSegments } from "./leb128.mjs";

const MIN_RECORDS = 20;

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node build/blank-locations.mjs file.wasm");
  process.exit(2);
}
const fail = (why) => {
  console.error(`blank-locations: ${why}; ${file} left as it was`);
  process.exit(1);
};

let wasm, segments;
try {
  wasm = readFileSync(file);
  segments = dataSegments(wasm);
} catch (e) {
  fail(`cannot read the wasm: ${e.message}`);
}

/** The file offset of `len` bytes of memory at `address`, if in one segment. */
function locate(address, len) {
  for (const s of segments) {
    if (address >= s.address && address + len <= s.address + s.len) {
      return s.start + (address - s.address);
    }
  }
  return -1;
}

const isPath = (bytes) => {
  const text = bytes.toString("latin1").replace(/\0$/, "");
  return /^[\x21-\x7e]+\.rs$/.test(text) && text.includes("/");
};

const blanked = new Map();
let records = 0;
for (const s of segments) {
  // Records are 4-byte aligned in memory.
  const first = s.start + ((4 - (s.address % 4)) % 4);
  for (let p = first; p + 16 <= s.start + s.len; p += 4) {
    const ptr = wasm.readUInt32LE(p);
    const len = wasm.readUInt32LE(p + 4);
    const line = wasm.readUInt32LE(p + 8);
    const col = wasm.readUInt32LE(p + 12);
    if (len < 4 || len > 512 || line < 1 || line > 200000 || col < 1 || col > 1000) continue;
    const text = locate(ptr, len);
    if (text < 0 || !isPath(wasm.subarray(text, text + len))) continue;
    records++;
    blanked.set(text, len);
  }
}
if (records < MIN_RECORDS) {
  fail(`${records} panic locations found, expected at least ${MIN_RECORDS} (has rustc's Location layout changed, or were they dropped already?)`);
}
let bytes = 0;
for (const [text, len] of blanked) {
  bytes += wasm.subarray(text, text + len).filter((b) => b !== 0).length;
  wasm.fill(0, text, text + len);
}
writeFileSync(file, wasm);
console.log(`blank-locations: ${blanked.size} file names (${bytes} bytes) of ${records} panic locations blanked in ${file}`);
