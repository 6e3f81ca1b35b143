// The dashboard's partial Plotly bundle (dashboard/assets/vendor/plotly-bar-heatmap.min.js): Plotly's
// core and the two trace types the charts draw (charts/figures.py, charts/readiness_views.py: bar, heatmap).
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/heatmap')]);
module.exports = Plotly;
