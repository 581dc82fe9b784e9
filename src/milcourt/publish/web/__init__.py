"""The read-only public dashboard and JSON API (FastAPI + Jinja2 + htmx + Vega-Lite)."""
