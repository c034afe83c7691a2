"""Split an article into front matter and body, and validate the front matter's schema."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scripts.registry.yaml_source import YamlError, load_located


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
    template: Optional[str] = None  # a layout in overrides/, e.g. home.html
    hide: list[str] = Field(default_factory=list)  # Material's hide: navigation / toc
    search: Optional[dict] = None  # Material's per-page search options
    translation: Optional[str] = Field(default=None, pattern="^(pending)$")

    @field_validator("last_reviewed", mode="before")
    @classmethod
    def _date(cls, value):
        if isinstance(value, dt.datetime):
            return value.date()
        return value


class FrontMatterError(Exception):
    """str() is `path:line: message`."""


def split(text: str) -> tuple[str, str, int]:
    """(front matter YAML, body, line number where the body starts). No front matter: ('', text, 1)."""
    if not text.startswith("---\n"):
        return "", text, 1
    end = text.find("\n---\n", 3)
    if end < 0:
        return "", text, 1
    head = text[4 : end + 1]
    body = text[end + 5 :]
    return head, body, head.count("\n") + 3


def read_meta(path: Path, text: str | None = None) -> tuple[ArticleMeta, str, int]:
    """Validated front matter, body and the body's first line for an article file."""
    if text is None:
        text = path.read_text(encoding="utf-8")
    head, body, first = split(text)
    if not head:
        raise FrontMatterError(f"{path}:1: HC200 missing front matter — start the file with --- and title, description, last_reviewed, risk (see CONTRIBUTING)")
    try:
        # A leading newline makes YAML's line numbers match the file (front matter starts on line 2).
        located = load_located(path, "\n" + head)
    except YamlError as exc:
        raise FrontMatterError(str(exc)) from None
    try:
        meta = ArticleMeta.model_validate(located.data or {})
    except ValidationError as exc:
        problems = [
            f"{path}:{located.line_of(tuple(e['loc']))}: HC200 front matter {'.'.join(map(str, e['loc'])) or 'field'}: {e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()
        ]
        raise FrontMatterError("\n".join(problems)) from None
    return meta, body, first
