"""Exports of frames and figures to files (no Dash here: reused by the pages and the CLI)."""
