"""The output gate: every phone-like string in the built site must be a published registry number (HC300)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from scripts.detect.numbers import digits_key, find_numbers
from scripts.registry.contacts import Contacts

SCANNED_SUFFIXES = (".html", ".json", ".js", ".xml")


_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_GEOMETRY = re.compile(r'\s(d|viewBox|points|transform|width|height)="[^"]*"')


def readable_output(text: str) -> str:
    """Built text as a reader or script would see it: JSON/JS escapes decoded, SVG geometry blanked.

    Decoding matters twice: "\\u6709 1" must not read as the number 6709 1, and a number hidden
    behind escapes must still be found. Line breaks are kept so findings keep their line.
    """
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1).lower() not in ("000a", "000d") else " ", text)
    return _GEOMETRY.sub(lambda m: " " * len(m.group(0)), text)


def vendor_digests(theme_dirs) -> set[str]:
    """SHA-256 of every file the installed theme ships.

    Built files byte-identical to one of these are the theme's own minified code (pinned by hash
    in the lock file), not something an editor, template or script of ours wrote; their numeric
    constants (1048575, 32768…) are not phone numbers. Anything we change or add is still scanned.
    """
    digests = set()
    for theme_dir in theme_dirs:
        for path in Path(theme_dir).rglob("*"):
            if path.suffix in (".js", ".json") and path.is_file():
                digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    return digests


def scan_output(site: Path, contacts: Contacts, vendor: set[str] = frozenset()) -> list[str]:
    """Every phone-like string in the built HTML, JSON, JS and XML that is not a published registry number."""
    allowed = contacts.publishable_digits
    forms = set(allowed)
    clean_lines: set[int] = set()  # header, navigation and footer lines repeat on every page: scan each once
    problems = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in SCANNED_SUFFIXES or not path.is_file():
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() in vendor:
            continue
        text = readable_output(raw.decode("utf-8", errors="replace"))
        for number, line in enumerate(text.split("\n"), start=1):
            key = hash(line)
            if key in clean_lines:
                continue
            bad = [f for f in find_numbers(line, forms) if digits_key(f.digits) not in allowed]
            if not bad:
                clean_lines.add(key)
            problems += [
                f"{path.relative_to(site.parent)}:{number}: HC300 {f.reason} {f.text!r} is not a published registry number — "
                f"find where it comes from (template, override, script or page) and render it from data/contacts.yml instead"
                for f in bad
            ]
    return problems
