// The site's additions to Decap CMS, through its public registry (CMS.registerCustomFormat,
// CMS.registerEventListener); loaded after decap-cms.js and js-yaml, it starts the editor itself.
//
// 1. Its own front matter format, "ikep-frontmatter": the same Markdown files with a YAML head,
//    read with the YAML 1.2 core schema (a date stays the text the editor wrote), written with the
//    keys in the form's order and no line folded, and the Markdown body exactly as it was.
// 2. Empty optional fields are left out of the file, as an editor writing by hand would leave them
//    out: Decap saves a field typed into and emptied again as '' (an emptied list as []), which the
//    site's checks would reject as an empty value.
// 3. A new entry's file name is made from its title as `ikep new` makes it (ä → ae, ß → ss): the
//    id goes into a key of its own, IKEP_ID, which the collection's slug reads and the format drops.
(function () {
  "use strict";

  var IKEP_ID = "ikep_kennung";
  var HEAD = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

  function fromFile(text) {
    var match = HEAD.exec(text);
    if (!match || match.index !== 0) return { body: text };
    var data = window.jsyaml.load(match[1], { schema: window.jsyaml.CORE_SCHEMA }) || {};
    data.body = text.slice(match[0].length);
    return data;
  }

  function toFile(data, sortedKeys) {
    var head = {};
    (sortedKeys || []).concat(Object.keys(data)).forEach(function (key) {
      if (key !== "body" && key !== IKEP_ID && data[key] !== undefined && !(key in head)) head[key] = data[key];
    });
    var body = data.body || "";
    if (body && body.charAt(0) !== "\n") body = "\n" + body;
    var yaml = Object.keys(head).length ? window.jsyaml.dump(head, { schema: window.jsyaml.CORE_SCHEMA, lineWidth: -1 }) : "";
    return "---\n" + yaml + "---\n" + body;
  }

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

  // As ikep_site/content/loader.py `slugify`.
  function germanId(title) {
    var text = String(title || "").normalize("NFC").toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
    text = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    return text.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "eintrag";
  }

  window.CMS.registerCustomFormat("ikep-frontmatter", "md", { fromFile: fromFile, toFile: toFile });

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      var body = data.get("body");
      var pruned = prune(data.delete("body").delete(IKEP_ID));
      if (event.entry.get("newRecord")) pruned = pruned.set(IKEP_ID, germanId(pruned.get("title")));
      return body === undefined ? pruned : pruned.set("body", body);
    },
  });

  window.CMS.init();
})();
