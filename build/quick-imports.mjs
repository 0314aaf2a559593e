// Makes the wasm's calls into the browser cheaper: rewrites two patterns of
// the glue that wasm-bindgen writes, which a widget's render runs hundreds
// of times (every attribute set, element made, node inserted).
//
// 1. An import that may throw is written by wasm-bindgen as
//      name: function() { return handleError(function (arg0, …) { BODY }, arguments); },
//    a new closure and an `apply` over `arguments` on every call, which
//    V8 runs slowly until the function is hot (a render's calls mostly are
//    not yet). Here it becomes
//      name: function (arg0, …) { try { BODY } catch (e) { handleError(e); } },
//    with `handleError(e)` storing the exception for the wasm as before.
//    The same behaviour: the same value returned, the same exception
//    handed to the wasm (only the function's `length` and the exception's
//    stack, two frames shorter, differ). A body that reads `this` or
//    `arguments` would differ more: the script refuses one.
// 2. `getStringFromWasm0` decodes every string through `TextDecoder`, whose
//    fixed cost per call outweighs a short string's bytes. A string under 64
//    bytes that is all ASCII (attribute names and values, class names) is
//    made with `String.fromCharCode` instead; any other goes to
//    `TextDecoder` as before. For ASCII the two give the same string.
//
// Measured on the returning reader's next article (Slow 4G, 4x CPU): under
// V8's sampling profiler, the related section's render 28.7 to 19.1 ms of
// CPU for (1), to 17.5 for both (medians of 5-6 loads), but the profiler
// makes these calls dearer than they are; traced without it, the widget's
// JavaScript and wasm time 34.7 to 32.6 ms (medians of 10 loads, within
// their spread).
//
// It refuses (exit 1, and writes nothing) unless it finds both patterns
// exactly as described, every wrapped import closed at its own
// indentation, no body reading `this` or `arguments`, and no `handleError`
// call left in another form.
//
// usage: node build/quick-imports.mjs glue.js
import { readFileSync, writeFileSync } from "node:fs";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node build/quick-imports.mjs glue.js");
  process.exit(2);
}
const fail = (why) => {
  console.error(`quick-imports: ${file}: ${why}; nothing written`);
  process.exit(1);
};

const HANDLE_ERROR = `function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.__wbindgen_exn_store(idx);
    }
}`;
const STORE_ERROR = `function handleError(e) {
    const idx = addToExternrefTable0(e);
    wasm.__wbindgen_exn_store(idx);
}`;
const GET_STRING = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;
const GET_STRING_QUICK = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const end = ptr + len;
    const bytes = getUint8ArrayMemory0();
    if (len < 64) {
        let at = ptr;
        while (at < end && bytes[at] < 128) at++;
        if (at === end) return String.fromCharCode.apply(null, bytes.subarray(ptr, end));
    }
    return decodeText(bytes.subarray(ptr, end));
}`;

const glue = readFileSync(file, "utf8");
const once = (text, what) => {
  const n = glue.split(text).length - 1;
  if (n !== 1) fail(`expected ${what} once, found it ${n} times`);
};
once(HANDLE_ERROR, "wasm-bindgen's handleError");
once(GET_STRING, "wasm-bindgen's getStringFromWasm0");

const OPEN = /^(\s+)([\w$]+): function\(\) \{ return handleError\(function \(([\w$, ]*)\) \{$/;
const CLOSE = /^(\s+)\}, arguments\); \}(,?)$/;
let open = null;
let rewritten = 0;
let indent = "";
const lines = glue.split("\n").map((line, i) => {
  const o = OPEN.exec(line);
  if (o) {
    if (open) fail(`line ${i + 1}: a wrapped import opens inside another (line ${open})`);
    open = i + 1;
    indent = o[1];
    return `${o[1]}${o[2]}: function (${o[3]}) { try {`;
  }
  const c = CLOSE.exec(line);
  if (c) {
    if (!open) fail(`line ${i + 1}: a wrapped import closes that never opened`);
    if (c[1] !== indent) fail(`line ${i + 1}: the wrapped import of line ${open} closes at another indentation`);
    open = null;
    rewritten++;
    return `${c[1]}} catch (e) { handleError(e); } }${c[2]}`;
  }
  if (open && /\b(this|arguments)\b/.test(line)) fail(`line ${i + 1}: the wrapped import of line ${open} reads this or arguments`);
  return line;
});
if (open) fail(`the wrapped import of line ${open} never closes`);
if (rewritten === 0) fail("no import wrapped in handleError");
const out = lines.join("\n").replace(HANDLE_ERROR, STORE_ERROR).replace(GET_STRING, GET_STRING_QUICK);
const left = out.split("handleError(").length - 1;
if (left !== rewritten + 1) fail(`${left - 1 - rewritten} calls of handleError in a form not rewritten`);
writeFileSync(file, out);
console.log(`quick-imports: ${rewritten} imports catch their own exceptions; short ASCII strings decoded without TextDecoder`);
