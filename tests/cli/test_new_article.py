"""`make new` scaffolds a zh/en pair that passes the content rules, with or without a terminal."""

import datetime as dt
import shutil
import subprocess
import sys

import pytest
import yaml

from scripts.cli import new_article
from scripts.cli.check import run
from scripts.cli.new_article import ScaffoldError, scaffold
from scripts.content.front_matter import read_meta
from scripts.gates.rules import Content
from tests.conftest import FIXTURE_SITE, HERE

TODAY = dt.date(2026, 11, 22)
TEXTS = {
    "zh": {"title": "余额被冻结", "description": "余额被冻结时该怎么办，以及需要准备什么。"},
    "en": {"title": "Balance frozen", "description": "What to do when your balance is frozen, and what to prepare."},
}
ENV = {
    "SECTION": "account",
    "SLUG": "frozen-balance",
    "TITLE_ZH": TEXTS["zh"]["title"],
    "TITLE_EN": TEXTS["en"]["title"],
    "DESCRIPTION_ZH": TEXTS["zh"]["description"],
    "DESCRIPTION_EN": TEXTS["en"]["description"],
}


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    for lang in ("zh", "en"):
        (root / "docs" / lang / "account").mkdir(parents=True)
        (root / "docs" / lang / "payments").mkdir(parents=True)
    shutil.copy(HERE.parent / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _errors(root):
    findings = run(Content(docs=root / "docs", contacts_file=FIXTURE_SITE / "data" / "contacts.yml"))
    return [f.plain() for f in findings if f.severity == "error"]


def test_creates_a_valid_pair_and_leaves_mkdocs_yml_alone(repo):
    config = (repo / "mkdocs.yml").read_bytes()
    created = scaffold("account", "frozen-balance", TEXTS, root=repo, today=TODAY)
    assert [p.relative_to(repo).as_posix() for p in created] == ["docs/zh/account/frozen-balance.md", "docs/en/account/frozen-balance.md"]
    assert _errors(repo) == []
    assert (repo / "mkdocs.yml").read_bytes() == config  # the navigation comes from the folders
    meta, body, _ = read_meta(created[0])
    assert meta.title == "余额被冻结" and meta.last_reviewed == TODAY and body.lstrip().startswith("# 余额被冻结\n")


NASTY_TITLES = [
    'Refund: "quoted" and #hash',
    "yes",
    "null",
    "- starts with a dash",
    "2026-01-01",
    "'single quotes'",
    "a: b: c",
    "[looks like a list]",
    "{looks like a map}",
    "* star",
    "&anchor",
    "!tag",
    "%percent",
    "@at sign",
    "`backticks`",
    "| pipe",
    "> greater",
    "退款：冒号与“引号”",
    "Tab\tinside",
    "trailing backslash \\",
    "--- three dashes",
    "...",
    "~ tilde",
    "Emoji 💳",
]


@pytest.mark.parametrize("title", NASTY_TITLES)
def test_front_matter_is_valid_yaml_whatever_the_title(repo, title):
    if "\t" in title:
        with pytest.raises(ScaffoldError, match="one line"):
            scaffold("account", "x", {lang: {**TEXTS[lang], "title": title} for lang in TEXTS}, root=repo, today=TODAY)
        return
    texts = {lang: {**TEXTS[lang], "title": title, "description": f"{title} — a description long enough."} for lang in TEXTS}
    created = scaffold("account", "nasty", texts, root=repo, today=TODAY)
    for path in created:
        meta, _, _ = read_meta(path)
        assert meta.title == title.strip()
        head = path.read_text(encoding="utf-8").split("---\n")[1]
        assert yaml.safe_load(head)["title"] == title.strip()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"section": "loans"}, r"section 'loans' does not exist — pick one of: account, payments"),
        ({"slug": "Frozen Balance"}, "lower-case words joined by hyphens"),
        ({"slug": ""}, "lower-case words joined by hyphens"),
        ({"risk": "extreme"}, "risk 'extreme' must be one of low, medium, high"),
        ({"title": "x"}, r"title \(zh\) is 1 characters long — write 2 to 80 characters"),
        ({"title": "A\nB"}, r"title \(zh\) must be one line"),
        ({"title": "{{ phone('x') }}"}, "template code"),
        ({"description": "short"}, r"description \(zh\) is 5 characters long — write 10 to 200"),
        ({"last_reviewed": "2026-02-30"}, "date '2026-02-30' does not exist in the calendar — check the month and the day"),
        ({"last_reviewed": "2026-11-23"}, r"date 2026-11-23 is in the future — .* today \(2026-11-22\) or earlier"),
        ({"last_reviewed": "22/11/2026"}, "date '22/11/2026' is not written as YYYY-MM-DD — e.g. 2026-11-22"),
    ],
)
def test_refuses_bad_input_with_a_clean_message_and_writes_nothing(repo, change, message):
    texts = {lang: dict(TEXTS[lang]) for lang in TEXTS}
    for key in ("title", "description"):
        if key in change:
            texts["zh"][key] = change[key]
    args = {"section": change.get("section", "account"), "slug": change.get("slug", "frozen-balance"), "risk": change.get("risk", "low")}
    with pytest.raises(ScaffoldError, match=message):
        scaffold(args["section"], args["slug"], texts, args["risk"], root=repo, today=TODAY, last_reviewed=change.get("last_reviewed"))
    assert not list((repo / "docs").rglob("*.md"))


