"""Per-language search indexes with reader synonyms: each reader downloads only their own language."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from scripts import paths


def load_synonyms(path: Path = paths.DATA / "search_synonyms.yml") -> list[list[str]]:
    """Groups of words readers use for the same thing (data/search_synonyms.yml)."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []


def with_synonyms(text: str, title: str, groups: list[list[str]]) -> str:
    """`text` plus the missing words of every synonym group its title touches.

    Keyed on the title, not the body: a page *about* refunds should answer "退钱", while the many
    pages that merely mention a refund should not all rank for it.
    """
    lower = text.lower()
    title = title.lower()
    extra = []
    for group in groups:
        if any(word.lower() in title for word in group):
            extra += [word for word in group if word.lower() not in lower]
    # U+200B separates the added words the same way the search plugin separates jieba's segments.
    return text + ("\u200b" + "\u200b".join(extra) if extra else "")


def split_search_index(site: Path, languages=paths.LANGUAGES, default=paths.DEFAULT_LANGUAGE) -> dict[str, int]:
    """Write search/search_index.<lang>.json holding only that language's pages; return byte sizes.

    static-i18n merges every language into one index; a reader should download only their own.
    """
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return {}
    index = json.loads(index_path.read_text(encoding="utf-8"))
    groups = load_synonyms()
    for doc in index["docs"]:
        doc["text"] = with_synonyms(doc["text"], doc.get("title", ""), groups)
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    sizes = {}
    for lang in languages:
        if lang == default:
            docs = [d for d in index["docs"] if not d["location"].startswith(tuple(prefixes.values()))]
        else:
            docs = [d for d in index["docs"] if d["location"].startswith(prefixes[lang])]
        config = dict(index["config"], lang=[lang] if lang != "zh" else ["zh", "en"])
        out = site / "search" / f"search_index.{lang}.json"
        out.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        sizes[lang] = out.stat().st_size
    index_path.unlink()  # nobody should download both languages; the theme is pointed at the split files
    return sizes
