// Filters the briefings list by kind of work (analysis, explainer, ...). The choice lives
// in the address (?kind=…), so a filtered list can be shared. Without JavaScript the
// buttons stay hidden and every briefing is shown.
(function () {
  "use strict";
  var group = document.querySelector(".briefing-kinds");
  if (!group) return;
  var buttons = Array.prototype.slice.call(group.querySelectorAll("button[data-kind]"));
  var items = Array.prototype.slice.call(document.querySelectorAll(".briefing-list li"));

  function apply(kind) {
    if (!buttons.some(function (b) { return b.dataset.kind === kind; })) kind = "";
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.kind === kind)); });
    items.forEach(function (li) {
      var label = li.querySelector(".briefing-kind");
      li.hidden = kind !== "" && !(label && label.dataset.kind === kind);
    });
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var kind = button.dataset.kind;
      var url = new URL(location.href);
      if (kind) url.searchParams.set("kind", kind); else url.searchParams.delete("kind");
      history.replaceState(null, "", url);
      apply(kind);
    });
  });
  group.hidden = false;
  apply(new URLSearchParams(location.search).get("kind") || "");
})();
