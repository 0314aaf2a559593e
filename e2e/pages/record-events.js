// Records every lede:* event that reaches the document, with its target's id
// (a classic script, before lede.js, as a publisher's analytics would be).
window.__events = [];
for (const type of ["lede:ready", "lede:error"]) {
  document.addEventListener(type, (e) => {
    window.__events.push({ type, target: e.target.id || e.target.tagName, detail: e.detail });
  });
}
