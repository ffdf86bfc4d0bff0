// The header's search box on every page: Pagefind's results as you type, briefings
// before actor, topic and other pages. "/" focuses it, arrows move through the
// results, Enter opens one, Escape closes. Pagefind (and its index, per language)
// loads on first use, so a page view that does not search pays nothing.
(function () {
  "use strict";
  var form = document.querySelector("form.briefing-find");
  if (!form) return;
  var input = form.querySelector("input");
  var panel = form.querySelector(".briefing-find__panel");
  var list = form.querySelector(".briefing-find__results");
  var status = form.querySelector(".briefing-find__status");
  var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
  var SHOWN = 8;
  var CONSIDERED = 16;
  var pagefind = null;
  var latest = 0;
  var active = -1;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        return pf.init().then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function show(on) {
    panel.hidden = !on;
    input.setAttribute("aria-expanded", on ? "true" : "false");
    if (!on) choose(-1);
  }

  function options() { return list.querySelectorAll("[role=option]"); }

  function choose(index) {
    var items = options();
    active = items.length ? Math.max(-1, Math.min(index, items.length - 1)) : -1;
    items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  // Every text from the index is set as text: titles and excerpts are contributors'.
  function option(data, index) {
    var item = document.createElement("li");
    item.id = "briefing-find-" + index;
    item.setAttribute("role", "option");
    var link = document.createElement("a");
    link.href = data.url;
    link.tabIndex = -1;
    var title = document.createElement("span");
    title.className = "briefing-find__title";
    title.textContent = data.meta.title || data.url;
    link.appendChild(title);
    var about = [data.meta.kind, data.meta.date].filter(Boolean).join(" · ");
    if (about) {
      var line = document.createElement("span");
      line.className = "briefing-find__about";
      line.textContent = about;
      link.appendChild(line);
    }
    item.appendChild(link);
    return item;
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      show(false);
      return;
    }
    load().then(function (pf) {
      return pf.search(query);
    }).then(function (found) {
      if (ticket !== latest) return null;
      // The best CONSIDERED by Pagefind's score, briefings first among them (a short
      // actor or topic page outscores the briefing it points to).
      return Promise.all(found.results.slice(0, CONSIDERED).map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (results === null || ticket !== latest) return;
      results = results.filter(function (r) { return r.meta.type === "briefing"; })
        .concat(results.filter(function (r) { return r.meta.type !== "briefing"; }))
        .slice(0, SHOWN);
      list.replaceChildren.apply(list, results.map(option));
      status.textContent = results.length ? "" : form.getAttribute("data-none");
      status.hidden = results.length > 0;
      show(true);
      choose(-1);
    }).catch(function (error) {
      status.textContent = String(error);
      status.hidden = false;
      show(true);
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener("focus", function () {
    load();
    if (input.value.trim() && list.childElementCount) show(true);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (panel.hidden && list.childElementCount) show(true);
      choose(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = options()[active].querySelector("a").href;
    } else if (event.key === "Escape") {
      if (!panel.hidden) show(false);
      else { input.value = ""; input.blur(); }
    }
  });
  form.addEventListener("focusout", function (event) {
    if (!form.contains(event.relatedTarget)) show(false);
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
