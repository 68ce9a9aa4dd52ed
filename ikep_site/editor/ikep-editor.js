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
// 4. Indicator values from a file (`values: daten/leerstand.csv`): a form field holds a list or a
//    text, not both, so the path is shown in a field of its own, `values_file` (editor/fields.py),
//    and written back as `values` where the list stays empty.
(function () {
  "use strict";

  var IKEP_ID = "ikep_kennung";
  var HEAD = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

  // Keys whose value is a list or the path of a file (specs.py, ValuesOrFile) -> the path's own field.
  var FILE_ALTERNATIVES = { values: "values_file" };

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // The same object with each key renamed (or dropped, for undefined) in place, so the order stays.
  function rename(object, name) {
    var result = {};
    Object.keys(object).forEach(function (key) {
      var renamed = name(key, object[key]);
      if (renamed !== undefined && !(renamed in result)) result[renamed] = object[key];
    });
    return result;
  }

  function pathsToFields(value) {
    if (Array.isArray(value)) return value.map(pathsToFields);
    if (!isPlainObject(value)) return value;
    var object = rename(value, function (key, item) {
      return key in FILE_ALTERNATIVES && typeof item === "string" ? FILE_ALTERNATIVES[key] : key;
    });
    Object.keys(object).forEach(function (key) { object[key] = pathsToFields(object[key]); });
    return object;
  }

  function fieldsToPaths(value) {
    if (Array.isArray(value)) return value.map(fieldsToPaths);
    if (!isPlainObject(value)) return value;
    var object = {};
    Object.keys(value).forEach(function (key) { object[key] = fieldsToPaths(value[key]); });
    Object.keys(FILE_ALTERNATIVES).forEach(function (key) {
      var field = FILE_ALTERNATIVES[key];
      var path = typeof object[field] === "string" ? object[field].trim() : "";
      var list = object[key];
      var listEmpty = list === undefined || list === null || (Array.isArray(list) && list.length === 0);
      if (!path) {
        delete object[field];
      } else if (listEmpty) {
        // Where the field is, the path goes; an empty list beside it is left out.
        var moved = rename(object, function (name) { return name === key ? undefined : name; });
        object = rename(moved, function (name) { return name === field ? key : name; });
        object[key] = path;
      }
      // Both a list and a path: both are kept, so that the check names the path it cannot use.
    });
    return object;
  }

  function fromFile(text) {
    var match = HEAD.exec(text);
    if (!match || match.index !== 0) return { body: text };
    var data = pathsToFields(window.jsyaml.load(match[1], { schema: window.jsyaml.CORE_SCHEMA }) || {});
    data.body = text.slice(match[0].length);
    return data;
  }

  function toFile(data, sortedKeys) {
    data = fieldsToPaths(data);
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
