"""Content rules run by `make check`: one rule per module, each with a stable id.

A rule module defines ID, NAME, SEVERITY ("error" or "warning"), SUMMARY and
`check(site: Content) -> Iterable[Finding]`. Add a module, then list it in ALL below and in
the rules table in docs (scripts.cli.check prints it with --rules).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from scripts import paths
from scripts.registry.contacts import Contacts, RegistryError
from scripts.render.page_functions import PAGE_FUNCTIONS


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
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


CALL = re.compile(r"\{\{\s*(" + "|".join(PAGE_FUNCTIONS) + r")\s*\((.*?)\)\s*\}\}")


def _arguments(source: str) -> tuple[str, dict]:
    """The first positional argument and the keyword arguments of a call, as strings."""
    try:
        call = ast.parse(f"f({source})", mode="eval").body
    except SyntaxError:
        return source.strip(), {}
    first = call.args[0].value if call.args and isinstance(call.args[0], ast.Constant) else ""
    kwargs = {k.arg: k.value.value for k in call.keywords if isinstance(k.value, ast.Constant)}
    return str(first), kwargs


@dataclass
class Content:
    """Everything the rules look at: the docs tree and the registry, loaded once."""

    docs: Path = paths.DOCS
    contacts_file: Path = paths.CONTACTS
    languages: tuple = paths.LANGUAGES
    _contacts: object = field(default=None, repr=False)

    @cached_property
    def pages(self) -> dict[str, dict[str, Path]]:
        """language -> {path inside the language folder: file}"""
        found = {}
        for lang in self.languages:
            root = self.docs / lang
            found[lang] = {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*.md"))} if root.exists() else {}
        return found

    def all_pages(self):
        for lang, files in self.pages.items():
            for rel, path in files.items():
                yield lang, rel, path

    def text(self, path: Path) -> str:
        return path.read_text(encoding="utf-8")

    @cached_property
    def contacts(self) -> Contacts | RegistryError:
        try:
            return Contacts.load(self.contacts_file)
        except RegistryError as exc:
            return exc

    def calls(self, path: Path) -> list[tuple[int, str, str, dict]]:
        """(line, function, first argument, keyword arguments) for every registry call in a page."""
        out = []
        for lineno, line in enumerate(self.text(path).splitlines(), start=1):
            for m in CALL.finditer(line):
                out.append((lineno, m.group(1), *_arguments(m.group(2))))
        return out
