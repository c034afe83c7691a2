"""Per-language search indexes with a hidden keywords field (synonyms, descriptions): each reader downloads only their own language."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from scripts import paths
from scripts.content import synonyms
from scripts.content.synonyms import SynonymsError

__all__ = ["SynonymsError", "add_keywords", "load_synonyms", "remember_segmentation", "split_search_index", "synonyms_for"]

SEGMENT_MEMORY = 200_000  # texts whose words jieba.cut remembers


def load_synonyms(path: Path = paths.DATA / "search_synonyms.yml") -> list[list[str]]:
    """Groups of words readers use for the same thing (data/search_synonyms.yml), validated.

    Raises SynonymsError (an InputError: `path:line: HC122 what — fix`) for malformed YAML, markup,
    digits or anything else that is not a plain word.
    """
    return synonyms.load_synonyms(path)


# Field weights for the site's search worker (docs/assets/javascripts/search-worker.js): page and section
# titles weigh most, then the hidden `keywords` field (synonyms, the page description), then body text.
FIELDS = {"title": {"boost": 10}, "keywords": {"boost": 5}, "text": {"boost": 1}}
ZWSP = "\u200b"  # the search plugin separates jieba's segments with U+200B; the worker splits on it too


def synonyms_for(title: str, groups: list[list[str]], exclude: str = "") -> list[str]:
    """Every word of every synonym group that `title` touches, except words already in `exclude`.

    Keyed on titles (a page title and description, or a section heading), not the body: a page *about*
    refunds should answer "退钱", while the many pages that merely mention a refund should not all rank
    for it. Chinese words match anywhere; English words match whole words ("ID" is not in "provider").
    """
    return _Synonyms(groups).words_for(title, exclude)


class _Synonyms:
    """The synonym groups prepared once per index: which groups a title touches is found by testing
    each distinct word once per title, not each word of each group."""

    def __init__(self, groups: list[list[str]]):
        self.groups = groups
        self.lowered = [[w.lower() for w in group] for group in groups]
        self.groups_of: dict[str, list[int]] = {}
        for index, lowered in enumerate(self.lowered):
            for word in lowered:
                self.groups_of.setdefault(word, []).append(index)
        self.words = list(self.groups_of)
        self._memo: dict[tuple[str, str], list[str]] = {}  # titles repeat: section names, copied pages

    def words_for(self, title: str, exclude: str = "") -> list[str]:
        key = (title, exclude)
        if key not in self._memo:
            self._memo[key] = self._words_for(title, exclude)
        return list(self._memo[key])

    def _words_for(self, title: str, exclude: str) -> list[str]:
        title, exclude = title.lower(), exclude.lower()
        touched: set[int] = set()
        for word in [w for w in self.words if w in title]:
            if _contains(title, word):
                touched.update(self.groups_of[word])
        words: list[str] = []
        for index in sorted(touched):  # in file order, as the groups are listed
            words += [
                w for w, lw in zip(self.groups[index], self.lowered[index], strict=True) if not _contains(exclude, lw) and w not in words
            ]
        return words


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])")


def _contains(text: str, word: str) -> bool:
    if word not in text:  # a whole-word match needs the word somewhere first
        return False
    return not word.isascii() or _whole_word(word).search(text) is not None


def memoised(cut, size: int = SEGMENT_MEMORY):
    """jieba.cut remembering the words of each text it has cut: the search plugin cuts every run of
    Chinese characters of every section, and most runs (a clause of a reminder, a card, a copied
    page) come again. jieba's result depends on the text and the dictionary only, so a remembered
    answer is the answer. The wrapper returns an iterator, as jieba does."""
    if getattr(cut, "hc_memoised", False):
        return cut

    @lru_cache(maxsize=size)
    def words(sentence, cut_all, hmm, use_paddle) -> tuple:
        return tuple(cut(sentence, cut_all, hmm, use_paddle))

    def memo_cut(sentence, cut_all=False, HMM=True, use_paddle=False):  # noqa: N803 - jieba's own name
        try:
            return iter(words(sentence, cut_all, HMM, use_paddle))
        except TypeError:  # something unhashable: cut it as jieba would
            return cut(sentence, cut_all, HMM, use_paddle)

    memo_cut.hc_memoised = True  # type: ignore[attr-defined]
    memo_cut.__wrapped__ = cut  # type: ignore[attr-defined]
    return memo_cut


def remember_segmentation() -> bool:
    """Make jieba.cut (what the search plugin segments Chinese with) remember its answers, once per
    process; False if jieba is not installed. `mkdocs serve` keeps them from one rebuild to the next."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - the search plugin's own dependency (requirements.in)
        return False
    jieba.cut = memoised(jieba.cut)
    return True


