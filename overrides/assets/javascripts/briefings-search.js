// Loads Pagefind's search UI on the search page. Pagefind picks the index of
// the page's <html lang>, so each language searches only its own pages.
(function () {
  "use strict";
  var host = document.getElementById("briefing-search");
  if (!host) return;
  var bundle = new URL(host.getAttribute("data-bundle"), document.baseURI).href;
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    /* global PagefindUI */
    var ui = new PagefindUI({
      element: "#briefing-search",
      bundlePath: bundle,
      showImages: false,
      resetStyles: false,
      autofocus: true
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  };
  document.head.appendChild(script);
})();
