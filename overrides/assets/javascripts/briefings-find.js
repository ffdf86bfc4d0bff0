// Search: the box in the header of every page, and the search page's own. Pagefind's
// results as you type, briefings before actor, topic and other pages. "/" focuses the
// page's box, arrows move through the results, Enter opens one, Escape closes.
// Pagefind (and its index, per language) loads on first use, so a page view that does
// not search pays nothing. The search page runs the query in its address (?q=).
(function () {
  "use strict";
  var forms = document.querySelectorAll("form.briefing-find");
  var pagefind = null;
  function load(bundle) {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        return pf.init().then(function () { return pf; });
      });
    }
    return pagefind;
  }
  forms.forEach(function (form) { setup(form, load); });
  // "/" goes to the search page's own box when there is one, else the header's.
  var main = forms[forms.length - 1];
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (main && event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      main.querySelector("input").focus();
      main.querySelector("input").select();
    }
  });

  // One box and its results: the header's, or the search page's own.
  function setup(form, load) {
    var input = form.querySelector("input");
    var panel = form.querySelector(".briefing-find__panel");
    var list = form.querySelector(".briefing-find__results");
    var status = form.querySelector(".briefing-find__status");
    var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
    var inPage = form.hasAttribute("data-in-page");  // the search page's: results stay
    var SHOWN = inPage ? 50 : 8;
    var CONSIDERED = inPage ? 100 : 16;
    var prefix = form.id || "briefing-find";
    var latest = 0;
    var active = -1;

    function show(on) {
      if (inPage) on = list.childElementCount > 0 || !status.hidden;
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
      item.id = prefix + "-" + index;
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
      var total = 0;
      load(bundle).then(function (pf) {
        return pf.search(query);
      }).then(function (found) {
        if (ticket !== latest) return null;
        total = found.results.length;
        // The best CONSIDERED by Pagefind's score, briefings first among them (a short
        // actor or topic page outscores the briefing it points to).
        return Promise.all(found.results.slice(0, CONSIDERED).map(function (r) { return r.data(); }));
      }).then(function (results) {
        if (results === null || ticket !== latest) return;
        results = results.filter(function (r) { return r.meta.type === "briefing"; })
          .concat(results.filter(function (r) { return r.meta.type !== "briefing"; }))
          .slice(0, SHOWN);
        list.replaceChildren.apply(list, results.map(option));
        var count = form.getAttribute("data-count");  // the search page says how many
        if (!results.length) status.textContent = form.getAttribute("data-none");
        else status.textContent = count ? count.replace("#", String(total)) : "";
        status.hidden = !status.textContent;
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
      load(bundle);
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
      if (!inPage && !form.contains(event.relatedTarget)) show(false);
    });
    if (inPage) {
      form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
      var asked = new URLSearchParams(window.location.search).get("q");
      if (asked) { input.value = asked; run(); }
    }
  }
})();
