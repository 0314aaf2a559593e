// Bundled into the glue by the release build (build/write-loader.sh, step 6)
// and run when the glue is evaluated: warms the browser's date and number
// formatting while the wasm downloads.
//
// The first date and number formatting loads its locale data: 85–220 ms at
// 4× CPU, which the widget's first render (its dateline, each slide's "3 of
// 8") would otherwise spend once its feeds are there. Here, in the page's
// language, a step a task (in one task it was often the page's longest):
// the locale's likely subtags, then a number, a date, and a date with its
// time zone's name. The second step still loads most of the data (50–90
// ms); the others take under 30 ms each. The tag is the page's, trimmed, as
// the widget reads it; without one, the browser's default, as the widget
// formats. A tag Intl refuses makes each step throw, and the widget falls
// back on its own.
//
// It lives here, not in lede.js, because lede.js is all a page loads while
// its widgets are far from view, and the glue is imported as the code
// starts, a round trip before the wasm arrives on a first visit. A restart
// evaluates the glue again: by then each step takes a few milliseconds.
const tag = document.documentElement.lang.trim() || undefined;
const steps = [
  () => new Intl.Locale(tag ?? navigator.language).maximize(),
  () => new Intl.NumberFormat(tag).format(0),
  () => new Intl.DateTimeFormat(tag).format(),
  () => new Intl.DateTimeFormat(tag, { timeZoneName: "short" }).format(),
];
const next = () => {
  try {
    steps.shift()();
  } catch {}
  if (steps.length) setTimeout(next);
};
setTimeout(next);
