"""Search synonyms are words: no markup, links, digits or invisible characters reach the search index."""

import pytest

from scripts import paths
from scripts.content.synonyms import SynonymsError, load_synonyms
from scripts.site.search_index import load_synonyms as build_load_synonyms


def test_the_real_file_loads():
    groups = load_synonyms(paths.DATA / "search_synonyms.yml")
    assert groups and all(isinstance(word, str) for group in groups for word in group)
    assert build_load_synonyms() == groups


def test_missing_file_means_no_synonyms(tmp_path):
    assert load_synonyms(tmp_path / "none.yml") == []


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("- [退款, refund]\n- [客服, <script>alert(1)</script>]\n", 2, "never markup"),
        ("- [退款, refund]\n- [客服, '<img src=x onerror=alert(1)>']\n", 2, "never markup"),
        ("- [退款, https://evil.example]\n", 1, "never markup"),
        ("- [客服, '400 893 9888']\n", 1, "digit"),
        ("- [客服, 'hot\u200bline']\n", 1, "never markup"),
        ("- [客服]\n", 1, "2 to"),
        ("- 客服\n", 1, "2 to"),
        ("groups: [a, b]\n", 1, "must be a list"),
        ("- [a, b]\n- [a, b, &x c]\n", 2, "anchor"),
        ("- [a, ' b']\n", 1, "spaces at either end"),
    ],
)
def test_bad_synonyms_are_refused_with_their_line(tmp_path, text, line, words):
    path = tmp_path / "search_synonyms.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SynonymsError) as info:
        load_synonyms(path)
    message = str(info.value)
    assert f"search_synonyms.yml:{line}: HC122 " in message and words in message, message
