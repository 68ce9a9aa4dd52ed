// The site's additions to Decap CMS, through its public registry (CMS.registerEventListener).
//
// Empty optional fields are left out of the file, as an editor writing by hand would leave them out:
// Decap saves a field that was typed into and emptied again as '' (and an emptied list as []),
// which the site's checks would reject as an empty value. The Markdown body is kept as it is.
(function () {
  "use strict";

  function isEmpty(value) {
    if (value === "" || value === null || value === undefined) return true;
    return typeof value === "object" && typeof value.size === "number" && value.size === 0;
  }

  // Decap's entry data are Immutable.js maps and lists: map and filter keep their order.
  function prune(value) {
    if (value && typeof value === "object" && typeof value.filter === "function" && typeof value.map === "function") {
      return value.map(prune).filter(function (item) { return !isEmpty(item); });
    }
    return value;
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      var body = data.get("body");
      var pruned = prune(data.delete("body"));
      return body === undefined ? pruned : pruned.set("body", body);
    },
  });
})();
