"""Page files as the build reads them: clean UTF-8 Markdown, no links, no binary, safe front matter.

`read_page` is what the MkDocs adapter should use to read a page (its `on_page_read_source`
event), so a bad page stops the build with `path:line: HC201 what — fix` before MkDocs or any
plugin touches it. `tree_problems` walks a docs folder without following links, for `make check`.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from scripts.registry.errors import InputError
from scripts.registry.text_files import read_text
from scripts.registry.yaml_source import Located, YamlError, load_located

RULE_FILE = "HC201"
RULE_FRONT_MATTER = "HC200"
MAX_PAGE_BYTES = 1_000_000
MAX_FRONT_MATTER_BYTES = 20_000
# MkDocs' own front-matter pattern (mkdocs.utils.meta.YAML_RE): a `---` line, YAML, a `---` or `...` line.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def read_page(path: Path) -> str:
    """The text of a page, or InputError naming the file and line (not UTF-8, BOM, binary, a link …).

    Front matter is also parsed with the safe YAML loader here, so YAML tricks (aliases, duplicate
    keys, huge documents) never reach MkDocs' own front-matter parser.
    """
    text = read_text(path, RULE_FILE, MAX_PAGE_BYTES)
    match = FRONT_MATTER.match(text)
    if match:
        try:
            parse_front_matter(path, match.group(1))
        except YamlError as exc:
            raise InputError(str(exc)) from None
    return text


@functools.lru_cache(maxsize=8192)  # read_page checks it, front_matter.read_meta validates it: one parse
def parse_front_matter(path: Path, head: str) -> Located:
    """The front matter YAML of `path` parsed safely (YamlError if refused; a failure is not kept).

    A leading newline makes YAML's line numbers match the file (front matter starts on line 2)."""
    return load_located(path, "\n" + head, rule=RULE_FRONT_MATTER, max_bytes=MAX_FRONT_MATTER_BYTES)


def tree_problems(root: Path, suffix: str = ".md") -> list[str]:
    """`path:1: HC201 …` for every link under `root` and every unreadable `suffix` file; never follows links."""
    problems = []
    root = Path(root)
    if root.is_symlink():
        return [f"{root}:1: {RULE_FILE} the docs folder is a symbolic link — commit the folder itself"]

    def walk_error(exc: OSError) -> None:
        problems.append(f"{exc.filename or root}:1: {RULE_FILE} cannot be read ({exc.strerror or exc}) — fix or remove it")

    for folder, dirs, files in os.walk(root, followlinks=False, onerror=walk_error):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path.is_symlink():
                problems.append(
                    f"{path}:1: {RULE_FILE} is a symbolic link — commit the file or folder itself "
                    f"(a link can loop or point outside the repository)"
                )
            elif name in files and name.endswith(suffix):
                try:
                    read_text(path, RULE_FILE, MAX_PAGE_BYTES)
                except InputError as exc:
                    problems.append(str(exc))
        dirs[:] = sorted(d for d in dirs if not (Path(folder) / d).is_symlink())
    return problems
