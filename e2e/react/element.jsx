// A React 19 app that renders <lede-widget> as a custom element, bundled
// with esbuild by e2e/tests/element.test.mjs. `lede` is lede.js, through
// the page's import map; importing it defines the element. The test moves
// from story A to story B with window.__go("b"), and to no story with
// window.__go(null).
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import "lede";

const cdn = window.CDN;
const stories = {
  a: { article: `${cdn}/api/article/1855600.json`, related: `${cdn}/api/related/1855600.json` },
  b: { article: `${cdn}/b/article.json?ms=300`, related: `${cdn}/b/related.json?ms=300` },
};

function App() {
  const [story, setStory] = useState("a");
  useEffect(() => {
    window.__go = (next) => {
      history.pushState(null, "", next ? `/story/${next}` : "/");
      setStory(next);
    };
  }, []);
  return (
    <main>
      <h1 id="app-title">{story ? `Story ${story.toUpperCase()}` : "No story"}</h1>
      {story && (
        <lede-widget
          id="widget"
          article-src={stories[story].article}
          related-src={stories[story].related}
          media-base={`${cdn}/media`}
          link-template={`https://news.example/${story}/{id}`}
          heading={`More about story ${story.toUpperCase()}`}
        />
      )}
    </main>
  );
}

createRoot(document.getElementById("root")).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
