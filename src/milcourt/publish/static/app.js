// Renders every Vega-Lite spec on the page (and again after each htmx swap). No network:
// the specs carry their data inline and the libraries are served from the package.
(function () {
  function render(root) {
    root.querySelectorAll("script.vl-spec").forEach(function (node) {
      var target = node.parentElement.querySelector(".vl");
      if (!target || target.dataset.rendered) return;
      try {
        window.vegaEmbed(target, JSON.parse(node.textContent), { actions: false, renderer: "svg" })
          .then(function () { target.dataset.rendered = "1"; });
      } catch (err) { target.textContent = "chart error: " + err; }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { render(document); });
  document.addEventListener("htmx:afterSwap", function (evt) { render(document); });
})();
