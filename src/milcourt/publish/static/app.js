// Renders every Vega-Lite spec on the page (and again after each htmx swap). No network:
// the specs carry their data inline and the libraries are served from the package.
(function () {
  function render(root) {
    root.querySelectorAll("script.vl-spec").forEach(function (node) {
      var target = node.parentElement.querySelector(".vl");
      if (!target || target.dataset.rendered) return;
      try {
        // the "…" menu offers the chart as PNG and SVG (made in the page, no network); ast + expr:
        // expressions are interpreted, never compiled with Function (no 'unsafe-eval')
        window.vegaEmbed(target, JSON.parse(node.textContent), {
          renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false },
          downloadFileName: "milcourt-chart", ast: true, expr: window.vegaExpressionInterpreter })
          .then(function () { target.dataset.rendered = "1"; });
      } catch (err) { target.textContent = "chart error: " + err; }
    });
  }
  // Empty filter fields mean "no filter": leave them out of the request and the pushed URL.
  document.addEventListener("htmx:configRequest", function (evt) {
    var params = evt.detail.parameters;
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      if (typeof value === "string" && value.trim() === "") delete params[key];
    });
  });
  document.addEventListener("DOMContentLoaded", function () { render(document); });
  document.addEventListener("htmx:afterSwap", function (evt) { render(document); });
})();