def test_refuses_to_overwrite(repo):
    scaffold("account", "frozen-balance", TEXTS, root=repo, today=TODAY)
    before = (repo / "docs" / "zh" / "account" / "frozen-balance.md").read_bytes()
    with pytest.raises(ScaffoldError, match="docs/zh/account/frozen-balance.md already exists"):
        scaffold("account", "frozen-balance", TEXTS, root=repo, today=TODAY)
    assert (repo / "docs" / "zh" / "account" / "frozen-balance.md").read_bytes() == before


def test_works_from_the_environment_without_a_terminal(repo, capsys):
    assert new_article.main([], env=ENV, root=repo) == 0
    assert "created docs/zh/account/frozen-balance.md" in capsys.readouterr().out
    assert _errors(repo) == []


def test_options_win_over_the_environment(repo):
    assert new_article.main(["payments", "other-slug", "--risk", "medium", "--last-reviewed", "2026-01-05"], env=ENV, root=repo) == 0
    meta, _, _ = read_meta(repo / "docs" / "en" / "payments" / "other-slug.md")
    assert meta.risk.value == "medium" and meta.last_reviewed == dt.date(2026, 1, 5)


def test_without_a_terminal_lists_what_is_missing(repo, capsys):
    # Under pytest stdin is not a terminal: nothing may wait for input.
    assert new_article.main([], env={"SECTION": "account"}, root=repo) == 2
    err = capsys.readouterr().err
    assert err.startswith("make new: missing values, and there is no terminal")
    for name in ("SLUG=", "TITLE_ZH=", "TITLE_EN=", "DESCRIPTION_ZH=", "DESCRIPTION_EN=", "--title-zh"):
        assert name in err
    assert "SECTION=" not in err.split("\n", 1)[1].split("give them")[0]
    assert not list((repo / "docs").rglob("*.md"))


def test_bad_date_from_the_environment_is_a_clean_message(repo, capsys):
    assert new_article.main([], env={**ENV, "LAST_REVIEWED": "2026-13-01"}, root=repo) == 2
    err = capsys.readouterr().err
    assert err.strip() == "make new: date '2026-13-01' does not exist in the calendar — check the month and the day"


def test_questions_are_in_chinese_and_english(repo):
    asked = []
    answers = iter(
        ["account", "asked-page", "问答页面", "Asked page", "通过提问创建的测试页面。", "A page created by answering questions."]
    )

    def ask(question):
        asked.append(question)
        return next(answers)

    assert new_article.main([], env={}, ask=ask, root=repo) == 0
    assert len(asked) == 6
    for question in asked:
        assert (
            any("\u4e00" <= ch <= "\u9fff" for ch in question)
            and "/ " in question
            and any(ch.isascii() and ch.isalpha() for ch in question)
        )
    assert "(account, payments)" in asked[0]
    assert (repo / "docs" / "en" / "account" / "asked-page.md").exists()


def test_end_of_input_cancels_cleanly(repo, capsys):
    def ask(question):
        raise EOFError

    assert new_article.main([], env={}, ask=ask, root=repo) == 2
    assert "cancelled — nothing was written" in capsys.readouterr().err


def test_as_a_command_without_a_terminal_it_never_waits():
    result = subprocess.run(
        [sys.executable, "-m", "scripts.cli.new_article"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=HERE.parent,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(HERE.parent)},
    )
    assert result.returncode == 2
    assert result.stderr.startswith("make new: missing values") and "Traceback" not in result.stderr
