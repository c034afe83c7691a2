"""HC010: every file under docs/ is a real file, and every page is clean UTF-8 text.

Symbolic links (which can loop or point outside the repository), a byte-order mark, invalid UTF-8,
NUL bytes (binary data) and invisible control characters are refused before any other rule reads
a page; the other rules skip such files.
"""

from __future__ import annotations

from scripts.gates.rules import Content, located_findings

ID = "HC010"
NAME = "page-files"
SEVERITY = "error"
SUMMARY = "A file under docs/ is a symbolic link, or a page is not clean UTF-8 text (BOM, invalid bytes, binary data, control characters)."


def check(content: Content):
    yield from located_findings(content.page_problems, ID, content.docs)
