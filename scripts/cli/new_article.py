"""`make new`: scaffold an article as a zh/en pair with valid front matter.

    make new SECTION=account SLUG=frozen-balance TITLE_ZH=余额被冻结 TITLE_EN="Balance frozen" \\
        DESCRIPTION_ZH=… DESCRIPTION_EN=… [RISK=low|medium|high] [LAST_REVIEWED=YYYY-MM-DD]
    python -m scripts.cli.new_article account frozen-balance --title-zh … --title-en … \\
        --description-zh … --description-en … [--risk high] [--last-reviewed 2026-11-22]

Every value comes from an option, else from the environment variable named above, else (only
when a person is at a terminal) from a question in Chinese and English. Without a terminal,
missing values are listed and nothing is written. The new pages join the navigation by
themselves (scripts/site/nav.py): mkdocs.yml is not touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from scripts import paths

BODY = """
# {title}

{answer}

## {steps}

1. {first}
"""
WORDS = {
    "zh": {"answer": "先用一两句话给出答案。", "steps": "怎么做", "first": "第一步。"},
    "en": {"answer": "Give the answer first, in one or two sentences.", "steps": "What to do", "first": "First step."},
}
RISKS = ("low", "medium", "high")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Front matter limits, as the content rules check them (scripts/content/front_matter.py).
TITLE_LENGTH = (2, 80)
DESCRIPTION_LENGTH = (10, 200)

# Field: (option / environment name, question in Chinese and English).
FIELDS = {
    "section": ("SECTION", "栏目 / Section"),
    "slug": (
        "SLUG",
        "文件名（小写英文单词用连字符连接，如 frozen-balance）/ Slug (lower-case words joined by hyphens, e.g. frozen-balance)",
    ),
    "title_zh": ("TITLE_ZH", "中文标题 / Chinese title"),
    "title_en": ("TITLE_EN", "英文标题 / English title"),
    "description_zh": ("DESCRIPTION_ZH", "中文一句话简介 / One-sentence description in Chinese"),
    "description_en": ("DESCRIPTION_EN", "英文一句话简介 / One-sentence description in English"),
}


class ScaffoldError(Exception):
    """str() says what is wrong and what to change."""


def sections(root: Path = paths.ROOT) -> list[str]:
    """Section folders that exist in every language."""
    found = [
        {d.name for d in (root / "docs" / lang).iterdir() if d.is_dir()} if (root / "docs" / lang).is_dir() else set()
        for lang in paths.LANGUAGES
    ]
    return sorted(set.intersection(*found)) if found else []


def parse_date(value: str, today: dt.date) -> dt.date:
    """A real calendar date, not in the future, written YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ScaffoldError(f"date {value!r} is not written as YYYY-MM-DD — e.g. {today.isoformat()}")
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ScaffoldError(f"date {value!r} does not exist in the calendar — check the month and the day") from None
    if date > today:
        raise ScaffoldError(
            f"date {value} is in the future — last_reviewed is the day you checked the page, today ({today.isoformat()}) or earlier"
        )
    return date


def _check_text(field: str, value: str, limits: tuple[int, int]) -> str:
    value = unicodedata.normalize("NFC", value).strip()
    if any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in value):
        raise ScaffoldError(f"{field} must be one line of text, without line breaks or control characters")
    if "{{" in value or "{%" in value or "{#" in value:
        raise ScaffoldError(f"{field} must not contain {{{{, {{% or {{# — those start template code, which pages cannot hold")
    low, high = limits
    if not low <= len(value) <= high:
        raise ScaffoldError(f"{field} is {len(value)} characters long — write {low} to {high} characters")
    return value


def front_matter(title: str, description: str, last_reviewed: dt.date, risk: str) -> str:
    """The front matter block, valid YAML whatever the title holds (colons, quotes, #, leading dashes …)."""
    fields = {"title": title, "description": description, "last_reviewed": last_reviewed, "risk": risk}
    text = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)
    if yaml.safe_load(text) != fields:  # never write a value that would read back differently
        raise ScaffoldError(f"title or description cannot be written as plain YAML: {title!r} / {description!r}")
    return f"---\n{text}---\n"


def render(lang: str, title: str, description: str, last_reviewed: dt.date, risk: str) -> str:
    """A whole new page for `lang`."""
    return front_matter(title, description, last_reviewed, risk) + BODY.format(title=title, **WORDS[lang])


