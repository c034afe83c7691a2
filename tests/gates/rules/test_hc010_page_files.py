"""HC010: links and unreadable pages under docs/ are findings with a line, and no other rule trips over them."""

import pytest

from scripts.cli import check
from scripts.gates.rules import Content, hc010_page_files
from tests.conftest import FIXTURE_SITE

PAGE = "---\ntitle: Title\ndescription: A page used by the rule tests.\nlast_reviewed: 2026-11-01\nrisk: low\n---\n\n# T\n"


def tree(tmp_path, extra: dict[str, bytes]) -> Content:
    docs = tmp_path / "docs"
    for lang in ("zh", "en"):
        (docs / lang).mkdir(parents=True)
        (docs / lang / "a.md").write_text(PAGE, encoding="utf-8")
    for rel, data in extra.items():
        (docs / rel).write_bytes(data)
    return Content(docs=docs, contacts_file=FIXTURE_SITE / "data" / "contacts.yml")


@pytest.mark.parametrize(
    "data,line,words",
    [
        (b"\xef\xbb\xbf" + PAGE.encode(), 1, "byte-order mark"),
        (PAGE.encode() + b"\nok\n\xe4\xb8\n", 11, "not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "NUL bytes"),
        (PAGE.encode() + "\nx\u202ey\n".encode(), 10, "control character"),
    ],
)
def test_unreadable_pages_are_reported(tmp_path, data, line, words):
    content = tree(tmp_path, {"zh/b.md": data, "en/b.md": PAGE.encode()})
    [finding] = hc010_page_files.check(content)
    assert (finding.path.name, finding.line, finding.rule) == ("b.md", line, "HC010") and words in finding.message
    assert all(p.name != "b.md" or lang != "zh" for lang, _, p in content.all_pages())


def test_symlinks_and_loops_are_reported_and_skipped(tmp_path):
    content = tree(tmp_path, {})
    docs = content.docs
    (docs / "zh" / "loop.md").symlink_to(docs / "zh" / "loop.md")
    (docs / "en" / "loop.md").symlink_to("/etc/hostname")
    (docs / "zh" / "again").symlink_to(docs / "zh")
    found = list(hc010_page_files.check(content))
    assert sorted(f.path.name for f in found) == ["again", "loop.md", "loop.md"]
    assert {rel for _, rel, _ in content.all_pages()} == {"a.md"}


def test_make_check_survives_every_bad_file_at_once(tmp_path, capsys):
    content = tree(tmp_path, {"zh/bom.md": b"\xef\xbb\xbf# x\n", "zh/bin.md": b"\x00\x01", "en/bad.md": b"\xff"})
    (content.docs / "zh" / "loop.md").symlink_to(content.docs / "zh" / "loop.md")
    code = check.main(["--docs", str(content.docs), "--contacts", str(FIXTURE_SITE / "data" / "contacts.yml")])
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.out + out.err
    assert out.out.count(": HC010 ") == 4
