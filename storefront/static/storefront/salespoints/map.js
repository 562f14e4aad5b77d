/* Sales-points map: markers from the page's JSON, tiles only when a tile URL is configured. The list on the page
   does not depend on this script. */
(function () {
  "use strict";
  var holder = document.getElementById("sales-points-map");
  var data = document.getElementById("sales-points-data");
  if (!holder || !data || typeof L === "undefined") { return; }
  var points = JSON.parse(data.textContent);
  var map = L.map(holder, { scrollWheelZoom: false }).setView([16.0, 106.5], 5);
  var tiles = holder.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    }).addTo(map);
  } else {
    holder.classList.add("map--no-tiles");
  }
  L.Icon.Default.imagePath = holder.getAttribute("data-icons");
  var bounds = [];
  points.forEach(function (p) {
    var popup = document.createElement("div");
    var title = document.createElement("a");
    title.href = "#" + p.anchor;
    title.textContent = p.name;
    var line = document.createElement("p");
    line.textContent = p.address + (p.hours ? " · " + p.hours : "");
    popup.appendChild(title);
    popup.appendChild(line);
    L.marker([p.lat, p.lng], { title: p.name, alt: p.name }).addTo(map).bindPopup(popup);
    bounds.push([p.lat, p.lng]);
  });
  if (bounds.length === 1) { map.setView(bounds[0], 13); }
  if (bounds.length > 1) { map.fitBounds(bounds, { padding: [30, 30] }); }
  holder.setAttribute("data-markers", String(points.length));
})();
