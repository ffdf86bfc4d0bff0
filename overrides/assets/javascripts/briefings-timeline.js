// Filters the merged timeline by actor and by topic. Without JavaScript the form
// stays hidden and every event is shown.
(function () {
  "use strict";
  var form = document.querySelector("form.briefing-filter");
  if (!form) return;
  var events = Array.prototype.slice.call(document.querySelectorAll(".briefing-timeline li"));
  var count = form.querySelector(".briefing-filter__count");
  function words(value) { return (value || "").split(" ").filter(Boolean); }
  function apply() {
    var actor = form.elements.actor.value;
    var tag = form.elements.tag.value;
    var shown = 0;
    events.forEach(function (li) {
      var visible = (!actor || words(li.dataset.actors).indexOf(actor) >= 0) &&
                    (!tag || words(li.dataset.tags).indexOf(tag) >= 0);
      li.hidden = !visible;
      if (visible) shown += 1;
    });
    // A year heading is hidden with its last visible event.
    document.querySelectorAll(".briefing-timeline").forEach(function (list) {
      var heading = list.previousElementSibling;
      var any = list.querySelector("li:not([hidden])") !== null;
      list.hidden = !any;
      if (heading && /^H2$/.test(heading.tagName)) heading.hidden = !any;
    });
    count.value = shown + " / " + events.length;
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
