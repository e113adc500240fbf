window.onerror = function (message, source, line, column) {
  var target = document.body || document.documentElement;
  var seen = target.getAttribute("data-errors") || "";
  target.setAttribute("data-errors", seen + String(message) + " (" + line + ":" + column + "); ");
};
