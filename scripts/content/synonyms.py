"""data/search_synonyms.yml: groups of plain words readers use for the same thing.

The words are added to the search index as text, so they must be words: letters (any script),
spaces and hyphens. Markup, URLs, digits (a number in the index would be an unregistered number
in the built site) and invisible characters are refused with `path:line: HC122 what — fix`.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from scripts.registry.errors import InputError
from scripts.registry.yaml_source import YamlError, load_located

RULE = "HC122"
MAX_WORD = 40
MAX_GROUP = 20
MAX_GROUPS = 500


class SynonymsError(InputError):
    """str() is one `path:line: HC122 …` line per problem."""


def word_problem(word) -> str | None:
    """Why `word` is not a plain search word; None when it is one."""
    if not isinstance(word, str):
        return f"{word!r} is not a word — write words as plain text"
    if not word or word != word.strip():
        return f"{word!r} is empty or has spaces at either end"
    if len(word) > MAX_WORD:
        return f"{word!r} is longer than {MAX_WORD} characters — synonyms are single words or short phrases"
    for ch in word:
        category = unicodedata.category(ch)
        if ch.isdigit() or category == "Nd":
            return f"{word!r} contains a digit — numbers come only from the registry; use words"
        if not (category[0] in "LM" or ch in " -'’"):
            return f"{word!r} contains {ch!r} — synonyms are words (letters, spaces, hyphens), never markup, links or symbols"
    return None


def load_synonyms(path: Path) -> list[list[str]]:
    """The synonym groups, validated; [] when the file does not exist. SynonymsError otherwise."""
    if not Path(path).exists() and not Path(path).is_symlink():
        return []
    try:
        located = load_located(path, rule=RULE)
    except YamlError as exc:
        raise SynonymsError(str(exc)) from None
    data = located.data
    if data is None:
        return []
    problems = []
    if not isinstance(data, list):
        raise SynonymsError(f"{path}:1: {RULE} the file must be a list of groups, each a list of words: - [退款, refund]")
    if len(data) > MAX_GROUPS:
        problems.append(f"{path}:1: {RULE} more than {MAX_GROUPS} groups — keep the list small")
    for index, group in enumerate(data):
        line = located.line_of((index,))
        if not isinstance(group, list) or not 2 <= len(group) <= MAX_GROUP:
            problems.append(f"{path}:{line}: {RULE} each group is a list of 2 to {MAX_GROUP} words, e.g. - [退款, refund]")
            continue
        for position, word in enumerate(group):
            problem = word_problem(word)
            if problem:
                problems.append(f"{path}:{located.line_of((index, position))}: {RULE} {problem}")
    if problems:
        raise SynonymsError("\n".join(problems))
    return data
