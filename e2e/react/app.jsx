// A news site as a React 19 single-page app (issue 14's real client),
// bundled with esbuild by e2e/tests/spa.test.mjs. `lede` is lede.js, through
// the page's import map. The test drives navigation with window.__go(story,
// how): "kept" keeps the <div data-lede> and changes its attributes, as
// React does for a changed prop; "mounted" gives each story a new element
// (a `key`), mounted and unmounted with mount() in an effect.
import { StrictMode, useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { mount } from "lede";

const cdn = window.CDN;
const stories = {
  a: { article: `${cdn}/api/article/1855600.json`, related: `${cdn}/api/related/1855600.json` },
  b: { article: `${cdn}/b/article.json?ms=300`, related: `${cdn}/b/related.json?ms=300` },
};

function attrs(story) {
  return {
    "data-article-src": stories[story].article,
    "data-related-src": stories[story].related,
    "data-media-base": `${cdn}/media`,
    "data-link-template": `https://news.example/${story}/{id}`,
  };
}

/** The element is kept; React changes its attributes. */
function KeptWidget({ story }) {
  return <div id="kept" data-lede="" {...attrs(story)} />;
}

/** A new element per story, a widget for as long as React keeps it. */
function MountedWidget({ story }) {
  const ref = useRef(null);
  useEffect(() => {
    const handle = mount(ref.current);
    return () => handle.unmount();
  }, []);
  return <div id={`mounted-${story}`} ref={ref} {...attrs(story)} />;
}

function App() {
  const [{ story, how }, setPlace] = useState({ story: "a", how: "kept" });
  useEffect(() => {
    window.__go = (next, nextHow) => {
      history.pushState(null, "", `/story/${next}`);
      setPlace({ story: next, how: nextHow });
    };
  }, []);
  return (
    <main>
      <h1 id="app-title">Story {story.toUpperCase()}</h1>
      {how === "kept" ? <KeptWidget story={story} /> : <MountedWidget key={story} story={story} />}
    </main>
  );
}

createRoot(document.getElementById("root")).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
