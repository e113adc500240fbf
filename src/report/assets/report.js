(function () {
  "use strict";
  var table = document.getElementById("leaderboard");
  if (table && table.tHead && table.tBodies.length) {
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

    var key = function (row, column) {
      var cell = row.cells[column];
      var raw = cell ? cell.getAttribute("data-value") : null;
      if (raw === null || raw === "") { return null; }
      return raw.split(" ").map(Number);
    };
    var compareKeys = function (a, b) {
      for (var i = 0; i < Math.max(a.length, b.length); i++) {
        var x = i < a.length ? a[i] : -Infinity;
        var y = i < b.length ? b[i] : -Infinity;
        if (x < y) { return -1; }
        if (x > y) { return 1; }
      }
      return 0;
    };
    var order = function (row) { return Number(row.getAttribute("data-order")); };

    var sortBy = function (header, direction) {
      var column = header.cellIndex;
      var sign = direction === "descending" ? -1 : 1;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (r, s) {
        var a = key(r, column);
        var b = key(s, column);
        var c = (a === null || b === null)
          ? (a === null ? 1 : 0) - (b === null ? 1 : 0)
          : sign * compareKeys(a, b);
        return c || order(r) - order(s);
      });
      rows.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (h) { if (h !== header) { h.removeAttribute("aria-sort"); } });
      header.setAttribute("aria-sort", direction);
    };

    headers.forEach(function (header) {
      if (!header.hasAttribute("data-first")) { return; }
      header.addEventListener("click", function () {
        var now = header.getAttribute("aria-sort");
        var next = now === "descending" ? "ascending"
          : now === "ascending" ? "descending"
          : header.getAttribute("data-first");
        sortBy(header, next);
      });
    });

    var firstSystem = function () {
      var row = body.rows[0];
      return row ? row.cells[0].textContent : "";
    };
    var selfTest = function () {
      var page = document.body;
      var header = document.getElementById("col-censoring");
      var button = header.querySelector("button");
      button.click();
      page.setAttribute("data-selftest", firstSystem());
      button.click();
      page.setAttribute("data-selftest-toggled", firstSystem());
      page.setAttribute("data-selftest-aria", header.getAttribute("aria-sort") + " " +
        table.querySelectorAll("thead th[aria-sort]").length);
    };
    if (window.location.hash === "#selftest") {
      window.addEventListener("load", selfTest);
    }
  }
  document.body.setAttribute("data-script", "ready");
})();
