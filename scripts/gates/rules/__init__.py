"""Content rules run by `make check`: one rule per module, each with a stable id.

A rule module defines ID, NAME, SEVERITY ("error" or "warning"), SUMMARY and
`check(site: Content) -> Iterable[Finding]`. Add a module, then list it in ALL below and in
the rules table in docs (scripts.cli.check prints it with --rules).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from scripts import paths
from scripts.content.front_matter import split
from scripts.content.source import MAX_PAGE_BYTES, RULE_FILE, tree_problems
from scripts.registry.contacts import Contacts, RegistryError
from scripts.registry.errors import InputError
from scripts.registry.evidence import Policy
from scripts.registry.publishers import Publishers
from scripts.registry.text_files import read_text
from scripts.render.page_calls import ParsedPage, page_signatures, parse_page
from scripts.render.page_functions import Renderer

PAGE_SIGNATURES = page_signatures(Renderer)

# `path:line: RULE message` lines from the loaders, split back into their parts.
LOCATED = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?:(?P<rule>HC\d{3}) )?(?P<msg>.*)$")


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    rule: str
    message: str
    severity: str = "error"

    def plain(self, root: Path = paths.ROOT) -> str:
        return f"{_rel(self.path, root)}:{self.line}: {self.rule} {self.message}"

    def github(self, root: Path = paths.ROOT) -> str:
        # Workflow commands: GitHub shows these on the pull request's diff.
        kind = "error" if self.severity == "error" else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={_rel(self.path, root)},line={self.line},title={self.rule}::{message}"


def _rel(path: Path, root: Path) -> str:
    # absolute(), not resolve(): a finding may be about a symbolic link (even a loop) itself.
    try:
        return Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root))).as_posix()
    except (ValueError, OSError, RuntimeError):
        return str(path)


def located_findings(lines, rule: str, default_path: Path, severity: str = "error"):
    """Findings from `path:line: RULE message` lines (the loaders' error format), under `rule`."""
    for text in lines:
        m = LOCATED.match(text)
        if m:
            yield Finding(Path(m["path"]), int(m["line"]), rule, m["msg"], severity)
        else:
            yield Finding(default_path, 1, rule, text, severity)


@dataclass
class Content:
    """Everything the rules look at: the docs tree, the registry and the other data files, loaded once.

    Pages that are not clean UTF-8 text (or are links) are left out of `pages`; HC010 reports them,
    so no rule ever reads a file the build would refuse.
    """

    docs: Path = paths.DOCS
    contacts_file: Path = paths.CONTACTS
    languages: tuple = paths.LANGUAGES
    publishers_file: Path = paths.PUBLISHERS
    ui_file: Path = paths.DATA / "ui.yml"
    synonyms_file: Path = paths.DATA / "search_synonyms.yml"
    templates: Path = paths.OVERRIDES / "partials" / "hc"
    _contacts: object = field(default=None, repr=False)
    _texts: dict = field(default_factory=dict, repr=False)
    _parsed: dict = field(default_factory=dict, repr=False)

    def _read(self, path: Path) -> str | None:
        if path not in self._texts:
            try:
                self._texts[path] = None if path.is_symlink() else read_text(path, RULE_FILE, MAX_PAGE_BYTES)
            except InputError:
                self._texts[path] = None
        return self._texts[path]

    @cached_property
    def pages(self) -> dict[str, dict[str, Path]]:
        """language -> {path inside the language folder: file}, readable pages only"""
        found: dict[str, dict[str, Path]] = {}
        for lang in self.languages:
            root = self.docs / lang
            if not root.is_dir() or root.is_symlink():
                found[lang] = {}
                continue
            found[lang] = {
                p.relative_to(root).as_posix(): p
                for p in sorted(root.rglob("*.md"))
                if not any(part.is_symlink() for part in [p, *p.parents][: len(p.relative_to(root).parts)]) and self._read(p) is not None
            }
        return found

    @cached_property
    def page_problems(self) -> list[str]:
        """`path:line: HC201 …` for links and unreadable pages anywhere under docs/."""
        return tree_problems(self.docs) if self.docs.exists() or self.docs.is_symlink() else []

    def all_pages(self):
        for lang, files in self.pages.items():
            for rel, path in files.items():
                yield lang, rel, path

    def text(self, path: Path) -> str:
        """The page's text; "" for a file that cannot be read (HC010 reports it)."""
        text = self._read(path)
        return text if text is not None else ""

    @cached_property
    def policy(self) -> Policy:
        """The evidence policy; without publisher lists when publishers.yml is malformed (HC009 reports it)."""
        try:
            return Policy.load(self.publishers_file)
        except RegistryError:
            return Policy.from_publishers(Publishers())

    @cached_property
    def contacts(self) -> Contacts | RegistryError:
        try:
            return Contacts.load(self.contacts_file, self.policy)
        except RegistryError as exc:
            return exc

    def parsed(self, path: Path) -> tuple[ParsedPage, int]:
        """A page body read by the build's own parser (render/page_calls.py), once, and its first line."""
        if path not in self._parsed:
            _head, body, first_line = split(self.text(path))
            self._parsed[path] = (parse_page(body, PAGE_SIGNATURES), first_line)
        return self._parsed[path]

    def calls(self, path: Path) -> list[tuple[int, str, str, dict]]:
        """(line, function, first argument, keyword arguments) for every registry call in a page.

        A call split over lines is seen too; calls that are not literal are HC020's to report.
        """
        page, first_line = self.parsed(path)
        out = []
        for call in page.calls:
            first = call.args[0] if call.args else ""
            out.append((call.line + first_line - 1, call.name, first or "", dict(call.kwargs)))
        return out
