// The peer: the same widget as a publisher's developer would write it today,
// in plain JavaScript with Swiper (navigation, keyboard, a11y; native lazy
// images; Swiper's Virtual module for long feeds, as its docs advise).
// Bundled and minified by esbuild (bench/run.sh). Same feeds, same page,
// the same DOM contract as far as Swiper allows.
import Swiper from "swiper";
import { A11y, Keyboard, Navigation, Virtual } from "swiper/modules";
import "swiper/css";
import "swiper/css/navigation";
import "swiper/css/a11y";
import "swiper/css/virtual";
import "./peer.css";

const IMAGE = ["jpg", "jpeg", "png", "gif", "webp", "avif"];
const VIDEO = ["mp4", "webm", "m4v", "mov", "ogv"];

function unwrap(text) {
  const m = /^\uFEFF?\s*string\((\d+)\) "([\s\S]*)"\s*$/.exec(text);
  if (!m) return text;
  if (new TextEncoder().encode(m[2]).length !== Number(m[1])) throw new Error("truncated feed");
  return m[2];
}

async function getFeed(url) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 10000);
  try {
    const res = await fetch(url, { signal: ctl.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return JSON.parse(unwrap(await res.text()));
  } finally {
    clearTimeout(timer);
  }
}

function kind(pic) {
  const name = pic.split(/[?#]/)[0].split("/").pop();
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  return IMAGE.includes(ext) ? "image" : VIDEO.includes(ext) ? "video" : "unknown";
}

function safe(url, base = location.href) {
  try {
    const u = new URL(url, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function mediaUrl(base, pic) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(pic)) return safe(pic);
  if (pic.startsWith("//")) return safe(`https:${pic}`);
  return safe(`${base.replace(/\/+$/, "")}/${pic.replace(/^\/+/, "")}`);
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

function parseDate(s) {
  const m = /^\w{3} (\w{3}) (\d{1,2}), (\d{4}) (\d\d):(\d\d):(\d\d)$/.exec(s ?? "");
  const d = m ? new Date(`${m[1]} ${m[2]}, ${m[3]} ${m[4]}:${m[5]}:${m[6]} UTC`) : new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

function failed(section, message, retry) {
  section.dataset.state = "error";
  const box = el("div", { role: "alert", class: "peer-notice" });
  box.append(el("p", {}, message));
  const button = el("button", { type: "button", "data-lede-retry": "" }, "Retry");
  button.addEventListener("click", retry);
  box.append(button);
  section.replaceChildren(box);
}

async function article(host, url) {
  const section = el("article", { "data-lede-article": "", "data-state": "loading", class: "peer-article" });
  host.append(section);
  const load = async () => {
    section.dataset.state = "loading";
    try {
      const a = await getFeed(url);
      if (typeof a.title !== "string" || !a.title.trim()) throw new Error("no title");
      const parts = [el("h1", {}, a.title.trim())];
      const date = parseDate(a.published);
      const meta = el("p", { class: "peer-dateline" });
      if (a.source) meta.append(el("span", { class: "peer-source" }, a.source));
      if (date) {
        const t = el("time", { datetime: date.toISOString().replace(".000Z", "Z") });
        t.textContent = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(date);
        meta.append(t);
      }
      parts.push(meta);
      const body = Array.isArray(a.body) ? a.body : String(a.body ?? "").split(/\n\s*\n/);
      for (const p of body) if (typeof p === "string" && p.trim()) parts.push(el("p", {}, p.trim()));
      section.replaceChildren(...parts);
      section.dataset.state = "ready";
    } catch (e) {
      console.warn("article feed", url, e);
      failed(section, "This article could not be loaded.", load);
    }
  };
  await load();
}

function slideHtml(item, i, total) {
  const slide = el("div", { class: "swiper-slide peer-slide", "data-lede-slide": "", "data-media": item.media });
  const link = item.href ? el("a", { href: item.href, class: "peer-tile" }) : el("div", { class: "peer-tile" });
  const thumb = el("span", { class: "peer-thumb" });
  if (item.media === "image") {
    thumb.append(el("img", { src: item.src, alt: "", loading: "lazy", decoding: "async", width: "320", height: "240" }));
    thumb.append(el("div", { class: "swiper-lazy-preloader" }));
  } else if (item.media === "video") {
    // A poster where the newsroom has one; preload="metadata", the usual
    // default, which still fetches the clip's start.
    const v = el("video", { src: item.src, ...(item.poster ? { poster: item.poster } : {}), muted: "", playsinline: "", loop: "", preload: "metadata", width: "320", height: "240" });
    v.muted = true;
    slide.addEventListener("mouseenter", () => v.play().catch(() => {}));
    slide.addEventListener("mouseleave", () => v.pause());
    thumb.append(v, el("span", { class: "peer-badge", "aria-hidden": "true" }, "▶"));
  }
  link.append(thumb, el("span", { class: "peer-title" }, (item.media === "video" ? "" : "") + item.title));
  slide.append(link);
  return slide;
}

async function related(host, url) {
  const base = new URL(host.dataset.mediaBase ?? new URL(url, location.href).origin, location.href).href;
  const template = host.dataset.linkTemplate ?? "/news/{id}";
  // The poster of a video: the item's own, or one made from its path.
  const posterTemplate = host.dataset.posterTemplate;
  const poster = (x) =>
    typeof x.poster === "string" && x.poster.trim()
      ? mediaUrl(base, x.poster.trim())
      : posterTemplate
        ? mediaUrl(base, posterTemplate.replaceAll("{path}", x.pic.replace(/\.[^./?#]*([?#].*)?$/, "")))
        : null;
  const section = el("section", { "data-lede-related": "", "data-state": "loading", class: "peer-related", "aria-label": "Related stories" });
  host.append(section);
  const load = async () => {
    section.dataset.state = "loading";
    try {
      const feed = await getFeed(url);
      if (!Array.isArray(feed)) throw new Error("not an array");
      const items = feed
        .map((x, n) => ({ x, n }))
        .filter(({ x }) => x && typeof x === "object" && (typeof x.id === "string" || typeof x.id === "number") && typeof x.title === "string" && typeof x.pic === "string" && String(x.id).trim() && x.title.trim() && x.pic.trim())
        .sort((a, b) => (Number(b.x.sort) || 0) - (Number(a.x.sort) || 0) || a.n - b.n)
        .map(({ x }) => {
          const m = kind(x.pic);
          const src = m === "unknown" ? null : mediaUrl(base, x.pic);
          return {
            id: String(x.id),
            title: x.title.trim(),
            media: src ? m : "unknown",
            src,
            poster: m === "video" && src ? poster(x) : null,
            href: safe(template.replaceAll("{id}", encodeURIComponent(String(x.id))), location.href),
          };
        });
      if (!items.length) {
        section.dataset.state = "empty";
        section.replaceChildren();
        return;
      }
      const root = el("div", { class: "swiper" });
      const wrapper = el("div", { class: "swiper-wrapper" });
      root.append(wrapper);
      const prev = el("button", { class: "swiper-button-prev", "data-lede-prev": "" });
      const next = el("button", { class: "swiper-button-next", "data-lede-next": "" });
      const head = el("div", { class: "peer-head" }, null);
      head.append(el("h2", {}, "Related stories"));
      const virtual = items.length > 50;
      if (!virtual) items.forEach((item, i) => wrapper.append(slideHtml(item, i, items.length)));
      section.replaceChildren(head, root, prev, next);
      new Swiper(root, {
        modules: [Navigation, Keyboard, A11y, Virtual],
        slidesPerView: "auto",
        spaceBetween: 16,
        navigation: { prevEl: prev, nextEl: next },
        keyboard: { enabled: true, onlyInViewport: true },
        a11y: { enabled: true, prevSlideMessage: "Previous stories", nextSlideMessage: "Next stories", containerRoleDescriptionMessage: "carousel", itemRoleDescriptionMessage: "slide", slideLabelMessage: "{{index}} of {{slidesLength}}" },
        virtual: virtual ? { enabled: true, slides: items, renderSlide: (item, i) => slideHtml(item, i, items.length).outerHTML } : false,
      });
      section.dataset.state = "ready";
    } catch (e) {
      console.warn("related feed", url, e);
      failed(section, "Related stories could not be loaded.", load);
    }
  };
  await load();
}

for (const host of document.querySelectorAll("[data-lede]")) {
  host.replaceChildren();
  host.classList.add("peer");
  if (host.dataset.articleSrc) article(host, host.dataset.articleSrc);
  if (host.dataset.relatedSrc) related(host, host.dataset.relatedSrc);
}
