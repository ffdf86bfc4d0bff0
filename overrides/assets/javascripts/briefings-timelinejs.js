// Shows a briefing's timeline in TimelineJS on its timeline page (templates/timeline_view.md.j2),
// from the site's own copy of the library: no web fonts, analytics or other request leaves
// the site. Without JavaScript, or when the build found no TimelineJS to copy, the page
// keeps its list of the events; once TimelineJS shows them, the list closes.
(function () {
  "use strict";
  var box = document.querySelector(".briefing-timelinejs");
  if (!box) return;
  var library = new URL(box.dataset.library, location.href).href;
  var list = document.querySelector(".briefing-timeline-list");

  // The data's groups are the events' status, a code: shown in the page's words.
  function inWords(data) {
    (data.events || []).forEach(function (event) {
      var key = "group" + String(event.group).charAt(0).toUpperCase() + String(event.group).slice(1);
      if (box.dataset[key]) event.group = box.dataset[key];
    });
    return data;
  }

  function show(data) {
    box.hidden = false; // before TimelineJS measures it
    // TimelineJS sets its element's classes: it gets one inside the box, styled by the box.
    var timeline = new window.TL.Timeline(box.firstElementChild, data, {
      script_path: library + "js/", // its locale files, here
      language: box.dataset.language,
      font: null, // its fonts come from Google's servers: the site's own instead (CSS)
      theme: null,
      ga_measurement_id: null,
      ga_property_id: null,
      track_events: [],
      soundcite: false,
      hash_bookmark: false
    });
    timeline.on("loaded", function () {
      // A slide taller than the box scrolls: the keyboard must reach it too.
      box.querySelectorAll(".tl-slide").forEach(function (slide) { slide.tabIndex = 0; });
      if (list) list.open = false;
    });
  }

  var link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = library + "css/timeline.css";
  var script = document.createElement("script");
  script.src = library + "js/timeline.js";
  script.onload = function () {
    if (!window.TL || !window.TL.Timeline) return;
    fetch(box.dataset.timeline)
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.json();
      })
      .then(function (data) { show(inWords(data)); })
      .catch(function () { box.hidden = true; });
  };
  document.head.appendChild(link);
  document.head.appendChild(script);
})();
