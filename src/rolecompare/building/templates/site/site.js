(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  // Sorting: a button in each sortable column header; missing values stay last.
  each(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    each(body.rows, function (row, i) { row.setAttribute("data-i", i); });
    function key(row, column, numeric) {
      var cell = row.cells[column];
      if (!cell) { return null; }
      var raw = cell.getAttribute("data-sort");
      if (numeric) {
        var n = raw === null || raw === "" ? NaN : parseFloat(raw);
        return isNaN(n) ? null : n;
      }
      var text = (raw !== null ? raw : cell.textContent).replace(/\s+/g, " ").trim().toLowerCase();
      return text === "" ? null : text;
    }
    each(heads, function (th, column) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-type") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        each(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var items = Array.prototype.map.call(body.rows, function (row) {
          return { row: row, key: key(row, column, numeric), i: +row.getAttribute("data-i") };
        });
        items.sort(function (a, b) {
          if (a.key === null || b.key === null) {
            if (a.key === b.key) { return a.i - b.i; }
            return a.key === null ? 1 : -1;
          }
          var c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
          return c === 0 ? a.i - b.i : (ascending ? c : -c);
        });
        var fragment = document.createDocumentFragment();
        items.forEach(function (item) { fragment.appendChild(item.row); });
        body.appendChild(fragment);
      });
    });
  });

  // Filtering: rows whose role names contain every typed word; no network, no markup.
  var input = document.getElementById("find");
  var shown = document.getElementById("shown");
  if (!input) { return; }

  // Too many roles for one page: the index holds how many roles have a word beginning with
  // each three letters; Enter opens the page that lists them, carrying what was typed.
  var map = document.getElementById("find-map");
  if (map) {
    var counts = JSON.parse(map.textContent);
    var best = function () {
      var chosen = null;
      input.value.split(/\s+/).forEach(function (word) {
        var key = word.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 3);
        if (!key) { return; }
        var n = counts[key] || 0;
        if (chosen === null || n < chosen.n) { chosen = { key: key, n: n }; }
      });
      return chosen;
    };
    input.addEventListener("input", function () {
      var c = best();
      shown.textContent = c === null ? "" : c.n ? c.n + " roles have a word beginning \u201c" +
        c.key + "\u201d: press Enter to list them" : c.key.length < 3 ?
        "type three letters of a word" : "no role has a word beginning \u201c" + c.key + "\u201d";
    });
    input.addEventListener("keydown", function (event) {
      var c = best();
      if (event.key !== "Enter" || c === null || !c.n) { return; }
      window.location.href = "find/" + c.key + "-1.html#q=" + encodeURIComponent(input.value);
    });
    return;
  }
  // a find page opened from the index: filter by what was typed there
  if (window.location.hash.indexOf("#q=") === 0) {
    try { input.value = decodeURIComponent(window.location.hash.slice(3)); } catch (e) { /* keep */ }
  }
  var rows = [];
  each(document.querySelectorAll("table.filterable"), function (table) {
    each(table.tBodies[0].rows, function (row) {
      var names = [];
      each(row.querySelectorAll("td.role"), function (cell) { names.push(cell.textContent); });
      rows.push({ row: row, text: names.join(" ").replace(/\s+/g, " ").toLowerCase() });
    });
  });
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
    var count = 0;
    rows.forEach(function (item) {
      var match = words.every(function (w) { return item.text.indexOf(w) !== -1; });
      item.row.hidden = !match;
      if (match) { count += 1; }
    });
    if (shown) {
      shown.textContent = words.length ? count + " of " + rows.length + " rows match" : "";
    }
  }
  input.addEventListener("input", apply);
  apply();
})();
