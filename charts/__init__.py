"""Charts without Dash: the per-chart view registry (views, readiness_views), the figures and the theme."""
