// Records every lede:* event that reaches the document, with its target's id
// (a classic script, before lede.js, as a publisher's analytics would be),
// and what the event's section showed when the page heard it: a listener
// reads the widget as it is told it is ready (or failed).
window.__events = [];
/** What `host`'s section named in `detail` shows now (none for the load
 * and crash "sections", which are not sections of the widget). */
const shown = (host, detail) => {
  const selector = { article: "[data-lede-article]", related: "[data-lede-related]" }[detail?.section];
  const section = selector ? (host.shadowRoot ?? host).querySelector(selector) : null;
  if (!section) return null;
  return {
    state: section.getAttribute("data-state"),
    slides: section.querySelectorAll("[data-lede-slide]").length,
    headline: section.querySelector("h1,h2")?.textContent ?? null,
    notice: section.querySelector("[role=alert] .notice-text")?.textContent ?? null,
  };
};
for (const type of ["lede:ready", "lede:error"]) {
  document.addEventListener(type, (e) => {
    window.__events.push({ type, target: e.target.id || e.target.tagName, detail: e.detail, shown: shown(e.target, e.detail) });
  });
}
