"""Content: editors' pages as sources (front matter, body, true line numbers)."""
