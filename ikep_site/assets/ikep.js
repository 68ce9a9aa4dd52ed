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

  function init() {
    document.querySelectorAll("form[data-ikep-filter]").forEach(setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
