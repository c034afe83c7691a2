"""data/ui.yml: every interface word exists, as real text, in both languages.

A value YAML cannot read as one string (an unquoted comma in a flow mapping splits it into keys)
reached the page as "[object Object]"; these tests catch that before a build.
"""

from __future__ import annotations

import re

import pytest
import yaml

from scripts import paths
from scripts.render.ui_strings import strings

UI = paths.DATA / "ui.yml"
CHECKER_JS = paths.ROOT / "docs" / "assets" / "javascripts" / "number-checker.js"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _pairs(node, where=()):
    """Every entry (a mapping with zh and en) with its key path; groups of entries are walked into."""
    if isinstance(node, dict) and node and not ({"zh", "en"} & set(node)):
        for key, value in node.items():
            yield from _pairs(value, (*where, str(key)))
    else:
        yield where, node


RAW = yaml.safe_load(UI.read_text(encoding="utf-8"))
PAIRS = list(_pairs(RAW))


def test_the_file_has_entries():
    assert len(PAIRS) > 20


@pytest.mark.parametrize("where,pair", PAIRS, ids=[".".join(w) for w, _ in PAIRS])
def test_every_entry_is_text_in_both_languages(where, pair):
    name = ".".join(where)
    assert isinstance(pair, dict) and set(pair) == {"zh", "en"}, (
        f"{name}: expected {{zh: …, en: …}}, got {pair!r} (an unquoted comma or colon splits a flow mapping)"
    )
    for lang in ("zh", "en"):
        value = pair[lang]
        assert isinstance(value, str), f"{name}.{lang} is {type(value).__name__} {value!r}: quote the string in ui.yml"
        assert value.strip(), f"{name}.{lang} is empty"
        assert value == value.strip(), f"{name}.{lang} has spaces at an end"
        assert "[object" not in value and "None" != value
    assert sorted(PLACEHOLDER.findall(pair["zh"])) == sorted(PLACEHOLDER.findall(pair["en"])), (
        f"{name}: zh and en fill in different {{placeholders}}"
    )


@pytest.mark.parametrize("where,pair", PAIRS, ids=[".".join(w) for w, _ in PAIRS])
def test_each_language_reads_as_itself(where, pair):
    name = ".".join(where)
    if not (isinstance(pair, dict) and isinstance(pair.get("zh"), str) and isinstance(pair.get("en"), str)):
        pytest.skip("not a zh/en pair of strings: reported by the test above")
    zh = PLACEHOLDER.sub("", pair["zh"])
    assert CJK.search(zh), f"{name}.zh has no Chinese: {pair['zh']!r}"
    assert not CJK.search(pair["en"]), f"{name}.en has Chinese characters: {pair['en']!r}"


def _leaves(node, where=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*where, key))
    else:
        yield where, node


def test_resolved_languages_have_the_same_keys_and_only_strings():
    zh, en = dict(_leaves(strings("zh", UI))), dict(_leaves(strings("en", UI)))
    assert zh.keys() == en.keys()
    for where, value in [*zh.items(), *en.items()]:
        assert isinstance(value, str) and value, f"{'.'.join(where)} resolves to {value!r}"


def test_every_word_the_checker_script_asks_for_exists():
    script = CHECKER_JS.read_text(encoding="utf-8")
    asked = set(re.findall(r"""\bmsg\(\s*["']([a-z_]+)["']""", script))
    assert len(asked) > 20, 'the checker script no longer calls msg("key") with literal keys'
    missing = sorted(asked - set(RAW["checker"]))
    assert not missing, f"number-checker.js asks data/ui.yml checker: for {missing}"
    computed = re.findall(r"\bmsg\(\s*[^\"'\s]\w*", script.replace("function msg(key", ""))
    assert not computed, "msg() with a computed key cannot be checked here: use a literal key"


def test_checker_words_name_no_numbers():
    # Verdicts quote the reader's input and the registry; a number typed into ui.yml would reach
    # every checker page without a source.
    for where, pair in PAIRS:
        if where[:1] == ("checker",) and isinstance(pair, dict):
            for value in (v for v in pair.values() if isinstance(v, str)):
                assert not re.search(r"\d{3,}", value), f"{'.'.join(where)}: {value!r} contains a number"


def test_interface_words_follow_edits_to_the_file(tmp_path):
    """`mkdocs serve` keeps one process: an edited ui.yml must not be served from a stale cache."""
    from scripts.render.ui_strings import UI_FILE, strings

    copy = tmp_path / "ui.yml"
    copy.write_text(UI_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    before = strings("en", copy)["reminder_title"]
    text = copy.read_text(encoding="utf-8").replace(before, before + " (edited)", 1)
    copy.write_text(text, encoding="utf-8")
    assert strings("en", copy)["reminder_title"] == before + " (edited)"
