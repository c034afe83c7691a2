"""HC004: zh and en pages are twins: same files, same heading structure, same registry calls."""

import re

from scripts.content.front_matter import split
from scripts.gates.rules import Content, Finding

ID = "HC004"
NAME = "translation-parity"
SEVERITY = "error"
SUMMARY = "A page has no twin in the other language, or its headings or registry calls differ from its twin."
HEADING = re.compile(r"^(#{1,6})\s")
FENCE = re.compile(r"^(```|~~~)")


def headings(text: str) -> list[int]:
    """Heading levels in order, ignoring fenced code."""
    levels, fenced = [], False
    for line in split(text)[1].splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := HEADING.match(line)):
            levels.append(len(m.group(1)))
    return levels


def check(content: Content):
    zh, en = (content.pages.get(lang, {}) for lang in ("zh", "en"))
    for missing_from, have, lang in ((en, zh, "en"), (zh, en, "zh")):
        for rel, path in have.items():
            if rel not in missing_from:
                yield Finding(path, 1, ID, f"no {lang} twin: create docs/{lang}/{rel} (run `make new` to scaffold a pair)")
    for rel in sorted(set(zh) & set(en)):
        zpath, epath = zh[rel], en[rel]
        zh_levels, en_levels = headings(content.text(zpath)), headings(content.text(epath))
        if zh_levels != en_levels:
            yield Finding(
                epath,
                1,
                ID,
                f"headings differ from docs/zh/{rel}: zh has {len(zh_levels)} {zh_levels}, en has {len(en_levels)} {en_levels} — "
                f"keep the same number and levels of headings in both",
            )
        zh_calls = [(f, a, k) for _, f, a, k in content.calls(zpath)]
        en_calls = [(f, a, k) for _, f, a, k in content.calls(epath)]
        if zh_calls != en_calls:
            line = next((ln for (ln, f, a, k) in content.calls(epath) if (f, a, k) not in zh_calls), 1)
            yield Finding(
                epath,
                line,
                ID,
                f"registry calls differ from docs/zh/{rel}: zh {zh_calls}, en {en_calls} — both languages must make the same calls in the same order",
            )