def segment(text: str) -> str:
    """Chinese runs split into words with U+200B, as the search plugin does for titles and text."""
    try:
        import jieba  # the search plugin's own dependency (requirements.in)
    except ImportError:  # pragma: no cover
        return text
    import logging

    jieba.setLogLevel(logging.WARNING)
    return ZWSP.join(w for w in jieba.cut(text) if w.strip())


def add_keywords(docs: list[dict], groups: list[list[str]], descriptions: Mapping[str, str]) -> None:
    """Give each document a hidden `keywords` field: synonyms of its title, and for a page its description.

    `descriptions` maps a page's location to its meta description, as the build rendered it. The
    worker ranks on `keywords` but never shows it, so result snippets are page text only.
    """
    synonyms = _Synonyms(groups)
    for doc in docs:
        title = doc.get("title", "")
        location = doc["location"]
        description = "" if "#" in location else descriptions.get(location, "")
        words = synonyms.words_for(f"{title} {description}", exclude=title)
        parts = ([segment(description)] if description else []) + words
        if parts:
            # HTML like the other fields (the worker reads every field as HTML): a "<" stays text.
            doc["keywords"] = html.escape(ZWSP.join(parts), quote=False)


_DIRECTORY = re.compile(r"#hc-(?:wallet|public|all)-")  # sections of directory(): one provider each
_CARD = re.compile(r"#hc-")  # any other registry card (hotline blocks in articles)


def rank_registry_sections(docs: list[dict]) -> None:
    """Provider sections: the directory is where a provider's name should lead, not every article that
    ends with its card. Each card section also carries the provider's name in the other language, so
    "Alipay" finds 支付宝 on the Chinese site and the reverse.
    """
    names: dict[str, set[str]] = {}
    for doc in docs:
        fragment = doc["location"].partition("#")[2]
        if fragment.startswith("hc-"):
            names.setdefault(fragment, set()).add(doc.get("title", "").replace(ZWSP, ""))
    for doc in docs:
        location = doc["location"]
        if not _CARD.search(location):
            continue
        doc["boost"] = 1.3 if _DIRECTORY.search(location) else 0.25
        title = doc.get("title", "").replace(ZWSP, "")
        others = sorted(n for n in names.get(location.partition("#")[2], ()) if n and n != title)
        if others:
            doc["keywords"] = ZWSP.join(filter(None, [doc.get("keywords", ""), *others]))


_PARAGRAPH = re.compile(r"<p>.*?</p>", re.S)
BOILERPLATE_PAGES = 4  # a paragraph found word for word on this many pages is a repeated block, not content


def strip_boilerplate(docs: list[dict], min_pages: int = BOILERPLATE_PAGES) -> None:
    """Remove paragraphs repeated word for word across pages: the anti-fraud reminder, the hotline block's
    intro and its cards, "see every official contact channel". They are on every high-risk page, so they
    would make every such page match "customer service", "password" or "SMS code" alike. The directory
    keeps its own cards: there they are the content.
    """
    pages: dict[str, set[str]] = {}
    for doc in docs:
        for block in set(_PARAGRAPH.findall(doc.get("text", ""))):
            pages.setdefault(block, set()).add(doc["location"].partition("#")[0])
    repeated = {block for block, where in pages.items() if len(where) >= min_pages}
    if not repeated:
        return
    for doc in docs:
        if _DIRECTORY.search(doc["location"]):
            continue
        text = _PARAGRAPH.sub(lambda m: "" if m.group(0) in repeated else m.group(0), doc.get("text", ""))
        doc["text"] = re.sub(r"\s{2,}", " ", text).strip()


def split_search_index(
    site: Path, descriptions: Mapping[str, str], languages=paths.LANGUAGES, default=paths.DEFAULT_LANGUAGE
) -> dict[str, int]:
    """Write search/search_index.<lang>.json holding only that language's pages; return byte sizes.

    static-i18n merges every language into one index; a reader should download only their own.
    `descriptions`: page location -> meta description, as the build rendered them.
    """
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return {}
    index = json.loads(index_path.read_text(encoding="utf-8"))
    strip_boilerplate(index["docs"])
    add_keywords(index["docs"], load_synonyms(), descriptions)
    rank_registry_sections(index["docs"])
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    sizes = {}
    for lang in languages:
        if lang == default:
            docs = [d for d in index["docs"] if not d["location"].startswith(tuple(prefixes.values()))]
        else:
            docs = [d for d in index["docs"] if d["location"].startswith(prefixes[lang])]
        config = dict(index["config"], lang=[lang] if lang != "zh" else ["zh", "en"], fields=FIELDS)
        out = site / "search" / f"search_index.{lang}.json"
        out.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        sizes[lang] = out.stat().st_size
    index_path.unlink()  # nobody should download both languages; the theme is pointed at the split files
    return sizes
