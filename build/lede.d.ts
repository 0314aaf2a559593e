// Types for lede.js, the news widget's embed module (README: "Explicit
// mounting, for frameworks" and "Events"). Shipped beside lede.js.

/** A widget made by `mount()`, or waiting for the code to start. */
export interface LedeHandle {
  /** Removes the widget and frees what it holds; before the code has
   * started, cancels the mount. The element can be mounted again. */
  unmount(): void;
}

/**
 * Makes `element` a widget (it needs no `data-lede`) and returns its handle
 * at once; the widget appears when the code has started. A no-op, returning
 * a handle, for an element that already is one. Its attributes are live:
 * change `data-article-src` and the others at any time.
 * @throws TypeError for something that is not an Element.
 */
export function mount(element: Element): LedeHandle;

/** Resolves once the code has started (every `[data-lede]` element of the
 * page is then mounted); rejects when it could not load. Ignoring it is
 * safe: its rejection is never reported as unhandled. */
export const ready: Promise<void>;

/** `lede:ready`: a section has loaded. */
export type LedeReadyDetail =
  | { section: "article" }
  | { section: "related"; /** How many slides. */ count: number };

/** `lede:error`: a section failed once its retries were spent (`article`,
 * `related`), the attributes are unusable (`config`), the widget's code
 * could not load (`load`), or it trapped and is being started again
 * (`crash`). */
export interface LedeErrorDetail {
  section: "article" | "related" | "config" | "load" | "crash";
  /** A sentence for readers, in the widget's language. */
  message: string;
}

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

declare global {
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
