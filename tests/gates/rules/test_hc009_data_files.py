"""HC009: make check sees what the build sees in publishers.yml, ui.yml and search_synonyms.yml."""

import shutil

import pytest

from scripts import paths
from scripts.cli import check
from scripts.gates.rules import Content, hc009_data_files
from scripts.render import ui_strings
from scripts.render.ui_strings import UiStringsError
from tests.conftest import FIXTURE_SITE


@pytest.fixture
def data(tmp_path):
    """Copies of the real data files and the registry templates, to break one at a time."""
    for name in ("publishers.yml", "ui.yml", "search_synonyms.yml"):
        shutil.copy(paths.DATA / name, tmp_path / name)
    shutil.copytree(paths.OVERRIDES / "partials" / "hc", tmp_path / "hc")
    return tmp_path


def content(data) -> Content:
    return Content(
        docs=data / "docs",
        contacts_file=FIXTURE_SITE / "data" / "contacts.yml",
        publishers_file=data / "publishers.yml",
        ui_file=data / "ui.yml",
        synonyms_file=data / "search_synonyms.yml",
        templates=data / "hc",
    )


def findings(data):
    return list(hc009_data_files.check(content(data)))


def test_the_real_data_files_pass(data):
    assert findings(data) == []


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path, needle):
    return next(i for i, text_line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text_line)


@pytest.mark.parametrize(
    "name,old,new,needle,words",
    [
        ("publishers.yml", "government:\n", "government:\n  - com.cn\n", "  - com.cn", "not a government"),
        ("publishers.yml", "news:\n", "news:\n  - github.io\n", "  - github.io", "public suffix"),
        ("publishers.yml", "government:\n", "goverment: [gov.cn]\ngovernment:\n", "goverment:", "unknown key"),
        ("publishers.yml", "news:\n", "news:\n  - rthk.hk\n", "  - rthk.hk", "listed twice"),
        ("ui.yml", "verified: {zh: 官方来源, en: Official source}", "verified: {zh: 官方来源}", "verified: {zh", "missing or empty"),
        (
            "ui.yml",
            "verified: {zh: 官方来源, en: Official source}",
            "verified: {zh: 官方来源, en: ''}",
            "verified: {zh",
            "missing or empty",
        ),
        (
            "ui.yml",
            "verified: {zh: 官方来源, en: Official source}",
            "verified: {zh: '官方来源 {name}', en: Official source}",
            "verified: {zh",
            "placeholders",
        ),
        (
            "ui.yml",
            "verified: {zh: 官方来源, en: Official source}",
            "verified: {zh: 官方来源, en: Official, fr: Officiel}",
            "verified: {zh",
            "beside zh/en",
        ),
        (
            "ui.yml",
            "verified: {zh: 官方来源, en: Official source}",
            "verified: &v {zh: 官方来源, en: Official source}",
            "verified: &v",
            "anchor",
        ),
        (
            "ui.yml",
            "source: {zh: 来源, en: source}",
            "source: {zh: 来源, en: source}\nsource: {zh: 来源, en: source}",
            "source: {zh: 来源, en: source}",
            "duplicate key",
        ),
        ("search_synonyms.yml", "- [退款", "- [<b>退款</b>, x]\n- [退款", "- [<b>", "never markup"),
    ],
)
def test_malformed_data_files_are_reported_at_their_line(data, name, old, new, needle, words):
    path = data / name
    edit(path, old, new)
    found = findings(data)
    assert found and all(f.rule == "HC009" for f in found)
    lines = [(f.path.name, f.line) for f in found if words in f.message]
    matches = [i for i, text_line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text_line]
    expected = matches[-1]  # a duplicate is reported where it repeats
    assert (name, expected) in lines, [f.plain() for f in found]


def test_an_interface_string_a_template_uses_must_exist(data):
    (data / "hc" / "extra.html").write_text("<p>{{ t.no_such_string }}</p>\n", encoding="utf-8")
    [finding] = findings(data)
    assert "'no_such_string'" in finding.message and "extra.html:1" in finding.message


def test_ui_strings_raise_a_clean_error_for_the_build(data):
    edit(data / "ui.yml", "verified: {zh: 官方来源, en: Official source}", "verified: [官方来源]")
    with pytest.raises(UiStringsError, match=r"ui.yml:\d+: HC121 verified must be"):
        ui_strings.strings("en", data / "ui.yml")
    with pytest.raises(UiStringsError):
        ui_strings.validate(data / "ui.yml", data / "hc")


def test_unreadable_data_files_are_findings_not_tracebacks(data):
    (data / "ui.yml").write_bytes(b"\xef\xbb\xbf" + (data / "ui.yml").read_bytes())
    (data / "search_synonyms.yml").write_bytes(b"- [a, b]\n- [\xff, c]\n")
    (data / "publishers.yml").write_text("news: [" * 100 + "\n", encoding="utf-8")
    found = {(f.path.name, f.line): f.message for f in findings(data)}
    assert "byte-order mark" in found[("ui.yml", 1)]
    assert "not valid UTF-8" in found[("search_synonyms.yml", 2)]
    assert "nested" in found[("publishers.yml", 1)]


def test_make_check_reports_a_broken_publishers_file_once_at_its_own_path(data, capsys, tmp_path):
    edit(data / "publishers.yml", "news:\n", "news:\n  - com.cn\n")
    (tmp_path / "docs" / "zh").mkdir(parents=True)
    (tmp_path / "docs" / "en").mkdir(parents=True)
    code = check.main(
        [
            "--docs",
            str(tmp_path / "docs"),
            "--contacts",
            str(FIXTURE_SITE / "data" / "contacts.yml"),
            "--publishers",
            str(data / "publishers.yml"),
            "--ui",
            str(data / "ui.yml"),
            "--synonyms",
            str(data / "search_synonyms.yml"),
        ]
    )
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.out + out.err
    assert f"publishers.yml:{line_of(data / 'publishers.yml', '  - com.cn')}: HC009 host 'com.cn'" in out.out
