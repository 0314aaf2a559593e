// A framework user's code against lede.d.ts, compiled by `make test` with
// `tsc --noEmit --strict` (build/pkg-check.sh): the types say what the
// README says.
import { mount, ready, type LedeErrorDetail, type LedeHandle, type LedeReadyDetail } from "@lede/widget";

const el = document.createElement("div");
el.setAttribute("data-article-src", "/api/article/1.json");
const handle: LedeHandle = mount(el);
handle.unmount();
const started: Promise<void> = ready;
void started.then(() => undefined, (e: unknown) => String(e));

el.addEventListener("lede:ready", (e) => {
  const d: LedeReadyDetail = e.detail;
  const n: number = d.section === "related" ? d.count : 0;
  void n;
});
el.addEventListener("lede:error", (e) => {
  const s: "article" | "related" | "config" | "load" | "crash" = e.detail.section;
  const m: string = e.detail.message;
  const d: LedeErrorDetail = e.detail;
  if (d.section === "article" || d.section === "related") {
    // A feed's failure says where and how, for monitoring.
    const where: string = d.url;
    const status: number | undefined = d.code === "http" ? d.status : undefined;
    void [where, status];
  }
  void [s, m];
});
document.addEventListener("lede:select", (e) => {
  const [id, url, position]: [string, string, number] = [e.detail.id, e.detail.url, e.detail.position];
  // An app with its own router keeps the page and shows the story.
  if (e.cancelable) e.preventDefault();
  void [id, url, position];
});
const widget: HTMLElementTagNameMap["lede-widget"] = document.createElement("lede-widget");
widget.setAttribute("related-src", "/api/related/1.json");
document.addEventListener("lede:view", (e) => {
  const p: number = e.detail.position;
  void p;
});

// @ts-expect-error: mount takes an element, not a selector.
mount("#story");
// @ts-expect-error: no such section.
el.addEventListener("lede:error", (e) => e.detail.section === "carousel");
// @ts-expect-error: a configuration error has no URL.
el.addEventListener("lede:error", (e) => e.detail.section === "config" && e.detail.url);
// @ts-expect-error: the article's detail has no count.
el.addEventListener("lede:ready", (e) => e.detail.section === "article" && e.detail.count);
