// Sort a table by a column when its header is clicked (or chosen with Enter or Space); numbers by data-sort.
document.querySelectorAll("table.sorteerbaar").forEach(function (table) {
  var headers = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(headers, function (header, column) {
    header.tabIndex = 0;
    header.setAttribute("aria-sort", "none");
    function sort() {
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) { return compare(a.cells[column], b.cells[column]) * (ascending ? 1 : -1); });
      Array.prototype.forEach.call(headers, function (other) { other.setAttribute("aria-sort", "none"); });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.forEach(function (row) { body.appendChild(row); });
    }
    header.addEventListener("click", sort);
    header.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
    });
  });
});

function compare(a, b) {
  var x = value(a), y = value(b);
  if (typeof x === "number" && typeof y === "number") { return x - y; }
  return String(x).localeCompare(String(y), "nl", { numeric: true });
}

function value(cell) {
  if (!cell) { return ""; }
  var text = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text.toLowerCase();
}
