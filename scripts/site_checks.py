"""Work on the built site: per-language search indexes, the public contacts file, and the output gate."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import yaml

from scripts import paths
from scripts.evidence import aging_sources, is_fresh
from scripts.number_detect import digits_key, find_numbers
from scripts.official_contacts import official_contacts
from scripts.registry import Contacts

SCANNED_SUFFIXES = (".html", ".json", ".js", ".xml")


def stale_evidence(contacts: Contacts) -> list[str]:
    """One line per source older than the limit: the strict build fails on these."""
    lines = []
    for contact in contacts.all():
        for source in contact.channel.evidence:
            if not is_fresh(source, contacts.policy):
                lines.append(
                    f"{contacts.where(contact)}: HC110 evidence for {contact.id} was checked on {source.checked} "
                    f"(over {contacts.policy.max_age_days} days ago) — re-check {source.url} and update `checked`, or remove the source"
                )
    return lines


def aging_evidence(contacts: Contacts) -> list[str]:
    """One line per source past the warning age: re-check soon."""
    return [
        f"{contacts.where(c)}: HC111 evidence for {c.id} is {(contacts.policy.today - s.checked).days} days old — re-check {s.url} soon"
        for c in contacts.all()
        for s in aging_sources(c.channel, contacts.policy)
    ]


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


def finish_site(site: Path, contacts: Contacts) -> None:
    """Site-wide outputs that need every language built."""
    split_search_index(site)
    (site / "official-contacts.json").write_text(
        json.dumps(official_contacts(contacts), ensure_ascii=False, indent=1), encoding="utf-8"
    )


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
