"""`make new`: scaffold an article as a zh/en pair with valid front matter and add it to the navigation.

    make new SECTION=account SLUG=frozen-balance
    python -m scripts.cli.new_article account frozen-balance --title-zh … --title-en … --description-zh … --description-en …

Missing titles and descriptions are asked for interactively.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from scripts import paths

TEMPLATE = """---
title: {title}
description: {description}
last_reviewed: {today}
risk: {risk}
---

# {title}

{answer}

## {steps}

1. {first}
"""
WORDS = {
    "zh": {"answer": "先用一两句话给出答案。", "steps": "怎么做", "first": "第一步。"},
    "en": {"answer": "Give the answer first, in one or two sentences.", "steps": "What to do", "first": "First step."},
}


class ScaffoldError(Exception):
    """str() says what to change."""


def add_to_nav(config_text: str, section: str, slug: str) -> str:
    """mkdocs.yml text with `section/slug.md` appended to its section's explicit nav list."""
    entry = f"{section}/{slug}.md"
    lines = config_text.splitlines(keepends=True)
    positions = [i for i, line in enumerate(lines) if re.match(rf"\s+- {re.escape(section)}/[\w-]+\.md\s*$", line)]
    if not positions:
        raise ScaffoldError(f"mkdocs.yml has no nav section with {section}/ pages — add the section to nav first")
    indent = re.match(r"(\s+)- ", lines[positions[-1]]).group(1)
    lines.insert(positions[-1] + 1, f"{indent}- {entry}\n")
    return "".join(lines)


def scaffold(section: str, slug: str, texts: dict, risk: str = "low", root: Path = paths.ROOT, today: dt.date | None = None) -> list[Path]:
    """Write both language files and the nav entry; refuse to overwrite anything."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise ScaffoldError(f"slug {slug!r} must be lower-case words joined by hyphens, e.g. frozen-balance")
    targets = [root / "docs" / lang / section / f"{slug}.md" for lang in paths.LANGUAGES]
    for target in targets:
        if not target.parent.is_dir():
            raise ScaffoldError(f"section {section!r} does not exist: {target.parent} — pick an existing section")
        if target.exists():
            raise ScaffoldError(f"{target} already exists — choose another slug")
    config = root / "mkdocs.yml"
    new_config = add_to_nav(config.read_text(encoding="utf-8"), section, slug)
    for lang, target in zip(paths.LANGUAGES, targets):
        target.write_text(
            TEMPLATE.format(today=(today or dt.date.today()).isoformat(), risk=risk, **texts[lang], **WORDS[lang]),
            encoding="utf-8",
        )
    config.write_text(new_config, encoding="utf-8")
    return targets


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("section", nargs="?")
    parser.add_argument("slug", nargs="?")
    parser.add_argument("--risk", choices=["low", "medium", "high"], default="low")
    for lang in paths.LANGUAGES:
        parser.add_argument(f"--title-{lang}")
        parser.add_argument(f"--description-{lang}")
    args = parser.parse_args(argv)
    ask = lambda value, prompt: value or input(prompt).strip()
    section = ask(args.section, "Section (contact, security, account, payments, fees, basics): ")
    slug = ask(args.slug, "Slug (e.g. frozen-balance): ")
    texts = {
        lang: {
            "title": ask(getattr(args, f"title_{lang}"), f"Title ({lang}): "),
            "description": ask(getattr(args, f"description_{lang}"), f"One-sentence description ({lang}): "),
        }
        for lang in paths.LANGUAGES
    }
    try:
        for path in scaffold(section, slug, texts, args.risk):
            print(f"created {path.relative_to(paths.ROOT)}")
    except ScaffoldError as exc:
        print(f"make new: {exc}", file=sys.stderr)
        return 1
    print(f"added {section}/{slug}.md to the nav in mkdocs.yml — now write both pages, then run `make check`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
