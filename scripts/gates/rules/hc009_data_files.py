"""HC009: the data files the build reads besides the registry are well-formed (publishers, interface words, synonyms).

`make check` sees what the build sees: the same loaders validate data/publishers.yml (HC120),
data/ui.yml with every string the templates use (HC121) and data/search_synonyms.yml (HC122).
"""

from __future__ import annotations

from pathlib import Path

from scripts import paths
from scripts.content.synonyms import SynonymsError, load_synonyms
from scripts.gates.rules import Content, located_findings
from scripts.registry.errors import RegistryError
from scripts.registry.publishers import load_publishers
from scripts.render import ui_strings

ID = "HC009"
NAME = "data-files"
SEVERITY = "error"
SUMMARY = "data/publishers.yml, data/ui.yml or data/search_synonyms.yml is malformed, or a template uses an interface string ui.yml lacks."
RENDERER_PYTHON = (paths.ROOT / "scripts" / "render" / "page_blocks.py",)


def data_file_problems(publishers: Path, ui: Path, synonyms: Path, templates: Path, python_files=RENDERER_PYTHON) -> list[str]:
    """Every problem as `path:line: HC12x what — fix`; the build can call this at start-up."""
    problems: list[str] = []
    try:
        load_publishers(publishers)
    except RegistryError as exc:
        problems += str(exc).splitlines()
    problems += ui_strings.problems(ui, templates, python_files)
    try:
        load_synonyms(synonyms)
    except SynonymsError as exc:
        problems += str(exc).splitlines()
    return problems


def check(content: Content):
    lines = data_file_problems(content.publishers_file, content.ui_file, content.synonyms_file, content.templates)
    yield from located_findings(lines, ID, content.publishers_file)
