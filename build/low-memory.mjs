// Checks what step 8's `wasm-opt --low-memory-unused` assumes of a release
// wasm: that nothing lives in the low 1 KB of its memory. With that
// assumption binaryen folds a constant added to an address into the load's
// or store's offset, which differs only for an address that wraps past
// 4 GB into the low 1 KB.
//
// rustc's linker puts the 1 MB stack first (its pointer starts at 1 MB and
// grows down) and the data after it, so the low 1 KB is the stack's far
// end, reached only by a stack 1023 KB deep. A toolchain that laid memory
// out otherwise (data from address 0, or a stack pointer starting below
// 1 KB) fails the build here (exit 1) instead of being optimized under an
// assumption that no longer holds. A wasm it cannot read fails too.
//
// usage: node build/low-memory.mjs file.wasm
import { readFileSync } from "node:fs";
import { dataSegments, stackPointer } from "./leb128.mjs";

const LOW = 1024;

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node build/low-memory.mjs file.wasm");
  process.exit(2);
}
const fail = (why) => {
  console.error(`low-memory: ${why}; wasm-opt --low-memory-unused would not be safe on ${file}`);
  process.exit(1);
};

let segments, stack;
try {
  const wasm = readFileSync(file);
  segments = dataSegments(wasm);
  stack = stackPointer(wasm);
} catch (e) {
  fail(`cannot read the wasm: ${e.message}`);
}
const low = segments.find((s) => s.address < LOW);
if (low) fail(`a data segment starts at ${low.address}, in the low ${LOW} bytes`);
if (!stack.mutable) fail("the first global is not mutable, so not the stack pointer");
if (stack.value < LOW) fail(`the stack pointer starts at ${stack.value}, in the low ${LOW} bytes`);
const first = segments.length ? Math.min(...segments.map((s) => s.address)) : "nowhere";
console.log(`low-memory: data from ${first}, the stack pointer from ${stack.value}: nothing starts in the low ${LOW} bytes`);
