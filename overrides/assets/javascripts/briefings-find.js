// Search: the box in the header of every page, and the search page's own. Pagefind's
// results as you type, briefings before actor, topic and other pages. "/" focuses the
// page's box, arrows move through the header's results, Enter opens one, Escape closes.
// Pagefind (and its index, per language) loads on first use, so a page view that does
// not search pays nothing. The search page runs the query in its address (?q=), lists
// each result with its excerpt, says how many there are, and offers the same query in
// the other languages' search.
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
  // Text from HTML-escaped text (&amp; to &): a textarea's content is parsed as text
  // only (RCDATA), and one outside the document runs nothing.
  var decoder = document.createElement("textarea");
  function decode(html) {
    decoder.innerHTML = html;
    return decoder.value;
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
      if (!inPage) input.setAttribute("aria-expanded", on ? "true" : "false");
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
      var link = document.createElement("a");
      link.href = data.url;
      if (!inPage) {
        item.id = prefix + "-" + index;
        item.setAttribute("role", "option");
        link.tabIndex = -1;
      }
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
      if (inPage && data.excerpt) item.appendChild(excerpt(data.excerpt));
      return item;
    }

    // Pagefind's excerpt is the page's text, HTML-escaped, with <mark> around the words
    // that matched: split there and set each piece as text, so no markup of a page's
    // text can come through.
    function excerpt(html) {
      var p = document.createElement("p");
      p.className = "briefing-find__excerpt";
      html.split(/(<mark>.*?<\/mark>)/).forEach(function (piece) {
        var marked = /^<mark>(.*)<\/mark>$/.exec(piece);
        var text = decode(marked ? marked[1] : piece);
        if (!text) return;
        if (marked) {
          var mark = document.createElement("mark");
          mark.textContent = text;
          p.appendChild(mark);
        } else {
          p.appendChild(document.createTextNode(text));
        }
      });
      return p;
    }

    // Pagefind looks for ever shorter beginnings of a word it does not know until one is
    // in the index ("nonexistentzzz" finds "no"). A result stays when a word it marks
    // shares with a word asked for at least two thirds of it (all of a short word);
    // containment lets Indonesian stems through ("untung" in "menguntungkan").
    function words(text) {
      return text.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    }
    function common(a, b) {
      var best = 0;
      for (var i = 0; i < a.length; i++) {
        for (var j = 0; j < b.length; j++) {
          var k = 0;
          while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
          if (k > best) best = k;
        }
      }
      return best;
    }
    function relevant(data, asked) {
      var marked = [];
      (data.excerpt || "").replace(/<mark>(.*?)<\/mark>/g, function (_, w) {
        marked = marked.concat(words(decode(w)));
        return "";
      });
      if (!marked.length) return true;  // matched outside the excerpt: trust Pagefind
      return asked.some(function (q) {
        var need = Math.min(q.length, Math.max(3, Math.ceil(q.length * 2 / 3)));
        return marked.some(function (w) { return common(q, w) >= need; });
      });
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
        var asked = words(query);
        var kept = results.filter(function (r) { return relevant(r, asked); });
        total -= results.length - kept.length;
        results = kept.filter(function (r) { return r.meta.type === "briefing"; })
          .concat(results.filter(function (r) { return r.meta.type !== "briefing"; }))
          .slice(0, SHOWN);
        list.replaceChildren.apply(list, results.map(option));
        // The search page says how many (a sentence per plural form: data-count-one,
        // data-count-other); both boxes say so when nothing matches, naming the query.
        var count = form.getAttribute(total === 1 ? "data-count-one" : "data-count-other");
        if (!results.length) status.textContent = form.getAttribute("data-none").replace("#", query);
        else status.textContent = count ? count.replace("#", total.toLocaleString(document.documentElement.lang)).replace("@", query) : "";
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
      // The same query in the other languages' search, kept up to date as it is typed.
      var others = document.querySelectorAll(".briefing-find__other a");
      var follow = function () {
        others.forEach(function (a) {
          var url = new URL(a.getAttribute("href"), document.baseURI);
          url.search = input.value.trim() ? "?q=" + encodeURIComponent(input.value.trim()) : "";
          a.href = url.href;
        });
      };
      input.addEventListener("input", follow);
      form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
      var asked = new URLSearchParams(window.location.search).get("q");
      if (asked) { input.value = asked; follow(); run(); }
    }
  }
})();
