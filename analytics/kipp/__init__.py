"""KIPP proposal readiness: editions (data/reference/kipp_editions.toml), rules, messages, readiness."""
