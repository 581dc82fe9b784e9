"""Publish: the dashboard (``milcourt serve``), exports and the HTML report."""
