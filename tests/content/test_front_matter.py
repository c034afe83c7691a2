"""Front matter is split exactly like MkDocs does, so body line numbers are the file's true lines."""

import time

import pytest
from mkdocs.utils.meta import get_data

from scripts.content.front_matter import FrontMatterError, read_meta, split

FRONT = "---\ntitle: Title\ndescription: A page for the tests.\nlast_reviewed: 2026-11-01\nrisk: low\n---\n"


@pytest.mark.parametrize(
    "text",
    [
        FRONT + "\n# Title\n\nBody {{ phone('x') }}\n",
        FRONT + "\n\n\n# Title\n",
        FRONT + "# Title\n",
        FRONT.replace("---\n", "---  \n", 1) + "\n# Title\n",
        FRONT[:-4] + "...\n\n# Title\n",
        "# No front matter\n\ntext\n",
    ],
)
def test_body_and_first_line_match_what_mkdocs_renders(text):
    head, body, first = split(text)
    mkdocs_body, _meta = get_data(text)
    assert body.lstrip("\n") == mkdocs_body
    # The body's first line is that line of the file: errors in the body are reported at true lines,
    # and the Markdown MkDocs renders starts the dropped blank lines later (what the adapter adds).
    assert text.splitlines()[first - 1 :] == body.splitlines()
    dropped = len(body) - len(body.lstrip("\n"))
    assert text.splitlines()[first - 1 + dropped :] == mkdocs_body.splitlines()


def test_a_body_error_line_is_the_true_line(tmp_path):
    text = FRONT + "\n# Title\n\nline nine\n"
    _, body, first = split(text)
    line_in_body = body.splitlines().index("line nine") + 1
    assert first + line_in_body - 1 == text.splitlines().index("line nine") + 1 == 10


@pytest.mark.parametrize(
    "data,line,words",
    [
        (b"\xef\xbb\xbf" + FRONT.encode() + b"# T\n", 1, "byte-order mark"),
        (FRONT.encode() + b"# T\n\xff\xfe\n", 8, "not valid UTF-8"),
        (FRONT.encode() + b"# T\n\x00\x01PNG", 8, "NUL bytes"),
        (FRONT.replace("risk: low", "risk: low\nrisk: high").encode() + b"# T\n", 6, "duplicate key 'risk'"),
        (FRONT.replace("risk: low", "risk: &r low").encode() + b"# T\n", 5, "anchor"),
        (FRONT.replace("risk: low", "risk: [low").encode() + b"# T\n", 6, "YAML syntax error"),
        (FRONT.replace("risk: low", "risk: extreme").encode() + b"# T\n", 5, "risk"),
        (b"---\n- a\n- b\n---\n# T\n", 2, "key: value"),
    ],
)
def test_bad_pages_give_one_clean_line(tmp_path, data, line, words):
    path = tmp_path / "page.md"
    path.write_bytes(data)
    with pytest.raises(FrontMatterError) as info:
        read_meta(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: HC20") and words in message, message


def test_alias_bomb_in_front_matter_is_refused_fast(tmp_path):
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    path = tmp_path / "page.md"
    path.write_text("---\n" + bomb + "---\n# T\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(FrontMatterError, match=r"page.md:2: HC200 YAML anchor"):
        read_meta(path)
    assert time.monotonic() - started < 0.5


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2099-01-01", r"a.md:4: HC200 front matter last_reviewed: .*2099-01-01 is in the future .*use the date a person last reviewed"),
        ("2026-02-30", r"a.md:4: HC200 value cannot be read .*a date is YYYY-MM-DD and must exist"),
        ("2026-13-01", r"a.md:4: HC200 value cannot be read .*a date is YYYY-MM-DD and must exist"),
    ],
)
def test_impossible_and_future_review_dates_get_a_clean_fix(tmp_path, value, expected):
    from scripts.content.front_matter import FrontMatterError, read_meta

    page = tmp_path / "a.md"
    page.write_text(
        f"---\ntitle: 测试页\ndescription: 一个用于测试日期的页面。\nlast_reviewed: {value}\nrisk: low\n---\n\n# x\n", encoding="utf-8"
    )
    with pytest.raises(FrontMatterError, match=expected):
        read_meta(page)
