// An app that imports the npm package, as a bundler's user writes it. The
// bundler gives the package's glue, wasm and words files their place in
// the app's output (Vite: from lede.js's `new URL("./…", import.meta.url)`),
// or the app's build copies them beside the bundle (esbuild).
import { mount, ready } from "@lede/widget";

window.__ready = "pending";
ready.then(
  () => { window.__ready = "resolved"; },
  (e) => { window.__ready = `rejected: ${e}`; },
);
document.getElementById("app").dataset.ran = "";
// An element without data-lede, mounted by the app.
window.__handle = mount(document.getElementById("explicit"));
