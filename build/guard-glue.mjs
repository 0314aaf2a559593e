// Makes a trap in the wasm a thing the page survives: rewrites the glue
// that wasm-bindgen writes so that every call into the wasm goes through a
// guard. The first exception that crosses the wasm (a trap: `unreachable`
// after a panic, a stack overflow, running out of memory) marks the
// instance dead and tells the listener given to the glue's new export
// `onTrap` (lede.js's, which starts a fresh instance); it is rethrown once,
// as it would have been. From then on every call into the dead instance
// (an event listener, an observer, a timer, a closure's destructor) does
// nothing, instead of running on a half-changed heap; it returns zeros
// where the glue reads results (\`ret[1]\`, \`ret >>> 0\`), so that the glue
// around the call finds nothing to throw either.
//
// wasm-bindgen's own `--force-enable-abort-handler` does the detecting
// part too, but wraps every import in the wasm with exception handling:
// 1.5 KB brotli more wasm, against 0.1 KB of JavaScript here.
//
// It refuses (exit 1, and changes nothing) unless the glue has exactly the
// one place where it takes the instance's exports.
//
// usage: node build/guard-glue.mjs glue.js
import { readFileSync, writeFileSync } from "node:fs";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node build/guard-glue.mjs glue.js");
  process.exit(2);
}
const glue = readFileSync(file, "utf8");
if (glue.includes("__ledeGuard")) {
  console.error(`guard-glue: ${file} is guarded already`);
  process.exit(1);
}
const TAKE = "wasm = instance.exports;";
const found = glue.split(TAKE).length - 1;
if (found !== 1) {
  console.error(`guard-glue: expected "${TAKE}" once in ${file}, found it ${found} times`);
  process.exit(1);
}
const guard = `
let __ledeDead = false;
let __ledeOnTrap = () => {};
const __ledeNothing = Object.freeze([0, 0, 0]);
/** Calls \`f(error)\` when the wasm traps; the instance is dead from then on. */
export function onTrap(f) {
  __ledeOnTrap = f;
}
function __ledeGuard(exports) {
  const guarded = {};
  for (const [name, value] of Object.entries(exports)) {
    guarded[name] = typeof value !== "function" ? value : (...args) => {
      if (__ledeDead) return __ledeNothing;
      try {
        return value(...args);
      } catch (e) {
        if (!__ledeDead) {
          __ledeDead = true;
          try { __ledeOnTrap(e); } catch {}
        }
        throw e;
      }
    };
  }
  return guarded;
}
`;
writeFileSync(file, glue.replace(TAKE, "wasm = __ledeGuard(instance.exports);") + guard);
