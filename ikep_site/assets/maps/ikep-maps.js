/* ikep-site maps: shared boundary files, links from shapes and markers, and background tiles only
   with the reader's consent. Loaded (after Leaflet) before the first map of a page; the maps'
   own scripts, written by folium at build time, call into window.ikepMaps. */
(function () {
  "use strict";

  var STORE = "ikep-map-tiles";
  var maps = [];
  var files = {};

  var STYLES = {
    members: { color: "#1d4e6b", weight: 1, fillColor: "#5b8db0", fillOpacity: 0.25 },
    area: { color: "#1d4e6b", weight: 2, fillColor: "#5b8db0", fillOpacity: 0.2 },
    outline: { color: "#1d4e6b", weight: 2, dashArray: "6 4", fill: false },
    context: { color: "#4a555e", weight: 1, fill: false }
  };

  function load(url) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("ikep-maps: " + url + " " + response.status);
        return response.json();
      });
    }
    return files[url];
  }

  function textNode(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  function go(url) {
    window.location.href = url;
  }

  function makeReachable(layer, label, link) {
    var element = layer.getElement && layer.getElement();
    if (!element || !link) return;
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "link");
    element.setAttribute("aria-label", label);
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter") go(link);
    });
  }

  // A hover name for a shape whose tooltip is its number: an SVG title, set as text.
  function nameShape(shape, label) {
    var element = shape.getElement && shape.getElement();
    if (!element || !label || element.querySelector("title")) return;
    var title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = label;
    element.appendChild(title);
  }

  function addTiles(entry) {
    if (entry.tiles) return;
    entry.tiles = L.tileLayer(entry.options.url, {
      attribution: entry.options.attribution,
      referrerPolicy: entry.options.referrerPolicy,
      maxZoom: 19
    }).addTo(entry.map);
    if (entry.consent) entry.consent.hidden = true;
  }

  window.ikepMaps = {
    setup: function (map, options) {
      var block = map.getContainer().closest("[data-ikep-map]");
      var entry = { map: map, options: options, consent: block && block.querySelector(".ikep-map__consent") };
      maps.push(entry);
      if (entry.consent) {
        entry.consent.hidden = false;
        var remember = entry.consent.querySelector("input[type=checkbox]");
        entry.consent.querySelector("button").addEventListener("click", function () {
          if (remember && remember.checked) {
            try { window.localStorage.setItem(STORE, options.url); } catch (error) { /* storage blocked */ }
          }
          maps.forEach(addTiles);
        });
      }
      // The page may still be laying out when the map is made: fit again whenever its size
      // changes, until the reader moves the map.
      var touched = false;
      ["mousedown", "touchstart", "keydown", "wheel"].forEach(function (name) {
        map.getContainer().addEventListener(name, function () { touched = true; }, { passive: true });
      });
      var refit = function () {
        map.invalidateSize();
        if (!options.bounds || touched) return;
        // Leaflet ignores a new view while a zoom animation runs: fit once it has ended.
        if (map._animatingZoom) { map.once("zoomend", refit); return; }
        map.fitBounds(options.bounds, { padding: [12, 12], animate: false });
      };
      if (window.ResizeObserver) new ResizeObserver(refit).observe(map.getContainer());
      window.addEventListener("load", refit);
      var remembered = null;
      try { remembered = window.localStorage.getItem(STORE); } catch (error) { /* storage blocked */ }
      if (remembered === options.url) addTiles(entry);
    },

    addGeoJson: function (map, options) {
      var wanted = {};
      options.members.forEach(function (member) { wanted[member] = true; });
      load(options.url).then(function (data) {
        var layer = L.geoJSON(data, {
          filter: function (feature) {
            return !options.key || wanted[String((feature.properties || {})[options.key])] === true;
          },
          style: STYLES[options.style] || STYLES.members,
          onEachFeature: function (feature, shape) {
            var label = options.label || String((feature.properties || {})[options.labelProperty] || "");
            if (options.numbered) {
              // The shape's number in the member list below the map, which is its legend; the
              // name itself shows on hover and is the shape's accessible name.
              var number = options.members.indexOf(String((feature.properties || {})[options.key])) + 1;
              if (number > 0) {
                shape.bindTooltip(textNode(String(number)), {
                  permanent: true, direction: "center", className: "ikep-map__number", interactive: false
                });
                if (label) label = number + ". " + label;
              }
              shape.on("add", function () { nameShape(shape, label); });
            } else if (label) {
              shape.bindTooltip(textNode(label), { sticky: true });
            }
            if (options.link) shape.on("click", function () { go(options.link); });
            shape.on("add", function () { makeReachable(shape, label, options.link); });
          }
        }).addTo(map);
        layer.eachLayer(function (shape) {
          var feature = shape.feature || {};
          makeReachable(shape, options.label || String((feature.properties || {})[options.labelProperty] || ""), options.link);
        });
        if (options.style === "outline" || options.style === "context") layer.bringToBack();
      }).catch(function (error) {
        if (window.console) window.console.warn(error);
      });
    },

    linkMarker: function (marker, url) {
      marker.on("click", function () { go(url); });
    }
  };
})();
