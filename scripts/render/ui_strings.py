"""Interface words for templates, from data/ui.yml, resolved to one language."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from scripts import paths


def _pick(node, lang: str):
    if isinstance(node, dict) and set(node) == {"zh", "en"}:
        return node[lang]
    if isinstance(node, dict):
        return {key: _pick(value, lang) for key, value in node.items()}
    return node


@lru_cache(maxsize=8)
def strings(lang: str, path: Path = paths.DATA / "ui.yml") -> dict:
    """All interface strings in `lang` (zh or en)."""
    return _pick(yaml.safe_load(path.read_text(encoding="utf-8")), lang)
