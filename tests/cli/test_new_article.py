"""`make new` scaffolds a zh/en pair that passes the content rules and joins the navigation."""

import datetime as dt
import shutil

import pytest

from scripts.cli.check import run
from scripts.cli.new_article import ScaffoldError, add_to_nav, scaffold
from scripts.gates.rules import Content
from tests.conftest import FIXTURE_SITE, HERE

TEXTS = {
    "zh": {"title": "余额被冻结", "description": "余额被冻结时该怎么办，以及需要准备什么。"},
    "en": {"title": "Balance frozen", "description": "What to do when your balance is frozen, and what to prepare."},
}


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    for lang in ("zh", "en"):
        (root / "docs" / lang / "account").mkdir(parents=True)
    shutil.copy(HERE.parent / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_creates_a_valid_pair_and_nav_entry(repo):
    created = scaffold("account", "frozen-balance", TEXTS, root=repo, today=dt.date(2026, 11, 22))
    assert [p.relative_to(repo).as_posix() for p in created] == ["docs/zh/account/frozen-balance.md", "docs/en/account/frozen-balance.md"]
    findings = run(Content(docs=repo / "docs", contacts_file=FIXTURE_SITE / "data" / "contacts.yml"))
    assert [f for f in findings if f.severity == "error"] == []
    nav = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      - account/dormant-balance.md\n      - account/frozen-balance.md\n" in nav


def test_refuses_to_overwrite_or_invent_sections(repo):
    scaffold("account", "frozen-balance", TEXTS, root=repo)
    with pytest.raises(ScaffoldError, match="already exists"):
        scaffold("account", "frozen-balance", TEXTS, root=repo)
    with pytest.raises(ScaffoldError, match="does not exist"):
        scaffold("loans", "x", TEXTS, root=repo)
    with pytest.raises(ScaffoldError, match="lower-case words"):
        scaffold("account", "Frozen Balance", TEXTS, root=repo)


def test_nav_needs_an_existing_section():
    with pytest.raises(ScaffoldError, match="no nav section"):
        add_to_nav("nav:\n  - Home: index.md\n", "account", "x")
