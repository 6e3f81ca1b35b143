/* Dasbor Inovasi: no second drawing of a chart whose size has not changed.
   Dash's graph asks Plotly to fit its container right after the first drawing (dcc.Graph calls
   Plotly.Plots.resize), and Plotly answers with a full redraw 100 ms later even when the chart already
   has the container's size: on a page of charts that is a second drawing of each, while the next
   ones wait. Loaded right after the partial Plotly bundle (a speed-up: see dashboard/speedups.py). */
(function (Plots) {
  if (!Plots || !Plots.resize) { return; }
  var resize = Plots.resize;
  Plots.resize = function (gd) {
    var div = typeof gd === "string" ? document.getElementById(gd) : gd;
    var full = div && div._fullLayout;
    if (full && div.layout && !div.layout.width) {
      var style = window.getComputedStyle(div);  // what Plotly's resize reads
      if (parseFloat(style.width) === full.width && (div.layout.height || parseFloat(style.height) === full.height)) {
        return Promise.resolve(div);
      }
    }
    return resize.apply(this, arguments);
  };
})(window.Plotly && window.Plotly.Plots);
