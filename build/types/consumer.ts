// A framework user's code against lede.d.ts, compiled by `make test` with
// `tsc --noEmit --strict` (build/types/check.sh): the types say what the
// README says.
import { mount, ready, type LedeHandle, type LedeReadyDetail } from "@lede/widget";

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
  const s: "article" | "related" | "config" | "load" = e.detail.section;
  const m: string = e.detail.message;
  void [s, m];
});
document.addEventListener("lede:select", (e) => {
  const [id, url, position]: [string, string, number] = [e.detail.id, e.detail.url, e.detail.position];
  void [id, url, position];
});
document.addEventListener("lede:view", (e) => {
  const p: number = e.detail.position;
  void p;
});

// @ts-expect-error: mount takes an element, not a selector.
mount("#story");
// @ts-expect-error: no such section.
el.addEventListener("lede:error", (e) => e.detail.section === "carousel");
// @ts-expect-error: the article's detail has no count.
el.addEventListener("lede:ready", (e) => e.detail.section === "article" && e.detail.count);
