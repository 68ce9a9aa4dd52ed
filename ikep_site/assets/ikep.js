/* ikep-site: narrows the projects overview by goal and area. Without JavaScript the form stays
   hidden and every project is listed, grouped by status. Works with Material's instant loading. */
(function () {
  "use strict";

  function setUp(form) {
    if (form.dataset.ikepReady) return;
    form.dataset.ikepReady = "1";
    form.hidden = false;
    var selects = form.querySelectorAll("select[data-ikep-filter-by]");
    var result = form.querySelector("[data-ikep-filter-result]");
    var root = form.parentElement;

    function apply() {
      var cards = root.querySelectorAll("[data-ikep-group] .ikep-card");
      var shown = 0;
      cards.forEach(function (card) {
        var visible = true;
        selects.forEach(function (select) {
          if (!select.value) return;
          var values = (card.getAttribute("data-ikep-" + select.dataset.ikepFilterBy) || "").split(" ");
          if (values.indexOf(select.value) === -1) visible = false;
        });
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      root.querySelectorAll("[data-ikep-group]").forEach(function (group) {
        group.hidden = group.querySelectorAll(".ikep-card:not([hidden])").length === 0;
      });
      var filtered = Array.prototype.some.call(selects, function (select) { return select.value; });
      if (!filtered) {
        result.textContent = "";
      } else if (shown === 0) {
        result.textContent = result.dataset.empty;
      } else {
        result.textContent = result.dataset.template
          .replace("{count}", String(shown))
          .replace("{total}", String(cards.length));
      }
    }

    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  /* Dialogue calls: the state written at build time may be out of date when the page is read.
     Re-evaluate it from the embedded dates with the reader's clock (same rule as the build). */
  function localDay(date) {
    var month = String(date.getMonth() + 1).padStart(2, "0");
    var day = String(date.getDate()).padStart(2, "0");
    return date.getFullYear() + "-" + month + "-" + day;
  }

  function updateCalls() {
    var today = localDay(new Date());
    document.querySelectorAll("[data-ikep-first]").forEach(function (badge) {
      var state = today > badge.dataset.ikepLast ? "closed" : today < badge.dataset.ikepFirst ? "announced" : "open";
      badge.textContent = badge.getAttribute("data-label-" + state);
      badge.className = "ikep-call-state ikep-call-state--" + state;
      badge.dataset.ikepState = state;
    });
    /* Parts that hold only for some days (derive.Window): shown after data-ikep-after and up to
       data-ikep-until, e.g. the registration until its deadline, "Anmeldung geschlossen" after. */
    document.querySelectorAll("[data-ikep-after], [data-ikep-until]").forEach(function (part) {
      var after = part.dataset.ikepAfter;
      var until = part.dataset.ikepUntil;
      part.hidden = (after !== undefined && today <= after) || (until !== undefined && today > until);
    });
    document.querySelectorAll("[data-ikep-calls]").forEach(function (list) {
      var mode = list.dataset.ikepCalls;
      var limit = parseInt(list.dataset.ikepLimit || "0", 10);
      var shown = 0;
      list.querySelectorAll("li[data-ikep-call]").forEach(function (item) {
        var badge = item.querySelector("[data-ikep-first]");
        var closed = badge && badge.dataset.ikepState === "closed";
        var wanted = mode === "all" || (mode === "past" ? closed : !closed);
        if (wanted && limit && shown >= limit) wanted = false;
        item.hidden = !wanted;
        if (wanted) shown += 1;
      });
      var empty = list.querySelector("[data-ikep-calls-empty]");
      if (empty) empty.hidden = shown > 0;
    });
  }

  /* Paper: folded value tables print open also where CSS cannot open them (no ::details-content,
     see ikep-print.css); afterwards each is folded again as the reader left it. */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });

  function init() {
    document.querySelectorAll("form[data-ikep-filter]").forEach(setUp);
    updateCalls();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
