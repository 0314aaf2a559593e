// Adds a third widget 1.5 s after load, as pages that load content late do.
setTimeout(() => {
  const el = document.createElement("div");
  el.id = "third";
  el.setAttribute("data-lede", "");
  el.setAttribute("data-article-src", document.getElementById("first").getAttribute("data-article-src"));
  document.querySelector("main").append(el);
}, 1500);
