// Helpers for the end-to-end tests: a browser, pages that record what the
// console says, and queries into the widget's shadow DOM.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

export { assert };

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--autoplay-policy=no-user-gesture-required",
];

export function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** What a page's console may say: the browser's note on a failed request, and
 * Lede's own technical detail (prefixed "lede:"). Anything else (a panic, an
 * exception, a CSP report) fails the test. */
const allowed = [/^Failed to load resource/, /^lede: /, /^Access to fetch at .* has been blocked by CORS/];

/**
 * Opens a page in a fresh context. `page.problems()` lists console errors
 * and page errors that are not allowed; `page.done()` asserts there are none
 * and closes the context.
 */
export async function open(browser, url, options = {}) {
  const { viewport = { width: 1280, height: 900 }, allow = [], contextOptions = {}, before } = options;
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  const messages = [];
  page.on("console", (m) => {
    messages.push({ type: m.type(), text: m.text() });
    if (m.type() === "error" && ![...allowed, ...allow].some((re) => re.test(m.text()))) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("crash", () => problems.push("page crashed"));
  if (before) await before(page);
  if (url) await page.goto(url);
  page.messages = messages;
  page.problems = () => problems;
  page.done = async () => {
    const found = [...problems];
    await context.close();
    assert.deepEqual(found, [], "no panic, exception or unexpected console error");
  };
  return page;
}

/** Waits until a section of the first (or nth) widget has left "loading". */
export async function settled(page, section, { widget = 0, timeout = 15000 } = {}) {
  const selector = section === "article" ? "article[data-lede-article]" : "section[data-lede-related]";
  await page.waitForFunction(
    ([sel, n]) => {
      const host = document.querySelectorAll("[data-lede]")[n];
      const el = host?.shadowRoot?.querySelector(sel);
      return el && el.getAttribute("data-state") !== "loading";
    },
    [selector, widget],
    { timeout },
  );
  return state(page, section, widget);
}

/** The data-state of a section. */
export function state(page, section, widget = 0) {
  const selector = section === "article" ? "article[data-lede-article]" : "section[data-lede-related]";
  return page.evaluate(([sel, n]) => document.querySelectorAll("[data-lede]")[n]?.shadowRoot?.querySelector(sel)?.getAttribute("data-state") ?? null, [selector, widget]);
}

/** Runs `fn(root)` in the page with the nth widget's shadow root. */
export function inWidget(page, fn, arg, widget = 0) {
  return page.evaluate(
    ([src, a, n]) => {
      const root = document.querySelectorAll("[data-lede]")[n]?.shadowRoot;
      // eslint-disable-next-line no-new-func
      return new Function("root", "arg", `return (${src})(root, arg);`)(root, a);
    },
    [fn.toString(), arg ?? null, widget],
  );
}

/** Adds a widget to a page that has lede.js loaded. */
export function addWidget(page, attrs, { into = "main", inner = "" } = {}) {
  return page.evaluate(
    ([a, where, html]) => {
      const el = document.createElement("div");
      el.setAttribute("data-lede", "");
      for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
      el.innerHTML = html;
      document.querySelector(where).append(el);
    },
    [attrs, into, inner],
  );
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` (async) every 50 ms until it gives a truthy value, which
 * it returns; fails naming `what` after `timeout` ms. For what the page
 * reaches in its own time (a smooth scroll's end), not a fixed sleep. */
export async function eventually(check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Forces garbage collections (CDP) until `gone`, run in the page, says
 * what the test let go of has been collected; fails naming `what` after
 * 5 s. For leaks: nothing of Lede's may keep an element alive. */
export async function collected(page, gone, what) {
  const cdp = await page.context().newCDPSession(page);
  return eventually(async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return page.evaluate(gone);
  }, what);
}

/** Waits for the page to draw two frames and run a task after them: long
 * enough for what a key schedules a frame later to have happened. */
export const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));

/** Starts the widget's code on a page that has lede.js and no widget near
 * view (which fetches nothing but lede.js until one is): a first widget,
 * article only, until the code has started, then removed. */
export function startCode(page, cdn) {
  return page.evaluate(async (cdn) => {
    await new Promise((r) => (document.readyState === "loading" ? addEventListener("DOMContentLoaded", r) : r()));
    const src = document.querySelector("script[type=module][src*='lede.js']").src;
    const starter = document.createElement("div");
    starter.setAttribute("data-lede", "");
    starter.setAttribute("data-loading", "eager");
    starter.setAttribute("data-article-src", `${cdn}/api/article/1855600.json`);
    document.body.prepend(starter);
    await (await import(src)).ready;
    starter.remove();
  }, cdn);
}
