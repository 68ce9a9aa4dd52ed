/*!
 * ikep-site: German stems for what citizens type, too.
 *
 * Appended at build time to the theme's own lunr.de.min.js (ikep_site/adapter/searchstems.py), which
 * stays as the installed theme ships it. Material's search worker ends every typed word with "*"
 * (search as you type), and lunr skips the pipeline, stemmer included, for a word with "*": the
 * index holds "dorflad" (from "Dorfladen", "Dorfläden"), the query stays "dorfläden*" and finds
 * nothing, and even "dorfladen*" misses. Here a word ending in "*" is stemmed like the index before
 * the "*" is applied, so "Dorfläden", "Leerstände" and "Hausärzte" find "Dorfladen", "Leerstand",
 * "Hausarzt". The worker loads this file right after lunr, before it builds or queries the index.
 */
(function (lunr) {
  "use strict";
  if (!lunr || !lunr.de || !lunr.Query) return;
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (options) {
    var term = options && options.term;
    if (options.usePipeline === false && typeof term === "string" && /^[^*]+\*$/.test(term)) {
      var stem = lunr.de.stemmer(new lunr.Token(term.slice(0, -1), {})).toString();
      if (stem) options.term = stem + "*";
    }
    return clause.call(this, options);
  };
})(typeof self !== "undefined" ? self.lunr : this.lunr);
