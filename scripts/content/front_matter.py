"""Split an article into front matter and body, and validate the front matter's schema.

The split matches MkDocs' own (`---` line, YAML, `---` or `...` line), so the line numbers this
module reports are the lines of the file MkDocs rendered.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scripts.content.source import FRONT_MATTER, RULE_FILE, parse_front_matter, read_page
from scripts.content.source import RULE_FRONT_MATTER as RULE
from scripts.registry.errors import InputError
from scripts.registry.evidence import current_date
from scripts.registry.schema import date_only
from scripts.registry.yaml_source import YamlError

# MkDocs' front-matter pattern (mkdocs.utils.meta.YAML_RE).


class Risk(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"  # money or account at stake: gets the anti-fraud reminder and verified hotlines


class ArticleMeta(BaseModel):
    """Front matter every article carries."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=2, max_length=80)
    description: str = Field(min_length=10, max_length=200)
    last_reviewed: dt.date
    risk: Risk
    providers: list[str] = Field(default_factory=list, description="Registry providers whose cards high-risk pages show")
    template: str | None = None  # a layout in overrides/, e.g. home.html
    hide: list[str] = Field(default_factory=list)  # Material's hide: navigation / toc
    search: dict | None = None  # Material's per-page search options
    translation: str | None = Field(default=None, pattern="^(pending)$")
    order: float | None = None  # position inside its section folder in the navigation (scripts/site/nav.py)
    nav_order: float | None = None  # same as order, for editors used to other generators

    _date = field_validator("last_reviewed", mode="before")(date_only)

    @field_validator("last_reviewed")
    @classmethod
    def _not_in_the_future(cls, value: dt.date) -> dt.date:
        today = current_date()
        if value > today:
            raise ValueError(
                f"{value} is in the future (today is {today}) — use the date a person last reviewed the page against its sources"
            )
        return value


class FrontMatterError(InputError):
    """str() is `path:line: HC200 message`."""


def split(text: str) -> tuple[str, str, int]:
    """(front matter YAML, body, line number where the body starts). No front matter: ('', text, 1).

    The front matter is matched exactly as MkDocs matches it. The body keeps the blank lines after
    the closing `---` (MkDocs drops them: the adapter adds their count to `first` for the Markdown
    MkDocs hands over), so `first` is always the line right after the closing fence.
    """
    match = FRONT_MATTER.match(text)
    if not match:
        return "", text, 1
    return match.group(1), text[match.end() :], text[: match.end()].count("\n") + 1


def read_meta(path: Path, text: str | None = None) -> tuple[ArticleMeta, str, int]:
    """Validated front matter, body and the body's first line for an article file."""
    if text is None:
        try:
            text = read_page(path)
        except InputError as exc:
            raise FrontMatterError(str(exc)) from None
    head, body, first = split(text)
    if not head:
        raise FrontMatterError(
            f"{path}:1: {RULE} missing front matter — start the file with --- and title, description, last_reviewed, risk (see CONTRIBUTING)"
        )
    try:
        located = parse_front_matter(Path(path), head)
    except YamlError as exc:
        raise FrontMatterError(str(exc)) from None
    if not isinstance(located.data, dict):
        raise FrontMatterError(f"{path}:2: {RULE} front matter must be `key: value` lines (title, description, last_reviewed, risk)")
    try:
        meta = ArticleMeta.model_validate(located.data)
    except ValidationError as exc:
        problems = [
            f"{path}:{located.line_of(tuple(e['loc']))}: {RULE} front matter {'.'.join(map(str, e['loc'])) or 'field'}: {e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()
        ]
        raise FrontMatterError("\n".join(problems)) from None
    return meta, body, first


__all__ = ["ArticleMeta", "FrontMatterError", "RULE", "RULE_FILE", "Risk", "read_meta", "split"]
