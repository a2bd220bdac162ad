/* Newsline timeline: small progressive enhancements on top of htmx.
 * Everything here is optional: without it (or without JavaScript) the page
 * is plain links and a GET form. No inline code: the CSP forbids it. */
(function () {
  "use strict";

  // Type-ahead boxes have their own requests: their "change" must not
  // submit the filter form (htmx trigger filters would need eval()).
  document.addEventListener("change", function (e) {
    if (e.target.closest && e.target.closest(".typeahead")) e.stopPropagation();
  }, true);

  // Keep addresses short and copyable: drop empty fields and the type-ahead
  // boxes (the JS type-ahead does not need them) from filter-form requests.
  document.addEventListener("htmx:configRequest", function (e) {
    var elt = e.detail.elt;
    if (!elt || elt.id !== "filter-form") return;
    var fd = e.detail.formData;
    var names = [];
    fd.forEach(function (_, name) { if (names.indexOf(name) < 0) names.push(name); });
    names.forEach(function (name) {
      var kept = fd.getAll(name).filter(function (v) { return String(v).trim() !== ""; });
      if (/_term$/.test(name) || (name === "order" && kept.join() === "newest")) kept = [];
      fd.delete(name);
      kept.forEach(function (v) { fd.append(name, v); });
    });
  });

  // An open event's title link closes its detail again.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.event-open");
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    var slot = document.getElementById(link.getAttribute("aria-controls"));
    if (slot && slot.childElementCount) {
      e.preventDefault();
      e.stopPropagation();
      slot.replaceChildren();
      link.setAttribute("aria-expanded", "false");
    }
  }, true);

  document.addEventListener("htmx:afterSwap", function (e) {
    var target = e.detail.target;
    if (!target) return;
    if (target.classList.contains("event-detail-slot")) {
      var opener = document.querySelector('a.event-open[aria-controls="' + target.id + '"]');
      if (opener) opener.setAttribute("aria-expanded", "true");
      return;
    }
    if (target.id === "timeline") {
      var count = document.getElementById("result-count");
      var announce = document.getElementById("announce");
      if (count && announce) announce.textContent = count.textContent.trim();
    }
  });

  // After the list was replaced, keyboard focus must not fall to <body>.
  document.addEventListener("htmx:afterSettle", function (e) {
    if (!e.detail.target || e.detail.target.id !== "timeline") return;
    var active = document.activeElement;
    if (!active || active === document.body || !document.contains(active)) {
      var heading = document.getElementById("results-heading");
      if (heading) heading.focus({ preventScroll: true });
    }
  });

  // On phones the filters start folded so the events come first; the
  // server renders them open, which is what a page without JS shows.
  var narrow = window.matchMedia("(max-width: 55.99rem)");
  var userOpened = false;
  function foldFilters() {
    var d = document.querySelector("details.filters-toggle");
    if (!d) return;
    if (!narrow.matches) return;
    d.open = userOpened;
  }
  document.addEventListener("toggle", function (e) {
    if (e.target.matches && e.target.matches("details.filters-toggle") && narrow.matches) {
      userOpened = e.target.open;
    }
  }, true);
  document.addEventListener("DOMContentLoaded", foldFilters);
  document.addEventListener("htmx:afterSettle", foldFilters);
  narrow.addEventListener("change", function () {
    var d = document.querySelector("details.filters-toggle");
    if (d && !narrow.matches) d.open = true;  // back on a wide screen
    else foldFilters();
  });

  // Type-ahead: arrow keys move between the box and its suggestions.
  document.addEventListener("keydown", function (e) {
    var box = e.target.closest && e.target.closest(".typeahead");
    if (!box) return;
    var input = box.querySelector("input");
    var links = Array.prototype.slice.call(box.querySelectorAll(".suggestions a"));
    var i = links.indexOf(e.target);
    if (e.key === "ArrowDown" && links.length) {
      e.preventDefault();
      links[Math.min(i + 1, links.length - 1)].focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      e.preventDefault();
      (i === 0 ? input : links[i - 1]).focus();
    } else if (e.key === "Enter" && e.target === input && links.length) {
      e.preventDefault();  // Enter picks the first suggestion
      links[0].click();
    } else if (e.key === "Escape") {
      box.querySelector(".suggestions").replaceChildren();
      input.focus();
    }
  });
})();
