"""Page files: links, loops, binary and non-UTF-8 pages are named with a line, never a traceback."""

import pytest

from scripts.content.source import read_page, tree_problems
from scripts.registry.errors import InputError


def docs_tree(tmp_path):
    docs = tmp_path / "docs"
    (docs / "zh").mkdir(parents=True)
    (docs / "zh" / "ok.md").write_text("---\ntitle: T\n---\n# ok\n", encoding="utf-8")
    return docs


def test_a_clean_tree_has_no_problems(tmp_path):
    assert tree_problems(docs_tree(tmp_path)) == []


def test_links_and_loops_are_reported_and_not_followed(tmp_path):
    docs = docs_tree(tmp_path)
    (docs / "zh" / "loop.md").symlink_to(docs / "zh" / "loop.md")
    (docs / "zh" / "secret.md").symlink_to("/etc/hostname")
    (docs / "zh" / "again").symlink_to(docs / "zh")  # a folder loop
    problems = tree_problems(docs)
    assert len(problems) == 3 and all(": HC201 " in p and "symbolic link" in p for p in problems)


@pytest.mark.parametrize(
    "data,line,words",
    [
        (b"\xef\xbb\xbf# T\n", 1, "byte-order mark"),
        (b"# T\n\nok\n\x89PNG\r\n\x1a\n\x00\x00", 6, "NUL bytes"),
        (b"# T\n\xc3\x28\n", 2, "not valid UTF-8"),
        (b"# T\n\nx\x1b[31m\n", 3, "control character"),
        ("# T\n\nabc\u202edef\n".encode(), 3, "control character"),
    ],
)
def test_unreadable_pages_are_reported_with_their_line(tmp_path, data, line, words):
    docs = docs_tree(tmp_path)
    page = docs / "zh" / "bad.md"
    page.write_bytes(data)
    [problem] = tree_problems(docs)
    assert problem.startswith(f"{page}:{line}: HC201 ") and words in problem
    with pytest.raises(InputError, match=words):
        read_page(page)


def test_read_page_refuses_unsafe_front_matter(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\na: &x 1\nb: *x\n---\n# T\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"p.md:2: HC200 YAML anchor"):
        read_page(page)
