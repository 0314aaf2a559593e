// Types for lede.js, the news widget's embed module (README: "Single-page
// apps and frameworks" and "Events"). Shipped beside lede.js.

/** A widget made by `mount()`, or waiting for the code to start. */
export interface LedeHandle {
  /** Removes the widget and frees what it holds; before the code has
   * started, cancels the mount. The element can be mounted again. */
  unmount(): void;
}

/**
 * Makes `element` a widget (it needs no `data-lede`) and returns its handle
 * at once; the widget appears when the code has started and the element is
 * within a viewport and a half of view (or has `data-loading="eager"`).
 * For an element that already is one, a no-op, unless it was moved under
 * another `lang` or `dir`: it takes them on. Its attributes are live:
 * change `data-article-src` and the others at any time. Taken out of the
 * page, it is unmounted, and once the code runs (or could not load) let
 * go of at the next `mount()` (drop its handle too: the handle holds it).
 * @throws TypeError for something that is not an Element.
 */
export function mount(element: Element): LedeHandle;

/** Resolves once the code has started (when the first widget is near
 * view; the page's `[data-lede]` elements near view are then mounted or
 * queued, a widget whose language's words file is still coming once it
 * comes); rejects when it could not load. Ignoring it is
 * safe: its rejection is never reported as unhandled. */
export const ready: Promise<void>;

/** `lede:ready`: a section has loaded, and shows it (its headline or its
 * slides are in place when a listener hears this). */
export type LedeReadyDetail =
  | { section: "article" }
  | { section: "related"; /** How many slides. */ count: number };

/** What every `lede:error` says: which part of the widget, and a sentence
 * for people. */
interface LedeErrorBase {
  /** A feed's failure or a misconfiguration: the sentence readers see, in
   * the widget's language. `load` and `crash` (told by `lede.js`, without
   * the widget's words): a sentence in English, which readers do not see. */
  message: string;
}

/** `lede:error`: a section's feed failed, once its retries were spent. */
export interface LedeFeedError extends LedeErrorBase {
  section: "article" | "related";
  /** `http`: the server answered with a status outside 200–299; `timeout`:
   * no complete answer within 10 s; `network`: no answer at all, or a body
   * cut off; `cors`: the
   * server answered but does not allow this page's origin; `too-large`: a
   * body over 16 MiB; `parse`: not a feed Lede reads (see docs/feeds.md). */
  code: "http" | "timeout" | "network" | "cors" | "too-large" | "parse";
  /** The HTTP status, for `http`. */
  status?: number;
  /** The feed's URL. */
  url: string;
}

/** `lede:error`: the attributes cannot work (`config`), the widget's code
 * could not load (`load`), or it trapped and is being started again, or
 * has stopped for good and the fallback content shows (`crash`). */
export interface LedeWidgetError extends LedeErrorBase {
  section: "config" | "load" | "crash";
  code: "config" | "load" | "crash";
}

/** `lede:error`'s detail: `code` says what to count in monitoring. */
export type LedeErrorDetail = LedeFeedError | LedeWidgetError;

/** `lede:select`: a reader opened a related story. */
export interface LedeSelectDetail {
  id: string;
  url: string;
  /** From 1. */
  position: number;
}

/** `lede:view`: a slide has been at least half visible for a second. */
export interface LedeViewDetail {
  id: string;
  /** From 1. */
  position: number;
}

/** `<lede-widget>`: a custom element with a `[data-lede]` element's
 * attributes, without their `data-` (`article-src`, `related-src`,
 * `media-base`, `link-template`, `poster-template`, `theme`, `heading`,
 * `loading`, `text-<key>`), and the same events. */
export interface LedeWidgetElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    "lede-widget": LedeWidgetElement;
  }
  interface HTMLElementEventMap {
    "lede:ready": CustomEvent<LedeReadyDetail>;
    "lede:error": CustomEvent<LedeErrorDetail>;
    "lede:select": CustomEvent<LedeSelectDetail>;
    "lede:view": CustomEvent<LedeViewDetail>;
  }
  // The events bubble (and are composed): one listener on the document
  // hears every widget.
  interface DocumentEventMap {
    "lede:ready": CustomEvent<LedeReadyDetail>;
    "lede:error": CustomEvent<LedeErrorDetail>;
    "lede:select": CustomEvent<LedeSelectDetail>;
    "lede:view": CustomEvent<LedeViewDetail>;
  }
}
