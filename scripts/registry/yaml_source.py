"""Load YAML safely while remembering the line of every mapping and list item, for editor-facing errors.

Every YAML file the build reads (contacts.yml, publishers.yml, ui.yml, search_synonyms.yml and
page front matter) is loaded here, and only the plain subset of YAML an editor needs is accepted:
no anchors or aliases (a few hundred bytes of nested aliases expand to gigabytes), no merge keys,
no explicit tags, no duplicate keys (YAML silently keeps the last one), one document, bounded size,
nesting and node count. Refusals are found while streaming parser events, before anything is built,
so a hostile file is rejected in milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts.registry.errors import InputError, YamlError
from scripts.registry.text_files import read_text

MAX_YAML_BYTES = 1_000_000
MAX_DEPTH = 16
MAX_NODES = 200_000
_FIX = "— write plain YAML (see data/CONTACTS_FORMAT.md)"
# A run of flow openers (`[[[[…`, `{{{…`) is refused before the parser sees it: PyYAML's scanner
# slows down on deep flow nesting long before the event-level depth limit is reached.
_DEEP_FLOW = re.compile(rf"(?:[\[{{][ \t\n]*){{{MAX_DEPTH + 1}}}")


@dataclass
class Located:
    """Parsed YAML plus a map from a key path (("providers", 0, "id")) to its 1-based line."""

    data: Any
    path: Path
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, loc: tuple) -> int:
        """The line of the deepest known part of `loc`; 1 if nothing matches."""
        loc = tuple(loc)
        while loc:
            try:
                if loc in self.lines:
                    return self.lines[loc]
            except TypeError:  # an unhashable part (a list) in a validation error location
                pass
            loc = loc[:-1]
        return 1


# libyaml's parser when PyYAML was built with it (the wheels are): same events, marks and errors, several
# times faster on the hundreds of front matters and the registry every build reads.
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse(path: Path, line: int, rule: str, what: str) -> YamlError:
    return YamlError(f"{path}:{line}: {rule} {what}")


def _scan_events(text: str, path: Path, rule: str) -> None:
    """Refuse anchors, aliases, tags, deep nesting, too many nodes and extra documents while streaming."""
    depth = nodes = documents = 0
    for event in yaml.parse(text, Loader=_PARSER):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            raise _refuse(path, line, rule, f"YAML alias *{event.anchor} — aliases are not allowed: write the value out in full")
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _refuse(path, line, rule, "a second YAML document (---) — keep one document per file")
            if event.tags:
                raise _refuse(path, line, rule, f"YAML %TAG directive — directives are not allowed {_FIX}")
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > MAX_NODES:
                raise _refuse(path, line, rule, f"more than {MAX_NODES} YAML values — the file is far too large; split or shorten it")
            if event.anchor is not None:
                raise _refuse(
                    path, line, rule, f"YAML anchor &{event.anchor} — anchors and aliases are not allowed: write each value out in full"
                )
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise _refuse(path, line, rule, f"explicit YAML tag {tag} — tags are not allowed {_FIX}")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _refuse(path, line, rule, f"YAML nested more than {MAX_DEPTH} levels deep — flatten it {_FIX}")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _walk(node: yaml.Node, loc: tuple, lines: dict[tuple, int], path: Path, rule: str) -> None:
    """Record lines; refuse duplicate, merge and non-scalar keys."""
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise _refuse(path, line, rule, "a key that is a list or mapping — keys must be plain words")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _refuse(path, line, rule, "YAML merge key << — merge keys are not allowed: write the fields out in full")
            key = key_node.value
            if key in seen:
                raise _refuse(
                    path,
                    line,
                    rule,
                    f"duplicate key {key!r} (first on line {seen[key]}) — YAML would silently keep only the last one; keep one",
                )
            seen[key] = line
            lines[loc + (key,)] = line
            _walk(value_node, loc + (key,), lines, path, rule)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[loc + (index,)] = item.start_mark.line + 1
            _walk(item, loc + (index,), lines, path, rule)


def _syntax_error(exc: yaml.YAMLError, text: str, path: Path, rule: str) -> YamlError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or exc.context or "cannot be parsed"
        return _refuse(path, line, rule, f"YAML syntax error: {problem} — check indentation and quotes on this line")
    position = getattr(exc, "position", None)
    if isinstance(exc, yaml.reader.ReaderError) and position is not None:
        line = text[:position].count("\n") + 1
        return _refuse(path, line, rule, f"YAML cannot read character U+{exc.character:04X} — delete it")
    return _refuse(path, 1, rule, f"YAML error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__} {_FIX}")


def _bad_scalar_line(root: yaml.Node) -> int:
    """The line of the first scalar YAML cannot build (an impossible date, say); 1 if none is found."""
    loader = yaml.SafeLoader("")
    stack = [root]
    try:
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.ScalarNode):
                try:
                    loader.construct_object(node)
                except Exception:
                    return node.start_mark.line + 1
            elif isinstance(node, yaml.MappingNode):
                stack.extend(v for pair in reversed(node.value) for v in reversed(pair))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(reversed(node.value))
    finally:
        loader.dispose()
    return 1


def load_located(path: Path, text: str | None = None, rule: str = "HC100", max_bytes: int = MAX_YAML_BYTES) -> Located:
    """Parse `path` (or `text`, reported as `path`) as plain, safe YAML and record line numbers.

    Raises YamlError (`path:line: RULE what — fix`) for unreadable files and refused YAML.
    """
    if text is None:
        try:
            text = read_text(path, rule, max_bytes)
        except InputError as exc:
            raise YamlError(str(exc)) from None
    if len(text) > max_bytes or len(text.encode("utf-8")) > max_bytes:
        raise _refuse(path, 1, rule, f"the YAML is larger than {max_bytes} bytes — split it or remove what does not belong in it")
    deep = _DEEP_FLOW.search(text)
    if deep:
        line = text[: deep.start()].count("\n") + 1
        raise _refuse(path, line, rule, f"YAML nested more than {MAX_DEPTH} levels deep — flatten it {_FIX}")
    try:
        _scan_events(text, path, rule)
        node = None
        node = yaml.compose(text, Loader=_PARSER)
        lines: dict[tuple, int] = {}
        if node is None:
            return Located(data=None, path=path, lines=lines)
        _walk(node, (), lines, path, rule)
        loader = yaml.SafeLoader("")
        try:
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except YamlError:
        raise
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text, path, rule) from None
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError) as exc:
        # e.g. a date such as 2026-13-45 (ValueError): name the value's own line
        line = _bad_scalar_line(node) if node is not None else 1
        raise _refuse(
            path, line, rule, f"value cannot be read ({exc}) — fix it: a date is YYYY-MM-DD and must exist (no 2026-02-30)"
        ) from None
    return Located(data=data, path=path, lines=lines)
