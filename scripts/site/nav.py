"""The navigation, derived from the folders: mkdocs.yml keeps no page list, so a new page is never left out.

    docs/zh/index.md                 Home, always first
    docs/zh/<section>/index.md       a section's index page, first in its section
    docs/zh/<section>/<page>.md      then pages with front matter `order` (or `nav_order`), lowest first,
                                     then pages without one, by file name

Sections follow the `sections` list of the helpcenter plugin in mkdocs.yml (today's tab order);
a folder it does not name comes after them, by its index page's `order`, then by folder name.
Sub-folders become sub-sections inside their section, after its pages, by the same rules.

A section's title is its folder name, which static-i18n translates per language with
`nav_translations`; a folder with no translation shows its index page's title
(`untranslated_titles`). Reading is forgiving on purpose: a page written in a web editor may have
Windows line endings, a byte-order mark, no trailing newline and no `order`, and still appears. Bad
front matter is the content rules' business (make check), not the navigation's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.content.source import FRONT_MATTER
from scripts.registry.errors import InputError
from scripts.registry.yaml_source import load_located

HOME = "Home"
INDEX = "index.md"
ORDER_KEYS = ("order", "nav_order")

NavItem = str | dict[str, Any]


def front_matter(text: str) -> dict[str, Any]:
    """The front matter of a page as a mapping; {} when there is none or it does not parse."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    match = FRONT_MATTER.match(text if text.endswith("\n") else text + "\n")
    if not match:
        return {}
    return _parse(match.group(1))


@functools.lru_cache(maxsize=50_000)
def _parse(head: str) -> dict[str, Any]:
    """Front matter parsed once per process for each text: `mkdocs serve` derives the navigation again on
    every save, and only the saved page has changed. Callers only read the mapping."""
    try:
        # The build's safe loader (no aliases, no duplicate keys, size-capped); errors are the
        # page gates' job (HC003/HC010), the navigation just skips what it cannot read.
        data = load_located(Path("front-matter"), "\n" + head, rule="HC200", max_bytes=20_000).data
    except InputError:
        return {}
    return data if isinstance(data, dict) else {}


def _read(path: Path) -> dict[str, Any]:
    try:
        return front_matter(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return {}


def _order_of_file(path: Path) -> float | None:
    """The `order` of a page file. Only a file that can hold such a key is parsed: the key's name, or a
    YAML escape that could spell it, must appear in it (most pages have neither)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if "order" not in text and "\\" not in text:
        return None
    return order_of(front_matter(text))


def order_of(meta: dict[str, Any]) -> float | None:
    """The page's `order` (or `nav_order`) when it is a number; anything else counts as none."""
    for key in ORDER_KEYS:
        value = meta.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return None


def title_of(path: Path) -> str | None:
    """A page's front matter title, or None."""
    title = _read(path).get("title")
    return (str(title).strip() or None) if title is not None else None


@dataclass(frozen=True)
class _Entry:
    order: float | None
    name: str
    item: Any  # a nav item, or a folder still to expand

    def key(self) -> tuple:
        # Ordered entries first (lowest first), then the rest; file or folder name breaks ties.
        return (self.order is None, self.order or 0.0, self.name)


def _visible(path: Path) -> bool:
    return not path.name.startswith((".", "_"))


def _section(folder: Path, root: Path) -> list[NavItem]:
    """The items of one folder: index first, pages, then sub-sections."""
    rel = lambda p: p.relative_to(root).as_posix()  # noqa: E731
    index = folder / INDEX
    pages = sorted(
        (_Entry(_order_of_file(p), p.name, rel(p)) for p in folder.glob("*.md") if p.name != INDEX and p.is_file() and _visible(p)),
        key=_Entry.key,
    )
    subs = sorted(
        (
            _Entry(_order_of_file(d / INDEX), d.name, {d.name: _section(d, root)})
            for d in folder.iterdir()
            if d.is_dir() and _visible(d) and _has_pages(d)
        ),
        key=_Entry.key,
    )
    return ([rel(index)] if index.is_file() else []) + [e.item for e in pages] + [e.item for e in subs]


def _has_pages(folder: Path) -> bool:
    return any(_visible(p) for p in folder.rglob("*.md"))


def derive(root: Path, sections: list[str] | tuple[str, ...] = ()) -> list[NavItem]:
    """The nav for mkdocs.yml's `nav:` from the pages under `root` (one language folder).

    Paths are relative to `root`, as static-i18n expects them with `docs_structure: folder`.
    """
    root = Path(root)
    items: list[NavItem] = []
    if (root / INDEX).is_file():
        items.append({HOME: INDEX})
    named = {name: i for i, name in enumerate(sections)}
    folders = [d for d in root.iterdir() if d.is_dir() and _visible(d) and _has_pages(d)] if root.is_dir() else []
    listed = sorted((d for d in folders if d.name in named), key=lambda d: named[d.name])
    others = sorted((_Entry(_order_of_file(d / INDEX), d.name, d) for d in folders if d.name not in named), key=_Entry.key)
    for folder in listed + [e.item for e in others]:
        items.append({folder.name: _section(folder, root)})
    # Pages at the top level besides the home page: after the sections.
    loose = sorted(
        (_Entry(_order_of_file(p), p.name, p.name) for p in root.glob("*.md") if p.name != INDEX and p.is_file() and _visible(p)),
        key=_Entry.key,
    )
    return items + [e.item for e in loose]


def section_folders(nav: list[NavItem], prefix: str = "") -> dict[str, str]:
    """{section title as derived (the folder name): folder path inside the language folder}."""
    found: dict[str, str] = {}
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    found.setdefault(title, prefix + title)
                    found.update({k: v for k, v in section_folders(value, prefix + title + "/").items() if k not in found})
    return found


def untranslated_title(title: str, folder: str, lang_root: Path) -> str:
    """The title a section shows when nav_translations has none for it: its index page's title."""
    return title_of(lang_root / folder / INDEX) or title.replace("-", " ").replace("_", " ").capitalize()