def scaffold(
    section: str,
    slug: str,
    texts: Mapping[str, Mapping[str, str]],
    risk: str = "low",
    root: Path = paths.ROOT,
    today: dt.date | None = None,
    last_reviewed: str | dt.date | None = None,
) -> list[Path]:
    """Write both language files; check everything first and refuse to overwrite anything."""
    today = today or dt.date.today()
    known = sections(root)
    if section not in known:
        raise ScaffoldError(f"section {section!r} does not exist — pick one of: {', '.join(known)}")
    if not SLUG.fullmatch(slug or ""):
        raise ScaffoldError(f"slug {slug!r} must be lower-case words joined by hyphens, e.g. frozen-balance")
    if risk not in RISKS:
        raise ScaffoldError(f"risk {risk!r} must be one of {', '.join(RISKS)}")
    date = last_reviewed if isinstance(last_reviewed, dt.date) else parse_date(last_reviewed or today.isoformat(), today)
    pages = {}
    for lang in paths.LANGUAGES:
        title = _check_text(f"title ({lang})", texts[lang]["title"], TITLE_LENGTH)
        description = _check_text(f"description ({lang})", texts[lang]["description"], DESCRIPTION_LENGTH)
        pages[lang] = render(lang, title, description, date, risk)
    targets = [root / "docs" / lang / section / f"{slug}.md" for lang in paths.LANGUAGES]
    for target in targets:
        if target.exists():
            raise ScaffoldError(f"{target.relative_to(root).as_posix()} already exists — choose another slug")
    for lang, target in zip(paths.LANGUAGES, targets, strict=True):
        target.write_text(pages[lang], encoding="utf-8")
    return targets


def gather(args: argparse.Namespace, env: Mapping[str, str], ask: Callable[[str], str] | None, root: Path = paths.ROOT) -> dict[str, str]:
    """Each field from its option, else the environment, else a question; raise listing what is missing."""
    values, missing = {}, []
    for field, (name, question) in FIELDS.items():
        value = getattr(args, field) or env.get(name, "").strip()
        if not value and ask is not None:
            if field == "section":
                question += f" ({', '.join(sections(root)) or '?'})"
            value = ask(f"{question}: ").strip()
        if value:
            values[field] = value
        else:
            flag = {"section": "first argument", "slug": "second argument"}.get(field, "--" + field.replace("_", "-"))
            missing.append(f"{name}=…  ({flag})")
    if missing:
        raise ScaffoldError(
            "missing values, and there is no terminal to ask them at / 缺少以下内容，且没有终端可以提问:\n  "
            + "\n  ".join(missing)
            + "\ngive them on the command line, e.g. make new SECTION=account SLUG=frozen-balance TITLE_ZH=… TITLE_EN=… "
            "DESCRIPTION_ZH=… DESCRIPTION_EN=…"
        )
    return values


def _terminal_input() -> Callable[[str], str] | None:
    """input(), only when a person can answer: stdin and stdout are terminals."""
    try:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        interactive = False
    return input if interactive else None


def main(
    argv: list[str] | None = None,
    env: Mapping[str, str] | None = None,
    ask: Callable[[str], str] | None = None,
    root: Path = paths.ROOT,
) -> int:
    """Run `make new`; 0 when both pages were written, 2 when nothing was."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("section", nargs="?")
    parser.add_argument("slug", nargs="?")
    parser.add_argument("--risk", help="low, medium or high (or RISK=…); default low")
    parser.add_argument("--last-reviewed", help="YYYY-MM-DD (or LAST_REVIEWED=…); default today")
    for lang in paths.LANGUAGES:
        parser.add_argument(f"--title-{lang}")
        parser.add_argument(f"--description-{lang}")
    args = parser.parse_args(argv)
    env = os.environ if env is None else env
    try:
        values = gather(args, env, ask if ask is not None else _terminal_input(), root)
        texts = {lang: {"title": values[f"title_{lang}"], "description": values[f"description_{lang}"]} for lang in paths.LANGUAGES}
        risk = (args.risk or env.get("RISK", "") or "low").strip()
        reviewed = args.last_reviewed or env.get("LAST_REVIEWED") or None
        created = scaffold(values["section"], values["slug"], texts, risk, root=root, last_reviewed=reviewed)
    except (ScaffoldError, EOFError, KeyboardInterrupt) as exc:
        message = str(exc) if isinstance(exc, ScaffoldError) else "cancelled — nothing was written / 已取消，未写入任何文件"
        print(f"make new: {message}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {path.relative_to(root).as_posix()}")
    print("它会自动出现在导航中。/ It appears in the navigation by itself. Now write both pages, then run `make check`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
