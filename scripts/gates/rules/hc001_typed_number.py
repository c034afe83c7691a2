"""HC001: no phone number may be typed into a page, asset or template; numbers come only from the registry.

Pages are read the way their readers will meet them (scripts/detect/documents.py): raw HTML
joined as a browser joins it, entities decoded, links, attributes and front matter included,
Markdown emphasis between digits ignored. Every other file under docs/ (scripts, styles, images
with text, data) and every theme override is read by its kind, as the output gate reads the site.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from scripts import paths
from scripts.detect.documents import Unreadable, read_document, read_file
from scripts.detect.numbers import digits_key
from scripts.gates.rules import Content, Finding

ID = "HC001"
NAME = "typed-phone-number"
SEVERITY = "error"
SUMMARY = "A phone-number-like string is typed into a page instead of coming from data/contacts.yml."

# Registry calls carry ids, not numbers; blank them (keeping line breaks) so nothing inside them is read.
_CALLS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
MAX_FILE_BYTES = 5_000_000


def _blank_calls(text: str) -> str:
    return _CALLS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def typed_numbers(text: str, registry_forms=frozenset()) -> list[tuple[int, str]]:
    """(line, message) for every number typed into page source `text` (registry numbers included:
    a page shows them through phone(), never typed)."""
    return [
        (
            f.line,
            f"{f.reason} {f.text.strip()!r}{_where(f.where)} is typed into the page — numbers may only come from the registry: "
            f'use {{{{ phone("provider.channel") }}}} with an id from data/contacts.yml, or add the number there with its evidence first',
        )
        for f in read_document("page.md", _blank_calls(text), registry_forms)
    ]


def _where(where: str) -> str:
    return f" (in {where})" if where else ""


def typed_in_file(name: str, data: bytes, allowed) -> list[tuple[int, str]]:
    """(line, message) for every number in an asset or template that is not a publishable registry number."""
    if name.endswith((".html", ".htm", ".xml", ".j2", ".jinja")):
        try:
            data = _blank_calls(data.decode("utf-8")).encode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        found = read_file(name, data, allowed) or []
    except Unreadable as exc:
        return [(1, f"this file cannot be read to the end ({exc}) — a file the gates cannot read cannot be published")]
    return [
        (
            f.line,
            f"{f.reason} {f.text.strip()!r}{_where(f.where)} is written into this file and is not a publishable registry number — "
            f"numbers reach the site only from data/contacts.yml (through phone(), contact_card() or the templates that render it)",
        )
        for f in found
        if digits_key(f.digits) not in allowed
    ]


def _files(root: Path):
    """Regular files under `root`, links not followed (HC010 reports links), in a stable order."""
    if not root.is_dir() or root.is_symlink():
        return
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not (Path(folder) / d).is_symlink())
        for name in sorted(files):
            path = Path(folder) / name
            if not path.is_symlink():
                yield path


def check(content: Content):
    forms = frozenset(getattr(content.contacts, "publishable_digits", {}) or {})
    pages = set()
    for _lang, _rel, path in content.all_pages():
        pages.add(path)
        for line, message in typed_numbers(content.text(path), forms):
            yield Finding(path, line, ID, message)
    # Everything else under docs/ (scripts, styles, SVG, data, stray Markdown), the theme
    # overrides, the site configuration and the data files other than the registry (interface
    # words, search synonyms): read as the output gate reads the built site, so `make check`
    # names the file before a build does.
    real = content.docs == paths.DOCS
    roots = [content.docs] + ([paths.OVERRIDES] if real else [])
    extra = [paths.ROOT / "mkdocs.yml"] + sorted(p for p in paths.DATA.glob("*") if p.suffix in (".yml", ".yaml", ".json")) if real else []
    extra = [p for p in extra if p not in (paths.CONTACTS, paths.PUBLISHERS)]
    for root in roots + extra:
        for path in _files(root) if root.is_dir() else ([root] if root.is_file() and not root.is_symlink() else []):
            if path in pages:
                continue
            try:
                if path.stat().st_size > MAX_FILE_BYTES:
                    continue
                data = path.read_bytes()
            except OSError:
                continue  # HC010 reports unreadable files
            if path.suffix.lower() == ".md":
                try:
                    found = typed_numbers(data.decode("utf-8"), forms)
                except UnicodeDecodeError:
                    continue  # HC010 reports it
            else:
                found = typed_in_file(path.name, data, forms)
            for line, message in found:
                yield Finding(path, line, ID, message)
