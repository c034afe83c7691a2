"""Interface words for templates, from data/ui.yml, validated and resolved to one language.

data/ui.yml is a mapping whose leaves are `{zh: …, en: …}` pairs of non-empty strings, with the
same `{placeholders}` in both languages; mappings may nest (`checker: {empty: {zh, en}}`). Every
`t.name` the registry templates use must exist. Problems are `path:line: HC121 what — fix`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from scripts import paths
from scripts.registry.errors import InputError
from scripts.registry.evidence import Status
from scripts.registry.schema import ChannelKind
from scripts.registry.yaml_source import Located, YamlError, load_located

RULE = "HC121"
UI_FILE = paths.DATA / "ui.yml"
TEMPLATES = paths.OVERRIDES / "partials" / "hc"
KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
# `t.name.sub` in templates, and `.t['name']` in the renderer's Python.
TEMPLATE_REF = re.compile(r"(?<![\w.])t((?:\.[A-Za-z_][\w-]*)+)")
PYTHON_REF = re.compile(r"\.t\[\s*['\"]([\w-]+)['\"]\s*\]")
# Keys the templates look up by a value (`t[a.status.value]`, `t.channel_kind[ch.kind.value]`).
DYNAMIC_KEYS = tuple((s.value,) for s in Status if s is not Status.unpublishable) + tuple(("channel_kind", k.value) for k in ChannelKind)


class UiStringsError(InputError):
    """str() is one `path:line: HC121 …` line per problem."""


def _is_leaf(node) -> bool:
    return (
        isinstance(node, dict)
        and set(node) <= {"zh", "en"}
        and bool(node)
        and all(isinstance(v, str) or v is None for v in node.values())
        and ("zh" in node or "en" in node)
    )


def _problems(node, loc: tuple, located: Located, out: list[str]) -> None:
    path = located.path

    def bad(message: str, where: tuple = loc) -> None:
        out.append(f"{path}:{located.line_of(where)}: {RULE} {message}")

    name = ".".join(map(str, loc)) or "(top level)"
    if not isinstance(node, dict):
        bad(f"{name} must be {{zh: …, en: …}} or a group of such entries")
        return
    if _is_leaf(node) or ({"zh", "en"} & set(node)):
        extra = set(node) - {"zh", "en"}
        if extra:
            bad(f"{name} has {', '.join(sorted(map(str, extra)))} beside zh/en — an entry holds exactly zh and en")
            return
        for lang in ("zh", "en"):
            value = node.get(lang)
            if not isinstance(value, str) or not value.strip():
                bad(
                    f"{name}.{lang} is missing or empty — every interface string needs both zh and en text",
                    loc + ((lang,) if lang in node else ()),
                )
                return
        zh, en = (sorted(set(PLACEHOLDER.findall(node[lang]))) for lang in ("zh", "en"))
        if zh != en:
            bad(f"{name}: zh uses placeholders {zh} but en uses {en} — use the same {{names}} in both")
        return
    if not node:
        bad(f"{name} is empty — give it zh and en text or remove it")
        return
    for key, value in node.items():
        if not isinstance(key, str) or not KEY.fullmatch(key):
            bad(f"key {key!r} in {name} must be letters, digits, _ or - (starting with a letter)", loc + (key,))
            continue
        _problems(value, loc + (key,), located, out)


def load_ui(path: Path = UI_FILE) -> dict:
    """The raw, validated contents of ui.yml; UiStringsError listing every problem otherwise."""
    try:
        located = load_located(path, rule=RULE)
    except YamlError as exc:
        raise UiStringsError(str(exc)) from None
    problems: list[str] = []
    if not isinstance(located.data, dict) or not located.data:
        raise UiStringsError(f"{path}:1: {RULE} ui.yml must be a mapping of names to {{zh: …, en: …}} entries")
    _problems(located.data, (), located, problems)
    if problems:
        raise UiStringsError("\n".join(problems))
    return located.data


def referenced_keys(templates: Path = TEMPLATES, python_files=()) -> dict[tuple, str]:
    """Every interface-string key the templates (and given Python files) use -> where it is used first."""
    refs: dict[tuple, str] = {key: "templates (looked up by status or channel kind)" for key in DYNAMIC_KEYS}
    files = sorted(Path(templates).rglob("*.html")) if Path(templates).exists() else []
    for file in list(files) + [Path(p) for p in python_files]:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        pattern = PYTHON_REF if file.suffix == ".py" else TEMPLATE_REF
        for number, line in enumerate(text.splitlines(), start=1):
            for match in pattern.finditer(line):
                key = tuple(match.group(1).strip(".").split(".")) if pattern is TEMPLATE_REF else (match.group(1),)
                refs.setdefault(key, f"{file}:{number}")
    return refs


def missing_keys(data: dict, refs: dict[tuple, str]) -> list[tuple[tuple, str]]:
    """(key, where used) for every referenced key ui.yml does not define as an entry or group."""
    missing = []
    for key, where in sorted(refs.items()):
        node = data
        for part in key:
            if not isinstance(node, dict) or part not in node or part in ("zh", "en"):
                missing.append((key, where))
                break
            node = node[part]
    return missing


def problems(path: Path = UI_FILE, templates: Path = TEMPLATES, python_files=()) -> list[str]:
    """Every problem with ui.yml as `path:line: HC121 …` lines: malformed entries and missing strings."""
    try:
        data = load_ui(path)
    except UiStringsError as exc:
        return str(exc).splitlines()
    return [
        f"{path}:1: {RULE} interface string {'.'.join(key)!r} is used by {where} but missing — add it with zh and en text"
        for key, where in missing_keys(data, referenced_keys(templates, python_files))
    ]


def validate(path: Path = UI_FILE, templates: Path = TEMPLATES, python_files=()) -> None:
    """Raise UiStringsError when ui.yml is malformed or lacks a string the templates use (call at build start)."""
    found = problems(path, templates, python_files)
    if found:
        raise UiStringsError("\n".join(found))


def _pick(node, lang: str):
    if isinstance(node, dict) and set(node) == {"zh", "en"}:
        return node[lang]
    if isinstance(node, dict):
        return {key: _pick(value, lang) for key, value in node.items()}
    return node


def strings(lang: str, path: Path = UI_FILE) -> dict:
    """All interface strings in `lang` (zh or en); UiStringsError when ui.yml is malformed.

    Memoised on the file's bytes, so `mkdocs serve` picks up an edit to ui.yml on the next rebuild.
    """
    return _strings(lang, path, path.read_bytes() if path.is_file() else b"")


@lru_cache(maxsize=8)
def _strings(lang: str, path: Path, _content: bytes) -> dict:
    return _pick(load_ui(path), lang)
