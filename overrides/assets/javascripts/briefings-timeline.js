// Filters the merged timeline by actor and by topic. The filter lives in the address
// (?actor=…&topic=…), so a filtered timeline can be shared. Without JavaScript the form
// stays hidden and every event is shown.
(function () {
  "use strict";
  var form = document.querySelector("form.briefing-filter");
  if (!form) return;
  var events = Array.prototype.slice.call(document.querySelectorAll(".briefing-timeline li"));
  var count = form.querySelector(".briefing-filter__count");
  var empty = document.querySelector(".briefing-filter__empty");
  var fields = { actor: form.elements.actor, topic: form.elements.topic };
  function words(value) { return (value || "").split(" ").filter(Boolean); }

  function apply() {
    var actor = fields.actor.value;
    var topic = fields.topic.value;
    var shown = 0;
    events.forEach(function (li) {
      var visible = (!actor || words(li.dataset.actors).indexOf(actor) >= 0) &&
                    (!topic || words(li.dataset.tags).indexOf(topic) >= 0);
      li.hidden = !visible;
      if (visible) shown += 1;
    });
    // A year heading is hidden with its last visible event, and so is its entry in the
    // table of contents.
    document.querySelectorAll(".briefing-timeline").forEach(function (list) {
      var heading = list.previousElementSibling;
      var any = list.querySelector("li:not([hidden])") !== null;
      list.hidden = !any;
      if (heading && /^H2$/.test(heading.tagName)) {
        heading.hidden = !any;
        document.querySelectorAll(".md-nav--secondary a[href='#" + heading.id + "']").forEach(function (a) {
          a.parentElement.hidden = !any;
        });
      }
      // The briefings an event is from are said once for a run of events from the same
      // ones: the first shown of a run says them, whichever a filter left.
      var before = null;
      list.querySelectorAll("li:not([hidden]) .briefing-event__from").forEach(function (from) {
        var sources = from.innerHTML;
        from.classList.toggle("briefing-event__from--same", sources === before);
        before = sources;
      });
    });
    var total = events.length;
    count.value = count.getAttribute(total === 1 ? "data-one" : "data-other")
      .replace("#", shown.toLocaleString(document.documentElement.lang))
      .replace("@", total.toLocaleString(document.documentElement.lang));
    empty.hidden = shown > 0;
  }

  function remember() {
    var url = new URL(window.location.href);
    Object.keys(fields).forEach(function (name) {
      if (fields[name].value) url.searchParams.set(name, fields[name].value);
      else url.searchParams.delete(name);
    });
    window.history.replaceState(null, "", url.href);
  }

  // A value from the address counts only if the page offers it.
  var asked = new URLSearchParams(window.location.search);
  Object.keys(fields).forEach(function (name) {
    var value = asked.get(name);
    var known = Array.prototype.some.call(fields[name].options, function (o) { return o.value === value; });
    if (value && known) fields[name].value = value;
  });
  form.hidden = false;
  form.addEventListener("change", function () { apply(); remember(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { apply(); remember(); }, 0);  // after the form has reset
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  empty.querySelector("button").addEventListener("click", function () { form.reset(); });
  apply();
})();
