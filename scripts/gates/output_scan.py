"""The output gate (HC300): every number anything in the built site shows is a published registry number.

Reads every file under the site directory that is not binary, whatever its suffix or case:
pages as a browser shows them (text joined across tags and comments, entities decoded,
attributes and links read), stylesheets, scripts, JSON (search index, JSON-LD, sitemap and
its gzip copy), SVG, text. See scripts/detect/documents.py for how each kind is read.

Skipped only: binary files, and files byte-identical to one the installed theme ships
(`vendor_digests`): the theme's minified code is pinned by hash in the lock file and its numeric
constants are not phone numbers. A symlink inside the site is refused.

One pass per file; the cost grows with the size of the site and nothing else.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import os
from pathlib import Path

from scripts.detect.documents import Unreadable, read_file
from scripts.detect.numbers import digits_key, scan_identifier

# What a theme copies into a site as it is: its scripts, stylesheets, their source maps, data.
# (Its icons are inlined into pages by templates, and pages are always scanned.)
VENDOR_SUFFIXES = (".js", ".mjs", ".css", ".map", ".json")
FIX = "find where it comes from (template, override, script, asset or page) and render it from data/contacts.yml instead"


def vendor_digests(theme_dirs) -> set[str]:
    """SHA-256 of every file the installed theme ships.

    Built files byte-identical to one of these are the theme's own code and assets (pinned by
    hash in the lock file), not something an editor, template or script of ours wrote. Anything
    we change or add is scanned. The caller leaves our own overrides folder out of `theme_dirs`.
    """
    digests = set()
    for theme_dir in theme_dirs:
        for folder, _dirs, files in os.walk(theme_dir):
            for name in files:
                if name.lower().endswith(VENDOR_SUFFIXES):
                    path = os.path.join(folder, name)
                    if not os.path.islink(path):
                        with open(path, "rb") as handle:
                            digests.add(hashlib.sha256(handle.read()).hexdigest())
    return digests


def _allowed(contacts) -> frozenset[str]:
    """The allow-list: a Contacts registry's publishable digits, or the digit strings themselves."""
    forms = getattr(contacts, "publishable_digits", contacts)
    return frozenset(forms)


def site_files(site: Path):
    """(path, problem) for everything under `site` in a stable order; problem is set for symlinks."""
    for root, dirs, files in os.walk(site, followlinks=False):
        dirs.sort()
        here = Path(root)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                yield here / name, f"a symlink to {os.readlink(here / name)!r} — the built site must hold real files only"
        for name in sorted(files):
            path = here / name
            if path.is_symlink():
                yield path, f"a symlink to {os.readlink(path)!r} — the built site must hold real files only"
            else:
                yield path, None


@functools.lru_cache(maxsize=200_000)
def _found_box(name: str, digest: str, allowed: frozenset[str]) -> list:
    """A box for what read_file finds in a file with this name, bytes (SHA-256) and allow-list; filled
    by the first read. A file byte-identical to one read before in this process is not read again:
    `mkdocs serve` writes the whole site on every save, and most files come out the same."""
    return []


def _read(name: str, raw: bytes, digest: str, allowed: frozenset[str]):
    box = _found_box(name, digest, allowed)
    if not box:
        box.append(read_file(name, raw, allowed))  # Unreadable leaves the box empty: read again next time
    return box[0]


def scan_output(site: Path, contacts, vendor: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Every phone-like string in the built site that is not a published registry number."""
    # The gate makes many small objects and no reference cycles; at the end of a build the heap is
    # large, and each of Python's full collections would walk all of it. Collect after, not during.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _scan_output(site, contacts, vendor)
    finally:
        if enabled:
            gc.enable()


def _scan_output(site: Path, contacts, vendor) -> list[str]:
    allowed = _allowed(contacts)
    problems = []
    for path, refused in site_files(site):
        rel = path.relative_to(site.parent).as_posix()
        if refused:
            problems.append(f"{rel}:1: HC300 {refused}")
            continue
        # File and folder names are published too: they are the addresses of the pages.
        for hit in scan_identifier(path.relative_to(site).as_posix(), allowed):
            if digits_key(hit.digits) not in allowed:
                problems.append(f"{rel}:1: HC300 {hit.reason} {hit.digits!r} (in the file name) is not a published registry number — {FIX}")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(f"{rel}:1: HC300 cannot be read ({exc.strerror}) — a file the gate cannot read cannot be published")
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if vendor and digest in vendor:
            continue
        try:
            found = _read(path.name, raw, digest, allowed)
        except Unreadable as exc:
            problems.append(f"{rel}:1: HC300 cannot be read to the end ({exc}) — a file the gate cannot read cannot be published")
            continue
        for f in found or ():
            if digits_key(f.digits) in allowed:
                continue
            where = f" (in {f.where})" if f.where else ""
            problems.append(f"{rel}:{f.line}: HC300 {f.reason} {f.text!r}{where} is not a published registry number — {FIX}")
    return problems
